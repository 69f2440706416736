"""Interviews sent in a bundle the coordinator never imported are sent again, so they cannot stay
"sent, awaiting receipt" for ever.

A laptop restored from a copy that shows interviews as sent in a bundle lost with the old laptop (or
one that never left it) used to send only what changed since: those interviews never went again. Now
the first bundle after a hand-over to new keys sends again everything not yet confirmed by a receipt,
and so does any bundle once the coordinator's receipts show that an earlier bundle never arrived. The
coordinator's import is idempotent, so nothing is counted twice. Real vaults, real backup copies on
"stick" folders, real bundles and receipts.
"""

from __future__ import annotations

import io
import json
import re

from desktop.cli import Context, run
from desktop.services import backups, transfer
from desktop.vault import Vault
from tests.factories import PASSPHRASE, make_interview
from tests.transfer_vaults import dump, make_pair
from tests.transfer_vaults import send_bundle as _send


def _import(coord, sent):
    outcome = transfer.import_bundles(coord, sent.path).bundles[0]
    assert outcome.status == "imported", outcome.reason
    return outcome


def _copy_and_restore(vault, tmp_path, name) -> Vault:
    """A backup copy of ``vault`` on a stick, restored onto a new laptop (the old one is not used again)."""
    (tmp_path / f"backup-{name}").mkdir()
    backups.backup_to_folder(vault, tmp_path / f"backup-{name}")
    vault.lock()
    backups.restore_copy(tmp_path / f"backup-{name}", tmp_path / name, PASSPHRASE)
    return Vault.unlock(tmp_path / name, PASSPHRASE)


def _says_why(note: str, count: str, why: str) -> None:
    assert count in note and "sent again" in note and why in note, note
    assert "counted twice" in note or "keeps each" in note
    assert not re.search(r"\b[0-9a-f]{16,}\b", note)  # no key, bundle id or interview id


def test_an_interview_in_a_bundle_lost_with_the_old_laptop_is_sent_again_after_the_restore(tmp_path):
    old, coord = make_pair(tmp_path)
    delivered = make_interview("Delivered before the copy.")
    old.interviews.add(delivered)
    assert transfer.import_receipt(old, _import(coord, _send(old, tmp_path, "old-1")).receipt) == 1
    lost = make_interview("Sent in the bundle lost with the old laptop.")
    old.interviews.add(lost)
    _send(old, tmp_path, "old-2")  # the stick never reaches the coordinator
    gone = delivered.id
    old.interviews.delete(gone)  # a deletion that travelled in a bundle lost too
    _send(old, tmp_path, "old-3")
    new = _copy_and_restore(old, tmp_path, "new")
    assert transfer.delivery(new, lost.id) == "sent, awaiting receipt"
    assert lost.id not in [i for i, _at, _same in new.transfer.delivered()]  # not purgeable before its receipt

    sent = _send(new, tmp_path, "new-4")  # nothing changed here since the copy: only what was never confirmed
    assert (sent.interviews, sent.deletions) == (1, 1)
    _says_why(sent.note, "1 interview and 1 deletion", "restored from a backup")
    outcome = _import(coord, sent)
    assert coord.interviews.get(lost.id) == new.interviews.get(lost.id)
    assert not coord.interviews.exists(gone) and coord.interviews.count() == 1
    assert transfer.import_receipt(new, outcome.receipt) == 1
    assert transfer.delivery(new, lost.id) == "delivered"

    # confirmed now: the next bundle sends only what is new
    newer = make_interview("Typed on the restored laptop.")
    new.interviews.add(newer)
    following = _send(new, tmp_path, "new-5")
    assert following.interviews == 1 and "sent again" not in following.note
    _import(coord, following)
    assert coord.interviews.count() == 2


def test_what_a_restored_laptop_sent_before_its_copy_was_restored_again_is_sent_by_the_third(tmp_path):
    old, coord = make_pair(tmp_path)
    first = make_interview("Sent by the old laptop.")
    old.interviews.add(first)
    _import(coord, _send(old, tmp_path, "old-1"))  # imported, but its receipt never came back
    second = _copy_and_restore(old, tmp_path, "second")
    typed = make_interview("Typed on the second laptop.")
    second.interviews.add(typed)
    lost = _send(second, tmp_path, "second-2")  # hands over; the stick is lost on the way
    assert "sent again" in lost.note  # the old laptop's interview was never confirmed either
    third = _copy_and_restore(second, tmp_path, "third")
    assert transfer.delivery(third, typed.id) == "sent, awaiting receipt"

    sent = _send(third, tmp_path, "third-3")
    assert sent.interviews == 2
    _says_why(sent.note, "2 interviews", "restored from a backup")
    before = coord.interviews.count()
    outcome = _import(coord, sent)
    assert coord.interviews.get(typed.id) == third.interviews.get(typed.id)
    assert coord.interviews.count() == before + 1  # the old laptop's interview is not counted twice
    assert transfer.import_receipt(third, outcome.receipt) == 2
    assert {transfer.delivery(third, i) for i in (first.id, typed.id)} == {"delivered"}

    # the lost bundle turns up after all: imported, and it adds nothing
    rows = dump(coord)
    late = transfer.import_bundles(coord, lost.path).bundles[0]
    assert late.status == "imported", late.reason
    assert {t: rows[t] for t in rows if t not in ("imported", "interview_origin")} == {
        t: v for t, v in dump(coord).items() if t not in ("imported", "interview_origin")}


def test_a_bundle_the_receipts_show_never_arrived_is_sent_again(tmp_path):
    field, coord = make_pair(tmp_path)
    lost = make_interview("In the bundle whose stick was lost.")
    field.interviews.add(lost)
    _send(field, tmp_path, "1")  # never imported
    later = make_interview("In the next bundle.")
    field.interviews.add(later)
    outcome = _import(coord, _send(field, tmp_path, "2"))
    assert transfer.import_receipt(field, outcome.receipt) == 1
    assert transfer.delivery(field, lost.id) == "sent, awaiting receipt"

    sent = _send(field, tmp_path, "3")  # nothing new: the gap alone makes the bundle
    assert sent.interviews == 1
    _says_why(sent.note, "1 interview", "never arrived")
    outcome = _import(coord, sent)
    assert coord.interviews.get(lost.id) == field.interviews.get(lost.id)
    assert transfer.import_receipt(field, outcome.receipt) == 1
    assert transfer.delivery(field, lost.id) == "delivered"
    assert transfer.export_bundle(field, tmp_path / "sticks" / "3") is None  # all confirmed: nothing to send


def test_awaiting_receipts_without_a_gap_or_a_restore_are_not_sent_again(tmp_path):
    field, coord = make_pair(tmp_path)
    field.interviews.add(make_interview("Sent, the stick not back yet."))
    _send(field, tmp_path, "1")
    assert transfer.export_bundle(field, tmp_path / "sticks" / "1") is None


def test_a_refused_bundle_sending_again_changes_nothing_on_the_coordinator(tmp_path):
    """A second laptop restored from the same copy also sends again what the copy shows unconfirmed; its
    bundle is refused whole (only one laptop can continue another): no row, device or audit entry but the
    import's own backup and the refusal."""
    old, coord = make_pair(tmp_path)
    lost = make_interview("Sent in the bundle lost with the old laptop.")
    old.interviews.add(lost)
    _send(old, tmp_path, "old-1")  # never imported
    (tmp_path / "backup").mkdir()
    backups.backup_to_folder(old, tmp_path / "backup")
    old.lock()
    laptops = []
    for name in ("first", "second"):
        backups.restore_copy(tmp_path / "backup", tmp_path / name, PASSPHRASE)
        laptops.append(Vault.unlock(tmp_path / name, PASSPHRASE))
    _import(coord, _send(laptops[0], tmp_path, "first-2"))
    extra = make_interview("Typed on the second restored laptop.")
    laptops[1].interviews.add(extra)
    sent = _send(laptops[1], tmp_path, "second-2")
    assert sent.interviews == 2 and "sent again" in sent.note

    rows, peers, successions = dump(coord), coord.transfer.peers(), coord.transfer.successions()
    audit = [e.action for e in coord.audit.entries()]
    outcome = transfer.import_bundles(coord, sent.path).bundles[0]
    assert outcome.status == "refused"
    assert dump(coord) == rows and coord.transfer.peers() == peers and coord.transfer.successions() == successions
    assert [e.action for e in coord.audit.entries()] == [*audit, "vault.backup_made", "bundle.refused"]
    assert coord.interviews.count() == 1 and not coord.interviews.exists(extra.id)
    assert coord.audit.verify()
    assert transfer.delivery(laptops[1], lost.id) == "sent, awaiting receipt"  # no receipt: not delivered


def test_the_command_line_says_what_is_sent_again(tmp_path, app_paths):
    field, coord = make_pair(tmp_path)
    lost = make_interview("In the bundle whose stick was lost.")
    field.interviews.add(lost)
    _send(field, tmp_path, "1")  # never imported
    field.interviews.add(make_interview("In the next bundle."))
    assert transfer.import_receipt(field, _import(coord, _send(field, tmp_path, "2")).receipt) == 1
    field.lock()
    passphrase_file = tmp_path / "pw.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    shown = []
    for name, extra in (("3", ["--json"]), ("4", [])):
        (tmp_path / "sticks" / name).mkdir()
        out, err = io.StringIO(), io.StringIO()
        code = run(["export-bundle", "--out", str(tmp_path / "sticks" / name), *extra, "--vault",
                    str(tmp_path / "field"), "--passphrase-file", str(passphrase_file)],
                   Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=err))
        assert code == 0, err.getvalue()
        shown.append(out.getvalue())
    sent = json.loads(shown[0])
    assert (sent["interviews"], sent["sent_again"], sent["deletions_sent_again"]) == (1, 1, 0)
    _says_why(sent["note"], "1 interview", "never arrived")
    assert "Nothing to send" in shown[1]  # sent again once: awaiting this bundle's receipt, not sent a third time
