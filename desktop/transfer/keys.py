"""A device's keys, the enrolment file, fingerprints read aloud, and the key backup.

Each vault holds one :class:`DeviceKeys`: an age X25519 identity (bundles are encrypted *to* it,
so only a coordinator can open what a field laptop sends) and a separate Ed25519 signing key
(bundles and receipts are signed *by* it; age itself does not say who made a file). Keeping the
two apart means a stolen receiving key does not let anyone sign, and the reverse.

API::

    keys = DeviceKeys.generate("field")          # or "coordinator"
    secret = keys.to_secret()                    # bytes to store INSIDE the encrypted vault only
    keys = DeviceKeys.from_secret(secret)        # strict; KeysRefused if anything is off
    pub = keys.public()                          # PublicKeys: safe to show and to write to a stick
    data = pub.to_json()                         # the enrolment file (canonical JSON)
    pub = PublicKeys.from_json(data)             # strict; KeysRefused with a plain message
    pub.fingerprint                              # "K7QF 2MXD JA3B 4TZP", read aloud at enrolment
    fingerprint_matches(typed, pub)              # what the other person typed off the screen
    blob = backup_keys(keys, passphrase)         # age passphrase (scrypt) mode, the only stanza
    keys = restore_keys(blob, passphrase)        # KeysRefused on a wrong passphrase or a bad file

The fingerprint is the first 10 bytes of SHA-256 over the canonical enrolment JSON, in base32
(RFC 4648: A-Z and 2-7), as four groups of four. Typing it back, spaces, dashes and case do not
matter, and 0, 1 and 8 (never part of base32) are read as O, I and B: a misread digit is forgiven
but no two different fingerprints can ever match each other.

``sig_key_fpr`` and ``recipient_fpr`` are full SHA-256 hex digests of the Ed25519 public key and of
the age recipient string; bundles name keys by these.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from desktop.transfer import canonical
from desktop.transfer.errors import KeysRefused

ROLES = ("field", "coordinator")
FORMAT = "witnessbox-device-keys"
SECRET_FORMAT = "witnessbox-device-secret"
FORMAT_VERSION = 1
MAX_KEY_FILE = 4096

_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_AGE_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_AGE_SECRET = re.compile(r"AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}")
_B32 = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})

BAD_KEY_FILE = ("This is not a Witnessbox enrolment file, or it is damaged. Export the keys again on the other "
                "device and bring the new file.")
BAD_SECRET = "This vault's device keys are damaged. Restore them from the key backup."
BAD_BACKUP = ("This key backup could not be opened: the recovery passphrase is wrong, or the file is not a "
              "Witnessbox key backup. Check the passphrase and the file, then try again.")
EMPTY_PASSPHRASE = "Choose a recovery passphrase for the key backup; it cannot be empty."


def _check(cond: bool, message: str) -> None:
    if not cond:
        raise KeysRefused(message)


def _exact_fields(obj: Any, fields: set[str], message: str) -> dict[str, Any]:
    _check(isinstance(obj, dict) and set(obj) == fields, message)
    return obj


def _str(obj: dict[str, Any], name: str, pattern: re.Pattern[str], message: str) -> str:
    value = obj[name]
    _check(isinstance(value, str) and pattern.fullmatch(value) is not None, message)
    return value


def _role(value: Any, message: str) -> str:
    _check(isinstance(value, str) and value in ROLES, message)
    return value


def _version(value: Any, message: str) -> None:
    _check(type(value) is int and value == FORMAT_VERSION, message)


@dataclass(frozen=True)
class PublicKeys:
    """What a device shows the world: safe to print, to put on a stick and to pin in another vault."""

    device_id: str
    role: str
    age_recipient: str
    sig_public_key: bytes  # 32 raw bytes

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "format_version": FORMAT_VERSION, "device_id": self.device_id,
                "role": self.role, "age_recipient": self.age_recipient,
                "sig_public_key": self.sig_public_key.hex()}

    def to_json(self) -> bytes:
        return canonical.dumps(self.to_dict())

    @classmethod
    def from_json(cls, data: bytes) -> PublicKeys:
        _check(isinstance(data, bytes | bytearray) and len(data) <= MAX_KEY_FILE, BAD_KEY_FILE)
        obj = canonical.loads(bytes(data), error=KeysRefused, message=BAD_KEY_FILE, max_depth=1)
        return cls.from_dict(obj)

    @classmethod
    def from_dict(cls, obj: Any) -> PublicKeys:
        m = BAD_KEY_FILE
        obj = _exact_fields(obj, {"format", "format_version", "device_id", "role", "age_recipient",
                                  "sig_public_key"}, m)
        _check(obj["format"] == FORMAT, m)
        _version(obj["format_version"], m)
        recipient = _str(obj, "age_recipient", _AGE_RECIPIENT, m)
        try:
            pyrage.x25519.Recipient.from_str(recipient)
        except Exception:  # pyrage raises its own types for a bad checksum or encoding
            raise KeysRefused(m) from None
        sig_hex = _str(obj, "sig_public_key", _HEX64, m)
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(sig_hex))
        except ValueError:
            raise KeysRefused(m) from None
        return cls(device_id=_str(obj, "device_id", _HEX32, m), role=_role(obj["role"], m),
                   age_recipient=recipient, sig_public_key=bytes.fromhex(sig_hex))

    @property
    def fingerprint(self) -> str:
        """Four groups of four base32 characters, to read aloud and compare in person."""
        raw = base64.b32encode(hashlib.sha256(self.to_json()).digest()[:10]).decode("ascii")
        return " ".join(raw[i:i + 4] for i in range(0, 16, 4))

    @property
    def sig_key_fpr(self) -> str:
        return hashlib.sha256(self.sig_public_key).hexdigest()

    @property
    def recipient_fpr(self) -> str:
        return recipient_fpr(self.age_recipient)

    def recipient(self) -> pyrage.x25519.Recipient:
        return pyrage.x25519.Recipient.from_str(self.age_recipient)

    def verify(self, signature: bytes, message: bytes) -> bool:
        """True if ``signature`` is this device's Ed25519 signature over ``message``."""
        try:
            Ed25519PublicKey.from_public_bytes(self.sig_public_key).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True


def recipient_fpr(age_recipient: str) -> str:
    return hashlib.sha256(age_recipient.encode("ascii")).hexdigest()


def normalise_fingerprint(typed: str) -> str:
    """``typed`` as the 16 base32 characters it stands for, or "" if it cannot be a fingerprint."""
    if not isinstance(typed, str) or len(typed) > 64:
        return ""
    text = "".join(c for c in typed if c not in " -\t").upper().translate(_LOOKALIKES)
    return text if len(text) == 16 and set(text) <= _B32 else ""


def fingerprint_matches(typed: str, keys: PublicKeys) -> bool:
    """True if ``typed`` (as read off the other device's screen) is ``keys``' fingerprint."""
    want = keys.fingerprint.replace(" ", "")
    got = normalise_fingerprint(typed)
    return bool(got) and hmac.compare_digest(got, want)


@dataclass(frozen=True)
class DeviceKeys:
    """A device's private keys. Keep them inside the encrypted vault (``to_secret``) and nowhere else."""

    device_id: str
    role: str
    age_identity: pyrage.x25519.Identity
    sig_key: Ed25519PrivateKey

    @classmethod
    def generate(cls, role: str) -> DeviceKeys:
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        return cls(device_id=secrets.token_hex(16), role=role, age_identity=pyrage.x25519.Identity.generate(),
                   sig_key=Ed25519PrivateKey.generate())

    def public(self) -> PublicKeys:
        raw = self.sig_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKeys(device_id=self.device_id, role=self.role,
                          age_recipient=str(self.age_identity.to_public()), sig_public_key=raw)

    def sign(self, message: bytes) -> bytes:
        return self.sig_key.sign(message)

    def to_secret(self) -> bytes:
        seed = self.sig_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return canonical.dumps({"format": SECRET_FORMAT, "format_version": FORMAT_VERSION,
                                "device_id": self.device_id, "role": self.role,
                                "age_identity": str(self.age_identity), "sig_seed": seed.hex()})

    @classmethod
    def from_secret(cls, data: bytes) -> DeviceKeys:
        m = BAD_SECRET
        _check(isinstance(data, bytes | bytearray) and len(data) <= MAX_KEY_FILE, m)
        obj = canonical.loads(bytes(data), error=KeysRefused, message=m, max_depth=1)
        obj = _exact_fields(obj, {"format", "format_version", "device_id", "role", "age_identity", "sig_seed"}, m)
        _check(obj["format"] == SECRET_FORMAT, m)
        _version(obj["format_version"], m)
        age = _str(obj, "age_identity", _AGE_SECRET, m)
        try:
            identity = pyrage.x25519.Identity.from_str(age)
        except Exception:  # pyrage raises its own types for a bad checksum or encoding
            raise KeysRefused(m) from None
        sig_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(_str(obj, "sig_seed", _HEX64, m)))
        return cls(device_id=_str(obj, "device_id", _HEX32, m), role=_role(obj["role"], m),
                   age_identity=identity, sig_key=sig_key)


# --- key backup -----------------------------------------------------------------------------------

MAX_BACKUP = 16 * 1024
MAX_WORK_FACTOR = 22  # scrypt 2^22: a few seconds; a forged backup cannot make us work for hours


def backup_keys(keys: DeviceKeys, passphrase: str) -> bytes:
    """``keys`` encrypted under ``passphrase`` with age's passphrase (scrypt) mode, as the only stanza."""
    if not passphrase:
        raise KeysRefused(EMPTY_PASSPHRASE)
    return pyrage.passphrase.encrypt(keys.to_secret(), passphrase)


def _only_scrypt_stanza(data: bytes) -> bool:
    """The age header of ``data`` holds exactly one stanza, scrypt, with a sane work factor."""
    end = data.find(b"\n--- ")
    if not data.startswith(b"age-encryption.org/v1\n") or end < 0:
        return False
    stanzas = [line for line in data[:end].split(b"\n") if line.startswith(b"-> ")]
    if len(stanzas) != 1:
        return False
    args = stanzas[0].split(b" ")
    return (len(args) == 4 and args[1] == b"scrypt" and args[3].isdigit() and len(args[3]) <= 2
            and int(args[3]) <= MAX_WORK_FACTOR)


def restore_keys(data: bytes, passphrase: str) -> DeviceKeys:
    """The keys in a backup made by :func:`backup_keys`; :class:`KeysRefused` if it cannot be opened."""
    if not isinstance(data, bytes | bytearray) or len(data) > MAX_BACKUP or not _only_scrypt_stanza(bytes(data)):
        raise KeysRefused(BAD_BACKUP)
    if not passphrase:
        raise KeysRefused(BAD_BACKUP)
    try:
        secret = pyrage.passphrase.decrypt(bytes(data), passphrase)
    except Exception:  # pyrage's DecryptError, or its parser's errors for a damaged file
        raise KeysRefused(BAD_BACKUP) from None
    try:
        return DeviceKeys.from_secret(secret)
    except KeysRefused:
        raise KeysRefused(BAD_BACKUP) from None
