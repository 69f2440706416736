"""The records inside a bundle (T23 for the record parser): a record made by a field vault parses
back to the same interview; anything else, mutated or random, only ever raises BundleRefused."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.jsonl import KNOWN_KEYS
from desktop.core.model import ConsentUse
from desktop.services import transfer_records as records
from desktop.transfer import canonical
from desktop.transfer.errors import BundleRefused
from tests.factories import make_interview

IV = make_interview("A record to spoil.")
META = {"added_at": "2026-01-05T10:00:00+00:00", "display_name": "letter.jpg", "id": "c" * 32,
        "media_type": "image/jpeg", "sha256": "d" * 64, "size": 10}
PARSERS = {
    "interview": (records.parse_interview, f"iv-{IV.id}"),
    "decisions": (records.parse_decisions, f"dec-{IV.id}"),
    "withdrawal": (records.parse_withdrawal, f"wd-{IV.id}-complaint"),
    "deletion": (records.parse_deletion, f"del-{IV.id}"),
    "quotations": (records.parse_quotations, f"quo-{IV.id}"),
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


def test_each_record_made_here_parses_back_the_same():
    rec = records.parse_interview(records.interview_record(IV, 3, [META]), f"iv-{IV.id}")
    assert (rec.interview, rec.revision, rec.attachments) == (IV, 3, [META])
    payload = {"version": 1, "decisions": [{"kind": "keep", "score": 0.5}]}  # floats ride as JSON text
    assert records.parse_decisions(records.decisions_record(IV.id, payload), f"dec-{IV.id}") == (IV.id, payload)
    wd = records.withdrawal_record(IV.id, ConsentUse.COMPLAINT, date(2026, 2, 1), "Sam")
    assert records.parse_withdrawal(wd, f"wd-{IV.id}-complaint") == (IV.id, ConsentUse.COMPLAINT,
                                                                     date(2026, 2, 1), "Sam")
    assert records.parse_deletion(records.deletion_record(IV.id, META["added_at"]), f"del-{IV.id}") == (
        IV.id, META["added_at"])


@pytest.mark.parametrize("change", [
    {"unknown": 1}, {"interpreter_used": "no"}, {"role": "suspect"}, {"interviewed_on": "05/01/2026"},
    {"people": "Amina"}, {"consent": {"complaint": True}}, {"created_at": 5},
])
def test_an_interview_record_that_breaks_the_format_is_refused(change):
    d = IV.to_dict() | change
    with pytest.raises(BundleRefused):
        records.parse_interview(canonical.dumps({"attachments": [], "interview": d, "revision": 1}), f"iv-{IV.id}")


def test_a_record_under_another_items_name_is_refused():
    with pytest.raises(BundleRefused):
        records.parse_interview(records.interview_record(IV, 1, []), "iv-" + "0" * 32)
    with pytest.raises(BundleRefused):
        records.parse_deletion(records.deletion_record(IV.id, META["added_at"]), "del-" + "0" * 32)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(PARSERS)), data=st.binary(max_size=300))
def test_random_bytes_only_ever_raise_bundle_refused(kind, data):
    parse, item_id = PARSERS[kind]
    with pytest.raises(BundleRefused):
        parse(data, item_id)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(KNOWN_KEYS)), value=json_values, meta_field=st.sampled_from(sorted(META)),
       meta_value=json_values, revision=json_values)
def test_mutated_interview_records_only_ever_raise_bundle_refused(field, value, meta_field, meta_value, revision):
    d = IV.to_dict()
    d[field] = value
    meta = dict(META)
    meta[meta_field] = meta_value
    for body in ({"attachments": [], "interview": d, "revision": 1},
                 {"attachments": [meta], "interview": IV.to_dict(), "revision": revision}):
        try:
            data = canonical.dumps(body)
        except ValueError:
            continue
        try:
            rec = records.parse_interview(data, f"iv-{IV.id}")
        except BundleRefused:
            continue
        # what is accepted is exactly what a field vault would have written
        assert records.interview_record(rec.interview, rec.revision, rec.attachments) == data
