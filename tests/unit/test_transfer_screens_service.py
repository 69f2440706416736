"""What the transfer screens ask of the services (desktop.services.transfer_screens), headless, on
real vaults, real age bundles and real receipt files in a folder standing in for the stick."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from desktop.services import transfer
from desktop.services.errors import Refused
from desktop.services.transfer_screens import (
    device_label,
    enrolment_file_name,
    fingerprint_typed,
    import_from_stick,
    list_marks,
    read_enrolment,
)
from tests.factories import make_interview, new_vault
from tests.transfer_vaults import make_pair


@pytest.fixture
def pair(tmp_path):
    field, coord = make_pair(tmp_path)
    yield field, coord
    field.lock()
    coord.lock()


def _stick(tmp_path, name="stick"):
    d = tmp_path / name
    d.mkdir()
    return d


def test_an_enrolment_file_is_read_and_the_typed_fingerprint_compared_without_enrolling(tmp_path):
    coord = new_vault(tmp_path / "coord")
    field = new_vault(tmp_path / "field")
    transfer.set_role(coord, "coordinator")
    path = transfer.export_enrolment(coord, tmp_path / enrolment_file_name(coord))
    assert path.name.startswith("witnessbox-coordinator-") and path.suffix == ".json"
    found = read_enrolment(path)
    fp = transfer.public_keys(coord).fingerprint
    assert found.keys.fingerprint == fp
    assert fingerprint_typed(fp.lower().replace(" ", ""), found)
    assert fingerprint_typed(fp.replace(" ", "-"), found)
    assert not fingerprint_typed(fp[:14], found)
    assert not fingerprint_typed(fp[:-1] + ("A" if fp[-1] != "A" else "B"), found)
    assert transfer.pinned(field, "coordinator") == {}  # reading enrols nothing
    transfer.enrol(field, found.data, fp)
    assert list(transfer.pinned(field, "coordinator").values())[0].fingerprint == fp
    field.lock()
    coord.lock()


@pytest.mark.parametrize("content", [b"x" * 5000, b'{"format": "something else"}', b"\xff\xfe"])
def test_what_is_not_an_enrolment_file_is_refused(tmp_path, content):
    path = tmp_path / "file.json"
    path.write_bytes(content)
    with pytest.raises(Refused, match="enrolment"):
        read_enrolment(path)
    with pytest.raises(Refused, match="cannot be read"):
        read_enrolment(tmp_path / "missing.json")


def test_the_list_marks_follow_delivery_on_the_field_and_origin_on_the_coordinator(pair, tmp_path):
    field, coord = pair
    iv = make_interview("Sent.")
    field.interviews.add(iv)
    assert list_marks(field, [iv.id]) == {iv.id: "not sent"}
    stick = _stick(tmp_path)
    transfer.export_bundle(field, stick)
    assert list_marks(field, [iv.id]) == {iv.id: "sent, awaiting receipt"}
    own = make_interview("Taken on the coordinator's laptop.")
    coord.interviews.add(own)
    result = import_from_stick(coord, stick)
    assert result.report.count("imported") == 1
    label = device_label(transfer.public_keys(field).fingerprint)
    assert label.startswith("Laptop ") and len(label.split()) == 3
    assert list_marks(coord, [iv.id, own.id]) == {iv.id: label, own.id: "made here"}
    receipts = import_from_stick(field, stick)
    assert [(r.delivered, r.reason) for r in receipts.receipts] == [(1, "")]
    assert list_marks(field, [iv.id]) == {iv.id: "delivered"}
    again = import_from_stick(field, stick)
    assert [r.delivered for r in again.receipts] == [0]


def test_a_stick_with_nothing_for_this_vault_is_refused_in_plain_words(pair, tmp_path):
    field, coord = pair
    empty = _stick(tmp_path)
    with pytest.raises(Refused, match="no receipt"):
        import_from_stick(field, empty)
    with pytest.raises(Refused, match="no Witnessbox bundle"):
        import_from_stick(coord, empty)
    with pytest.raises(Refused, match="does not exist"):
        import_from_stick(coord, tmp_path / "gone")


def test_a_receipt_from_another_coordinator_is_refused_and_the_rest_still_counted(pair, tmp_path):
    field, coord = pair
    field.interviews.add(make_interview("One."))
    stick = _stick(tmp_path)
    transfer.export_bundle(field, stick)
    import_from_stick(coord, stick)
    stranger = new_vault(tmp_path / "stranger")
    transfer.set_role(stranger, "coordinator")
    from desktop.transfer.receipt import make_receipt, receipt_file_name

    forged = make_receipt(transfer.own_keys(stranger), bundle_id="0" * 32, bundle_sha256="0" * 64, status="imported")
    (stick / receipt_file_name()).write_bytes(forged)
    result = import_from_stick(field, stick)
    delivered = sorted((r.delivered is None, r.delivered) for r in result.receipts)
    assert delivered == [(False, 1), (True, None)]
    assert all(r.reason for r in result.receipts if r.delivered is None)
    stranger.lock()


def test_cancel_stops_before_the_next_receipt(pair, tmp_path):
    field, coord = pair
    field.interviews.add(make_interview("One."))
    stick = _stick(tmp_path)
    transfer.export_bundle(field, stick)
    import_from_stick(coord, stick)
    cancel = threading.Event()
    cancel.set()
    result = import_from_stick(field, stick, cancel=cancel)
    assert result.cancelled and result.receipts == []
    assert list_marks(field, [field.interviews.list_summaries()[0].id]).popitem()[1] == "sent, awaiting receipt"


def test_a_page_of_marks_is_cheap(pair, capsys):
    """The list reads one page (200 rows) of marks with each query: measured, and kept well under
    what a person would notice."""
    field, _coord = pair
    ids = field.interviews.add_many([make_interview(f"Statement {n}.") for n in range(200)])
    started = time.perf_counter()
    marks = list_marks(field, ids)
    took = time.perf_counter() - started
    assert len(marks) == 200 and set(marks.values()) == {"not sent"}
    with capsys.disabled():
        print(f"\nlist_marks, 200 interviews on a field vault: {took * 1000:.1f} ms")
    assert took < 2.0


def test_a_stick_imported_twice_keeps_one_receipt_per_bundle(pair, tmp_path):
    """A stick imported again gets no second receipt for a bundle whose receipt (signed here, saying
    the same) is already on it; one that is not ours, or says something else, does not count."""
    from desktop.transfer.receipt import make_receipt, receipt_file_name
    from desktop.transfer.stick import list_stick

    field, coord = pair
    field.interviews.add(make_interview("One."))
    stick = _stick(tmp_path)
    transfer.export_bundle(field, stick)
    first = transfer.import_bundles(coord, stick).bundles[0]
    assert first.status == "imported" and first.receipt is not None
    again = transfer.import_bundles(coord, stick).bundles[0]
    assert again.status == "already there"
    assert list_stick(stick).receipts == (Path(first.receipt),)
    assert again.receipt == first.receipt  # the worker is still told a receipt is on the stick
    # A receipt for that bundle from another coordinator is not the one the worker needs.
    stranger = new_vault(tmp_path / "stranger")
    transfer.set_role(stranger, "coordinator")
    other = stick / receipt_file_name()
    other.write_bytes(
        make_receipt(
            transfer.own_keys(stranger), bundle_id=first.bundle_id, bundle_sha256=first.sha256, status="imported"
        )
    )
    stranger.lock()
    Path(first.receipt).unlink()
    third = transfer.import_bundles(coord, stick).bundles[0]
    assert third.receipt is not None and Path(third.receipt) != other
    assert sorted(list_stick(stick).receipts) == sorted([other, Path(third.receipt)])


def test_two_receipts_for_one_bundle_mark_it_once_and_say_nothing_alarming(pair, tmp_path):
    """A worker may bring back a stick holding two receipts for one bundle (imported twice by an older
    Witnessbox, or a lost receipt written again): the first marks what was delivered, the second
    changes nothing and is no refusal."""
    from desktop.transfer.receipt import make_receipt, receipt_file_name

    field, coord = pair
    iv = make_interview("One.")
    field.interviews.add(iv)
    stick = _stick(tmp_path)
    transfer.export_bundle(field, stick)
    outcome = transfer.import_bundles(coord, stick).bundles[0]
    (stick / receipt_file_name()).write_bytes(
        make_receipt(
            transfer.own_keys(coord),
            bundle_id=outcome.bundle_id,
            bundle_sha256=outcome.sha256,
            status="imported",
            created_utc="2026-12-04T17:00:00Z",
        )
    )
    before = len(field.audit.entries())
    result = import_from_stick(field, stick)
    assert sorted((r.delivered, r.reason, r.held_back) for r in result.receipts) == [(0, "", False), (1, "", False)]
    assert list_marks(field, [iv.id]) == {iv.id: "delivered"}
    assert len(field.audit.entries()) == before + 1  # one "receipted" entry, not two
    again = import_from_stick(field, stick)
    assert [(r.delivered, r.reason) for r in again.receipts] == [(0, ""), (0, "")]
