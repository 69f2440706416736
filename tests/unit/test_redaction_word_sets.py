"""The statement's word sets made in one go (``word_sets.statement_words``) are exactly the sets the
passes made with ``findall`` of their own patterns: the runs of letters and digits ``detect()``
takes (ASCII text), the lower-case cue rule's runs of letters, the lower-case word-name rule's
words with one inner hyphen, and the runs of [a-z0-9] the context words are found from; on any
text, hyphens, digits, apostrophes and other scripts included."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction.context_words import _LOWER_WORD as _CONTEXT_RUN
from desktop.redaction.engine import _WORD
from desktop.redaction.fold import Folded
from desktop.redaction.misses_people import _LOWER_WORD
from desktop.redaction.names import _ASCII_WORD
from desktop.redaction.scanning import lower_same_length
from desktop.redaction.word_sets import folded_runs, statement_words

_PIECES = ["my", "wife", "Faith", "ex-wife", "mother-in-law", "a-b-c", "-", "--", "x2", "2x", "b2b-c", "-joy",
           "joy-", "co-op", "A1", "007", "don't", "name’s", "a.k.a.", "é", "ß", "İ", "\u212a", "\u00a0", "ا", "অ",
           "_", "__init__", "\n", " ", "\t", ",", ".", "\ud800"]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=30).map("".join)


def _check(text: str) -> None:
    got = statement_words(text)
    low = text.lower()
    assert got.letters == set(_ASCII_WORD.findall(low))
    assert got.lower_words == set(_LOWER_WORD.findall(low))
    if text.isascii():
        assert got.runs == set(_WORD.findall(Folded(text).folded))
    else:
        assert got.runs is None
    if len(low) == len(text):  # (the context words' runs, on lower_same_length(text))
        assert got.ascii_runs == set(_CONTEXT_RUN.findall(lower_same_length(text)))
    else:
        assert got.ascii_runs is None


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
@example("my ex-wife Faith-Joy and 2 x2 b2b-c, mother-in-law a-b-c-d")
@example("Ana\u212a joy-\u00e9 co-op")
def test_word_sets_are_the_findall_sets(text: str) -> None:
    _check(text)


def test_the_patterns_are_the_passes_own() -> None:
    # The module keeps its own copy of the word-name rule's pattern (misses_people imports it).
    from desktop.redaction import word_sets

    assert word_sets._LOWER_WORD.pattern == _LOWER_WORD.pattern
    assert _ASCII_WORD.pattern == word_sets._LETTERS.pattern == r"[a-z]+"
    assert re.compile(r"[^\W_]+").pattern == _WORD.pattern


# Text mixing scripts as statements do: Gurmukhi and Devanagari with vowel signs (not letters: a run
# ends at one), Arabic with harakat, digits of other scripts, a letter beyond the BMP, an underscore.
_MIXED = ["Rin", " ", "ਪ੍ਰੀਤ", "ਕੌਰ", "क्षमा", "مُحَمَّد", "٣", "੩", "x2", "_", "__a_", "\U0001d400", "’", "-", "ß",
          "\u00a0", "\u2003", "\x85", "\ud800", "é", "a\u0301b", "।", "۔"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MIXED) | st.text(max_size=4), max_size=30).map("".join))
@example("ਮੇਰੀ ਭੈਣ ਪ੍ਰੀਤ said: Rin_2 met مُحَمَّد at ٣ pm")
def test_the_folded_runs_are_the_findall_runs(text: str) -> None:
    # detect()'s runs of letters and digits on text that is not ASCII (word_sets.folded_runs).
    ff = Folded(text).folded
    assert folded_runs(ff) == set(_WORD.findall(ff))
    assert folded_runs(text) == set(_WORD.findall(text))
