"""The leak gate's check that the fonts' ToUnicode maps hold no letter the statement does not show
(a subset keeps the letters of text drawn and then covered) answers exactly as the set of the
text's characters it replaces, whichever way it looks (the text itself for a few characters, the
set for many). A wrong answer either way would pass a covered name's letters or refuse a statement."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.leak_gate.verdict import _ASK_THE_TEXT, unshown


def _old(chars: set[str], expected_text: str) -> str | None:
    allowed = set(unicodedata.normalize("NFKC", expected_text)) | {"\u25cc", "\u200c", "\u200d"}
    for ch in sorted(chars):
        if ord(ch) < 128 or ch in allowed or not ch.strip():
            continue
        return ch
    return None


def test_a_covered_letter_is_found_and_a_shown_one_is_not():
    assert unshown({"a", "\u00e9", "\u0628"}, "caf\u00e9 \u0628") is None
    assert unshown({"a", "\u00e9", "\u0628", "\u0142"}, "caf\u00e9 \u0628") == "\u0142"
    assert unshown({"\u00a0", "\u25cc", "\u200d"}, "plain") is None  # blank, or drawn by shaping
    assert unshown({"\ufb01"}, "\ufb01le") == "\ufb01"  # the text is compared as NFKC: "fi"


def test_many_characters_are_answered_the_same():
    letters = {chr(c) for c in range(0x4E00, 0x4E00 + 3 * _ASK_THE_TEXT)}
    text = "".join(sorted(letters))
    assert unshown(letters, text) is None
    assert unshown(letters | {"\u0142"}, text) == "\u0142"
    assert unshown(letters, text[:-1]) == text[-1]


_CHAR = st.one_of(
    st.characters(max_codepoint=0x2FF),
    st.sampled_from("\u00a0\u2003\u25cc\u200c\u200d\ufb01\u0628\u0a38\u00e9\u0142\u2126\u03a9"),
    st.integers(0x80, 0x10FFFF).map(chr),
)


@settings(max_examples=1500, deadline=None)
@given(st.sets(_CHAR, max_size=2 * _ASK_THE_TEXT), st.lists(_CHAR, max_size=80).map("".join))
def test_same_as_the_set_of_the_text(chars, text):
    assert unshown(chars, text) == _old(chars, text)
    shown = "".join(sorted(chars))  # every one shown, then one left out
    assert unshown(chars, shown) == _old(chars, shown)
