"""Repositories: interviews and everything hanging off them, drafts, redaction decisions,
settings, the audit log and USB transfer's rows. Reached through an unlocked :class:`~desktop.vault.Vault`
(``vault.interviews``, ``vault.attachments``, ...); one module each.

A repository is given the vault's :class:`~desktop.vault.connections.Connections`, never the vault:
``use()`` to read on the calling thread's own connection, ``tx()`` for a write (one transaction:
durable when the method returns, absent when it raises), ``after_deletion()`` once a delete has
committed. Each write records its audit entry inside its own transaction
(:func:`~desktop.vault.repos.audit.append_entry`). The SQL for the list's filters and orders and
for full-text search is built in :mod:`desktop.vault.search`.
"""

from desktop.vault.repos.attachments import MAX_ATTACHMENT_BYTES, Attachments
from desktop.vault.repos.audit import Audit, AuditEntry, append_entry
from desktop.vault.repos.drafts import Drafts
from desktop.vault.repos.interviews import OPTIMIZE_AFTER, Interviews
from desktop.vault.repos.quotations import Quotations
from desktop.vault.repos.redaction import Redaction
from desktop.vault.repos.settings import Settings
from desktop.vault.repos.transfer import Transfer
from desktop.vault.search import SORTS, InterviewSummary, ListFilter, fts_query

__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "OPTIMIZE_AFTER",
    "SORTS",
    "Attachments",
    "Audit",
    "AuditEntry",
    "Drafts",
    "InterviewSummary",
    "Interviews",
    "ListFilter",
    "Quotations",
    "Redaction",
    "Settings",
    "Transfer",
    "append_entry",
    "fts_query",
]
