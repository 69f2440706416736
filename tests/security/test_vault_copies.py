"""Every copy a vault keeps obeys the vault: a deletion reaches the damaged copies that a restore
set aside, a passphrase change re-wraps their key slots, and the vault's own files cannot be
links to somewhere else nor sit in a folder other users can read (issue #10).

The checks read the files the way an attacker with the disk would: every page decrypted with the
data key, every key slot tried with the old passphrase.
"""

from __future__ import annotations

import os
import stat
import uuid
from pathlib import Path

import pytest

from desktop.services import vaults
from desktop.vault import Vault, VaultDamaged, WrongPassphrase
from desktop.vault.keyslot import KeySlot
from tests.factories import FAST_KDF, named_interview
from tests.vault_forensics import contains, data_key, decrypted_pages

PASS = "correct horse battery"
NEW = "a brand new passphrase"


def _vault_with_a_damaged_copy(d: Path) -> tuple[list[str], str, str]:
    """A vault whose newest backup holds the doomed interview, restored with --force so that
    ``damaged/`` holds the whole vault as it was (with an interview saved after the backup)."""
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    words = [f"zq{uuid.uuid4().hex[:10]}" for _ in range(3)]
    doomed = named_interview(" ".join(words) + " filler " * 100, name=f"Name{uuid.uuid4().hex[:8]} Person")
    v.interviews.add(named_interview("ordinary words about the report " * 20))
    v.interviews.add(doomed)
    v.backup_now()
    later = named_interview(f"later{uuid.uuid4().hex[:10]} saved after the backup")
    v.interviews.add(later)
    v.lock()
    vaults.restore_backup(d, PASS, force=True)
    return words, doomed.id, later.statement.split()[0]


def _damaged_dbs(d: Path) -> list[Path]:
    return sorted((d / "damaged").glob("*/vault.db"))


def test_a_deletion_reaches_the_damaged_copy_a_restore_set_aside(tmp_path):
    d = tmp_path / "vault"
    words, doomed, later_word = _vault_with_a_damaged_copy(d)
    key = data_key(d, PASS)
    [copy] = _damaged_dbs(d)
    # The check can fail: before the deletion the damaged copy holds the interview in the clear.
    assert all(contains(decrypted_pages(copy, key), w) for w in words)

    with vaults.opened(d, PASS) as v:
        v.interviews.delete(doomed)

    assert _damaged_dbs(d) == [copy], "a copy that could be cleaned is kept (it may be needed for a recovery)"
    pages = decrypted_pages(copy, key)
    assert not any(contains(pages, w) for w in words)
    assert contains(pages, later_word), "what only the damaged copy holds is still there for a recovery"
    wal = copy.parent / "vault.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    for b in Vault.backups(d):
        assert not any(contains(decrypted_pages(b / "vault.db", key), w) for w in words)


def test_a_damaged_copy_that_cannot_be_cleaned_is_removed_by_a_deletion(tmp_path):
    d = tmp_path / "vault"
    words, doomed, _later = _vault_with_a_damaged_copy(d)
    [copy] = _damaged_dbs(d)
    raw = bytearray(copy.read_bytes())
    for page in range(1, len(raw) // 4096):  # every page but the first fails its HMAC
        raw[page * 4096 + 100] ^= 0xFF
    copy.write_bytes(bytes(raw))
    lone_wal = d / "damaged" / "20200101T000000000000Z"  # a journal set aside at an unlock
    lone_wal.mkdir(mode=0o700)
    (lone_wal / "vault.db-wal").write_bytes(b"\0" * 5000)

    with vaults.opened(d, PASS) as v:
        v.interviews.delete(doomed)

    assert not copy.parent.exists() and not lone_wal.exists()
    key = data_key(d, PASS)
    files = [p for p in d.rglob("vault.db*") if p.is_file()]
    assert [p for p in files if any(contains(decrypted_pages(p, key), w) for w in words)] == []


def test_a_passphrase_change_rewraps_the_damaged_copies_key_slots(tmp_path):
    d = tmp_path / "vault"
    _vault_with_a_damaged_copy(d)
    [copy_slot] = sorted((d / "damaged").glob("*/keyslot.json"))
    # A second damaged copy whose slot no longer parses: repaired, it would open with the old passphrase.
    broken = d / "damaged" / "20200101T000000000000Z"
    broken.mkdir(mode=0o700)
    (broken / "keyslot.json").write_bytes(copy_slot.read_bytes()[:-3])
    # The check can fail: before the change the damaged copy's slot opens with the old passphrase.
    assert len(KeySlot.from_bytes(copy_slot.read_bytes()).open(PASS)) == 32

    with vaults.opened(d, PASS) as v:
        vaults.change_passphrase(v, PASS, NEW, kdf=FAST_KDF)

    for s in [*(d / "damaged").glob("*/keyslot.json"), *(b / "keyslot.json" for b in Vault.backups(d))]:
        slot_now = KeySlot.from_bytes(s.read_bytes())
        with pytest.raises(WrongPassphrase):
            slot_now.open(PASS)
        assert len(slot_now.open(NEW)) == 32


@pytest.mark.parametrize("name", ["vault.db", "keyslot.json"])
def test_a_vault_file_that_is_a_link_is_refused(tmp_path, name):
    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    v.interviews.add(named_interview("a statement"))
    v.backup_now()
    v.lock()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (d / name).replace(elsewhere / name)
    os.symlink(elsewhere / name, d / name)
    before = (elsewhere / name).read_bytes()

    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(d, PASS)
    assert "link" in str(caught.value) and caught.value.backups == Vault.backups(d)
    assert (elsewhere / name).read_bytes() == before
    assert not (d / "vault.db-wal").exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_a_vault_folder_readable_by_others_is_made_private_at_unlock(tmp_path):
    d = tmp_path / "vault"
    Vault.create(d, PASS, kdf=FAST_KDF).lock()
    os.chmod(d, 0o755)
    os.chmod(d / "vault.db", 0o644)
    os.chmod(d / "keyslot.json", 0o644)

    Vault.unlock(d, PASS).lock()

    assert stat.S_IMODE(d.stat().st_mode) == 0o700
    assert stat.S_IMODE((d / "vault.db").stat().st_mode) == 0o600
    assert stat.S_IMODE((d / "keyslot.json").stat().st_mode) == 0o600
