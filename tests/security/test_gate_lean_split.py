"""The lean reading splits a page's content at its literal strings with a possessive pattern
(``leak_gate/content.py``, ``_STRING``): the same pieces as the pattern written one byte at a time,
which tries every byte as plain or as an escape, on statements' own content and on made-up bytes
full of parentheses, backslashes and ends of line. A string missed or cut short here would hide
its text from the gate's own reading (the full parser then reads the page only when the rest of the
stream looks odd), so the two must never differ."""

from __future__ import annotations

import dataclasses
import io
import re

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.export import build_content
from desktop.reports.leak_gate import content as lean
from desktop.reports.statement import render_statement
from tests.factories import redact, sample_interview

# the pattern as it was first written: one alternation per byte, backtracking where it fails
BYTE_AT_A_TIME = re.compile(rb"(\((?:[^\\()]|\\.)*\))", re.S)

_SOUP = st.lists(
    st.sampled_from(
        [
            b"(",
            b")",
            b"\\",
            b"\\\\",
            b"\\(",
            b"\\)",
            b"a",
            b"Tj",
            b" ",
            b"\n",
            b"\r",
            b"\x00",
            b"\xff",
            b"\\0",
            b"12",
            b"[",
            b"]",
        ]
    ),
    max_size=60,
).map(b"".join)


@settings(max_examples=2000, deadline=None)
@given(_SOUP)
def test_made_up_bytes_split_as_byte_at_a_time(body):
    assert lean._STRING.split(body) == BYTE_AT_A_TIME.split(body)


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_split_as_byte_at_a_time(body):
    assert lean._STRING.split(body) == BYTE_AT_A_TIME.split(body)


@pytest.mark.parametrize(
    "body",
    [
        b"(a) Tj (b\\) c) Tj",
        b"(a\\\\) Tj (",
        b"((a)) Tj",
        b"(a\\",
        b"(\\)",
        b"(a\nb\\\rc) '",
        b"( ( )",
        b")(",
        b"(" + b"x" * 5000 + b"(",
        b"(" + b"\\(" * 2000 + b")",
    ],
)
def test_odd_strings_split_as_byte_at_a_time(body):
    assert lean._STRING.split(body) == BYTE_AT_A_TIME.split(body)


def test_statement_pages_split_as_byte_at_a_time():
    iv = sample_interview()
    content = build_content(iv, redact(iv))
    text = "Amina (the neighbour) said \\ no. عمران لالہ نے دروازہ کھٹکھٹایا (again) "
    data = render_statement(dataclasses.replace(content, statement=text * 40))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        bodies = [lean.stream_of(page) for page in pdf.pages]
    assert len(bodies) > 1 and all(bodies)
    pieces = [lean._STRING.split(body) for body in bodies]
    assert sum(len(p) for p in pieces) > 400  # the pages' strings, with the stretches between them
    assert pieces == [BYTE_AT_A_TIME.split(body) for body in bodies]


# -- each distinct token is checked with its digits made 0 ---------------------------------------

_TOKEN_BYTES = st.lists(
    st.sampled_from([*b"0123456789", *b"+-./[]()<>{}%#", *b"TjJfdmBEQqcrgGw*'\"", 0x80, 0xFF]), min_size=1, max_size=8
).map(bytes)


@settings(max_examples=3000, deadline=None)
@given(_TOKEN_BYTES)
def test_a_tokens_kind_does_not_depend_on_its_digits(token):
    assert lean._token_ok(token.translate(lean._SHAPE)) == lean._token_ok(token)


@pytest.mark.parametrize("token", [b"12", b"-3.5", b"1.2.3", b"/F1+0", b"/F1#20", b"T1", b"1Tf", b"d0", b"9", b".5"])
def test_odd_tokens_keep_their_kind_with_digits_made_0(token):
    assert lean._token_ok(token.translate(lean._SHAPE)) == lean._token_ok(token)
