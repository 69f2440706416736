"""The vault: one folder holding the encrypted database and its key slot.

::

    <vault dir>/keyslot.json      the data key wrapped by the passphrase (Argon2id + AES-256-GCM)
    <vault dir>/vault.db          SQLCipher database, keyed with the raw data key (+ -wal/-shm while open)
    <vault dir>/backups/<when>-<why>/{vault.db,keyslot.json}   verified copies, newest 3 kept

This module opens vaults and handles their key: create, unlock, recover, lock, passphrase change,
the recovery slot. The per-thread connections live in :mod:`desktop.vault.connections`, backups in
:mod:`desktop.vault.backup`, the repositories in :mod:`desktop.vault.repos`.
See :mod:`desktop.vault` for the API in one page.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.core.forgetting import forget_kept
from desktop.files import TEMP_PREFIX, fsync_dir, fsync_file, remove_stale_temp_files
from desktop.paths import make_private_dir
from desktop.vault import backup as backups
from desktop.vault import db
from desktop.vault.connections import Connections
from desktop.vault.errors import (
    DiskFull,
    ForeignJournal,
    NewerVault,
    NoVault,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultLocked,
    WrongPassphrase,
    is_disk_full,
)
from desktop.vault.guard import FolderLock, check_folder
from desktop.vault.keyslot import (
    KdfParams,
    KeySlot,
    altered_copy,
    calibrate_kdf,
    new_data_key,
    read_slot,
    wipe,
    write_slot,
)
from desktop.vault.repos import Attachments, Audit, Drafts, Interviews, Redaction, Settings, Transfer
from desktop.vault.repos.fingerprints import Fingerprints
from desktop.vault.repos.quotations import Quotations
from desktop.vault.schema import MIGRATIONS, SCHEMA_VERSION
from desktop.vault.walcheck import wal_problem

log = logging.getLogger(__name__)

DB_NAME = backups.DB_NAME
SLOT_NAME = backups.SLOT_NAME


def _apply_migrations(con: db.Connection, from_version: int) -> None:
    for version, statements in MIGRATIONS:
        if version <= from_version:
            continue
        con.execute("BEGIN IMMEDIATE")
        try:
            for sql in statements:
                con.execute(sql)
            con.execute(f"PRAGMA user_version = {int(version)}")
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                con.execute("ROLLBACK")
            raise


class Vault:
    """An unlocked vault. Make one with :meth:`create`, :meth:`unlock` or :meth:`recover`."""

    def __init__(
        self, directory: Path, data_key: bytearray, slot: KeySlot, folder_lock: FolderLock | None = None
    ) -> None:
        self.directory = Path(directory)
        self._slot = slot
        # Held from unlock to lock: one Witnessbox process at a time works on this vault.
        self._folder_lock = folder_lock
        # Per-thread connections and the data key they are keyed from; the repositories get only these.
        self._connections = Connections(
            self.db_path(directory), data_key, after_deletion=self._after_deletion,
            backups=lambda: backups.list_backups(self.directory),
        )
        self.interviews = Interviews(self._connections)
        self.attachments = Attachments(self._connections)
        self.drafts = Drafts(self._connections)
        self.redaction = Redaction(self._connections)
        self.quotations = Quotations(self._connections)
        self.fingerprints = Fingerprints(self._connections)
        self.settings = Settings(self._connections)
        self.audit = Audit(self._connections)
        self.transfer = Transfer(self._connections)
        # What the services keep between calls while the vault is unlocked (the text a review just
        # read, the suggestions it found); emptied by :meth:`lock` so none of it outlives the key.
        self.session: dict[str, object] = {}

    # --- paths ----------------------------------------------------------------------------------

    @staticmethod
    def db_path(directory: Path) -> Path:
        return Path(directory) / DB_NAME

    @staticmethod
    def slot_path(directory: Path) -> Path:
        return Path(directory) / SLOT_NAME

    @staticmethod
    def exists(directory: Path) -> bool:
        """True if the folder holds a vault (or what is left of one: then unlock reports the damage)."""
        d = Path(directory)
        return (d / SLOT_NAME).exists() or (d / DB_NAME).exists()

    @staticmethod
    def backups(directory: Path) -> list[Path]:
        """Verified backups, newest first."""
        return backups.list_backups(directory)

    # --- making and opening ---------------------------------------------------------------------

    @classmethod
    def create(cls, directory: Path, passphrase: str, *, kdf: KdfParams | None = None) -> Vault:
        """Make a new vault in ``directory`` and return it unlocked.

        ``kdf`` defaults to :func:`calibrate_kdf` (about 0.5-1 s here). Checks that SQLCipher is the
        library loaded before any file is written.
        """
        db.check_engine()
        directory = Path(directory)
        if cls.exists(directory):
            raise VaultExists()
        if not passphrase:
            raise ValueError("the passphrase is empty")
        make_private_dir(directory)
        folder_lock = FolderLock(directory)
        try:
            if cls.exists(directory):  # made by another process while this one was waiting
                raise VaultExists()
            return cls._create_locked(directory, passphrase, kdf, folder_lock)
        except BaseException:
            folder_lock.release()
            raise

    @classmethod
    def _create_locked(cls, directory: Path, passphrase: str, kdf: KdfParams | None, folder_lock: FolderLock) -> Vault:
        params = kdf or calibrate_kdf()
        remove_stale_temp_files(directory)  # a create cut short earlier leaves a temp database
        key = new_data_key()
        vault_id = secrets.token_hex(16)
        slot = KeySlot.seal(key, passphrase, params, vault_id=vault_id)
        tmp_db = directory / f"{TEMP_PREFIX}{secrets.token_hex(8)}.db"
        try:
            con = db.open_db(tmp_db, key, create=True)
            try:
                os.chmod(tmp_db, 0o600)
                _apply_migrations(con, 0)
                con.execute("BEGIN IMMEDIATE")
                con.execute("INSERT INTO meta(key, value) VALUES ('vault_id', ?)", (vault_id,))
                con.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)", (datetime.now(UTC).isoformat(),))
                con.execute("COMMIT")
                db.checkpoint_truncate(con)
            finally:
                con.close()
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(str(tmp_db) + suffix).unlink()
            fsync_file(tmp_db)
            # The database goes into place first, the key slot last: until the slot exists the
            # folder holds no usable vault, and a retry reports it rather than overwriting it.
            os.replace(tmp_db, cls.db_path(directory))
            fsync_dir(directory)
            write_slot(cls.slot_path(directory), slot)
        except BaseException as exc:
            for p in (tmp_db, Path(str(tmp_db) + "-wal"), Path(str(tmp_db) + "-shm")):
                with contextlib.suppress(OSError):
                    p.unlink()
            wipe(key)
            if isinstance(exc, OSError) and is_disk_full(exc):
                raise DiskFull("The disk is full: the vault was not created.") from None
            if isinstance(exc, db.DatabaseError):
                raise (db.translate(exc) or VaultError("The vault could not be created.")) from None
            raise
        vault = cls(directory, key, slot, folder_lock)
        vault.audit.append("vault.created")
        log.info("vault created")
        return vault

    @classmethod
    def unlock(cls, directory: Path, passphrase: str) -> Vault:
        """Open a vault. :class:`WrongPassphrase` (nothing on disk touched), :class:`VaultDamaged`
        (with ``backups``), :class:`NoVault`, :class:`NewerVault` or :class:`SQLCipherMissing`."""
        db.check_engine()
        directory = Path(directory)
        if not cls.exists(directory):
            raise NoVault()
        available = backups.list_backups(directory)
        check_folder(directory, backups=available)
        slot = read_slot(cls.slot_path(directory), backups=available)
        try:
            key, stale = slot.unwrap(passphrase)  # WrongPassphrase before any database file is opened
        except WrongPassphrase:
            if altered_copy(slot, backups.slot_copies(directory)):
                raise VaultDamaged("The vault's key file is damaged.", backups=available) from None
            raise
        except VaultDamaged as exc:
            raise VaultDamaged(exc.reason, backups=available) from None
        vault = cls._open(directory, key, slot, available)
        vault._settle_slots(passphrase if stale else None)
        return vault

    @classmethod
    def recover(
        cls,
        directory: Path,
        unwrap: Callable[[dict[str, Any]], bytes],
        new_passphrase: str,
        *,
        kdf: KdfParams | None = None,
    ) -> Vault:
        """Organisation recovery: ``unwrap`` turns the slot's ``recovery`` entry back into the data
        key (the coordinator's private key does that); the vault then gets a new passphrase."""
        db.check_engine()
        directory = Path(directory)
        if not cls.exists(directory):
            raise NoVault()
        available = backups.list_backups(directory)
        check_folder(directory, backups=available)
        slot = read_slot(cls.slot_path(directory), backups=available)
        if not slot.recovery:
            raise VaultError("This vault has no recovery key.")
        try:
            key = bytearray(unwrap(slot.recovery))
        except Exception:
            raise VaultError("The recovery key does not open this vault.") from None
        if len(key) != 32:
            raise VaultError("The recovery key does not open this vault.")
        if not slot.verify(key):  # the recovery entry (or another field) was changed
            wipe(key)
            raise VaultDamaged("The vault's key file is damaged.", backups=available)
        vault = cls._open(directory, key, slot, available)
        try:
            vault._rewrap(new_passphrase, kdf)
            vault.audit.append("vault.recovered")
        except BaseException:
            vault.lock()
            raise
        return vault

    @classmethod
    def _open(cls, directory: Path, key: bytearray, slot: KeySlot, available: list[Path]) -> Vault:
        """Take the folder lock, check the journal, open and check the database. On any failure
        the key is wiped and the lock let go."""
        try:
            folder_lock = FolderLock(directory)
        except VaultInUse:
            wipe(key)
            raise
        try:
            return cls._open_locked(directory, key, slot, available, folder_lock)
        except BaseException:
            folder_lock.release()
            raise

    @classmethod
    def _set_wal_aside_if_foreign(cls, directory: Path, key: bytearray, slot: KeySlot, available: list[Path]) -> None:
        """A journal that is not this database's own is moved into ``damaged/``, never folded in
        (:mod:`desktop.vault.walcheck`); the vault is then reported damaged, naming the backups."""
        problem = wal_problem(directory, key, slot.vault_id)
        if problem is None:
            return
        log.warning("the vault's journal was set aside unapplied: %s", problem)
        backups.set_aside(directory, (DB_NAME + "-wal", DB_NAME + "-shm"))
        raise ForeignJournal(backups=available)

    @classmethod
    def _open_locked(
        cls, directory: Path, key: bytearray, slot: KeySlot, available: list[Path], folder_lock: FolderLock
    ) -> Vault:
        try:
            cls._set_wal_aside_if_foreign(directory, key, slot, available)
            con = db.open_db(cls.db_path(directory), key)
        except ForeignJournal:
            wipe(key)
            raise
        except VaultDamaged as exc:
            wipe(key)
            raise VaultDamaged(exc.reason, backups=available) from None
        except BaseException:
            wipe(key)
            raise
        vault = cls(directory, key, slot, folder_lock)
        try:
            # First fold the WAL into the database: after a crash or a full disk mid-checkpoint the
            # file can hold a torn page that the WAL still overrides, which is not damage.
            with contextlib.suppress(db.DatabaseError):
                db.checkpoint_truncate(con)
            # Only the key and the header are proven here (open_db read the schema through them),
            # so unlocking takes the same time at any size; every page is checked by check(), which
            # the app runs in the background after unlock, before every backup, and on demand.
            problems = db.header_problems(con, cls.db_path(directory))
            if problems:
                log.warning("the vault's header failed its check: %s", len(problems))
                raise VaultDamaged("The vault is damaged (some pages fail their checks).", backups=available)
            version = con.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:  # a vault is created with its schema: a database without one is not ours
                raise VaultDamaged("The vault's database holds no vault.", backups=available)
            if version > SCHEMA_VERSION:
                raise NewerVault()
            if version < SCHEMA_VERSION:
                if version > 0:
                    if db.page_problems(con, cls.db_path(directory)):  # checked before every backup
                        raise VaultDamaged("The vault is damaged (some pages fail their checks).", backups=available)
                    backups.make_backup(con, directory, key, slot.to_bytes(), "migration")
                    log.info("schema migration from %s to %s", version, SCHEMA_VERSION)
                _apply_migrations(con, version)
            vault._connections.register(con)
        except BaseException as exc:
            con.close()
            vault._connections.close()  # drops and wipes the key
            wipe(key)
            if isinstance(exc, db.DatabaseError):
                translated = db.translate(exc) or VaultError("The vault could not be opened.")
                if isinstance(translated, VaultDamaged):  # it names the backups, like every damage found at unlock
                    translated = VaultDamaged(translated.reason, backups=available)
                raise translated from None
            if isinstance(exc, VaultDamaged) and not exc.backups:
                raise VaultDamaged(exc.reason, backups=available) from None
            raise
        remove_stale_temp_files(directory)
        backups.sweep_temp(directory)
        try:
            backups.clean_backups(vault._connections, directory)  # finish a deletion that a crash cut short
        except VaultError:
            log.warning("the backups could not be cleaned of deleted records at unlock")
        try:
            vault.audit.append("vault.unlocked")
        except DiskFull:  # a full disk must not stop anyone reading their interviews
            log.warning("disk full: the unlock was not recorded in the audit log")
        except VaultDamaged as exc:  # a page read while opening was found damaged: told like any damage
            vault._connections.close()
            raise VaultDamaged(exc.reason, backups=available) from None
        return vault

    def _settle_slots(self, passphrase: str | None) -> None:
        """After an unlock: rewrite a slot due for it (version 1, or made from a passphrase not in
        NFC) as a version 2 slot of the same passphrase in NFC, and give every backup's copy the
        current slot, finishing a passphrase change that a crash cut short. A failure here leaves
        the vault open as it was: the next unlock tries again."""
        try:
            if passphrase is not None and self._key is not None:
                slot = KeySlot.seal(self._key, passphrase, self._slot.kdf, vault_id=self._slot.vault_id,
                                    generation=self._slot.generation, recovery=self._slot.recovery)
                write_slot(self.slot_path(self.directory), slot)
                self._slot = slot
                log.info("key slot rewritten in the current format")
            backups.rewrite_slots(self.directory, self._slot.to_bytes())
        except (OSError, VaultError):
            log.warning("the key slots could not be brought up to date at unlock")

    # --- connections ------------------------------------------------------------------------------

    @property
    def _key(self) -> bytearray | None:
        """The data key buffer the connections are keyed from (None once locked)."""
        return self._connections.key

    def connection(self) -> db.Connection:
        """This thread's own connection (sqlcipher3 connections must not be shared between threads)."""
        return self._connections.connection()

    # --- state ------------------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self._key is None

    def lock(self) -> None:
        """Close every connection (waiting for any in-flight operation), truncate the WAL and drop
        the data key. Safe to call twice and from any thread."""
        closed = self._connections.close()
        self.session.clear()
        forget_kept()  # what detection and the gate made from its interviews
        if self._folder_lock is not None:
            self._folder_lock.release()  # only once the last connection is closed and the WAL emptied
        if closed:
            log.info("vault locked")

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # --- passphrase, recovery slot, backups -----------------------------------------------------

    def change_passphrase(self, old: str, new: str, *, kdf: KdfParams | None = None) -> None:
        """Rewrap the data key for ``new``. Only the key slot is rewritten (atomically): after a crash
        the vault opens with the old passphrase or the new one. :class:`WrongPassphrase` if ``old`` is wrong."""
        if self._key is None:
            raise VaultLocked()
        current = read_slot(self.slot_path(self.directory))
        check = current.open(old)
        try:
            if not hmac.compare_digest(check, self._key):  # compares the buffers, copies neither
                raise VaultError("The key file does not belong to this vault.")
        finally:
            wipe(check)
        self._rewrap(new, kdf, current)
        try:
            self.audit.append("vault.passphrase_changed")
        except DiskFull:  # the change itself is done and durable; only its record is missing
            log.warning("disk full: the passphrase change was not recorded in the audit log")

    def _rewrap(self, new: str, kdf: KdfParams | None, current: KeySlot | None = None) -> None:
        if self._key is None:
            raise VaultLocked()
        if not new:
            raise ValueError("the passphrase is empty")
        current = current or self._slot
        params = kdf or calibrate_kdf()
        slot = KeySlot.seal(
            self._key, new, params, vault_id=current.vault_id, generation=current.generation + 1,
            recovery=current.recovery,
        )
        write_slot(self.slot_path(self.directory), slot)
        self._slot = slot
        try:
            backups.rewrite_slots(self.directory, slot.to_bytes())
        except OSError:
            log.warning("a backup's key copy could not be updated after a passphrase change")

    def set_recovery_slot(self, wrap: Callable[[bytes], dict[str, Any]] | None) -> None:
        """Add (or with None, remove) the organisation-recovery entry: ``wrap(data_key)`` returns a
        JSON-able dict holding the data key encrypted to the coordinator's public key."""
        if self._key is None:
            raise VaultLocked()
        payload = wrap(bytes(self._key)) if wrap is not None else None
        slot = read_slot(self.slot_path(self.directory))
        # The recovery entry sits outside the AES-GCM associated data (the header MAC, keyed by the
        # data key, covers it), so adding it leaves the passphrase wrapping as it is.
        slot.recovery = payload
        slot.authenticate(self._key)
        write_slot(self.slot_path(self.directory), slot)
        self._slot = slot
        with contextlib.suppress(OSError):
            backups.rewrite_slots(self.directory, slot.to_bytes())
        self.audit.append("vault.recovery_slot_set" if wrap else "vault.recovery_slot_removed")

    def check(self, *, full: bool = False) -> None:
        """Check every page of the database with the vault's key (``cipher_integrity_check``; with
        ``full``, the b-trees too), on a connection of its own, so it may run on a worker thread
        while the vault is in use. The app runs it after unlock, before every backup and on demand.

        On damage: :class:`VaultDamaged` naming the backups, and from then on nothing is written to
        the database. :class:`VaultLocked` if the vault was locked (which stops a check) meanwhile.
        """
        if self._key is None:
            raise VaultLocked()
        with self._connections.checking() as con:
            problems = db.page_problems(con, self.db_path(self.directory), full=full,
                                        stopped=lambda: self._connections.is_closed)
        if self._connections.is_closed:
            raise VaultLocked()  # interrupted by the lock: nothing was decided
        if problems:
            self._connections.mark_damaged()
            log.warning("vault pages failed their check: %s", len(problems))
            raise VaultDamaged("The vault is damaged (some pages fail their checks).",
                               backups=backups.list_backups(self.directory))

    @property
    def damaged(self) -> bool:
        """True once :meth:`check` found damage in this session (writes are refused from then on)."""
        return self._connections.damaged

    def backup_now(self, reason: str = "manual") -> Path:
        """Make a verified backup now (before an import, for instance); returns its folder. Every
        page is checked first (:meth:`check`): a damaged vault is never copied over a good backup."""
        if self._key is None:
            raise VaultLocked()
        self.check()
        with self._connections.use() as con:
            key = self._connections.key_copy()
            try:
                path = backups.make_backup(con, self.directory, key, self._slot.to_bytes(), reason)
            finally:
                wipe(key)
        self.audit.append("vault.backup_made")
        return path

    def _after_deletion(self, vacuum: bool) -> None:
        """The repositories' hook once a delete has committed: see :func:`backup.after_deletion`."""
        backups.after_deletion(self._connections, self.directory, vacuum=vacuum)

    @classmethod
    def restore_backup(cls, directory: Path, backup: Path) -> None:
        """Put a backup back in place of a damaged database. The damaged files are moved aside into
        ``damaged/<when>/`` (never deleted: they may still hold something). The vault must be locked
        (:class:`VaultInUse` if another process has it open)."""
        with FolderLock(directory):
            backups.restore(directory, backup)
