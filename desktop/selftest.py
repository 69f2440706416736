"""``witnessbox self-test``: checks the installation itself, one line per check."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from desktop import firewall


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def _firewall() -> str:
    if not firewall.check_active():
        raise RuntimeError("the offline guard is not refusing network sockets")
    return "network sockets and name lookups are refused"


def _sqlcipher() -> str:
    import sqlcipher3

    con = sqlcipher3.connect(":memory:")
    try:
        con.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
        row = con.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise RuntimeError("the SQLite library loaded is not SQLCipher")
        return f"SQLCipher {row[0]}"
    finally:
        con.close()


def _fts5() -> str:
    import sqlcipher3

    con = sqlcipher3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
        con.execute("INSERT INTO t(t, rank) VALUES('secure-delete', 1)")
        con.execute("INSERT INTO t(body) VALUES ('offline check')")
        if con.execute("SELECT count(*) FROM t WHERE t MATCH 'offline'").fetchone()[0] != 1:
            raise RuntimeError("FTS5 search returned a wrong result")
        return "FTS5 with secure-delete"
    finally:
        con.close()


def _fonts() -> str:
    from desktop.reports.fonts import FontSet

    loaded = FontSet.load()  # the statement renderer's own fonts, so the check cannot drift from it
    return f"{2 * len(loaded)} statement fonts load ({', '.join(loaded)})"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("offline guard", _firewall),
    ("SQLCipher", _sqlcipher),
    ("full-text search", _fts5),
    ("fonts", _fonts),
)


def run_checks() -> Iterator[Check]:
    for name, fn in CHECKS:
        try:
            yield Check(name, True, fn())
        except Exception as exc:  # each failure is reported, the others still run
            yield Check(name, False, str(exc) or type(exc).__name__)
