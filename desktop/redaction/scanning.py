"""How the pattern detectors are run over a statement: compiled for speed, searched only in the
stretches worth searching, and skipped where a word every match holds is absent.

* A leading "\\b" or one-character look-behind stops the regex engine from skipping quickly to the
  characters a match can start with; such patterns are compiled without it and the condition is
  checked on each match instead (``starts_ok``).
* ``windows``: merged stretches around every match of an anchor (a digit, an "@"), the only places
  a pattern gated by it is searched.
* ``needs``: words every match of a pattern holds, in any case ("flat", "born"); a window without
  any of them is not searched. The check is exact for ``re.IGNORECASE``: it looks in ``ic_lower``,
  where every character that matches an ASCII letter without regard to case is that letter.
* ``Digits``: a statement's runs of digits, found in one pass, give the windows around them and
  how many digits each window holds, without searching the text again.
* ``at``: where a match can start, told by the runs of digits (``Digits.starts``): the first digit
  of every match starts a run, a fixed number of characters (or a stretch of letters) after the
  match's start. Such a pattern is tried only there, once per run, not searched for in its windows.
* ``needs_first``, ``first_signs``: every match starts with one of a few words (its ``needs``, case
  aside) or characters (as written): such a pattern is tried only where one starts in a window.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from desktop.core.forgetting import kept_until_lock

_LEAD = re.compile(r"^(?:\\b|\(\?<!(\[[^\]]*\]|\\[dw])\))")
_BEFORE_NOT: dict[re.Pattern[str], re.Pattern[str] | None] = {}
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {}
# The pattern behind one character its start rule allows before it ("\W", "[^\w+]"): a search for
# it skips quickly to such characters, where the bare pattern (starting with an alternation, a
# look-ahead or a letter under IGNORECASE) would be tried at every character.
_AFTER: dict[re.Pattern[str], re.Pattern[str]] = {}

# The characters other than ASCII letters that match one under re.IGNORECASE ("İ", dotless "ı",
# long "ſ", the Kelvin sign), and the letter (a test checks every code point).
IC_ASCII = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def compile_detector(pattern: str, flags: int = 0, needs: tuple[str, ...] = ()) -> re.Pattern[str]:
    """``pattern`` compiled with ``re.MULTILINE``, its leading boundary checked by ``starts_ok``;
    ``needs``: lower-case ASCII words one of which every match holds (case aside)."""
    m = _LEAD.match(pattern)
    if not m:
        compiled = re.compile(pattern, flags | re.MULTILINE)
    else:
        bare = pattern[m.end() :]
        compiled = re.compile(bare, flags | re.MULTILINE)
        before = m.group(1)
        _BEFORE_NOT[compiled] = re.compile(before) if before else None
        if before:
            after = "\\D" if before == "\\d" else "\\W" if before == "\\w" else "[^" + before[1:]
            _AFTER[compiled] = re.compile(after + "(?:" + bare + ")", flags | re.MULTILINE)
    if needs:
        _NEEDS[compiled] = needs
    return compiled


# Patterns every match of which starts with one of a few words: the words, and whether they are
# looked for in ``ic_lower``'s text (case aside) or as written. Such a pattern is tried only where
# one of them starts in a window (``needs_first``, ``first_signs``).
_FIRSTS: dict[re.Pattern[str], tuple[tuple[str, ...], bool]] = {}
_NEEDS_FIRST: set[re.Pattern[str]] = set()


def needs_first(*patterns: re.Pattern[str]) -> None:
    """Every match of each of these patterns starts with one of its ``needs`` words, in any case (a
    test checks each): where one of them starts in ``ic_lower``'s text is the only place a match can
    start, and there the pattern is tried, instead of a search of the window that tries an
    alternation case-insensitively after every character its start rule allows."""
    for p in patterns:
        assert p in _NEEDS, p.pattern
        _NEEDS_FIRST.add(p)
        _FIRSTS[p] = (_NEEDS[p], True)


def first_signs(pattern: re.Pattern[str], signs: Iterable[str]) -> None:
    """Every match of ``pattern`` starts with one of ``signs`` (characters or words), as written (a
    test checks each: "W", "R" or "S" for a share code, whose search tries two look-aheads at every
    character its start rule allows)."""
    _FIRSTS[pattern] = (tuple(signs), False)


def _firsts_at(text: str, words: tuple[str, ...], ws: int, we: int) -> list[int]:
    """Where a word of ``words`` starts in ``text[ws:we]`` (whole inside it), sorted."""
    out = []
    for w in words:
        i = text.find(w, ws, we)
        while i >= 0:
            out.append(i)
            i = text.find(w, i + 1, we)
    out.sort()
    return out


def word_start(*patterns: re.Pattern[str]) -> None:
    """These patterns had a leading "\\b" and every match of theirs starts with a letter, a digit or
    "_" (a test checks each): a match can start only after a character that is none of these."""
    for p in patterns:
        assert p in _BEFORE_NOT and _BEFORE_NOT[p] is None, p.pattern
        _AFTER[p] = re.compile("\\W(?:" + p.pattern + ")", p.flags)


def starts_ok(pattern: re.Pattern[str], text: str, s: int) -> bool:
    if pattern not in _BEFORE_NOT or s == 0:
        return True
    before = _BEFORE_NOT[pattern]
    prev = text[s - 1]
    if before is None:  # "\b" before a word character
        return not (prev.isalnum() or prev == "_") or not (text[s].isalnum() or text[s] == "_")
    return not before.match(prev)


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping a character whose lower case is longer ("İ") as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@lru_cache(maxsize=4)
def ic_lower(text: str) -> str:
    """``text`` lower-cased offset for offset, every character that matches an ASCII letter under
    re.IGNORECASE written as that letter."""
    low = lower_same_length(text)
    if low.isascii() or not any(chr(c) in low for c in IC_ASCII):  # (translate is slow: most texts need none)
        return low
    return low.translate(IC_ASCII)


def windows(text: str, anchor: re.Pattern[str], margin: int = 60) -> list[tuple[int, int]]:
    """Merged stretches of ``text`` around every match of ``anchor``: the only places worth searching."""
    out: list[list[int]] = []
    n = len(text)
    for m in anchor.finditer(text):
        s, e = max(0, m.start() - margin), min(n, m.end() + margin)
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(a, b) for a, b in out]


def windows_around(spans: Iterable[tuple[int, int]], n: int, margin: int = 60) -> list[tuple[int, int]]:
    """``windows`` from the spans of the anchor's matches (sorted by start) in a text ``n`` long: for
    an anchor found more quickly some other way than by its own ``finditer``."""
    out: list[list[int]] = []
    for ms, me in spans:
        s, e = max(0, ms - margin), min(n, me + margin)
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(a, b) for a, b in out]


# Where a match of a pattern told by the runs of digits can start: (the shortest run its first digit
# starts, the offsets from the match's start to that digit, and the characters all between them must be,
# or None for any). Registered by ``at_digits``; a test compares each with searching its windows.
_AT: dict[re.Pattern[str], tuple[int, tuple[int, ...], frozenset[str] | None]] = {}
_DIGIT_RUNS = re.compile(r"\d+")
# On ASCII text, where "\d" is 0-9 only: every digit made "0" and every other byte a space in one
# ``translate``, then each run is where a "0" is found and the next space after it (two ``find``s a
# run). A regex tries its set at every character of the statement (a few thousand), for a few dozen
# runs: about a fifth of the time.
_DIGITS_MADE_ZERO = bytes(0x30 if 0x30 <= c <= 0x39 else 0x20 for c in range(256))


def ascii_digit_runs(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in re.finditer(r"[0-9]+", text)]`` for ASCII ``text``."""
    marks = text.encode("ascii").translate(_DIGITS_MADE_ZERO)
    out = []
    find = marks.find
    i = find(b"0")
    while i >= 0:
        e = find(b" ", i)
        if e < 0:
            out.append((i, len(marks)))
            break
        out.append((i, e))
        i = find(b"0", e)
    return out


def at_digits(pattern: re.Pattern[str], run: int, offsets: tuple[int, ...], between: str | None = None) -> None:
    """The first digit of every match of ``pattern`` starts a run of at least ``run`` digits, ``j``
    characters after the match's start for a ``j`` in ``offsets``, with only ``between`` (if given)
    in front of it."""
    _AT[pattern] = (run, tuple(sorted(offsets)), frozenset(between) if between is not None else None)


class Digits:
    """One statement's runs of digits, found once: the windows around them (``windows``), how many
    digits a window holds (``counted``), and where a pattern told by them can start (``starts``)."""

    def __init__(self, text: str) -> None:
        self._text = text
        if text.isascii():
            self.runs = ascii_digit_runs(text)
        else:
            self.runs = [m.span() for m in _DIGIT_RUNS.finditer(text)]
        self._starts: dict[tuple, list[int]] = {}
        self._after: list[int] | None = None  # where each run's previous run ends (0 for the first)

    def windows(self, margin: int = 60) -> list[tuple[int, int]]:
        """``windows(text, re.compile(r"\\d+"), margin)``: runs closer than two margins share one."""
        out: list[list[int]] = []
        n = len(self._text)
        for s, e in self.runs:
            if out and s - margin <= out[-1][1]:
                out[-1][1] = min(n, e + margin)
            else:
                out.append([max(0, s - margin), min(n, e + margin)])
        return [(a, b) for a, b in out]

    def counted(self, windows: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
        """``with_digits(text, windows)`` (windows sorted and apart): a run counts as far as it is inside."""
        out = []
        runs = self.runs
        i = 0
        for ws, we in windows:
            while i < len(runs) and runs[i][1] <= ws:
                i += 1
            total = longest = 0
            k = i
            while k < len(runs) and runs[k][0] < we:
                d = min(runs[k][1], we) - max(runs[k][0], ws)
                total += d
                longest = max(longest, d)
                k += 1
            out.append((ws, we, total, longest))
        return out

    def starts(self, pattern: re.Pattern[str]) -> list[int] | None:
        """Every place a match of ``pattern`` can start (sorted), or None if the runs of digits do not tell."""
        rule = _AT.get(pattern)
        if rule is None:
            return None
        got = self._starts.get(rule)
        if got is not None:
            return got
        text, (run, offsets, between) = self._text, rule
        if between is None:
            # the loop below without its checks of the characters between: every offset whose place
            # is after the run before, nearest the run last (one comprehension, not a loop a run)
            if self._after is None:
                self._after = [0, *(e for _, e in self.runs)][: len(self.runs)]
            back = offsets[::-1]
            runs = zip(self.runs, self._after, strict=True)
            out = [s - j for (s, e), a in runs if e - s >= run for j in back if s - j >= a]
            self._starts[rule] = out
            return out
        out = []
        after = 0  # a match's first digit starts the run: it starts after the run before
        for s, e in self.runs:
            if e - s >= run:
                here = []
                for j in offsets:
                    p = s - j
                    if p < after or between is not None and j and text[p] not in between:
                        break  # (every character from p to s must be one of them: further back, none is)
                    here.append(p)
                out.extend(reversed(here))
            after = e
        self._starts[rule] = out
        return out


def iter_hits(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]] | None = None, group: int = 0,
              at: list[int] | None = None) -> Iterator[tuple[int, int, str]]:  # fmt: skip
    spans = windows if windows is not None else [(0, len(text))]
    seen: set[tuple[int, int]] = set()
    for m in found_in(pattern, text, spans, at):
        s, e = m.span(group)
        if s >= 0 and e > s and (s, e) not in seen:
            seen.add((s, e))
            yield s, e, m.group(group)


def matches(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]], at: list[int] | None = None
            ) -> Iterator[re.Match[str]]:  # fmt: skip
    seen: set[tuple[int, int]] = set()
    for m in found_in(pattern, text, windows, at):
        if m.span() not in seen:
            seen.add(m.span())
            yield m


def found(pattern: re.Pattern[str], text: str, ws: int, we: int, at: list[int] | None = None
          ) -> Iterator[re.Match[str]]:  # fmt: skip
    """``finditer`` with the start rule applied as it goes: a refused match is tried again one character
    on, so it cannot hide an identifier starting inside it ("2018 999 07700 900123"). ``at``: every
    place a match can start (``Digits.starts``), the only ones tried."""
    return found_in(pattern, text, ((ws, we),), at)


def found_in(pattern: re.Pattern[str], text: str, windows: Sequence[tuple[int, int]], at: list[int] | None = None
             ) -> Iterator[re.Match[str]]:  # fmt: skip
    """``found`` in each window in turn (a statement has a few dozen windows and two dozen patterns
    to search in them: one generator for all of a pattern's windows, not two for each window; none
    for a pattern with no window, as most have in a short statement).

    Four ways, the same matches: for a pattern of ``_FIRSTS``, only the places where one of its first
    words starts are tried; with ``at``, only the places in it; with an ``_AFTER`` search, the next
    match is either at ``pos`` or after a character its start rule allows; otherwise the pattern is
    searched for from ``pos``."""
    return _found_in(pattern, text, windows, at) if windows else iter(())


def _found_in(pattern: re.Pattern[str], text: str, windows: Sequence[tuple[int, int]], at: list[int] | None
              ) -> Iterator[re.Match[str]]:  # fmt: skip
    needs = _NEEDS.get(pattern)
    hint = ic_lower(text) if needs else ""
    after = _AFTER.get(pattern)
    first = _FIRSTS.get(pattern) if at is None else None
    first_words: tuple[str, ...] = ()
    first_in = text
    if first is not None:
        first_words = first[0]
        first_in = ic_lower(text) if first[1] else text
    for ws, we in windows:
        if needs and not any(hint.find(w, ws, we) >= 0 for w in needs):
            continue
        pos = ws
        if first is not None:
            # As with ``at`` below, the places a match can start being where one of its first words does
            for p in _firsts_at(first_in, first_words, ws, we):
                if p < pos:
                    continue
                m = pattern.match(text, p, we)
                if m is None or not starts_ok(pattern, text, p):
                    continue
                yield m
                pos = m.end() if m.end() > p else p + 1
        elif at is not None:
            # As the search would, the first place from ``pos`` on where the pattern
            # matches and its start rule holds gives the match, and the next is looked for from its end
            for i in range(bisect.bisect_left(at, ws), len(at)):
                p = at[i]
                if p >= we:
                    break
                if p < pos:
                    continue
                m = pattern.match(text, p, we)
                if m is None or not starts_ok(pattern, text, p):
                    continue
                yield m
                pos = m.end() if m.end() > p else p + 1
        elif after is not None:
            # A match is allowed only where the character before it passes the start
            # rule (or at the start of the text), so the next one is either at ``pos`` itself or found
            # by searching for such a character and the pattern after it (then matched again at its
            # own start, for its own groups)
            while pos <= we:
                m = pattern.match(text, pos, we) if pos < we and starts_ok(pattern, text, pos) else None
                if m is None:
                    a = after.search(text, pos, we)
                    if a is None:
                        break
                    m = pattern.match(text, a.start() + 1, we)
                    if m is None:  # (cannot be: the same pattern matched there, in the same text and bounds)
                        pos = a.start() + 1
                        continue
                yield m
                pos = m.end() if m.end() > m.start() else m.start() + 1
        else:
            while pos <= we:
                m = pattern.search(text, pos, we)
                if m is None:
                    break
                if not starts_ok(pattern, text, m.start()):
                    pos = m.start() + 1
                    continue
                yield m
                pos = m.end() if m.end() > m.start() else m.start() + 1


_DIGIT_RUN = re.compile(r"\d+")


def with_digits(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Each window with how many digits it holds and its longest run of them."""
    out = []
    for ws, we in windows:
        runs = [len(r) for r in _DIGIT_RUN.findall(text, ws, we)]
        out.append((ws, we, sum(runs), max(runs, default=0)))
    return out


def holding(windows: list[tuple[int, int, int, int]], digits: int, run: int = 1) -> list[tuple[int, int]]:
    """The windows with at least ``digits`` digits, ``run`` of them in a row: a pattern every match of
    which holds that many is searched only there (a match lies inside the window it is found in)."""
    return [(ws, we) for ws, we, d, r in windows if d >= digits and r >= run]


def first_letters(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The letters each alternative of a context pattern ``(?:a|b...)...`` starts with for certain
    (up to its first other sign; "passports?" -> "passport", "h\\s?&" -> "h"); "" if not known."""
    src = pattern.pattern
    if not src.startswith("(?:"):
        return ("",)
    out, depth, i = [], 0, 3
    while i < len(src):
        c = src[i]
        if depth == 0 and (i == 3 or src[i - 1] == "|"):
            run = re.match(r"[a-z0-9]*", src[i:]).group()
            if src[i + len(run) : i + len(run) + 1] in ("?", "*", "{"):
                run = run[:-1]  # the last letter is optional
            out.append(run)
        if c == "\\":
            i += 2
            continue
        depth += c == "("
        if c == ")":
            if depth == 0:
                return tuple(out)
            depth -= 1
        i += 1
    return ("",)


# The last statements' texts, lower-cased (``ic_lower``): emptied when the vault locks.
kept_until_lock(ic_lower.cache_clear)
