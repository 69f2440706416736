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
5. a signed receipt per imported (or already there) bundle is written beside it on the stick.

A sequence number missing below a device's highest is reported as a gap until its bundle arrives.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
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
from desktop.transfer.receipt import make_receipt, read_receipt, receipt_file_name
from desktop.transfer.stick import list_stick, write_to_stick
from desktop.vault import Vault, VaultError
from desktop.vault.repos.transfer_apply import Stager

Progress = Callable[[int, int], None]
STAGING = "staging"
QUARANTINE = "quarantine"
_COPY = 1024 * 1024

FORK = ("ALERT: another bundle with the same sequence number from this device was imported before. The laptop "
        "may have been copied, or this bundle forged. It was not imported; tell the coordinator in charge.")
CHAIN = ("This bundle does not follow on from the bundles already imported from its device. It may be forged; "
         "it was not imported. Tell the coordinator in charge.")
VAULT_REFUSED = ("This bundle could not be applied to the vault (it does not fit the records here). "
                 "Nothing was imported.")


@dataclass
class BundleOutcome:
    file: str
    status: str  # "imported", "already there" or "refused"
    reason: str = ""
    alert: bool = False
    device_id: str | None = None
    seq: int | None = None
    interviews: int = 0
    deletions: int = 0
    withdrawals: int = 0
    receipt: str | None = None  # where its receipt was written, if it was
    bundle_id: str | None = None
    sha256: str | None = None
    note: str = ""  # a restored laptop's hand-over accepted, or a bundle from the laptop it replaced


@dataclass
class ImportReport:
    bundles: list[BundleOutcome] = field(default_factory=list)
    gaps: dict[str, list[int]] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(1 for b in self.bundles if b.status == status)


class _DryRun(Exception):
    """Ends verify_bundle's transaction after a successful read: rolled back, nothing kept."""


def import_bundles(vault: Vault, source: Path, *, receipts: bool = True, progress: Progress | None = None,
                   cancel: threading.Event | None = None) -> ImportReport:
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
    for n, path in enumerate(paths):
        if cancel is not None and cancel.is_set():
            break
        outcome = _import_one(vault, me, path)
        if receipts and outcome.status != "refused":
            outcome.receipt = _write_receipt(vault, me, path.parent, outcome)
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
        outcome.status, outcome.reason = "refused", str(exc)
        outcome.alert = exc.message == FORK
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
            outcome.status, outcome.reason = "refused", str(exc)
            outcome.alert = exc.message == FORK
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


def _apply(vault: Vault, me: DeviceKeys, path: Path, sha: str, outcome: BundleOutcome, *, dry_run: bool):
    devices = pinned(vault, "field")
    seen: dict[str, Manifest] = {}

    def stage(stager: Stager) -> None:
        def on_manifest(manifest: Manifest) -> None:
            seen["m"] = manifest
            outcome.device_id, outcome.seq = manifest.sender_device_id, manifest.seq
            outcome.bundle_id, outcome.sha256 = manifest.bundle_id, sha
            stager.begin(bundle_id=manifest.bundle_id, device_id=manifest.sender_device_id, seq=manifest.seq)
            other = stager.imported_at(manifest.sender_device_id, manifest.seq)
            if other is not None:
                raise BundleRefused(FORK)
            before = stager.imported_at(manifest.sender_device_id, manifest.seq - 1)
            after = stager.imported_at(manifest.sender_device_id, manifest.seq + 1)
            if (before is not None and before.sha256 != manifest.prev_bundle_sha256) or (
                    after is not None and after.prev_sha256 != sha):
                raise BundleRefused(CHAIN)
            outcome.note = check_succession(stager, manifest, devices)

        def on_item(item: ReceivedItem) -> None:
            _apply_item(stager, item)

        try:
            with open(path, "rb") as fh:
                received = read_bundle(fh, me=me, pinned=devices, on_manifest=on_manifest, on_item=on_item)
        except OSError:
            raise BundleRefused(bundle_errors.UNREADABLE) from None
        if received.ciphertext_sha256 != sha:
            raise BundleRefused(bundle_errors.UNREADABLE)  # the file changed under us
        if dry_run:
            raise _DryRun()

    try:
        summary = vault.transfer.apply_bundle(sha256=lambda: sha,
                                              prev_sha256=lambda: seen["m"].prev_bundle_sha256, stage=stage)
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
        raise Refused("The bundle could not be copied from the stick (it may have been removed). Put the stick "
                      "back and try again; nothing was imported.") from None
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


def _write_receipt(vault: Vault, me: DeviceKeys, folder: Path, outcome: BundleOutcome) -> str | None:
    """Write the signed receipt for an imported bundle into ``folder``; None if it could not be."""
    if outcome.bundle_id is None or outcome.sha256 is None:
        return None
    data = make_receipt(me, bundle_id=outcome.bundle_id, bundle_sha256=outcome.sha256, status="imported")
    try:
        written = write_to_stick(folder, receipt_file_name(), lambda f: f.write(data), expected_size=len(data))
    except (StickWriteFailed, OSError):
        return None
    return str(written.path)


def import_receipt(vault: Vault, receipt: Path | bytes) -> int:
    """Mark delivered what the receipt's bundle carried (the receipt file, or its bytes); returns how
    many interviews were marked."""
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
        raise Refused("The coordinator refused this bundle, so nothing was marked as delivered. Send again.")
    marked = vault.transfer.apply_receipt(receipt.bundle_id, receipt.bundle_sha256)
    if marked is None:
        raise Refused("This receipt is for a bundle that was not sent from this vault; nothing was marked.")
    return marked
