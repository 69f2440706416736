"""What must hold before a vault folder is touched: one Witnessbox process at a time, a folder
only its owner can read, and the vault's own files not links to somewhere else.

* :class:`FolderLock` is an operating-system lock held from unlock (or create, or restore) until
  the vault is locked. Two commands, or a command and a window, on one vault would otherwise
  interleave: one sweeping the other's half-made backup or checkpointing a journal the other is
  still writing. On POSIX the folder itself is locked with ``flock`` (no file is added to the
  vault); on Windows, where a folder cannot be locked, a small lock file in it is (``msvcrt``).
  The operating system drops the lock when the process ends, so a crash never leaves a vault
  locked for good. Like ``flock`` itself, the lock belongs to one open handle: a second unlock of
  the same vault inside one process is refused too, until the first is locked.
* :func:`check_folder` refuses a ``vault.db``, ``keyslot.json`` or journal that is a symbolic
  link (reading through it would open, or write into, a file outside the vault), and tightens a
  folder that others can read to the owner only, or refuses with the command that fixes it.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from desktop.files import atomic_write
from desktop.vault.errors import UnsafeVaultFolder, VaultDamaged, VaultInUse

DB_NAME = "vault.db"
SLOT_NAME = "keyslot.json"
LOCK_NAME = ".witnessbox.lock"  # Windows only
_OWN_FILES = (SLOT_NAME, DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm")


class FolderLock:
    """An exclusive, non-blocking lock on one vault folder. :class:`VaultInUse` if another holds it."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._fd: int | None = None
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            lock_file = self.directory / LOCK_NAME
            if not lock_file.exists():
                atomic_write(lock_file, b"")
            fd = os.open(lock_file, os.O_RDONLY)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                os.close(fd)
                raise VaultInUse() from None
        else:
            import fcntl

            fd = os.open(self.directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise VaultInUse() from None
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Let go of the lock (closing the handle releases it). Safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            with contextlib.suppress(OSError):
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        os.close(fd)

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def check_folder(directory: Path, *, backups: list[Path] | None = None) -> None:
    """Refuse links among the vault's own files (:class:`VaultDamaged`) and make the folder private.

    A folder that group or others can read or enter is changed to owner-only (0700) and its files
    to 0600; where that is not allowed (another user owns it), :class:`UnsafeVaultFolder` says
    which command fixes it. Windows folders carry ACLs instead of these bits and are left alone.
    """
    directory = Path(directory)
    if directory.is_symlink():
        raise UnsafeVaultFolder(
            f"The vault folder {directory} is a link to another place; open the folder it points to instead."
        )
    for name in _OWN_FILES:
        if (directory / name).is_symlink():
            raise VaultDamaged(
                f"The vault's file {name} is a link to another place, which Witnessbox never follows.",
                backups=backups,
            )
    if os.name == "nt":  # pragma: no cover - Windows
        return
    mode = stat.S_IMODE(directory.stat().st_mode)
    if mode & 0o077:
        try:
            os.chmod(directory, 0o700)
        except OSError:
            raise UnsafeVaultFolder(
                f"The vault folder {directory} can be read by other users of this computer and Witnessbox "
                f"may not change that. Run: chmod 700 '{directory}' (as the folder's owner), then try again."
            ) from None
    for name in _OWN_FILES:
        path = directory / name
        with contextlib.suppress(FileNotFoundError):
            if stat.S_IMODE(path.lstat().st_mode) & 0o077:
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o600)
