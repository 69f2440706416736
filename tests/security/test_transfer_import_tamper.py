"""T20/T21 on a real coordinator vault: every damaged, forged or misdirected bundle is refused, the
vault is logically unchanged (a dump of its content tables compared), the copy is quarantined and
the refusal audited. The bundles are made by a real field vault, or hand-built and signed with real
keys (tests/transfer_kit.py) to reach the checks behind the signature."""

from __future__ import annotations

import hashlib
import types
from pathlib import Path

import pytest

from desktop.core.model import Interview
from desktop.services import transfer, transfer_import
from desktop.services import transfer_records as records
from desktop.transfer import canonical
from desktop.transfer import errors as bundle_errors
from desktop.transfer.keys import DeviceKeys
from desktop.transfer.receipt import interview_token, read_receipt
from tests.factories import make_interview
from tests.transfer_kit import manifest_dict, seal, signed_inner
from tests.transfer_vaults import dump, make_pair

STEP = 4096
PREV = "ab" * 32  # seq 7 follows a bundle not here yet (a gap, which is accepted)


@pytest.fixture
def pair(tmp_path):
    field, coord = make_pair(tmp_path)
    field.interviews.add(make_interview("Already at the coordinator."))
    first = transfer.export_bundle(field, _dir(tmp_path / "first"))
    assert transfer.import_bundles(coord, first.path).bundles[0].status == "imported"
    iv = make_interview("The second bundle's interview.")
    field.interviews.add(iv)
    field.attachments.add(iv.id, bytes(range(256)) * 60, "letter.jpg", "image/jpeg")
    second = transfer.export_bundle(field, _dir(tmp_path / "second"))
    yield field, coord, second.path.read_bytes()
    field.lock()
    coord.lock()


def _dir(path):
    path.mkdir(parents=True, exist_ok=True)
    return path


def _refused(coord, tmp_path, data: bytes, name: str = "WBB1-" + "e" * 32 + ".age", *,
             receipt_naming: str | None = None) -> str:
    """Import ``data`` as a bundle file; assert it was refused and left no trace but its record. A bundle
    refused for one interview's record (``receipt_naming`` its id) gets a signed "refused" receipt naming
    only that interview, so the worker can hold it back; every other refusal writes nothing on the stick."""
    folder = _dir(tmp_path / "tampered" / hashlib.sha256(data).hexdigest()[:12])
    path = folder / name
    path.write_bytes(data)
    before = dump(coord)
    audit_before = len(coord.audit.entries())
    coord_keys = transfer.public_keys(coord)
    [outcome] = transfer.import_bundles(coord, path).bundles
    assert outcome.status == "refused" and outcome.reason
    assert dump(coord) == before
    assert (coord.directory / "quarantine" / name).exists()
    (coord.directory / "quarantine" / name).unlink()  # the next case may use the same name
    actions = [e.action for e in coord.audit.entries()[audit_before:]]
    assert "bundle.refused" in actions and coord.audit.verify()
    if receipt_naming is None:
        assert outcome.receipt is None
        assert list(folder.iterdir()) == [path]  # no receipt, the stick's file untouched
    else:
        receipt = read_receipt(Path(outcome.receipt).read_bytes(), {coord_keys.device_id: coord_keys})
        assert receipt.status == "refused" and receipt.bundle_id == outcome.bundle_id
        assert receipt.refused_interviews == (interview_token(outcome.bundle_id, receipt_naming),)
        assert sorted(folder.iterdir()) == sorted([path, Path(outcome.receipt)])  # the stick's file untouched
        Path(outcome.receipt).unlink()
        assert "could not be accepted" in outcome.reason and "Nothing from this bundle was imported" in outcome.reason
    assert not list((coord.directory / "staging").iterdir())
    return outcome.reason


def test_a_flipped_byte_anywhere_is_refused(pair, tmp_path):
    _field, coord, data = pair
    for at in (5, 60, 200, len(data) // 3, len(data) // 2, len(data) - 20, len(data) - 1):
        spoiled = bytearray(data)
        spoiled[at] ^= 0x40
        _refused(coord, tmp_path, bytes(spoiled))


def test_truncation_at_every_4_kib_boundary_and_appended_junk_are_refused(pair, tmp_path):
    _field, coord, data = pair
    cuts = list(range(STEP, len(data), STEP)) + [len(data) - 1, 10]
    for cut in cuts:
        _refused(coord, tmp_path, data[:cut])
    _refused(coord, tmp_path, data + b"\x00" * 17)
    _refused(coord, tmp_path, b"")


def _devices(field, coord):
    return types.SimpleNamespace(field=transfer.own_keys(field), coord=transfer.own_keys(coord))


def _interview_body(iv: Interview) -> bytes:
    return records.interview_record(iv, 1, [])


def test_forged_misdirected_and_schema_breaking_bundles_are_refused(pair, tmp_path):
    field, coord, _data = pair
    devices = _devices(field, coord)
    iv = make_interview("Forged.")
    body = _interview_body(iv)
    bodies = [(f"iv-{iv.id}", "interview", body)]

    # a valid manifest signed by a key nobody enrolled
    stranger = DeviceKeys.generate("field")
    forged = manifest_dict(devices, bodies, seq=7, prev_bundle_sha256=PREV)
    reason = _refused(coord, tmp_path, seal(devices, signed_inner(devices, forged, [body], signer=stranger)))
    assert reason == bundle_errors.WRONG_SIGNER

    # signed by the enrolled device but naming another coordinator
    other = DeviceKeys.generate("coordinator").public()
    reason = _refused(coord, tmp_path, seal(devices, signed_inner(devices, manifest_dict(
        devices, bodies, seq=7, prev_bundle_sha256=PREV, recipient_key_fprs=[other.recipient_fpr]), [body])))
    assert reason == bundle_errors.OTHER_RECIPIENT

    # correctly signed, but a record that breaks the record format: an unknown field, a wrong type
    for change in ({"unexpected": "field"}, {"interpreter_used": "yes"}, {"force": "atlantis"}):
        d = iv.to_dict() | change
        bad = canonical.dumps({"attachments": [], "interview": d, "revision": 1})
        bad_items = [(f"iv-{iv.id}", "interview", bad)]
        reason = _refused(coord, tmp_path, seal(devices, signed_inner(devices, manifest_dict(
            devices, bad_items, seq=7, prev_bundle_sha256=PREV), [bad])), receipt_naming=iv.id)
        assert reason.startswith(transfer_import.records_refused(1))  # was records.BAD_RECORD, with no receipt

    # a whole, correctly signed bundle whose last item breaks the format: the first is not kept either
    bad = b'{"deleted_at":"yesterday","interview_id":"' + iv.id.encode() + b'"}'
    items = [*bodies, (f"del-{iv.id}", "deletion", bad)]
    whole = manifest_dict(devices, items, seq=7, prev_bundle_sha256=PREV)
    reason = _refused(coord, tmp_path, seal(devices, signed_inner(devices, whole, [body, bad])),
                      receipt_naming=iv.id)
    assert reason.startswith(transfer_import.records_refused(1))  # was records.BAD_RECORD, with no receipt
    assert not coord.interviews.exists(iv.id)


def test_a_bundle_that_breaks_the_chain_is_refused(pair, tmp_path):
    field, coord, _data = pair
    devices = _devices(field, coord)
    iv = make_interview("Claims to follow bundle 1.")
    body = _interview_body(iv)
    bodies = [(f"iv-{iv.id}", "interview", body)]
    # seq 2 whose previous-bundle hash is not the hash of the bundle 1 imported
    reason = _refused(coord, tmp_path, seal(devices, signed_inner(devices, manifest_dict(
        devices, bodies, seq=2, prev_bundle_sha256="ab" * 32), [body])))
    assert "does not follow on" in reason


def test_the_hand_built_bundles_above_import_when_nothing_is_wrong(pair, tmp_path):
    """The control for the cases above: the same hand-built bundle, signed by the enrolled device,
    for this coordinator, with a good record, imports (so each refusal above is its own fault's)."""
    field, coord, _data = pair
    devices = _devices(field, coord)
    iv = make_interview("Hand-built and sound.")
    body = _interview_body(iv)
    manifest = manifest_dict(devices, [(f"iv-{iv.id}", "interview", body)], seq=7, prev_bundle_sha256=PREV)
    path = _dir(tmp_path / "good") / ("WBB1-" + "f" * 32 + ".age")
    path.write_bytes(seal(devices, signed_inner(devices, manifest, [body])))
    report = transfer.import_bundles(coord, path)
    assert [b.status for b in report.bundles] == ["imported"]
    assert coord.interviews.get(iv.id) == iv
    assert report.gaps == {devices.field.device_id: [2, 3, 4, 5, 6]}
