"""An interview's saved versions as a person reads them: every copy kept, and which laptop each came from.

The vault keeps each earlier version of an interview per number and content (schema 9): an interview
edited on two laptops of one lineage (an old laptop and the laptop restored from its backup) has two
versions with one number on the coordinator, each with the device whose bundle brought it.

* :func:`in_order` puts them in the order a sealed statement's addenda are read in
  (:func:`desktop.services.statements.saved_versions`): by number, and of two copies with one number
  the one the next version builds on comes last, so the addendum after it is only what was added.
* :func:`versions` says, for each copy, in words, where it came from: "saved on this laptop", or the
  laptop's label as the Devices list and the From column show it, and whether that laptop was restored
  from a backup; never a device id, and never a fingerprint on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from desktop.core.model import Interview
from desktop.vault import Vault

SAVED_HERE = "saved on this laptop"


@dataclass(frozen=True)
class SavedVersion:
    number: int
    replaced_at: datetime  # when a later version took its place in this vault
    laptop: str  # where it came from, in words
    two_laptops: bool  # another copy has the same number: edited on two laptops, both kept
    interview: Interview


def in_order(copies: Sequence[tuple[int, Interview]], current: Interview) -> list[Interview]:
    """The copies (number, record), sorted by number and then as kept, in reading order: of copies with
    one number, the one whose statement the version after them continues comes last."""
    groups = [[c for _n, c in group] for _number, group in groupby(copies, key=lambda c: c[0])]
    after = current
    for group in reversed(groups):  # from the newest: what follows a number is known once it is ordered
        group.sort(key=lambda c: after.statement.startswith(c.statement))
        after = group[0]
    return [c for group in groups for c in group]


def versions(vault: Vault, interview_id: str) -> list[SavedVersion]:
    """Every earlier saved version of the interview, oldest first, each saying which laptop it came from."""
    from desktop.services.transfer_screens import device_label

    peers = {p.device_id: device_label(p.fingerprint) for p in vault.transfer.peers()}
    restored = {s.device_id for s in vault.transfer.successions()}
    kept = vault.interviews.kept(interview_id)
    numbers = [n for n, _device, _at, _iv in kept]
    out = []
    for number, device, at, iv in kept:
        if device is None:
            laptop = SAVED_HERE
        elif device not in peers:
            laptop = "from a laptop no longer enrolled here"
        else:
            laptop = f"from {peers[device]}" + (", a laptop restored from a backup" if device in restored else "")
        out.append(SavedVersion(number, at, laptop, numbers.count(number) > 1, iv))
    return out


def describe(version: SavedVersion) -> str:
    """One line for a saved version, in words (no content)."""
    both = "; edited on two laptops, both kept" if version.two_laptops else ""
    at = version.replaced_at
    return f"Version {version.number}, replaced on {at.day} {at:%B %Y}: {version.laptop}{both}"
