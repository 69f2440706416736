"""Quotations (``vault.quotations``): passages of a statement marked as quotable, with their theme.

Each mark and each removal is one transaction with its audit entry on the interview's id
(``quotation.marked``, ``quotation.removed``); the passage itself never reaches the audit log.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop.core.quotations import Quotation, Theme
from desktop.vault.errors import NotFound
from desktop.vault.repos._common import check_id, now
from desktop.vault.repos.audit import append_entry

if TYPE_CHECKING:
    from desktop.vault.connections import Connections

_COLUMNS = "id, interview_id, start_pos, end_pos, passage, theme"


def _row(row: tuple) -> Quotation:
    qid, interview_id, start, end, passage, theme = row
    return Quotation(qid, interview_id, int(start), int(end), passage, Theme(theme))


def _check(start: int, end: int, passage: str, theme: Theme | str) -> Theme:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        raise ValueError("a quotation needs a stretch of text")
    if not isinstance(passage, str) or not passage.strip() or len(passage) != end - start:
        raise ValueError("a quotation's passage must be the text it marks")
    return Theme(theme)


class Quotations:
    def __init__(self, connections: Connections) -> None:
        self._c = connections

    def add(self, interview_id: str, start: int, end: int, passage: str, theme: Theme | str) -> Quotation:
        """Mark ``passage`` (``text[start:end]`` of the reviewed text) as quotable under ``theme``."""
        check_id(interview_id)
        theme = _check(start, end, passage, theme)
        q = Quotation(uuid.uuid4().hex, interview_id, start, end, passage, theme)
        with self._c.tx() as con:
            if con.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone() is None:
                raise NotFound()
            con.execute(f"INSERT INTO quotations({_COLUMNS}, marked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (q.id, q.interview_id, q.start, q.end, q.passage, q.theme.value, now()))
            append_entry(con, "quotation.marked", interview_id)
        return q

    def remove(self, quotation_id: str) -> bool:
        """Take one mark back; False if there was none with that id."""
        check_id(quotation_id, "quotation")
        with self._c.tx() as con:
            row = con.execute("SELECT interview_id FROM quotations WHERE id = ?", (quotation_id,)).fetchone()
            if row is None:
                return False
            con.execute("DELETE FROM quotations WHERE id = ?", (quotation_id,))
            append_entry(con, "quotation.removed", row[0])
        return True

    def for_interview(self, interview_id: str) -> list[Quotation]:
        """The interview's quotations in the order they stand in its text."""
        check_id(interview_id)
        with self._c.use() as con:
            rows = con.execute(f"SELECT {_COLUMNS} FROM quotations WHERE interview_id = ? ORDER BY start_pos, id",
                               (interview_id,)).fetchall()
        return [_row(r) for r in rows]

    def interview_ids(self) -> list[str]:
        """Every interview with at least one quotation."""
        with self._c.use() as con:
            return [r[0] for r in con.execute("SELECT DISTINCT interview_id FROM quotations ORDER BY interview_id")]

    def consent_rows(self) -> list[tuple[str, str, str, str, int, str | None]]:
        """(id, role, crime, force, given, withdrawn on) of every interview with consent for quotation
        recorded, given or not: the service decides with ``Consent.active``, the one rule."""
        with self._c.use() as con:
            return con.execute(
                "SELECT i.id, i.role, i.crime_type, i.force, c.given, c.withdrawn_on FROM interviews i "
                "JOIN consents c ON c.interview_id = i.id AND c.use = 'quotation' ORDER BY i.id").fetchall()

    def replace(self, interview_id: str, quotations: Iterable[Quotation]) -> None:
        """Make the interview's quotations exactly these (an imported bundle's), in one transaction."""
        check_id(interview_id)
        rows = [(q.id, interview_id, q.start, q.end, q.passage, _check(q.start, q.end, q.passage, q.theme).value)
                for q in quotations]
        with self._c.tx() as con:
            replace_rows(con, interview_id, rows)


def replace_rows(con, interview_id: str, rows: list[tuple]) -> None:  # noqa: ANN001 - a vault connection
    """Inside the caller's transaction: the interview's quotations become ``rows`` (id, interview id,
    start, end, passage, theme); an audit entry only when they changed."""
    before = con.execute(f"SELECT {_COLUMNS} FROM quotations WHERE interview_id = ? ORDER BY id",
                         (interview_id,)).fetchall()
    if sorted(map(tuple, before)) == sorted(rows):
        return
    con.execute("DELETE FROM quotations WHERE interview_id = ?", (interview_id,))
    at = now()
    con.executemany(f"INSERT INTO quotations({_COLUMNS}, marked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(*r, at) for r in rows])
    append_entry(con, "quotation.imported", interview_id)
