"""Instructions a bulk export's worker executes per statement, counted by valgrind's cachegrind, for
one or more trees; prints JSON, asserts nothing.

    python -m tests.benchmarks.bench_worker_instructions --tree A --tree B [--count 8] [--what job|render]

On a shared machine wall and CPU clocks swing by a tenth between runs; the count of instructions
does not (two runs of one tree agree to within a few tenths of a percent). For each tree a Python
process (``PYTHONPATH=TREE``, a fixed hash seed) runs under cachegrind twice: once making three
statements to warm up, once making ``--count`` more after them; the difference over ``--count`` is
one statement's instructions, imports and warm-up excluded.

* ``job``: the worker's own job as the pooled export runs it (``statements._made``: detection,
  redaction, the check before drawing, drawing, the leak gate) on the benchmark's five-page
  statement, a new reference each time;
* ``pooled``: the same after importing ``desktop.services.pool_warm`` first, as a worker forked
  from the fork server starts (its warm-up done, and what it leaves behind);
* ``render``: ``render_checked`` alone (the check before drawing, drawing, the gate) on three
  statements already redacted, taken in turn.

pdftotext runs in its own process, which cachegrind does not follow: its cost is not counted here
(``bench_bulk_split`` reads its CPU). Needs ``valgrind`` on the PATH; a run takes minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _inner(what: str, count: int) -> None:
    from tests.benchmarks.bench_statements import five_page_interview

    if what in ("job", "pooled"):
        from desktop.services import statements

        if what == "pooled":
            import desktop.services.pool_warm  # noqa: F401 - a worker starts with the fork server's warm-up

        jobs = [
            (five_page_interview(reference=f"WB-INSN-{i:04d}"), None, [], "Witnessbox", False) for i in range(count + 3)
        ]
        for job in jobs:
            if statements._made(job)[0] != "ok":
                raise SystemExit("a statement was refused")
        return
    from desktop.reports.export import render_checked
    from desktop.services.statements import statement_content

    made = [
        statement_content(
            five_page_interview(reference=f"WB-INSN-{i:04d}"), None, history=[], organisation="Witnessbox"
        )
        for i in range(3)
    ]
    for content, forbidden in made:
        render_checked(content, list(forbidden))
    for i in range(count):
        content, forbidden = made[i % 3]
        render_checked(content, list(forbidden))


def _count(tree: str, what: str, count: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(Path(tree).resolve()), PYTHONHASHSEED="0")
    out = Path(tempfile.mkdtemp(prefix="wb-insn-")) / "cachegrind.out"
    # this file by its path, the tree's own desktop and tests packages first on sys.path
    return subprocess.Popen(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--branch-sim=no",
            f"--cachegrind-out-file={out}",
            sys.executable,
            str(Path(__file__).resolve()),
            "--inner",
            what,
            str(count),
        ],
        cwd=tempfile.gettempdir(),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _refs(p: subprocess.Popen) -> int:
    _out, err = p.communicate()
    found = _REFS.findall(err)
    if p.returncode or not found:
        raise RuntimeError(f"cachegrind did not finish (exit {p.returncode})")
    return int(found[-1].replace(",", ""))


def measure(trees: list[str], what: str, count: int) -> dict:
    runs = {tree: (_count(tree, what, 0), _count(tree, what, count)) for tree in trees}
    out: dict = {"what": what, "count": count, "load_average_at_start": os.getloadavg(), "trees": {}}
    for tree, (warm, more) in runs.items():
        base, total = _refs(warm), _refs(more)
        out["trees"][tree] = {"warm_up_instructions": base, "per_statement_instructions": (total - base) // count}
    first = out["trees"][trees[0]]["per_statement_instructions"]
    for tree in trees[1:]:
        out["trees"][tree]["over_first"] = round(out["trees"][tree]["per_statement_instructions"] / first, 4)
    out["load_average_at_end"] = os.getloadavg()
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--inner"]:
        _inner(argv[1], int(argv[2]))
        return 0
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tree", action="append", required=True)
    p.add_argument("--count", type=int, default=8)
    p.add_argument("--what", choices=("job", "pooled", "render"), default="job")
    args = p.parse_args(argv)
    json.dump(measure(args.tree, args.what, args.count), sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
