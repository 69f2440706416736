"""The audit log: append-only, hash-chained, ids and dotted codes only (``vault.audit``)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.vault.repos._common import dumps, now

if TYPE_CHECKING:
    from desktop.vault.connections import Connections


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    action: str
    target: str | None


_ACTION = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,4}$")
_TARGET = re.compile(r"^[A-Za-z0-9_-]{1,64}(:\d+)?$")
_GENESIS = "0" * 64


def _entry_hash(prev: str, seq: int, at: str, action: str, target: str | None) -> str:
    return hashlib.sha256(dumps([prev, seq, at, action, target]).encode("utf-8")).hexdigest()


def append_entry(con: Any, action: str, target: str | None, *, count: int | None = None) -> None:
    """Append one entry inside the caller's transaction on ``con`` (each repository records its
    own writes this way, so the change and its entry commit together or not at all)."""
    if not _ACTION.match(action or ""):
        raise ValueError("an audit action is a short dotted code")
    if count is not None:
        target = f"n:{int(count)}"
    elif target is not None and not _TARGET.match(target):
        raise ValueError("an audit target is a record id")
    last = con.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, _GENESIS)
    at = now()
    con.execute(
        "INSERT INTO audit(seq, at, action, target, prev, hash) VALUES (?, ?, ?, ?, ?, ?)",
        (seq, at, action, target, prev, _entry_hash(prev, seq, at, action, target)),
    )


class Audit:
    """Append-only log of who did what, when. Actions are dotted codes (``interview.added``) and
    targets are record ids, so no content can be written into it. Each entry's hash chains to the
    previous one; :meth:`verify` recomputes the chain."""

    def __init__(self, connections: Connections) -> None:
        self._c = connections

    def append(self, action: str, target: str | None = None) -> None:
        with self._c.tx() as con:
            append_entry(con, action, target)

    def append_many(self, action: str, targets: Iterable[str | None]) -> None:
        """One entry per target, in one transaction: all of them or none."""
        with self._c.tx() as con:
            for target in targets:
                append_entry(con, action, target)

    def entries(self) -> list[AuditEntry]:
        with self._c.use() as con:
            rows = con.execute("SELECT seq, at, action, target FROM audit ORDER BY seq").fetchall()
        return [AuditEntry(s, datetime.fromisoformat(a), act, t) for s, a, act, t in rows]

    def first(self) -> AuditEntry | None:
        """The oldest entry (when the vault began keeping its log), or None in an empty log."""
        with self._c.use() as con:
            row = con.execute("SELECT seq, at, action, target FROM audit ORDER BY seq LIMIT 1").fetchone()
        return AuditEntry(row[0], datetime.fromisoformat(row[1]), row[2], row[3]) if row else None

    def last(self, actions: tuple[str, ...], *, after: int = 0) -> AuditEntry | None:
        """The newest entry with one of ``actions`` and a sequence number above ``after``, or None.
        Found through the index on the actions (schema 7): a few rows read, however long the log."""
        marks = ", ".join("?" * len(actions))
        with self._c.use() as con:
            row = con.execute(f"SELECT seq, at, action, target FROM audit WHERE seq > ? AND action IN ({marks}) "
                              "ORDER BY seq DESC LIMIT 1", (after, *actions)).fetchone()
        return AuditEntry(row[0], datetime.fromisoformat(row[1]), row[2], row[3]) if row else None

    def verify(self) -> bool:
        """True if every entry is present (no gaps) and chained to the one before."""
        with self._c.use() as con:
            rows = con.execute("SELECT seq, at, action, target, prev, hash FROM audit ORDER BY seq").fetchall()
        prev = _GENESIS
        expected_seq = 1
        for seq, at, action, target, p, h in rows:
            if seq != expected_seq or p != prev or h != _entry_hash(p, seq, at, action, target):
                return False
            prev = h
            expected_seq += 1
        return True
