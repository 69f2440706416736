"""Quotations benchmark, run on demand; it prints JSON and asserts nothing.

    python -m tests.benchmarks.bench_quotations [--counts 1000] [--marked 0.1]

A vault of interviews, each with its interviewee's name and a Home Office reference in the statement
(so the vault holds two recorded strings an interview and more), all consented for quotation, a
share of them with one marked passage holding the name and the reference. Timed: reading every
recorded identifier, collecting (redacting each marked statement, cutting and checking each
passage), and drawing and gating the PDF.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from desktop.core.model import Consent, ConsentUse
from desktop.core.quotations import Theme
from desktop.services import quotations
from tests.factories import named_interview, new_vault

STATEMENT = ("When I told {name}'s story the officer asked about my visa. He said {ref} would be checked. "
             "I never called the police again. ") * 4


def run(count: int, marked: float) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="wb-bench-quotes-"))
    try:
        vault = new_vault(folder / "vault")
        interviews = []
        for i in range(count):
            name, ref = f"Zofia Nowak{i}", f"K{1_000_000 + i}"
            iv = named_interview(STATEMENT.format(name=name, ref=ref), name=name, ident=ref)
            iv.consent[ConsentUse.QUOTATION] = Consent(ConsentUse.QUOTATION, True, date(2026, 1, 5), "Sam")
            interviews.append(iv)
        vault.interviews.add_many(interviews)
        for iv in interviews[:int(count * marked)]:
            start = iv.statement.index("When")
            quotations.mark(vault, iv.id, start, iv.statement.index("checked.") + len("checked."),
                            Theme.REPORTING_DETERRED)
        t = time.perf_counter()
        strings = quotations.every_identifier(vault)
        read = time.perf_counter() - t
        t = time.perf_counter()
        collected = quotations.collect(vault)
        collect = time.perf_counter() - t
        t = time.perf_counter()
        data, _gate = quotations.render(collected)
        render = time.perf_counter() - t
        vault.lock()
        return {"interviews": count, "marked": collected.count, "recorded_strings": len(strings),
                "read_identifiers_s": round(read, 2), "collect_s": round(collect, 2), "render_and_gate_s":
                round(render, 2), "pdf_bytes": len(data)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counts", type=int, nargs="+", default=[1000])
    parser.add_argument("--marked", type=float, default=0.1, help="share of interviews with a marked passage")
    args = parser.parse_args()
    for n in args.counts:
        print(json.dumps(run(n, args.marked)))


def test_quotations_benchmark():
    print(json.dumps(run(200, 0.1)))


if __name__ == "__main__":
    main()
