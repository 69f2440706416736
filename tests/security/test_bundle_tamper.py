"""Tampered, truncated and forged bundles (security.md T19-T21, T25): each one is refused with
BundleRefused and a plain reason, and nothing else ever comes out of read_bundle.

Real age envelopes and real Ed25519 signatures throughout. Forgeries are built as an attacker
would: a correct inner stream with one part spoiled, then encrypted properly to the coordinator
(anyone holding the coordinator's public key can do that), so the inner checks are what is tested.
"""

from __future__ import annotations

import hashlib

import pytest

from desktop.transfer import canonical, errors
from desktop.transfer.errors import BundleRefused
from desktop.transfer.keys import DeviceKeys
from desktop.transfer.manifest import Limits
from tests.transfer_kit import Devices, inner_stream, make_bundle, manifest_dict, read, seal, signed_inner

BODIES = [("iv-1", "interview", b'{"statement":"sample"}'), ("att-1", "attachment", bytes(range(256)) * 300)]


@pytest.fixture(scope="module")
def devices() -> Devices:
    return Devices()


@pytest.fixture(scope="module")
def bundle(devices) -> bytes:
    data = make_bundle(devices)
    assert len(data) > 3 * 65536 // 2  # several age chunks, so "last chunk" differs from "body"
    read(devices, data)  # the untouched bundle is accepted
    return data


def refused(devices, data, **kw) -> str:
    """Read ``data``; it must be refused with BundleRefused (any other exception fails the test)."""
    try:
        read(devices, data, **kw)
    except BundleRefused as exc:
        text = str(exc)
        assert "Error" not in text and "pyrage" not in text and "0x" not in text
        return text
    pytest.fail("the bundle was accepted")


def _flip(data: bytes, pos: int) -> bytes:
    out = bytearray(data)
    out[pos] ^= 0x01
    return bytes(out)


def test_a_flipped_byte_in_the_header_is_refused(devices, bundle):
    header_end = bundle.index(b"\n--- ") + 5 + 43 + 1
    for pos in sorted({0, 5, 25, 40, 60, 80, 100, header_end - 3, header_end - 1, *range(0, header_end, 7)}):
        refused(devices, _flip(bundle, pos))


def test_a_flipped_byte_in_the_body_and_the_last_chunk_is_refused(devices, bundle, rng):
    header_end = bundle.index(b"\n--- ") + 5 + 43 + 1
    positions = {header_end, header_end + 1, header_end + 16, len(bundle) - 1, len(bundle) - 17, len(bundle) - 100}
    positions |= {rng.randrange(header_end, len(bundle)) for _ in range(40)}
    for pos in sorted(positions):
        assert refused(devices, _flip(bundle, pos)) in (errors.CHANGED, errors.NOT_A_BUNDLE), pos


def test_truncation_at_every_4_kib_boundary_is_refused(devices, bundle):
    cuts = [*range(0, len(bundle), 4096), len(bundle) - 1, len(bundle) - 16, 65536 + 200]
    assert len(cuts) >= 40
    for cut in cuts:
        refused(devices, bundle[:cut])


def test_appended_junk_is_refused(devices, bundle):
    for junk in [b"\x00", b"junk", b"\x00" * 65536, bundle[-200:]]:
        assert refused(devices, bundle + junk) == errors.CHANGED


def test_a_bundle_for_another_coordinator_is_refused(devices):
    other = Devices()
    assert refused(devices, make_bundle(other), pinned={other.field.device_id: other.field.public()}) \
        == errors.OTHER_RECIPIENT


def test_a_valid_manifest_re_signed_by_an_unknown_key_is_refused(devices):
    stranger = DeviceKeys.generate("field")
    m = manifest_dict(devices, BODIES)
    bodies = [b for _, _, b in BODIES]
    read(devices, seal(devices, signed_inner(devices, m, bodies)))  # the honest one passes
    assert refused(devices, seal(devices, signed_inner(devices, m, bodies, signer=stranger))) == errors.WRONG_SIGNER
    # the forger also puts its own key's fingerprint in: still not the pinned key
    m2 = {**m, "sender_sig_key_fpr": stranger.public().sig_key_fpr}
    assert refused(devices, seal(devices, signed_inner(devices, m2, bodies, signer=stranger))) == errors.WRONG_SIGNER
    # or claims to be itself: not enrolled
    m3 = {**m2, "sender_device_id": stranger.device_id}
    assert refused(devices, seal(devices, signed_inner(devices, m3, bodies, signer=stranger))) == errors.NOT_ENROLLED


def test_a_bad_signature_is_refused(devices):
    m = canonical.dumps(manifest_dict(devices, BODIES))
    sig = devices.field.sign(b"something else")
    assert refused(devices, seal(devices, inner_stream(m, sig, [b for _, _, b in BODIES]))) == errors.WRONG_SIGNER
    from desktop.transfer.manifest import signed_message

    good = bytearray(devices.field.sign(signed_message(m)))
    good[10] ^= 0x80
    assert refused(devices, seal(devices, inner_stream(m, bytes(good), [b for _, _, b in BODIES]))) \
        == errors.WRONG_SIGNER
    # a signature without the domain separation (over the bare manifest hash) is not accepted either
    bare = devices.field.sign(hashlib.sha256(m).digest())
    assert refused(devices, seal(devices, inner_stream(m, bare, [b for _, _, b in BODIES]))) == errors.WRONG_SIGNER


def test_an_item_hash_or_size_mismatch_is_refused(devices):
    m = manifest_dict(devices, BODIES)
    bodies = [b for _, _, b in BODIES]
    swapped = [bodies[0], bodies[1][:-1] + b"X"]
    assert refused(devices, seal(devices, signed_inner(devices, m, swapped))) == errors.CHANGED
    shorter = [bodies[0], bodies[1][:-1]]
    assert refused(devices, seal(devices, signed_inner(devices, m, shorter))) == errors.CHANGED
    missing = [bodies[0]]
    assert refused(devices, seal(devices, signed_inner(devices, m, missing))) == errors.CHANGED
    extra = [*bodies, b"more"]
    assert refused(devices, seal(devices, signed_inner(devices, m, extra))) == errors.CHANGED


def test_a_manifest_naming_another_recipient_is_refused(devices):
    """Signed by the real device and encrypted to me, but the signed recipients are someone else:
    the bundle was re-encrypted to a coordinator it was not made for."""
    m = manifest_dict(devices, BODIES, recipient_key_fprs=[devices.other_coord.public().recipient_fpr])
    data = seal(devices, signed_inner(devices, m, [b for _, _, b in BODIES]))
    assert refused(devices, data) == errors.OTHER_RECIPIENT


def test_oversized_and_too_deep_input_is_refused(devices):
    bodies = [b for _, _, b in BODIES]
    m = manifest_dict(devices, BODIES)
    data = seal(devices, signed_inner(devices, m, bodies))
    assert refused(devices, data, limits=Limits(max_item_bytes=100)) == errors.TOO_LARGE
    assert refused(devices, data, limits=Limits(max_manifest_bytes=100)) == errors.TOO_LARGE
    assert refused(devices, data, limits=Limits(max_total_bytes=1000)) == errors.TOO_LARGE
    assert refused(devices, data, limits=Limits(max_items=1)) == errors.TOO_LARGE
    deep = canonical.dumps({**m, "app_version": "DEEP"}).replace(b'"DEEP"', b"[" * 5000 + b"]" * 5000)
    assert refused(devices, seal(devices, signed_inner(devices, deep, bodies))) == errors.TOO_LARGE
    # a length prefix claiming a huge manifest is refused at once, before anything is buffered
    huge = inner_stream(b"{}", b"", [])[:12] + (2**32 - 1).to_bytes(4, "big") + b"{" * 1000
    assert refused(devices, seal(devices, huge)) == errors.TOO_LARGE
    many = manifest_dict(devices, [(f"i{n}", "deletion", b"") for n in range(50)])
    assert refused(devices, seal(devices, signed_inner(devices, many, [b""] * 50)),
                   limits=Limits(max_items=49)) == errors.TOO_LARGE


def test_plaintext_that_is_not_a_bundle_is_refused(devices):
    for inner in [b"", b"WBBUNDLE", b"PK\x03\x04zipfile", b"WBBUNDLE\x00v2\n" + b"\x00" * 100,
                  inner_stream(b"not json", b"\x00" * 64, [])]:
        refused(devices, seal(devices, inner))
    assert refused(devices, seal(devices, b"WBBUNDLE\x00v2\n" + b"\x00" * 100)) == errors.NEWER_FORMAT
    for outer in [b"", b"age-encryption.org/v1\n", b"%PDF-1.7", b"\x00" * 1000]:
        assert refused(devices, outer) == errors.NOT_A_BUNDLE


def test_a_replayed_bundle_reads_the_same_so_the_caller_can_see_the_repeat(devices, bundle):
    """Sequence and replay are the importer's to judge (it knows what arrived before); the reader
    gives it the same bundle_id, seq and ciphertext hash both times to judge by."""
    a, b = read(devices, bundle), read(devices, bundle)
    assert (a.manifest.bundle_id, a.manifest.seq, a.ciphertext_sha256) == \
        (b.manifest.bundle_id, b.manifest.seq, b.ciphertext_sha256)
