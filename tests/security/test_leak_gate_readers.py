"""Which readers the leak gate uses on the PDF it has just made: its own decode of every text-showing
operator through the fonts' ToUnicode maps, and poppler's pdftotext in its own process (pdfminer where
poppler is missing). pypdf stays out of the hot path; the other leak-gate tests read with it as well."""

from __future__ import annotations

import shutil

import pytest

from desktop.reports import leak_gate
from desktop.reports.statement import draw_statement
from desktop.services.statements import statement_content
from tests.factories import sample_interview


def _statement():
    content, forbidden = statement_content(sample_interview())
    drawn = draw_statement(content)
    return content, forbidden, drawn


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler is not installed")
def test_the_gate_reads_with_its_own_decode_and_pdftotext():
    content, forbidden, drawn = _statement()
    report = leak_gate.check(drawn.data, forbidden, expected_text=content.all_text(), literals=drawn.literals)
    assert report.extractors == ["ToUnicode", "pdftotext"]
    assert any("ToUnicode" in p for p in report.places) and any("pdftotext" in p for p in report.places)


def test_without_poppler_the_gate_reads_with_pdfminer():
    content, forbidden, drawn = _statement()
    report = leak_gate.check(drawn.data, forbidden, expected_text=content.all_text(), literals=drawn.literals,
                             use_poppler=False)
    assert report.extractors == ["ToUnicode", "pdfminer"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler is not installed")
def test_the_own_decode_reads_every_word_poppler_reads():
    """The gate's own reading, page by page, holds every word poppler reads on that page."""
    import io

    import pikepdf

    from tests.pdf_tools import pdftotext

    _content, _forbidden, drawn = _statement()
    with pikepdf.open(io.BytesIO(drawn.data)) as pdf:
        pages = leak_gate.content_text(pdf)
        assert len(pages) == len(pdf.pages) >= 2
    by_poppler = pdftotext(drawn.data).split("\f")
    for own, theirs in zip(pages, by_poppler, strict=False):
        joined = "".join(own.split())
        words = {w for w in theirs.split() if w.isalpha() and w.isascii()}  # (RTL: visual order, folded forms)
        assert words and all(w in joined for w in words), sorted(w for w in words if w not in joined)
