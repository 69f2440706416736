"""Key slots under hostile and clumsy hands: crafted costs, edited fields, older slots, Unicode forms.

Every slot here is edited the way an attacker would: the field changed and the SHA-256 checksum
recomputed, so only the slot's own authentication (AES-GCM associated data, the header MAC keyed
by the data key, the bounds on read) can tell.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from desktop.services import vaults
from desktop.services.errors import Refused
from desktop.vault import KdfParams, Vault, VaultDamaged, WrongPassphrase
from desktop.vault.keyslot import MAX_LANES, MAX_MEMORY_KIB, MAX_TIME_COST, KeySlot, new_data_key
from tests.factories import FAST_KDF, make_interview

PASS = "correct horse battery"
# Urdu, with letters that Unicode can write composed or as a letter plus a combining mark (آ, ۂ, أ).
URDU = "آزادی کا راستہ ۂ أمید"


def _canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _rewrite(path: Path, edit) -> None:
    """Edit the slot file's JSON and recompute its checksum, as an attacker would."""
    body = json.loads(path.read_bytes())
    body.pop("checksum")
    edit(body)
    body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
    path.write_bytes(json.dumps(body, sort_keys=True, indent=1).encode("ascii"))


def _vault(d: Path, *, backup: bool = True) -> str:
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    iid = v.interviews.add(make_interview("a statement"))
    if backup:
        v.backup_now()
    v.lock()
    return iid


def _files(d: Path) -> dict[str, str]:
    return {str(p.relative_to(d)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.rglob("*"))
            if p.is_file()}


# --- costs out of bounds ---------------------------------------------------------------------------


@pytest.mark.parametrize("costs", [
    {"memory_cost_kib": 4 * 1024 * 1024, "lanes": 64},   # 4 GiB over 64 lanes: minutes, or out of memory
    {"time_cost": 1000},                                   # a thousand passes
    {"lanes": 64, "memory_cost_kib": 64 * 8},              # more lanes than anyone has cores
])
def test_absurd_costs_are_damage_refused_before_any_derivation(tmp_path, costs):
    d = tmp_path / "vault"
    _vault(d)
    _rewrite(d / "keyslot.json", lambda body: body["kdf"].update(costs))
    with pytest.raises(ValueError):
        KeySlot.from_bytes((d / "keyslot.json").read_bytes())
    before = _files(d)
    start = time.perf_counter()
    with pytest.raises(VaultDamaged) as info:
        Vault.unlock(d, PASS)
    assert time.perf_counter() - start < 5  # refused on reading, no derivation ran
    assert "damaged" in str(info.value) and info.value.backups and "backup" in str(info.value)
    assert _files(d) == before


def test_the_bounds_hold_what_calibration_writes():
    assert MAX_MEMORY_KIB == 1024 * 1024 and MAX_TIME_COST <= 8 and MAX_LANES <= 16
    KdfParams(time_cost=3, memory_cost_kib=1024 * 1024, lanes=4)  # the calibration ceiling itself
    for bad in ({"memory_cost_kib": MAX_MEMORY_KIB + 1024}, {"time_cost": MAX_TIME_COST + 1},
                {"lanes": MAX_LANES + 1, "memory_cost_kib": 8 * (MAX_LANES + 1)}):
        with pytest.raises(ValueError):
            KdfParams(**bad)


# --- fields changed with a recomputed checksum -------------------------------------------------------


@pytest.mark.parametrize("field,value", [
    ("recovery", {"kind": "x25519", "ct": "00" * 48}),
    ("generation", 7),
    ("vault_id", "cd" * 16),
])
def test_a_changed_field_is_damage_not_a_wrong_passphrase(tmp_path, field, value):
    d = tmp_path / "vault"
    _vault(d)
    _rewrite(d / "keyslot.json", lambda body: body.update({field: value}))
    with pytest.raises(VaultDamaged) as info:
        Vault.unlock(d, PASS)
    assert info.value.backups and "damaged" in str(info.value)
    with pytest.raises(WrongPassphrase) as wrong:
        Vault.unlock(d, "not the passphrase")
    assert str(wrong.value) == "Wrong passphrase."
    Vault.restore_backup(d, info.value.backups[0])
    Vault.unlock(d, PASS).lock()


def test_lowered_costs_are_damage_while_a_backup_holds_the_true_slot(tmp_path):
    d = tmp_path / "vault"
    params = KdfParams(time_cost=2, memory_cost_kib=64, lanes=2)
    v = Vault.create(d, PASS, kdf=params)
    v.interviews.add(make_interview("a statement"))
    v.backup_now()
    v.lock()
    _rewrite(d / "keyslot.json", lambda body: body["kdf"].update({"time_cost": 1, "memory_cost_kib": 8, "lanes": 1}))
    before = _files(d)
    with pytest.raises(VaultDamaged) as info:
        Vault.unlock(d, PASS)
    assert info.value.backups and "damaged" in str(info.value)
    # Whatever passphrase is typed: the backup's copy proves the live slot was edited.
    with pytest.raises(VaultDamaged):
        Vault.unlock(d, "not the passphrase")
    assert _files(d) == before
    Vault.restore_backup(d, info.value.backups[0])
    Vault.unlock(d, PASS).lock()


def test_a_wrong_passphrase_is_still_a_wrong_passphrase(tmp_path):
    d = tmp_path / "vault"
    _vault(d)
    with pytest.raises(WrongPassphrase) as info:
        Vault.unlock(d, "correct horse batterY")
    assert str(info.value) == "Wrong passphrase."


def test_a_recovery_entry_set_by_witnessbox_keeps_the_slot_valid(tmp_path):
    d = tmp_path / "vault"
    _vault(d)
    v = Vault.unlock(d, PASS)
    v.set_recovery_slot(lambda key: {"kind": "test", "ct": "ab"})
    v.lock()
    Vault.unlock(d, PASS).lock()
    for b in Vault.backups(d):
        assert (b / "keyslot.json").read_bytes() == (d / "keyslot.json").read_bytes()


def test_restore_refuses_a_backup_whose_slot_copy_was_edited(tmp_path):
    d = tmp_path / "vault"
    _vault(d)
    backup = Vault.backups(d)[0]
    _rewrite(backup / "keyslot.json", lambda body: body.update({"generation": 9}))
    with pytest.raises(Refused, match="backup's key file is damaged"):
        vaults.restore_backup(d, PASS, force=True)
    Vault.unlock(d, PASS).lock()


# --- slots written by earlier versions ---------------------------------------------------------------


def _version1_slot(data_key: bytes, passphrase: str, vault_id: str, recovery=None) -> bytes:
    """A key slot exactly as Witnessbox wrote it before version 2: the passphrase as typed, the whole
    header as AES-GCM associated data, the recovery entry under the checksum alone."""
    salt, nonce = b"s" * 16, b"n" * 12
    kdf = {"name": "argon2id", "time_cost": 1, "memory_cost_kib": 8, "lanes": 1,
           "salt": base64.b64encode(salt).decode()}
    header = {"format": "witnessbox-keyslot", "version": 1, "vault_id": vault_id, "generation": 1, "kdf": kdf,
              "cipher": "aes-256-gcm"}
    kek = Argon2id(salt=salt, length=32, iterations=1, lanes=1, memory_cost=8).derive(passphrase.encode())
    body = {**header, "nonce": base64.b64encode(nonce).decode(), "recovery": recovery,
            "wrapped_key": base64.b64encode(AESGCM(kek).encrypt(nonce, data_key, _canonical(header))).decode()}
    body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
    return json.dumps(body, sort_keys=True, indent=1).encode("ascii") + b"\n"


def _as_version1(d: Path, passphrase: str) -> None:
    """Put a version 1 slot of ``passphrase`` (as given, not normalised) in place of the vault's slot."""
    slot = KeySlot.from_bytes((d / "keyslot.json").read_bytes())
    key = slot.open(PASS)
    (d / "keyslot.json").write_bytes(_version1_slot(bytes(key), passphrase, slot.vault_id))
    for b in Vault.backups(d):
        (b / "keyslot.json").write_bytes((d / "keyslot.json").read_bytes())


def test_a_version1_slot_opens_and_is_upgraded_at_unlock(tmp_path):
    d = tmp_path / "vault"
    iid = _vault(d)
    _as_version1(d, PASS)
    assert json.loads((d / "keyslot.json").read_bytes())["version"] == 1
    with pytest.raises(WrongPassphrase):
        Vault.unlock(d, "not the passphrase")
    v = Vault.unlock(d, PASS)
    assert v.interviews.exists(iid)
    v.lock()
    body = json.loads((d / "keyslot.json").read_bytes())
    assert body["version"] == 2 and "header_mac" in body
    for b in Vault.backups(d):  # the backups' copies follow
        assert json.loads((b / "keyslot.json").read_bytes())["version"] == 2
    Vault.unlock(d, PASS).lock()
    # From now on the recovery entry is covered too.
    _rewrite(d / "keyslot.json", lambda body: body.update({"recovery": {"kind": "planted"}}))
    with pytest.raises(VaultDamaged):
        Vault.unlock(d, PASS)


# --- Unicode normal forms (NFC) ----------------------------------------------------------------------


def test_the_urdu_passphrase_has_two_forms():
    assert unicodedata.normalize("NFD", URDU) != unicodedata.normalize("NFC", URDU)


def test_a_vault_made_with_one_form_opens_with_the_other(tmp_path):
    d = tmp_path / "vault"
    nfd, nfc = unicodedata.normalize("NFD", URDU), unicodedata.normalize("NFC", URDU)
    v = Vault.create(d, nfd, kdf=FAST_KDF)
    v.change_passphrase(nfc, nfd, kdf=FAST_KDF)  # passwd's check of the old passphrase, in the other form
    v.lock()
    Vault.unlock(d, nfc).lock()
    Vault.unlock(d, nfd).lock()
    # restore-backup's check of the passphrase against the backup's slot, in the other form:
    v = Vault.unlock(d, nfc)
    v.backup_now()
    v.lock()
    vaults.restore_backup(d, nfd, force=True)
    Vault.unlock(d, nfc).lock()


def test_an_old_slot_made_from_the_nfd_form_opens_and_is_rewritten_for_nfc(tmp_path):
    d = tmp_path / "vault"
    nfd, nfc = unicodedata.normalize("NFD", URDU), unicodedata.normalize("NFC", URDU)
    iid = _vault(d)
    _as_version1(d, nfd)
    v = Vault.unlock(d, nfd)  # the form it was made from still opens it
    assert v.interviews.exists(iid)
    v.lock()
    assert json.loads((d / "keyslot.json").read_bytes())["version"] == 2
    Vault.unlock(d, nfc).lock()  # rewritten: NFC opens it
    Vault.unlock(d, nfd).lock()
    for b in Vault.backups(d):
        KeySlot.from_bytes((b / "keyslot.json").read_bytes()).open(nfc)


def test_an_old_slot_made_from_the_nfd_form_opens_with_the_nfc_form_too(tmp_path):
    d = tmp_path / "vault"
    nfd, nfc = unicodedata.normalize("NFD", URDU), unicodedata.normalize("NFC", URDU)
    _vault(d)
    _as_version1(d, nfd)
    Vault.unlock(d, nfc).lock()
    assert json.loads((d / "keyslot.json").read_bytes())["version"] == 2
    Vault.unlock(d, nfd).lock()


def test_recovery_sets_a_normalised_passphrase(tmp_path):
    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    key_holder = {}

    def wrap(key: bytes) -> dict:
        key_holder["key"] = key
        return {"kind": "test"}

    v.set_recovery_slot(wrap)
    v.lock()
    Vault.recover(d, lambda payload: key_holder["key"], unicodedata.normalize("NFD", URDU), kdf=FAST_KDF).lock()
    Vault.unlock(d, unicodedata.normalize("NFC", URDU)).lock()


def test_new_slots_are_sealed_from_the_nfc_form():
    key = new_data_key()
    slot = KeySlot.seal(key, unicodedata.normalize("NFD", URDU), FAST_KDF, vault_id="ab" * 16)
    again = KeySlot.from_bytes(slot.to_bytes())
    assert again.open(unicodedata.normalize("NFC", URDU)) == key
