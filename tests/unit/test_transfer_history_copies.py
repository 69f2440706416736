"""One interview edited on two laptops of one lineage (the old laptop and the laptop restored from its
copy): every edit the coordinator received stays, as the current record or as a history copy, in
whatever order the bundles arrive. Real vaults, a real backup copy, real bundles.

Before history copies were keyed by their content, two different edits with one revision number
shared one slot (``revisions`` keyed by interview and number): the second was silently dropped.
"""

from __future__ import annotations

import dataclasses
import json

from desktop.services import backups, transfer
from desktop.vault import Vault
from tests.factories import PASSPHRASE, make_interview
from tests.transfer_vaults import dump, make_pair
from tests.transfer_vaults import send_bundle as _send


def _import(coord, sent):
    outcome = transfer.import_bundles(coord, sent.path).bundles[0]
    assert outcome.status == "imported", outcome.reason
    return outcome


def _edit(vault, interview_id, text):
    vault.interviews.update(dataclasses.replace(vault.interviews.get(interview_id), statement=text))


def _every_text(vault, interview_id) -> list[str]:
    """The current statement and every history copy's, read from the tables themselves."""
    con = vault.connection()
    docs = [row[0] for row in con.execute("SELECT doc FROM revisions WHERE interview_id = ?", (interview_id,))]
    return sorted([vault.interviews.get(interview_id).statement, *(json.loads(d)["statement"] for d in docs)])


def _two_laptops(tmp_path):
    """The old laptop sent one interview, a copy was made, the copy was restored onto a second laptop."""
    old, coord = make_pair(tmp_path)
    iv = make_interview("Sent before the copy.")
    old.interviews.add(iv)
    _import(coord, _send(old, tmp_path, "1"))
    (tmp_path / "backup-stick").mkdir()
    backups.backup_to_folder(old, tmp_path / "backup-stick")
    backups.restore_copy(tmp_path / "backup-stick", tmp_path / "restored", PASSPHRASE)
    return old, Vault.unlock(tmp_path / "restored", PASSPHRASE), coord, iv.id


def test_a_higher_revision_from_the_old_laptop_keeps_both_same_numbered_edits(tmp_path):
    old, new, coord, iv = _two_laptops(tmp_path)
    _edit(old, iv, "Old laptop's edit.")
    _import(coord, _send(old, tmp_path, "old-2"))
    _edit(new, iv, "Restored laptop's edit.")  # revision 2 as well
    _import(coord, _send(new, tmp_path, "new-2"))
    assert coord.interviews.get(iv).statement == "Restored laptop's edit."

    _edit(old, iv, "Old laptop's second edit.")  # revision 3: newer than both
    _import(coord, _send(old, tmp_path, "old-3"))
    assert coord.interviews.get(iv).statement == "Old laptop's second edit."
    assert _every_text(coord, iv) == sorted(
        ["Sent before the copy.", "Old laptop's edit.", "Restored laptop's edit.", "Old laptop's second edit."]
    )
    assert coord.interviews.count() == 1 and coord.audit.verify()


def test_the_old_laptops_edit_arriving_after_the_restored_laptops_is_kept_as_history(tmp_path):
    old, new, coord, iv = _two_laptops(tmp_path)
    _edit(new, iv, "Restored laptop's edit.")
    _import(coord, _send(new, tmp_path, "new-2"))
    _edit(old, iv, "Old laptop's edit.")  # the same number, from the laptop the restored one replaced
    _import(coord, _send(old, tmp_path, "old-2"))
    assert coord.interviews.get(iv).statement == "Restored laptop's edit."  # the later generation stays current
    assert _every_text(coord, iv) == sorted(["Sent before the copy.", "Old laptop's edit.", "Restored laptop's edit."])


def test_sending_the_same_records_again_adds_no_copy(tmp_path):
    old, new, coord, iv = _two_laptops(tmp_path)
    _edit(old, iv, "Old laptop's edit.")
    _import(coord, _send(old, tmp_path, "old-2"))
    _edit(new, iv, "Restored laptop's edit.")
    _import(coord, _send(new, tmp_path, "new-2"))
    _edit(old, iv, "Old laptop's second edit.")
    _import(coord, _send(old, tmp_path, "old-3"))
    before = dump(coord)
    for laptop, name in ((old, "old-again"), (new, "new-again")):
        laptop.connection().execute("DELETE FROM deliveries")  # as if nothing had been sent: all of it again
        _import(coord, _send(laptop, tmp_path, name))
    after = dump(coord)
    for table in ("interviews", "revisions", "people", "identifiers", "consents", "attachments"):
        assert after[table] == before[table], table
    assert len(_every_text(coord, iv)) == 4


def test_the_coordinator_can_still_edit_an_interview_edited_on_both_laptops(tmp_path):
    old, new, coord, iv = _two_laptops(tmp_path)
    _edit(old, iv, "Old laptop's edit.")
    _import(coord, _send(old, tmp_path, "old-2"))
    _edit(new, iv, "Restored laptop's edit.")
    _import(coord, _send(new, tmp_path, "new-2"))
    _edit(coord, iv, "The coordinator's correction.")
    assert coord.interviews.get(iv).statement == "The coordinator's correction."
    sources = dict(coord.connection().execute("SELECT json_extract(doc, '$.statement'), from_device FROM revisions"))
    old_id, new_id = transfer.public_keys(old).device_id, transfer.public_keys(new).device_id
    assert sources == {
        "Sent before the copy.": old_id,
        "Old laptop's edit.": old_id,
        "Restored laptop's edit.": new_id,
    }  # who each copy came from
    assert _every_text(coord, iv) == sorted(
        ["Sent before the copy.", "Old laptop's edit.", "Restored laptop's edit.", "The coordinator's correction."]
    )


def test_a_vault_made_at_version_8_keeps_its_saved_versions_and_their_triggers(tmp_path, monkeypatch):
    from desktop.vault import vault as vault_module
    from desktop.vault.schema import MIGRATIONS, SCHEMA_VERSION
    from tests.factories import FAST_KDF

    mine = next(n for n, (version, _sql) in enumerate(MIGRATIONS) if version == 9)
    monkeypatch.setattr(vault_module, "MIGRATIONS", MIGRATIONS[:mine])
    monkeypatch.setattr(vault_module, "SCHEMA_VERSION", 8)
    d = tmp_path / "vault"
    v = Vault.create(d, PASSPHRASE, kdf=FAST_KDF)
    iv = v.interviews.add(make_interview("Third."))
    con = v.connection()
    doc = con.execute("SELECT doc FROM interviews WHERE id = ?", (iv,)).fetchone()[0]
    con.execute("BEGIN IMMEDIATE")  # two versions saved the version 8 way (this code's own save knows 9)
    for n, text in ((1, "First."), (2, "Second.")):
        con.execute(
            "INSERT INTO revisions(interview_id, revision, saved_at, doc) VALUES (?, ?, ?, ?)",
            (iv, n, f"2026-01-0{n}T10:00:00+00:00", json.dumps({**json.loads(doc), "statement": text})),
        )
    con.execute("UPDATE interviews SET revision = 3 WHERE id = ?", (iv,))
    con.execute("COMMIT")
    saved_at = con.execute("SELECT revision, saved_at FROM revisions ORDER BY revision").fetchall()
    v.lock()
    monkeypatch.undo()

    v = Vault.unlock(d, PASSPHRASE)
    try:
        con = v.connection()
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert any(b.name.endswith("migration") for b in Vault.backups(d))
        assert con.execute("SELECT revision, saved_at FROM revisions ORDER BY revision").fetchall() == saved_at
        assert [v.interviews.get_revision(iv, n).statement for n, _ in v.interviews.revisions(iv)] == [
            "First.",
            "Second.",
        ]
        assert con.execute("SELECT count(*) FROM revisions WHERE copy = ''").fetchone() == (2,)  # as they were
        triggers = {
            name
            for (name,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'revisions'"
            )
        }
        assert triggers == {"revisions_revise_insert", "revisions_revise_update", "revisions_revise_delete"}
        rev = v.fingerprints.revisions()[iv]
        _edit(v, iv, "Fourth.")  # a version kept after the migration still gives the interview a new number
        assert v.fingerprints.revisions()[iv] > rev
        assert [c.statement for c in v.interviews.copies(iv, 3)] == ["Third."]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == [] and v.audit.verify()
        v.check()
    finally:
        v.lock()
