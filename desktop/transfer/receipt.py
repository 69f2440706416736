"""The coordinator's signed receipt for a bundle: the only thing that marks data "delivered".

A receipt holds no personal data (a bundle id, the bundle's ciphertext hash, a status, the
importer's device id, a time), so it travels unencrypted as ``WBR1-<32 random hex>.json``::

    {"receipt": {"bundle_id", "bundle_sha256", "created_utc", "format_version", "importer_device_id",
                 "status"}, "signature": "<128 hex>"}

in canonical JSON; the Ed25519 signature covers ``RECEIPT_DOMAIN || SHA-256(canonical receipt)``.

A bundle refused because some of its interviews' records could not be accepted gets a receipt too,
with ``"status": "refused"`` and one more field, ``"refused_interviews"``: for each of those interviews
:func:`interview_token` (sorted, 1 to :data:`MAX_REFUSED`), so the worker's laptop, which knows what the
bundle carried, can hold them back and send the rest again. A token is not the interview's id: the receipt
travels unencrypted, and a token found on a stick names nothing outside that one bundle.

API::

    data = make_receipt(coordinator_keys, bundle_id=..., bundle_sha256=..., status="imported")
    data = make_receipt(coordinator_keys, bundle_id=..., bundle_sha256=..., status="refused",
                        refused_interviews=[...])
    receipt = read_receipt(data, pinned)   # strict; ReceiptRefused unless signed by a pinned key
    receipt_file_name()                    # "WBR1-....json"
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.transfer import canonical
from desktop.transfer.errors import ReceiptRefused
from desktop.transfer.keys import DeviceKeys, PublicKeys
from desktop.transfer.manifest import HEX32, HEX64, UTC_STAMP, utc_now

RECEIPT_DOMAIN = b"org.witnessbox.receipt.v1\x00"
FORMAT_VERSION = 1
STATUSES = ("imported", "refused")
MAX_REFUSED = 1000
MAX_RECEIPT = 64 * 1024  # a refused bundle's receipt names up to MAX_REFUSED interviews
_SIG = re.compile(r"[0-9a-f]{128}")
_FIELDS = {"bundle_id", "bundle_sha256", "created_utc", "format_version", "importer_device_id", "status"}

DAMAGED = "This receipt is damaged or not a Witnessbox receipt. Ask the coordinator for a new one."
NOT_ENROLLED = ("This receipt comes from a coordinator that is not enrolled here. Enrol the coordinator in "
                "person, then import the receipt again.")
FORGED = ("This receipt is not signed by the coordinator it names. It may be forged: nothing was marked "
          "as delivered. Tell the coordinator.")


@dataclass(frozen=True)
class Receipt:
    bundle_id: str
    bundle_sha256: str
    status: str
    importer_device_id: str
    created_utc: str
    refused_interviews: tuple[str, ...] = ()  # a refused bundle: interview_token() of each interview at fault

    def to_dict(self) -> dict[str, Any]:
        body = {"bundle_id": self.bundle_id, "bundle_sha256": self.bundle_sha256, "created_utc": self.created_utc,
                "format_version": FORMAT_VERSION, "importer_device_id": self.importer_device_id,
                "status": self.status}
        if self.refused_interviews:
            body["refused_interviews"] = list(self.refused_interviews)
        return body


def interview_token(bundle_id: str, interview_id: str) -> str:
    """How a refused bundle's receipt names one of its interviews (32 hex digits)."""
    return hashlib.sha256(f"witnessbox.refused.v1\x00{bundle_id}\x00{interview_id}".encode()).hexdigest()[:32]


def receipt_file_name() -> str:
    return f"WBR1-{secrets.token_hex(16)}.json"


def _message(receipt: dict[str, Any]) -> bytes:
    return RECEIPT_DOMAIN + hashlib.sha256(canonical.dumps(receipt)).digest()


def make_receipt(keys: DeviceKeys, *, bundle_id: str, bundle_sha256: str, status: str,
                 created_utc: str | None = None, refused_interviews: tuple[str, ...] | list[str] = ()) -> bytes:
    """The signed receipt file's bytes."""
    receipt = Receipt(bundle_id, bundle_sha256, status, keys.device_id, created_utc or utc_now(),
                      tuple(sorted(set(refused_interviews))))
    _validate(receipt.to_dict(), error=ValueError)
    body = receipt.to_dict()
    return canonical.dumps({"receipt": body, "signature": keys.sign(_message(body)).hex()})


def _refused_ok(body: dict[str, Any]) -> bool:
    """A refused bundle's receipt may name the refused interviews; an imported one's never does."""
    if "refused_interviews" not in body:
        return set(body) == _FIELDS
    ids = body["refused_interviews"]
    return (set(body) == _FIELDS | {"refused_interviews"} and body.get("status") == "refused"
            and isinstance(ids, list) and 1 <= len(ids) <= MAX_REFUSED
            and all(isinstance(i, str) and HEX32.fullmatch(i) is not None for i in ids) and ids == sorted(set(ids)))


def _validate(body: Any, error: type[Exception]) -> None:
    ok = (isinstance(body, dict) and _refused_ok(body) and type(body["format_version"]) is int
          and body["format_version"] == FORMAT_VERSION and body["status"] in STATUSES
          and all(isinstance(body[k], str) for k in ("bundle_id", "bundle_sha256", "created_utc",
                                                      "importer_device_id", "status"))
          and HEX32.fullmatch(body["bundle_id"]) is not None and HEX64.fullmatch(body["bundle_sha256"]) is not None
          and HEX32.fullmatch(body["importer_device_id"]) is not None
          and UTC_STAMP.fullmatch(body["created_utc"]) is not None)
    if not ok:
        raise error(DAMAGED)


def read_receipt(data: bytes, pinned: Mapping[str, PublicKeys]) -> Receipt:
    """The receipt in ``data`` if it is well formed and signed by the pinned key of its importer."""
    if not isinstance(data, bytes | bytearray) or len(data) > MAX_RECEIPT:
        raise ReceiptRefused(DAMAGED)
    obj = canonical.loads(bytes(data), error=ReceiptRefused, message=DAMAGED, max_depth=3)
    if not isinstance(obj, dict) or set(obj) != {"receipt", "signature"}:
        raise ReceiptRefused(DAMAGED)
    body, sig = obj["receipt"], obj["signature"]
    _validate(body, error=ReceiptRefused)
    if not isinstance(sig, str) or _SIG.fullmatch(sig) is None:
        raise ReceiptRefused(DAMAGED)
    signer = pinned.get(body["importer_device_id"])
    if signer is None or signer.device_id != body["importer_device_id"]:
        raise ReceiptRefused(NOT_ENROLLED)
    if not signer.verify(bytes.fromhex(sig), _message(body)):
        raise ReceiptRefused(FORGED)
    return Receipt(body["bundle_id"], body["bundle_sha256"], body["status"], body["importer_device_id"],
                   body["created_utc"], tuple(body.get("refused_interviews", ())))
