"""The sets of words of a statement that several passes ask about, made in one go.

``detect()`` takes the runs of letters and digits of the folded text (which words are there at all),
the lower-case cue rule the runs of letters of the lower-cased text, the lower-case word-name rule
the lower-cased words with perhaps one inner hyphen, and the pattern detectors' context words the
runs of [a-z0-9]. Each was a ``findall`` of its own over the whole statement, a new string for every
word (about 10% of ``detect()`` together on ASCII text). Each of those patterns takes only ASCII
letters, digits and hyphens, so they all come from one ``split`` of the text with every other
character made a space: the pieces are the runs of letters, digits and hyphens, and each set is
made from the distinct pieces (a few hundred) instead of every word. The runs of letters and digits
of the folded text only for ASCII text (elsewhere a letter may be any character): ``None``, and
``detect()`` runs its own ``findall`` as before.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import NamedTuple

from desktop.core.forgetting import kept_until_lock

# Every byte that is not an ASCII letter, digit or hyphen, made a space (a UTF-8 sequence for any
# other character is made of bytes from 0x80 up: spaces too).
_APART = bytes(c if chr(c) in string.ascii_letters + string.digits + "-" else 0x20 for c in range(256))
_LETTERS = re.compile(r"[a-z]+")
# The lower-case word-name rule's words (``misses_people._LOWER_WORD``).
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


class StatementWords(NamedTuple):
    letters: frozenset[str]  # set(re.findall(r"[a-z]+", text.lower()))
    lower_words: frozenset[str]  # set(re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower()))
    runs: frozenset[str] | None  # set(re.findall(r"[^\W_]+", text.lower())) for ASCII text, else None
    # set(re.findall(r"[a-z0-9]+", text.lower())) where the lower case is as long as the text, else None
    ascii_runs: frozenset[str] | None


@lru_cache(maxsize=2)
def statement_words(text: str) -> StatementWords:
    """The sets for ``text`` (the same as their ``findall``). A match of each pattern holds only ASCII
    letters, digits and hyphens, so none crosses a space of the split text, and a piece's own
    matches are the text's matches inside it. ``runs`` only for ASCII text (elsewhere a letter or
    digit may be any character), where they are ``ascii_runs``; ``ascii_runs`` (what the context
    words of the pattern detectors are found from) where lower-casing keeps every offset."""
    low = text.lower()
    pieces = set(low.encode("utf-8", "surrogatepass").translate(_APART).decode("ascii").split())
    mixed = [p for p in pieces if not p.isalpha()]  # (ASCII: a digit or a hyphen in it)
    alpha = frozenset(pieces.difference(mixed))
    ascii = text.isascii()
    same_length = len(low) == len(text)
    if not mixed:  # the common case: every piece a word of letters, the same in all of them
        return StatementWords(alpha, alpha, alpha if ascii else None, alpha if same_length else None)
    letters = alpha.union(*(_LETTERS.findall(p) for p in mixed))
    lower_words = alpha.union(*(_LOWER_WORD.findall(p) for p in mixed))
    runs = alpha.union(*(p.split("-") for p in mixed)) - {""}
    return StatementWords(letters, lower_words, runs if ascii else None, runs if same_length else None)


# The last statements' texts: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(statement_words.cache_clear)


# Every ASCII byte that is not a letter or digit made a space; the bytes of other characters (0x80 up)
# kept: no run of letters and digits ([^\W_]+) holds an ASCII character that is neither.
_APART_ASCII = bytes(c if c >= 0x80 or chr(c) in string.ascii_letters + string.digits else 0x20 for c in range(256))
_RUN = re.compile(r"[^\W_]+")


def folded_runs(folded: str) -> set[str]:
    """``set(re.findall(r"[^\\W_]+", folded))`` on any text, for ``detect()`` on text that is not
    ASCII: the text split at every ASCII character that is not a letter or digit (one ``split`` in C,
    not a string made for each word), the pieces of ASCII letters and digits taken as they are and
    only the distinct others (a word of another script, or with one in it) searched. No run crosses
    a space of the split text, so the runs of the pieces are the runs of the text."""
    apart = folded.encode("utf-8", "surrogatepass").translate(_APART_ASCII)
    pieces = set(apart.decode("utf-8", "surrogatepass").split())
    other = [p for p in pieces if not p.isascii()]
    if not other:
        return pieces
    return pieces.difference(other).union(*(_RUN.findall(p) for p in other))
