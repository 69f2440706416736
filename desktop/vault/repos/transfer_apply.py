"""Applying one bundle's verified records on a coordinator, inside :meth:`Transfer.apply_bundle`'s one
transaction (:class:`Stager`), and the lineage of a restored laptop (:func:`root`, :func:`generation`).

Interviews arrive as revisions: the newer (revision, then the sender's sequence number) becomes the
current record, the older is kept in ``revisions`` as history only. A laptop restored from a backup
continues the laptop it replaces (``transfer_successions``): the interviews belong to both, and at one
revision number the restored laptop's record is the newer; the old laptop's, if it differs, is kept
as a history copy of that number. History copies are keyed by their content (schema 9), so two
laptops' different edits with one number are two copies, whatever order they arrive in, and a
record received again adds nothing. A deletion removes the interview as
:func:`~desktop.vault.deletion.delete_interview_rows` does and leaves a tombstone, so an older bundle
arriving later cannot bring it back. A consent withdrawal is applied to the current record
whatever its revision: a withdrawal never goes back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.core.model import ConsentUse, Interview
from desktop.core.quotations import Quotation
from desktop.vault.deletion import delete_interview_rows
from desktop.vault.errors import VaultError
from desktop.vault.repos._common import check_id, dumps, now
from desktop.vault.repos.audit import append_entry
from desktop.vault.repos.interviews import Interviews, keep_copy
from desktop.vault.repos.quotations import replace_rows


@dataclass(frozen=True)
class ReceivedBundle:
    sha256: str
    bundle_id: str | None
    device_id: str | None
    seq: int | None
    prev_sha256: str | None
    status: str
    reason: str


@dataclass
class StagedSummary:
    """What a bundle did to the coordinator's vault (counts and ids only, no content)."""

    current: set[str] = field(default_factory=set)  # interviews now at the bundle's revision
    history: int = 0  # older revisions kept as history only
    withdrawals: int = 0
    deletions: int = 0
    attachments: int = 0


@dataclass(frozen=True)
class Succeeded:
    """A restored laptop's new keys (``device_id``) continuing an enrolled one (``predecessor``)."""

    device_id: str
    predecessor: str
    after_seq: int
    after_sha256: str
    accepted_at: str


def _predecessor(con: Any, device_id: str) -> Succeeded | None:
    row = con.execute("SELECT device_id, predecessor, after_seq, after_sha256, accepted_at "
                      "FROM transfer_successions WHERE device_id = ?", (device_id,)).fetchone()
    return Succeeded(*row) if row else None


def _lineage(con: Any, device_id: str) -> list[str]:
    """``device_id``, the device it continues, the one that continued, ... (a restored laptop's history)."""
    chain = [device_id]
    while (up := _predecessor(con, chain[-1])) is not None and up.predecessor not in chain:
        chain.append(up.predecessor)
    return chain


def root(con: Any, device_id: str) -> str:
    """The first laptop of ``device_id``'s lineage: interviews belong to a lineage, not one set of keys."""
    return _lineage(con, device_id)[-1]


def generation(con: Any, device_id: str) -> int:
    """0 for an enrolled laptop, 1 for the restored laptop that continues it, and so on: what a later
    generation sends is newer than what an earlier one sent with the same revision."""
    return len(_lineage(con, device_id)) - 1


class AlreadyImported(Exception):
    """Raised by :meth:`Stager.begin` for a bundle imported before; :meth:`Transfer.apply_bundle`
    turns it into "nothing changed"."""


class Stager:
    """Applies one bundle's verified records inside :meth:`Transfer.apply_bundle`'s transaction."""

    def __init__(self, con: Any, interviews: Interviews) -> None:
        self._con = con
        self._interviews = interviews
        self.device_id = ""
        self.seq = 0
        self.bundle_id = ""
        self.summary = StagedSummary()
        self._wanted: dict[str, tuple[str, int]] = {}  # attachment id -> (interview id, size) still to come

    # the bundle's place in its sender's sequence, asked inside the same transaction ----------------

    def begin(self, *, bundle_id: str, device_id: str, seq: int) -> None:
        """The bundle's manifest is verified: who sent it, and where it sits in their sequence.
        :class:`AlreadyImported` if this bundle is in the vault already (idempotent by bundle id)."""
        if self.imported(bundle_id):
            raise AlreadyImported()
        self.bundle_id, self.device_id, self.seq = bundle_id, device_id, seq

    def imported(self, bundle_id: str) -> bool:
        return self._con.execute("SELECT 1 FROM bundles_received WHERE bundle_id = ? AND status = 'imported'",
                                 (bundle_id,)).fetchone() is not None

    def imported_at(self, device_id: str, seq: int) -> ReceivedBundle | None:
        row = self._con.execute(
            "SELECT sha256, bundle_id, device_id, seq, prev_sha256, status, reason FROM bundles_received "
            "WHERE device_id = ? AND seq = ? AND status = 'imported'", (device_id, seq)).fetchone()
        return ReceivedBundle(*row) if row else None

    def successor(self, device_id: str) -> Succeeded | None:
        """The device that continues ``device_id`` (a laptop restored from its backup), if one was accepted."""
        row = self._con.execute("SELECT device_id, predecessor, after_seq, after_sha256, accepted_at "
                                "FROM transfer_successions WHERE predecessor = ?", (device_id,)).fetchone()
        return Succeeded(*row) if row else None

    def predecessor(self, device_id: str) -> Succeeded | None:
        """The succession that made ``device_id`` continue another device, if any."""
        return _predecessor(self._con, device_id)

    def statement(self, device_id: str) -> bytes | None:
        """The hand-over statement accepted for ``device_id``, as it was carried."""
        row = self._con.execute("SELECT statement FROM transfer_successions WHERE device_id = ?",
                                (device_id,)).fetchone()
        return bytes(row[0]) if row else None

    def accept_succession(self, *, device_id: str, public_keys: str, fingerprint: str, predecessor: str,
                          after_seq: int, after_sha256: str, statement: bytes) -> None:
        """Record, in the bundle's transaction, that ``device_id`` continues ``predecessor`` and pin its
        keys (once per predecessor: the caller has checked there is no other successor)."""
        con = self._con
        row = con.execute("SELECT public_keys FROM transfer_peers WHERE device_id = ?", (device_id,)).fetchone()
        if row is not None and row[0] != public_keys:
            raise VaultError("Another set of keys is already enrolled for this device.")
        if row is None:
            con.execute("INSERT INTO transfer_peers(device_id, role, public_keys, fingerprint, enrolled_at, "
                        "allow_recovery) VALUES (?, 'field', ?, ?, ?, 0)", (device_id, public_keys, fingerprint, now()))
        con.execute("INSERT INTO transfer_successions(device_id, predecessor, after_seq, after_sha256, statement, "
                    "accepted_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (device_id, predecessor, after_seq, after_sha256, bytes(statement), now()))
        append_entry(con, "device.succession_accepted", device_id)

    # records ------------------------------------------------------------------------------------------

    def interview(self, iv: Interview, revision: int, attachments: list[dict[str, Any]]) -> None:
        """Apply one interview revision from the bundle (newer replaces, older becomes history)."""
        con = self._con
        check_id(iv.id)
        if con.execute("SELECT 1 FROM tombstones WHERE interview_id = ?", (iv.id,)).fetchone():
            return  # deleted in the field since: an older bundle cannot bring it back
        row = con.execute("SELECT revision FROM interviews WHERE id = ?", (iv.id,)).fetchone()
        origin = con.execute("SELECT device_id, revision, seq FROM interview_origin WHERE interview_id = ?",
                             (iv.id,)).fetchone()
        if row is not None and (origin is None or root(con, origin[0]) != root(con, self.device_id)):
            raise VaultError("The bundle holds an interview whose id belongs to another interview here.")
        doc = dumps(iv.to_dict())
        if row is None:
            self._interviews._insert(con, iv)
            con.execute("UPDATE interviews SET revision = ? WHERE id = ?", (revision, iv.id))
        elif (revision, generation(con, self.device_id), self.seq) > (
                origin[1], generation(con, origin[0]), origin[2]):
            current = dumps(self._interviews.get(iv.id).to_dict())
            if current != doc or revision != row[0]:  # what it replaces stays, as a copy of its own number
                keep_copy(con, iv.id, row[0], current, from_device=origin[0] if row[0] == origin[1] else None)
            # the same record kept as history when it arrived out of order is the current one now
            con.execute("DELETE FROM revisions WHERE interview_id = ? AND revision = ? AND doc = ?",
                        (iv.id, revision, doc))
            self._interviews._replace(con, iv, revision)
        else:  # older, or one number edited on the laptop this one's lineage replaced: history only
            if (revision != row[0] or doc != dumps(self._interviews.get(iv.id).to_dict())) and keep_copy(
                    con, iv.id, revision, doc, from_device=self.device_id):
                self.summary.history += 1
            return
        con.execute(
            "INSERT INTO interview_origin(interview_id, device_id, revision, seq, bundle_id) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(interview_id) DO UPDATE SET device_id = excluded.device_id, revision = excluded.revision, "
            "seq = excluded.seq, bundle_id = excluded.bundle_id",
            (iv.id, self.device_id, revision, self.seq, self.bundle_id))
        keep = {a["id"] for a in attachments}
        for (att_id,) in con.execute("SELECT id FROM attachments WHERE interview_id = ?", (iv.id,)).fetchall():
            if att_id not in keep:
                con.execute("DELETE FROM attachments WHERE id = ?", (att_id,))
                con.execute("INSERT OR IGNORE INTO backup_purges(kind, id) VALUES ('attachment', ?)", (att_id,))
        for a in attachments:
            if con.execute("SELECT 1 FROM attachments WHERE id = ? AND interview_id = ? AND sha256 = ?",
                           (a["id"], iv.id, a["sha256"])).fetchone() is None:
                if con.execute("SELECT 1 FROM attachments WHERE id = ?", (a["id"],)).fetchone():
                    raise VaultError("The bundle holds an attachment whose id belongs to another one here.")
                self._wanted[a["id"]] = (iv.id, a)
        self.summary.current.add(iv.id)
        append_entry(con, "interview.received", iv.id)

    def attachment_owner(self, attachment_id: str) -> str | None:
        """The interview whose record announced this attachment, while it is still to come."""
        wanted = self._wanted.get(attachment_id)
        return wanted[0] if wanted is not None else None

    def attachment_wanted(self, attachment_id: str) -> bool:
        return attachment_id in self._wanted

    def attachment(self, attachment_id: str, data: bytes) -> None:
        """Store an attachment announced by its interview's record (skipped if it is not wanted)."""
        wanted = self._wanted.pop(attachment_id, None)
        if wanted is None:
            return
        interview_id, meta = wanted
        if len(data) != meta["size"] or hashlib.sha256(data).hexdigest() != meta["sha256"]:
            raise VaultError("An attachment in the bundle does not match its record.")
        self._con.execute(
            "INSERT INTO attachments(id, interview_id, display_name, media_type, size, sha256, added_at, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (attachment_id, interview_id, meta["display_name"], meta["media_type"], meta["size"], meta["sha256"],
             meta["added_at"], bytes(data)))
        self.summary.attachments += 1

    def decisions(self, interview_id: str, payload: dict[str, Any]) -> None:
        if interview_id not in self.summary.current:
            return  # an older revision's decisions: the current record keeps its own
        self._con.execute(
            "INSERT INTO redaction_decisions(interview_id, saved_at, payload) VALUES (?, ?, ?) "
            "ON CONFLICT(interview_id) DO UPDATE SET saved_at = excluded.saved_at, payload = excluded.payload",
            (interview_id, now(), dumps(payload)))

    def quotations(self, interview_id: str, quotations: list[Quotation]) -> None:
        if interview_id not in self.summary.current:
            return  # an older revision's marks: the current record keeps its own
        replace_rows(self._con, interview_id, [(q.id, interview_id, q.start, q.end, q.passage, q.theme.value)
                                               for q in quotations])

    def withdrawal(self, interview_id: str, use: ConsentUse, on: date, by: str) -> None:
        cur = self._con.execute(
            "UPDATE consents SET withdrawn_on = ?, withdrawn_by = ? WHERE interview_id = ? AND use = ? "
            "AND given = 1 AND withdrawn_on IS NULL", (on.isoformat(), by, check_id(interview_id), use.value))
        if cur.rowcount:
            self.summary.withdrawals += 1
            append_entry(self._con, f"consent.withdrawn.{use.value}", interview_id)

    def deletion(self, interview_id: str, deleted_at: str) -> None:
        con = self._con
        check_id(interview_id)
        origin = con.execute("SELECT device_id FROM interview_origin WHERE interview_id = ?",
                             (interview_id,)).fetchone()
        exists = con.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone() is not None
        if exists and (origin is None or root(con, origin[0]) != root(con, self.device_id)):
            return  # not this device's interview: a device deletes only what it (or the laptop it continues) sent
        con.execute("INSERT OR IGNORE INTO tombstones(interview_id, deleted_at, bundle_id, state) "
                    "VALUES (?, ?, ?, 'received')", (interview_id, deleted_at, self.bundle_id))
        if exists and delete_interview_rows(con, interview_id):
            con.execute("INSERT OR IGNORE INTO backup_purges(kind, id) VALUES ('interview', ?)", (interview_id,))
            self.summary.deletions += 1
            self.summary.current.discard(interview_id)
            append_entry(con, "interview.deleted", interview_id)

    def missing_attachments(self) -> int:
        return len(self._wanted)
