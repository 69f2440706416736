"""Statement fingerprints already computed (``vault.fingerprints``), each with a digest of what it was made from.

A statement's fingerprint is the SHA-256 of its redacted text and facts; computing it means redacting
the statement. :meth:`Fingerprints.inputs` digests, straight from the tables, everything stored that a
statement is made from: the record as saved, its people, identifiers and consents, the reviewer's
decisions, and its saved versions once it is sealed (the signed text and the addenda). A fingerprint
is stored with that digest (combined with the caller's own key: the engine's version, the
organisation) and given back only while the digest made now is the same
(``desktop.services.fingerprints``). The rows hold digests and hashes, never content, and cascade
from ``interviews``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from desktop.vault.repos._common import check_id

if TYPE_CHECKING:
    from desktop.vault.connections import Connections
    from desktop.vault.db import Connection

# What a statement is made from, per interview, in a stable order (the column lists are part of the digest).
_PARTS = (
    ("SELECT id, status, doc FROM interviews {where} ORDER BY num", "id"),
    ("SELECT interview_id, position, name, role, aliases FROM people {where} ORDER BY interview_id, position",
     "interview_id"),
    ("SELECT interview_id, position, kind, value FROM identifiers {where} ORDER BY interview_id, position",
     "interview_id"),
    ("SELECT interview_id, use, given, recorded_on, taken_by, withdrawn_on, withdrawn_by FROM consents {where} "
     "ORDER BY interview_id, use", "interview_id"),
    ("SELECT interview_id, payload FROM redaction_decisions {where}", "interview_id"),
    # the saved versions matter once the statement is sealed: the signed text and each later change
    ("SELECT r.interview_id, r.revision, r.saved_at, r.doc FROM revisions r JOIN interviews i ON i.id = r.interview_id "
     "AND i.status = 'sealed' {where} ORDER BY r.interview_id, r.revision", "r.interview_id"),
)


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

    def inputs(self, interview_id: str | None = None) -> dict[str, str]:
        """interview id -> SHA-256 (hex) of everything stored that its statement is made from; every
        interview, or only ``interview_id``."""
        digests: dict[str, hashlib._Hash] = {}
        with self._snapshot() as con:
            for n, (sql, column) in enumerate(_PARTS):
                if interview_id is None:
                    rows = con.execute(sql.format(where=""))
                else:
                    op = "AND" if "JOIN" in sql else "WHERE"
                    rows = con.execute(sql.format(where=f"{op} {column} = ?"), (check_id(interview_id),))
                for row in rows:
                    h = digests.get(row[0])
                    if n == 0:
                        h = digests[row[0]] = hashlib.sha256()
                    elif h is None:
                        continue
                    _feed(h, n, row[1:])
        return {i: h.hexdigest() for i, h in digests.items()}

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


def _feed(h, part: int, values: tuple) -> None:
    """Add one row of table ``part`` to an interview's digest: each value with its kind and length,
    so no two different rows feed the same bytes."""
    h.update(b"R%d" % part)
    for value in values:
        if value is None:
            h.update(b"N")
        else:
            b = str(value).encode("utf-8", "surrogatepass")
            h.update(b"%c%d:" % (ord("I") if isinstance(value, int) else ord("S"), len(b)))
            h.update(b)
