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


# --- Bodies by wording: _WORD_AFTER only where the statement holds an office's word ----------------

from desktop.redaction import lexicon, misses_bodies  # noqa: E402
from desktop.redaction.context import _two_words_before  # noqa: E402
from desktop.redaction.given_names import any_given_names  # noqa: E402
from desktop.redaction.misses_bodies import (  # noqa: E402
    _APPOSITION,
    _BEFORE_OFFICE,
    _EVENTS,
    _INSIDE_A_PLACE,
    _MANAGERS,
    _OFFICES,
    _TITLE_JOIN,
    _WHICH,
    _WORD_AFTER,
    _WORKERS,
    _run,
    _run_start,
    _starts_run,
    _thing,
)
from desktop.redaction.name_lists import given_names_not_births  # noqa: E402
from desktop.redaction.names import _CAP, _Tok, link  # noqa: E402


def _bodies_by_wording_before(toks: list, text: str) -> None:
    """Mark bodies, events and places that the wording around them names as such (see above); the
    rule as it is now (its name lists, the month after "in") without its quick look at the offices."""
    bodies: set[str] = set()
    names = any_given_names()
    listed = given_names_not_births()
    places = lexicon.place_tokens()
    for i, t in enumerate(toks):
        if t.score < 0 or t.title or not _starts_run(toks, i, text):
            continue
        j = _run(toks, i, text)
        last = toks[j]
        after = _WORD_AFTER.match(text, t.end, t.end + 20)
        office = after is not None and after.group(1).lower() in _OFFICES
        comma = text[last.end : last.end + 1] == "," or text[last.end : last.end + 2] == " ,"
        if not (office or comma or t.score > 0):
            continue  # every rule below needs an office after, a comma after, or a word taken for a name
        words = _two_words_before(text, t.start)
        if office and words and words[-1] in _BEFORE_OFFICE:
            t.place, t.score, t.edge_ok = True, 0.0, False  # "a senior Tory MP": a party, not a name
            continue
        if text[last.end : last.end + 1] in ("'", "’"):
            continue  # someone's: "the head of Tariq's family"
        which = comma and _WHICH.match(text, last.end)
        if t.score >= (0.9 if which else 0.8):  # ("works for X, which ...": a cue, yet a thing)
            continue
        if words and words[-1] == "the" and j == i:
            nxt = _WORD_AFTER.match(text, last.end, last.end + 30)
            if nxt and nxt.group(1) in _EVENTS:
                _thing(toks, i, j, bodies)  # "the Windrush scandal"
                continue
        if words and (
            words[-1] in ("from", "at", "with", "for")
            and len(words) == 2
            and words[0] in _WORKERS
            or words[-1] == "of"
            and len(words) == 2
            and words[0] in _MANAGERS
        ):
            _thing(toks, i, j, bodies)  # "solicitors from X", "the service manager of X"
            continue
        if (
            comma
            and j - i <= 3
            and (which or _APPOSITION.match(text, last.end))
            and not any(u.fw in (names if j == i else listed) for u in toks[i : j + 1])
        ):
            while (
                i
                and i - _run_start(toks, i - 1, text) <= 3
                and _TITLE_JOIN.fullmatch(text, toks[i - 1].end, toks[i].start)
            ):
                i = _run_start(toks, i - 1, text)  # "Tides for Change, which": the whole title
            _thing(toks, i, j, bodies, 0.9 if which else 0.8)  # "X, which ...", "X, a women's organisation"
            continue
        if words and words[-1] in ("from", "in", "to", "near") and j == i:
            inside = _INSIDE_A_PLACE.match(text, last.end, last.end + 40)
            if (
                inside
                and inside.group(1).lower() in places
                and inside.group(1).lower() not in lexicon.FULL_MONTHS
                and t.fw not in names
            ):
                _thing(toks, i, j, bodies)  # "from Maharashtra in India"
    if bodies:
        for t in toks:
            if t.fw in bodies and 0 < t.score < 0.8 and not t.place:
                t.score, t.edge_ok = 0.0, False


_BODY_WORDS = ["Tory", "MP", "mp", "MPs", "Councillor", "councillor", "peers", "Minister", "candidate", "CANDIDATE",
               "a", "senior", "the", "Windrush", "scandal", "solicitors", "from", "Hestia", ",", ", which", ", a",
               "charity", "Tides", "for", "Change", "Maharashtra", "in", "India", "Leeds", "Tariq", "Amina", "'s",
               "x", "é", "\u212a", "ſ", "mpé", "émp", "_mp", "mp_", "1mp", "-mp", "mp-"]  # fmt: skip
_BODY_SEPARATORS = [" ", "  ", "\t", "\u00a0", "\n", ", ", "", "-"]
_BODY_TEXTS = st.lists(st.tuples(st.sampled_from(_BODY_WORDS), st.sampled_from(_BODY_SEPARATORS)), max_size=16).map(
    lambda pairs: "".join(w + s for w, s in pairs))  # fmt: skip


def _body_toks(text: str, scores: list[float]) -> list[_Tok]:
    toks = []
    for k, m in enumerate(_CAP.finditer(text)):
        t = _Tok(m.start(), m.end(), m.group())
        t.score = scores[k % len(scores)]
        toks.append(t)
    link(toks, text)
    return toks


@settings(max_examples=500, deadline=None)
@given(text=_BODY_TEXTS, scores=st.lists(st.sampled_from([0.0, 0.0, 0.5, 0.3, 0.85, 0.95, -1.0]), min_size=9,
                                         max_size=9))  # fmt: skip
@example(text="a senior Tory MP said", scores=[0.5])
@example(text="a senior Tory \u212a MP said", scores=[0.5])
@example(text="the Tory  mp-led", scores=[0.5])
@example(text="a senior Tory\u00a0MP said", scores=[0.5])
@example(text="a senior Tory\tMPs said", scores=[0.5])
@example(text="a senior Tory" + " " * 11 + "ministership", scores=[0.5])  # ("ministers" ends the 20 characters read)
@example(text="Hestia , which ", scores=[0.0])  # (a name the births list alone holds: the rule's lists now)
def test_bodies_by_wording_marks_what_it_marked(text: str, scores: list[float]) -> None:
    fast, slow = _body_toks(text, scores), _body_toks(text, scores)
    misses_bodies.bodies_by_wording(fast, text)
    _bodies_by_wording_before(slow, text)
    assert [(t.score, t.edge_ok, t.place) for t in fast] == [(t.score, t.edge_ok, t.place) for t in slow]


# --- Places by wider context: the owners' patterns only after a possessive ----------------------------

from desktop.redaction.fold import fold  # noqa: E402
from desktop.redaction.published_places import (  # noqa: E402
    _AT_SOMEONE,
    _COMPASS,
    _LANDMARK_LAST,
    _MOVED,
    _PLACE_OWNERS,
    _PLACE_PREPOSITIONS,
    _POSSESSIVE_AFTER,
    _SMALL_PLACE_BEFORE,
    _SPACE,
    _TOWN_OWNS,
    _WORLD_PLACE_BEFORE,
    _districts_before_nouns,
    _small_place_run,
    businesses,
    datelines,
    places_between,
    possessive_landmarks,
)


def _places_by_wider_context_before(toks: list, text: str) -> set[str]:
    """The capitalised words after "in south ...", "from western ..." or "the city's ..." are a
    place (a fact to keep), not someone. Returns their folded words: a place named once is a place
    wherever else it is written."""
    marked: set[str] = set()
    n = len(toks)
    for i, t in enumerate(toks):
        if t.score < 0 or t.title or t.start < 2 or text[t.start - 1] not in " \t\u00a0":
            continue
        k = t.start - 1
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        w1 = text[max(0, k - 24) : k].rsplit(None, 1)[-1:] if k else []
        last = w1[0].lower() if w1 else ""
        if not (
            last in _SMALL_PLACE_BEFORE
            or last in _PLACE_PREPOSITIONS
            or last == "to"
            or last in _COMPASS
            or last[-2:] in ("'s", "’s")
            or last[-1:] in "'’"
            and last
        ):
            continue  # a quick look at the word before: most words have none of these before them
        before = text[max(0, t.start - 40) : t.start].lower().split()
        if (
            before
            and before[-1] in _PLACE_PREPOSITIONS
            and t.fw in lexicon.FUNCTION_WORDS
            and i + 1 < n
            and toks[i + 1].score >= 0
            and _SPACE.match(text[t.end : toks[i + 1].start])
            and not _POSSESSIVE_AFTER.match(text, toks[i + 1].end)
        ):
            t.place = toks[i + 1].place = True  # "in Little Horton", "near Old Trafford"
            marked.add(toks[i + 1].fw)
            continue
        if (
            before
            and (before[-1] in _SMALL_PLACE_BEFORE or before[-1] == "to" and len(before) > 1 and before[-2] in _MOVED)
            and (i == 0 or not _SPACE.match(text[toks[i - 1].end : t.start]))
            and not (before[-1] == "at" and len(before) > 1 and _AT_SOMEONE.search(before[-2]))
        ):
            j = _small_place_run(toks, i, text, before[-1] in _WORLD_PLACE_BEFORE)
            if j >= 0 and not _POSSESSIVE_AFTER.match(text, toks[j].end):
                for u in toks[i : j + 1]:
                    u.place = True
                    marked.add(u.fw)
                continue
        owner = _TOWN_OWNS.search(text, max(0, t.start - 40), t.start)
        if not (
            len(before) >= 2
            and before[-1] in _COMPASS
            and before[-2] in _PLACE_PREPOSITIONS
            or _PLACE_OWNERS.search(text, max(0, t.start - 40), t.start)
            or owner
            and fold(owner.group(1)) in lexicon.place_tokens()
        ):
            continue
        j = i
        while (
            j + 1 < n
            and j < i + 2
            and toks[j + 1].score >= 0
            and not toks[j + 1].title
            and _SPACE.match(text[toks[j].end : toks[j + 1].start])
        ):
            j += 1
        if owner and toks[j].fw not in _LANDMARK_LAST:
            continue  # "London's Sadiq Khan": a town's person is still a person
        if _POSSESSIVE_AFTER.match(text, toks[j].end):
            continue  # "in south Tariq's flat": someone's
        for u in toks[i : j + 1]:
            u.place = True
            marked.add(u.fw)
    return (
        marked
        | places_between(toks, text)
        | _districts_before_nouns(toks, text)
        | businesses(toks, text)
        | datelines(toks, text)
        | possessive_landmarks(toks, text)
    )


_PLACE_WORDS = ["in", "In", "south", "South", "in south", "from western", "the city's", "the CITY'S", "the town’s",
                "city'ſ", "Leeds's", "Leeds’s", "London's", "Leeds'", "James'", "at", "via", "moved to", "to",
                "near", "Little", "Horton", "Armagh", "Corran", "House", "Sadiq", "Khan", "Govanhill", "Tariq's",
                "flat", "Calais", "x", "'s", "’", "'", "é", "\u212a", "north-east", "NORTH", "across"]  # fmt: skip
_PLACE_SEPARATORS = [" ", "  ", "\t", "\u00a0", "\n", " \n", ", ", "", "'s "]
_PLACE_TEXTS = st.lists(st.tuples(st.sampled_from(_PLACE_WORDS), st.sampled_from(_PLACE_SEPARATORS)),
                        max_size=16).map(lambda pairs: "".join(w + s for w, s in pairs))  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(text=_PLACE_TEXTS, scores=st.lists(st.sampled_from([0.0, 0.0, 0.5, 0.3, 0.85, -1.0]), min_size=7, max_size=7))
@example(text="We live in the city's Govanhill now.", scores=[0.0])
@example(text="He works at Leeds's Corran House.", scores=[0.0])
@example(text="He met London's Sadiq Khan.", scores=[0.5])
@example(text="the CITY'S  Govanhill", scores=[0.0])
def test_places_by_wider_context_marks_what_it_marked(text: str, scores: list[float]) -> None:
    fast, slow = _body_toks(text, scores), _body_toks(text, scores)
    assert published_places.places_by_wider_context(fast, text) == _places_by_wider_context_before(slow, text)
    assert [(t.score, t.edge_ok, t.place) for t in fast] == [(t.score, t.edge_ok, t.place) for t in slow]
