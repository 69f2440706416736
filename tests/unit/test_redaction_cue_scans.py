"""Two of detection's passes look for their cue from a cheap find rather than trying their pattern at
every position (letters_given's word before a bracketed letter, asked_names's "who asked" clause):
each must find what the pattern tried everywhere finds."""

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction.asked_names import _ANY, _any_cue
from desktop.redaction.letters_given import _IN_BRACKETS, _words_before_letters

_PIECES = st.sampled_from(
    ["(K)", "(K.)", "(I)", "(", ")", " ", "\t", "\u00a0", "-", "a", "b", "Z", "Mc", "é", "x-y", "(A(B)", ".", "7"]
)
_CUE_PIECES = st.sampled_from(
    [
        "who",
        "Who",
        "WHO",
        "wHo",
        " ",
        "\u00a0",
        "asked",
        "had",
        "requested",
        "not",
        "did",
        "want",
        "İ",
        "ß",
        ".",
        "swho",
    ]
)


def _by_pattern(text: str) -> list[tuple[str, int, str]]:
    return [(m.group(1), m.start(1), m.group(2)) for m in _IN_BRACKETS.finditer(text)]


@settings(max_examples=600)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_word_before_a_letter_as_the_pattern_tried_everywhere(text: str) -> None:
    assert _words_before_letters(text) == _by_pattern(text)


def test_the_word_before_a_letter_examples() -> None:
    for text in (
        "We met the survivor (K) at the centre, and her cousin (M.) later.",
        "McDonald (K) and -abc (B) and x--y  (C) and (D) and Ab(E)",
        "a-b-c\u00a0(Q) then ((R)) then word (S",
    ):
        assert _words_before_letters(text) == _by_pattern(text)
    assert _words_before_letters("McDonald (K)") == [("Donald", 2, "K")]


@settings(max_examples=600)
@given(st.lists(_CUE_PIECES, max_size=14).map("".join))
def test_the_asked_clause_as_the_search_over_the_whole_statement(text: str) -> None:
    assert _any_cue(text) == (_ANY.search(text) is not None)


def test_the_asked_clause_examples() -> None:
    for text in (
        "Ruth, who asked not to be named, said it.",
        "The man WHO Had Asked for her name left.",
        "İstanbul. Ruth, who requested anonymity, spoke.",  # a letter whose lower case is longer
        "A whole day, whoever asked.",
        "Nobody who was there.",
    ):
        assert _any_cue(text) == (_ANY.search(text) is not None)
    assert _any_cue("Ruth, who asked not to be named, said it.")
    assert not _any_cue("Nobody who was there.")
