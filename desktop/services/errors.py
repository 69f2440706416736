"""Refusals from the services: what went wrong and what to do, in the worker's words.

A message never holds interview content (a name, a statement's words) nor an internal number:
the desktop app shows it in a dialog and the command line prints it as one line.
"""

from __future__ import annotations

import errno
import sys
from typing import TYPE_CHECKING

from desktop.core.places import Place

if TYPE_CHECKING:  # the bulk export's workers import this module, never the vault (desktop.services.pool)
    from desktop.vault import VaultError


class Refused(Exception):
    """An action was not carried out, and nothing was changed. ``str(exc)`` is for the user."""


class NotFoundHere(Refused):
    """No interview with that id or reference in this vault."""


class ConsentMissing(Refused):
    """The interviewee's consent for this use is not (or no longer) given."""


class DestinationRefused(Refused):
    """The place chosen for a file must not be written (a vault's own files, a device, a folder...)."""


class DestinationExists(DestinationRefused):
    """The file chosen already exists; replacing it needs the worker's explicit say-so."""

    def __init__(self, message: str, paths: list | None = None) -> None:
        super().__init__(message)
        self.paths = list(paths or [])


class LeakRefused(Refused):
    """The leak gate found redacted text in a statement about to be written; nothing was written.

    ``kind`` is what sort of text it is ("a redacted name or address"); ``place`` where it is in the
    statement (paragraph and line, and the stretch of the reviewed text to show), or None when it
    is not in the statement's own text (the gate found it in the drawn PDF only, or in an addendum).
    The message says the kind and the place, never the text itself nor an internal number.
    """

    def __init__(self, message: str, kind: str, place: Place | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.place = place


def describe(exc: VaultError) -> str:
    """A vault error as the worker reads it: a damaged vault names its newest backup."""
    from desktop.vault import VaultDamaged

    msg = str(exc)
    if isinstance(exc, VaultDamaged) and exc.backups:
        msg += f" The newest backup is {exc.backups[0].name} in the vault's backups folder."
    return msg


# What a failed read or write of the worker's own files and folders (a stick, a folder chosen for an
# export) means to the worker, by the operating system's error number. The exception's own text is
# never shown: it names the path, and a path can hold an interviewee's name.
_READ_ONLY = (
    "The place to write to is read-only (a write-protected stick, or a disk that can only be read). "
    "Choose another place, or unlock the stick, and try again."
)
_NOT_ALLOWED = "Witnessbox is not allowed to use a file or folder there. Choose another place and try again."
_FULL = "The disk or stick is full, so the command stopped. Free some space, or choose another place, and try again."
_GONE = ("The disk or stick could not be read or written (was it taken out?). "
         "Check it is plugged in and try again.")
_OS_ERROR_WORDS: dict[int, str] = {
    errno.EROFS: _READ_ONLY,
    errno.EACCES: _NOT_ALLOWED,
    errno.EPERM: _NOT_ALLOWED,
    errno.ENOSPC: _FULL,
    errno.EFBIG: _FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): _FULL,
    errno.EIO: _GONE,
    errno.ENODEV: _GONE,
    errno.ENXIO: _GONE,
}


def os_error_words(exc: BaseException) -> str | None:
    """The worker's words for a file or folder that could not be read or written (read-only, not
    allowed, full, gone), or None for any other error. Files already written stay whole (every
    write is atomic), so the message never says more was lost than was."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return _OS_ERROR_WORDS.get(exc.errno)
    return None


def failure_words(exc: BaseException) -> str | None:
    """The worker's words for a failure that is no refusal but has a plain cause the worker can act on:
    a file or folder that could not be used (:func:`os_error_words`), or a font missing from this
    installation; None for anything else (an unexpected problem, for the log)."""
    fonts = sys.modules.get("desktop.reports.fonts")  # not imported: no PDF was drawn, so no font is missing
    if fonts is not None and isinstance(exc, fonts.FontMissing):
        return str(exc)
    return os_error_words(exc)
