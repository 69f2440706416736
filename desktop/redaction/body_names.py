"""Where the likely-name pass read a body's name, the words of it are the body's there, even when
the same word is taken for a person elsewhere in the text.

A word taken for a name once is looked for again everywhere (``engine._same_names_again``): "My
friend Blessing came. Blessing is from Nigeria." But a word the pass read as part of a body's name
("Cobrey Farms", "the Gangmaster and Labour Abuse Authority", "Okafor Solicitors"), by the body's
kind after it or by how news reports name bodies, names the body at that place, as a person's name
inside a firm's or a university's name is part of the fact ("Hickman & Rose"). Where the same word
stands alone elsewhere, it is read there as before.

A body's name here: two or more capitalised words the pass marked as places or bodies, joined by
spaces, "and", "&" or "of", at least one of them no place's name (so "Milton Keynes" is left to the
rules of places), and none a given name the census lists ("my friend Amy Church" may be a person,
so "Amy" found elsewhere is still looked for there).

The body's word alone elsewhere, after "from", "at" or "in" ("buy from Cobrey", "work at
Halvorn"), is the body too when the pass gave it only
the score of an unexplained word and nowhere in the text is it more (a title, a given name, a cue
before it: "Mr Okewu of Okewu Solicitors" keeps "Okewu" a name everywhere). Not after "with", "to",
"for", "by" or "and", which take a person as often ("I stayed with Okewu"), nor as a sentence's
subject ("Okewu told me").
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.given_names import any_given_names
from desktop.redaction.place_runs import place_runs

_LINK = re.compile(r"[ \t\u00a0]+(?:(?:and|&|of)[ \t\u00a0]+)?")
_PREPOSITION_BEFORE = re.compile(r"\b(?:from|at|in)[ \t\u00a0]+$")
_UNEXPLAINED = 0.5


def body_ranges(toks: list, text: str) -> list[tuple[int, int]]:
    """The ranges of the bodies' names the pass read (``names._Tok`` words, after every rule)."""
    out: list[tuple[int, int]] = []
    places = given = None
    for i, j in place_runs(toks, text, _LINK.fullmatch):
        if j > i:
            if places is None:
                places, given = lexicon.place_tokens(), any_given_names()
            run = toks[i : j + 1]
            if any(t.fw not in places for t in run) and not any(
                t.fw in given and t.word[:1].isupper() and t.word[1:].islower() for t in run
            ):
                out.append((run[0].start, run[-1].end))
    return out


def bodies_named(toks: list, text: str) -> list[tuple[int, int]]:
    """``body_ranges``, and the body's word alone after a preposition taken for the body (see the
    module's note)."""
    ranges = body_ranges(toks, text)
    if not ranges:
        return ranges
    inside = {t.fw for t in toks if t.place and any(s <= t.start < e for s, e in ranges)}
    places = lexicon.place_tokens()
    inside = {w for w in inside if w not in places}
    for w in inside:
        same = [t for t in toks if t.fw == w]
        if any(t.score > _UNEXPLAINED for t in same):
            continue
        for t in same:
            if t.score == _UNEXPLAINED and _PREPOSITION_BEFORE.search(text, max(0, t.start - 8), t.start):
                t.score, t.place, t.edge_ok = 0.0, True, False
    return ranges
