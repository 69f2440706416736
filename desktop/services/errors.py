"""Refusals from the services: what went wrong and what to do, in the worker's words.

A message never holds interview content (a name, a statement's words) nor an internal number:
the desktop app shows it in a dialog and the command line prints it as one line.
"""

from __future__ import annotations

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
