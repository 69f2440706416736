"""`witnessbox redact` in two checkouts, timed in turn on the same input (on demand; prints JSON).

On a shared machine one timing says little: this runs checkout A, then B, then A again..., each in
its own process on the same JSON Lines (start-up and one warm-up line not counted), and gives the
median CPU MB/s of each and their ratio, with the load average.

    # inputs: the corpus (development, held-out and generalisation statements, each with its own
    # recorded names and identifiers, to 1 MB) and 120 one-page statements with 2, 10, 50 people each
    python tests/benchmarks/bench_redact_ab.py make /tmp/redact-ab
    # A = a checkout of main (git worktree add /tmp/main-ab main), B = this one
    python tests/benchmarks/bench_redact_ab.py compare /tmp/main-ab . /tmp/redact-ab/corpus.jsonl 5
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


def once(path: str) -> dict:
    """In this process (the checkout on sys.path): CPU MB/s of `witnessbox redact` on ``path``."""
    import io

    from desktop.cli import Context, run
    from desktop.paths import AppPaths

    def redact(data: str) -> None:
        ctx = Context(paths=AppPaths.default(), stdin=io.StringIO(data), stdout=io.StringIO(), stderr=io.StringIO())
        assert run(["redact"], ctx) == 0

    data = Path(path).read_text(encoding="utf-8")
    mb = sum(len(json.loads(x)["text"].encode()) for x in data.splitlines() if x.strip()) / 1e6
    redact(json.dumps({"id": 0, "text": "Warm up: Amina rang 07700 900123.", "known_names": ["Ann Bee"]}) + "\n")
    c0 = time.process_time()
    redact(data)
    return {"megabytes": round(mb, 3), "mb_per_second_cpu": mb / (time.process_time() - c0)}


def compare(a: str, b: str, path: str, pairs: int = 5) -> dict:
    load = [round(x, 2) for x in os.getloadavg()]
    got: dict[str, list[float]] = {"a": [], "b": []}
    for _ in range(pairs):
        for name, checkout in (("a", a), ("b", b)):
            env = dict(os.environ, PYTHONPATH=str(Path(checkout).resolve()))
            done = subprocess.run([sys.executable, __file__, "once", str(Path(path).resolve())], env=env,
                                  capture_output=True, text=True, check=True, cwd="/")  # fmt: skip
            got[name].append(json.loads(done.stdout)["mb_per_second_cpu"])
    ma, mb = statistics.median(got["a"]), statistics.median(got["b"])
    return {"input": path, "a": a, "b": b, "a_cpu_mb_per_second": [round(x, 3) for x in got["a"]],
            "b_cpu_mb_per_second": [round(x, 3) for x in got["b"]], "a_median": round(ma, 3),
            "b_median": round(mb, 3), "b_over_a": round(mb / ma, 2), "load_before": load,
            "load_after": [round(x, 2) for x in os.getloadavg()]}  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1:2] == ["make"]:
        make(sys.argv[2])
    elif sys.argv[1:2] == ["once"]:
        print(json.dumps(once(sys.argv[2])))
    elif sys.argv[1:2] == ["compare"]:
        print(json.dumps(compare(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 5),
                         indent=1))
    else:
        print(__doc__)
