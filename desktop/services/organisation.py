"""The organisation that takes statements: a setting kept inside the vault, printed on every
statement ("Statement taken by"). Set in Settings or with ``witnessbox organisation NAME``.

It is typed text, so the leak gate searches it like the statement: a recorded name in it stops
the export rather than reaching the PDF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.services.errors import Refused

if TYPE_CHECKING:  # the bulk export's workers import this module, never the vault (desktop.services.pool)
    from desktop.vault import Vault

ORGANISATION_KEY = "organisation"
MAX_ORGANISATION_CHARS = 120
# Said once before an export while no name is set (a volunteer may rightly have none: never a refusal).
NO_ORGANISATION = "No organisation's name is set, so statements exported now say “Statement taken by: Not recorded”."


def check_organisation(name: object) -> str:
    """``name`` tidied (spaces collapsed), or Refused saying what to change."""
    if not isinstance(name, str):
        raise Refused("The organisation's name must be text.")
    tidy = " ".join(name.split())
    if len(tidy) > MAX_ORGANISATION_CHARS:
        raise Refused(f"The organisation's name is too long: use at most {MAX_ORGANISATION_CHARS} characters.")
    if any(not ch.isprintable() for ch in tidy):
        raise Refused("The organisation's name has a character that cannot be printed. Type it again.")
    return tidy


def organisation(vault: Vault) -> str:
    """The organisation's name as set ("" when it was never set or cannot be read)."""
    value = vault.settings.get(ORGANISATION_KEY, "")
    try:
        return check_organisation(value)
    except Refused:
        return ""


def missing_note(vault: Vault) -> str:
    """:data:`NO_ORGANISATION` while no organisation's name is set, else ""."""
    return "" if organisation(vault) else NO_ORGANISATION


def set_organisation(vault: Vault, name: str) -> str:
    """Keep ``name`` (checked; "" clears it) and say so in the audit log (without the name)."""
    tidy = check_organisation(name)
    if tidy != organisation(vault):
        vault.settings.set(ORGANISATION_KEY, tidy)
        vault.audit.append("settings.organisation_changed", None)
    return tidy
