"""The vault's schema: an integer version (``PRAGMA user_version``) and ordered migrations.

Each migration is a list of statements run in one transaction that also bumps ``user_version``,
so a crash leaves the schema at the old version or the new one. :meth:`Vault.unlock` takes a
verified backup before running any migration on an existing vault (T17).

To change the schema: append a new ``(version, statements)`` entry to :data:`MIGRATIONS`, never
edit an old one, and add a test that opens a vault made at the previous version.

Backups keep the version they were made at (the one before a migration stays at the old version).
When interviews are deleted, the same delete runs in every backup from :data:`CLEANABLE_FROM` on; a
backup older than that is removed instead. A migration that changes the tables the delete touches
(:func:`desktop.vault.deletion.delete_interview_rows`) must raise :data:`CLEANABLE_FROM` to its own version.
"""

from __future__ import annotations

from collections.abc import Sequence

# Version 1: the first vault.
_V1: tuple[str, ...] = (
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # num is a stable integer row id (VACUUM never renumbers an INTEGER PRIMARY KEY): the search index uses it.
    """CREATE TABLE interviews (
        num INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        reference TEXT NOT NULL UNIQUE,
        interviewed_on TEXT NOT NULL,
        role TEXT NOT NULL,
        crime_type TEXT NOT NULL,
        force TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        doc TEXT NOT NULL
    )""",
    "CREATE INDEX interviews_updated ON interviews(updated_at)",
    "CREATE INDEX interviews_interviewed ON interviews(interviewed_on)",
    "CREATE INDEX interviews_force ON interviews(force)",
    "CREATE INDEX interviews_crime ON interviews(crime_type)",
    """CREATE TABLE people (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        aliases TEXT NOT NULL,
        PRIMARY KEY (interview_id, position)
    )""",
    """CREATE TABLE identifiers (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (interview_id, position)
    )""",
    """CREATE TABLE consents (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        use TEXT NOT NULL,
        given INTEGER NOT NULL,
        recorded_on TEXT,
        taken_by TEXT NOT NULL DEFAULT '',
        withdrawn_on TEXT,
        withdrawn_by TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (interview_id, use)
    )""",
    """CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        display_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        added_at TEXT NOT NULL,
        data BLOB NOT NULL
    )""",
    "CREATE INDEX attachments_interview ON attachments(interview_id)",
    # Every saved version of an interview before the current one (the record of changes).
    """CREATE TABLE revisions (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (interview_id, revision)
    )""",
    """CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        interview_id TEXT,
        saved_at TEXT NOT NULL,
        payload TEXT NOT NULL
    )""",
    """CREATE TABLE redaction_decisions (
        interview_id TEXT PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
        saved_at TEXT NOT NULL,
        payload TEXT NOT NULL
    )""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # Who did what, when: actions and record ids only, never content. Each entry's hash covers the
    # previous entry's hash, so a removed or edited entry breaks the chain.
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        prev TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    # Records deleted from the vault whose deletion from the backups is not confirmed yet (ids only).
    # Written in the same transaction as the delete, so a crash in between is finished at next unlock.
    """CREATE TABLE backup_purges (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (kind, id)
    )""",
    # Full-text search. rowid = interviews.num. secure-delete makes a delete rewrite the index
    # blocks, so a deleted interview's words are gone from the index too (T5, T6).
    """CREATE VIRTUAL TABLE search_index USING fts5(
        body, tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO search_index(search_index, rank) VALUES('secure-delete', 1)",
)

# Version 2: indexes for the interview list, so no filter or sort has to read every interview's row
# (each row carries its whole record, about ten kilobytes for a long statement). Every list order ends
# with the last change and then ``num`` (``repos._SORTS``), which is how these indexes are ordered, so
# one index serves both "only this police force" and "sorted by police force". Each also holds every
# other column the list shows or sorts by (a few hundred bytes an interview in all), so a filter on one
# column sorted by another, or the consent and people counts (found through the id), never need the row.
_LIST_COLUMNS = ("updated_at", "id", "reference", "interviewed_on", "role", "crime_type", "force", "status")


def _list_index(name: str, first: str | None) -> str:
    columns = ([first] if first else []) + [c for c in _LIST_COLUMNS if c != first]
    return f"CREATE INDEX {name} ON interviews({', '.join(columns)})"


_V2: tuple[str, ...] = (
    "DROP INDEX interviews_updated",
    "DROP INDEX interviews_interviewed",
    "DROP INDEX interviews_force",
    "DROP INDEX interviews_crime",
    _list_index("interviews_updated", None),
    _list_index("interviews_interviewed", "interviewed_on"),
    _list_index("interviews_force", "force"),
    _list_index("interviews_crime", "crime_type"),
    _list_index("interviews_status", "status"),
    _list_index("interviews_role", "role"),
)

# Version 3: USB transfer (desktop/services/transfer.py). This vault's own device keys (the secret form,
# inside the encrypted database only) and its role; the devices pinned at enrolment; on a field vault the
# bundles sent, what each interview last went out as and whether the coordinator's receipt came back, and
# the deletions still to travel (an id and a time, no content); on a coordinator the bundles received
# (imported or refused, with the reason in plain words) and which device each interview came from.
# The per-interview tables cascade from ``interviews``, so the delete in deletion.py needs no change.
_V3: tuple[str, ...] = (
    """CREATE TABLE transfer_self (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        role TEXT NOT NULL CHECK (role IN ('field', 'coordinator')),
        device_id TEXT NOT NULL,
        secret BLOB NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE transfer_peers (
        device_id TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('field', 'coordinator')),
        public_keys TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        allow_recovery INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE bundles_sent (
        seq INTEGER PRIMARY KEY,
        bundle_id TEXT UNIQUE,
        file_name TEXT NOT NULL,
        sha256 TEXT,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('writing', 'sent', 'receipted')),
        receipted_at TEXT
    )""",
    """CREATE TABLE deliveries (
        interview_id TEXT PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        digest TEXT NOT NULL,
        bundle_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('sent', 'delivered')),
        delivered_at TEXT
    )""",
    """CREATE TABLE tombstones (
        interview_id TEXT PRIMARY KEY,
        deleted_at TEXT NOT NULL,
        bundle_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'delivered', 'received'))
    )""",
    """CREATE TABLE bundles_received (
        sha256 TEXT PRIMARY KEY,
        bundle_id TEXT,
        device_id TEXT,
        seq INTEGER,
        prev_sha256 TEXT,
        status TEXT NOT NULL CHECK (status IN ('imported', 'refused')),
        reason TEXT NOT NULL DEFAULT '',
        received_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX bundles_received_id ON bundles_received(bundle_id) WHERE status = 'imported'",
    "CREATE UNIQUE INDEX bundles_received_seq ON bundles_received(device_id, seq) WHERE status = 'imported'",
    """CREATE TABLE interview_origin (
        interview_id TEXT PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
        device_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        bundle_id TEXT NOT NULL
    )""",
)

# Version 4: the facts the evidence totals count (desktop/services/evidence.py), one small row per
# interview, so the totals read a few dozen bytes an interview instead of parsing each whole record
# (about ten kilobytes with its statement). Triggers keep the table in step with ``interviews`` on
# every write: a save, an import from a stick, a revision replaced, a delete (here and in a backup),
# so no code path can forget it. Coded facts only, never a name or a word of the statement.
_FACTS = (
    "SELECT new.num, new.id, new.role, new.crime_type, new.force, json_extract(new.doc, '$.reported_on'), "
    "json_extract(new.doc, '$.asked_about_status'), "
    "json_extract(new.doc, '$.immigration_enforcement_contacted'), "
    "json_extract(new.doc, '$.fear_delayed_reporting'), json_extract(new.doc, '$.status_used_as_threat'), "
    "json_extract(new.doc, '$.outcomes')"
)
_V4: tuple[str, ...] = (
    """CREATE TABLE evidence_facts (
        num INTEGER PRIMARY KEY,
        interview_id TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        crime_type TEXT NOT NULL,
        force TEXT NOT NULL,
        reported_on TEXT,
        asked_about_status TEXT,
        ie_contacted TEXT,
        fear_delayed TEXT,
        status_threat TEXT,
        outcomes TEXT
    )""",
    f"CREATE TRIGGER evidence_facts_insert AFTER INSERT ON interviews BEGIN "
    f"INSERT OR REPLACE INTO evidence_facts {_FACTS}; END",
    f"CREATE TRIGGER evidence_facts_update AFTER UPDATE ON interviews BEGIN "
    f"DELETE FROM evidence_facts WHERE num = old.num; INSERT OR REPLACE INTO evidence_facts {_FACTS}; END",
    "CREATE TRIGGER evidence_facts_delete AFTER DELETE ON interviews BEGIN "
    "DELETE FROM evidence_facts WHERE num = old.num; END",
    "INSERT INTO evidence_facts " + _FACTS.replace("new.", "") + " FROM interviews",
)

# Version 5: quotations (desktop/services/quotations.py). Passages of a statement a reviewer marked as
# quotable, each with its theme: where it stands in the reviewed text (code points, as the redaction
# decisions count) and the passage as marked, so it is found again if the text before it changes. The
# passage is interview content and lives here only, inside the encrypted database; the audit log names
# the interview's id. Rows cascade from ``interviews``, so the delete in deletion.py needs no change.
_V5: tuple[str, ...] = (
    """CREATE TABLE quotations (
        id TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        start_pos INTEGER NOT NULL CHECK (start_pos >= 0),
        end_pos INTEGER NOT NULL CHECK (end_pos > start_pos),
        passage TEXT NOT NULL,
        theme TEXT NOT NULL,
        marked_at TEXT NOT NULL
    )""",
    "CREATE INDEX quotations_interview ON quotations(interview_id, start_pos)",
)

# Version 6: statement fingerprints already computed (desktop/services/fingerprints.py). The evidence
# summary lists the fingerprint of every consented statement, and computing one means redacting the
# statement again (minutes at 10,000 interviews). Each is kept with ``inputs``, a digest of what it was
# made from (the stored record, its decisions and saved versions, the engine's version), and used again
# only while the digest made now is the same. A digest and a hash of redacted text: no content. Rows
# cascade from ``interviews``, so the delete in deletion.py needs no change.
_V6: tuple[str, ...] = (
    """CREATE TABLE statement_fingerprints (
        interview_id TEXT PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
        inputs TEXT NOT NULL,
        fingerprint TEXT NOT NULL
    )""",
)

# Version 7: a restored device (desktop/services/transfer_succession.py). On a field vault, when it was
# made from a backup copy (``restored_at``, cleared once it has new keys) and the succession statement its
# old key signed for the new one, carried in every bundle after; on a coordinator, which enrolled device
# each restored device continues (accepted once per old device) and after which of its bundles. And an
# index on the audit log's actions, so "the last backup copy" and "deleted since" are found without
# reading the log (a coordinator's holds an entry for every import).
_V7: tuple[str, ...] = (
    "ALTER TABLE transfer_self ADD COLUMN restored_at TEXT",
    "ALTER TABLE transfer_self ADD COLUMN succession BLOB",
    """CREATE TABLE transfer_successions (
        device_id TEXT PRIMARY KEY,
        predecessor TEXT NOT NULL UNIQUE,
        after_seq INTEGER NOT NULL,
        after_sha256 TEXT NOT NULL,
        statement BLOB NOT NULL,
        accepted_at TEXT NOT NULL
    )""",
    "CREATE INDEX audit_action ON audit(action, seq)",
)

# Version 8: what makes the kept results cheap to check (desktop/services/fingerprints.py, evidence.py).
# ``revision_clock`` is one vault-wide counter that only grows; triggers on every table a statement is made
# from (the record, its people, identifiers, consents, the reviewer's decisions, the saved versions) advance
# it and give the interview its new value in ``statement_revisions``, in the same transaction as the write,
# so no code path can forget it and no number is ever given twice (a deleted interview's number is not
# reused). A result kept with the number it was made from is current while the number is the same: one
# indexed read instead of digesting every record. ``protected_kept`` keeps each interview's protected
# strings (what the summary's gate looks for), made from the number stored beside them; ``kept_results``
# keeps a protected release of the totals under a digest of what it was counted from, and is emptied when
# an interview is deleted. All cascade from ``interviews`` (the delete in deletion.py needs no change).
_REVISED = (
    ("interviews", "id"),
    ("people", "interview_id"),
    ("identifiers", "interview_id"),
    ("consents", "interview_id"),
    ("redaction_decisions", "interview_id"),
    ("revisions", "interview_id"),
)


def _revise(row: str, column: str) -> str:
    """Advance the clock and give the interview of ``row`` (old or new) its value, if it is still there.
    No conflict clause: inside a trigger the outer statement's policy would replace it (an upsert's
    update then failed on the existing row), so the row is updated, or inserted where there is none."""
    ref = f"{row}.{column}"
    return (
        "UPDATE revision_clock SET n = n + 1; "
        f"UPDATE statement_revisions SET rev = (SELECT n FROM revision_clock) WHERE interview_id = {ref}; "
        "INSERT INTO statement_revisions(interview_id, rev) SELECT i.id, c.n FROM interviews i, revision_clock c "
        f"WHERE i.id = {ref} AND NOT EXISTS (SELECT 1 FROM statement_revisions WHERE interview_id = {ref});"
    )


def _revision_triggers(only: str | None = None) -> list[str]:
    out = []
    for table, column in _REVISED:
        if only is not None and table != only:
            continue
        out.append(f"CREATE TRIGGER {table}_revise_insert AFTER INSERT ON {table} BEGIN {_revise('new', column)} END")
        out.append(
            f"CREATE TRIGGER {table}_revise_update AFTER UPDATE ON {table} BEGIN "
            f"{_revise('old', column)} {_revise('new', column)} END"
        )
        if table != "interviews":  # an interview's own delete takes its number with it (cascade)
            out.append(
                f"CREATE TRIGGER {table}_revise_delete AFTER DELETE ON {table} BEGIN {_revise('old', column)} END"
            )
    return out


_V8: tuple[str, ...] = (
    """CREATE TABLE revision_clock (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        n INTEGER NOT NULL
    )""",
    "INSERT INTO revision_clock(only, n) SELECT 1, coalesce(max(num), 0) FROM interviews",
    """CREATE TABLE statement_revisions (
        interview_id TEXT PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
        rev INTEGER NOT NULL
    )""",
    "INSERT INTO statement_revisions(interview_id, rev) SELECT id, num FROM interviews",
    *_revision_triggers(),
    """CREATE TABLE protected_kept (
        interview_id TEXT PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
        inputs TEXT NOT NULL,
        strings TEXT NOT NULL
    )""",
    """CREATE TABLE kept_results (
        name TEXT PRIMARY KEY,
        inputs TEXT NOT NULL,
        value TEXT NOT NULL
    )""",
    "CREATE TRIGGER kept_results_forget AFTER DELETE ON interviews BEGIN DELETE FROM kept_results; END",
)

# Version 9: history copies that never collide (desktop/vault/repos/transfer.py). An interview edited on two
# laptops of one lineage (an old laptop and the laptop restored from its copy) can arrive as two different
# records with one revision number; keyed by interview and number alone, the second was silently dropped.
# ``copy`` is the SHA-256 of the saved record ('' for a version saved before this version: those were one
# per number), so two different records never share a row, and the same record kept twice is one row.
# ``from_device`` is the device whose bundle brought it (NULL for a version saved here). SQLite cannot
# change a primary key, so the table is made again and its rows copied; its triggers (version 8) go with
# the old table and are made again. The delete in deletion.py is unchanged (by interview id).
_V9: tuple[str, ...] = (
    """CREATE TABLE revisions_keyed (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        copy TEXT NOT NULL DEFAULT '',
        from_device TEXT,
        saved_at TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (interview_id, revision, copy)
    )""",
    "INSERT INTO revisions_keyed(interview_id, revision, saved_at, doc) "
    "SELECT interview_id, revision, saved_at, doc FROM revisions ORDER BY interview_id, revision",
    "DROP TABLE revisions",
    "ALTER TABLE revisions_keyed RENAME TO revisions",
    *_revision_triggers("revisions"),
)

# Version 10: the coordinator's own name for each enrolled laptop ("Leeds office"), kept in this vault only and
# never written to a stick, a bundle, a receipt or a file name; '' for a laptop not named (enrolled before).
_V10: tuple[str, ...] = ("ALTER TABLE transfer_peers ADD COLUMN name TEXT NOT NULL DEFAULT ''",)

MIGRATIONS: tuple[tuple[int, Sequence[str]], ...] = (
    (1, _V1),
    (2, _V2),
    (3, _V3),
    (4, _V4),
    (5, _V5),
    (6, _V6),
    (7, _V7),
    (8, _V8),
    (9, _V9),
    (10, _V10),
)

SCHEMA_VERSION = MIGRATIONS[-1][0]

# The oldest schema version whose backups the deletion code can clean (see the module docstring).
CLEANABLE_FROM = 1
