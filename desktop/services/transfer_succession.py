"""A restored laptop in transfer: its hand-over to new keys, and the coordinator's one acceptance of it.

A worker's vault restored from a backup copy (:func:`desktop.services.backups.restore_copy`, or a
vault rolled back to one of its own backups) holds the old laptop's keys and bundle numbering as
they were when the copy was made; the old laptop may have sent more bundles since. Sending on under
those keys would clash with them (a copied laptop, refused). So the restore marks the vault, and
before its next bundle :func:`hand_over_if_restored` gives it new device keys and a succession
statement (:mod:`desktop.transfer.succession`) signed by the old key: "these new keys continue that
laptop, after its bundle N". Every bundle from then on carries the statement.

On the coordinator, :func:`check_succession` runs inside the bundle's one transaction. It accepts a
statement once per enrolled laptop, only if that laptop's pinned key signed it, and only if its
bundle N is the one imported here (when it is). Then the new keys are pinned, the interviews the old
laptop sent belong to the new one too (a re-sent interview replaces its copy, never duplicates it),
and the new keys' numbering starts after N. A second restored laptop claiming the same old one is
refused; a bundle still coming from the old laptop is imported (it may hold interviews made after
the copy) and flagged, in case that laptop should be out of use.
"""

from __future__ import annotations

from desktop.services.errors import Refused
from desktop.transfer.errors import BundleRefused
from desktop.transfer.keys import DeviceKeys, PublicKeys
from desktop.transfer.manifest import Manifest
from desktop.transfer.succession import (
    BAD_STATEMENT,
    NOT_SIGNED_BY_OLD,
    Succession,
    make_succession,
    parse_succession,
)
from desktop.vault import Vault
from desktop.vault.repos.transfer import Stager

SECOND_SUCCESSOR = ("This bundle comes from a laptop restored from a backup, but another restored laptop already "
                    "continues the laptop it names (accepted on {date}). Only one can. Nothing was imported; if "
                    "this is the laptop in use now, restore it from a backup made on the other restored laptop.")
OTHER_HISTORY = ("This bundle comes from a laptop restored from a backup, but the last bundle it says the old "
                 "laptop sent is not the one imported here. It may be forged; nothing was imported. Tell the "
                 "coordinator in charge.")


def hand_over_if_restored(vault: Vault, me: DeviceKeys) -> DeviceKeys:
    """The keys to send with: ``me``, or, in a vault restored from a backup that has not handed over
    yet, new keys that take over with a statement ``me`` signs (stored in the same transaction)."""
    restored_at, _ = vault.transfer.restored()
    if restored_at is None or me.role != "field":
        return me
    new = DeviceKeys.generate("field")
    after_seq, after_sha256 = vault.transfer.last_sent()
    statement = make_succession(me, new, after_seq=after_seq, after_sha256=after_sha256)
    if not vault.transfer.hand_over(me.device_id, new.device_id, new.to_secret(), statement):
        raise Refused("This vault's keys changed while it was getting ready to send. Try sending again.")
    return new


def statement(vault: Vault) -> Succession | None:
    """The succession statement this field vault's bundles carry, if it was restored from a backup."""
    _, raw = vault.transfer.restored()
    return parse_succession(raw) if raw is not None else None


def sent_note(succession: Succession, seq: int, fingerprint: str) -> str:
    """What the worker is told when the first bundle after the hand-over was written."""
    if seq != succession.after_seq + 1:
        return ""
    where = (f"its bundles continue from bundle {succession.after_seq} of the laptop it replaces"
             if succession.after_seq else "it continues the laptop it replaces")
    return (f"This laptop was restored from a backup, so it now has new keys (fingerprint {fingerprint}); {where}. "
            "The bundle tells the coordinator so, signed with the old laptop's key.")


def check_succession(stager: Stager, manifest: Manifest, pinned: dict[str, PublicKeys]) -> str:
    """Inside the bundle's transaction, once its manifest is verified: accept or check the succession
    it carries, and say in words what happened ("" for an ordinary bundle). :class:`BundleRefused`
    for a hand-over that cannot be accepted; the transaction then leaves nothing."""
    if manifest.succession is None:
        return _from_replaced(stager, manifest.sender_device_id)
    succession = parse_succession(manifest.succession.encode("ascii"))
    device = manifest.sender_device_id
    if succession.new_keys.device_id != device or manifest.seq <= succession.after_seq:
        raise BundleRefused(BAD_STATEMENT)
    old = pinned.get(succession.old_device_id)
    if old is None:  # the new keys were enrolled in person, and the old laptop never was: nothing to continue
        return ""
    if not succession.signed_by(old):
        raise BundleRefused(NOT_SIGNED_BY_OLD)
    if manifest.seq == succession.after_seq + 1 and manifest.prev_bundle_sha256 != succession.after_sha256:
        raise BundleRefused(OTHER_HISTORY)
    accepted = stager.predecessor(device)
    if accepted is not None:
        if accepted.predecessor != succession.old_device_id:
            raise BundleRefused(BAD_STATEMENT)
        return ""
    other = stager.successor(succession.old_device_id)
    if other is not None:
        raise BundleRefused(SECOND_SUCCESSOR.format(date=other.accepted_at[:10]))
    if succession.after_seq:
        last = stager.imported_at(succession.old_device_id, succession.after_seq)
        if last is not None and last.sha256 != succession.after_sha256:
            raise BundleRefused(OTHER_HISTORY)
    keys = succession.new_keys
    stager.accept_succession(device_id=device, public_keys=keys.to_json().decode("ascii"),
                             fingerprint=keys.fingerprint, predecessor=old.device_id,
                             after_seq=succession.after_seq, after_sha256=succession.after_sha256,
                             statement=succession.raw)
    where = (f"its bundles continue from bundle {succession.after_seq} of that laptop"
             if succession.after_seq else "it had sent nothing before")
    return (f"This laptop was restored from a backup of the laptop enrolled as {old.fingerprint}; {where}. "
            f"The old laptop's key signed the hand-over, so its new keys ({keys.fingerprint}) were accepted, "
            "once: interviews it sends again replace their copies here.")


def _from_replaced(stager: Stager, device: str) -> str:
    later = stager.successor(device)
    if later is None:
        return ""
    return (f"This bundle came from a laptop that a laptop restored from its backup replaced on "
            f"{later.accepted_at[:10]}. It was imported, so nothing in it is lost. If the old laptop should "
            "no longer be in use (lost, stolen or given back), tell the coordinator in charge.")
