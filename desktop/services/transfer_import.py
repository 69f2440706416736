"""Receiving: a coordinator imports bundles from a stick, and a field vault imports receipts.

For each bundle (a file, or every bundle in a stick folder, in name order; the sequence numbers
inside decide the order that matters):

1. copy it into ``<vault>/staging/`` (owner-only), hashing it, so the stick can be pulled;
2. a bundle whose hash was imported before is "already there" (nothing read, nothing changed);
3. otherwise, after a verified backup, :meth:`vault.transfer.apply_bundle` opens ONE transaction
   and the bundle is read inside it (:func:`desktop.transfer.bundle.read_bundle`): the manifest must
   be signed by an enrolled field device and name this coordinator; a bundle id imported before is
   "already there"; another bundle already imported with the same device and sequence number is a
   possible cloned laptop or forgery (refused, an alert and an audit entry); the previous-hash chain
   must agree with the neighbours already here; every record must pass the record rules
   (:mod:`desktop.services.transfer_records`); a laptop restored from a backup is accepted once as
   the one it continues (:mod:`desktop.services.transfer_succession`). Items are applied as they
   arrive and the transaction commits only when ``read_bundle`` has returned, so a bundle whose
   end is damaged leaves nothing;
4. a refused bundle's copy is moved into ``<vault>/quarantine/`` with its reason recorded and
   audited (the file on the stick is left alone); an imported one's copy is removed;
5. a signed receipt per imported (or already there) bundle is written beside it on the stick,
   unless a receipt signed here saying the same is already there (the stick imported again).

A bundle refused only because some interviews' records break the record rules or clash with records
here (the worker's laptop made them, so sending them again would be refused again) is still refused
whole and quarantined, but every item is read to the end so all such interviews are known, and a signed
receipt with status "refused" names them: the worker's laptop holds those back and sends the rest again
(:func:`import_receipt`).

A sequence number missing below a device's highest is reported as a gap until its bundle arrives.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktop.files import atomic_writer, fsync_dir, sha256_file
from desktop.paths import make_private_dir
from desktop.services import transfer_records as records
from desktop.services.errors import Refused
from desktop.services.transfer_devices import NOT_COORDINATOR, NOT_FIELD, own_keys, pinned
from desktop.services.transfer_succession import check_succession
from desktop.transfer import errors as bundle_errors
from desktop.transfer.bundle import ReceivedItem, is_bundle_file_name, read_bundle
from desktop.transfer.errors import BundleRefused, ReceiptRefused, StickWriteFailed
from desktop.transfer.keys import DeviceKeys
from desktop.transfer.manifest import FAT32_MAX_FILE, Manifest
from desktop.transfer.receipt import (
    MAX_RECEIPT,
    MAX_REFUSED,
    Receipt,
    interview_token,
    make_receipt,
    read_receipt,
    receipt_file_name,
)
from desktop.transfer.stick import list_stick, write_to_stick
from desktop.vault import Vault, VaultError
from desktop.vault.repos.transfer_apply import Stager

Progress = Callable[[int, int], None]
STAGING = "staging"
QUARANTINE = "quarantine"
_COPY = 1024 * 1024

FORK = (
    "ALERT: another bundle with the same sequence number from this device was imported before. The laptop "
    "may have been copied, or this bundle forged. It was not imported; tell the coordinator in charge."
)
CHAIN = (
    "This bundle does not follow on from the bundles already imported from its device. It may be forged; "
    "it was not imported. Tell the coordinator in charge."
)
VAULT_REFUSED = (
    "This bundle could not be applied to the vault (it does not fit the records here). Nothing was imported."
)


def records_refused(n: int) -> str:
    """Why a bundle was refused for some of its interviews' records, in words."""
    which = (
        "1 interview in this bundle could not be accepted: its record breaks the record format or clashes"
        if n == 1
        else f"{n} interviews in this bundle could not be accepted: their records break the record format or clash"
    )
    return (
        f"{which} with records here (the two laptops may run different versions of Witnessbox). Nothing from "
        "this bundle was imported."
    )


RECEIPT_SAYS = (
    " A receipt saying which was written onto the stick: give it back to the worker. Their laptop then "
    "holds back only what could not be accepted and sends the rest again in its next bundle. If the "
    "laptops run different versions of Witnessbox, update the older one."
)
NO_RECEIPT_SAYS = (
    " No receipt was written: import the stick again with receipts, so the worker's laptop learns "
    "what to hold back and sends the rest again."
)
RECEIPT_FAILED_SAYS = (
    " No receipt saying which could be written onto the stick (it may be full, locked or removed): free some "
    "space on it and import it again, so the worker's laptop learns what to hold back and sends the rest again."
)


class RecordsRefused(BundleRefused):
    """Some interviews' records were refused (the rest of the bundle was fine); the whole bundle is rolled back."""

    def __init__(self, interview_ids: set[str]) -> None:
        super().__init__(records_refused(len(interview_ids)))
        self.interview_ids = sorted(interview_ids)


@dataclass
class BundleOutcome:
    file: str
    status: str  # "imported", "already there" or "refused"
    reason: str = ""
    alert: bool = False
    device_id: str | None = None
    seq: int | None = None
    sent_utc: str | None = None  # when its laptop made it ("YYYY-MM-DDTHH:MM:SSZ"), once its signed manifest is read
    interviews: int = 0
    deletions: int = 0
    withdrawals: int = 0
    receipt: str | None = None  # where its receipt was written, if it was
    no_receipt: bool = False  # a receipt was due but could not be written (the stick full, locked or pulled)
    receipt_there: bool = False  # its receipt was on the stick already (imported before), none written now
    bundle_id: str | None = None
    sha256: str | None = None
    note: str = ""  # a restored laptop's hand-over accepted, or a bundle from the laptop it replaced
    refused_interviews: list[str] = field(default_factory=list)  # refused for these interviews' records


@dataclass
class ImportReport:
    bundles: list[BundleOutcome] = field(default_factory=list)
    gaps: dict[str, list[int]] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(1 for b in self.bundles if b.status == status)

    def receipt_note(self) -> str:
        """What to say when receipts were due but some could not be written onto the stick, else ""."""
        n = sum(1 for b in self.bundles if b.no_receipt)
        if not n:
            return ""
        which = "1 bundle" if n == 1 else f"{n} bundles"
        # Only what is true: a stick whose bundles were all there already, or refused, brought nothing in.
        arrived = "What arrived is imported." if self.count("imported") else "Nothing new arrived from it."
        return (
            f"No receipt could be written onto the stick for {which} (it may be full, locked or removed). "
            f"{arrived} Free some space on the stick and import it again: the receipts are written then, and "
            "nothing is imported twice."
        )


class _DryRun(Exception):
    """Ends verify_bundle's transaction after a successful read: rolled back, nothing kept."""


def import_bundles(
    vault: Vault,
    source: Path,
    *,
    receipts: bool = True,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportReport:
    """Import one bundle file or every bundle in a folder; see the module docstring."""
    me = own_keys(vault)
    if me.role != "coordinator":
        raise Refused(NOT_COORDINATOR)
    source = Path(source)
    if source.is_dir():
        paths = list(list_stick(source).bundles)
        if not paths:
            raise Refused("There is no Witnessbox bundle in that folder.")
    elif source.is_file():
        paths = [source]
    else:
        raise Refused("That bundle file or folder does not exist.")
    _clear_staging(vault)
    report = ImportReport()
    on_stick: dict[Path, list[tuple[Path, Receipt]]] = {}  # each folder's receipts signed here, read once
    for n, path in enumerate(paths):
        if cancel is not None and cancel.is_set():
            break
        outcome = _import_one(vault, me, path)
        if receipts and (outcome.status != "refused" or outcome.refused_interviews):
            if path.parent not in on_stick:
                on_stick[path.parent] = _receipts_on_stick(me, path.parent)
            outcome.receipt = _write_receipt(me, path.parent, outcome, on_stick[path.parent])
            outcome.no_receipt = outcome.receipt is None and outcome.bundle_id is not None
        if outcome.refused_interviews:
            # Receipts switched off, or due and not written (the stick full): each is said as it is.
            outcome.reason += (
                RECEIPT_SAYS if outcome.receipt else RECEIPT_FAILED_SAYS if outcome.no_receipt else NO_RECEIPT_SAYS
            )
        report.bundles.append(outcome)
        if progress is not None:
            progress(n + 1, len(paths))
    report.gaps = vault.transfer.gaps()
    return report


def verify_bundle(vault: Vault, path: Path) -> BundleOutcome:
    """Would this bundle import? Read and checked exactly as an import, then rolled back: nothing changes."""
    me = own_keys(vault)
    if me.role != "coordinator":
        raise Refused(NOT_COORDINATOR)
    path = Path(path)
    if not path.is_file():
        raise Refused("That bundle file does not exist.")
    outcome = BundleOutcome(path.name, "imported")
    sha = sha256_file(path)
    if (done := vault.transfer.received(sha)) is not None and done.status == "imported":
        outcome.status, outcome.device_id, outcome.seq = "already there", done.device_id, done.seq
        return outcome
    try:
        result = _apply(vault, me, path, sha, outcome, dry_run=True)
    except BundleRefused as exc:
        _refused(outcome, exc)
        return outcome
    if result is None:
        outcome.status = "already there"
    return outcome


def _import_one(vault: Vault, me: DeviceKeys, path: Path) -> BundleOutcome:
    outcome = BundleOutcome(path.name, "imported")
    try:
        staged, sha = _stage(vault, path)
    except Refused as exc:  # nothing was copied: there is nothing to quarantine
        outcome.status, outcome.reason = "refused", str(exc)
        return outcome
    try:
        done = vault.transfer.received(sha)
        if done is not None and done.status == "imported":
            outcome.status, outcome.device_id, outcome.seq = "already there", done.device_id, done.seq
            outcome.bundle_id, outcome.sha256 = done.bundle_id, sha
            return outcome
        if vault.interviews.count():
            vault.backup_now("import")
        try:
            result = _apply(vault, me, staged, sha, outcome, dry_run=False)
        except BundleRefused as exc:
            _refused(outcome, exc)
            _quarantine(vault, staged, sha, outcome)
            staged = None
            return outcome
        if result is None:
            outcome.status = "already there"
        return outcome
    finally:
        if staged is not None:
            with contextlib.suppress(OSError):
                staged.unlink()


def _refused(outcome: BundleOutcome, exc: BundleRefused) -> None:
    outcome.status, outcome.reason = "refused", str(exc)
    outcome.alert = exc.message == FORK
    outcome.refused_interviews = getattr(exc, "interview_ids", [])


def _apply(vault: Vault, me: DeviceKeys, path: Path, sha: str, outcome: BundleOutcome, *, dry_run: bool):
    devices = pinned(vault, "field")
    seen: dict[str, Manifest] = {}
    refused: set[str] = set()  # interviews whose records were refused; the rest is still checked

    def stage(stager: Stager) -> None:
        def on_manifest(manifest: Manifest) -> None:
            seen["m"] = manifest
            outcome.device_id, outcome.seq = manifest.sender_device_id, manifest.seq
            outcome.sent_utc = manifest.created_utc
            outcome.bundle_id, outcome.sha256 = manifest.bundle_id, sha
            stager.begin(bundle_id=manifest.bundle_id, device_id=manifest.sender_device_id, seq=manifest.seq)
            other = stager.imported_at(manifest.sender_device_id, manifest.seq)
            if other is not None:
                raise BundleRefused(FORK)
            before = stager.imported_at(manifest.sender_device_id, manifest.seq - 1)
            after = stager.imported_at(manifest.sender_device_id, manifest.seq + 1)
            if (before is not None and before.sha256 != manifest.prev_bundle_sha256) or (
                after is not None and after.prev_sha256 != sha
            ):
                raise BundleRefused(CHAIN)
            outcome.note = check_succession(stager, manifest, devices)

        def on_item(item: ReceivedItem) -> None:
            # A record refused is remembered and the rest read on, so the receipt can name every interview
            # at fault; the transaction is rolled back at the end all the same (nothing half-applied).
            interview = records.interview_of(item.id) or stager.attachment_owner(item.id[4:])
            if interview in refused:
                return
            try:
                _apply_item(stager, item)
            except (BundleRefused, VaultError):
                if interview is None:
                    raise
                refused.add(interview)

        try:
            with open(path, "rb") as fh:
                received = read_bundle(fh, me=me, pinned=devices, on_manifest=on_manifest, on_item=on_item)
        except OSError:
            raise BundleRefused(bundle_errors.UNREADABLE) from None
        if received.ciphertext_sha256 != sha:
            raise BundleRefused(bundle_errors.UNREADABLE)  # the file changed under us
        if refused:
            raise RecordsRefused(refused)
        if dry_run:
            raise _DryRun()

    try:
        summary = vault.transfer.apply_bundle(
            sha256=lambda: sha, prev_sha256=lambda: seen["m"].prev_bundle_sha256, stage=stage
        )
    except _DryRun:
        return True
    except VaultError:
        raise BundleRefused(VAULT_REFUSED) from None
    if summary is not None:
        outcome.interviews, outcome.deletions = len(summary.current), summary.deletions
        outcome.withdrawals = summary.withdrawals
    return summary


def _apply_item(stager: Stager, item: ReceivedItem) -> None:
    kind, data = item.kind, item.data
    if kind == "interview":
        rec = records.parse_interview(data, item.id)
        stager.interview(rec.interview, rec.revision, rec.attachments)
    elif kind == "attachment":
        stager.attachment(records.attachment_id(item.id), data)
    elif kind == "decisions":
        stager.decisions(*records.parse_decisions(data, item.id))
    elif kind == "quotations":
        stager.quotations(*records.parse_quotations(data, item.id))
    elif kind == "withdrawal":
        stager.withdrawal(*records.parse_withdrawal(data, item.id))
    elif kind == "deletion":
        stager.deletion(*records.parse_deletion(data, item.id))
    else:  # the manifest parser admits only the kinds above
        raise BundleRefused(records.BAD_RECORD)


def _clear_staging(vault: Vault) -> None:
    """Remove copies an import cut short left in staging (one import runs at a time in a vault)."""
    folder = vault.directory / STAGING
    if folder.is_dir():
        for leftover in folder.iterdir():
            with contextlib.suppress(OSError):
                leftover.unlink()


def _stage(vault: Vault, path: Path) -> tuple[Path, str]:
    """Copy the bundle into the vault's private staging folder; (the copy, its SHA-256)."""
    folder = make_private_dir(vault.directory / STAGING)
    target = folder / f"{secrets.token_hex(16)}.age"
    h, size = hashlib.sha256(), 0
    try:
        with open(path, "rb") as src, atomic_writer(target) as out:
            while chunk := src.read(_COPY):
                size += len(chunk)
                if size > FAT32_MAX_FILE:
                    raise Refused(bundle_errors.TOO_LARGE)
                h.update(chunk)
                out.write(chunk)
    except OSError:
        raise Refused(
            "The bundle could not be copied from the stick (it may have been removed). Put the stick "
            "back and try again; nothing was imported."
        ) from None
    return target, h.hexdigest()


def _quarantine(vault: Vault, staged: Path, sha: str, outcome: BundleOutcome) -> None:
    """Keep the refused bundle's copy aside, with its reason in the vault and the audit log."""
    folder = make_private_dir(vault.directory / QUARANTINE)
    name = outcome.file if is_bundle_file_name(outcome.file) else f"{sha[:32]}.age"
    target = folder / name
    if target.exists():
        target = folder / f"{sha[:16]}-{name}"
    os.replace(staged, target)
    fsync_dir(folder)
    vault.transfer.record_refused(sha, outcome.reason, device_id=outcome.device_id, seq=outcome.seq)
    if outcome.alert:
        vault.transfer.record_alert("bundle.fork_alert", outcome.device_id)


def _write_receipt(
    me: DeviceKeys, folder: Path, outcome: BundleOutcome, there: list[tuple[Path, Receipt]]
) -> str | None:
    """Write the signed receipt for an imported bundle (or one refused for some interviews' records, naming
    them: at most MAX_REFUSED, the others are refused again in the next bundle and named then) into
    ``folder``, unless one of ``there`` (the receipts signed here already in that folder,
    :func:`_receipts_on_stick`) says the same, its time apart; then that one's path. None if it could not
    be written (the stick full, write-protected or pulled): nothing else changes."""
    if outcome.bundle_id is None or outcome.sha256 is None:
        return None
    status = "refused" if outcome.refused_interviews else "imported"
    refused = sorted({interview_token(outcome.bundle_id, i) for i in outcome.refused_interviews})[:MAX_REFUSED]
    # what the receipt would say, its time apart: compared with those there, never signed to be read back
    wanted = Receipt(outcome.bundle_id, outcome.sha256, status, me.device_id, "", tuple(refused))
    for path, receipt in there:
        if replace(receipt, created_utc="") == wanted:
            outcome.receipt_there = True  # the stick was imported before: one receipt per bundle is enough
            return str(path)
    data = make_receipt(
        me, bundle_id=outcome.bundle_id, bundle_sha256=outcome.sha256, status=status, refused_interviews=refused
    )
    try:
        written = write_to_stick(folder, receipt_file_name(), lambda f: f.write(data), expected_size=len(data))
    except (StickWriteFailed, OSError):
        return None
    there.append((written.path, wanted))  # the same bundle twice in one import gets one receipt, as before
    return str(written.path)


def _receipts_on_stick(me: DeviceKeys, folder: Path) -> list[tuple[Path, Receipt]]:
    """Every receipt in ``folder`` signed by this coordinator, read and verified once per import.
    Anything unreadable, damaged or signed by another key does not count."""
    try:
        found = list_stick(folder).receipts
    except OSError:
        return []
    mine = {me.device_id: me.public()}
    out = []
    for path in found:
        try:
            with open(path, "rb") as fh:
                out.append((path, read_receipt(fh.read(MAX_RECEIPT + 1), mine)))
        except (OSError, ReceiptRefused):
            continue
    return out


class NotSentHere(Refused):
    """A receipt, signed by the enrolled coordinator, for a bundle this vault did not send: another
    laptop's, when several workers' bundles shared the stick. Nothing is marked; nothing is wrong."""

    def __init__(self) -> None:
        super().__init__("This receipt is for a bundle that was not sent from this vault; nothing was marked.")


class HeldBack(Refused):
    """The coordinator refused a bundle for some interviews' records (its receipt names them). Raised by
    :func:`import_receipt` AFTER the receipt was applied: those interviews are held back (a change to one
    sends it again, and so does :func:`release_held_back`) and the rest of that bundle goes in the next one."""

    def __init__(self, held: list[str], again: int, *, references: list[str]) -> None:
        self.held, self.again, self.references = held, again, references
        super().__init__(held_back_words(len(held), references, again))


def held_back_words(n: int, references: list[str], again: int) -> str:
    """What the worker is told when the coordinator refused some interviews' records."""
    refs = ", ".join(references)
    these = f"interview {refs}: its record does not" if n == 1 else f"{n} interviews ({refs}): their records do not"
    others = (
        "Nothing else in that bundle needs sending again."
        if not again
        else f"The {again} other item{'s' if again != 1 else ''} in that bundle "
        f"{'go' if again != 1 else 'goes'} again in your next bundle."
    )
    kept = (
        "It is kept safe here and held back from your bundles until it is changed, so it does not"
        if n == 1
        else "They are kept safe here and held back from your bundles until they are changed, so they do not"
    )
    return (
        f"The coordinator could not accept {these} fit the coordinator's Witnessbox, so nothing from that "
        f"bundle was imported. {others} {kept} block the others. Tell the coordinator; if your laptops run "
        "different versions of Witnessbox, update the older one, then send held-back interviews again."
    )


def import_receipt(vault: Vault, receipt: Path | bytes) -> int:
    """Mark delivered what the receipt's bundle carried (the receipt file, or its bytes); returns how
    many interviews were marked. A receipt for a bundle refused for some interviews' records holds those
    back and makes the rest unsent, then raises :class:`HeldBack` saying so. A receipt taken in before
    (or another for the same bundle) changes nothing and returns 0, refused or not."""
    me = own_keys(vault)
    if me.role != "field":
        raise Refused(NOT_FIELD)
    if isinstance(receipt, bytes):
        data = receipt
    else:
        try:
            with open(receipt, "rb") as fh:
                data = fh.read(8192)
        except OSError:
            raise Refused("The receipt file cannot be read.") from None
    try:
        receipt = read_receipt(data, pinned(vault, "coordinator"))
    except ReceiptRefused as exc:
        raise Refused(str(exc)) from None
    if receipt.status != "imported":
        if not receipt.refused_interviews:
            raise Refused("The coordinator refused this bundle, so nothing was marked as delivered. Send again.")
        named = set(receipt.refused_interviews)  # tokens: which of what that bundle carried (or held back since)
        held = vault.transfer.held_back()
        candidates = set(vault.transfer.sent_in(receipt.bundle_id)) | set(held)
        refused = [i for i in candidates if interview_token(receipt.bundle_id, i) in named]
        # Taken in before (a second receipt for that bundle, or the stick imported again): nothing of the
        # bundle is still awaiting a receipt and what it refused is held back already.
        before = bool(refused) and not vault.transfer.sent_in(receipt.bundle_id) and set(refused) <= set(held)
        done = vault.transfer.apply_refusal(receipt.bundle_id, receipt.bundle_sha256, refused)
        if done is not None and before and not done[1]:
            return 0  # nothing changed, and the worker was told when it did
        if done is None:
            raise NotSentHere()
        if not done[0]:
            raise Refused(
                "The coordinator could not accept that bundle, but what it could not accept was sent "
                "again since, so nothing was changed here."
            )
        raise HeldBack(
            *done, references=[vault.interviews.get(i).reference for i in done[0] if vault.interviews.exists(i)]
        )
    marked = vault.transfer.apply_receipt(receipt.bundle_id, receipt.bundle_sha256)
    if marked is None:
        raise NotSentHere()
    return marked
