"""USB transfer's storage (``vault.transfer``): this vault's device keys and role, the devices pinned
at enrolment, the bundles sent and received, delivery of each interview, and deletions to travel.

Rows only; what a bundle means (signatures, sequence rules, record formats) is decided in
:mod:`desktop.services.transfer`, which hands this repository records it has already checked.
The device keys are kept here in their secret form, inside the encrypted database and nowhere else.

Applying a bundle on a coordinator is ONE transaction (:meth:`Transfer.apply_bundle`): the caller's
``stage(stager)`` runs the bundle reader inside it, feeding each verified item to the
:class:`Stager`; the transaction commits only if ``stage`` returns (the reader's verdict), and rolls
back whatever it raises, so a bundle is in the vault whole or not at all. A bundle already imported
(same ``bundle_id``) changes nothing.

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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.core.model import ConsentUse, Interview
from desktop.core.quotations import Quotation
from desktop.vault.deletion import delete_interview_rows
from desktop.vault.errors import VaultError
from desktop.vault.repos._common import check_id, dumps, now
from desktop.vault.repos.audit import append_entry
from desktop.vault.repos.interviews import Interviews, keep_copy
from desktop.vault.repos.quotations import replace_rows

if TYPE_CHECKING:
    from desktop.vault.connections import Connections


@dataclass(frozen=True)
class Peer:
    device_id: str
    role: str
    public_keys: str  # the enrolment file's JSON
    fingerprint: str
    enrolled_at: str
    allow_recovery: bool


@dataclass(frozen=True)
class Change:
    """An interview as it stands on a field vault, for deciding what a bundle must carry."""

    interview_id: str
    revision: int
    digest: str  # changes whenever the record, its attachments or its redaction decisions change


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


def _digest(con: Any, interview_id: str, doc: str) -> str:
    """Changes whenever the record, its people, consent, attachments, redaction decisions or quotations change."""
    h = hashlib.sha256(doc.encode("utf-8"))
    for sql in ("SELECT position, name, role, aliases FROM people WHERE interview_id = ? ORDER BY position",
                "SELECT position, kind, value FROM identifiers WHERE interview_id = ? ORDER BY position",
                "SELECT use, given, recorded_on, taken_by, withdrawn_on, withdrawn_by FROM consents "
                "WHERE interview_id = ? ORDER BY use",
                "SELECT id, sha256, display_name, media_type FROM attachments WHERE interview_id = ? ORDER BY id",
                "SELECT payload FROM redaction_decisions WHERE interview_id = ?"):
        h.update(dumps(con.execute(sql, (interview_id,)).fetchall()).encode("utf-8"))
    marks = con.execute("SELECT id, start_pos, end_pos, passage, theme FROM quotations WHERE interview_id = ? "
                        "ORDER BY id", (interview_id,)).fetchall()
    if marks:  # none: the digest an interview had before quotations existed, so nothing is sent again for them
        h.update(dumps(marks).encode("utf-8"))
    return h.hexdigest()


def _has_draft(con: Any, interview_id: str) -> bool:
    """A draft of the interview is kept: changes typed but not saved, so not sent either."""
    return con.execute("SELECT 1 FROM drafts WHERE interview_id = ? OR key = ?",
                       (interview_id, f"interview:{interview_id}")).fetchone() is not None


class Transfer:
    def __init__(self, connections: Connections) -> None:
        self._c = connections
        self._interviews = Interviews(connections)

    # this vault's keys ----------------------------------------------------------------------------------

    def own_keys(self) -> tuple[str, bytes] | None:
        """(role, secret) of this vault's device keys, or None before they are made."""
        with self._c.use() as con:
            row = con.execute("SELECT role, secret FROM transfer_self WHERE only = 1").fetchone()
        return (row[0], bytes(row[1])) if row else None

    def set_own_keys(self, role: str, device_id: str, secret: bytes, *, action: str = "device.keys_made") -> bool:
        """Store this vault's keys once; False (nothing changed) if it has keys already."""
        with self._c.tx() as con:
            if con.execute("SELECT 1 FROM transfer_self").fetchone():
                return False
            con.execute("INSERT INTO transfer_self(only, role, device_id, secret, created_at) VALUES (1, ?, ?, ?, ?)",
                        (role, device_id, bytes(secret), now()))
            append_entry(con, action, device_id)
        return True

    def mark_restored(self) -> bool:
        """This vault was just made from a backup copy: its next bundle must go out under new keys.
        False (nothing to mark) if it has no keys yet, or is a coordinator's."""
        with self._c.tx() as con:
            cur = con.execute("UPDATE transfer_self SET restored_at = ? WHERE only = 1 AND role = 'field'", (now(),))
            if cur.rowcount:
                append_entry(con, "device.restored_from_copy", None)
        return bool(cur.rowcount)

    def restored(self) -> tuple[str | None, bytes | None]:
        """(when this vault was restored from a copy and has not handed over yet, the chain of succession
        statements its bundles carry since its first hand-over)."""
        with self._c.use() as con:
            row = con.execute("SELECT restored_at, succession FROM transfer_self WHERE only = 1").fetchone()
        return (row[0], bytes(row[1]) if row[1] is not None else None) if row else (None, None)

    def hand_over(self, old_device_id: str, device_id: str, secret: bytes, statement: bytes) -> bool:
        """Replace a restored vault's keys by new ones with the statement the old key signed, in one
        transaction; False (nothing changed) if the keys are no longer ``old_device_id``'s or the vault
        is no longer waiting to hand over."""
        with self._c.tx() as con:
            cur = con.execute("UPDATE transfer_self SET device_id = ?, secret = ?, succession = ?, restored_at = NULL "
                              "WHERE only = 1 AND device_id = ? AND restored_at IS NOT NULL",
                              (device_id, bytes(secret), bytes(statement), old_device_id))
            if cur.rowcount:
                append_entry(con, "device.keys_handed_over", device_id)
        return bool(cur.rowcount)

    def last_sent(self) -> tuple[int, str]:
        """(number, hash) of the last bundle written out from here; (0, "") before the first."""
        with self._c.use() as con:
            row = con.execute("SELECT seq, sha256 FROM bundles_sent WHERE state != 'writing' AND sha256 IS NOT NULL "
                              "ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, "")

    # pinned devices -------------------------------------------------------------------------------------

    def peers(self) -> list[Peer]:
        with self._c.use() as con:
            rows = con.execute("SELECT device_id, role, public_keys, fingerprint, enrolled_at, allow_recovery "
                               "FROM transfer_peers ORDER BY enrolled_at, device_id").fetchall()
        return [Peer(d, r, p, f, e, bool(a)) for d, r, p, f, e, a in rows]

    def pin(self, device_id: str, role: str, public_keys: str, fingerprint: str, *, allow_recovery: bool) -> None:
        """Pin a device's public keys (enrolment); pinning the same keys again only updates the choice."""
        with self._c.tx() as con:
            row = con.execute("SELECT public_keys FROM transfer_peers WHERE device_id = ?", (device_id,)).fetchone()
            if row is not None and row[0] != public_keys:
                raise VaultError("Another set of keys is already enrolled for this device.")
            con.execute(
                "INSERT INTO transfer_peers(device_id, role, public_keys, fingerprint, enrolled_at, allow_recovery) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET "
                "allow_recovery = excluded.allow_recovery",
                (device_id, role, public_keys, fingerprint, now(), int(allow_recovery)))
            append_entry(con, "device.enrolled", device_id)

    # a field vault: what to send, what was sent, what was delivered ---------------------------------------

    def changes(self) -> list[Change]:
        """Every interview with its revision and a digest of everything a bundle would carry for it."""
        with self._c.use() as con:
            rows = con.execute("SELECT id, revision, doc FROM interviews ORDER BY num").fetchall()
            return [Change(iv_id, revision, _digest(con, iv_id, doc)) for iv_id, revision, doc in rows]

    def sent_digests(self) -> dict[str, str]:
        with self._c.use() as con:
            return dict(con.execute("SELECT interview_id, digest FROM deliveries").fetchall())

    def pending_deletions(self) -> list[tuple[str, str]]:
        with self._c.use() as con:
            return con.execute("SELECT interview_id, deleted_at FROM tombstones WHERE state = 'pending' "
                               "ORDER BY deleted_at, interview_id").fetchall()

    def reserve_seq(self, file_name: str) -> tuple[int, str]:
        """The sequence number for the next bundle and the previous bundle's hash. A bundle whose
        writing never finished (the program stopped) gives its number to the next one."""
        with self._c.tx() as con:
            row = con.execute("SELECT seq FROM bundles_sent WHERE state = 'writing'").fetchone()
            if row is not None:
                seq = row[0]
                con.execute("UPDATE bundles_sent SET file_name = ?, created_at = ? WHERE seq = ?",
                            (file_name, now(), seq))
            else:
                seq = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM bundles_sent").fetchone()[0]
                con.execute("INSERT INTO bundles_sent(seq, file_name, created_at, state) VALUES (?, ?, ?, 'writing')",
                            (seq, file_name, now()))
            prev = con.execute("SELECT sha256 FROM bundles_sent WHERE seq = ?", (seq - 1,)).fetchone()
        return seq, (prev[0] if prev else "")

    def unfinished_bundle(self) -> str | None:
        """The file name of a bundle whose writing never finished, if any."""
        with self._c.use() as con:
            row = con.execute("SELECT file_name FROM bundles_sent WHERE state = 'writing'").fetchone()
        return row[0] if row else None

    def record_sent(self, seq: int, bundle_id: str, sha256: str, changes: Iterable[Change],
                    deletions: Iterable[str]) -> None:
        """After the bundle read back whole from the stick: its interviews are sent, awaiting receipt."""
        changes, deletions = list(changes), list(deletions)
        with self._c.tx() as con:
            con.execute("UPDATE bundles_sent SET bundle_id = ?, sha256 = ?, state = 'sent', created_at = ? "
                        "WHERE seq = ? AND state = 'writing'", (bundle_id, sha256, now(), seq))
            con.executemany(
                "INSERT INTO deliveries(interview_id, revision, digest, bundle_id, state, delivered_at) "
                "VALUES (?, ?, ?, ?, 'sent', NULL) ON CONFLICT(interview_id) DO UPDATE SET "
                "revision = excluded.revision, "
                "digest = excluded.digest, bundle_id = excluded.bundle_id, state = 'sent', delivered_at = NULL",
                [(c.interview_id, c.revision, c.digest, bundle_id) for c in changes])
            con.executemany("UPDATE tombstones SET bundle_id = ?, state = 'sent' WHERE interview_id = ?",
                            [(bundle_id, i) for i in deletions])
            append_entry(con, "bundle.exported", bundle_id)

    def apply_receipt(self, bundle_id: str, sha256: str) -> int | None:
        """Mark what ``bundle_id`` carried as delivered; None if no bundle sent from here matches."""
        with self._c.tx() as con:
            row = con.execute("SELECT state FROM bundles_sent WHERE bundle_id = ? AND sha256 = ?",
                              (bundle_id, sha256)).fetchone()
            if row is None:
                return None
            at = now()
            con.execute("UPDATE bundles_sent SET state = 'receipted', receipted_at = coalesce(receipted_at, ?) "
                        "WHERE bundle_id = ?", (at, bundle_id))
            n = con.execute("UPDATE deliveries SET state = 'delivered', delivered_at = ? WHERE bundle_id = ? "
                            "AND state = 'sent'", (at, bundle_id)).rowcount
            con.execute("UPDATE tombstones SET state = 'delivered' WHERE bundle_id = ?", (bundle_id,))
            if row[0] != "receipted":
                append_entry(con, "bundle.receipted", bundle_id)
        return n

    def delivered(self) -> list[tuple[str, str, bool]]:
        """(interview id, delivered_at, unchanged since sent) of every interview the coordinator's
        receipt marked delivered; unchanged means the record, its attachments and decisions are as
        sent and no draft of it is kept."""
        with self._c.use() as con:
            rows = con.execute("SELECT d.interview_id, d.delivered_at, d.digest, i.doc FROM deliveries d "
                               "JOIN interviews i ON i.id = d.interview_id WHERE d.state = 'delivered' "
                               "ORDER BY i.num").fetchall()
            return [(iv_id, at, digest == _digest(con, iv_id, doc) and not _has_draft(con, iv_id))
                    for iv_id, at, digest, doc in rows]

    def remove_delivered(self, interview_ids: Iterable[str], delivered_before: str) -> list[str]:
        """Remove, in one transaction, those of ``interview_ids`` that are still delivered before
        ``delivered_before`` (ISO time) and unchanged since sent, as the delete that leaves nothing
        does, but without a tombstone: the coordinator keeps its copy. Returns the ids removed."""
        removed = []
        with self._c.tx() as con:
            for iv_id in interview_ids:
                row = con.execute("SELECT d.digest, i.doc FROM deliveries d JOIN interviews i ON i.id = d.interview_id "
                                  "WHERE d.interview_id = ? AND d.state = 'delivered' AND d.delivered_at IS NOT NULL "
                                  "AND d.delivered_at < ?", (check_id(iv_id), delivered_before)).fetchone()
                if row is None or row[0] != _digest(con, iv_id, row[1]) or _has_draft(con, iv_id):
                    continue
                if delete_interview_rows(con, iv_id):
                    con.execute("INSERT OR IGNORE INTO backup_purges(kind, id) VALUES ('interview', ?)", (iv_id,))
                    append_entry(con, "interview.removed_delivered", iv_id)
                    removed.append(iv_id)
        if removed:
            self._c.after_deletion(vacuum=True)
        return removed

    def delivery(self, interview_id: str) -> tuple[str, str | None] | None:
        """(state, delivered_at) of an interview sent from here, or None if it was never sent."""
        with self._c.use() as con:
            row = con.execute("SELECT state, delivered_at FROM deliveries WHERE interview_id = ?",
                              (interview_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def sent_bundles(self) -> list[tuple[int, str | None, str | None, str]]:
        with self._c.use() as con:
            return con.execute("SELECT seq, bundle_id, sha256, state FROM bundles_sent ORDER BY seq").fetchall()

    # a coordinator: bundles received ----------------------------------------------------------------------

    def received(self, sha256: str) -> ReceivedBundle | None:
        with self._c.use() as con:
            row = con.execute("SELECT sha256, bundle_id, device_id, seq, prev_sha256, status, reason "
                              "FROM bundles_received WHERE sha256 = ?", (sha256,)).fetchone()
        return ReceivedBundle(*row) if row else None

    def record_refused(self, sha256: str, reason: str, *, bundle_id: str | None = None,
                       device_id: str | None = None, seq: int | None = None) -> None:
        with self._c.tx() as con:
            con.execute(
                "INSERT INTO bundles_received(sha256, bundle_id, device_id, seq, status, reason, received_at) "
                "VALUES (?, ?, ?, ?, 'refused', ?, ?) ON CONFLICT(sha256) DO UPDATE SET reason = excluded.reason, "
                "received_at = excluded.received_at WHERE status = 'refused'",
                (sha256, bundle_id, device_id, seq, reason, now()))
            append_entry(con, "bundle.refused", device_id)

    def record_alert(self, action: str, device_id: str | None) -> None:
        with self._c.tx() as con:
            append_entry(con, action, device_id)

    def gaps(self) -> dict[str, list[int]]:
        """For each device, the sequence numbers below its highest imported one that have not arrived."""
        with self._c.use() as con:
            rows = con.execute("SELECT device_id, seq FROM bundles_received WHERE status = 'imported'").fetchall()
            start = dict(con.execute("SELECT device_id, after_seq + 1 FROM transfer_successions").fetchall())
        seen: dict[str, set[int]] = {}
        for device, seq in rows:
            seen.setdefault(device, set()).add(seq)
        return {d: missing for d, s in seen.items()
                if (missing := [n for n in range(start.get(d, 1), max(s)) if n not in s])}

    def successions(self) -> list[Succeeded]:
        """Every restored laptop accepted here, and the enrolled laptop each continues."""
        with self._c.use() as con:
            rows = con.execute("SELECT device_id, predecessor, after_seq, after_sha256, accepted_at "
                               "FROM transfer_successions ORDER BY accepted_at").fetchall()
        return [Succeeded(*r) for r in rows]

    def origin(self, interview_id: str) -> str | None:
        with self._c.use() as con:
            row = con.execute("SELECT device_id FROM interview_origin WHERE interview_id = ?",
                              (interview_id,)).fetchone()
        return row[0] if row else None

    def apply_bundle(self, *, sha256: Callable[[], str], prev_sha256: Callable[[], str],
                     stage: Callable[[Stager], None]) -> StagedSummary | None:
        """Apply one bundle in ONE transaction: ``stage(stager)`` reads and stages it; the bundle is
        recorded as imported (``sha256()`` and ``prev_sha256()`` asked once ``stage`` has returned) and
        everything commits together. Whatever ``stage`` raises rolls it all back and passes through.
        None, with nothing changed, for a bundle imported before."""
        try:
            with self._c.tx() as con:
                stager = Stager(con, self._interviews)
                stage(stager)
                if not stager.bundle_id:
                    raise VaultError("The bundle was not read.")
                if stager.missing_attachments():
                    raise VaultError("The bundle lacks an attachment its interview names.")
                con.execute(
                    "INSERT INTO bundles_received(sha256, bundle_id, device_id, seq, prev_sha256, status, reason, "
                    "received_at) VALUES (?, ?, ?, ?, ?, 'imported', '', ?) ON CONFLICT(sha256) DO UPDATE SET "
                    "bundle_id = excluded.bundle_id, device_id = excluded.device_id, seq = excluded.seq, "
                    "prev_sha256 = excluded.prev_sha256, status = 'imported', reason = '', "
                    "received_at = excluded.received_at",
                    (sha256(), stager.bundle_id, stager.device_id, stager.seq, prev_sha256(), now()))
                append_entry(con, "bundle.imported", stager.bundle_id)
        except AlreadyImported:
            return None
        if stager.summary.deletions or stager.summary.current:
            self._c.after_deletion(vacuum=False)  # replaced attachments and deleted interviews leave nothing
        return stager.summary
