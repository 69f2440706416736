"""Importing interviews from a JSON Lines file: all of the file or nothing, with a backup first."""

from __future__ import annotations

from desktop.core.model import Interview
from desktop.services.errors import Refused
from desktop.vault import Vault


def import_interviews(vault: Vault, interviews: list[Interview]) -> list[str]:
    """Add every interview, or none. Refuses (naming the line) an id or reference already in the
    vault before anything is written; makes a verified backup first when the vault holds any
    interview, so an import can be undone with ``restore-backup``. Returns the new ids."""
    for n, iv in enumerate(interviews, 1):
        if vault.interviews.exists(iv.id):
            raise Refused(f"interview {n} in the file has an 'id' already in the vault; nothing was added.")
        if vault.interviews.find_by_reference(iv.reference) is not None:
            raise Refused(f"interview {n} in the file has a 'reference' already in the vault; nothing was added.")
    if vault.interviews.count():
        vault.backup_now("import")
    return vault.interviews.add_many(interviews)
