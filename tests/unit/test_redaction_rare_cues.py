"""Rules that look over the whole statement for a cue most statements lack, skipped or looked for a
quicker way (issue 11, speed): the quick answer is the one the whole-text search gave."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction import plural_subjects, scripts

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
