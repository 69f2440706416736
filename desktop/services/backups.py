"""Backups a worker can see: an encrypted copy of the vault on a stick, and a new vault made from one.

The vault keeps its own verified backups inside its folder (:mod:`desktop.vault.backup`); they do
not survive a lost or broken laptop. :func:`backup_to_folder` makes one more of those (the same
verified path: ``VACUUM INTO``, opened and checked, renamed into place) and copies it into a new
folder ``Witnessbox-backup-<UTC time>`` in the folder chosen (a USB stick), each file written once
and read back by hash (:func:`desktop.transfer.stick.write_to_stick`). The copy is itself a vault
folder (``vault.db`` + ``keyslot.json``), still encrypted, and opens with the passphrase the vault
had when the copy was made. A folder a cloud service synchronises, or one inside a vault, is refused.

When the copy is verified, the time is kept in the vault's settings: Settings shows it, and
:func:`backup_due` says when a reminder is due (:data:`REMIND_AFTER` without one).

:func:`restore_copy` makes a new vault folder from such a copy (a replacement laptop): it checks the
passphrase against the copy's key slot before writing anything, copies the two files through the
atomic writer, and unlocks the new vault once to prove it opens.

A copy on a stick cannot be reached by a later deletion: it holds what the vault held that day,
interviews deleted since included (consent withdrawn, a retention purge, a deletion that came in a
bundle), and opens with the passphrase of that day. So:

* :func:`deleted_since_backup` says when an interview (or an attachment) was deleted after the last
  copy to a stick; the app and ``witnessbox backup`` say plainly that older copies still hold it.
* :func:`backup_to_folder` with ``replace=True`` (the default in the app and the command line) then
  deletes the older copies *of this vault* in the chosen folder, and only once the new copy is
  written and read back: a stick pulled or full while the new copy is written keeps its older
  copies untouched, so the stick never holds no good copy. Copies of another vault (another
  worker's, the demo) and anything else on the stick are never touched. Each older copy loses its
  database first and its key file last, so a copy half deleted when the stick is pulled holds no
  interview and is still known as this vault's: the next replacing backup finishes it. Deleting a
  file from a stick does not scrub its flash memory, but what may stay there is encrypted.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.files import atomic_writer, fsync_dir
from desktop.paths import SyncedFolderError, check_not_synced, make_private_dir
from desktop.services import destinations
from desktop.services.errors import Refused
from desktop.transfer.errors import StickWriteFailed
from desktop.transfer.stick import write_to_stick
from desktop.vault import Vault, VaultDamaged, VaultError
from desktop.vault.keyslot import KeySlot, wipe

LAST_BACKUP_KEY = "last_backup_to_folder"  # in the vault's settings: ISO time (UTC) of the last verified copy
REMIND_AFTER = timedelta(days=7)
COPY_PREFIX = "Witnessbox-backup-"
FILES = ("vault.db", "keyslot.json")
# Audit codes of every way an interview or an attachment leaves the vault.
DELETIONS = ("interview.deleted", "interview.purged", "interview.removed_delivered", "attachment.deleted")


@dataclass(frozen=True)
class FolderBackup:
    folder: Path  # the copy: a vault folder on the stick
    made_at: datetime  # UTC
    replaced: int = 0  # older copies of this vault deleted from the folder after the new one read back
    left: int = 0  # older copies of this vault that could not be deleted (the stick was pulled, say)


def _now() -> datetime:
    return datetime.now(UTC)


def _check_destination(folder: Path) -> Path:
    try:
        check_not_synced(Path(folder))
    except SyncedFolderError:
        raise Refused("That folder is copied to a cloud service, so the backup would leave this computer. "
                      "Choose a folder on a USB stick or another drive you keep safe.") from None
    return destinations.check_folder(folder)


def backup_to_folder(vault: Vault, folder: Path, *, replace: bool = False,
                     now=_now) -> FolderBackup:  # noqa: ANN001 - a clock
    """Make a verified backup and copy it into a new folder inside ``folder``; see the module docstring.

    Raises :class:`Refused` (a synced folder, a folder inside a vault, a stick that is full, pulled
    out or does not read back); nothing is left on the stick then, and older copies are untouched. A
    :class:`VaultError` means the vault's own backup could not be made, and nothing was copied.
    With ``replace``, once the new copy has read back, the older copies of this vault in ``folder``
    are deleted (:attr:`FolderBackup.replaced`; :attr:`FolderBackup.left` counts those that could not be).
    """
    target_root = _check_destination(folder)
    made = vault.backup_now("manual")
    when = now()
    copy = target_root / f"{COPY_PREFIX}{when.strftime('%Y%m%dT%H%M%SZ')}"
    n = 1
    while copy.exists():
        n += 1
        copy = target_root / f"{COPY_PREFIX}{when.strftime('%Y%m%dT%H%M%SZ')}-{n}"
    try:
        copy.mkdir()
    except OSError:
        raise Refused("The backup could not be written to that folder (it may be read-only or the stick "
                      "was removed). Check the stick and try again; the vault was not changed.") from None
    try:
        for name in FILES:
            source = made / name
            size = source.stat().st_size

            def produce(sink, source=source) -> None:  # noqa: ANN001 - the stick's hashing file
                with open(source, "rb") as fh:
                    while chunk := fh.read(1024 * 1024):
                        sink.write(chunk)

            write_to_stick(copy, name, produce, expected_size=size, headroom=1.1)
    except StickWriteFailed as exc:
        shutil.rmtree(copy, ignore_errors=True)
        raise Refused(_stick_message(str(exc))) from None
    except OSError:
        shutil.rmtree(copy, ignore_errors=True)
        raise Refused("The backup could not be written to that folder (the stick may have been removed). "
                      "Check the stick and try again; the vault was not changed.") from None
    except BaseException:  # Ctrl-C: an empty or half copy (its database without its key file) left no trace either
        shutil.rmtree(copy, ignore_errors=True)
        raise
    with contextlib.suppress(OSError):
        fsync_dir(target_root)
    vault.settings.set(LAST_BACKUP_KEY, when.isoformat())
    vault.audit.append("vault.backup_copied")
    replaced = left = 0
    if replace:
        vault_id = copy_vault_id(copy)
        for older in older_copies(target_root, vault_id, besides=copy):
            if _delete_copy(older):
                replaced += 1
            else:
                left += 1
        with contextlib.suppress(OSError):
            fsync_dir(target_root)
        if replaced:
            vault.audit.append("vault.backup_copies_replaced")
    return FolderBackup(copy, when, replaced, left)


def copy_vault_id(copy: Path) -> str | None:
    """Which vault a copy on the stick is of (its key file says, without a passphrase), or None if unreadable."""
    try:
        return KeySlot.from_bytes((copy / "keyslot.json").read_bytes()).vault_id
    except (OSError, ValueError):
        return None


def older_copies(folder: Path, vault_id: str | None, *, besides: Path | None = None) -> list[Path]:
    """The backup copies of the vault ``vault_id`` in ``folder`` (a stick's folder), but ``besides``."""
    if vault_id is None:
        return []
    try:
        found = sorted(p for p in Path(folder).glob(f"{COPY_PREFIX}*") if p.is_dir() and not p.is_symlink())
    except OSError:
        return []
    return [p for p in found if p != besides and Vault.exists(p) and copy_vault_id(p) == vault_id]


def _delete_copy(copy: Path) -> bool:
    """Delete one older copy: its database first (what holds the interviews), its key file last (so a
    copy half deleted when the stick is pulled is still known as this vault's, and the next
    replacing backup finishes the job), then the folder. False if the stick would not let it go."""
    try:
        names = sorted((p.name for p in copy.iterdir()), key=lambda n: (n == "keyslot.json", n != "vault.db", n))
        for name in names:
            path = copy / name
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        copy.rmdir()
    except OSError:
        return False
    return True


def deleted_since_backup(vault: Vault) -> datetime | None:
    """When an interview or an attachment was last deleted (UTC), if that was after the last copy to a
    stick: then that copy, and every older one, still holds it. None otherwise, and when no copy
    was ever made (nothing on a stick to hold it). "After" is read from the order of the audit log,
    not from the clock, which a laptop may have wrong."""
    if last_backup(vault) is None:
        return None
    # Two lookups in the index on the log's actions (read at every unlock, on the GUI thread): not the
    # entries written since the copy, which a coordinator's vault fills with every import.
    copied = vault.audit.last(("vault.backup_copied",))
    deleted = vault.audit.last(DELETIONS, after=copied.seq if copied is not None else 0)
    if deleted is None:
        return None
    return deleted.at if deleted.at.tzinfo is not None else deleted.at.replace(tzinfo=UTC)


def _stick_message(text: str) -> str:
    """The stick writer's words are about sending a bundle; a backup says the same of itself."""
    return text.replace("nothing was sent", "no backup was left there").replace(
        "Send fewer interviews at once.", "Use a stick formatted as exFAT or NTFS.")


def last_backup(vault: Vault) -> datetime | None:
    """When the last verified copy to a folder was made (UTC), or None if never."""
    value = vault.settings.get(LAST_BACKUP_KEY)
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def backup_due(vault: Vault, *, now=_now) -> bool:  # noqa: ANN001 - a clock
    """True when the worker should be reminded: no copy for :data:`REMIND_AFTER`, or none ever while
    the vault has held interviews for that long."""
    last = last_backup(vault)
    if last is not None:
        return now() - last >= REMIND_AFTER
    began = vault.audit.first()  # one row, not the whole log (read at every unlock)
    first = began.at if began is not None else None
    if first is None or vault.interviews.count() == 0:
        return False
    if first.tzinfo is None:
        first = first.replace(tzinfo=UTC)
    return now() - first >= REMIND_AFTER


def find_copy(folder: Path) -> Path:
    """``folder`` if it is a backup copy (or a vault folder), else the newest copy inside it."""
    folder = Path(folder)
    if Vault.exists(folder):
        return folder
    copies = sorted((p for p in folder.glob(f"{COPY_PREFIX}*") if Vault.exists(p)), key=lambda p: p.name)
    if not copies:
        raise Refused("There is no Witnessbox backup in that folder. Choose the stick's folder that holds "
                      f"a {COPY_PREFIX}… folder, or that folder itself.")
    return copies[-1]


_WORKERS = "This is a worker's vault that sends bundles to the coordinator."
_SEEN = "The coordinator will see that this laptop was restored from a backup; there is nothing to enrol again."
_NOTHING_LOST = ("Nothing is lost: what the coordinator already has stays, everything not yet confirmed by a receipt "
                 "is sent again, and interviews sent again replace their copies there instead of being counted twice")
HANDS_OVER = (f"{_WORKERS} The next time you send, Witnessbox first gives this laptop new keys, and the bundle tells "
              "the coordinator, signed with the old laptop's keys, that this laptop continues the old one. "
              f"{_SEEN} {_NOTHING_LOST}, and anything the old laptop sends later is still imported. If the old laptop "
              "still works, stop using it and tell the coordinator.")
# A vault rolled back to one of its own backups (``witnessbox restore-backup``): the same hand-over, no other laptop.
ROLLED_BACK_HANDS_OVER = (
    f"{_WORKERS} Its record of the bundles it sent went back to the day of the backup too, so the next time you "
    "send, Witnessbox first gives this laptop new keys, and the bundle tells the coordinator, signed with the keys "
    f"it had, that the new keys continue them. {_SEEN} {_NOTHING_LOST}.")


@dataclass(frozen=True)
class RestoredCopy:
    copy: Path  # the backup copy used
    hands_over: bool  # a worker's vault: its next bundle goes out under new keys (say so: HANDS_OVER)


def restore_copy(copy: Path, target: Path, passphrase: str) -> RestoredCopy:
    """A new vault in ``target`` (a new or empty folder) made from the backup copy ``copy``
    (:func:`find_copy` finds it in a stick's folder). Returns the copy used, and whether the new
    vault will hand over to new keys before its next bundle (a worker's vault with device keys).

    Refused before anything is written: a target that holds anything, a synced target, a copy whose
    key file is damaged; :class:`~desktop.vault.WrongPassphrase` for a passphrase that does not
    open the copy. The new vault is unlocked once and every page checked; if it does not open or a
    page is damaged, what was written is removed and the copy is untouched.
    """
    copy = find_copy(copy)
    target = Path(target).expanduser()
    try:
        check_not_synced(target)
    except SyncedFolderError as exc:
        raise Refused(str(exc)) from None
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise Refused("The folder for the restored vault must be new or empty; choose another folder.")
    if any(Vault.exists(a) for a in target.parents):
        raise Refused("That folder is inside a Witnessbox vault; choose a folder outside it.")
    try:
        slot = KeySlot.from_bytes((copy / "keyslot.json").read_bytes())
    except (OSError, ValueError):
        raise Refused("The backup's key file is damaged or unreadable; try another copy.") from None
    try:
        wipe(slot.open(passphrase))  # WrongPassphrase before anything is written
    except VaultDamaged:
        raise Refused("The backup's key file is damaged; try another copy.") from None
    if not (copy / "vault.db").is_file():  # a copy cut short (the stick pulled while it was written)
        raise Refused("The backup copy is incomplete: its database file is missing. Try another copy.")
    created = not target.exists()
    make_private_dir(target)
    try:
        for name in FILES:
            with open(copy / name, "rb") as src, atomic_writer(target / name) as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
        fsync_dir(target)
        restored = Vault.unlock(target, passphrase)  # proves the key and the header only
        try:
            restored.check()  # and every page: this copy may be the only one left
            hands_over = restored.transfer.mark_restored()  # its next bundle goes out under new keys
        finally:
            restored.lock()
    except (OSError, VaultError) as exc:
        for name in FILES:
            with contextlib.suppress(OSError):
                (target / name).unlink()
        if created:
            shutil.rmtree(target, ignore_errors=True)
        if isinstance(exc, VaultDamaged):
            raise Refused("The backup copy is damaged and does not open; try another copy.") from None
        raise Refused("The vault could not be made from the backup (the disk may be full or the stick was "
                      "removed). Nothing was changed; try again.") from None
    return RestoredCopy(copy, hands_over)


__all__ = ["DELETIONS", "HANDS_OVER", "ROLLED_BACK_HANDS_OVER", "FolderBackup", "LAST_BACKUP_KEY", "REMIND_AFTER",
           "RestoredCopy",
           "backup_due", "backup_to_folder", "copy_vault_id", "deleted_since_backup", "find_copy", "last_backup",
           "older_copies", "restore_copy"]
