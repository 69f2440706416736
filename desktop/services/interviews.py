"""An interview's own actions, each once: save (new or changed), keep a draft, withdraw consent,
attach files, delete. The desktop form and the command line both call these; neither holds the rules.

Every function takes the unlocked vault. What it refuses it raises as a
:class:`~desktop.services.errors.Refused`, whose message is fixed text in the user's words (never
interview content, never an internal number).
The audit entries (``interview.added``/``updated``/``deleted``, ``consent.withdrawn.<use>``,
``attachment.added``/``deleted``) are written by the vault in the same transaction as the change.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.core.attachment_names import NAME_SHORTENED
from desktop.core.attachments import AttachmentRejected, prepare_file
from desktop.core.model import ConsentUse, Interview, Problem, Status, validate
from desktop.services.errors import Refused
from desktop.vault import DiskFull, Vault, VaultError

log = logging.getLogger(__name__)

NEW_DRAFT_KEY = "interview:new"  # the draft of the interview being typed that is not saved yet
OPEN_KEY = "editor:open"  # which form was open, so unlocking goes back to it


class InterviewProblems(Refused):
    """The record has problems a person must fix before it is saved; ``problems`` lists them."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class InterviewNotSaved(Refused):
    """The vault could not store the record (disk full, vault error): nothing was changed."""


class DraftUnreadable(Refused):
    def __init__(self) -> None:
        super().__init__("The changes kept from before cannot be read, so the saved interview is shown.")


def draft_key(interview_id: str | None) -> str:
    """Where the draft of an interview lives (``None``: the new interview not saved yet)."""
    return NEW_DRAFT_KEY if interview_id is None else f"interview:{interview_id}"


def status_to_save(stored: Status | None, chosen: Status | str) -> Status:
    """The status a save gives the record: Sealed exactly when the stored record is. Only recording
    the signature seals (after asking), and a signed statement stays sealed, whatever the form or a
    draft kept from before says. ``stored`` is ``None`` for a record not saved yet."""
    if stored == Status.SEALED:
        return Status.SEALED
    chosen = Status(chosen)
    if chosen != Status.SEALED:
        return chosen
    return stored if stored is not None else Status.DRAFT


def consent_problems(iv: Interview) -> list[str]:
    """Consent given is a record of who took it: "Taken by" is needed for each use given."""
    return [Problem(f"Say who took the consent for {_CONSENT_NAMES[use]} (“Taken by” on the Consent tab).",
                    f"consent.{use.value}.taken_by")
            for use, c in iv.consent.items() if c.given and not (c.taken_by or "").strip()]


_CONSENT_NAMES = {ConsentUse.COMPLAINT: "use in the complaint", ConsentUse.QUOTATION: "anonymised quotation",
                  ConsentUse.CONTACT: "follow-up contact"}


def save_interview(vault: Vault, iv: Interview, *, today: date | None = None,
                   replaces_new_draft: bool = False) -> Interview:
    """Check and store ``iv``: added if its id is new to the vault, else updated (the previous
    version is kept as a revision, the creation time stays the stored one). Returns the record as
    stored. The interview's draft is cleared once it is saved, and so is the new-interview draft
    when ``replaces_new_draft`` (the record was typed into the new-interview form).

    Raises :class:`InterviewProblems` (nothing stored) or :class:`InterviewNotSaved`."""
    stored = vault.interviews.get(iv.id) if vault.interviews.exists(iv.id) else None
    iv.status = status_to_save(stored.status if stored is not None else None, iv.status)
    problems = [*validate(iv, today), *consent_problems(iv)]
    if problems:
        raise InterviewProblems(problems)
    try:
        if stored is None:
            vault.interviews.add(iv)
        else:
            iv.created_at = stored.created_at
            vault.interviews.update(iv)
    except DiskFull:
        raise InterviewNotSaved("The disk is full, so the interview was not saved. "
                                "Free some space and save again.") from None
    except VaultError as exc:
        log.error("saving an interview failed: %s", type(exc).__name__)
        raise InterviewNotSaved("The interview could not be saved.") from None
    if replaces_new_draft:
        vault.drafts.clear(NEW_DRAFT_KEY)
    vault.drafts.clear(draft_key(iv.id))
    return vault.interviews.get(iv.id)


# --- drafts -----------------------------------------------------------------------------------

def save_draft(vault: Vault, interview_id: str | None, iv: Interview) -> None:
    """Keep the form as it stands (encrypted, like everything in the vault). ``interview_id`` is
    ``None`` while the interview has never been saved."""
    payload = {"state": iv.to_dict(), "saved_at": datetime.now(UTC).isoformat()}
    vault.drafts.save(draft_key(interview_id), payload, interview_id=interview_id)


def load_draft(vault: Vault, interview_id: str | None) -> Interview | None:
    """The draft kept for this interview (or the new one), or ``None``. A draft that cannot be read
    is left where it is and raises :class:`DraftUnreadable`."""
    payload = vault.drafts.load(draft_key(interview_id))
    if payload is None:
        return None
    state = payload.get("state") if isinstance(payload, dict) else None
    try:
        return Interview.from_dict(state, force_optional=True)
    except ValueError:
        log.warning("a draft could not be read")
        raise DraftUnreadable() from None


def clear_draft(vault: Vault, interview_id: str | None) -> None:
    vault.drafts.clear(draft_key(interview_id))


def remember_open(vault: Vault, interview_id: str | None) -> None:
    """Note which form is open (``None``: the new interview), so unlocking goes back to it."""
    vault.drafts.save(OPEN_KEY, {"id": interview_id})


def forget_open(vault: Vault) -> None:
    vault.drafts.clear(OPEN_KEY)


# --- consent, attachments, delete ----------------------------------------------------------------

def withdraw_consent(vault: Vault, interview_id: str, use: ConsentUse, *, on: date, by: str) -> Interview | None:
    """Record, dated ``on``, that consent for ``use`` is withdrawn; returns the stored record. ``None``
    when the stored record holds no consent given for that use: there is nothing stored to withdraw,
    and the withdrawal belongs to the form, saved with it."""
    stored = vault.interviews.get(interview_id)
    given = stored.consent.get(ConsentUse(use))
    if given is None or not given.given:
        return None
    vault.interviews.withdraw_consent(interview_id, use, on=on, by=by)
    return vault.interviews.get(interview_id)


@dataclass(frozen=True)
class AttachResult:
    added: int
    rejected: list[str]  # why each refused file was refused, in plain words
    shortened: int = 0  # files attached under a shortened name (their names were too long to keep)

    @property
    def notes(self) -> list[str]:
        """What the worker should know about the files that were attached, in plain words."""
        if not self.shortened:
            return []
        if self.shortened == 1:
            return [NAME_SHORTENED]
        return [f"The names of {self.shortened} files were too long to keep in full, so they were shortened. "
                "The files themselves are unchanged."]


def attach_files(vault: Vault, interview_id: str, paths: Iterable[Path]) -> AttachResult:
    """Prepare each file (checked, photos stripped of location and camera details) and store it
    encrypted. A file that cannot be attached is skipped and its reason kept; a vault failure raises."""
    added, rejected, shortened = 0, [], 0
    for path in paths:
        try:
            prepared = prepare_file(path)
        except AttachmentRejected as exc:
            rejected.append(str(exc))
            continue
        vault.attachments.add(interview_id, prepared.data, prepared.display_name, prepared.media_type)
        added += 1
        shortened += prepared.name_shortened
    return AttachResult(added, rejected, shortened)


def delete_interview(vault: Vault, interview_id: str) -> None:
    """Delete the interview and everything of it (drafts, attachments, revisions, search index,
    backups), with its audit entry. If the form was last open on it, unlocking no longer goes back.
    Raises the vault's ``NotFound`` when there is no such interview."""
    vault.interviews.delete(interview_id)
    marker = vault.drafts.load(OPEN_KEY)
    if isinstance(marker, dict) and marker.get("id") == interview_id:
        forget_open(vault)
