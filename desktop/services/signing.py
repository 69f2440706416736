"""The signing copy and the seal: the whole statement for the interviewee to read back and sign,
and the record that they did.

The signing copy holds every name; it is made only after the worker confirms that, and written
only to the file they chose. Sealing marks the statement as saved now as the signed one: from
then on every change to it appears in every export as a dated addendum.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from desktop.core.model import Status
from desktop.files import atomic_write
from desktop.reports.export import REFUSALS, render_signing_copy, signing_content
from desktop.services import destinations
from desktop.services.errors import Refused
from desktop.services.organisation import organisation
from desktop.services.vaults import is_demo
from desktop.vault import Vault

log = logging.getLogger(__name__)


def save_signing_copy(vault: Vault, interview_id: str, path: Path, *, confirmed: bool,
                      overwrite: bool = False) -> Path:
    """Write the unredacted signing copy to ``path`` (only there), after the worker confirmed that
    it holds personal data. Writes a ``statement.signing_copy_saved`` audit entry."""
    if not confirmed:
        raise Refused("The signing copy holds personal data; it is only made after you confirm.")
    target = destinations.check_file(path, overwrite=overwrite)
    iv = vault.interviews.get(interview_id)
    try:
        content = signing_content(iv, confirmed=True, organisation=organisation(vault))
        if is_demo(vault):  # made in a demo vault: every page says DEMO
            content = dataclasses.replace(content, demo=True)
        data = render_signing_copy(content)
    except REFUSALS as exc:
        raise Refused(str(exc)) from exc
    del iv
    atomic_write(target, data, mode=0o600)
    vault.audit.append("statement.signing_copy_saved", interview_id)
    return target


def seal(vault: Vault, interview_id: str) -> bool:
    """Record that the interviewee read back and signed the statement as saved now. Returns False if
    it was already sealed (nothing changes), True once sealed; the status change and its
    ``statement.sealed`` audit entry are one transaction."""
    iv = vault.interviews.get(interview_id)
    if iv.status == Status.SEALED:
        return False
    iv.status = Status.SEALED
    vault.interviews.update(iv, action="statement.sealed")
    return True
