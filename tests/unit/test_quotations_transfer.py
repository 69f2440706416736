"""Quotation marks travel in USB bundles as the redaction decisions do: field -> stick -> coordinator,
with real vaults, real age and real files; a mark removed in the field is removed there too; a record
that breaks the format refuses the bundle."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.model import Consent, ConsentUse
from desktop.core.quotations import Quotation, Theme
from desktop.services import quotations, transfer
from desktop.services import transfer_records as records
from desktop.transfer import canonical
from desktop.transfer.errors import BundleRefused
from tests.factories import make_interview
from tests.transfer_vaults import make_pair

STATEMENT = "Amina Khan told me the officer asked about my visa. I never went back to the police."


def _marked(field):
    iv = make_interview(STATEMENT)
    iv.consent[ConsentUse.QUOTATION] = Consent(ConsentUse.QUOTATION, True, date(2026, 1, 5), "Sam")
    field.interviews.add(iv)
    first = quotations.mark(field, iv.id, 0, STATEMENT.index(" I never"), Theme.REPORTING_DETERRED)
    second = quotations.mark(field, iv.id, STATEMENT.index("I never"), len(STATEMENT), Theme.STATUS_THREAT)
    return iv, first, second


def test_marks_reach_the_coordinator_and_a_removal_follows_in_the_next_bundle(tmp_path):
    field, coord = make_pair(tmp_path)
    iv, first, second = _marked(field)
    stick = tmp_path / "stick"
    stick.mkdir()
    assert transfer.export_bundle(field, stick) is not None
    transfer.import_bundles(coord, stick)
    assert coord.quotations.for_interview(iv.id) == field.quotations.for_interview(iv.id) == [first, second]
    collected = quotations.collect(coord, threshold=3)
    assert [p.text for p in collected.by_theme[Theme.REPORTING_DETERRED]] == [
        "Person A told me the officer asked about my visa."]

    quotations.remove(field, first.id)
    assert transfer.export_bundle(field, stick) is not None  # the removal alone is a change to send
    transfer.import_bundles(coord, stick)
    assert coord.quotations.for_interview(iv.id) == [second]
    assert "quotation.imported" in [e.action for e in coord.audit.entries()]


def test_an_interview_never_marked_is_not_sent_again_for_quotations(tmp_path):
    field, _coord = make_pair(tmp_path)
    field.interviews.add(make_interview("Nothing marked here."))
    stick = tmp_path / "stick"
    stick.mkdir()
    assert transfer.export_bundle(field, stick) is not None
    assert transfer.export_bundle(field, stick) is None


def _record(**change) -> bytes:
    q = {"end": 5, "id": "a" * 32, "passage": "Amina", "start": 0, "theme": "status_threat"}
    q.update(change)
    return canonical.dumps({"interview_id": "b" * 32, "quotations": [q]})


def test_a_quotations_record_parses_back_and_a_spoiled_one_refuses_the_bundle():
    q = Quotation("a" * 32, "b" * 32, 0, 5, "Amina", Theme.STATUS_THREAT)
    assert records.parse_quotations(records.quotations_record("b" * 32, [q]), f"quo-{'b' * 32}") == ("b" * 32, [q])
    for spoiled, item in [(_record(theme="gossip"), f"quo-{'b' * 32}"), (_record(end=9), f"quo-{'b' * 32}"),
                          (_record(start=-1), f"quo-{'b' * 32}"), (_record(passage="     "), f"quo-{'b' * 32}"),
                          (_record(), f"quo-{'c' * 32}"), (_record(end=True), f"quo-{'b' * 32}")]:
        with pytest.raises(BundleRefused):
            records.parse_quotations(spoiled, item)
