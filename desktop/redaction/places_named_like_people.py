"""A building or a place named like a person ("Aldwick Hall", "Oduya Park") is that building where
the same text also writes it as a body's or a place's name.

A likely name followed by a place's or a building's word ("Hall", "Lodge", "Park", "Court",
"Green") is joined to it by the likely-name pass: "Aldwick Hall" becomes a person's span. The text
tells which it is elsewhere: written before one to three capitalised words of which one is a body's
kind ("the Aldwick Hall Trust", "Aldwick Hall Community Centre"), or after "the" and before no noun
("at the Aldwick Hall every week"; not "the Sarah Green case", named after a person), the pair is a
body's or a place's name, and so is the same pair alone. Not where any occurrence of the pair
stands after a title ("Mr"), before a verb of saying or what only a person does ("said", "who",
"denied", an age in commas) or a possessive: there it is a person named like a building, and a
missed name is worse than a damaged fact. Nor after a relation or a naming cue ("my solicitor was
Tariq Green"), nor before a kind that bodies take from a person ("Tariq Green Solicitors", "Yusuf
Lodge Foundation"), nor where the first word is a census given name ("Ruth Park Solicitors"): a firm
or a charity named after a person leaves that person's name, written alone, a name.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.census_pairs import _PERSON_AFTER, _SAID_AFTER
from desktop.redaction.context import _ORG_LAST
from desktop.redaction.name_lists import given_names_not_births
from desktop.redaction.things_after_the import _not_a_noun_after
from desktop.redaction.words import _cue_before

_BUILDING_WORDS = frozenset(w.lower() for w in lexicon.STREET_SUFFIXES) | frozenset("hall lodge manor".split())
_SP = r"[ \t\u00a0]+"
# Up to three capitalised words after the pair, joined by spaces ("Trust", "Community Centre").
_WORDS_NEXT = re.compile(r"(?:" + _SP + r"[A-Z][A-Za-z]*){1,3}")
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he" + _SP + r"$")
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?" + _SP + r"$")
_POSSESSIVE = re.compile(r"['’]s?\b")
# Kinds of body that take a person's name ("Chinedu Green Solicitors", "the Joan Hill Foundation"):
# a pair before one of them is no sign of a building.
_NAMED_AFTER_PEOPLE = frozenset(
    "solicitors chambers associates partners partnership llp ltd limited foundation fund".split()
)


def _joined(text: str, a, b) -> bool:  # noqa: ANN001 - names._Tok
    return text[a.end : b.start] == " "


def _read(text: str, pair: str) -> tuple[bool, bool]:
    """(written as a body's or place's name somewhere, written as a person's somewhere)."""
    body = person = False
    for o in re.finditer(r"(?<![\w\-])" + re.escape(pair) + r"(?![\w\-])", text):
        s, e = o.start(), o.end()
        k = _WORDS_NEXT.match(text, e)
        kinds = [w.lower() for w in k.group().split()] if k else []
        if any(w in _ORG_LAST and w not in _NAMED_AFTER_PEOPLE for w in kinds):
            body = True
        elif _ARTICLE_BEFORE.search(text, max(0, s - 5), s) and _not_a_noun_after(text, e, lexicon.english_words()):
            body = True  # "at the Aldwick Hall every week"; not "the Sarah Green case": the article is the noun's
        t = _TITLE_BEFORE.search(text, max(0, s - 12), s)
        if (
            t
            and t.group(1).lower() in lexicon.TITLES
            or _SAID_AFTER.match(text, e)
            or _PERSON_AFTER.match(text, e)
            or _POSSESSIVE.match(text, e)
            or _cue_before(text, s)  # "my solicitor was Tariq Green", "my friend Tariq Green"
        ):
            person = True
    return body, person


def places_named_like_people(toks: list, text: str) -> list[tuple[int, int]]:
    """Take back "Aldwick Hall" where the text also writes "Aldwick Hall Trust" (see the note);
    the ranges taken back."""
    out: list[tuple[int, int]] = []
    n = len(toks)
    seen: dict[str, tuple[bool, bool]] = {}
    for i in range(n - 1):
        a, b = toks[i], toks[i + 1]
        if b.fw not in _BUILDING_WORDS or a.score <= 0 or b.score < 0 or a.title or not _joined(text, a, b):
            continue  # (the cheapest test first: most words are no building's)
        if i > 0 and _joined(text, toks[i - 1], a) and toks[i - 1].fw not in lexicon.FUNCTION_WORDS:
            continue  # part of a longer name
        if i + 2 < n and _joined(text, b, toks[i + 2]):
            continue  # "Aldwick Hall Trust" itself: the rules of bodies read it
        if a.fw in given_names_not_births():  # (a births-list name is often a surname too: "Brennan Lodge")
            continue  # "Ruth Park Solicitors", "the Joan Hill Foundation": a body named after its person
        pair = text[a.start : b.end]
        if pair not in seen:
            seen[pair] = _read(text, pair)
        body, person = seen[pair]
        if not body or person:
            continue
        for u in (a, b):
            u.score, u.place, u.edge_ok = 0.0, True, False
        out.append((a.start, b.end))
    return out
