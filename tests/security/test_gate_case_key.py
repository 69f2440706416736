"""The leak gate's quicker ``case_key`` gives exactly ``text.translate(CASE_KEY)``, the table
translation it replaces. A place's capital forms are keyed with it before the one pass that finds
which capital needles (a protected "Will", "Grace") may be in the place; a key that differed by one
character could leave a name unlooked-for. Each path is covered: ASCII text, text whose characters
outside ASCII are their own representatives, text with a capital outside ASCII replaced, lone and
paired surrogates (which the UTF-8 round trip must keep), and every code point alone."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.leak_gate.index import CASE_KEY, case_key


def _old(text: str) -> str:
    assert CASE_KEY is not None
    return text.translate(CASE_KEY)


def test_every_code_point_alone_and_among_ascii():
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        for text in (ch, f"Ab{ch}Cd", f"\u201c{ch}X"):
            assert case_key(text) == _old(text), hex(c)


def test_each_representative_is_its_own():
    # what lets case_key replace each changed character once: nothing it writes is changed again
    assert CASE_KEY is not None
    assert all(CASE_KEY[CASE_KEY[c]] == CASE_KEY[c] for c in range(sys.maxunicode + 1))


def test_ascii_letters_are_lowered_and_capitals_outside_ascii_replaced():
    assert case_key("Will \u201cGRACE\u201d") == "will \u201cgrace\u201d"
    assert case_key("\u00c9LODIE \u00c9lodie") == "\u00e9lodie \u00e9lodie"
    assert case_key("\u212a\u017f") == "ks"  # Kelvin sign and long s: the engine's "k" and "s"
    assert case_key("\ud800x\udc00Y") == "\ud800x\udc00y"  # lone surrogates kept where they were


# characters where case keys are unusual, mixed with any others
_ODD = (
    "AZaz09 KkSsIi\u0130\u0131\u212a\u017f\u00c9\u00e9\u00df\u1e9e"
    "\u03a3\u03c3\u03c2\u0391\u0627\u0a38\u201c\ud800\udc00"
)
_CHAR = st.one_of(
    st.sampled_from(_ODD),
    st.integers(0, sys.maxunicode).map(chr),
    st.characters(max_codepoint=127),
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_CHAR, max_size=40).map("".join))
def test_same_as_the_table_translation(text):
    assert case_key(text) == _old(text)
