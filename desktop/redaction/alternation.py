"""What ``re.finditer`` of one alternation finds, from one pattern per alternative compiled once.

A statement's own alternation (of the allow-listed phrases it holds, of the cue words it holds)
would be compiled for that statement alone: compiling costs more than searching, and pushes other
patterns out of ``re``'s cache. Instead each alternative is compiled once per session and the
alternation's rule is kept: leftmost match first; at one place the first alternative in the
alternation's order that matches there; matches do not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation_matches(text: str, alternatives: Iterable[tuple[int, re.Pattern[str]]]) -> list[re.Match[str]]:
    """The matches of ``(?:a|b|...)`` on ``text`` by ``finditer``, given ``(rank, pattern)`` per
    alternative: at one place the highest rank wins (an alternation ordered by descending rank, as
    ``sorted(..., key=len, reverse=True)``; alternatives of equal rank must never match at one
    place). No alternative may match the empty string."""
    best: dict[int, tuple[int, re.Match[str]]] = {}
    for rank, rx in alternatives:
        m = rx.search(text)
        while m:
            s = m.start()
            cur = best.get(s)
            if cur is None or rank > cur[0]:
                best[s] = (rank, m)
            m = rx.search(text, s + 1)
    out: list[re.Match[str]] = []
    last = 0
    for s in sorted(best):
        if s >= last:
            m = best[s][1]
            out.append(m)
            last = m.end()
    return out
