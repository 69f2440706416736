"""USB bundles: write one for the coordinator, read and verify one from a field device.

File: ``WBB1-<32 random hex>.age`` (:func:`bundle_file_name`): ASCII, FAT-safe, and it says nothing
about who, what or how many. The file is an age envelope to X25519 recipients only (the
coordinator), so the laptop that made it cannot read it back. Inside (sign, then encrypt)::

    MAGIC                       b"WBBUNDLE\\0v1\\n"
    u32 big-endian length       then the manifest (canonical JSON, see manifest.py)
    64 bytes                    Ed25519 signature over manifest.signed_message(manifest bytes)
    for each manifest item:     u64 big-endian length, then the item's bytes
    (nothing after the last item)

Writing::

    written = write_bundle(out, sender=field_keys, recipients=[coordinator_public], seq=3,
                           prev_sha256=previous.ciphertext_sha256, items=[Item.of_bytes("iv-1",
                           "interview", record_json), Item.of_path("att-7", "attachment", path)],
                           app_version="0.1.0", schema_version=4)
    # -> Written(bundle_id, ciphertext_sha256, size, manifest)

Items are read twice (first to hash them for the signed manifest, then to write them), streaming
in chunks, so the bundle is never whole in memory; an item whose bytes change between the two
passes stops the write with :class:`BundleWriteFailed`. An ``OSError`` from ``out`` (a full stick), or the stick
writer's own error, is raised as it is, so the caller can tell the person what happened.

Reading — THE VERDICT IS THE RETURN::

    received = read_bundle(inp, me=coordinator_keys, pinned={device_id: PublicKeys, ...},
                           on_manifest=check_sequence, on_item=stage_in_transaction)

``on_manifest(manifest)`` is called once the manifest is signed by the pinned key of its sender and
names me as a recipient (a sender not pinned is accepted only with a chain of succession statements
starting at a pinned field device, each signed by the keys before it, ending at the sender's keys,
which then verify the manifest; whether those hand-overs are accepted is the caller's to decide in
``on_manifest``); ``on_item(item)`` once per
item whose size and SHA-256 match the manifest, in order. Both may raise :class:`BundleRefused`
to stop (say, for a record that breaks the schema).
Both run BEFORE age has authenticated the end of the stream: a truncated or tampered tail is only
known when ``read_bundle`` finishes. So stage what ``on_item`` gives (e.g. inside an open database
transaction) and commit only if ``read_bundle`` returns; if it raises, roll back. Without
``on_item`` the items come back in ``received.items`` (for small bundles and tests).

``read_bundle`` lets out :class:`BundleRefused` (plain reason, no crypto text, no content) and
nothing else from the bundle; an exception the caller's own callback raises passes through as it is.
"""

from __future__ import annotations

import hashlib
import io
import re
import secrets
import struct
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage

from desktop.transfer import errors
from desktop.transfer.errors import BundleRefused, BundleWriteFailed
from desktop.transfer.keys import DeviceKeys, PublicKeys
from desktop.transfer.manifest import (
    ITEM_ID,
    KINDS,
    ItemEntry,
    Limits,
    Manifest,
    signed_message,
    utc_now,
)
from desktop.transfer.succession import BAD_STATEMENT, parse_chain, verify_chain

MAGIC = b"WBBUNDLE\x00v1\n"
MAGIC_STEM = b"WBBUNDLE\x00v"
SIGNATURE_SIZE = 64
CHUNK = 1024 * 1024
AGE_HEADER = b"age-encryption.org/v1\n"
HEAD = 8192  # enough of the file to see whether its age header is whole
_NAME = re.compile(r"WBB1-[0-9a-f]{32}\.age", re.IGNORECASE)

Source = bytes | Callable[[], BinaryIO]


def bundle_file_name() -> str:
    """A fresh bundle file name: random, FAT-safe, revealing nothing."""
    return f"WBB1-{secrets.token_hex(16)}.age"


def is_bundle_file_name(name: str) -> bool:
    return _NAME.fullmatch(name) is not None


@dataclass(frozen=True)
class Item:
    """One item to send: ``source`` is the bytes, or a callable that opens a fresh binary stream."""

    id: str
    kind: str
    source: Source

    @classmethod
    def of_bytes(cls, id: str, kind: str, data: bytes) -> Item:
        return cls(id, kind, bytes(data))

    @classmethod
    def of_path(cls, id: str, kind: str, path: Path) -> Item:
        return cls(id, kind, lambda: open(path, "rb"))  # closed by Item.chunks

    def chunks(self) -> Iterator[bytes]:
        if isinstance(self.source, bytes | bytearray | memoryview):
            view = memoryview(self.source)
            for i in range(0, len(view), CHUNK):
                yield bytes(view[i:i + CHUNK])
            return
        with self.source() as fh:
            while chunk := fh.read(CHUNK):
                yield chunk


@dataclass(frozen=True)
class Written:
    bundle_id: str
    ciphertext_sha256: str
    size: int
    manifest: Manifest


@dataclass(frozen=True)
class ReceivedItem:
    entry: ItemEntry
    data: bytes

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def kind(self) -> str:
        return self.entry.kind


@dataclass(frozen=True)
class Received:
    manifest: Manifest
    ciphertext_sha256: str
    size: int
    items: tuple[ReceivedItem, ...]  # empty when read_bundle was given on_item


# --- writing -------------------------------------------------------------------------------------

def write_bundle(out: BinaryIO, *, sender: DeviceKeys, recipients: Iterable[PublicKeys], seq: int,
                 prev_sha256: str, items: Iterable[Item], app_version: str, schema_version: int,
                 limits: Limits = Limits(),  # noqa: B008 - Limits is frozen
                 succession: bytes | None = None) -> Written:
    """Write a signed, encrypted bundle of ``items`` to ``out``; see the module docstring. A laptop
    restored from a backup passes its ``succession`` statement (:mod:`desktop.transfer.succession`)."""
    recipients = list(recipients)
    if not recipients or any(r.role != "coordinator" or r.device_id == sender.device_id for r in recipients):
        raise BundleWriteFailed("Bundles can only be made for an enrolled coordinator. Enrol the coordinator first.")
    items = list(items)
    entries = tuple(_hash_item(item, limits) for item in items)
    manifest = Manifest(bundle_id=uuid.uuid4().hex, created_utc=utc_now(), sender_device_id=sender.device_id,
                        sender_sig_key_fpr=sender.public().sig_key_fpr,
                        recipient_key_fprs=tuple(r.recipient_fpr for r in recipients), seq=seq,
                        prev_bundle_sha256=prev_sha256, schema_version=schema_version,
                        app_version=app_version, items=entries,
                        succession=succession.decode("ascii") if succession is not None else None)
    body = manifest.to_bytes()
    try:
        Manifest.parse(body, limits)  # never write what a reader would refuse
    except BundleRefused:
        raise BundleWriteFailed("This bundle would break the bundle limits; send fewer items at once.") from None
    signature = sender.sign(signed_message(body))
    reader = _InnerReader(_inner_chunks(body, signature, items, entries))
    sink = _HashingWriter(out)
    try:
        pyrage.encrypt_io(reader, sink, [r.recipient() for r in recipients])
    except Exception as exc:
        for cause in (sink.error, reader.error):
            if cause is not None:
                raise cause from None
        raise BundleWriteFailed("The bundle could not be written. Try again.") from exc
    return Written(manifest.bundle_id, sink.hash.hexdigest(), sink.size, manifest)


def _hash_item(item: Item, limits: Limits) -> ItemEntry:
    if not isinstance(item.id, str) or ITEM_ID.fullmatch(item.id) is None or item.kind not in KINDS:
        raise ValueError(f"bad item id or kind: {item.kind!r}")
    h, size = hashlib.sha256(), 0
    for chunk in item.chunks():
        h.update(chunk)
        size += len(chunk)
    if size > limits.max_item_bytes:
        raise BundleWriteFailed("An attachment is too large to send in a bundle. Leave it out or make it smaller.")
    return ItemEntry(item.id, item.kind, h.hexdigest(), size)


def _inner_chunks(body: bytes, signature: bytes, items: list[Item], entries: tuple[ItemEntry, ...]) -> Iterator[bytes]:
    yield MAGIC + struct.pack(">I", len(body))
    yield body
    yield signature
    for item, entry in zip(items, entries, strict=True):
        yield struct.pack(">Q", entry.size)
        h, size = hashlib.sha256(), 0
        for chunk in item.chunks():
            h.update(chunk)
            size += len(chunk)
            if size > entry.size:
                break
            yield chunk
        if size != entry.size or h.hexdigest() != entry.sha256:
            raise BundleWriteFailed("An item changed while the bundle was being written. Try again.")


class _InnerReader(io.RawIOBase):
    """The plaintext inner stream, made on demand from a generator of chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = memoryview(b"")
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:
        try:
            while not self._pending:
                chunk = next(self._chunks, None)
                if chunk is None:
                    return 0
                self._pending = memoryview(chunk)
        except Exception as exc:
            self.error = exc
            raise
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


class _HashingWriter(io.RawIOBase):
    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self.hash = hashlib.sha256()
        self.size = 0
        self.error: Exception | None = None

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:
        try:
            self._out.write(data)
        except Exception as exc:  # a full stick (OSError) or the stick writer's own refusal
            self.error = exc
            raise
        self.hash.update(data)
        self.size += len(data)
        return len(data)


# --- reading -------------------------------------------------------------------------------------

def read_bundle(inp: BinaryIO, *, me: DeviceKeys, pinned: Mapping[str, PublicKeys],
                limits: Limits = Limits(),  # noqa: B008 - Limits is frozen
                on_manifest: Callable[[Manifest], None] | None = None,
                on_item: Callable[[ReceivedItem], None] | None = None) -> Received:
    """Decrypt and verify a bundle; returning IS the verdict. See the module docstring."""
    reader = _HashingReader(inp)
    inner = _InnerParser(me, pinned, limits, on_manifest, on_item)
    try:
        pyrage.decrypt_io(reader, inner, [me.age_identity])
    except Exception as exc:
        if inner.caller_error is not None:
            raise inner.caller_error from None
        if inner.refusal is not None:
            raise BundleRefused(inner.refusal.message) from None
        if reader.error is not None:
            raise BundleRefused(errors.UNREADABLE) from None
        if not reader.head.startswith(AGE_HEADER) or b"\n--- " not in reader.head:
            raise BundleRefused(errors.NOT_A_BUNDLE) from None
        if "no matching keys" in str(exc).lower():
            raise BundleRefused(errors.OTHER_RECIPIENT) from None
        raise BundleRefused(errors.CHANGED) from None
    if inner.state != "done" or inner.manifest is None:
        raise BundleRefused(errors.CHANGED)
    return Received(inner.manifest, reader.hash.hexdigest(), reader.size, tuple(inner.kept))


def _successor(manifest: Manifest, pinned: Mapping[str, PublicKeys]) -> PublicKeys | None:
    """The sender's keys as named at the end of the chain of hand-overs its manifest carries, if the
    chain starts at a pinned field device and each hand-over is signed by the keys before it; None if
    the laptop it starts from is not enrolled here."""
    try:
        chain = parse_chain(manifest.succession.encode("ascii"))
    except UnicodeEncodeError:
        raise BundleRefused(BAD_STATEMENT) from None
    keys = verify_chain(chain, pinned)
    if keys is None:
        return None
    if keys.device_id != manifest.sender_device_id:
        raise BundleRefused(BAD_STATEMENT)
    return keys


class _HashingReader(io.RawIOBase):
    def __init__(self, inp: BinaryIO) -> None:
        self._inp = inp
        self.hash = hashlib.sha256()
        self.size = 0
        self.head = b""
        self.error: OSError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:
        try:
            data = self._inp.read(len(buffer))
        except OSError as exc:
            self.error = exc
            raise
        n = len(data)
        buffer[:n] = data
        self.hash.update(data)
        if len(self.head) < HEAD:
            self.head = (self.head + data)[:HEAD]
        self.size += n
        return n


class _InnerParser(io.RawIOBase):
    """Receives the decrypted stream in pieces and checks it as it goes (a small state machine)."""

    def __init__(self, me: DeviceKeys, pinned: Mapping[str, PublicKeys], limits: Limits,
                 on_manifest: Callable[[Manifest], None] | None,
                 on_item: Callable[[ReceivedItem], None] | None) -> None:
        self.me, self.pinned, self.limits = me, pinned, limits
        self.on_manifest, self.on_item = on_manifest, on_item
        self.state, self.need, self.buf = "magic", len(MAGIC), bytearray()
        self.manifest: Manifest | None = None
        self.manifest_bytes = b""
        self.index = 0
        self.body = bytearray()
        self.body_hash = hashlib.sha256()
        self.kept: list[ReceivedItem] = []
        self.refusal: BundleRefused | None = None
        self.caller_error: BaseException | None = None

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:
        if self.refusal is not None or self.caller_error is not None:
            raise BundleRefused(errors.CHANGED)
        try:
            self._feed(memoryview(data))
        except BundleRefused as exc:
            if self.caller_error is None:
                self.refusal = exc
            raise
        except Exception:
            if self.caller_error is None:  # a bug of ours must not read as the caller's error
                self.refusal = BundleRefused(errors.CHANGED)
            raise
        return len(data)

    def _feed(self, view: memoryview) -> None:
        while view:
            if self.state == "done":
                raise BundleRefused(errors.CHANGED)  # bytes after the last item
            if self.state == "body":
                take = min(self.need, len(view))
                self.body_hash.update(view[:take])
                self.body += view[:take]
                self.need -= take
                view = view[take:]
                if self.need == 0:
                    self._item_done()
                continue
            take = min(self.need - len(self.buf), len(view))
            self.buf += view[:take]
            view = view[take:]
            if len(self.buf) == self.need:
                field_bytes, self.buf = bytes(self.buf), bytearray()
                self._field_done(field_bytes)

    def _field_done(self, data: bytes) -> None:
        if self.state == "magic":
            if data != MAGIC:
                raise BundleRefused(errors.NEWER_FORMAT if data.startswith(MAGIC_STEM) else errors.NOT_A_BUNDLE)
            self.state, self.need = "manifest_len", 4
        elif self.state == "manifest_len":
            (n,) = struct.unpack(">I", data)
            if n > self.limits.max_manifest_bytes:
                raise BundleRefused(errors.TOO_LARGE)
            if n == 0:
                raise BundleRefused(errors.CHANGED)
            self.state, self.need = "manifest", n
        elif self.state == "manifest":
            self.manifest_bytes = data
            self.state, self.need = "signature", SIGNATURE_SIZE
        elif self.state == "signature":
            self._check_manifest(data)
            self._next_item()
        elif self.state == "item_len":
            (n,) = struct.unpack(">Q", data)
            if n != self.manifest.items[self.index].size:
                raise BundleRefused(errors.CHANGED)
            self.state, self.need = "body", n
            self.body, self.body_hash = bytearray(), hashlib.sha256()
            if n == 0:
                self._item_done()

    def _check_manifest(self, signature: bytes) -> None:
        manifest = Manifest.parse(self.manifest_bytes, self.limits)
        sender = self.pinned.get(manifest.sender_device_id)
        if sender is None and manifest.succession is not None:
            sender = _successor(manifest, self.pinned)
        if sender is None or sender.device_id != manifest.sender_device_id:
            raise BundleRefused(errors.NOT_ENROLLED)
        if sender.sig_key_fpr != manifest.sender_sig_key_fpr or not sender.verify(
                signature, signed_message(self.manifest_bytes)):
            raise BundleRefused(errors.WRONG_SIGNER)
        if self.me.public().recipient_fpr not in manifest.recipient_key_fprs:
            raise BundleRefused(errors.OTHER_RECIPIENT)
        self.manifest = manifest
        self._call(self.on_manifest, manifest)

    def _next_item(self) -> None:
        if self.index == len(self.manifest.items):
            self.state, self.need = "done", 0
        else:
            self.state, self.need = "item_len", 8

    def _item_done(self) -> None:
        entry = self.manifest.items[self.index]
        if self.body_hash.hexdigest() != entry.sha256:
            raise BundleRefused(errors.CHANGED)
        item = ReceivedItem(entry, bytes(self.body))
        self.body = bytearray()
        if self.on_item is None:
            self.kept.append(item)
        else:
            self._call(self.on_item, item)
        self.index += 1
        self._next_item()

    def _call(self, callback: Callable | None, arg: object) -> None:
        if callback is None:
            return
        try:
            callback(arg)
        except BundleRefused:
            raise
        except BaseException as exc:
            self.caller_error = exc
            raise
