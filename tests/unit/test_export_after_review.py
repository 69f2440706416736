"""The export pressed in a review reuses the suggestions that review found, and only while they
are exactly what detection would find now: same text, same recorded identifiers."""

from __future__ import annotations

import pytest

from desktop.core.model import Person, PersonRole
from desktop.services import statements
from tests.factories import new_vault, sample_interview
from tests.pdf_tools import pdftotext

STATEMENT = ("Agnieszka rang the refuge on 07700 900123. Later Mrs Okafor from the centre phoned.\n\n"
             "Tomasz Wrona waited outside the flat and Mrs Okafor called the police.")


@pytest.fixture
def vault(tmp_path):
    v = new_vault(tmp_path / "vault")
    yield v
    v.lock()


@pytest.fixture
def detections(monkeypatch):
    """How many times the export's service ran the real detection, and on which texts."""
    seen: list[str] = []
    real = statements.detect

    def counted(text, known=None, **kw):
        seen.append(text)
        return real(text, known, **kw)

    monkeypatch.setattr(statements, "detect", counted)
    return seen


def _add(vault, **overrides) -> str:
    iv = sample_interview(reference="WB-RVEX-0001", id=f"{1:032x}", statement=STATEMENT, **overrides)
    vault.interviews.add(iv)
    return iv.id


def test_the_export_from_a_review_detects_nothing_again_and_writes_the_same_bytes(vault, tmp_path, detections):
    interview_id = _add(vault)
    cold = statements.export_statement(vault, interview_id, tmp_path / "cold.pdf")
    assert len(detections) == 1
    statements.review(vault, interview_id)
    assert len(detections) == 2
    warm = statements.export_statement(vault, interview_id, tmp_path / "warm.pdf")
    assert len(detections) == 2  # the review's suggestions, not found again
    assert (tmp_path / "warm.pdf").read_bytes() == (tmp_path / "cold.pdf").read_bytes()
    assert warm.fingerprint == cold.fingerprint


def test_a_person_recorded_after_the_review_is_detected_and_redacted(vault, tmp_path, detections):
    interview_id = _add(vault)
    statements.review(vault, interview_id)
    iv = vault.interviews.get(interview_id)
    iv.people.append(Person("Mrs Okafor", PersonRole.WITNESS))
    vault.interviews.update(iv)
    statements.export_statement(vault, interview_id, tmp_path / "s.pdf")
    assert len(detections) == 2  # the recorded identifiers changed: found again
    text = pdftotext((tmp_path / "s.pdf").read_bytes())
    assert "Okafor" not in text


def test_a_statement_changed_after_the_review_is_detected_again(vault, tmp_path, detections):
    interview_id = _add(vault)
    statements.review(vault, interview_id)
    iv = vault.interviews.get(interview_id)
    iv.statement = STATEMENT + "\n\nHe wrote to me at tomasz.w@example.org."
    vault.interviews.update(iv)
    statements.export_statement(vault, interview_id, tmp_path / "s.pdf")
    assert detections[-1] == iv.statement and len(detections) == 2
    assert "tomasz.w@example.org" not in pdftotext((tmp_path / "s.pdf").read_bytes())


def test_a_review_in_another_vault_is_never_reused(vault, tmp_path, detections):
    other = new_vault(tmp_path / "other")
    try:
        _add(other)
        statements.review(other, f"{1:032x}")
    finally:
        other.lock()
    interview_id = _add(vault)
    statements.export_statement(vault, interview_id, tmp_path / "s.pdf")
    assert len(detections) == 2


def test_what_a_review_read_is_gone_once_the_vault_locks(tmp_path):
    v = new_vault(tmp_path / "locking")
    interview_id = _add(v)
    statements.review(v, interview_id)
    assert any("Tomasz Wrona" in held[0] for held in v.session.values())
    v.lock()
    assert v.session == {}
