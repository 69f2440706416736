"""Summary PDF and evidence pack benchmarks, run on demand; they print JSON and assert nothing.

    python -m tests.benchmarks.bench_pack summary [--count 10000]     # the summary PDF over N interviews
    python -m tests.benchmarks.bench_pack pack [--count 1000]         # the evidence pack of N statements
    python -m tests.benchmarks.bench_pack make-vault --count 10000 --out DIR   # make a vault once ...
    python -m tests.benchmarks.bench_pack summary --vault DIR/vault   # ... and time a copy of it
    python -m tests.benchmarks.bench_pack report --vault DIR/vault    # what `witnessbox report --out` does, in
                                                                     # this fresh process, on the vault itself
    python -m pytest tests/benchmarks/bench_pack.py -s                 # 1,000 and 200 (small, for CI)

Interviews name their interviewee and record a Home Office reference and an alias, so the leak
gate checks the summary against three identifiers per interview, as it would in a real vault.
The summary is timed in its parts: counting and protecting, reading every identifier, the
statements' fingerprints the first time (each statement redacted as its export would be: cold)
and again (kept in the vault: warm), drawing, and the gate; ``summary_warm_s`` and
``summary_cold_s`` are what the summary PDF of a counted release costs (identifiers, fingerprints,
drawing and gate). The pack is timed whole; its memory is sampled after every statement (resident
set size), so a pack that held its statements in memory would show a rising line instead of a flat one.
The machine's load average is printed with each run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from desktop.core.forces import FORCES
from desktop.core.model import (
    Answer,
    Consent,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Interview,
    Outcome,
    Person,
    PersonRole,
    Role,
    YearMonth,
)
from desktop.reports.summary import SummaryContent, draw_summary, is_summary_literal
from desktop.services import evidence, evidence_pack, transfer_devices
from tests.factories import PASSPHRASE, new_vault

# Plain words only: a made-up token such as "word1419" can look like a reference to the detectors.
_WORDS = ("the officer asked about my papers before he wrote anything down and then he called someone "
          "else while I waited outside in the cold with my daughter who was frightened of the uniform").split()


def _interview(rnd: random.Random, n: int, words: int) -> Interview:
    name = f"Zofia{n} Kwiatkowska{n}"
    body = " ".join(rnd.choice(_WORDS) for _ in range(words))
    return Interview(
        interviewed_on=date(2025, 1, 15), role=rnd.choice(list(Role)), crime_type=rnd.choice(list(CrimeType)),
        force=rnd.choice(FORCES).code, reported_on=YearMonth(rnd.randint(2015, 2024), rnd.randint(1, 12)),
        statement=f"My name is {name}. {body} My reference is K{5000000 + n}.",
        people=[Person(name, PersonRole.INTERVIEWEE, [f"Zosia{n}"])],
        identifiers=[Identifier(IdentifierKind.HOME_OFFICE_REF, f"K{5000000 + n}")],
        consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, rnd.random() < 0.8, date(2025, 1, 15), "AB")},
        asked_about_status=rnd.choice(list(Answer)), immigration_enforcement_contacted=rnd.choice(list(Answer)),
        outcomes=[o for o in Outcome if rnd.random() < 0.2], fear_delayed_reporting=rnd.choice(list(Answer)),
        status_used_as_threat=rnd.choice(list(Answer)),
    )


def _vault(root: Path, count: int, words: int, seed: int = 1):
    rnd = random.Random(seed)
    v = new_vault(root / "vault")
    for start in range(0, count, 1000):
        v.interviews.add_many([_interview(rnd, start + i, words) for i in range(min(1000, count - start))])
    return v


def _s(t: float) -> float:
    return round(time.perf_counter() - t, 2)


def _rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return round(int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def _peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _vault_at(root: Path, count: int, words: int, given: Path | None):
    """A new vault of ``count`` interviews, or a copy of the one made earlier at ``given`` (the copy
    keeps the original unchanged, so every run starts with no fingerprint kept)."""
    if given is None:
        return _vault(root, count, words)
    shutil.copytree(given, root / "vault")
    from desktop.vault import Vault

    return Vault.unlock(root / "vault", PASSPHRASE)


def run_summary(count: int, words: int = 300, vault: Path | None = None) -> dict:
    root = Path(tempfile.mkdtemp(prefix="wb-bench-"))
    out: dict = {"what": "summary", "interviews": count, "cpu_count": os.cpu_count(), "load_before": _load()}
    try:
        v = _vault_at(root, count, words, vault)
        out["interviews"] = len(v.interviews.ids())
        t = time.perf_counter()
        release = evidence.summarise(v)
        view = evidence.summary(release)
        out["count_and_protect_s"] = _s(t)
        t = time.perf_counter()
        protected = evidence.protected_values(v)
        out["read_identifiers_s"], out["protected_strings"] = _s(t), len(protected)
        t = time.perf_counter()
        backing = evidence.backing_statements(v)
        out["statement_fingerprints_cold_s"], out["statements_listed"] = _s(t), len(backing)
        t = time.perf_counter()
        again = evidence.backing_statements(v)
        out["statement_fingerprints_warm_s"] = _s(t)
        assert again == backing
        content = SummaryContent(view, date.today(), tuple(backing))
        t = time.perf_counter()
        drawn = draw_summary(content)
        out["draw_s"], out["pages"], out["bytes"] = _s(t), drawn.data.count(b"/Type /Page\n"), len(drawn.data)
        from desktop.reports import leak_gate

        t = time.perf_counter()
        leak_gate.check(drawn.data, protected, expected_text=drawn.text, literals=drawn.literals,
                        form=is_summary_literal)
        out["gate_s"] = _s(t)
        t = time.perf_counter()
        evidence.summary_pdf(view, evidence.protected_values(v), evidence.backing_statements(v))
        out["summary_warm_s"] = _s(t)
        out["summary_cold_s"] = round(out["summary_warm_s"] - out["statement_fingerprints_warm_s"]
                                      + out["statement_fingerprints_cold_s"], 2)
        out["peak_rss_mib"] = _peak_mib()
        out["load_after"] = _load()
        v.lock()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return out


def run_report(vault: Path) -> dict:
    """One fresh process doing what ``witnessbox report --out F.pdf`` does after the unlock, timed in
    parts, wall and CPU: count and protect, the protected strings, the fingerprints, drawing and the
    gate; then the same PDF again in this process. Runs on ``vault`` itself (a warm vault stays warm)."""
    from desktop.vault import Vault

    out: dict = {"what": "report", "load_before": _load()}
    v = Vault.unlock(vault, PASSPHRASE)
    try:
        start = time.perf_counter(), time.process_time()

        def part(name: str, fn):
            t, c = time.perf_counter(), time.process_time()
            result = fn()
            out[f"{name}_s"], out[f"{name}_cpu_s"] = _s(t), round(time.process_time() - c, 2)
            return result

        view = part("count_and_protect",
                    lambda: evidence.summary(evidence.summarise(v, threshold=evidence.threshold(v))))
        protected = part("protected_strings", lambda: evidence.protected_values(v))
        backing = part("fingerprints", lambda: evidence.backing_statements(v))
        data = part("draw_and_gate", lambda: evidence.summary_pdf(view, protected, backing))
        out["report_s"], out["report_cpu_s"] = _s(start[0]), round(time.process_time() - start[1], 2)
        again = part("again_in_this_process", lambda: evidence.summary_pdf(view, evidence.protected_values(v),
                                                                            evidence.backing_statements(v)))
        out["same_bytes"] = again == data
        out["interviews"], out["protected"], out["listed"] = len(v.interviews.ids()), len(protected), len(backing)
        out["load_after"] = _load()
    finally:
        v.lock()
    return out


def run_pack(count: int, words: int = 300) -> dict:
    root = Path(tempfile.mkdtemp(prefix="wb-bench-"))
    out: dict = {"what": "pack", "interviews": count, "cpu_count": os.cpu_count(), "load_before": _load()}
    try:
        v = _vault(root, count, words)
        transfer_devices.set_role(v, "coordinator")
        samples: list[tuple[int, float]] = []

        def progress(done: int, total: int) -> None:
            if done == 1 or done % max(1, total // 10) == 0 or done == total:
                samples.append((done, _rss_mib()))

        out["rss_before_mib"] = _rss_mib()
        t = time.perf_counter()
        result = evidence_pack.build(v, root / "pack", progress=progress)
        out["pack_s"] = _s(t)
        out["statements"], out["files"], out["refused"] = result.statements, result.files, len(result.refused)
        out["rss_mib_after_statements"] = samples
        out["rss_after_mib"], out["peak_rss_mib"] = _rss_mib(), _peak_mib()
        out["load_after"] = _load()
        out["pack_mib"] = round(sum(p.stat().st_size for p in (root / "pack").rglob("*") if p.is_file()) / 2**20, 1)
        v.lock()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("what", choices=["summary", "pack", "make-vault", "report"])
    p.add_argument("--count", type=int, default=None)
    p.add_argument("--words", type=int, default=300)
    p.add_argument("--vault", type=Path, default=None, help="summary: time a copy of this vault (make-vault)")
    p.add_argument("--out", type=Path, default=None, help="make-vault: the folder to make it in")
    a = p.parse_args()
    if a.what == "make-vault":
        if a.out is None:
            p.error("make-vault needs --out")
        a.out.mkdir(parents=True)
        _vault(a.out, a.count or 10000, a.words).lock()
        print(json.dumps({"vault": str(a.out / "vault"), "interviews": a.count or 10000}))
    elif a.what == "report":
        if a.vault is None:
            p.error("report needs --vault")
        print(json.dumps(run_report(a.vault)))
    elif a.what == "summary":
        print(json.dumps(run_summary(a.count or 10000, a.words, a.vault), indent=2))
    else:
        print(json.dumps(run_pack(a.count or 1000, a.words), indent=2))
    sys.stdout.flush()


def test_bench_pack():
    print(json.dumps([run_summary(1000), run_pack(200)], indent=2))


if __name__ == "__main__":
    main()
