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

import re
import unicodedata

import regex

_CLUSTER = regex.compile(r"\X")
_LOOK_BACK = 256  # no real cluster is longer; beyond this the edge is taken as it is


def _mark_codes() -> list[int]:
    """Every combining mark (Mn, Mc, Me) and ZWNJ/ZWJ, as code points."""
    return [c for c in [*range(0x20000), *range(0xE0100, 0xE01F0)]  # the planes that have marks
            if unicodedata.category(chr(c))[0] == "M" or c in (0x200C, 0x200D)]  # fmt: skip


def _mark_class(codes: list[int]) -> str:
    """A ``re`` character class body for the code points ``codes`` (sorted)."""
    ranges: list[list[int]] = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(f"\\U{a:08x}-\\U{b:08x}" if a != b else f"\\U{a:08x}" for a, b in ranges)


_CODES = _mark_codes()
# Marks continue the word they follow: a name matched in front of one is only part of a word.
MARKS = _mark_class(_CODES)
# The same marks as a set of characters, and as two ``re`` classes: those of the Basic Multilingual
# Plane listed one by one, which a regex tests by a table lookup, and the rest. In a class that also
# holds marks beyond the BMP, ``re`` tests those (110 ranges and single code points) one by one at
# every character the class does not match: a search for ``[MARKS]`` over a statement with none took
# about 70 µs a kilobyte.
MARK_CHARS = frozenset(map(chr, _CODES))
MARKS_BMP = "".join(re.escape(c) for c in sorted(MARK_CHARS) if c <= "\uffff")
_MARK_BMP = re.compile("[" + MARKS_BMP + "]")
_MARK_ASTRAL = re.compile("[" + _mark_class([c for c in _CODES if c > 0xFFFF]) + "]")


def beyond_bmp(text: str) -> bool:
    """Does ``text`` hold a character beyond the Basic Multilingual Plane? (Counted, not looked for:
    such a character takes two UTF-16 units.)"""
    return not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


def has_mark(text: str) -> bool:
    """``re.search("[" + MARKS + "]", text) is not None``, quickly."""
    if text.isascii():
        return False
    return _MARK_BMP.search(text) is not None or beyond_bmp(text) and _MARK_ASTRAL.search(text) is not None


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


# Two characters with no cluster boundary between them are kept together by one of UAX #29's rules
# GB3-GB13: one that holds whatever the first character is (the second a mark, a joiner or a spacing
# vowel sign), one that holds whatever the second is (the first a prepended letter), or one that
# needs both (CR LF; Hangul jamo; an Indic linker or extend before a consonant; ZWJ before an
# emoji; two regional indicators). Between two characters none of which applies there is always a
# boundary, whatever comes before them: the classes are wider than the rules (a jamo before any
# jamo), never narrower, so an edge found here is one the full segmentation finds.
_GCB = "\\p{Grapheme_Cluster_Break=%s}"
_SECOND_ALONE = "".join(_GCB % k for k in ("Extend", "ZWJ", "SpacingMark"))
_FIRST_ALONE = _GCB % "Prepend"
_FIRST_OF_PAIR = "".join(_GCB % k for k in ("CR", "L", "V", "T", "LV", "LVT", "ZWJ", "Regional_Indicator"))
_FIRST_OF_PAIR += r"\p{InCB=Linker}\p{InCB=Extend}"
_SECOND_OF_PAIR = "".join(_GCB % k for k in ("LF", "L", "V", "T", "LV", "LVT", "Regional_Indicator"))
_SECOND_OF_PAIR += r"\p{InCB=Consonant}\p{Extended_Pictographic}"
_MAY_JOIN = regex.compile(f"(?s).[{_SECOND_ALONE}]|[{_FIRST_ALONE}].|[{_FIRST_OF_PAIR}][{_SECOND_OF_PAIR}]")


def _certain_boundary(text: str, pos: int) -> bool:
    """Is ``pos`` a cluster boundary of ``text`` by the two characters around it alone?"""
    return pos <= 0 or pos >= len(text) or _MAY_JOIN.match(text, pos - 1) is None


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` widened to whole grapheme clusters of ``text``."""
    if (
        start >= end
        or text[max(0, start - 1) : end + 1].isascii()
        and not (text[start - 1 : start + 1] == "\r\n" or text[end - 1 : end + 1] == "\r\n")
    ):
        return start, end  # ASCII: every code point is its own cluster, except CR LF
    if _certain_boundary(text, start) and _certain_boundary(text, end):
        return start, end  # both edges already between clusters: nothing to walk
    return _walk(text, start, end)


def _walk(text: str, start: int, end: int) -> tuple[int, int]:
    """``snap`` by walking the clusters from a safe start before ``start`` to ``end``."""
    lo = _safe_start(text, start)
    new_start = start
    for m in _CLUSTER.finditer(text, lo):
        cs, ce = m.span()
        if cs <= start < ce:
            new_start = cs
        if ce >= end:
            return new_start, ce
    return new_start, end
