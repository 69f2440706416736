"""Quick ways to the same answers about marks and placeholders: whether a statement holds a mark
(``graphemes.has_mark``, ``MARK_CHARS``), the word patterns chosen by what a statement holds
(``engine._for_marks``: no mark, or nothing beyond the Basic Multilingual Plane), and the
placeholders of ``engine.placeholders`` searched for only in a text that can hold one. Each is
held to the slow form it stands for, on every code point and on texts of awkward pieces."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction import engine
from desktop.redaction.graphemes import MARK_CHARS, MARKS, has_mark
from desktop.redaction.spans import Span

_MARK = re.compile("[" + MARKS + "]")


def test_every_code_point_is_a_mark_exactly_when_the_class_says_so() -> None:
    for c in range(0x110000):
        ch = chr(c)
        expected = _MARK.match(ch) is not None
        assert (ch in MARK_CHARS) == expected, hex(c)
        assert has_mark(ch) == expected, hex(c)
        assert has_mark("ab " + ch + " \U0001d400") == expected, hex(c)  # (with a letter beyond the BMP)


# Letters and marks of the BMP and beyond it (Devanagari vowel sign, combining acute, ZWJ, Brahmi
# vowel sign, a variation selector, musical combining stem, mathematical letters), an apostrophe
# and hyphens the name pattern takes, digits, spaces, a lone surrogate.
_PIECES = ["Amina", "a", "B", " ", "-", "'", "’", "_", "7", "é", "e\u0301", "\u093e", "क", "\u200d", "\U00011038",
           "\U00011013", "\U000e0100", "\U0001d165", "\U0001d400", "\U0001d41a", "\ud800", "ਕੌਰ", "ß", "\n"]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=24).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
@example("x \U0001d165")  # a mark beyond the BMP only
@example("Amina\u093e")
def test_a_text_holds_a_mark_exactly_when_the_class_finds_one(text: str) -> None:
    assert has_mark(text) == (_MARK.search(text) is not None)


@settings(max_examples=500, deadline=None)
@given(text=_TEXTS, cut=st.integers(0, 30))
@example(text="Ami\U0001d165na Bo\u093eb", cut=0)  # a mark beyond the BMP inside a word
@example(text="ab\u093ecd e-f\u093e", cut=1)
def test_the_patterns_chosen_for_a_text_find_what_the_full_ones_find(text: str, cut: int) -> None:
    s, e = min(cut, len(text)), max(len(text) - cut, min(cut, len(text)))
    name_word = engine._for_marks(text, engine._NAME_WORD, engine._NAME_WORD_BMP, engine._NAME_WORD_ASCII)
    full = engine._NAME_WORD
    assert [m.span() for m in name_word.finditer(text, s, e)] == [m.span() for m in full.finditer(text, s, e)]
    assert name_word.findall(text) == engine._NAME_WORD.findall(text)
    two = engine._for_marks(text, engine._TWO_LETTERS, engine._TWO_LETTERS_BMP, engine._TWO_LETTERS_PLAIN)
    for a in range(len(text) + 1):
        got, want = two.search(text, a, e), engine._TWO_LETTERS.search(text, a, e)
        assert (got and got.span()) == (want and want.span())


_HOLDER_PIECES = ["Person", "Person ", "A", "AB", "ABCD", "[", "]", "PHONE", " ", "1", "12", "Persona", "x", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_HOLDER_PIECES), max_size=16).map("".join))
@example("call [PHONE 1] now")  # a placeholder without "Person "
@example("told Person AB.")
def test_placeholders_are_what_the_pattern_finds(text: str) -> None:
    assert engine.placeholders(text) == [m.span() for m in engine.PLACEHOLDER.finditer(text)]


def test_a_space_to_the_pattern_is_a_space_to_python() -> None:
    # engine._part_of_fact asks ``\s`` of a hit's text where it asked ``str.isspace`` of each character
    space = re.compile(r"\s")
    assert all((space.match(chr(c)) is not None) == chr(c).isspace() for c in range(0x110000))


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(["ab", " ", "\r", "\n", "\r\n", "e\u0301", "क\u093e", "x"]), max_size=12).map(
        "".join
    ),
    edges=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=8),
)
@example(text="Amina\r\nBello", edges=[(0, 6), (6, 12)])  # an edge between CR and LF
def test_spans_on_whole_letters_are_each_span_widened(text: str, edges: list[tuple[int, int]]) -> None:
    spans = [Span(a, b, "PERSON", "detector", 0.6) for a, b in edges if a < b <= len(text)]
    assert engine._on_whole_letters(text, spans) == [engine._whole_letters(text, sp) for sp in spans]
