"""Verified, rotated backups of a vault (T17).

A backup is a folder ``backups/<UTC time>-<reason>/`` holding ``vault.db`` (an encrypted copy made
with ``VACUUM INTO``: same data key, so it opens with the vault's key slot) and ``keyslot.json`` (a
copy of the key slot, in case the live one is damaged). It is built in a temp folder, opened and
checked (``cipher_integrity_check`` + ``integrity_check``) and only then renamed into place, so a
half-made backup never appears in the list. The newest :data:`KEEP` are kept.

Names say when and why (``migration``, ``import``, ``manual``, ...), never what. When interviews
are deleted from the vault, :func:`after_deletion` deletes them from every backup and every
damaged copy too (:func:`delete_from_backup`, :func:`clean_damaged_copies`), and :func:`restore`
puts a backup back in place of a damaged database, the damaged files set aside into ``damaged/``.
Everything about backups lives here; :class:`~desktop.vault.Vault` only calls it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
from datetime import UTC, datetime
from pathlib import Path

from desktop.files import TEMP_PREFIX, atomic_write, atomic_writer, fsync_dir, fsync_file
from desktop.paths import make_private_dir
from desktop.vault import db
from desktop.vault.connections import Connections
from desktop.vault.deletion import delete_interview_rows
from desktop.vault.errors import DiskFull, VaultDamaged, VaultError, is_disk_full
from desktop.vault.keyslot import KeySlot, wipe
from desktop.vault.schema import CLEANABLE_FROM, SCHEMA_VERSION

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
DAMAGED_DIR = "damaged"
DB_NAME = "vault.db"
SLOT_NAME = "keyslot.json"
KEEP = 3
_NAME = re.compile(r"^\d{8}T\d{12}Z-[a-z]+$")
REASONS = frozenset({"migration", "import", "deletion", "manual", "passphrase", "restore"})


def backups_dir(vault_dir: Path) -> Path:
    return Path(vault_dir) / BACKUP_DIR


def list_backups(vault_dir: Path) -> list[Path]:
    """Complete backups, newest first."""
    root = backups_dir(vault_dir)
    if not root.is_dir():
        return []
    found = [
        p
        for p in root.iterdir()
        if p.is_dir() and _NAME.match(p.name) and (p / DB_NAME).is_file() and (p / SLOT_NAME).is_file()
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def make_backup(con: db.Connection, vault_dir: Path, key: bytes | bytearray, slot_bytes: bytes, reason: str) -> Path:
    """Copy the open database ``con`` into a new verified backup; returns its folder.

    Raises :class:`DiskFull` or :class:`VaultError`; on any failure no partial backup is left.
    """
    if reason not in REASONS:
        raise ValueError("unknown backup reason")
    root = make_private_dir(backups_dir(vault_dir))
    tmp = root / f"{TEMP_PREFIX}{secrets.token_hex(8)}"
    tmp.mkdir(mode=0o700)
    try:
        target_db = tmp / DB_NAME
        try:
            con.execute("VACUUM INTO ?", (str(target_db),))
        except db.DatabaseError as exc:
            raise (db.translate(exc) or VaultError("The backup could not be made.")) from None
        os.chmod(target_db, 0o600)
        fsync_file(target_db)
        try:
            check = db.open_db(target_db, key)
        except VaultDamaged:
            # It is the new copy that fails, not the vault: never tell the worker the vault is damaged.
            raise VaultError("The backup did not pass its check; the vault was not changed.") from None
        try:
            problems = db.integrity_problems(check)
            if problems:
                raise VaultError("The backup did not pass its check; the vault was not changed.")
            db.checkpoint_truncate(check)
        finally:
            check.close()
        for leftover in (tmp / (DB_NAME + "-wal"), tmp / (DB_NAME + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        atomic_write(tmp / SLOT_NAME, slot_bytes)
        fsync_dir(tmp)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        final = root / f"{stamp}-{reason}"
        while final.exists():  # two backups in the same microsecond
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            final = root / f"{stamp}-{reason}"
        os.replace(tmp, final)
        fsync_dir(root)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if is_disk_full(exc):
            raise DiskFull("The disk is full: the backup was not made and nothing was changed.") from None
        raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    rotate(vault_dir)
    return final


def rotate(vault_dir: Path, keep: int = KEEP) -> None:
    for old in list_backups(vault_dir)[keep:]:
        shutil.rmtree(old, ignore_errors=True)
    fsync_dir(backups_dir(vault_dir))


def damaged_copies(vault_dir: Path) -> list[Path]:
    """The folders under ``damaged/`` (files set aside by a restore or an unlock), oldest first."""
    root = Path(vault_dir) / DAMAGED_DIR
    if not root.is_dir():
        return []
    return sorted((p for p in root.iterdir() if p.is_dir() and not p.is_symlink()), key=lambda p: p.name)


def rewrite_slots(vault_dir: Path, slot_bytes: bytes) -> None:
    """After a passphrase change (and at every unlock, to finish one a crash cut short): every key
    slot copy the vault keeps, in its backups and in its damaged copies, that differs gets the
    current slot (same data key), so the old passphrase opens nothing any more. A damaged copy's
    slot is replaced even when it no longer parses: repaired, it would still open with the old
    passphrase."""
    for b in list_backups(vault_dir):
        with contextlib.suppress(OSError):
            if (b / SLOT_NAME).read_bytes() == slot_bytes:
                continue
        atomic_write(b / SLOT_NAME, slot_bytes)
    for d in damaged_copies(vault_dir):
        if not ((d / SLOT_NAME).exists() or (d / SLOT_NAME).is_symlink()):
            continue
        with contextlib.suppress(OSError):
            if not (d / SLOT_NAME).is_symlink() and (d / SLOT_NAME).read_bytes() == slot_bytes:
                continue
        atomic_write(d / SLOT_NAME, slot_bytes)


def slot_copies(vault_dir: Path) -> list[KeySlot]:
    """The backups' copies of the key slot that parse (a damaged copy is left out)."""
    copies = []
    for b in list_backups(vault_dir):
        try:
            copies.append(KeySlot.from_bytes((b / SLOT_NAME).read_bytes()))
        except (OSError, ValueError):
            continue
    return copies


def sweep_temp(vault_dir: Path) -> None:
    """Remove half-made backups, journal-check copies and temp files left by a crash. Called only
    with the vault's folder lock held, so nothing here can be another process's work in progress."""
    for root in (backups_dir(vault_dir), Path(vault_dir)):
        if not root.is_dir():
            continue
        for p in root.glob(f"{TEMP_PREFIX}*"):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    p.unlink()


def delete_from_backup(
    folder: Path, key: bytes | bytearray, interview_ids: list[str], attachment_ids: list[str], *, vacuum: bool
) -> bool:
    """Delete interviews (and everything hanging off them) and attachments from one backup, the
    same way the live vault deletes them. Returns False if the backup could not be cleaned."""
    try:
        con = db.open_db(folder / DB_NAME, key)
    except VaultError:
        return False
    try:
        # The backup made before a migration is at the older version; the delete is the same there.
        if not CLEANABLE_FROM <= con.execute("PRAGMA user_version").fetchone()[0] <= SCHEMA_VERSION:
            return False
        con.execute("BEGIN IMMEDIATE")
        try:
            for iid in interview_ids:
                delete_interview_rows(con, iid)
            for aid in attachment_ids:
                con.execute("DELETE FROM attachments WHERE id = ?", (aid,))
            con.execute("DELETE FROM backup_purges")
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                con.execute("ROLLBACK")
            raise
        if vacuum:
            con.execute("VACUUM")
        # Only a fully checkpointed backup counts as cleaned: a restore copies vault.db alone.
        return db.checkpoint_truncate(con)
    except (db.DatabaseError, OSError):
        return False
    finally:
        con.close()


def after_deletion(connections: Connections, vault_dir: Path, *, vacuum: bool) -> None:
    """After a delete: empty the WAL, VACUUM after a bulk purge, and delete the same records
    from every backup (which still hold them), so a restore cannot bring them back.

    What still has to go from the backups is listed in ``backup_purges`` (ids only), written in
    the delete's own transaction; the list is cleared once every backup is clean, and an unlock
    finishes the job if a crash came in between (:func:`clean_backups`).
    """
    with connections.use() as con:
        db.checkpoint_truncate(con)
        if vacuum:
            con.execute("INSERT INTO search_index(search_index) VALUES('optimize')")
            con.execute("VACUUM")
            db.checkpoint_truncate(con)
    clean_backups(connections, vault_dir, vacuum=vacuum)


def clean_backups(connections: Connections, vault_dir: Path, *, vacuum: bool = False) -> None:
    """Delete from every backup what ``backup_purges`` lists, then clear the list."""
    with connections.use() as con:
        pending = con.execute("SELECT kind, id FROM backup_purges").fetchall()
    if not pending:
        return
    interview_ids = [i for kind, i in pending if kind == "interview"]
    attachment_ids = [i for kind, i in pending if kind == "attachment"]
    key = connections.key_copy()
    try:
        for b in list_backups(vault_dir):
            if not delete_from_backup(b, key, interview_ids, attachment_ids, vacuum=vacuum):
                # A backup that cannot be cleaned (damaged, older schema) must not keep
                # what was deleted: it goes.
                log.warning("a backup could not be cleaned after a deletion and was removed")
                shutil.rmtree(b, ignore_errors=True)
        clean_damaged_copies(vault_dir, key, interview_ids, attachment_ids)
    finally:
        wipe(key)
    with connections.tx() as con:
        con.executemany("DELETE FROM backup_purges WHERE kind = ? AND id = ?", pending)
    with connections.use() as con:
        db.checkpoint_truncate(con)


def clean_damaged_copies(
    vault_dir: Path, key: bytes | bytearray, interview_ids: list[str], attachment_ids: list[str]
) -> None:
    """Deletion reaches the damaged copies too. A copy set aside by a restore is a whole vault (it
    may hold interviews saved after the backup, which an expert may still recover), so it is kept
    and the deleted records are deleted from it exactly as from a backup. What cannot be cleaned
    that way (a copy too damaged to open or to delete from, or a lone journal set aside at unlock,
    whose pages may hold the deleted record) is removed: "deleted" must mean gone everywhere."""
    for d in damaged_copies(vault_dir):
        ok = (d / DB_NAME).is_file() and not (d / DB_NAME).is_symlink() and delete_from_backup(
            d, key, interview_ids, attachment_ids, vacuum=True
        )
        if not ok:
            log.warning("a damaged copy could not be cleaned after a deletion and was removed")
            shutil.rmtree(d, ignore_errors=True)
    root = Path(vault_dir) / DAMAGED_DIR
    if root.is_dir():
        fsync_dir(root)


def set_aside(vault_dir: Path, names: tuple[str, ...]) -> Path:
    """Move the vault's files called ``names`` into a new ``damaged/<UTC time>/`` folder (never
    delete them: they may still hold something); returns that folder."""
    directory = Path(vault_dir)
    # Each level on its own: mkdir(parents=True) gives the parents the umask's mode, not 0700.
    damaged = make_private_dir(directory / DAMAGED_DIR)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    while (damaged / stamp).exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = make_private_dir(damaged / stamp)
    for name in names:
        src = directory / name
        if src.exists() or src.is_symlink():
            os.replace(src, aside / name)
    fsync_dir(aside)
    fsync_dir(directory)
    return aside


def _copy_atomically(source: Path, target: Path) -> None:
    with open(source, "rb") as src, atomic_writer(target) as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)


def restore(vault_dir: Path, backup: Path) -> None:
    """Put a backup back in place of a damaged database. The damaged files are moved aside into
    ``damaged/<when>/`` (never deleted: they may still hold something). The vault must be locked."""
    directory = Path(vault_dir)
    backup = Path(backup)
    if backup not in list_backups(directory):
        raise VaultError("That is not one of this vault's backups.")
    aside = set_aside(directory, (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", SLOT_NAME))
    # A backup's WAL (left by a clean-up cut short) holds its latest commits: it comes along.
    wal = backup / (DB_NAME + "-wal")
    # Both copies go through the atomic writer (owner-only from the start, fsynced before the
    # rename): the WAL copy used to be renamed into place unsynced, so a power cut right after a
    # restore could leave it short or missing under a database that needs it.
    slot_src = aside / SLOT_NAME
    slot_bytes = slot_src.read_bytes() if slot_src.exists() else b""
    copy_bytes = (backup / SLOT_NAME).read_bytes()
    try:
        live = KeySlot.from_bytes(slot_bytes)
    except ValueError:
        slot_bytes = copy_bytes
    else:
        # The live slot is kept (it may hold a newer passphrase) unless it wraps the very same key
        # as the backup's copy yet differs from it: then it was edited, and the copy is the true one.
        with contextlib.suppress(ValueError):
            copy = KeySlot.from_bytes(copy_bytes)
            if (live.nonce, live.wrapped_key) == (copy.nonce, copy.wrapped_key) and slot_bytes != copy_bytes:
                slot_bytes = copy_bytes
    try:
        if wal.exists() and wal.stat().st_size > 0:
            _copy_atomically(wal, directory / (DB_NAME + "-wal"))
        _copy_atomically(backup / DB_NAME, directory / DB_NAME)
        atomic_write(directory / SLOT_NAME, slot_bytes)
    except OSError as exc:
        if is_disk_full(exc):
            # The damaged files are already aside and the backup is untouched: restoring again
            # once there is room puts it all back.
            raise DiskFull(
                "The disk is full: the backup was not restored. Free some space and restore it again."
            ) from None
        raise
    fsync_dir(directory)
    log.info("backup restored")
