"""USB transfer's storage: the schema migration and the repository's rules (revisions, tombstones,
idempotency, all or nothing), with real SQLCipher vaults and no bundle files."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.core.model import ConsentUse
from desktop.vault import Vault, VaultError
from desktop.vault import vault as vault_module
from desktop.vault.schema import MIGRATIONS, SCHEMA_VERSION
from tests.factories import FAST_KDF, PASSPHRASE, make_interview, new_vault

DEVICE = "a" * 32


def test_a_version_2_vault_migrates_to_transfer_tables_after_a_backup(tmp_path, monkeypatch):
    d = tmp_path / "vault"
    monkeypatch.setattr(vault_module, "MIGRATIONS", MIGRATIONS[:2])
    monkeypatch.setattr(vault_module, "SCHEMA_VERSION", 2)
    v = Vault.create(d, PASSPHRASE, kdf=FAST_KDF)
    iv = make_interview()
    v.interviews.add(iv)
    v.lock()
    monkeypatch.undo()

    v = Vault.unlock(d, PASSPHRASE)
    try:
        assert v.connection().execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert any(b.name.endswith("migration") for b in Vault.backups(d))
        assert v.interviews.get(iv.id) == iv
        assert v.transfer.own_keys() is None
        assert v.transfer.set_own_keys("field", DEVICE, b"secret")
        assert not v.transfer.set_own_keys("coordinator", DEVICE, b"other")  # keys are made once
        assert v.transfer.own_keys() == ("field", b"secret")
    finally:
        v.lock()


def _apply(v, bundle_id, seq, records, sha=None):
    def stage(stager):
        stager.begin(bundle_id=bundle_id, device_id=DEVICE, seq=seq)
        for kind, args in records:
            getattr(stager, kind)(*args)
    return v.transfer.apply_bundle(sha256=lambda: sha or bundle_id * 2, prev_sha256=lambda: "", stage=stage)


def test_newer_revision_replaces_older_one_is_history_and_a_replay_changes_nothing(tmp_path):
    v = new_vault(tmp_path / "coord")
    iv1 = make_interview("First version.")
    iv3 = dataclasses.replace(iv1, statement="Third version.")
    summary = _apply(v, "1" * 32, 2, [("interview", (iv3, 3, []))])
    assert summary.current == {iv1.id}
    assert v.interviews.get(iv1.id).statement == "Third version."
    # bundle 1 (older revision) arrives later: kept as history only
    summary = _apply(v, "2" * 32, 1, [("interview", (iv1, 1, []))])
    assert summary.current == set() and summary.history == 1
    assert v.interviews.get(iv1.id).statement == "Third version."
    assert v.interviews.get_revision(iv1.id, 1).statement == "First version."
    # the same bundle again: nothing changes, not even the audit log
    before = len(v.audit.entries())
    assert _apply(v, "1" * 32, 2, [("interview", (iv3, 3, []))]) is None
    assert len(v.audit.entries()) == before
    assert v.transfer.origin(iv1.id) == DEVICE
    assert v.transfer.gaps() == {}
    v.lock()


def test_withdrawal_and_deletion_take_effect_and_an_older_bundle_cannot_bring_it_back(tmp_path):
    v = new_vault(tmp_path / "coord")
    iv = make_interview()
    _apply(v, "1" * 32, 1, [("interview", (iv, 1, []))])
    assert v.interviews.get(iv.id).has_consent(ConsentUse.COMPLAINT)
    _apply(v, "2" * 32, 2, [("withdrawal", (iv.id, ConsentUse.COMPLAINT, iv.interviewed_on, "Sam"))])
    assert not v.interviews.get(iv.id).has_consent(ConsentUse.COMPLAINT)
    _apply(v, "3" * 32, 4, [("deletion", (iv.id, "2026-02-01T00:00:00+00:00"))])
    assert not v.interviews.exists(iv.id)
    _apply(v, "4" * 32, 3, [("interview", (iv, 2, []))])  # older, arriving after the deletion
    assert not v.interviews.exists(iv.id)
    assert v.transfer.gaps() == {}
    v.lock()


def test_a_failure_while_staging_leaves_nothing(tmp_path):
    v = new_vault(tmp_path / "coord")
    iv = make_interview()

    def stage(stager):
        stager.begin(bundle_id="5" * 32, device_id=DEVICE, seq=1)
        stager.interview(iv, 1, [])
        raise RuntimeError("the bundle's end did not verify")

    with pytest.raises(RuntimeError):
        v.transfer.apply_bundle(sha256=lambda: "0" * 64, prev_sha256=lambda: "", stage=stage)
    assert not v.interviews.exists(iv.id)
    assert v.transfer.received("0" * 64) is None
    # an attachment named by its record but missing from the bundle is refused the same way
    meta = {"id": "b" * 32, "display_name": "letter.jpg", "media_type": "image/jpeg", "size": 3,
            "sha256": "0" * 64, "added_at": "2026-01-05T10:00:00+00:00"}
    with pytest.raises(VaultError):
        _apply(v, "6" * 32, 1, [("interview", (iv, 1, [meta]))])
    assert not v.interviews.exists(iv.id)
    v.lock()


def test_deleting_a_sent_interview_leaves_a_tombstone_and_an_unsent_one_none(tmp_path):
    v = new_vault(tmp_path / "field")
    sent, unsent = make_interview("Sent."), make_interview("Never sent.")
    v.interviews.add(sent)
    v.interviews.add(unsent)
    seq, prev = v.transfer.reserve_seq("WBB1-x.age")
    assert (seq, prev) == (1, "")
    changes = [c for c in v.transfer.changes() if c.interview_id == sent.id]
    v.transfer.record_sent(seq, "7" * 32, "f" * 64, changes, [])
    assert v.transfer.delivery(sent.id) == ("sent", None)
    v.interviews.delete(sent.id)
    v.interviews.delete(unsent.id)
    assert [i for i, _ in v.transfer.pending_deletions()] == [sent.id]
    assert v.transfer.reserve_seq("WBB1-y.age") == (2, "f" * 64)
    v.lock()
