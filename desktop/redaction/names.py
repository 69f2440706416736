"""Likely personal names that nobody recorded.

No statistical model: names from every background must be found equally, and NER models are known
to miss migrant and all-caps names. Instead, a capitalised word is a likely name when

* it follows a title or rank ("Mrs Hope", "PC Smith", "Auntie Grace"): even an English word;
* it follows a relation or a naming cue ("my husband Tariq", "a man called Blessing");
* it is not an English word, a place, a nationality, language or faith, a month or a day, or an
  allow-listed organisation (the "unknown capitalised word" backstop, after Philter);
* it is a given name that is also an English word ("Patience", "Hope") in mid-sentence.

Neighbouring capitalised words join the name ("Grace Okafor", "TARIQ MAHMOOD", "Abdullah bin Hamad").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from desktop.core.forgetting import kept_until_lock
from desktop.redaction import lexicon
from desktop.redaction.adverbs import adverb_in_ly
from desktop.redaction.alternation import alternation_matches
from desktop.redaction.amounts import currency_code
from desktop.redaction.appearances import agents_in_appearances, counsel_in_appearances
from desktop.redaction.asked_names import asked_names
from desktop.redaction.bare_subjects import bare_subjects, function_word_surnames
from desktop.redaction.bodies_by_evidence import bodies_by_evidence, bodies_with_inner_words
from desktop.redaction.bodies_in_lists import bodies_in_lists
from desktop.redaction.body_names import bodies_named
from desktop.redaction.body_short_names import short_names_of_bodies
from desktop.redaction.bracket_credits import bracketed_credits, lower_case_credits
from desktop.redaction.capital_letters import letters_as_names, lone_acronyms
from desktop.redaction.caps_surnames import caps_surnames
from desktop.redaction.census_pairs import given_and_surname_pairs
from desktop.redaction.citations import court_citations
from desktop.redaction.context import JOIN as _JOIN
from desktop.redaction.context import (
    demonym,
    in_a_title_of_a_thing,
    initials_and_places_after_names,
    introduced_names,
    mark_organisations,
    mark_places_by_context,
    months_in_full_names,
    names_of_leaders,
    next_to_digits,
    ordinary_compound,
    places_before_names,
    surnames_as_subjects,
    weak_names_again,
    word_names_in_titles,
)
from desktop.redaction.court_parties import court_parties, dotted_parties
from desktop.redaction.court_text import court_text_facts
from desktop.redaction.facts_by_kind import facts_by_kind
from desktop.redaction.facts_by_shape import facts_by_shape
from desktop.redaction.facts_in_news import facts_in_news
from desktop.redaction.facts_in_wording import facts_in_wording
from desktop.redaction.family_names import family_names
from desktop.redaction.firm_names import firm_names, plural_and_name_firms
from desktop.redaction.firms_and_states import firms_and_states
from desktop.redaction.fold import fold
from desktop.redaction.given_names import contraction, given_names_by_context
from desktop.redaction.initials_named import initials_named
from desktop.redaction.journey_places import journey_places
from desktop.redaction.kinds_before_names import kinds_before_names
from desktop.redaction.languages_spoken import languages_spoken
from desktop.redaction.letters_and_times import clock_half, letters_after_titles, zones_after_clock_times
from desktop.redaction.letters_given import letters_given
from desktop.redaction.misses import hits_by_wording, mark_by_wording
from desktop.redaction.names_spoken_to import names_spoken_to, surnames_handed_to
from desktop.redaction.news_names import news_names
from desktop.redaction.news_people import (
    dotted_initials_named,
    faith_and_people_surnames,
    first_names_in_apposition,
    quoted_nicknames,
)
from desktop.redaction.news_wording import news_wording
from desktop.redaction.nicknames import honorifics_in_nicknames
from desktop.redaction.outlets_and_origins import outlets_and_origins
from desktop.redaction.people_again import people_again
from desktop.redaction.place_word_names import place_word_names
from desktop.redaction.places_named_like_people import places_named_like_people
from desktop.redaction.plural_subjects import plural_subjects
from desktop.redaction.published import dotted_initials, published_words
from desktop.redaction.published_places import names_after_places, places_by_wider_context
from desktop.redaction.roles_before_names import roles_before_names
from desktop.redaction.scripts import _other_script_names
from desktop.redaction.short_lines import unwrapped
from desktop.redaction.surname_first import surnames_before_syllable_names
from desktop.redaction.thing_surnames import given_and_thing_surnames, given_before_kinds
from desktop.redaction.things import defined_acronym, names_of_things
from desktop.redaction.things_after_the import things_after_the
from desktop.redaction.title_initials import given_before_initials, initials_after_titles
from desktop.redaction.title_surnames import surnames_after_address
from desktop.redaction.unexplained import places_after_names, unexplained_names
from desktop.redaction.word_names_as_words import word_names_as_words
from desktop.redaction.word_pairs import word_pairs
from desktop.redaction.word_sets import statement_words
from desktop.redaction.words import WordsBefore, _cue_before, _people_word_before, cue_in, people_word_in  # noqa: F401

# (_cue_before and _people_word_before stay importable from here, for rules written against names.py)

Hit = tuple[int, int, str, float]


def _upper_class() -> str:
    chars = [chr(c) for c in range(0x10000) if chr(c).isupper() or chr(c).istitle()]
    return "".join(re.escape(c) for c in chars)


_UP = _upper_class()
# A capitalised word (letters, inner hyphens and apostrophes), without a trailing possessive.
_SPACE_PARTICLES = r"(?:abu|bin|binti|bint|ibn|dela|van|von|der|den|del)"
_PREFIX = (
    r"(?:(?:al|el|ul|ud|ad|ar|as|at|az|abu|abd|bin|ibn|ben|de|da|dela|del|di|du|le|la|van|von|der|den)-|"
    + _SPACE_PARTICLES
    + r"\s)?"
)
_CAP = re.compile(r"(?<![\w\-@.])(?<!\w['’])" + _PREFIX + r"[" + _UP + r"][^\W\d_]*(?:['’\-][^\W\d_]+)*")
# _CAP's matches where no particle can stand before a capital (a statement with no "-" or particle and
# a space before one: most of them). It starts with the capital, so ``re`` skips ahead to one in C;
# _CAP starts with its look-behinds and the optional particle, and is tried at every character. The
# same look-behinds, written after the capital they stand before.
_CAP_PLAIN = re.compile(r"[" + _UP + r"](?<![\w\-@.].)(?<!\w['’].)[^\W\d_]*(?:['’\-][^\W\d_]+)*")
_HYPHEN_CAPITAL = re.compile(r"-[" + _UP + r"]")
# A space particle, a space and a capital: searched from the capital (``re`` skips ahead to one in C),
# the particle and the space looked for behind it (one look-behind per length of particle).
_PARTICLE_CAPITAL = re.compile(
    r"[" + _UP + r"](?:(?<=(?:abu|bin|ibn|van|von|der|den|del)\s.)|(?<=(?:bint|dela)\s.)|(?<=binti\s.))"
)


def _capitalised(text: str) -> Iterator[re.Match[str]]:
    """``_CAP.finditer(text)``: the capitalised words, from ``_CAP_PLAIN`` where no particle can
    stand before a capital (a particle's match needs "-" or a space particle right before one)."""
    if _HYPHEN_CAPITAL.search(text) or _PARTICLE_CAPITAL.search(text):
        return _CAP.finditer(text)
    return _CAP_PLAIN.finditer(text)


# A capitalised ordinary word straight after one of these is most likely someone ("I stayed with Aster").
_PEOPLE_BEFORE = re.compile(
    r"\b(?:with|and|told|asked|met|saw|called|gave|tell|ask|meet|visit|visited|married|marry|than|&)\s+$"
)
_VERB_AFTER = re.compile(
    r"[ \t]+(?:told|said|came|went|took|called|asked|helped|saw|was|is|had|has|gave|left|stayed|drove|lived|"
    r"works|worked|knew|hit|shouted|threatened|rang|phoned|texted|sent|kept|met|brought|says|tells|wanted|"
    r"would|will|could|did|and|also|never|always|then|still|became|found|paid|lent|owed|used|made)\b"
)
_CUE_TAIL = r"\s*,?\s*(?:(?:who\s+is\s+|whose\s+name\s+is\s+)?(?:called|named)\s+|(?:is|was|name\s+is|name\s+was)\s+)?$"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_RELATION_CUE = re.compile(
    r"\b(?:" + _alternation(sorted(lexicon.POSSESSIVES)) + r")\s+(?:late\s+|ex[-\s]|former\s+|older\s+|younger\s+|"
    r"little\s+|big\s+|elder\s+|best\s+|new\s+|old\s+)?(?:" + _alternation(sorted(lexicon.RELATIONS)) + r")"
    r"(?:['’]s)?" + _CUE_TAIL,
    re.IGNORECASE,
)
_NAME_CUE = re.compile(r"\b(?:" + _alternation(list(lexicon.NAME_CUES)) + r")\s*:?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”(\[\n])\s*$")
_PARTICLE_JOIN = re.compile(
    r"^[ \t\u00a0]+(?:(?:" + _alternation(sorted(lexicon.PARTICLES)) + r")[ \t\u00a0\-]+){1,2}$"
)


_ASCII_WORD = re.compile(r"[a-z]+")
_CONTRACTION = re.compile(r"['’](?:d|ll|ve|re|m)$")
# Between a title and the name after it: a full stop, spaces, perhaps a collar number ("PC 4512 Smith").
_AFTER_TITLE = re.compile(r"\.?[ \t\u00a0]+(?:\d{1,6}[ \t\u00a0]+)?")
# One capital letter with a full stop, then a space: an initial before a surname ("R. Adeyemi").
_INITIAL_BEFORE = re.compile(r"(?<![\w.\-])[A-Z]\.[ \t\u00a0]+$")
# The last word of every cue: a lower-case name can only follow one of these.
_CUE_LAST_WORDS = frozenset(
    {c.split()[-1] for c in lexicon.NAME_CUES} | set(lexicon.RELATIONS) | {"called", "named", "is", "was"}
) - {"is", "was"}


@lru_cache(maxsize=1024)
def _lower_after_cue_regex(cue: str) -> re.Pattern[str]:
    """On the lower-cased text: a cue word, then the word after it (group 1). One per cue word, as
    the alternatives of one alternation of the cue words a statement holds (``alternation``)."""
    return re.compile(
        re.escape(cue) + r"(?:['’]s)?(?=[\s,:])\s*,?\s*(?:(?:who\s+is\s+)?(?:called|named|is|was)\s+)?:?\s*"
        r"([a-z\u00df-\u00ff\u0101-\u017f]+(?:['’\-][a-z]+)*)(?![\w@]|\.\w)"
    )


@lru_cache(maxsize=1)
def _function_only() -> frozenset[str]:
    return frozenset(lexicon.FUNCTION_WORDS - lexicon.WORD_NAMES)


def _sentence_initial(text: str, pos: int) -> bool:
    """Is ``pos`` the start of the text, a line or a sentence (after . ! ? : ; quotes or brackets)?"""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in '.!?:;"“”([\n\r'


class _Tok:
    __slots__ = ("start", "end", "word", "fw", "score", "edge_ok", "initial", "title", "place", "joins", "on_line")

    def __init__(self, start: int, end: int, word: str, fw: str | None = None) -> None:
        self.start, self.end, self.word = start, end, word
        self.fw = fold(word) if fw is None else fw
        self.score = 0.0
        self.edge_ok = True  # may stand at the edge of a name
        self.initial = False
        self.title = False
        self.place = False
        # The gap to the next word (``link``): JOIN matches it; and it holds no line break besides.
        self.joins = False
        self.on_line = False


def link(toks: list[_Tok], text: str) -> None:
    """Look at the gap between each word and the next once, for every rule that asks (``joins``,
    ``on_line``); the words' places never change after they are found."""
    lines_end: bool | None = None  # does a line break end a run? (short_lines.py; asked once)
    for a, b in itertools.pairwise(toks):
        gap = text[a.end : b.start]
        if gap == " ":
            a.joins = a.on_line = True
        elif _JOIN.match(gap):
            a.on_line = "\n" not in gap
            if not a.on_line and lines_end is None:
                lines_end = unwrapped(text)
            a.joins = a.on_line or not lines_end


def detect_names(text: str, blocked: list[tuple[int, int]], bodies: list[tuple[int, int]] | None = None) -> list[Hit]:
    """Likely names in ``text``. ``blocked``: sorted ranges (allow-listed phrases) never flagged.
    ``bodies``, if given, gets the ranges of the bodies' names read on the way (``body_names.py``)."""
    english = lexicon.english_words()
    places = lexicon.place_tokens()
    toks: list[_Tok] = []
    bi = 0
    folds: dict[str, str] = {}  # each distinct word of the statement folded once
    for m in _capitalised(text):
        s, e = m.span()
        word = m.group()
        if word[-2:] in ("'s", "’s") or word[-1:] in ("'", "’"):
            e -= 2 if word[-1] == "s" else 1
        elif (
            ("'" in word or "’" in word)
            and (c := _CONTRACTION.search(word))
            and word[: c.start()].lower() in lexicon.FUNCTION_WORDS
        ):
            e -= len(c.group())  # "She’d", "They’ll": a pronoun, not a name
        if e - s < 1:
            continue
        while bi < len(blocked) and blocked[bi][1] <= s:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] < e:
            toks.append(_blocked(s, e, text[s:e]))
            continue
        word = text[s:e] if e != m.end() else word
        fw = folds.get(word)
        if fw is None:
            fw = folds[word] = fold(word)
        toks.append(_Tok(s, e, word, fw))
    link(toks, text)
    before = WordsBefore(text)  # the words before a position, each position looked at once

    _mark_places(toks, text)
    named_places = names_after_places(
        toks, text, mark_places_by_context(toks, text, _function_only())
    ) | places_by_wider_context(toks, text)
    mark_organisations(toks, text)
    facts_by_shape(toks, text)  # courts, schemes, saints' places, citations (facts_by_shape.py)
    court_citations(toks, text)  # "(2016) UKSC 19", "2017 ONSC 5512", "(IAC)" (citations.py)
    function_only = _function_only()
    # The word lists the loop asks about, as local names (one look-up each, not one per word).
    function_words, not_names, word_names = lexicon.FUNCTION_WORDS, lexicon.NOT_NAMES, lexicon.WORD_NAMES
    full_months, full_days, months, days = lexicon.FULL_MONTHS, lexicon.FULL_DAYS, lexicon.MONTHS, lexicon.DAYS
    titles, caps_titles = lexicon.TITLES, lexicon.CAPS_TITLES
    title_at: list[int] = []  # where the titles are (title_initials.py)
    for i, t in enumerate(toks):
        if t.score < 0:
            continue
        if t.fw in function_only:  # "The", "He", "When": never a name, never part of one
            t.edge_ok = False
            continue
        w, fw = t.word, t.fw
        initial = _sentence_initial(text, t.start)
        t.initial = initial
        all_caps = len(w) > 1 and w.isupper()
        common = fw in english or fw in function_words
        not_name = (
            fw in not_names
            or fw in full_months
            or fw in full_days
            or fw.endswith("s")
            and fw[:-1] in full_days  # "on Fridays"
            or text[t.start - 1 : t.start] == "("
            and defined_acronym(text, t.start, w)
            or (fw in months or fw in days)
            and next_to_digits(text, t)  # "09 Nov 2023"
            or ordinary_compound(text, t, english)  # "Twenty-seven", "U-Visa", "COVID-19"
            or demonym(fw)  # "Argentinian"
            or currency_code(text, t.start, t.end)  # "Rs120,000" (amounts.py)
        )
        place = fw in places or t.place or fw in named_places  # a place named once is one everywhere
        if (fw in titles and not all_caps or fw in caps_titles) and not clock_half(text, t.start, fw):
            t.title = True  # (not the "PM" of "4:40 PM": letters_and_times.py)
            title_at.append(i)
        if fw in function_words or not_name or place or t.title:
            t.edge_ok = False

        # A cue in front: title, relation, or "called"/"named".
        prev = toks[i - 1] if i else None
        cue = 0.0
        if prev is not None and prev.title and prev.score >= 0 and _AFTER_TITLE.fullmatch(text, prev.end, t.start):
            cue = 0.9
        elif (
            (common or fw in full_days or fw in full_months)
            and fw not in function_words
            and not place
            and fw not in not_names
            and cue_in(before(t.start))
        ):
            cue = 0.85  # (only an ordinary word needs the cue to count as a name)
        elif _INITIAL_BEFORE.search(text, max(0, t.start - 4), t.start) and not t.title and fw not in function_only:
            cue = 0.8  # "R. Adeyemi", "J. Smith": an initial with a full stop before a surname
        # After a title or rank, a place's name is a surname ("Inspector Crewe", "Mrs Bolton"), unless
        # the place goes on past it ("Officer Milton Keynes" is not read; multi-word places stay).
        title_place = cue == 0.9 and place and not t.place
        if (
            cue
            and not t.title
            and (title_place or not (fw in function_words or fw in months or place or fw in not_names))
            and not currency_code(text, t.start, t.end)
        ):
            t.score = cue
            t.edge_ok = True
            continue
        if t.title or not_name or place:
            continue
        if all_caps and len(w) <= 2:
            continue
        if not common and len(w) >= 2:
            t.score = 0.5
        elif (
            not initial
            and not all_caps
            and fw not in function_words
            and people_word_in(before(t.start))
            and not in_a_title_of_a_thing(toks, i, text)
            and fw not in full_months
            and fw not in full_days
        ):
            t.score = 0.3
        elif fw in word_names and fw not in full_months and fw not in full_days:
            if not initial:
                t.score = 0.4
            elif _VERB_AFTER.match(text, t.end):
                t.score = 0.35

    given_names_by_context(toks, text, named_places, before)  # "Penny rang", "Shirley told me"; not "Couldn't"
    names_spoken_to(toks, text)  # "\"Amir,\" said the boss", "sent me to Amir" (names_spoken_to.py)
    surnames_handed_to(toks, text)  # "We sent our papers to Sultana", "took me to Bishop" (names_spoken_to.py)
    introduced_names(toks, text, function_only)
    asked_names(toks, text, function_only)  # "Sunday, who asked not to be named"
    names_of_leaders(toks, text)
    initials_and_places_after_names(toks, text, places, named_places)
    places_before_names(toks, text, places, named_places)
    surnames_as_subjects(toks, text, english)
    bare_subjects(toks, text)  # "Stone told the court": at a sentence's start too (bare_subjects.py)
    word_names_as_words(toks, text)  # "Hope is all we had", "Summer came" (word_names_as_words.py)
    weak_names_again(toks, text)
    months_in_full_names(toks, text)
    word_names_in_titles(toks, text, english)
    lone_acronyms(toks, text)
    zones_after_clock_times(toks, text)  # "4:40 PM EAT": a time zone (letters_and_times.py)
    names_of_things(toks, text)
    letters_as_names(toks, text)  # after the acronym rules: "KB" has no vowel, yet stands for someone
    published_words(toks, text)  # credits, letters and bylines standing for people, code names
    bracketed_credits(toks, text)  # "(Photos: Will Marsh) One of ..." (bracket_credits.py)
    mark_by_wording(toks, text, before)  # venues, "PCs Dale and Okoro", "SHIRLEY told me"
    news_names(toks, text)  # how news reports write people and places (news_names.py)
    news_wording(toks, text)  # more of their wording: particles, initials, bodies named once (news_wording.py)
    function_word_surnames(toks, text)  # "Chase Young", "Karen Little" (bare_subjects.py)
    unexplained_names(toks, text)  # last: capitalised words nothing above explains (unexplained.py)
    places_after_names(toks, text)  # and a town's name after a likely name ends it ("Grace Preston")
    surnames_after_address(toks, text)  # "Mrs French", "Dr Swift" (title_surnames.py)
    given_and_surname_pairs(toks, text)  # "Peter Cross": both English words, no cue (census_pairs.py)
    word_pairs(toks, text)  # "Amir Khan said", "Hope Green told me": every word an English word (word_pairs.py)
    given_and_thing_surnames(toks, text)  # "Joy Church said", "Paul English, 40," (thing_surnames.py)
    given_before_kinds(toks, text)  # "Fatima Mosque said": the given name, not the kind (thing_surnames.py)
    family_names(toks, text)  # "the Hunt family", "Stone's husband", "Marsh and her children" (family_names.py)
    things = things_after_the(toks, text)  # "the Carabinieri arrested him", "the Cobrey farm" (things_after_the.py)
    things += places_named_like_people(toks, text)  # "Aldwick Hall" and "Aldwick Hall Trust" (its module)
    things += bodies_in_lists(toks, text)  # "Asda, Morrisons and Calverley": a list's kind (bodies_in_lists.py)
    plural_subjects(toks, text)  # "Gardaí have raided": a body of people, scored weak (plural_subjects.py)
    roles_before_names(toks, text)  # "Campaigner Hope Ade said": the role is no name (roles_before_names.py)
    caps_surnames(toks, text)  # "Ruth OYELARAN", "FENWICK, Alison": surnames in capitals (caps_surnames.py)
    initials_named(toks, text)  # "a victim, RT, left": letters standing for a person (initials_named.py)
    letters_given(toks, text)  # "a Leeds dealer (M.)", "calling her “R.”": one letter for a person (letters_given.py)
    letters_after_titles(toks, text)  # "Ms A said", "Mr A's flat": the letter after a title (letters_and_times.py)
    court_parties(toks, text)  # "R v AB", "AB (Ruritania) v SSHD", "the appellant (PK)" (court_parties.py)
    agents_in_appearances(toks, text)  # "Minuter: Roe QC; PDSO, Glasgow": the agents (appearances.py)
    first_names_in_apposition(toks, text)  # "the woman, Nadia, who": a first name given once (news_people.py)
    faith_and_people_surnames(toks, text)  # "Rafiqul Islam, 29,": a faith's word as a surname (news_people.py)
    surnames_before_syllable_names(toks, text)  # "judge So Tai-man": surname first (surname_first.py)
    honorifics_in_nicknames(toks, text)  # "known as Mama Ngozi": the kin word in the name (nicknames.py)
    languages_spoken(toks, text)  # "I speak Akan", "we are Shia", "a Hazara woman" (languages_spoken.py)
    facts_in_wording(toks, text)  # "from Kembang village", "party, Podemos.", "Oct. 1" (facts_in_wording.py)
    court_text_facts(toks, text)  # "Dept. of Justice", "COURT OF JUSTICIARY", "4th Cir." (court_text.py)
    facts_in_news(toks, text)  # "a resident of X", "X regional police", "told La Prensa" (facts_in_news.py)
    facts_by_kind(toks, text)  # "X, a radio station", "a village called X" (facts_by_kind.py)
    outlets_and_origins(toks, text)  # "at Sky News", "to Ubari in southern Libya", "MoJ [Ministry of Justice]"
    short_names_of_bodies(toks, text)  # "the Support Centre (Sunhelp)" (body_short_names.py)
    journey_places(toks, text)  # "came via Doha", "Doha airport": a route's places (journey_places.py)
    firm_names(toks, text)  # "the Harlow Venn pro bono team": a firm named after people (firm_names.py)
    plural_and_name_firms(toks, text)  # "Marks and Spencer": one business's name (firm_names.py)
    firms_and_states(toks, text)  # "t/as X Bar", "X & Y Pty Ltd", "States of America" (firms_and_states.py)
    things += bodies_by_evidence(toks, text)  # "a spokesperson for Bright Harbour" (bodies_by_evidence.py)
    things += bodies_with_inner_words(toks, text)  # "Hope Not Hate", "Doctors Without Borders" (its module)
    named = bodies_named(toks, text)  # "Cobrey Farms": the body's there, and "from Cobrey" (body_names.py)
    place_word_names(toks, text)  # "Chelsea Preston, a spokeswoman": a person named in places' words
    named, things = people_again(toks, text, named, things)  # "Ruth Park, a judge": after every take-back
    kinds_before_names(toks, text)  # "Counsel to the Inquiry Jane Roe": the body's word ends it (its module)
    # "Judge B A Roe", "Dr T.S. Okonjo"; and "Deputy Upper Tribunal Judge": the tribunal (title_initials.py)
    after_titles = initials_after_titles(toks, text, title_at)
    if bodies is not None:
        bodies.extend(named + things)
    hits: list[Hit] = []
    # Join neighbouring capitalised words into one name when one of them is a likely name.
    i = 0
    n = len(toks)
    while i < n:
        j = i
        while j + 1 < n and toks[j + 1].score >= 0 and toks[j].score >= 0:
            if not toks[j].joins and not _PARTICLE_JOIN.match(text[toks[j].end : toks[j + 1].start]):
                break
            if toks[j + 1].title:
                break
            j += 1
        if i == j and toks[i].score <= 0:  # one word, not a likely name
            i += 1
            continue
        run = toks[i : j + 1]
        for a, b, best in _names_in_run(run):
            hits.append((run[a].start, run[b].end, "PERSON", best))
        i = j + 1

    # The initial belongs to the name it stands before ("D. Okonkwo" is redacted whole).
    for k, (hs, he, typ, conf) in enumerate(hits):
        m = _INITIAL_BEFORE.search(text, max(0, hs - 4), hs)
        while m:  # every initial of "V. K. Okonkwo"
            hs = m.start()
            hits[k] = (hs, he, typ, conf)
            m = _INITIAL_BEFORE.search(text, max(0, hs - 4), hs)
    given_before_initials(toks, text, hits)  # "Peter K. Marlowe": the given name too (title_initials.py)
    hits.extend(after_titles)
    hits.extend(_other_script_names(text, before))
    hits.extend(dotted_initials(text))  # "L.C. won her case"
    hits.extend(dotted_initials_named(text))  # "with the initials K.L.M." (news_people.py)
    hits.extend(dotted_parties(text))  # "R. v. K.L.M." (court_parties.py)
    hits.extend(counsel_in_appearances(text))  # "Respondent: Roe, Lindqvist; Harper LLP" (appearances.py)
    hits.extend(lower_case_credits(text))  # "(Photo: j. roe / Flickr)" (bracket_credits.py)
    hits.extend(quoted_nicknames(text, hits))  # 'Joaquin "Chapo" Guzman' (news_people.py)
    hits.extend(_lower_case_names(text, before))
    hits.extend(hits_by_wording(text, before))  # "my friend penny"
    return hits


def _lower_case_names(text: str, before: WordsBefore) -> list[Hit]:
    """A word that is not English, in lower case, straight after a relation or naming cue
    ("my husband tariq"; "a man called blessing" is not caught: "blessing" is English)."""
    low = text.lower()
    cues = statement_words(text).letters & _CUE_LAST_WORDS if len(low) == len(text) else set()
    if not cues:
        return []
    hits: list[Hit] = []
    english = lexicon.english_words()
    for m in alternation_matches(low, [(len(c), _lower_after_cue_regex(c)) for c in cues]):
        if not text[m.start(1)].islower():
            continue  # capitalised words are handled above
        w = m.group(1)
        if (
            w in english
            or w in lexicon.FUNCTION_WORDS
            or w in lexicon.NOT_NAMES
            or w in lexicon.PARTICLES
            or contraction(w)
        ):
            continue
        if len(w) >= 2 and cue_in(before(m.start(1))):
            hits.append((m.start(1), m.end(1), "PERSON", 0.6))
    return hits


def _extendable(t: _Tok, anchor: _Tok, left: bool = False) -> bool:
    """May an unscored word next to a likely name join it ("Grace" in "Grace Okafor")?"""
    if t.score < 0 or not t.edge_ok:
        return False
    if t.word.isupper() and len(t.word) > 1 and not anchor.word.isupper():
        return left and len(t.word) == 2 and t.word.isalpha()  # two initials before a surname: "RJ Vogt"
    if t.word.isupper():
        if left and t.fw not in lexicon.FUNCTION_WORDS and t.fw not in lexicon.NOT_NAMES:
            return True
        return t.fw in lexicon.WORD_NAMES or (t.fw not in lexicon.english_words() and t.fw not in lexicon.NOT_NAMES)
    if t.initial:
        return t.fw in lexicon.WORD_NAMES or not adverb_in_ly(t.fw)  # "Finally Okoro", not "Sally Okoro"
    return True


def _names_in_run(run: list[_Tok]) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    k = 0
    while k < len(run):
        if run[k].score <= 0:
            k += 1
            continue
        a = b = k
        best = run[k].score
        # Take in further likely names, and ordinary words or particles between them ("Tran Van Long").
        m = k + 1
        while m < len(run):
            if run[m].score > 0:
                b = m
                best = max(best, run[m].score)
                m += 1
            elif run[m].fw in lexicon.PARTICLES and m + 1 < len(run) and run[m + 1].score >= 0:
                b = m + 1
                best = max(best, run[m + 1].score)
                m += 2
            elif _extendable(run[m], run[b]) and m + 1 < len(run) and run[m + 1].score > 0:
                m += 1
            else:
                break
        if a > 0 and _extendable(run[a - 1], run[a], left=True):
            a -= 1
        if b + 1 < len(run) and _extendable(run[b + 1], run[b]) and not run[b + 1].initial:
            b += 1
        out.append((a, b, best))
        k = b + 1
    return out


def _mark_places(toks: list[_Tok], text: str) -> None:
    """Words that make up a multi-word place ("Milton Keynes", "Stoke-on-Trent") are places."""
    firsts = lexicon.multiword_places()
    for i, t in enumerate(toks):
        options = firsts.get(t.fw) or "-" in t.fw and firsts.get(t.fw.split("-", 1)[0])  # "Burton-upon-Trent"
        if not options:
            continue
        for phrase in options:
            # phrase: folded words of the place; match against the text after this token.
            rest = text[t.start : t.start + len(" ".join(phrase)) + 8]
            if _place_regex(phrase).match(fold(rest)):
                end = t.start + len(" ".join(phrase))
                for u in toks[i:]:
                    if u.start >= end:
                        break
                    u.place = True
                break


@lru_cache(maxsize=8192)
def _place_regex(phrase: tuple[str, ...]) -> re.Pattern[str]:
    """A multi-word place's folded words, apart by spaces or hyphens (compiled once per session)."""
    return re.compile(r"[\s\-]+".join(re.escape(w) for w in phrase) + r"(?![^\W_])")


def _blocked(s: int, e: int, w: str) -> _Tok:
    t = _Tok(s, e, w)
    t.score = -1.0
    t.edge_ok = False
    return t


# Made from the words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(_place_regex.cache_clear)
