"""Small helpers the repositories share: timestamps, canonical JSON, record ids."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from desktop.vault.errors import NotFound


def now() -> str:
    return datetime.now(UTC).isoformat()


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def check_id(value: Any, what: str = "interview") -> str:
    if not isinstance(value, str) or not ID.match(value):
        raise NotFound(what)
    return value
