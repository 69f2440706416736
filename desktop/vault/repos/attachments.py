"""Attachments (``vault.attachments``): photos of letters and the like, as blobs in the encrypted database."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop.core.attachment_names import fit_name
from desktop.core.model import AttachmentInfo
from desktop.vault.errors import NotFound, VaultError
from desktop.vault.repos._common import check_id, now
from desktop.vault.repos.audit import append_entry

if TYPE_CHECKING:
    from desktop.vault.connections import Connections

# Same ceiling as desktop.core.attachments.MAX_BYTES (which prepares attachments before they get here).
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


class Attachments:
    """Attachments (photos of letters, ...) stored as blobs inside the encrypted database."""

    def __init__(self, connections: Connections) -> None:
        self._c = connections

    def add(self, interview_id: str, data: bytes, display_name: str, media_type: str) -> AttachmentInfo:
        check_id(interview_id)
        data = bytes(data)
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise VaultError(f"The attachment is larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB.")
        info = AttachmentInfo(
            id=uuid.uuid4().hex,
            display_name=fit_name(str(display_name)),  # a name kept here can always travel
            media_type=str(media_type),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            added_at=datetime.now(UTC),
        )
        with self._c.tx() as con:
            if con.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone() is None:
                raise NotFound()
            con.execute(
                "INSERT INTO attachments(id, interview_id, display_name, media_type, size, sha256, added_at, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    info.id,
                    interview_id,
                    info.display_name,
                    info.media_type,
                    info.size,
                    info.sha256,
                    info.added_at.isoformat() if info.added_at else now(),
                    data,
                ),
            )
            append_entry(con, "attachment.added", interview_id)
        return info

    def list(self, interview_id: str) -> list[AttachmentInfo]:
        check_id(interview_id)
        with self._c.use() as con:
            rows = con.execute(
                "SELECT id, display_name, media_type, size, sha256, added_at FROM attachments "
                "WHERE interview_id = ? ORDER BY added_at, id",
                (interview_id,),
            ).fetchall()
        return [AttachmentInfo(r[0], r[1], r[2], r[3], r[4], datetime.fromisoformat(r[5])) for r in rows]

    def get_bytes(self, attachment_id: str) -> bytes:
        check_id(attachment_id, "attachment")
        with self._c.use() as con:
            row = con.execute("SELECT data, sha256 FROM attachments WHERE id = ?", (attachment_id,)).fetchone()
        if row is None:
            raise NotFound("attachment")
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != row[1]:
            raise VaultError("The attachment is damaged (its checksum does not match).")
        return data

    def delete(self, attachment_id: str) -> None:
        check_id(attachment_id, "attachment")
        with self._c.tx() as con:
            row = con.execute("SELECT interview_id FROM attachments WHERE id = ?", (attachment_id,)).fetchone()
            if row is None:
                raise NotFound("attachment")
            con.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
            con.execute("INSERT OR IGNORE INTO backup_purges(kind, id) VALUES ('attachment', ?)", (attachment_id,))
            append_entry(con, "attachment.deleted", row[0])
        self._c.after_deletion(vacuum=False)
