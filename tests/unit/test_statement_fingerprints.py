"""Statement fingerprints kept in the vault (desktop/services/fingerprints.py): the summary lists the
fingerprint an export printed without redacting the statement again, and never a stale one: an
interview edited, redacted differently, sealed with an addendum or printed under another organisation
after its export is listed with the fingerprint its statement has now."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from desktop.core.model import ConsentUse, Identifier, IdentifierKind, Person, PersonRole, Status
from desktop.redaction import Decisions, case_sensitive_parts, known_from_interview
from desktop.reports.export import protected_strings
from desktop.reports.leak_gate import CaseSensitive
from desktop.services import evidence, fingerprints, statements
from desktop.services.organisation import set_organisation
from desktop.vault import Vault
from tests.factories import make_interview, new_vault
from tests.pdf_tools import pdftotext


@pytest.fixture
def vault(tmp_path):
    v = new_vault(tmp_path / "vault")
    yield v
    v.lock()


def _listed(v: Vault) -> dict[str, str]:
    return {b.reference: b.fingerprint for b in evidence.backing_statements(v)}


def _fresh(v: Vault, interview_id: str) -> str:
    """The fingerprint of the statement as it would be made now, redacted from scratch."""
    content, _forbidden = statements.prepare(v, interview_id)
    return content.fingerprint


def _short(fingerprint: str) -> str:
    f = fingerprint[:16].upper()
    return " ".join(f[i:i + 4] for i in range(0, 16, 4))


def test_an_exported_statements_fingerprint_is_kept_and_listed_without_redacting_it_again(vault, tmp_path):
    ids = vault.interviews.add_many([make_interview(f"The officer asked about my visa on day {n}.") for n in range(3)])
    out = tmp_path / "out"
    out.mkdir()
    result = statements.export_statement(vault, ids[0], out)
    assert fingerprints.known(vault) == {ids[0]: result.fingerprint}
    listed = _listed(vault)
    assert listed[result.reference] == result.fingerprint
    # the summary computed and kept the other two; the next one redacts nothing again
    assert set(fingerprints.known(vault)) == set(ids)
    assert {vault.interviews.get(i).reference: _fresh(vault, i) for i in ids} == listed == _listed(vault)


def test_an_interview_edited_after_its_export_is_listed_with_its_new_fingerprint_in_the_summary(vault, tmp_path):
    interview_id = vault.interviews.add(make_interview("The officer asked about my visa."))
    out = tmp_path / "out"
    out.mkdir()
    old = statements.export_statement(vault, interview_id, out).fingerprint
    iv = vault.interviews.get(interview_id)
    vault.interviews.update(dataclasses.replace(iv, statement="The officer asked about my visa and my passport."))
    assert interview_id not in fingerprints.known(vault)
    new = _fresh(vault, interview_id)
    assert new != old
    release = evidence.summarise(vault, threshold=3)
    path = evidence.write_summary(vault, evidence.summary(release), tmp_path / "summary.pdf",
                                  statements=evidence.backing_statements(vault), made_on=date(2026, 12, 15))
    text = " ".join(pdftotext(path.read_bytes()).split())
    assert f"{iv.reference} {_short(new)}" in text
    assert _short(old) not in text
    assert fingerprints.known(vault) == {interview_id: new}


def test_new_redaction_decisions_a_new_organisation_and_a_new_engine_each_make_the_fingerprint_again(vault,
                                                                                                     monkeypatch):
    interview_id = vault.interviews.add(make_interview("Amina Khan told the officer about the visa."))
    reference = vault.interviews.get(interview_id).reference
    first = _listed(vault)[reference]
    assert fingerprints.known(vault) == {interview_id: first}

    text = statements.review(vault, interview_id).text
    decisions = Decisions(text)
    decisions.add_manual(text.index("officer"), text.index("officer") + len("officer"))
    statements.save_decisions(vault, interview_id, decisions.to_dict(), None)
    assert interview_id not in fingerprints.known(vault)
    second = _listed(vault)[reference]
    assert second == _fresh(vault, interview_id)

    set_organisation(vault, "Migrant Voices Leeds")
    assert interview_id not in fingerprints.known(vault)
    third = _listed(vault)[reference]
    assert third == _fresh(vault, interview_id) and third != second

    assert fingerprints.known(vault) == {interview_id: third}
    monkeypatch.setattr(fingerprints, "ENGINE", fingerprints.ENGINE + "-next")
    assert fingerprints.known(vault) == {}
    assert _listed(vault)[reference] == third  # computed again: the same statement, the same fingerprint
    assert fingerprints.known(vault) == {interview_id: third}
    monkeypatch.setattr(fingerprints, "program_digest", lambda: "a changed program")
    assert fingerprints.known(vault) == {}  # code changed without a new version or ENGINE: made again
    assert _listed(vault)[reference] == third


def test_the_program_digest_follows_every_file_but_not_compiled_caches(tmp_path):
    pkg = tmp_path / "desktop"
    (pkg / "redaction").mkdir(parents=True)
    (pkg / "redaction" / "names.py").write_text("RULE = 1\n")
    (pkg / "resources").mkdir()
    (pkg / "resources" / "places.txt").write_text("Leeds\n")
    first = fingerprints.files_digest(pkg)
    (pkg / "redaction" / "__pycache__").mkdir()
    (pkg / "redaction" / "__pycache__" / "names.cpython-311.pyc").write_bytes(b"\0")
    assert fingerprints.files_digest(pkg) == first
    (pkg / "redaction" / "names.py").write_text("RULE = 2\n")
    assert fingerprints.files_digest(pkg) != first
    (pkg / "redaction" / "names.py").write_text("RULE = 1\n")
    assert fingerprints.files_digest(pkg) == first
    (pkg / "resources" / "places.txt").write_text("Leeds\nBradford\n")
    assert fingerprints.files_digest(pkg) != first
    assert len(fingerprints.program_digest()) == 64


def test_a_sealed_statement_with_a_new_addendum_gets_a_new_fingerprint(vault):
    iv = make_interview("The officer asked about my visa.", status=Status.SEALED)
    interview_id = vault.interviews.add(iv)
    reference = iv.reference
    signed = _listed(vault)[reference]
    vault.interviews.update(dataclasses.replace(vault.interviews.get(interview_id),
                                                statement="The officer asked about my visa. He took my card."))
    assert interview_id not in fingerprints.known(vault)
    assert _listed(vault)[reference] == _fresh(vault, interview_id) != signed


def test_a_fingerprint_made_before_a_save_is_not_kept_under_the_new_record(vault):
    interview_id = vault.interviews.add(make_interview("The officer asked about my visa."))
    key = fingerprints.current_key(vault, interview_id)
    stale = _fresh(vault, interview_id)
    iv = vault.interviews.get(interview_id)
    vault.interviews.update(dataclasses.replace(iv, statement="The officer asked about my papers."))
    fingerprints.remember(vault, interview_id, key, stale)
    assert vault.fingerprints.stored() == {}
    assert _listed(vault)[iv.reference] == _fresh(vault, interview_id) != stale


def test_consent_withdrawn_takes_the_statement_off_the_list_and_a_delete_takes_its_fingerprint(vault):
    ids = vault.interviews.add_many([make_interview("The officer asked about my visa."),
                                     make_interview("The officer asked about my papers.")])
    assert len(_listed(vault)) == 2 and len(vault.fingerprints.stored()) == 2
    vault.interviews.withdraw_consent(ids[0], ConsentUse.COMPLAINT, date(2026, 2, 1), "Sam")
    assert list(_listed(vault)) == [vault.interviews.get(ids[1]).reference]
    vault.interviews.delete(ids[0])
    assert set(vault.fingerprints.stored()) == {ids[1]}


def test_the_protected_values_read_from_the_tables_are_those_of_the_whole_records(vault):
    # The summary's gate gets every recorded identifier without parsing each record: the same
    # strings, in the same order, with the same words marked as names only where capitalised.
    people = [Person("Will Hope", PersonRole.INTERVIEWEE, ["Grace"]), Person("Łucja Wiśniewska", PersonRole.FAMILY)]
    vault.interviews.add_many([
        make_interview("The officer asked about my visa."),
        make_interview("The officer asked about my visa.", people=people,
                       identifiers=[Identifier(IdentifierKind.PHONE, "07700 900123")]),
        make_interview("No one is named.", people=[], identifiers=[]),
    ])
    whole: dict[str, None] = {}
    for interview_id in vault.interviews.ids():
        iv = vault.interviews.get(interview_id)
        for s in protected_strings(iv, case_sensitive=case_sensitive_parts(known_from_interview(iv))):
            whole.setdefault(s, None)
    got = evidence.protected_values(vault)
    assert got == list(whole)
    assert [type(s) for s in got] == [type(s) for s in whole]
    assert any(isinstance(s, CaseSensitive) for s in got)
