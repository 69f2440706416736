"""Sending: a field vault's bundle for every enrolled coordinator, written onto a stick folder.

What goes: every interview whose record, attachments, redaction decisions or quotation marks changed
since it was last sent (never sent counts as changed), with its consent withdrawals, and every deletion of an
interview sent before. Also, sent again, whatever was sent before and is not yet confirmed by the
coordinator's receipt: all of it in the first bundle after a hand-over to new keys (a laptop restored
from a copy that shows interviews as sent in a bundle lost with the old laptop would otherwise never
send them), and in any bundle what went in a bundle older than one the coordinator has receipted (a
gap in the receipts: that bundle never arrived). The coordinator's import is idempotent, so nothing
is counted twice; the worker is told, in words, what is sent again and why.

Interviews the coordinator refused for their records (its receipt named them, see
:func:`desktop.services.transfer_import.import_receipt`) are held back while unchanged, so one bad
record does not block every bundle after it; ``send_held_back=True`` sends them again anyway (after
Witnessbox was updated on the older laptop), and changing one sends it again.

The bundle takes the next sequence number and chains to the previous bundle's hash (a vault
restored from a backup first takes new keys, see :mod:`desktop.services.transfer_succession`). It is written with
:func:`desktop.transfer.stick.write_to_stick` (a ``.part`` file, fsync, rename, read back and
hashed); only after that returns are the interviews marked "sent, awaiting receipt". A stick full
or pulled, a cancel, a crash: nothing is marked, no file is left under the bundle's name, and the
next bundle takes the same sequence number.
"""

from __future__ import annotations

import io
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop import __version__
from desktop.services import destinations
from desktop.services import transfer_records as records
from desktop.services import transfer_succession as succession
from desktop.services.errors import Refused
from desktop.services.transfer_devices import NOT_FIELD, own_keys, pinned
from desktop.transfer.bundle import Item, Written, bundle_file_name, write_bundle
from desktop.transfer.errors import BundleWriteFailed, StickWriteFailed
from desktop.transfer.stick import NO_ROOM, write_to_stick
from desktop.vault import Vault
from desktop.vault.schema import SCHEMA_VERSION

Progress = Callable[[int, int], None]
OVERHEAD = 64 * 1024  # age header, manifest and framing, generously


class Cancelled(Refused):
    def __init__(self) -> None:
        super().__init__("Sending was cancelled; nothing was sent.")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    seq: int
    interviews: int
    deletions: int
    size: int
    note: str = ""  # the first bundle after a restored laptop took new keys says so, and what is sent again
    resent: int = 0  # interviews sent before, never confirmed by a receipt, sent again
    resent_deletions: int = 0
    held_back: int = 0  # interviews the coordinator refused, left out while unchanged


def export_bundle(vault: Vault, out_dir: Path, *, progress: Progress | None = None,
                  cancel: threading.Event | None = None, send_held_back: bool = False) -> ExportResult | None:
    """Write the next bundle into ``out_dir`` (the stick's folder); None when there is nothing to send.

    ``progress(done, total)`` is called as items are read (each item is read twice: once to hash
    it for the signed manifest, once to write it); ``cancel`` stops the write at the next item.
    Interviews the coordinator refused stay out while unchanged, unless ``send_held_back``."""
    me = own_keys(vault)
    if me.role != "field":
        raise Refused(NOT_FIELD)
    coordinators = list(pinned(vault, "coordinator").values())
    if not coordinators:
        raise Refused("No coordinator is enrolled here yet. Enrol the coordinator in person "
                      "('witnessbox enrol'), then send.")
    folder = destinations.check_folder(Path(out_dir))
    sent = vault.transfer.sent_digests()
    after_hand_over = succession.first_since_hand_over(vault)
    again = vault.transfer.unconfirmed(every=after_hand_over)
    held = {} if send_held_back else vault.transfer.held_back()  # sending one ends its hold (record_sent)
    changes = [c for c in vault.transfer.changes()
               if (sent.get(c.interview_id) != c.digest or c.interview_id in again.interviews)
               and held.get(c.interview_id) != c.digest]
    kept_back = sum(1 for i, d in held.items() if i not in {c.interview_id for c in changes})
    pending = vault.transfer.pending_deletions()
    deletions = pending + [d for d in again.deletions if d not in pending]
    if not changes and not deletions:
        return None
    me = succession.hand_over_if_restored(vault, me)
    handed_over = succession.statement(vault)
    items, size = _items(vault, changes, deletions)
    expected = size + OVERHEAD
    items = _watched(items, progress, cancel)
    name = bundle_file_name()
    seq, prev = vault.transfer.reserve_seq(name)
    made: list[Written] = []

    def produce(out: BinaryIO) -> None:
        made.append(write_bundle(out, sender=me, recipients=coordinators, seq=seq, prev_sha256=prev, items=items,
                                 app_version=__version__, schema_version=SCHEMA_VERSION,
                                 succession=handed_over.raw if handed_over is not None else None))

    try:
        stick = write_to_stick(folder, name, produce, expected_size=expected)
    except (StickWriteFailed, BundleWriteFailed) as exc:
        if str(exc) == NO_ROOM:  # refused before writing: say how large it is and how much room it needs
            raise Refused(no_room(expected, _free(folder))) from None
        raise Refused(str(exc)) from None
    written = made[0]
    if written.ciphertext_sha256 != stick.sha256:  # the stick writer read back what the bundle writer wrote
        raise Refused("The bundle on the stick does not match what was written; nothing was marked as sent. "
                      "Try another stick.")
    vault.transfer.record_sent(seq, written.bundle_id, stick.sha256, changes, [i for i, _ in deletions])
    note = succession.sent_note(handed_over, seq, me.public().fingerprint) if handed_over is not None else ""
    resent = sum(1 for c in changes if c.interview_id in again.interviews), len(again.deletions)
    if any(resent):
        note = "\n\n".join(filter(None, [note, resent_note(*resent, after_hand_over=after_hand_over)]))
    if kept_back:
        note = "\n\n".join(filter(None, [note, held_back_note(kept_back)]))
    return ExportResult(stick.path, written.bundle_id, seq, len(changes), len(deletions), stick.size, note,
                        *resent, held_back=kept_back)


def held_back_note(n: int) -> str:
    """What the worker is told when interviews the coordinator refused are left out of a bundle."""
    which = "1 interview the coordinator could not accept is" if n == 1 else \
        f"{n} interviews the coordinator could not accept are"
    return (f"{which} not in this bundle: {'it goes' if n == 1 else 'they go'} again once changed, or when you "
            "send held-back interviews again (after Witnessbox is updated on the older laptop).")


def size_words(n: int) -> str:
    """A size as a person reads it off a file manager: "820 KB", "12.4 MB", "1.2 GB"."""
    for unit, scale in (("GB", 1000**3), ("MB", 1000**2)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{max(1, round(n / 1000))} KB"


def no_room(expected: int, free: int | None) -> str:
    """The stick has too little room for this bundle: how large it is, what it needs, what there is."""
    has = f"; the stick has {size_words(free)} free" if free is not None else ""
    return (f"The stick does not have enough free space. This bundle is about {size_words(expected)}, and "
            f"Witnessbox needs twice that free to write it safely{has}. Free some space or use another stick; "
            "nothing was sent.")


def _free(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def resent_note(interviews: int, deletions: int, *, after_hand_over: bool) -> str:
    """What the worker is told when a bundle sends again what was sent before but never confirmed."""
    what = " and ".join(f"{n} {word}{'s' if n != 1 else ''}"
                        for n, word in ((interviews, "interview"), (deletions, "deletion")) if n)
    why = ("this laptop was restored from a backup, and a bundle sent before that backup was made may never have "
           "reached the coordinator (lost with the old laptop, or never taken from it)" if after_hand_over else
           "the coordinator's receipts show that an earlier bundle never arrived there")
    return (f"{what.capitalize()} sent before but not yet confirmed by a receipt from the coordinator "
            f"{'are' if interviews + deletions != 1 else 'is'} sent again in this bundle, because {why}. "
            "The coordinator keeps each interview once, so nothing is counted twice. They show as delivered "
            "when this bundle's receipt comes back.")


def _items(vault: Vault, changes: list, deletions: list[tuple[str, str]]) -> tuple[list[Item], int]:
    """The bundle's items in order (each interview, its attachments, decisions and withdrawals; then
    deletions) and their total size."""
    items: list[Item] = []
    size = sum(info.size for change in changes for info in vault.attachments.list(change.interview_id))
    for change in changes:
        iv = vault.interviews.get(change.interview_id)
        infos = vault.attachments.list(iv.id)
        metas = [records.attachment_meta(a) for a in infos]
        items.append(Item.of_bytes(f"iv-{iv.id}", "interview", records.interview_record(iv, change.revision, metas)))
        for info in infos:
            items.append(Item(f"att-{info.id}", "attachment", _attachment_source(vault, info.id)))
        decisions = vault.redaction.load_decisions(iv.id)
        if decisions is not None:
            items.append(Item.of_bytes(f"dec-{iv.id}", "decisions", records.decisions_record(iv.id, decisions)))
        # always, an empty list too: a passage no longer marked here is no longer marked there
        items.append(Item.of_bytes(f"quo-{iv.id}", "quotations",
                                   records.quotations_record(iv.id, vault.quotations.for_interview(iv.id))))
        for use, consent in iv.consent.items():
            if consent.given and consent.withdrawn_on is not None:
                items.append(Item.of_bytes(f"wd-{iv.id}-{use.value}", "withdrawal", records.withdrawal_record(
                    iv.id, use, consent.withdrawn_on, consent.withdrawn_by)))
    for interview_id, deleted_at in deletions:
        items.append(Item.of_bytes(f"del-{interview_id}", "deletion", records.deletion_record(interview_id,
                                                                                             deleted_at)))
    size += sum(len(i.source) for i in items if isinstance(i.source, bytes))
    return items, size


def _attachment_source(vault: Vault, attachment_id: str) -> Callable[[], BinaryIO]:
    # One attachment in memory at a time (at most 50 MB), read from the vault each time it is needed.
    return lambda: io.BytesIO(vault.attachments.get_bytes(attachment_id))


def _watched(items: list[Item], progress: Progress | None, cancel: threading.Event | None) -> list[Item]:
    """The items, each reporting progress and obeying ``cancel`` when it is read."""
    if progress is None and cancel is None:
        return items
    total = 2 * len(items)
    done = [0]

    def wrap(item: Item) -> Item:
        def opener() -> BinaryIO:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            done[0] += 1
            if progress is not None:
                progress(min(done[0], total), total)
            if isinstance(item.source, bytes):
                return io.BytesIO(item.source)
            return item.source()
        return Item(item.id, item.kind, opener)

    return [wrap(i) for i in items]
