"""News outlets, places of origin and acronyms spelt out after them, which the likely-name pass read
as people's names (words it scored 0.5 or 0.4 because they are no English word or are a given name
that is one: "Sky", "Ubari", "MoJ"). Each wording names a place or a body whatever its name:

* *one or two capitalised words before "News"*: a news outlet ("a producer at Sky News"; a line of its
  own, "Kampala Metro News", above a byline), after a preposition or "the" ("at", "on", "for", "from",
  "to", "via", "with", "in"; not "by": "By Chidi Okafor Sky News" is a byline's name) where no
  word of it is a census given name but one that is an English word ("Sky"); not after a verb
  ("I told Chidi News ...") nor a word a cue scored as a person;
* *a place before "in", a compass point and a known place*: "made it to Ubari in southern
  Libya", "fled from Kassala in eastern Sudan": after "near", "via", "into", "towards",
  "outside", or after "to" or "from" that follow a word of a journey ("moved to", "made it to",
  "fled from"); not after "met", "left" or "visited", nor "came from", nor "to" or "from" after
  any other word: "she left Tunde in southern Nigeria", "sent it to Chidi in northern Nigeria",
  "a call came from Tunde in northern Nigeria" are people;
* *a place after a nationality and "from"*: "the Eritrean from Mendefera", "a Sudanese man from
  Kassala", "Ghanaian workers from Kumasi" (not before a possessive: "a Ghanaian from Ama's
  church" keeps Ama);
* *an acronym before the words it stands for, in brackets*: "the MoJ [Ministry of Justice]",
  "the GLAA (Gangmasters and Labour Abuse Authority)": the acronym and the words are one body,
  when the bracketed words hold a small word other than "and" ("of", "for", "the") or end in a
  body's kind ("Authority", "Service"): letters standing for a person and that person's names
  ("KM (Kofi Mensah)", "AK (Ama and Kofi)") have neither, and stay.

Only a word scored 0.5 or less that is no census given name is taken back ("Sky" of "Sky News" is
one, and is taken back there only), and a word any rule scored higher never is: a missed name is
worse than a damaged fact.
"""

from __future__ import annotations

import bisect
import re

from desktop.redaction import lexicon
from desktop.redaction.context import _ORG_LAST, demonym
from desktop.redaction.fold import fold
from desktop.redaction.given_names import given_names

UNEXPLAINED = 0.5
_SP = r"[ \t\u00a0]+"
_OUTLET_BEFORE = frozenset("at on for from the to via with in".split())  # (not "by": a byline's name)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t\u00a0]+$")
_LINE_END = re.compile(r"[ \t\u00a0]*(?:\n|$)")
_OPENING = re.compile(r"(?:^|[\n(\[\"“‘'])[ \t\u00a0]*$")
_COMPASS_PLACE = re.compile(
    _SP + r"in" + _SP + r"(?:the" + _SP + r")?(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?east|north-?west|south-?east|south-?west|north-?eastern|north-?western|south-?eastern|"
    r"south-?western)(?:" + _SP + r"|-)([A-Z][\w\-]*)"
)  # fmt: skip
_PLACE_OPENERS = frozenset("near via into towards toward outside".split())  # and "to", "from" after a journey's word
# Before "to" or "from", a word of a journey ("moved to", "made it to", "fled from"); any other word
# may give or speak to a person or bring word from one ("sent it to Chidi in northern Nigeria", "a call
# from Tunde in northern Nigeria", "she left Tunde in southern Nigeria").
_JOURNEY_TO = frozenset(
    """moved move moves moving travelled traveled travel travelling traveling relocated fled flee deported
returned flown flew migrated smuggled trafficked way journey route road back""".split()
)
_JOURNEY_FROM = frozenset(
    """fled flee flees fleeing escaped escape travelled traveled moved hails hailed hailing originally trafficked
smuggled deported recruited migrated""".split()
)


def _journey_before(text: str, at: int, opener: str) -> bool:
    """Does a word of a journey stand before the "to" or "from" at ``at`` (an adverb in -ly between
    allowed: "made it eventually to", "fled originally from")?"""
    words = re.findall(r"[A-Za-z]+", text[max(0, at - 40) : at])
    while words and words[-1].lower().endswith("ly") and words[-1].lower() != "originally":
        words.pop()
    if not words:
        return False
    last = words[-1].lower()
    if opener == "from":
        return last in _JOURNEY_FROM
    if last == "it":
        return len(words) > 1 and words[-2].lower() in ("made", "make", "makes", "making")
    return last in _JOURNEY_TO


_FROM_AFTER_PEOPLE = re.compile(
    r"\b([A-Z][a-z]+)(?:" + _SP + r"(?:man|woman|men|women|boy|girl|boys|girls|worker|workers|national|nationals|"
    r"migrant|migrants|refugee|refugees|mother|father|teenager|teenagers|family|families|student|students|"
    r"citizen|citizens|fisherman|fishermen))?" + _SP + r"from" + _SP + r"$"
)  # fmt: skip
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_BRACKETED = re.compile(r"[ \t\u00a0]*[(\[]([^()\[\]\n]{3,120})[)\]]")
_BRACKET_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_SMALL = frozenset("of for the on to in at de du la".split())
_OPEN_BRACKET = re.compile(r"[(\[]")


def _takeable(t, given: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    return 0 <= t.score <= UNEXPLAINED and not t.title and t.word[:1].isupper() and t.fw not in given


def _take_back(t) -> None:  # noqa: ANN001 - names._Tok
    t.score, t.place, t.edge_ok = 0.0, True, False


def _outlets(toks: list, text: str, given: frozenset[str]) -> None:
    for i, t in enumerate(toks):
        if t.word != "News" or i == 0:
            continue
        run: list = []
        k = i - 1
        while k >= 0 and len(run) < 2 and text[toks[k].end : toks[k + 1].start] == " ":
            run.insert(0, toks[k])
            k -= 1
        # the words before "News": weak likely names only (a given name that is an English word too)
        while run and not (0 <= run[0].score <= UNEXPLAINED and not run[0].title):
            run.pop(0)
        if not run or any(not (0 <= u.score <= UNEXPLAINED) or u.title for u in run):
            continue
        start = run[0].start
        w = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if w and w.group(1).lower() in _OUTLET_BEFORE:  # "a producer at Sky News": no given name but an English word
            if any(u.fw in given and u.fw not in lexicon.english_words() for u in run):
                continue
        elif w or not _OPENING.search(text, max(0, start - 3), start) or not _LINE_END.match(text, t.end):
            continue  # else a line of its own, opened by the run: "Kampala Metro News"
        for u in [*run, t]:
            _take_back(u)


def _compass_places(toks: list, text: str, given: frozenset[str], starts: list[int]) -> None:
    places = lexicon.place_tokens()
    for m in _COMPASS_PLACE.finditer(text):
        if fold(m.group(1)) not in places:
            continue
        k = bisect.bisect_left(starts, m.start()) - 1  # the word ending right before " in"
        if k < 0 or toks[k].end != m.start() or not _takeable(toks[k], given):
            continue
        run_start = k
        while run_start > 0 and text[toks[run_start - 1].end : toks[run_start].start] == " " \
                and _takeable(toks[run_start - 1], given):
            run_start -= 1
        before = _WORD_BEFORE.search(text, max(0, toks[run_start].start - 30), toks[run_start].start)
        opener = before.group(1).lower() if before else ""
        if not (opener in _PLACE_OPENERS or opener in ("to", "from") and _journey_before(text, before.start(), opener)):
            continue
        for u in toks[run_start : k + 1]:
            _take_back(u)


def _origins(toks: list, text: str, given: frozenset[str]) -> None:
    for i, t in enumerate(toks):
        # (a quick look at the five characters before each word first: most follow no "from ")
        if text[t.start - 5 : t.start] != "from " or not _takeable(t, given):
            continue
        m = _FROM_AFTER_PEOPLE.search(text, max(0, t.start - 60), t.start)
        if not m or not demonym(fold(m.group(1))):
            continue
        j = i
        while j + 1 < len(toks) and text[toks[j].end : toks[j + 1].start] == " " and _takeable(toks[j + 1], given):
            j += 1
        if _POSSESSIVE_AFTER.match(text, toks[j].end):
            continue  # "a Ghanaian from Ama's church"
        for u in toks[i : j + 1]:
            _take_back(u)


def _spelt_after(word: str, words: list[str]) -> bool:
    """Are the capitals of ``word`` the initials of ``words`` (small words may be left out)?"""
    caps = "".join(c for c in word if c.isupper())
    for skip in (False, True):
        got = "".join(w[0] if not w.isupper() else w for w in words if not (skip and w.lower() in _SMALL | {"and"}))
        if got.upper() == caps:
            return True
    return False


def _acronyms_spelt_after(toks: list, text: str, starts: list[int]) -> None:
    bodies = set()
    for b in _OPEN_BRACKET.finditer(text):
        k = bisect.bisect_right(starts, b.start()) - 1  # the word straight before the bracket
        if k < 0:
            continue
        t = toks[k]
        w = t.word
        if t.end not in (b.start(), b.start() - 1) or t.score < 0 or t.score > UNEXPLAINED or t.title \
                or not w.isalpha() or sum(c.isupper() for c in w) < 2:
            continue
        m = _BRACKETED.match(text, t.end)
        if not m:
            continue
        words = _BRACKET_WORD.findall(m.group(1))
        if not words or not all(x[0].isupper() or x.lower() in _SMALL | {"and"} for x in words):
            continue
        small = any(x.lower() in _SMALL for x in words)
        if not (small or words[-1].lower() in _ORG_LAST) or not _spelt_after(w, words):
            continue
        bodies.add(t.fw)
        a, e = m.start(1), m.end(1)
        for u in toks[bisect.bisect_left(starts, a) :]:
            if u.start >= e:
                break
            if _takeable(u, frozenset()):
                _take_back(u)
    if bodies:
        for t in toks:  # the acronym wherever else it is written
            if t.fw in bodies and 0 <= t.score <= UNEXPLAINED and not t.title:
                _take_back(t)


def outlets_and_origins(toks: list, text: str) -> None:
    """Take back the weak likely names these wordings show are outlets, places or bodies."""
    if not toks:
        return
    news = "News" in text
    compass = " in " in text and _COMPASS_PLACE.search(text) is not None
    origins = " from " in text
    brackets = "(" in text or "[" in text
    if not (news or compass or origins or brackets):
        return
    given = given_names()
    starts = [t.start for t in toks] if compass or brackets else []
    if news:
        _outlets(toks, text, given)
    if compass:
        _compass_places(toks, text, given, starts)
    if origins:
        _origins(toks, text, given)
    if brackets:
        _acronyms_spelt_after(toks, text, starts)
