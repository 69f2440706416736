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
_PLACE_BEFORE = frozenset("in near outside around".split())
_MOVED = frozenset("moved move moving relocated transferred sent went came back".split())
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b|\s+(?:and|&)\s+\w+['’]s\b")


def _two_words_before(text: str, pos: int) -> list[str]:
    """The two words before ``pos`` (lower case), when only spaces stand between them and ``pos``."""
    if pos == 0 or text[pos - 1] not in " \t\u00a0":
        return []
    return text[max(0, pos - 40) : pos].lower().split()[-2:]


def mark_places_by_context(toks: list, text: str, function_only: frozenset[str]) -> None:
    """The capitalised words straight after "in", "near" or "moved to" are a place (a fact to keep),
    even a town no list holds, unless they are someone's ("in Tariq's flat", "in Ana and Tom's
    house") or a title makes them a person ("in Mr Patel's shop" is caught by the possessive too)."""
    n = len(toks)
    for i, t in enumerate(toks):
        if t.score < 0 or t.fw in lexicon.TITLES or t.fw in function_only:
            continue
        before = _two_words_before(text, t.start)
        if not before or not (before[-1] in _PLACE_BEFORE or before[-1] == "to" and before[0] in _MOVED):
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
_KIND_BEFORE = frozenset(
    "charity organisation organization campaign project network company firm agency union party newspaper".split()
)
_KIND_OF = frozenset("university college bank institute".split())
_DETERMINERS = frozenset(("the", "a", "an"))


def mark_organisations(toks: list, text: str) -> None:
    """Names of bodies are not people: a run of capitalised words ending in a body's kind
    ("Hillgate Immigration Removal Centre", "Mercy Foundation"), the words after a kind of body
    ("the charity Ashiana", "University of Stirling"), and an acronym after "the" ("the JCWI")."""
    n = len(toks)
    for j, t in enumerate(toks):
        if t.score < 0:
            continue
        if t.fw in _ORG_LAST:  # the words before it are the body's name
            i = j
            while i > 0 and toks[i - 1].score >= 0 and toks[i - 1].fw not in lexicon.TITLES \
                    and JOIN.match(text[toks[i - 1].end : toks[i].start]):
                i -= 1
            if i < j:
                for u in toks[i : j + 1]:
                    u.place = True
        before = _two_words_before(text, t.start)
        if not before:
            continue
        if before[-1] in _KIND_BEFORE or (before[-1] == "of" and len(before) == 2 and before[0] in _KIND_OF):
            k = j  # the words after a kind of body are its name
            while k + 1 < n and toks[k + 1].score >= 0 and toks[k + 1].fw not in lexicon.TITLES \
                    and JOIN.match(text[toks[k].end : toks[k + 1].start]):
                k += 1
            for u in toks[j : k + 1]:
                u.place = True
        elif before[-1] in _DETERMINERS and len(t.word) > 1 and t.word.isupper():
            t.place = True
