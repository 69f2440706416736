"""An interview's saved versions as a person reads them: every copy kept, and which laptop each came from.

The vault keeps each earlier version of an interview per number and content (schema 9): an interview
edited on two laptops of one lineage (an old laptop and the laptop restored from its backup) has two
versions with one number on the coordinator, each with the device whose bundle brought it.

* :func:`in_order` puts them in the order a sealed statement's addenda are read in
  (:func:`desktop.services.statement_text.saved_versions`): by number, and of two copies with one number
  the one the next version builds on comes last, so the addendum after it is only what was added.
  Each of those copies comes back as a :class:`KeptCopy` (an :class:`Interview` that knows its number),
  so the addenda can say the statement was edited on two laptops and both edits are kept, rather than
  read as if the second laptop's text replaced the first's (:func:`two_laptops_lead_in`).
* :func:`versions` says, for each copy, in words, where it came from: "saved on this laptop", or the
  laptop's label as the Devices list and the From column show it, and whether that laptop was restored
  from a backup; never a device id, and never a fingerprint on its own. Of two copies with one number,
  each says where the other came from and which one the next version continues.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import TYPE_CHECKING

from desktop.core.model import Interview

if TYPE_CHECKING:  # the bulk export's workers import this module, never the vault (desktop.services.pool)
    from desktop.vault import Vault

SAVED_HERE = "saved on this laptop"
FIRST_OF_TWO = "The statement was then edited separately on two laptops, and both edits are kept. Added on one laptop:"
SECOND_OF_TWO = "Added on the other laptop, whose copy does not hold the addendum above (both are kept):"


@dataclass
class KeptCopy(Interview):
    """A saved version kept as one of several copies with one number: the interview was edited on two
    laptops. ``number`` is set by :func:`in_order` (not a field: the record is the interview's)."""

    def __eq__(self, other: object) -> bool:  # a copy is equal to the same record read as an Interview
        return isinstance(other, Interview) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment] - mutable, as Interview


def _as_copy(iv: Interview, number: int) -> KeptCopy:
    copy = KeptCopy.__new__(KeptCopy)
    copy.__dict__.update(iv.__dict__)
    copy.number = number  # type: ignore[attr-defined]
    return copy


def two_laptops_lead_in(version: Interview, before: Interview | None) -> str | None:
    """For a sealed statement's addendum made from ``version`` (read after ``before``): the words that
    say it is one of two laptops' edits, or None when it is an ordinary later version."""
    if not isinstance(version, KeptCopy):
        return None
    same = isinstance(before, KeptCopy) and getattr(before, "number", None) == getattr(version, "number", None)
    return SECOND_OF_TWO if same else FIRST_OF_TWO


@dataclass(frozen=True)
class SavedVersion:
    number: int
    replaced_at: datetime  # when a later version took its place in this vault
    laptop: str  # where it came from, in words
    two_laptops: bool  # another copy has the same number: edited on two laptops, both kept
    interview: Interview
    other: str = ""  # of two copies: where the other came from, in words
    continued: bool = False  # of two copies: the next version continues this one


def in_order(copies: Sequence[tuple[int, Interview]], current: Interview) -> list[Interview]:
    """The copies (number, record), sorted by number and then as kept, in reading order: of copies with
    one number, the one whose statement the version after them continues comes last."""
    groups = [
        [c if len(g) == 1 else _as_copy(c, number) for c in g]
        for number, g in ((n, [c for _n, c in group]) for n, group in groupby(copies, key=lambda c: c[0]))
    ]
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

    def where(device: str | None) -> str:
        if device is None:
            return SAVED_HERE
        if device not in peers:
            return "from a laptop no longer enrolled here"
        return f"from {peers[device]}" + (", a laptop restored from a backup" if device in restored else "")

    ordered = in_order([(n, iv) for n, _device, _at, iv in kept], vault.interviews.get(interview_id))
    continued = {
        (n, repr(ordered[list(group)[-1]].to_dict()))  # the copy read last of its number
        for n, group in groupby(range(len(ordered)), key=numbers.__getitem__)
    }
    out = []
    for number, device, at, iv in kept:
        two = numbers.count(number) > 1
        others = [where(d) for n, d, _a, c in kept if n == number and c is not iv] if two else []
        out.append(
            SavedVersion(
                number, at, where(device), two, iv, "; ".join(others), two and (number, repr(iv.to_dict())) in continued
            )
        )
    return out


def describe(version: SavedVersion) -> str:
    """One line for a saved version, in words (no content)."""
    at = version.replaced_at
    line = f"Version {version.number}, replaced on {at.day} {at:%B %Y}: {version.laptop}"
    if not version.two_laptops:
        return line
    other = f" (the other {version.other})" if version.other else ""
    nxt = (
        "the next version continues this copy"
        if version.continued
        else "the next version continues the other copy; this copy is kept, nothing of it was dropped"
    )
    return f"{line}; edited on two laptops, both copies kept{other}; {nxt}"
