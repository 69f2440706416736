"""Quotations: passages of a statement a reviewer marked as quotable, and the themes they illustrate.

Plain data, no Qt, no storage. ``start`` and ``end`` are code-point offsets into the text the
review shows (:func:`desktop.services.statements.statement_text`), as the redaction decisions
count them; ``passage`` is that stretch as it was marked, so the quotation is found again when the
text before it changes, and dropped (never guessed) when the passage itself was changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Theme(StrEnum):
    REPORTING_DETERRED = "reporting_deterred"
    STATUS_THREAT = "status_threat"
    ACTION_AFTER_REPORTING = "action_after_reporting"


THEME_LABELS: dict[Theme, str] = {
    Theme.REPORTING_DETERRED: "Reporting deterred",
    Theme.STATUS_THREAT: "Immigration status used as a threat",
    Theme.ACTION_AFTER_REPORTING: "Immigration action after reporting",
}


@dataclass(frozen=True)
class Quotation:
    """One marked passage of one interview's statement (unredacted: it stays in the vault)."""

    id: str
    interview_id: str
    start: int
    end: int
    passage: str
    theme: Theme


def locate(text: str, q: Quotation) -> tuple[int, int] | None:
    """Where ``q``'s passage stands in ``text`` now: at its offsets if it is still there, else the
    one place it appears (the text before it changed); None if it is gone or appears more than once."""
    if 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.passage:
        return q.start, q.end
    first = text.find(q.passage)
    if first < 0 or not q.passage or text.find(q.passage, first + 1) >= 0:
        return None
    return first, first + len(q.passage)
