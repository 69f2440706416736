"""The gate's lean reading of page content gives the full parser's text, or no answer at all.

:mod:`desktop.reports.leak_gate.content` reads the content streams Witnessbox draws without
qpdf's general parser. It may only ever be a shortcut: for every stream it either gives exactly
the text the full reading gives (``content_text(..., lean=False)``), or answers None so that the
page is read the full way. These tests compare the two on real statements (Latin, Arabic and
Indic annexes) and on streams made up at random from the operators statements use and from
things they never hold (marked content, comments, nested strings, hex strings, line continuations).
"""

from __future__ import annotations

import dataclasses
import io

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.reports.export import build_content
from desktop.reports.leak_gate import content as lean
from desktop.reports.leak_gate.extract import _font_maps, content_text
from desktop.reports.statement import render_statement
from tests.factories import redact, sample_interview
from tests.security.gate_streams import _SEPARATORS, _instruction

ANNEXES = ["", "عمران لالہ نے دروازہ کھٹکھٹایا", "श्रीकृष्ण ने दरवाज़ा खटखटाया", "ਹਰਜੀਤ ਕੌਰ ਆਈ"]


@pytest.fixture(scope="module")
def content():
    iv = sample_interview()
    return build_content(iv, redact(iv))


@pytest.fixture(scope="module")
def statement(content) -> bytes:
    return render_statement(content)


def _lean_pages(pdf: pikepdf.Pdf) -> list[str | None]:
    cache: dict = {}
    tables: dict = {}
    out = []
    for page in pdf.pages:
        body = lean.stream_of(page)
        out.append(lean.page_text(body, _font_maps(page, cache), tables) if body is not None else None)
    return out


@pytest.mark.parametrize("annex", ANNEXES)
def test_statements_are_read_lean_and_give_the_full_readings_text(content, annex):
    words = f"On Tuesday a neighbour came to the door and shouted. {annex}"
    data = render_statement(dataclasses.replace(content, statement=words * 30))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = _lean_pages(pdf)
        assert None not in pages, "a statement's page fell back to the full parser"
        assert pages == content_text(pdf, {}, lean=False)
        assert content_text(pdf, {}) == pages


def _with_content(data: bytes, body: bytes) -> pikepdf.Pdf:
    pdf = pikepdf.open(io.BytesIO(data))
    pdf.pages[0].obj.Contents = pdf.make_stream(body)
    return pdf


def _full_page_one(pdf: pikepdf.Pdf) -> str | None:
    """The full reading of page one, or None where the full parser refuses it."""
    try:
        return content_text(pdf, {}, lean=False)[0]
    except Exception:  # noqa: BLE001 - a stream the full parser cannot read
        return None


ODD = [
    b"BT /F1+0 12 Tf /Span <</ActualText (Harpreet Kaur)>> BDC (Person A) Tj EMC ET",  # marked content
    b"BT /F1+0 12 Tf (Person A) Tj ET % a comment (Harpreet Kaur) Tj",
    b"BT /F1+0 12 Tf (Person (nested) A) Tj ET",
    b"BT /F1+0 12 Tf <48617270726565> Tj ET",  # a hex string
    b"BT /F1+0 12 Tf (Harp\\\nreet) Tj ET",  # a line continuation
    b"BT /F1+0 12 Tf (Harp\rreet) Tj ET",  # an end of line inside a string
    b"BT /F1+0 12 Tf 1 0 0 1 0 0 Tm (Person A) Tj 0 0 Tx ET",  # an operator statements never use
    b"q /Im1 Do Q",  # an XObject
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID x EI",  # an inline image
    b"BT /F#31+0 12 Tf (Person A) Tj ET",  # a name with an escape
    b"BT /F1+0 12 Tf Tj ET",  # a show operator with no string
    b"BT /F1+0 12 Tf [(Person) -250 (A)] Tj ET",  # an array shown by the wrong operator
    b"BT /F1+0 12 Tf (Person A) ET",  # a string no operator shows
    b"BT 12 /F1+0 Tf (Person A) Tj ET",  # Tf's operands the wrong way round
    b"BT /F1+0 12 Tf (Person A)\x0bTj ET",  # a vertical tab, which is not PDF whitespace
]


@pytest.mark.parametrize("body", ODD)
def test_anything_a_statement_does_not_hold_is_left_to_the_full_parser(statement, body):
    with _with_content(statement, body) as pdf:
        assert _lean_pages(pdf)[0] is None
        # and the gate's reading of the page is then the full parser's
        full = _full_page_one(pdf)
        if full is not None:
            assert content_text(pdf, {})[0] == full


def test_a_page_with_two_content_streams_or_another_filter_is_left_to_the_full_parser(statement):
    with pikepdf.open(io.BytesIO(statement)) as pdf:
        page = pdf.pages[0]
        body = page.obj.Contents.read_bytes()
        page.obj.Contents = pikepdf.Array([pdf.make_stream(body[:10]), pdf.make_stream(body[10:])])
        assert lean.stream_of(page) is None
        page.obj.Contents = pdf.make_stream(body)
        assert lean.stream_of(page) == body
        page.obj.Contents.DecodeParms = pikepdf.Dictionary(Predictor=1)
        assert lean.stream_of(page) is None
    with pikepdf.open(io.BytesIO(statement)) as pdf:
        stream = pdf.pages[0].obj.Contents
        stream.write(stream.read_bytes(), filter=pikepdf.Name.ASCIIHexDecode)
        assert lean.stream_of(pdf.pages[0]) is None


# Streams made up from the tokens statements use (tests/security/gate_streams.py).
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_instruction(), _SEPARATORS), max_size=25))
def test_made_up_streams_read_lean_give_the_full_text_or_no_answer(statement, instructions):
    body = b"".join(i + sep for i, sep in instructions)
    with _with_content(statement, body) as pdf:
        got = _lean_pages(pdf)[0]
        if got is not None:
            assert got == _full_page_one(pdf), body


def test_string_bytes_reads_escapes_as_pdf_does():
    assert lean.string_bytes(rb"(a\(b\)c\\d)") == b"a(b)c\\d"
    assert lean.string_bytes(rb"(\010\0\12x\101)") == b"\x08\x00\nxA"
    assert lean.string_bytes(rb"(\n\r\t\b\f)") == b"\n\r\t\b\f"
    assert lean.string_bytes(b"<48 65 6C6C 6F7>") == b"Hello\x70"
