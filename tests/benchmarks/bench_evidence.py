"""Evidence totals benchmarks, run on demand; they print JSON and assert nothing.

    python -m tests.benchmarks.bench_evidence [--counts 1000 10000] [--words 300]
    python -m pytest tests/benchmarks/bench_evidence.py -s        # 1,000 only (BENCH_EVIDENCE_COUNTS to change)

For each vault size: reading what is counted (the narrow read ``evidence_rows`` from the facts
table, against the read before schema 4 that parsed each stored record with json_extract, and
against reading every record whole with ``get``), counting and protecting the release (primary and
secondary suppression, every small cell's certificate), the dashboard's refresh after a change that
moves no figure (``Summaries``: one narrow read, no protection), and one view of a protected
release for a filter, as the dashboard makes when a filter changes. Interviews are spread over every force and
crime and ten years, 80% consented, so most cells of the force x crime x year cube are small.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from desktop.core.forces import FORCES
from desktop.core.model import Answer, Consent, ConsentUse, CrimeType, Interview, Outcome, Role, YearMonth
from desktop.evidence import protect, views
from desktop.services import evidence
from tests.factories import new_vault


def _interview(rnd: random.Random, words: int) -> Interview:
    year = rnd.randint(2015, 2024)
    return Interview(
        interviewed_on=date(2025, 1, 15), role=rnd.choice(list(Role)), crime_type=rnd.choice(list(CrimeType)),
        force=rnd.choice(FORCES).code, reported_on=YearMonth(year, rnd.randint(1, 12)) if rnd.random() < 0.95 else None,
        statement=" ".join(f"word{rnd.randrange(5000)}" for _ in range(words)),
        consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, rnd.random() < 0.8, date(2025, 1, 15))},
        asked_about_status=rnd.choice(list(Answer)), immigration_enforcement_contacted=rnd.choice(list(Answer)),
        outcomes=[o for o in Outcome if rnd.random() < 0.2], fear_delayed_reporting=rnd.choice(list(Answer)),
        status_used_as_threat=rnd.choice(list(Answer)),
    )


def _read_before_facts_table(v) -> list:
    """The narrow read as it was before schema 4: one json_extract over each stored record."""
    return v.connection().execute(
        "SELECT i.role, i.crime_type, i.force, json_extract(i.doc, '$.reported_on', '$.asked_about_status', "
        "'$.immigration_enforcement_contacted', '$.fear_delayed_reporting', '$.status_used_as_threat', "
        "'$.outcomes'), c.given, c.withdrawn_on FROM interviews i LEFT JOIN consents c "
        "ON c.interview_id = i.id AND c.use = 'complaint' ORDER BY i.num").fetchall()


def _ms(t: float) -> float:
    return round((time.perf_counter() - t) * 1000, 1)


def run(count: int, words: int, seed: int = 1) -> dict:
    rnd = random.Random(seed)
    root = Path(tempfile.mkdtemp(prefix="wb-bench-"))
    out: dict = {"count": count, "words_per_interview": words, "cpu_count": os.cpu_count()}
    try:
        v = new_vault(root / "vault")
        for start in range(0, count, 1000):
            v.interviews.add_many([_interview(rnd, words) for _ in range(min(1000, count - start))])
        old_read, new_read = [], []
        for _ in range(3):  # interleaved, so both see the same load on a shared machine
            t = time.perf_counter()
            _read_before_facts_table(v)
            old_read.append(_ms(t))
            t = time.perf_counter()
            rows = v.interviews.evidence_rows()
            new_read.append(_ms(t))
        out["narrow_read_ms"] = sorted(new_read)[1]
        out["read_parsing_records_ms"] = sorted(old_read)[1]
        t = time.perf_counter()
        recs = evidence.records(v)
        out["narrow_read_and_consent_ms"] = _ms(t)
        out["counted"] = len(recs)
        t = time.perf_counter()
        whole = [iv for iv in (v.interviews.get(i) for i in v.interviews.ids()) if iv.has_consent(ConsentUse.COMPLAINT)]
        out["whole_records_read_ms"] = _ms(t)
        assert len(whole) == len(recs) and len(rows) == count
        t = time.perf_counter()
        release = protect.count(recs)
        out["protect_ms"] = _ms(t)
        out["layout"] = list(release.cubes[0])
        statuses: dict[str, int] = {}
        for s in release.status.values():
            statuses[s] = statuses.get(s, 0) + 1
        out["cells"] = statuses
        summaries = evidence.Summaries()
        summaries.summarise(v)
        t = time.perf_counter()
        assert summaries.summarise(v) is summaries.summarise(v)
        out["refresh_unchanged_ms"] = round(_ms(t) / 2, 1)
        t = time.perf_counter()
        views.to_json(views.view(release))
        out["refresh_all_ms"] = _ms(t)
        times = []
        for _ in range(20):
            flt = views.Filter(force=rnd.choice(FORCES).code, crime=rnd.choice(list(CrimeType)).value)
            t = time.perf_counter()
            views.to_json(views.view(release, flt))
            times.append(_ms(t))
        out["refresh_filtered_ms_median"] = sorted(times)[len(times) // 2]
        v.lock()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--words", type=int, default=300)
    a = p.parse_args()
    print(json.dumps([run(c, a.words) for c in a.counts], indent=2))


def test_bench_evidence():
    counts = [int(c) for c in os.environ.get("BENCH_EVIDENCE_COUNTS", "1000").split(",")]
    print(json.dumps([run(c, 300) for c in counts], indent=2))


if __name__ == "__main__":
    main()
