"""Writing a file onto a USB stick so that it is either whole and verified, or not there at all.

FAT32 and exFAT have no journal, their renames are not crash-safe and cheap sticks may ignore a
flush, so a file on a stick is written once, under a name nobody else uses, and read back:

1. refuse up front a file FAT32 cannot hold (over 4 GiB - 1) or one the stick has no room for
   (free space must be at least ``headroom`` times the expected size; 2 by default);
2. write ``<name>.part``, hashing what is written, and fsync it;
3. rename it to ``<name>`` (never over an existing file) and fsync the folder
   (steps 2-3 are :func:`desktop.files.write_once`, the atomic writer's form for sticks);
4. drop the file's cached pages (``posix_fadvise DONTNEED``) and read it back from the stick;
   the SHA-256 must match what was written.

On any failure (stick full, I/O error, stick pulled, read-back mismatch) the ``.part`` and any
file under the final name are removed and :class:`StickWriteFailed` says what to do. The file
written is never trusted before step 4, so a caller marks data "sent" only after
:func:`write_to_stick` returns.

API::

    written = write_to_stick(folder, bundle_file_name(), lambda f: write_bundle(f, ...),
                             expected_size=estimate)            # -> StickFile(path, sha256, size)
    found = list_stick(folder)                                   # -> StickListing(bundles, receipts)
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop.files import PART_SUFFIX, fsync_dir, write_once
from desktop.transfer.errors import StickWriteFailed
from desktop.transfer.manifest import FAT32_MAX_FILE

IGNORED_NAMES = {"system volume information", ".trashes", ".fseventsd", ".spotlight-v100", "$recycle.bin"}
_BUNDLE = re.compile(r"WBB1-[0-9a-f]{32}\.age", re.IGNORECASE)
_RECEIPT = re.compile(r"WBR1-[0-9a-f]{32}\.json", re.IGNORECASE)
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}")
_READ = 1024 * 1024

TOO_BIG_FOR_FAT = ("This bundle is larger than a USB stick formatted as FAT32 can hold (4 GB). "
                   "Send fewer interviews at once.")
NO_ROOM = "The stick does not have enough free space. Free some space or use another stick; nothing was sent."
FULL = "The stick filled up while writing. Free some space or use another stick; nothing was sent."
NOT_WRITTEN = ("The file could not be written to the stick (it may have been removed). Put the stick back "
               "and try again; nothing was sent.")
BAD_READ_BACK = ("The copy on the stick did not read back correctly, so it was removed. The stick may be "
                 "failing: try another stick; nothing was sent.")
EXISTS = "A file with this name is already on the stick. Try again; nothing was sent."


@dataclass(frozen=True)
class StickFile:
    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class StickListing:
    bundles: tuple[Path, ...]
    receipts: tuple[Path, ...]


class _HashingFile:
    """What ``produce`` writes to: a file on the stick that hashes and counts what goes in."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self.hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        if self.size + len(data) > FAT32_MAX_FILE:
            raise StickWriteFailed(TOO_BIG_FOR_FAT)
        self._fh.write(data)
        self.hash.update(data)
        self.size += len(data)
        return len(data)

    def fileno(self) -> int:
        return self._fh.fileno()

    def flush(self) -> None:
        self._fh.flush()


def write_to_stick(folder: Path, name: str, produce: Callable[[BinaryIO], object], *,
                   expected_size: int, headroom: float = 2.0) -> StickFile:
    """Write what ``produce(file)`` writes to ``folder/name``, verified; see the module docstring."""
    folder = Path(folder)
    if _SAFE_NAME.fullmatch(name) is None or name.endswith(PART_SUFFIX):
        raise ValueError("not a FAT-safe file name")
    if expected_size > FAT32_MAX_FILE:
        raise StickWriteFailed(TOO_BIG_FOR_FAT)
    final, part = folder / name, folder / (name + PART_SUFFIX)
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        raise StickWriteFailed(NOT_WRITTEN) from None
    if free < expected_size * headroom:
        raise StickWriteFailed(NO_ROOM)
    if final.exists() or part.exists():
        raise StickWriteFailed(EXISTS)
    sink: _HashingFile | None = None
    try:
        with write_once(final) as fh:
            sink = _HashingFile(fh)
            produce(sink)  # type: ignore[arg-type] - it has write/flush/fileno
        if _read_back_sha256(final) != sink.hash.hexdigest():
            raise StickWriteFailed(BAD_READ_BACK)
    except FileExistsError as exc:  # someone else's file: leave it alone
        raise StickWriteFailed(EXISTS) from exc
    except BaseException as exc:
        # write_once has removed the .part; if the rename happened and a later step failed, the
        # file under the final name is ours and unverified: remove it.
        with contextlib.suppress(OSError):
            final.unlink()
        with contextlib.suppress(OSError):
            fsync_dir(folder)
        if isinstance(exc, OSError):
            full = exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
            raise StickWriteFailed(FULL if full else NOT_WRITTEN) from exc
        raise
    return StickFile(final, sink.hash.hexdigest(), sink.size)


def _read_back_sha256(path: Path) -> str:
    """SHA-256 of ``path`` as the device returns it, not as the page cache remembers it."""
    h = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        if hasattr(os, "posix_fadvise"):
            with contextlib.suppress(OSError):
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        while chunk := os.read(fd, _READ):
            h.update(chunk)
    finally:
        os.close(fd)
    return h.hexdigest()


def is_ignored(name: str) -> bool:
    """Names a stick collects that are never ours: half-written files and other systems' folders."""
    return (name.endswith(PART_SUFFIX) or name.startswith("._") or name.lower() in IGNORED_NAMES
            or name.startswith("."))


def list_stick(folder: Path) -> StickListing:
    """Bundles and receipts in ``folder`` (regular files with our names only), sorted by name.

    Never by modification time: FAT keeps local time in 2-second steps. The order of import comes
    from each bundle's sequence number, not from here.
    """
    bundles, receipts = [], []
    with os.scandir(folder) as it:
        for entry in it:
            if is_ignored(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            if _BUNDLE.fullmatch(entry.name):
                bundles.append(Path(entry.path))
            elif _RECEIPT.fullmatch(entry.name):
                receipts.append(Path(entry.path))
    return StickListing(tuple(sorted(bundles)), tuple(sorted(receipts)))
