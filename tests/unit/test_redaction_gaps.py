"""The gap between each capitalised word and the next is looked at once (``names.link``: ``joins``,
``on_line``) and the rules read it: each rule's run of words is the one it found when it matched
``JOIN`` on the gap itself. Each test holds a rule to the code it replaced, kept here as it was."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction import context, misses_bodies, misses_places, things, unexplained
from desktop.redaction.context import JOIN
from desktop.redaction.lexicon import FUNCTION_WORDS, TITLES
from desktop.redaction.names import _CAP, _Tok, link

_WORDS = ["Grace", "Okafor", "Mr", "The", "of", "and", "Leeds", "TARIQ", "al-Hassan", "Park", "Dr", "x", "12"]
_SEPARATORS = [" ", "  ", "\t", "\u00a0", "\n", " \n", "\n ", "\n\n", " \r\n ", "-", " - ", ", ", ".", "", "--"]
_TEXTS = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=16).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)
_SCORES = st.lists(st.sampled_from([0.0, 0.0, 0.5, 0.9, -1.0]), min_size=20, max_size=20)


def _toks(text: str, scores: list[float]) -> list[_Tok]:
    toks = []
    for k, m in enumerate(_CAP.finditer(text)):
        t = _Tok(m.start(), m.end(), m.group())
        t.score = scores[k % len(scores)]
        toks.append(t)
    link(toks, text)
    return toks


# The rules' runs as they were, each matching JOIN on the gap.
def _run_before(toks: list, i: int, text: str) -> int:  # misses_bodies._run
    j = i
    while (
        j + 1 < len(toks)
        and toks[j + 1].score >= 0
        and toks[j + 1].fw not in TITLES
        and JOIN.match(text[toks[j].end : toks[j + 1].start])
        and "\n" not in text[toks[j].end : toks[j + 1].start]
    ):
        j += 1
    return j


def _run_start_before(toks: list, j: int, text: str) -> int:  # misses_bodies._run_start
    i = j
    while (
        i > 0
        and toks[i - 1].score >= 0
        and JOIN.match(text[toks[i - 1].end : toks[i].start])
        and "\n" not in text[toks[i - 1].end : toks[i].start]
    ):
        i -= 1
    return i


def _starts_run_before(toks: list, i: int, text: str) -> bool:  # misses_bodies._starts_run
    return not (i and toks[i - 1].score >= 0 and JOIN.match(text[toks[i - 1].end : toks[i].start]))


def _run_after_before(toks: list, i: int, text: str) -> int:  # context._run_after
    j = i
    while (
        j + 1 < len(toks)
        and toks[j + 1].score >= 0
        and JOIN.match(text[toks[j].end : toks[j + 1].start])
        and toks[j + 1].fw not in TITLES
    ):
        j += 1
    return j


def _things_run_end_before(toks: list, i: int, text: str) -> int:  # things._run_end
    j = i
    while j + 1 < len(toks) and toks[j + 1].score >= 0 and JOIN.match(text[toks[j].end : toks[j + 1].start]):
        j += 1
    return j


def _joined_before_before(toks: list, i: int, text: str) -> bool:  # things._joined_before
    return bool(i) and toks[i - 1].score >= 0 and bool(JOIN.match(text[toks[i - 1].end : toks[i].start]))


def _unexplained_run_end_before(toks: list, i: int, text: str) -> int:  # unexplained._run_end
    j = i
    while (
        j + 1 < len(toks)
        and toks[j + 1].score >= 0
        and re.fullmatch(r"[ \t\u00a0]", text[toks[j].end : toks[j + 1].start])
    ):
        j += 1
    return j


def _places_run_before(toks: list, j: int, text: str) -> int:  # misses_places._run_before
    i = j
    while (
        i > 0
        and toks[i - 1].score >= 0
        and toks[i - 1].fw not in TITLES
        and toks[i - 1].fw not in FUNCTION_WORDS
        and JOIN.match(text[toks[i - 1].end : toks[i].start])
        and "\n" not in text[toks[i - 1].end : toks[i].start]
    ):
        i -= 1
    return i


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_each_gap_is_what_join_says(text: str) -> None:
    toks = _toks(text, [0.0])
    for a, b in zip(toks, toks[1:], strict=False):
        gap = text[a.end : b.start]
        assert a.joins == bool(JOIN.match(gap))
        assert a.on_line == (bool(JOIN.match(gap)) and "\n" not in gap)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _SCORES)
def test_the_rules_runs_are_as_before(text: str, scores: list[float]) -> None:
    toks = _toks(text, scores)
    for i in range(len(toks)):
        assert misses_bodies._run(toks, i, text) == _run_before(toks, i, text)
        assert misses_bodies._run_start(toks, i, text) == _run_start_before(toks, i, text)
        assert misses_bodies._starts_run(toks, i, text) == _starts_run_before(toks, i, text)
        assert context._run_after(toks, i, text) == _run_after_before(toks, i, text)
        assert things._run_end(toks, i, text) == _things_run_end_before(toks, i, text)
        assert things._joined_before(toks, i, text) == _joined_before_before(toks, i, text)
        assert unexplained._run_end(toks, i, text) == _unexplained_run_end_before(toks, i, text)
        assert misses_places._run_before(toks, i, text) == _places_run_before(toks, i, text)
