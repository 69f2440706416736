"""The lists of given names, read once each: the census's (``wordlists/given_names.txt``, the US
Census Bureau's 1990 first names, public domain), the world's (``wordlists/given_names_world.txt``,
the most popular given names of 106 countries, CC0) and the names given at birth in England and
Wales (``wordlists/given_names_uk_births.txt``, ONS, Open Government Licence v3.0): sources and
filtering in SOURCES.md.

Both hold English words and places too ("Grace", "Said", "Marina", "Georgia"): a word on them is a
person's name only where the wording makes it one, and the rules read them so. Kept apart from
``given_names`` (the context rules) so that ``context`` may ask them without an import circle.
"""

from __future__ import annotations

from functools import lru_cache

from desktop.redaction import lexicon
from desktop.redaction.fold import fold
from desktop.resources import resource_path


def _read(name: str) -> frozenset[str]:
    """Folded names of three letters or more, less English function words ("in", "my", "so", "than"
    are in the lists too). One frozenset for the process; it holds no interview data."""
    with open(resource_path(f"wordlists/{name}"), encoding="utf-8") as fh:
        names = {fold(line.strip()) for line in fh if line.strip()}
    return frozenset(n for n in names if len(n) >= 3 and n not in lexicon.FUNCTION_WORDS)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The census's given names (mostly English ones)."""
    return _read("given_names.txt")


@lru_cache(maxsize=1)
def world_given_names() -> frozenset[str]:
    """Given names from many countries ("mehmet", "zeynep", "bogdan", "hamza"), native and romanised
    forms in Latin script, accents folded."""
    return _read("given_names_world.txt")


@lru_cache(maxsize=1)
def uk_birth_names() -> frozenset[str]:
    """Names given to three or more babies in a year in England and Wales, 1996 to 2024, that are
    on neither list above and are no English word, no place of any gazetteer and no people's,
    language's or faith's word ("kwabena", "abdirahman", "oluwaseun", "chukwuemeka", "dawit",
    "hodan"): the names of the families the interviewees come from, which the two lists above lack.
    The file is filtered and folded when it is built (SOURCES.md), so it is read as it is."""
    with open(resource_path("wordlists/given_names_uk_births.txt"), encoding="utf-8") as fh:
        return frozenset(fh.read().split())


@lru_cache(maxsize=1)
def given_names_not_births() -> frozenset[str]:
    """The census's given names and the world's, without the births list's: for a guard before a
    settlement's noun, where a name only that list holds is more often a village's name in the
    country it comes from ("Samia village") than a person's."""
    return given_names() | world_given_names()


@lru_cache(maxsize=1)
def any_given_names() -> frozenset[str]:
    """The given names of every list together: for a guard that keeps a person's name from being
    taken back as a place's, a body's or a firm's ("Ruth Park", "Elif Park", "Kwabena Hall")."""
    return given_names_not_births() | uk_birth_names()


@lru_cache(maxsize=1)
def given_names_for_wording() -> frozenset[str]:
    """For the rules that make an English word someone from the wording around it ("Amir told me",
    "Amir Green said"): the given names of every list, less a world name that reads as the plural of
    an English word ("Marks", "Evens": "Marks looked for quickly" is no one; the births list holds
    none such)."""
    english = lexicon.english_words()
    plural = {n for n in world_given_names() - given_names() if n.endswith("s") and n[:-1] in english}
    return any_given_names() - frozenset(plural)


def a_given_name_and_no_place(word: str) -> bool:
    """Is ``word`` a given name of either list that no gazetteer holds, not even as a small town
    ("Amy", "Hamza"; not "Georgia", "Victoria", "Marina")?"""
    fw = fold(word)
    if fw not in any_given_names() or fw in lexicon.place_tokens():
        return False
    key = lexicon.place_key([word])
    return key not in lexicon.small_places("uk") and key not in lexicon.small_places("world")


@lru_cache(maxsize=1)
def surname_words() -> frozenset[str]:
    """English words that are also US Census surnames ("baker", "wood", "stone"): see SOURCES.md."""
    with open(resource_path("wordlists/surname_words.txt"), encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())
