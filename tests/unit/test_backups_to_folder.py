"""Backups a worker can see: a verified copy of the vault on a stick, and a new vault made from it."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from desktop.services import backups
from desktop.services.errors import Refused
from desktop.vault import Vault, WrongPassphrase
from tests.factories import PASSPHRASE, new_vault, sample_interview


@pytest.fixture
def vault(tmp_path):
    v = new_vault(tmp_path / "vault")
    yield v
    v.lock()


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_copy_on_a_stick_is_a_verified_backup_and_restores_into_a_new_vault_that_opens(vault, tmp_path):
    iv = sample_interview(reference="WB-BKUP-0001", id="b" * 32)
    vault.interviews.add(iv)
    stick = tmp_path / "stick"
    stick.mkdir()
    assert backups.last_backup(vault) is None
    when = datetime(2026, 12, 3, 10, 40, tzinfo=UTC)
    made = backups.backup_to_folder(vault, stick, now=lambda: when)
    assert made.folder.parent == stick.resolve() and made.folder.name == "Witnessbox-backup-20261203T104000Z"
    assert sorted(p.name for p in made.folder.iterdir()) == ["keyslot.json", "vault.db"]
    own = Vault.backups(vault.directory)[0]  # the vault's own verified backup, copied byte for byte
    assert all(sha(made.folder / n) == sha(own / n) for n in ("vault.db", "keyslot.json"))
    assert iv.statement.encode() not in (made.folder / "vault.db").read_bytes()  # still encrypted
    assert backups.last_backup(vault) == when
    assert [e.action for e in vault.audit.entries()][-1] == "vault.backup_copied"

    # a second copy the same second does not replace the first
    again = backups.backup_to_folder(vault, stick, now=lambda: when)
    assert again.folder != made.folder and made.folder.is_dir()

    new = tmp_path / "replacement laptop" / "vault"
    assert backups.restore_copy(stick, new, PASSPHRASE).copy == again.folder  # the newest copy in the folder
    restored = Vault.unlock(new, PASSPHRASE)
    try:
        assert restored.interviews.get(iv.id).statement == iv.statement
    finally:
        restored.lock()


@pytest.mark.parametrize("place", ["Dropbox", "OneDrive - Charity Ltd"])
def test_a_synced_folder_is_refused_and_nothing_is_written(vault, tmp_path, place):
    synced = tmp_path / place
    synced.mkdir()
    with pytest.raises(Refused, match="cloud service"):
        backups.backup_to_folder(vault, synced)
    assert list(synced.iterdir()) == [] and backups.last_backup(vault) is None


def test_a_folder_inside_the_vault_is_refused(vault):
    with pytest.raises(Refused, match="inside a Witnessbox vault"):
        backups.backup_to_folder(vault, vault.directory)


def test_restore_checks_the_passphrase_and_the_target_before_writing(vault, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    made = backups.backup_to_folder(vault, stick)
    new = tmp_path / "new"
    with pytest.raises(WrongPassphrase):
        backups.restore_copy(made.folder, new, "not the passphrase at all")
    assert not new.exists()
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("someone's file")
    with pytest.raises(Refused, match="new or empty"):
        backups.restore_copy(made.folder, busy, PASSPHRASE)
    assert [p.name for p in busy.iterdir()] == ["notes.txt"]
    with pytest.raises(Refused, match="no Witnessbox backup"):
        backups.restore_copy(tmp_path / "busy", tmp_path / "new2", PASSPHRASE)


def test_a_damaged_copy_leaves_no_half_vault_behind(vault, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    made = backups.backup_to_folder(vault, stick)
    data = bytearray((made.folder / "vault.db").read_bytes())
    data[5000:5100] = bytes(100)
    (made.folder / "vault.db").write_bytes(bytes(data))
    new = tmp_path / "new"
    with pytest.raises(Refused, match="damaged"):
        backups.restore_copy(made.folder, new, PASSPHRASE)
    assert not new.exists()


def test_a_reminder_is_due_after_seven_days_without_a_copy(vault, tmp_path):
    start = datetime.now(UTC)
    assert not backups.backup_due(vault, now=lambda: start + timedelta(days=30))  # an empty vault: nothing to lose
    vault.interviews.add(sample_interview(reference="WB-BKUP-0002", id="c" * 32))
    assert not backups.backup_due(vault, now=lambda: start + timedelta(days=6))
    assert backups.backup_due(vault, now=lambda: start + timedelta(days=8))
    stick = tmp_path / "stick"
    stick.mkdir()
    made = backups.backup_to_folder(vault, stick, now=lambda: start + timedelta(days=8))
    assert not backups.backup_due(vault, now=lambda: made.made_at + timedelta(days=6, hours=23))
    assert backups.backup_due(vault, now=lambda: made.made_at + timedelta(days=7))

