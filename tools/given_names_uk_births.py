"""Remake desktop/resources/wordlists/given_names_uk_births.txt from the ONS baby names workbooks.

    python tools/given_names_uk_births.py DIR

DIR holds the Office for National Statistics' workbooks "Baby names in England and Wales", one per
year (1996 to 2024) and sex, as ONS published them (.xls and .xlsx; the two historic top-100
workbooks left out): source, commit, licence and checksums in the wordlists' SOURCES.md. Needs
``openpyxl`` and ``xlrd``, which Witnessbox itself does not use (install them in a throwaway
environment). Run from the repository's root so that the filter reads the engine's own lists.

From each workbook, its longest sheet (the table of every name given to three or more babies that
year in England and Wales), the column headed "Name" (the one headed "Count..." beside it says the
row is a name). A name in only one of the 58 lists is left out (once-only choices are where places
and brands given as names gather: "Kerala", "Kashmir"). Then a name is kept when it is letters
(Latin script) with single hyphens or apostrophes between them, lower-cased, folded as the engine
folds it, three letters or more, and is no English word (``english.txt``, ``english_us.txt``), no
one-word place of ``places.txt``, no place of ``places_uk_small.txt`` or ``places_world.txt``, no
word of ``lexicon.NOT_NAMES`` (peoples, languages, faiths, bodies) or ``lexicon.FUNCTION_WORDS``, on
neither ``given_names.txt`` nor ``given_names_world.txt``, and no English plural ("romans"). A
hyphenated name whose every part is a given name of any of the three lists is left out (its parts
already are). Sorted, one a line.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import openpyxl
import xlrd

from desktop.redaction import lexicon, name_lists
from desktop.redaction.fold import fold

OUT = Path("desktop/resources/wordlists/given_names_uk_births.txt")
_SHAPE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def longest_sheet(path: Path) -> list[tuple]:
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        sheets = [list(book[s].iter_rows(values_only=True)) for s in book.sheetnames]
    else:
        old = xlrd.open_workbook(str(path))
        sheets = [[tuple(s.row_values(i)) for i in range(s.nrows)] for s in old.sheets()]
    return max(sheets, key=len)


def names_in(path: Path) -> set[str]:
    out: set[str] = set()
    pairs = None
    for row in longest_sheet(path):
        cells = [str(c).strip().lower() if c not in (None, "") else "" for c in row]
        if pairs is None:
            if "name" in cells and any(c.startswith("count") for c in cells):
                pairs = [
                    (i, next(j for j in range(i, len(cells)) if cells[j].startswith("count")))
                    for i, c in enumerate(cells)
                    if c == "name"
                ]
            continue
        for ni, ci in pairs:
            name, count = row[ni], row[ci]
            if isinstance(name, str) and name.strip() and isinstance(count, int | float):
                out.add(name.strip().lower())
    return out


def latin(name: str) -> bool:
    return _SHAPE.fullmatch(name) is not None and all(c in "-'" or "LATIN" in unicodedata.name(c, "") for c in name)


def main(folder: str) -> None:
    english, places = lexicon.english_words(), lexicon.place_tokens()
    small = lexicon.small_places("uk") | lexicon.small_places("world")
    have = name_lists.given_names() | name_lists.world_given_names()
    lists: Counter[str] = Counter()  # in how many of the year's lists (boys', girls') each name is
    for path in sorted(Path(folder).glob("*.xls*")):
        if "histor" not in path.name.lower():
            lists.update(names_in(path))
    names = {n for n, k in lists.items() if k >= 2}
    kept = set()
    for n in names:
        f = fold(n)
        if not latin(n) or len(f) < 3 or f in english or f in places or f in have:
            continue
        if f in lexicon.NOT_NAMES or f in lexicon.FUNCTION_WORDS or lexicon.place_key([n]) in small:
            continue
        if f.endswith("s") and f[:-1] in english:  # read as an English plural ("romans", "mays")
            continue
        kept.add(f)
    every = have | kept
    out = sorted(n for n in kept if "-" not in n or not all(p in every for p in n.split("-")))
    OUT.write_text("".join(n + "\n" for n in out), encoding="utf-8")
    print(f"{len(lists)} names read, {len(names)} in two lists or more, {len(out)} written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
