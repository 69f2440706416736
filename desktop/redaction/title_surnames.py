"""A surname after a form of address that is also a word kept as a fact ("Mrs French", "Dr Swift").

The likely-name pass never takes a word of the list of words that are never names (nationalities and
languages, "Church", "Court", "Temple"...), even after a title. But a form of address (Mr, Mrs, Ms,
Miss, Mx, Dr) stands only before a person's name: "Mrs French owned three houses" names a woman,
not a language. After one, such a word in title case is a surname ("Mr English", "Dr Welsh", "Mrs
Church"), unless another capitalised word follows it (then the person's name goes on and the pass
reads it, or the title is part of a body's or a street's name).
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon

SCORE = 0.9  # as sure as any word after a title
_ADDRESS = frozenset("mr mrs ms miss mx dr".split())
_AFTER_TITLE = re.compile(r"\.?[ \t\u00a0]+")
_CAP_AFTER = re.compile(r"[ \t\u00a0]+[A-Z]")


def surnames_after_address(toks: list, text: str) -> None:
    """Take a never-a-name word in title case straight after "Mr", "Mrs", "Dr"...
    Runs on the likely-name pass's words (``names._Tok``)."""
    for i in range(1, len(toks)):
        p = toks[i - 1]
        if p.fw not in _ADDRESS:
            continue
        t = toks[i]
        if t.score != 0 or not p.title or t.fw not in lexicon.NOT_NAMES:
            continue
        w = t.word
        if (
            len(w) < 4
            or not (w[0].isupper() and w[1:].islower())
            or t.fw in lexicon.FUNCTION_WORDS
            or not _AFTER_TITLE.fullmatch(text, p.end, t.start)
            or _CAP_AFTER.match(text, t.end)
        ):
            continue
        t.score, t.edge_ok = SCORE, True
