"""The evidence totals: interviews counted by force, crime, year, role, the questions and the
outcomes, protected so that no figure can point at a person (docs/architecture.md,
"Totals without re-identification").

Only interviews with consent for use in the complaint count: the rule is ``Consent.active`` for
:data:`ConsentUse.COMPLAINT`, the same as ``Interview.has_consent`` applies to every export, so
an interview whose consent was withdrawn is in no figure. The vault is read through
``vault.interviews.evidence_rows()`` (the counted facts only, never a name or the statement).

For the faces::

    release = evidence.summarise(vault, threshold=5)     # count and protect (seconds at 10,000), or read
                                                         # the release kept for exactly these facts
    v = evidence.summary(release, Filter(crime="domestic_abuse", force="metropolitan", year="2018"))
    evidence.as_json(v) ; evidence.write_csv(v, path, overwrite=False)

A dashboard keeps the release and makes a view per filter (milliseconds); after the vault changes
it asks a :class:`Summaries` again, from a worker thread: reading what is counted takes tens of
milliseconds, and the protection (seconds at 10,000) runs again only when a counted fact changed.
The summary PDF takes the same views::

    evidence.write_summary(vault, v, path, statements=evidence.backing_statements(vault, v.filter))

It is checked by the statements' leak gate against every identifier recorded on every interview in
the vault (:func:`protected_values`) before it is written; the evidence pack
(:mod:`desktop.services.evidence_pack`) writes it with the statements it lists.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core.model import Answer, Consent, ConsentUse, CrimeType, Identifier, Interview, Outcome, Person, Role
from desktop.evidence import protect, views
from desktop.evidence.protect import DEFAULT_THRESHOLD, MIN_THRESHOLD, Release
from desktop.evidence.records import EvidenceRecord
from desktop.evidence.views import Filter, View
from desktop.files import atomic_write
from desktop.redaction import case_sensitive_parts, known_from_interview
from desktop.reports.export import protected_strings
from desktop.reports.leak_gate import CaseSensitive, LeakDetected
from desktop.reports.summary import BackingStatement, SummaryContent, SummaryLayoutError, render_checked
from desktop.services import destinations
from desktop.services.errors import LeakRefused, Refused
from desktop.vault import Vault, VaultError

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_THRESHOLD", "MIN_THRESHOLD", "BackingStatement", "Filter", "Release", "Summaries", "View",
           "as_json", "backing_statements", "protected_values", "records", "set_threshold", "summarise", "summary",
           "summary_pdf", "threshold", "write_csv", "write_summary"]

# The threshold chosen for this vault's totals, kept in its (encrypted) settings.
THRESHOLD_SETTING = "evidence.threshold"


def _record(row: tuple) -> EvidenceRecord | None:
    role, crime, force, reported, asked, contacted, fear, threat, outcomes, given, withdrawn = row
    consent = Consent(ConsentUse.COMPLAINT, bool(given),
                      withdrawn_on=date.fromisoformat(withdrawn) if withdrawn else None)
    if given is None or not consent.active:
        return None
    if not crime:  # a draft whose crime is not chosen yet: counted once it is, never under a guess
        return None
    try:
        ym = None
        if reported:
            y, m = str(reported).split("-")
            ym = (int(y), int(m))
        return EvidenceRecord(
            force=str(force), crime=CrimeType(crime), role=Role(role), reported=ym,
            asked_about_status=Answer(asked or "unknown"),
            immigration_enforcement_contacted=Answer(contacted or "unknown"),
            fear_delayed_reporting=Answer(fear or "unknown"), status_used_as_threat=Answer(threat or "unknown"),
            outcomes=frozenset(Outcome(o) for o in outcomes or ()),
        )
    except (ValueError, TypeError):
        raise VaultError("A stored interview could not be read back (its record does not parse).") from None


def records(vault: Vault) -> list[EvidenceRecord]:
    """The counted facts of every interview with active consent for the complaint."""
    return _records(vault.interviews.evidence_rows())


def _records(rows: list[tuple]) -> list[EvidenceRecord]:
    return [r for row in rows if (r := _record(row)) is not None]


def summarise(vault: Vault, *, threshold: int = DEFAULT_THRESHOLD) -> Release:
    """Count and protect every table (see :mod:`desktop.evidence.protect`). Refused below the minimum threshold."""
    try:
        protect.check_threshold(threshold)
    except protect.ThresholdRefused as exc:
        raise Refused(str(exc)) from None
    return _protected(vault, vault.interviews.evidence_rows(), threshold)


# The last release counted, kept in the vault under a digest of what it was counted from.
_RELEASE = "evidence.release"


def _protected(vault: Vault, rows: list[tuple], threshold: int) -> Release:
    """The release of ``rows``: the one kept in the vault if it was counted from exactly these rows,
    with this threshold, by this program (counting is a function of nothing else); else counted and
    protected now (seconds at 10,000 interviews), and kept."""
    from desktop.services import fingerprints

    key = hashlib.sha256(json.dumps([fingerprints.program_context(), threshold, rows],
                                    ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()
    kept = vault.fingerprints.result(_RELEASE)
    if kept is not None and kept[0] == key:
        try:
            return protect.release_from_json(kept[1])
        except (ValueError, KeyError, TypeError, IndexError):
            log.warning("a kept release of the totals could not be read back; counting again")
    release = protect.count(_records(rows), threshold)
    try:
        vault.fingerprints.keep_result(_RELEASE, key, protect.release_to_json(release))
    except VaultError:  # keeping it saves time next time; the release itself is sound
        log.warning("the release of the totals could not be kept")
    return release


class Summaries:
    """:func:`summarise` that protects again only when what is counted changed.

    One per unlocked vault (the dashboard's). The rows the last release was counted from are kept,
    so a change that moves no figure (a statement edited, a seal) costs one narrow read and a
    comparison. Used by one thread at a time."""

    def __init__(self) -> None:
        self._last: tuple[int, list[tuple]] | None = None
        self._release: Release | None = None

    def summarise(self, vault: Vault, *, threshold: int = DEFAULT_THRESHOLD) -> Release:
        try:
            protect.check_threshold(threshold)
        except protect.ThresholdRefused as exc:
            raise Refused(str(exc)) from None
        key = (threshold, vault.interviews.evidence_rows())
        if self._release is None or key != self._last:
            self._release = _protected(vault, key[1], threshold)
            self._last = key
        return self._release


def threshold(vault: Vault) -> int:
    """The threshold chosen for this vault (the default until one is chosen; never below the minimum)."""
    value = vault.settings.get(THRESHOLD_SETTING, DEFAULT_THRESHOLD)
    return value if isinstance(value, int) and value >= MIN_THRESHOLD else DEFAULT_THRESHOLD


def set_threshold(vault: Vault, value: int) -> None:
    try:
        protect.check_threshold(value)
    except protect.ThresholdRefused as exc:
        raise Refused(str(exc)) from None
    vault.settings.set(THRESHOLD_SETTING, value)


def summary(release: Release, flt: Filter | None = None) -> View:
    """The tables for one filter (crime x force x year; None for all interviews)."""
    try:
        return views.view(release, flt)
    except views.FilterRefused as exc:
        raise Refused(str(exc)) from None


def as_json(view: View) -> dict:
    return views.to_json(view)


def write_csv(view: View, path: Path, *, overwrite: bool = False) -> Path:
    """Write the view's tables as CSV at ``path`` (checked like every file Witnessbox writes); returns it."""
    target = destinations.check_file(Path(path), overwrite=overwrite)
    atomic_write(target, views.to_csv(view))
    return target


# --- the summary PDF ------------------------------------------------------------------------------


@dataclass
class _Recorded:
    """One interview's people and identifiers, all that :func:`protected_strings` and
    :func:`known_from_interview` read of it."""

    people: list[Person]
    identifiers: list[Identifier]
    known_strings = Interview.known_strings


def _strings_of(people: list[tuple[str, list[str]]], identifiers: list[tuple[str, str]]) -> list[str]:
    """One interview's protected strings, as its statement's gate gets them (names marked case-sensitive)."""
    iv = _Recorded([Person(name, aliases=aliases) for name, aliases in people],
                   [Identifier(kind, value) for kind, value in identifiers])
    return protected_strings(iv, case_sensitive=case_sensitive_parts(known_from_interview(iv)))


def protected_values(vault: Vault) -> list[str]:
    """Every identifier recorded on every interview in the vault, consented or not (names, aliases,
    numbers, addresses), in the forms the statements' gate looks for: what the summary must not hold.

    Each interview's strings are kept in the vault with the revision they were made from (schema 8,
    :mod:`desktop.services.fingerprints`) and made again from its people and identifiers only when
    its revision or the program changed, so a summary reads one row an interview."""
    from desktop.services import fingerprints

    rows = vault.fingerprints.protected()
    context = fingerprints.program_context()
    strings: dict[str, list[str]] = {}
    stale = []
    for interview_id, revision, key, kept in rows:
        if kept is not None and revision is not None and key == fingerprints.revision_key(revision, context):
            strings[interview_id] = [CaseSensitive(t) if sensitive else t for t, sensitive in json.loads(kept)]
        else:
            stale.append(interview_id)
    if stale:
        new = []
        for interview_id, (revision, people, identifiers) in vault.fingerprints.recorded(stale).items():
            made = strings[interview_id] = _strings_of(people, identifiers)
            if revision is None:  # no revision to keep them under: used now, made again next time
                continue
            new.append((interview_id, fingerprints.revision_key(revision, context),
                        json.dumps([[t, isinstance(t, CaseSensitive)] for t in made], ensure_ascii=False)))
        vault.fingerprints.keep_protected(new)
    seen: dict[str, None] = {}
    for interview_id, *_rest in rows:
        for s in strings.get(interview_id, ()):  # one deleted meanwhile has none
            seen.setdefault(s, None)
    return list(seen)


def _consented(given, withdrawn) -> bool:
    """Consent for the complaint recorded, given and not withdrawn (``Consent.active``), from its row."""
    return given is not None and Consent(ConsentUse.COMPLAINT, bool(given),
                                         withdrawn_on=date.fromisoformat(withdrawn) if withdrawn else None).active


def _in_filter(crime: str, force: str, reported: str | None, flt: Filter | None) -> bool:
    if flt is None:
        return True
    year = str(int(str(reported).split("-")[0])) if reported else None
    return ((flt.force is None or force == flt.force) and (flt.crime is None or crime == flt.crime)
            and (flt.year is None or year == flt.year))


def backing_statements(vault: Vault, flt: Filter | None = None, *,
                       progress: Callable[[int, int], None] | None = None) -> list[BackingStatement]:
    """The statements behind the figures (consented for the complaint, crime chosen, inside ``flt``), by
    reference and the fingerprint their PDF prints. A fingerprint kept from an earlier export or summary
    is used while what the statement is made from is unchanged (:mod:`desktop.services.fingerprints`);
    any other statement is redacted as its export would be (on the worker processes when there are
    several, :func:`desktop.services.fingerprints_made.make`) and its fingerprint kept."""
    from desktop.services import fingerprints, fingerprints_made

    chosen = [(i, reference) for i, reference, crime, force, reported, given, withdrawn
              in vault.fingerprints.statement_rows()
              if crime and _consented(given, withdrawn) and _in_filter(crime, force, reported, flt)]
    kept = fingerprints.known(vault) if chosen else {}
    missing = [i for i, _reference in chosen if i not in kept]
    if progress is not None and len(missing) < len(chosen):
        progress(len(chosen) - len(missing), len(chosen))
    if missing:  # each redacted as its export would be, on the worker processes when there are several
        base = len(chosen) - len(missing)
        kept.update(fingerprints_made.make(vault, missing, progress=None if progress is None else
                                      lambda done, _total: progress(base + done, len(chosen))))
    out = [BackingStatement(reference, kept[i]) for i, reference in chosen if i in kept]
    return sorted(out, key=lambda b: b.reference)


def summary_pdf(view: View, forbidden: Iterable[str], statements: Iterable[BackingStatement] = (), *,
                made_on: date | None = None, in_pack: bool = False) -> bytes:
    """The summary PDF's bytes, checked by the leak gate against ``forbidden``. Raises LeakRefused or Refused."""
    content = SummaryContent(view, made_on or date.today(), tuple(statements), in_pack=in_pack)
    try:
        data, _report = render_checked(content, forbidden)
    except LeakDetected as exc:
        raise LeakRefused(f"The evidence summary was not written: the check before writing found {exc.kind} in it. "
                          "Nothing was written. Tell whoever supports Witnessbox; the interviews are unchanged.",
                          exc.kind) from exc
    except SummaryLayoutError as exc:
        raise Refused(str(exc)) from exc
    return data


def write_summary(vault: Vault, view: View, path: Path, *, statements: Iterable[BackingStatement] = (),
                  overwrite: bool = False, made_on: date | None = None) -> Path:
    """Write the summary PDF of ``view`` at ``path``, checked against every identifier in the vault; returns it."""
    target = destinations.check_file(Path(path), overwrite=overwrite)
    data = summary_pdf(view, protected_values(vault), statements, made_on=made_on)
    atomic_write(target, data, mode=0o600)
    vault.audit.append("evidence.summary_written")
    log.info("evidence summary written (%d bytes)", len(data))
    return target
