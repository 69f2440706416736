"""The pattern detectors' searches over many windows at once, and the places the runs of digits give
(issue 11, speed): what each finds is what searching every window on its own, and the places as
first worked out run by run, found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction import detectors, scanning

_SAMPLES = [
    "QQ 12 34 56 C", "AB123456C", "LS9 2AB", "GB82 WEST 1234 5698 7654 32", "GWF012345678", "SAB 12C 456",
    "AB12 CDE", "A123 BCD", "ABC 123D", "XIZ 1234", "123 AB", "K 123 4567", "21/123456X", "NFRC12345678",
    "PC 1234", "collar number 77", "12/03/1990", "3rd of May 1990", "born in 1990", "Flat 4", "P.O. Box 12",
    "07700 900123", "+44 (0)20 7946 0958", "943 476 5919", "12-34-56", "12345678", "4111 1111 1111 1111",
    "AB1234/5678/21", "2018 999 07700 900123", "lived at 12 Mill Lane", "CAD4411/07JUN21", "Ref: ZU1234567",
    "1", "22", "ab", "/", "-", "é", "ſ", "\n",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_SAMPLES + [" ", " ", ", ", "a"]), max_size=16).map("".join)
_PATTERNS = sorted(
    {p for p in vars(detectors).values() if isinstance(p, re.Pattern) and p.flags & re.MULTILINE},
    key=lambda p: p.pattern,
)


def _windows(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Sorted windows apart from each other (as the detectors' windows are), cut from ``cuts``."""
    bounds = sorted({min(c, len(text)) for c in cuts})
    return [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False) if a < b]


def _starts_run_by_run(runs: scanning.Digits, pattern: re.Pattern[str]) -> list[int] | None:
    """``Digits.starts`` as first written: each run in turn, each offset in turn."""
    rule = scanning._AT.get(pattern)
    if rule is None:
        return None
    text, (run, offsets, between) = runs._text, rule
    out: list[int] = []
    after = 0
    for s, e in runs.runs:
        if e - s >= run:
            here = []
            for j in offsets:
                p = s - j
                if p < after or between is not None and j and text[p] not in between:
                    break
                here.append(p)
            out.extend(reversed(here))
        after = e
    return out


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_the_places_the_runs_of_digits_give_are_those_worked_out_run_by_run(text):
    runs = scanning.Digits(text)
    for pattern in scanning._AT:
        assert runs.starts(pattern) == _starts_run_by_run(scanning.Digits(text), pattern), pattern.pattern


def _searched_window_by_window(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> list:
    """Each window searched on its own as ``scanning.found`` first did: on from the last match's end,
    within the window, a match its start rule refuses tried again one character on."""
    out = []
    for ws, we in windows:
        pos = ws
        while pos <= we and (m := pattern.search(text, pos, we)) is not None:
            if not scanning.starts_ok(pattern, text, m.start()):
                pos = m.start() + 1
                continue
            out.append((m.span(), m.groups()))
            pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, cuts=st.lists(st.integers(0, 300), max_size=8))
def test_a_pattern_searched_in_many_windows_finds_what_each_window_searched_alone_finds(text, cuts):
    # One generator for all of a pattern's windows (scanning.found_in), by each of its three ways (the
    # places the runs of digits give, a search after an allowed character, a plain search), against
    # a plain search of each window on its own.
    windows = _windows(text, cuts) or [(0, len(text))]
    runs = scanning.Digits(text)
    for pattern in _PATTERNS:
        slow = _searched_window_by_window(pattern, text, windows)
        for at in (None, runs.starts(pattern)) if pattern in scanning._AT else (None,):
            got = [(m.span(), m.groups()) for m in scanning.found_in(pattern, text, windows, at)]
            assert got == slow, pattern.pattern


def test_a_window_between_two_others_is_searched_within_its_own_bounds():
    # (a match may not run past its window's end, nor one window's matches hide the next's)
    text = "call 07700 900123 or 07700 900456 now"
    first, second = text.index("07700"), text.rindex("07700")
    windows = [(first, first + 8), (second, len(text))]
    got = [m.group() for m in scanning.found_in(detectors._PHONE_CANDIDATE, text, windows)]
    assert got[-1] == "07700 900456"
    assert all(m.end() <= first + 8 for m in scanning.found_in(detectors._PHONE_CANDIDATE, text, windows[:1]))
