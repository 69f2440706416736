"""Bundles: the round trip, who can read them, the streaming reader's contract (real age, real keys)."""

from __future__ import annotations

import hashlib
import io
import json
import re

import pyrage
import pytest

from desktop.transfer import errors
from desktop.transfer.bundle import (
    MAGIC,
    Item,
    bundle_file_name,
    is_bundle_file_name,
    read_bundle,
    write_bundle,
)
from desktop.transfer.errors import BundleRefused, BundleWriteFailed
from desktop.transfer.manifest import KINDS, Limits, Manifest
from tests.transfer_kit import Devices, make_bundle, read, sample_items


@pytest.fixture(scope="module")
def devices() -> Devices:
    return Devices()


def test_round_trip_is_byte_identical_and_the_manifest_says_what_was_sent(devices, tmp_path):
    att = tmp_path / "photo.jpg"
    att.write_bytes(bytes(range(256)) * 4000 + b"tail")
    items = [*sample_items(), Item.of_path("att-2", "attachment", att)]
    out = io.BytesIO()
    w = write_bundle(out, sender=devices.field, recipients=[devices.coord.public()], seq=4,
                     prev_sha256="ab" * 32, items=items, app_version="0.1.0", schema_version=3)
    data = out.getvalue()
    assert w.size == len(data) and w.ciphertext_sha256 == hashlib.sha256(data).hexdigest()
    got = read(devices, data)
    assert [(i.id, i.kind, i.data) for i in got.items] == [
        (i.id, i.kind, i.source if isinstance(i.source, bytes) else att.read_bytes()) for i in items]
    m = got.manifest
    assert m == w.manifest
    assert (m.seq, m.prev_bundle_sha256, m.schema_version, m.app_version) == (4, "ab" * 32, 3, "0.1.0")
    assert m.sender_device_id == devices.field.device_id and re.fullmatch(r"[0-9a-f]{32}", m.bundle_id)
    assert m.recipient_key_fprs == (devices.coord.public().recipient_fpr,)
    assert got.ciphertext_sha256 == w.ciphertext_sha256 and got.size == len(data)
    assert {e.kind for e in m.items} == set(KINDS)
    assert data.startswith(b"age-encryption.org/v1\n")
    assert b"X25519" in data.split(b"\n--- ")[0] and b"scrypt" not in data


def test_nothing_readable_outside_the_envelope(devices):
    record = b'{"statement":"Amina Farouk was threatened"}'
    data = make_bundle(devices, [Item.of_bytes("iv-9", "interview", record)])
    for needle in [b"Amina", b"iv-9", b"interview", MAGIC, devices.field.device_id.encode()]:
        assert needle not in data


def test_the_sender_cannot_decrypt_its_own_bundle(devices):
    data = make_bundle(devices)
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(data, [devices.field.age_identity])
    with pytest.raises(BundleRefused) as e:
        read_bundle(io.BytesIO(data), me=devices.field, pinned=devices.pinned)
    assert str(e.value) == errors.OTHER_RECIPIENT


def test_another_coordinator_cannot_read_it(devices):
    data = make_bundle(devices)
    with pytest.raises(BundleRefused) as e:
        read_bundle(io.BytesIO(data), me=devices.other_coord, pinned=devices.pinned)
    assert str(e.value) == errors.OTHER_RECIPIENT


def test_an_unenrolled_device_is_refused(devices):
    data = make_bundle(devices)
    with pytest.raises(BundleRefused) as e:
        read(devices, data, pinned={devices.coord.device_id: devices.coord.public()})
    assert str(e.value) == errors.NOT_ENROLLED


def test_a_device_pinned_with_other_keys_is_refused(devices):
    """The device id is known, but the pinned signing key is not the one that signed."""
    data = make_bundle(devices)
    impostor = Devices().field.public()
    pinned = {devices.field.device_id: impostor.__class__(devices.field.device_id, "field",
                                                          impostor.age_recipient, impostor.sig_public_key)}
    with pytest.raises(BundleRefused) as e:
        read(devices, data, pinned=pinned)
    assert str(e.value) == errors.WRONG_SIGNER


def test_two_recipients_can_each_read_and_both_are_in_the_signed_manifest(devices):
    out = io.BytesIO()
    write_bundle(out, sender=devices.field, recipients=[devices.coord.public(), devices.other_coord.public()],
                 seq=1, prev_sha256="", items=sample_items(1000), app_version="0.1.0", schema_version=1)
    a = read(devices, out.getvalue())
    b = read_bundle(io.BytesIO(out.getvalue()), me=devices.other_coord, pinned=devices.pinned)
    assert a.manifest.recipient_key_fprs == b.manifest.recipient_key_fprs and len(a.manifest.recipient_key_fprs) == 2


def test_bundles_are_made_only_for_coordinators_other_than_the_sender(devices):
    for recipients in ([], [devices.field.public()], [Devices().field.public()]):
        with pytest.raises(BundleWriteFailed):
            write_bundle(io.BytesIO(), sender=devices.field, recipients=recipients, seq=1, prev_sha256="",
                         items=[], app_version="0.1.0", schema_version=1)


def test_an_empty_bundle_round_trips(devices):
    got = read(devices, make_bundle(devices, []))
    assert got.items == () and got.manifest.items == ()


def test_file_names_are_fat_safe_random_and_recognised():
    names = {bundle_file_name() for _ in range(50)}
    assert len(names) == 50
    for name in names:
        assert re.fullmatch(r"WBB1-[0-9a-f]{32}\.age", name) and is_bundle_file_name(name)
    assert is_bundle_file_name(next(iter(names)).upper().replace(".AGE", ".age"))
    for bad in ["WBB1-abc.age", "WBB1-" + "0" * 32 + ".age.part", "._WBB1-" + "0" * 32 + ".age"]:
        assert not is_bundle_file_name(bad)


def test_an_item_that_changes_between_the_two_passes_stops_the_write(devices, tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"first version")
    opened = []

    def source():
        opened.append(1)
        if len(opened) == 2:
            path.write_bytes(b"second version")
        return open(path, "rb")

    with pytest.raises(BundleWriteFailed):
        write_bundle(io.BytesIO(), sender=devices.field, recipients=[devices.coord.public()], seq=1,
                     prev_sha256="", items=[Item("att-1", "attachment", source)], app_version="0.1.0",
                     schema_version=1)


def test_a_write_error_of_the_output_comes_out_as_itself(devices):
    class Full(io.RawIOBase):
        def writable(self):
            return True

        def write(self, b):
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError) as e:
        write_bundle(Full(), sender=devices.field, recipients=[devices.coord.public()], seq=1, prev_sha256="",
                     items=sample_items(), app_version="0.1.0", schema_version=1)
    assert e.value.errno == 28


def test_bad_arguments_are_programming_errors(devices):
    for item in [Item.of_bytes("bad id!", "interview", b"{}"), Item.of_bytes("x", "photo", b"")]:
        with pytest.raises(ValueError):
            write_bundle(io.BytesIO(), sender=devices.field, recipients=[devices.coord.public()], seq=1,
                         prev_sha256="", items=[item], app_version="0.1.0", schema_version=1)
    with pytest.raises(BundleWriteFailed):  # seq 2 needs the previous bundle's hash
        write_bundle(io.BytesIO(), sender=devices.field, recipients=[devices.coord.public()], seq=2,
                     prev_sha256="", items=[], app_version="0.1.0", schema_version=1)


def test_items_are_staged_through_on_item_and_the_verdict_comes_only_at_the_end(devices):
    data = make_bundle(devices)
    seen, manifests = [], []
    got = read(devices, data, on_manifest=manifests.append, on_item=seen.append)
    assert got.items == () and [i.id for i in seen] == [e.id for e in got.manifest.items]
    assert manifests == [got.manifest]
    # the last age chunk cut off: the items already handed over were staged, yet the read is refused
    staged = []
    with pytest.raises(BundleRefused) as e:
        read(devices, data[:-1], on_item=staged.append)
    assert staged and str(e.value) == errors.CHANGED


def test_callbacks_may_refuse_and_their_own_errors_pass_through(devices):
    data = make_bundle(devices)

    def refuse_schema(item):
        raise BundleRefused("A record in this bundle does not follow the interview format.")

    with pytest.raises(BundleRefused, match="does not follow"):
        read(devices, data, on_item=refuse_schema)

    class DatabaseFull(Exception):
        pass

    def db_full(manifest):
        raise DatabaseFull()

    with pytest.raises(DatabaseFull):
        read(devices, data, on_manifest=db_full)


def test_read_errors_of_the_stick_are_a_plain_refusal(devices):
    data = make_bundle(devices)

    class Pulled(io.RawIOBase):
        def __init__(self):
            self.pos = 0

        def readable(self):
            return True

        def read(self, n=-1):
            if self.pos > 40_000:
                raise OSError(5, "Input/output error")
            chunk = data[self.pos:self.pos + n]
            self.pos += len(chunk)
            return chunk

    with pytest.raises(BundleRefused) as e:
        read_bundle(Pulled(), me=devices.coord, pinned=devices.pinned)
    assert str(e.value) == errors.UNREADABLE


def test_limits_refuse_what_is_too_big(devices):
    data = make_bundle(devices)
    for limits in [Limits(max_item_bytes=1000), Limits(max_items=2), Limits(max_total_bytes=10_000),
                   Limits(max_manifest_bytes=200)]:
        with pytest.raises(BundleRefused) as e:
            read(devices, data, limits=limits)
        assert str(e.value) == errors.TOO_LARGE, limits
    with pytest.raises(BundleWriteFailed):
        write_bundle(io.BytesIO(), sender=devices.field, recipients=[devices.coord.public()], seq=1,
                     prev_sha256="", items=sample_items(), app_version="0.1.0", schema_version=1,
                     limits=Limits(max_item_bytes=1000))


def test_manifest_parse_is_strict_about_every_field(devices):
    good = read(devices, make_bundle(devices)).manifest
    base = json.loads(good.to_bytes())
    assert Manifest.parse(good.to_bytes(), Limits()) == good
    spoilers = [
        {"surplus": 1}, {"format_version": 0}, {"seq": 0}, {"seq": True}, {"seq": "1"},
        {"bundle_id": "0" * 32}, {"bundle_id": good.bundle_id.upper()}, {"created_utc": "2026-13-01T00:00:00Z"},
        {"created_utc": "yesterday"}, {"prev_bundle_sha256": "ab" * 32}, {"seq": 2},
        {"recipient_key_fprs": []}, {"recipient_key_fprs": ["ab" * 32, "ab" * 32]}, {"app_version": ""},
        {"schema_version": 0}, {"items": [{"id": "a", "kind": "photo", "sha256": "00" * 32, "size": 1}]},
        {"items": [{"id": "a", "kind": "interview", "sha256": "00" * 32, "size": -1}]},
        {"items": [{"id": "a", "kind": "interview", "sha256": "00" * 32, "size": 1, "name": "x"}]},
        {"items": [{"id": "a", "kind": "interview", "sha256": "00" * 32, "size": 1}] * 2},
        {"items": {"a": 1}},
    ]
    for change in spoilers:
        raw = json.dumps({**base, **change}, sort_keys=True, separators=(",", ":")).encode()
        with pytest.raises(BundleRefused):
            Manifest.parse(raw, Limits())
    with pytest.raises(BundleRefused) as e:
        Manifest.parse(json.dumps({**base, "format_version": 2}, sort_keys=True, separators=(",", ":")).encode(),
                       Limits())
    assert str(e.value) == errors.NEWER_FORMAT
    missing = {k: v for k, v in base.items() if k != "app_version"}
    with pytest.raises(BundleRefused):
        Manifest.parse(json.dumps(missing, sort_keys=True, separators=(",", ":")).encode(), Limits())
