"""What a statement for a complaint carries, read back from real PDFs with poppler: numbered
paragraphs, the facts of who took it and when, what was shared with Immigration Enforcement,
each person's role in the legend, the statement of truth and the interviewee's own words as an
annex, the typed parts redacted by the engine and checked by the leak gate."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import unicodedata

import pytest

from desktop.core.model import ConsentUse
from desktop.redaction import Decisions
from desktop.services import statements
from desktop.services.errors import LeakRefused, Refused
from desktop.services.organisation import organisation, set_organisation
from desktop.vault import Vault
from tests.factories import (
    FAST_KDF,
    PASSPHRASE,
    PHONE,
    POLISH_NAME,
    POLISH_PERP,
    URDU_NAME,
    new_vault,
    sample_interview,
)
from tests.pdf_tools import forms, pdftotext, text_forms

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext is not installed")

ORGANISATION = "Northside Migrant Support"
SHARED = f"The officer told Immigration Enforcement that {POLISH_PERP} was my partner and gave them {PHONE}."
ORIGINAL = f"میرے کزن {URDU_NAME} نے کہا کہ پولیس ہوم آفس کو بتا دے گی۔\n\nمجھے بہت ڈر لگا۔"


def _interview(**kw):
    values = dict(what_was_shared=SHARED, interviewer="Sam Okafor", interviewer_role="Outreach worker",
                  language="Urdu", original_text=ORIGINAL)
    values.update(kw)
    return sample_interview(**values)


def _export(tmp_path, iv, name="s.pdf"):
    content, forbidden = statements.statement_content(iv, organisation=ORGANISATION)
    result = statements.write_statement(content, forbidden, tmp_path / name)
    return content, result.path.read_bytes()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    iv = _interview()
    content, data = _export(tmp_path_factory.mktemp("pdf"), iv)
    return iv, content, data


def test_the_paragraphs_are_numbered_in_order_as_the_worker_counts_them(exported):
    _iv, content, data = exported
    text = pdftotext(data, "-layout")
    # a number hangs before its paragraph: at the left, or at the right of a right-to-left one
    numbers = [int(a or b) for a, b in re.findall(r"^\s*(\d+)\.\s{2,}|\s{2,}(\d+)\.\s*$", text, re.M)]
    assert numbers == [1, 2, 3, 4, 5, 6]  # one number per paragraph of the statement, in order
    assert re.search(r"^\s*1\.\s+My name is Person A\.", text, re.M)
    assert re.search(r"^\s*2\.\s+In March 2024 my partner Person B hit me", text, re.M)


def test_the_facts_say_who_took_it_when_and_in_what_role_but_never_the_interviewer_name(exported):
    _iv, _content, data = exported
    text = _flat(pdftotext(data))
    assert "Month and year of interview May 2024" in text
    assert f"Statement taken by {ORGANISATION}" in text
    assert "Interviewer's role Outreach worker" in text
    for form in forms("Sam Okafor") | forms("Okafor"):
        assert form not in text


def test_the_reference_is_printed_in_the_heading_and_in_each_footer_only(exported):
    _iv, content, data = exported
    pages = [p for p in pdftotext(data).split("\f") if p.strip()]
    assert sum(p.count(content.reference) for p in pages) == len(pages) + 1
    assert content.reference in pages[0].split("Statement of")[1]  # the heading, before the facts


def test_what_was_shared_is_printed_redacted_with_the_same_placeholders(exported):
    iv, _content, data = exported
    text = _flat(pdftotext(data))
    assert "What was shared with Immigration Enforcement" in text
    assert "told Immigration Enforcement that Person B was my partner and gave them [PHONE 1]." in text
    hay = text_forms(pdftotext(data)) | text_forms(pdftotext(data, "-raw"))
    for secret in (POLISH_PERP, "Łukasz", "Żółkiewski", PHONE, POLISH_NAME):
        for form in forms(secret):
            assert all(form not in h for h in hay), secret


def test_the_legend_gives_each_person_their_role_in_the_account_and_says_why_not_the_type(exported):
    _iv, content, data = exported
    roles = {e.placeholder: e.kind for e in content.legend}
    assert roles["Person A"] == "The interviewee"
    assert roles["Person B"] == "The perpetrator"
    assert roles["Person D"] == "A police officer"
    assert roles["Person F"] == "A witness"
    for e in content.legend:
        assert e.description.casefold() != e.kind.casefold()
        assert e.description.startswith(("Could", "A name could"))
    text = pdftotext(data, "-layout")
    assert re.search(r"Person B\s{2,}The perpetrator\s{2,}A name could identify them", text)
    assert re.search(r"Person D\s{2,}A police officer\s{2,}", text)
    assert re.search(r"\[PHONE 1\]\s{2,}A phone number\s{2,}Could be used to find or contact someone", text)


def test_the_statement_of_truth_stands_above_the_signature(exported):
    _iv, _content, data = exported
    text = _flat(pdftotext(data))
    truth = ("Statement of truth I believe the facts in this statement are true; I understand it may be used as "
             "evidence in a complaint about the police.")
    assert truth in text
    # The promise is made once: the declaration under it says who signs and that it was read back.
    assert text.count("are true") == 1 and "best of my knowledge" not in text
    assert "I, Person A, had this statement read back to me and was able to correct it." in text
    # on one page, the interviewee's signature line below it
    page = next(p for p in pdftotext(data, "-layout").split("\f") if "Statement of truth" in p)
    signed = re.search(r"^\s*Signed\s+Date\s*$", page, re.M)
    assert signed and page.index("Statement of truth") < signed.start()


def test_the_annex_carries_the_interviewee_own_words_redacted_and_reads_right_to_left(exported):
    _iv, content, data = exported
    pages = [p for p in pdftotext(data).split("\f") if p.strip()]
    annex = pages[-1]
    assert "Annex: the interviewee's own words" in annex and "Language: Urdu" in annex
    assert "Person E" in annex
    hay = text_forms(pdftotext(data)) | text_forms(pdftotext(data, "-raw"))
    for form in forms(URDU_NAME):
        assert all(form not in h for h in hay)
    # right to left: the line's first word ("my") is drawn at the right margin, the placeholder
    # that follows it to its left (poppler gives each Urdu word in drawing order, in presentation forms)
    html = pdftotext(data, "-bbox", "-f", str(len(pages)), "-l", str(len(pages)))
    words = [(float(x0), float(y0), float(x1), w) for x0, y0, x1, w in
             re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]+)</word>', html)]
    person = next(w for w in words if w[3] == "Person")
    line = sorted((w for w in words if abs(w[1] - person[1]) < 3), key=lambda w: w[0])
    rightmost = line[-1]
    assert unicodedata.normalize("NFKC", rightmost[3][::-1]) == "میرے"
    assert person[0] < rightmost[0]
    assert abs(rightmost[2] - (595.28 - 20 * 72 / 25.4)) < 2


def test_no_annex_when_the_interview_was_in_english_or_there_are_no_words(tmp_path):
    for n, iv in enumerate((_interview(language="English"), _interview(original_text="  "))):
        content, data = _export(tmp_path, iv, f"s{n}.pdf")
        assert content.annex == ""
        assert "Annex" not in pdftotext(data)


def test_a_recorded_name_typed_into_what_was_shared_never_reaches_the_pdf(tmp_path):
    iv = _interview(what_was_shared=f"They said {POLISH_NAME} had no visa. Aga was named. AGNIESZKA too.",
                    original_text="")
    _content, data = _export(tmp_path, iv)
    hay = text_forms(pdftotext(data)) | text_forms(pdftotext(data, "-raw"))
    for secret in (POLISH_NAME, "Agnieszka", "Wiśniewska"):
        for form in forms(secret):
            assert all(form not in h for h in hay), secret
    assert "They said Person A had no visa. Person A was named. Person A too." in _flat(pdftotext(data))


@pytest.mark.parametrize("field", ["shared", "annex"])
def test_the_leak_gate_checks_what_was_shared_and_the_annex(tmp_path, field):
    content, forbidden = statements.statement_content(_interview(), organisation=ORGANISATION)
    leaky = dataclasses.replace(content, **{field: getattr(content, field) + " Łukasz said so."})
    with pytest.raises(Refused) as err:
        statements.write_statement(leaky, forbidden, tmp_path / "s.pdf")
    assert isinstance(err.value, LeakRefused)
    assert "Łukasz" not in str(err.value) and "Nothing was written" in str(err.value)
    where = {"shared": "what was shared with Immigration Enforcement", "annex": "the interviewee's own words"}
    assert f"is still in {where[field]}" in str(err.value)
    assert not (tmp_path / "s.pdf").exists()


def test_a_recorded_name_in_the_organisation_or_the_role_is_refused_not_printed(tmp_path):
    content, forbidden = statements.statement_content(_interview(interviewer_role="Friend of Aga"),
                                                      organisation=ORGANISATION)
    with pytest.raises(LeakRefused):
        statements.write_statement(content, forbidden, tmp_path / "a.pdf")
    content, forbidden = statements.statement_content(_interview(), organisation="Wiśniewska Family Trust")
    with pytest.raises(LeakRefused):
        statements.write_statement(content, forbidden, tmp_path / "b.pdf")
    assert not list(tmp_path.glob("*.pdf"))


def test_a_manual_redaction_in_what_was_shared_is_applied_by_the_same_decisions(tmp_path):
    secret = "the farm shop by the ring road"
    iv = _interview(what_was_shared=f"They passed on where I work, {secret}, and my address.", original_text="")
    text = statements.statement_text(iv)
    start = text.index(secret)
    decisions = Decisions(text)
    decisions.add_manual(start, start + len(secret), "OTHER")
    content, forbidden = statements.statement_content(iv, decisions.to_dict(), organisation=ORGANISATION)
    assert content.shared == "They passed on where I work, [REDACTED 1], and my address."
    assert any(e.placeholder == "[REDACTED 1]" for e in content.legend)
    data = statements.write_statement(content, forbidden, tmp_path / "s.pdf").path.read_bytes()
    assert "farm shop" not in pdftotext(data)


def test_a_legend_row_never_stands_alone_at_the_foot_or_head_of_a_page(tmp_path):
    iv = _interview(what_was_shared="", original_text="")
    content, forbidden = statements.statement_content(iv, organisation=ORGANISATION)
    extra = "Then they asked me again."  # one line: the legend moves down a line at a time
    row = re.compile(r"^\s*(?:Person [A-Z]|\[[A-Z ]+ \d+\])\s{2,}\S", re.M)
    seen_split = False
    for n in range(0, 42):  # the legend starts lower and lower down the page
        longer = dataclasses.replace(content, statement=content.statement + ("\n\n" + extra) * n)
        data = statements.write_statement(longer, forbidden, tmp_path / f"s{n}.pdf").path.read_bytes()
        per_page = [len(row.findall(p)) for p in pdftotext(data, "-layout").split("\f")]
        assert all(c == 0 or c >= 2 for c in per_page), (n, per_page)
        assert sum(per_page) == len(content.legend)
        seen_split |= sum(1 for c in per_page if c) > 1
    assert seen_split  # some length did split the legend across two pages


# -- the organisation, and vaults that were made before these fields ------------------------------


def test_the_organisation_is_kept_in_the_vault_and_audited_without_its_name(tmp_path):
    v = new_vault(tmp_path / "v")
    try:
        assert organisation(v) == ""
        assert set_organisation(v, "  Northside   Migrant Support ") == ORGANISATION
        with pytest.raises(Refused, match="too long"):
            set_organisation(v, "x" * 121)
        with pytest.raises(Refused, match="cannot be printed"):
            set_organisation(v, "North\u200bside")
        assert organisation(v) == ORGANISATION
        entries = [e for e in v.audit.entries() if e.action == "settings.organisation_changed"]
        assert len(entries) == 1 and not any("Northside" in str(x) for x in vars(entries[0]).values())
    finally:
        v.lock()


def test_the_organisation_is_set_and_shown_from_the_command_line_and_printed(cli, tmp_path):
    code, out, _err = cli("organisation")
    assert code == 0 and "No organisation is set" in out
    code, out, _err = cli("organisation", ORGANISATION)
    assert code == 0 and ORGANISATION in out
    code, out, _err = cli("organisation", "--json")
    assert json.loads(out) == {"organisation": ORGANISATION}
    v = Vault.unlock(cli.vault, cli.pw.read_text().strip())
    try:
        iv = _interview()
        v.interviews.add(iv)
        result = statements.export_statement(v, iv.id, tmp_path / "out.pdf")
    finally:
        v.lock()
    assert f"Statement taken by {ORGANISATION}" in _flat(pdftotext(result.path.read_bytes()))
    code, out, _err = cli("show", iv.reference)
    assert code == 0 and "Interviewer's role: Outreach worker" in out
    assert f"What was shared with Immigration Enforcement:\n{SHARED}" in out
    assert f"In the interviewee's own words:\n{ORIGINAL}" in out
    code, out, _err = cli("organisation", "--clear")
    assert code == 0 and "cleared" in out
    assert cli("organisation", "X", "--clear")[0] != 0


def test_a_vault_whose_records_predate_these_fields_opens_and_exports(tmp_path):
    d = tmp_path / "v"
    v = Vault.create(d, PASSPHRASE, kdf=FAST_KDF)
    iv = sample_interview()
    v.interviews.add(iv)
    iv.statement += "\n\nA later paragraph."
    v.interviews.update(iv)
    # the records as an earlier Witnessbox wrote them: no interviewer's role, no own words
    con = v.connection()
    for table in ("interviews", "revisions"):
        con.execute(f"UPDATE {table} SET doc = json_remove(doc, '$.interviewer_role', '$.original_text')")
    assert "interviewer_role" not in v.connection().execute("SELECT doc FROM interviews").fetchone()[0]
    v.lock()

    v = Vault.unlock(d, PASSPHRASE)
    try:
        back = v.interviews.get(iv.id)
        assert back.interviewer_role == "" and back.original_text == ""
        assert v.interviews.get_revision(iv.id, v.interviews.revisions(iv.id)[0][0]).original_text == ""
        result = statements.export_statement(v, iv.id, tmp_path / "out.pdf")
        text = _flat(pdftotext(result.path.read_bytes()))
        assert "Interviewer's role Not recorded" in text and "Statement taken by Not recorded" in text
        assert "Annex" not in text
    finally:
        v.lock()


def test_consent_is_still_needed_for_the_new_parts(tmp_path):
    iv = _interview()
    del iv.consent[ConsentUse.COMPLAINT]
    with pytest.raises(Refused):
        statements.statement_content(iv, organisation=ORGANISATION)


# -- the layout: paragraph numbers and lines kept together -----------------------------------------

WIDTH = 283.0


def _paragraph(lines: int, **kw):
    """A paragraph of exactly ``lines`` lines at the test's width."""
    from desktop.reports.layout import ScriptParagraph

    probe = ScriptParagraph(" ".join(["word"] * 100), **kw)
    probe.wrap(WIDTH, 10_000)
    per_line = len(probe.drawn_lines()[0].split())
    p = ScriptParagraph(" ".join(["word"] * per_line * lines), **kw)
    p.wrap(WIDTH, 10_000)
    assert len(p.drawn_lines()) == lines
    return p


def test_a_paragraph_never_leaves_one_line_alone_at_the_foot_or_the_head_of_a_page():
    leading = _paragraph(4).leading
    # four lines, room for three: two go on, two follow (not three and one)
    first, rest = _paragraph(4).split(WIDTH, 3 * leading + 1)
    assert len(first.drawn_lines()) == 2 and len(rest.drawn_lines()) == 2
    # three lines, room for two: the whole paragraph moves on (not two and one, nor one and two)
    assert _paragraph(3).split(WIDTH, 2 * leading + 1) == []
    # room for one line of a long paragraph: it moves on whole
    assert _paragraph(6).split(WIDTH, leading + 1) == []
    # room for four of six: four and two
    first, rest = _paragraph(6).split(WIDTH, 4 * leading + 1)
    assert len(first.drawn_lines()) == 4 and len(rest.drawn_lines()) == 2


def test_a_paragraph_number_is_drawn_on_its_first_part_only():
    first, rest = _paragraph(6, number="12.", indent=20).split(WIDTH, 4 * _paragraph(4).leading + 1)
    assert first.number == "12." and rest.number is None


def test_a_sealed_statement_keeps_its_addenda_apart_from_what_was_shared_and_the_annex(tmp_path):
    from datetime import UTC, datetime

    from desktop.core.model import Status

    def version(text, status, month, day):
        v = _interview(statement=text, status=status)
        v.updated_at = datetime(2024, month, day, tzinfo=UTC)
        return v

    signed = f"My name is {POLISH_NAME}. Łukasz hit me."
    history = [version(signed, Status.SEALED, 5, 20)]
    current = version(signed + f"\n\n{POLISH_PERP} phoned me from {PHONE}.", Status.SEALED, 6, 3)
    content, forbidden = statements.statement_content(current, history=history, organisation=ORGANISATION)
    assert content.statement == "My name is Person A. Person B hit me."
    assert [(a.dated, a.text) for a in content.addenda] == [("3 June 2024", "Person B phoned me from [PHONE 1].")]
    assert content.shared == ("The officer told Immigration Enforcement that Person B was my partner and gave them "
                              "[PHONE 1].")
    assert re.match(r"میرے کزن Person [C-Z] نے کہا", content.annex) and URDU_NAME not in content.annex
    data = statements.write_statement(content, forbidden, tmp_path / "s.pdf").path.read_bytes()
    text = _flat(pdftotext(data))
    assert text.index("Addendum dated 3 June 2024") < text.index("What was shared with Immigration Enforcement")


def test_a_word_of_a_part_title_redacted_everywhere_by_hand_still_leaves_the_parts_apart(tmp_path):
    iv = _interview(statement="We shared a room above the shop. The officer asked about my visa.")
    text = statements.statement_text(iv)
    start = text.index("shared")
    decisions = Decisions(text)
    decisions.add_manual(start, start + len("shared"), "OTHER", every=True)  # the title's "shared" too
    content, forbidden = statements.statement_content(iv, decisions.to_dict(), organisation=ORGANISATION)
    assert content.statement == "We [REDACTED 1] a room above the shop. The officer asked about my visa."
    assert re.match(r"The officer told Immigration Enforcement that Person [A-Z] was my partner", content.shared)
    assert content.annex.startswith("میرے کزن")
    data = statements.write_statement(content, forbidden, tmp_path / "s.pdf").path.read_bytes()
    assert "What was shared with Immigration Enforcement" in _flat(pdftotext(data))  # the form's own heading


def test_the_signing_copy_carries_the_same_parts_unredacted_for_the_interviewee(tmp_path):
    from desktop.services.signing import save_signing_copy

    v = new_vault(tmp_path / "v")
    try:
        set_organisation(v, ORGANISATION)
        iv = _interview()
        v.interviews.add(iv)
        path = save_signing_copy(v, iv.id, tmp_path / "signing.pdf", confirmed=True)
    finally:
        v.lock()
    text = _flat(pdftotext(path.read_bytes()))
    assert f"Statement taken by {ORGANISATION}" in text and "Interviewer's role Outreach worker" in text
    assert f"1. My name is {POLISH_NAME}." in text
    assert f"that {POLISH_PERP} was my partner" in text  # what the interviewee said, to read back and sign
    assert "Annex: the interviewee's own words" in text and "Statement of truth" in text
    assert "Sam Okafor" not in text
