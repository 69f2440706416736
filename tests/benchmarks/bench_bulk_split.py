"""Where a bulk export's CPU and wall-clock time go, the exporting process and the workers apart;
prints JSON, asserts nothing.

    python -m tests.benchmarks.bench_bulk_split [--count 200]

A vault of ``--count`` five-page statements (the tests' cheapest key derivation) is exported as the
app exports it (:func:`desktop.services.statements.export_statements`, workers from a cold fork
server), with each part timed where it runs:

* in each worker, per statement: detection and redaction (``statement_content``; ``detect``, the
  engine's detection, apart), the check before drawing (the gate's needles, made once for the text
  and the PDF, and the text's check), drawing, the leak gate, the gate's pdftotext child (its CPU,
  read as the worker's ended children), and the worker's CPU outside its jobs (receiving them,
  sending results back);
* the fork server's own CPU (its warm-up), read by the workers from ``/proc``;
* in the exporting process: reading each record, its decisions and fingerprint key, the atomic
  write (with its fsyncs), the audit entry, and the time spent waiting for the next result;
* the wall-clock time to the first result (the start-up) and how long each worker was busy.

The timing wrappers are this benchmark's own; the export itself is unchanged.

    python -m tests.benchmarks.bench_bulk_split --count 200 --command TREE_A --command TREE_B [--pairs 3]

times instead the whole command a coordinator types, ``witnessbox export-statements --all``, in
each source tree given, A B then B A, each a process of its own from spawn to exit: its wall-clock
and CPU time (its workers and fork server included), and a timeline read from outside: when the
first and the last statement file were made (their change times) and how long the process took to
end after the last. One vault made by the first tree serves all (the tests' cheapest key derivation).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

PASS = "bulk split benchmark passphrase"


def _timed(parts: dict, name: str, fn):
    def inner(*args, **kwargs):
        c, w = time.process_time(), time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            parts[name + "_cpu"] = parts.get(name + "_cpu", 0.0) + time.process_time() - c
            parts[name + "_wall"] = parts.get(name + "_wall", 0.0) + time.perf_counter() - w

    return inner


def timed_made(job):
    """In a worker: the export's own job, its parts timed."""
    from desktop.redaction import detect
    from desktop.reports import export, leak_gate
    from desktop.services import statements

    parts: dict = {}
    saved = statements.statement_content, leak_gate.check, statements.render_checked
    saved_before = leak_gate.needle_index, leak_gate.check_text
    detector = _timed(parts, "detect", detect)  # detection alone, inside detect_redact
    timed_content = _timed(parts, "detect_redact", saved[0])
    statements.statement_content = lambda *args, **kwargs: timed_content(*args, detector=detector, **kwargs)
    leak_gate.check = _timed(parts, "gate", saved[1])
    # the check before drawing: the gate's needles (made once for it and the PDF) and the text's check
    leak_gate.needle_index = _timed(parts, "before_drawing", saved_before[0])
    leak_gate.check_text = _timed(parts, "before_drawing", saved_before[1])
    draw = _timed(parts, "draw", export.draw_statement)
    statements.render_checked = lambda content, items: saved[2](content, items, render=draw)
    c, w = time.process_time(), time.perf_counter()
    parts["t_start"] = w  # (CLOCK_MONOTONIC: one clock for every process of the machine)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        out = statements._made(job)
    finally:
        statements.statement_content, leak_gate.check, statements.render_checked = saved
        leak_gate.needle_index, leak_gate.check_text = saved_before
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    parts.update(
        job_cpu=time.process_time() - c,
        job_wall=time.perf_counter() - w,
        t_end=time.perf_counter(),
        pdftotext_cpu=after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
        pid=os.getpid(),
        cpu_so_far=time.process_time(),
    )
    try:
        stat = Path(f"/proc/{os.getppid()}/stat").read_text().rsplit(")", 1)[1].split()
        parts["forkserver_cpu"] = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        parts["forkserver_cpu"] = 0.0
    return out, parts


def measure(count: int) -> dict:
    from desktop.services import fingerprints, pool, statements
    from desktop.vault import Vault
    from tests.benchmarks.bench_statements import five_page_interview
    from tests.factories import FAST_KDF

    tmp = Path(tempfile.mkdtemp(prefix="wb-bulk-split-"))
    v = Vault.create(tmp / "vault", PASS, kdf=FAST_KDF)
    v.interviews.add_many([five_page_interview(reference=f"WB-SPLIT-{i:04d}") for i in range(count)])
    v.lock()
    pool.stop()
    v = Vault.unlock(tmp / "vault", PASS)
    ids = v.interviews.ids()
    (tmp / "out").mkdir()

    here: dict = {}
    for owner, name, key in (
        (statements, "atomic_write", "atomic_write"),
        (fingerprints, "current_key", "fingerprint_keys"),
        (v.interviews, "get", "read_record"),
        (v.redaction, "load_decisions", "read_decisions"),
        (v.audit, "append", "audit_entry"),
    ):
        setattr(owner, name, _timed(here, key, getattr(owner, name)))
    jobs_parts: list[dict] = []
    ordered, start = pool.ordered, [0.0]

    marks: dict = {}  # the timeline: moments of the exporting process, seconds from the export's start

    def read_timed(fn):
        def inner(*args, **kwargs):
            marks.setdefault("first_record_read", time.perf_counter())
            return fn(*args, **kwargs)

        return inner

    v.interviews.get = read_timed(v.interviews.get)

    def instrumented(_fn, jobs, **kwargs):
        made = ordered(timed_made, jobs, **kwargs)
        while True:
            c, w = time.process_time(), time.perf_counter()
            try:
                out, parts = next(made)
            except StopIteration:
                return
            parts["t_got"] = time.perf_counter()
            here["waiting_cpu"] = here.get("waiting_cpu", 0.0) + time.process_time() - c
            here["waiting_wall"] = here.get("waiting_wall", 0.0) + time.perf_counter() - w
            here.setdefault("first_result_after_s", time.perf_counter() - start[0])
            jobs_parts.append(parts)
            try:
                yield out
            except GeneratorExit:
                marks["closing"] = time.perf_counter()
                made.close()  # the pool's end: its workers joined
                marks["closed"] = time.perf_counter()
                raise

    pool.ordered = instrumented
    try:
        start[0], c0 = time.perf_counter(), time.process_time()
        result = statements.export_statements(v, ids, tmp / "out", overwrite=True)
        wall, own_cpu = time.perf_counter() - start[0], time.process_time() - c0
        marks["export_returned"] = time.perf_counter()
    finally:
        pool.ordered = ordered
        v.lock()  # stops the fork server: its CPU and its workers' are then this process's children's
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    in_workers = [p for p in jobs_parts if p["pid"] != os.getpid()]
    out: dict = {
        "statements": count,
        "written": len(result.written),
        "load_average": os.getloadavg(),
        "wall_s": round(wall, 2),
        "exporting_process_cpu_s": round(own_cpu, 2),
        "children_cpu_s": round(children.ru_utime + children.ru_stime, 2),
        "made_in_the_exporting_process": len(jobs_parts) - len(in_workers),
        "exporting_process": {k: round(x, 3) for k, x in sorted(here.items())},
    }
    if in_workers:
        keys = [k for k in in_workers[0] if k.endswith(("_cpu", "_wall")) and k != "forkserver_cpu"]
        out["workers_total"] = {k: round(sum(p.get(k, 0.0) for p in in_workers), 2) for k in keys}
        out["workers_median_per_statement"] = {
            k: round(statistics.median(p.get(k, 0.0) for p in in_workers), 4) for k in keys
        }
        out["fork_server_cpu_s"] = max(p["forkserver_cpu"] for p in in_workers)
        per = {}
        for pid in sorted({p["pid"] for p in in_workers}):
            mine = [p for p in in_workers if p["pid"] == pid]
            per[str(pid)] = {
                "statements": len(mine),
                "busy_wall_s": round(sum(p["job_wall"] for p in mine), 2),
                "cpu_outside_jobs_s": round(mine[-1]["cpu_so_far"] - sum(p["job_cpu"] for p in mine), 3),
            }
        out["each_worker"] = per
        out["timeline_s"] = timeline(start[0], marks, in_workers)
    shutil.rmtree(tmp, ignore_errors=True)  # the vault and the statements: each run made 200 and left them
    return out


def timeline(t0: float, marks: dict, parts: list[dict]) -> dict:
    """When each thing happened, seconds from the export's start: the first record read, each worker's
    first and last job, the results taken, the pool's end; and where a core had nothing to do."""
    at = {k: round(t - t0, 3) for k, t in sorted(marks.items(), key=lambda kv: kv[1])}
    at["first_result_taken"] = round(parts[0]["t_got"] - t0, 3)
    at["last_result_taken"] = round(parts[-1]["t_got"] - t0, 3)
    for pid in sorted({p["pid"] for p in parts}):
        mine = sorted((p for p in parts if p["pid"] == pid), key=lambda p: p["t_start"])
        gaps = [b["t_start"] - a["t_end"] for a, b in itertools.pairwise(mine)]
        at[f"worker_{pid}"] = {
            "first_job_start": round(mine[0]["t_start"] - t0, 3),
            "last_job_end": round(mine[-1]["t_end"] - t0, 3),
            "waiting_between_jobs_s": round(sum(gaps), 3),
            "longest_wait_s": round(max(gaps, default=0.0), 3),
        }
    return at


def commands(count: int, trees: list[Path], pairs: int) -> dict:
    """``witnessbox export-statements`` in each tree, whole processes, interleaved (see the module's notes)."""
    import subprocess

    from tests.benchmarks.bench_anchor import _env

    tmp = Path(tempfile.mkdtemp(prefix="wb-bulk-command-"))
    (tmp / "pass").write_text(PASS + "\n")
    setup = (
        "import sys\nfrom pathlib import Path\nfrom desktop.vault import Vault\n"
        "from tests.benchmarks.bench_statements import five_page_interview\nfrom tests.factories import FAST_KDF\n"
        "v = Vault.create(Path(sys.argv[1]), sys.argv[2], kdf=FAST_KDF)\n"
        "v.interviews.add_many([five_page_interview(reference=f'WB-SPLIT-{i:04d}') for i in range(int(sys.argv[3]))])\n"
        "v.lock()\n"
    )
    subprocess.run(
        [sys.executable, "-c", setup, str(tmp / "vault"), PASS, str(count)],
        env=_env(trees[0]),
        cwd=str(trees[0]),
        check=True,
        timeout=3600,
    )
    runs: dict[str, list[dict]] = {str(t): [] for t in trees}
    for k in range(pairs * len(trees)):
        tree = trees[k % len(trees)] if (k // len(trees)) % 2 == 0 else trees[::-1][k % len(trees)]
        out = tmp / "out"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0, w0 = time.time(), time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "export-statements",
                "--all",
                "--out",
                str(out),
                "--vault",
                str(tmp / "vault"),
                "--passphrase-file",
                str(tmp / "pass"),
                "--json",
            ],
            env=_env(tree),
            cwd=str(tree),
            check=True,
            capture_output=True,
            timeout=3600,
        )
        wall, t1 = time.perf_counter() - w0, time.time()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        made = sorted(p.stat().st_ctime for p in out.glob("*.pdf"))
        runs[str(tree)].append(
            {
                "wall_s": round(wall, 3),
                "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
                "written": len(made),
                "first_file_s": round(made[0] - t0, 3),
                "last_file_s": round(made[-1] - t0, 3),
                "exit_after_last_file_s": round(t1 - made[-1], 3),
                "load_average": round(load, 2),
            }
        )
    shutil.rmtree(tmp, ignore_errors=True)
    out_: dict = {"statements": count, "runs_in_order_of_each_tree": runs}
    for tree in trees:
        mine = runs[str(tree)]
        out_[str(tree)] = {
            k: round(statistics.median(r[k] for r in mine), 3)
            for k in ("wall_s", "cpu_s", "first_file_s", "last_file_s", "exit_after_last_file_s")
        }
    if len(trees) == 2:
        a, b = runs[str(trees[0])], runs[str(trees[1])]
        out_["wall_b_over_a_each_pair"] = [round(y["wall_s"] / x["wall_s"], 3) for x, y in zip(a, b, strict=True)]
    return out_


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=200)
    p.add_argument("--command", action="append", type=Path, help="time the command in this source tree (repeat)")
    p.add_argument("--pairs", type=int, default=2, help="with --command: rounds of each tree, A B then B A")
    args = p.parse_args(argv)
    if args.command:
        json.dump(commands(args.count, [t.resolve() for t in args.command], args.pairs), sys.stdout, indent=1)
    else:
        json.dump(measure(args.count), sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
