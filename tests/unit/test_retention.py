"""Removing delivered interviews after the retention period, with real field and
coordinator vaults, real bundles on a stick folder and the coordinator's real receipts."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from desktop.cli import Context, run
from desktop.services import retention, transfer
from desktop.services.errors import Refused
from desktop.services.interviews import OPEN_KEY, remember_open, save_draft
from tests.factories import PASSPHRASE, make_interview
from tests.transfer_vaults import make_pair

LATER = timedelta(days=31)


def _stick(tmp_path, name="stick"):
    d = tmp_path / name
    d.mkdir()
    return d


def _send_and_receipt(field, coord, stick, *, receipt=True):
    transfer.export_bundle(field, stick)
    report = transfer.import_bundles(coord, stick)
    if receipt:
        for b in report.bundles:
            assert transfer.import_receipt(field, b.receipt) >= 1
    return report


def _later(days=31):
    return datetime.now(UTC) + timedelta(days=days)


def test_only_delivered_unchanged_interviews_past_the_period_are_removed(tmp_path):
    field, coord = make_pair(tmp_path)
    kept_as_sent, changed, with_draft = (make_interview(f"Delivered {n}.") for n in range(3))
    for iv in (kept_as_sent, changed, with_draft):
        field.interviews.add(iv)
    _send_and_receipt(field, coord, _stick(tmp_path, "one"))
    # sent after, its receipt not brought back; and one never sent at all
    awaiting = make_interview("Sent, no receipt yet.")
    field.interviews.add(awaiting)
    _send_and_receipt(field, coord, _stick(tmp_path, "two"), receipt=False)
    never_sent = make_interview("Not sent.")
    field.interviews.add(never_sent)
    changed.statement += " A line added after it was sent."
    field.interviews.update(changed)
    save_draft(field, with_draft.id, with_draft)
    remember_open(field, kept_as_sent.id)

    assert transfer.delivery(field, awaiting.id) == "sent, awaiting receipt"
    assert retention.due_for_removal(field, now=_later(29)).ids == []  # inside the period
    assert retention.remove_due(field, now=_later(29)) == 0
    due = retention.due_for_removal(field, now=_later())
    assert due.ids == [kept_as_sent.id] and due.changed == 2 and due.days == 30

    assert retention.remove_due(field, now=_later()) == 1
    assert not field.interviews.exists(kept_as_sent.id)
    for iv in (changed, with_draft, awaiting, never_sent):
        assert field.interviews.exists(iv.id)
    assert field.drafts.load(OPEN_KEY) is None  # unlocking does not go back to a removed form
    entries = [(e.action, e.target) for e in field.audit.entries()]
    assert ("interview.removed_delivered", kept_as_sent.id) in entries and field.audit.verify()
    assert retention.due_for_removal(field, now=_later()).ids == []

    # The coordinator keeps its copy: no deletion travels with the next bundle.
    assert field.transfer.pending_deletions() == []
    result = transfer.export_bundle(field, _stick(tmp_path, "three"))
    assert result is not None and result.deletions == 0
    transfer.import_bundles(coord, result.path.parent)
    assert coord.interviews.exists(kept_as_sent.id)


def test_nothing_is_removed_without_the_receipt(tmp_path):
    field, coord = make_pair(tmp_path)
    ivs = [make_interview(f"Statement {n}.") for n in range(3)]
    for iv in ivs:
        field.interviews.add(iv)
    report = _send_and_receipt(field, coord, _stick(tmp_path), receipt=False)
    assert report.bundles[0].status == "imported"
    assert retention.due_for_removal(field, days=0, now=_later(3650)).ids == []
    assert retention.remove_due(field, days=0, now=_later(3650)) == 0
    assert all(field.interviews.exists(iv.id) for iv in ivs)
    # and the repository itself refuses an interview that is not delivered, whatever it is handed
    assert field.transfer.remove_delivered([iv.id for iv in ivs], _later(3650).isoformat()) == []
    assert field.interviews.count() == 3

    transfer.import_receipt(field, report.bundles[0].receipt)
    assert sorted(retention.due_for_removal(field, now=_later()).ids) == sorted(iv.id for iv in ivs)


def test_a_change_made_after_listing_keeps_the_interview(tmp_path):
    field, coord = make_pair(tmp_path)
    iv = make_interview("Delivered.")
    field.interviews.add(iv)
    _send_and_receipt(field, coord, _stick(tmp_path))
    due = retention.due_for_removal(field, now=_later())
    assert due.ids == [iv.id]
    field.attachments.add(iv.id, b"\x89PNG new letter", "letter.png", "image/png")
    assert field.transfer.remove_delivered(due.ids, _later().isoformat()) == []
    assert field.interviews.exists(iv.id)


def test_the_retention_setting_is_kept_in_the_vault_and_checked(tmp_path):
    field, _coord = make_pair(tmp_path)
    assert retention.retention_days(field) == retention.DEFAULT_RETENTION_DAYS == 30
    retention.set_retention_days(field, 90)
    assert retention.retention_days(field) == 90
    for bad in (-1, 3651, 2.5, "30", True):
        with pytest.raises(Refused, match="whole number of days"):
            retention.set_retention_days(field, bad)
    field.settings.set(retention.RETENTION_KEY, "not a number")
    assert retention.retention_days(field) == 30
    assert retention.offer_text(8, 30) == ("8 interviews were delivered more than 30 days ago. "
                                           "Remove them from this laptop?")
    assert retention.offer_text(1, 1) == "1 interview was delivered more than 1 day ago. Remove it from this laptop?"


def test_a_coordinator_refuses_in_plain_words(tmp_path):
    _field, coord = make_pair(tmp_path)
    with pytest.raises(Refused, match="coordinator"):
        retention.due_for_removal(coord)


def _cli(app_paths, tmp_path, vault_dir, *argv):
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=err)
    code = run([*argv, "--vault", str(vault_dir), "--passphrase-file", str(pw)], ctx)
    return code, out.getvalue(), err.getvalue()


def test_purge_delivered_lists_without_yes_and_removes_with_it(app_paths, tmp_path):
    field, coord = make_pair(tmp_path)
    ivs = [make_interview(f"Statement {n}.") for n in range(2)]
    for iv in ivs:
        field.interviews.add(iv)
    _send_and_receipt(field, coord, _stick(tmp_path))
    field_dir = field.directory
    field.lock()
    coord.lock()

    code, out, err = _cli(app_paths, tmp_path, field_dir, "purge-delivered")
    assert code == 0 and "Nothing to remove" in out and "30 days" in out, err
    code, out, err = _cli(app_paths, tmp_path, field_dir, "purge-delivered", "--older-than", "0")
    assert code == 0 and "2 interviews" in out and "Nothing was removed" in out and "--yes" in out, err
    code, out, err = _cli(app_paths, tmp_path, field_dir, "purge-delivered", "--older-than", "0", "--json")
    data = json.loads(out)
    assert code == 0 and sorted(data["due"]) == sorted(iv.id for iv in ivs) and data["removed"] == 0
    assert data["dry_run"] is True and data["days"] == 0
    code, out, err = _cli(app_paths, tmp_path, field_dir, "purge-delivered", "--older-than", "-3")
    assert code == 1 and "whole number of days" in err and "Traceback" not in err

    code, out, err = _cli(app_paths, tmp_path, field_dir, "purge-delivered", "--older-than", "0", "--yes",
                          "--json")
    assert code == 0 and json.loads(out)["removed"] == 2, err
    code, out, err = _cli(app_paths, tmp_path, field_dir, "list", "--json")
    assert code == 0 and not any(iv.id in out for iv in ivs), err
