"""The generalisation set's figures (tests/unit/redaction_corpus/generalisation.py), printed as JSON:
totals only for the report range, which nobody looks at while changing the engine; the tune range
with its misses. Goes into docs/redaction-benchmark.md.

    python tests/benchmarks/bench_generalisation.py            # report range: totals only
    python tests/benchmarks/bench_generalisation.py --tune     # tune range, misses and all
    python tests/benchmarks/bench_generalisation.py --bands    # and totals by confidence (either range)

``--bands``: the totals broken down by the confidence of the spans that did the work
(``confidence_bands.py``; weak is below 0.5), totals only, so it may be used on the report range.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.redaction import detect  # noqa: E402
from tests.benchmarks.confidence_bands import THRESHOLD, Recorder, bands  # noqa: E402
from tests.unit.redaction_corpus.corpus import score  # noqa: E402
from tests.unit.redaction_corpus.generalisation import REPORT, TUNE, statements  # noqa: E402


def run(seeds: range, *, show: bool, by_confidence: bool = False) -> dict:
    sts = statements(seeds)
    rec = Recorder(lambda st: detect(st.text, st.known))
    c0 = time.process_time()
    res = score(sts, rec)
    cpu = time.process_time() - c0
    mb = sum(len(st.text.encode("utf-8")) for st in sts) / 1e6
    out = {
        "seeds": f"{seeds.start}-{seeds.stop - 1}",
        "statements": len(sts),
        "megabytes": round(mb, 3),
        "detect_mb_per_second_cpu": round(mb / cpu, 3),
        "groups": res["groups"],
        "per_type": res["per_type"],
        "facts_damaged": res["facts"],
        "facts_kept": {"kept": res["facts"]["total"] - res["facts"]["damaged"], "total": res["facts"]["total"]},
        "leak_free_documents": res["leak_free_documents"],
    }
    if by_confidence:
        out["by_confidence"] = bands(sts, rec.of, THRESHOLD)
    if show:
        out["misses"] = res["misses"]
        out["damaged"] = res["damaged"]
    return out


def test_bench_generalisation():
    print(json.dumps(run(REPORT, show=False), indent=1, ensure_ascii=False))


if __name__ == "__main__":
    tune = "--tune" in sys.argv
    out = run(TUNE if tune else REPORT, show=tune, by_confidence="--bands" in sys.argv)
    print(json.dumps(out, indent=1, ensure_ascii=False))
