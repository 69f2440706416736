"""Remake desktop/resources/wordlists/languages.txt from the Unicode CLDR's English names of languages.

    python tools/languages_cldr.py

Needs ``babel`` 2.16.0 (which carries CLDR 45's locale data; Witnessbox itself does not use it:
install it in a throwaway environment, or put its unpacked wheel on PYTHONPATH). Run from the
repository's root so that the filter reads the engine's own lists. Source, licence and checksums
in the wordlists' SOURCES.md.

Every English name CLDR gives a language (``babel.Locale("en").languages``: "Akan", "Kikuyu",
"Tigrinya", "Northern Sotho", "Nigerian Pidgin"), cut into words at spaces and brackets; a name of
one word is kept whole, and from a name of several words the one word that is no English word
when there is exactly one ("Sotho", "Ndebele", "Balochi"; "Pidgin" and "Creole" are English; from
"Lingua Franca Nova" or "Toki Pona" nothing, as their words apart name no language). A word is
kept when it is letters with single hyphens between them ("Kara-Kalpak"), lower-cased and folded
as the engine folds it. Each
line is the word, then, after a tab, why a capitalised one may still be someone's name where the
wording says so, or nothing when it never is:

* ``given``: it is on a given-name list of the engine (``given_names.txt``,
  ``given_names_world.txt``, ``given_names_uk_births.txt``: "akan", "shona", "luo"? see the file);
* ``surname``: it is an English word that is also a surname (``surname_words.txt``);
* ``short``: it has three letters or fewer ("ewe", "ga", "yi", "luo"), where a name of the same
  letters from a list the engine lacks is likeliest.

A word with a reason is a language only where the wording says so (``languages_spoken``); one
without is never a name (``lexicon.NOT_NAMES``). Sorted, one a line.
"""

from __future__ import annotations

import re
from pathlib import Path

import babel
from babel import Locale

from desktop.redaction import lexicon, name_lists
from desktop.redaction.fold import fold

OUT = Path("desktop/resources/wordlists/languages.txt")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def words_of(name: str, english: frozenset[str]) -> list[str]:
    parts = re.split(r"[\s()]+", name.strip())
    parts = [p for p in parts if p]
    if len(parts) == 1:
        return [fold(parts[0])] if _WORD.fullmatch(parts[0]) else []
    own = [fold(p) for p in parts if fold(p) not in english]
    # "Northern Sotho", "Nigerian Pidgin": English words around one word of the language's own; not
    # "Lingua Franca Nova" or "Toki Pona", whose words apart are no language ("Franca" is a name)
    return own if len(own) == 1 and _WORD.fullmatch(own[0]) else []


def main() -> None:
    if babel.__version__ != "2.16.0":
        print(f"warning: babel {babel.__version__}, not 2.16.0: the list may differ from SOURCES.md's")
    english = lexicon.english_words()
    given = name_lists.any_given_names()
    with open("desktop/resources/wordlists/surname_words.txt", encoding="utf-8") as fh:
        surnames = frozenset(fold(line.strip()) for line in fh if line.strip())
    names = set(Locale("en").languages.values())
    words = {w for n in names for w in words_of(n, english)}
    lines = []
    for w in sorted(words):
        why = "given" if w in given else "surname" if w in surnames else "short" if len(w) <= 3 else ""
        lines.append(w + ("\t" + why if why else ""))
    OUT.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    marked = sum("\t" in line for line in lines)
    print(f"{len(names)} names read, {len(lines)} words written to {OUT}, {marked} with a reason")


if __name__ == "__main__":
    main()
