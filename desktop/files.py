"""The one atomic file writer. Every file Witnessbox writes goes through :func:`atomic_write`.

Recipe: write a temp file in the *same* folder, flush and fsync
it, ``os.replace`` it over the target, then fsync the folder so the rename itself is durable.
A crash at any point leaves either the old file or the new one, never a torn one. On failure the
temp file is removed and the exception propagates: the caller treats it as "unknown" and says so.
Temp names are random and say nothing about the content.

It lives at the top of the package, beside ``paths.py``, rather than in ``core`` (the domain:
records, enums, validation) or ``vault``: the vault, ``reports`` (statement PDFs) and ``transfer``
(USB bundles) all write files, and none of them should reach into another layer to do it. It
imports nothing but the standard library, so the crash tests can load it on its own.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".wbtmp-"


def fsync_dir(directory: Path) -> None:
    """Make a rename or creation in ``directory`` durable (a no-op where the OS has no directory fsync)."""
    if os.name == "nt":  # pragma: no cover - Windows cannot open a directory for fsync
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some filesystems (FAT on some kernels) refuse; the file fsync already happened
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Make a file written by someone else (SQLite, ``VACUUM INTO``) durable before it is renamed."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(target: Path, *, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Context manager yielding a binary file; on clean exit it atomically becomes ``target``."""
    target = Path(target)
    directory = target.parent
    tmp = directory / f"{TEMP_PREFIX}{secrets.token_hex(8)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(directory)


PART_SUFFIX = ".part"


@contextlib.contextmanager
def write_once(target: Path, *, mode: int = 0o600) -> Iterator[BinaryIO]:
    """:func:`atomic_writer` for removable media (USB sticks), where a file is written once and never
    replaced: the temp file is ``<target>.part``, so a reader can see a half-written file by its name
    and skip it; it is created exclusively; on clean exit it is fsynced and renamed to ``target``,
    which must not exist yet (``FileExistsError``), and the folder is fsynced. On failure the
    ``.part`` is removed and the exception propagates. Callers give unique random names, so the
    check before the rename (FAT has no hard links for an exclusive rename) cannot race in practice.
    """
    target = Path(target)
    part = target.with_name(target.name + PART_SUFFIX)
    if target.exists():
        raise FileExistsError(errno.EEXIST, "already exists", str(target))
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            raise FileExistsError(errno.EEXIST, "already exists", str(target))
        os.rename(part, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(part)
        raise
    fsync_dir(target.parent)


def atomic_write(target: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write ``data`` to ``target`` atomically and durably."""
    with atomic_writer(target, mode=mode) as fh:
        fh.write(data)


def remove_stale_temp_files(directory: Path) -> int:
    """Delete temp files left by a crash mid-write in ``directory``; returns how many."""
    count = 0
    for p in Path(directory).glob(f"{TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            p.unlink()
            count += 1
    return count


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file as hex, read in chunks (memory stays flat whatever its size)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()
