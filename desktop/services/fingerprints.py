"""Statement fingerprints without redacting every statement again.

The evidence summary lists each consented statement by reference and fingerprint (the SHA-256 its
pages print, :attr:`desktop.reports.statement.StatementContent.fingerprint`), and computing one
means redacting the statement as its export does: minutes at 10,000 interviews. So a fingerprint
computed by an export or a summary is kept in the vault with a key of what it was made from:

- the revision of everything stored that the statement is made from
  (:meth:`desktop.vault.repos.fingerprints.Fingerprints.revisions`: a number from one vault-wide
  counter that triggers advance on every write to the record, its people, identifiers and consents,
  the reviewer's decisions and its saved versions, and that never gives a number twice);
- the organisation's name, which the statement prints;
- this version of Witnessbox, :data:`ENGINE`, and a digest of the program's own files (its code,
  word lists and gazetteers, :func:`program_digest`), so a new redaction engine or statement form
  computes every fingerprint again, even a change made without a new version number.

A kept fingerprint is used only while the key made now is the same; an interview edited, redacted
again or sealed after it was kept has a new revision, and its statement is redacted again. A fingerprint
is kept only if the key taken before the record was read is still the key after the statement was
made, so a save in between can never leave a fingerprint of the old text under the new key. Checking
every interview's kept fingerprint is one indexed read, not a digest of every record.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import desktop
from desktop.services.organisation import organisation as organisation_of

if TYPE_CHECKING:  # the bulk export's workers import this module, never the vault (desktop.services.pool)
    from desktop.vault import Vault

# Raise when what a statement shows or how it is redacted changes without a new version of Witnessbox.
ENGINE = "1"


@lru_cache(maxsize=1)
def program_digest() -> str:
    """A digest of the ``desktop`` package's own files (:func:`files_digest`): any change to how a
    statement is redacted or drawn changes it. A frozen build keeps its code in an archive, not as
    files; there the version and :data:`ENGINE` decide, with the data files that are on disk."""
    return files_digest(Path(desktop.__file__).resolve().parent)


def files_digest(root: Path) -> str:
    """SHA-256 over every file under ``root`` with its path, in path order; compiled caches are left out."""
    h = hashlib.sha256()
    for path in sorted(
        p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
    ):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def statement_context(vault: Vault, organisation: str | None = None) -> str:
    """What a statement's fingerprint depends on besides the interview: this version and program, and
    the organisation's name the statement is made with (``organisation``; read from the vault if not
    given). An export reads the name once and takes its keys with it, so a name changed while the
    export runs never puts a fingerprint made with the old name under the new name's key."""
    name = organisation_of(vault) if organisation is None else organisation
    return json.dumps([desktop.__version__, ENGINE, program_digest(), name], ensure_ascii=False)


def program_context() -> str:
    """What a result kept in the vault depends on besides the interview: this version and program."""
    return json.dumps([desktop.__version__, ENGINE, program_digest()])


def revision_key(revision: int, context: str) -> str:
    """The key of a result made from an interview at ``revision`` (:meth:`Fingerprints.revisions`) in ``context``."""
    return hashlib.sha256(f"{context}\nrevision {int(revision)}".encode()).hexdigest()


def current_key(vault: Vault, interview_id: str, context: str | None = None) -> str | None:
    """The key of what the interview's statement would be made from now (None: no such interview), in
    ``context`` (:func:`statement_context`; by default with the organisation's name as stored now)."""
    revision = vault.fingerprints.revisions(interview_id).get(interview_id)
    return (
        None if revision is None else revision_key(revision, statement_context(vault) if context is None else context)
    )


def known(vault: Vault) -> dict[str, str]:
    """interview id -> fingerprint, for every interview whose kept fingerprint was made from what is stored now."""
    kept = vault.fingerprints.kept()
    if not kept:
        return {}
    context = statement_context(vault)
    return {i: fingerprint for i, revision, key, fingerprint in kept if key == revision_key(revision, context)}


def checked(
    vault: Vault, interview_id: str, key_before: str | None, fingerprint: str, context: str | None = None
) -> tuple[str, str, str] | None:
    """``(interview id, key, fingerprint)`` to keep, if the interview's key (in ``context``, as
    ``key_before`` was taken) is still ``key_before`` (taken before the record the fingerprint was made
    from was read); else None. Kept later, such a row can never be stale: a record changed since has
    another key, under which it is never found."""
    if key_before is not None and current_key(vault, interview_id, context) == key_before:
        return interview_id, key_before, fingerprint
    return None


def keep(vault: Vault, rows: list[tuple[str, str, str] | None]) -> None:
    """Keep the rows :func:`checked` gave, in one transaction."""
    rows = [r for r in rows if r is not None]
    if rows:
        vault.fingerprints.put_many(rows)


def remember(
    vault: Vault, interview_id: str, key_before: str | None, fingerprint: str, context: str | None = None
) -> None:
    """Keep ``fingerprint``, made from the interview as it was when ``key_before`` was taken (in
    ``context``), if its key is still the same (else keep nothing: the next summary computes it again)."""
    keep(vault, [checked(vault, interview_id, key_before, fingerprint, context)])
