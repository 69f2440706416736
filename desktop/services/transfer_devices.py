"""Devices: this vault's keys and role, enrolment in person, the coordinator's key backup, and
organisation recovery of a field vault. See :mod:`desktop.services.transfer` for the whole API.

A vault gets its keys when it is made (``witnessbox init --role``) or, for a vault made before
transfer existed, at first need, as a field vault. The keys never leave the encrypted database
except as public keys (the enrolment file) or encrypted under a recovery passphrase (the backup).
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pyrage

from desktop.core.bidi import DIRECTION_CONTROLS
from desktop.core.passphrase import too_short
from desktop.files import atomic_write
from desktop.services import destinations, vaults
from desktop.services.errors import Refused
from desktop.transfer.errors import KeysRefused
from desktop.transfer.keys import DeviceKeys, PublicKeys, backup_keys, fingerprint_matches, restore_keys
from desktop.vault import KdfParams, Vault

RECOVERY_KIND = "witnessbox-age-x25519"
MAX_ENROLMENT_FILE = 4096

NOT_COORDINATOR = (
    "This is a field vault. Only the coordinator's vault can do this; run it on the coordinator's computer."
)
NOT_FIELD = "This is the coordinator's vault. Only a field vault can do this."


def own_keys(vault: Vault) -> DeviceKeys:
    """This vault's device keys; a vault without keys gets field keys now (first need)."""
    stored = vault.transfer.own_keys()
    if stored is None:
        keys = DeviceKeys.generate("field")
        vault.transfer.set_own_keys(keys.role, keys.device_id, keys.to_secret())
        stored = vault.transfer.own_keys()
        assert stored is not None
    try:
        return DeviceKeys.from_secret(stored[1])
    except KeysRefused as exc:
        raise Refused(str(exc)) from None


def role(vault: Vault) -> str:
    """This vault's role, read without parsing its secret keys and without making any: a vault with
    no keys yet is a field vault (the keys it gets at first need are field keys)."""
    stored = vault.transfer.own_keys()
    return stored[0] if stored is not None else "field"


def set_role(vault: Vault, chosen: str) -> DeviceKeys:
    """Give a new vault its keys for ``chosen`` (field or coordinator)."""
    if chosen not in ("field", "coordinator"):
        raise Refused("The role must be 'field' (a worker's laptop) or 'coordinator'.")
    keys = DeviceKeys.generate(chosen)
    if not vault.transfer.set_own_keys(keys.role, keys.device_id, keys.to_secret()):
        raise Refused("This vault has its keys already; its role cannot be changed.")
    return keys


def create_vault(
    directory: Path,
    passphrase: str,
    chosen: str = "field",
    *,
    key_backup: bytes | None = None,
    recovery_passphrase: str | None = None,
    kdf: KdfParams | None = None,
) -> Vault:
    """A new vault with its role and keys (``witnessbox init``), returned unlocked. With ``key_backup``
    it is a coordinator holding the backed-up keys; the backup is opened before anything is created."""
    if chosen not in ("field", "coordinator"):
        raise Refused("The role must be 'field' (a worker's laptop) or 'coordinator'.")
    restored = None
    if key_backup is not None:
        if chosen != "coordinator":
            raise Refused("Only a coordinator's keys are restored from a backup.")
        restored = _restored(key_backup, recovery_passphrase or "")
    vault = vaults.create(Path(directory), passphrase, kdf=kdf)
    try:
        if restored is not None:
            vault.transfer.set_own_keys(
                restored.role, restored.device_id, restored.to_secret(), action="device.keys_restored"
            )
        else:
            set_role(vault, chosen)
    except BaseException:
        vault.lock()
        raise
    return vault


def _restored(backup: bytes, recovery_passphrase: str) -> DeviceKeys:
    try:
        keys = restore_keys(backup, recovery_passphrase)
    except KeysRefused as exc:
        raise Refused(str(exc)) from None
    if keys.role != "coordinator":
        raise Refused("This key backup is not a coordinator's. Use the backup made on the coordinator's vault.")
    return keys


def restore_coordinator_keys(vault: Vault, backup: bytes, recovery_passphrase: str) -> DeviceKeys:
    """Give a new vault the coordinator's keys from their backup, so it reads every bundle made for them."""
    keys = _restored(backup, recovery_passphrase)
    if not vault.transfer.set_own_keys(keys.role, keys.device_id, keys.to_secret(), action="device.keys_restored"):
        raise Refused("This vault has its keys already; restore the keys into a new vault.")
    return keys


def public_keys(vault: Vault) -> PublicKeys:
    return own_keys(vault).public()


def export_enrolment(vault: Vault, path: Path, *, overwrite: bool = False) -> Path:
    """Write this vault's public keys (the enrolment file) to ``path``; returns where it went."""
    target = destinations.check_file(Path(path), overwrite=overwrite)
    atomic_write(target, public_keys(vault).to_json(), mode=0o644)
    return target


def write_key_backup(vault: Vault, path: Path, recovery_passphrase: str, *, overwrite: bool = False) -> Path:
    """The coordinator's private keys, encrypted under a separate recovery passphrase, written to ``path``."""
    keys = own_keys(vault)
    if keys.role != "coordinator":
        raise Refused("Only the coordinator's keys are backed up: a field vault's bundles go to the coordinator.")
    target = destinations.check_file(Path(path), overwrite=overwrite)
    try:
        data = backup_keys(keys, recovery_passphrase)
    except KeysRefused as exc:
        raise Refused(str(exc)) from None
    atomic_write(target, data)
    vault.audit.append("device.keys_backed_up", keys.device_id)
    return target


def enrol(
    vault: Vault, enrolment_file: bytes, typed_fingerprint: str, *, allow_recovery: bool = False, name: str = ""
) -> PublicKeys:
    """Pin the other device's public keys, only if ``typed_fingerprint`` (read off its screen) matches.
    A coordinator may give the laptop a ``name`` of its own (see :func:`name_device`).

    A field vault enrols coordinators and a coordinator enrols field devices. With ``allow_recovery``
    (a field vault enrolling its coordinator), the vault's data key is also wrapped to the
    coordinator's key, so the coordinator can open this vault if its passphrase is forgotten."""
    try:
        other = PublicKeys.from_json(enrolment_file)
    except KeysRefused as exc:
        raise Refused(str(exc)) from None
    if not fingerprint_matches(typed_fingerprint, other):
        raise Refused(
            "The fingerprint typed does not match this enrolment file, so nothing was enrolled. Read "
            "it again off the other screen, in person; if it still differs, the file is not theirs."
        )
    me = own_keys(vault)
    if other.device_id == me.device_id:
        raise Refused("This is this vault's own enrolment file. Bring the other device's file.")
    wanted = "coordinator" if me.role == "field" else "field"
    if other.role != wanted:
        raise Refused(f"A {me.role} vault enrols a {wanted} device; this file is from a {other.role} device.")
    if allow_recovery and me.role != "field":
        raise Refused("Recovery is chosen on the worker's field vault, when it enrols the coordinator.")
    name = checked_name(name)
    if name and me.role != "coordinator":
        raise Refused(NOT_COORDINATOR)
    vault.transfer.pin(
        other.device_id, other.role, other.to_json().decode("ascii"), other.fingerprint, allow_recovery=allow_recovery
    )
    if name:
        vault.transfer.set_name(other.device_id, name)
    if allow_recovery:
        vault.set_recovery_slot(lambda key: _wrap(key, other))
    return other


def _wrap(data_key: bytes, coordinator: PublicKeys) -> dict[str, Any]:
    sealed = pyrage.encrypt(bytes(data_key), [coordinator.recipient()])
    return {
        "kind": RECOVERY_KIND,
        "coordinator": coordinator.device_id,
        "age": base64.b64encode(sealed).decode("ascii"),
    }


def recover_vault(coordinator: Vault, field_dir: Path, new_passphrase: str, *, kdf: KdfParams | None = None) -> None:
    """Open a field vault whose passphrase was forgotten, with the coordinator's key, and give it
    ``new_passphrase``. Only a vault whose worker allowed recovery to this coordinator opens."""
    me = own_keys(coordinator)
    if me.role != "coordinator":
        raise Refused(NOT_COORDINATOR)
    problem = too_short(new_passphrase)
    if problem:
        raise Refused(problem)

    def unwrap(payload: dict[str, Any]) -> bytes:
        if payload.get("kind") != RECOVERY_KIND or payload.get("coordinator") != me.device_id:
            raise ValueError("not for this coordinator")
        return pyrage.decrypt(base64.b64decode(payload["age"], validate=True), [me.age_identity])

    recovered = Vault.recover(vaults.require_vault(Path(field_dir)), unwrap, new_passphrase, kdf=kdf)
    recovered.lock()


def pinned(vault: Vault, peer_role: str) -> dict[str, PublicKeys]:
    """The enrolled devices of ``peer_role``, by device id."""
    out = {}
    for peer in vault.transfer.peers():
        if peer.role == peer_role:
            keys = PublicKeys.from_json(peer.public_keys.encode("ascii"))
            out[keys.device_id] = keys
    return out


MAX_NAME = 40


_DIRECTION_CONTROLS = re.compile(f"[{DIRECTION_CONTROLS}]")


def checked_name(name: str) -> str:
    """A laptop's name as kept: spaces tidied; refused if it is too long or not on one line."""
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise Refused("A laptop's name is one line of text. Type it again without line breaks or tabs.")
    if _DIRECTION_CONTROLS.search(name):
        # An unclosed override in the name would reverse the fingerprint shown beside it ("Leeds office
        # (Laptop K7QF 2MXD)"), on screen and on a terminal, which is what the coordinator checks it by.
        # Urdu and Arabic names need none of these: their direction comes from their letters.
        raise Refused(
            "A laptop's name is plain text: it cannot hold the invisible marks that change the direction of"
            " the text beside it. Type the name again rather than pasting it."
        )
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise Refused(f"A laptop's name is at most {MAX_NAME} characters. Choose a shorter one.")
    return name


def name_device(vault: Vault, device_id: str, name: str) -> str:
    """Give an enrolled laptop the coordinator's own name for it ('' takes the name away); returns the name kept.

    The name is kept in the coordinator's vault only: it is never written to a stick, a bundle, a receipt
    or a file name, so a lost stick does not say which office or team a laptop belongs to."""
    if own_keys(vault).role != "coordinator":
        raise Refused(NOT_COORDINATOR)
    name = checked_name(name)
    if not vault.transfer.set_name(device_id, name):
        raise Refused("That laptop is not enrolled here, so nothing was named.")
    return name


def enrolled_by_fingerprint(vault: Vault, typed: str) -> str:
    """The device id of the one enrolled laptop whose fingerprint starts with ``typed`` (two groups or more)."""
    wanted = "".join(typed.split()).replace("-", "").upper()
    if len(wanted) < 8:
        raise Refused("Type at least the first two groups of the laptop's fingerprint, as the Devices list shows it.")
    found = [p.device_id for p in vault.transfer.peers() if "".join(p.fingerprint.split()).startswith(wanted)]
    if len(found) != 1:
        raise Refused(
            "No enrolled laptop has that fingerprint. Check it against the Devices list."
            if not found
            else "More than one enrolled laptop starts with that fingerprint. Type more of it."
        )
    return found[0]
