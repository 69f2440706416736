"""Context that says capitalised words are not a person: a place after "in", "near" or "moved to",
and the name of a body (a hospital, a charity, a university, an acronym after "the").

Both mark the likely-name detector's words (``names._Tok``: ``start``, ``end``, ``fw``, ``score``,
``title``, ``place``) as places, so they are neither a name nor part of one.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon

# What may stand between two words of one name: spaces, one line break, or a hyphen.
JOIN = re.compile(r"^(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*|-)$")

# Words after which a capitalised word is where something happened, not who: "in", "near",
# "moved to" ("We moved to Southwark", "the house in North Karlview").
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|around)|\b(?:moved|move|moving|relocated|transferred|sent|went|came|back)\s+to)"
    r"[ \t\u00a0]+$",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b|\s+(?:and|&)\s+\w+['’]s\b")


def mark_places_by_context(toks: list, text: str, function_only: frozenset[str]) -> None:
    """The capitalised words straight after "in", "near" or "moved to" are a place (a fact to keep),
    even a town no list holds, unless they are someone's ("in Tariq's flat", "in Ana and Tom's
    house") or a title makes them a person ("in Mr Patel's shop" is caught by the possessive too)."""
    n = len(toks)
    for i, t in enumerate(toks):
        if t.score < 0 or t.fw in lexicon.TITLES or t.fw in function_only:
            continue
        if i and toks[i - 1].end > t.start - 2:
            continue  # not the first capitalised word after the preposition
        if not _PLACE_BEFORE.search(text, max(0, t.start - 25), t.start):
            continue
        j = i
        while j + 1 < n and toks[j + 1].score >= 0 and JOIN.match(text[toks[j].end : toks[j + 1].start]) \
                and toks[j + 1].fw not in lexicon.TITLES and j - i < 3:
            j += 1
        if _POSSESSIVE_AFTER.match(text, toks[j].end):
            continue
        for u in toks[i : j + 1]:
            u.place = True


# A body's kind, as the last word of its name ("Homerton Hospital", "Kalayaan Project") or just
# before it ("the charity Kalayaan"): the words it names are an organisation, not a person.
_ORG_LAST = frozenset("""hospital university college centre center school council trust foundation charity project
network clinic surgery church mosque temple gurdwara prison academy institute society association union party
ltd limited plc llp group services partnership agency""".split())
_ORG_BEFORE = re.compile(
    r"\b(?:charity|organisation|organization|campaign|project|network|company|firm|agency|union|party|newspaper|"
    r"(?:university|college|bank|institute)\s+of)[ \t\u00a0]+$",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)[ \t\u00a0]+$", re.IGNORECASE)


def mark_organisations(toks: list, text: str) -> None:
    """Names of bodies are not people: a run of capitalised words ending in a body's kind
    ("Hillgate Immigration Removal Centre", "Mercy Foundation"), the words after a kind of body
    ("the charity Ashiana", "University of Stirling"), and an acronym after "the" ("the JCWI")."""
    n = len(toks)
    i = 0
    while i < n:
        j = i
        while j + 1 < n and toks[j + 1].score >= 0 and toks[j].score >= 0 \
                and JOIN.match(text[toks[j].end : toks[j + 1].start]) and toks[j + 1].fw not in lexicon.TITLES:
            j += 1
        run = toks[i : j + 1]
        if len(run) > 1 and run[-1].fw in _ORG_LAST and not run[0].title:
            for u in run:
                u.place = True
        elif run[0].score >= 0 and _ORG_BEFORE.search(text, max(0, run[0].start - 30), run[0].start):
            for u in run:
                u.place = True
        i = j + 1
    for t in toks:
        if len(t.word) > 1 and t.word.isupper() and _DETERMINER_BEFORE.search(text, max(0, t.start - 5), t.start):
            t.place = True
