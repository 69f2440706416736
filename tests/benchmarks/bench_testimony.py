"""Redaction scored on published testimony (news reports and charity case studies about migrant
victims), annotated by the rules of ``tests/unit/redaction_corpus``: personal names to redact,
places, organisations, dates and other facts to keep. The passages and their annotations are not
in the repository (their sentences are not ours to copy); this reads them from a path:

    python tests/benchmarks/bench_testimony.py /path/to/annotated.json          # totals per half
    python tests/benchmarks/bench_testimony.py /path/to/annotated.json --misses # the tune half's misses
    python tests/benchmarks/bench_testimony.py /path/to/annotated.json --bands  # totals by confidence

``--bands [THRESHOLD]`` adds, per half, the totals broken down by the confidence of the spans that
did the work (``confidence_bands.py``: names redacted only with weak spans' help, facts damaged by a
strong span or by weak spans only; weak is below THRESHOLD, 0.5 unless given). Totals only, for
both halves.

``annotated.json``: a list of {"id", "half" ("tune" or "report"), "url", "text", "names": [[start,
end], ...], "keep": [[start, end], ...]} (offsets in code points of "text"). Scored with the
corpus's ``score`` (a name counts only when every letter of it is covered; a fact is damaged when
any span touches it). Only the tune half's misses are ever printed: the report half is held out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.redaction import KnownIdentifiers, detect  # noqa: E402
from tests.benchmarks.confidence_bands import THRESHOLD, Recorder, bands  # noqa: E402
from tests.unit.redaction_corpus.corpus import Gold, Statement, score  # noqa: E402


def statements(entries: list[dict]) -> list[Statement]:
    return [
        Statement(e["id"], e["text"], KnownIdentifiers(), [Gold(s, t, "NAME") for s, t in e["names"]],
                  [(s, t) for s, t in e["keep"]])
        for e in entries
    ]  # fmt: skip


def figures(entries: list[dict], *, misses: bool, threshold: float | None = None) -> dict:
    sts = statements(entries)
    rec = Recorder(lambda st: detect(st.text, st.known))
    res = score(sts, rec)
    names = res["groups"]["names"]
    facts = res["facts"]
    kept = facts["total"] - facts["damaged"]
    out = {
        "passages": len(entries),
        "names_redacted": {"found": names["found"], "total": names["total"],
                           "percent": round(100 * names["found"] / names["total"], 1) if names["total"] else None},
        "facts_kept": {"kept": kept, "total": facts["total"],
                       "percent": round(100 * kept / facts["total"], 1) if facts["total"] else None},
        "passages_with_every_name_redacted": res["leak_free_documents"]["clean"],
    }  # fmt: skip
    if threshold is not None:
        out["by_confidence"] = bands(sts, rec.of, threshold)
    if misses:
        out["missed_names"] = [text for _, _, text in res["misses"]]
        out["damaged_facts"] = [text for _, text in res["damaged"]]
    return out


def main(argv: list[str]) -> dict:
    if not argv or argv[0].startswith("-"):
        raise SystemExit(__doc__)
    entries = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    show = "--misses" in argv
    threshold = None
    if "--bands" in argv:
        i = argv.index("--bands")
        nxt = argv[i + 1] if i + 1 < len(argv) else ""
        threshold = float(nxt) if nxt.replace(".", "", 1).isdigit() else THRESHOLD
    out = {}
    for half in ("tune", "report"):
        part = [e for e in entries if e["half"] == half]
        if part:
            out[half] = figures(part, misses=show and half == "tune", threshold=threshold)
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), indent=1, ensure_ascii=False))
