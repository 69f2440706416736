"""Redaction decisions (``vault.redaction``), stored per interview as opaque JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from desktop.vault.errors import NotFound
from desktop.vault.repos._common import check_id, dumps, now
from desktop.vault.repos.audit import append_entry

if TYPE_CHECKING:
    from desktop.vault.connections import Connections


class Redaction:
    """The redaction engine's decisions for an interview, as opaque JSON."""

    def __init__(self, connections: Connections) -> None:
        self._c = connections

    def save_decisions(self, interview_id: str, payload: dict) -> None:
        check_id(interview_id)
        text = dumps(payload)
        with self._c.tx() as con:
            if con.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone() is None:
                raise NotFound()
            con.execute(
                "INSERT INTO redaction_decisions(interview_id, saved_at, payload) VALUES (?, ?, ?) "
                "ON CONFLICT(interview_id) DO UPDATE SET saved_at = excluded.saved_at, payload = excluded.payload",
                (interview_id, now(), text),
            )
            append_entry(con, "redaction.saved", interview_id)

    def load_decisions(self, interview_id: str) -> dict | None:
        check_id(interview_id)
        with self._c.use() as con:
            row = con.execute(
                "SELECT payload FROM redaction_decisions WHERE interview_id = ?", (interview_id,)
            ).fetchone()
        return json.loads(row[0]) if row else None
