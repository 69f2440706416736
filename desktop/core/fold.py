"""The one case- and accent-fold of Witnessbox: what counts as "the same letters" when a name is
looked for. The redaction engine finds recorded names with it, and the leak gate looks for every
redacted string with it, so a string the engine took for a name is found by the gate in every
spelling the engine would have taken for it ("Małgorzata", "MALGORZATA", "malgorzata").

A character folds by: compatibility decomposition (NFKD) with every combining mark dropped
(accents, the Devanagari nukta and virama, Arabic harakat), then the special letters below
(Unicode does not decompose them), then full case folding. Each step works on one character at a
time, so ``fold(text) == "".join(fold_char(c) for c in text)``: the engine relies on that to map
a match in the folded text back to the original offsets (``desktop.redaction.fold.Folded``).

:func:`fold_keep_case` is the same fold without the case folding, for words that count as a name
only where capitalised ("Hope", "Will").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into base + accent, and the punctuation that people type
# in more than one way (a curly apostrophe in "O’Brien", a non-breaking space, dashes).
SPECIAL = {
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ħ": "h", "Ħ": "h",
    "ı": "i", "ŀ": "l", "Ŀ": "l", "ŧ": "t", "Ŧ": "t", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "ß": "ss", "ẞ": "ss", "þ": "th", "Þ": "th", "ĸ": "k", "ſ": "s",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u2010": "-", "\u2011": "-",
    "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
}  # fmt: skip

# The same letters with their case kept: an upper-case letter folds to a capitalised base ("Ł" ->
# "L", "Æ" -> "Ae"); the rest as above.
SPECIAL_KEEP_CASE = {k: (v.capitalize() if k.isupper() else v) for k, v in SPECIAL.items()}

# (a regex finds the few special letters much faster than str.translate walks a long text)
_SPECIAL_RX = re.compile("[" + "".join(re.escape(c) for c in SPECIAL) + "]")
# Combining marks end in plane 1 (Adlam, U+1E94A, is the last); the fold's tests check that none lies beyond.
COMBINING_END = 0x20000
_MARKS = [chr(cp) for cp in range(0x300, COMBINING_END) if unicodedata.combining(chr(cp))]
# The marks of the Basic Multilingual Plane as single characters (a regex matches such a class by a
# table lookup, ten times faster than a class of ranges), and the few beyond it apart.
_COMBINING_RX = re.compile("[" + "".join(re.escape(c) for c in _MARKS if c <= "\uffff") + "]+")
_COMBINING_ASTRAL_RX = re.compile("[" + "".join(c for c in _MARKS if c > "\uffff") + "]+")


def _special(m: re.Match[str]) -> str:
    return SPECIAL[m.group()]


def _special_keep_case(m: re.Match[str]) -> str:
    return SPECIAL_KEEP_CASE[m.group()]


def _unmarked(text: str) -> str:
    """NFKD without combining marks (accents, nukta, virama, harakat)."""
    text = _COMBINING_RX.sub("", unicodedata.normalize("NFKD", text))
    # (a character beyond the BMP takes two UTF-16 units: far quicker to count than to look for)
    if len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text):
        text = _COMBINING_ASTRAL_RX.sub("", text)
    return text


def fold(text: str) -> str:
    """Accent- and case-folded: ``"Łucja Wiśniewska-O’Brien"`` -> ``"lucja wisniewska-o'brien"``.

    NFKD first, so a letter that decomposes to a special one ("ǽ" to "æ") is mapped too; after
    these three steps case folding gives nothing that another round would change (a test checks
    every code point)."""
    if text.isascii():
        return text.lower()
    return _SPECIAL_RX.sub(_special, _unmarked(text)).casefold()


def fold_keep_case(text: str) -> str:
    """Accent-folded like :func:`fold`, with letter case kept: ``"Łucja"`` -> ``"Lucja"``."""
    if text.isascii():
        return text
    return _SPECIAL_RX.sub(_special_keep_case, _unmarked(text))


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """The folded form of one character (empty for a combining mark, or two letters for "ß")."""
    return fold(ch)
