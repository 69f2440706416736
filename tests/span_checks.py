"""How the redaction tests ask about spans: is a piece of a text wholly covered, or left untouched?"""

from __future__ import annotations

import re

from desktop.redaction import Span


def _start(text: str, piece: str, nth: int) -> int:
    """Where the ``nth`` occurrence of ``piece`` begins (0 is the first)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start


def covered(text: str, spans: list[Span], piece: str, nth: int = 0, *, kind: str | None = None) -> bool:
    """Is every non-space character of the ``nth`` occurrence of ``piece`` inside some span (of type
    ``kind``, if given)?"""
    start = _start(text, piece, nth)
    inside = [s for s in spans if kind is None or s.type == kind]
    return all(text[i].isspace() or any(s.start <= i < s.end for s in inside) for i in range(start, start + len(piece)))


def untouched(text: str, spans: list[Span], piece: str, nth: int = 0) -> bool:
    """Does no span touch the ``nth`` occurrence of ``piece``?"""
    start = _start(text, piece, nth)
    return not any(s.start < start + len(piece) and start < s.end for s in spans)


_MARK = re.compile(r"\[\[(.*?)\]\]|\{\{(.*?)\}\}")


def marked_problems(marked: str) -> list[str]:
    """What is wrong with ``detect()`` on a statement written with marks: a ``[[name]]`` any letter
    of which is left, a ``{{fact}}`` any span touches (the marks are taken out before detecting)."""
    from desktop.redaction import detect

    text, names, facts, pos = "", [], [], 0
    for m in _MARK.finditer(marked):
        text += marked[pos : m.start()]
        piece = m.group(1) if m.group(1) is not None else m.group(2)
        (names if m.group(1) is not None else facts).append((len(text), len(text) + len(piece)))
        text += piece
        pos = m.end()
    text += marked[pos:]
    spans = detect(text)
    problems = []
    for s, e in names:
        if not all(text[i].isspace() or any(sp.start <= i < sp.end for sp in spans) for i in range(s, e)):
            problems.append(f"name left: {text[s:e]!r}")
    for s, e in facts:
        if any(sp.start < e and s < sp.end for sp in spans):
            problems.append(f"fact damaged: {text[s:e]!r}")
    return problems
