"""A worker's laptop restored from a backup copy, sending to the coordinator: real vaults, a real
backup copy on a "stick" folder, real age, real bundles.

The story every test starts from: the old laptop sends, a backup copy is made, the old laptop sends
again after the copy, then dies; the copy is restored onto a new laptop. Without a hand-over the
restored vault numbers its next bundle as the old laptop's next after the copy, a number the
coordinator already has: it was refused as a copied laptop (an ALERT), and every bundle after it
as breaking the chain, so nothing made on the new laptop ever arrived.
"""

from __future__ import annotations

import dataclasses
import io
import shutil

import pytest

from desktop.cli import Context, run
from desktop.services import backups, transfer, vaults
from desktop.services.transfer_succession import OTHER_HISTORY, SECOND_SUCCESSOR
from desktop.transfer.bundle import bundle_file_name, write_bundle
from desktop.transfer.errors import NOT_ENROLLED
from desktop.transfer.keys import DeviceKeys
from desktop.transfer.succession import NOT_SIGNED_BY_OLD, make_succession, parse_succession
from desktop.vault import Vault
from desktop.vault.schema import SCHEMA_VERSION
from tests.factories import PASSPHRASE, make_interview
from tests.transfer_vaults import dump, make_pair


def _stick(tmp_path, name):
    d = tmp_path / "sticks" / name
    d.mkdir(parents=True)
    return d


def _send(vault, tmp_path, name):
    result = transfer.export_bundle(vault, _stick(tmp_path, name))
    assert result is not None
    return result


@dataclasses.dataclass
class Story:
    old: Vault
    coord: Vault
    copy: object
    before: object  # made before the copy, sent by the old laptop only after it
    after: object  # made and sent by the old laptop after the copy
    old_id: str
    first: object  # sent before the copy


def _story(tmp_path) -> Story:
    old, coord = make_pair(tmp_path)
    first = make_interview("Sent before the copy.")
    old.interviews.add(first)
    first_bundle = transfer.import_bundles(coord, _send(old, tmp_path, "1").path).bundles[0]
    assert first_bundle.status == "imported"
    assert transfer.import_receipt(old, first_bundle.receipt) == 1  # confirmed before the copy: not sent again
    before = make_interview("Typed before the copy, sent after it.")
    old.interviews.add(before)
    (tmp_path / "backup-stick").mkdir()
    made = backups.backup_to_folder(old, tmp_path / "backup-stick")
    after = make_interview("Typed and sent after the copy.")
    old.interviews.add(after)
    report = transfer.import_bundles(coord, _send(old, tmp_path, "2").path)
    assert [b.status for b in report.bundles] == ["imported"] and coord.interviews.count() == 3
    return Story(old, coord, made, before, after, transfer.public_keys(old).device_id, first)


def _restore(tmp_path, name="new-laptop") -> Vault:
    backups.restore_copy(tmp_path / "backup-stick", tmp_path / name, PASSPHRASE)
    return Vault.unlock(tmp_path / name, PASSPHRASE)


def test_restored_then_sending_new_interviews_arrive_and_old_ones_are_not_duplicated(tmp_path):
    s = _story(tmp_path)
    s.old.lock()  # the old laptop dies
    new = _restore(tmp_path)
    assert transfer.public_keys(new).device_id == s.old_id  # the copy brought the old keys
    fresh = make_interview("Typed on the restored laptop.")
    new.interviews.add(fresh)
    edited = dataclasses.replace(new.interviews.get(s.before.id), statement="Corrected on the restored laptop.")
    new.interviews.update(edited)

    sent = _send(new, tmp_path, "3")
    keys = transfer.public_keys(new)
    assert keys.device_id != s.old_id  # new keys before the first bundle
    assert sent.seq == 2 and sent.interviews == 2  # the copy knew bundle 1 only
    assert "restored from a backup" in sent.note and "bundle 1" in sent.note and keys.fingerprint in sent.note

    report = transfer.import_bundles(s.coord, sent.path)
    [outcome] = report.bundles
    assert outcome.status == "imported" and not outcome.alert, outcome.reason
    assert "restored from a backup" in outcome.note and "bundle 1" in outcome.note
    assert report.gaps == {}
    assert s.coord.interviews.count() == 4  # first, before, after, fresh: nothing twice
    assert s.coord.interviews.get(fresh.id) == new.interviews.get(fresh.id)
    assert s.coord.interviews.get(s.before.id).statement == "Corrected on the restored laptop."
    assert s.coord.interviews.exists(s.after.id)  # what the old laptop sent after the copy stays
    assert transfer.origin(s.coord, fresh.id) == keys.device_id
    assert "device.succession_accepted" in [e.action for e in s.coord.audit.entries()]
    assert s.coord.audit.verify()

    # the receipt marks them delivered on the restored laptop; the next bundle is an ordinary one
    assert transfer.import_receipt(new, outcome.receipt) == 2
    assert transfer.delivery(new, fresh.id) == "delivered"
    later = make_interview("The next week.")
    new.interviews.add(later)
    next_one = _send(new, tmp_path, "4")
    assert next_one.seq == 3 and next_one.note == ""
    report = transfer.import_bundles(s.coord, next_one.path)
    assert report.bundles[0].status == "imported" and report.bundles[0].note == "" and report.gaps == {}
    assert s.coord.interviews.count() == 5

    # the same bundle again changes nothing
    before = dump(s.coord)
    assert transfer.import_bundles(s.coord, sent.path).bundles[0].status == "already there"
    assert dump(s.coord) == before


def test_a_bundle_re_sending_what_the_coordinator_has_imports_idempotently(tmp_path):
    s = _story(tmp_path)
    s.old.lock()
    new = _restore(tmp_path)
    sent = _send(new, tmp_path, "3")  # only "before" again: the copy never saw it go
    assert sent.interviews == 1
    before = s.coord.interviews.get(s.before.id)
    outcome = transfer.import_bundles(s.coord, sent.path).bundles[0]
    assert outcome.status == "imported"
    assert s.coord.interviews.count() == 3 and s.coord.interviews.get(s.before.id) == before


def test_one_interview_edited_on_both_laptops_after_the_copy_keeps_both_edits(tmp_path):
    s = _story(tmp_path)
    first = s.first
    new = _restore(tmp_path)
    s.old.interviews.update(dataclasses.replace(s.old.interviews.get(first.id), statement="Old laptop's edit."))
    transfer.import_bundles(s.coord, _send(s.old, tmp_path, "old-3").path)
    new.interviews.update(dataclasses.replace(new.interviews.get(first.id), statement="Restored laptop's edit."))
    numbers = "SELECT revision FROM interviews WHERE id = ?"
    assert new.connection().execute(numbers, (first.id,)).fetchone() == (2,)  # one number on both laptops
    assert s.old.connection().execute(numbers, (first.id,)).fetchone() == (2,)
    assert transfer.import_bundles(s.coord, _send(new, tmp_path, "3").path).bundles[0].status == "imported"
    assert s.coord.interviews.get(first.id).statement == "Restored laptop's edit."
    assert s.coord.interviews.get_revision(first.id, 2).statement == "Old laptop's edit."
    assert s.coord.interviews.get_revision(first.id, 1).statement == "Sent before the copy."
    assert s.coord.interviews.count() == 3


def test_the_old_laptop_still_sending_after_the_restore_is_imported_and_flagged(tmp_path):
    s = _story(tmp_path)
    new = _restore(tmp_path)
    new.interviews.add(make_interview("Typed on the restored laptop."))
    assert transfer.import_bundles(s.coord, _send(new, tmp_path, "3").path).bundles[0].status == "imported"

    late = make_interview("Typed on the old laptop after all.")
    s.old.interviews.add(late)
    old_bundle = _send(s.old, tmp_path, "old-3")
    assert old_bundle.seq == 3 and old_bundle.note == ""
    outcome = transfer.import_bundles(s.coord, old_bundle.path).bundles[0]
    assert outcome.status == "imported" and "replaced" in outcome.note and "tell the coordinator" in outcome.note
    assert s.coord.interviews.exists(late.id)


def test_a_second_laptop_restored_from_the_same_copy_is_refused_and_nothing_is_half_applied(tmp_path):
    s = _story(tmp_path)
    s.old.lock()
    first = _restore(tmp_path, "first")
    first.interviews.add(make_interview("On the first restored laptop."))
    assert transfer.import_bundles(s.coord, _send(first, tmp_path, "a").path).bundles[0].status == "imported"

    second = _restore(tmp_path, "second")
    stray = make_interview("On the second restored laptop.")
    second.interviews.add(stray)
    bundle = _send(second, tmp_path, "b")
    before = dump(s.coord)
    peers = s.coord.transfer.peers()
    outcome = transfer.import_bundles(s.coord, bundle.path).bundles[0]
    assert outcome.status == "refused"
    assert outcome.reason == SECOND_SUCCESSOR.format(date=s.coord.transfer.successions()[0].accepted_at[:10])
    assert dump(s.coord) == before and s.coord.transfer.peers() == peers
    assert not s.coord.interviews.exists(stray.id)
    assert len(list((s.coord.directory / "quarantine").iterdir())) == 1


def test_a_copy_sent_from_without_the_hand_over_is_still_refused_as_a_copied_laptop(tmp_path):
    # a folder copied by hand, not restored through Witnessbox: nothing marks it, so the clone check stands
    s = _story(tmp_path)
    s.old.lock()
    shutil.copytree(s.copy.folder, tmp_path / "by-hand")
    clone = Vault.unlock(tmp_path / "by-hand", PASSPHRASE)
    clone.interviews.add(make_interview("On a copied laptop."))
    sent = _send(clone, tmp_path, "3")
    assert sent.seq == 2 and transfer.public_keys(clone).device_id == s.old_id
    outcome = transfer.import_bundles(s.coord, sent.path).bundles[0]
    assert outcome.status == "refused" and outcome.alert


def _forged_bundle(tmp_path, coord, sender: DeviceKeys, statement: bytes, *, seq: int, prev: str):
    path = _stick(tmp_path, "forged") / bundle_file_name()
    with open(path, "wb") as out:
        write_bundle(out, sender=sender, recipients=[transfer.public_keys(coord)], seq=seq, prev_sha256=prev,
                     items=[], app_version="0.1.0", schema_version=SCHEMA_VERSION, succession=statement)
    return path


def test_a_succession_signed_by_a_stranger_key_is_refused(tmp_path):
    s = _story(tmp_path)
    stranger, successor = DeviceKeys.generate("field"), DeviceKeys.generate("field")
    posing = dataclasses.replace(stranger, device_id=s.old_id)  # claims the enrolled laptop's id
    forged = make_succession(posing, successor, after_seq=2, after_sha256="c" * 64)
    path = _forged_bundle(tmp_path, s.coord, successor, forged, seq=3, prev="c" * 64)
    before, peers = dump(s.coord), s.coord.transfer.peers()
    outcome = transfer.import_bundles(s.coord, path).bundles[0]
    assert outcome.status == "refused" and outcome.reason == NOT_SIGNED_BY_OLD
    assert dump(s.coord) == before and s.coord.transfer.peers() == peers and s.coord.transfer.successions() == []

    # a stranger handing over from itself (a device nobody enrolled) is just not enrolled
    own = make_succession(stranger, successor, after_seq=0, after_sha256="")
    outcome = transfer.import_bundles(s.coord, _forged_bundle(tmp_path / "2", s.coord, successor, own, seq=1,
                                                              prev="")).bundles[0]
    assert outcome.status == "refused" and outcome.reason == NOT_ENROLLED


def test_a_hand_over_naming_another_history_than_the_old_laptops_is_refused(tmp_path):
    s = _story(tmp_path)
    old_keys = transfer.own_keys(s.old)
    successor = DeviceKeys.generate("field")
    statement = make_succession(old_keys, successor, after_seq=2, after_sha256="d" * 64)  # bundle 2 is not that
    path = _forged_bundle(tmp_path, s.coord, successor, statement, seq=3, prev="d" * 64)
    before = dump(s.coord)
    outcome = transfer.import_bundles(s.coord, path).bundles[0]
    assert outcome.status == "refused" and outcome.reason == OTHER_HISTORY
    assert dump(s.coord) == before and s.coord.transfer.successions() == []


def test_a_changed_byte_in_the_statement_is_refused(tmp_path):
    s = _story(tmp_path)
    successor = DeviceKeys.generate("field")
    good = make_succession(transfer.own_keys(s.old), successor, after_seq=0, after_sha256="")
    assert parse_succession(good).signed_by(transfer.public_keys(s.old))
    changed = good.replace(b'restored_utc\\":\\"20', b'restored_utc\\":\\"19')  # still well formed
    assert changed != good
    outcome = transfer.import_bundles(s.coord, _forged_bundle(tmp_path, s.coord, successor, changed, seq=10,
                                                              prev="e" * 64)).bundles[0]
    assert outcome.status == "refused" and outcome.reason == NOT_SIGNED_BY_OLD


def test_a_vault_rolled_back_to_its_own_backup_also_hands_over(tmp_path):
    old, coord = make_pair(tmp_path)
    old.interviews.add(make_interview("One."))
    old.backup_now("manual")
    transfer.import_bundles(coord, _send(old, tmp_path, "1").path)
    old.lock()
    vaults.restore_backup(tmp_path / "field", PASSPHRASE, force=True)
    back = Vault.unlock(tmp_path / "field", PASSPHRASE)
    back.interviews.add(make_interview("Two."))
    sent = _send(back, tmp_path, "2")
    assert sent.seq == 1 and "restored from a backup" in sent.note
    outcome = transfer.import_bundles(coord, sent.path).bundles[0]
    assert outcome.status == "imported" and coord.interviews.count() == 2, outcome.reason


@pytest.mark.parametrize("role", ["coordinator"])
def test_a_restored_coordinator_vault_is_not_marked(tmp_path, role):
    _, coord = make_pair(tmp_path)
    assert coord.transfer.mark_restored() is False and coord.transfer.restored() == (None, None)


def test_the_command_line_says_what_happened_on_both_sides(tmp_path, app_paths):
    s = _story(tmp_path)
    s.old.lock()
    s.coord.lock()
    passphrase_file = tmp_path / "pw.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")

    def cli(vault, *argv):
        out, err = io.StringIO(), io.StringIO()
        ctx = Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=err)
        code = run([*argv, "--vault", str(vault), "--passphrase-file", str(passphrase_file)], ctx)
        return code, out.getvalue(), err.getvalue()

    code, out, err = cli(tmp_path / "field-restored", "restore-copy", str(tmp_path / "backup-stick"))
    assert code == 0, err
    new = Vault.unlock(tmp_path / "field-restored", PASSPHRASE)
    new.interviews.add(make_interview("Typed on the restored laptop."))
    new.lock()
    stick = _stick(tmp_path, "cli")
    code, out, err = cli(tmp_path / "field-restored", "export-bundle", "--out", str(stick))
    assert code == 0, err
    assert "This laptop was restored from a backup" in out and "continue from bundle 1" in out
    [bundle] = stick.glob("WBB1-*.age")
    code, out, err = cli(tmp_path / "coord", "verify-bundle", str(bundle))
    assert code == 0 and "would import" in out and "This laptop was restored from a backup" in out, err
    code, out, err = cli(tmp_path / "coord", "import-bundle", str(stick))
    assert code == 0, err
    assert "imported" in out and "This laptop was restored from a backup" in out and "Refused" not in out
