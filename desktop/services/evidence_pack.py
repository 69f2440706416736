"""The evidence pack: one new folder with everything the complaint team and the inspectorate receive,
signed so that anyone can check that nothing in it was changed, added or taken away.

::

    result = evidence_pack.build(vault, Path("pack-2026-12"), threshold=5, progress=cb, cancel=event)

The folder (which must not exist yet) holds::

    summary.pdf            the totals, charts and method; lists every statement below (reports.summary)
    tables.csv             the same tables as CSV
    statements/WB-....pdf  every redacted statement consented for the complaint
    README.txt             what the pack is and how to check it without Witnessbox
    signing-key.pem        the signing key (Ed25519) in the form openssl reads
    signing-key.json       the same key in Witnessbox's enrolment form (its fingerprint is the one read aloud)
    SHA256SUMS             every file above with its SHA-256, as ``sha256sum`` writes it
    SHA256SUMS.sig         the Ed25519 signature of SHA256SUMS by this vault's signing key

The key is the vault's own: a coordinator's vault signs with its coordinator key, a field vault
with its device key (:func:`desktop.services.transfer_devices.own_keys`).

All or nothing: the pack is made in a hidden folder beside the one asked for (same filesystem),
every file written by the atomic writer and fsynced, and only then renamed to its name. A pack is
complete or absent: a refusal, a cancel, a crash or a full disk leaves no folder of that name
(a crash may leave the hidden one, which a build a day later removes). Statements are exported through
:func:`desktop.services.statements.export_statements` (the reviewer's decisions and the leak gate
apply, one statement in memory at a time); if any consented statement is refused, no pack is made
and the result names which and why.

Further documents join the pack through :data:`DOCUMENTS` (see :class:`PackDocument`).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import secrets
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.files import atomic_write, fsync_dir, sha256_file
from desktop.services import destinations, evidence, quotations, statements, transfer_devices
from desktop.services.errors import DestinationExists, Refused
from desktop.services.pack_verify import (
    KEY_JSON,
    KEY_PEM,
    README,
    SIGNATURE,
    SUMS,
    format_sums,
    pem_of,
)
from desktop.vault import Vault
from desktop.vault.search import ListFilter

log = logging.getLogger(__name__)

SUMMARY = "summary.pdf"
TABLES = "tables.csv"
STATEMENTS = "statements"
PARTIAL_PREFIX = ".wbpack-"
STALE_AFTER = 24 * 3600  # seconds


@dataclass(frozen=True)
class PackDocument:
    """A further document of every pack: ``write(vault, path, threshold=N)`` writes one checked file at
    ``path`` (through the atomic writer), protecting its small figures with the pack's own threshold, or
    raises :class:`~desktop.services.errors.Refused`, and then no pack is made."""

    name: str  # its file name in the pack: letters, digits, '-', '_' and '.', e.g. "quotations.pdf"
    write: Callable[..., object]
    about: str = ""  # one line for README.txt, e.g. "anonymised quotations, by theme"


# The further documents every pack holds, in this order.
DOCUMENTS: tuple[PackDocument, ...] = (
    PackDocument("quotations.pdf", quotations.write_pdf, "anonymised quotations, by theme"),
)


@dataclass
class PackResult:
    folder: Path | None = None  # None when no pack was made
    statements: int = 0
    files: int = 0
    fingerprint: str = ""  # the signing key's fingerprint
    refused: list[tuple[str, str]] = field(default_factory=list)  # (reference, reason): why no pack was made
    cancelled: bool = False

    def lines(self, *, signer: str = "this vault's key") -> list[str]:
        """What to tell the user, in the same words on the command line and in the window."""
        if self.folder is not None:
            made = f"{self.statements} statement{'' if self.statements == 1 else 's'}, {self.files} files"
            return [f"Wrote the evidence pack {self.folder}: {made}.",
                    f"It is signed by {signer}, fingerprint {self.fingerprint}. Give that fingerprint to whoever "
                    "receives the pack, in person or on paper."]
        if self.cancelled:
            return ["Cancelled: no evidence pack was made, and nothing of it is left in the folder."]
        return [f"not exported: {why}" for _ref, why in self.refused] + [
            "No evidence pack was made: every consented statement must go into it. Fix the statements above "
            "(open each one's review) and make the pack again."]


def default_name(day: date) -> str:
    """The pack's folder name offered by default, e.g. ``evidence-pack-2026-12-04``."""
    return f"evidence-pack-{day.isoformat()}"


README_TEXT = """Witnessbox evidence pack
========================

This folder was made by Witnessbox on {day}. It holds:

  summary.pdf          the totals and charts of the interviews consented for the complaint,
                       how they were made, and the list of the statements below
  tables.csv           the same tables as a spreadsheet
  statements/          {count} redacted witness statements, one PDF each, named by reference
{extra}  SHA256SUMS           the SHA-256 of every file in this folder
  SHA256SUMS.sig       an Ed25519 signature of SHA256SUMS
  signing-key.pem      the public key that made the signature
  signing-key.json     the same key as Witnessbox shows it

The signing key's fingerprint (as Witnessbox shows it): {fingerprint}
SHA-256 of signing-key.pem:                             {pem_sha256}

Ask the coordinator for the fingerprint in person or on paper and compare it with the one
above. Anyone can sign a changed copy with a key of their own; only the fingerprint tells.

To check this pack without Witnessbox, in this folder:

  1. sha256sum -c SHA256SUMS
     Every line must say OK. A file that is not listed was added after signing.
  2. sha256sum signing-key.pem
     must print the SHA-256 above, and the coordinator must confirm it.
  3. openssl pkeyutl -verify -pubin -inkey signing-key.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig
     must print "Signature Verified Successfully" (OpenSSL 3.0 or later).

With Witnessbox: witnessbox verify-pack FOLDER --fingerprint "{fingerprint}"
"""


def _name_ok(name: str) -> bool:
    return bool(name) and name not in (".", "..") and all(c.isalnum() or c in "-_." for c in name)


def _rename_new(src: Path, dst: Path) -> None:
    """Rename the folder ``src`` to ``dst``, which must not exist: never over another folder, even an empty one."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = getattr(libc, "renameat2", None)
        if renameat2 is not None:
            at_fdcwd, rename_noreplace = -100, 1
            if renameat2(at_fdcwd, os.fsencode(src), at_fdcwd, os.fsencode(dst), rename_noreplace) == 0:
                return
            err = ctypes.get_errno()
            if err not in (errno.EINVAL, errno.ENOSYS):  # the filesystem cannot do it: fall back below
                raise OSError(err, os.strerror(err), str(dst))
    if dst.exists() or dst.is_symlink():
        raise FileExistsError(errno.EEXIST, "already exists", str(dst))
    os.rename(src, dst)


def _target(out: Path) -> Path:
    out = Path(out).expanduser()
    if not _name_ok(out.name):
        raise Refused("Name the pack's folder with letters, digits, '-', '_' or '.' only.")
    target = destinations.check_folder(out.parent) / out.name
    if target.exists() or target.is_symlink():
        raise DestinationExists(f"{target.name} is already there. An evidence pack is always written into a new "
                                "folder; choose another name.", [target])
    return target


def _consented(vault: Vault) -> list[tuple[str, str]]:
    """The interviews whose statements go into the pack, as (reference, id): consent for the complaint,
    crime chosen (the interviews the totals count), in reference order."""
    ids = []
    for interview_id in vault.interviews.ids():
        iv = vault.interviews.get(interview_id)
        if statements.consent_refusal(iv) is None and statements.crime_refusal(iv) is None:
            ids.append((iv.reference, interview_id))
    return sorted(ids)


def _tidy(parent: Path) -> None:
    """Remove hidden pack folders a crash left behind a day or more ago (never a finished pack: those have
    their own name; never one another build may still be making)."""
    for p in parent.glob(f"{PARTIAL_PREFIX}*"):
        with contextlib.suppress(OSError):
            if p.is_dir() and not p.is_symlink() and time.time() - p.stat().st_mtime > STALE_AFTER:
                shutil.rmtree(p, ignore_errors=True)


def build(vault: Vault, out: Path, *, threshold: int = evidence.DEFAULT_THRESHOLD,
          documents: Sequence[PackDocument] = DOCUMENTS, progress: Callable[[int, int], None] | None = None,
          cancel: threading.Event | Callable[[], bool] | None = None, made_on: date | None = None) -> PackResult:
    """Write the evidence pack into the new folder ``out`` (see the module's docstring).

    ``progress(done, total)`` is called after each statement. Raises Refused (a bad name, the folder
    already there, a threshold too low, a document refused); a statement refused is in
    ``result.refused`` and no pack is made.
    """
    target = _target(out)
    for d in documents:
        if not _name_ok(d.name) or d.name in (SUMMARY, TABLES, STATEMENTS, README, KEY_PEM, KEY_JSON, SUMS, SIGNATURE):
            raise Refused("A document of the pack has a name the pack cannot use.")
    release = evidence.summarise(vault, threshold=threshold)  # refuses a threshold too low, before any work
    # the interviews consented for the complaint (those with no crime chosen are left out below): the
    # workers, if there are enough statements for them, warm while the pack's statements are chosen
    statements.warm_workers(vault.interviews.count(ListFilter(consent_complaint=True)))
    keys = transfer_devices.own_keys(vault)
    made_on = made_on or date.today()
    _tidy(target.parent)
    work = target.parent / f"{PARTIAL_PREFIX}{secrets.token_hex(8)}"
    os.mkdir(work, 0o700)
    try:
        (work / STATEMENTS).mkdir(mode=0o700)
        chosen = _consented(vault)
        # audited once the pack is in place: a refused or cancelled pack delivered no statement
        bulk = statements.export_statements(vault, [i for _ref, i in chosen], work / STATEMENTS, progress=progress,
                                            cancel=cancel, audit=False)
        if bulk.cancelled or bulk.refused:
            shutil.rmtree(work, ignore_errors=True)
            return PackResult(refused=list(bulk.refused), cancelled=bulk.cancelled)
        backing = [evidence.BackingStatement(r.reference, r.fingerprint) for r in bulk.written]
        view = evidence.summary(release)
        atomic_write(work / SUMMARY, evidence.summary_pdf(view, evidence.protected_values(vault), backing,
                                                         made_on=made_on, in_pack=True))
        evidence.write_csv(view, work / TABLES)
        for d in documents:
            d.write(vault, work / d.name, threshold=threshold)
        pub = keys.public()
        pem = pem_of(pub.sig_public_key)
        atomic_write(work / KEY_PEM, pem)
        atomic_write(work / KEY_JSON, pub.to_json())
        extra = "".join(f"  {d.name:<20} {d.about}\n" for d in documents)
        atomic_write(work / README, README_TEXT.format(
            day=f"{made_on.day} {made_on.strftime('%B %Y')}", count=len(backing), extra=extra,
            fingerprint=pub.fingerprint, pem_sha256=sha256_file(work / KEY_PEM)).encode("utf-8"))
        entries = {p.relative_to(work).as_posix(): sha256_file(p) for p in sorted(work.rglob("*")) if p.is_file()}
        sums = format_sums(entries)
        atomic_write(work / SUMS, sums)
        atomic_write(work / SIGNATURE, keys.sign(sums))
        fsync_dir(work / STATEMENTS)
        fsync_dir(work)
        _rename_new(work, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(work)
        raise
    by_reference = dict(chosen)
    vault.audit.append_many("statement.exported", [by_reference[b.reference] for b in backing])
    vault.audit.append("evidence.pack_written")
    log.info("evidence pack written (%d statements)", len(backing))
    return PackResult(target, len(backing), len(entries) + 2, pub.fingerprint)
