"""How the redaction tests ask about spans: is a piece of a text wholly covered, or left untouched?"""

from __future__ import annotations

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
