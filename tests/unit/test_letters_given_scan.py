"""letters_given finds a word before a bracketed letter ("the survivor (K)") from each bracket back,
rather than trying its pattern at every letter of the statement: the two must find the same things."""

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction.letters_given import _IN_BRACKETS, _words_before_letters

_PIECES = st.sampled_from(
    ["(K)", "(K.)", "(I)", "(", ")", " ", "\t", "\u00a0", "-", "a", "b", "Z", "Mc", "é", "x-y", "(A(B)", ".", "7"]
)


def _by_pattern(text: str) -> list[tuple[str, int, str]]:
    return [(m.group(1), m.start(1), m.group(2)) for m in _IN_BRACKETS.finditer(text)]


@settings(max_examples=600)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_same_as_the_pattern_tried_everywhere(text: str) -> None:
    assert _words_before_letters(text) == _by_pattern(text)


def test_examples() -> None:
    for text in (
        "We met the survivor (K) at the centre, and her cousin (M.) later.",
        "McDonald (K) and -abc (B) and x--y  (C) and (D) and Ab(E)",
        "a-b-c\u00a0(Q) then ((R)) then word (S",
    ):
        assert _words_before_letters(text) == _by_pattern(text)
    assert _words_before_letters("McDonald (K)") == [("Donald", 2, "K")]
