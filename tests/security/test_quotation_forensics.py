"""A deleted interview's quotation marks (which hold the passage as marked, unredacted) are gone
with it: from every decrypted page of the database, its WAL and its backups."""

from __future__ import annotations

import uuid

from desktop.core.quotations import Theme
from desktop.services import quotations
from desktop.vault import Vault
from tests.factories import PASSPHRASE, named_interview, new_vault
from tests.vault_forensics import contains, data_key, decrypted_pages, decrypted_wal_frames


def test_deleting_an_interview_leaves_no_marked_passage_in_the_vault_or_its_backups(tmp_path):
    d = tmp_path / "vault"
    vault = new_vault(d)
    key = data_key(d, PASSPHRASE)
    word = f"zq{uuid.uuid4().hex[:10]}"
    doomed = named_interview(f"The officer said {word} would be told. " + "filler " * 200)
    vault.interviews.add(doomed)
    vault.interviews.add(named_interview("ordinary words about the report " * 40))
    quotations.mark(vault, doomed.id, 0, len(f"The officer said {word} would be told."), Theme.STATUS_THREAT)
    vault.interviews.update(vault.interviews.get(doomed.id))  # one more copy of the statement: a revision
    vault.backup_now()
    vault.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = decrypted_pages(d / "vault.db", key)
    assert contains(pages, word)  # the scan can fail: before the delete the passage is found

    vault.interviews.delete(doomed.id)
    assert not contains(decrypted_wal_frames(d / "vault.db-wal", key), word)
    vault.lock()
    assert not contains(decrypted_pages(d / "vault.db", key), word)
    assert Vault.backups(d)
    for b in Vault.backups(d):
        assert not contains(decrypted_pages(b / "vault.db", key), word)
