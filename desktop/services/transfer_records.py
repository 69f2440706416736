"""The records a bundle carries, both ways: made on a field vault, parsed strictly on a coordinator.

Each item's bytes (``desktop.transfer.canonical`` JSON unless said otherwise)::

    iv-<id>          interview   {"attachments": [meta...], "interview": Interview.to_dict(), "revision": n}
    att-<id>         attachment  the attachment's bytes, as stored (meta in its interview's record)
    dec-<id>         decisions   {"interview_id": id, "payload": "<the stored decisions as JSON text>"}
    quo-<id>         quotations  {"interview_id": id, "quotations": [{"end", "id", "passage", "start", "theme"}...]}
    wd-<id>-<use>    withdrawal  {"interview_id", "use", "withdrawn_by", "withdrawn_on"}
    del-<id>         deletion    {"deleted_at", "interview_id"}

An interview record obeys the import-format rules and more: exactly the fields
``Interview.to_dict`` writes, each of its type, and it must come back from ``Interview.from_dict``
as the very same dict (so no unknown field, no wrong type, no value the model would change).
Anything else refuses the whole bundle with :data:`BAD_RECORD` (a record's values are never named).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.core.attachment_names import fit_name
from desktop.core.jsonl import KNOWN_KEYS
from desktop.core.model import ConsentUse, Interview
from desktop.core.quotations import Quotation, Theme
from desktop.transfer import canonical
from desktop.transfer.errors import BundleRefused
from desktop.vault.repos import MAX_ATTACHMENT_BYTES

BAD_RECORD = ("This bundle holds a record Witnessbox cannot accept (it breaks the record format). It was signed "
              "by an enrolled device, so tell the worker: that device may need updating. Nothing was imported.")
MAX_DECISIONS_CHARS = 4 * 1024 * 1024
MAX_QUOTATIONS = 1000
MAX_PASSAGE_CHARS = 100_000
_QUOTATION_FIELDS = {"end", "id", "passage", "start", "theme"}
_ID = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_INTERVIEW_FIELDS = KNOWN_KEYS  # the import format's fields, which are exactly what Interview.to_dict writes
_META_FIELDS = {"added_at", "display_name", "id", "media_type", "sha256", "size"}


def _need(cond: bool) -> None:
    if not cond:
        raise BundleRefused(BAD_RECORD)


def _obj(data: bytes, fields: set[str] | frozenset[str], depth: int = 2) -> dict[str, Any]:
    obj = canonical.loads(data, error=BundleRefused, message=BAD_RECORD, max_depth=depth)
    _need(isinstance(obj, dict) and set(obj) == set(fields))
    return obj


def _id(value: Any) -> str:
    _need(isinstance(value, str) and _ID.fullmatch(value) is not None)
    return value


def _text(value: Any, limit: int = 1000) -> str:
    _need(isinstance(value, str) and len(value) <= limit)
    return value


def _stamp(value: Any) -> str:
    _text(value, 64)
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise BundleRefused(BAD_RECORD) from None
    return value


# --- making -----------------------------------------------------------------------------------------

def interview_record(iv: Interview, revision: int, attachments: list[dict[str, Any]]) -> bytes:
    return canonical.dumps({"attachments": attachments, "interview": iv.to_dict(), "revision": int(revision)})


def attachment_meta(info: Any) -> dict[str, Any]:
    # fitted again: a name an older version of Witnessbox kept whole still travels
    return {"added_at": info.added_at.isoformat(), "display_name": fit_name(info.display_name), "id": info.id,
            "media_type": info.media_type, "sha256": info.sha256, "size": info.size}


def decisions_record(interview_id: str, payload: dict[str, Any]) -> bytes:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return canonical.dumps({"interview_id": interview_id, "payload": text})


def quotations_record(interview_id: str, quotations: list[Quotation]) -> bytes:
    return canonical.dumps({"interview_id": interview_id, "quotations": [
        {"end": q.end, "id": q.id, "passage": q.passage, "start": q.start, "theme": q.theme.value}
        for q in quotations]})


def withdrawal_record(interview_id: str, use: ConsentUse, on: date, by: str) -> bytes:
    return canonical.dumps({"interview_id": interview_id, "use": ConsentUse(use).value,
                            "withdrawn_by": by, "withdrawn_on": on.isoformat()})


def deletion_record(interview_id: str, deleted_at: str) -> bytes:
    return canonical.dumps({"deleted_at": deleted_at, "interview_id": interview_id})


# --- parsing ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class InterviewRecord:
    interview: Interview
    revision: int
    attachments: list[dict[str, Any]]


def parse_interview(data: bytes, item_id: str) -> InterviewRecord:
    obj = _obj(data, {"attachments", "interview", "revision"}, depth=5)
    revision = obj["revision"]
    _need(type(revision) is int and 1 <= revision <= 2**31)
    d = obj["interview"]
    _need(isinstance(d, dict) and set(d) == _INTERVIEW_FIELDS)
    try:
        iv = Interview.from_dict(d)
    except (ValueError, TypeError, AttributeError, KeyError):
        raise BundleRefused(BAD_RECORD) from None
    _need(iv.to_dict() == d and _ID.fullmatch(iv.id) is not None and item_id == f"iv-{iv.id}")
    metas = obj["attachments"]
    _need(isinstance(metas, list) and len(metas) <= 1000)
    seen = set()
    for m in metas:
        _need(isinstance(m, dict) and set(m) == _META_FIELDS)
        _id(m["id"])
        # An older laptop kept names of any length: shortened as a laptop now shortens them, never
        # refused (refusing would strand the interview on the laptop).
        _need(isinstance(m["display_name"], str))
        m["display_name"] = fit_name(m["display_name"])
        _text(m["media_type"], 100)
        _need(type(m["size"]) is int and 0 <= m["size"] <= MAX_ATTACHMENT_BYTES)
        _need(isinstance(m["sha256"], str) and _HEX64.fullmatch(m["sha256"]) is not None)
        _stamp(m["added_at"])
        _need(m["id"] not in seen)
        seen.add(m["id"])
    return InterviewRecord(iv, revision, metas)


def parse_decisions(data: bytes, item_id: str) -> tuple[str, dict[str, Any]]:
    obj = _obj(data, {"interview_id", "payload"})
    interview_id = _id(obj["interview_id"])
    _need(item_id == f"dec-{interview_id}")
    text = _text(obj["payload"], MAX_DECISIONS_CHARS)
    try:
        payload = json.loads(text)
    except (ValueError, RecursionError):
        raise BundleRefused(BAD_RECORD) from None
    _need(isinstance(payload, dict))
    return interview_id, payload


def parse_quotations(data: bytes, item_id: str) -> tuple[str, list[Quotation]]:
    obj = _obj(data, {"interview_id", "quotations"}, depth=3)
    interview_id = _id(obj["interview_id"])
    _need(item_id == f"quo-{interview_id}")
    rows = obj["quotations"]
    _need(isinstance(rows, list) and len(rows) <= MAX_QUOTATIONS)
    out: list[Quotation] = []
    for r in rows:
        _need(isinstance(r, dict) and set(r) == _QUOTATION_FIELDS)
        start, end = r["start"], r["end"]
        passage = _text(r["passage"], MAX_PASSAGE_CHARS)
        _need(type(start) is int and type(end) is int and 0 <= start < end <= 2**31)
        _need(len(passage) == end - start and bool(passage.strip()))
        try:
            theme = Theme(r["theme"])
        except ValueError:
            raise BundleRefused(BAD_RECORD) from None
        out.append(Quotation(_id(r["id"]), interview_id, start, end, passage, theme))
    _need(len({q.id for q in out}) == len(out))
    return interview_id, out


def parse_withdrawal(data: bytes, item_id: str) -> tuple[str, ConsentUse, date, str]:
    obj = _obj(data, {"interview_id", "use", "withdrawn_by", "withdrawn_on"})
    interview_id = _id(obj["interview_id"])
    try:
        use = ConsentUse(obj["use"])
        on = date.fromisoformat(_text(obj["withdrawn_on"], 10))
    except (ValueError, TypeError):
        raise BundleRefused(BAD_RECORD) from None
    _need(item_id == f"wd-{interview_id}-{use.value}")
    return interview_id, use, on, _text(obj["withdrawn_by"], 200)


def parse_deletion(data: bytes, item_id: str) -> tuple[str, str]:
    obj = _obj(data, {"deleted_at", "interview_id"})
    interview_id = _id(obj["interview_id"])
    _need(item_id == f"del-{interview_id}")
    return interview_id, _stamp(obj["deleted_at"])


_OF_INTERVIEW = re.compile(r"(?:iv|dec|quo|del)-([0-9a-f]{32})|wd-([0-9a-f]{32})-[a-z_]{1,40}")


def interview_of(item_id: str) -> str | None:
    """The interview an item belongs to, from its id in the signed manifest (None for an attachment,
    whose interview its record names)."""
    m = _OF_INTERVIEW.fullmatch(item_id)
    return None if m is None else (m.group(1) or m.group(2))


def attachment_id(item_id: str) -> str:
    _need(item_id.startswith("att-"))
    return _id(item_id[4:])
