"""A real folder no process may create files in (Linux's ``/sys``, even for root), for the tests of
what the app says when the folder chosen cannot be written (a locked stick says the same)."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

NOT_ALLOWED = "Witnessbox is not allowed to use a file or folder there. Choose another place and try again."
READ_ONLY = ("The place to write to is read-only (a write-protected stick, or a disk that can only be read). "
             "Choose another place, or unlock the stick, and try again.")


def _unwritable() -> Path | None:
    place = Path("/sys")
    if not sys.platform.startswith("linux") or not place.is_dir():
        return None
    try:
        fd = os.open(place / "witnessbox-probe", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        return place if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else None
    os.close(fd)  # pragma: no cover - a system that lets us write there: the tests cannot be made
    os.unlink(place / "witnessbox-probe")
    return None


UNWRITABLE = _unwritable()
needs_unwritable = pytest.mark.skipif(UNWRITABLE is None, reason="needs a folder no file can be made in (Linux /sys)")
