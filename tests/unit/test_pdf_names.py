"""reportlab's PDF names escaped once per process, and its syntax encoded without its codec
(desktop/reports/pdfnames.py), are reportlab's own: for every character, for made-up text, and in a
whole statement's bytes."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfdoc

from desktop.core.forgetting import forget_kept
from desktop.reports import pdfnames
from desktop.reports.export import render_checked
from desktop.reports.fonts import FontSet
from desktop.reports.statement import draw_statement
from desktop.services.statements import statement_content
from tests.factories import sample_interview

REPORTLAB = pdfnames._REPORTLAB_PDF_NAME
ENC = pdfnames._REPORTLAB_PDFDOC_ENC


def _encoded(x):  # noqa: ANN001, ANN202
    try:
        return ENC(x)
    except UnicodeEncodeError:
        return "raises"


def _ours(x):  # noqa: ANN001, ANN202
    try:
        return pdfnames.pdfdoc_enc(x)
    except UnicodeEncodeError:
        return "raises"


def test_every_character_is_encoded_as_reportlabs_codec_encodes_it():
    for c in [*range(0x3000), *range(0x3000, 0x110000, 89)]:
        if 0xD800 <= c <= 0xDFFF:
            continue
        for text in (chr(c), f"12 0 obj{chr(c)}\n"):
            assert _ours(text) == _encoded(text), hex(c)
    assert _ours(b"(bytes)") == b"(bytes)"
    assert _ours("\x18") == "raises"  # what the codec cannot encode still raises


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_made_up_text_is_encoded_as_reportlabs_codec_encodes_it(text):
    assert _ours(text) == _encoded(text)


def test_every_character_in_a_name():
    # the Basic Multilingual Plane whole, every 97th code point beyond it
    for c in [*range(0x10000), *range(0x10000, sys.maxunicode + 1, 97)]:
        name = f"F1+{chr(c)}x"
        assert pdfnames.pdf_name(name) == REPORTLAB(name), hex(c)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_made_up_names(name):
    assert pdfnames.pdf_name(name) == REPORTLAB(name)
    assert pdfnames.pdf_name(name, "A", "z") == REPORTLAB(name, "A", "z")  # other bounds: reportlab's own


def test_the_statement_writer_uses_the_memo_and_writes_the_same_bytes(monkeypatch):
    FontSet.load()
    assert pdfdoc.PDFName is pdfnames.pdf_name and pdfdoc.pdfdocEnc is pdfnames.pdfdoc_enc
    content, forbidden = statement_content(
        sample_interview(reference="WB-NAME-0001"), None, history=[], organisation="Witnessbox"
    )
    ours = draw_statement(content)
    render_checked(content, list(forbidden))  # and the gate passes it
    assert pdfnames._pdf_name.cache_info().currsize > 20
    monkeypatch.setattr(pdfdoc, "PDFName", REPORTLAB)
    monkeypatch.setattr(pdfdoc, "pdfdocEnc", ENC)
    theirs = draw_statement(content)
    assert ours.data == theirs.data and ours.literals == theirs.literals


def test_the_memo_is_let_go_of_when_the_vault_locks():
    pdfnames.pdf_name("FontDescriptor")
    forget_kept()
    assert pdfnames._pdf_name.cache_info().currsize == 0
