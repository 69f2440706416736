"""A body's kind word after "the" ends the body before a name ("Counsel to the Inquiry Jane Roe").

A role is often held *to* a body ("Counsel to the Inquiry", "Clerk to the Council", "Solicitor to
the Tribunal") with the holder's name straight after it. The likely-name pass joins a capitalised
word on the left of a likely name to it ("Inquiry Jane Roe"), and the body's word, now part of a
name, was redacted wherever else the text writes it ("the Inquiry would sit"). A word of a body's
kind (``context._ORG_LAST``, and "Inquiry", "Inquest") after "the" is the end of the body's name:
it never joins the name after it. The name itself is untouched.
"""

from __future__ import annotations

import re

from desktop.redaction.context import _ORG_LAST

_KINDS = _ORG_LAST | {"inquiry", "inquest"}
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t\u00a0]+$")


def kinds_before_names(toks: list, text: str) -> None:
    """Keep a body's kind word after "the" out of the likely name straight after it."""
    for i in range(len(toks) - 1):
        t, u = toks[i], toks[i + 1]
        if t.fw not in _KINDS or t.score != 0 or not t.word[:1].isupper() or t.word.isupper():
            continue
        if u.score > 0 and text[t.end : u.start] == " " and _THE_BEFORE.search(text, max(0, t.start - 5), t.start):
            t.edge_ok = False
