"""Places and bodies the wording names by their kind, read in more than one set of published text.

Each rule takes back only capitalised words the name pass left unexplained (0.5 or less, no given
name of the census's or the world's list, no title), so a cue that made a word a person wins:

* *A body or a venue in apposition*: "Radio Wanjala, a radio station in Nairobi", "Ansar Dine, an
  armed militant group", "Mercado Grande, the biggest market in town" ("the" only with a possessive or a superlative:
  "worked for Ama, the hotel" may name its owner). The kind's noun ends the
  phrase, and no word before it is a function word, a relation or a word for a person, so "Amina,
  a member of the group" and "Kofi, a group leader" stay people (as ``facts_in_wording`` reads a
  place in apposition).
* *A place a naming cue names*: "a village called Kambi Nyoka", "a place they called Nueva Tierra",
  "an area known as X": the noun before the cue is a place's, not a person's ("a woman called
  Grace" is left to ``context.introduced``).
* *A wire agency*: "Addis Ababa (AFP) -", "told AFP", "By IANS", "REUTERS" alone under a
  photograph: the agencies a dateline names (``facts_in_news``) are bodies wherever written, even
  after "told" or "by", which score a word 0.6.
* *A newspaper by its last word*: "spoke to Kiboko Times", "in the Kisumu Gazette": a run ending
  in a newspaper's kind word ("Times", "Standard", "Gazette", "Tribune" ...; not "Post", "Star",
  "Sun": surnames), after one word that is no given name ("Mark Times said" stays a person) or
  after a gazetteer place of more words ("Sierra Leone Telegraph"): two words before it may be a
  byline's name.
* *A place before the larger place it lies in*: "inside Ojota Estate, Lagos", "near Kisumbi, Kenya",
  "the village of X, Kambu Hills, Guatemala": a run after "in", "inside", "near", "outside",
  "around" or "from" (or after a place and a comma) followed by a comma and a place the gazetteers
  hold. Not after "to", "at" or "with" ("I wrote to Obi, Ghana" may be a letter to someone).
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.facts_in_news import _known_place
from desktop.redaction.facts_in_news import _take_run as take_run
from desktop.redaction.facts_in_wording import _take_back
from desktop.redaction.name_lists import any_given_names, given_names_not_births
from desktop.redaction.place_runs import words_ending_at, words_starting_at

UNEXPLAINED = 0.5  # the likely-name pass's score of a capitalised word no list holds
_TOLD = 0.7  # above the score of a word after "told" or "by" (0.6), below a cue's that names someone
_SP = r"[ \t\u00a0]+"

_BODY_KINDS = frozenset(
    "station group militia organisation organization charity newspaper paper broadcaster channel network "
    "company firm agency union party movement market bazaar restaurant hotel shop chain supermarket brand "
    "website magazine outlet ngo coalition alliance federation association gang cartel club factory "
    "church mosque temple school college university clinic hospital shelter".split()
)
_PEOPLE = frozenset("man woman boy girl person lady gentleman member leader founder worker head".split())
# ", a radio station in Paris", ", the country's biggest market.": up to four describing words, then
# the kind's noun ending the phrase.
_APPOSITION = re.compile(
    r"," + _SP + r"(?:a|an|the)" + _SP + r"((?:[\w’'\-]+" + _SP + r"){0,4}?)([a-z]+)"
    r"(?=[ \t\u00a0]*(?:[,.;:)]|\Z)|" + _SP + r"(?:in|on|of|based|that|which|whose|founded|run|owned|near|with"
    r"|for|from|where|known|set|outside|across)\b)"
)
_PLACE_KINDS = frozenset(
    "village villages town city place area region district province county state island camp settlement "
    "neighbourhood neighborhood suburb township hamlet valley river lake market estate quarter".split()
)
_PLACE_CALLED = re.compile(
    r"\b(?:a|an|the|this|that)" + _SP + r"(?:[a-z\-]+" + _SP + r"){0,2}?([a-z]+)" + _SP
    + r"(?:(?:they|we|people|locals|everyone)" + _SP + r")?(?:called|call|named|known" + _SP + r"as)"
    + r"[ \t\u00a0]*[‘'\"“]?\Z"
)  # fmt: skip
# Where a naming cue ends (with its blanks and an opening quote): a word starting anywhere else has no
# _PLACE_CALLED before it, so that search (60 characters back) is tried only where one may end.
_COMMA = re.compile(",")
_CUE_ENDS = re.compile(r"(?:called|call|named|known" + _SP + r"as)[ \t\u00a0]*[‘'\"“]?")


# "inside Ojota Estate, Lagos", "near Kisumbi, Kenya": a place before the larger place it lies in.
_PLACE_PREPOSITION = re.compile(r"\b(?:in|inside|near|outside|around|from)" + _SP + r"\Z", re.IGNORECASE)
_PLACE_OF = re.compile(
    r"\b(?:village|town|city|district|province|region|county|municipality)" + _SP + r"of" + _SP + r"\Z"
)
_COMMA = re.compile(r",[ \t\u00a0]+")


def _in_a_known_place(toks: list, k: int, text: str) -> bool:
    """Does ", " and a place the gazetteers hold (of one to three words) follow ``toks[k]``?"""
    m = _COMMA.match(text, toks[k].end)
    if not m or k + 1 >= len(toks) or toks[k + 1].start != m.end():
        return False
    run = words_starting_at(toks, k + 1, text, 3)
    return any(_known_place([u.word for u in run[:j]]) for j in range(len(run), 0, -1))


def _place_before_it(toks: list, i: int, text: str) -> bool:
    """Is the run at ``toks[i]`` after "in", "near", "from" ... or after a place and a comma (a place
    in a list of ever larger places: "the village of X, Y, Guatemala")?"""
    if _PLACE_PREPOSITION.search(text, max(0, toks[i].start - 8), toks[i].start):
        return True
    p = toks[i - 1] if i else None
    if p is None or p.score != 0 or not _COMMA.fullmatch(text, p.end, toks[i].start):
        return False
    if p.place:
        return True
    k = i - len(words_ending_at(toks, i - 1, text, 3))  # the place before it, after "the village of"
    return bool(_PLACE_OF.search(text, max(0, toks[k].start - 30), toks[k].start))


# The wire agencies of ``facts_in_news._DATELINE_AFTER``, as news writes them anywhere: "Addis Ababa
# (AFP) -", "told AFP", "By IANS", "REUTERS" under a photograph. Not the two-letter ones ("AP", "CP":
# a person's initials) nor "ANI" (a given name in capitals).
_WIRE_AGENCIES = frozenset("AFP Reuters REUTERS IANS PTI Xinhua XINHUA Kyodo KYODO EFE Bernama BERNAMA dpa UNB".split())


# A newspaper's last word ("Kiboko Times", "Kisumu Gazette"). Not "Post", "Star", "Sun", "Mail",
# "Leader", "Record" or "News": surnames and ordinary words a person's name may end in.
_PAPER_LAST = frozenset(
    "times standard gazette tribune chronicle telegraph observer journal inquirer herald monitor mirror express "
    "courier dispatch examiner bulletin argus advertiser".split()
)


def _a_kind(text: str, m: re.Match[str]) -> bool:
    """ "a"/"an" before the kind, or "the" with a possessive or a superlative ("the country's
    biggest market"): "worked for Ama, the hotel" may name the hotel's owner."""
    if not text.startswith("the", text.index(" ", m.start()) + 1):
        return True
    return any(w.endswith(("’s", "'s", "est")) for w in m.group(1).split())


def _guard(run: list, given: frozenset[str]) -> frozenset[str]:
    """The names that keep ``run`` someone's: every list for one word ("Chinedu, a charity ...
    Chinedu rang"); for several, the census's and the world's alone, since a name only the births
    list holds is often a surname or a place too ("Ansar Wadi, a criminal gang")."""
    words = [u for u in run if u.fw not in lexicon.FUNCTION_WORDS and not u.title]
    return given if len(words) <= 1 else given_names_not_births()


def _take_run(run: list, given: frozenset[str]) -> None:
    function_words = lexicon.FUNCTION_WORDS
    while run and (run[0].fw in function_words or run[0].title):
        run = run[1:]  # "The", "At": the sentence's opening, not the name's
    take_run(run, given)


def facts_by_kind(toks: list, text: str) -> None:
    """Take back the unexplained words a kind's noun in apposition, or a place's noun before a naming
    cue, shows are a body, a venue or a place."""
    given = None
    function_words = lexicon.FUNCTION_WORDS
    n = len(toks)
    naming = "call" in text or "named" in text or "known" in text  # (the cues' words: most texts have none)
    cue_ends = {m.end() for m in _CUE_ENDS.finditer(text)} if naming else ()  # where _PLACE_CALLED may end
    commas = {m.start() for m in _COMMA.finditer(text)}
    for i, t in enumerate(toks):
        if t.end not in commas and t.start not in cue_ends and t.fw not in _PAPER_LAST and t.word not in _WIRE_AGENCIES:
            continue  # (no rule below reads a word with none of these: most words)
        if t.word in _WIRE_AGENCIES and 0 <= t.score < _TOLD and not t.title:
            _take_back(t)
            continue
        if not 0 <= t.score <= UNEXPLAINED or t.title or not t.word[:1].isupper():
            continue
        if t.fw in _PAPER_LAST and i and text[toks[i - 1].end : t.start] == " " and not t.word.isupper():
            given = given if given is not None else any_given_names()
            run = words_ending_at(toks, i - 1, text, 3)
            if len(run) > 1 and not _known_place([u.word for u in run]):
                run = []  # "Tunde Okafor Standard ..." may be a byline before its paper: a person's
            if run and run[0].fw not in given:
                _take_run([*run, t], given)
            continue
        nxt = toks[i + 1] if i + 1 < n else None
        if text.startswith(",", t.end) and not (nxt is not None and text[t.end : nxt.start] == " "):
            m = _APPOSITION.match(text, t.end)
            if m and m.group(2) in _BODY_KINDS and _a_kind(text, m):
                between = [w.lower() for w in m.group(1).split()]
                if not any(w in function_words or w in lexicon.RELATIONS or w in _PEOPLE for w in between):
                    given = given if given is not None else any_given_names()
                    run = words_ending_at(toks, i, text, 4)
                    _take_run(run, _guard(run, given))
                    continue
        if text.startswith(",", t.end) and _in_a_known_place(toks, i, text):
            run = words_ending_at(toks, i, text, 3)
            while len(run) > 1 and not _place_before_it(toks, i - len(run) + 1, text):
                run.pop(0)
            if _place_before_it(toks, i - len(run) + 1, text):
                given = given if given is not None else any_given_names()
                _take_run(run, _guard(run, given))
                continue
        if t.start in cue_ends and text[t.start - 1] in " \t\"“'‘":
            m = _PLACE_CALLED.search(text, max(0, t.start - 60), t.start)
            if m and m.group(1) in _PLACE_KINDS:
                _take_run(words_starting_at(toks, i, text, 4), frozenset())  # (the cue names a place, whatever word)
