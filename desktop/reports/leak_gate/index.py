"""Which protected strings occur in a place at all, found in one pass per form for all of them.

A coordinator's vault holds tens of thousands of protected strings, and the summary is checked
against every one in some hundred places. Looking for each string on its own in each place
(:func:`.search.search` once did) took minutes; here three Aho-Corasick automata (ahocorasick-rs,
the Rust ``aho-corasick`` crate, over bytes), one for the plain forms, one for the byte forms and one
for the capital forms, list in one pass
over a place's forms every needle with a form in it. The exact
rules of :mod:`.search` (word boundaries, a capital first letter, the literals drawn there) then
judge those needles only, in the order they were given, so the gate answers as it always did.

The pass only has to be sure never to miss a needle the exact rules would find:

- a plain needle is looked for by its key, its accent-folded form without spaces or punctuation
  (what its form "with punctuation removed" is before any length rule), in the place's form
  "with punctuation removed" alone. Every rule requires a form of the needle to be a substring of
  the place's same form, and each step from one form to the next (case folding, the accent fold,
  whitespace collapsed, spaces and then punctuation taken out) keeps a substring a substring, so
  wherever a form of the needle is found its key is in the place's last form. (One pass over the
  shortest form, with one word per needle, where the place's five forms were passed over one after
  the other with up to five words per needle.)
- a :class:`~.normalise.CaseSensitive` form is matched in any case by the regular expression
  engine; here both sides are first mapped letter for letter to one representative of the
  letters that engine treats as the same in any case (:data:`CASE_KEY`), so a match by the
  engine is always a substring of the mapped place. Where that mapping cannot be made (a Python
  without the engine's own tables), every capital needle is judged by its own rules instead.
- a byte form is matched with its zero bytes taken out against the place's bytes in lower case
  with theirs taken out, which holds it wherever the bytes hold the form.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterable, Sequence

import ahocorasick_rs

from desktop.core.forgetting import kept_until_lock
from desktop.reports.leak_gate.normalise import (
    CAPITAL_LEVELS,
    PLAIN_LEVELS,
    CaseSensitive,
    Needle,
    _alnum,
    distinct,
    needles,
)


def _engine_case_tables():
    """The regular expression engine's own simple lower case and its extra equivalences (CPython 3.11+)."""
    try:
        from _sre import unicode_tolower  # type: ignore[import-not-found]
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
    except ImportError:
        return None
    return unicode_tolower, _EXTRA_CASES


class _CaseKey(dict):
    """``str.translate`` table: each character to the smallest of the characters the engine matches
    it with under IGNORECASE (its simple lower case and that one's extra equivalents). Filled as
    characters are met; one character always becomes one, so positions do not move."""

    def __init__(self, tolower, extra) -> None:
        super().__init__()
        self._tolower = tolower
        self._extra = extra

    def __missing__(self, cp: int) -> int:
        lower = self._tolower(cp)
        key = min((lower, *self._extra.get(lower, ())))
        self[cp] = key
        return key


_TABLES = _engine_case_tables()
CASE_KEY: dict[int, int] | None = _CaseKey(*_TABLES) if _TABLES is not None else None
# case_key lowers ASCII runs at once where the engine's representative of every ASCII character is
# its lower case ("k" and "s" have extra equivalents above ASCII, whose smallest is still "k", "s");
# with tables where that did not hold, it would translate every character through the table.
_ASCII_LOWERS = CASE_KEY is not None and all(CASE_KEY[c] == ord(chr(c).lower()) for c in range(128))


def case_key(text: str) -> str:
    """``text`` with each character as the engine's case-insensitive representative (see :data:`CASE_KEY`).

    Equal to ``text.translate(CASE_KEY)``, made without sending every character through the table:
    ``str.translate`` with a dict takes its quick path only up to the first character outside
    ASCII, so one curly quote or one word of another script near the start of a page sent every
    later character through it. Here the ASCII letters are lowered at once on the text's UTF-8
    bytes (``bytes.lower`` changes only A-Z, and an ASCII character's representative is its lower
    case: :data:`_ASCII_LOWERS`); then each distinct character outside ASCII that is not its own
    representative (a capital "É") is replaced by it, one ``str.replace`` each. That is the same
    text when every such representative is its own (nothing replaced is changed again); otherwise
    the text is translated as before (tests/security/test_gate_case_key.py)."""
    assert CASE_KEY is not None
    if not _ASCII_LOWERS:
        return text.translate(CASE_KEY)
    if text.isascii():
        return text.lower()
    key = CASE_KEY
    changed = [(cp, to) for cp in map(ord, set(text)) if cp > 127 and (to := key[cp]) != cp]
    if any(key[to] != to for _cp, to in changed):
        return text.translate(key)
    out = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    for cp, to in changed:
        out = out.replace(chr(cp), chr(to))
    return out


class _Automaton:
    """One Aho-Corasick automaton over bytes; each word stands for the needles (by position) that
    have it as a form (its slot: one list of positions). Text is searched as UTF-8 (lone surrogates
    kept, as ``surrogatepass`` writes them): UTF-8 is self-synchronising, so a word's bytes are in a
    text's bytes exactly where the word is in the text, and only which words occur is asked here."""

    def __init__(self, words: dict[bytes, tuple[list[int], ...]]) -> None:
        self._auto: ahocorasick_rs.BytesAhoCorasick | None = None
        self._slots = list(words.values())
        if words:
            self._auto = ahocorasick_rs.BytesAhoCorasick(list(words))

    @property
    def empty(self) -> bool:
        return self._auto is None

    def found(self, hay: bytes, into: set[int]) -> None:
        """Add to ``into`` the needles of every word in ``hay``, overlapping occurrences included."""
        if self._auto is None or not hay:
            return
        slots = self._slots
        for slot in {m[0] for m in self._auto.find_matches_as_indexes(hay, overlapping=True)}:
            into.update(slots[slot][0])


def _utf8(text: str) -> bytes:
    """Text as the automata read it (see :class:`_Automaton`)."""
    return text.encode("utf-8", "surrogatepass")


# Between the forms of a place searched in one pass. A word found across it, or a word of one form
# found in another form, only makes a needle a candidate: the exact rules judge each form on its own.
_SEPARATOR = "\x00"


def plain_key(accent_folded: str) -> str:
    """A plain needle's key: its accent-folded form (form 2) without spaces or punctuation, as the
    place's form 4 is made from its form 2."""
    return _alnum(accent_folded.replace(" ", ""))


def _unzeroed(b: bytes) -> bytes:
    """Bytes without their zero bytes: a UTF-16 form of an ASCII word becomes the word itself.
    A byte form in some bytes is still in them once the zero bytes of both are taken out."""
    return b.replace(b"\x00", b"")


_ANY_SHAPER = object()


class NeedleIndex:
    """The needles of one check, with one automaton for the plain forms, one for the byte forms and
    one for the capital forms, built once and used for every place. (The plain and byte forms once
    shared an automaton: a statement's places are scanned about twice as fast with each automaton
    holding only the words looked for in that kind of place, since the cost of a pass grows with
    the words an automaton holds.)"""

    def __init__(self, needles: Iterable[Needle]) -> None:
        self.needles: list[Needle] = list(needles)
        self._made: tuple[tuple[str, ...], object] | None = None  # (items, shaper), by for_items
        plain: dict[bytes, tuple[list[int]]] = {}
        binary: dict[bytes, tuple[list[int]]] = {}
        capital: dict[bytes, tuple[list[int]]] = {}
        plain_slot, binary_slot, capital_slot = plain.setdefault, binary.setdefault, capital.setdefault
        self._always: set[int] = set()  # capital needles when the engine's case tables are missing
        self._always_bytes: set[int] = set()  # byte forms made of zero bytes only
        for position, n in enumerate(self.needles):
            levels = n.levels
            if n.capital:
                if CASE_KEY is None:
                    self._always.add(position)
                else:
                    for i in CAPITAL_LEVELS:
                        if levels[i]:
                            capital_slot(_utf8(case_key(levels[i])), ([],))[0].append(position)
            else:
                key = plain_key(levels[2])
                if key:
                    plain_slot(_utf8(key), ([],))[0].append(position)
                else:  # all punctuation: judged in every place by its own rules
                    self._always.add(position)
            for word in {_unzeroed(b) for _i, b, _enc in n.encoded}:
                if word:
                    binary_slot(word, ([],))[0].append(position)
                else:
                    self._always_bytes.add(position)
        self._plain = _Automaton(plain)
        self._binary = _Automaton(binary)
        self._capital = _Automaton(capital)

    def made_for(self, items: Sequence[str], shaper: object = _ANY_SHAPER) -> bool:
        """True if this index was made by :meth:`for_items` from exactly ``items`` (the same strings
        of the same kinds, in the same order) and, unless ``shaper`` is left out, with ``shaper``.
        A check given an index made for anything else makes its own, so a kept index is never stale.
        (Left out: any shaper will do, since a shaper only adds forms to those every index has.)"""
        made = self._made
        if made is None or (shaper is not _ANY_SHAPER and made[1] is not shaper) or len(made[0]) != len(items):
            return False
        return all(type(a) is type(b) and a == b for a, b in zip(made[0], items, strict=True))

    @classmethod
    def of(cls, needles: Sequence[Needle] | NeedleIndex) -> NeedleIndex:
        return needles if isinstance(needles, NeedleIndex) else cls(needles)

    @classmethod
    def for_items(cls, items: list[str], shaper: Callable[[str], Iterable[str]] | None) -> NeedleIndex:
        """The index of every form of ``items`` (:func:`.normalise.needles`, each needle of an item
        once: :func:`.normalise.distinct`). A large set (a summary's tens of thousands of strings) is
        made once and used again while the same strings, of the same kinds, in the same order, are
        checked with the same shaper: the last such index is kept, under a digest of the set. Needles
        and automata are only read by a check, never changed."""
        if len(items) < _KEEP_FROM:
            index = cls(distinct(needles(items, shaper)))
            index._made = (tuple(items), shaper)
            return index
        digest = hashlib.sha256(
            json.dumps([[isinstance(s, CaseSensitive), s] for s in items], ensure_ascii=False).encode(
                "utf-8", "surrogatepass"
            )
        ).digest()
        with _kept_lock:
            kept = _kept.get("index")
            if kept is not None and kept[0] == digest and kept[1] is shaper:
                return kept[2]
        index = cls(distinct(needles(items, shaper)))
        index._made = (tuple(items), shaper)
        with _kept_lock:
            _kept["index"] = (digest, shaper, index)
        return index

    def in_text(self, forms, keyed) -> list[Needle]:
        """The needles with a form in a place's text, in the order given. ``forms(i)`` is the place's
        form ``i``; ``keyed(i)`` the same mapped by :func:`case_key`."""
        found = set(self._always)
        if not self._plain.empty:
            self._plain.found(_utf8(forms(PLAIN_LEVELS[-1])), found)  # every plain key, in the last form
        if not self._capital.empty:
            self._capital.found(_utf8(_SEPARATOR.join(dict.fromkeys(keyed(i) for i in CAPITAL_LEVELS))), found)
        return [self.needles[p] for p in sorted(found)]

    def in_bytes(self, low: bytes) -> list[Needle]:
        """The needles with a byte form in ``low`` (a place's bytes in lower case), in the order given."""
        found = set(self._always_bytes)
        self._binary.found(_unzeroed(low), found)
        return [self.needles[p] for p in sorted(found)]


# A set of protected strings this large is kept (:meth:`NeedleIndex.for_items`); a statement's few are not.
_KEEP_FROM = 1000
_kept: dict[str, tuple[bytes, object, NeedleIndex]] = {}
_kept_lock = threading.Lock()


@kept_until_lock
def forget_kept() -> None:
    """Drop the kept index (and the protected strings it holds), e.g. when the vault is locked."""
    with _kept_lock:
        _kept.clear()
