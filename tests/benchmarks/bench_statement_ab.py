"""Two trees' CPU for one warm statement, call by call in two running processes; prints JSON.

    python tests/benchmarks/bench_statement_ab.py TREE_A TREE_B [PAIRS] [draw|render|gate]

Run it from outside the trees. Each tree gets its own process (``PYTHONPATH=TREE``), warmed on the
benchmark's five-page statement with the review's suggestions reused; then the two are asked in
turn (A B, B A, A B ...) for one ``draw_statement`` (``draw``), one ``render_checked`` (``render``:
check the text, draw, gate) or one ``leak_gate.check`` of the drawn PDF as the export makes it
(``gate``: with the needles made once, pdftotext in its own process), and each answers with the
CPU time (``time.process_time``) it spent.
Both processes live through the same moments of the machine's load, so the median of the pairs'
ratios (B / A) holds still where runs minutes apart do not.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _serve() -> None:
    from desktop.redaction import detect, known_from_interview
    from desktop.reports import leak_gate
    from desktop.reports.export import render_checked
    from desktop.reports.statement import draw_statement
    from desktop.services.statements import statement_content, statement_text
    from tests.benchmarks.bench_statements import five_page_interview

    iv = five_page_interview()
    reviewed = tuple(detect(statement_text(iv), known_from_interview(iv)))
    content, forbidden = statement_content(iv, detector=lambda text, known: list(reviewed))
    for _ in range(3):
        render_checked(content, forbidden)
    items = list(forbidden)
    index = leak_gate.needle_index(items)
    drawn = draw_statement(content)
    print("ready", flush=True)
    for line in sys.stdin:
        start = time.process_time()
        if line.strip() == "draw":
            draw_statement(content)
        elif line.strip() == "gate":
            leak_gate.check(drawn.data, items, expected_text=content.all_text(), literals=drawn.literals, index=index)
        else:
            render_checked(content, forbidden)
        print(f"{(time.process_time() - start) * 1000:.4f}", flush=True)


def compare(tree_a: str, tree_b: str, pairs: int = 40, what: str = "draw") -> dict:
    def start(tree: str) -> subprocess.Popen:
        env = dict(os.environ, PYTHONPATH=str(Path(tree).resolve()), PYTHONDONTWRITEBYTECODE="1")
        p = subprocess.Popen([sys.executable, __file__, "--serve"], env=env, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        if p.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the benchmark process for {tree} did not start")
        return p

    def one(p: subprocess.Popen) -> float:
        p.stdin.write(what + "\n")
        p.stdin.flush()
        return float(p.stdout.readline())

    a, b = start(tree_a), start(tree_b)
    load = os.getloadavg()
    times_a: list[float] = []
    times_b: list[float] = []
    try:
        for n in range(pairs):
            if n % 2:
                tb = one(b)
                ta = one(a)
            else:
                ta = one(a)
                tb = one(b)
            times_a.append(ta)
            times_b.append(tb)
    finally:
        for p in (a, b):
            p.stdin.close()
            p.wait()
    return {"what": what, "pairs": pairs, "a": tree_a, "b": tree_b,
            "a_cpu_ms": round(statistics.median(times_a), 2), "b_cpu_ms": round(statistics.median(times_b), 2),
            "b_over_a": round(statistics.median(tb / ta for ta, tb in zip(times_a, times_b, strict=True)), 3),
            "load_average_at_start": load, "load_average_at_end": os.getloadavg()}


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        _serve()
    else:
        args = sys.argv[1:]
        print(json.dumps(compare(args[0], args[1], int(args[2]) if len(args) > 2 else 40,
                                 args[3] if len(args) > 3 else "draw")))
