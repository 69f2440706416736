"""The words of a statement around a position, as the likely-name rules look at them.

``words_before``: the lower-cased words and marks in the 60 characters before a position; a cue
("my husband", "known as") or a word about people ("met", "with") before a capitalised word is
read from them.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon

_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD_OR_MARK = re.compile(r"[\w'’\-]+|[^\w\s]")
_NAME_CUE_SET = frozenset(c.lower() for c in lexicon.NAME_CUES)
_MODIFIERS = frozenset("late ex former older younger little big elder best new old".split())
_PEOPLE_WORDS = frozenset(
    "with and told asked met saw called gave tell ask meet visit visited married marry than &".split()
)


def _words_before(text: str, pos: int) -> list[str]:
    return _WORD_OR_MARK.findall(text[max(0, pos - 60) : pos].lower())


class WordsBefore:
    """``_words_before`` of one statement, each position worked out once: a capitalised word is
    looked at by several rules (a cue before it, a word about people before it, a title before it)."""

    __slots__ = ("_text", "_memo")

    def __init__(self, text: str) -> None:
        self._text = text
        self._memo: dict[int, list[str]] = {}

    def __call__(self, pos: int) -> list[str]:
        """The words before ``pos`` (the same list each time: read it, never change it)."""
        w = self._memo.get(pos)
        if w is None:
            w = self._memo[pos] = _words_before(self._text, pos)
        return w


def _cue_before(text: str, pos: int) -> bool:
    """Is ``pos`` just after a relation ("my husband", "her friend, called") or a naming cue ("known as")?"""
    return cue_in(_words_before(text, pos))


def cue_in(w: list[str]) -> bool:
    """Do the words before a position (``_words_before``) end with a relation or a naming cue?"""
    if w and w[-1] == ":":
        w = w[:-1]
    for n in (3, 2, 1):
        cue = " ".join(w[-n:]).replace(" ' s", "'s")
        if len(w) >= n and cue in _NAME_CUE_SET:  # (but "a new policy, known as ..." names the policy)
            return cue not in _NAMING or not _a_thing_before(w[:-n])
    # Optional tail: "called"/"named" (after "who is"/"whose name is"), "is", "was", "name is".
    if w and w[-1] in ("called", "named"):
        w = w[:-1]
        if w[-2:] == ["who", "is"]:
            w = w[:-2]
        elif w[-3:] == ["whose", "name", "is"]:
            w = w[:-3]
    elif w[-2:] in (["name", "is"], ["name", "was"]):
        w = w[:-2]
    elif w and w[-1] in ("is", "was"):
        w = w[:-1]
    if w and w[-1] == ",":
        w = w[:-1]
    if not w:
        return False
    rel = w[-1]
    for suffix in ("'s", "’s"):
        rel = rel.removesuffix(suffix)
    if rel not in lexicon.RELATIONS:
        return False
    if len(w) >= 2 and w[-2] in _MODIFIERS:
        w = w[:-1]
    return len(w) >= 2 and w[-2] in lexicon.POSSESSIVES


# Things a naming cue may name ("a policy known as", "a scheme called"): what follows is no person.
_THINGS = frozenset(
    """policy policies programme programmes program programs scheme schemes law laws act bill rule rules
system operation initiative project campaign plan process procedure visa permit route app platform website
ship vessel boat""".split()
)


_NAMING = frozenset(("known as", "called", "named"))  # not "paid by", "signed by": "a visa paid by Hope"


def _a_thing_before(w: list[str]) -> bool:
    if w and w[-1] == ",":
        w = w[:-1]
    return bool(w) and w[-1] in _THINGS


_GAP = r"[ \t\u00a0]"
_THING_NAMED = re.compile(
    r"\b([a-z]+)" + _GAP + r"*,?" + _GAP + r"+(?:(?:also" + _GAP + r"+)?known" + _GAP + r"+as|called|named)"
    + _GAP + r"*[‘'\"“]?\Z"
)  # fmt: skip


def a_thing_named(text: str, pos: int) -> bool:
    """Does a thing's noun and a naming cue stand just before ``pos`` ("a policy, known as")?"""
    m = _THING_NAMED.search(text[max(0, pos - 50) : pos].lower())
    return bool(m) and m.group(1) in _THINGS


def _people_word_before(text: str, pos: int) -> bool:
    return people_word_in(_words_before(text, pos))


def people_word_in(w: list[str]) -> bool:
    """Is the last of the words before a position one after which a capitalised word is someone ("met")?"""
    return bool(w) and w[-1] in _PEOPLE_WORDS


def _nearest_letter(text: str, i: int, step: int, limit: int = 40) -> str:
    """The first letter from ``i`` going in direction ``step`` (within ``limit`` characters), or ""."""
    for _ in range(limit):
        if not 0 <= i < len(text):
            return ""
        if text[i].isalpha():
            return text[i]
        i += step
    return ""


_SPACE_CHARS = " \t\u00a0"


def word_before_space(text: str, pos: int) -> str:
    """The characters of the last word before ``pos`` (lower case, from up to 16 characters back)
    when spaces stand between them and ``pos``, with perhaps a line break last; else "". A rule
    ``re.search(r"...word[ \t\u00a0]+$", text, a, pos)`` (``$`` also matches before a last line
    break) can only succeed where this ends with its word: a quick look before the rule's own."""
    k = pos
    if text[k - 1 : k] == "\n":
        k -= 1
    if k <= 0 or text[k - 1] not in _SPACE_CHARS:
        return ""
    k -= 1
    while k > 0 and text[k - 1] in _SPACE_CHARS:
        k -= 1
    return text[max(0, k - 16) : k].lower()


def ends_after_words(text: str, words: tuple[str, ...]) -> frozenset[int]:
    """Where each of ``words`` (as written, anywhere in ``text``), perhaps a comma, and spaces end,
    and one past a line break after them: the only word starts ``pos`` where a rule
    ``re.search(r"\\b(?:word|...),?[ \\t\\u00a0]+$", text, a, pos)`` can succeed, found with ``str.find``
    once per statement (for words rare in statements; the rule still decides)."""
    ends: set[int] = set()
    n = len(text)
    for w in words:
        i = text.find(w)
        while i >= 0:
            e = i + len(w)
            if text.startswith(",", e):
                e += 1
            k = e
            while k < n and text[k] in _SPACE_CHARS:
                k += 1
            if k > e:
                ends.add(k)
                if text.startswith("\n", k):
                    ends.add(k + 1)
            i = text.find(w, i + 1)
    return frozenset(ends)
