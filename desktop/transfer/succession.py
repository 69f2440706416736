"""The succession statement: a field laptop restored from a backup copy hands over to new keys.

A vault restored from a backup copy holds the old laptop's device keys and its bundle numbering as
they were when the copy was made. If the old laptop sent bundles after that, the restored vault's
next numbers are taken already, and the coordinator rightly refuses them as a copied laptop. So
before its next bundle a restored vault makes new device keys and this statement, signed by the old
device key (which the copy holds) and naming the new public keys, the last bundle the copy had sent
and that bundle's hash. Every bundle the new keys sign carries it in its manifest (which the new key
signs, binding it too). A coordinator that has the old device enrolled accepts it once: from then on
the new keys speak for that laptop, numbering on from the bundle after ``after_seq``.

Bytes (canonical JSON, at most :data:`MAX_BYTES`)::

    {"signature": "<base64 Ed25519 over SUCCESSION_DOMAIN || SHA-256(statement)>",
     "statement": "<canonical JSON text of the fields below>"}

    format          "witnessbox-succession"
    format_version  1
    old_device_id   the enrolled laptop's device id
    old_sig_key_fpr SHA-256 hex of its Ed25519 public key (the key that signs)
    new_keys        the new public keys, as in an enrolment file
    after_seq       the last bundle number the copy had sent (0 for none)
    after_sha256    that bundle's hash ("" exactly when after_seq is 0)
    restored_utc    "YYYY-MM-DDTHH:MM:SSZ", when the new keys were made
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from desktop.transfer import canonical
from desktop.transfer.errors import BundleRefused, KeysRefused
from desktop.transfer.keys import DeviceKeys, PublicKeys
from desktop.transfer.manifest import UTC_STAMP, utc_now

FORMAT = "witnessbox-succession"
FORMAT_VERSION = 1
SUCCESSION_DOMAIN = b"org.witnessbox.succession.v1\x00"
MAX_BYTES = 4096
_FIELDS = {"format", "format_version", "old_device_id", "old_sig_key_fpr", "new_keys", "after_seq",
           "after_sha256", "restored_utc"}
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")

BAD_STATEMENT = ("This bundle says its laptop was restored from a backup, but the hand-over inside it is "
                 "damaged or forged. Nothing was imported; tell the coordinator in charge.")
NOT_SIGNED_BY_OLD = ("This bundle says its laptop was restored from a backup of an enrolled laptop, but that "
                     "laptop's key did not sign the hand-over. It may be forged: nothing was imported. Tell the "
                     "coordinator in charge.")


@dataclass(frozen=True)
class Succession:
    old_device_id: str
    old_sig_key_fpr: str
    new_keys: PublicKeys
    after_seq: int
    after_sha256: str
    restored_utc: str
    statement: bytes  # the signed bytes
    signature: bytes
    raw: bytes  # the whole record as carried

    def signed_by(self, old: PublicKeys) -> bool:
        """True if ``old`` is the device named and its key signed this statement."""
        return (old.device_id == self.old_device_id and old.sig_key_fpr == self.old_sig_key_fpr
                and old.verify(self.signature, _message(self.statement)))


def _message(statement: bytes) -> bytes:
    return SUCCESSION_DOMAIN + hashlib.sha256(statement).digest()


def make_succession(old: DeviceKeys, new: DeviceKeys, *, after_seq: int, after_sha256: str) -> bytes:
    """The statement handing ``old``'s place over to ``new``, signed by ``old``."""
    if old.role != "field" or new.role != "field" or old.device_id == new.device_id:
        raise ValueError("a succession is from one field device's keys to another's")
    statement = canonical.dumps({
        "format": FORMAT, "format_version": FORMAT_VERSION, "old_device_id": old.device_id,
        "old_sig_key_fpr": old.public().sig_key_fpr, "new_keys": new.public().to_dict(),
        "after_seq": int(after_seq), "after_sha256": after_sha256 if after_seq else "",
        "restored_utc": utc_now()})
    signature = old.sign(_message(statement))
    raw = canonical.dumps({"signature": base64.b64encode(signature).decode("ascii"),
                           "statement": statement.decode("utf-8")})
    parse_succession(raw)  # never carry what a reader would refuse
    return raw


def _need(cond: bool) -> None:
    if not cond:
        raise BundleRefused(BAD_STATEMENT)


def parse_succession(raw: bytes) -> Succession:
    """The statement in ``raw``, strictly; :class:`BundleRefused` for anything not exactly as made.
    Its signature is checked by :meth:`Succession.signed_by`, against the enrolled old keys."""
    _need(isinstance(raw, bytes) and 0 < len(raw) <= MAX_BYTES)
    outer = canonical.loads(raw, error=BundleRefused, message=BAD_STATEMENT, max_depth=2)
    _need(isinstance(outer, dict) and set(outer) == {"signature", "statement"})
    _need(isinstance(outer["signature"], str) and isinstance(outer["statement"], str))
    try:
        signature = base64.b64decode(outer["signature"], validate=True)
    except (binascii.Error, ValueError):
        raise BundleRefused(BAD_STATEMENT) from None
    _need(len(signature) == 64)
    statement = outer["statement"].encode("utf-8")
    obj: Any = canonical.loads(statement, error=BundleRefused, message=BAD_STATEMENT, max_depth=3)
    _need(isinstance(obj, dict) and set(obj) == _FIELDS)
    _need(obj["format"] == FORMAT and type(obj["format_version"]) is int and obj["format_version"] == FORMAT_VERSION)
    _need(isinstance(obj["old_device_id"], str) and _HEX32.fullmatch(obj["old_device_id"]) is not None)
    _need(isinstance(obj["old_sig_key_fpr"], str) and _HEX64.fullmatch(obj["old_sig_key_fpr"]) is not None)
    after_seq, after_sha = obj["after_seq"], obj["after_sha256"]
    _need(type(after_seq) is int and 0 <= after_seq <= 2**53 - 1)
    _need(after_sha == "" if after_seq == 0 else isinstance(after_sha, str) and _HEX64.fullmatch(after_sha) is not None)
    _need(isinstance(obj["restored_utc"], str) and UTC_STAMP.fullmatch(obj["restored_utc"]) is not None)
    try:
        new_keys = PublicKeys.from_dict(obj["new_keys"])
    except KeysRefused:
        raise BundleRefused(BAD_STATEMENT) from None
    _need(new_keys.role == "field" and new_keys.device_id != obj["old_device_id"])
    _need(canonical.dumps(obj) == statement)
    return Succession(obj["old_device_id"], obj["old_sig_key_fpr"], new_keys, after_seq, after_sha,
                      obj["restored_utc"], statement, signature, raw)
