"""Exporting statements: build the content from redacted text, render, gate, write atomically.

The order never changes: :func:`build_content` takes only redacted text and the record's facts;
the content is checked for protected strings before rendering; :func:`render_statement` draws it
in memory; :func:`desktop.reports.leak_gate.check` examines the bytes; only then does
:func:`desktop.files.atomic_write` write the file. If any step fails, nothing is written.

Files are named by the statement's reference code only (``WB-7KQ3-M9XD.pdf``). Messages name the
reference, never a person.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from desktop.core.forces import force_by_code
from desktop.core.model import CRIME_LABELS, ConsentUse, Interview, Status
from desktop.files import atomic_write
from desktop.reports import leak_gate
from desktop.reports.fonts import UncoveredCharacter, UnreadableGlyph
from desktop.reports.leak_gate import LeakDetected
from desktop.reports.statement import (
    Addendum,
    LegendLine,
    Rendered,
    StatementContent,
    draw_statement,
    free_text_literals,
    render_statement,
)
from desktop.reports.wording import (
    ANSWER_LABELS,
    CONSENT_LINE,
    INTERVIEWEE,
    NOT_KNOWN,
    NOT_RECORDED,
    OUTCOME_LABELS,
    ROLE_LABELS,
    TYPE_NAMES,
    UNRECORDED_DAY,
)

log = logging.getLogger(__name__)

_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,39}$")


class ExportRefused(Exception):
    """A statement was not exported, for a reason the worker can act on. The message holds no personal data."""


class ConsentMissing(ExportRefused):
    pass


class LegendLike(Protocol):
    placeholder: str
    description: str


class RedactedLike(Protocol):
    """What the redaction engine's ``apply()`` returns (``Redacted``): the text and its legend."""

    text: str
    legend: Sequence[Any]


@dataclass(frozen=True)
class ExportResult:
    reference: str
    path: Path
    fingerprint: str
    size: int
    gate: str  # the gate's one-line summary


@dataclass
class BulkResult:
    written: list[ExportResult] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (reference, reason)
    cancelled: bool = False


def _day(d: date | None) -> str:
    return f"{d.day} {d.strftime('%B %Y')}" if d else UNRECORDED_DAY


def require_consent(iv: Interview) -> None:
    """Refuse (ConsentMissing) unless the interviewee's consent for use in the complaint is active."""
    c = iv.consent.get(ConsentUse.COMPLAINT)
    if c is None or not c.given:
        raise ConsentMissing(
            f"Statement {iv.reference} was not exported: there is no consent to use it in the complaint. "
            "Record the interviewee's consent first."
        )
    if c.withdrawn_on is not None:
        raise ConsentMissing(
            f"Statement {iv.reference} was not exported: consent to use it in the complaint was withdrawn."
        )


def consent_line(iv: Interview) -> str:
    c = iv.consent[ConsentUse.COMPLAINT]
    return CONSENT_LINE.format(day=_day(c.recorded_on))


def _legend(entries: Iterable[Any]) -> tuple[LegendLine, ...]:
    out = []
    for e in entries:
        kind = getattr(e, "type", None) or getattr(e, "kind", "")
        kind = str(getattr(kind, "value", kind))
        name = TYPE_NAMES.get(kind.upper(), kind.replace("_", " ").capitalize())
        desc = str(getattr(e, "description", ""))
        out.append(LegendLine(str(e.placeholder), name, desc[:1].upper() + desc[1:]))
    return tuple(out)


def _pseudonym(legend: Sequence[LegendLine]) -> str:
    for e in legend:
        if "interviewee" in e.description.lower():
            return e.placeholder
    return INTERVIEWEE


def build_content(
    iv: Interview,
    redacted: RedactedLike,
    *,
    pseudonym: str | None = None,
    addenda: Sequence[Addendum] = (),
    sealed_on: date | None = None,
) -> StatementContent:
    """The statement content for ``iv`` from the redaction engine's output.

    Only ``redacted.text`` and ``redacted.legend`` (and addenda, which must be redacted too) reach
    the PDF, plus facts chosen from fixed lists (role, force, crime type, month, answers). The
    free-text fields of the record never do. Raises ConsentMissing without consent.
    """
    require_consent(iv)
    legend = _legend(redacted.legend)
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
        sealed_on=_day(sealed_on) if sealed_on else None,
    )


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
    free, phrases = free_text_literals(content)
    leak_gate.check_text(free, items, where="the statement's text before it was drawn", literals=phrases)
    try:
        out = render(content)
    except UnreadableGlyph:
        raise ExportRefused(f"Statement {content.reference} was not exported: a letter in it is drawn with a "
                            "glyph whose text could not be recorded, so the PDF would not read back as letters."
                            ) from None
    data, literals = (out.data, out.literals) if isinstance(out, Rendered) else (out, ())
    report = leak_gate.check(data, items, expected_text=content.all_text(), literals=literals)
    return data, report


def export_statement(content: StatementContent, forbidden: Iterable[str], out_path: Path, *,
                     render: Renderer = draw_statement) -> ExportResult:
    """Render, gate and atomically write one redacted statement. Nothing is written if any step fails.

    ``render`` is the renderer (the statement renderer unless a caller supplies another).
    """
    data, report = render_checked(content, forbidden, render=render)
    out_path = Path(out_path)
    atomic_write(out_path, data, mode=0o600)
    log.info("statement exported (%d bytes)", len(data))
    return ExportResult(content.reference, out_path, content.fingerprint, len(data), report.summary())


def _cancelled(cancel: Any) -> bool:
    if cancel is None:
        return False
    if hasattr(cancel, "is_set"):
        return bool(cancel.is_set())
    return bool(cancel())


def export_many(
    items: Iterable[str],
    load: Callable[[str], tuple[StatementContent, Iterable[str]]],
    out_dir: Path,
    *,
    total: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
) -> BulkResult:
    """Export statements one at a time into ``out_dir`` as ``<reference>.pdf``.

    ``load(item)`` returns the content and protected strings for one item (an interview id); it is
    called lazily so only one statement is in memory at a time. A refused statement (no consent,
    a leak, a character no font draws) is listed with its reason and the others go on.
    ``cancel`` is a threading.Event or a callable; it is checked between statements.
    """
    out_dir = Path(out_dir)
    result = BulkResult()
    seq = list(items) if total is None else items
    n = total if total is not None else len(seq)  # type: ignore[arg-type]
    done = 0
    for item in seq:
        if _cancelled(cancel):
            result.cancelled = True
            break
        reference = str(item)
        try:
            content, forbidden = load(item)
            reference = content.reference
            path = out_dir / statement_file_name(reference)
            result.written.append(export_statement(content, forbidden, path))
        except (ExportRefused, LeakDetected, UncoveredCharacter) as exc:
            result.refused.append((reference, str(exc)))
        done += 1
        if progress is not None:
            progress(done, n)
    return result


# -- the signing copy ---------------------------------------------------------------------------


def signing_content(iv: Interview, *, confirmed: bool, addenda: Sequence[Addendum] = (),
                    sealed_on: date | None = None) -> StatementContent:
    """The full, unredacted statement for the interviewee to read back and sign.

    Needs ``confirmed=True``: the worker confirmed on screen that they mean to print personal data.
    """
    if not confirmed:
        raise ExportRefused("The signing copy holds personal data; it is only made after you confirm.")
    from desktop.core.model import PersonRole

    name = next((p.name for p in iv.people if p.role == PersonRole.INTERVIEWEE), "the interviewee")
    return StatementContent(
        reference=iv.reference,
        pseudonym=name,
        role=ROLE_LABELS[iv.role],
        force=force_by_code(iv.force).name,
        crime=CRIME_LABELS[iv.crime_type],
        reported=iv.reported_on.label() if iv.reported_on else NOT_KNOWN,
        language=iv.language or NOT_RECORDED,
        interpreter=iv.interpreter_used,
        statement=iv.statement,
        consent=consent_line(iv) if iv.has_consent(ConsentUse.COMPLAINT) else "Consent not yet recorded.",
        addenda=tuple(addenda),
        sealed_on=_day(sealed_on) if sealed_on else None,
        signing_copy=True,
    )


def render_signing_copy(content: StatementContent) -> bytes:
    """The signing copy as bytes (for printing). Checked for structure and neutral metadata only."""
    if not content.signing_copy:
        raise ExportRefused("Not a signing copy.")
    data = render_statement(content)
    leak_gate.check(data, ())
    return data


def save_signing_copy(content: StatementContent, chosen_path: Path) -> Path:
    """Write the signing copy to the file the worker chose (never anywhere by default)."""
    if chosen_path is None:
        raise ExportRefused("Choose where to save the signing copy.")
    data = render_signing_copy(content)
    atomic_write(Path(chosen_path), data, mode=0o600)
    return Path(chosen_path)



# -- from the vault and the redaction engine ------------------------------------------------------


def interviewee_pseudonym(iv: Interview, mapping: dict[str, str]) -> str | None:
    """The placeholder the redaction engine gave the interviewee (looked up in memory, never printed)."""
    from desktop.core.model import PersonRole

    names = {p.name for p in iv.people if p.role == PersonRole.INTERVIEWEE}
    for placeholder, original in mapping.items():
        if original in names:
            return placeholder
    return None


@dataclass(frozen=True)
class SealHistory:
    """What the interviewee signed, when, and the dated changes made after (unredacted)."""

    signed: str
    sealed_on: date
    changes: tuple[tuple[date, str], ...]


def seal_history(versions: Sequence[Interview]) -> SealHistory | None:
    """From an interview's saved versions (oldest first, the current one last): the signed text and addenda.

    The first version marked sealed is what was signed. Each later change to the statement is an
    addendum dated by when it was saved: the added text when the statement grew at the end, else
    the whole statement as it then read. None if the statement was never sealed.
    """
    start = next((i for i, v in enumerate(versions) if v.status == Status.SEALED), None)
    if start is None:
        return None
    signed = versions[start]
    changes: list[tuple[date, str]] = []
    previous = signed.statement
    for v in versions[start + 1:]:
        if v.statement == previous:
            continue
        if v.statement.startswith(previous):
            added = v.statement[len(previous):].strip()
        else:
            added = "The statement was changed after it was signed. It now reads:\n\n" + v.statement
        if added:
            changes.append((v.updated_at.date(), added))
        previous = v.statement
    return SealHistory(signed.statement, signed.updated_at.date(), tuple(changes))


@dataclass(frozen=True)
class _RedactedBody:
    text: str
    legend: Sequence[Any]


_ADDENDUM_BREAK = "\n\n\u2042\u2042\u2042\n\n"  # asterisms: nothing a detector takes for an identifier


def statement_text(iv: Interview, history: Sequence[Interview] = ()) -> str:
    """The text the redaction engine works on for ``iv``, and so the text a reviewer reviews.

    Unsealed: the statement. Sealed: the signed text and each later change, joined by a line of
    asterisms that :func:`prepare_statement` splits on again to draw the dated addenda.
    """
    return _reviewed_text(iv, seal_history([*history, iv]))


def _reviewed_text(iv: Interview, seal: SealHistory | None) -> str:
    if seal is None:
        return iv.statement
    return _ADDENDUM_BREAK.join([seal.signed, *(t for _d, t in seal.changes)])


def prepare_statement(iv: Interview, decisions_payload: dict | None = None, *,
                      history: Sequence[Interview] = ()) -> tuple[StatementContent, list[str]]:
    """Redact ``iv`` with the redaction engine (and the reviewer's saved decisions) and build the content.

    ``history`` is the interview's earlier saved versions, oldest first: if the statement was
    sealed, the PDF shows the signed text and each later change as a dated addendum, redacted
    together so that every person keeps one pseudonym. Returns the content and the protected
    strings for the gate: everything the engine removed, every recorded identifier and its parts.
    Raises ConsentMissing without consent.
    """
    from desktop.redaction import (
        Decisions,
        apply,
        case_sensitive_parts,
        detect,
        effective_spans,
        forbidden_strings,
        known_from_interview,
    )

    require_consent(iv)
    seal = seal_history([*history, iv])
    text = _reviewed_text(iv, seal)
    known = known_from_interview(iv)
    spans = detect(text, known)
    decisions = Decisions.from_dict(decisions_payload, text) if decisions_payload else None  # reconciled to text
    red = apply(text, spans, decisions)
    addenda: tuple[Addendum, ...] = ()
    body = red.text
    if seal is not None:
        parts = red.text.split(_ADDENDUM_BREAK.strip("\n"))
        if len(parts) != len(seal.changes) + 1:
            raise ExportRefused(f"Statement {iv.reference} was not exported: its addenda could not be told apart "
                                "after redaction.")
        body = parts[0].strip()
        addenda = tuple(Addendum(_day(d), p.strip()) for (d, _t), p in zip(seal.changes, parts[1:], strict=True))
    content = build_content(iv, _RedactedBody(body, red.legend), pseudonym=interviewee_pseudonym(iv, red.mapping),
                            addenda=addenda, sealed_on=seal.sealed_on if seal else None)
    # A suggestion the reviewer kept (with a reason) is meant to be in the PDF, so the gate looks
    # only for what is redacted: the suggestions not kept, the manual additions and the record.
    redacted_spans = effective_spans(text, spans, decisions)
    forbidden = protected_strings(iv, [*forbidden_strings(text, redacted_spans, known), *red.removed],
                                  case_sensitive=case_sensitive_parts(known))
    return content, forbidden


def saved_versions(vault: Any, iv: Interview) -> list[Interview]:
    """The interview's earlier saved versions, oldest first, when it is sealed (the signed text and
    the addenda come from them); otherwise none are needed."""
    if iv.status != Status.SEALED:
        return []
    return [vault.interviews.get_revision(iv.id, n) for n, _at in vault.interviews.revisions(iv.id)]


def statement_loader(vault: Any) -> Callable[[str], tuple[StatementContent, list[str]]]:
    """``load(interview_id) -> (content, protected strings)``: the stored record, its saved versions
    if sealed, and the reviewer's stored decisions. The command line and the desktop app both export
    through this, so a statement comes out the same whichever way it is made."""

    def load(interview_id: str) -> tuple[StatementContent, list[str]]:
        iv = vault.interviews.get(interview_id)
        return prepare_statement(iv, vault.redaction.load_decisions(interview_id), history=saved_versions(vault, iv))

    return load
