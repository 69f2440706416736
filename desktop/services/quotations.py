"""Quotations: passages of a statement marked as quotable, and the quotations PDF made from them.

The rules, each in one place:

* **Consent.** Only interviews with active consent for anonymised quotation contribute
  (``Interview.has_consent(ConsentUse.QUOTATION)``, the rule every export uses); a withdrawn
  consent takes every quotation of that interview out of the next PDF. Consent for the complaint
  is a different use and is not needed here.
* **Redaction.** A quotation is cut from its statement's *redacted* text: the same text the review
  shows (:func:`desktop.services.statements.statement_text`), the same engine, the record's known
  identifiers and the reviewer's stored decisions, so a recorded name inside a marked passage comes
  out as the statement's own placeholder ("Person A"). A boundary inside a redacted stretch takes
  the whole placeholder. Anything that does not line up is left out, never guessed.
* **The gate.** Each passage is checked against every recorded identifier of every interview in the
  vault (and what its own statement's redaction removed), and one that trips it is left out and
  named by reference; the finished PDF is checked again by the same gate as a statement.
* **Attribution.** Role, crime and police force are shown only when at least ``threshold`` (the
  totals' threshold, default 5) interviews with consent for quotation share every attribute shown:
  the police force is dropped first, then the crime, then the role.

Marks are stored in the vault (``vault.quotations``) with an audit entry on the interview's id.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.core.fold import fold
from desktop.core.forces import force_by_code
from desktop.core.model import CRIME_LABELS, Consent, ConsentUse, CrimeType, Interview, Role
from desktop.core.quotations import THEME_LABELS, Quotation, Theme, locate
from desktop.evidence.protect import DEFAULT_THRESHOLD, MIN_THRESHOLD
from desktop.files import atomic_write
from desktop.redaction import (
    Decisions,
    Span,
    apply,
    case_sensitive_parts,
    detect,
    effective_spans,
    forbidden_strings,
    known_from_interview,
)
from desktop.redaction.graphemes import snap
from desktop.reports.export import protected_strings
from desktop.reports.fonts import UncoveredCharacter
from desktop.reports.leak_gate import LeakDetected
from desktop.reports.quotations import (
    PassageGate,
    QuotationsContent,
    QuotationsLayoutError,
    QuotedPassage,
    Section,
    render_checked,
)
from desktop.reports.wording import PLACEHOLDER, ROLE_LABELS
from desktop.services import destinations
from desktop.services.errors import Refused
from desktop.services.statement_text import ADDENDUM_BREAK, saved_versions, statement_text
from desktop.vault import Vault

log = logging.getLogger(__name__)

__all__ = ["Collected", "Theme", "WriteResult", "attribution", "collect", "content", "cut", "listed", "mark",
           "remove", "write_pdf"]

# --- marking ---------------------------------------------------------------------------------


def listed(vault: Vault, interview_id: str) -> list[Quotation]:
    return vault.quotations.for_interview(interview_id)


def mark(vault: Vault, interview_id: str, start: int, end: int, theme: Theme | str) -> Quotation:
    """Mark ``text[start:end]`` of the reviewed text as quotable under ``theme`` (an audit entry
    ``quotation.marked`` names the interview). Refused for an empty stretch or one across an addendum."""
    try:
        theme = Theme(theme)
    except ValueError:
        raise Refused("Choose a theme for the quotation.") from None
    iv = vault.interviews.get(interview_id)
    text = statement_text(iv, saved_versions(vault, iv))
    if not (0 <= start < end <= len(text)):
        raise Refused("Select the passage to quote in the statement first.")
    start, end = snap(text, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise Refused("Select the passage to quote in the statement first.")
    if ADDENDUM_BREAK.strip() in text[start:end]:
        raise Refused("A quotation cannot run across the start of an addendum: mark each part on its own.")
    return vault.quotations.add(interview_id, start, end, text[start:end], theme)


def remove(vault: Vault, quotation_id: str) -> bool:
    """Take one mark back (an audit entry ``quotation.removed`` names the interview)."""
    return vault.quotations.remove(quotation_id)


# --- cutting a passage from the redacted statement ------------------------------------------------


def _groups(text: str, spans: Sequence[Span]) -> list[tuple[int, int]]:
    """The stretches the engine replaces: its spans snapped to whole letters, overlapping or touching merged."""
    out: list[list[int]] = []
    for sp in sorted(spans, key=lambda s: (s.start, -s.end)):
        s, e = snap(text, sp.start, sp.end)
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _aligned(text: str, redacted: str, groups: list[tuple[int, int]]) -> list[tuple[int, int, int, int]] | None:
    """Each replaced stretch with where its placeholder stands in ``redacted``, found by walking both
    texts; None if they do not line up (the caller then leaves the passage out)."""
    out = []
    r = last = 0
    for s, e in groups:
        seg = text[last:s]
        if not redacted.startswith(seg, r):
            return None
        r += len(seg)
        m = PLACEHOLDER.match(redacted, r)
        if m is None:
            return None
        out.append((s, e, r, m.end()))
        r, last = m.end(), e
    return out if redacted[r:] == text[last:] else None


def _map(pos: int, aligned: list[tuple[int, int, int, int]], *, end: bool) -> int:
    shift = 0
    for s, e, rs, re_ in aligned:
        if pos <= s:
            break
        if pos < e:  # inside a replaced stretch: the whole placeholder
            return re_ if end else rs
        shift = re_ - e
    return pos + shift


@dataclass(frozen=True)
class Cut:
    """The interview's passages cut from its redacted statement, and what its gate looks for."""

    passages: list[tuple[Quotation, str]]
    forbidden: list[str]
    left_out: list[str]  # reasons, naming the reference


def cut(iv: Interview, quotations: Sequence[Quotation], decisions_payload: dict | None,
        history: Sequence[Interview] = ()) -> Cut:
    """Redact ``iv``'s statement with the engine and the stored decisions (as its export does) and cut
    each quotation from the redacted text."""
    text = statement_text(iv, history)
    known = known_from_interview(iv)
    spans = detect(text, known)
    decisions = Decisions.from_dict(decisions_payload, text) if decisions_payload else None
    red = apply(text, spans, decisions)
    eff = effective_spans(text, spans, decisions)
    kept = [d.text for d in decisions.rejections()] if decisions is not None else []
    kept_keys = {fold(k.strip()) for k in kept}
    removed = [r for r in red.removed if fold(r.strip()) not in kept_keys]
    forbidden = protected_strings(iv, [*forbidden_strings(text, eff, known, kept), *removed],
                                  case_sensitive=case_sensitive_parts(known))
    aligned = _aligned(text, red.text, _groups(text, eff))
    passages, left_out = [], []
    for n, q in enumerate(quotations, 1):
        at = locate(text, q)
        if at is None:
            left_out.append(f"Quotation {n} of statement {iv.reference} was left out: the passage was changed "
                            "after it was marked. Mark it again in the review.")
            continue
        if aligned is None:
            left_out.append(f"Quotation {n} of statement {iv.reference} was left out: it could not be cut from "
                            "the redacted statement. Open the review, apply, and mark it again.")
            continue
        piece = red.text[_map(at[0], aligned, end=False):_map(at[1], aligned, end=True)]
        passages.append((q, " ".join(piece.split())))
    return Cut(passages, forbidden, left_out)


# --- who said it, as far as that is safe to say ------------------------------------------------


@dataclass(frozen=True)
class Facts:
    role: Role
    crime: CrimeType | None
    force: str


def attribution(facts: Facts, pool: Sequence[Facts], threshold: int) -> tuple[str, ...]:
    """The labels of role, crime and force that at least ``threshold`` interviews in ``pool`` (those
    with consent for quotation) share together; the force goes first, then the crime, then the role."""
    shown = [("role", facts.role), ("crime", facts.crime), ("force", facts.force)]
    while shown:
        if all(v is not None for _k, v in shown):
            n = sum(1 for p in pool if all(getattr(p, k) == v for k, v in shown))
            if n >= threshold:
                break
        shown.pop()
    labels = {"role": lambda v: ROLE_LABELS[v], "crime": lambda v: CRIME_LABELS[v],
              "force": lambda v: force_by_code(v).name}
    return tuple(labels[k](v) for k, v in shown)


def _pool(vault: Vault) -> dict[str, Facts]:
    out = {}
    for iv_id, role, crime, force, given, withdrawn in vault.quotations.consent_rows():
        withdrawn_on = date.fromisoformat(withdrawn) if withdrawn else None
        c = Consent(ConsentUse.QUOTATION, bool(given), withdrawn_on=withdrawn_on)
        if c.active:
            out[iv_id] = Facts(Role(role), CrimeType(crime) if crime else None, str(force))
    return out


# --- the collection and the PDF ---------------------------------------------------------------


@dataclass
class Collected:
    threshold: int
    by_theme: dict[Theme, list[QuotedPassage]] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    interviews: int = 0  # interviews that contributed at least one quotation

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.by_theme.values())


def _check_threshold(threshold: int) -> int:
    if not isinstance(threshold, int) or threshold < MIN_THRESHOLD:
        raise Refused(f"The threshold must be {MIN_THRESHOLD} or more.")
    return threshold


def every_identifier(vault: Vault) -> list[str]:
    """Every recorded name, alias and identifier of every interview in the vault, and their parts
    (a surname alone, a street without its number), as a statement's gate looks for its own: a
    perpetrator recorded in one interview and named in passing in another is still found. Name parts
    that are English words are looked for only where capitalised, as in a statement."""
    out: dict[str, None] = {}
    for iv_id in vault.interviews.ids():
        iv = vault.interviews.get(iv_id)
        known = known_from_interview(iv)
        for s in protected_strings(iv, forbidden_strings("", [], known), case_sensitive=case_sensitive_parts(known)):
            out.setdefault(s, None)
    return list(out)


def collect(vault: Vault, *, threshold: int = DEFAULT_THRESHOLD) -> Collected:
    """Every quotation that may be published now, redacted, checked and attributed, by theme."""
    _check_threshold(threshold)
    pool = _pool(vault)
    everyone = every_identifier(vault)
    result = Collected(threshold, {t: [] for t in Theme}, forbidden=list(everyone))
    seen = set(everyone)
    gate = PassageGate(everyone)
    for iv_id in vault.quotations.interview_ids():
        if iv_id not in pool:
            continue
        iv = vault.interviews.get(iv_id)
        if not iv.has_consent(ConsentUse.QUOTATION):  # the one rule, on the record itself
            continue
        marks = vault.quotations.for_interview(iv_id)
        try:
            done = cut(iv, marks, vault.redaction.load_decisions(iv_id), saved_versions(vault, iv))
        except ValueError:  # stored decisions that do not parse: never quote without them
            result.left_out.append(f"The quotations of statement {iv.reference} were left out: the review decisions "
                                   "saved for it could not be read. Open its review to check them.")
            continue
        result.left_out += done.left_out
        for s in done.forbidden:
            if s not in seen:
                seen.add(s)
                result.forbidden.append(s)
        facts = Facts(iv.role, iv.crime_type, iv.force)
        contributed = False
        for q, text in done.passages:
            n = marks.index(q) + 1
            try:
                gate.check(text)  # every recorded identifier in the vault
                PassageGate(done.forbidden).check(text)  # and what this statement's redaction removed
            except LeakDetected as exc:
                result.left_out.append(f"Quotation {n} of statement {iv.reference} was left out: {exc.kind} is "
                                       "still in it. Redact it in the review, or mark a shorter passage.")
                continue
            result.by_theme[q.theme].append(QuotedPassage(text, attribution(facts, list(pool.values()), threshold)))
            contributed = True
        result.interviews += contributed
    for theme in result.by_theme:  # no order that follows the interviews or their references
        result.by_theme[theme].sort(key=lambda p: (fold(p.text), p.attribution))
    return result


def content(collected: Collected) -> QuotationsContent:
    return QuotationsContent(collected.threshold, tuple(
        Section(THEME_LABELS[t], tuple(collected.by_theme.get(t, ()))) for t in Theme))


@dataclass(frozen=True)
class WriteResult:
    path: Path
    quotations: int
    interviews: int
    left_out: list[str]
    size: int
    gate: str


def render(collected: Collected) -> tuple[bytes, str]:
    """The checked PDF bytes and the gate's summary; Refused (nothing made) if any step refuses."""
    try:
        data, report = render_checked(content(collected), collected.forbidden)
    except LeakDetected as exc:
        raise Refused(f"The quotations were not written: {exc.kind} was found in them by the final check. "
                      "Nothing was written.") from exc
    except (UncoveredCharacter, QuotationsLayoutError) as exc:
        raise Refused(f"The quotations were not written: {exc}") from exc
    return data, report.summary()


def write_pdf(vault: Vault, out: Path, *, threshold: int = DEFAULT_THRESHOLD, overwrite: bool = False) -> WriteResult:
    """Collect, render, gate, and only then write the quotations PDF atomically (audit ``quotations.exported``)."""
    target = destinations.check_file(Path(out).expanduser(), overwrite=overwrite)
    collected = collect(vault, threshold=threshold)
    data, gate = render(collected)
    atomic_write(target, data, mode=0o600)
    vault.audit.append("quotations.exported", None)
    log.info("quotations exported (%d bytes, %d quotations)", len(data), collected.count)
    return WriteResult(target, collected.count, collected.interviews, collected.left_out, len(data), gate)
