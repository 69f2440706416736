"""Repositories: interviews and everything hanging off them, drafts, redaction decisions,
settings and the audit log. Reached through an unlocked :class:`~desktop.vault.Vault`
(``vault.interviews``, ``vault.attachments``, ...).

Every method runs on the calling thread's own connection, so any of them may be called from a
worker thread. Writes are single transactions (``BEGIN IMMEDIATE`` ... ``COMMIT``): when a method
returns, its change is durable (WAL + synchronous=FULL); when it raises, nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from desktop.core.model import (
    AttachmentInfo,
    Consent,
    ConsentUse,
    CrimeType,
    IdentifierKind,
    Interview,
    PersonRole,
    Role,
    Status,
)
from desktop.vault.errors import NotFound, VaultError

if TYPE_CHECKING:
    from desktop.vault.vault import Vault

# Same ceiling as desktop.core.attachments.MAX_BYTES (which prepares attachments before they get here).
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
# After an import of this many interviews the search index is merged into one segment.
OPTIMIZE_AFTER = 200


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- summaries and filters ------------------------------------------------------------------


@dataclass(frozen=True)
class InterviewSummary:
    """One row of the interview list: never the statement, names or identifiers."""

    id: str
    reference: str
    interviewed_on: date
    role: Role
    crime_type: CrimeType
    force: str
    status: Status
    consent_complaint: bool  # consent for use in the complaint is given and not withdrawn
    people_count: int
    updated_at: datetime


@dataclass(frozen=True)
class ListFilter:
    force: str | None = None
    crime_type: CrimeType | None = None
    consent_complaint: bool | None = None
    status: Status | None = None
    text: str | None = None  # search words, as a person types them
    # The last word of ``text`` may be the start of a word, as in a search box while she is still
    # typing: "Amin" finds "Amina". Text that ends in a space means the word is finished.
    last_word_prefix: bool = False


# "Consent for the complaint is given and not withdrawn", for the interview ``i``.
_CONSENT_GIVEN = (
    "EXISTS(SELECT 1 FROM consents c WHERE c.interview_id = i.id AND c.use = 'complaint' "
    "AND c.given = 1 AND c.withdrawn_on IS NULL)"
)
_PEOPLE_COUNT = "(SELECT count(*) FROM people p WHERE p.interview_id = i.id)"

# The only orders the list can ask for: sort name -> SQL expression. Nothing a person types reaches
# ORDER BY. Every order ends with the last change and then num, matching the schema's indexes (v2).
_SORTS = {
    "updated_at": "i.updated_at",
    "created_at": "i.created_at",
    "interviewed_on": "i.interviewed_on",
    "reference": "i.reference",
    "force": "i.force",
    "crime_type": "i.crime_type",
    "status": "i.status",
    "role": "i.role",
    "consent_complaint": _CONSENT_GIVEN,
    "people_count": _PEOPLE_COUNT,
}
SORTS = frozenset(_SORTS)

_SUMMARY_SQL = f"""
SELECT i.id, i.reference, i.interviewed_on, i.role, i.crime_type, i.force, i.status,
       {_CONSENT_GIVEN},
       {_PEOPLE_COUNT},
       i.updated_at
FROM interviews i
"""


def _summary(row: tuple) -> InterviewSummary:
    return InterviewSummary(
        id=row[0],
        reference=row[1],
        interviewed_on=date.fromisoformat(row[2]),
        role=Role(row[3]),
        crime_type=CrimeType(row[4]),
        force=row[5],
        status=Status(row[6]),
        consent_complaint=bool(row[7]),
        people_count=int(row[8]),
        updated_at=datetime.fromisoformat(row[9]),
    )


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM"


def _trailing_letters(word: str) -> int:
    n = 0
    for ch in reversed(word):
        if not _is_word_char(ch):
            break
        n += 1
    return n


def fts_query(text: str, *, last_word_prefix: bool = False) -> str | None:
    """Turn whatever a person typed into a safe FTS5 query, or None if it holds no words.

    Each whitespace-separated chunk becomes a quoted FTS5 string (inner quotes doubled), so
    ``AND``, ``NEAR(``, ``*``, ``-`` and ``:`` are just text; the table's tokenizer splits the
    chunk into words the same way it split the statement. Every chunk must match (AND). A chunk
    the person ends with ``*`` (``Immigr*``) matches as a prefix. Otherwise prefixes are added only
    with ``last_word_prefix``, and only to the last word, when the text does not end in a space and
    that word ends in at least two letters (``Amin`` finds ``Amina``; ``Amin `` is a whole word):
    with ``cipher_memory_security`` on, an FTS5 prefix query over a large vault costs several times
    an exact one (tests/benchmarks/bench_vault.py). The ``*`` is always outside the quotes, so it is
    never the person's text.
    """
    if not isinstance(text, str):
        return None
    text = text.replace("\x00", " ")
    chunks = text.split()
    last = len(chunks) - 1 if last_word_prefix and text and not text[-1].isspace() else -1
    parts: list[str] = []
    for n, chunk in enumerate(chunks):
        prefix = chunk.endswith("*")
        word = chunk.rstrip("*") if prefix else chunk
        letters = sum(_is_word_char(ch) for ch in word)
        if not letters:
            continue
        if n == last and not prefix:
            prefix = _trailing_letters(word) >= 2
        parts.append('"' + word.replace('"', '""') + '"' + ("*" if prefix and letters >= 2 else ""))
        if len(parts) == 32:  # a pasted page is not a search
            break
    return " ".join(parts) if parts else None


def _search_body(iv: Interview) -> str:
    parts = [iv.reference, iv.statement, iv.what_was_shared, iv.interviewer]
    for p in iv.people:
        parts.append(p.name)
        parts.extend(p.aliases)
    parts.extend(i.value for i in iv.identifiers)
    return "\n".join(x for x in parts if x)


_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _check_id(value: Any, what: str = "interview") -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise NotFound(what)
    return value


# --- interviews -------------------------------------------------------------------------------


class Interviews:
    def __init__(self, vault: Vault) -> None:
        self._v = vault

    # reading ----------------------------------------------------------------------------------

    def get(self, interview_id: str) -> Interview:
        _check_id(interview_id)
        with self._v._use() as con:
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
        if not isinstance(interview_id, str) or not _ID.match(interview_id):
            return False
        with self._v._use() as con:
            return con.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone() is not None

    def find_by_reference(self, reference: str) -> str | None:
        """The id of the interview with this reference (WB-XXXX-XXXX), or None."""
        with self._v._use() as con:
            row = con.execute("SELECT id FROM interviews WHERE reference = ?", (str(reference),)).fetchone()
        return str(row[0]) if row else None

    def revisions(self, interview_id: str) -> list[tuple[int, datetime]]:
        """Earlier saved versions of an interview: (revision number, when it was replaced)."""
        _check_id(interview_id)
        with self._v._use() as con:
            return [
                (n, datetime.fromisoformat(at))
                for n, at in con.execute(
                    "SELECT revision, saved_at FROM revisions WHERE interview_id = ? ORDER BY revision",
                    (interview_id,),
                )
            ]

    def get_revision(self, interview_id: str, revision: int) -> Interview:
        _check_id(interview_id)
        with self._v._use() as con:
            row = con.execute(
                "SELECT doc FROM revisions WHERE interview_id = ? AND revision = ?", (interview_id, int(revision))
            ).fetchone()
        if row is None:
            raise NotFound("revision")
        return Interview.from_dict(json.loads(row[0]))

    def _where(self, flt: ListFilter | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if flt is not None:
            if flt.force is not None:
                clauses.append("i.force = ?")
                params.append(flt.force)
            if flt.crime_type is not None:
                clauses.append("i.crime_type = ?")
                params.append(CrimeType(flt.crime_type).value)
            if flt.status is not None:
                clauses.append("i.status = ?")
                params.append(Status(flt.status).value)
            if flt.consent_complaint is not None:
                clauses.append(("" if flt.consent_complaint else "NOT ") + _CONSENT_GIVEN)
            if flt.text is not None and flt.text.strip():
                q = fts_query(flt.text, last_word_prefix=flt.last_word_prefix)
                if q is None:
                    clauses.append("0")
                else:
                    clauses.append("i.num IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)")
                    params.append(q)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def list_summaries(
        self,
        flt: ListFilter | None = None,
        *,
        offset: int = 0,
        limit: int = 200,
        sort: str = "updated_at",
        descending: bool = True,
    ) -> list[InterviewSummary]:
        """One page of the list. ``sort`` is one of :data:`SORTS`; ties go to the last changed, then the
        last added (the same direction as the sort)."""
        if sort not in _SORTS:
            raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(sorted(_SORTS))}")
        where, params = self._where(flt)
        direction = "DESC" if descending else "ASC"
        # References are unique: no ties to break (and their own index then holds the whole order).
        keys = [_SORTS[sort], "i.num"]
        if sort not in ("updated_at", "reference"):
            keys.insert(1, "i.updated_at")
        order = " ORDER BY " + ", ".join(f"{k} {direction}" for k in keys)
        # The page is chosen first from the indexes (ids and sort keys only), then only its rows are
        # read: an interview's row holds its whole record, and reading thousands of them to sort by
        # a column without an index is what made a sort or a filter slow.
        sql = (
            _SUMMARY_SQL
            + " WHERE i.num IN (SELECT i.num FROM interviews i" + where + order + " LIMIT ? OFFSET ?)"
            + order
        )
        with self._v._use() as con:
            rows = con.execute(sql, (*params, max(0, int(limit)), max(0, int(offset)))).fetchall()
        return [_summary(r) for r in rows]

    def count(self, flt: ListFilter | None = None) -> int:
        where, params = self._where(flt)
        with self._v._use() as con:
            return int(con.execute("SELECT count(*) FROM interviews i" + where, params).fetchone()[0])

    def ids(self) -> list[str]:
        with self._v._use() as con:
            return [r[0] for r in con.execute("SELECT id FROM interviews ORDER BY num")]

    def search(self, query: str, *, limit: int = 200, last_word_prefix: bool = False) -> list[InterviewSummary]:
        """Interviews matching every word typed; any text is accepted (``last_word_prefix``: see
        :func:`fts_query`).

        The ``limit`` most recently added matches are taken (FTS5 walks its index in row order
        without sorting) and shown best match (bm25) first. Ranking every match instead costs
        hundreds of milliseconds for common words in a large vault (tests/benchmarks/bench_vault.py).
        """
        q = fts_query(query, last_word_prefix=last_word_prefix)
        if q is None:
            return []
        sql = (
            _SUMMARY_SQL
            + " JOIN (SELECT rowid AS r, rank AS k FROM search_index WHERE search_index MATCH ?"
            " ORDER BY rowid DESC LIMIT ?) s ON s.r = i.num ORDER BY s.k, i.num DESC"
        )
        with self._v._use() as con:
            rows = con.execute(sql, (q, max(0, int(limit)))).fetchall()
        return [_summary(r) for r in rows]

    # writing ----------------------------------------------------------------------------------

    def _write_children(self, con: Any, iv: Interview) -> None:
        con.executemany(
            "INSERT INTO people(interview_id, position, name, role, aliases) VALUES (?, ?, ?, ?, ?)",
            [(iv.id, n, p.name, PersonRole(p.role).value, _dumps(list(p.aliases))) for n, p in enumerate(iv.people)],
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
        return _dumps(d)

    def _insert(self, con: Any, iv: Interview) -> None:
        _check_id(iv.id)
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
                CrimeType(iv.crime_type).value,
                iv.force,
                Status(iv.status).value,
                iv.created_at.isoformat(),
                iv.updated_at.isoformat(),
                self._doc(iv),
            ),
        )
        self._write_children(con, iv)
        con.execute("INSERT INTO search_index(rowid, body) VALUES (?, ?)", (cur.lastrowid, _search_body(iv)))

    def add(self, iv: Interview) -> str:
        """Store a new interview; returns its id. Durable when this returns."""
        with self._v._tx() as con:
            self._insert(con, iv)
            self._v.audit._append(con, "interview.added", iv.id)
        return iv.id

    def add_many(self, interviews: Iterable[Interview]) -> list[str]:
        """Store several interviews in one transaction: all of them or none."""
        ids: list[str] = []
        with self._v._tx() as con:
            for iv in interviews:
                self._insert(con, iv)
                ids.append(iv.id)
            self._v.audit._append(con, "interview.imported", None, count=len(ids))
        if len(ids) >= OPTIMIZE_AFTER:
            self._v._optimize_search()
        return ids

    def update(self, iv: Interview) -> None:
        """Replace an interview; the previous version is kept as a revision. Sets ``updated_at``."""
        _check_id(iv.id)
        with self._v._tx() as con:
            row = con.execute("SELECT num, revision FROM interviews WHERE id = ?", (iv.id,)).fetchone()
            if row is None:
                raise NotFound()
            num, revision = row
            previous = self.get(iv.id)
            con.execute(
                "INSERT INTO revisions(interview_id, revision, saved_at, doc) VALUES (?, ?, ?, ?)",
                (iv.id, revision, _now(), _dumps(previous.to_dict())),
            )
            iv.updated_at = datetime.now(UTC)
            con.execute(
                "UPDATE interviews SET reference = ?, interviewed_on = ?, role = ?, crime_type = ?, force = ?, "
                "status = ?, updated_at = ?, revision = ?, doc = ? WHERE id = ?",
                (
                    iv.reference,
                    iv.interviewed_on.isoformat(),
                    Role(iv.role).value,
                    CrimeType(iv.crime_type).value,
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
            con.execute("INSERT INTO search_index(rowid, body) VALUES (?, ?)", (num, _search_body(iv)))
            self._v.audit._append(con, "interview.updated", iv.id)

    def withdraw_consent(self, interview_id: str, use: ConsentUse, on: date, by: str) -> None:
        """Record that consent for ``use`` was withdrawn on ``on``, recorded by ``by``."""
        use = ConsentUse(use)
        iv = self.get(interview_id)
        current = iv.consent.get(use) or Consent(use, False)
        current.withdrawn_on = on
        current.withdrawn_by = by
        iv.consent[use] = current
        with self._v._tx() as con:
            self.update(iv)
            self._v.audit._append(con, f"consent.withdrawn.{use.value}", interview_id)

    @staticmethod
    def _delete_rows(con: Any, interview_id: str) -> bool:
        row = con.execute("SELECT num FROM interviews WHERE id = ?", (interview_id,)).fetchone()
        if row is None:
            return False
        con.execute("DELETE FROM search_index WHERE rowid = ?", (row[0],))
        # A draft goes if it names the interview, or its key holds the id as a whole word ("edit:<id>"):
        # not merely as part of another id (deleting "1" must keep the draft "interview:12").
        whole = re.compile(rf"(?<![A-Za-z0-9_-]){re.escape(interview_id)}(?![A-Za-z0-9_-])")
        con.execute("DELETE FROM drafts WHERE interview_id = ?", (interview_id,))
        named = con.execute("SELECT key FROM drafts WHERE instr(key, ?) > 0", (interview_id,)).fetchall()
        con.executemany("DELETE FROM drafts WHERE key = ?", [(k,) for k, in named if whole.search(k)])
        for table in ("attachments", "revisions", "redaction_decisions", "people", "identifiers", "consents"):
            con.execute(f"DELETE FROM {table} WHERE interview_id = ?", (interview_id,))
        con.execute("DELETE FROM interviews WHERE num = ?", (row[0],))
        return True

    def delete(self, interview_id: str) -> None:
        """Delete an interview and everything hanging off it, so that nothing of it is left: not in
        the tables, the search index (FTS5 secure-delete), the WAL (checkpoint TRUNCATE) or the
        backups (the same delete is run in each; one that cannot be cleaned is removed)."""
        _check_id(interview_id)
        with self._v._tx() as con:
            if not self._delete_rows(con, interview_id):
                raise NotFound()
            con.execute("INSERT OR IGNORE INTO backup_purges(kind, id) VALUES ('interview', ?)", (interview_id,))
            self._v.audit._append(con, "interview.deleted", interview_id)
        self._v._after_deletion(vacuum=False)

    def purge(self, ids: Iterable[str]) -> int:
        """Delete many interviews in one transaction, then VACUUM; returns how many were deleted."""
        ids = [_check_id(i) for i in ids]
        deleted = 0
        with self._v._tx() as con:
            for i in ids:
                if self._delete_rows(con, i):
                    deleted += 1
                    con.execute("INSERT OR IGNORE INTO backup_purges(kind, id) VALUES ('interview', ?)", (i,))
            self._v.audit._append(con, "interview.purged", None, count=deleted)
        self._v._after_deletion(vacuum=True)
        return deleted


# --- attachments ------------------------------------------------------------------------------


class Attachments:
    """Attachments (photos of letters, ...) stored as blobs inside the encrypted database."""

    def __init__(self, vault: Vault) -> None:
        self._v = vault

    def add(self, interview_id: str, data: bytes, display_name: str, media_type: str) -> AttachmentInfo:
        _check_id(interview_id)
        data = bytes(data)
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise VaultError(f"The attachment is larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB.")
        info = AttachmentInfo(
            id=uuid.uuid4().hex,
            display_name=str(display_name),
            media_type=str(media_type),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            added_at=datetime.now(UTC),
        )
        with self._v._tx() as con:
            if con.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone() is None:
                raise NotFound()
            con.execute(
                "INSERT INTO attachments(id, interview_id, display_name, media_type, size, sha256, added_at, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    info.id,
                    interview_id,
                    info.display_name,
                    info.media_type,
                    info.size,
                    info.sha256,
                    info.added_at.isoformat() if info.added_at else _now(),
                    data,
                ),
            )
            self._v.audit._append(con, "attachment.added", interview_id)
        return info

    def list(self, interview_id: str) -> list[AttachmentInfo]:
        _check_id(interview_id)
        with self._v._use() as con:
            rows = con.execute(
                "SELECT id, display_name, media_type, size, sha256, added_at FROM attachments "
                "WHERE interview_id = ? ORDER BY added_at, id",
                (interview_id,),
            ).fetchall()
        return [AttachmentInfo(r[0], r[1], r[2], r[3], r[4], datetime.fromisoformat(r[5])) for r in rows]

    def get_bytes(self, attachment_id: str) -> bytes:
        _check_id(attachment_id, "attachment")
        with self._v._use() as con:
            row = con.execute("SELECT data, sha256 FROM attachments WHERE id = ?", (attachment_id,)).fetchone()
        if row is None:
            raise NotFound("attachment")
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != row[1]:
            raise VaultError("The attachment is damaged (its checksum does not match).")
        return data

    def delete(self, attachment_id: str) -> None:
        _check_id(attachment_id, "attachment")
        with self._v._tx() as con:
            row = con.execute("SELECT interview_id FROM attachments WHERE id = ?", (attachment_id,)).fetchone()
            if row is None:
                raise NotFound("attachment")
            con.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
            con.execute("INSERT OR IGNORE INTO backup_purges(kind, id) VALUES ('attachment', ?)", (attachment_id,))
            self._v.audit._append(con, "attachment.deleted", row[0])
        self._v._after_deletion(vacuum=False)


# --- drafts, redaction decisions, settings ---------------------------------------------------


class Drafts:
    """The form's continuous draft save: JSON payloads by key, encrypted like everything else.
    A draft whose key contains an interview's id is deleted with that interview."""

    def __init__(self, vault: Vault) -> None:
        self._v = vault

    def save(self, key: str, payload: dict, *, interview_id: str | None = None) -> None:
        if not isinstance(key, str) or not key:
            raise ValueError("a draft needs a key")
        text = _dumps(payload)
        with self._v._tx() as con:
            con.execute(
                "INSERT INTO drafts(key, interview_id, saved_at, payload) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET interview_id = excluded.interview_id, saved_at = excluded.saved_at, "
                "payload = excluded.payload",
                (key, interview_id, _now(), text),
            )

    def load(self, key: str) -> dict | None:
        with self._v._use() as con:
            row = con.execute("SELECT payload FROM drafts WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def keys(self) -> list[str]:
        with self._v._use() as con:
            return [r[0] for r in con.execute("SELECT key FROM drafts ORDER BY saved_at")]

    def clear(self, key: str) -> None:
        with self._v._tx() as con:
            con.execute("DELETE FROM drafts WHERE key = ?", (key,))


class Redaction:
    """The redaction engine's decisions for an interview, as opaque JSON."""

    def __init__(self, vault: Vault) -> None:
        self._v = vault

    def save_decisions(self, interview_id: str, payload: dict) -> None:
        _check_id(interview_id)
        text = _dumps(payload)
        with self._v._tx() as con:
            if con.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone() is None:
                raise NotFound()
            con.execute(
                "INSERT INTO redaction_decisions(interview_id, saved_at, payload) VALUES (?, ?, ?) "
                "ON CONFLICT(interview_id) DO UPDATE SET saved_at = excluded.saved_at, payload = excluded.payload",
                (interview_id, _now(), text),
            )
            self._v.audit._append(con, "redaction.saved", interview_id)

    def load_decisions(self, interview_id: str) -> dict | None:
        _check_id(interview_id)
        with self._v._use() as con:
            row = con.execute(
                "SELECT payload FROM redaction_decisions WHERE interview_id = ?", (interview_id,)
            ).fetchone()
        return json.loads(row[0]) if row else None


class Settings:
    """Settings kept inside the encrypted database (anything sensitive); values are JSON."""

    def __init__(self, vault: Vault) -> None:
        self._v = vault

    def get(self, key: str, default: Any = None) -> Any:
        with self._v._use() as con:
            row = con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set(self, key: str, value: Any) -> None:
        if not isinstance(key, str) or not key:
            raise ValueError("a setting needs a key")
        text = _dumps(value)
        with self._v._tx() as con:
            con.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, text),
            )


# --- audit log ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    action: str
    target: str | None


_ACTION = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,4}$")
_TARGET = re.compile(r"^[A-Za-z0-9_-]{1,64}(:\d+)?$")
_GENESIS = "0" * 64


def _entry_hash(prev: str, seq: int, at: str, action: str, target: str | None) -> str:
    return hashlib.sha256(_dumps([prev, seq, at, action, target]).encode("utf-8")).hexdigest()


class Audit:
    """Append-only log of who did what, when. Actions are dotted codes (``interview.added``) and
    targets are record ids, so no content can be written into it. Each entry's hash chains to the
    previous one; :meth:`verify` recomputes the chain."""

    def __init__(self, vault: Vault) -> None:
        self._v = vault

    def _append(self, con: Any, action: str, target: str | None, *, count: int | None = None) -> None:
        if not _ACTION.match(action or ""):
            raise ValueError("an audit action is a short dotted code")
        if count is not None:
            target = f"n:{int(count)}"
        elif target is not None and not _TARGET.match(target):
            raise ValueError("an audit target is a record id")
        last = con.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (last[0] + 1, last[1]) if last else (1, _GENESIS)
        at = _now()
        con.execute(
            "INSERT INTO audit(seq, at, action, target, prev, hash) VALUES (?, ?, ?, ?, ?, ?)",
            (seq, at, action, target, prev, _entry_hash(prev, seq, at, action, target)),
        )

    def append(self, action: str, target: str | None = None) -> None:
        with self._v._tx() as con:
            self._append(con, action, target)

    def entries(self) -> list[AuditEntry]:
        with self._v._use() as con:
            rows = con.execute("SELECT seq, at, action, target FROM audit ORDER BY seq").fetchall()
        return [AuditEntry(s, datetime.fromisoformat(a), act, t) for s, a, act, t in rows]

    def verify(self) -> bool:
        """True if every entry is present (no gaps) and chained to the one before."""
        with self._v._use() as con:
            rows = con.execute("SELECT seq, at, action, target, prev, hash FROM audit ORDER BY seq").fetchall()
        prev = _GENESIS
        expected_seq = 1
        for seq, at, action, target, p, h in rows:
            if seq != expected_seq or p != prev or h != _entry_hash(p, seq, at, action, target):
                return False
            prev = h
            expected_seq += 1
        return True
