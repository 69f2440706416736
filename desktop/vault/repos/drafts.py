"""Drafts (``vault.drafts``): the interview form's continuous save."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from desktop.vault.repos._common import dumps, now

if TYPE_CHECKING:
    from desktop.vault.connections import Connections


class Drafts:
    """The form's continuous draft save: JSON payloads by key, encrypted like everything else.
    A draft whose key contains an interview's id is deleted with that interview."""

    def __init__(self, connections: Connections) -> None:
        self._c = connections

    def save(self, key: str, payload: dict, *, interview_id: str | None = None) -> None:
        if not isinstance(key, str) or not key:
            raise ValueError("a draft needs a key")
        text = dumps(payload)
        with self._c.tx() as con:
            con.execute(
                "INSERT INTO drafts(key, interview_id, saved_at, payload) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET interview_id = excluded.interview_id, saved_at = excluded.saved_at, "
                "payload = excluded.payload",
                (key, interview_id, now(), text),
            )

    def load(self, key: str) -> dict | None:
        with self._c.use() as con:
            row = con.execute("SELECT payload FROM drafts WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def keys(self) -> list[str]:
        with self._c.use() as con:
            return [r[0] for r in con.execute("SELECT key FROM drafts ORDER BY saved_at")]

    def clear(self, key: str) -> None:
        with self._c.tx() as con:
            con.execute("DELETE FROM drafts WHERE key = ?", (key,))
