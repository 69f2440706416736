"""Statements from content to checked bytes: build the content from redacted text, render, gate.

Pure: nothing here reads the vault or writes a file. The order never changes:
:func:`build_content` takes only redacted text and the record's facts; :func:`render_checked`
checks the content for protected strings, draws it in memory and has the leak gate examine the
bytes, and returns them only if all is well. The services (:mod:`desktop.services.statements`)
redact, call this, and write the file atomically.

Files are named by the statement's reference code only (``WB-7KQ3-M9XD.pdf``). Messages name the
reference, never a person.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from desktop.core import places
from desktop.core.forces import force_by_code
from desktop.core.model import CRIME_LABELS, ConsentUse, Interview, PersonRole, is_demo_reference
from desktop.reports import leak_gate, wording
from desktop.reports.fonts import UncoveredCharacter, UnreadableGlyph
from desktop.reports.leak_gate import LeakDetected
from desktop.reports.statement import (
    Addendum,
    LegendLine,
    Rendered,
    StatementContent,
    StatementLayoutError,
    draw_statement,
    free_text_literals,
    placeholders,
    render_statement,
)
from desktop.reports.wording import (
    ANSWER_LABELS,
    CONSENT_LINE,
    INTERVIEWEE,
    NOT_KNOWN,
    NOT_RECORDED,
    OUTCOME_LABELS,
    PERSON_ROLES,
    ROLE_LABELS,
    TYPE_NAMES,
    UNRECORDED_DAY,
    UNRECORDED_PERSON,
    WHY_HIDDEN,
    WHY_OTHER,
)

log = logging.getLogger(__name__)

_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,39}$")


class ExportRefused(Exception):
    """A statement was not exported, for a reason the worker can act on. The message holds no personal data."""


# What refuses one statement (never the whole export): each message names the reference, never a person.
REFUSALS: tuple[type[Exception], ...] = (ExportRefused, LeakDetected, UncoveredCharacter, StatementLayoutError)


class LegendLike(Protocol):
    placeholder: str
    description: str


class RedactedLike(Protocol):
    """What the redaction engine's ``apply()`` returns (``Redacted``): the text and its legend."""

    text: str
    legend: Sequence[Any]


def day_label(d: date | None) -> str:
    return f"{d.day} {d.strftime('%B %Y')}" if d else UNRECORDED_DAY


def _require_consent(iv: Interview) -> None:
    """The last guard before content is built: never a statement without active consent for the
    complaint (the services refuse earlier, with the worker's message; this only backs them up)."""
    if not iv.has_consent(ConsentUse.COMPLAINT):
        raise ExportRefused(f"Statement {iv.reference} was not exported: there is no active consent to use it in "
                            "the complaint.")


def consent_line(iv: Interview) -> str:
    c = iv.consent[ConsentUse.COMPLAINT]
    return CONSENT_LINE.format(day=day_label(c.recorded_on))


def _legend(entries: Iterable[Any], roles: Mapping[str, PersonRole] | None = None) -> tuple[LegendLine, ...]:
    """The legend: what each placeholder stands for and why it is hidden.

    With ``roles`` (placeholder -> the recorded person's role) a person's line says their role in the
    account ("The perpetrator"), or that they were named but not recorded, and nothing more.
    Without it (a redaction that gives no mapping) the entry's own description is kept.
    """
    out = []
    for e in entries:
        kind = getattr(e, "type", None) or getattr(e, "kind", "")
        kind = str(getattr(kind, "value", kind)).upper()
        desc = str(getattr(e, "description", ""))
        placeholder = str(e.placeholder)
        if roles is None:
            name = TYPE_NAMES.get(kind, kind.replace("_", " ").capitalize())
            out.append(LegendLine(placeholder, name, desc[:1].upper() + desc[1:]))
            continue
        if kind == "PERSON":
            role = roles.get(placeholder)
            stands = PERSON_ROLES[role] if role is not None else UNRECORDED_PERSON
        else:
            stands = desc[:1].upper() + desc[1:] if desc else TYPE_NAMES.get(kind, kind.replace("_", " ").capitalize())
        out.append(LegendLine(placeholder, stands, WHY_HIDDEN.get(kind, WHY_OTHER)))
    return tuple(out)


def person_roles(iv: Interview, mapping: Mapping[str, str]) -> dict[str, PersonRole]:
    """Placeholder -> role of the recorded person it stands for (``mapping``: the engine's
    placeholder -> recorded name). Looked up in memory; names are never printed."""
    by_name: dict[str, PersonRole] = {}
    for p in iv.people:
        by_name.setdefault(p.name, p.role)
    return {placeholder: by_name[name] for placeholder, name in mapping.items() if name in by_name}


def _pseudonym(legend: Sequence[LegendLine]) -> str:
    for e in legend:
        if "interviewee" in e.kind.lower() or "interviewee" in e.description.lower():
            return e.placeholder
    return INTERVIEWEE


def build_content(
    iv: Interview,
    redacted: RedactedLike,
    *,
    pseudonym: str | None = None,
    addenda: Sequence[Addendum] = (),
    sealed_on: date | None = None,
    organisation: str = "",
    shared: str = "",
    annex: str = "",
) -> StatementContent:
    """The statement content for ``iv`` from the redaction engine's output.

    Only ``redacted.text`` and ``redacted.legend`` (and addenda, ``shared`` and ``annex``, which
    must be redacted too, with the same placeholders) reach the PDF, plus facts chosen from fixed
    lists (role, force, crime type, months, answers), the interviewer's role and ``organisation``
    (both typed: the leak gate searches them in full). The record's own free-text fields never do.
    A ``redacted.mapping`` (placeholder -> recorded name) gives each person's role in the legend.
    Raises ExportRefused without active consent.
    """
    _require_consent(iv)
    if iv.crime_type is None:
        raise ExportRefused(f"Statement {iv.reference} was not exported: the crime reported is not chosen yet. "
                            "Choose it on the interview form and save first.")
    mapping = getattr(redacted, "mapping", None)
    legend = _legend(redacted.legend, person_roles(iv, mapping) if mapping is not None else None)
    force = force_by_code(iv.force).name
    facts = (
        ("Officers asked about immigration status", ANSWER_LABELS[iv.asked_about_status]),
        ("Immigration Enforcement contacted", ANSWER_LABELS[iv.immigration_enforcement_contacted]),
        ("Fear of status checks stopped or delayed reporting", ANSWER_LABELS[iv.fear_delayed_reporting]),
        ("Immigration status used as a threat", ANSWER_LABELS[iv.status_used_as_threat]),
        ("What happened next", "; ".join(OUTCOME_LABELS[o] for o in iv.outcomes) or NOT_RECORDED),
    )
    return StatementContent(
        reference=iv.reference,
        pseudonym=pseudonym or _pseudonym(legend),
        role=ROLE_LABELS[iv.role],
        force=force,
        crime=CRIME_LABELS[iv.crime_type],
        reported=iv.reported_on.label() if iv.reported_on else NOT_KNOWN,
        language=iv.language or NOT_RECORDED,
        interpreter=iv.interpreter_used,
        statement=redacted.text,
        legend=legend,
        consent=consent_line(iv),
        facts=facts,
        addenda=tuple(addenda),
        sealed_on=day_label(sealed_on) if sealed_on else None,
        interviewed=month_label(iv.interviewed_on),
        organisation=organisation.strip(),
        interviewer_role=iv.interviewer_role.strip(),
        shared=shared,
        annex=annex,
        demo=is_demo_reference(iv.reference),
    )


def month_label(d: date) -> str:
    return d.strftime("%B %Y")


def protected_strings(iv: Interview, extra: Iterable[str] = (), case_sensitive: Iterable[str] = ()) -> list[str]:
    """Every string the PDF must not hold: the record's known identifiers and what redaction removed.

    ``case_sensitive`` are recorded name parts that are English words, which redaction removes
    only where capitalised: each of them, and any capitalised string that folds to one of them
    (what redaction removed), becomes a :class:`~desktop.reports.leak_gate.CaseSensitive` item:
    "I will" is no trace of Will, "WILL" is. A lower-case stretch the reviewer chose to redact by
    hand ("hope") stays a plain string, looked for in any case.
    """
    parts = {w.strip() for w in case_sensitive if w.strip()}
    words = {leak_gate.fold(w) for w in parts}
    seen: dict[str, None] = {}
    for s in [*iv.known_strings(), *extra]:
        if s and s.strip():
            seen.setdefault(s.strip(), None)
    return [leak_gate.CaseSensitive(s) if s in parts or (s[:1].isupper() and leak_gate.fold(s) in words) else s
            for s in seen]


def statement_file_name(reference: str) -> str:
    if not _REFERENCE.match(reference):
        raise ExportRefused("The statement reference is not a valid reference code.")
    return f"{reference}.pdf"


Renderer = Callable[[StatementContent], bytes | Rendered]


def render_checked(content: StatementContent, forbidden: Iterable[str], *,
                   render: Renderer = draw_statement) -> tuple[bytes, leak_gate.GateReport]:
    """Render and gate in memory. Raises LeakDetected, UncoveredCharacter or ExportRefused.

    A renderer that returns :class:`Rendered` declares the literals it drew (the form's wording,
    values from fixed lists); one that returns bytes declares none, and the gate excuses nothing.
    """
    if content.signing_copy:
        raise ExportRefused("A signing copy is not a redacted statement and cannot be exported as one.")
    items = list(forbidden)
    index = leak_gate.needle_index(items)  # made once, for the text before drawing and for the PDF
    free, phrases = free_text_literals(content)
    leak_gate.check_text(free, items, where="the statement's text before it was drawn", literals=phrases,
                         index=index)
    try:
        out = render(content)
    except UnreadableGlyph:
        raise ExportRefused(f"Statement {content.reference} was not exported: a letter in it is drawn with a "
                            "glyph whose text could not be recorded, so the PDF would not read back as letters."
                            ) from None
    data, literals = (out.data, out.literals) if isinstance(out, Rendered) else (out, ())
    report = leak_gate.check(data, items, expected_text=content.all_text(), literals=literals, index=index)
    return data, report


def leak_line(content: StatementContent, item: str) -> tuple[int, int] | None:
    """(paragraph, line) of the first line of the statement's body (``content.statement``, the
    redacted text) where the leak gate finds ``item``, with the same fixed phrases excused; None
    when it is elsewhere (an addendum, the legend) or not in the text at all."""
    phrases = wording.fixed_phrases(placeholders(content))
    for paragraph, line, start, end in places.lines(content.statement):
        text = content.statement[start:end]
        try:
            leak_gate.check_text(text, [item], literals=[m.group() for m in phrases.finditer(text)])
        except LeakDetected:
            return paragraph, line
    return None


def leak_section(content: StatementContent, item: str) -> str | None:
    """Which other printed part of the statement holds ``item`` for the leak gate, in the worker's
    words ("what was shared with Immigration Enforcement"), or None."""
    phrases = wording.fixed_phrases(placeholders(content))
    for words, text in (("what was shared with Immigration Enforcement", content.shared),
                        ("the interviewee's own words", content.annex)):
        try:
            leak_gate.check_text(text, [item], literals=[m.group() for m in phrases.finditer(text)])
        except LeakDetected:
            return words
    return None


# -- the signing copy ---------------------------------------------------------------------------


def signing_content(iv: Interview, *, confirmed: bool, addenda: Sequence[Addendum] = (),
                    sealed_on: date | None = None, organisation: str = "") -> StatementContent:
    """The full, unredacted statement for the interviewee to read back and sign.

    Needs ``confirmed=True``: the worker confirmed on screen that they mean to print personal data.
    """
    if not confirmed:
        raise ExportRefused("The signing copy holds personal data; it is only made after you confirm.")
    name = next((p.name for p in iv.people if p.role == PersonRole.INTERVIEWEE), "the interviewee")
    return StatementContent(
        reference=iv.reference,
        pseudonym=name,
        role=ROLE_LABELS[iv.role],
        force=force_by_code(iv.force).name,
        crime=CRIME_LABELS[iv.crime_type] if iv.crime_type is not None else NOT_RECORDED,
        reported=iv.reported_on.label() if iv.reported_on else NOT_KNOWN,
        language=iv.language or NOT_RECORDED,
        interpreter=iv.interpreter_used,
        statement=iv.statement,
        consent=consent_line(iv) if iv.has_consent(ConsentUse.COMPLAINT) else "Consent not yet recorded.",
        addenda=tuple(addenda),
        sealed_on=day_label(sealed_on) if sealed_on else None,
        signing_copy=True,
        interviewed=month_label(iv.interviewed_on),
        organisation=organisation.strip(),
        interviewer_role=iv.interviewer_role.strip(),
        shared=iv.what_was_shared,
        annex=iv.original_text if has_annex(iv) else "",
        demo=is_demo_reference(iv.reference),
    )


def has_annex(iv: Interview) -> bool:
    """The statement carries the interviewee's own words when the interview was not in English."""
    return bool(iv.original_text.strip()) and (iv.language or "English").strip().casefold() != "english"


def render_signing_copy(content: StatementContent) -> bytes:
    """The signing copy as bytes (for printing). Checked for structure and neutral metadata only."""
    if not content.signing_copy:
        raise ExportRefused("Not a signing copy.")
    data = render_statement(content)
    leak_gate.check(data, ())
    return data


# -- from the vault and the redaction engine ------------------------------------------------------


def interviewee_pseudonym(iv: Interview, mapping: dict[str, str]) -> str | None:
    """The placeholder the redaction engine gave the interviewee (looked up in memory, never printed)."""
    names = {p.name for p in iv.people if p.role == PersonRole.INTERVIEWEE}
    for placeholder, original in mapping.items():
        if original in names:
            return placeholder
    return None
