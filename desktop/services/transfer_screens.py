"""What the app's transfer screens ask of the vault, beyond :mod:`desktop.services.transfer`.

The Devices page reads an enrolment file and compares the fingerprint being typed before it
enrols (:func:`read_enrolment`, :func:`fingerprint_typed`); "Import from stick" takes a folder and
imports what belongs to this vault's role (:func:`import_from_stick`: bundles on a coordinator,
the coordinator's receipts on a field vault); the interview list shows where each interview stands
(:func:`list_marks`). Rules stay in the transfer service; these only gather and name.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.services.errors import Refused
from desktop.services.transfer import HeldBack, delivery, import_bundles, import_receipt, own_keys
from desktop.services.transfer_devices import MAX_ENROLMENT_FILE
from desktop.services.transfer_import import ImportReport, NotSentHere
from desktop.transfer.errors import KeysRefused
from desktop.transfer.keys import PublicKeys, fingerprint_matches
from desktop.transfer.stick import list_stick
from desktop.vault import Vault
from desktop.vault.repos.transfer import Peer

Progress = Callable[[int, int], None]

MADE_HERE = "made here"


@dataclass(frozen=True)
class Enrolment:
    """Another device's enrolment file, read but not pinned."""

    data: bytes
    keys: PublicKeys


def read_enrolment(path: Path) -> Enrolment:
    """The enrolment file at ``path``, checked; nothing is enrolled until :func:`enrol` with the typed fingerprint."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_ENROLMENT_FILE + 1)
    except OSError:
        raise Refused(
            "The enrolment file cannot be read. Check that the stick is in, and choose the file again."
        ) from None
    if len(data) > MAX_ENROLMENT_FILE:
        raise Refused(
            "This is not a Witnessbox enrolment file (it is too large). Choose the file the other device saved."
        )
    try:
        return Enrolment(data, PublicKeys.from_json(data))
    except KeysRefused as exc:
        raise Refused(str(exc)) from None


def fingerprint_typed(typed: str, enrolment: Enrolment) -> bool:
    """True once ``typed`` (read off the other screen) is the enrolment file's fingerprint."""
    return fingerprint_matches(typed, enrolment.keys)


def enrolment_file_name(vault: Vault) -> str:
    """A name for this vault's enrolment file on a stick: its role and first fingerprint group, no person."""
    keys = own_keys(vault).public()
    return f"witnessbox-{keys.role}-{keys.fingerprint.split(' ')[0]}.json"


def devices(vault: Vault) -> list[Peer]:
    """The devices enrolled here, oldest first."""
    return vault.transfer.peers()


def succession_notes(vault: Vault) -> dict[str, str]:
    """For the Devices list, in words: which laptop a restored one continues, and which was replaced."""
    fingerprints = device_labels(vault)
    notes: dict[str, str] = {}
    for s in vault.transfer.successions():
        old = fingerprints.get(s.predecessor, "a laptop no longer enrolled")
        continues = f"restored from a backup; continues {old} after its bundle {s.after_seq}"
        notes[s.device_id] = f"{continues}; {notes[s.device_id]}" if s.device_id in notes else continues
        new = fingerprints.get(s.device_id, "a restored laptop")
        replaced = f"replaced by {new} on {s.accepted_at[:10]}"  # a laptop restored twice is both
        notes[s.predecessor] = f"{notes[s.predecessor]}; {replaced}" if s.predecessor in notes else replaced
    return notes


def device_label(fingerprint: str) -> str:
    """A short label for a device: the first two groups of its fingerprint, never a person's name."""
    return "Laptop " + " ".join(fingerprint.split(" ")[:2])


def named_label(peer: Peer) -> str:
    """How a laptop is named to the coordinator: the name given to it here, its fingerprint's label beside it
    to check against the laptop's own screen ("Leeds office (Laptop K3UG MYKE)"), or the label alone."""
    label = device_label(peer.fingerprint)
    return f"{peer.name} ({label})" if peer.name else label


def device_labels(vault: Vault) -> dict[str, str]:
    """Every enrolled device's :func:`named_label`, by device id. For screens only: never a stick or a file."""
    return {p.device_id: named_label(p) for p in vault.transfer.peers()}


def sent_text(utc: str) -> str:
    """When a bundle was made, from its manifest's "YYYY-MM-DDTHH:MM:SSZ", in local time: "Wed 2 Dec, 14:05"."""
    local = datetime.fromisoformat(utc.replace("Z", "+00:00")).astimezone()
    return f"{local.strftime('%a')} {local.day} {local.strftime('%b')}, {local.strftime('%H:%M')}"


def list_marks(vault: Vault, interview_ids: Iterable[str]) -> dict[str, str]:
    """For the interview list: on a field vault, each interview's delivery ("not sent", "sent, awaiting
    receipt", "delivered"); on a coordinator, the device it came from, by its name here if it has one (or
    "made here")."""
    ids = list(interview_ids)
    if own_keys(vault).role == "field":
        return {i: delivery(vault, i) for i in ids}
    # the coordinator's own name where it gave one (the list has no room for the fingerprint beside it)
    labels = {p.device_id: p.name or device_label(p.fingerprint) for p in vault.transfer.peers()}
    out = {}
    for i in ids:
        device = vault.transfer.origin(i)
        out[i] = MADE_HERE if device is None else labels.get(device, "Laptop not enrolled")
    return out


@dataclass
class ReceiptOutcome:
    file: str
    delivered: int | None  # interviews marked delivered; None when refused
    reason: str = ""
    held_back: bool = False  # the coordinator refused that bundle for some interviews: held back, the rest again
    elsewhere: bool = False  # the coordinator's receipt for another laptop's bundle (a shared stick): not refused


@dataclass
class StickImport:
    """What "Import from stick" found and did: bundles on a coordinator, receipts on a field vault."""

    role: str
    report: ImportReport | None = None
    receipts: list[ReceiptOutcome] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # device id -> short label
    cancelled: bool = False


def import_from_stick(
    vault: Vault, folder: Path, *, progress: Progress | None = None, cancel: threading.Event | None = None
) -> StickImport:
    """Import every bundle (coordinator) or every receipt (field vault) in the stick folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise Refused("That folder does not exist any more. Check that the stick is in, and choose it again.")
    role = own_keys(vault).role
    out = StickImport(role)
    out.labels = device_labels(vault)
    if role == "coordinator":
        out.report = import_bundles(vault, folder, progress=progress, cancel=cancel)
        # read again: a laptop restored from a backup is enrolled by its first bundle's hand-over
        out.labels = device_labels(vault)
        out.cancelled = (
            cancel is not None and cancel.is_set() and len(out.report.bundles) < len(list_stick(folder).bundles)
        )
        return out
    found = list_stick(folder).receipts
    if not found:
        raise Refused(
            "There is no receipt from the coordinator in that folder. Receipts are written onto the "
            "stick when the coordinator imports it; choose the stick's folder after that."
        )
    for n, path in enumerate(found):
        if cancel is not None and cancel.is_set():
            out.cancelled = True
            break
        try:
            out.receipts.append(ReceiptOutcome(path.name, import_receipt(vault, path)))
        except HeldBack as exc:
            out.receipts.append(ReceiptOutcome(path.name, None, str(exc), held_back=True))
        except NotSentHere as exc:
            out.receipts.append(ReceiptOutcome(path.name, None, str(exc), elsewhere=True))
        except Refused as exc:
            out.receipts.append(ReceiptOutcome(path.name, None, str(exc)))
        if progress is not None:
            progress(n + 1, len(found))
    return out
