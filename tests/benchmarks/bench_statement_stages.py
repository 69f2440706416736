"""CPU per stage of one warm statement exported from the review, in this process; prints JSON.

    PYTHONPATH=TREE python -m tests.benchmarks.bench_statement_stages [RUNS]

Run it from outside the trees, once per tree, alternating (A B A B ...), and compare the medians
pair by pair: CPU time (``time.process_time``, this process's threads; pdftotext's own process is
left out) moves much less with the machine's load than wall-clock time. Stages, each the median of
RUNS exports of the benchmark's five-page statement with the review's suggestions reused:

* ``redact``: ``statement_content`` (redaction, the content, the protected strings);
* ``check_text``: the gate's check of the text before drawing, on its own (its own needles);
* ``draw``: ``draw_statement``; ``gate``: ``leak_gate.check`` on its PDF;
* ``render_checked``: what the export does between redaction and writing (check the text, draw, gate);
* ``service``: ``export_statement`` after a review, in a vault (read, redact, draw, gate, write,
  the audit entry and the fingerprint).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path


def measure(runs: int = 15) -> dict:
    from desktop.redaction import detect, known_from_interview
    from desktop.reports import leak_gate
    from desktop.reports.export import render_checked
    from desktop.reports.statement import draw_statement, free_text_literals
    from desktop.services import statements
    from desktop.services.statements import statement_content, statement_text
    from tests.benchmarks.bench_statements import five_page_interview
    from tests.factories import new_vault

    iv = five_page_interview()
    statement_content(iv)  # warm: fonts loaded, word lists read
    reviewed = tuple(detect(statement_text(iv), known_from_interview(iv)))

    def from_review(text, known):
        return list(reviewed)

    clock = time.process_time
    stages: dict[str, list[float]] = {k: [] for k in ("redact", "check_text", "draw", "gate", "render_checked")}
    for _ in range(runs):
        a = clock()
        content, forbidden = statement_content(iv, detector=from_review)
        b = clock()
        free, phrases = free_text_literals(content)
        leak_gate.check_text(free, forbidden, where="the statement's text before it was drawn", literals=phrases)
        c = clock()
        drawn = draw_statement(content)
        d = clock()
        leak_gate.check(drawn.data, forbidden, expected_text=content.all_text(), literals=drawn.literals)
        e = clock()
        render_checked(content, forbidden)
        f = clock()
        for key, spent in zip(stages, (b - a, c - b, d - c, e - d, f - e), strict=True):
            stages[key].append(spent * 1000)
    out = {f"{k}_ms": round(statistics.median(v), 2) for k, v in stages.items()}

    with tempfile.TemporaryDirectory(prefix="wb-stages-") as tmp:
        vault = new_vault(Path(tmp) / "vault")
        stored = five_page_interview()
        vault.interviews.add(stored)
        statements.review(vault, stored.id)
        service = []
        for n in range(runs):
            a = clock()
            statements.export_statement(vault, stored.id, Path(tmp) / f"s{n}.pdf")
            service.append((clock() - a) * 1000)
        vault.lock()
    out["service_ms"] = round(statistics.median(service), 2)
    out["runs"] = runs
    return out


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 15)))
