"""``vault.transfer.changes()`` against the per-interview path it replaced, run on demand; prints JSON.

    python -m tests.benchmarks.bench_changes [--interviews 1000] [--pairs 5]

A field vault holds ``--interviews`` interviews (names, a Home Office reference, consent, redaction
decisions on every other one, a quotation on every fifth). The old path (six queries per interview,
kept in ``tests/transfer_vaults.py`` as the reference) and ``changes()`` are timed in
interleaved pairs (A B A B ...) in one run, so a machine loaded by others slows both alike; the
medians and their ratio are printed, with the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from desktop.core.quotations import Theme
from tests.benchmarks.bench_transfer_vault import _interview
from tests.factories import new_vault
from tests.transfer_vaults import old_changes


def run(interviews: int, pairs: int) -> dict:
    rnd = random.Random(23)
    with tempfile.TemporaryDirectory() as d:
        vault = new_vault(Path(d) / "field")
        ivs = [_interview(rnd) for _ in range(interviews)]
        vault.interviews.add_many(ivs)
        for n, iv in enumerate(ivs):
            if n % 2 == 0:
                vault.redaction.save_decisions(iv.id, {"version": 1, "decisions": [{"kind": "keep", "n": n}]})
            if n % 5 == 0:
                vault.quotations.add(iv.id, 0, 20, iv.statement[:20], Theme.STATUS_THREAT)
        old_times, new_times = [], []
        for _ in range(pairs):
            t = time.perf_counter()
            old = old_changes(vault)
            old_times.append(time.perf_counter() - t)
            t = time.perf_counter()
            new = [(c.interview_id, c.revision, c.digest) for c in vault.transfer.changes()]
            new_times.append(time.perf_counter() - t)
            assert new == old
        vault.lock()
    a, b = statistics.median(old_times), statistics.median(new_times)
    return {"interviews": interviews, "pairs": pairs, "load_average": os.getloadavg(),
            "old_median_s": round(a, 4), "new_median_s": round(b, 4), "old_over_new": round(a / b, 1),
            "old_ms_per_interview": round(1000 * a / interviews, 3),
            "new_ms_per_interview": round(1000 * b / interviews, 3)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--interviews", type=int, default=1000)
    ap.add_argument("--pairs", type=int, default=5)
    args = ap.parse_args()
    print(json.dumps(run(args.interviews, args.pairs)))


if __name__ == "__main__":
    main()
