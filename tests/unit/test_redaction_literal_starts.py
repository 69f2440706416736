"""Whole-text searches of the likely-name pass that ``re`` now starts from a literal word (a pattern
that starts with ``\\b`` is tried at every character of the statement), each held to the search it
replaced, kept here as it was: the same matches, in the same order, on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction import news_names, news_wording, published_places

_FROM_TO_BEFORE = re.compile(r"\bfrom[ \t\u00a0]+((?:[A-Z][\w'’\-]*[ \t\u00a0]+){1,3}?)to"
                             r"[ \t\u00a0]+((?:[A-Z][\w'’\-]*)(?:[ \t\u00a0]+[A-Z][\w'’\-]*){0,2})")  # fmt: skip

_PIECES = ["from", "From", "FROM", "to", "To", " ", "  ", "\t", "\u00a0", "\n", "Finsbury", "Park", "Croydon", "x",
           "_", "-", "'", "’", "é", "1", "Ö", "K", "ſ", ".", ",", "aFrom", "é", "from from", "to to"]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=30).map("".join)


def _spans(ms) -> list[tuple]:  # noqa: ANN001 - an iterable of re.Match
    return [(m.span(), m.span(1), m.span(2)) for m in ms]


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
@example("We went from Finsbury Park to Croydon.")
@example("afrom Finsbury Park to Croydon")
@example("_from Finsbury to Leeds")
@example("éfrom Finsbury to Leeds")
@example("1from Finsbury to Leeds")
@example("-from Finsbury to Leeds")
@example("from from A to B to C")
def test_from_and_to_as_before(text: str) -> None:
    assert _spans(published_places._FROM_TO.finditer(text)) == _spans(_FROM_TO_BEFORE.finditer(text))


_DOCUMENT_AFTER_BEFORE = re.compile(r"[ \t\u00a0]+(?:report|reports|review|survey|study|index|inquiry|strategy|data|"
                                    r"figures|findings|project|programme|campaign)\b")  # fmt: skip
_TRAVEL_BEFORE = re.compile(r"\b(?:[Tt]hrough|[Vv]ia|[Aa]cross)[ \t\u00a0]+")
_NEWS_PIECES = ["report", "reports", "reported", "data", "Data", "index", "programme", "campaign", "through",
                "Through", "THROUGH", "via", "Via", "across", "Across", "acrossed", " ", "  ", "\t", "\u00a0", "\n",
                "x", "_", "é", "1", "-", ".", "Knife Census", "the", "ward", "Ward", "town", "WARD", "of", "Of",
                "constituency", "constituencies", "ſuburb", "\u212a", "suburb", "parish", "borough", "village",
                "district", "Leeds"]  # fmt: skip
_NEWS_TEXTS = st.lists(st.sampled_from(_NEWS_PIECES) | st.text(max_size=2), max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(_NEWS_TEXTS)
@example("the latest Knife Census  report, and the\u00a0\treports")
@example("through  Leeds, via Calais and _via x, éacross y, Across\tz, 1through q")
def test_words_for_documents_and_journeys_found_as_before(text: str) -> None:
    assert news_names._document_starts(text) == [m.start() for m in _DOCUMENT_AFTER_BEFORE.finditer(text)]
    assert news_names._after_travel(text) == {m.end() for m in _TRAVEL_BEFORE.finditer(text)}


@settings(max_examples=600, deadline=None)
@given(_NEWS_TEXTS)
@example("the constituency of Leeds")
@example("the ſuburb of Leeds")
@example("the WARD  of\tLeeds")
def test_a_place_of_is_searched_wherever_it_can_match(text: str) -> None:
    anywhere = any(news_wording._PLACE_OF.search(text, max(0, k - 24), k) for k in range(len(text) + 1))
    assert not anywhere or news_wording._may_hold_a_place_of(text)


@pytest.mark.parametrize("kind", ["constituency", "constituencies", "ward", "parish", "borough", "district", "town",
                                  "village", "suburb", "TOWN", "Ward"])  # fmt: skip
def test_each_kind_of_place_of_is_searched(kind: str) -> None:
    text = f"in the {kind} of\u00a0Leeds"
    assert news_wording._PLACE_OF.search(text, 0, text.index("Leeds"))
    assert news_wording._may_hold_a_place_of(text)
