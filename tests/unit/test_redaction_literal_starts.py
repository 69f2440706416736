"""Whole-text searches of the likely-name pass that ``re`` now starts from a literal word (a pattern
that starts with ``\\b`` is tried at every character of the statement), each held to the search it
replaced, kept here as it was: the same matches, in the same order, on any text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction import published_places

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
