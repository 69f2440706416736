"""Looking for the protected strings in one place's text or bytes, with the literals drawn there.

Literals: the renderer declares each string it drew from the form or from a fixed list ("Page 2
of 5", "Greater Manchester Police", "Person A"), with its page, once per drawing. In the text of
that page a match that lies wholly inside one drawn occurrence of a literal is not a leak (a
surname "Page" in "Page 2 of 5"); any other match is, including one that runs into a literal.
Only as many occurrences are excused as were drawn, so a literal repeated in typed text leaves
one occurrence unexcused.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from desktop.reports.leak_gate.index import NeedleIndex, case_key
from desktop.reports.leak_gate.normalise import CAPITAL_LEVELS, FORM_NAMES, PLAIN_LEVELS, Levels, Needle, bounded
from desktop.reports.leak_gate.outcome import LeakDetected


@lru_cache(maxsize=4096)
def _literal_form(literal: str, level: int) -> tuple[str, re.Pattern[str] | None]:
    lv = Levels(literal)[level]
    return lv, (bounded(lv) if lv and level not in (3, 4) else None)


class Hay:
    """One place's text, normalised lazily to each level, with the literals drawn there."""

    def __init__(self, where: str, text: str, literals: Iterable[str] = ()) -> None:
        self.where = where
        self.text = text
        self.literals = Counter(literals)
        self._levels: Levels | None = None
        self._masks: dict[int, list[tuple[int, int]]] = {}
        self._keyed: dict[int, str] = {}

    @property
    def levels(self) -> Levels:
        if self._levels is None:
            self._levels = Levels(self.text)
        return self._levels

    def keyed(self, level: int) -> str:
        """Form ``level`` with each letter as the regular expression engine's any-case representative."""
        form = self._keyed.get(level)
        if form is None:
            form = self._keyed[level] = case_key(self.levels[level])
        return form

    def excused(self, level: int, start: int, end: int) -> bool:
        """True if [start, end) of ``level`` lies wholly inside one drawn occurrence of a literal."""
        if not self.literals:
            return False
        spans = self._masks.get(level)
        if spans is None:
            spans = self._masks[level] = self._literal_spans(level)
        return any(a <= start and end <= b for a, b in spans)

    def _literal_spans(self, level: int) -> list[tuple[int, int]]:
        """The drawn occurrences of the literals, longest literal first; an occurrence inside a
        longer one already taken (a placeholder in a drawn line) is not counted again."""
        hay = self.levels[level]
        out: list[tuple[int, int]] = []
        for literal, count in sorted(self.literals.items(), key=lambda lc: (-len(lc[0]), lc[0])):
            lv, pat = _literal_form(literal, level)
            if not lv:
                continue
            taken, pos = 0, 0
            while taken < count:  # no more occurrences than were drawn
                if pat is None:
                    s = hay.find(lv, pos)
                    if s < 0:
                        break
                    span = (s, s + len(lv))
                else:
                    m = pat.search(hay, pos)
                    if m is None:
                        break
                    span = m.span()
                pos = span[0] + 1
                if any(a <= span[0] and span[1] <= b for a, b in out):
                    continue
                out.append(span)
                taken += 1
                pos = span[1]
        return out


def search(needles: Sequence[Needle] | NeedleIndex, hay: Hay) -> None:
    """Raise :class:`LeakDetected` at the first form of a needle in ``hay`` that no literal excuses.

    "First" is in the order the needles were given, then by form: the needles with any form in the
    place are found in one pass (:class:`.index.NeedleIndex`; give one to check many places), and
    only those are judged by their exact rules here."""
    if not hay.text:
        return
    levels = hay.levels
    for n in NeedleIndex.of(needles).in_text(levels.__getitem__, hay.keyed):
        for i in (CAPITAL_LEVELS if n.capital else PLAIN_LEVELS):
            lv = n.levels[i]
            if not lv or (not n.capital and lv not in levels[i]):
                continue
            for start, end in n.matches(i, levels[i]):
                if not hay.excused(i, start, end):
                    raise LeakDetected(n.index, FORM_NAMES[i], hay.where, n.kind)


def search_bytes(needles: Sequence[Needle] | NeedleIndex, where: str, data: bytes) -> None:
    """Raise :class:`LeakDetected` at the first byte form of a needle in ``data``."""
    low = data.lower()
    for n in NeedleIndex.of(needles).in_bytes(low):
        i = n.in_bytes(data, low)
        if i is not None:
            raise LeakDetected(n.index, FORM_NAMES[i], where, n.kind)
