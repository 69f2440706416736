"""A bundle the coordinator refuses for one interview's record must not block the worker for ever.

Before: the coordinator refused the whole bundle and wrote no receipt; the worker saw its interviews
"sent, awaiting receipt" until a later receipt showed a gap, and then sent all of them again, bad
record included, so every bundle after it was refused too and the good interviews never arrived.
Now the coordinator still refuses the bundle whole (nothing half-applied) and quarantines it, but a
signed receipt with status "refused" names the interviews at fault; importing it on the field laptop
holds those back while unchanged and sends the rest again. Real vaults, real bundles and receipts.
The bad record: an attachment whose media type is longer than the record format allows (a long
file name is no longer one: it is shortened on both sides, tests/unit/test_transfer_attachment_names.py).
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from desktop.services import transfer
from desktop.services.transfer_screens import import_from_stick
from desktop.transfer.errors import ReceiptRefused
from desktop.transfer.receipt import interview_token, make_receipt, read_receipt, receipt_file_name
from desktop.transfer.stick import list_stick
from tests.factories import make_interview
from tests.transfer_vaults import dump, make_pair, send_bundle

BAD_MEDIA_TYPE = "image/" + "x" * 200  # the record format allows 100 characters


def _no_ids(text: str) -> None:
    assert not re.search(r"\b[0-9a-f]{16,}\b", text), text


def _field_with_a_bad_record(tmp_path):
    field, coord = make_pair(tmp_path)
    good = [make_interview(f"Good interview {n}.") for n in range(2)]
    bad = make_interview("The one whose attachment cannot travel.")
    for iv in (*good, bad):
        field.interviews.add(iv)
    field.attachments.add(bad.id, b"jpeg bytes", "letter.jpg", BAD_MEDIA_TYPE)
    return field, coord, good, bad


def test_the_coordinator_refuses_the_bundle_whole_and_its_receipt_names_only_the_bad_interview(tmp_path):
    field, coord, good, bad = _field_with_a_bad_record(tmp_path)
    sent = send_bundle(field, tmp_path, "one")
    before = dump(coord)
    verdict = transfer.verify_bundle(coord, sent.path)
    assert verdict.status == "refused" and verdict.refused_interviews == [bad.id]
    outcome = transfer.import_bundles(coord, sent.path).bundles[0]
    assert outcome.status == "refused" and outcome.refused_interviews == [bad.id]
    assert dump(coord) == before  # nothing half-applied: not even the good interviews
    assert (coord.directory / "quarantine" / sent.path.name).is_file()
    assert "1 interview in this bundle could not be accepted" in outcome.reason
    assert "give it back to the worker" in outcome.reason and "update the older one" in outcome.reason
    _no_ids(outcome.reason)
    receipt = read_receipt(open(outcome.receipt, "rb").read(), transfer.pinned(field, "coordinator"))
    assert receipt.status == "refused" and receipt.refused_interviews == (interview_token(sent.bundle_id, bad.id),)
    assert bad.id not in open(outcome.receipt).read()  # the receipt travels unencrypted: no interview id
    assert receipt.bundle_id == sent.bundle_id
    # importing the same stick again: refused again, the same receipt words, still nothing applied
    again = transfer.import_bundles(coord, sent.path).bundles[0]
    assert again.status == "refused" and again.refused_interviews == [bad.id] and dump(coord) == before


def test_without_receipts_the_coordinator_is_told_to_import_again_with_them(tmp_path):
    field, coord, _good, _bad = _field_with_a_bad_record(tmp_path)
    sent = send_bundle(field, tmp_path, "one")
    outcome = transfer.import_bundles(coord, sent.path, receipts=False).bundles[0]
    assert outcome.receipt is None and "import the stick again with receipts" in outcome.reason
    assert not list_stick(sent.path.parent).receipts


def test_the_worker_holds_the_bad_interview_back_and_the_others_arrive(tmp_path):
    field, coord, good, bad = _field_with_a_bad_record(tmp_path)
    sent = send_bundle(field, tmp_path, "one")
    outcome = transfer.import_bundles(coord, sent.path).bundles[0]

    with pytest.raises(transfer.HeldBack) as held:
        transfer.import_receipt(field, outcome.receipt)
    assert held.value.held == [bad.id] and held.value.again == 2
    words = str(held.value)
    assert field.interviews.get(bad.id).reference in words and "held back" in words
    assert "The 2 other items in that bundle go again in your next bundle." in words
    assert "update the older one" in words
    _no_ids(words)
    assert transfer.delivery(field, bad.id) == transfer.HELD_BACK
    assert [transfer.delivery(field, iv.id) for iv in good] == ["not sent", "not sent"]

    # the same receipt again (the stick read twice): nothing more changes, and nothing more is said (it
    # said it again with "Nothing else in that bundle needs sending again", against the first words);
    # the interview stays held back, as its mark in the list and the next bundle's note say
    assert transfer.import_receipt(field, outcome.receipt) == 0
    assert transfer.delivery(field, bad.id) == transfer.HELD_BACK

    nxt = send_bundle(field, tmp_path, "two")
    assert (nxt.interviews, nxt.held_back) == (2, 1)
    assert "1 interview the coordinator could not accept is not in this bundle" in nxt.note
    arrived = transfer.import_bundles(coord, nxt.path).bundles[0]
    assert arrived.status == "imported" and arrived.interviews == 2
    assert transfer.import_receipt(field, arrived.receipt) == 2
    assert [transfer.delivery(field, iv.id) for iv in good] == ["delivered", "delivered"]
    assert not coord.interviews.exists(bad.id)
    # still held while unchanged: nothing else to send
    assert transfer.export_bundle(field, nxt.path.parent) is None

    # an old refused receipt imported late changes nothing that was delivered since, and says nothing
    assert transfer.import_receipt(field, outcome.receipt) == 0
    assert [transfer.delivery(field, iv.id) for iv in good] == ["delivered", "delivered"]


def test_a_held_back_interview_goes_again_once_changed_and_then_arrives(tmp_path):
    field, coord, _good, bad = _field_with_a_bad_record(tmp_path)
    sent = send_bundle(field, tmp_path, "one")
    with pytest.raises(transfer.HeldBack):
        transfer.import_receipt(field, transfer.import_bundles(coord, sent.path).bundles[0].receipt)
    for info in field.attachments.list(bad.id):  # the worker takes the photo off
        field.attachments.delete(info.id)
    nxt = send_bundle(field, tmp_path, "two")
    assert (nxt.interviews, nxt.held_back) == (3, 0)
    arrived = transfer.import_bundles(coord, nxt.path).bundles[0]
    assert arrived.status == "imported" and coord.interviews.exists(bad.id)
    assert transfer.import_receipt(field, arrived.receipt) == 3
    assert transfer.delivery(field, bad.id) == "delivered"


def test_sending_held_back_interviews_again_on_request(tmp_path):
    field, coord, _good, bad = _field_with_a_bad_record(tmp_path)
    sent = send_bundle(field, tmp_path, "one")
    with pytest.raises(transfer.HeldBack):
        transfer.import_receipt(field, transfer.import_bundles(coord, sent.path).bundles[0].receipt)
    (tmp_path / "sticks" / "two").mkdir()
    nxt = transfer.export_bundle(field, tmp_path / "sticks" / "two", send_held_back=True)
    assert (nxt.interviews, nxt.held_back) == (3, 0)
    assert transfer.delivery(field, bad.id) == "sent, awaiting receipt"  # no longer held once it went


def test_a_gap_no_longer_sends_the_refused_record_again_and_again(tmp_path):
    """The loop this fixes: bundle 1 refused (its receipt not taken back), bundle 2 imported, so the
    receipts show a gap and bundle 3 sends bundle 1's interviews again: refused again. Once bundle 3's
    refused receipt is imported, bundle 4 carries the good interviews and imports."""
    field, coord, good, bad = _field_with_a_bad_record(tmp_path)
    first = send_bundle(field, tmp_path, "one")
    assert transfer.import_bundles(coord, first.path, receipts=False).bundles[0].status == "refused"
    field.interviews.add(later := make_interview("Typed later."))
    second = send_bundle(field, tmp_path, "two")
    assert transfer.import_receipt(field, transfer.import_bundles(coord, second.path).bundles[0].receipt) == 1
    third = send_bundle(field, tmp_path, "three")
    assert third.resent == 3
    refused = transfer.import_bundles(coord, third.path).bundles[0]
    assert refused.status == "refused" and refused.refused_interviews == [bad.id]
    with pytest.raises(transfer.HeldBack) as held:
        transfer.import_receipt(field, refused.receipt)
    assert held.value.again == 2
    fourth = send_bundle(field, tmp_path, "four")
    assert (fourth.interviews, fourth.held_back) == (2, 1)
    arrived = transfer.import_bundles(coord, fourth.path).bundles[0]
    assert arrived.status == "imported"
    assert transfer.import_receipt(field, arrived.receipt) == 2
    assert sorted(coord.interviews.ids()) == sorted([good[0].id, good[1].id, later.id])


def test_the_import_screen_says_what_a_refused_bundles_receipt_did(tmp_path):
    field, coord, _good, bad = _field_with_a_bad_record(tmp_path)
    sent = send_bundle(field, tmp_path, "one")
    transfer.import_bundles(coord, sent.path)
    result = import_from_stick(field, sent.path.parent)
    [r] = result.receipts
    assert r.delivered is None and r.held_back and field.interviews.get(bad.id).reference in r.reason


def test_a_receipt_names_refused_interviews_only_when_refused_and_strictly(tmp_path):
    field, coord = make_pair(tmp_path)
    keys = transfer.own_keys(coord)
    pinned = transfer.pinned(field, "coordinator")
    ids = ["b" * 32, "a" * 32]
    data = make_receipt(keys, bundle_id="c" * 32, bundle_sha256="d" * 64, status="refused", refused_interviews=ids)
    assert read_receipt(data, pinned).refused_interviews == ("a" * 32, "b" * 32)
    plain = make_receipt(keys, bundle_id="c" * 32, bundle_sha256="d" * 64, status="imported")
    assert "refused_interviews" not in json.loads(plain)["receipt"]
    with pytest.raises(ValueError):
        make_receipt(keys, bundle_id="c" * 32, bundle_sha256="d" * 64, status="imported", refused_interviews=ids)
    with pytest.raises(ValueError):
        make_receipt(
            keys, bundle_id="c" * 32, bundle_sha256="d" * 64, status="refused", refused_interviews=["not an id"]
        )
    tampered = json.loads(data)
    tampered["receipt"]["refused_interviews"].reverse()  # not sorted: not what a coordinator writes
    with pytest.raises(ReceiptRefused):
        read_receipt(json.dumps(tampered, separators=(",", ":"), sort_keys=True).encode(), pinned)


def test_the_command_line_reads_a_receipt_as_large_as_a_refused_one_may_be():
    from desktop.cli_transfer import MAX_RECEIPT_FILE
    from desktop.transfer.receipt import MAX_RECEIPT

    assert MAX_RECEIPT_FILE == MAX_RECEIPT


def test_the_command_line_says_what_was_held_back_and_sends_it_on_request(tmp_path, app_paths):
    import io

    from desktop.cli import Context, run
    from tests.factories import PASSPHRASE

    field, coord, _good, bad = _field_with_a_bad_record(tmp_path)
    reference = field.interviews.get(bad.id).reference
    sent = send_bundle(field, tmp_path, "one")
    receipt = transfer.import_bundles(coord, sent.path).bundles[0].receipt
    field.lock()
    passphrase_file = tmp_path / "pw.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")

    shutil.copytree(tmp_path / "field", tmp_path / "field-copy")  # the same laptop, to read the receipt as JSON

    def cli(*argv: str, vault: str = "field") -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        code = run(
            [*argv, "--vault", str(tmp_path / vault), "--passphrase-file", str(passphrase_file)],
            Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=err),
        )
        return code, out.getvalue() + err.getvalue()

    code, said = cli("import-receipt", receipt)
    assert code == 1 and reference in said and "held back" in said
    _no_ids(said)
    code, said = cli("import-receipt", receipt, "--json", vault="field-copy")
    assert json.loads(said)["held_back"] == [reference]
    code, said = cli("import-receipt", receipt, "--json")  # read again: taken in before, nothing changes
    assert code == 0 and json.loads(said) == {"delivered": 0}
    for name in ("two", "three", "four"):
        (tmp_path / "sticks" / name).mkdir()
    code, said = cli("export-bundle", "--out", str(tmp_path / "sticks" / "two"), "--json")
    assert code == 0 and (json.loads(said)["interviews"], json.loads(said)["held_back"]) == (2, 1)
    code, said = cli("export-bundle", "--out", str(tmp_path / "sticks" / "three"))
    assert code == 0 and "except 1 interview the coordinator could not accept" in said
    code, said = cli("export-bundle", "--out", str(tmp_path / "sticks" / "four"), "--send-held-back", "--json")
    assert code == 0 and (json.loads(said)["interviews"], json.loads(said)["held_back"]) == (1, 0)


def test_more_refused_interviews_than_a_receipt_names_are_named_in_the_next_rounds(tmp_path, monkeypatch):
    """A receipt names at most MAX_REFUSED interviews (1,000; 2 here): the rest of the bad ones go again
    with the good ones, are refused again and named then, until only the good ones travel."""
    from desktop.services import transfer_import

    monkeypatch.setattr(transfer_import, "MAX_REFUSED", 2)
    field, coord, good, bad = _field_with_a_bad_record(tmp_path)
    more = [make_interview(f"Another photo with a long name {n}.") for n in range(2)]
    for iv in more:
        field.interviews.add(iv)
        field.attachments.add(iv.id, b"jpeg bytes", "letter.jpg", BAD_MEDIA_TYPE)
    held: list[str] = []
    for n in range(4):
        sent = send_bundle(field, tmp_path, f"round-{n}")
        outcome = transfer.import_bundles(coord, sent.path).bundles[0]
        if outcome.status == "imported":
            break
        assert len(outcome.refused_interviews) == 3 - len(held)  # every bad one still in the bundle is known
        with pytest.raises(transfer.HeldBack) as e:
            transfer.import_receipt(field, outcome.receipt)
        assert len(e.value.held) <= 2
        held += e.value.held
    assert n == 2 and sorted(held) == sorted([bad.id, *(iv.id for iv in more)])
    assert transfer.import_receipt(field, outcome.receipt) == 2
    assert sorted(coord.interviews.ids()) == sorted(iv.id for iv in good)


def test_two_receipts_refusing_one_bundle_are_taken_in_once(tmp_path):
    """A stick holding two receipts for one refused bundle (imported twice by an older Witnessbox), or
    imported twice on the worker's laptop: the first holds the interview back and says so; the rest
    change nothing and say nothing more (it read twice, the second time 'Nothing else in that bundle
    needs sending again', contradicting the first)."""
    field, coord, _good, bad = _field_with_a_bad_record(tmp_path)
    sent = send_bundle(field, tmp_path, "one")
    outcome = transfer.import_bundles(coord, sent.path).bundles[0]
    token = interview_token(outcome.bundle_id, bad.id)
    (sent.path.parent / receipt_file_name()).write_bytes(
        make_receipt(
            transfer.own_keys(coord),
            bundle_id=outcome.bundle_id,
            bundle_sha256=outcome.sha256,
            status="refused",
            refused_interviews=[token],
            created_utc="2026-12-04T17:00:00Z",
        )
    )
    result = import_from_stick(field, sent.path.parent)
    said = sorted((r.held_back, r.delivered, r.reason) for r in result.receipts)
    assert [(h, d) for h, d, _r in said] == [(False, 0), (True, None)] and said[0][2] == ""
    assert "The 2 other items in that bundle go again" in said[1][2]
    assert transfer.held_back(field) == 1
    again = import_from_stick(field, sent.path.parent)
    assert [(r.held_back, r.delivered, r.reason) for r in again.receipts] == [(False, 0, "")] * 2


def test_on_a_full_stick_the_coordinator_is_told_to_free_space_not_to_switch_receipts_on(tmp_path, monkeypatch):
    """Receipts were on; the stick had no room for the one saying which interviews to hold back. The
    refusal said 'import the stick again with receipts', as if they had been switched off."""
    import errno
    import os

    from desktop.transfer import stick as stick_module

    field, coord, _good, _bad = _field_with_a_bad_record(tmp_path)
    sent = send_bundle(field, tmp_path, "one")

    def full(self, data):  # where the product writes a receipt's bytes onto the stick
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(stick_module._HashingFile, "write", full)
    outcome = transfer.import_bundles(coord, sent.path).bundles[0]
    assert outcome.status == "refused" and outcome.receipt is None and outcome.no_receipt
    assert "with receipts" not in outcome.reason
    assert "No receipt saying which could be written onto the stick (it may be full" in outcome.reason
    assert "free some space on it and import it again" in outcome.reason
    assert not list_stick(sent.path.parent).receipts
    _no_ids(outcome.reason)
