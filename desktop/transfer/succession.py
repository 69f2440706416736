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

A laptop can be restored more than once before the coordinator hears of the first hand-over (a copy
made on a restored laptop, restored again). So a bundle carries the whole CHAIN of hand-overs since the
enrolled laptop: one statement as above (a chain of one, the bytes every earlier bundle carried), or a
canonical JSON list of 2 to :data:`MAX_LINKS` such records, oldest first, each naming as its old keys
the new keys of the one before (:func:`parse_chain`). :func:`verify_chain` checks every signature from
an enrolled key onwards; whether each hand-over can be accepted (no second successor of one key) is the
coordinator's to decide (:mod:`desktop.services.transfer_succession`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.transfer import canonical
from desktop.transfer.errors import BundleRefused, KeysRefused
from desktop.transfer.keys import DeviceKeys, PublicKeys
from desktop.transfer.manifest import MAX_SUCCESSION_CHARS, UTC_STAMP, utc_now

FORMAT = "witnessbox-succession"
FORMAT_VERSION = 1
SUCCESSION_DOMAIN = b"org.witnessbox.succession.v1\x00"
MAX_BYTES = 4096
MAX_LINKS = 16  # restored from a backup this many times before the coordinator heard of any
MAX_CHAIN_BYTES = MAX_SUCCESSION_CHARS
_FIELDS = {"format", "format_version", "old_device_id", "old_sig_key_fpr", "new_keys", "after_seq",
           "after_sha256", "restored_utc"}
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")

BAD_STATEMENT = ("This bundle says its laptop was restored from a backup, but the hand-over inside it is "
                 "damaged or forged. Nothing was imported; tell the coordinator in charge.")
BROKEN_CHAIN = ("This bundle comes from a laptop restored from backups more than once, but its hand-overs do not "
                "follow on from one another. It may be forged: nothing was imported. Tell the coordinator in charge.")
TOO_MANY = ("This laptop was restored from backups too many times without the coordinator importing a bundle "
            "in between. Send a bundle from a laptop the coordinator knows, or enrol this laptop in person.")
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


@dataclass(frozen=True)
class Chain:
    """The hand-overs a restored laptop's bundles carry, oldest first; ``raw`` as carried."""

    links: tuple[Succession, ...]
    raw: bytes

    @property
    def last(self) -> Succession:
        """The hand-over to the keys that sign the bundle."""
        return self.links[-1]


def parse_chain(raw: bytes) -> Chain:
    """The chain in ``raw`` (one statement, or a list of 2 or more), strictly: each statement as
    :func:`parse_succession` wants it, each naming as old keys the new keys before it, no laptop twice.
    :class:`BundleRefused` otherwise. Signatures are checked by :func:`verify_chain`."""
    _need(isinstance(raw, bytes) and 0 < len(raw) <= MAX_CHAIN_BYTES)
    if not raw.startswith(b"["):
        return Chain((parse_succession(raw),), raw)
    outer = canonical.loads(raw, error=BundleRefused, message=BAD_STATEMENT, max_depth=3)
    _need(isinstance(outer, list) and 2 <= len(outer) <= MAX_LINKS and canonical.dumps(outer) == raw)
    links = tuple(parse_succession(canonical.dumps(record)) for record in outer)
    seen = {links[0].old_device_id}
    for before, link in zip(links, links[1:], strict=False):
        if (link.old_device_id != before.new_keys.device_id or link.old_sig_key_fpr != before.new_keys.sig_key_fpr
                or link.after_seq < before.after_seq):
            raise BundleRefused(BROKEN_CHAIN)
    for link in links:
        if link.new_keys.device_id in seen:
            raise BundleRefused(BROKEN_CHAIN)
        seen.add(link.new_keys.device_id)
    return Chain(links, raw)


def extend_chain(chain: bytes | None, statement: bytes) -> bytes:
    """The chain ``chain`` (None: none yet) with one more hand-over, ``statement``, at its end."""
    if chain is None:
        return parse_chain(statement).raw
    links = parse_chain(chain).links + (parse_succession(statement),)
    if len(links) > MAX_LINKS:
        raise ValueError(TOO_MANY)
    raw = canonical.dumps([canonical.loads(link.raw, error=ValueError, message=BAD_STATEMENT) for link in links])
    if len(raw) > MAX_CHAIN_BYTES:
        raise ValueError(TOO_MANY)
    parse_chain(raw)  # never carry what a reader would refuse
    return raw


def verify_chain(chain: Chain, pinned: Mapping[str, PublicKeys]) -> PublicKeys | None:
    """The keys the chain hands over to at its end, if it starts at a field device in ``pinned`` and
    every hand-over is signed by the keys before it; None if it does not start at an enrolled laptop.
    :class:`BundleRefused` (:data:`NOT_SIGNED_BY_OLD`) for a signature that does not verify."""
    keys = pinned.get(chain.links[0].old_device_id)
    if keys is None or keys.role != "field":
        return None
    for link in chain.links:
        if not link.signed_by(keys):
            raise BundleRefused(NOT_SIGNED_BY_OLD)
        keys = link.new_keys
    return keys
