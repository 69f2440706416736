"""USB transfer through the services (T18, T19, T21, receipts, roles, enrolment, recovery), with real
vaults, real age and real files: field -> stick folder -> coordinator -> receipt -> field."""

from __future__ import annotations

import dataclasses
import io
import threading
from datetime import date

import pyrage
import pytest

from desktop.core.model import ConsentUse
from desktop.services import transfer
from desktop.services.errors import Refused
from desktop.services.interviews import delete_interview, withdraw_consent
from desktop.transfer.bundle import read_bundle
from desktop.transfer.errors import BundleRefused
from desktop.transfer.keys import DeviceKeys
from desktop.vault import Vault, WrongPassphrase
from tests.factories import FAST_KDF, PASSPHRASE, make_interview, new_vault
from tests.transfer_vaults import dump, make_pair

PHOTO = bytes(range(256)) * 400 + b"\x00end"


def _stick(tmp_path):
    d = tmp_path / "stick"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _full_record(field):
    iv = make_interview("Officers asked for my passport at the station.")
    field.interviews.add(iv)
    field.attachments.add(iv.id, PHOTO, "letter.jpg", "image/jpeg")
    field.redaction.save_decisions(iv.id, {"version": 1, "decisions": [{"kind": "keep", "reason": "town"}]})
    return iv


def test_round_trip_arrives_byte_identical_and_the_receipt_marks_it_delivered(tmp_path):
    field, coord = make_pair(tmp_path)
    iv = _full_record(field)
    stick = _stick(tmp_path)
    result = transfer.export_bundle(field, stick)
    assert result is not None and result.path.parent == stick.resolve() and result.interviews == 1
    assert transfer.delivery(field, iv.id) == "sent, awaiting receipt"
    assert transfer.export_bundle(field, stick) is None  # nothing changed: nothing to send

    report = transfer.import_bundles(coord, stick)
    assert [b.status for b in report.bundles] == ["imported"] and report.gaps == {}
    assert coord.interviews.get(iv.id) == field.interviews.get(iv.id)
    [att] = coord.attachments.list(iv.id)
    assert coord.attachments.get_bytes(att.id) == PHOTO
    assert att == field.attachments.list(iv.id)[0]
    assert coord.redaction.load_decisions(iv.id) == field.redaction.load_decisions(iv.id)
    assert transfer.origin(coord, iv.id) == transfer.public_keys(field).device_id
    assert not list(coord.directory.joinpath("staging").iterdir())

    receipt = report.bundles[0].receipt
    assert receipt is not None
    assert transfer.import_receipt(field, receipt) == 1
    assert transfer.delivery(field, iv.id) == "delivered"
    actions = [e.action for e in coord.audit.entries()]
    assert "bundle.imported" in actions and coord.audit.verify()


def test_withdrawal_and_deletion_after_the_first_bundle_reach_the_coordinator_in_the_second(tmp_path):
    field, coord = make_pair(tmp_path)
    kept, gone = make_interview("Kept."), make_interview("To be deleted.")
    field.interviews.add(kept)
    field.interviews.add(gone)
    stick = _stick(tmp_path)
    transfer.export_bundle(field, stick)
    transfer.import_bundles(coord, stick)
    assert coord.interviews.get(kept.id).has_consent(ConsentUse.COMPLAINT)

    withdraw_consent(field, kept.id, ConsentUse.COMPLAINT, on=date(2026, 2, 1), by="Sam")
    delete_interview(field, gone.id)
    second = transfer.export_bundle(field, _stick(tmp_path / "2"))
    assert second is not None and (second.seq, second.interviews, second.deletions) == (2, 1, 1)
    report = transfer.import_bundles(coord, second.path)
    assert report.bundles[0].status == "imported" and report.bundles[0].deletions == 1
    assert not coord.interviews.get(kept.id).has_consent(ConsentUse.COMPLAINT)
    assert not coord.interviews.exists(gone.id)
    # the first bundle again (a replay): a no-op, the deleted interview stays deleted
    before = dump(coord)
    again = transfer.import_bundles(coord, stick)
    assert [b.status for b in again.bundles] == ["already there"]
    assert dump(coord) == before


def test_the_sender_cannot_read_its_own_bundle(tmp_path):
    field, coord = make_pair(tmp_path)
    _full_record(field)
    result = transfer.export_bundle(field, _stick(tmp_path))
    data = result.path.read_bytes()
    me = transfer.own_keys(field)
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(data, [me.age_identity])
    with pytest.raises(BundleRefused):
        read_bundle(io.BytesIO(data), me=me, pinned={me.device_id: me.public()})
    assert b"passport" not in data and b"Amina" not in data


def test_an_unenrolled_devices_bundle_is_refused_quarantined_and_audited(tmp_path):
    field, coord = make_pair(tmp_path)
    stranger = new_vault(tmp_path / "stranger")
    transfer.set_role(stranger, "field")
    ckeys = transfer.public_keys(coord)
    transfer.enrol(stranger, ckeys.to_json(), ckeys.fingerprint)
    stranger.interviews.add(make_interview("From a laptop nobody enrolled."))
    result = transfer.export_bundle(stranger, _stick(tmp_path))
    before = dump(coord)
    report = transfer.import_bundles(coord, result.path)
    [outcome] = report.bundles
    assert outcome.status == "refused" and "not enrolled" in outcome.reason
    assert outcome.receipt is None
    assert dump(coord) == before
    assert (coord.directory / "quarantine" / result.path.name).exists()
    assert result.path.exists()  # the stick's own file is left alone
    assert "bundle.refused" in [e.action for e in coord.audit.entries()]


def test_a_fork_two_bundles_with_one_sequence_number_is_refused_with_an_alert(tmp_path):
    field, coord = make_pair(tmp_path)
    field.interviews.add(make_interview("One."))
    clone_dir = tmp_path / "clone"
    import shutil

    field.lock()
    shutil.copytree(tmp_path / "field", clone_dir)  # a copied laptop
    field = Vault.unlock(tmp_path / "field", PASSPHRASE)
    clone = Vault.unlock(clone_dir, PASSPHRASE)
    a = transfer.export_bundle(field, _stick(tmp_path / "a"))
    clone.interviews.add(make_interview("Two."))
    b = transfer.export_bundle(clone, _stick(tmp_path / "b"))
    assert a.seq == b.seq == 1
    assert transfer.import_bundles(coord, a.path).bundles[0].status == "imported"
    before = dump(coord)
    assert transfer.verify_bundle(coord, b.path).alert
    outcome = transfer.import_bundles(coord, b.path).bundles[0]
    assert outcome.status == "refused" and outcome.alert and "ALERT" in outcome.reason
    assert dump(coord) == before
    assert "bundle.fork_alert" in [e.action for e in coord.audit.entries()]


def test_out_of_order_bundles_are_accepted_and_the_gap_is_shown_until_filled(tmp_path):
    field, coord = make_pair(tmp_path)
    iv = make_interview("Version one.")
    field.interviews.add(iv)
    first = transfer.export_bundle(field, _stick(tmp_path / "1"))
    field.interviews.update(dataclasses.replace(field.interviews.get(iv.id), statement="Version two."))
    second = transfer.export_bundle(field, _stick(tmp_path / "2"))
    device = transfer.public_keys(field).device_id
    assert transfer.verify_bundle(coord, second.path).status == "imported"
    assert dump(coord)["interviews"] == []  # verify changed nothing
    assert transfer.import_bundles(coord, second.path).gaps == {device: [1]}
    assert transfer.import_bundles(coord, first.path).gaps == {}
    assert coord.interviews.get(iv.id).statement == "Version two."
    assert coord.interviews.get_revision(iv.id, 1).statement == "Version one."


def test_a_coordinator_restored_from_its_key_backup_imports_a_bundle_made_before_the_loss(tmp_path):
    field, coord = make_pair(tmp_path)
    iv = _full_record(field)
    backup = transfer.write_key_backup(coord, tmp_path / "keys.age", "a separate recovery phrase")
    result = transfer.export_bundle(field, _stick(tmp_path))
    coord.lock()  # the laptop dies
    with pytest.raises(Refused):
        transfer.restore_coordinator_keys(new_vault(tmp_path / "x"), backup.read_bytes(), "wrong phrase")
    fresh = new_vault(tmp_path / "new-coord")
    transfer.restore_coordinator_keys(fresh, backup.read_bytes(), "a separate recovery phrase")
    fkeys = transfer.public_keys(field)
    transfer.enrol(fresh, fkeys.to_json(), fkeys.fingerprint)
    assert transfer.import_bundles(fresh, result.path).bundles[0].status == "imported"
    assert fresh.interviews.get(iv.id) == field.interviews.get(iv.id)


def test_enrolment_pins_only_when_the_typed_fingerprint_matches(tmp_path):
    field = new_vault(tmp_path / "field")
    coord = new_vault(tmp_path / "coord")
    transfer.set_role(coord, "coordinator")
    ckeys = transfer.public_keys(coord)
    other = DeviceKeys.generate("coordinator").public()
    with pytest.raises(Refused, match="does not match"):
        transfer.enrol(field, ckeys.to_json(), other.fingerprint)
    assert field.transfer.peers() == []
    assert transfer.role(field) == "field"  # keys made at first need, as a field vault
    with pytest.raises(Refused, match="own enrolment file"):
        transfer.enrol(field, transfer.public_keys(field).to_json(), transfer.public_keys(field).fingerprint)
    transfer.enrol(field, ckeys.to_json(), ckeys.fingerprint.lower().replace("o", "0"))
    assert [p.device_id for p in field.transfer.peers()] == [ckeys.device_id]
    with pytest.raises(Refused, match="Only a field vault"):
        transfer.export_bundle(coord, _stick(tmp_path))


def test_recovery_allowed_at_enrolment_lets_the_coordinator_reopen_a_forgotten_vault(tmp_path):
    field, coord = make_pair(tmp_path, allow_recovery=True)
    iv = make_interview()
    field.interviews.add(iv)
    field.lock()
    with pytest.raises(Refused):
        transfer.recover_vault(coord, tmp_path / "field", "short", kdf=FAST_KDF)
    transfer.recover_vault(coord, tmp_path / "field", "a brand new passphrase", kdf=FAST_KDF)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(tmp_path / "field", PASSPHRASE)
    v = Vault.unlock(tmp_path / "field", "a brand new passphrase")
    assert v.interviews.exists(iv.id)
    v.lock()
    other = new_vault(tmp_path / "other-coord")
    transfer.set_role(other, "coordinator")
    with pytest.raises(Exception, match="does not open"):
        transfer.recover_vault(other, tmp_path / "field", "another new passphrase", kdf=FAST_KDF)


def test_cancel_and_a_full_stick_mark_nothing_sent_and_leave_no_file(tmp_path):
    field, coord = make_pair(tmp_path)
    iv = _full_record(field)
    stick = _stick(tmp_path)
    cancel = threading.Event()
    seen = []

    def progress(done, total):
        seen.append((done, total))
        if done == 2:
            cancel.set()

    with pytest.raises(transfer.Cancelled):
        transfer.export_bundle(field, stick, progress=progress, cancel=cancel)
    assert list(stick.iterdir()) == [] and transfer.delivery(field, iv.id) == "not sent"
    result = transfer.export_bundle(field, stick, progress=lambda d, t: seen.append((d, t)))
    assert result.seq == 1  # the cancelled bundle's number is used again
    assert seen[-1][0] == seen[-1][1]


def test_an_interview_the_coordinator_deleted_is_not_brought_back_by_a_later_bundle(tmp_path):
    field, coord = make_pair(tmp_path)
    iv = make_interview("The interviewee asked the coordinator to remove it.")
    field.interviews.add(iv)
    transfer.import_bundles(coord, transfer.export_bundle(field, _stick(tmp_path / "1")).path)
    delete_interview(coord, iv.id)
    field.interviews.update(dataclasses.replace(field.interviews.get(iv.id), statement="Edited later."))
    report = transfer.import_bundles(coord, transfer.export_bundle(field, _stick(tmp_path / "2")).path)
    assert report.bundles[0].status == "imported"
    assert not coord.interviews.exists(iv.id)


def test_a_folder_with_an_unreadable_bundle_still_imports_the_others(tmp_path):
    field, coord = make_pair(tmp_path)
    field.interviews.add(make_interview())
    stick = _stick(tmp_path)
    good = transfer.export_bundle(field, stick)
    (stick / ("WBB1-" + "0" * 32 + ".age")).mkdir()  # not a file: list_stick skips it
    unreadable = stick / ("WBB1-" + "1" * 32 + ".age")
    unreadable.write_bytes(b"x")
    unreadable.chmod(0)
    try:
        report = transfer.import_bundles(coord, stick)
    finally:
        unreadable.chmod(0o600)
    statuses = {b.file: b.status for b in report.bundles}
    assert statuses[good.path.name] == "imported"
    assert statuses[unreadable.name] == "refused"  # unreadable, or (for root) not a bundle
