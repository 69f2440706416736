"""Two or three capitalised words that are each an English word, saying or doing what a person does
("Amir Khan said", "Hope Green told me", "Will Smith took my phone", "Sultan Khan Raja hit him").

The likely-name pass takes an English word for a name only with a cue, and the pair rules before
this one ask for a census given name first and, before "said" or "told", a surname that is also a
place's word (``census_pairs``). A name whose every word is a dictionary word ("amir", "khan",
"raja" and "sultan" are English words, as are "hope", "green", "will") and that opens a sentence
with a verb after it had no cue at all: the whole name was left in the text. Here a run of two or
three title-case words on one line, the later ones capitalised where no sentence starts, is a person
(0.5) when

* each word is on a list of given names or of surnames (``given_names``, ``surname_words``: "Raja",
  "Khan", "Hope", "Wood"), none is a function word (but a word name: "Will"), a title, a relation,
  a month, a day, a never-a-name word, a place's name, a body's kind ("Party", "Court", "Office",
  "Trust", "Watch", "Cross", "Advice", "Police", "Force", "News"...) or an address's ending that is
  no one's surname ("Street", "Road", "Square", "Yard", "House"); "Green", "Hill", "Park", "Lane"
  are surnames too and stay possible;
* what is around it makes it someone: straight after it (after an age or a role in commas, an
  adverb) a verb of saying or of a person's act ("said", "told", "asked", "came", "took", "hit",
  "phoned", "threatened"...), or "'s" and a member of the family ("Amir Khan's wife"), or before it
  a verb whose object is a person ("I phoned Raja Khan", "I paid the money to Amir Khan"); or "'s"
  and a thing a person owns, runs or works for ("Raja Khan's shop", "Amir Khan's car", "Hope Wood's
  boss"); or before it money or a parcel that "went", "was sent" or "was paid" to someone ("The money
  went to Amir Khan"), where "went to" alone had read the run as a place (a gazetteer's place stays:
  "The money went to Wood Green");
* the capitalised word before it, if any, leaves it a name of its own: a function word ("Then"),
  a month or a day ("In March"), a title, a role ("Landlord"), or a body's kind after "the"
  ("Secretary to the Commission Amir Khan said": the body ends at its kind word, which stays out).
  A role before a pair another rule found already stays out of it too ("Volunteer Omar Malik came":
  the likely-name pass joined "Volunteer" to the name).

A list of names ("Grace Long and Rose Young came", "Jade Stone, Amber Fox and Ivy Mason") is read as
one: where a pair of the list is a person (by any rule), a pair of the same shape joined to it by a
comma, "and", "&" or "or" is one too, if each of its words passes the tests above and the statement
writes it as no body or place ("Red Cross and Rose Young" keeps the Red Cross: a body's kind).

A venue's kind that is a surname ("Green", "Park", "Hall") after a word no list of given names holds
made the run a venue (``misses_places.venues``: "Raja Green"); here, where the wording above makes it
someone and the gazetteer has no such place ("Wood Green" stays), it is a person again.

A body named with such words is told from a person the way ``census_pairs`` tells it: the same
words after "the", "a" or "an", or after "at", "in" or "near" (a place or a business: "worked at
Golden Dragon"), or before a body's kind anywhere in the statement, or "its" as the first pronoun
after the verb, and the run stays. After a run ending in a place's word, "it" and "they" refuse it
too ("Mark Park told us they would close the shelter"); after any other, they do not: "Amir Khan
said they would come back" is a person reporting others, and "said it was over" a person speaking.
A two-word body with no such sign ("Golden Dragon took on two cooks") is read as a person: a name
redacted by mistake is seen in review, one left is not.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from desktop.redaction import lexicon
from desktop.redaction.census_pairs import _HEARD, _PRONOUN, _STREETS, _title_case
from desktop.redaction.context import _ORG_LAST
from desktop.redaction.misses_places import _VENUE_SURNAMES
from desktop.redaction.name_lists import given_names_for_wording, surname_words

SCORE = 0.5
_S = r"[ \t\u00a0]+"
# After the run: an age or a role in commas, an adverb, then a verb of saying or of a person's act.
_AFTER = re.compile(
    r"(?:,[ \t\u00a0]*(?:aged[ \t\u00a0]+)?\d{1,3},"
    r"|,[ \t\u00a0]+(?:the|a|an|my|our|his|her|their)(?:[ \t\u00a0]+[a-z][a-z'’\-]*){1,2},)?"
    r"(?:" + _S + r"(?:also|then|never|just|later|suddenly|finally|again|once|often|always|still|even))?"
    + _S
    + r"(?:said|says|told|tells|asked|asks|added|explained|replied|answered|insisted|admitted|denied|promised|"
    r"warned|threatened|shouted|screamed|yelled|swore|lied|begged|laughed|whispered|"
    r"came|comes|went|goes|took|takes|brought|gave|sent|drove|walked|ran|phoned|rang|texted|messaged|called|"
    r"hit|hits|beat|punched|kicked|slapped|pushed|grabbed|stabbed|attacked|raped|assaulted|locked|followed|"
    r"married|met|visited|collected|arrived|left|stayed|lived|worked)\b"
)
# After the run: "'s" and a member of the family ("Amir Khan's wife"): only a person has one.
_KIN_AFTER = re.compile(
    r"['’]s" + _S + r"(?:late|older|younger|elder|little|big|eldest|youngest|ex-)?[ \t\u00a0]*"
    r"(?:wife|husband|son|sons|daughter|daughters|brother|brothers|sister|sisters|mother|father|mum|dad|uncle|"
    r"aunt|auntie|cousin|cousins|nephew|niece|children|child|kids|baby|grandson|granddaughter|grandmother|"
    r"grandfather|fiance|fiancee|fiancé|fiancée|girlfriend|boyfriend|widow|stepfather|stepmother|stepson|"
    r"stepdaughter|in-laws|mother-in-law|father-in-law|brother-in-law|sister-in-law)\b"
)
# After the run: "'s" and a thing a person owns, runs or works for ("Raja Khan's shop was shut",
# "Amir Khan's car", "Hope Wood's boss"): a body's words end in a kind ("Royal Mail's van" stays,
# ``_KINDS``), and a run the statement writes as a place or a body stays too (``_a_body``).
_OWNED_AFTER = re.compile(
    r"['’]s" + _S + r"(?:own|old|new|little|big|black|white|red|blue|silver|grey|other|last|first)?[ \t\u00a0]*"
    r"(?:shop|shops|car|cars|van|taxi|lorry|truck|house|flat|home|room|bedroom|place|phone|mobile|number|passport|"
    r"visa|papers|documents|wallet|bag|keys|money|cash|account|business|restaurant|takeaway|salon|boss|"
    r"landlord|employer|manager|friend|friends|partner|lawyer|solicitor|brother-in-law|people|men|gang|workers)\b"
)
# Before the run: what was sent, paid or handed went to a person ("The money went to Amir Khan",
# "the rent was sent to Hope Wood"): "went to" only after money or a payment (people go to places).
_MONEY_TO = re.compile(
    r"\b(?:money|cash|rent|payment|payments|wages|salary|fee|fees|deposit|debt|it|everything|rest|parcel|parcels|"
    r"package|packages|goods|documents|papers|passport)[ \t\u00a0]+"
    r"(?:(?:was|were)[ \t\u00a0]+)?(?:went|goes|go|going|sent|paid|given|handed|transferred|wired)"
    r"(?:[ \t\u00a0]+(?:straight|directly|back|on))?[ \t\u00a0]+to[ \t\u00a0]+$"
    r"|\b(?:transferred|wired|posted|owe|owes|owed|lent)(?:[ \t\u00a0]+(?:it|them|the[ \t\u00a0]+money|money))?"
    r"[ \t\u00a0]+to[ \t\u00a0]+$"
)
# Before the run: a verb that has a person for its object ("I phoned Raja Khan", "paid it to Amir Khan").
# Not "told" or "asked" (outlets and bodies are told things: "told Northern Voice that"), "called"
# (a naming cue: "a charity called Safe Haven") or "visited" (places are visited).
_VERB_BEFORE = re.compile(
    r"\b(?:phoned|rang|texted|messaged|emailed|met|married|thanked|paid|"
    r"(?:paid|gave|handed|sent|sold|lent|owed)(?:[ \t\u00a0]+(?:it|them|the[ \t\u00a0]+money|money))?"
    r"[ \t\u00a0]+to)[ \t\u00a0]+$"
)
# What may follow the run's last word: a space or a comma before a verb, a possessive, or the end of
# the sentence after an object.
_ENDS = frozenset(" ,\u00a0\t'’.;:!?\n")
_OF_A_THING = frozenset(("its",))  # ("said it was over": a person says "it" too)
# After a run ending in a place's word: a body's pronouns, not "we" or "us" ("Hope Green said we had
# to leave" is the landlord speaking to the family).
_OF_A_PLACE = frozenset("it its they their them".split())
# Bodies' kinds besides ``context._ORG_LAST``: the last word of a public body, a charity, a court,
# a force, a paper or a benefit ("Home Office", "Red Cross", "Citizens Advice", "Border Force").
_KINDS = _ORG_LAST | frozenset(
    """inquiry inquest court courts office police force army navy watch cross crescent advice aid action help
    support relief rights news times post mail press media radio credit benefit care housing health justice law
    bank company works farm shop store market hotel restaurant cafe bar pub club garage station airport port
    bridge""".split()
)
# Addresses' endings that are no one's surname in a statement (``lexicon.STREET_SUFFIXES`` less
# "Green", "Hill", "Park", "Lane", "Grove"... which are).
_ADDRESS_ONLY = frozenset(
    "street road square place terrace close yard way mews house tower towers quay villas fields court".split()
)
_BEFORE_OCCURRENCE = re.compile(r"\b(?:[Tt]he|[Aa]n?|at|in|near)[ \t\u00a0]+$")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t\u00a0]+$")
_NEXT_WORD = re.compile(r"(['’]s)?[ \t\u00a0]+([A-Za-z]+)")
_LATER = frozenset("also then never just later suddenly finally again once often always still even".split())


def _name_word(t, lists: tuple[frozenset[str], frozenset[str]], venue: bool = False) -> bool:  # noqa: ANN001
    fw = t.fw
    return (
        t.score >= 0
        and not t.title
        and (not t.place or venue)
        and _title_case(t.word)
        and (fw in lists[0] or fw in lists[1])
        and (fw not in lexicon.FUNCTION_WORDS or fw in lexicon.WORD_NAMES)
        and fw not in lexicon.NOT_NAMES
        and fw not in lexicon.TITLES
        and fw not in lexicon.RELATIONS
        and fw not in lexicon.MONTHS
        and fw not in lexicon.DAYS
        and fw not in _KINDS
        and fw not in _ADDRESS_ONLY
        and fw not in lexicon.place_tokens()
    )


# Titles that come before a name, never after a given name as its surname.
_BEFORE_NAMES_ONLY = frozenset("dad papa miss mister lady dame lord sheikh".split())


def _last_word(b, a, lists: tuple[frozenset[str], frozenset[str]], venue: bool) -> bool:  # noqa: ANN001
    """The run's last word: a name word, or, capitalised where no sentence starts, a surname that is
    a function word ("Hope Young", "Amir Little") or, after a given name, a title ("Will Bishop")."""
    if _name_word(b, lists, venue):
        return True
    fw = b.fw
    if b.score < 0 or b.initial or b.place or not _title_case(b.word) or fw not in lists[1] or fw in lexicon.NOT_NAMES:
        return False
    if b.title:
        return fw not in _BEFORE_NAMES_ONLY and (a.fw in lists[0] or a.fw in lexicon.WORD_NAMES) and not a.title
    return fw in lexicon.FUNCTION_WORDS and len(fw) >= 4


def _a_venue(a, b) -> bool:  # noqa: ANN001 - names._Tok
    """Did only ``misses_places.venues`` make the run a place ("Raja Green": a venue's kind after a
    word no list of given names holds)? Not a place of the gazetteer ("Wood Green")."""
    if not (b.place and b.fw in _VENUE_SURNAMES and a.place):
        return False
    return (a.fw, b.fw) not in lexicon.multiword_places().get(a.fw, ()) and a.fw not in lexicon.place_tokens()


def _a_gazetteer_place(a, b) -> bool:  # noqa: ANN001 - names._Tok
    """Is the pair a place the gazetteer names ("Wood Green")?"""
    return (a.fw, b.fw) in lexicon.multiword_places().get(a.fw, ())


def _leaves_a_name(p, text: str, venue: bool = False) -> bool:  # noqa: ANN001 - names._Tok
    """May the capitalised word ``p`` stand straight before the run without being part of its name?"""
    fw = p.fw
    if fw in lexicon.FUNCTION_WORDS or fw in lexicon.MONTHS or fw in lexicon.DAYS or p.title:
        return True
    if fw in _KINDS and _THE_BEFORE.search(text, max(0, p.start - 5), p.start):
        return True  # "Secretary to the Commission Amir Khan": the body ends at its kind word
    return (  # a role written before the name ("Caseworker Hope Wood"): an English word that names no one
        p.score == 0
        and (not p.place or venue)
        and _title_case(p.word)
        and fw in lexicon.english_words()
        and fw not in given_names_for_wording()
        and fw not in surname_words()
        and fw not in lexicon.NOT_NAMES
    )


def _a_body(text: str, run_text: str, verb_end: int, place_word: bool) -> bool:
    """Does the statement name the run as a place, a business or a body, or speak of it as a thing?
    ``place_word``: the run ends in a place's word ("Park", "Green", "Hall"), and "it" or "they"
    after the verb (past the one told: "told us they ...") make it a body too, as in
    ``census_pairs``."""
    if verb_end >= 0:
        heard = _HEARD.match(text, verb_end) if place_word else None
        p = _PRONOUN.search(text, heard.end() if heard else verb_end)
        if p and p.group("p") is not None and p.group("p").lower() in (_OF_A_PLACE if place_word else _OF_A_THING):
            return True
    at = text.find(run_text)
    while at >= 0:  # each occurrence of the run, as whole words
        end = at + len(run_text)
        if not (at and (text[at - 1].isalnum() or text[at - 1] in "_-")) and not (
            end < len(text) and (text[end].isalnum() or text[end] in "_-")
        ):
            k = _NEXT_WORD.match(text, end)
            if k and k.group(1) is None and k.group(2).lower() in _KINDS:
                return True  # "Hope Rising Trust"
            if _BEFORE_OCCURRENCE.search(text, max(0, at - 6), at) and not (k and k.group(1)):
                return True  # "the Golden Dragon", "worked at Golden Dragon" (not "at Amir Khan's flat")
        at = text.find(run_text, at + 1)
    return False


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The given names, the surnames, and the two together (read once)."""
    given, surnames = given_names_for_wording(), surname_words()
    return given, surnames, given | surnames


def _trigger(toks: list, j: int, text: str) -> tuple[int] | tuple[int, bool] | None:
    """What makes the run ending at ``toks[j]`` someone: (where the sentence goes on after it, for the
    pronoun test, or -1 where there is none to make), with True after it where the words "to" made a
    place of may be read as a person's ("The money went to Amir Khan"), or None."""
    b = toks[j]
    m = _AFTER.match(text, b.end)
    if m:
        return (m.end(),)
    if _KIN_AFTER.match(text, b.end) or _OWNED_AFTER.match(text, b.end):
        return (-1,)  # "Amir Khan's wife", "Raja Khan's shop"
    if j + 1 < len(toks) and text[b.end : toks[j + 1].start] in (" ", "-"):
        return None  # a capitalised word after: the run goes on
    for k in (j - 1, j - 2):  # the one phoned, met, paid: "I phoned Raja Khan", "paid to Amir Khan"
        if k >= 0 and _MONEY_TO.search(text, max(0, toks[k].start - 40), toks[k].start):
            return (-1, True)  # "went to" read the run as a place: here it is who was paid
        if k >= 0 and _VERB_BEFORE.search(text, max(0, toks[k].start - 30), toks[k].start):
            return (-1,)
    return None


_LIST_JOIN = frozenset((", ", " and ", ", and ", " & ", " or "))


def _pair_at(toks: list, j: int, text: str) -> bool:
    """Is ``toks[j - 1 : j + 1]`` two title-case words a space apart that stand alone, no capitalised
    word joined to either side ("Grace Long" in "Grace Long and Rose Young", not "Long" of "Grace
    Long Trust")?"""
    if j < 1 or j >= len(toks):
        return False
    a, b = toks[j - 1], toks[j]
    if text[a.end : b.start] != " " or not (_title_case(a.word) and _title_case(b.word)):
        return False
    if j >= 2 and text[toks[j - 2].end : a.start] in (" ", "-"):
        return False
    return not (j + 1 < len(toks) and text[b.end : toks[j + 1].start] in (" ", "-"))


def _listed_pairs(toks: list, text: str, lists: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> None:
    """A list of names: "Grace Long and Rose Young came", "Jade Stone, Amber Fox and Ivy Mason". Where
    one pair of the list is a person, a pair of the same shape joined to it by a comma, "and", "&" or
    "or" is one too, if each of its words is a name word (``_name_word``) and the statement writes it
    as no body or place (``_a_body``): a list does not mix a person with a business in the same two
    name-list words ("Red Cross and Rose Young" keeps the Red Cross: "Cross" is a body's kind)."""
    people = [j for j in range(1, len(toks)) if toks[j].score >= SCORE and toks[j - 1].score >= SCORE]
    seen: set[int] = set()
    while people:
        j = people.pop()
        if j in seen or not _pair_at(toks, j, text):
            continue
        seen.add(j)
        for other in (j - 2, j + 2):  # the pair before ("X Y and" + this) and after (this + "and Z W")
            if other in seen or not _pair_at(toks, other, text):
                continue
            left, right = (toks[other], toks[j - 1]) if other < j else (toks[j], toks[other - 1])
            if text[left.end : right.start] not in _LIST_JOIN:
                continue
            a, b = toks[other - 1], toks[other]
            if a.score >= SCORE and b.score >= SCORE:
                continue  # a person already (and followed from there)
            if not (_name_word(a, lists) and _last_word(b, a, lists, False)):
                continue
            if text[b.end : b.end + 1] not in _ENDS or _a_body(text, text[a.start : b.end], -1, False):
                continue
            for t in (a, b):
                t.score = max(t.score, SCORE)
                t.edge_ok = True
            people.append(other)


def word_pairs(toks: list, text: str) -> None:
    """Take "Amir Khan said", "Hope Green told me" (see the note)."""
    lists = _lists()
    _word_pairs(toks, text, lists)
    if ", " in text or " and " in text or " & " in text or " or " in text:
        _listed_pairs(toks, text, lists)  # after every pair the wording makes someone


def _word_pairs(toks: list, text: str, lists: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> None:
    either = lists[2]
    for j, (a, b) in enumerate(pairwise(toks), 1):
        if b.fw not in either or a.fw not in either:
            continue  # (the cheapest test first: one set look-up for most words)
        if a.score >= SCORE and b.score >= SCORE and not (b.place or a.place) \
                and (j < 2 or toks[j - 2].end + 1 != a.start):
            continue  # a name already, no capitalised word before it: nothing to add
        if b.score < 0 or a.end + 1 != b.start or text[a.end] != " ":
            continue
        if text[b.end : b.end + 1] not in _ENDS or not _title_case(b.word):
            continue
        trigger = _trigger(toks, j, text)
        if trigger is None:
            continue
        # "Raja Green": taken for a venue, as no list holds "Raja"; or a place only for "went to"
        venue = _a_venue(a, b) or len(trigger) > 1 and not _a_gazetteer_place(a, b)
        if not (_name_word(a, lists, venue) and _last_word(b, a, lists, venue)):
            continue
        i = j - 1
        if i > 0 and text[toks[i - 1].end : a.start] == " " and _name_word(toks[i - 1], lists, venue):
            i -= 1  # three words: "Sultan Khan Raja said"
        if i > 0 and text[toks[i - 1].end : toks[i].start] in (" ", "-"):
            p = toks[i - 1]
            if not _leaves_a_name(p, text, venue):
                continue  # a capitalised word before: part of a longer name
        else:
            p = None
        run = toks[i : j + 1]
        if any(t.initial for t in run[1:]):
            continue  # a later word opening a sentence is no part of the name
        place_word = b.fw in _VENUE_SURNAMES or b.fw in _STREETS or b.fw in lexicon.place_tokens()
        if _a_body(text, text[run[0].start : b.end], trigger[0], place_word):
            continue
        for t in run:
            t.score = max(t.score, SCORE)
            t.edge_ok = True
            t.place = False
        b.title = False  # "Bishop" of "Will Bishop took": the surname, not a title before a name
        if p is not None and p.fw not in lexicon.FUNCTION_WORDS:
            p.edge_ok = False
            p.place = p.place and not venue  # "Commission" of "... to the Commission Amir Khan" stays outside the name
