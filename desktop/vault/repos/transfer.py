"""USB transfer's storage (``vault.transfer``): this vault's device keys and role, the devices pinned
at enrolment, the bundles sent and received, delivery of each interview, and deletions to travel.

Rows only; what a bundle means (signatures, sequence rules, record formats) is decided in
:mod:`desktop.services.transfer`, which hands this repository records it has already checked.
The device keys are kept here in their secret form, inside the encrypted database and nowhere else.

Applying a bundle on a coordinator is ONE transaction (:meth:`Transfer.apply_bundle`): the caller's
``stage(stager)`` runs the bundle reader inside it, feeding each verified item to the
:class:`~desktop.vault.repos.transfer_apply.Stager`; the transaction commits only if ``stage``
returns (the reader's verdict), and rolls back whatever it raises, so a bundle is in the vault whole
or not at all. A bundle already imported (same ``bundle_id``) changes nothing. What each record does
to the vault (revisions, history copies, a restored laptop's lineage, deletions, withdrawals) is
:mod:`desktop.vault.repos.transfer_apply`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.vault.deletion import delete_interview_rows
from desktop.vault.errors import VaultError
from desktop.vault.repos._common import check_id, dumps, now
from desktop.vault.repos.audit import append_entry
from desktop.vault.repos.interviews import Interviews
from desktop.vault.repos.transfer_apply import (
    AlreadyImported,
    ReceivedBundle,
    StagedSummary,
    Stager,
    Succeeded,
)

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
    name: str = ""  # the coordinator's own name for it, in this vault only; '' when not named


@dataclass(frozen=True)
class Change:
    """An interview as it stands on a field vault, for deciding what a bundle must carry."""

    interview_id: str
    revision: int
    digest: str  # changes whenever the record, its attachments or its redaction decisions change


@dataclass(frozen=True)
class Unconfirmed:
    """Sent from a field vault, never confirmed by a receipt, and to be sent again."""

    interviews: frozenset[str]
    deletions: list[tuple[str, str]]  # (interview id, deleted at)


# What a bundle carries for an interview besides its record, each part in the order it is hashed;
# ``{where}`` is ``interview_id = ?`` for one interview, or empty for all of them (then sorted by interview).
_PARTS = (
    "SELECT interview_id, position, name, role, aliases FROM people {where} ORDER BY interview_id, position",
    "SELECT interview_id, position, kind, value FROM identifiers {where} ORDER BY interview_id, position",
    "SELECT interview_id, use, given, recorded_on, taken_by, withdrawn_on, withdrawn_by FROM consents {where} "
    "ORDER BY interview_id, use",
    "SELECT interview_id, id, sha256, display_name, media_type FROM attachments {where} ORDER BY interview_id, id",
    "SELECT interview_id, payload FROM redaction_decisions {where} ORDER BY interview_id",
    "SELECT interview_id, id, start_pos, end_pos, passage, theme FROM quotations {where} ORDER BY interview_id, id",
)


def _digest_of(doc: str, parts: list[list[Any]]) -> str:
    """The digest of an interview's record ``doc`` and its :data:`_PARTS` rows (without the interview id)."""
    h = hashlib.sha256(doc.encode("utf-8"))
    *fixed, marks = parts
    for rows in fixed:
        h.update(dumps(rows).encode("utf-8"))
    if marks:  # none: the digest an interview had before quotations existed, so nothing is sent again for them
        h.update(dumps(marks).encode("utf-8"))
    return h.hexdigest()


def _digest(con: Any, interview_id: str, doc: str) -> str:
    """Changes whenever the record, its people, consent, attachments, redaction decisions or quotations change."""
    return _digest_of(
        doc,
        [
            [row[1:] for row in con.execute(sql.format(where="WHERE interview_id = ?"), (interview_id,))]
            for sql in _PARTS
        ],
    )


def _digests(con: Any, docs: dict[str, str]) -> dict[str, str]:
    """:func:`_digest` of every interview in ``docs`` (id -> record), with one query per part for all of
    them rather than six per interview: each part's rows come sorted by interview and are walked together,
    one interview at a time, so only one interview's rows are held at once."""
    cursors = [iter(con.execute(sql.format(where=""))) for sql in _PARTS]
    heads: list[Any] = [next(c, None) for c in cursors]
    out = {}
    for iv_id, doc in docs.items():  # in id order, as the parts are
        parts = []
        for n, cursor in enumerate(cursors):
            rows = []
            while heads[n] is not None and heads[n][0] <= iv_id:
                if heads[n][0] == iv_id:
                    rows.append(heads[n][1:])
                heads[n] = next(cursor, None)
            parts.append(rows)
        out[iv_id] = _digest_of(doc, parts)
    return out


HELD_BACK = "transfer.held_back"  # settings key: {interview id: digest as the coordinator refused it}


def _held(con: Any) -> dict[str, str]:
    row = con.execute("SELECT value FROM settings WHERE key = ?", (HELD_BACK,)).fetchone()
    return json.loads(row[0]) if row else {}


def _set_held(con: Any, held: dict[str, str]) -> None:
    con.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (HELD_BACK, dumps(held)),
    )


def _has_draft(con: Any, interview_id: str) -> bool:
    """A draft of the interview is kept: changes typed but not saved, so not sent either."""
    return (
        con.execute(
            "SELECT 1 FROM drafts WHERE interview_id = ? OR key = ?", (interview_id, f"interview:{interview_id}")
        ).fetchone()
        is not None
    )


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
            con.execute(
                "INSERT INTO transfer_self(only, role, device_id, secret, created_at) VALUES (1, ?, ?, ?, ?)",
                (role, device_id, bytes(secret), now()),
            )
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
            cur = con.execute(
                "UPDATE transfer_self SET device_id = ?, secret = ?, succession = ?, restored_at = NULL "
                "WHERE only = 1 AND device_id = ? AND restored_at IS NOT NULL",
                (device_id, bytes(secret), bytes(statement), old_device_id),
            )
            if cur.rowcount:
                append_entry(con, "device.keys_handed_over", device_id)
        return bool(cur.rowcount)

    def last_sent(self) -> tuple[int, str]:
        """(number, hash) of the last bundle written out from here; (0, "") before the first."""
        with self._c.use() as con:
            row = con.execute(
                "SELECT seq, sha256 FROM bundles_sent WHERE state != 'writing' AND sha256 IS NOT NULL "
                "ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        return (row[0], row[1]) if row else (0, "")

    # pinned devices -------------------------------------------------------------------------------------

    def peers(self) -> list[Peer]:
        with self._c.use() as con:
            rows = con.execute(
                "SELECT device_id, role, public_keys, fingerprint, enrolled_at, allow_recovery, name "
                "FROM transfer_peers ORDER BY enrolled_at, device_id"
            ).fetchall()
        return [Peer(d, r, p, f, e, bool(a), n) for d, r, p, f, e, a, n in rows]

    def set_name(self, device_id: str, name: str) -> bool:
        """Give an enrolled device a name of this vault's own ('' clears it); False if it is not enrolled.
        The audit records only that it was named, never the name."""
        with self._c.tx() as con:
            done = con.execute("UPDATE transfer_peers SET name = ? WHERE device_id = ?", (name, device_id)).rowcount
            if done:
                append_entry(con, "device.named", device_id)
        return bool(done)

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
                (device_id, role, public_keys, fingerprint, now(), int(allow_recovery)),
            )
            append_entry(con, "device.enrolled", device_id)

    # a field vault: what to send, what was sent, what was delivered ---------------------------------------

    def changes(self) -> list[Change]:
        """Every interview with its revision and a digest of everything a bundle would carry for it."""
        with self._c.use() as con:
            rows = con.execute("SELECT id, revision, doc FROM interviews ORDER BY num").fetchall()
            digests = _digests(con, {iv_id: doc for iv_id, _revision, doc in sorted(rows, key=lambda r: r[0])})
        return [Change(iv_id, revision, digests[iv_id]) for iv_id, revision, _doc in rows]

    def sent_digests(self) -> dict[str, str]:
        with self._c.use() as con:
            return dict(con.execute("SELECT interview_id, digest FROM deliveries").fetchall())

    def unconfirmed(self, *, every: bool) -> Unconfirmed:
        """What was sent from here and is not yet confirmed by the coordinator's receipt, to send again:
        all of it when ``every`` (the first bundle after a hand-over: the copy's bundles since may never
        have left the old laptop), else what went in a bundle older than one the coordinator has
        receipted (its receipts show a gap: that bundle never arrived, or was refused)."""
        with self._c.use() as con:
            below = (
                2**62
                if every
                else con.execute("SELECT coalesce(max(seq), 0) FROM bundles_sent WHERE state = 'receipted'").fetchone()[
                    0
                ]
            )
            ids = con.execute(
                "SELECT d.interview_id FROM deliveries d LEFT JOIN bundles_sent b "
                "ON b.bundle_id = d.bundle_id WHERE d.state = 'sent' AND coalesce(b.seq, 0) < ?",
                (below,),
            ).fetchall()
            deletions = con.execute(
                "SELECT t.interview_id, t.deleted_at FROM tombstones t LEFT JOIN bundles_sent b "
                "ON b.bundle_id = t.bundle_id WHERE t.state = 'sent' AND coalesce(b.seq, 0) < ? "
                "ORDER BY t.deleted_at, t.interview_id",
                (below,),
            ).fetchall()
        return Unconfirmed(frozenset(i for (i,) in ids), [(i, at) for i, at in deletions])

    def pending_deletions(self) -> list[tuple[str, str]]:
        with self._c.use() as con:
            return con.execute(
                "SELECT interview_id, deleted_at FROM tombstones WHERE state = 'pending' "
                "ORDER BY deleted_at, interview_id"
            ).fetchall()

    def reserve_seq(self, file_name: str) -> tuple[int, str]:
        """The sequence number for the next bundle and the previous bundle's hash. A bundle whose
        writing never finished (the program stopped) gives its number to the next one."""
        with self._c.tx() as con:
            row = con.execute("SELECT seq FROM bundles_sent WHERE state = 'writing'").fetchone()
            if row is not None:
                seq = row[0]
                con.execute(
                    "UPDATE bundles_sent SET file_name = ?, created_at = ? WHERE seq = ?", (file_name, now(), seq)
                )
            else:
                seq = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM bundles_sent").fetchone()[0]
                con.execute(
                    "INSERT INTO bundles_sent(seq, file_name, created_at, state) VALUES (?, ?, ?, 'writing')",
                    (seq, file_name, now()),
                )
            prev = con.execute("SELECT sha256 FROM bundles_sent WHERE seq = ?", (seq - 1,)).fetchone()
        return seq, (prev[0] if prev else "")

    def unfinished_bundle(self) -> str | None:
        """The file name of a bundle whose writing never finished, if any."""
        with self._c.use() as con:
            row = con.execute("SELECT file_name FROM bundles_sent WHERE state = 'writing'").fetchone()
        return row[0] if row else None

    def record_sent(
        self, seq: int, bundle_id: str, sha256: str, changes: Iterable[Change], deletions: Iterable[str]
    ) -> None:
        """After the bundle read back whole from the stick: its interviews are sent, awaiting receipt."""
        changes, deletions = list(changes), list(deletions)
        with self._c.tx() as con:
            con.execute(
                "UPDATE bundles_sent SET bundle_id = ?, sha256 = ?, state = 'sent', created_at = ? "
                "WHERE seq = ? AND state = 'writing'",
                (bundle_id, sha256, now(), seq),
            )
            con.executemany(
                "INSERT INTO deliveries(interview_id, revision, digest, bundle_id, state, delivered_at) "
                "VALUES (?, ?, ?, ?, 'sent', NULL) ON CONFLICT(interview_id) DO UPDATE SET "
                "revision = excluded.revision, "
                "digest = excluded.digest, bundle_id = excluded.bundle_id, state = 'sent', delivered_at = NULL",
                [(c.interview_id, c.revision, c.digest, bundle_id) for c in changes],
            )
            con.executemany(
                "UPDATE tombstones SET bundle_id = ?, state = 'sent' WHERE interview_id = ?",
                [(bundle_id, i) for i in deletions],
            )
            held = _held(con)
            if held and any(c.interview_id in held for c in changes):  # sent again: no longer held back
                _set_held(con, {i: d for i, d in held.items() if i not in {c.interview_id for c in changes}})
            append_entry(con, "bundle.exported", bundle_id)

    def apply_receipt(self, bundle_id: str, sha256: str) -> int | None:
        """Mark what ``bundle_id`` carried as delivered; None if no bundle sent from here matches."""
        with self._c.tx() as con:
            row = con.execute(
                "SELECT state FROM bundles_sent WHERE bundle_id = ? AND sha256 = ?", (bundle_id, sha256)
            ).fetchone()
            if row is None:
                return None
            at = now()
            con.execute(
                "UPDATE bundles_sent SET state = 'receipted', receipted_at = coalesce(receipted_at, ?) "
                "WHERE bundle_id = ?",
                (at, bundle_id),
            )
            n = con.execute(
                "UPDATE deliveries SET state = 'delivered', delivered_at = ? WHERE bundle_id = ? AND state = 'sent'",
                (at, bundle_id),
            ).rowcount
            con.execute("UPDATE tombstones SET state = 'delivered' WHERE bundle_id = ?", (bundle_id,))
            if row[0] != "receipted":
                append_entry(con, "bundle.receipted", bundle_id)
        return n

    def sent_in(self, bundle_id: str) -> list[str]:
        """The interviews whose last sending from here was in ``bundle_id``, not yet delivered."""
        with self._c.use() as con:
            return [
                i
                for (i,) in con.execute(
                    "SELECT interview_id FROM deliveries WHERE bundle_id = ? AND state = 'sent' ORDER BY interview_id",
                    (bundle_id,),
                ).fetchall()
            ]

    def apply_refusal(self, bundle_id: str, sha256: str, refused: Iterable[str]) -> tuple[list[str], int] | None:
        """The coordinator refused ``bundle_id`` for the records of the ``refused`` interviews: in one
        transaction, hold those back (as they were sent: a change sends them again) and make everything else
        the bundle carried unsent, so the next bundle carries it. Returns (the interviews held back now or
        before, how many others go again); None if no bundle sent from here matches. Doing it twice changes
        nothing more; an interview sent again in a later bundle since is that bundle's, and left alone."""
        refused = set(refused)
        with self._c.tx() as con:
            if (
                con.execute(
                    "SELECT 1 FROM bundles_sent WHERE bundle_id = ? AND sha256 = ?", (bundle_id, sha256)
                ).fetchone()
                is None
            ):
                return None
            rows = con.execute(
                "SELECT interview_id, digest FROM deliveries WHERE bundle_id = ? AND state = 'sent'", (bundle_id,)
            ).fetchall()
            held = _held(con)
            held.update({i: d for i, d in rows if i in refused})
            _set_held(con, held)
            con.execute("DELETE FROM deliveries WHERE bundle_id = ? AND state = 'sent'", (bundle_id,))
            again = con.execute(
                "UPDATE tombstones SET state = 'pending', bundle_id = NULL WHERE bundle_id = ? AND state = 'sent'",
                (bundle_id,),
            ).rowcount
            if rows or again:
                append_entry(con, "bundle.refused_by_coordinator", bundle_id)
        return sorted(i for i in held if i in refused), sum(1 for i, _d in rows if i not in refused) + again

    def is_held_back(self, interview_id: str) -> bool:
        with self._c.use() as con:
            return interview_id in _held(con)

    def held_back(self) -> dict[str, str]:
        """Interviews the coordinator refused, held back from bundles while unchanged: {id: digest as refused}."""
        with self._c.use() as con:
            held = _held(con)
            alive = {i for (i,) in con.execute("SELECT id FROM interviews").fetchall()} if held else set()
        return {i: d for i, d in held.items() if i in alive}

    def delivered(self) -> list[tuple[str, str, bool]]:
        """(interview id, delivered_at, unchanged since sent) of every interview the coordinator's
        receipt marked delivered; unchanged means the record, its attachments and decisions are as
        sent and no draft of it is kept."""
        with self._c.use() as con:
            rows = con.execute(
                "SELECT d.interview_id, d.delivered_at, d.digest, i.doc FROM deliveries d "
                "JOIN interviews i ON i.id = d.interview_id WHERE d.state = 'delivered' "
                "ORDER BY i.num"
            ).fetchall()
            now_digests = _digests(con, {iv_id: doc for iv_id, _at, _digest, doc in sorted(rows, key=lambda r: r[0])})
            return [
                (iv_id, at, digest == now_digests[iv_id] and not _has_draft(con, iv_id))
                for iv_id, at, digest, _doc in rows
            ]

    def remove_delivered(self, interview_ids: Iterable[str], delivered_before: str) -> list[str]:
        """Remove, in one transaction, those of ``interview_ids`` that are still delivered before
        ``delivered_before`` (ISO time) and unchanged since sent, as the delete that leaves nothing
        does, but without a tombstone: the coordinator keeps its copy. Returns the ids removed."""
        removed = []
        with self._c.tx() as con:
            for iv_id in interview_ids:
                row = con.execute(
                    "SELECT d.digest, i.doc FROM deliveries d JOIN interviews i ON i.id = d.interview_id "
                    "WHERE d.interview_id = ? AND d.state = 'delivered' AND d.delivered_at IS NOT NULL "
                    "AND d.delivered_at < ?",
                    (check_id(iv_id), delivered_before),
                ).fetchone()
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
            row = con.execute(
                "SELECT state, delivered_at FROM deliveries WHERE interview_id = ?", (interview_id,)
            ).fetchone()
        return (row[0], row[1]) if row else None

    def sent_bundles(self) -> list[tuple[int, str | None, str | None, str]]:
        with self._c.use() as con:
            return con.execute("SELECT seq, bundle_id, sha256, state FROM bundles_sent ORDER BY seq").fetchall()

    # a coordinator: bundles received ----------------------------------------------------------------------

    def received(self, sha256: str) -> ReceivedBundle | None:
        with self._c.use() as con:
            row = con.execute(
                "SELECT sha256, bundle_id, device_id, seq, prev_sha256, status, reason "
                "FROM bundles_received WHERE sha256 = ?",
                (sha256,),
            ).fetchone()
        return ReceivedBundle(*row) if row else None

    def record_refused(
        self,
        sha256: str,
        reason: str,
        *,
        bundle_id: str | None = None,
        device_id: str | None = None,
        seq: int | None = None,
    ) -> None:
        with self._c.tx() as con:
            con.execute(
                "INSERT INTO bundles_received(sha256, bundle_id, device_id, seq, status, reason, received_at) "
                "VALUES (?, ?, ?, ?, 'refused', ?, ?) ON CONFLICT(sha256) DO UPDATE SET reason = excluded.reason, "
                "received_at = excluded.received_at WHERE status = 'refused'",
                (sha256, bundle_id, device_id, seq, reason, now()),
            )
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
        return {
            d: missing
            for d, s in seen.items()
            if (missing := [n for n in range(start.get(d, 1), max(s)) if n not in s])
        }

    def successions(self) -> list[Succeeded]:
        """Every restored laptop accepted here, and the enrolled laptop each continues."""
        with self._c.use() as con:
            rows = con.execute(
                "SELECT device_id, predecessor, after_seq, after_sha256, accepted_at "
                "FROM transfer_successions ORDER BY accepted_at"
            ).fetchall()
        return [Succeeded(*r) for r in rows]

    def origin(self, interview_id: str) -> str | None:
        with self._c.use() as con:
            row = con.execute(
                "SELECT device_id FROM interview_origin WHERE interview_id = ?", (interview_id,)
            ).fetchone()
        return row[0] if row else None

    def apply_bundle(
        self, *, sha256: Callable[[], str], prev_sha256: Callable[[], str], stage: Callable[[Stager], None]
    ) -> StagedSummary | None:
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
                    (sha256(), stager.bundle_id, stager.device_id, stager.seq, prev_sha256(), now()),
                )
                append_entry(con, "bundle.imported", stager.bundle_id)
        except AlreadyImported:
            return None
        if stager.summary.deletions or stager.summary.current:
            self._c.after_deletion(vacuum=False)  # replaced attachments and deleted interviews leave nothing
        return stager.summary
