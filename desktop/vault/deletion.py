"""What deleting an interview removes, row by row: the one delete that runs in the live vault
(:meth:`desktop.vault.repos.Interviews.delete`) and in every backup (:func:`desktop.vault.backup.delete_from_backup`),
so a restore cannot bring back what was deleted. A migration that changes what this touches must
raise :data:`desktop.vault.schema.CLEANABLE_FROM`.
"""

from __future__ import annotations

import re
from typing import Any


def delete_interview_rows(con: Any, interview_id: str) -> bool:
    """Delete one interview and everything hanging off it inside the caller's transaction; False if
    there was no such interview."""
    row = con.execute("SELECT num FROM interviews WHERE id = ?", (interview_id,)).fetchone()
    if row is None:
        return False
    con.execute("DELETE FROM search_index WHERE rowid = ?", (row[0],))
    # A draft goes if it names the interview, or its key holds the id as a whole word ("edit:<id>"):
    # not merely as part of another id (deleting "1" must keep the draft "interview:12").
    whole = re.compile(rf"(?<![A-Za-z0-9_-]){re.escape(interview_id)}(?![A-Za-z0-9_-])")
    con.execute("DELETE FROM drafts WHERE interview_id = ?", (interview_id,))
    named = con.execute("SELECT key FROM drafts WHERE instr(key, ?) > 0", (interview_id,)).fetchall()
    con.executemany("DELETE FROM drafts WHERE key = ?", [(k,) for k, in named if whole.search(k)])
    for table in ("attachments", "revisions", "redaction_decisions", "people", "identifiers", "consents"):
        con.execute(f"DELETE FROM {table} WHERE interview_id = ?", (interview_id,))
    con.execute("DELETE FROM interviews WHERE num = ?", (row[0],))
    return True
