"""Finding interviews: the list's filters and orders, and full-text search, as SQL.

Everything a person types or picks reaches SQLite only as a parameter or as one of the fixed
orders in :data:`SORTS`: :func:`fts_query` turns typed text into a safe FTS5 query, :func:`where`
turns a :class:`ListFilter` into a WHERE clause, :func:`page_sql` builds one page of the list.
The interviews repository (:mod:`desktop.vault.repos.interviews`) runs what is built here.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.core.model import CrimeType, Interview, Role, Status


@dataclass(frozen=True)
class InterviewSummary:
    """One row of the interview list: never the statement, names or identifiers."""

    id: str
    reference: str
    interviewed_on: date
    role: Role
    crime_type: CrimeType | None  # None: a draft's, not chosen yet
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


def summary_from_row(row: tuple) -> InterviewSummary:
    return InterviewSummary(
        id=row[0],
        reference=row[1],
        interviewed_on=date.fromisoformat(row[2]),
        role=Role(row[3]),
        crime_type=CrimeType(row[4]) if row[4] else None,
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


def search_body(iv: Interview) -> str:
    parts = [iv.reference, iv.statement, iv.what_was_shared, iv.original_text, iv.interviewer]
    for p in iv.people:
        parts.append(p.name)
        parts.extend(p.aliases)
    parts.extend(i.value for i in iv.identifiers)
    return "\n".join(x for x in parts if x)



def where(flt: ListFilter | None) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) for a list filter; the text goes through :func:`fts_query`."""
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


def page_sql(flt: ListFilter | None, sort: str, descending: bool) -> tuple[str, list[Any]]:
    """One page of the list: SQL taking the filter's parameters, then LIMIT and OFFSET. ``sort`` is
    one of :data:`SORTS` (anything else is a ValueError); ties go to the last changed, then the last
    added (the same direction as the sort)."""
    if sort not in _SORTS:
        raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(sorted(_SORTS))}")
    clause, params = where(flt)
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
        + " WHERE i.num IN (SELECT i.num FROM interviews i" + clause + order + " LIMIT ? OFFSET ?)"
        + order
    )
    return sql, params


# Full-text search: the newest matches (FTS5 walks its index in row order without sorting), best
# match (bm25) first. Parameters: the FTS5 query from fts_query, then the limit.
SEARCH_SQL = (
    _SUMMARY_SQL
    + " JOIN (SELECT rowid AS r, rank AS k FROM search_index WHERE search_index MATCH ?"
    " ORDER BY rowid DESC LIMIT ?) s ON s.r = i.num ORDER BY s.k, i.num DESC"
)
