"""People per interview benchmark (on demand; prints JSON): how the redaction of one statement grows
with the number of people recorded on the interview, up to MAX_PEOPLE through the export service
and beyond it through the redaction engine alone, so a return to superlinear growth shows.

    python -m tests.benchmarks.bench_people
    python -m pytest tests/benchmarks/bench_people.py -s
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.model import MAX_PEOPLE  # noqa: E402
from desktop.redaction import KnownIdentifiers, detect  # noqa: E402
from desktop.services.statements import statement_content  # noqa: E402
from tests.factories import crowded_interview  # noqa: E402

STATEMENT = "Zorbanek1 Quillitu1 told the officer what happened, and Quillitu7 was there too. " * 40


def main() -> dict:
    export = []
    for n in (10, 100, MAX_PEOPLE):
        iv = crowded_interview(n, STATEMENT)
        start = time.perf_counter()
        statement_content(iv)
        took = time.perf_counter() - start
        export.append({"people": n, "seconds": round(took, 3), "ms_per_person": round(1000 * took / n, 2)})
    engine = []
    for n in (1000, 5000, 20000):
        known = KnownIdentifiers(people=[(f"Zorbanek{i} Quillitu{i}", []) for i in range(n)])
        start = time.perf_counter()
        detect(STATEMENT, known)
        took = time.perf_counter() - start
        engine.append({"people": n, "seconds": round(took, 3), "ms_per_person": round(1000 * took / n, 2)})
    return {"max_people": MAX_PEOPLE, "statement_content": export, "redaction_engine_only": engine}


def test_people_benchmark():
    print(json.dumps(main(), indent=2))


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
