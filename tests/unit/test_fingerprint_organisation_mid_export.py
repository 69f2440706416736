"""A bulk export makes every statement with the organisation's name as it was when the export began,
and keeps each fingerprint under the key of what it was made from: a name changed while the export
runs (in Settings, in another window) must not leave a fingerprint made with the old name under the
new name's key, where the evidence summary would list it as the statement's fingerprint until the
interview changed again. Real vault, real pooled export."""

from __future__ import annotations

from desktop.services import fingerprints, fingerprints_made, statements
from desktop.services.organisation import set_organisation
from tests.factories import make_interview, new_vault


def test_a_name_changed_during_a_bulk_export_leaves_no_fingerprint_of_the_old_name_under_the_new(tmp_path):
    v = new_vault(tmp_path / "vault")
    try:
        set_organisation(v, "Migrant Voices Leeds")
        ids = [v.interviews.add(make_interview(f"Statement {n}: the officer asked about my visa.")) for n in range(10)]
        (tmp_path / "out").mkdir()

        def progress(done: int, _total: int) -> None:
            if done == 1:
                set_organisation(v, "Migrant Voices Bradford")

        result = statements.export_statements(v, ids, tmp_path / "out", progress=progress, workers=2)
        assert len(result.written) == 10
        made_with_old = {r.fingerprint for r in result.written}
        known = fingerprints.known(v)  # under the name as it is now
        for interview_id, fingerprint in known.items():
            assert fingerprint not in made_with_old, "a fingerprint made with the old name, kept under the new"
            content, _ = statements.prepare(v, interview_id)
            assert fingerprint == content.fingerprint
    finally:
        v.lock()


def _a_name_changed_while_fingerprints_are_made_leaves_none_of_the_old_name_under_the_new(tmp_path, workers):
    v = new_vault(tmp_path / "vault")
    try:
        set_organisation(v, "Migrant Voices Leeds")
        ids = [v.interviews.add(make_interview(f"Statement {n}: the officer asked about my visa.")) for n in range(10)]

        def progress(done: int, _total: int) -> None:
            if done == 1:
                set_organisation(v, "Migrant Voices Bradford")

        made_with_old = set(fingerprints_made.make(v, ids, progress=progress, workers=workers).values())
        assert len(made_with_old) == 10
        for interview_id, fingerprint in fingerprints.known(v).items():  # under the name as it is now
            assert fingerprint not in made_with_old, "a fingerprint made with the old name, kept under the new"
            content, _ = statements.prepare(v, interview_id)
            assert fingerprint == content.fingerprint
    finally:
        v.lock()


def test_fingerprints_made_for_the_evidence_summary_take_their_keys_with_the_name_they_are_made_with(tmp_path):
    """The evidence summary makes the fingerprints it has not kept (desktop.services.fingerprints_made),
    here and on the worker processes: the same rule as the export."""
    _a_name_changed_while_fingerprints_are_made_leaves_none_of_the_old_name_under_the_new(tmp_path / "here", 1)
    _a_name_changed_while_fingerprints_are_made_leaves_none_of_the_old_name_under_the_new(tmp_path / "pool", 2)
