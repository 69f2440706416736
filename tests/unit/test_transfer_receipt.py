"""The coordinator's signed receipt: round trip, strict parsing, forged and unpinned receipts refused."""

from __future__ import annotations

import json
import re

import pytest

from desktop.transfer import canonical, receipt
from desktop.transfer.errors import ReceiptRefused
from desktop.transfer.keys import DeviceKeys
from desktop.transfer.receipt import make_receipt, read_receipt, receipt_file_name

BUNDLE_ID = "0f" * 16
SHA = "ab" * 32


@pytest.fixture(scope="module")
def coord() -> DeviceKeys:
    return DeviceKeys.generate("coordinator")


@pytest.fixture(scope="module")
def pinned(coord):
    return {coord.device_id: coord.public()}


def test_round_trip(coord, pinned):
    data = make_receipt(coord, bundle_id=BUNDLE_ID, bundle_sha256=SHA, status="imported")
    r = read_receipt(data, pinned)
    assert (r.bundle_id, r.bundle_sha256, r.status, r.importer_device_id) == (BUNDLE_ID, SHA, "imported",
                                                                              coord.device_id)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r.created_utc)
    refused = read_receipt(make_receipt(coord, bundle_id=BUNDLE_ID, bundle_sha256=SHA, status="refused"), pinned)
    assert refused.status == "refused"
    assert set(json.loads(data)["receipt"]) == {"bundle_id", "bundle_sha256", "created_utc", "format_version",
                                                 "importer_device_id", "status"}


def test_file_name_is_fat_safe_and_random():
    a, b = receipt_file_name(), receipt_file_name()
    assert a != b and re.fullmatch(r"WBR1-[0-9a-f]{32}\.json", a)


def test_making_a_bad_receipt_is_a_programming_error(coord):
    with pytest.raises(ValueError):
        make_receipt(coord, bundle_id=BUNDLE_ID, bundle_sha256=SHA, status="maybe")
    with pytest.raises(ValueError):
        make_receipt(coord, bundle_id="x", bundle_sha256=SHA, status="imported")


def test_an_unpinned_importer_is_refused(coord):
    data = make_receipt(coord, bundle_id=BUNDLE_ID, bundle_sha256=SHA, status="imported")
    with pytest.raises(ReceiptRefused) as e:
        read_receipt(data, {})
    assert str(e.value) == receipt.NOT_ENROLLED


def test_a_changed_or_forged_receipt_is_refused(coord, pinned):
    obj = json.loads(make_receipt(coord, bundle_id=BUNDLE_ID, bundle_sha256=SHA, status="refused"))
    changed = {**obj, "receipt": {**obj["receipt"], "status": "imported"}}
    with pytest.raises(ReceiptRefused) as e:
        read_receipt(canonical.dumps(changed), pinned)
    assert str(e.value) == receipt.FORGED
    stranger = DeviceKeys.generate("coordinator")
    forged = json.loads(make_receipt(stranger, bundle_id=BUNDLE_ID, bundle_sha256=SHA, status="imported"))
    forged["receipt"]["importer_device_id"] = coord.device_id
    with pytest.raises(ReceiptRefused) as e:
        read_receipt(canonical.dumps(forged), pinned)
    assert str(e.value) == receipt.FORGED


@pytest.mark.parametrize("spoil", [
    lambda o: {**o, "extra": 1},
    lambda o: {"receipt": o["receipt"]},
    lambda o: {**o, "receipt": {**o["receipt"], "note": "x"}},
    lambda o: {**o, "receipt": {**o["receipt"], "format_version": 2}},
    lambda o: {**o, "receipt": {**o["receipt"], "bundle_sha256": 5}},
    lambda o: {**o, "signature": o["signature"][:-2]},
    lambda o: {**o, "signature": o["signature"].upper()},
])
def test_a_receipt_out_of_shape_is_refused_as_damaged(coord, pinned, spoil):
    obj = json.loads(make_receipt(coord, bundle_id=BUNDLE_ID, bundle_sha256=SHA, status="imported"))
    with pytest.raises(ReceiptRefused) as e:
        read_receipt(canonical.dumps(spoil(obj)), pinned)
    assert str(e.value) == receipt.DAMAGED


def test_a_non_canonical_or_huge_receipt_is_refused(coord, pinned):
    data = make_receipt(coord, bundle_id=BUNDLE_ID, bundle_sha256=SHA, status="imported")
    for bad in [data + b"\n", json.dumps(json.loads(data), indent=2).encode(), data + b" " * 5000, b""]:
        with pytest.raises(ReceiptRefused):
            read_receipt(bad, pinned)
