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
    Chain,
    Succession,
    extend_chain,
    make_succession,
    parse_chain,
    verify_chain,
)
from desktop.vault import Vault
from desktop.vault.repos.transfer_apply import Stager

SECOND_SUCCESSOR = ("This bundle comes from a laptop restored from a backup, but another restored laptop already "
                    "continues the laptop it names (accepted on {date}). Only one can. Nothing was imported; if "
                    "this is the laptop in use now, restore it from a backup made on the other restored laptop.")
OTHER_HISTORY = ("This bundle comes from a laptop restored from a backup, but the last bundle it says the old "
                 "laptop sent is not the one imported here. It may be forged; nothing was imported. Tell the "
                 "coordinator in charge.")


def hand_over_if_restored(vault: Vault, me: DeviceKeys) -> DeviceKeys:
    """The keys to send with: ``me``, or, in a vault restored from a backup that has not handed over
    yet, new keys that take over with a statement ``me`` signs, added to the chain of hand-overs the
    vault already carries (a laptop restored twice) and stored in the same transaction."""
    restored_at, chain = vault.transfer.restored()
    if restored_at is None or me.role != "field":
        return me
    new = DeviceKeys.generate("field")
    after_seq, after_sha256 = vault.transfer.last_sent()
    statement = make_succession(me, new, after_seq=after_seq, after_sha256=after_sha256)
    try:
        carried = extend_chain(chain, statement)
    except ValueError as exc:
        raise Refused(str(exc)) from None
    if not vault.transfer.hand_over(me.device_id, new.device_id, new.to_secret(), carried):
        raise Refused("This vault's keys changed while it was getting ready to send. Try sending again.")
    return new


def first_since_hand_over(vault: Vault) -> bool:
    """True until a bundle sent under the new keys is recorded: the vault is restored and has not handed
    over yet, or handed over and its first bundle since was not written (a stick full or pulled)."""
    if vault.transfer.restored()[0] is not None:
        return True
    chain = statement(vault)
    return chain is not None and vault.transfer.last_sent()[0] <= chain.last.after_seq


def statement(vault: Vault) -> Chain | None:
    """The chain of hand-overs this field vault's bundles carry, if it was restored from a backup."""
    _, raw = vault.transfer.restored()
    return parse_chain(raw) if raw is not None else None


def sent_note(chain: Chain, seq: int, fingerprint: str) -> str:
    """What the worker is told when the first bundle after the hand-over was written."""
    succession = chain.last
    if seq != succession.after_seq + 1:
        return ""
    where = (f"its bundles continue from bundle {succession.after_seq} of the laptop it replaces"
             if succession.after_seq else "it continues the laptop it replaces")
    return (f"This laptop was restored from a backup, so it now has new keys (fingerprint {fingerprint}); {where}. "
            "The bundle tells the coordinator so, signed with the old laptop's key.")


def check_succession(stager: Stager, manifest: Manifest, pinned: dict[str, PublicKeys]) -> str:
    """Inside the bundle's transaction, once its manifest is verified: accept or check the chain of
    hand-overs it carries, and say in words what happened ("" for an ordinary bundle).
    :class:`BundleRefused` for a chain that cannot be accepted whole; the transaction then leaves nothing."""
    if manifest.succession is None:
        return _from_replaced(stager, manifest.sender_device_id)
    chain = parse_chain(manifest.succession.encode("ascii"))
    last, device = chain.last, manifest.sender_device_id
    if last.new_keys.device_id != device or manifest.seq <= last.after_seq:
        raise BundleRefused(BAD_STATEMENT)
    start = pinned.get(chain.links[0].old_device_id)
    if start is None:  # the new keys were enrolled in person, and the old laptop never was: nothing to continue
        return ""
    if verify_chain(chain, pinned) is None:
        raise BundleRefused(BAD_STATEMENT)
    if manifest.seq == last.after_seq + 1 and manifest.prev_bundle_sha256 != last.after_sha256:
        raise BundleRefused(OTHER_HISTORY)
    accepted: list[Succession] = []
    for n, link in enumerate(chain.links):
        known = stager.predecessor(link.new_keys.device_id)
        if known is not None:  # accepted before, from an earlier bundle: exactly this hand-over
            if known.predecessor != link.old_device_id or stager.statement(link.new_keys.device_id) != link.raw:
                raise BundleRefused(BAD_STATEMENT)
            continue
        other = stager.successor(link.old_device_id)
        if other is not None:
            raise BundleRefused(SECOND_SUCCESSOR.format(date=other.accepted_at[:10]))
        if link.after_seq:
            named = stager.imported_at(_sent_by(chain, n), link.after_seq)
            if named is not None and named.sha256 != link.after_sha256:
                raise BundleRefused(OTHER_HISTORY)
        keys = link.new_keys
        stager.accept_succession(device_id=keys.device_id, public_keys=keys.to_json().decode("ascii"),
                                 fingerprint=keys.fingerprint, predecessor=link.old_device_id,
                                 after_seq=link.after_seq, after_sha256=link.after_sha256, statement=link.raw)
        accepted.append(link)
    if not accepted:  # every hand-over known here already: the laptop may have been replaced since
        return _from_replaced(stager, device)
    where = (f"its bundles continue from bundle {last.after_seq} of that laptop"
             if last.after_seq else "it had sent nothing before")
    keys = last.new_keys
    if len(chain.links) == 1:
        return (f"This laptop was restored from a backup of the laptop enrolled as {start.fingerprint}; {where}. "
                f"The old laptop's key signed the hand-over, so its new keys ({keys.fingerprint}) were accepted, "
                "once: interviews it sends again replace their copies here.")
    return (f"This laptop was restored from backups {len(chain.links)} times, starting from the laptop enrolled "
            f"as {start.fingerprint}; {where}. Each hand-over was signed by the laptop before it, so "
            f"{len(accepted)} of them were accepted now, once, and its new keys ({keys.fingerprint}) continue "
            "that laptop: interviews it sends again replace their copies here, and nothing sent before is lost.")


def _sent_by(chain: Chain, n: int) -> str:
    """The device that sent the bundle hand-over ``n`` names as the last its copy had sent: numbering runs
    on through a lineage, so it is the keys of the hand-over before it whose numbers it falls within."""
    number = chain.links[n].after_seq
    while n > 0 and number <= chain.links[n - 1].after_seq:
        n -= 1
    return chain.links[n].old_device_id


def _from_replaced(stager: Stager, device: str) -> str:
    later = stager.successor(device)
    if later is None:
        return ""
    return (f"This bundle came from a laptop that a laptop restored from its backup replaced on "
            f"{later.accepted_at[:10]}. It was imported, so nothing in it is lost. If the old laptop should "
            "no longer be in use (lost, stolen or given back), tell the coordinator in charge.")
