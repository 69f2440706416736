"""Fuzzing the bundle reader (security.md T23) with hypothesis.

A valid inner stream is built, spoiled (bytes flipped, cut, inserted; the manifest's JSON changed
and signed again by the real device so the checks past the signature are reached too), encrypted
properly to the coordinator with real age, and read. Whatever happens: only BundleRefused comes
out, every input finishes quickly, and Python memory stays bounded. The enrolment-file and receipt
parsers get arbitrary bytes and arbitrary JSON the same way.
"""

from __future__ import annotations

import hashlib
import json
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.transfer import canonical
from desktop.transfer.errors import BundleRefused, KeysRefused, ReceiptRefused
from desktop.transfer.keys import PublicKeys
from desktop.transfer.manifest import KINDS
from desktop.transfer.receipt import read_receipt
from tests.transfer_kit import Devices, manifest_dict, read, seal, signed_inner

DEVICES = Devices()
FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
MEMORY_BOUND = 64 * 1024 * 1024

bodies_st = st.lists(st.tuples(st.sampled_from(KINDS), st.binary(max_size=3000)), max_size=5)
json_st = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**64), max_value=2**64) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20)


def _items(bodies):
    return [(f"item-{n}", kind, body) for n, (kind, body) in enumerate(bodies)]


def _read_only_refusal(data: bytes) -> None:
    tracemalloc.start()
    try:
        got = read(DEVICES, data)
    except BundleRefused:
        got = None
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < MEMORY_BOUND
    if got is not None:  # anything accepted is exactly what its signed manifest says
        assert [hashlib.sha256(i.data).hexdigest() for i in got.items] == [e.sha256 for e in got.manifest.items]


mutation_st = st.lists(st.tuples(st.sampled_from(["flip", "cut", "insert", "delete", "set"]),
                                 st.integers(min_value=0, max_value=10**6), st.binary(min_size=1, max_size=8)),
                       min_size=1, max_size=4)


@FUZZ
@given(bodies=bodies_st, mutations=mutation_st)
def test_mutated_inner_streams_only_ever_raise_bundle_refused(bodies, mutations):
    items = _items(bodies)
    inner = bytearray(signed_inner(DEVICES, manifest_dict(DEVICES, items), [b for _, _, b in items]))
    for op, pos, blob in mutations:
        pos %= len(inner) + 1
        if op == "flip" and pos < len(inner):
            inner[pos] ^= blob[0] or 1
        elif op == "cut":
            del inner[pos:]
        elif op == "insert":
            inner[pos:pos] = blob
        elif op == "delete":
            del inner[pos:pos + len(blob)]
        elif op == "set":
            inner[pos:pos + len(blob)] = blob
    _read_only_refusal(seal(DEVICES, bytes(inner)))


manifest_changes_st = st.dictionaries(
    st.sampled_from(["format_version", "bundle_id", "created_utc", "sender_device_id", "sender_sig_key_fpr",
                     "recipient_key_fprs", "seq", "prev_bundle_sha256", "schema_version", "app_version", "items",
                     "surplus"]),
    json_st, max_size=3)


@FUZZ
@given(bodies=bodies_st, changes=manifest_changes_st, drop=st.booleans())
def test_re_signed_manifests_with_any_values_only_ever_raise_bundle_refused(bodies, changes, drop):
    """The real device signs whatever the manifest says: the parser must still refuse bad values."""
    items = _items(bodies)
    m = manifest_dict(DEVICES, items, **changes)
    if drop and changes:
        m.pop(next(iter(changes)))
    _read_only_refusal(seal(DEVICES, signed_inner(DEVICES, m, [b for _, _, b in items])))


@FUZZ
@given(entries=st.lists(st.fixed_dictionaries({}, optional={
    "id": json_st | st.from_regex(r"[a-z]{1,5}", fullmatch=True), "kind": json_st | st.sampled_from(KINDS),
    "sha256": json_st, "size": json_st | st.integers(min_value=0, max_value=10**7), "x": json_st}), max_size=4))
def test_re_signed_item_lists_of_any_shape_only_ever_raise_bundle_refused(entries):
    m = manifest_dict(DEVICES, [], items=entries)
    _read_only_refusal(seal(DEVICES, signed_inner(DEVICES, m, [b"x" * 10] * len(entries))))


@FUZZ
@given(data=st.binary(max_size=600) | json_st.map(lambda v: json.dumps(v).encode()))
def test_enrolment_and_receipt_parsers_only_refuse_plainly(data):
    for parse, error in [(PublicKeys.from_json, KeysRefused), (lambda d: read_receipt(d, DEVICES.pinned),
                                                                   ReceiptRefused)]:
        with pytest.raises(error):
            parse(data)


@FUZZ
@given(value=json_st)
def test_canonical_loads_inverts_dumps_and_refuses_every_other_spelling(value):
    data = canonical.dumps(value)
    assert canonical.loads(data, error=ValueError, message="bad", max_depth=64) == value
    pretty = json.dumps(value, indent=1, sort_keys=True).encode()
    if pretty != data:
        with pytest.raises(ValueError):
            canonical.loads(pretty, error=ValueError, message="bad", max_depth=64)
