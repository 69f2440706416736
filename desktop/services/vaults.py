"""Opening a vault, finding an interview in it, and putting a backup back.

The command line opens a vault for one command and locks it after (:func:`opened`); the desktop
app unlocks through the same :func:`unlock`. Both find an interview by its id or its reference
through :func:`resolve`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.model import parse_id_or_reference
from desktop.core.passphrase import normalise, too_short, too_weak
from desktop.services.errors import NotFoundHere, Refused
from desktop.vault import ForeignJournal, KdfParams, NoVault, Vault, VaultDamaged, VaultError
from desktop.vault.keyslot import KeySlot, wipe


class NoVaultHere(Refused):
    pass


def require_vault(directory: Path) -> Path:
    """``directory``, checked to hold a vault before anyone is asked for a passphrase."""
    directory = Path(directory)
    if not Vault.exists(directory):
        raise NoVaultHere(f"There is no vault in {directory}; create one with 'witnessbox init'.")
    return directory


def unlock(directory: Path, passphrase: str) -> Vault:
    """The vault in ``directory``, unlocked. Raises NoVaultHere, or a VaultError (wrong passphrase, damage)."""
    return Vault.unlock(require_vault(directory), passphrase)


@contextlib.contextmanager
def opened(directory: Path, passphrase: str) -> Iterator[Vault]:
    """The vault unlocked for the length of a ``with`` block, and locked after whatever happens."""
    vault = unlock(directory, passphrase)
    try:
        yield vault
    finally:
        vault.lock()


def check(vault: Vault) -> None:
    """Every page and b-tree of an open vault checked (unlocking proves only the key and the header):
    "Check the vault" in Settings and ``witnessbox check``. Raises VaultDamaged naming the backups;
    from then on nothing is written to the vault."""
    vault.check(full=True)


# A demo vault (desktop.services.demo) carries this flag in its encrypted settings: the window says
# DEMO on every screen, and so does every page of a PDF made from it.
DEMO_SETTING = "demo_vault"


def is_demo(vault: Vault) -> bool:
    """True for a vault of invented interviews, made by ``witnessbox demo`` or "Try it with demo data"."""
    return bool(vault.settings.get(DEMO_SETTING, False))


def passphrase_warning(passphrase: str) -> str | None:
    """A warning for a new passphrase that is long enough but easy to guess (the app's meter says
    "Weak"), or None. Both faces show it; neither refuses for it."""
    return too_weak(passphrase)


def _refuse_short(passphrase: str) -> None:
    problem = too_short(passphrase)
    if problem:
        raise Refused(problem)


def create(directory: Path, passphrase: str, *, kdf: KdfParams | None = None) -> Vault:
    """A new vault, refused if one is there or if the passphrase is shorter than the minimum."""
    directory = Path(directory)
    if Vault.exists(directory):
        raise Refused(f"A vault already exists in {directory}.")
    _refuse_short(passphrase)
    return Vault.create(directory, passphrase, kdf=kdf)


def change_passphrase(vault: Vault, old: str, new: str, *, kdf: KdfParams | None = None) -> None:
    """Rewrap the vault's key for ``new``, refused if it is the old one or shorter than the minimum."""
    if normalise(new) == normalise(old):
        raise Refused("The new passphrase is the same as the old one.")
    _refuse_short(new)
    vault.change_passphrase(old, new, kdf=kdf)


def resolve(vault: Vault, ident: str) -> str:
    """The id of the interview named by ``ident``, its id or its reference (``WB-XXXX-XXXX``)."""
    # The shape decides how it is looked up: a reference only as a reference, an id only as an id,
    # so an interview whose id was made to look like another's reference can never stand in for it.
    try:
        kind, canonical = parse_id_or_reference(ident)
    except ValueError:
        raise Refused("That is neither an interview id (32 characters 0-9, a-f) nor a reference "
                      "(WB-XXXX-XXXX); 'witnessbox list' shows both.") from None
    if kind == "id":
        found = canonical if vault.interviews.exists(canonical) else None
    else:
        found = vault.interviews.find_by_reference(canonical)
    if found is None:
        raise NotFoundHere("No interview with that id or reference in this vault.")
    return found


def _opens(directory: Path, passphrase: str) -> bool:
    """True if the vault opens normally with ``passphrase`` (False if it is damaged or missing).

    A journal that was not the database's own is set aside by the first try (ForeignJournal); the
    database is then judged on its own, so a healthy vault is not rolled back because of it."""
    for _attempt in range(2):
        try:
            with Vault.unlock(directory, passphrase) as vault:
                vault.check()  # unlocking proves the header only: damage further in counts too
        except ForeignJournal:
            continue
        except (VaultDamaged, NoVault):
            return False
        return True
    return False


@dataclass(frozen=True)
class RestoredBackup:
    backup: Path  # the backup put back
    hands_over: bool  # a worker's vault: its next bundle goes out under new keys (say so: ROLLED_BACK_HANDS_OVER)


def restore_backup(directory: Path, passphrase: str, name: str | None = None, *,
                   force: bool = False) -> RestoredBackup:
    """Put the newest verified backup (or the one called ``name``) back in place of a damaged vault.

    A vault that opens normally is not rolled back unless ``force``: every change since the backup
    would be lost. The passphrase is checked against the backup's own key slot before anything is
    moved, and the restored vault is unlocked once to prove it opens. Returns the backup restored,
    and whether the vault hands over to new keys at its next bundle (a worker's vault with keys).
    """
    directory = Path(directory)
    if not force and Vault.exists(directory) and _opens(directory, passphrase):
        raise Refused("The vault opens normally, so there is nothing to repair. Restoring a backup would undo "
                      "every change made since it; add --force if you mean to do that.")
    available = Vault.backups(directory)
    if not available:
        raise Refused("This vault has no backups.")
    chosen = available[0] if name is None else next((b for b in available if b.name == name), None)
    if chosen is None:
        raise Refused("No backup of that name; the backups are: " + ", ".join(b.name for b in available))
    try:
        slot = KeySlot.from_bytes(Vault.slot_path(chosen).read_bytes())
    except (OSError, ValueError):  # only the backup's key file: nothing has been moved yet
        raise Refused("The backup's key file is damaged; choose another backup.") from None
    try:
        wipe(slot.open(passphrase))  # WrongPassphrase before anything moves
    except VaultDamaged:  # the passphrase unwrapped the key but a field of the copy was changed
        raise Refused("The backup's key file is damaged; choose another backup.") from None
    Vault.restore_backup(directory, chosen)
    restored = Vault.unlock(directory, passphrase)
    try:  # its bundle numbering went back with it: its next bundle goes out under new keys (transfer_succession)
        hands_over = restored.transfer.mark_restored()
    finally:
        restored.lock()
    return RestoredBackup(chosen, hands_over)


__all__ = ["NoVaultHere", "RestoredBackup", "VaultError", "change_passphrase", "check", "create", "opened",
           "passphrase_warning", "require_vault", "resolve", "restore_backup", "unlock"]
