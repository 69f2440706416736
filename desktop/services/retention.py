"""Removing delivered interviews from a field laptop after a retention period.

An interview may leave the field laptop only once the coordinator's signed receipt has marked it
delivered, the retention period (days, kept in the vault; 30 unless changed) has passed since then,
and it is unchanged since it was sent (a changed record, or one with a draft kept, must be sent
again first). Removal is the delete that leaves nothing behind (tables, search index, WAL,
backups), with an ``interview.removed_delivered`` audit entry each, but no deletion travels to the
coordinator: its copy is the one that is kept. ::

    retention_days(vault) -> int                     # the setting, 30 unless changed
    set_retention_days(vault, days)
    due_for_removal(vault, days=None, now=None) -> Due  # what may go now; nothing changes
    remove_due(vault, days=None, now=None) -> int     # removes what is due (checked again), how many

Nothing here asks the worker: the app offers, the command line needs ``--yes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from desktop.services.errors import Refused
from desktop.services.interviews import OPEN_KEY
from desktop.vault import Vault

RETENTION_KEY = "retention_days"
DEFAULT_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 3650


@dataclass(frozen=True)
class Due:
    """Delivered interviews past the retention period: ``ids`` may go; ``changed`` were changed since
    they were sent (or have a draft kept) and stay until sent again; ``waiting`` are delivered but
    not yet past the period."""

    days: int
    ids: list[str] = field(default_factory=list)
    changed: int = 0
    waiting: int = 0


def check_days(days: object) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_RETENTION_DAYS:
        raise Refused(f"The retention period must be a whole number of days from 0 to {MAX_RETENTION_DAYS}.")
    return days


def retention_days(vault: Vault) -> int:
    """The retention period kept in the vault; 30 days when it was never set or cannot be read."""
    value = vault.settings.get(RETENTION_KEY, DEFAULT_RETENTION_DAYS)
    try:
        return check_days(value)
    except Refused:
        return DEFAULT_RETENTION_DAYS


def set_retention_days(vault: Vault, days: int) -> None:
    vault.settings.set(RETENTION_KEY, check_days(days))


def _field_vault(vault: Vault) -> bool:
    keys = vault.transfer.own_keys()
    if keys is not None and keys[0] == "coordinator":
        raise Refused("This is the coordinator's vault: it keeps every interview. Removing delivered "
                      "interviews is for a field laptop.")
    return keys is not None


def _cutoff(days: int, now: datetime | None) -> str:
    return ((now or datetime.now(UTC)) - timedelta(days=days)).isoformat()


def due_for_removal(vault: Vault, days: int | None = None, now: datetime | None = None) -> Due:
    """What may be removed now (``days``: the vault's retention period unless given). Nothing changes."""
    days = retention_days(vault) if days is None else check_days(days)
    if not _field_vault(vault):
        return Due(days)
    cutoff = _cutoff(days, now)
    ids, changed, waiting = [], 0, 0
    for interview_id, delivered_at, unchanged in vault.transfer.delivered():
        if not unchanged:
            changed += 1
        elif delivered_at is None or delivered_at >= cutoff:
            waiting += 1
        else:
            ids.append(interview_id)
    return Due(days, ids, changed, waiting)


def remove_due(vault: Vault, days: int | None = None, now: datetime | None = None) -> int:
    """Remove every interview due (each checked again as it goes); returns how many were removed."""
    due = due_for_removal(vault, days, now)
    if not due.ids:
        return 0
    removed = vault.transfer.remove_delivered(due.ids, _cutoff(due.days, now))
    marker = vault.drafts.load(OPEN_KEY)
    if isinstance(marker, dict) and marker.get("id") in removed:
        vault.drafts.clear(OPEN_KEY)
    return len(removed)


def offer_text(count: int, days: int) -> str:
    """The question the app asks after receipts are imported."""
    what = "1 interview was" if count == 1 else f"{count} interviews were"
    when = "" if days == 0 else f" more than {days} day{'s' if days != 1 else ''} ago"
    return f"{what} delivered{when}. Remove {'it' if count == 1 else 'them'} from this laptop?"
