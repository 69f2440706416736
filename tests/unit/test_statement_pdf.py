"""The statement PDF read back with independent tools: poppler, qpdf, pikepdf, pypdf."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from datetime import date

import pikepdf
import pytest

from desktop.core.model import Consent, ConsentUse
from desktop.reports.export import ExportRefused, build_content, render_signing_copy, signing_content
from desktop.reports.fonts import UncoveredCharacter
from desktop.reports.statement import PERSONAL_DATA_MARK, render_statement
from tests.factories import redact, sample_interview
from tests.pdf_tools import pdftotext

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdffonts"),
                                   reason="poppler-utils (pdftotext, pdffonts) is not installed")
needs_qpdf = pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf is not installed")


@pytest.fixture(scope="module")
def content():
    iv = sample_interview()
    return build_content(iv, redact(iv))


@pytest.fixture(scope="module")
def pdf(content) -> bytes:
    return render_statement(content)


def pages_text(data: bytes) -> list[str]:
    return [p for p in pdftotext(data).split("\f") if p.strip()]


@needs_poppler
def test_facts_are_in_the_statement(pdf):
    text = re.sub(r"\s+", " ", pdftotext(pdf))
    for fact in ("Greater Manchester Police", "Domestic abuse", "March 2024", "Victim", "WB-7KQ3-M9XD",
                 "Person A", "WITNESS STATEMENT", "Interpreter used Yes", "Immigration Enforcement",
                 "Rochdale", "Declaration", "Redactions", "[HOME OFFICE REF 1]"):
        assert fact in text, fact


@needs_poppler
def test_every_page_has_page_n_of_m_reference_and_fingerprint(content):
    long = dataclasses.replace(content, statement="\n\n".join([content.statement] * 8))
    data = render_statement(long)
    pages = pages_text(data)
    assert len(pages) >= 5
    short = long.short_fingerprint
    for n, page in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in page
        assert "Reference WB-7KQ3-M9XD" in page
        assert f"Fingerprint {short}" in page
    # the full fingerprint is printed once, in the declaration block
    assert long.fingerprint in pdftotext(data)


@needs_poppler
def test_nothing_runs_past_the_margins_on_a_long_statement(content):
    words = " ".join(["Officers", "asked", "about", "my", "status", "Supercalifragilisticexpialidocious" * 3,
                      "ਪੁਲਿਸ", "پولیس", "[HOME OFFICE REF 1]"] * 400)
    data = render_statement(dataclasses.replace(content, statement=words))
    html = pdftotext(data, "-bbox")
    boxes = [(float(a), float(b)) for a, b in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)]
    assert len(boxes) > 1000
    left, right = 20 * 72 / 25.4, 595.28 - 20 * 72 / 25.4
    outside = [(a, b) for a, b in boxes if a < left - 1 or b > right + 1]
    assert outside == []


@needs_poppler
def test_every_font_is_embedded(pdf):
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=False)
    if out.returncode != 0:  # older poppler reads no stdin
        out = subprocess.run(["pdffonts", "fd://0"], input=pdf, capture_output=True, check=True)
    rows = out.stdout.decode().splitlines()[2:]
    assert len(rows) >= 4  # Latin regular and bold, Arabic script, Gurmukhi
    names = " ".join(r.split()[0] for r in rows)
    for family in ("NotoSans-Regular", "NotoSans-Bold", "NotoNaskhArabic", "NotoSansGurmukhi"):
        assert family in names
    for row in rows:
        cols = row.split()
        emb = cols[-5]
        assert emb == "yes", row


@needs_qpdf
def test_qpdf_check_is_clean(pdf, tmp_path):
    path = tmp_path / "s.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No syntax or stream encoding errors" in out.stdout


def test_metadata_is_neutral_and_there_is_no_outline_or_annotation(pdf):
    with pikepdf.open(__import__("io").BytesIO(pdf)) as p:
        info = {str(k): str(v) for k, v in p.docinfo.items()}
        assert info["/Title"] == "Witness statement"
        assert info["/Author"] == "" and info["/Subject"] == "" and info["/Keywords"] == ""
        assert info["/CreationDate"].startswith("D:2000")
        assert set(p.Root.keys()) <= {"/Type", "/Pages", "/PageMode"}
        assert all("/Annots" not in page.obj for page in p.pages)
        assert p.trailer.get("/Prev") is None
    assert pdf.count(b"%%EOF") == 1


def test_rendering_is_deterministic(content):
    assert render_statement(content) == render_statement(content)


def test_fingerprint_follows_the_text(content):
    changed = dataclasses.replace(content, statement=content.statement + " More.")
    assert changed.fingerprint != content.fingerprint
    assert re.fullmatch(r"[0-9a-f]{64}", content.fingerprint)


def test_a_character_no_font_draws_is_a_clear_error_naming_only_the_code_point(content):
    bad = dataclasses.replace(content, statement="The shop sign said 中 and nothing else.")
    with pytest.raises(UncoveredCharacter) as err:
        render_statement(bad)
    msg = str(err.value)
    assert "U+4E2D" in msg and "Han" in msg
    assert "shop" not in msg and "中" not in msg
    assert err.value.codepoint == 0x4E2D


@needs_poppler
def test_urdu_and_punjabi_passages_are_drawn_in_their_fonts(content):
    data = render_statement(content)
    text = pdftotext(data)
    assert "ਪੁਲਿਸ" in text or "ਪੁਿਲਸ" in text  # poppler reports the vowel sign where it is drawn
    import unicodedata

    assert "پولیس" in unicodedata.normalize("NFKC", text) or "سیلوپ" in unicodedata.normalize("NFKC", text)


def test_no_consent_no_statement():
    from desktop.services.statements import consent_refusal

    iv = sample_interview(consent={})
    assert "no consent to use it in the complaint" in str(consent_refusal(iv))
    with pytest.raises(ExportRefused, match="no active consent"):
        build_content(iv, redact(iv))
    withdrawn = sample_interview(consent={ConsentUse.COMPLAINT: Consent(
        ConsentUse.COMPLAINT, True, date(2024, 5, 2), "worker", withdrawn_on=date(2024, 6, 1))})
    assert "withdrew consent" in str(consent_refusal(withdrawn))
    with pytest.raises(ExportRefused):
        build_content(withdrawn, redact(withdrawn))
    other_use_only = sample_interview(consent={ConsentUse.QUOTATION: Consent(ConsentUse.QUOTATION, True)})
    assert consent_refusal(other_use_only) is not None
    with pytest.raises(ExportRefused):
        build_content(other_use_only, redact(other_use_only))
    assert consent_refusal(sample_interview()) is None


@needs_poppler
def test_signing_copy_is_marked_on_every_page_and_only_made_on_confirmation(tmp_path):
    iv = sample_interview(statement="\n\n".join([sample_interview().statement] * 5))
    with pytest.raises(ExportRefused):
        signing_content(iv, confirmed=False)
    content = signing_content(iv, confirmed=True)
    data = render_signing_copy(content)
    pages = pages_text(data)
    assert len(pages) >= 3
    for page in pages:
        assert PERSONAL_DATA_MARK in re.sub(r"\s+", " ", page)
    assert "Agnieszka" in pdftotext(data)  # it is the unredacted statement
    assert list((tmp_path / "tmp").iterdir()) == []  # rendering wrote nothing, not even a temp file


@needs_poppler
def test_sealed_statement_shows_dated_addenda(content):
    from desktop.reports.statement import Addendum

    sealed = dataclasses.replace(content, sealed_on="20 May 2024",
                                 addenda=(Addendum("3 June 2024", "Person A added that the officer took a photo."),))
    text = re.sub(r"\s+", " ", pdftotext(render_statement(sealed)))
    assert "Addendum dated 3 June 2024" in text
    assert "signed on 20 May 2024 and sealed" in text
    assert sealed.fingerprint != content.fingerprint


@needs_poppler
@pytest.mark.parametrize("language", ["Urdu", "Punjabi"])
def test_statements_told_in_urdu_and_punjabi_stay_inside_the_margins(content, language):
    from tests.factories import PUNJABI_STATEMENT, URDU_STATEMENT

    body = URDU_STATEMENT if language == "Urdu" else PUNJABI_STATEMENT
    data = render_statement(dataclasses.replace(content, statement="\n\n".join([body] * 12), language=language))
    pages = pages_text(data)
    assert len(pages) >= 3
    html = pdftotext(data, "-bbox")
    boxes = [(float(a), float(b)) for a, b in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)]
    left, right = 20 * 72 / 25.4, 595.28 - 20 * 72 / 25.4
    assert [(a, b) for a, b in boxes if a < left - 1 or b > right + 1] == []
    font_rows = subprocess.run(["pdffonts", "fd://0"], input=data, capture_output=True, check=True).stdout.decode()
    assert ("NotoNaskhArabic" if language == "Urdu" else "NotoSansGurmukhi") in font_rows


@needs_poppler
def test_a_sealed_statement_shows_the_signed_text_and_later_changes_as_dated_addenda():
    from datetime import UTC, datetime

    from desktop.core.model import Status
    from desktop.reports.export import render_checked
    from desktop.services.statements import seal_history, statement_content

    def version(text, status, day):
        v = sample_interview(statement=text, status=status)
        v.updated_at = datetime(2024, day[0], day[1], tzinfo=UTC)
        return v

    signed = "My name is Agnieszka Wiśniewska. Łukasz hit me."
    history = [version(signed, Status.COMPLETE, (5, 2)), version(signed, Status.SEALED, (5, 20)),
               version(signed + "\n\nŁukasz Żółkiewski phoned me from 07700 900123.", Status.SEALED, (6, 3))]
    current = version(history[-1].statement.replace("phoned", "rang"), Status.SEALED, (7, 1))
    seal = seal_history([*history, current])
    assert seal.signed == signed and seal.sealed_on.isoformat() == "2024-05-20" and len(seal.changes) == 2
    assert seal.changes[1][1].startswith("The statement was changed after it was signed")
    content, forbidden = statement_content(current, history=history)
    assert content.statement == "My name is Person A. Person B hit me."
    assert [a.dated for a in content.addenda] == ["3 June 2024", "1 July 2024"]
    assert content.addenda[0].text == "Person B phoned me from [PHONE 1]."  # one pseudonym per person throughout
    data, _report = render_checked(content, forbidden)
    text = re.sub(r"\s+", " ", pdftotext(data))
    assert "Addendum dated 3 June 2024" in text and "signed on 20 May 2024 and sealed" in text
    assert "Łukasz" not in text and "07700" not in text
    unsealed = sample_interview(statement=signed)
    assert seal_history([unsealed]) is None


@needs_poppler
@pytest.mark.parametrize("words", ["قال إنه سيتصل أولاً بوزارة الداخلية.", "ثمّ سألني عن جواز سفري"])
def test_arabic_words_whose_run_begins_with_a_raised_mark_are_drawn(words):
    """A shaped run that begins with a raised mark (tanween, shadda) used to stop the export with an
    IndexError from reportlab's text object: the statement could not be made at all."""
    iv = dataclasses.replace(sample_interview(), statement="He came to the flat.\n\n" + words)
    data = render_statement(build_content(iv, redact(iv)))
    import unicodedata

    text = unicodedata.normalize("NFKC", pdftotext(data))
    last = unicodedata.normalize("NFKC", words.split()[-1].rstrip("."))
    assert last in text or last[::-1] in text


def _words_by_line(data: bytes) -> dict[float, list[tuple[float, float, str]]]:
    """Page one's words from poppler's boxes, grouped by the line (the box's top) they stand on."""
    html = pdftotext(data, "-bbox", "-f", "1", "-l", "1")
    lines: dict[float, list[tuple[float, float, str]]] = {}
    for x0, y0, x1, word in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html):
        lines.setdefault(round(float(y0)), []).append((float(x0), float(x1), word))
    return lines


@needs_poppler
def test_a_line_the_worker_breaks_stays_its_own_line_in_its_own_direction():
    """A single line break inside a paragraph is the worker's own (a sentence the interpreter wrote
    in the interviewee's script under the English): it used to be joined with a space, so a Hindi
    line ran into the Arabic one after it and both were reordered as one left-to-right line."""
    statement = ("He came to the flat at night.\n"
                 "उसने कहा कि वह पुलिस को बुलाएगा।\n"
                 "قال إنه سيتصل بالشرطة ثم غادر.\n"
                 "I did not answer him.\n\n"
                 "Then he left.")
    iv = dataclasses.replace(sample_interview(), statement=statement)
    data = render_statement(build_content(iv, redact(iv)))
    lines = _words_by_line(data)

    def line_of(pred) -> float:
        found = {y for y, ws in lines.items() for _a, _b, w in ws if pred(w)}
        assert len(found) == 1, found
        return found.pop()

    devanagari = line_of(lambda w: any("\u0900" <= ch <= "\u097f" for ch in w))
    arabic = line_of(lambda w: any("\u0600" <= ch <= "\u06ff" for ch in w))
    came, answer = line_of(lambda w: w == "came"), line_of(lambda w: w == "answer")
    assert came < devanagari < arabic < answer  # four lines, in the worker's order
    assert not any(ch.isalpha() and ord(ch) < 0x250 for _a, _b, w in lines[arabic] for ch in w)
    # the Arabic line reads from the right: it ends at the text's right edge, not at its left
    right = max(b for ws in lines.values() for _a, b, _w in ws if ws)
    english_left = min(a for a, _b, w in lines[came] if not re.fullmatch(r"\d+\.", w))  # after "1."
    assert max(b for _a, b, _w in lines[arabic]) > right - 3
    assert min(a for a, _b, _w in lines[arabic]) > english_left + 20
    assert min(a for a, _b, _w in lines[answer]) == pytest.approx(english_left, abs=1)
    # still two paragraphs, numbered as the worker counts them
    text = pdftotext(data)
    assert re.search(r"^\s*2\.\s", text, re.M) and not re.search(r"^\s*3\.\s", text, re.M)
