"""A surname that is an English word, alone, where English grammar says it is a family's or a
person's name ("the Hunt family", "Stone's husband", "Marsh and her children").

The likely-name pass takes an English word for a name only after a cue before it (a title,
"called", "met") or before a verb of saying. Three more shapes say it, after the word:

* **"the X family"** (or "brothers", "sisters", "twins", "household"): a family is named by its
  surname;
* **"X's husband"**, "X's mother", "X's children": kin belong to a person, not to a body or a place;
* **"X and his ..."**, "X and her ...": the pronoun that follows agrees with a person (a body is
  "its", people are "their");
* **"X, a caseworker, ..."**, "X, a mother of two", "X, a 44-year-old": a noun of a person in
  apposition ("Crisis, a charity," and "Leeds, a city," name no person and stay);
* **"according to X"**, **"X's lawyer said"**: an attribution to a lone surname, or a person who
  speaks for it ("lawyer", "solicitor", "barrister", "attorney", "counsel", "spokesperson",
  "friend", "neighbour"...), when the text never writes the word after "the", "a" or "an" nor
  before another capitalised word (then it is a body's: "the Marsh", "Hunt Logistics").

X: one title-case word the census lists as a surname (``surname_words.txt``) that the pass left
alone, not a function word, title, month, day, place, never-a-name word, nor part of a longer run
of capitalised words.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.given_names import given_names
from desktop.redaction.misses_places import surname_words

SCORE = 0.6
_FAMILY_AFTER = re.compile(r"[ \t\u00a0]+(?:family|families|brothers|sisters|twins|household|clan)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t\u00a0]+$")
_KIN = (
    "husband wife partner boyfriend girlfriend fiance fiancé fiancee fiancée ex-husband ex-wife ex-partner son "
    "daughter mother father mum dad brother sister children kids baby stepfather stepmother stepson stepdaughter "
    "widow widower parents"
)
_SP = r"[ \t\u00a0]+"
_KIN_AFTER = re.compile(
    rf"(?:'s|’s){_SP}(?:(?:late|former|eldest|youngest){_SP})?(?:"
    + "|".join(re.escape(w) for w in _KIN.split())
    + r")\b"
)
# An English adjective before "family" describes it ("the royal family", "the typical family").
_ADJECTIVE_END = re.compile(r"(?:ous|al|ive|ic|ful|less|ary|ian|ese|ish|ern)$")
# Nouns of a person in apposition after the word: relations and roles (the relation list), and a
# few more nouns that only a person is.
_PERSON_NOUNS = (
    "woman man girl boy mother father grandmother grandfather widow widower student nurse cleaner carer "
    "labourer worker teacher doctor soldier refugee migrant national citizen victim survivor witness "
    "defendant claimant resident tenant lodger pensioner"
)
_APPOSITION = re.compile(
    rf",{_SP}(?:a|an){_SP}(?:(?:former|young|retired|local|single|fellow|trained|qualified|[a-z]+-born){_SP})?"
    rf"(?:(?P<noun>[a-z][a-z\-]*)\b|\d{{1,3}}-year-old\b)"
)
_PERSON_NOUN_SET = frozenset(_PERSON_NOUNS.split()) | lexicon.RELATIONS
_ACCORDING_BEFORE = re.compile(rf"\b[Aa]ccording{_SP}to{_SP}$")
_SPEAKERS = (
    "lawyer lawyers solicitor solicitors barrister barristers attorney attorneys counsel advocate spokesperson "
    "spokesman spokeswoman representative representatives friend friends neighbour neighbours neighbor colleague "
    "colleagues caseworker interpreter doctor"
)
_SPEAKER_AFTER = re.compile(
    rf"(?:'s|’s){_SP}(?:(?:own|former|defence|defense|immigration){_SP})?(?:"
    + "|".join(re.escape(w) for w in _SPEAKERS.split())
    + r")\b"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)[ \t\u00a0]+$")
_PRONOUN_AFTER = re.compile(r"[ \t\u00a0]+and[ \t\u00a0]+(?:his|her)[ \t\u00a0]+[a-z]")


def _a_body_elsewhere(text: str, word: str) -> bool:
    """Does the text write ``word`` after an article, or before another capitalised word, anywhere
    ("the Marsh", "Hunt Logistics"): a body's or a thing's name, not a person's?"""
    for m in re.finditer(r"(?<![\w\-])" + re.escape(word) + r"(?![\w\-])", text):
        if _ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start()) or _CAP_NEXT.match(text, m.end()):
            return True
    return False


_CAP_NEXT = re.compile(r"[ \t\u00a0]+[A-Z]")


def _alone(toks: list, i: int, text: str) -> bool:
    t = toks[i]
    if i > 0 and text[toks[i - 1].end : t.start] in (" ", "-") and toks[i - 1].fw not in lexicon.FUNCTION_WORDS:
        return False
    return not (i + 1 < len(toks) and text[t.end : toks[i + 1].start] in (" ", "-"))


def family_names(toks: list, text: str) -> None:
    """Take a lone census surname before "family", "'s husband", "and her ..." (see the note)."""
    surnames = places = given = None
    for i, t in enumerate(toks):
        if t.score != 0 or t.title or t.place:
            continue
        if surnames is None:
            surnames, places, given = surname_words(), lexicon.place_tokens(), given_names()
        w, fw = t.word, t.fw
        if fw not in surnames and fw not in given:
            continue  # (the cheapest test first: most words are neither)
        if len(w) < 3 or not (w[0].isupper() and w[1:].islower()):
            continue
        family = _FAMILY_AFTER.match(text, t.end) and _THE_BEFORE.search(text, max(0, t.start - 5), t.start)
        # (the possessive's "'s" is outside the word: names.py cuts it off)
        app = _APPOSITION.match(text, t.end)
        apposition = app is not None and (app.group("noun") is None or app.group("noun") in _PERSON_NOUN_SET)
        attributed = bool(
            _SPEAKER_AFTER.match(text, t.end) or _ACCORDING_BEFORE.search(text, max(0, t.start - 16), t.start)
        )
        if not (
            family or apposition or attributed or _KIN_AFTER.match(text, t.end) or _PRONOUN_AFTER.match(text, t.end)
        ):
            continue
        if attributed and _a_body_elsewhere(text, w):
            continue
        if family and _ADJECTIVE_END.search(fw) and fw in lexicon.english_words():
            continue
        if (
            (fw not in surnames and not (apposition and fw in given))
            or fw in places
            or fw in lexicon.FUNCTION_WORDS
            or fw in lexicon.NOT_NAMES
            or fw in lexicon.TITLES
            or fw in lexicon.MONTHS
            or fw in lexicon.DAYS
            or fw in lexicon.RELATIONS
            or not _alone(toks, i, text)
        ):
            continue
        t.score, t.edge_ok = SCORE, True
