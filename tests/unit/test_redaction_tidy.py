"""The spans of a statement tidied (duplicates and suggestions inside a stronger span dropped) pass
over the containment check for a span that ends beyond every span kept: the same spans as checking
each one against the spans before it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction.engine import _rank, _tidy
from desktop.redaction.spans import Span


def _tidy_checking_each(spans: list[Span]) -> list[Span]:
    """``_tidy`` as it was: every span checked against the last 50 kept."""
    best: dict[tuple[int, int], Span] = {}
    for sp in spans:
        cur = best.get((sp.start, sp.end))
        if cur is None or _rank(sp) < _rank(cur):
            best[(sp.start, sp.end)] = sp
    ordered = sorted(best.values(), key=lambda x: (x.start, -x.end))
    out: list[Span] = []
    for sp in ordered:
        contained = False
        for big in reversed(out[-50:]):
            if (
                big.start <= sp.start
                and sp.end <= big.end
                and (big.source == "known" or (sp.source != "known" and big.confidence >= sp.confidence))
            ):
                contained = True
                break
        if not contained:
            out.append(sp)
    return sorted(out, key=lambda x: (x.start, x.end))


@st.composite
def _spans(draw, size: int):
    out = []
    for _ in range(draw(st.integers(0, size))):
        s = draw(st.integers(0, 120))
        e = draw(st.integers(s + 1, s + draw(st.sampled_from([1, 3, 8, 40]))))
        out.append(Span(s, e, draw(st.sampled_from(["PERSON", "PHONE", "ADDRESS", "POSTCODE"])),
                        draw(st.sampled_from(["known", "detector"])), draw(st.sampled_from([0.3, 0.6, 0.9, 1.0])),
                        None))  # fmt: skip
    return out


@settings(max_examples=400, deadline=None)
@given(_spans(30))
def test_the_same_spans_as_checking_each(spans):
    assert _tidy(spans) == _tidy_checking_each(spans)


@settings(max_examples=50, deadline=None)
@given(_spans(300))
def test_the_same_with_more_than_fifty_kept(spans):
    assert _tidy(spans) == _tidy_checking_each(spans)
