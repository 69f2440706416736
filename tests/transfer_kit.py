"""Shared pieces for the transfer tests: devices, items, and hand-built inner streams.

``inner_stream`` builds the plaintext a bundle carries inside its age envelope (magic, manifest,
signature, items) from parts a test may spoil on purpose; ``seal`` encrypts any plaintext properly
to a coordinator with real age, so a test reaches the inner parser with exactly the bytes it chose.
"""

from __future__ import annotations

import hashlib
import io
import struct
import uuid

import pyrage

from desktop.transfer import canonical
from desktop.transfer.bundle import MAGIC, Item, read_bundle, write_bundle
from desktop.transfer.keys import DeviceKeys
from desktop.transfer.manifest import signed_message


class Devices:
    """A field laptop and its coordinator, enrolled with each other; plus a stranger coordinator."""

    def __init__(self) -> None:
        self.field = DeviceKeys.generate("field")
        self.coord = DeviceKeys.generate("coordinator")
        self.other_coord = DeviceKeys.generate("coordinator")
        self.pinned = {self.field.device_id: self.field.public()}


def sample_items(attachment_size: int = 150_000) -> list[Item]:
    record = canonical.dumps({"id": "iv-1", "statement": "Sample statement, no real person.", "force": "kent"})
    return [Item.of_bytes("iv-1", "interview", record),
            Item.of_bytes("att-1", "attachment", bytes(range(256)) * (attachment_size // 256)),
            Item.of_bytes("dec-1", "decisions", b'{"accepted":[]}'),
            Item.of_bytes("wd-1", "withdrawal", b'{"interview":"iv-0"}'),
            Item.of_bytes("quo-1", "quotations", b'{"quotations":[]}'),
            Item.of_bytes("del-1", "deletion", b"")]


def make_bundle(devices: Devices, items: list[Item] | None = None, seq: int = 1, prev: str = "") -> bytes:
    out = io.BytesIO()
    write_bundle(out, sender=devices.field, recipients=[devices.coord.public()], seq=seq, prev_sha256=prev,
                 items=sample_items() if items is None else items, app_version="0.1.0", schema_version=1)
    return out.getvalue()


def read(devices: Devices, data: bytes, **kw):
    kw.setdefault("pinned", devices.pinned)
    return read_bundle(io.BytesIO(data), me=devices.coord, **kw)


def manifest_dict(devices: Devices, bodies: list[tuple[str, str, bytes]], **changes) -> dict:
    d = {"format_version": 1, "bundle_id": uuid.uuid4().hex, "created_utc": "2026-01-05T10:00:00Z",
         "sender_device_id": devices.field.device_id, "sender_sig_key_fpr": devices.field.public().sig_key_fpr,
         "recipient_key_fprs": [devices.coord.public().recipient_fpr], "seq": 1, "prev_bundle_sha256": "",
         "schema_version": 1, "app_version": "0.1.0",
         "items": [{"id": i, "kind": k, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)}
                   for i, k, b in bodies]}
    d.update(changes)
    return d


def inner_stream(manifest: bytes, signature: bytes, bodies: list[bytes]) -> bytes:
    parts = [MAGIC, struct.pack(">I", len(manifest)), manifest, signature]
    for body in bodies:
        parts += [struct.pack(">Q", len(body)), body]
    return b"".join(parts)


def signed_inner(devices: Devices, manifest: dict | bytes, bodies: list[bytes],
                 signer: DeviceKeys | None = None) -> bytes:
    raw = manifest if isinstance(manifest, bytes) else canonical.dumps(manifest)
    return inner_stream(raw, (signer or devices.field).sign(signed_message(raw)), bodies)


def seal(devices: Devices, plaintext: bytes) -> bytes:
    return pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(devices.coord.public().age_recipient)])
