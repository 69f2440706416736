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
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.given_names import given_names

_LINK = re.compile(r"[ \t\u00a0]+(?:(?:and|&|of)[ \t\u00a0]+)?")


def body_ranges(toks: list, text: str) -> list[tuple[int, int]]:
    """The ranges of the bodies' names the pass read (``names._Tok`` words, after every rule)."""
    out: list[tuple[int, int]] = []
    places = given = None
    n = len(toks)
    i = 0
    while i < n:
        if not toks[i].place:
            i += 1
            continue
        j = i
        while j + 1 < n and toks[j + 1].place and _LINK.fullmatch(text, toks[j].end, toks[j + 1].start):
            j += 1
        if j > i:
            if places is None:
                places, given = lexicon.place_tokens(), given_names()
            run = toks[i : j + 1]
            if any(t.fw not in places for t in run) and not any(
                t.fw in given and t.word[:1].isupper() and t.word[1:].islower() for t in run
            ):
                out.append((run[0].start, run[-1].end))
        i = j + 1
    return out
