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


def words_ending_at(toks: list, i: int, text: str, most: int) -> list:
    """The capitalised words one space apart that end at ``toks[i]``, at most ``most`` of them."""
    run = [toks[i]]
    k = i
    while k > 0 and len(run) < most and text[toks[k - 1].end : toks[k].start] == " ":
        k -= 1
        run.insert(0, toks[k])
    return run


def words_starting_at(toks: list, i: int, text: str, most: int) -> list:
    """The capitalised words one space apart that start at ``toks[i]``, at most ``most`` of them."""
    run = [toks[i]]
    k = i
    while k + 1 < len(toks) and len(run) < most and text[toks[k].end : toks[k + 1].start] == " ":
        k += 1
        run.append(toks[k])
    return run
