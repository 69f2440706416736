"""A laptop restored twice: the old laptop's copy restored onto a second laptop, whose first hand-over
never reached the coordinator, and that laptop's own copy restored onto a third. The third laptop's
bundle carries the whole chain of hand-overs, each signed by the keys before it, from the enrolled
laptop on; the coordinator checks it and accepts it whole, in the bundle's one transaction, or
refuses it with nothing applied. Real vaults, real backup copies on "stick" folders, real bundles.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from desktop.services import backups, transfer
from desktop.services.transfer_succession import SECOND_SUCCESSOR
from desktop.transfer import canonical
from desktop.transfer.bundle import bundle_file_name, write_bundle
from desktop.transfer.errors import NOT_ENROLLED, BundleRefused
from desktop.transfer.keys import DeviceKeys
from desktop.transfer.succession import (
    BROKEN_CHAIN,
    NOT_SIGNED_BY_OLD,
    extend_chain,
    make_succession,
    parse_chain,
)
from desktop.vault import Vault
from desktop.vault.schema import SCHEMA_VERSION
from tests.factories import PASSPHRASE, make_interview
from tests.transfer_vaults import dump, make_pair
from tests.transfer_vaults import send_bundle as _send


def _copy(vault, tmp_path, name):
    folder = tmp_path / "backups" / name
    folder.mkdir(parents=True)
    return backups.backup_to_folder(vault, folder).folder


def _restore(copy, tmp_path, name) -> Vault:
    backups.restore_copy(copy, tmp_path / name, PASSPHRASE)
    return Vault.unlock(tmp_path / name, PASSPHRASE)


@dataclasses.dataclass
class Twice:
    coord: Vault
    enrolled: str  # the old laptop's device id, enrolled in person
    second: Vault  # restored from the old laptop's copy; its hand-over never arrived
    lost: object  # the second laptop's first bundle (with its hand-over), never imported
    third: Vault  # restored from the second laptop's copy


def _twice(tmp_path) -> Twice:
    old, coord = make_pair(tmp_path)
    old.interviews.add(make_interview("Sent by the old laptop."))
    assert transfer.import_bundles(coord, _send(old, tmp_path, "old-1").path).bundles[0].status == "imported"
    enrolled = transfer.public_keys(old).device_id
    first_copy = _copy(old, tmp_path, "first")
    old.lock()  # the old laptop dies
    second = _restore(first_copy, tmp_path, "second")
    second.interviews.add(make_interview("Typed on the second laptop."))
    lost = _send(second, tmp_path, "second-2")  # hands over; the stick is lost on the way
    second_copy = _copy(second, tmp_path, "second")
    third = _restore(second_copy, tmp_path, "third")
    return Twice(coord, enrolled, second, lost, third)


def test_a_laptop_restored_twice_is_accepted_with_the_whole_chain_in_one_bundle(tmp_path):
    t = _twice(tmp_path)
    t.second.lock()  # the second laptop dies too
    fresh = make_interview("Typed on the third laptop.")
    t.third.interviews.add(fresh)
    sent = _send(t.third, tmp_path, "third-3")
    assert "restored from a backup" in sent.note
    assert len(parse_chain(t.third.transfer.restored()[1]).links) == 2

    report = transfer.import_bundles(t.coord, sent.path)
    [outcome] = report.bundles
    assert outcome.status == "imported" and not outcome.alert, outcome.reason
    assert "restored from backups 2 times" in outcome.note and "nothing sent before is lost" in outcome.note
    assert t.coord.interviews.get(fresh.id) == t.third.interviews.get(fresh.id)
    successions = t.coord.transfer.successions()
    third_keys = transfer.public_keys(t.third)
    assert [s.predecessor for s in successions][0] == t.enrolled and len(successions) == 2
    assert successions[1].device_id == third_keys.device_id and successions[1].predecessor == successions[0].device_id
    assert [e.action for e in t.coord.audit.entries()].count("device.succession_accepted") == 2
    assert t.coord.audit.verify()
    assert transfer.origin(t.coord, fresh.id) == third_keys.device_id

    # the receipt marks it delivered on the third laptop; its next bundle is ordinary and imports
    assert transfer.import_receipt(t.third, outcome.receipt) >= 1
    t.third.interviews.add(make_interview("The next week."))
    following = transfer.import_bundles(t.coord, _send(t.third, tmp_path, "third-4").path).bundles[0]
    assert following.status == "imported" and following.note == "", following.reason

    # the lost bundle turns up after all: imported (it holds what the second laptop typed) and flagged
    late = transfer.import_bundles(t.coord, t.lost.path).bundles[0]
    assert late.status == "imported" and "replaced" in late.note, late.reason
    assert len(t.coord.transfer.successions()) == 2


def test_a_bundle_of_the_chain_imported_before_is_not_accepted_twice(tmp_path):
    t = _twice(tmp_path)
    assert transfer.import_bundles(t.coord, t.lost.path).bundles[0].status == "imported"  # the first hand-over
    t.third.interviews.add(make_interview("Typed on the third laptop."))
    outcome = transfer.import_bundles(t.coord, _send(t.third, tmp_path, "third-3").path).bundles[0]
    assert outcome.status == "imported", outcome.reason
    assert "1 of them were accepted now" in outcome.note
    assert len(t.coord.transfer.successions()) == 2


def _refused_unchanged(coord, path):
    before, peers, successions = dump(coord), coord.transfer.peers(), coord.transfer.successions()
    accepted = [e.action for e in coord.audit.entries()].count("device.succession_accepted")
    outcome = transfer.import_bundles(coord, path).bundles[0]
    assert outcome.status == "refused"
    assert dump(coord) == before and coord.transfer.peers() == peers and coord.transfer.successions() == successions
    assert [e.action for e in coord.audit.entries()].count("device.succession_accepted") == accepted
    assert coord.audit.verify()
    return outcome


def test_two_laptops_restored_from_one_restored_laptops_copy_the_second_is_refused_whole(tmp_path):
    t = _twice(tmp_path)
    copy = _copy(t.second, tmp_path, "second-again")
    t.third.interviews.add(make_interview("Typed on the third laptop."))
    assert transfer.import_bundles(t.coord, _send(t.third, tmp_path, "third-3").path).bundles[0].status == "imported"
    fourth = _restore(copy, tmp_path, "fourth")  # a fork: the second laptop's keys handed over twice
    stray = make_interview("Typed on the fourth laptop.")
    fourth.interviews.add(stray)
    outcome = _refused_unchanged(t.coord, _send(fourth, tmp_path, "fourth-3").path)
    assert outcome.reason == SECOND_SUCCESSOR.format(date=t.coord.transfer.successions()[1].accepted_at[:10])
    assert not t.coord.interviews.exists(stray.id)


def _forged(tmp_path, coord, sender: DeviceKeys, chain: bytes, *, seq: int, prev: str):
    folder = tmp_path / "forged" / f"{seq}-{len(list((tmp_path).glob('forged/*')))}"
    folder.mkdir(parents=True)
    path = folder / bundle_file_name()
    with open(path, "wb") as out:
        write_bundle(out, sender=sender, recipients=[transfer.public_keys(coord)], seq=seq, prev_sha256=prev,
                     items=[], app_version="0.1.0", schema_version=SCHEMA_VERSION, succession=chain)
    return path


def _keys_of(vault) -> DeviceKeys:
    return transfer.own_keys(vault)


def test_a_chain_not_starting_at_an_enrolled_laptop_is_refused(tmp_path):
    t = _twice(tmp_path)
    stranger, middle, end = (DeviceKeys.generate("field") for _ in range(3))
    chain = extend_chain(make_succession(stranger, middle, after_seq=0, after_sha256=""),
                         make_succession(middle, end, after_seq=0, after_sha256=""))
    outcome = _refused_unchanged(t.coord, _forged(tmp_path, t.coord, end, chain, seq=1, prev=""))
    assert outcome.reason == NOT_ENROLLED


def test_a_changed_byte_in_an_earlier_hand_over_is_refused(tmp_path):
    t = _twice(tmp_path)
    chain = parse_chain(t.second.transfer.restored()[1])  # the second laptop's one hand-over
    second_keys = _keys_of(t.second)  # the keys the second laptop took over with
    end = DeviceKeys.generate("field")
    good = extend_chain(chain.raw, make_succession(second_keys, end, after_seq=2, after_sha256="a" * 64))
    changed = good.replace(b'restored_utc\\":\\"20', b'restored_utc\\":\\"19', 1)  # in the first one
    assert changed != good and len(parse_chain(changed).links) == 2  # still well formed
    outcome = _refused_unchanged(t.coord, _forged(tmp_path, t.coord, end, changed, seq=3, prev="a" * 64))
    assert outcome.reason == NOT_SIGNED_BY_OLD


def test_hand_overs_out_of_order_or_replayed_from_another_chain_are_refused(tmp_path):
    t = _twice(tmp_path)
    first = parse_chain(t.second.transfer.restored()[1]).links[0]  # enrolled -> second laptop
    second_keys = _keys_of(t.second)
    end, other = DeviceKeys.generate("field"), DeviceKeys.generate("field")
    link = make_succession(second_keys, end, after_seq=2, after_sha256="b" * 64)
    records = [canonical.loads(r, error=ValueError, message="") for r in (first.raw, link)]
    swapped = canonical.dumps(records[::-1])
    with pytest.raises(BundleRefused) as refused:
        parse_chain(swapped)
    assert refused.value.message == BROKEN_CHAIN
    outcome = _refused_unchanged(t.coord, _forged(tmp_path, t.coord, end, swapped, seq=3, prev="b" * 64))
    assert outcome.reason == BROKEN_CHAIN
    # a genuine hand-over replayed into a chain it does not belong to: the link after it was not signed
    # by the keys it hands over to
    replayed = canonical.dumps([records[0], canonical.loads(make_succession(other, end, after_seq=2,
                                                                            after_sha256="b" * 64),
                                                            error=ValueError, message="")])
    outcome = _refused_unchanged(t.coord, _forged(tmp_path, t.coord, end, replayed, seq=3, prev="b" * 64))
    assert outcome.reason == BROKEN_CHAIN
    forged_sig = dataclasses.replace(other, device_id=second_keys.device_id)  # poses as the second laptop
    posing = canonical.dumps([records[0], canonical.loads(make_succession(forged_sig, end, after_seq=2,
                                                                          after_sha256="b" * 64),
                                                          error=ValueError, message="")])
    with pytest.raises(BundleRefused):
        parse_chain(posing)  # its signing key is not the one the first hand-over names


def test_the_chain_is_kept_within_its_limits(tmp_path):
    keys = [DeviceKeys.generate("field") for _ in range(18)]
    chain = None
    for n in range(16):
        chain = extend_chain(chain, make_succession(keys[n], keys[n + 1], after_seq=n, after_sha256=(
            "c" * 64 if n else "")))
    assert len(parse_chain(chain).links) == 16 and json.loads(chain)
    with pytest.raises(ValueError):
        extend_chain(chain, make_succession(keys[16], keys[17], after_seq=16, after_sha256="c" * 64))


def test_the_devices_list_says_the_middle_laptop_both_continues_and_was_replaced(tmp_path):
    from desktop.services.transfer_screens import succession_notes

    t = _twice(tmp_path)
    t.third.interviews.add(make_interview("Typed on the third laptop."))
    assert transfer.import_bundles(t.coord, _send(t.third, tmp_path, "third-3").path).bundles[0].status == "imported"
    middle = t.coord.transfer.successions()[0].device_id
    note = succession_notes(t.coord)[middle]
    assert note.startswith("restored from a backup; continues Laptop ") and "; replaced by Laptop " in note
    assert succession_notes(t.coord)[t.enrolled].startswith("replaced by Laptop ")


def test_a_second_different_hand_over_to_keys_accepted_before_is_refused(tmp_path):
    from desktop.transfer.succession import BAD_STATEMENT

    t = _twice(tmp_path)
    second_keys = _keys_of(t.second)
    t.third.interviews.add(make_interview("Typed on the third laptop."))
    sent = _send(t.third, tmp_path, "third-3")
    assert transfer.import_bundles(t.coord, sent.path).bundles[0].status == "imported"
    third_keys = _keys_of(t.third)
    first = parse_chain(t.third.transfer.restored()[1]).links[0]
    # the second laptop's key signs another hand-over to the very keys accepted: genuine, but not the one
    # accepted (another history), so it is refused rather than taken as the same
    other = make_succession(second_keys, third_keys, after_seq=1, after_sha256=first.after_sha256)
    chain = extend_chain(first.raw, other)
    outcome = _refused_unchanged(t.coord, _forged(tmp_path, t.coord, third_keys, chain, seq=9, prev="f" * 64))
    assert outcome.reason == BAD_STATEMENT
