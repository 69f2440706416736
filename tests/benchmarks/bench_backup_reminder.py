"""How long the backup reminder's check at unlock takes with a long audit log, run on demand; prints
JSON and asserts nothing (tests/unit/test_backup_reminder_reads.py proves what it reads).

    python -m tests.benchmarks.bench_backup_reminder [--entries 100000] [--runs 9]

Two vaults with ``--entries`` audit entries: one never backed up (so ``backup_due`` asks when the log
began) and one with a backup copy made before all of them (so ``deleted_since_backup`` looks for a
deletion since that copy). Each is timed as the code reads now (the first entry; two lookups in the
index on the log's actions) and as it read before (every entry; a scan from the newest entry down,
``NOT INDEXED``), interleaved A B A B in one run; medians and their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from desktop.services import backups
from desktop.services.backups import DELETIONS
from desktop.vault import Vault
from tests.factories import FAST_KDF, PASSPHRASE, make_interview


def _vault(root: Path, entries: int, *, copied: bool) -> Vault:
    vault = Vault.create(root, PASSPHRASE, kdf=FAST_KDF)
    vault.interviews.add(make_interview("One."))
    if copied:
        (root.parent / f"{root.name}-stick").mkdir()
        backups.backup_to_folder(vault, root.parent / f"{root.name}-stick")
    vault.audit.append_many("bundle.imported", [f"{i:032x}" for i in range(entries)])
    return vault


def _before_due(vault: Vault) -> object:
    entries = vault.audit.entries()  # what backup_due read before
    return entries[0].at if entries else None


def _before_deleted(vault: Vault) -> object:
    con = vault.connection()

    def last(actions, after=0):
        marks = ", ".join("?" * len(actions))
        return con.execute(f"SELECT seq, at FROM audit NOT INDEXED WHERE seq > ? AND action IN ({marks}) "
                           "ORDER BY seq DESC LIMIT 1", (after, *actions)).fetchone()

    copied = last(("vault.backup_copied",))
    found = last(DELETIONS, after=copied[0] if copied else 0)
    return datetime.fromisoformat(found[1]) if found else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        never = _vault(Path(tmp) / "never", args.entries, copied=False)
        copied = _vault(Path(tmp) / "copied", args.entries, copied=True)
        pairs = {"backup_due, never backed up": (lambda: _before_due(never), lambda: backups.backup_due(never)),
                 "deleted_since_backup, copy before the log": (lambda: _before_deleted(copied),
                                                               lambda: backups.deleted_since_backup(copied))}
        out: dict = {"entries": args.entries, "runs": args.runs, "load": os.getloadavg()[0]}
        for name, (before, now) in pairs.items():
            times: dict[str, list[float]] = {"before": [], "now": []}
            for _ in range(args.runs):
                for label, fn in (("before", before), ("now", now)):
                    started = time.perf_counter()
                    fn()
                    times[label].append(time.perf_counter() - started)
            b, n = statistics.median(times["before"]), statistics.median(times["now"])
            out[name] = {"before_s": round(b, 5), "now_s": round(n, 5), "ratio": round(b / n, 1)}
        never.lock()
        copied.lock()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
