"""The gate's one-pass look (:class:`desktop.reports.leak_gate.index.NeedleIndex`) lists every needle
with a form in a place, however the forms overlap, in bytes and in text of any kind.

The pass reads bytes (text as UTF-8, lone surrogates kept), and it must report every occurrence,
overlapping ones included: a needle whose key begins inside another needle's key would otherwise
be no candidate, and the exact rules would never judge it. Each needle is held to its own exact
rules here, one at a time, so a needle the pass leaves out shows as a failure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.leak_gate import LeakDetected
from desktop.reports.leak_gate.index import NeedleIndex
from desktop.reports.leak_gate.normalise import CaseSensitive
from desktop.reports.leak_gate.search import Hay, search, search_bytes

ITEMS = [
    "Anna Bell",
    "Bell Ringer",
    "Ringer Zoë",
    "Zoë",
    "Małgorzata",
    "07700 900123",
    CaseSensitive("Hope"),
    CaseSensitive("Hopewell"),
]


def _text_candidates(index: NeedleIndex, text: str) -> set[int]:
    hay = Hay("a page", text)
    return {n.index for n in index.in_text(hay.levels.__getitem__, hay.keyed)}


def _byte_candidates(index: NeedleIndex, data: bytes) -> set[int]:
    return {n.index for n in index.in_bytes(data.lower())}


def _leaks_in_text(item, text: str) -> bool:
    try:
        search(NeedleIndex.for_items([item], None), Hay("a page", text))
    except LeakDetected:
        return True
    return False


def _leaks_in_bytes(item, data: bytes) -> bool:
    try:
        search_bytes(NeedleIndex.for_items([item], None), "the bytes", data)
    except LeakDetected:
        return True
    return False


def test_overlapping_names_in_text_are_each_a_candidate():
    index = NeedleIndex.for_items(ITEMS, None)
    # "annabell", "bellringer", "ringerzoe" and "zoe" overlap in the place's last form
    assert {0, 1, 2, 3} <= _text_candidates(index, "Anna Bell Ringer Zoë")
    assert {6, 7} <= _text_candidates(index, "Hopewell Lane")


def test_overlapping_names_in_bytes_are_each_a_candidate():
    index = NeedleIndex.for_items(ITEMS, None)
    for enc in ("utf-8", "utf-16-be", "latin-1"):
        # "annabell", "bellringer" and "ringerzoe" overlap
        data = b"\x00\xff/F1 12 Tf (" + "annabellringerzoe zoë".encode(enc) + b") Tj\x89PNG"
        assert {0, 1, 2} <= _byte_candidates(index, data), enc


def test_text_with_lone_surrogates_is_searched():
    # a font's ToUnicode map can give a lone UTF-16 surrogate; the pass must read past it
    index = NeedleIndex.for_items(ITEMS, None)
    text = "\ud800Małgorzata\udfff and \udbff07700 900123"
    assert {4, 5} <= _text_candidates(index, text)
    with pytest.raises(LeakDetected) as caught:
        search(index, Hay("a page", text))
    assert caught.value.index == 4


_TEXT_PIECES = st.one_of(
    st.sampled_from(
        [
            "Anna",
            " Bell",
            "Bell",
            "Ringer",
            " ",
            "-",
            "zoë",
            "ZOE",
            "Zoe\u0308",
            "hope",
            "Hope",
            "well",
            "małgorzata",
            "07700",
            "900123",
            "\ud800",
            "\u00a0",
            "\n",
            "·",
        ]
    ),
    st.text(max_size=3),
)
_BYTE_PIECES = st.one_of(
    st.sampled_from(
        ["annabell", "bellringer", "ringer zoë", "zoë", "hopewell", "Hope", "małgorzata", "07700 900123"]
    ).flatmap(lambda s: st.sampled_from([s.encode(e, "ignore") for e in ("utf-8", "utf-16-be", "latin-1")])),
    st.binary(max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT_PIECES, max_size=14))
def test_every_needle_the_exact_rules_find_in_text_is_a_candidate(pieces):
    text = "".join(pieces)
    found = _text_candidates(NeedleIndex.for_items(ITEMS, None), text)
    for i, item in enumerate(ITEMS):
        if _leaks_in_text(item, text):
            assert i in found, (item, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_BYTE_PIECES, max_size=10))
def test_every_needle_the_exact_rules_find_in_bytes_is_a_candidate(pieces):
    data = b"".join(pieces)
    found = _byte_candidates(NeedleIndex.for_items(ITEMS, None), data)
    for i, item in enumerate(ITEMS):
        if _leaks_in_bytes(item, data):
            assert i in found, (item, data)
