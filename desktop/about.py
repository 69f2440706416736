"""What the About box says, in one place and without Qt: the version, the licence, the licences of
the bundled fonts and word lists, and that Witnessbox never uses the network."""

from __future__ import annotations

from dataclasses import dataclass

from desktop import APP_NAME, __version__
from desktop.resources import resource_path

LICENCE = "GNU General Public License, version 3 or later (GPL-3.0-or-later)"
OFFLINE = f"{APP_NAME} never uses the network: it makes no connection of any kind and sends nothing anywhere."
PURPOSE = (f"{APP_NAME} keeps interviews with victims and witnesses of crime in an encrypted vault on this "
           "computer and makes redacted statements from them.")


@dataclass(frozen=True)
class Notice:
    """A part of Witnessbox made by others, its licence, and the file that holds the licence's text."""

    what: str
    licence: str
    file: str  # under desktop/resources


NOTICES = (
    Notice("Noto Sans, Noto Naskh Arabic, Noto Sans Gurmukhi, Noto Sans Bengali and Noto Sans Devanagari fonts",
           "SIL Open Font License, version 1.1", "fonts/OFL.txt"),
    Notice("English words (SCOWL), given names and surnames (US Census) and place names (GeoNames) used to suggest "
           "redactions",
           "their own licences, named in the file", "wordlists/SOURCES.md"),
)


def version_line() -> str:
    return f"{APP_NAME} {__version__}"


def notice_text(notice: Notice) -> str:
    """The licence's full text as shipped, or a plain note if the file is missing from this install."""
    try:
        return resource_path(notice.file).read_text(encoding="utf-8")
    except OSError:
        return f"The licence text ({notice.file}) is missing from this installation; reinstall {APP_NAME}."
