"""The key slot: the small file that turns a passphrase into the vault's data key.

The database is encrypted with a random 256-bit *data key*. The passphrase never reaches
SQLCipher: Argon2id (parameters stored here, calibrated on the machine that made the slot)
derives a key-encryption key that unwraps the data key with AES-256-GCM. So:

* a wrong passphrase fails the AES-GCM tag: :class:`WrongPassphrase`, and nothing else is touched;
* a slot damaged on disk fails its SHA-256 checksum first: :class:`VaultDamaged`, never "wrong passphrase";
* key-derivation parameters outside the bounds Witnessbox ever writes (a crafted slot asking for
  gigabytes of memory or thousands of passes) are damage, refused before any derivation;
* every other field (vault id, generation, the ``recovery`` entry, the wrapped key) is covered by
  ``header_mac``, an HMAC keyed by the data key and checked once the key is unwrapped: a slot edited
  with a recomputed checksum is damage, not a wrong passphrase;
* changing the passphrase rewrites only this file, through the atomic writer: a crash leaves the old
  slot or the new one, and both unwrap the same data key.

The key-derivation parameters and salt are the AES-GCM associated data: changed, they derive another
key, so the slot does not open. Whether the passphrase or the parameters were wrong cannot be told
from the slot alone (only a cheap passphrase check could, and that would help whoever guesses);
:func:`altered_copy` tells them apart when a backup's copy of the slot holds the same wrapped key.

Passphrases reach the key derivation in Unicode NFC (:func:`desktop.core.passphrase.normalise`).
Version 1 slots (from earlier Witnessbox versions) used the passphrase as typed and a checksum
alone over the recovery entry: they still open (also with the passphrase typed in another
normal form) and :meth:`KeySlot.unwrap` says they are due to be rewritten as version 2.

An optional ``recovery`` entry holds the data key wrapped for a coordinator (organisation recovery);
what it holds is up to the code that made it (the transfer layer), this module only carries it.

Format (JSON, UTF-8)::

    {"format": "witnessbox-keyslot", "version": 2, "vault_id": "<hex>", "generation": 3,
     "kdf": {"name": "argon2id", "time_cost": 3, "memory_cost_kib": 262144, "lanes": 4, "salt": "<b64>"},
     "cipher": "aes-256-gcm", "nonce": "<b64>", "wrapped_key": "<b64>", "recovery": null,
     "header_mac": "<b64 HMAC-SHA256 of the canonical JSON of every field above>",
     "checksum": "<sha256 hex of the canonical JSON of every other field>"}
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from desktop.core.passphrase import normalise
from desktop.files import atomic_write
from desktop.vault.errors import DiskFull, VaultDamaged, WrongPassphrase, is_disk_full

SLOT_FORMAT = "witnessbox-keyslot"
SLOT_VERSION = 2
_LEGACY_VERSION = 1
DATA_KEY_BYTES = 32
_MAC_LABEL = b"witnessbox-keyslot header v2\x00"

# Limits on parameters read from a slot file, so a crafted slot cannot make unlocking take minutes
# or exhaust memory. Calibration writes t=3, p=4 and at most 1 GiB; the limits leave some room.
MAX_MEMORY_KIB = 1024 * 1024
MAX_TIME_COST = 8
MAX_LANES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters. Production slots come from :func:`calibrate_kdf`."""

    time_cost: int = 3
    memory_cost_kib: int = 256 * 1024
    lanes: int = 4

    def __post_init__(self) -> None:
        if not 1 <= self.time_cost <= MAX_TIME_COST:
            raise ValueError("Argon2id time cost out of range")
        if not 1 <= self.lanes <= MAX_LANES:
            raise ValueError("Argon2id lanes out of range")
        if not 8 * self.lanes <= self.memory_cost_kib <= MAX_MEMORY_KIB:
            raise ValueError("Argon2id memory cost out of range")

    def _kdf(self, salt: bytes) -> Argon2id:
        return Argon2id(salt=salt, length=32, iterations=self.time_cost, lanes=self.lanes,
                        memory_cost=self.memory_cost_kib)

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        return self._kdf(salt).derive(passphrase.encode("utf-8"))

    def derive_key(self, passphrase: str, salt: bytes) -> bytearray:
        """The key-encryption key in a buffer the caller wipes (:func:`wipe`). The passphrase is used
        exactly as given (callers normalise it). Its UTF-8 form is made in a buffer that is wiped
        here; the ``str`` itself cannot be (Python strings are immutable)."""
        kek = bytearray(32)
        material = bytearray(passphrase, "utf-8")
        try:
            self._kdf(salt).derive_into(material, kek)
        except BaseException:
            wipe(kek)
            raise
        finally:
            wipe(material)
        return kek

    def to_dict(self) -> dict[str, int]:
        return {"time_cost": self.time_cost, "memory_cost_kib": self.memory_cost_kib, "lanes": self.lanes}


# The floor: t=3, p=4, 256 MiB, whatever the machine's load. RFC 9106's second recommended option
# (64 MiB) is its minimum, but a vault made while the machine was busy would be calibrated down
# towards it for good (185 MiB was seen here), and the slot keeps that cost until the passphrase
# changes. 1 GiB is the ceiling.
KDF_FLOOR = KdfParams(time_cost=3, memory_cost_kib=256 * 1024, lanes=4)
_FLOOR = KDF_FLOOR
_CEILING_KIB = 1024 * 1024


def _measure(params: KdfParams, salt: bytes) -> float:
    start = time.perf_counter()
    params.derive("calibration", salt)
    return time.perf_counter() - start


def calibrate_kdf(
    target_seconds: float = 0.75, *, low: float = 0.5, high: float = 1.0,
    measure: Callable[[KdfParams, bytes], float] = _measure,
) -> KdfParams:
    """Argon2id parameters that take about ``target_seconds`` (within ``low``..``high``) here.

    Starts at the floor (t=3, p=4, 256 MiB) and scales memory, the cost an attacker pays per guess.
    Never goes below the floor, however slow or busy the machine (a busy machine only means the
    unlock takes longer), and never above 1 GiB. ``measure(params, salt)`` times one derivation.
    """
    salt = secrets.token_bytes(16)
    params = _FLOOR
    # The first derivation in a process pays one-off costs (first touch of the memory, library set-up)
    # that an unlock does not repeat in the same way: take the faster of two at the floor.
    first = min(measure(params, salt), measure(params, salt))
    for attempt in range(4):
        took = first if attempt == 0 else measure(params, salt)
        if low <= took <= high:
            return params
        if took < low and params.memory_cost_kib >= _CEILING_KIB:
            return params
        if took > high and params.memory_cost_kib <= _FLOOR.memory_cost_kib:
            return params
        scaled = int(params.memory_cost_kib * target_seconds / max(took, 1e-3))
        scaled = max(_FLOOR.memory_cost_kib, min(_CEILING_KIB, scaled // 1024 * 1024))
        if scaled == params.memory_cost_kib:
            return params
        params = KdfParams(time_cost=_FLOOR.time_cost, memory_cost_kib=scaled, lanes=_FLOOR.lanes)
    return params


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _passphrase_forms(passphrase: str) -> list[str]:
    """The forms a version 1 slot may have been made from: as typed (what it used), NFC, NFD."""
    forms: list[str] = []
    for form in (passphrase, normalise(passphrase), unicodedata.normalize("NFD", passphrase)):
        if form not in forms:
            forms.append(form)
    return forms


@dataclass
class KeySlot:
    vault_id: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    generation: int = 1
    recovery: dict[str, Any] | None = field(default=None)
    version: int = SLOT_VERSION
    header_mac: bytes = b""

    # --- making and opening ---------------------------------------------------------------

    @classmethod
    def seal(
        cls,
        data_key: bytes | bytearray,
        passphrase: str,
        kdf: KdfParams,
        *,
        vault_id: str,
        generation: int = 1,
        recovery: dict[str, Any] | None = None,
    ) -> KeySlot:
        if len(data_key) != DATA_KEY_BYTES:
            raise ValueError("the data key must be 32 bytes")
        if not passphrase:
            raise ValueError("the passphrase is empty")
        slot = cls(vault_id, kdf, secrets.token_bytes(16), secrets.token_bytes(12), b"", generation, recovery)
        kek = kdf.derive_key(normalise(passphrase), slot.salt)
        try:
            slot.wrapped_key = AESGCM(kek).encrypt(slot.nonce, data_key, slot._aad())
        finally:
            wipe(kek)
        slot.authenticate(data_key)
        return slot

    def open(self, passphrase: str) -> bytearray:
        """The data key (a buffer the caller wipes), :class:`WrongPassphrase`, or :class:`VaultDamaged`
        if the passphrase was right but a field of the slot was changed."""
        return self.unwrap(passphrase)[0]

    def unwrap(self, passphrase: str) -> tuple[bytearray, bool]:
        """The data key (a buffer the caller wipes) and whether this slot is due to be rewritten
        (a version 1 slot: older format, passphrase perhaps not in NFC).

        Both keys live only in buffers that can be wiped: the key-encryption key is wiped here, and
        the data key is decrypted straight into the buffer returned (no immutable copy is made)."""
        if self.version == _LEGACY_VERSION:
            for form in _passphrase_forms(passphrase):
                try:
                    return self._unwrap(form), True
                except WrongPassphrase:
                    continue
            raise WrongPassphrase()
        key = self._unwrap(normalise(passphrase))
        if not self.verify(key):
            wipe(key)
            raise VaultDamaged("The vault's key file is damaged.")
        return key, False

    def _unwrap(self, passphrase: str) -> bytearray:
        kek = self.kdf.derive_key(passphrase, self.salt)
        key = bytearray(DATA_KEY_BYTES)
        try:
            AESGCM(kek).decrypt_into(self.nonce, self.wrapped_key, self._aad(), key)
        except InvalidTag:
            wipe(key)
            raise WrongPassphrase() from None
        finally:
            wipe(kek)
        return key

    def authenticate(self, data_key: bytes | bytearray) -> None:
        """Recompute ``header_mac`` after a field changed (the recovery entry): needs the data key."""
        if self.version != _LEGACY_VERSION:
            self.header_mac = self._mac(data_key)

    def verify(self, data_key: bytes | bytearray) -> bool:
        """True if ``header_mac`` matches (a version 1 slot has none: True)."""
        if self.version == _LEGACY_VERSION:
            return True
        return hmac.compare_digest(self._mac(data_key), self.header_mac)

    def _mac(self, data_key: bytes | bytearray) -> bytes:
        mac = hmac.new(data_key, _MAC_LABEL, hashlib.sha256)
        mac.update(_canonical(self._fields()))
        return mac.digest()

    def _kdf_header(self) -> dict[str, Any]:
        return {"name": "argon2id", **self.kdf.to_dict(), "salt": _b64(self.salt)}

    def _header(self) -> dict[str, Any]:
        return {
            "format": SLOT_FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "generation": self.generation,
            "kdf": self._kdf_header(),
            "cipher": "aes-256-gcm",
        }

    def _aad(self) -> bytes:
        if self.version == _LEGACY_VERSION:
            return _canonical(self._header())
        # What decides the key-encryption key; everything else is under header_mac.
        return _canonical({"format": SLOT_FORMAT, "version": self.version, "kdf": self._kdf_header(),
                           "cipher": "aes-256-gcm"})

    def _fields(self) -> dict[str, Any]:
        return {
            **self._header(),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
            "recovery": self.recovery,
        }

    # --- the file ---------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        body = self._fields()
        if self.version != _LEGACY_VERSION:
            body["header_mac"] = _b64(self.header_mac)
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return json.dumps(body, sort_keys=True, indent=1).encode("ascii") + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeySlot:
        """Parse a slot file. Anything malformed is :class:`ValueError` (the caller reports damage),
        and so are key-derivation parameters outside the bounds (checked before any derivation)."""
        try:
            body = json.loads(raw.decode("ascii"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ValueError("key slot is not valid JSON") from None
        if not isinstance(body, dict):
            raise ValueError("key slot is not an object")
        checksum = body.pop("checksum", None)
        if checksum != hashlib.sha256(_canonical(body)).hexdigest():
            raise ValueError("key slot checksum mismatch")
        version = body.get("version")
        if body.get("format") != SLOT_FORMAT or version not in (_LEGACY_VERSION, SLOT_VERSION) \
                or isinstance(version, bool):
            raise ValueError("not a key slot of a known version")
        kdf = body.get("kdf") or {}
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id" or body.get("cipher") != "aes-256-gcm":
            raise ValueError("unknown key slot algorithms")
        recovery = body.get("recovery")
        if recovery is not None and not isinstance(recovery, dict):
            raise ValueError("key slot recovery entry is malformed")
        try:
            params = KdfParams(int(kdf["time_cost"]), int(kdf["memory_cost_kib"]), int(kdf["lanes"]))
            slot = cls(
                vault_id=str(body["vault_id"]),
                kdf=params,
                salt=_unb64(kdf["salt"]),
                nonce=_unb64(body["nonce"]),
                wrapped_key=_unb64(body["wrapped_key"]),
                generation=int(body["generation"]),
                recovery=recovery,
                version=version,
                header_mac=_unb64(body["header_mac"]) if version == SLOT_VERSION else b"",
            )
        except (KeyError, TypeError, ValueError, OverflowError):
            raise ValueError("key slot fields are malformed") from None
        if len(slot.nonce) != 12 or len(slot.salt) < 16 or len(slot.wrapped_key) != DATA_KEY_BYTES + 16:
            raise ValueError("key slot fields have wrong sizes")
        if version == SLOT_VERSION and len(slot.header_mac) != 32:
            raise ValueError("key slot fields have wrong sizes")
        return slot


def altered_copy(slot: KeySlot, copies: list[KeySlot]) -> bool:
    """True if one of ``copies`` (a backup's copy of the slot) holds the same wrapped key under other
    key-derivation parameters or salt: then ``slot`` was edited, since a wrapped key opens under one
    setting only. Lets a failed unlock say "damaged" rather than "wrong passphrase"."""
    for other in copies:
        if other.nonce == slot.nonce and other.wrapped_key == slot.wrapped_key \
                and (other.kdf, other.salt) != (slot.kdf, slot.salt):
            return True
    return False


def read_slot(path: Path, *, backups: list[Path] | None = None) -> KeySlot:
    """Read and check a slot file; a damaged one is :class:`VaultDamaged` (never "wrong passphrase")."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise VaultDamaged("The vault's key file is missing.", backups=backups) from None
    try:
        return KeySlot.from_bytes(raw)
    except ValueError:
        raise VaultDamaged("The vault's key file is damaged.", backups=backups) from None


def write_slot(path: Path, slot: KeySlot) -> None:
    """Write a slot atomically and durably (old slot or new, never a torn one)."""
    try:
        atomic_write(Path(path), slot.to_bytes())
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFull("The disk is full: the key file was not changed. Free some space and try again.") from None
        raise


def new_data_key() -> bytearray:
    return bytearray(os.urandom(DATA_KEY_BYTES))


def wipe(buf: bytearray | None) -> None:
    """Overwrite a key buffer in place (best effort: Python may hold other copies)."""
    if buf is not None:
        for i in range(len(buf)):
            buf[i] = 0
