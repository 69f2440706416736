"""The folded copy of a statement (``fold.Folded``) folds its ASCII stretches by lower-casing and
looks up only the other characters: on any text mixing scripts it must be what folding every
character gives, with the same way back to the original offsets."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction.fold import Folded, fold, fold_char

# English, accented Latin (precomposed and with a combining accent), letters that fold to two,
# Gurmukhi and Devanagari with nukta and virama (dropped), Arabic with harakat, a mark and a letter
# beyond the BMP, a lone surrogate, and the ASCII around them.
_PIECES = ["Rin ", "OKAFOR", "é", "e\u0301", "ß", "ẞ", "æ", "İ", "ǅ", "ﬁ", "ਪ੍ਰੀਤ", "ਸ਼", "\u0a3c", "क्ष", "ज़",
           "مُحَمَّد", "\u064b", "\U0001e94a", "\U0001d400", "\ud800", " ", "\n", "’", "-", "7"]  # fmt: skip


def _reference(text: str) -> tuple[str, list[int]]:
    """Every character folded on its own, and each folded offset's original (the end one too)."""
    mapping = [i for i, ch in enumerate(text) for _ in fold_char(ch)]
    return "".join(fold_char(ch) for ch in text), [*mapping, len(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), min_size=1, max_size=25).map("".join))
@example("ਹ\u0a3c\u0a4d")  # marks dropped at the end
@example("\u0a3cABC ßa")  # a mark first, ASCII capitals after
@example("Meri bhen ਪ੍ਰੀਤ said “OKAFOR” twice")
def test_the_folded_copy_is_every_character_folded(text: str) -> None:
    f = Folded(text)
    folded, mapping = _reference(text)
    assert f.folded == folded == fold(text)
    n = len(folded)
    for a in range(n + 1):
        for b in (a, a + 1, n):
            if b <= n:
                s, e = f.span(a, b)
                assert s == mapping[a]
                if b > a:
                    assert e >= mapping[b - 1] + 1
                    assert all(fold_char(c) == "" for c in text[mapping[b - 1] + 1 : e])
