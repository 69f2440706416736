"""Places in a statement as the worker knows them: paragraph and line, counted from 1.

A paragraph is a block of text between blank lines (as the statement PDF draws it); a line is a
line typed in it. Blank blocks and blank lines are not counted. Offsets are code points of the
text, so the review can select the place and the services can name it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BLOCK = re.compile(r"\n[ \t\r]*\n")


@dataclass(frozen=True)
class Place:
    """Paragraph ``paragraph``, line ``line`` (both from 1); ``start``/``end`` the stretch of the
    reviewed text to show there (None: the place is known only by its paragraph and line)."""

    paragraph: int
    line: int
    start: int | None = None
    end: int | None = None

    def words(self) -> str:
        return f"paragraph {self.paragraph}, line {self.line}"


def lines(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(paragraph, line, start, end) for every non-blank line of ``text``, in order."""
    paragraph = 0
    pos = 0
    for m in [*_BLOCK.finditer(text), None]:
        block_end = m.start() if m is not None else len(text)
        block = text[pos:block_end]
        if block.strip():
            paragraph += 1
            n = 0
            offset = pos
            for raw in block.split("\n"):
                if raw.strip():
                    n += 1
                    lead = len(raw) - len(raw.lstrip())
                    yield paragraph, n, offset + lead, offset + len(raw.rstrip())
                offset += len(raw) + 1
        if m is not None:
            pos = m.end()


def line_span(text: str, paragraph: int, line: int) -> tuple[int, int] | None:
    """Where paragraph ``paragraph``, line ``line`` of ``text`` is, or None if it has no such line."""
    return next(((s, e) for p, n, s, e in lines(text) if (p, n) == (paragraph, line)), None)
