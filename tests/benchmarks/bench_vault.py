"""Vault benchmarks, run on demand; they print JSON and assert nothing.

    python -m tests.benchmarks.bench_vault [--count 10000] [--words 1500] [--queries 300]
    python -m pytest tests/benchmarks/bench_vault.py -s        # a smaller run (BENCH_VAULT_COUNT to change)
    python -m tests.benchmarks.bench_vault --open-sizes 1000,10000,100000 --tree /path/a --tree /path/b
        # opening after the key derivation only, two trees interleaved (vaults kept in --reuse)

Measures: unlock time split into the key derivation (the calibrated Argon2id of this machine) and
opening the database (page checks included); adding interviews of about ``--words`` words (one
transaction each, and in batches as an import does); search latency p50/p95 over them; listing, with
each of the list's filters and sorts as the list asks for them (count + first page) and the search
box's query while a word is still being typed; deleting one interview (including replacing the
backups); vault size per interview.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from desktop.core.model import (
    Consent,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Interview,
    Person,
    PersonRole,
    Role,
    YearMonth,
)
from desktop.vault import ListFilter, Vault, calibrate_kdf
from desktop.vault.keyslot import KeySlot

FORCES = ["metropolitan", "kent", "greater-manchester", "west-midlands", "west-yorkshire", "unknown"]
URDU = ["پولیس", "دھمکی", "ویزا", "ہوم", "آفس", "گھر", "بچے", "شوہر", "کام", "ڈر"]


def _vocabulary(rnd: random.Random, size: int = 30_000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rnd.choice(letters) for _ in range(rnd.randint(3, 10))) for _ in range(size)}
    return sorted(words) + URDU


def _statement(rnd: random.Random, vocab: list[str], weights: list[float], words: int) -> str:
    return " ".join(rnd.choices(vocab, weights=weights, k=words))


def _interview(rnd: random.Random, text: str) -> Interview:
    return Interview(
        interviewed_on=date(2025, rnd.randint(1, 12), rnd.randint(1, 28)),
        role=rnd.choice(list(Role)),
        crime_type=rnd.choice(list(CrimeType)),
        force=rnd.choice(FORCES),
        reported_on=YearMonth(2025, rnd.randint(1, 12)),
        statement=text,
        people=[Person(f"Person{rnd.randrange(10**6)} Name", PersonRole.INTERVIEWEE)],
        identifiers=[Identifier(IdentifierKind.PHONE, f"07700 {rnd.randrange(10**6):06d}")],
        consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, rnd.random() < 0.7, date(2025, 6, 1))},
    )


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


LIST_SORTS = ("reference", "interviewed_on", "role", "crime_type", "force", "status", "consent_complaint",
              "people_count")


def _ui_list_ms(v: Vault, flt: ListFilter | None, sort: str = "updated_at") -> float:
    """What the interview list asks for when a filter or a sort changes: the count and the first page."""
    t = time.perf_counter()
    v.interviews.count(flt)
    v.interviews.list_summaries(flt, limit=200, sort=sort, descending=True)
    return round((time.perf_counter() - t) * 1000, 2)


def _list_queries(v: Vault, rnd: random.Random, vocab: list[str], weights: list[float]) -> dict:
    """The list's filters and sorts (the first time each is asked for, then the median of three more),
    and the search box's query with the last word taken as the start of a word."""
    out: dict = {}

    def timed(flt: ListFilter | None, sort: str = "updated_at") -> dict | None:
        try:
            first = _ui_list_ms(v, flt, sort)
        except (ValueError, TypeError):  # a sort or an option this version of the vault does not have
            return None
        again = sorted(_ui_list_ms(v, flt, sort) for _ in range(3))[1]
        return {"first": first, "again": again}

    out["list_filter_ms"] = {
        "force": timed(ListFilter(force="kent")),
        "crime_type": timed(ListFilter(crime_type=CrimeType.HATE_CRIME)),
        "consent": timed(ListFilter(consent_complaint=False)),
        "force_and_consent": timed(ListFilter(force="west-yorkshire", consent_complaint=True)),
    }
    out["list_sort_ms"] = {sort: timed(None, sort) for sort in LIST_SORTS}
    out["list_force_sorted_by_status_ms"] = timed(ListFilter(force="metropolitan"), "status")
    by_length: dict[str, list[float]] = {}
    for i in range(80):
        # 2 to 5 letters typed so far, of a common word (by frequency) or of any word, for each length.
        word = rnd.choices(vocab, weights=weights)[0] if (i // 4) % 2 else rnd.choice(vocab)
        typed = word[: 2 + i % 4]
        try:
            ms = _ui_list_ms(v, ListFilter(text=typed, last_word_prefix=True))
        except TypeError:
            break
        by_length.setdefault(f"{len(typed)}_letters", []).append(ms)
    out["search_box_prefix_ms"] = {
        k: {"p50": round(_pct(x, 50), 2), "p95": round(_pct(x, 95), 2), "max": round(max(x), 2)}
        for k, x in sorted(by_length.items())
    } or None
    return out


def run(count: int, words: int, queries: int, single_adds: int = 200, seed: int = 1) -> dict:
    rnd = random.Random(seed)
    vocab = _vocabulary(rnd)
    weights = [1 / (i + 1) for i in range(len(vocab))]  # Zipf-like: a few common words, many rare ones
    rnd.shuffle(weights)
    root = Path(tempfile.mkdtemp(prefix="wb-bench-"))
    d = root / "vault"
    out: dict = {"count": count, "words_per_interview": words, "cpu_count": os.cpu_count()}
    try:
        t = time.perf_counter()
        kdf = calibrate_kdf()
        out["kdf_calibration_s"] = round(time.perf_counter() - t, 3)
        out["kdf_params"] = kdf.to_dict()
        v = Vault.create(d, "bench passphrase", kdf=kdf)

        # One transaction per interview (how the form saves).
        single = min(single_adds, count)
        times = []
        for _ in range(single):
            iv = _interview(rnd, _statement(rnd, vocab, weights, words))
            t = time.perf_counter()
            v.interviews.add(iv)
            times.append(time.perf_counter() - t)
        out["add_one_ms"] = {"p50": round(_pct(times, 50) * 1000, 2), "p95": round(_pct(times, 95) * 1000, 2)}

        # The rest in batches of 500 (how an import saves).
        t = time.perf_counter()
        remaining = count - single
        while remaining > 0:
            n = min(500, remaining)
            v.interviews.add_many([_interview(rnd, _statement(rnd, vocab, weights, words)) for _ in range(n)])
            remaining -= n
        bulk = time.perf_counter() - t
        out["add_batched_per_interview_ms"] = round(bulk / max(1, count - single) * 1000, 3)
        out["add_total_s"] = round(bulk + sum(times), 1)

        # Search: 1-3 words, half drawn by frequency (common words), half uniformly (mostly rare),
        # a fifth of them cut short (a word not in any statement). Then prefixes asked for with '*'.
        def timed(q: str) -> float:
            t = time.perf_counter()
            v.interviews.search(q, limit=200)
            return time.perf_counter() - t

        searches, prefixed = [], []
        for i in range(queries):
            k = rnd.randint(1, 3)
            q = " ".join(rnd.choices(vocab, weights=weights, k=k)) if i % 2 else " ".join(rnd.sample(vocab, k))
            if i % 5 == 0:
                q = q[: max(2, len(q) - 2)]
            searches.append(timed(q))
        for i in range(max(20, queries // 5)):
            word = rnd.choices(vocab, weights=weights)[0] if i % 2 else rnd.choice(vocab)
            prefixed.append(timed(word[: max(3, len(word) - 2)] + "*"))
        for name, values in (("search_ms", searches), ("search_prefix_ms", prefixed)):
            out[name] = {
                "p50": round(_pct(values, 50) * 1000, 2),
                "p95": round(_pct(values, 95) * 1000, 2),
                "max": round(max(values) * 1000, 2),
                "queries": len(values),
            }
        t = time.perf_counter()
        v.interviews.list_summaries(limit=200)
        out["list_first_page_ms"] = round((time.perf_counter() - t) * 1000, 2)
        t = time.perf_counter()
        v.interviews.count(ListFilter(force="kent", consent_complaint=True))
        out["count_filtered_ms"] = round((time.perf_counter() - t) * 1000, 2)
        out.update(_list_queries(v, rnd, vocab, weights))

        v.backup_now()
        victim = v.interviews.ids()[len(v.interviews.ids()) // 2]
        t = time.perf_counter()
        v.interviews.delete(victim)
        out["delete_one_with_backup_refresh_s"] = round(time.perf_counter() - t, 2)

        t = time.perf_counter()
        v.lock()
        out["lock_ms"] = round((time.perf_counter() - t) * 1000, 1)

        db_size = (d / "vault.db").stat().st_size
        out["vault_db_mb"] = round(db_size / 1e6, 1)
        out["bytes_per_interview"] = db_size // max(1, count - 1)
        out["statement_bytes_avg"] = len(_statement(rnd, vocab, weights, words).encode())

        # Unlock, split: the key derivation, then everything else (open, page checks, audit entry).
        slot = KeySlot.from_bytes((d / "keyslot.json").read_bytes())
        t = time.perf_counter()
        slot.open("bench passphrase")
        kdf_s = time.perf_counter() - t
        t = time.perf_counter()
        v = Vault.unlock(d, "bench passphrase")
        total = time.perf_counter() - t
        v.lock()
        out["unlock_s"] = {"kdf": round(kdf_s, 3), "open": round(total - kdf_s, 3), "total": round(total, 3)}
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return out


# --- opening at 1k, 10k, 100k interviews --------------------------------------------------------

OPEN_PASSPHRASE = "bench passphrase"
# Times one unlock in a fresh process, split into the key derivation and the rest; run with the
# tree to measure first on PYTHONPATH, so two versions of Witnessbox are timed on one vault.
_OPEN_ONE = """
import json, sys, time
from pathlib import Path
from desktop.vault import Vault
from desktop.vault.keyslot import KeySlot
d = Path(sys.argv[1])
slot = KeySlot.from_bytes((d / "keyslot.json").read_bytes())
t = time.perf_counter(); slot.open(sys.argv[2]); kdf = time.perf_counter() - t
t = time.perf_counter(); v = Vault.unlock(d, sys.argv[2]); total = time.perf_counter() - t
t = time.perf_counter()
check = getattr(v, "check", None)
if check is not None:
    check()
checked = time.perf_counter() - t if check is not None else None
v.lock()
print(json.dumps({"kdf": kdf, "open": total - kdf, "check": checked}))
"""


def build_vault(directory: Path, count: int, words: int, seed: int = 1) -> Path:
    """A vault of ``count`` interviews in ``directory`` (kept and reused if it is already there)."""
    from desktop.vault import KdfParams

    if Vault.exists(directory):
        return directory
    rnd = random.Random(seed)
    vocab = _vocabulary(rnd)
    weights = [1 / (i + 1) for i in range(len(vocab))]
    rnd.shuffle(weights)
    cum_weights = list(itertools.accumulate(weights))  # what choices(weights=) sums on every call
    partial = directory.with_name(directory.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    # The key derivation is timed apart; a cheap one keeps building and the runs short.
    v = Vault.create(partial, OPEN_PASSPHRASE, kdf=KdfParams(time_cost=1, memory_cost_kib=8 * 1024, lanes=1))
    try:
        # All of them in one transaction, as one import: add_many merges the search index once at
        # the end. Batches of 1,000 merged it after each batch, over an index that kept growing,
        # and the 100k vault never finished (79k after 50 minutes).
        v.interviews.add_many(
            _interview(rnd, " ".join(rnd.choices(vocab, cum_weights=cum_weights, k=words))) for _ in range(count))
    finally:
        v.lock()
    partial.rename(directory)
    return directory


def open_times(trees: list[Path], sizes: list[int], root: Path, words: int, rounds: int) -> dict:
    """Opening after the key derivation for each tree (A B A B ..., medians), at each size."""
    import statistics
    import subprocess

    out: dict = {"words_per_interview": words, "rounds": rounds, "trees": [str(t) for t in trees], "sizes": {}}
    for size in sizes:
        d = build_vault(root / f"vault-{size}-{words}w", size, words)
        runs: dict[str, list[dict]] = {str(t): [] for t in trees}
        for _ in range(rounds):
            for tree in trees:
                env = dict(os.environ, PYTHONPATH=str(tree), PYTHONDONTWRITEBYTECODE="1")
                done = subprocess.run([sys.executable, "-c", _OPEN_ONE, str(d), OPEN_PASSPHRASE], env=env,
                                      capture_output=True, text=True, check=True, cwd=str(tree))
                runs[str(tree)].append(json.loads(done.stdout.strip().splitlines()[-1]))
        row: dict = {"vault_db_mb": round((d / "vault.db").stat().st_size / 1e6, 1)}
        for tree, values in runs.items():
            checks = [r["check"] for r in values if r["check"] is not None]
            row[tree] = {
                "open_after_kdf_s": round(statistics.median(r["open"] for r in values), 3),
                "kdf_s": round(statistics.median(r["kdf"] for r in values), 3),
                "background_check_s": round(statistics.median(checks), 3) if checks else None,
            }
        out["sizes"][str(size)] = row
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=10_000)
    p.add_argument("--words", type=int, default=1500)
    p.add_argument("--queries", type=int, default=300)
    p.add_argument("--open-sizes", metavar="N,N,...",
                   help="only time opening after the key derivation at these sizes (e.g. 1000,10000,100000)")
    p.add_argument("--tree", action="append", type=Path,
                   help="with --open-sizes: a Witnessbox source tree to time (give two to compare, A B A B)")
    p.add_argument("--reuse", type=Path, default=Path(tempfile.gettempdir()) / "wb-bench-vaults",
                   help="with --open-sizes: where the vaults are built once and kept")
    p.add_argument("--rounds", type=int, default=5)
    args = p.parse_args(argv)
    if args.open_sizes:
        args.reuse.mkdir(parents=True, exist_ok=True)
        trees = args.tree or [Path(__file__).resolve().parents[2]]
        sizes = [int(x) for x in args.open_sizes.split(",")]
        json.dump(open_times(trees, sizes, args.reuse, args.words, args.rounds), sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    json.dump(run(args.count, args.words, args.queries), sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


def test_bench_vault():
    """Under pytest: a smaller run by default (BENCH_VAULT_COUNT, BENCH_VAULT_WORDS)."""
    count = int(os.environ.get("BENCH_VAULT_COUNT", "1000"))
    result = run(count, int(os.environ.get("BENCH_VAULT_WORDS", "1500")), 200)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    sys.exit(main())
