"""Is the journal (``vault.db-wal``) found at unlock this database's own, and safe to fold in?

A journal left by a crash of this vault holds acknowledged commits: it must be applied. But a
journal can also come from somewhere else: another vault's folder, or an older copy of this one
(people copy vault folders onto sticks by hand, and a copy taken while Witnessbox was open holds
one). SQLite cannot tell: the journal names no database, and a checkpoint writes its pages into
``vault.db`` for good. So before the real checkpoint, :func:`wal_problem` tries it on a private
copy of the two files:

1. the database alone is opened and its state noted (vault id, the newest audit entry);
2. the journal is added, checkpointed into the copy, and the result is checked: every page's
   HMAC with this vault's key (a journal from another vault fails here), the whole b-tree, the
   same vault id, and the newest audit entry of the database alone still there unchanged. The
   audit log only ever grows and every session starts by writing to it, so a journal from an
   older copy that holds the audit log's pages turns them back and fails here, even when the
   result is a consistent (but older) database.

If the copy cannot be made (a full disk), nothing is applied and the vault is not opened: a
journal is never folded in unchecked. If the database alone fails its checks but the journal
repairs it (a crash during a checkpoint can leave a torn page that the journal still holds), the
journal is this vault's. If both fail, the database itself is damaged and nothing is decided here.
Only the copy is ever written; it lives in a private temp folder inside the vault folder and is
removed at once.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
from pathlib import Path

from desktop.files import TEMP_PREFIX, atomic_writer
from desktop.paths import make_private_dir
from desktop.vault import db
from desktop.vault.errors import DiskFull, VaultError, is_disk_full

DB_NAME = "vault.db"
WAL_NAME = DB_NAME + "-wal"


def _copy(source: Path, target: Path) -> None:
    with open(source, "rb") as src, atomic_writer(target) as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)


def _state(path: Path, key: bytes | bytearray, *, checkpoint: bool, seq: int | None = None) -> tuple | None:
    """(vault id, newest audit entry, the audit hash at ``seq``) of the database at ``path`` once
    it passes every check; None if it does not."""
    try:
        con = db.open_db(path, key)
    except VaultError:
        return None
    try:
        if checkpoint and not db.checkpoint_truncate(con):
            return None
        if db.integrity_problems(con, full=True):
            return None
        vault_id = con.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        last = con.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        at = con.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone() if seq is not None else None
        return (vault_id[0] if vault_id else "", tuple(last) if last else None, at[0] if at else None)
    except db.DatabaseError:
        return None
    finally:
        con.close()


def wal_problem(directory: Path, key: bytes | bytearray, vault_id: str) -> str | None:
    """Why the journal in ``directory`` must not be folded into its database, or None if it may be
    (or there is none, or the database itself is damaged: the caller's own checks report that)."""
    directory = Path(directory)
    wal = directory / WAL_NAME
    if not wal.is_file() or wal.stat().st_size == 0:
        return None
    work = make_private_dir(directory / f"{TEMP_PREFIX}{secrets.token_hex(8)}")
    try:
        _copy(directory / DB_NAME, work / DB_NAME)
        alone = _state(work / DB_NAME, key, checkpoint=False)
        for leftover in (work / WAL_NAME, work / (DB_NAME + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        _copy(wal, work / WAL_NAME)
        newest = alone[1] if alone is not None and alone[1] is not None else None
        applied = _state(work / DB_NAME, key, checkpoint=True, seq=newest[0] if newest else None)
    except OSError as exc:
        # Unchecked, the journal is not applied: the vault stays as it is until it can be checked.
        if is_disk_full(exc):
            raise DiskFull("The disk is too full to check the vault's journal file before opening the vault: "
                           "nothing was changed. Free some space and try again.") from None
        raise VaultError("The vault's journal file could not be checked, so the vault was not opened and "
                         "nothing was changed. Try again.") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if applied is None:
        if alone is None:
            return None  # the database itself is damaged; the journal cannot be judged
        return "its pages do not open with this vault's key or break the database"
    if applied[0] != vault_id:
        return "it turns the database into another vault"
    if newest is not None and applied[2] != newest[1]:
        # The audit log only grows: its newest entry in the database alone must survive the journal.
        return "it is older than the database and would undo later changes"
    return None
