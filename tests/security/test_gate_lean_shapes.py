"""The lean reading works out each stretch between two strings once per shape (numbers and
whitespace made alike) and gives exactly what reading every stretch token by token gave: the same
text, or no answer where that gave none (``tests/security/gate_lean_oracle.py``). Compared on real
statements, on streams made up from statement operators (the same strategy as the full parser's
comparison), and on streams where one shape stands both inside the stream and at its end."""

from __future__ import annotations

import dataclasses
import io

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.reports.export import build_content
from desktop.reports.leak_gate import content as lean
from desktop.reports.leak_gate.extract import _font_maps
from desktop.reports.statement import render_statement
from tests.factories import redact, sample_interview
from tests.security.gate_lean_oracle import page_text_each
from tests.security.gate_streams import _SEPARATORS, _instruction

ANNEXES = ["", "عمران لالہ نے دروازہ کھٹکھٹایا", "श्रीकृष्ण ने दरवाज़ा खटखटाया", "ਹਰਜੀਤ ਕੌਰ ਆਈ"]


@pytest.fixture(scope="module")
def statement_maps():
    iv = sample_interview()
    content = build_content(iv, redact(iv))
    data = render_statement(dataclasses.replace(content, statement="Amina came. " + " ".join(ANNEXES) * 5))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        cache: dict = {}
        maps = [_font_maps(page, cache) for page in pdf.pages]
        bodies = [lean.stream_of(page) for page in pdf.pages]
    merged = {name: m for page in maps for name, m in page.items()}
    return content, bodies, merged


def _both(body: bytes, maps: dict) -> tuple[str | None, str | None]:
    return lean.page_text(body, maps, {}), page_text_each(body, maps, {})


@pytest.mark.parametrize("annex", ANNEXES)
def test_statement_pages_read_as_token_by_token(statement_maps, annex):
    content, _bodies, maps = statement_maps
    data = render_statement(dataclasses.replace(content, statement=f"On Tuesday a neighbour came. {annex} " * 30))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        cache: dict = {}
        for page in pdf.pages:
            body = lean.stream_of(page)
            page_maps = _font_maps(page, cache)
            new, old = _both(body, page_maps)
            assert new is not None and new == old


@pytest.mark.parametrize(
    "body",
    [
        b"BT /F1+0 12 Tf (a) Tj [ (b) ] TJ (c) Tj [ ",  # one shape (" Tj [ ") inside the stream and at its end
        b"BT /F1+0 12 Tf (a) Tj [ (b) Tj [",
        b"BT /F1+0 12 Tf (a) Tj [ (b) 3 (c) ] TJ (d) Tj [",
        b"BT /F1+0 12 Tf (a) Tj 1 0 Td (b) Tj 2 0 Td",
        b"BT /F1+0 12 Tf (a) Tj 1 0 Td (b) Tj 2.5 -1 Td /F2+0 9 Tf (c) Tj ET",
        b"BT /F1+0 12 Tf (a) Tj 1 0 Td /F1+0 12 Tf (b) Tj 1 0 Td /F2+0 12 Tf (c) Tj ET",
        b"BT /F1+0 12 Tf (a) Tj\n1\t0  Td (b)  Tj 1 0 Td ET",  # whitespace of every kind made alike
        b"BT /F1+0 12 Tf (a) Tj 1 0 Td (b) 7 Tj ET",  # a number between a string and its operator
        b"BT /F1+0 12 Tf [(a) 1 (b)] TJ 1 0 Td [(c)] TJ [",
        b"BT /F1+0 12 Tf (a) Tj [ (b) ] TJ ET",
        b"BT /F1+0 /F2+0 Tf (a) Tj ET",  # Tf's size is a name: refused whatever the shape
        b"BT /F1+0 12 Tf (a) Tj /F2+0 1e3 Tf (b) Tj ET",
        # a byte 1 between strings, which the reading uses to join the stretches: refused as before
        b"BT /F1+0 12 Tf (a)\x01Tj 1 0 Td (b) Tj ET",
        b"BT /F1+0 12 Tf (a) Tj 1\x010 Td (b) Tj 2 0 Td (c) Tj ET",
        b"BT /F1+0 12 Tf (a) Tj ET\x01",
        b"BT /F1+0 12 Tf (a) Tj\x01Tj (b) Tj ET",
        b"BT /F1+0 12 Tf (a) Tj\x01Tj 1 0 Td (b) Tj\x01Tj ET",
        b"BT /F1+0 12 Tf (a) Tj { (b) Tj ET",  # odd bytes between strings, each on its own
        b"BT /F1+0 12 Tf (a) Tj 1 0 Td (b) Tj % (c) Tj ET",
        b"BT /F1+0 12 Tf (a) Tj\x00(b) Tj ET",
        b"BT /F1+0 12 Tf (a) Tj\x0b(b) Tj ET",
    ],
)
def test_shapes_read_as_token_by_token(statement_maps, body):
    _content, _bodies, maps = statement_maps
    new, old = _both(body, maps)
    assert new == old, body


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_instruction(), _SEPARATORS), max_size=25), st.integers(1, 3))
def test_made_up_streams_read_as_token_by_token(statement_maps, instructions, repeat):
    _content, _bodies, maps = statement_maps
    body = b"".join(i + sep for i, sep in instructions) * repeat  # repeated: the same shapes again
    new, old = _both(body, maps)
    assert new == old, body


# -- a page's strings decoded at once, as one by one -----------------------------------------------

_BODY_BYTES = st.lists(
    st.one_of(
        st.integers(0, 255).map(lambda b: bytes((b,))),
        st.sampled_from(
            [
                b"\\051",
                b"\\050",
                b"\\\\",
                b"\\(",
                b"\\)",
                b"\\n",
                b"\\r",
                b"\\t",
                b"\\b",
                b"\\f",
                b"\\0",
                b"\\12",
                b"\\377",
                b"\\x",
                b"\\q",
                b"\\4",
                b"\\\n",
                b"\r",
            ]
        ),
    ),
    max_size=10,
).map(b"".join)


def _token(body: bytes) -> bytes | None:
    """``body`` as a literal string token the page's split gives, or None if it is not one."""
    token = b"(" + body + b")"
    return token if lean._STRING.fullmatch(token) else None


def _one_by_one(tokens: list[bytes]) -> list[str] | None:
    try:
        return [lean.string_bytes(t).decode("latin-1") for t in tokens]
    except lean.Unread:
        return None


def _at_once(tokens: list[bytes]) -> list[str] | None:
    try:
        return lean.strings_text(tokens)
    except lean.Unread:
        return None


@pytest.mark.parametrize(
    "bodies",
    [
        [b"Person A", b"Amina"],
        [b"\\001\\002", b"\\051", b"x"],
        [b"a\\\\", b"b"],
        [b"\\050\\051", b"\\)"],
        [b"a\rb", b"c"],
        [b"", b"", b""],
        [b"\\101\\102"],
        [b"\\x41"],
    ],
)
def test_strings_decoded_at_once_as_one_by_one(bodies):
    tokens = [b"(" + b + b")" for b in bodies]
    assert _at_once(tokens) == _one_by_one(tokens)


@settings(max_examples=500, deadline=None)
@given(st.lists(_BODY_BYTES, min_size=1, max_size=8))
def test_made_up_strings_decoded_at_once_as_one_by_one(bodies):
    tokens = [t for b in bodies if (t := _token(b)) is not None]
    if tokens:
        assert _at_once(tokens) == _one_by_one(tokens)


# -- the page content and maps decoded once, by the objects' walk, and read again -------------------


def test_the_reading_of_streams_the_walk_decoded_is_the_reading_of_the_file(statement_maps):
    from desktop.reports.leak_gate.extract import content_text
    from desktop.reports.leak_gate.pdf import objects

    content, _bodies, _maps = statement_maps
    data = render_statement(dataclasses.replace(content, statement="Person A met Amina. " * 80))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        literals = {1: ["Person A"]}  # blanked in what the walk searches, never in what it hands on
        decoded: dict = {}
        list(objects(pdf, literals, decoded))
        pages = len(pdf.pages)
        assert len(decoded) > pages  # every page's content and the fonts' maps
        cache: dict = {}
        got = content_text(pdf, cache, decoded=decoded)
        assert got == content_text(pdf, {}) == content_text(pdf, {}, lean=False)
        assert "Person A" in got[0]
        assert len(cache) >= 1 and all(isinstance(m, dict) for m in cache.values())


def test_shapes_shared_between_pages_read_as_each_page_alone(statement_maps):
    content, _bodies, _maps = statement_maps
    data = render_statement(dataclasses.replace(content, statement=" ".join(ANNEXES) * 12))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        cache: dict = {}
        pages = [(lean.stream_of(page), _font_maps(page, cache)) for page in pdf.pages]
    assert len(pages) > 1
    plans: dict = {}
    shared = [lean.page_text(body, maps, {}, plans) for body, maps in pages]
    assert plans  # the shapes were kept for the next page
    assert shared == [lean.page_text(body, maps, {}) for body, maps in pages]
    assert shared == [page_text_each(body, maps, {}) for body, maps in pages]
