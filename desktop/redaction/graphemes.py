"""Span edges on whole letters: a redaction never cuts a user-perceived character.

A letter in Devanagari, Gurmukhi or Bengali is often several code points (a consonant, a virama,
a vowel sign); in Arabic and Urdu a letter carries its harakat; emoji and some names use ZWJ/ZWNJ.
A span that ends inside such a cluster leaves a vowel sign or a mark stuck to the placeholder
("Person Aे"), which prints as a dotted circle and makes the sentence unreadable. Every span edge
is therefore moved outwards to the nearest extended grapheme cluster boundary (Unicode UAX #29).

The boundaries come from the ``regex`` module's ``\\X``: it follows the current Unicode release,
including the Indic conjunct rule (a consonant, virama, consonant is one cluster), which the
standard library's ``re`` and ``unicodedata`` (Unicode 14 on Python 3.11) cannot give.
"""

from __future__ import annotations

import unicodedata

import regex

_CLUSTER = regex.compile(r"\X")
_LOOK_BACK = 256  # no real cluster is longer; beyond this the edge is taken as it is


def _mark_class() -> str:
    """A ``re`` character class body for every combining mark (Mn, Mc, Me) and ZWNJ/ZWJ."""
    ranges: list[list[int]] = []
    for c in [*range(0x20000), *range(0xE0100, 0xE01F0)]:  # the planes that have marks
        if unicodedata.category(chr(c))[0] == "M" or c in (0x200C, 0x200D):
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    return "".join(f"\\U{a:08x}-\\U{b:08x}" if a != b else f"\\U{a:08x}" for a, b in ranges)


# Marks continue the word they follow: a name matched in front of one is only part of a word.
MARKS = _mark_class()


def _joins_previous(ch: str) -> bool:
    """Can ``ch`` belong to the cluster of the character before it (a mark, a joiner)?"""
    return unicodedata.category(ch)[0] == "M" or ch in "\u200c\u200d"


def _safe_start(text: str, pos: int) -> int:
    """A position at or before ``pos`` that is certainly a cluster boundary (just after a space or
    line break, before a character that cannot join it), or the start of the text."""
    lo = pos
    limit = max(0, pos - _LOOK_BACK)
    while lo > limit:
        prev, cur = text[lo - 1], text[lo] if lo < len(text) else " "
        if prev.isspace() and not (prev == "\r" and cur == "\n") and not _joins_previous(cur):
            return lo
        lo -= 1
    return lo


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` widened to whole grapheme clusters of ``text``."""
    if (
        start >= end
        or text[max(0, start - 1) : end + 1].isascii()
        and not (text[start - 1 : start + 1] == "\r\n" or text[end - 1 : end + 1] == "\r\n")
    ):
        return start, end  # ASCII: every code point is its own cluster, except CR LF
    lo = _safe_start(text, start)
    new_start = start
    for m in _CLUSTER.finditer(text, lo):
        cs, ce = m.span()
        if cs <= start < ce:
            new_start = cs
        if ce >= end:
            return new_start, ce
    return new_start, end
