"""An interview removed after delivery leaves nothing: not in a decrypted page of the database, its
WAL, the full-text index or a backup (the forensic scan of test_vault_encryption), while the
coordinator keeps its copy."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from desktop.services import retention, transfer
from desktop.vault import Vault
from tests.factories import PASSPHRASE, named_interview
from tests.transfer_vaults import make_pair
from tests.vault_forensics import contains, data_key, decrypted_pages, decrypted_wal_frames


def test_removal_after_delivery_leaves_nothing_on_the_field_laptop(tmp_path):
    field, coord = make_pair(tmp_path)
    d = field.directory
    key = data_key(d, PASSPHRASE)
    words = [f"zq{uuid.uuid4().hex[:10]}" for _ in range(2)]
    name, ident = f"Name{uuid.uuid4().hex[:8]}", f"HO{uuid.uuid4().hex[:8].upper()}"
    doomed = named_interview(" ".join(words) + " filler " * 200, name=f"{name} Person", ident=ident)
    keep = named_interview("ordinary words about the report " * 40)
    field.interviews.add(doomed)
    field.interviews.add(keep)
    field.attachments.add(doomed.id, words[1].encode() * 50, "letter.png", "image/png")
    stick = tmp_path / "stick"
    stick.mkdir()
    transfer.export_bundle(field, stick)
    [outcome] = transfer.import_bundles(coord, stick).bundles
    transfer.import_receipt(field, outcome.receipt)
    keep.statement += " changed since it was sent"
    field.interviews.update(keep)
    field.backup_now()
    field.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    needles = [*words, name, ident]
    for word in needles:  # the scan can fail: before removal every word is found
        assert contains(decrypted_pages(d / "vault.db", key), word), word

    assert retention.remove_due(field, now=datetime.now(UTC) + timedelta(days=31)) == 1
    assert not any(contains(decrypted_wal_frames(d / "vault.db-wal", key), w) for w in needles)
    field.lock()
    assert [w for w in needles if contains(decrypted_pages(d / "vault.db", key), w)] == []
    assert Vault.backups(d)
    for b in Vault.backups(d):
        assert not any(contains(decrypted_pages(b / "vault.db", key), w) for w in needles)

    field = Vault.unlock(d, PASSPHRASE)
    try:
        con = field.connection()
        blocks = [bytes(r[0]) for r in con.execute("SELECT block FROM search_index_data") if r[0] is not None]
        assert not any(contains(blocks, w) for w in needles)
        assert field.interviews.count() == 1 and field.interviews.exists(keep.id)
        assert con.execute("SELECT count(*) FROM deliveries WHERE interview_id = ?", (doomed.id,)).fetchone()[0] == 0
    finally:
        field.lock()
    assert coord.interviews.get(doomed.id).statement == doomed.statement
