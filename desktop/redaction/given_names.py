"""Given names that are also English words or places, read from context, and contractions.

The likely-name detector takes a capitalised word for a name when no word list knows it. A given
name that the English list also holds ("Penny", "Basil", "Carol") or that is a town or a country
("Shirley", "Chelsea", "Georgia") therefore needs a cue, and most cues were written for ordinary
words only. Here, a word that a list of given names holds (``wordlists/given_names.txt``, the US
Census Bureau's 1990 first names, public domain: see SOURCES.md) is a name where the wording makes
it someone:

* the one who speaks or acts ("Penny cleaned the rooms", "Shirley told me to pack"); at the start
  of a sentence, where every word is capitalised, only a verb that a person does counts;
* a possessive before a relation ("Carol's son", "Georgia's husband");
* in a list with another likely name or a pronoun ("Opal, Tariq and I");
* after a relation or naming cue ("my friend Chelsea") or, for a place, after "met", "with",
  "asked" ("I met Chelsea at the bus stop").

A place stays a place after "in", "at", "from", "near", "to" or "moved to", and where the text
names it as a place elsewhere only a person's own act makes it someone. Months, days, seasons,
titles and capitalised words inside a longer name ("Brook Street", "Grace Church") stay.

English contractions ("couldn't", "won't", "should've") are never a name: the English list has no
word with an apostrophe, so they looked unknown.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.context import _PLACE_BEFORE as PLACE_BEFORE
from desktop.redaction.context import JOIN, _two_words_before
from desktop.redaction.fold import fold
from desktop.redaction.name_lists import any_given_names as any_given_names
from desktop.redaction.name_lists import given_names as given_names
from desktop.redaction.name_lists import given_names_for_wording as given_names_for_wording
from desktop.redaction.name_lists import world_given_names as world_given_names
from desktop.redaction.words import cue_in

_CONTRACTED = re.compile(r"([^\W\d_]+?)(n['’]t|['’](?:d|ll|ve|re|m))")
_NEGATIVE_STEMS = frozenset("ca wo sha ai".split())  # "can't", "won't", "shan't", "ain't"


def contraction(word: str) -> bool:
    """Is ``word`` an English contraction ("didn't", "won’t", "they'd", "should've")? Its first part
    must be an English word ("N'Golo", "O'Neill", "Sa'd" are not contractions)."""
    m = _CONTRACTED.fullmatch(word.lower())
    if not m:
        return False
    stem = fold(m.group(1))
    if m.group(2)[0] == "n" and stem in _NEGATIVE_STEMS:
        return True
    return stem in lexicon.FUNCTION_WORDS or stem in lexicon.english_words()


_S = r"[ \t\u00a0]+"
_ADVERB = r"(?:" + _S + r"(?:also|then|never|just|later|finally|suddenly|quickly|still|always|often|once|even|"
_ADVERB += r"immediately|only|soon|again|already|sometimes|usually|really|actually|herself|himself))?"


def _any_of(words: str) -> str:
    return r"(?:" + "|".join(sorted(words.split(), key=len, reverse=True)) + r")"


# Acts only a person does: enough even at a sentence start and even for a place's name.
_ACTS = _any_of("""shouted screamed yelled whispered cried laughed smiled rang rings phoned texted messaged emailed
married cooked cleaned drove walked lied begged hugged kissed hid raped translated interpreted""")
# Saying, and blows: a person's acts, but a country "said" or "told" things and a team "beat" another
# too: for a place's name, only when a person is told or hit ("Shirley told me", not "Georgia told the UN").
_SPEECH = _any_of("""told tells said says asked asks promised warned explained replied answered insisted agreed refused
hit hits beat slapped kicked punched pushed grabbed locked""")
_TO_A_PERSON = _S + r"(?:me|us|him|her|them|you|my|our|his|she|he|i|we|they)\b"
# What a person does that a season or a thing may do too ("Sally came back", "Winter came").
_LIFE = _any_of("""came comes went goes left arrived stayed lived lives worked works helped helps paid pays brought took
takes gave gives sent kept found got met saw knew knows wanted wants tried needed called calls looked waited""")
_WEAK = _any_of("was is had has would could did will can does")
# Of those, what a town does not do (a country may send, take or pay): for a place's name too, where
# the text never names it as a place ("Barry came late").
_GOES = _any_of("came comes went goes arrived stayed lived lives worked works waited knew knows met saw looked")

_ACT_AFTER = re.compile(_ADVERB + _S + _ACTS + r"\b", re.IGNORECASE)
_SPEECH_AFTER = re.compile(_ADVERB + _S + _SPEECH + r"\b", re.IGNORECASE)
_SPEECH_TO_A_PERSON = re.compile(_ADVERB + _S + _SPEECH + _TO_A_PERSON, re.IGNORECASE)
_LIFE_AFTER = re.compile(_ADVERB + _S + _LIFE + r"\b", re.IGNORECASE)
_GOES_AFTER = re.compile(_ADVERB + _S + _GOES + r"\b", re.IGNORECASE)
_WEAK_AFTER = re.compile(_ADVERB + _S + _WEAK + r"\b", re.IGNORECASE)
# Where a person is from, what people they belong to, how old they are, a country they left: said
# of someone, never of a word ("Maria is from Manila", "Maria is Filipino", "Maria was 19", "Maria
# left Mexico"; not "Sofia is 3.5 hours by bus").
_NATIONS = r"(?i:" + "|".join(sorted(lexicon.NATIONALITIES, key=len, reverse=True)) + r")"
_ORIGIN_AFTER = re.compile(
    _S + r"(?:is|was)" + _S + r"(?:(?:originally|also)" + _S + r")?(?:from" + _S + r"[A-Z]|" + _NATIONS
    + r"\b|(?:aged" + _S + r")?\d{1,2}\b(?![.,:/]\d)(?!" + _S + r"?(?:%|per|km|kms|miles?|mins?|minutes?|hours?|hrs?"
    + r"|days?|weeks?|months?|metres?|meters?|pounds?|percent|kg|mph|am|pm|o'clock)\b))")  # fmt: skip
_LEFT_A_PLACE = re.compile(_S + r"(?:left|fled|escaped)" + _S + r"(?:for" + _S + r")?[A-Z]")
_FROM_AFTER = re.compile(_S + r"(?:is|was)" + _S + r"(?:(?:originally|also)" + _S + r")?from" + _S + r"[A-Z]")
_MODIFIER = r"(?:(?:late|ex|former|older|younger|little|big|elder|best|new|old)[ \t\u00a0\-]+)?"
_RELATION_AFTER = re.compile(
    r"['’]s" + _S + _MODIFIER + r"(?:" + "|".join(sorted(map(re.escape, lexicon.RELATIONS), key=len, reverse=True))
    + r")\b", re.IGNORECASE)  # fmt: skip
_POSSESSIVE_AFTER = re.compile(r"['’]s" + _S + r"[a-z]")
# What is someone's and never a town's: "at Georgia's flat", "Penny's phone was taken".
_BELONGING_AFTER = re.compile(r"['’]s" + _S + r"(?:own" + _S + r")?" + _any_of(
    """flat house room bed car phone mobile bag handbag passport visa documents papers wages money children kids baby
    boyfriend girlfriend name number birthday job""") + r"\b", re.IGNORECASE)  # fmt: skip
# Between two names of a list ("Opal, Tariq and I", "Amira & Georgia").
_LIST_GAP = re.compile(r",[ \t\u00a0]*(?:(?:and|&)[ \t\u00a0]+)?|[ \t\u00a0]+(?:and|&)[ \t\u00a0]+")
_PRONOUN_AFTER = re.compile(r",?[ \t\u00a0]+(?:and|&)[ \t\u00a0]+(?:I|me|my|his|her|their|our)\b")
_PRONOUNS_BEFORE = frozenset("me i him her us them".split())

_PLACE_WORDS = frozenset("in at from near to into via outside across around between towards through of".split())
_DETERMINERS = frozenset("the a an this these those my your his her our their its every each no any some".split())
_PEOPLE_BEFORE = frozenset("met meet with asked ask told tell called married marry gave".split())
_SEASONS = frozenset("spring summer autumn winter fall".split())

PERSON = 0.5  # as sure as an unknown capitalised word: the engine looks for it again elsewhere


def _candidate(t, names: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    fw = t.fw
    return (
        t.score == 0 and not t.title and not t.place and len(fw) >= 3 and fw in names
        and t.word[0].isupper() and not t.word.isupper()
        and fw not in lexicon.NOT_NAMES and fw not in lexicon.FULL_MONTHS and fw not in lexicon.FULL_DAYS
        and fw not in lexicon.TITLES and fw not in lexicon.RELATIONS
    )  # fmt: skip


def _joined(text: str, a, b) -> bool:  # noqa: ANN001 - names._Tok
    return bool(JOIN.match(text[a.end : b.start]))


def _small_place(word: str) -> bool:
    """Is ``word`` a town the gazetteer holds, too small or too far for ``places.txt`` ("Marina")?"""
    key = lexicon.place_key([word])
    return key in lexicon.small_places("world") or key in lexicon.small_places("uk")


def _likely_name(t) -> bool:  # noqa: ANN001 - names._Tok
    return t.score >= 0.5 and not t.title and not t.place and not _small_place(t.word)


def _ordinary_before(t, names: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    """Is ``t``, just before a given name, a word capitalised for its place rather than part of a
    longer name: a function word, a month or a day ("On Monday Penny rang"), or an English word at
    a sentence start that is no given name ("Recently Penny came back")?"""
    fw = t.fw
    return fw in lexicon.FUNCTION_WORDS or fw in lexicon.FULL_DAYS or fw in lexicon.FULL_MONTHS \
        or t.initial and fw in lexicon.english_words() and fw not in names


def _in_a_longer_name(toks: list, i: int, text: str, names: frozenset[str]) -> bool:
    """Is ``toks[i]`` one word of a longer capitalised name that is not a person's ("Brook Street",
    "Grace Church", "Chase Bank")?"""
    prev = toks[i - 1] if i else None
    if prev is not None and prev.score >= 0 and _joined(text, prev, toks[i]) and not _ordinary_before(prev, names) \
            and not prev.title and not _likely_name(prev):
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and (nxt.score < 0 or _joined(text, toks[i], nxt) and not _likely_name(nxt)
                                and nxt.fw not in lexicon.FUNCTION_WORDS)


def _in_a_list_of_people(toks: list, i: int, text: str) -> bool:
    t = toks[i]
    if _PRONOUN_AFTER.match(text, t.end):
        return True
    for k in (i - 1, i + 1):
        if 0 <= k < len(toks):
            a, b = (toks[k], t) if k < i else (t, toks[k])
            if _LIST_GAP.fullmatch(text, a.end, b.start) and _likely_name(toks[k]):
                return True
    w = text[max(0, t.start - 30) : t.start].lower().split()
    return len(w) >= 2 and w[-1] in ("and", "&") and (w[-2] in _PRONOUNS_BEFORE or w[-2] in lexicon.RELATIONS)


# A full stop typed straight after a name where no sentence ends: the next word is in lower case
# ("Then at Leeds, Tom. said hi"). The words after it are read as if it were not there.
_STRAY_STOP = re.compile(r"\.(?=[ \t\u00a0]+[a-z])")


def _person_here(toks: list, i: int, text: str, before, place: bool, named: bool) -> bool:  # noqa: ANN001
    """Does the wording around ``toks[i]`` make it someone? ``place``: the word is also a place's
    name; ``named``: the text names it as a place elsewhere."""
    t = toks[i]
    if text[t.end : t.end + 1] == "." and _STRAY_STOP.match(text, t.end):
        # "Tom. said hi": the stop ends no sentence; read the words after it as if it were not there
        text = text[: t.end] + " " + text[t.end + 1 :]
    words = _two_words_before(text, t.start)
    if words and words[-1] in _DETERMINERS or _in_a_longer_name(toks, i, text, given_names_for_wording()):
        return False
    if not named and _BELONGING_AFTER.match(text, t.end):
        return True  # (even after "at": "at Georgia's flat")
    if words and words[-1] in _PLACE_WORDS and (place or _small_place(t.word)):
        return False  # "from Valencia", "near Marina"
    if cue_in(before(t.start)) or _RELATION_AFTER.match(text, t.end) or _ACT_AFTER.match(text, t.end):
        return True  # "my friend Chelsea", "Carol's son", "Fern shouted"
    if place:
        return bool(_SPEECH_TO_A_PERSON.match(text, t.end)) or not named and (
            bool(words) and words[-1] in _PEOPLE_BEFORE or _in_a_list_of_people(toks, i, text)
            or bool(_GOES_AFTER.match(text, t.end) or _FROM_AFTER.match(text, t.end)))  # "Sofia is from Tirana"
    if _SPEECH_AFTER.match(text, t.end) or _in_a_list_of_people(toks, i, text):
        return True
    season = t.fw in _SEASONS
    if t.initial:  # "Sally came back", "Maria is from Manila"; not "Winter came", "Art helped"
        return not season and bool(
            _GOES_AFTER.match(text, t.end) or _ORIGIN_AFTER.match(text, t.end) or _LEFT_A_PLACE.match(text, t.end)
        )
    return not season and bool(_LIFE_AFTER.match(text, t.end) or _WEAK_AFTER.match(text, t.end)
                               or _POSSESSIVE_AFTER.match(text, t.end))


def given_names_by_context(toks: list, text: str, named_places: set[str], before) -> None:  # noqa: ANN001
    """Mark the likely-name detector's words (``names._Tok``) that context makes a person, though
    they are English words or places; unmark contractions. ``named_places``: the folded words the
    text names as places; ``before``: the statement's ``words.WordsBefore``."""
    names = given_names_for_wording()
    english = lexicon.english_words()
    places = lexicon.place_tokens()
    people: set[str] = set()
    for i, t in enumerate(toks):
        if t.score > 0 and ("'" in t.word or "’" in t.word) and contraction(t.word):
            t.score, t.edge_ok = 0.0, False  # "Couldn't they see?"
            continue
        if t.score == 0.4 and t.fw in lexicon.WORD_NAMES and _two_words_before(text, t.start)[-1:] in (
                ["the"], ["a"], ["an"]):
            t.score = 0.0  # "the Bill", "a Grace": a word with an article is not someone
            continue
        if not _candidate(t, names):
            continue
        place = t.fw in places
        if not place and t.fw not in english:
            continue
        if _person_here(toks, i, text, before, place, t.fw in named_places):
            t.score, t.edge_ok = PERSON, True
            if place:
                people.add(t.fw)
    # A place's name found as a person is that person wherever the text never names it as a place
    # (the engine looks again for other names, but never for a place's). Straight after "in" or
    # "near" the text does name it as one, even where more capitalised words follow than one
    # place's name has ("in Shirley Penny Tariq Carol"), unless it is someone's ("in Shirley's flat").
    for t in toks:
        if t.fw in people and t.fw not in named_places and t.score == 0 and not t.place and not t.title \
                and t.word[0].isupper() and not t.word.isupper() and not _named_as_a_place_here(text, t):
            t.score, t.edge_ok = PERSON, True


def _named_as_a_place_here(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    words = _two_words_before(text, t.start)
    return bool(words) and words[-1] in PLACE_BEFORE and text[t.end : t.end + 1] not in ("'", "’")
