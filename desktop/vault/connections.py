"""Per-thread connections to one open vault database, and the transactions the repositories run in.

sqlcipher3 connections must not be shared between threads, so each thread opens its own on first
use, keyed from the data key held here. :meth:`Connections.close` (what ``Vault.lock`` does) may be
called from any thread: it waits for an operation in progress on each connection, closes them all,
truncates the WAL and wipes the data key.

The repositories (:mod:`desktop.vault.repos`) get this object, not the whole vault: ``use()`` for a
read, ``tx()`` for an all-or-nothing write, and ``after_deletion()`` once a delete has committed.
Opening the vault, the key slot and backups are the business of :mod:`desktop.vault.vault` and
:mod:`desktop.vault.backup`.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.logging_setup import Safe
from desktop.vault import db
from desktop.vault.errors import VaultDamaged, VaultError, VaultLocked
from desktop.vault.keyslot import wipe

log = logging.getLogger(__name__)


class _Handle:
    """One thread's connection and the lock that lets :meth:`Connections.close` wait for it to be idle."""

    __slots__ = ("con", "mutex", "thread")

    def __init__(self, con: db.Connection) -> None:
        self.con = con
        self.mutex = threading.RLock()
        self.thread = threading.get_ident()


class Connections:
    """The open database at ``db_path``: one connection per thread, keyed with ``key``.

    ``key`` is the data key buffer; it is wiped by :meth:`close`. ``after_deletion(vacuum)`` is
    called by :meth:`after_deletion` once a delete has committed (the vault empties the WAL there
    and deletes the same records from its backups). ``backups()`` lists the vault's backups, for
    the damage an operation may find.
    """

    def __init__(
        self,
        db_path: Path,
        key: bytearray,
        *,
        after_deletion: Callable[[bool], None] | None = None,
        backups: Callable[[], list[Path]] | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self._backups = backups
        self._key: bytearray | None = key
        self._after_deletion = after_deletion
        self._local = threading.local()
        self._handles: list[_Handle] = []
        self._handles_lock = threading.Lock()
        # Connections of checks in progress (each with the event it sets when closed): close()
        # interrupts them rather than waiting for a check of every page to finish.
        self._checks: dict[db.Connection, threading.Event] = {}
        self._damaged = False

    # --- the key ---------------------------------------------------------------------------------

    @property
    def key(self) -> bytearray | None:
        """The live data key buffer (None once closed). Use it in place; copies go through :meth:`key_copy`."""
        return self._key

    @property
    def is_closed(self) -> bool:
        return self._key is None

    def key_copy(self) -> bytearray:
        """A copy of the data key for one use (the caller wipes it), or :class:`VaultLocked`. Taken
        under the lock that :meth:`close` drops the key under, so it is never half a locked vault's."""
        with self._handles_lock:
            if self._key is None:
                raise VaultLocked()
            return bytearray(self._key)

    # --- connections -------------------------------------------------------------------------------

    def register(self, con: db.Connection) -> _Handle:
        """Adopt ``con`` (already opened and keyed) as the calling thread's connection."""
        handle = _Handle(con)
        with self._handles_lock:
            self._handles.append(handle)
        self._local.handle = handle
        return handle

    def _handle(self) -> _Handle:
        if self._key is None:
            raise VaultLocked()
        handle: _Handle | None = getattr(self._local, "handle", None)
        if handle is not None and handle.con is not None:
            return handle
        key = self.key_copy()
        try:
            con = db.open_db(self.db_path, key)
        finally:
            wipe(key)
        return self.register(con)

    def connection(self) -> db.Connection:
        """This thread's own connection (sqlcipher3 connections must not be shared between threads)."""
        return self._handle().con

    @contextlib.contextmanager
    def use(self) -> Iterator[db.Connection]:
        """This thread's connection for one operation; SQLite errors come out as :class:`VaultError`."""
        handle = self._handle()
        with handle.mutex:
            if handle.con is None or self._key is None:
                raise VaultLocked()
            try:
                yield handle.con
            except db.DatabaseError as exc:
                translated = db.translate(exc)
                if isinstance(translated, VaultDamaged):
                    self._damaged = True  # found by a read: nothing is written over it either
                if isinstance(translated, VaultDamaged) and self._backups is not None:
                    # Damage found by a read after unlock names the backups too, like damage found at unlock.
                    translated = VaultDamaged(translated.reason, backups=self._backups())
                if translated is not None:
                    raise translated from None
                log.error("database operation failed: %s", Safe(type(exc).__name__))
                raise VaultError("The vault could not complete the operation.") from None
            except UnicodeEncodeError:
                # Half of a surrogate pair (broken text pasted from somewhere) cannot be stored as UTF-8.
                raise VaultError("Some text holds broken characters that cannot be stored; nothing saved.") from None

    # --- checks and damage ------------------------------------------------------------------------

    @contextlib.contextmanager
    def checking(self) -> Iterator[db.Connection]:
        """A connection of its own for a check of every page, closed after. :meth:`close` interrupts
        it (a check at lock time is abandoned, not waited for)."""
        key = self.key_copy()
        try:
            con = db.open_db(self.db_path, key)
        finally:
            wipe(key)
        done = threading.Event()
        with self._handles_lock:
            if self._key is None:
                con.close()
                raise VaultLocked()
            self._checks[con] = done
        try:
            yield con
        finally:
            with self._handles_lock:
                self._checks.pop(con, None)
            con.close()
            done.set()

    @property
    def damaged(self) -> bool:
        """True once a check found damage: from then on nothing is written to the database."""
        return self._damaged

    def mark_damaged(self) -> None:
        self._damaged = True

    def _refuse_if_damaged(self) -> None:
        if self._damaged:
            raise VaultDamaged(
                "The vault is damaged (some pages fail their checks), so nothing more is saved in it.",
                backups=self._backups() if self._backups is not None else None,
            )

    @contextlib.contextmanager
    def tx(self) -> Iterator[db.Connection]:
        """A write transaction (or a savepoint inside one): all or nothing. Refused once a check
        has found damage, so nothing is written over it."""
        self._refuse_if_damaged()
        with self.use() as con:
            if con.in_transaction:
                name = f"sp_{secrets.token_hex(4)}"
                con.execute(f"SAVEPOINT {name}")
                try:
                    yield con
                except BaseException:
                    con.execute(f"ROLLBACK TO {name}")
                    con.execute(f"RELEASE {name}")
                    raise
                con.execute(f"RELEASE {name}")
                return
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(Exception):
                    con.execute("ROLLBACK")
                raise

    def after_deletion(self, *, vacuum: bool) -> None:
        """Called by a repository once a delete has committed (``vacuum`` after a bulk purge)."""
        if self._after_deletion is not None:
            self._after_deletion(vacuum)

    # --- closing -----------------------------------------------------------------------------------

    def close(self) -> bool:
        """Close every connection (waiting for any in-flight operation), truncate the WAL and wipe
        the data key. Safe to call twice and from any thread; False if it was already closed."""
        with self._handles_lock:
            key, self._key = self._key, None
            handles, self._handles = self._handles, []
            checks = list(self._checks.items())
        if key is None:
            return False
        for con, done in checks:  # a check in progress stops at once and closes its connection
            with contextlib.suppress(Exception):
                con.interrupt()
            done.wait(10)
        try:
            for i, handle in enumerate(handles):
                with handle.mutex:
                    con, handle.con = handle.con, None
                    if con is None:
                        continue
                    try:
                        with contextlib.suppress(db.DatabaseError):
                            if con.in_transaction:
                                con.execute("ROLLBACK")
                            if i == len(handles) - 1:  # the others are closed by now
                                db.checkpoint_truncate(con)
                    finally:
                        con.close()
        finally:
            wipe(key)
            self._local = threading.local()
        return True
