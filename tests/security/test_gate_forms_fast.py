"""The leak gate's quicker ways to make a text's forms give exactly the forms of the slower ways
they replace: whitespace runs collapsed (``" ".join(text.split())``), and everything that is
neither a letter nor a digit removed (the pattern ``[\\W_]+``). Every form of every place the gate
searches is made with them, and a needle is found only where its form is in the place's form, so a
form that differed by one character could hide a name."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.leak_gate.index import plain_key
from desktop.reports.leak_gate.normalise import Levels, _alnum, _ws, levels_of

_PATTERN = re.compile(r"[\W_]+")
_SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def test_every_whitespace_character_but_the_space_is_unprintable():
    # what lets _ws return a printable text without single spaces at its ends or in pairs unchanged
    assert _SPACES and all(not ch.isprintable() for ch in _SPACES if ch != " ")


def test_each_character_alone_and_between_words():
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        for text in (ch, f"a{ch}b", f"{ch} x", f"x {ch}", f"a {ch}{ch} b"):
            assert _ws(text) == _collapsed(text), hex(c)
        if c < 0x3000 or ch.isspace():
            assert _alnum(f"A{ch}9 {ch}_") == _PATTERN.sub("", f"A{ch}9 {ch}_"), hex(c)


_PIECE = st.one_of(
    st.sampled_from(
        [
            " ",
            "  ",
            "\n",
            "\t",
            "\u00a0",
            "\u2003",
            "\u3000",
            "\x0c",
            "\u200c",
            "_",
            "-",
            "'",
            ".",
            "é",
            "ß",
            "\u0301",
            "Ł",
            "ع",
            "क्ष",
            "١",
            "ab",
            "Zoë",
        ]
    ),
    st.characters(max_codepoint=0x10FFFF, exclude_categories=("Cs",)),
)
_TEXT = st.lists(_PIECE, max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_the_forms_are_the_slower_ways_forms(text):
    assert _ws(text) == _collapsed(text)
    assert _alnum(text) == _PATTERN.sub("", text)
    assert _alnum(text.encode("ascii", "ignore").decode()) == _PATTERN.sub("", text.encode("ascii", "ignore").decode())
    forms = Levels(text).all()
    assert forms[2] == _collapsed(forms[2])
    assert forms[4] == _PATTERN.sub("", forms[3])
    assert plain_key(forms[2]) == _PATTERN.sub("", forms[2].replace(" ", ""))
    if text.isascii():
        assert levels_of(text) == forms
