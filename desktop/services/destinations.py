"""Where a file made by Witnessbox may be written: never into a vault, never over a device, never
over an existing file unless the worker said so.

One mistyped ``--out`` once replaced a vault's own key file with a PDF, and the vault could never
be opened again. Every file the services write (statements, the signing copy, and later bundles
and the evidence pack) is checked here first.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop.services.errors import DestinationExists, DestinationRefused


def _inside_a_vault(folder: Path) -> bool:
    """True if ``folder`` or any folder above it holds a vault (its backups and damaged copies included)."""
    from desktop.vault import Vault  # here: the bulk export's workers import this module, never the vault

    return any(Vault.exists(a) for a in (folder, *folder.parents))


def check_folder(folder: Path) -> Path:
    """``folder`` (made absolute), if files may be written into it."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        if folder.exists():  # 'backup --to' a file: it is there, so "does not exist" sent the worker looking
            raise DestinationRefused("The place to write into is a file, not a folder; choose a folder.")
        raise DestinationRefused("The folder to write into does not exist; choose another folder.")
    folder = folder.resolve()
    if _inside_a_vault(folder):
        raise DestinationRefused(
            "That folder is inside a Witnessbox vault, whose own files must never be "
            "replaced; choose a folder outside it."
        )
    return folder


def check_file(path: Path, *, overwrite: bool = False) -> Path:
    """``path`` (in an absolute folder), if a file may be written there.

    Refused: a place inside a vault folder (its backups included), anything that is not an ordinary
    file (a folder, a device such as ``/dev/full``, a pipe, a link), and, unless ``overwrite``, a
    file that already exists (:class:`DestinationExists`, so the app can ask first).
    """
    path = Path(path).expanduser()
    target = check_folder(path.parent) / path.name
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return target
    if stat.S_ISLNK(st.st_mode):
        raise DestinationRefused("The file chosen is a link to another file; choose a new file name.")
    if stat.S_ISDIR(st.st_mode):
        raise DestinationRefused("The name chosen is a folder; choose a file name.")
    if not stat.S_ISREG(st.st_mode):
        raise DestinationRefused(
            "The name chosen is not an ordinary file (it is a device or a pipe); choose a file in a folder."
        )
    if not overwrite:
        raise DestinationExists(
            f"A file called {target.name} is already there. Choose another name, or "
            "replace it (--force on the command line).",
            [target],
        )
    return target
