"""Statements: the redaction review, the redacted export and the route between them.

The review and the export of one interview make their text the same way (:func:`statement_text`),
find suggestions with the same engine and the record's known identifiers, and apply the same
decisions, stored in the vault as the reviewer makes them: the preview in the review is exactly
the text the PDF is drawn from. Detection runs once per action.

Every export, from the desktop app or the command line, goes through :func:`export_statement` or
:func:`export_statements`: consent for the complaint is checked (one rule,
:meth:`desktop.core.model.Interview.has_consent`), the destination is checked
(:mod:`desktop.services.destinations`), the PDF is made and checked by ``reports`` in memory,
written atomically, and a ``statement.exported`` audit entry names the interview's id.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.fold import fold
from desktop.core.interrupts import interrupts_held
from desktop.core.model import MAX_PEOPLE, ConsentUse, Interview, Status
from desktop.core.places import Place
from desktop.files import atomic_write
from desktop.redaction import (
    Decisions,
    KnownIdentifiers,
    Span,
    apply,
    case_sensitive_parts,
    detect,
    effective_spans,
    forbidden_strings,
    known_from_interview,
)
from desktop.reports.export import (
    REFUSALS,
    Addendum,
    Renderer,
    StatementContent,
    build_content,
    day_label,
    interviewee_pseudonym,
    protected_strings,
    render_checked,
    statement_file_name,
)
from desktop.reports.leak_gate import LeakDetected
from desktop.reports.statement import draw_statement
from desktop.services import destinations, fingerprints, pool
from desktop.services.errors import ConsentMissing, DestinationExists, LeakRefused, Refused
from desktop.services.leak_refusals import leak_refusal
from desktop.services.organisation import organisation as organisation_of
from desktop.services.statement_text import (
    ADDENDUM_BREAK,
    cut_sections,
    reviewed_text,
    saved_versions,
    seal_history,
    statement_text,
)

if TYPE_CHECKING:  # the bulk export's workers import this module, never the vault (desktop.services.pool)
    from desktop.vault import Vault

log = logging.getLogger(__name__)


# --- consent ----------------------------------------------------------------------------------


def consent_refusal(iv: Interview, use: ConsentUse = ConsentUse.COMPLAINT) -> ConsentMissing | None:
    """Why ``iv`` may not be used for ``use``, or None when its consent is active."""
    if iv.has_consent(use):
        return None
    c = iv.consent.get(use)
    if c is not None and c.given and c.withdrawn_on is not None:
        return ConsentMissing(
            f"Statement {iv.reference} was not exported: the interviewee withdrew consent to use it in the complaint."
        )
    return ConsentMissing(
        f"Statement {iv.reference} was not exported: there is no consent to use it in the "
        "complaint. Record the interviewee's consent on the Consent tab and save first."
    )


def crime_refusal(iv: Interview) -> Refused | None:
    """A statement names the crime reported: refused while a draft has none chosen."""
    if iv.crime_type is not None:
        return None
    return Refused(
        f"Statement {iv.reference} was not exported: the crime reported is not chosen yet. Choose it "
        "on the interview form and save first."
    )


def export_refusal(vault: Vault, interview_id: str) -> Refused | None:
    """Why the interview cannot be exported as a statement, before anything is made (None: it can)."""
    iv = vault.interviews.get(interview_id)
    return consent_refusal(iv) or crime_refusal(iv)


# --- the review -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewMaterial:
    """What the review of one interview shows: its text, the recorded identifiers, the suggestions
    found in it, and the decisions the reviewer has already made (as stored)."""

    interview_id: str
    text: str
    known: KnownIdentifiers
    spans: list[Span]
    decisions: dict | None
    sealed: bool


# The suggestions the last review of a vault found, for the export pressed in that review: kept in
# the vault's session (emptied when it locks) under exactly what detection read (the text and the
# recorded identifiers; the reviewer's decisions are applied after detection, so they are no part of it).
_REVIEWED = "statements.reviewed"


def _detector(vault: Vault) -> Callable[[str, KnownIdentifiers], list[Span]]:
    """``detect``, reusing the suggestions the vault's last review found when the text and the
    recorded identifiers are the same as then (else detecting afresh)."""

    def detected(text: str, known: KnownIdentifiers) -> list[Span]:
        held = vault.session.get(_REVIEWED)
        if held is not None and not vault.is_locked and held[0] == text and held[1] == known._key():
            return list(held[2])
        return detect(text, known)

    return detected


def review(vault: Vault, interview_id: str) -> ReviewMaterial:
    """Everything the redaction review needs, suggestions found (a worker thread may call this)."""
    iv = vault.interviews.get(interview_id)
    text = statement_text(iv, saved_versions(vault, iv))
    if not text.strip():
        raise Refused("The statement is empty: there is nothing to review yet.")
    known = known_from_interview(iv)
    spans = detect(text, known)
    vault.session[_REVIEWED] = (text, known._key(), tuple(spans))
    return ReviewMaterial(
        interview_id, text, known, spans, vault.redaction.load_decisions(interview_id), iv.status == Status.SEALED
    )


def _kept(payload: dict | None) -> set[tuple[int, int]]:
    return {(d["start"], d["end"]) for d in (payload or {}).get("decisions", []) if d.get("kind") == "reject"}


def save_decisions(vault: Vault, interview_id: str, payload: dict, before: dict | None) -> None:
    """Store the reviewer's decisions as they are now. Each suggestion newly kept (rejected, with its
    reason) or redacted again is an audit entry on the interview's id; the reason stays with the
    decisions, inside the vault, never in the audit log."""
    now, then = _kept(payload), _kept(before)
    vault.redaction.save_decisions(interview_id, payload)
    for _ in now - then:
        vault.audit.append("redaction.suggestion_kept", interview_id)
    for _ in then - now:
        vault.audit.append("redaction.suggestion_redacted", interview_id)


@dataclass(frozen=True)
class _RedactedBody:
    text: str
    legend: Sequence[Any]
    mapping: dict[str, str]


def statement_content(
    iv: Interview,
    decisions_payload: dict | None = None,
    *,
    history: Sequence[Interview] = (),
    organisation: str = "",
    detector: Callable[[str, KnownIdentifiers], list[Span]] = detect,
) -> tuple[StatementContent, list[str]]:
    """Redact ``iv`` with the engine and the reviewer's saved decisions, and build the statement content.

    ``history`` is the interview's earlier saved versions, oldest first: if the statement was
    sealed, the PDF shows the signed text and each later change as a dated addendum, redacted
    together so that every person keeps one pseudonym; so are what was shared with Immigration
    Enforcement and the interviewee's own words. ``organisation`` is the vault's setting.
    ``detector`` finds the suggestions (the export from a review reuses what the review found). Returns
    the content and the protected strings for the gate: everything the engine removed, every
    recorded identifier and its parts. Raises ConsentMissing without consent for the complaint.
    """
    refusal = consent_refusal(iv) or crime_refusal(iv)
    if refusal is not None:
        raise refusal
    if len(iv.people) > MAX_PEOPLE:  # stored before the bound, or by another version
        raise Refused(
            f"Statement {iv.reference} was not exported: it lists more than {MAX_PEOPLE} people. "
            "Split the interview into several."
        )
    seal = seal_history([*history, iv])
    text = reviewed_text(iv, seal)
    known = known_from_interview(iv)
    spans = detector(text, known)
    decisions = Decisions.from_dict(decisions_payload, text) if decisions_payload else None  # reconciled to text
    red = apply(text, spans, decisions)
    addenda: tuple[Addendum, ...] = ()
    body, shared, annex = cut_sections(iv, red.text)
    if seal is not None:
        parts = body.split(ADDENDUM_BREAK.strip("\n"))
        if len(parts) != len(seal.changes) + 1:
            raise Refused(
                f"Statement {iv.reference} was not exported: its addenda could not be told apart after redaction."
            )
        body = parts[0].strip()
        addenda = tuple(Addendum(day_label(d), p.strip()) for (d, _t), p in zip(seal.changes, parts[1:], strict=True))
    content = build_content(
        iv,
        _RedactedBody(body, red.legend, red.mapping),
        pseudonym=interviewee_pseudonym(iv, red.mapping),
        addenda=addenda,
        sealed_on=seal.sealed_on if seal else None,
        organisation=organisation,
        shared=shared,
        annex=annex,
    )
    # A suggestion the reviewer kept (with a reason) is meant to be in the PDF, so the gate looks
    # only for what is redacted: the suggestions not kept, the manual additions and the record.
    redacted_spans = effective_spans(text, spans, decisions)
    kept = [d.text for d in decisions.rejections()] if decisions is not None else []
    kept_keys = {fold(k.strip()) for k in kept}
    removed = [r for r in red.removed if fold(r.strip()) not in kept_keys]
    forbidden = protected_strings(
        iv,
        [*forbidden_strings(text, redacted_spans, known, kept), *removed],
        case_sensitive=case_sensitive_parts(known),
    )
    return content, forbidden


def prepare(vault: Vault, interview_id: str) -> tuple[StatementContent, list[str]]:
    """The statement content and its protected strings for the interview as stored: the record, its
    saved versions if sealed, and the reviewer's stored decisions."""
    iv = vault.interviews.get(interview_id)
    return statement_content(
        iv,
        vault.redaction.load_decisions(interview_id),
        history=saved_versions(vault, iv),
        organisation=organisation_of(vault),
    )


# --- the export -------------------------------------------------------------------------------


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
    places: dict[str, Place] = field(default_factory=dict)  # interview id -> where the gate found a leak
    cancelled: bool = False
    consent_refusals: int = 0  # how many of ``refused`` are for want of consent (expected, not failures)

    @property
    def failures(self) -> int:
        return len(self.refused) - self.consent_refusals


def write_statement(
    content: StatementContent,
    forbidden: Iterable[str],
    target: Path,
    *,
    overwrite: bool = False,
    render: Renderer = draw_statement,
    reviewed: str | None = None,
) -> ExportResult:
    """Check where it goes, render, gate, and only then write one redacted statement atomically.

    Nothing is written if any step refuses: :class:`Refused` (with the reports' own refusal as its
    cause) for a leak, a character no font draws, a layout that does not fit, a bad destination.
    ``render`` is the statement renderer unless a caller supplies another. A leak is refused with
    :class:`LeakRefused`, which says the paragraph and line where the text still stands; with
    ``reviewed`` (the text the review shows) it also holds the stretch of it to show there.
    """
    target = destinations.check_file(target, overwrite=overwrite)
    items = list(forbidden)
    try:
        data, report = render_checked(content, items, render=render)
    except LeakDetected as exc:
        raise leak_refusal(content, items, exc, reviewed) from exc
    except REFUSALS as exc:
        raise Refused(str(exc)) from exc
    atomic_write(target, data, mode=0o600)
    log.info("statement exported (%d bytes)", len(data))
    return ExportResult(content.reference, target, content.fingerprint, len(data), report.summary())


def _write(vault: Vault, interview_id: str, target: Path, *, overwrite: bool, audit: bool = True) -> ExportResult:
    organisation = organisation_of(vault)  # the statement is made, and its key taken, with this name
    context = fingerprints.statement_context(vault, organisation)
    key = fingerprints.current_key(vault, interview_id, context)  # taken before the record is read
    iv = vault.interviews.get(interview_id)
    history = saved_versions(vault, iv)
    content, forbidden = statement_content(
        iv,
        vault.redaction.load_decisions(interview_id),
        history=history,
        organisation=organisation,
        detector=_detector(vault),
    )
    from desktop.services.vaults import is_demo

    if is_demo(vault):  # made in a demo vault: every page says DEMO, whatever its reference
        content = dataclasses.replace(content, demo=True)
    with interrupts_held():  # the file and its audit entry, both or (Ctrl-C before the file) neither
        result = write_statement(content, forbidden, target, overwrite=overwrite, reviewed=statement_text(iv, history))
        if audit:
            vault.audit.append("statement.exported", interview_id)
    fingerprints.remember(vault, interview_id, key, result.fingerprint, context)
    return result


def export_statement(vault: Vault, interview_id: str, out: Path, *, overwrite: bool = False) -> ExportResult:
    """Export one interview's redacted statement to ``out`` (a file, or a folder: then the file is
    named by the reference). Nothing is written if any step refuses."""
    out = Path(out).expanduser()
    if out.is_dir():
        iv = vault.interviews.get(interview_id)
        out = out / statement_file_name(iv.reference)
    return _write(vault, interview_id, out, overwrite=overwrite)


def _cancelled(cancel: threading.Event | Callable[[], bool] | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def existing_files(vault: Vault, ids: Iterable[str], out_dir: Path) -> list[Path]:
    """The statement files that exporting ``ids`` into ``out_dir`` would replace (so the app can ask)."""
    out_dir = Path(out_dir)
    found = []
    for interview_id in ids:
        path = out_dir / statement_file_name(vault.interviews.get(interview_id).reference)
        if path.exists() or path.is_symlink():
            found.append(path)
    return found


# Fewer statements than this are made in this process (:func:`desktop.services.pool.used`).
POOL_FROM = pool.POOL_FROM


def _made(job: tuple[Interview, dict | None, list[Interview], str, bool]) -> tuple[str, str, Any]:
    """In a worker process: one statement redacted, drawn and gated, as :func:`_write` does it.
    Returns ("ok", reference, (bytes, fingerprint, gate summary)) or (kind, reference, (reason, place))
    with kind "consent" or "content" (refused before drawing, as :func:`_write` refuses before it
    looks at the destination), "leak" or "refused"."""
    iv, decisions, history, organisation, demo = job
    try:
        content, forbidden = statement_content(iv, decisions, history=history, organisation=organisation)
        if demo:  # made in a demo vault: every page says DEMO, whatever its reference
            content = dataclasses.replace(content, demo=True)
    except ConsentMissing as exc:
        return "consent", iv.reference, (str(exc), None)
    except (Refused, *REFUSALS) as exc:
        return "content", iv.reference, (str(exc), None)
    items = list(forbidden)
    try:
        data, report = render_checked(content, items)
    except LeakDetected as exc:
        refusal = leak_refusal(content, items, exc, statement_text(iv, history))
        return "leak", iv.reference, (str(refusal), refusal.place)
    except REFUSALS as exc:
        return "refused", iv.reference, (str(exc), None)
    return "ok", iv.reference, (data, content.fingerprint, report.summary())


def _export_pooled(
    vault: Vault,
    seq: list[str],
    out_dir: Path,
    result: BulkResult,
    *,
    overwrite: bool,
    progress: Callable[[int, int], None] | None,
    cancel: threading.Event | Callable[[], bool] | None,
    workers: int,
    audit: bool = True,
) -> None:
    """:func:`export_statements` with the statements made in ``workers`` processes; the same
    order, progress, cancel and audit, and the files written here, one at a time."""
    from desktop.services.vaults import is_demo

    organisation = organisation_of(vault)
    # every statement is made with this name, and its fingerprint key taken with it (not read again)
    context = fingerprints.statement_context(vault, organisation)
    demo = is_demo(vault)

    keys: dict[str, str | None] = {}

    def jobs():
        for interview_id in seq:
            keys[interview_id] = fingerprints.current_key(vault, interview_id, context)  # before the record is read
            iv = vault.interviews.get(interview_id)
            yield iv, vault.redaction.load_decisions(interview_id), saved_versions(vault, iv), organisation, demo

    made = pool.ordered(_made, jobs(), workers=workers, here_while_starting=True)  # (see pool.ordered)
    kept: list = []
    try:
        for done, interview_id in enumerate(seq, 1):
            if _cancelled(cancel):
                result.cancelled = True
                break
            kind, reference, outcome = next(made)
            try:
                if kind not in ("consent", "content"):  # checked before drawing, as _write does
                    target = destinations.check_file(out_dir / statement_file_name(reference), overwrite=overwrite)
                if kind == "ok":
                    data, fingerprint, summary = outcome
                    with interrupts_held():  # the file and its audit entry, both or neither
                        atomic_write(target, data, mode=0o600)
                        if audit:
                            vault.audit.append("statement.exported", interview_id)
                    log.info("statement exported (%d bytes)", len(data))
                    result.written.append(ExportResult(reference, target, fingerprint, len(data), summary))
                    kept.append(
                        fingerprints.checked(vault, interview_id, keys.pop(interview_id, None), fingerprint, context)
                    )
                else:
                    reason, place = outcome
                    result.refused.append((reference, reason))
                    if kind == "consent":
                        result.consent_refusals += 1
                    elif kind == "leak" and place is not None:
                        result.places[interview_id] = place
            except (Refused, *REFUSALS) as exc:
                result.refused.append((reference, str(exc)))
            if progress is not None:
                progress(done, len(seq))
    finally:
        made.close()
    fingerprints.keep(vault, kept)


def warm_workers(count: int) -> bool:
    """Start the bulk export's workers warming, now, for an export of ``count`` statements that will
    use them (:func:`desktop.services.pool.used`); True if it will. Called as soon as the count is
    known and before whatever comes between it and the export: the person choosing a folder in the
    app, the evidence pack's totals, the command's own import of the statement path. The fork
    server's imports and warm-up (about half a second of one core) then run meanwhile, instead of
    while the export waits for its first worker. A smaller export starts nothing; one that is
    never made leaves a fork server that stops as every unused one does (a lock, or
    :data:`desktop.services.pool.IDLE_STOP_S` seconds)."""
    if not pool.used(count):
        return False
    pool.start_server()
    return True


def export_statements(
    vault: Vault,
    ids: Iterable[str],
    out_dir: Path,
    *,
    overwrite: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
    workers: int | None = None,
    audit: bool = True,
) -> BulkResult:
    """Export statements into ``out_dir`` as ``<reference>.pdf``, in order.

    From :data:`POOL_FROM` statements on, they are redacted, drawn and gated on every core
    (``workers``: how many processes, default one per core; 1 makes them here), two per worker at
    a time, so memory stays flat; the files and audit entries are written here one at a time.
    A refused statement (no consent, a leak, a character no font draws, a file already there and
    ``overwrite`` not given) is listed with its reason and the others go on. ``cancel`` is checked
    between statements: none is written after it is set. ``audit=False`` leaves the
    ``statement.exported`` entries to a caller that delivers the files later (the evidence pack).
    """
    out_dir = destinations.check_folder(out_dir)
    seq = list(ids)
    result = BulkResult()
    workers = pool.cores() if workers is None else workers
    if pool.used(len(seq), workers):
        _export_pooled(
            vault,
            seq,
            out_dir,
            result,
            overwrite=overwrite,
            progress=progress,
            cancel=cancel,
            workers=min(workers, len(seq)),
            audit=audit,
        )
        return result
    for done, interview_id in enumerate(seq, 1):
        if _cancelled(cancel):
            result.cancelled = True
            break
        reference = vault.interviews.get(interview_id).reference
        try:
            result.written.append(
                _write(vault, interview_id, out_dir / statement_file_name(reference), overwrite=overwrite, audit=audit)
            )
        except ConsentMissing as exc:
            result.refused.append((reference, str(exc)))
            result.consent_refusals += 1
        except LeakRefused as exc:
            result.refused.append((reference, str(exc)))
            if exc.place is not None:
                result.places[interview_id] = exc.place
        except (Refused, *REFUSALS) as exc:
            result.refused.append((reference, str(exc)))
        if progress is not None:
            progress(done, len(seq))
    return result


__all__ = [
    "BulkResult",
    "DestinationExists",
    "ExportResult",
    "LeakRefused",
    "Place",
    "ReviewMaterial",
    "consent_refusal",
    "existing_files",
    "export_refusal",
    "export_statement",
    "export_statements",
    "leak_refusal",
    "prepare",
    "review",
    "save_decisions",
    "seal_history",
    "statement_content",
    "statement_text",
    "write_statement",
]
