"""The text a reviewer reviews and a statement's PDF is drawn from, made from an interview and, when it
was signed, its saved versions: the signed text, each later change as a dated addendum, then what was
shared with Immigration Enforcement and the interviewee's own words, each after a titled line.

The review (:func:`desktop.services.statements.review`), the export and the quotations all read the
text from here, so the preview is exactly what the PDF is drawn from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from desktop.core.model import Interview, Status
from desktop.reports.export import has_annex
from desktop.services.errors import Refused
from desktop.services.statement_history import in_order, two_laptops_lead_in

if TYPE_CHECKING:  # the bulk export's workers import this module, never the vault (desktop.services.pool)
    from desktop.vault import Vault

ADDENDUM_BREAK = "\n\n\u2042\u2042\u2042\n\n"  # asterisms: nothing a detector takes for an identifier
# The other free-text fields the statement prints follow the narrative (and its addenda) in the text
# the reviewer reviews, each after a titled line of its own, so one redaction with one set of
# decisions covers them all and every person keeps one placeholder throughout.
SHARED_BREAK = "\n\n\u2042 What was shared with Immigration Enforcement \u2042\n\n"
ANNEX_BREAK = "\n\n\u2042 The interviewee's own words \u2042\n\n"


# --- the text a reviewer reviews and the PDF is drawn from ------------------------------------


@dataclass(frozen=True)
class SealHistory:
    """What the interviewee signed, when, and the dated changes made after (unredacted)."""

    signed: str
    sealed_on: date
    changes: tuple[tuple[date, str], ...]


def seal_history(versions: Sequence[Interview]) -> SealHistory | None:
    """From an interview's saved versions (oldest first, the current one last): the signed text and addenda.

    The first version marked sealed is what was signed. Each later change to the statement is an
    addendum dated by when it was saved: the added text when the statement grew at the end, else
    the whole statement as it then read. Copies of one version made on two laptops (both kept) are each
    only what that laptop added, said to be so. None if the statement was never sealed.
    """
    start = next((i for i, v in enumerate(versions) if v.status == Status.SEALED), None)
    if start is None:
        return None
    signed = versions[start]
    changes: list[tuple[date, str]] = []
    previous = signed.statement
    seen, before = [previous], None
    for v in versions[start + 1 :]:
        if v.statement == previous:
            continue
        lead_in = two_laptops_lead_in(v, before)  # one of two laptops' edits: say so, never "now reads"
        base = max((t for t in seen if v.statement.startswith(t)), key=len, default=None) if lead_in else None
        if v.statement.startswith(previous):
            added = v.statement[len(previous) :].strip()
        elif base is not None:
            added = v.statement[len(base) :].strip()
        else:
            added = "The statement was changed after it was signed. It now reads:\n\n" + v.statement
        if lead_in and added and base is not None:
            added = f"{lead_in}\n\n{added}"
        seen.append(v.statement)
        before = v
        if added:
            changes.append((v.updated_at.date(), added))
        previous = v.statement
    return SealHistory(signed.statement, signed.updated_at.date(), tuple(changes))


def saved_versions(vault: Vault, iv: Interview) -> list[Interview]:
    """The interview's earlier saved versions, oldest first, when it is sealed (the signed text and
    the addenda come from them); otherwise none are needed. Every copy kept counts: an interview edited
    on two laptops has two versions with one number (:func:`desktop.services.statement_history.in_order`)."""
    if iv.status != Status.SEALED:
        return []
    return in_order([(n, copy) for n, _device, _at, copy in vault.interviews.kept(iv.id)], iv)


def reviewed_text(iv: Interview, seal: SealHistory | None) -> str:
    text = iv.statement if seal is None else ADDENDUM_BREAK.join([seal.signed, *(t for _d, t in seal.changes)])
    if iv.what_was_shared.strip():
        text += SHARED_BREAK + iv.what_was_shared.strip()
    if has_annex(iv):
        text += ANNEX_BREAK + iv.original_text.strip()
    return text


def cut_sections(iv: Interview, redacted: str) -> tuple[str, str, str]:
    """(narrative, what was shared, the interviewee's own words) of the redacted text, cut at the
    titled lines :func:`reviewed_text` put between them (found by their asterisms, so a word of a title
    redacted with "every occurrence" does not lose the cut); Refused if they are not all there."""
    wanted = [name for name, there in (("shared", bool(iv.what_was_shared.strip())), ("annex", has_annex(iv))) if there]
    cuts = list(_SECTION_LINE.finditer(redacted))
    if len(cuts) != len(wanted):
        raise Refused(
            f"Statement {iv.reference} was not exported: a redaction covers the title line of a part "
            "of the statement in the review. Undo that redaction and export again."
        )
    ends = [c.start() for c in cuts[1:]] + [len(redacted)] * bool(cuts)
    parts = {name: redacted[c.end() : end].strip() for name, c, end in zip(wanted, cuts, ends, strict=True)}
    body = redacted[: cuts[0].start()].rstrip() if cuts else redacted
    return body, parts.get("shared", ""), parts.get("annex", "")


_SECTION_LINE = re.compile(r"\n\n\u2042 [^\n\u2042]+ \u2042\n\n")


def statement_text(iv: Interview, history: Sequence[Interview] = ()) -> str:
    """The text the redaction engine works on for ``iv``, and so the text a reviewer reviews.

    Unsealed: the statement. Sealed: the signed text and each later change, joined by a line of
    asterisms that :func:`statement_content` splits on again to draw the dated addenda. Then what
    was shared with Immigration Enforcement and, when the interview was not in English, the
    interviewee's own words, each after a titled line: everything the PDF prints that a person typed.
    """
    return reviewed_text(iv, seal_history([*history, iv]))
