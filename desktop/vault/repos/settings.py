"""Settings kept inside the encrypted database (``vault.settings``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from desktop.vault.repos._common import dumps

if TYPE_CHECKING:
    from desktop.vault.connections import Connections


class Settings:
    """Settings kept inside the encrypted database (anything sensitive); values are JSON."""

    def __init__(self, connections: Connections) -> None:
        self._c = connections

    def get(self, key: str, default: Any = None) -> Any:
        with self._c.use() as con:
            row = con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set(self, key: str, value: Any) -> None:
        if not isinstance(key, str) or not key:
            raise ValueError("a setting needs a key")
        text = dumps(value)
        with self._c.tx() as con:
            con.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, text),
            )
