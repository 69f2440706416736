"""Scores broken down by the confidence of the spans that did the work, totals only.

Every detector span carries a ``confidence`` (0..1). A name redacted only by weak spans is one a
reviewer may reject; a fact damaged by a strong span is a confident mistake, one damaged only by
weak spans a suggestion the reviewer can turn down. ``bands`` counts, for one scored set:

* names (per group: "known", "ids", "names") redacted by strong spans alone, redacted only with
  weak spans' help, and missed;
* facts kept, damaged by at least one strong span, and damaged by weak spans only;
* how many of each come from each confidence value (the weakest value a weakly redacted name
  needed, the strongest value that touched a damaged fact).

"Strong" is ``confidence >= threshold`` or a recorded identifier (``source == "known"``). Nothing
from a statement (no text, no offsets, no id) is in the result, so it may be printed for a
held-out half.
"""

from __future__ import annotations

from collections import Counter

from desktop.redaction.spans import WEAK
from tests.unit.redaction_corpus.corpus import fully_covered, group_of

THRESHOLD = WEAK  # the line the engine and the review draw between a guess and a suggestion


def strong(span, threshold: float) -> bool:
    return span.source == "known" or span.confidence >= threshold


def _value(c: float) -> str:
    return f"{c:.2f}"


def bands(statements, spans_of, threshold: float = THRESHOLD) -> dict:
    """``spans_of(statement)`` gives the spans the engine found for it (already computed)."""
    names: dict[str, Counter] = {}
    weak_values: dict[str, Counter] = {}
    facts = Counter()
    fact_values = {"strong": Counter(), "weak": Counter()}
    for st in statements:
        spans = spans_of(st)
        hard = [s for s in spans if strong(s, threshold)]
        for g in st.gold:
            grp = group_of(g.type)
            c = names.setdefault(grp, Counter())
            if fully_covered(st.text, hard, g.start, g.end):
                c["strong"] += 1
            elif fully_covered(st.text, spans, g.start, g.end):
                c["weak_only"] += 1
                # the weakest span needed: the lowest confidence among the weak spans touching it
                touching = [
                    s.confidence for s in spans if s.start < g.end and g.start < s.end and not strong(s, threshold)
                ]
                weak_values.setdefault(grp, Counter())[_value(min(touching))] += 1
            else:
                c["missed"] += 1
        for ks, ke in st.keep:
            touching = [s for s in spans if s.start < ke and ks < s.end]
            if not touching:
                facts["kept"] += 1
                continue
            top = max(touching, key=lambda s: (strong(s, threshold), s.confidence))
            kind = "strong" if strong(top, threshold) else "weak"
            facts[f"damaged_{kind}"] += 1
            fact_values[kind][_value(top.confidence)] += 1
    return {
        "threshold": threshold,
        "names": {
            grp: {
                "total": sum(c.values()),
                "redacted_by_strong_spans": c["strong"],
                "redacted_only_with_weak_spans": c["weak_only"],
                "missed": c["missed"],
                "weak_confidence_needed": dict(sorted(weak_values.get(grp, Counter()).items())),
            }
            for grp, c in sorted(names.items())
        },
        "facts": {
            "total": sum(facts.values()),
            "kept": facts["kept"],
            "damaged_by_a_strong_span": facts["damaged_strong"],
            "damaged_by_weak_spans_only": facts["damaged_weak"],
            "strongest_confidence_touching": {k: dict(sorted(v.items())) for k, v in fact_values.items()},
        },
    }


class Recorder:
    """Wraps a detect function, keeping each statement's spans for ``bands`` (detect runs once)."""

    def __init__(self, detect_fn):
        self.detect_fn = detect_fn
        self.spans: dict[int, list] = {}

    def __call__(self, st):
        out = self.detect_fn(st)
        self.spans[id(st)] = out
        return out

    def of(self, st):
        return self.spans[id(st)]
