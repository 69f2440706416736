"""Capitalised words the likely-name detector took for someone, that the wording makes something else:

* a place or venue whose name ends in its kind ("Hartcliffe Bus Station", "Alexandra Palace",
  "Smithfield Market"): a fact to keep. A kind that is also a common surname ("Park", "Hall",
  "Court") ends a place's name only when no given name comes before it or a place word does ("at
  Jubilee Park"; "Min-jun Park told me" is someone). After "by", and after "to" or "from" that end
  no journey, a given name that is no English word and no place ("helped by Yusuf Hall", "gave
  the keys to Zeynep Park"; census or world list) keeps the run someone's name, and so does any
  likely name that is no English word and no place after a passive's "by" ("I was helped by Kwame
  Hall"; not "we were dropped by X Park", a verb of where) or after a "to" that takes a person
  ("spoke to", "married to", "sold me to", "gave my passport to Kwame Hall");
* a currency after an amount or "pounds" ("300 pounds Sterling", "40 Sterling a week");
* where a plane lands or a boat sails ("landed at X", "off the plane at X");
* an English word after a word of speech ("told Context he ...", "said Nothing"), where the word is
  neither a given name nor a surname (US Census lists): a newspaper, a thing, or a word
  capitalised for emphasis, not the person spoken to.

Each function marks the detector's words (``names._Tok``) in place, as the rules of ``context`` do.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.given_names import any_given_names
from desktop.redaction.name_lists import surname_words as surname_words

# --- Places and venues named with their kind ------------------------------------------------------

# Kinds of place or venue that are seldom anyone's surname: the words before one name the place.
_VENUE_LAST = frozenset(
    """station palace market stadium airport terminal arena theatre theater museum gallery library
cathedral abbey pier wharf quay docks interchange junction precinct mall bazaar exchange depot garage racecourse
showground fairground campus barracks embassy consulate""".split()
)
# Kinds that are also common surnames ("Park", "Hall"): a place only with no given name before them,
# or a place word before the whole name.
_VENUE_SURNAMES = frozenset("park hall court gardens square green common fields".split())
_AT_PLACE = re.compile(
    r"\b(at|in|near|outside|inside|to|from|behind|opposite|by|around|past)[ \t\u00a0]+$", re.IGNORECASE
)


# Prepositions that take a person as often as a place ("helped by", "paid to", "a text from"): after
# one, a given name that is no English word and no place's name ("Yusuf", "Zeynep"; not "Victoria")
# before the kind makes the run someone's name. "At", "in", "near" and the rest still make it a place.
_PERSON_OR_PLACE = frozenset("by to from".split())
# "To" and "from" not after a journey's word ("the train to Alexandra Park", "walked back from X Green").
_GOING = re.compile(
    r"\b(?:go|goes|going|gone|went|come|comes|coming|came|move[ds]?|moving|walk(?:ed|s|ing)?|dr[io]ve|"
    r"driving|driven|r[au]n|travel+ed|flew|fly|return(?:ed)?|back|home|way|bus|train|coach|taxi|"
    r"trip|journey|took|taken|sent|brought|fled|escaped|arrived|get|got|directions)"
    r"(?:[ \t\u00a0]+(?:it|them|us|me|him|her|all))?[ \t\u00a0]+$",
    re.IGNORECASE,
)


# A passive before "by" ("I was helped by", "we were driven by", "she got beaten by"): "by" names who
# did it, so after it any likely name that is no English word and no place is someone, even one no
# list of given names holds ("was helped by Kwame Hall"; "we walked by Kwame Park" is not read).
_PASSIVE_BY = re.compile(r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)[ \t\u00a0]+"
                         r"(?:[a-z]+[ \t\u00a0]+)?(?:[a-z]+ed|[a-z]+en|beat|hit|kept|paid|sent|told|brought|caught|"
                         r"found|held|led|made|met|shot|sold|struck|taught|bought|left|picked[ \t\u00a0]+up)"
                         r"[ \t\u00a0]+$", re.IGNORECASE)  # fmt: skip


# A verb whose "to" takes a person ("spoke to", "married to", "sold me to", "gave my passport to",
# "owed money to"): after it, as after a passive's "by", any likely name that is no English word and no
# place before the kind is someone ("I gave my passport to Kwame Hall").
_TO_SOMEONE = re.compile(r"\b(?:sp[eo]ak(?:s|ing)?|spoke|talk(?:s|ed|ing)?|lie[ds]?|lying|married|engaged|"
                         r"introduced|(?:gave|give[ns]?|giving|owe[ds]?|owing|paid|pay(?:s|ing)?|sold|sell(?:s|ing)?|"
                         r"lent|lend(?:s|ing)?|handed|hand(?:s|ing)?|showed)"
                         r"(?:[ \t\u00a0]+[a-z]+){0,3})[ \t\u00a0]+$", re.IGNORECASE)  # fmt: skip
# ... but not a verb of where something is or was put: "we were dropped by", "it is located by".
_WHERE_BY = re.compile(r"\b(?:left|dropped|parked|stopped|located|situated|based|housed|placed|found|seated|stationed|"
                       r"positioned|buried|hidden|lined|surrounded|kept|held)[ \t\u00a0]+$",
                       re.IGNORECASE)  # fmt: skip


def _someone_by_or_to(text: str, at: re.Match) -> bool:
    before = text[max(0, at.start() - 40) : at.start()]
    if at.group(1).lower() == "by":
        m = _PASSIVE_BY.search(before)
        return m is not None and not _WHERE_BY.search(m.group(0))
    return at.group(1).lower() == "to" and _TO_SOMEONE.search(before) is not None


# A word in lower case straight after the kind ("Finsbury Park staff", "Kelvin Hall volunteers"): an
# English word that is no function word and no adverb makes the run qualify a noun, a venue's name.
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([a-z]+)\b")
_ADVERBS = frozenset("tonight twice thrice".split())


def _qualifies_a_noun(text: str, end: int) -> bool:
    m = _WORD_AFTER.match(text, end)
    if m is None:
        return False
    w = m.group(1)
    return (
        w in lexicon.english_words() and w not in lexicon.FUNCTION_WORDS and not w.endswith("ly") and w not in _ADVERBS
    )


def _someone_by_wording(run: list, text: str, at: re.Match) -> bool:
    u = run[0]
    return (
        len(run) == 1
        and u.score >= 0.5
        and u.fw not in lexicon.english_words()
        and _someone_by_or_to(text, at)
        and u.fw not in lexicon.place_tokens()
        and lexicon.place_key([u.word]) not in lexicon.small_places("uk")
        and lexicon.place_key([u.word]) not in lexicon.small_places("world")
    )


def _given_first(run: list) -> bool:
    fw = run[0].fw
    return (
        len(run) == 1
        and run[0].word[:1].isupper()
        and not run[0].word.isupper()
        and fw in any_given_names()
        and fw not in lexicon.english_words()
        and fw not in lexicon.place_tokens()
        and lexicon.place_key([run[0].word]) not in lexicon.small_places("uk")
        and lexicon.place_key([run[0].word]) not in lexicon.small_places("world")
    )


def _run_before(toks: list, j: int, text: str) -> int:
    i = j
    while (
        i > 0
        and toks[i - 1].score >= 0
        and toks[i - 1].fw not in lexicon.TITLES
        and toks[i - 1].fw not in lexicon.FUNCTION_WORDS
        and toks[i - 1].on_line
    ):
        i -= 1
    return i


def venues(toks: list, text: str) -> None:
    """A run of capitalised words ending in a kind of place or venue is that place, not a person."""
    names = any_given_names()
    for j, t in enumerate(toks):
        if t.fw not in _VENUE_LAST and t.fw not in _VENUE_SURNAMES or t.word.isupper():
            continue
        i = _run_before(toks, j, text)
        if i == j or j - i > 3:
            continue
        run = toks[i:j]
        if any(u.score >= 0.8 for u in toks[i : j + 1]):  # a title or cue made it someone ("PC Kelly Hall")
            continue
        if i and toks[i - 1].title and re.fullmatch(r"\.?[ \t\u00a0]+", text[toks[i - 1].end : toks[i].start]):
            continue
        at = _AT_PLACE.search(text, max(0, toks[i].start - 12), toks[i].start)
        if (
            t.fw in _VENUE_SURNAMES
            and not at
            and any(u.fw in names or u.score >= 0.5 and u.fw not in lexicon.place_tokens() for u in run)
        ):
            continue
        if at and _qualifies_a_noun(text, t.end):
            at = None  # "told by Finsbury Park staff": the staff are who, the park is where
        if (
            t.fw in _VENUE_SURNAMES
            and at
            and at.group(1).lower() in _PERSON_OR_PLACE
            and _given_first(run)
            and (at.group(1).lower() == "by" or not _GOING.search(text, max(0, at.start() - 30), at.start()))
        ):
            continue  # "driven by Hamza Green", "I gave the keys to Zeynep Park": a person
        if t.fw in _VENUE_SURNAMES and at and _someone_by_wording(run, text, at):
            continue  # "I was helped by Kwame Hall", "he sold me to Kofi Park"
        for u in toks[i : j + 1]:
            u.place, u.score, u.edge_ok = True, 0.0, False


# --- Currencies -----------------------------------------------------------------------------------

_CURRENCIES = frozenset(
    """sterling euro euros dollar dollars pound pounds naira cedi cedis rupee rupees taka dinar
dinars dirham dirhams riyal riyals rand kwacha shilling shillings franc francs lira lek leu lei zloty forint koruna
hryvnia rouble roubles ruble rubles yuan renminbi yen won peso pesos real reais birr nakfa afghani afghanis""".split()
)
_AMOUNT_BEFORE = re.compile(r"(?:\d[\d,.]*(?:[ \t\u00a0]*(?:k|m|bn|thousand|million|hundred))?|pounds?|[£$€])"
                            r"[ \t\u00a0]*$", re.IGNORECASE)  # fmt: skip


def currencies(toks: list, text: str) -> None:
    """A currency's name after an amount or "pounds" ("200 pounds Sterling", "50 Sterling") is money."""
    for t in toks:
        if (
            t.score > 0
            and t.score < 0.8
            and t.fw in _CURRENCIES
            and _AMOUNT_BEFORE.search(text, max(0, t.start - 20), t.start)
        ):
            t.score, t.edge_ok = 0.0, False


# --- English words after a word of speech ---------------------------------------------------------

_SPEECH_BEFORE = re.compile(r"\b(?:told|tell|tells|telling|said|says|say|saying)[ \t\u00a0]+$", re.IGNORECASE)


def words_after_speech(toks: list, text: str) -> None:
    """An English word after "told" or "said", weakly taken for the one told ("told Context he ..."),
    is no one when no list of given names or surnames holds it."""
    english = lexicon.english_words()
    for t in toks:
        if not 0 < t.score < 0.5 or t.word.isupper() or t.fw not in english:
            continue
        if t.fw in any_given_names() or t.fw in surname_words() or t.fw in lexicon.WORD_NAMES:
            continue
        if _SPEECH_BEFORE.search(text, max(0, t.start - 12), t.start):
            t.score, t.edge_ok = 0.0, False


# --- Where a plane or a boat goes ---------------------------------------------------------------

_TRAVEL_BEFORE = re.compile(r"\b(?:landed|landing|lands|flew|flown|flying|flight|flights|plane|ferry|boat|ship|"
                            r"lorry)(?:[ \t\u00a0]+[a-z]+)?[ \t\u00a0]+(?:at|to|into|from|in)[ \t\u00a0]+$",
                            re.IGNORECASE)  # fmt: skip
_OWNED_AFTER = re.compile(r"['’]s?\b")


def travel_places(toks: list, text: str) -> None:
    """Where a plane lands or a boat sails ("landed at X", "off the plane at X", "a flight to X") is a
    place: an airport or a port, not a person (unless someone's: "flew to X's wedding")."""
    for t in toks:
        if (
            0 < t.score < 0.8
            and not t.word.isupper()
            and _TRAVEL_BEFORE.search(text, max(0, t.start - 40), t.start)
            and not _OWNED_AFTER.match(text, t.end)
        ):
            t.place, t.score, t.edge_ok = True, 0.0, False
