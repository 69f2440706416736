"""The gate's one-pass look for plain needles (by their key, in a place's last form) misses
nothing the exact rules would find.

:class:`desktop.reports.leak_gate.index.NeedleIndex` once passed over each of a place's five
forms with every plain form of every needle; it now passes over the form "with punctuation
removed" alone, with each needle's accent-folded form stripped the same way. The verdict must be
the one the exact rules give when every needle is judged in every place: the same item, the
same form, or no leak. Compared here on made-up texts that hold the names in many spellings."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.leak_gate import LeakDetected
from desktop.reports.leak_gate.index import NeedleIndex
from desktop.reports.leak_gate.normalise import CaseSensitive, needles
from desktop.reports.leak_gate.search import Hay, search

NAMES = ["Małgorzata Wiśniewska", "O'Brien", "Jean-Luc", "AB 12 34 56 C", "Harpreet Kaur", "Zoë", "Ali",
         "Nguyễn Văn An", "عمران لالہ", "श्रीकृष्ण", "ẞtraße", "Ǽsa", "Ω-7", "Łucja", "K.", "GB12 3456", "7 Rue", "--"]
CAPITALS = [CaseSensitive("Hope"), CaseSensitive("Will"), CaseSensitive("Grace")]


def _spellings(name: str) -> list[str]:
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return [name, name.upper(), name.lower(), bare, name.replace(" ", ""), name.replace(" ", "\u00a0"),
            name.replace(" ", "  \n"), "-".join(name), name.replace("a", "a\u200d"), name.casefold(), name + "'s",
            name.replace(" ", ".")]


_PIECES = st.one_of(
    st.sampled_from(["the ", "door", " ", ", ", "\n", "Page 2 of 5", "total", "will ", "hopeful", "Al", "·", "\u2019"]),
    st.sampled_from(NAMES + [str(c) for c in CAPITALS]).flatmap(lambda n: st.sampled_from(_spellings(n))),
    st.text(max_size=4),
)


def _verdict(index: NeedleIndex, text: str) -> tuple[int, str] | None:
    try:
        search(index, Hay("a page", text))
    except LeakDetected as exc:
        return exc.index, exc.form
    return None


def _every_needle_judged(items: list[str]) -> NeedleIndex:
    index = NeedleIndex(needles(items, None))
    index._always = set(range(len(index.needles)))  # the exact rules, for every needle in every place
    return index


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAMES + CAPITALS), min_size=1, max_size=6, unique=True),
       st.lists(_PIECES, max_size=12))
def test_the_one_pass_gives_the_exact_rules_verdict(items, pieces):
    text = "".join(pieces)
    assert _verdict(NeedleIndex(needles(items, None)), text) == _verdict(_every_needle_judged(items), text)


@pytest.mark.parametrize("name", NAMES)
def test_every_spelling_of_a_name_is_found(name):
    for spelled in _spellings(name):
        text = f"On Tuesday {spelled} came to the door."
        expected = _verdict(_every_needle_judged([name]), text)
        assert _verdict(NeedleIndex(needles([name], None)), text) == expected
