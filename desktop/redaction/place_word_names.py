"""A person whose given name and surname are both places' names: "Georgia Leigh, co-founder of ...".

A capitalised word the gazetteer holds is a place to keep, and a run of two of them ("Chelsea
Preston") is read as places, so a person so named is left in the text; ``people_again`` gives a
run back on a person's noun in apposition only when a word of it could be a name by itself, which
no place can. Here a run of two or three capitalised words, the first a given name of the census
or world lists and every word a gazetteer place or a given name, is a person when a role or a
noun of a person follows it in apposition, with or without an article ("Georgia Leigh,
co-founder of the network", "Chelsea Preston, a spokeswoman for the charity", "Florence Derby,
director at the centre"). A run after "in", "at", "from", "near", "to" stays a place ("in
Victoria, Chelsea, a borough"): a list of places is read as one.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.given_names import any_given_names
from desktop.redaction.roles_before_names import _ROLES, _an_agent

SCORE = 0.6
_SP = r"[ \t\u00a0]+"
# ", co-founder of", ", a spokeswoman for", ", the director at": the role's noun heads the apposition.
_ROLE_AFTER = re.compile(
    r",[ \t\u00a0]*(?:(?:a|an|the)" + _SP + r")?(?:[a-z][a-z\-]*" + _SP + r"){0,2}?"
    r"(?:co-)?([a-z]+)(?=" + _SP + r"(?:of|at|for|with|to)\b|[ \t\u00a0]*[,.;])"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|to|into|outside|around)" + _SP + r"$", re.IGNORECASE)


def _a_role(word: str) -> bool:
    return word in _ROLES or _an_agent(word)


def place_word_names(toks: list, text: str) -> None:
    """Score a run of places' words that a role in apposition shows is a person (the module's note)."""
    if ", " not in text:
        return
    places = lexicon.place_tokens()
    given = any_given_names()
    n = len(toks)
    i = 0
    while i < n:
        j = i
        while j + 1 < n and j - i < 2 and text[toks[j].end : toks[j + 1].start] == " ":
            j += 1
        run = toks[i : j + 1]
        i = j + 1
        if len(run) < 2 or run[0].fw not in given or any(t.score != 0 or t.title for t in run):
            continue
        if not all(t.fw in places or t.fw in given for t in run) or any(t.word.isupper() for t in run):
            continue
        m = _ROLE_AFTER.match(text, run[-1].end)
        if not m or not _a_role(m.group(1)) or _PLACE_BEFORE.search(text, max(0, run[0].start - 12), run[0].start):
            continue
        for t in run:
            t.score, t.place, t.edge_ok = SCORE, False, True
