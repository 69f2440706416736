"""A body's short name in brackets after its full name: the body again, not a person.

Reports give a group's short name once, in brackets, after its full name: "the Migrant Workers'
Support Centre (Sunhelp)", "the Domestic Labour Rights association (DOLRA)". Where the short name
is not spelt from the full name's letters (``things.defined_acronym`` reads those) it is a word the
lists do not know, and the name pass scored it as a possible surname.

Read here: one capitalised word alone in brackets, straight after a body's kind word (the kinds
that end a body's name, ``context._ORG_LAST``, and a few more) that itself follows a capitalised
word ("Support Centre", "Equality association"). Taken back only where nothing else explained the
word (score 0.5 or less): a census or world given name written as a name ("the Kalayaan Project
(Sarah)") is a contact person and stays, as does any word a cue made a person.
"""

from __future__ import annotations

import re

from desktop.redaction.context import _ORG_LAST
from desktop.redaction.name_lists import given_names, world_given_names

UNEXPLAINED = 0.5  # the likely-name pass's score of a capitalised word no list holds

_MORE_KINDS = frozenset(
    "station house home space federation movement league sisterhood brotherhood "
    "syndicate cooperative co-operative platform observatory".split()
)
_KINDS = _ORG_LAST | _MORE_KINDS
# The two words before the bracket: a capitalised word (or its possessive) and a kind word.
_BEFORE = re.compile(r"(?:^|[\s(])[A-Z][\w’'.&-]*[ \t\u00a0]+([A-Za-z-]+)[ \t\u00a0]*\($")


def short_names_of_bodies(toks: list, text: str) -> None:
    """Take back a one-word short name in brackets after a body's full name."""
    if "(" not in text:
        return
    given = None
    for t in toks:
        if not 0 <= t.score <= UNEXPLAINED or t.title or not t.word[:1].isupper():
            continue
        if not t.start or text[t.start - 1] != "(" or not text.startswith(")", t.end):
            continue
        m = _BEFORE.search(text, max(0, t.start - 60), t.start)
        if not m or m.group(1).lower() not in _KINDS:
            continue
        given = given if given is not None else given_names() | world_given_names()
        if t.fw in given and not t.word.isupper():
            continue
        t.score, t.place, t.edge_ok = 0.0, True, False
