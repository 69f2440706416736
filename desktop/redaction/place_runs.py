"""Runs of words the likely-name pass marked as a place's or a body's, joined by a gap the caller
chooses (``body_names`` lets "and", "&" and "of" join them; ``published_places`` only spaces)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

Gap = Callable[[str, int, int], object]  # (text, end of one word, start of the next) -> truthy if joined


def place_runs(toks: list, text: str, joined: Gap) -> Iterator[tuple[int, int]]:
    """Yield (first, last) indices of each run of ``toks`` (``names._Tok``) marked ``place``, its
    neighbours joined by ``joined``. The caller may change the flags of a run's words before the next
    run is looked for: the walk goes on after the run's last word."""
    n = len(toks)
    i = 0
    while i < n:
        if not toks[i].place:
            i += 1
            continue
        j = i
        while j + 1 < n and toks[j + 1].place and joined(text, toks[j].end, toks[j + 1].start):
            j += 1
        yield i, j
        i = j + 1
