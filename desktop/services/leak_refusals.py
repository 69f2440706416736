"""The leak gate's refusal of a statement in the worker's terms: what kind of text is still there and
where, the paragraph and line of the statement (and the stretch of the review's text to select),
or which other printed part holds it. Used by the single export and by the bulk export's workers."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core import places
from desktop.core.fold import fold
from desktop.core.places import Place
from desktop.reports.export import StatementContent, leak_line, leak_section
from desktop.reports.leak_gate import LeakDetected
from desktop.services.errors import LeakRefused


def leak_refusal(
    content: StatementContent, items: Sequence[str], exc: LeakDetected, reviewed: str | None = None
) -> LeakRefused:
    """The gate's refusal in the worker's terms: the kind of text and the paragraph and line where it
    still stands in the statement (found again line by line with the gate's own matching)."""
    if exc.index is None or not 0 <= exc.index < len(items):
        return LeakRefused(str(exc), exc.kind)
    at = leak_line(content, items[exc.index])
    if at is None:
        section = leak_section(content, items[exc.index])
        if section is None:
            return LeakRefused(str(exc), exc.kind)
        return LeakRefused(
            f"Statement {content.reference} was not exported: {exc.kind} is still in {section} — "
            "redact it there too in the review, or keep it there with a reason. Nothing was written.",
            exc.kind,
        )
    start = end = None
    span = places.line_span(reviewed, *at) if reviewed is not None else None
    if span is not None:
        start, end = _find(reviewed, span, items[exc.index])
    place = Place(at[0], at[1], start, end)
    return LeakRefused(
        f"Statement {content.reference} was not exported: {exc.kind} is still in {place.words()} "
        "— redact it there too, or keep it there with a reason. Nothing was written.",
        exc.kind,
        place,
    )


def _find(text: str, span: tuple[int, int], item: str) -> tuple[int, int]:
    """The first occurrence of ``item`` (any case or accent) in ``text[span]``, else the whole stretch."""
    from desktop.redaction.fold import Folded

    line = Folded(text[span[0] : span[1]])
    at = line.folded.find(fold(str(item)))
    if at < 0 or not fold(str(item)):
        return span
    s, e = line.span(at, at + len(fold(str(item))))
    return span[0] + s, span[0] + e
