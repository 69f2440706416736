"""Facts of the complaint that the likely-name pass scored as unexplained words (0.5), told by the
wording around them, not by which place or body they are.

* a shortened month or day with its full stop before a number is a date ("Oct. 1", "Sept. 14,
  2021", "Thurs. 9"); a full month never is ("I rang May. 3 days later"), it is left as it was;
* one to three capitalised words straight before a lower-case noun of a place ("village", "farm",
  "hospital", "district", "camp"...) name that place ("from Kembang village", "at Trelowen
  farm", "Tsuen Wan district court"), as a person's name does not stand before such a noun
  without "'s"; not before a noun of a person after it ("farm worker", "village chief", "village
  people"), not a given name of either list ("Grace village", "Karim farm" may be theirs), and only after a
  preposition of place or a determiner ("from", "at", "the", "their") or opening a clause: not
  after a verb ("I visited Obi hospital"), a relation or a title ("her brother Tunde farm ...");
* a word between commas straight after a noun of a body ("the opposition party, Podemos,", "the
  charity, Kalayaan.") is that body's name, as a person's is after a noun of a person;
* one to three capitalised words before a police or military unit's kind word ("Detachment",
  "Precinct", "Garrison", "Regiment"...) are that unit's name ("the RCMP Halton-Tees
  Detachment");
* the capitalised words after "MP for", "MSP for", "MLA for", "TD for", "Member of Parliament for"
  or "senator for" are a constituency, a place ("MP for Kirkby-Westfield");
* the capitalised word after "Mount", "Mt", "Lake", "Port", "Fort" or "Cape" opening a run is part
  of a place's name ("their Mount Eden home"), unless a likely name stands before "Mount";
* a capitalised word straight before "TV", "Radio" or "FM" is a broadcaster ("Al-Mustaqbal TV
  reported");
* the capitalised words after an idiom of origin or way ("hails from", "originally from", "a native
  of", "heading for", "bound for", or a plural of a faith's followers before "from": "Muslims
  from") are a place, as a person is not where one hails from or a train's end (unless "'s"
  follows: "heading for Tarvo's house"); after a plural of people ("women from", "men from") only
  where a gazetteer of small places holds them ("two men from Okafor" may be sent by someone);
* one to three capitalised words before ", a" or ", an", up to three lower-case words and a noun of
  a place ending the phrase ("Tarvo Wells, a far-flung rural region,", "X, a small town near Y")
  are that place ("X, a city councillor" is someone);
* in a credit line of three segments or more parted by middle dots ("Jane Roe · EPA · Alamy"), a
  segment of one word is an agency: a person is credited with two words or more.

Only a word scored 0.5 (or unscored) that is no given name (census or world list) is taken back, and a word any
rule scored above 0.5 never is: a missed name is worse than a damaged fact.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.fold import fold
from desktop.redaction.given_names import any_given_names
from desktop.redaction.name_lists import given_names_not_births
from desktop.redaction.place_runs import words_ending_at
from desktop.redaction.word_sets import statement_words

UNEXPLAINED = 0.5
_SP = r"[ \t\u00a0]+"
_SHORT_DATES = (lexicon.MONTHS - lexicon.FULL_MONTHS) | (lexicon.DAYS - lexicon.FULL_DAYS)
_DOT_DIGIT = re.compile(r"\.[ \t\u00a0]*\d")
_PLACE_NOUNS = frozenset(
    "village villages town city district province county region farm farms hospital camp camps factory "
    "estate compound prison port harbour island valley mine plantation orchard township municipality "
    "neighbourhood neighborhood suburb coast coastline seaboard sea gulf bay desert peninsula delta plateau "
    "highlands lowlands".split()
)
# A settlement's nouns: before one, a name only the births list holds is no guard ("their Samia
# village"); before a holding's ("the Kwabena farm") it is, as the other lists' names are.
_SETTLEMENT_NOUNS = frozenset(
    "village villages town city district province county region township municipality neighbourhood "
    "neighborhood suburb".split()
)
_PERSON_AFTER = frozenset(
    "worker workers labourer labourers owner owners boss manager chief head heads staff doctor doctors nurse "
    "nurses director elder elders leader leaders official officials resident residents people men women children "
    "boys girls folk family families".split()
)
_LOWER_AFTER = re.compile(_SP + r"([a-z]+)(?:" + _SP + r"([a-z]+))?")
_BODY_NOUNS = frozenset(
    "party union charity company firm group organisation organization agency newspaper paper broadcaster "
    "channel network bank council coalition movement alliance federation association ngo".split()
)
_BODY_NOUN_COMMA = re.compile(r"\b([a-z]+)," + _SP + r"$")
_CLAUSE_END = re.compile(r"[ \t\u00a0]*(?:[,.;:)]|$)")
_MEMBER_FOR = re.compile(
    r"\b(?:MP|MPs|MSP|MLA|MPP|TD|Member" + _SP + r"of" + _SP + r"Parliament|[Ss]enator)" + _SP + r"for" + _SP + r"$"
)
_UNIT_KINDS = frozenset("detachment precinct constabulary garrison battalion regiment brigade".split())
_PLACE_PREFIXES = frozenset("mount mt lake port fort cape".split())
_BROADCASTERS = frozenset(("tv", "radio", "fm"))
_BROADCAST = re.compile(_SP + r"(?:TV|Radio|FM)\b")
_CREDIT_SEPARATORS = (" · ",)  # not bars: a table's row ("| Amina | 34 |") may hold a lone given name


def _unexplained(t, given: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    return 0 <= t.score <= UNEXPLAINED and not t.title and t.word[:1].isupper() and t.fw not in given


def _take_back(t) -> None:  # noqa: ANN001 - names._Tok
    t.score, t.place, t.edge_ok = 0.0, True, False


_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)[ \t\u00a0]+$")
# The followers of a faith "from" somewhere ("Muslims from Tarvo were held"): a faith's people are
# from a place, not from a person. Many people ("women from X", "men from X") may be someone's
# ("two men from Okafor came for the money"): there the words are a place only where a gazetteer of
# small places holds them ("men from Kunduz"). A possessive ("men from X's gang") keeps the name.
_FAITH_PLURAL = r"muslims|christians|hindus|sikhs|jews|buddhists"
_GROUP_FROM = re.compile(
    r"\b(?:men|women|girls|boys|children|people|families|workers|labourers|refugees|migrants|villagers|farmers|"
    r"fishermen|traders|students)" + _SP + r"from" + _SP + r"\Z",
    re.IGNORECASE,
)
# Idioms that only a place follows: where one comes from, where a journey goes.
_ORIGIN_OR_WAY = re.compile(
    r"\b(?:(?:hails|hailed|hailing|originally|" + _FAITH_PLURAL + r")" + _SP + r"from|natives?" + _SP + r"of"
    r"|(?:heading|headed|bound)" + _SP + r"for)" + _SP + r"\Z",
    re.IGNORECASE,
)  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s?\b")
# ", a far-flung rural region", ", a small town near X": the words before are that place; the noun
# ends the phrase, so "a city councillor" or "a village elder" is no place.
_PEOPLE = frozenset("man woman boy girl person lady gentleman".split())
_PLACE_APPOSITION = re.compile(
    r"," + _SP + r"(?:a|an)" + _SP + r"(?:[a-z][a-z\-]*" + _SP + r"){0,3}([a-z]+)"
    r"(?=[ \t\u00a0]*(?:[,.;:)]|\Z)|" + _SP + r"(?:near|in|on|of|off|outside|north|south|east|west|about|some|\d))"
)


def _person_cue_before(text: str, start: int) -> bool:
    """Is the word before ``start`` a relation or a title ("her brother Tunde farm ...")?"""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return bool(m) and (m.group(1).lower() in lexicon.RELATIONS or m.group(1).lower() in lexicon.TITLES)


_PLACE_OPENERS = frozenset("from at in near to into outside of the a an its their his her our my around across".split())
_PLACE_OWNS = re.compile(r"\b([A-Z][a-z]+)['’]s?[ \t\u00a0]+\Z")
_CLAUSE_OPENING = re.compile(r"(?:^|[,;:.!?\n(“\"])[ \t\u00a0]*$")


def _place_opening(text: str, start: int) -> bool:
    """Does a place's name stand at ``start``: after a preposition of place or a determiner ("from",
    "at", "the", "their"), or opening a clause (", Tsuen Wan district court heard")? Not after a
    verb ("I visited Obi hospital" may be a visit to Obi), a relation or a title."""
    p = _PLACE_OWNS.search(text, max(0, start - 40), start)  # "Italy's Tarsa coast": a part of a place
    if p and fold(p.group(1)) in lexicon.place_tokens():
        return True
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m:
        return m.group(1).lower() in _PLACE_OPENERS
    return bool(_CLAUSE_OPENING.search(text, max(0, start - 3), start))


def facts_in_wording(toks: list, text: str) -> None:
    """Take back the unexplained words the wording around them shows are facts (see the note)."""
    given = None
    n = len(toks)
    dots = any(sep in text for sep in _CREDIT_SEPARATORS)
    function_words = lexicon.FUNCTION_WORDS
    letters = statement_words(text).letters  # (the text's words, lower-cased: which wordings can be here)
    places = not _PLACE_NOUNS.isdisjoint(letters)
    units = not _UNIT_KINDS.isdisjoint(letters)
    prefixes = not _PLACE_PREFIXES.isdisjoint(letters)
    broadcasts = not _BROADCASTERS.isdisjoint(letters)
    for i, t in enumerate(toks):
        if t.score > UNEXPLAINED or t.score < 0:
            continue
        if t.fw in _SHORT_DATES and _DOT_DIGIT.match(text, t.end):
            t.score, t.edge_ok = 0.0, False
            continue
        if t.fw in function_words:  # "The", "She": nothing to take back, and no rule here starts at one
            continue
        if given is None:
            given = any_given_names()
        # A police or military unit's name: "the Halton-Tees Detachment", "Kestrel Garrison"
        if units and t.fw in _UNIT_KINDS and t.word[:1].isupper() and i and text[toks[i - 1].end : t.start] == " ":
            run = words_ending_at(toks, i - 1, text, 3)
            while run and not _unexplained(run[0], given):
                run.pop(0)
            if run and all(_unexplained(u, given) for u in run) and not _person_cue_before(text, run[0].start):
                for u in run:
                    _take_back(u)
            continue
        nxt = toks[i + 1] if i + 1 < n else None
        joined_next = nxt is not None and text[t.end : nxt.start] == " "
        # A place's noun after the run: "Kembang village", "the Al Zahra hospital"
        m = None if joined_next or not places else _LOWER_AFTER.match(text, t.end)
        if m and m.group(1) in _PLACE_NOUNS and m.group(2) not in _PERSON_AFTER:
            guard = given_names_not_births() if m.group(1) in _SETTLEMENT_NOUNS else given
            run = words_ending_at(toks, i, text, 3)
            while run and not _unexplained(run[0], guard):
                run.pop(0)
            if (
                run
                and all(_unexplained(u, guard) or u.fw in lexicon.PARTICLES for u in run)
                and _place_opening(text, run[0].start)
            ):
                for u in run:
                    _take_back(u)
                continue
        if not _unexplained(t, given):
            # a name only the births list holds after a place's prefix: "their Mount Waverley home"
            if prefixes and _unexplained(t, given_names_not_births()):
                _after_place_prefix(toks, i, text)
            continue
        # (each wording looked for only where its first mark is: most words have none of them)
        gap = text[max(0, t.start - 6) : t.start]
        # A body's name in apposition: "the opposition party, Podemos."
        if "," in gap and not joined_next:
            b = _BODY_NOUN_COMMA.search(text, max(0, t.start - 60), t.start)
            if b and b.group(1) in _BODY_NOUNS and _CLAUSE_END.match(text, t.end):
                _take_back(t)
                continue
        # A constituency: "MP for Kirkby-Westfield"
        if "for" in gap and _MEMBER_FOR.search(text, max(0, t.start - 60), t.start):
            _take_back(t)
            k = i
            while k + 1 < n and text[toks[k].end : toks[k + 1].start] == " " and _unexplained(toks[k + 1], given):
                k += 1
                _take_back(toks[k])
            continue
        # A place after an idiom of origin or way: "who hails from Tarvo", "a bus bound for Tarvo"
        way = "from" in gap or "for" in gap or "of" in gap
        if way and _ORIGIN_OR_WAY.search(text, max(0, t.start - 24), t.start):
            k = i
            while k + 1 < n and text[toks[k].end : toks[k + 1].start] == " " and _unexplained(toks[k + 1], given):
                k += 1
            if not _POSSESSIVE.match(text, toks[k].end):  # "heading for Tarvo's house" may be someone's
                for u in toks[i : k + 1]:
                    _take_back(u)
                continue
        # A group from a small place a gazetteer holds: "men from Kunduz were taken"
        if "from" in gap and _GROUP_FROM.search(text, max(0, t.start - 24), t.start):
            k = i
            while k + 1 < n and text[toks[k].end : toks[k + 1].start] == " " and _unexplained(toks[k + 1], given):
                k += 1
            key = lexicon.place_key([u.word for u in toks[i : k + 1]])
            if not _POSSESSIVE.match(text, toks[k].end) and (
                key in lexicon.small_places("world") or key in lexicon.small_places("uk")
            ):
                for u in toks[i : k + 1]:
                    _take_back(u)
                continue
        # A place in apposition: "took her to Tarvo Wells, a far-flung rural region"
        if not joined_next and _PLACE_APPOSITION.match(text, t.end):
            m = _PLACE_APPOSITION.match(text, t.end)
            between = text[m.start() : m.start(1)].split()[2:]  # the describing words: no "from the", no "man"
            if m.group(1) in _PLACE_NOUNS and not any(
                w in function_words or w in lexicon.RELATIONS or w in _PEOPLE for w in between
            ):
                run = words_ending_at(toks, i, text, 3)
                while run and not _unexplained(run[0], given):
                    run.pop(0)
                if run and all(_unexplained(u, given) for u in run):
                    for u in run:
                        _take_back(u)
                    continue
        # "Mount Eden", "Lake Rotoiti": the prefix opens a place's name
        if prefixes and _after_place_prefix(toks, i, text):
            continue
        # A broadcaster: "Al-Mustaqbal TV reported"
        if broadcasts and _BROADCAST.match(text, t.end):
            _take_back(t)
            continue
        # An agency in a credit line: "Jane Roe · EPA · Alamy"
        if dots and _one_word_credit(text, t):
            _take_back(t)


def _after_place_prefix(toks: list, i: int, text: str) -> bool:
    """Is ``toks[i]`` the word after a place's prefix opening a run ("Mount Eden", "Lake Rotoiti")?
    If so it is taken back, with the prefix."""
    t, prev = toks[i], toks[i - 1] if i else None
    if prev is None or prev.fw not in _PLACE_PREFIXES or text[prev.end : t.start] not in (" ", ". "):
        return False
    before_prev = toks[i - 2] if i > 1 else None
    if before_prev is not None and before_prev.score > 0 and text[before_prev.end : prev.start] == " ":
        return False
    _take_back(t)
    prev.place, prev.edge_ok = True, False
    return True


def _one_word_credit(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    line_start = text.rfind("\n", 0, t.start) + 1
    line_end = text.find("\n", t.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    for sep in _CREDIT_SEPARATORS:
        if line.count(sep) < 2:
            continue
        pos = line_start
        for seg in line.split(sep):
            if pos <= t.start and t.end <= pos + len(seg):
                return seg.strip() == t.word
            pos += len(seg) + len(sep)
    return False
