"""The signed manifest inside a bundle, its strict parser, and the limits a reader enforces.

A manifest is canonical JSON (see :mod:`desktop.transfer.canonical`) with exactly these fields::

    format_version      1
    bundle_id           UUIDv4, 32 lower-case hex
    created_utc         "YYYY-MM-DDTHH:MM:SSZ"
    sender_device_id    32 lower-case hex
    sender_sig_key_fpr  SHA-256 hex of the sender's Ed25519 public key
    recipient_key_fprs  [SHA-256 hex of each recipient's age recipient string], 1 to 8, no repeats
    seq                 per-device sequence number, from 1
    prev_bundle_sha256  SHA-256 hex of the previous bundle's ciphertext; "" exactly when seq is 1
    schema_version      the vault schema the records follow (an integer from 1)
    app_version         the Witnessbox version that wrote it
    items               [{id, kind, sha256, size}] in the order the bodies follow
    succession          (only from a laptop restored from a backup) the chain of succession
                        statements' text, see :mod:`desktop.transfer.succession`

Item kinds are :data:`KINDS`; ids are short ASCII names, unique in the bundle. The recipients sit
inside the signed part so nobody can re-encrypt a bundle to someone else unnoticed. The signature
covers ``SIGNATURE_DOMAIN || SHA-256(manifest bytes)``, so it can never be mistaken for a receipt's.

:meth:`Manifest.parse` refuses, with :class:`~desktop.transfer.errors.BundleRefused`, anything
else: unknown or missing fields, wrong types, bad values, more than ``Limits`` allow.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop.transfer import canonical
from desktop.transfer.errors import CHANGED, NEWER_FORMAT, TOO_LARGE, BundleRefused

FORMAT_VERSION = 1
KINDS = ("interview", "attachment", "decisions", "withdrawal", "deletion", "quotations")
SIGNATURE_DOMAIN = b"org.witnessbox.bundle.v1\x00"
FAT32_MAX_FILE = 4 * 1024**3 - 1
MAX_RECIPIENTS = 8

HEX32 = re.compile(r"[0-9a-f]{32}")
HEX64 = re.compile(r"[0-9a-f]{64}")
ITEM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
APP_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,31}")
UTC_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_MAX_INT = 2**53 - 1

FIELDS = {"format_version", "bundle_id", "created_utc", "sender_device_id", "sender_sig_key_fpr",
          "recipient_key_fprs", "seq", "prev_bundle_sha256", "schema_version", "app_version", "items"}
ITEM_FIELDS = {"id", "kind", "sha256", "size"}
MAX_SUCCESSION_CHARS = 64 * 1024  # a chain of hand-overs, desktop/transfer/succession.py


@dataclass(frozen=True)
class Limits:
    """What a reader accepts. The defaults fit a FAT32 stick and a laptop's memory."""

    max_manifest_bytes: int = 16 * 1024 * 1024
    max_items: int = 100_000
    max_item_bytes: int = 256 * 1024 * 1024
    max_total_bytes: int = FAT32_MAX_FILE
    max_depth: int = 8


@dataclass(frozen=True)
class ItemEntry:
    id: str
    kind: str
    sha256: str
    size: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "sha256": self.sha256, "size": self.size}


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    created_utc: str
    sender_device_id: str
    sender_sig_key_fpr: str
    recipient_key_fprs: tuple[str, ...]
    seq: int
    prev_bundle_sha256: str
    schema_version: int
    app_version: str
    items: tuple[ItemEntry, ...] = field(default=())
    format_version: int = FORMAT_VERSION
    succession: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"format_version": self.format_version, "bundle_id": self.bundle_id, "created_utc": self.created_utc,
                "sender_device_id": self.sender_device_id, "sender_sig_key_fpr": self.sender_sig_key_fpr,
                "recipient_key_fprs": list(self.recipient_key_fprs), "seq": self.seq,
                "prev_bundle_sha256": self.prev_bundle_sha256, "schema_version": self.schema_version,
                "app_version": self.app_version, "items": [i.to_dict() for i in self.items],
                **({"succession": self.succession} if self.succession is not None else {})}

    def to_bytes(self) -> bytes:
        return canonical.dumps(self.to_dict())

    @property
    def total_size(self) -> int:
        return sum(i.size for i in self.items)

    @classmethod
    def parse(cls, data: bytes, limits: Limits) -> Manifest:
        """The manifest in ``data``; :class:`BundleRefused` for anything not exactly as written."""
        if len(data) > limits.max_manifest_bytes or canonical.depth(data) > limits.max_depth:
            raise BundleRefused(TOO_LARGE)
        obj = canonical.loads(data, error=BundleRefused, message=CHANGED, max_depth=limits.max_depth)
        if isinstance(obj, dict) and type(obj.get("format_version")) is int and obj["format_version"] > FORMAT_VERSION:
            raise BundleRefused(NEWER_FORMAT)
        _need(isinstance(obj, dict) and set(obj) in (FIELDS, FIELDS | {"succession"}))
        succession = obj.get("succession")
        _need(succession is None or isinstance(succession, str) and 0 < len(succession) <= MAX_SUCCESSION_CHARS)
        _need(type(obj["format_version"]) is int and obj["format_version"] == FORMAT_VERSION)
        bundle_id = _text(obj["bundle_id"], HEX32)
        _need(uuid.UUID(hex=bundle_id).version == 4)
        seq = _count(obj["seq"], 1)
        prev = obj["prev_bundle_sha256"]
        _need(prev == "" if seq == 1 else isinstance(prev, str) and HEX64.fullmatch(prev) is not None)
        fprs = obj["recipient_key_fprs"]
        _need(isinstance(fprs, list) and 1 <= len(fprs) <= MAX_RECIPIENTS)
        fprs = tuple(_text(f, HEX64) for f in fprs)
        _need(len(set(fprs)) == len(fprs))
        raw_items = obj["items"]
        _need(isinstance(raw_items, list))
        if len(raw_items) > limits.max_items:
            raise BundleRefused(TOO_LARGE)
        items = tuple(_item(i, limits) for i in raw_items)
        _need(len({i.id for i in items}) == len(items))
        if sum(i.size for i in items) > limits.max_total_bytes:
            raise BundleRefused(TOO_LARGE)
        return cls(format_version=FORMAT_VERSION, bundle_id=bundle_id, created_utc=_stamp(obj["created_utc"]),
                   sender_device_id=_text(obj["sender_device_id"], HEX32),
                   sender_sig_key_fpr=_text(obj["sender_sig_key_fpr"], HEX64), recipient_key_fprs=fprs,
                   seq=seq, prev_bundle_sha256=prev, schema_version=_count(obj["schema_version"], 1),
                   app_version=_text(obj["app_version"], APP_VERSION), items=items, succession=succession)


def signed_message(manifest_bytes: bytes) -> bytes:
    """What the sender's Ed25519 key signs: the domain, then the manifest's SHA-256."""
    return SIGNATURE_DOMAIN + hashlib.sha256(manifest_bytes).digest()


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _need(cond: bool) -> None:
    if not cond:
        raise BundleRefused(CHANGED)


def _text(value: Any, pattern: re.Pattern[str]) -> str:
    _need(isinstance(value, str) and pattern.fullmatch(value) is not None)
    return value


def _count(value: Any, lowest: int) -> int:
    _need(type(value) is int and lowest <= value <= _MAX_INT)
    return value


def _stamp(value: Any) -> str:
    text = _text(value, UTC_STAMP)
    try:
        datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise BundleRefused(CHANGED) from None
    return text


def _item(obj: Any, limits: Limits) -> ItemEntry:
    _need(isinstance(obj, dict) and set(obj) == ITEM_FIELDS)
    size = _count(obj["size"], 0)
    if size > limits.max_item_bytes:
        raise BundleRefused(TOO_LARGE)
    kind = obj["kind"]
    _need(isinstance(kind, str) and kind in KINDS)
    return ItemEntry(id=_text(obj["id"], ITEM_ID), kind=kind, sha256=_text(obj["sha256"], HEX64), size=size)
