"""A surname written before a given name of two joined syllables ("Chan Tai-man", "Moon Jae-in").

Cantonese and Korean names are written surname first, and the given name is often two syllables
joined by a hyphen, the second in lower case: "Wong Siu-ming", "Lam Kwok-wah", "Kim Young-sam".
Such a given name is found as a likely name; the surname before it is often a short word that is
also English or a function word ("Ho", "So", "Man", "Moon", "Young"), which the likely-name pass
never lets start a name, so the surname was left out of the span. Here a capitalised word of two
to six letters, written straight before such a given name with one space between, is taken into
the name, unless it is a title or rank ("Judge", "Mr": those stay outside), a month or a day, a
function word opening a sentence ("So Tai-man went", "When Siu-ming came": the conjunction is the
likelier reading there), or a word a rule took for a body or an allow-listed phrase (a score below
zero).
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon

_SYLLABLES = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")


def _conjunction_opening(prev, text: str) -> bool:  # noqa: ANN001 - names._Tok
    """Is ``prev`` a function word opening the text, a line or a sentence ("So", "When")?"""
    if prev.fw not in lexicon.FUNCTION_WORDS:
        return False
    i = prev.start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in '.!?:;"“”([\n\r'


def surnames_before_syllable_names(toks: list, text: str) -> None:
    """Join the surname before a two-syllable given name (see the module's note)."""
    for i in range(1, len(toks)):
        t, prev = toks[i], toks[i - 1]
        if t.score <= 0 or not _SYLLABLES.fullmatch(t.word) or text[prev.end : t.start] != " ":
            continue
        w = prev.word
        if (
            not 2 <= len(w) <= 6
            or not w.isalpha()
            or not w[0].isupper()
            or not w[1:].islower()
            or prev.score < 0
            or prev.title
            or _conjunction_opening(prev, text)
            or prev.fw in lexicon.TITLES
            or prev.fw in lexicon.MONTHS
            or prev.fw in lexicon.DAYS
        ):
            continue
        if prev.score == 0:  # scored as the given name is; a surname already scored keeps its score
            prev.score = t.score
        prev.edge_ok = prev.joins = True
