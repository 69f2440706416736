"""Results computed from the interviews and kept in the vault (``vault.fingerprints``), each with the
revision of what it was made from.

A statement's fingerprint is the SHA-256 of its redacted text and facts; computing it means redacting
the statement. Every write to what a statement is made from (the record as saved, its people,
identifiers and consents, the reviewer's decisions, its saved versions) gives the interview a new
number from one vault-wide counter that only grows, in the same transaction, by triggers (schema
version 8): :meth:`Fingerprints.revisions`. A fingerprint is stored with a key made from that number
(combined with the caller's own context: the engine's version, the organisation) and given back only
while the key made now is the same (``desktop.services.fingerprints``); checking every interview is one
indexed read. The same numbers key each interview's protected strings (:meth:`protected`) and
``kept_results`` keeps a release of the totals under a digest of the rows it was counted from. The
fingerprint rows hold keys and hashes, never content; the protected strings are the recorded
identifiers themselves, inside the encrypted database like the people and identifiers they are made
from. Every row cascades from ``interviews``; a deleted interview also empties ``kept_results``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from desktop.vault.repos._common import check_id

if TYPE_CHECKING:
    from desktop.vault.connections import Connections
    from desktop.vault.db import Connection


class Fingerprints:
    """Each interview's last computed statement fingerprint and the digest of what it was made from."""

    def __init__(self, connections: Connections) -> None:
        self._c = connections

    @contextmanager
    def _snapshot(self) -> Iterator[Connection]:
        """One read transaction, so every table is read as of one moment."""
        with self._c.use() as con:
            if con.in_transaction:
                yield con
                return
            con.execute("BEGIN")
            try:
                yield con
            finally:
                con.execute("COMMIT")

    def revisions(self, interview_id: str | None = None) -> dict[str, int]:
        """interview id -> the number its statement's inputs were last written under; every interview, or
        only ``interview_id``."""
        with self._c.use() as con:
            if interview_id is None:
                return dict(con.execute("SELECT interview_id, rev FROM statement_revisions").fetchall())
            return dict(con.execute("SELECT interview_id, rev FROM statement_revisions WHERE interview_id = ?",
                                    (check_id(interview_id),)).fetchall())

    def kept(self) -> list[tuple[str, int, str, str]]:
        """``(interview id, revision now, inputs key kept, fingerprint)`` for every fingerprint kept."""
        with self._c.use() as con:
            return con.execute("SELECT f.interview_id, r.rev, f.inputs, f.fingerprint FROM statement_fingerprints f "
                               "JOIN statement_revisions r ON r.interview_id = f.interview_id").fetchall()

    def stored(self) -> dict[str, tuple[str, str]]:
        """interview id -> (inputs key, fingerprint) as stored."""
        with self._c.use() as con:
            return {i: (k, f) for i, k, f in con.execute(
                "SELECT interview_id, inputs, fingerprint FROM statement_fingerprints")}

    def put_many(self, rows: list[tuple[str, str, str]]) -> None:
        """Keep each ``(interview id, inputs key, fingerprint)``, in one transaction (no audit entry:
        nothing anyone did, only results kept). A row for an interview no longer there is dropped."""
        with self._c.tx() as con:
            con.executemany(
                "INSERT INTO statement_fingerprints(interview_id, inputs, fingerprint) "
                "SELECT id, ?, ? FROM interviews WHERE id = ? "
                "ON CONFLICT(interview_id) DO UPDATE SET inputs = excluded.inputs, fingerprint = excluded.fingerprint",
                [(k, f, check_id(i)) for i, k, f in rows])

    def protected(self) -> list[tuple[str, int, str | None, str | None]]:
        """For every interview, in the order added: ``(id, revision now, inputs key kept, strings kept)``
        (the last two None where none are kept; the revision None if none is recorded, which the
        triggers never allow: such an interview's strings are made again, never skipped)."""
        with self._c.use() as con:
            return con.execute(
                "SELECT i.id, r.rev, p.inputs, p.strings FROM interviews i "
                "LEFT JOIN statement_revisions r ON r.interview_id = i.id "
                "LEFT JOIN protected_kept p ON p.interview_id = i.id ORDER BY i.num").fetchall()

    def recorded(self, interview_ids: list[str]) -> dict[str, tuple[int | None, list, list]]:
        """For each interview still there: ``(revision, people as (name, aliases), identifiers as
        (kind, value))``, read in one transaction, so the revision is the one they were read under."""
        out: dict[str, tuple[int | None, list, list]] = {}
        with self._snapshot() as con:
            for chunk in range(0, len(interview_ids), 500):
                ids = [check_id(i) for i in interview_ids[chunk:chunk + 500]]
                marks = ",".join("?" * len(ids))
                for i, rev in con.execute(
                        "SELECT i.id, r.rev FROM interviews i LEFT JOIN statement_revisions r ON r.interview_id = i.id "
                        f"WHERE i.id IN ({marks})", ids):
                    out[i] = (rev, [], [])
                for i, name, aliases in con.execute(
                        f"SELECT interview_id, name, aliases FROM people WHERE interview_id IN ({marks}) "
                        "ORDER BY interview_id, position", ids):
                    if i in out:
                        out[i][1].append((name, json.loads(aliases)))
                for i, kind, value in con.execute(
                        f"SELECT interview_id, kind, value FROM identifiers WHERE interview_id IN ({marks}) "
                        "ORDER BY interview_id, position", ids):
                    if i in out:
                        out[i][2].append((kind, value))
        return out

    def keep_protected(self, rows: list[tuple[str, str, str]]) -> None:
        """Keep each ``(interview id, inputs key, strings as JSON)``; a row for an interview no longer
        there is dropped."""
        with self._c.tx() as con:
            con.executemany(
                "INSERT INTO protected_kept(interview_id, inputs, strings) "
                "SELECT id, ?, ? FROM interviews WHERE id = ? "
                "ON CONFLICT(interview_id) DO UPDATE SET inputs = excluded.inputs, strings = excluded.strings",
                [(k, text, check_id(i)) for i, k, text in rows])

    def result(self, name: str) -> tuple[str, str] | None:
        """``(inputs key, value)`` of the result kept under ``name``, or None."""
        with self._c.use() as con:
            row = con.execute("SELECT inputs, value FROM kept_results WHERE name = ?", (name,)).fetchone()
        return None if row is None else (row[0], row[1])

    def keep_result(self, name: str, inputs: str, value: str) -> None:
        with self._c.tx() as con:
            con.execute("INSERT INTO kept_results(name, inputs, value) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE "
                        "SET inputs = excluded.inputs, value = excluded.value", (name, inputs, value))

    def statement_rows(self) -> list[tuple]:
        """For every interview, in the order added, what says whether its statement backs the totals:
        ``(id, reference, crime_type, force, reported_on, complaint_given, complaint_withdrawn_on)``."""
        with self._c.use() as con:
            # the references from a covering index of the list (the table's rows hold whole records)
            references = dict(con.execute("SELECT id, reference FROM interviews").fetchall())
            rows = con.execute(
                "SELECT e.interview_id, e.crime_type, e.force, e.reported_on, c.given, c.withdrawn_on "
                "FROM evidence_facts e LEFT JOIN consents c ON c.interview_id = e.interview_id "
                "AND c.use = 'complaint' ORDER BY e.num").fetchall()
        return [(i, references[i], *rest) for i, *rest in rows if i in references]

