"""The encrypted vault: every interview lives here. Pure Python, never imports PySide6 or desktop.ui.

One vault is one folder: ``vault.db`` (SQLCipher, keyed with a random 256-bit data key) and
``keyslot.json`` (the data key wrapped by the passphrase through Argon2id + AES-256-GCM), plus
``backups/``. docs/architecture.md ("Where each decision lives") gives the reasons, docs/security-tests.md the tests.

API (every method may be called from a worker thread: each thread gets its own connection)::

    from desktop.vault import (Vault, KdfParams, calibrate_kdf, VaultError, WrongPassphrase, VaultDamaged,
                               VaultLocked, VaultExists, NoVault, DiskFull, InterviewSummary, ListFilter)

    Vault.exists(directory) -> bool
    Vault.create(directory, passphrase, *, kdf=None) -> Vault          # returned unlocked; kdf=None calibrates
    Vault.unlock(directory, passphrase) -> Vault                       # WrongPassphrase / VaultDamaged / NoVault
    Vault.recover(directory, unwrap, new_passphrase, *, kdf=None)      # organisation recovery slot
    Vault.backups(directory) -> list[Path]                             # verified backups, newest first
    Vault.restore_backup(directory, backup)                            # damaged files moved to damaged/<when>/

    vault.lock() ; vault.is_locked ; vault.change_passphrase(old, new, *, kdf=None)
    vault.set_recovery_slot(wrap | None) ; vault.backup_now(reason="manual") -> Path
    vault.connection()                                                 # this thread's own connection

    vault.interviews.add(iv) -> id ; add_many(ivs) -> ids (all or none) ; get(id) -> Interview ; exists(id)
    vault.interviews.update(iv)                                        # keeps the previous version as a revision
    vault.interviews.revisions(id) ; get_revision(id, n)
    vault.interviews.delete(id) ; purge(ids) -> count                  # leaves nothing: tables, index, WAL, backups
                                                                       # (purge also VACUUMs)
    vault.interviews.list_summaries(flt=None, *, offset=0, limit=200, sort="updated_at", descending=True)
        # sort: one of search.SORTS (updated_at, created_at, interviewed_on, reference, force, crime_type,
        # status, role, consent_complaint, people_count); ties go to the last changed. Any other name
        # is a ValueError: nothing a person types reaches the SQL.
        # flt: ListFilter(force, crime_type, consent_complaint, status, text, last_word_prefix=False);
        # last_word_prefix=True is the search box as she types: "Amin" finds "Amina", "Amin " does not.
    vault.interviews.count(flt=None) ; ids() ; find_by_reference(ref) -> id | None
    vault.interviews.evidence_rows()                                   # the counted facts only (totals)
    vault.interviews.search(query, *, limit=200, last_word_prefix=False)
                                                                       # any text a person types; the newest
                                                                       # `limit` matches, best match first
    vault.interviews.withdraw_consent(id, use, on, by)
    vault.attachments.add(interview_id, data, display_name, media_type) -> AttachmentInfo
    vault.attachments.list(interview_id) ; get_bytes(attachment_id) ; delete(attachment_id)
    vault.drafts.save(key, payload, *, interview_id=None) ; load(key) ; clear(key) ; keys()
    vault.redaction.save_decisions(interview_id, payload) ; load_decisions(interview_id)
    vault.settings.get(key, default=None) ; set(key, value)
    vault.audit.append(action, target=None) ; entries() ; verify() -> bool

Threads: ``Vault.create``/``unlock`` may run on a worker thread and the vault then be used from any
other; each thread opens its own connection on first use. ``lock()`` may be called from any thread:
it waits for an operation in progress to finish, closes every thread's connection, truncates the WAL
and wipes the data key. Every write is one transaction: durable when the method returns, absent
when it raises. Tests inject cheap key derivation with ``kdf=KdfParams(time_cost=1, memory_cost_kib=8,
lanes=1)``; production passes nothing and gets :func:`calibrate_kdf` (about 0.5-1 s here).

Errors are :class:`VaultError` subclasses whose messages hold no interview content:
``WrongPassphrase``, ``VaultDamaged`` (``.backups``), ``VaultLocked``, ``VaultExists``, ``NoVault``,
``DiskFull``, ``NotFound``, ``NewerVault``, ``SQLCipherMissing``, ``VaultInUse`` (another Witnessbox
process holds the vault), ``ForeignJournal`` (a ``VaultDamaged``: a journal set aside unapplied).

Modules, each leaning only on those above it (no import circles; tests/unit/test_layers.py checks)::

    errors.py       the VaultError family (messages hold no interview content)
    keyslot.py      the data key wrapped by the passphrase (Argon2id + AES-256-GCM), KDF calibration
    db.py           the SQLCipher connection recipe: open_db, integrity checks, checkpoints
    schema.py       tables and migrations
    deletion.py     what deleting an interview removes (run in the vault and in every backup)
    connections.py  Connections: one connection per thread, use()/tx(), the after-deletion hook, close
    search.py       InterviewSummary, ListFilter, SORTS, fts_query: the list's and the search's SQL
    repos/          one repository per module (interviews, attachments, drafts, redaction, settings,
                    audit); each is given the Connections, never the Vault
    guard.py        the folder lock (one Witnessbox process per vault), links and folder modes refused
    walcheck.py     is the journal found at unlock this database's own? (tried on a private copy)
    backup.py       verified backups: make, rotate, clean (and the damaged copies) after a deletion, restore
    vault.py        Vault: create, unlock, recover, lock, passphrase and recovery slot

Files are written through :mod:`desktop.files` (the one atomic writer), shared with reports and transfer.
"""

from desktop.vault.errors import (
    DiskFull,
    ForeignJournal,
    NewerVault,
    NotFound,
    NoVault,
    SQLCipherMissing,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultLocked,
    WrongPassphrase,
)
from desktop.vault.keyslot import KdfParams, calibrate_kdf
from desktop.vault.repos import AuditEntry
from desktop.vault.search import InterviewSummary, ListFilter, fts_query
from desktop.vault.vault import Vault

__all__ = [
    "AuditEntry",
    "DiskFull",
    "ForeignJournal",
    "InterviewSummary",
    "KdfParams",
    "ListFilter",
    "NewerVault",
    "NoVault",
    "NotFound",
    "SQLCipherMissing",
    "Vault",
    "VaultDamaged",
    "VaultError",
    "VaultExists",
    "VaultInUse",
    "VaultLocked",
    "WrongPassphrase",
    "calibrate_kdf",
    "fts_query",
]
