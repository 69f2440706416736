"""Quotations against a real vault and real PDFs: marking, consent, redaction, the gate, attribution,
the command, and the schema migration (version 5) that stores them."""

from __future__ import annotations

import io
import json
from datetime import date

import pypdf
import pytest

from desktop.core.model import Consent, ConsentUse, CrimeType, Identifier, IdentifierKind, Person, PersonRole, Role
from desktop.core.quotations import Theme
from desktop.services import quotations
from desktop.services.errors import Refused
from desktop.vault import Vault
from desktop.vault import vault as vault_module
from desktop.vault.schema import MIGRATIONS, SCHEMA_VERSION
from tests.cli_driver import CLI_PASSPHRASE
from tests.factories import FAST_KDF, PASSPHRASE, make_interview, named_interview, new_vault
from tests.pdf_tools import pdftotext

STATEMENT = ("I went to the station with Amina Khan and gave them K1234567. The officer asked about my visa "
             "before anything else. After that I was too frightened to call the police again.")
PASSAGE = "with Amina Khan and gave them K1234567. The officer asked about my visa before anything else."


@pytest.fixture
def vault(tmp_path):
    v = new_vault(tmp_path / "vault")
    yield v
    v.lock()


def quotable(iv, given: bool = True):
    iv.consent[ConsentUse.QUOTATION] = Consent(ConsentUse.QUOTATION, given, date(2026, 1, 5), "Sam")
    return iv


def add(vault, statement: str = STATEMENT, *, consent: bool = True, **kw) -> str:
    iv = make_interview(statement, **kw)
    if consent:
        quotable(iv)
    return vault.interviews.add(iv)


def mark_text(vault, interview_id: str, passage: str, theme: Theme = Theme.REPORTING_DETERRED):
    text = vault.interviews.get(interview_id).statement
    start = text.index(passage)
    return quotations.mark(vault, interview_id, start, start + len(passage), theme)


def texts(data: bytes) -> list[str]:
    """The PDF's text as two independent readers see it, whitespace evened out."""
    by_pypdf = "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    return [" ".join(t.split()) for t in (pdftotext(data), by_pypdf)]


def written(vault, tmp_path, name: str = "q.pdf", **kw) -> tuple[quotations.WriteResult, list[str]]:
    result = quotations.write_pdf(vault, tmp_path / name, **kw)
    return result, texts(result.path.read_bytes())


def test_a_recorded_name_inside_a_marked_passage_comes_out_redacted(vault, tmp_path):
    iv_id = add(vault)
    mark_text(vault, iv_id, PASSAGE)
    result, read = written(vault, tmp_path)
    assert result.quotations == 1 and result.interviews == 1 and not result.left_out
    for text in read:
        assert "with Person A and gave them [HOME OFFICE REF 1]. The officer asked about my visa" in text
        for secret in ("Amina", "Khan", "K1234567", "Ami "):
            assert secret.lower() not in text.lower()
        assert "Reporting deterred" in text
    assert "0 traces" in result.gate


def test_without_quotation_consent_or_with_it_withdrawn_a_quotation_never_appears(vault, tmp_path):
    with_consent = add(vault, "The kettle was blue when the officer asked about my papers.")
    refused = add(vault, "The lantern was green when the officer asked about my papers.", consent=False)
    declined = make_interview("The carpet was red when the officer asked about my papers.")
    quotable(declined, given=False)
    declined_id = vault.interviews.add(declined)
    mark_text(vault, with_consent, "The kettle was blue")
    mark_text(vault, refused, "The lantern was green")
    mark_text(vault, declined_id, "The carpet was red")
    result, read = written(vault, tmp_path)
    assert result.quotations == 1
    for text in read:
        assert "kettle was blue" in text
        assert "lantern" not in text and "carpet" not in text

    vault.interviews.withdraw_consent(with_consent, ConsentUse.QUOTATION, date(2026, 2, 1), "Sam")
    result, read = written(vault, tmp_path, "after.pdf")
    assert result.quotations == 0 and result.interviews == 0
    for text in read:
        assert "kettle" not in text
        assert text.count("No quotation under this theme.") == 3


def test_quotation_consent_alone_is_enough(vault, tmp_path):
    iv = make_interview("The officer rang the Home Office while I waited.", consent={})
    quotable(iv)
    iv_id = vault.interviews.add(iv)
    mark_text(vault, iv_id, "The officer rang the Home Office while I waited.", Theme.ACTION_AFTER_REPORTING)
    _result, read = written(vault, tmp_path)
    assert all("rang the Home Office while I waited" in t for t in read)


def test_attribution_is_dropped_where_fewer_than_the_threshold_share_it(vault, tmp_path):
    common = [add(vault, f"Statement {n}: the officer asked about my visa.") for n in range(4)]
    kent = add(vault, "In Kent the officer asked about my visa first.", force="kent")
    lone = add(vault, "The witness saw the officer call immigration.", role=Role.WITNESS,
               crime_type=CrimeType.HATE_CRIME, force="dyfed-powys")
    mark_text(vault, common[0], "Statement 0: the officer asked about my visa.")
    mark_text(vault, kent, "In Kent the officer asked about my visa first.")
    mark_text(vault, lone, "The witness saw the officer call immigration.", Theme.ACTION_AFTER_REPORTING)

    collected = quotations.collect(vault, threshold=5)
    by_text = {p.text: p.attribution for ps in collected.by_theme.values() for p in ps}
    # four Metropolitan interviews and one in Kent: victim and domestic abuse are shared by five, the force is not
    assert by_text["Statement 0: the officer asked about my visa."] == ("Victim", "Domestic abuse")
    assert by_text["In Kent the officer asked about my visa first."] == ("Victim", "Domestic abuse")
    assert by_text["The witness saw the officer call immigration."] == ()
    _result, read = written(vault, tmp_path)
    for text in read:
        assert "Kent Police" not in text and "Dyfed" not in text and "Metropolitan" not in text
        assert "Hate crime" not in text and "Witness" not in text
        assert "An interviewee" in text

    # with a threshold of 4 the four Metropolitan interviews may be named by force; Kent still may not
    collected = quotations.collect(vault, threshold=4)
    by_text = {p.text: p.attribution for ps in collected.by_theme.values() for p in ps}
    assert by_text["Statement 0: the officer asked about my visa."] == (
        "Victim", "Domestic abuse", "Metropolitan Police Service")
    assert by_text["In Kent the officer asked about my visa first."] == ("Victim", "Domestic abuse")


def test_attribution_counts_only_interviews_with_active_quotation_consent(vault):
    ids = [add(vault, f"Statement {n}: the officer asked about my visa.") for n in range(5)]
    mark_text(vault, ids[0], "Statement 0: the officer asked about my visa.")
    assert quotations.collect(vault).by_theme[Theme.REPORTING_DETERRED][0].attribution == (
        "Victim", "Domestic abuse", "Metropolitan Police Service")
    vault.interviews.withdraw_consent(ids[4], ConsentUse.QUOTATION, date(2026, 2, 1), "Sam")
    assert quotations.collect(vault).by_theme[Theme.REPORTING_DETERRED][0].attribution == ()


def test_a_passage_holding_another_interviews_recorded_identifier_is_left_out(vault, tmp_path):
    other = make_interview("Nothing quotable.", identifiers=[Identifier(IdentifierKind.OTHER, "moonstone")])
    vault.interviews.add(other)
    iv_id = add(vault, "We used to meet at the moonstone cafe before the police came.", reference="WB-QQQQ-0001")
    mark_text(vault, iv_id, "We used to meet at the moonstone cafe")
    mark_text(vault, iv_id, "before the police came.", Theme.ACTION_AFTER_REPORTING)
    result, read = written(vault, tmp_path)
    assert result.quotations == 1
    assert len(result.left_out) == 1 and "WB-QQQQ-0001" in result.left_out[0]
    assert "moonstone" not in result.left_out[0]
    for text in read:
        assert "moonstone" not in text.lower() and "before the police came." in text


def test_marks_are_audited_by_interview_id_and_removed_one_at_a_time(vault, tmp_path):
    iv_id = add(vault)
    first = mark_text(vault, iv_id, "The officer asked about my visa")
    second = mark_text(vault, iv_id, "too frightened to call the police again", Theme.REPORTING_DETERRED)
    assert [q.id for q in quotations.listed(vault, iv_id)] == [first.id, second.id]
    assert quotations.remove(vault, first.id)
    assert not quotations.remove(vault, first.id)
    assert [q.id for q in quotations.listed(vault, iv_id)] == [second.id]
    entries = [(e.action, e.target) for e in vault.audit.entries() if e.action.startswith("quotation.")]
    assert entries == [("quotation.marked", iv_id), ("quotation.marked", iv_id), ("quotation.removed", iv_id)]


def test_marking_needs_a_stretch_of_text_and_a_theme(vault):
    iv_id = add(vault)
    with pytest.raises(Refused, match="Select the passage"):
        quotations.mark(vault, iv_id, 5, 5, Theme.STATUS_THREAT)
    with pytest.raises(Refused, match="Select the passage"):
        quotations.mark(vault, iv_id, 0, 10_000, Theme.STATUS_THREAT)
    with pytest.raises(Refused, match="theme"):
        quotations.mark(vault, iv_id, 0, 5, "gossip")
    q = quotations.mark(vault, iv_id, 0, 8, Theme.STATUS_THREAT)  # "I went t" snaps to no word: kept as marked
    assert q.passage == STATEMENT[:8]


def test_a_quotation_follows_its_passage_and_is_left_out_once_the_passage_changes(vault, tmp_path):
    iv_id = add(vault, reference="WB-QQQQ-0002")
    mark_text(vault, iv_id, "too frightened to call the police again")
    iv = vault.interviews.get(iv_id)
    iv.statement = "A new first sentence. " + iv.statement
    vault.interviews.update(iv)
    result, read = written(vault, tmp_path)
    assert result.quotations == 1 and all("too frightened to call the police again" in t for t in read)

    iv.statement = iv.statement.replace("too frightened", "much too scared")
    vault.interviews.update(iv)
    result, read = written(vault, tmp_path, "changed.pdf")
    assert result.quotations == 0
    assert len(result.left_out) == 1 and "WB-QQQQ-0002" in result.left_out[0] and "changed" in result.left_out[0]


def test_a_boundary_inside_a_redacted_name_takes_the_whole_placeholder(vault):
    iv_id = add(vault)
    start = STATEMENT.index("Khan and gave")  # starts inside the recorded name
    quotations.mark(vault, iv_id, start, start + len("Khan and gave them"), Theme.STATUS_THREAT)
    (passage,) = quotations.collect(vault).by_theme[Theme.STATUS_THREAT]
    assert passage.text == "Person A and gave them"


def test_a_redaction_the_reviewer_added_is_in_the_quotation_too(vault):
    from desktop.redaction import Decisions

    iv_id = add(vault, "My cousin from Leeds drove me to the station that night.")
    text = vault.interviews.get(iv_id).statement
    decisions = Decisions(text)
    at = text.index("Leeds")
    decisions.add_manual(at, at + len("Leeds"), "OTHER", every=True)
    vault.redaction.save_decisions(iv_id, decisions.to_dict())
    mark_text(vault, iv_id, "My cousin from Leeds drove me to the station that night.")
    (passage,) = quotations.collect(vault).by_theme[Theme.REPORTING_DETERRED]
    assert "Leeds" not in passage.text and "[REDACTED 1]" in passage.text


def test_deleting_an_interview_deletes_its_quotations(vault):
    iv_id = add(vault)
    mark_text(vault, iv_id, "The officer asked about my visa")
    vault.interviews.delete(iv_id)
    assert vault.quotations.interview_ids() == []
    assert vault.connection().execute("SELECT count(*) FROM quotations").fetchone()[0] == 0


def test_a_version_4_vault_migrates_to_the_quotations_table(tmp_path, monkeypatch):
    d = tmp_path / "vault"
    monkeypatch.setattr(vault_module, "MIGRATIONS", MIGRATIONS[:4])
    monkeypatch.setattr(vault_module, "SCHEMA_VERSION", 4)
    v = Vault.create(d, PASSPHRASE, kdf=FAST_KDF)
    iv = quotable(named_interview(STATEMENT))
    v.interviews.add(iv)
    v.lock()
    monkeypatch.undo()

    v = Vault.unlock(d, PASSPHRASE)
    try:
        assert v.connection().execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert v.interviews.get(iv.id) == iv
        assert v.quotations.for_interview(iv.id) == []
        mark_text(v, iv.id, PASSAGE)
        assert len(v.quotations.for_interview(iv.id)) == 1
    finally:
        v.lock()


def test_the_command_writes_the_pdf_and_says_what_was_left_out(cli, tmp_path):
    v = Vault.unlock(cli.vault, CLI_PASSPHRASE)
    try:
        iv_id = add(v)
        mark_text(v, iv_id, PASSAGE)
    finally:
        v.lock()
    out = tmp_path / "quotes.pdf"
    code, stdout, err = cli("quotations", "--out", str(out), "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert (data["quotations"], data["interviews"], data["left_out"]) == (1, 1, [])
    assert all("Person A" in t and "Amina" not in t for t in texts(out.read_bytes()))
    code, _out, err = cli("quotations", "--out", str(out))
    assert code == 1 and "already there" in err
    code, _out, err = cli("quotations", "--out", str(tmp_path / "other.pdf"), "--threshold", "2")
    assert code == 2 and "threshold" in err


def test_a_passage_of_a_dated_addendum_is_quoted_and_no_mark_runs_across_one(vault):
    from desktop.services import signing, statements

    iv_id = add(vault, "I was too frightened to go back.")
    signing.seal(vault, iv_id)
    iv = vault.interviews.get(iv_id)
    iv.statement += " Later Amina Khan had a letter from Immigration Enforcement."
    vault.interviews.update(iv)
    text = statements.statement_text(vault.interviews.get(iv_id), statements.saved_versions(vault, iv))
    assert statements.ADDENDUM_BREAK in text
    start = text.index("Later")
    quotations.mark(vault, iv_id, start, len(text), Theme.ACTION_AFTER_REPORTING)
    (passage,) = quotations.collect(vault).by_theme[Theme.ACTION_AFTER_REPORTING]
    assert passage.text == "Later Person A had a letter from Immigration Enforcement."
    with pytest.raises(Refused, match="addendum"):
        quotations.mark(vault, iv_id, text.index("too frightened"), start + 5, Theme.REPORTING_DETERRED)


def test_a_force_named_in_a_recorded_address_still_attributes_by_that_force(vault, tmp_path):
    ids = [add(vault, f"Statement {n}: the officer asked about my visa.", force="kent") for n in range(4)]
    ids.append(add(vault, "The officer asked about my visa at the station.", force="kent",
                   identifiers=[Identifier(IdentifierKind.ADDRESS, "12 Kent Road")]))
    mark_text(vault, ids[-1], "The officer asked about my visa at the station.")
    result, read = written(vault, tmp_path)
    assert result.quotations == 1
    for text in read:
        assert "Victim, Domestic abuse, Kent Police" in text and "Kent Road" not in text


def test_unreadable_review_decisions_leave_the_statements_quotations_out(vault):
    iv_id = add(vault, reference="WB-QQQQ-0003")
    mark_text(vault, iv_id, "The officer asked about my visa")
    vault.redaction.save_decisions(iv_id, {"version": 1, "decisions": [{"kind": "forget"}]})
    collected = quotations.collect(vault)
    assert collected.count == 0
    assert len(collected.left_out) == 1 and "WB-QQQQ-0003" in collected.left_out[0]


def test_a_name_recorded_in_another_interview_is_found_in_part(vault, tmp_path):
    other = make_interview("Nothing quotable.", people=[Person("Kasia Wrobel", PersonRole.PERPETRATOR)])
    vault.interviews.add(other)
    iv_id = add(vault, "He said wrobel would sort it out with the police. The officer asked about my visa.",
                reference="WB-QQQQ-0004")
    mark_text(vault, iv_id, "He said wrobel would sort it out with the police.")
    mark_text(vault, iv_id, "The officer asked about my visa.", Theme.STATUS_THREAT)
    result, read = written(vault, tmp_path)
    assert result.quotations == 1 and len(result.left_out) == 1 and "WB-QQQQ-0004" in result.left_out[0]
    for text in read:
        assert "wrobel" not in text.lower() and "The officer asked about my visa." in text
