"""Interviews (``vault.interviews``): the records themselves, their revisions, the list and search.

Every method runs on the calling thread's own connection, so any of them may be called from a
worker thread. Writes are single transactions (``BEGIN IMMEDIATE`` ... ``COMMIT``): when a method
returns, its change is durable (WAL + synchronous=FULL); when it raises, nothing changed. The SQL
for filters, orders and search is built in :mod:`desktop.vault.search`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from desktop.core.model import (
    Consent,
    ConsentUse,
    CrimeType,
    IdentifierKind,
    Interview,
    PersonRole,
    Role,
    Status,
)
from desktop.vault import db, search
from desktop.vault.deletion import delete_interview_rows
from desktop.vault.errors import NotFound, VaultError
from desktop.vault.repos._common import ID, check_id, dumps, now
from desktop.vault.repos.audit import append_entry
from desktop.vault.search import InterviewSummary, ListFilter

if TYPE_CHECKING:
    from desktop.vault.connections import Connections

# After an import of this many interviews the search index is merged into one segment.
OPTIMIZE_AFTER = 200


def keep_copy(con: Any, interview_id: str, revision: int, doc: str, *, from_device: str | None = None) -> bool:
    """Keep ``doc`` (a record's JSON as stored) as a history copy of ``revision``, inside the caller's
    transaction. Copies are keyed by their content (schema 9), so two different records with one number
    (an interview edited on two laptops of one lineage) never take each other's place, and the same
    record kept again is not kept twice. True if a copy was added."""
    if con.execute("SELECT 1 FROM revisions WHERE interview_id = ? AND revision = ? AND doc = ?",
                   (interview_id, int(revision), doc)).fetchone() is not None:
        return False
    con.execute("INSERT INTO revisions(interview_id, revision, copy, from_device, saved_at, doc) "
                "VALUES (?, ?, ?, ?, ?, ?)", (interview_id, int(revision),
                                              hashlib.sha256(doc.encode("utf-8")).hexdigest(), from_device, now(), doc))
    return True


class Interviews:
    def __init__(self, connections: Connections) -> None:
        self._c = connections

    # reading ----------------------------------------------------------------------------------

    def get(self, interview_id: str) -> Interview:
        check_id(interview_id)
        with self._c.use() as con:
            row = con.execute("SELECT doc, revision FROM interviews WHERE id = ?", (interview_id,)).fetchone()
            if row is None:
                raise NotFound()
            doc = json.loads(row[0])
            doc["people"] = [
                {"name": n, "role": r, "aliases": json.loads(a)}
                for n, r, a in con.execute(
                    "SELECT name, role, aliases FROM people WHERE interview_id = ? ORDER BY position", (interview_id,)
                )
            ]
            doc["identifiers"] = [
                {"kind": k, "value": v}
                for k, v in con.execute(
                    "SELECT kind, value FROM identifiers WHERE interview_id = ? ORDER BY position", (interview_id,)
                )
            ]
            doc["consent"] = {
                use: {
                    "given": bool(given),
                    "recorded_on": rec,
                    "taken_by": by,
                    "withdrawn_on": wd,
                    "withdrawn_by": wby,
                }
                for use, given, rec, by, wd, wby in con.execute(
                    "SELECT use, given, recorded_on, taken_by, withdrawn_on, withdrawn_by FROM consents "
                    "WHERE interview_id = ?",
                    (interview_id,),
                )
            }
        try:
            return Interview.from_dict(doc)
        except ValueError:
            raise VaultError("A stored interview could not be read back (its record does not parse).") from None

    def exists(self, interview_id: str) -> bool:
        if not isinstance(interview_id, str) or not ID.match(interview_id):
            return False
        with self._c.use() as con:
            return con.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone() is not None

    def find_by_reference(self, reference: str) -> str | None:
        """The id of the interview with this reference (WB-XXXX-XXXX), or None."""
        with self._c.use() as con:
            row = con.execute("SELECT id FROM interviews WHERE reference = ?", (str(reference),)).fetchone()
        return str(row[0]) if row else None

    def revisions(self, interview_id: str) -> list[tuple[int, datetime]]:
        """Earlier saved versions of an interview: (revision number, when it was replaced), one per copy
        kept (an interview edited on two laptops can have two different copies with one number)."""
        check_id(interview_id)
        with self._c.use() as con:
            return [
                (n, datetime.fromisoformat(at))
                for n, at in con.execute(
                    "SELECT revision, saved_at FROM revisions WHERE interview_id = ? ORDER BY revision, rowid",
                    (interview_id,),
                )
            ]

    def get_revision(self, interview_id: str, revision: int) -> Interview:
        """The first copy kept with this number (:meth:`copies` gives every one)."""
        check_id(interview_id)
        with self._c.use() as con:
            row = con.execute(
                "SELECT doc FROM revisions WHERE interview_id = ? AND revision = ? ORDER BY rowid LIMIT 1",
                (interview_id, int(revision)),
            ).fetchone()
        if row is None:
            raise NotFound("revision")
        return Interview.from_dict(json.loads(row[0]))

    def copies(self, interview_id: str, revision: int) -> list[Interview]:
        """Every copy kept with this number, in the order they were kept."""
        check_id(interview_id)
        with self._c.use() as con:
            rows = con.execute("SELECT doc FROM revisions WHERE interview_id = ? AND revision = ? ORDER BY rowid",
                               (interview_id, int(revision))).fetchall()
        return [Interview.from_dict(json.loads(doc)) for doc, in rows]

    def kept(self, interview_id: str) -> list[tuple[int, str | None, datetime, Interview]]:
        """Every earlier saved version, one per copy kept, by number and then in the order they were kept:
        (number, the device whose bundle brought it or None if saved here, when it was replaced, the record)."""
        check_id(interview_id)
        with self._c.use() as con:
            rows = con.execute("SELECT revision, from_device, saved_at, doc FROM revisions WHERE interview_id = ? "
                               "ORDER BY revision, rowid", (interview_id,)).fetchall()
        return [(n, device, datetime.fromisoformat(at), Interview.from_dict(json.loads(doc)))
                for n, device, at, doc in rows]

    def list_summaries(
        self,
        flt: ListFilter | None = None,
        *,
        offset: int = 0,
        limit: int = 200,
        sort: str = "updated_at",
        descending: bool = True,
    ) -> list[InterviewSummary]:
        """One page of the list. ``sort`` is one of :data:`~desktop.vault.search.SORTS`; ties go to the
        last changed, then the last added (the same direction as the sort)."""
        sql, params = search.page_sql(flt, sort, descending)
        with self._c.use() as con:
            rows = con.execute(sql, (*params, max(0, int(limit)), max(0, int(offset)))).fetchall()
        return [search.summary_from_row(r) for r in rows]

    def count(self, flt: ListFilter | None = None) -> int:
        where, params = search.where(flt)
        with self._c.use() as con:
            return int(con.execute("SELECT count(*) FROM interviews i" + where, params).fetchone()[0])

    def evidence_rows(self) -> list[tuple]:
        """What the evidence totals count, for every interview, without reading whole records.

        One tuple per interview, in the order added: ``(role, crime_type, force, reported_on,
        asked_about_status, immigration_enforcement_contacted, fear_delayed_reporting,
        status_used_as_threat, outcomes, complaint_given, complaint_withdrawn_on)`` as stored
        (``outcomes`` a tuple; the last two None when no consent for the complaint is recorded).
        Never a name, an identifier or a word of the statement. They are read from ``evidence_facts``
        (schema version 4), which triggers keep in step with every write, so this reads a few dozen
        bytes an interview; ``get()`` parses each record whole, statement included, which at 10,000
        interviews takes seconds (tests/benchmarks/bench_evidence.py).
        """
        with self._c.use() as con:
            rows = con.execute(
                "SELECT e.role, e.crime_type, e.force, e.reported_on, e.asked_about_status, e.ie_contacted, "
                "e.fear_delayed, e.status_threat, e.outcomes, c.given, c.withdrawn_on "
                "FROM evidence_facts e LEFT JOIN consents c ON c.interview_id = e.interview_id AND c.use = 'complaint' "
                "ORDER BY e.num"
            ).fetchall()
        parsed: dict[str, tuple] = {"": ()}  # a few dozen distinct outcome lists: each parsed once
        out = []
        for r in rows:
            text = r[8] or ""
            outcomes = parsed.get(text)
            if outcomes is None:
                outcomes = parsed[text] = tuple(json.loads(text))
            out.append((*r[:8], outcomes, *r[9:]))
        return out

    def recorded_identifiers(self) -> list[tuple[list[tuple[str, list[str]]], list[tuple[str, str]]]]:
        """For every interview, in the order added: its people as (name, aliases) and its identifiers
        as (kind, value), as ``get()`` gives them, read from their own tables without the records."""
        with self._c.use() as con:
            ids = con.execute("SELECT id FROM interviews ORDER BY num")
            out: dict[str, tuple[list, list]] = {i: ([], []) for i, in ids}
            for i, name, aliases in con.execute(
                    "SELECT interview_id, name, aliases FROM people ORDER BY interview_id, position"):
                if i in out:
                    out[i][0].append((name, json.loads(aliases)))
            for i, kind, value in con.execute(
                    "SELECT interview_id, kind, value FROM identifiers ORDER BY interview_id, position"):
                if i in out:
                    out[i][1].append((kind, value))
        return list(out.values())

    def ids(self) -> list[str]:
        with self._c.use() as con:
            return [r[0] for r in con.execute("SELECT id FROM interviews ORDER BY num")]

    def search(self, query: str, *, limit: int = 200, last_word_prefix: bool = False) -> list[InterviewSummary]:
        """Interviews matching every word typed; any text is accepted (``last_word_prefix``: see
        :func:`~desktop.vault.search.fts_query`).

        The ``limit`` most recently added matches are taken (FTS5 walks its index in row order
        without sorting) and shown best match (bm25) first. Ranking every match instead costs
        hundreds of milliseconds for common words in a large vault (tests/benchmarks/bench_vault.py).
        """
        q = search.fts_query(query, last_word_prefix=last_word_prefix)
        if q is None:
            return []
        with self._c.use() as con:
            rows = con.execute(search.SEARCH_SQL, (q, max(0, int(limit)))).fetchall()
        return [search.summary_from_row(r) for r in rows]

    def _optimize_search(self) -> None:
        """Merge the search index into one segment (after a large import)."""
        with self._c.use() as con:
            con.execute("INSERT INTO search_index(search_index) VALUES('optimize')")
            db.checkpoint_truncate(con)

    # writing ----------------------------------------------------------------------------------

    def _write_children(self, con: Any, iv: Interview) -> None:
        con.executemany(
            "INSERT INTO people(interview_id, position, name, role, aliases) VALUES (?, ?, ?, ?, ?)",
            [(iv.id, n, p.name, PersonRole(p.role).value, dumps(list(p.aliases))) for n, p in enumerate(iv.people)],
        )
        con.executemany(
            "INSERT INTO identifiers(interview_id, position, kind, value) VALUES (?, ?, ?, ?)",
            [(iv.id, n, IdentifierKind(i.kind).value, i.value) for n, i in enumerate(iv.identifiers)],
        )
        con.executemany(
            "INSERT INTO consents(interview_id, use, given, recorded_on, taken_by, withdrawn_on, withdrawn_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    iv.id,
                    ConsentUse(use).value,
                    int(bool(c.given)),
                    c.recorded_on.isoformat() if c.recorded_on else None,
                    c.taken_by or "",
                    c.withdrawn_on.isoformat() if c.withdrawn_on else None,
                    c.withdrawn_by or "",
                )
                for use, c in iv.consent.items()
            ],
        )

    @staticmethod
    def _doc(iv: Interview) -> str:
        d = iv.to_dict()
        for key in ("people", "identifiers", "consent"):
            d.pop(key, None)
        return dumps(d)

    def _insert(self, con: Any, iv: Interview) -> None:
        check_id(iv.id)
        if con.execute("SELECT 1 FROM interviews WHERE id = ?", (iv.id,)).fetchone():
            raise VaultError("An interview with the same id is already in the vault.")
        if con.execute("SELECT 1 FROM interviews WHERE reference = ?", (iv.reference,)).fetchone():
            raise VaultError("An interview with the same reference is already in the vault.")
        cur = con.execute(
            "INSERT INTO interviews(id, reference, interviewed_on, role, crime_type, force, status, created_at, "
            "updated_at, revision, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
            (
                iv.id,
                iv.reference,
                iv.interviewed_on.isoformat(),
                Role(iv.role).value,
                CrimeType(iv.crime_type).value if iv.crime_type is not None else "",
                iv.force,
                Status(iv.status).value,
                iv.created_at.isoformat(),
                iv.updated_at.isoformat(),
                self._doc(iv),
            ),
        )
        self._write_children(con, iv)
        con.execute("INSERT INTO search_index(rowid, body) VALUES (?, ?)", (cur.lastrowid, search.search_body(iv)))

    def _replace(self, con: Any, iv: Interview, revision: int) -> None:
        """Put ``iv`` in place of the stored record as revision ``revision``, keeping its own times
        (a revision that arrived from another device: see repos/transfer.py). Inside the caller's transaction."""
        num = con.execute("SELECT num FROM interviews WHERE id = ?", (iv.id,)).fetchone()[0]
        con.execute(
            "UPDATE interviews SET reference = ?, interviewed_on = ?, role = ?, crime_type = ?, force = ?, "
            "status = ?, created_at = ?, updated_at = ?, revision = ?, doc = ? WHERE id = ?",
            (iv.reference, iv.interviewed_on.isoformat(), Role(iv.role).value,
             CrimeType(iv.crime_type).value if iv.crime_type is not None else "", iv.force,
             Status(iv.status).value, iv.created_at.isoformat(), iv.updated_at.isoformat(), int(revision),
             self._doc(iv), iv.id),
        )
        for table in ("people", "identifiers", "consents"):
            con.execute(f"DELETE FROM {table} WHERE interview_id = ?", (iv.id,))
        self._write_children(con, iv)
        con.execute("DELETE FROM search_index WHERE rowid = ?", (num,))
        con.execute("INSERT INTO search_index(rowid, body) VALUES (?, ?)", (num, search.search_body(iv)))

    def add(self, iv: Interview) -> str:
        """Store a new interview; returns its id. Durable when this returns."""
        with self._c.tx() as con:
            self._insert(con, iv)
            append_entry(con, "interview.added", iv.id)
        return iv.id

    def add_many(self, interviews: Iterable[Interview]) -> list[str]:
        """Store several interviews in one transaction: all of them or none."""
        ids: list[str] = []
        with self._c.tx() as con:
            for iv in interviews:
                self._insert(con, iv)
                ids.append(iv.id)
            append_entry(con, "interview.imported", None, count=len(ids))
        if len(ids) >= OPTIMIZE_AFTER:
            self._optimize_search()
        return ids

    def update(self, iv: Interview, *, action: str = "interview.updated") -> None:
        """Replace an interview; the previous version is kept as a revision. Sets ``updated_at``.
        ``action`` is the audit entry written in the same transaction (``statement.sealed`` for a seal)."""
        check_id(iv.id)
        with self._c.tx() as con:
            row = con.execute("SELECT num, revision FROM interviews WHERE id = ?", (iv.id,)).fetchone()
            if row is None:
                raise NotFound()
            num, revision = row
            previous = self.get(iv.id)
            came = con.execute("SELECT device_id FROM interview_origin WHERE interview_id = ? AND revision = ?",
                               (iv.id, revision)).fetchone()  # the record replaced came in a bundle
            keep_copy(con, iv.id, revision, dumps(previous.to_dict()), from_device=came[0] if came else None)
            iv.updated_at = datetime.now(UTC)
            con.execute(
                "UPDATE interviews SET reference = ?, interviewed_on = ?, role = ?, crime_type = ?, force = ?, "
                "status = ?, updated_at = ?, revision = ?, doc = ? WHERE id = ?",
                (
                    iv.reference,
                    iv.interviewed_on.isoformat(),
                    Role(iv.role).value,
                    CrimeType(iv.crime_type).value if iv.crime_type is not None else "",
                    iv.force,
                    Status(iv.status).value,
                    iv.updated_at.isoformat(),
                    revision + 1,
                    self._doc(iv),
                    iv.id,
                ),
            )
            for table in ("people", "identifiers", "consents"):
                con.execute(f"DELETE FROM {table} WHERE interview_id = ?", (iv.id,))
            self._write_children(con, iv)
            con.execute("DELETE FROM search_index WHERE rowid = ?", (num,))
            con.execute("INSERT INTO search_index(rowid, body) VALUES (?, ?)", (num, search.search_body(iv)))
            append_entry(con, action, iv.id)

    def withdraw_consent(self, interview_id: str, use: ConsentUse, on: date, by: str) -> None:
        """Record that consent for ``use`` was withdrawn on ``on``, recorded by ``by``."""
        use = ConsentUse(use)
        iv = self.get(interview_id)
        current = iv.consent.get(use) or Consent(use, False)
        current.withdrawn_on = on
        current.withdrawn_by = by
        iv.consent[use] = current
        with self._c.tx() as con:
            self.update(iv)
            append_entry(con, f"consent.withdrawn.{use.value}", interview_id)

    def delete(self, interview_id: str) -> None:
        """Delete an interview and everything hanging off it, so that nothing of it is left: not in
        the tables, the search index (FTS5 secure-delete), the WAL (checkpoint TRUNCATE) or the
        backups (the same delete is run in each; one that cannot be cleaned is removed)."""
        check_id(interview_id)
        with self._c.tx() as con:
            # An interview already sent to the coordinator leaves a tombstone (its id and when, no
            # content), so the next bundle carries the deletion there too; one that came from a field
            # device leaves one on the coordinator, so a later bundle cannot bring it back (repos/transfer.py).
            con.execute("INSERT OR REPLACE INTO tombstones(interview_id, deleted_at, bundle_id, state) "
                        "SELECT interview_id, ?, NULL, 'pending' FROM deliveries WHERE interview_id = ?",
                        (now(), interview_id))
            con.execute("INSERT OR REPLACE INTO tombstones(interview_id, deleted_at, bundle_id, state) "
                        "SELECT interview_id, ?, bundle_id, 'received' FROM interview_origin WHERE interview_id = ?",
                        (now(), interview_id))
            if not delete_interview_rows(con, interview_id):
                raise NotFound()
            con.execute("INSERT OR IGNORE INTO backup_purges(kind, id) VALUES ('interview', ?)", (interview_id,))
            append_entry(con, "interview.deleted", interview_id)
        self._c.after_deletion(vacuum=False)

    def purge(self, ids: Iterable[str]) -> int:
        """Delete many interviews in one transaction, then VACUUM; returns how many were deleted."""
        ids = [check_id(i) for i in ids]
        deleted = 0
        with self._c.tx() as con:
            for i in ids:
                if delete_interview_rows(con, i):
                    deleted += 1
                    con.execute("INSERT OR IGNORE INTO backup_purges(kind, id) VALUES ('interview', ?)", (i,))
            append_entry(con, "interview.purged", None, count=deleted)
        self._c.after_deletion(vacuum=True)
        return deleted
