"""The SQLCipher connection recipe (docs/architecture.md, "Encryption at rest").

``open_db(path, key)`` is the only place a database connection is made:

1. :func:`check_engine` proves, in memory and before any file is touched, that the SQLite library
   loaded is SQLCipher. A plain SQLite that won symbol resolution (``LD_PRELOAD``, a GTK update
   pulling in the system library) would otherwise write interviews in the clear.
2. ``cipher_log_level=NONE`` and ``cipher_memory_security=ON`` before keying.
3. The raw data key goes in through ``Connection.set_key`` as the ASCII ``x'<64 hex>'`` form (a
   bytearray, wiped afterwards): no KDF inside SQLCipher, no SQL string with a key in it.
4. ``cipher_version`` must be non-empty, then a real read proves the key; with the key already
   proven by the key slot, a failure here means the file is damaged.
5. The PRAGMAs the design requires: WAL, synchronous=FULL, temp_store=MEMORY, secure_delete=ON,
   foreign_keys=ON, trusted_schema=OFF (and fullfsync for macOS, a busy timeout for the other
   threads' connections).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import sqlcipher3
from sqlcipher3 import dbapi2 as sqlite

from desktop.vault.errors import DiskFull, SQLCipherMissing, VaultDamaged, VaultError
from desktop.vault.keyslot import wipe

Connection = sqlite.Connection
DatabaseError = sqlite.DatabaseError

_PRAGMAS = (
    "journal_mode = WAL",
    "synchronous = FULL",
    "fullfsync = ON",
    "checkpoint_fullfsync = ON",
    "temp_store = MEMORY",
    "secure_delete = ON",
    "foreign_keys = ON",
    "trusted_schema = OFF",
    "journal_size_limit = 4194304",
    "busy_timeout = 10000",
)

_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


_HEX_DIGITS = b"0123456789abcdef"


def _keyspec(key: bytes | bytearray) -> bytearray:
    """``x'<64 hex>'`` built digit by digit into one buffer: ``bytes.hex()`` would leave an immutable
    copy of the key (as text) that nothing can wipe."""
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    spec = bytearray(b"x'" + b"0" * 64 + b"'")
    for i, byte in enumerate(key):
        spec[2 + 2 * i] = _HEX_DIGITS[byte >> 4]
        spec[3 + 2 * i] = _HEX_DIGITS[byte & 0x0F]
    return spec


def check_engine() -> str:
    """The SQLCipher version, or :class:`SQLCipherMissing`. Touches no file."""
    con = sqlcipher3.connect(":memory:")
    try:
        spec = _keyspec(b"\x00" * 32)
        try:
            con.set_key(spec)
            row = con.execute("PRAGMA cipher_version").fetchone()
        except sqlite.Error:
            row = None
        finally:
            wipe(spec)
        if not row or not row[0]:
            raise SQLCipherMissing()
        return str(row[0])
    finally:
        con.close()


def error_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate(exc: BaseException) -> VaultError | None:
    """The vault error an SQLite error stands for, if it is one of ours (disk full, damage)."""
    code = error_code(exc)
    text = str(exc)
    if code == _SQLITE_FULL or "disk is full" in text:
        return DiskFull()
    if code == _SQLITE_IOERR:
        # sqlcipher3 reports primary codes only; a write that hits a file-size or quota limit
        # (EFBIG, EDQUOT) comes back as an I/O error rather than SQLITE_FULL.
        return DiskFull(
            "The vault could not be written to the disk (it may be full or failing): nothing was saved. "
            "Free some space and try again."
        )
    if code in _DAMAGE_CODES or "malformed" in text or "not a database" in text:
        return VaultDamaged()
    return None


def open_db(path: Path, key: bytes | bytearray, *, create: bool = False) -> Connection:
    """Open (or with ``create``, make) the encrypted database at ``path`` with the raw data key.

    Raises :class:`SQLCipherMissing`, :class:`VaultDamaged` or :class:`DiskFull`.
    Connections are per thread: ``check_same_thread`` is off only so that :meth:`Vault.lock` can
    close every thread's connection; the vault never shares one between threads.
    """
    path = Path(path)
    check_engine()
    if not create:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise VaultDamaged("The vault's database file is missing.") from None
        # SQLCipher takes an empty file for a new database: keyed and opened, it would be given a
        # fresh empty schema, and a vault emptied by a crash or a bad copy would look like one with
        # no interviews in it. An existing vault's file always holds at least its first page.
        if size == 0:
            raise VaultDamaged("The vault's database file is empty.")
    con = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    ok = False
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute("PRAGMA cipher_memory_security = ON")
        spec = _keyspec(key)
        try:
            con.set_key(spec)
        finally:
            wipe(spec)
        row = con.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise SQLCipherMissing()
        try:
            con.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            for pragma in _PRAGMAS:
                con.execute("PRAGMA " + pragma)
        except sqlite.Error as exc:
            raise (translate(exc) or VaultDamaged()) from None
        if con.execute("PRAGMA secure_delete").fetchone()[0] != 1:
            raise VaultError("Secure delete could not be turned on; refusing to open the vault.")
        if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            raise VaultError("The vault's journal could not be set up; refusing to open the vault.")
        ok = True
        return con
    finally:
        if not ok:
            with contextlib.suppress(Exception):
                con.close()


def integrity_problems(con: Connection, *, full: bool = True) -> list[str]:
    """Page HMAC failures (``cipher_integrity_check``) and b-tree problems (``integrity_check``).

    Returns a list of problem lines (empty when all is well). The lines describe pages, never content.
    """
    problems: list[str] = []
    try:
        problems.extend(str(r[0]) for r in con.execute("PRAGMA cipher_integrity_check"))
        if full:
            rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                problems.extend(rows)
    except sqlite.Error as exc:
        problems.append(f"check stopped: {type(exc).__name__}")
    return problems


def header_problems(con: Connection, path: Path) -> list[str]:
    """What the database header says against the file itself, in constant time: the page count in
    the header (read and HMAC-checked with page 1) must fit the file, and the file must hold whole
    pages. Catches a file cut short; the pages themselves are left to :func:`page_problems`."""
    try:
        page_size = int(con.execute("PRAGMA page_size").fetchone()[0])
        pages = int(con.execute("PRAGMA page_count").fetchone()[0])
    except sqlite.Error as exc:
        return [f"header unreadable: {type(exc).__name__}"]
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return []  # pages still in the journal may lie beyond the end of the file; nothing to compare
    size = Path(path).stat().st_size
    if page_size <= 0 or size % page_size or size < pages * page_size:
        return ["the file does not hold the pages its header counts"]
    return []


def page_problems(con: Connection, path: Path, *, full: bool = False,
                  stopped: Callable[[], bool] = lambda: False) -> list[str]:
    """Every page's HMAC (and with ``full``, the b-trees) of the database at ``path`` open in ``con``.

    A live vault's checkpoints write pages while the check reads them, so a failure is read again,
    then (with a journal present) judged through it by ``quick_check``, as the unlock always did.
    Once ``stopped()`` (the vault was locked and the check interrupted) nothing more is read."""
    problems = integrity_problems(con, full=full)
    if problems and not stopped():
        problems = integrity_problems(con, full=full)
    wal = Path(str(path) + "-wal")
    if problems and not stopped() and wal.exists() and wal.stat().st_size > 0:
        problems = quick_check_problems(con)  # reads through the WAL
    return problems


def quick_check_problems(con: Connection) -> list[str]:
    """``PRAGMA quick_check`` (every b-tree page read through the pager and the WAL, HMAC checked)."""
    try:
        rows = [str(r[0]) for r in con.execute("PRAGMA quick_check")]
    except sqlite.Error as exc:
        return [f"check stopped: {type(exc).__name__}"]
    return [] if rows == ["ok"] else rows


def checkpoint_truncate(con: Connection) -> bool:
    """Copy the WAL into the database and truncate it to 0 bytes; True if it fully succeeded."""
    row = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return bool(row) and row[0] == 0
