"""Rules that look over the whole statement for a cue most statements lack, skipped or looked for a
quicker way (issue 11, speed): the quick answer is the one the whole-text search gave."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction import facts_by_shape, plural_subjects, scanning, scripts

_VERB_PIECES = st.sampled_from(
    [
        "have",
        "are",
        "were",
        "share",
        "Have",
        "ARE",
        "x",
        "a",
        "A",
        "é",
        ".",
        "-",
        " ",
        "  ",
        "\t",
        "\u00a0",
        "\n",
        "\u2003",
        "they ",
        "we ",
    ]  # fmt: skip
)


@settings(max_examples=1000, deadline=None)
@example(pieces=["share", " ", "are", " ", "x"])  # (a verb inside a word, then one after a space)
@example(pieces=["are", " ", "x"])  # (at the very start: no space before it)
@example(pieces=["we ", "are", "\u00a0", "\u00a0", "x"])
@example(pieces=["we ", "are", "\n", "x"])  # (a line break after it is no space)
@example(pieces=["we", "\u2003", "are", " ", "x"])  # (nor another kind of space before it)
@given(pieces=st.lists(_VERB_PIECES, max_size=12))
def test_a_verb_in_the_plural_is_found_as_the_whole_text_search_found_it(pieces):
    text = "".join(pieces)
    assert plural_subjects.has_plural_verb(text) == bool(plural_subjects._PLURAL_VERB.search(text))


def test_no_letter_of_another_script_is_ascii():
    # (a statement all in ASCII is not searched for a stretch in another script)
    for c in map(chr, range(128)):
        assert scripts._OTHER_SCRIPT.search(c) is None
        assert scripts._OTHER_SCRIPT.search("a" + c + "b") is None


def test_a_name_in_another_script_is_still_found():
    assert scripts._other_script_names("I met 王伟 at the market.")
    assert scripts._other_script_names("Nothing here but English.") == []


_DIGIT_PIECES = st.sampled_from(
    ["0", "1", "9", "12", "٣", "５", "²", " ", "\t", "\u00a0", "Garda", "Mill", "x", "divisions", ".", ",", "\n", "é"]
)


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(_DIGIT_PIECES, max_size=14))
def test_the_runs_of_digits_are_those_of_the_unicode_pattern(pieces):
    # On ASCII text the runs are found with 0-9 (quicker than each character's category); elsewhere
    # with "\d" (Arabic-Indic and full-width digits are digits too).
    text = "".join(pieces)
    assert scanning.Digits(text).runs == [m.span() for m in re.finditer(r"\d+", text)]


@settings(max_examples=600, deadline=None)
@example(pieces=["10", " ", "Garda", " ", "divisions"])
@example(pieces=["٣", " ", "Garda", " ", "divisions"])  # (not ASCII: the Unicode pattern)
@given(pieces=st.lists(_DIGIT_PIECES, max_size=14))
def test_a_counted_word_is_found_on_ascii_text_as_the_unicode_pattern_finds_it(pieces):
    text = "".join(pieces)
    pattern = facts_by_shape._COUNTED_WORD_ASCII if text.isascii() else facts_by_shape._COUNTED_WORD
    assert [m.span(1) for m in pattern.finditer(text)] == [
        m.span(1) for m in facts_by_shape._COUNTED_WORD.finditer(text)
    ]
