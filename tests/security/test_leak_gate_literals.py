"""The gate tells the statement's own wording apart from leaked text.

A recorded name part may be a word of the form ("Daniel Page" and "Page 2 of 3", "Amy Police" and
"Greater Manchester Police", "Grace Witness" and "WITNESS STATEMENT", a surname "Person" and the
pseudonym "Person A") or an ordinary English word ("Will", "Hope", "Grace", "May", "Rose",
"Mark"). Such statements export; the same names left in the statement, or drawn next to the
form's wording by a broken renderer, are still refused and nothing is written."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.core.model import Person, PersonRole
from desktop.reports import leak_gate
from desktop.reports.export import render_checked
from desktop.reports.fonts import FontSet
from desktop.reports.leak_gate import CaseSensitive, LeakDetected
from desktop.reports.statement import Rendered, draw_statement
from desktop.services.errors import Refused
from desktop.services.statements import statement_content, write_statement
from tests.factories import sample_interview
from tests.pdf_tools import pdftotext

FILLER = ("The officer asked about my visa before anything else. I did not call again after that. "
          "Nobody told me what happened to the crime report. ") * 12


def interview(name: str, statement: str, *, pages: int = 1):
    body = "\n\n".join([statement, *([FILLER] * (pages * 3 - 1))]) if pages > 1 else statement
    iv = sample_interview(statement=body, identifiers=[], language="English", interpreter_used=False)
    iv.people = [Person(name, PersonRole.INTERVIEWEE, [])]
    return iv


# Each recorded name, a statement in which it is redacted, and the form's or the language's own
# words that share a part with it.
HONEST = {
    "Daniel Page": "My name is Daniel Page. Page told the police I was scared.",
    "Amy Police": "My name is Amy Police. Greater Manchester Police came late; the police did not help.",
    "Grace Witness": "My name is Grace Witness. I was a witness to it and there was no grace period.",
    "Jan Person": "My name is Jan Person. Mr Person was kind. A person at the door shouted.",
    "Mary Statement": "My name is Mary Statement. I gave a statement to the police.",
    "Tom Reference": "My name is Tom Reference. I have a reference number somewhere.",
    "Will Hope": "My name is Will Hope. I will go and I hope it helps.",
    "May Rose": "My name is May Rose. In May 2024 I may go. The rose was red.",
    "Mark Grace": "My name is Mark Grace. I did not mark it; there was no grace.",
    "Tom Home": "My name is Tom Home. The officer called the Home Office and Immigration Enforcement.",
    "Ann Enforcement": "My name is Ann Enforcement. Immigration Enforcement came to the house.",
}

# the form's wording, written out here (not taken from the renderer) for the independent re-check
FORM = ["WITNESS STATEMENT", "Statement of", "Reference", "Role", "Victim", "Police force", "Crime reported",
        "Month and year reported", "Language of interview", "Interpreter used", "Statement", "Redactions",
        "Placeholder", "Type", "Why", "Person", "Consent", "Declaration", "Signed", "Date", "Worker",
        "Fingerprint (SHA-256)", "Greater Manchester Police", "March 2024", "Page", "Witness statement",
        "Home Office", "Immigration Enforcement contacted", "Immigration Enforcement"]


def capitalised_in(word: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.I) is not None and any(
        m.group()[0].isupper() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.I))


def without_form(text: str) -> str:
    """Extracted text with the form's wording, placeholders and the page footers taken out."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"Page \d+ of \d+", " ", text)
    text = re.sub(r"Person [A-Z]\b", " ", text)
    text = re.sub(r"(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November"
                  r"|December) \d{4}", " ", text)  # dates stay, as the redaction keeps them
    for words in sorted(FORM, key=len, reverse=True):
        text = re.sub(r"(?<!\w)" + re.escape(words) + r"(?!\w)", " ", text)
    return text


@pytest.mark.parametrize("name", sorted(HONEST))
def test_a_name_sharing_a_word_with_the_form_or_the_language_exports(name, tmp_path):
    iv = interview(name, HONEST[name], pages=2)
    content, forbidden = statement_content(iv)
    result = write_statement(content, forbidden, tmp_path / "s.pdf")
    data = result.path.read_bytes()
    # re-checked here without the gate: every capitalised name part is gone from the typed text
    # in both extractors, and the form still says what it says
    poppler = pdftotext(data)
    by_pypdf = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    assert len([p for p in poppler.split("\f") if p.strip()]) >= 2
    for text in (poppler, by_pypdf):
        assert name.casefold() not in re.sub(r"\s+", " ", text).casefold()
        for part in name.split():
            assert not capitalised_in(part, without_form(text)), part
    flat = re.sub(r"\s+", " ", poppler)
    assert "Page 1 of" in flat and "Greater Manchester Police" in flat and "WITNESS STATEMENT" in flat


def test_ordinary_words_are_not_taken_for_a_name_part():
    iv = interview("Will Hope", "My name is Will Hope. I will go and I hope it helps. WILL HOPE is my name.")
    content, forbidden = statement_content(iv)
    assert CaseSensitive("Will") in forbidden and any(isinstance(f, CaseSensitive) for f in forbidden)
    assert "I will go and I hope it helps" in content.statement
    render_checked(content, forbidden)


# -- the same names, leaked ---------------------------------------------------------------------

LEAKED = {
    "Daniel Page": "Daniel Page told the police I was scared.",
    "Page": "Page told the police I was scared.",
    "Will": "I will go, and Will came with me.",
    "WILL": "I will go, and WILL came with me.",
    "Grace": "There was no grace period, Grace said.",
    "Person": "Mr Person said that Person A was kind.",
    "Police": "Amy came, and Police came too.",
    "Page 1 of 2": "I met Page 1 of 2 times.",
    "Tom Home Office": "Tom Home Office staff came.",
    "Home": "Home said the Home Office would come.",
}


@pytest.mark.parametrize("case", sorted(LEAKED))
def test_a_name_left_in_the_statement_is_refused(case, tmp_path):
    names = {"Daniel Page": "Daniel Page", "Page": "Daniel Page", "Will": "Will Hope", "WILL": "Will Hope",
             "Grace": "Grace Witness", "Person": "Jan Person", "Police": "Amy Police", "Page 1 of 2": "Daniel Page",
             "Tom Home Office": "Tom Home", "Home": "Tom Home"}
    iv = interview(names[case], f"My name is {names[case]}.", pages=2)
    content, forbidden = statement_content(iv)
    leaky = dataclasses.replace(content, statement=content.statement + "\n\n" + LEAKED[case])
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Refused) as err:
        write_statement(leaky, forbidden, out / "s.pdf")
    assert isinstance(err.value.__cause__, LeakDetected)
    assert list(out.iterdir()) == []
    assert err.value.__cause__.index is not None
    assert names[case].split()[0] not in str(err.value) and names[case].split()[-1] not in str(err.value)


@pytest.mark.parametrize("case", sorted(LEAKED))
def test_the_drawn_statement_itself_is_refused_not_only_the_text_before_it(case):
    """The same leaks, past the check before drawing: the gate on the PDF refuses them on its own."""
    names = {"Daniel Page": ["Daniel Page", CaseSensitive("Page")], "Page": [CaseSensitive("Page")],
             "Will": [CaseSensitive("Will")], "WILL": [CaseSensitive("Will")], "Grace": [CaseSensitive("Grace")],
             "Person": [CaseSensitive("Person")], "Police": [CaseSensitive("Police")],
             "Page 1 of 2": [CaseSensitive("Page")], "Tom Home Office": ["Tom Home", CaseSensitive("Home")],
             "Home": [CaseSensitive("Home")]}
    iv = interview("Nobody Here", "My name is Nobody Here.", pages=2)
    content, _ = statement_content(iv)
    leaky = dataclasses.replace(content, statement=content.statement + "\n\n" + LEAKED[case])
    drawn = draw_statement(leaky)
    with pytest.raises(LeakDetected):
        leak_gate.check(drawn.data, names[case], expected_text=leaky.all_text(), literals=drawn.literals)
    clean = draw_statement(content)
    leak_gate.check(clean.data, names[case], expected_text=content.all_text(), literals=clean.literals)


def test_a_typed_value_where_a_fixed_one_is_expected_is_searched():
    iv = interview("Daniel Page", "My name is Daniel Page.")
    content, forbidden = statement_content(iv)
    for leaky in (dataclasses.replace(content, language="Page"), dataclasses.replace(content, pseudonym="Page"),
                  dataclasses.replace(content, force="Page Police"),
                  dataclasses.replace(content, facts=((*content.facts[0][:1], "Page"),))):
        with pytest.raises(LeakDetected):
            render_checked(leaky, forbidden)
        with pytest.raises(LeakDetected):  # and the PDF, drawn anyway, is refused by the gate on its own
            drawn = draw_statement(leaky)
            leak_gate.check(drawn.data, forbidden, literals=drawn.literals)


# -- renderers that draw a name next to the form's wording ----------------------------------------


def footer_renderer(footer: str, declared: list[tuple[int, str]], *, pages: int = 1):
    """A renderer that draws a plain page with ``footer`` at the foot of each page, and declares
    ``declared`` as the literals it drew."""
    font = FontSet.load()["Latin"].regular

    def render(content) -> Rendered:
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=A4, invariant=1, initialFontName=font)
        c.setTitle("Witness statement")
        c.setAuthor("")
        c.setSubject("")
        c.setKeywords("")
        c.setCreator("Witnessbox")
        c.setProducer("Witnessbox")
        for n in range(1, pages + 1):
            c.setFont(font, 10)
            c.drawString(50, 800, "WITNESS STATEMENT")
            c.drawString(50, 780, content.reference)
            c.drawString(400, 40, footer.format(n=n, m=pages))
            c.showPage()
        c.save()
        return Rendered(buf.getvalue(), tuple(declared))

    return render


def _content():
    content, _ = statement_content(interview("Nobody Here", "My name is Nobody Here."))
    return content


def test_the_footer_renderer_harness_passes_when_honest(tmp_path):
    """Control: an honest footer with its literals declared passes, so each refusal below is the leak's."""
    render = footer_renderer("Page {n} of {m}", [(1, "Page 1 of 2"), (2, "Page 2 of 2")], pages=2)
    write_statement(_content(), ["Li Page", CaseSensitive("Page")], tmp_path / "s.pdf", render=render)
    assert (tmp_path / "s.pdf").exists()
    with pytest.raises(Refused) as err:  # and without the literals declared, "Page" is found in the footer
        write_statement(_content(), [CaseSensitive("Page")], tmp_path / "t.pdf",
                         render=lambda c: render(c).data)
    assert isinstance(err.value.__cause__, LeakDetected)


@pytest.mark.parametrize(("footer", "declared", "forbidden"), [
    ("Page {n} of {m} Page", [(1, "Page 1 of 1")], [CaseSensitive("Page")]),  # a name after a literal
    ("Page Page {n} of {m}", [(1, "Page 1 of 1")], [CaseSensitive("Page")]),  # a name before it
    ("Li Page {n} of {m}", [(1, "Page 1 of 1")], ["Li Page", CaseSensitive("Page")]),  # running into it
    ("Page {n} of {m}", [(2, "Page 1 of 1")], [CaseSensitive("Page")]),  # declared on another page
    ("Page {n} of {m} Page {n} of {m}", [(1, "Page 1 of 1")], [CaseSensitive("Page")]),  # drawn more than declared
    ("Page {n} of {m}0", [(1, "Page 1 of 1")], [CaseSensitive("Page")]),  # a literal inside a longer one
    ("Daniel Page", [(1, "Daniel Page")], ["Daniel Page"]),  # declared, but not the form's wording
    ("Page {n} of {m} Grace", [(1, "Page 1 of 1 Grace")], [CaseSensitive("Grace")]),  # the same, one word
])
def test_a_name_in_the_footer_is_caught_whatever_the_renderer_declares(footer, declared, forbidden, tmp_path):
    render = footer_renderer(footer, declared)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Refused) as err:
        write_statement(_content(), forbidden, out / "s.pdf", render=render)
    assert isinstance(err.value.__cause__, LeakDetected)
    assert list(out.iterdir()) == []
    assert "Page" not in str(err.value) and "Grace" not in str(err.value)


def test_the_document_information_is_skipped_only_because_it_is_held_to_neutral_values():
    from tests.factories import POLISH_NAME

    clean = draw_statement(_content())
    leak_gate.check(clean.data, [CaseSensitive("Witness"), CaseSensitive("Statement")], literals=clean.literals)
    import pikepdf

    with pikepdf.open(io.BytesIO(clean.data)) as pdf:
        pdf.docinfo["/Trapped"] = pikepdf.String(POLISH_NAME)
        buf = io.BytesIO()
        pdf.save(buf)
    with pytest.raises(LeakDetected, match="Trapped"):
        leak_gate.check(buf.getvalue(), [], literals=clean.literals)
