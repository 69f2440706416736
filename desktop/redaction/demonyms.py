"""A people's name made from a place's, beyond the endings ``context.demonym`` reads.

``context.demonym`` knows "Kenyan", "Chilean", "Omani", "Nepalese" from one-word places. Written
testimony also says "an Argentine student" (from Argentina: "-ina" becomes "-ine"), "a Saudi
Arabian diplomat" or "a Korean farm" (from the last word of a place of two words: "Saudi Arabia",
"South Korea") and "Latino" or "Latina" women (from the first word of "Latin America": "-o" and
"-a" for a man and a woman, "-os" and "-as" for many). These are nationalities or peoples: facts to
keep, never a person's name. The stems come from the place list (``wordlists/places.txt``), so an
unseen place's people are read the same way; a stem that is a given name or a surname the lists
hold is not used, nor a word that is one ("Martina", from "Saint Martin", stays a name; so does
"Latina", which the census lists as a given name).

Places joined by a hyphen ("the Kenya-Qatar route", "a Malaysia-Nepal scam") are places too, as
a person's double-barrelled name is not made of countries; unless a part is a given name or a
surname the lists hold ("Chelsea-Jordan" may be someone).
"""

from __future__ import annotations

from functools import lru_cache

from desktop.redaction import lexicon
from desktop.redaction.fold import fold
from desktop.redaction.name_lists import any_given_names, given_names, surname_words


@lru_cache(maxsize=1)
def _stems() -> tuple[frozenset[str], frozenset[str]]:
    """(folded one-word places, folded words of places of several words, five letters or more)."""
    one = lexicon.place_tokens()
    several = set()
    for p in lexicon.place_names():
        words = fold(p).replace("-", " ").split()
        if len(words) > 1:
            several.update(w for w in words if len(w) >= 5 and w.isalpha())
    return one, frozenset(several - one - _people_words())


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    """Folded given names of the census list and surnames that are words: never a stem nor a result."""
    return given_names() | surname_words()


def derived_demonym(fw: str) -> bool:
    """Is folded ``fw`` a people's name made from a place's by the endings above?"""
    if len(fw) < 5 or not fw.isalpha() or fw in _people_words():
        return False
    one, several = _stems()
    if fw.endswith("ine") and fw[:-1] + "a" in one:
        return True  # "argentine"
    if fw.endswith("n") and fw[:-1] in several:
        return True  # "arabian", "korean"
    for end in ("os", "as", "o", "a"):
        if fw.endswith(end) and fw[: -len(end)] in several:
            return True  # "latino", "latinas"
    return _lander(fw, one, several) or _plural_place(fw, one)


def _lander(fw: str, one: frozenset[str], several: frozenset[str]) -> bool:
    """"Icelander", "Greenlander", "Zealander" (of "New Zealander"): "-er" after a place in "-land".
    Not where the place's people have a word of their own that the nationalities list holds, begun
    as the place is before "land" ("English", "Scottish", "Polish", "Finnish", "Thai"): no one says
    "Englander" of them, and "Englander" is a surname."""
    if not fw.endswith("lander") or fw in any_given_names():
        return False
    place = fw[:-2]
    if place not in one and place not in several:
        return False
    return not any(n.startswith(place[:-4]) for n in lexicon.NATIONALITIES)  # "eng-", "pol-", "thai"


def _plural_place(fw: str, one: frozenset[str]) -> bool:
    """"Philippine", "Maldive", "Seychelle": a place whose name is a plural, less its "s", said of its
    people or things ("Philippine by birth"). Six letters at least, and no one's given name."""
    return len(fw) >= 6 and fw + "s" in one and fw not in any_given_names()


def places_joined(parts: list[str]) -> bool:
    """Are the folded ``parts`` of a hyphenated word each a one-word place, none a person's word?"""
    one, _ = _stems()
    people = _people_words()
    return len(parts) > 1 and all(p in one and p not in people for p in parts)
