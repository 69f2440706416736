"""The gate's quicker blanking of a PDF's syntax gives the same bytes as the patterns it replaced.

:func:`desktop.reports.leak_gate.pdf.outside_streams` finds stream bodies with ``bytes.find``
instead of a lazy pattern, and font subset tags are matched with the name before them instead of
a pattern that looked behind at every byte. Both are compared with the patterns they replace on
real statements and on byte soups made of the fragments that matter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.export import build_content
from desktop.reports.leak_gate import pdf as gate_pdf
from desktop.reports.statement import render_statement
from tests.factories import redact, sample_interview

# The patterns as they were before the quicker forms
STREAM_BODY = re.compile(rb"stream\r?\n.*?endstream", re.S)
SUBSET_TAG = re.compile(rb"(?<=/BaseFont /)[ABCDEFGIJK]{6}\+|(?<=/FontName /)[ABCDEFGIJK]{6}\+")


def _mask_before(data: bytes) -> bytes:
    for pat in gate_pdf._RAW_ONCE:
        data = pat.sub(lambda m: b" " * len(m.group()), data, count=1)
    data = SUBSET_TAG.sub(lambda m: b" " * len(m.group()), data)
    return gate_pdf._RAW_NAMES.sub(lambda m: b" " * len(m.group()), data)


@pytest.fixture(scope="module")
def statement() -> bytes:
    iv = sample_interview()
    return render_statement(build_content(iv, redact(iv)))


def test_a_statement_is_blanked_as_before(statement):
    assert gate_pdf.mask_syntax(statement) == _mask_before(statement)
    raw = gate_pdf.mask_syntax(statement)
    assert gate_pdf.outside_streams(raw) == STREAM_BODY.sub(b" ", raw)
    assert b"AAAAAA+" in statement and b"AAAAAA+" not in raw  # the test sees a subset tag blanked


_FRAGMENTS = st.sampled_from([
    b"stream", b"endstream", b"stream\n", b"stream\r\n", b"stream\r", b"\n", b"\r", b"\r\n", b"end", b"x", b" ",
    b"/BaseFont /", b"/FontName /", b"AAAAAA+", b"ABCDEF+", b"ABCDEH+", b"AAAAA+", b"/BaseFont", b"/Page",
    b"/Title (Witness statement)", b"Harpreet", b"\x00", b"(", b")", b"/",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40))
def test_byte_soups_are_blanked_as_before(parts):
    data = b"".join(parts)
    assert gate_pdf.outside_streams(data) == STREAM_BODY.sub(b" ", data)
    assert gate_pdf.mask_syntax(data) == _mask_before(data)


def _strings_before(obj, depth: int = 0):
    """The object walk's strings as they were read item by item."""
    import decimal

    import pikepdf

    if depth > 12:
        return
    if isinstance(obj, pikepdf.String):
        yield str(obj)
        yield bytes(obj).decode("latin-1")
    elif isinstance(obj, pikepdf.Name):
        if str(obj) not in gate_pdf._PDF_NAMES:
            yield gate_pdf._SUBSET_TAG_NAME.sub("/", str(obj))
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            if isinstance(item, int | float | decimal.Decimal):
                continue
            if not getattr(item, "is_indirect", False):
                yield from _strings_before(item, depth + 1)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for _key, item in obj.items():
            if not getattr(item, "is_indirect", False):
                yield from _strings_before(item, depth + 1)


def test_arrays_of_numbers_are_passed_over_and_others_read_as_before(statement):
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(statement)) as pdf:
        made = [pikepdf.Array([1, 2.5, -3]), pikepdf.Array([]), pikepdf.Array([1, pikepdf.String("Harpreet"), 2]),
                pikepdf.Array([True, None, pikepdf.Name("/Kaur")]), pikepdf.Array([[1, 2], [pikepdf.String("x")]])]
        for obj in [*pdf.objects, *made]:
            assert list(gate_pdf._strings(obj)) == list(_strings_before(obj))
        assert list(gate_pdf._strings(made[2])) == ["Harpreet", "Harpreet"]
