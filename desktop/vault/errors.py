"""What can go wrong with a vault, in words a person can act on.

Every message is fixed text: no interview content, no passphrase, no key material, no file
contents. Paths may appear only where the user chose them (the vault folder, a backup folder).
"""

from __future__ import annotations

import errno
from pathlib import Path


class VaultError(Exception):
    """Base class: something stopped a vault operation. The message is safe to show and to log."""


class NoVault(VaultError):
    def __init__(self, message: str = "There is no vault in this folder.") -> None:
        super().__init__(message)


class VaultExists(VaultError):
    def __init__(self, message: str = "A vault already exists in this folder.") -> None:
        super().__init__(message)


class WrongPassphrase(VaultError):
    def __init__(self, message: str = "Wrong passphrase.") -> None:
        super().__init__(message)


class VaultLocked(VaultError):
    def __init__(self, message: str = "The vault is locked.") -> None:
        super().__init__(message)


class VaultDamaged(VaultError):
    """The passphrase was right but the vault's files fail their checks. ``backups`` lists the
    verified backups (newest first) that :meth:`Vault.restore_backup` can put back."""

    def __init__(self, message: str = "The vault is damaged.", *, backups: list[Path] | None = None) -> None:
        self.backups: list[Path] = list(backups or [])
        self.reason = message
        if self.backups:
            message = f"{message} A backup from before the damage can be restored."
        else:
            message = f"{message} No backup is available."
        super().__init__(message)


class ForeignJournal(VaultDamaged):
    """The journal (``vault.db-wal``) found at unlock was not this database's own: it was moved into
    ``damaged/`` unapplied, and the next unlock opens the vault as it was last saved."""

    def __init__(self, *, backups: list[Path] | None = None) -> None:
        reason = (
            "The vault's journal file (vault.db-wal) does not belong to this vault's database (it may come from "
            "another vault or from an older copy of this one), so it was not applied and was moved into the "
            "vault's 'damaged' folder. Unlock again to open the vault as it was last saved."
        )
        super().__init__(reason, backups=backups)
        # The vault itself is not damaged: a backup is the second step, not the first.
        if self.backups:
            reason += " If interviews are missing then, a backup can be restored."
        self.args = (reason,)


class SQLCipherMissing(VaultError):
    """The database library loaded is plain SQLite, which would write interviews unencrypted."""

    def __init__(self) -> None:
        super().__init__(
            "The encryption library is not active (a plain SQLite was loaded instead of SQLCipher); "
            "Witnessbox refuses to open or create a vault. Reinstall Witnessbox."
        )


class DiskFull(VaultError):
    def __init__(self, message: str = "The disk is full: nothing was saved. Free some space and try again.") -> None:
        super().__init__(message)


class NotFound(VaultError):
    def __init__(self, what: str = "interview") -> None:
        super().__init__(f"No such {what} in this vault.")


class VaultInUse(VaultError):
    """Another Witnessbox process (a window or a command) holds the vault open."""

    def __init__(self) -> None:
        super().__init__(
            "The vault is in use by another Witnessbox window or command; close it and try again."
        )


class UnsafeVaultFolder(VaultError):
    """The vault folder can be read by other users and could not be made private."""


class NewerVault(VaultError):
    def __init__(self) -> None:
        super().__init__("This vault was made by a newer version of Witnessbox; update Witnessbox to open it.")


DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS
