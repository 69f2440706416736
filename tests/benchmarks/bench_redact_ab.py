"""`witnessbox redact` in two checkouts, timed in turn on the same input (on demand; prints JSON).

On a shared machine one timing says little: this runs checkout A, then B, then A again..., each in
its own process on the same JSON Lines (start-up and one warm-up line not counted), and gives the
median CPU MB/s of each and their ratio, with the load average.

    # inputs: the corpus (development, held-out and generalisation statements, each with its own
    # recorded names and identifiers, to 1 MB) and 120 one-page statements with 2, 10, 50 people each
    python tests/benchmarks/bench_redact_ab.py make /tmp/redact-ab
    # A = a checkout of main (git worktree add /tmp/main-ab main), B = this one
    python tests/benchmarks/bench_redact_ab.py compare /tmp/main-ab . /tmp/redact-ab/corpus.jsonl 5
    # the same on every core (--jobs 2): compare the wall MB/s
    python tests/benchmarks/bench_redact_ab.py compare /tmp/main-ab . /tmp/redact-ab/people2.jsonl 5 2
    # one checkout with --jobs 1 and --jobs (cores) in turn: wall MB/s of the batch, CPU MB/s per core
    python tests/benchmarks/bench_redact_ab.py pool . /tmp/redact-ab/people2.jsonl 5
    # the same output from both checkouts, byte for byte: `witnessbox redact`'s lines (with and without
    # an allow-list) and every field of every span of detect()
    python tests/benchmarks/bench_redact_ab.py same /tmp/main-ab . /tmp/redact-ab/*.jsonl
    # how --jobs 2 hands out the lines, apart from the machine's load: each line a sleep as long as
    # its text takes at 0.1 MB/s, on two threads; the wall time against half of all the sleeps
    python tests/benchmarks/bench_redact_ab.py schedule /tmp/main-ab /tmp/redact-ab/people50.jsonl
    # detect()'s instructions, whatever else the machine runs: one pass over the input less none
    # (the rest of the process is the same), under valgrind; in each checkout
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        python tests/benchmarks/bench_redact_ab.py passes /tmp/redact-ab/people2.jsonl 1   # then 0
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def make(folder: str, corpus_bytes: int = 1_050_000) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.benchmarks.bench_redaction import cli_lines
    from tests.unit.redaction_corpus import generalisation
    from tests.unit.redaction_corpus.corpus import everything, held_out

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)

    def line(st) -> str:  # noqa: ANN001 - a corpus Statement
        return json.dumps({"id": st.id, "text": st.text, "known_names": [n for n, _ in st.known.people],
                           "known_identifiers": [{"kind": k, "value": v} for k, v in st.known.identifiers]},
                          ensure_ascii=False)  # fmt: skip

    lines = [line(st) for st in [*everything(), *held_out()]]
    size = sum(len(json.loads(x)["text"].encode()) for x in lines)
    seed = 0
    while size < corpus_bytes:
        st = generalisation.statement(seed)
        lines.append(line(st))
        size += len(st.text.encode())
        seed += 1
    (out / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    offset = 5000
    for k in (2, 10, 50):
        (out / f"people{k}.jsonl").write_text("\n".join(cli_lines(120, k, offset=offset)) + "\n", encoding="utf-8")
        offset += 120 * k


def workers_cpu() -> float:
    """CPU seconds of the worker processes that ended, on Linux: what the fork server reaped of its
    children (they are its children, not this process's, until the fork server itself ends)."""
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime, cstime


def once(path: str, jobs: int = 1) -> dict:
    """In this process (the checkout on sys.path): `witnessbox redact --jobs JOBS` on ``path``, start-up
    and one warm-up line not counted: CPU MB/s (per core) and wall MB/s. A checkout without ``--jobs``
    (one process only) runs without it."""
    import io

    from desktop.cli import Context, run
    from desktop.paths import AppPaths

    def redact(data: str, args: list[str]) -> int:
        ctx = Context(paths=AppPaths.default(), stdin=io.StringIO(data), stdout=io.StringIO(), stderr=io.StringIO())
        return run(["redact", *args], ctx)

    data = Path(path).read_text(encoding="utf-8")
    mb = sum(len(json.loads(x)["text"].encode()) for x in data.splitlines() if x.strip()) / 1e6
    # more warm-up lines than a batch answered without workers (redact_batch.POOL_AFTER), so the fork
    # server is started and warm before the timed run
    warm = "".join(json.dumps({"id": n, "text": "Warm up: Amina rang 07700 900123.", "known_names": ["Ann Bee"]})
                   + "\n" for n in range(12))  # fmt: skip
    args = ["--jobs", str(jobs)]
    w0 = time.perf_counter()
    if redact(warm, args) == 2:  # no --jobs here
        assert jobs == 1 and redact(warm, []) == 0
        args = []
    start = time.perf_counter() - w0
    k0 = workers_cpu() if jobs > 1 else 0.0
    c0, w0 = time.process_time(), time.perf_counter()
    assert redact(data, args) == 0
    wall = time.perf_counter() - w0
    cpu = time.process_time() - c0 + (workers_cpu() - k0 if jobs > 1 else 0.0)
    return {
        "megabytes": round(mb, 3),
        "mb_per_second_cpu": mb / cpu,
        "mb_per_second_wall": mb / wall,
        "start_up_wall_seconds": start,
    }


def _run_once(checkout: str, path: str, jobs: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(Path(checkout).resolve()))
    done = subprocess.run([sys.executable, __file__, "once", str(Path(path).resolve()), str(jobs)], env=env,
                          capture_output=True, text=True, check=True, cwd="/")  # fmt: skip
    return json.loads(done.stdout)


def pooled(checkout: str, path: str, pairs: int = 5, jobs: int = 0) -> dict:
    """One checkout's `witnessbox redact` with ``--jobs 1`` and ``--jobs JOBS`` (default: one per
    core) in turn, each in its own process: medians of the batch's wall MB/s (first line read to last
    written; the process's and the workers' start-up apart) and of CPU MB/s per core."""
    import importlib

    sys.path.insert(0, str(Path(checkout).resolve()))
    jobs = jobs or importlib.import_module("desktop.services.pool").cores()
    load = [round(x, 2) for x in os.getloadavg()]
    got: dict[int, list[dict]] = {1: [], jobs: []}
    for _ in range(pairs):
        for j in (1, jobs):
            got[j].append(_run_once(checkout, path, j))

    def med(j: int, key: str) -> float:
        return round(statistics.median(r[key] for r in got[j]), 3)

    return {"input": path, "checkout": checkout, "jobs": jobs,
            "wall_mb_per_second": {j: [round(r["mb_per_second_wall"], 3) for r in got[j]] for j in got},
            "cpu_mb_per_second_per_core": {j: [round(r["mb_per_second_cpu"], 3) for r in got[j]] for j in got},
            "start_up_wall_seconds": {j: [round(r["start_up_wall_seconds"], 2) for r in got[j]] for j in got},
            "wall_median": {j: med(j, "mb_per_second_wall") for j in got},
            "cpu_median_per_core": {j: med(j, "mb_per_second_cpu") for j in got},
            "wall_jobs_over_one": round(med(jobs, "mb_per_second_wall") / med(1, "mb_per_second_wall"), 2),
            "load_before": load, "load_after": [round(x, 2) for x in os.getloadavg()]}  # fmt: skip


# An allow-list for the equality check: phrases the statements hold, so its code is run too.
SAME_ALLOW = ("Refuge", "Citizens Advice", "Leeds Crown Court", "Home Office")


def dump(path: str) -> str:
    """In this process (the checkout on sys.path): for ``path``, `witnessbox redact --jobs 1`'s output
    without and with :data:`SAME_ALLOW`, then every field of every span of ``detect()`` on each line
    (with its recorded people and identifiers, and again with the allow-list on every seventh)."""
    import dataclasses
    import io

    from desktop.cli import Context, run
    from desktop.paths import AppPaths
    from desktop.redaction import KnownIdentifiers, detect

    data = Path(path).read_text(encoding="utf-8")
    out = []
    for extra in ([], [a for p in SAME_ALLOW for a in ("--allow", p)]):
        ctx = Context(paths=AppPaths.default(), stdin=io.StringIO(data), stdout=io.StringIO(), stderr=io.StringIO())
        out.append(f"exit {run(['redact', '--jobs', '1', *extra], ctx)}\n{ctx.stdout.getvalue()}")
    for n, line in enumerate(x for x in data.splitlines() if x.strip()):
        item = json.loads(line)
        known = KnownIdentifiers(people=[(p, []) for p in item.get("known_names") or [] if p.strip()],
                                 identifiers=[(i["kind"], i["value"]) for i in item.get("known_identifiers") or []
                                              if i["value"].strip()])  # fmt: skip
        for allow in ((), SAME_ALLOW) if n % 7 == 0 else ((),):
            spans = [dataclasses.astuple(s) for s in detect(item["text"], known, allow=allow)]
            out.append(json.dumps(spans, ensure_ascii=False) + "\n")
    return "".join(out)


def passes(path: str, count: int) -> dict:
    """In this process (the checkout on sys.path): the detector warmed up as `witnessbox redact` warms
    it, then ``count`` passes of ``detect()`` over the lines of ``path``, each with its recorded people
    and identifiers (for counting instructions: the same process with 0 passes does all the rest)."""
    from desktop.redaction import KnownIdentifiers, detect
    from desktop.services import redact_batch

    redact_batch.warm()
    items = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            people = [(p, []) for p in item.get("known_names") or [] if p.strip()]
            ids = [(i["kind"], i["value"]) for i in item.get("known_identifiers") or [] if i["value"].strip()]
            items.append((item["text"], KnownIdentifiers(people=people, identifiers=ids)))
    c0 = time.process_time()
    for _ in range(count):
        for text, known in items:
            detect(text, known)
    return {"input": path, "statements": len(items), "passes": count, "cpu_seconds": time.process_time() - c0}


def same(a: str, b: str, paths: list[str]) -> dict:
    """Is each checkout's :func:`dump` of each input the same, byte for byte?"""
    import hashlib

    results = {}
    for path in paths:
        got = []
        for checkout in (a, b):
            env = dict(os.environ, PYTHONPATH=str(Path(checkout).resolve()))
            done = subprocess.run([sys.executable, __file__, "dump", str(Path(path).resolve())], env=env,
                                  capture_output=True, check=True, cwd="/")  # fmt: skip
            got.append(done.stdout)
        results[path] = {"equal": got[0] == got[1], "lines": got[0].count(b"\n"),
                         "sha256": [hashlib.sha256(g).hexdigest()[:16] for g in got]}  # fmt: skip
    return {"a": a, "b": b, "all_equal": all(r["equal"] for r in results.values()), "inputs": results}


def compare(a: str, b: str, path: str, pairs: int = 5, jobs: int = 1) -> dict:
    """Checkouts A and B in turn, each run in its own process: medians of CPU MB/s (per core), and of
    the batch's wall MB/s (what ``--jobs`` above 1 is for)."""
    load = [round(x, 2) for x in os.getloadavg()]
    got: dict[str, list[dict]] = {"a": [], "b": []}
    for _ in range(pairs):
        for name, checkout in (("a", a), ("b", b)):
            got[name].append(_run_once(checkout, path, jobs))

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in got[name])

    ma, mb = med("a", "mb_per_second_cpu"), med("b", "mb_per_second_cpu")
    wa, wb = med("a", "mb_per_second_wall"), med("b", "mb_per_second_wall")
    return {"input": path, "a": a, "b": b, "jobs": jobs,
            "a_cpu_mb_per_second": [round(r["mb_per_second_cpu"], 3) for r in got["a"]],
            "b_cpu_mb_per_second": [round(r["mb_per_second_cpu"], 3) for r in got["b"]], "a_median": round(ma, 3),
            "b_median": round(mb, 3), "b_over_a": round(mb / ma, 2),
            "a_wall_mb_per_second": [round(r["mb_per_second_wall"], 3) for r in got["a"]],
            "b_wall_mb_per_second": [round(r["mb_per_second_wall"], 3) for r in got["b"]],
            "a_wall_median": round(wa, 3), "b_wall_median": round(wb, 3), "wall_b_over_a": round(wb / wa, 2),
            "load_before": load, "load_after": [round(x, 2) for x in os.getloadavg()]}  # fmt: skip


def schedule(path: str, rate: float = 0.1e6, runs: int = 2) -> dict:
    """In this process (the checkout on sys.path): ``redact_stream`` with 2 workers on ``path``, where
    answering a line is a sleep of its text's length at ``rate`` bytes a second and the workers are
    two threads, so the wall time shows how the lines are handed out, not how fast they are
    redacted or how busy the machine is. 1.0: both workers busy all the time."""
    from concurrent.futures import ThreadPoolExecutor
    from contextlib import contextmanager

    from desktop.services import redact_batch

    def cost(line: str) -> float:
        return len(json.loads(line)["text"].encode()) / rate

    def line_slept(lineno: int, line: str, allow: object = ()) -> str | None:
        if not line.strip():
            return None
        time.sleep(cost(line))
        return f"{lineno}\n"

    def lines_slept(job: tuple) -> tuple[list[str], None]:
        return [x for x in (line_slept(n, line) for n, line in job[1]) if x is not None], None

    @contextmanager
    def threads(workers: int, **_kwargs):  # noqa: ANN202
        with ThreadPoolExecutor(workers) as ex:
            yield ex

    redact_batch.redact_line, redact_batch.redact_lines = line_slept, lines_slept
    data = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    ideal = sum(cost(x) for x in data if x.strip()) / 2
    walls = []
    for _ in range(runs):
        out: list[str] = []
        w0 = time.perf_counter()
        redact_batch.redact_stream(iter(data), out.extend, workers=2, executor=threads)
        walls.append(time.perf_counter() - w0)
        assert out == [f"{n}\n" for n, x in enumerate(data, 1) if x.strip()], "in the input's order"
    return {"input": path, "ideal_seconds": round(ideal, 3), "wall_seconds": [round(w, 3) for w in walls],
            "ideal_over_wall": round(ideal / min(walls), 2)}  # fmt: skip


def _scheduled(checkout: str, path: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(Path(checkout).resolve()))
    done = subprocess.run([sys.executable, __file__, "schedule-here", str(Path(path).resolve())], env=env,
                          capture_output=True, text=True, check=True, cwd="/")  # fmt: skip
    return json.loads(done.stdout)


if __name__ == "__main__":
    if sys.argv[1:2] == ["schedule-here"]:
        print(json.dumps(schedule(sys.argv[2])))
    elif sys.argv[1:2] == ["schedule"]:
        print(json.dumps(_scheduled(sys.argv[2], sys.argv[3]), indent=1))
    elif sys.argv[1:2] == ["make"]:
        make(sys.argv[2])
    elif sys.argv[1:2] == ["once"]:
        print(json.dumps(once(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1)))
    elif sys.argv[1:2] == ["passes"]:
        print(json.dumps(passes(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1)))
    elif sys.argv[1:2] == ["dump"]:
        sys.stdout.buffer.write(dump(sys.argv[2]).encode())
    elif sys.argv[1:2] == ["same"]:
        print(json.dumps(same(sys.argv[2], sys.argv[3], sys.argv[4:]), indent=1))
    elif sys.argv[1:2] == ["pool"]:
        print(
            json.dumps(
                pooled(
                    sys.argv[2],
                    sys.argv[3],
                    int(sys.argv[4]) if len(sys.argv) > 4 else 5,
                    int(sys.argv[5]) if len(sys.argv) > 5 else 0,
                ),
                indent=1,
            )
        )
    elif sys.argv[1:2] == ["compare"]:
        print(
            json.dumps(
                compare(
                    sys.argv[2],
                    sys.argv[3],
                    sys.argv[4],
                    int(sys.argv[5]) if len(sys.argv) > 5 else 5,
                    int(sys.argv[6]) if len(sys.argv) > 6 else 1,
                ),
                indent=1,
            )
        )
    else:
        print(__doc__)
