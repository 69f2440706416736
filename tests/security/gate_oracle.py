"""The leak gate's search as it was before it looked for every protected string in one pass: each
needle on its own, in each place and at each form. Kept as the oracle the one-pass search
(``desktop.reports.leak_gate.search``) is compared with (tests/security/test_leak_gate_scale.py);
the product never imports it. Its rules are the needles' own (``Needle.matches``, the excused
literals of ``Hay``), only the order of work differs."""

from __future__ import annotations

from desktop.reports.leak_gate.normalise import CAPITAL_LEVELS, FORM_NAMES, PLAIN_LEVELS, Needle
from desktop.reports.leak_gate.outcome import LeakDetected
from desktop.reports.leak_gate.search import Hay


def search_each(needles: list[Needle], hay: Hay) -> None:
    """Raise :class:`LeakDetected` at the first form of a needle in ``hay`` that no literal excuses."""
    if not hay.text:
        return
    levels = hay.levels
    for n in needles:
        for i in (CAPITAL_LEVELS if n.capital else PLAIN_LEVELS):
            lv = n.levels[i]
            if not lv or (not n.capital and lv not in levels[i]):
                continue
            for start, end in n.matches(i, levels[i]):
                if not hay.excused(i, start, end):
                    raise LeakDetected(n.index, FORM_NAMES[i], hay.where, n.kind)


def search_bytes_each(needles: list[Needle], where: str, data: bytes) -> None:
    """Raise :class:`LeakDetected` at the first byte form of a needle in ``data``."""
    low = data.lower()
    for n in needles:
        for i, b, enc in n.encoded:
            if b in low and ((pat := n.byte_pattern(i, enc)) is None or pat.search(data)):
                raise LeakDetected(n.index, FORM_NAMES[i], where, n.kind)


def outcome(fn, *args) -> tuple | None:
    """What a search answered: None, or the refusal's (index, form, where, kind)."""
    try:
        fn(*args)
    except LeakDetected as exc:
        return exc.index, exc.form, exc.where, exc.kind
    return None
