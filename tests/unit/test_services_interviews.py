"""An interview's actions as both faces call them (save, drafts, withdrawal, attachments, delete),
on a real SQLCipher vault in tmp_path."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date

import pytest
from PIL import Image

from desktop.core.model import (
    ConsentUse,
    Interview,
    Status,
)
from desktop.services import interviews as service
from desktop.services.errors import Refused
from desktop.vault import NotFound
from tests.factories import make_interview, new_vault

TODAY = date(2026, 2, 1)


@pytest.fixture
def vault(tmp_path):
    v = new_vault(tmp_path / "vault")
    yield v
    v.lock()


def actions(vault) -> list[tuple[str, str | None]]:
    return [(e.action, e.target) for e in vault.audit.entries()]


# --- save ---------------------------------------------------------------------------------------


def test_a_new_interview_is_added_with_its_audit_entry_and_its_drafts_go(vault):
    iv = make_interview()
    service.save_draft(vault, None, iv)
    service.save_draft(vault, "someone-else", make_interview(statement="Another form, still open"))
    stored = service.save_interview(vault, iv, today=TODAY, replaces_new_draft=True)
    assert stored.id == iv.id and stored.statement == iv.statement and stored.people == iv.people
    assert vault.interviews.get(iv.id).consent[ConsentUse.COMPLAINT].taken_by == "Sam"
    assert actions(vault)[-1] == ("interview.added", iv.id)
    assert service.load_draft(vault, None) is None
    assert service.load_draft(vault, "someone-else") is not None  # only this record's drafts


def test_a_save_from_elsewhere_leaves_the_new_interview_form_alone(vault):
    typed = make_interview(statement="Half of a new statement")
    service.save_draft(vault, None, typed)
    service.save_interview(vault, make_interview(), today=TODAY)  # not from the new-interview form
    assert service.load_draft(vault, None).statement == "Half of a new statement"


def test_saving_again_updates_keeps_the_creation_time_and_a_revision(vault):
    first = service.save_interview(vault, make_interview(), today=TODAY)
    changed = make_interview(statement="A corrected statement.")
    changed.id, changed.reference = first.id, first.reference
    service.save_draft(vault, first.id, changed)
    stored = service.save_interview(vault, changed, today=TODAY)
    assert stored.statement == "A corrected statement."
    assert stored.created_at == first.created_at and changed.created_at == first.created_at
    assert len(vault.interviews.revisions(first.id)) == 1
    assert actions(vault)[-1] == ("interview.updated", first.id)
    assert service.load_draft(vault, first.id) is None


def test_problems_are_refused_in_plain_words_and_nothing_is_stored(vault):
    iv = make_interview(interviewed_on=date(2027, 1, 1), force="")
    before = actions(vault)
    with pytest.raises(service.InterviewProblems) as caught:
        service.save_interview(vault, iv, today=TODAY)
    assert caught.value.problems == ["The interview date is in the future.", "Choose a police force (or “Unknown”)."]
    assert str(caught.value) == "\n".join(caught.value.problems) and isinstance(caught.value, Refused)
    assert "Amina" not in str(caught.value) and "visa" not in str(caught.value)
    assert vault.interviews.count() == 0 and actions(vault) == before


def test_a_reference_already_in_the_vault_is_not_saved_and_says_so(vault):
    first = service.save_interview(vault, make_interview(), today=TODAY)
    with pytest.raises(service.InterviewNotSaved) as caught:
        service.save_interview(vault, make_interview(reference=first.reference), today=TODAY)
    assert str(caught.value) == "The interview could not be saved."
    assert vault.interviews.count() == 1


@pytest.mark.parametrize(
    ("stored", "chosen", "saved"),
    [
        (None, Status.DRAFT, Status.DRAFT),
        (None, Status.COMPLETE, Status.COMPLETE),
        (None, Status.SEALED, Status.DRAFT),  # only recording the signature seals
        (Status.COMPLETE, Status.SEALED, Status.COMPLETE),
        (Status.COMPLETE, Status.DRAFT, Status.DRAFT),
        (Status.SEALED, Status.DRAFT, Status.SEALED),  # a signed statement stays sealed
        (Status.SEALED, Status.COMPLETE, Status.SEALED),
    ],
)
def test_status_to_save(stored, chosen, saved):
    assert service.status_to_save(stored, chosen) == saved


def test_a_save_cannot_seal_and_cannot_unseal(vault):
    stored = service.save_interview(vault, make_interview(status=Status.SEALED), today=TODAY)
    assert stored.status == Status.DRAFT
    sealed = vault.interviews.get(stored.id)
    sealed.status = Status.SEALED
    vault.interviews.update(sealed)  # as recording the signature does
    again = vault.interviews.get(stored.id)
    again.status = Status.DRAFT
    assert service.save_interview(vault, again, today=TODAY).status == Status.SEALED


# --- drafts -------------------------------------------------------------------------------------


def test_a_draft_round_trips_through_the_records_json_form_with_no_force_yet(vault):
    iv = make_interview(force="", outcomes=[], statement="Typed so far")
    service.save_draft(vault, None, iv)
    back = service.load_draft(vault, None)
    assert back.force == "" and back.to_dict() == iv.to_dict()
    service.clear_draft(vault, None)
    assert service.load_draft(vault, None) is None


def test_a_draft_that_cannot_be_read_says_so_and_is_left_in_place(vault):
    vault.drafts.save(service.draft_key("abc"), {"state": {"role": "sorcerer"}})
    with pytest.raises(service.DraftUnreadable) as caught:
        service.load_draft(vault, "abc")
    assert "cannot be read" in str(caught.value)
    assert vault.drafts.load(service.draft_key("abc")) is not None


def test_the_open_form_is_remembered_and_forgotten(vault):
    service.remember_open(vault, "abc")
    assert vault.drafts.load(service.OPEN_KEY) == {"id": "abc"}
    service.forget_open(vault)
    assert vault.drafts.load(service.OPEN_KEY) is None


# --- consent, attachments, delete -----------------------------------------------------------------


def test_withdrawing_given_consent_is_recorded_with_its_audit_entry(vault):
    stored = service.save_interview(vault, make_interview(), today=TODAY)
    after = service.withdraw_consent(vault, stored.id, ConsentUse.COMPLAINT, on=TODAY, by="Sam")
    c = after.consent[ConsentUse.COMPLAINT]
    assert (c.withdrawn_on, c.withdrawn_by) == (TODAY, "Sam") and not after.has_consent(ConsentUse.COMPLAINT)
    assert ("consent.withdrawn.complaint", stored.id) in actions(vault)


def test_withdrawing_consent_never_given_stores_nothing(vault):
    stored = service.save_interview(vault, make_interview(), today=TODAY)
    before = actions(vault)
    assert service.withdraw_consent(vault, stored.id, ConsentUse.QUOTATION, on=TODAY, by="Sam") is None
    assert actions(vault) == before
    assert ConsentUse.QUOTATION not in vault.interviews.get(stored.id).consent


def test_attaching_keeps_good_files_and_says_why_others_were_refused(vault, tmp_path):
    stored = service.save_interview(vault, make_interview(), today=TODAY)
    photo = tmp_path / "letter.png"
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buf, format="PNG")
    photo.write_bytes(buf.getvalue())
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture")
    result = service.attach_files(vault, stored.id, [photo, notes])
    assert result.added == 1 and len(result.rejected) == 1 and result.rejected[0]
    assert [a.display_name for a in vault.attachments.list(stored.id)] == ["letter.png"]
    assert ("attachment.added", stored.id) in actions(vault)


def test_delete_leaves_nothing_and_forgets_the_open_form_only_if_it_was_this_one(vault):
    doomed = service.save_interview(vault, make_interview(), today=TODAY)
    other = service.save_interview(vault, make_interview(statement="Another statement."), today=TODAY)
    service.save_draft(vault, doomed.id, doomed)
    service.remember_open(vault, other.id)
    service.delete_interview(vault, doomed.id)
    assert not vault.interviews.exists(doomed.id)
    assert service.load_draft(vault, doomed.id) is None
    assert actions(vault)[-1] == ("interview.deleted", doomed.id)
    assert vault.drafts.load(service.OPEN_KEY) == {"id": other.id}
    service.delete_interview(vault, other.id)
    assert vault.drafts.load(service.OPEN_KEY) is None
    with pytest.raises(NotFound):
        service.delete_interview(vault, other.id)


def test_core_reads_a_record_still_being_typed_only_when_asked():
    d = make_interview(force="").to_dict()
    with pytest.raises(ValueError, match="missing 'force'"):
        Interview.from_dict(d)
    assert Interview.from_dict(d, force_optional=True).force == ""
    with pytest.raises(ValueError, match="police force code"):
        Interview.from_dict({**d, "force": "atlantis"}, force_optional=True)
    with pytest.raises(ValueError, match="police force code"):
        Interview.from_dict({**d, "force": []}, force_optional=True)


def test_the_service_loads_no_qt():
    code = (
        "import sys, desktop.services.interviews\n"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'desktop.ui'))])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_consent_given_needs_who_took_it(tmp_path):
    from desktop.core.model import Consent, ConsentUse
    from desktop.services import interviews as service
    from desktop.services.errors import Refused
    from tests.factories import new_vault, sample_interview

    vault = new_vault(tmp_path / "v")
    try:
        iv = sample_interview(reference="WB-TAKE-0001")
        iv.consent[ConsentUse.CONTACT] = Consent(ConsentUse.CONTACT, True, iv.interviewed_on, "  ")
        with pytest.raises(Refused, match="Say who took the consent for follow-up contact"):
            service.save_interview(vault, iv, today=iv.interviewed_on)
        assert vault.interviews.count() == 0
        iv.consent[ConsentUse.CONTACT] = Consent(ConsentUse.CONTACT, True, iv.interviewed_on, "Sam")
        service.save_interview(vault, iv, today=iv.interviewed_on)
        assert vault.interviews.count() == 1
    finally:
        vault.lock()
