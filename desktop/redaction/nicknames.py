"""A kin word opening the name a person is known by ("known as Auntie Grace", "nicknamed Papa
Joe") is part of that name.

A form of address stays outside a name ("Mr", "Judge", "Auntie Grace rang me": the person is
Grace). But the name a community gives someone, after "known as", "known ... as", "knew her as", "nicknamed",
"dubbed", "went by" or "goes by", is a name whole, kin word and all: "She is known in the camp as
Mama Ngozi", "he was nicknamed Uncle Sam". Here a kin word of address (mama, papa, auntie,
uncle...) written straight after such a phrase, before a word found as a likely name, joins it.
"""

from __future__ import annotations

import re

_KIN = frozenset("mama mamma mum mummy papa baba dad daddy auntie aunty aunt uncle sister brother granny".split())
_NICKNAMED = re.compile(
    r"\b(?:(?:[Kk]nown|[Kk]new|[Rr]eferred[ \t\u00a0]+to)\b[^.!?;\n]{0,80}?\bas|nicknamed|dubbed|went[ \t\u00a0]+by|"
    r"goes[ \t\u00a0]+by|go[ \t\u00a0]+by)[ \t\u00a0]+$"
)


def honorifics_in_nicknames(toks: list, text: str) -> None:
    """Let the kin word that opens a name someone is known by join that name (see the note)."""
    for i in range(len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        if t.fw not in _KIN or t.score < 0 or nxt.score <= 0 or text[t.end : nxt.start] != " ":
            continue
        if not _NICKNAMED.search(text, max(0, t.start - 100), t.start):
            continue
        t.title = False
        t.score, t.edge_ok, t.joins = nxt.score, True, True
