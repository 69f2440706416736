"""What detect() finds on the whole labelled set does not move unless someone meant it to: a change
made for speed must leave every span as it was (start, end, type, source, confidence, who, which
recorded identifier). A deliberate change regenerates ``redaction_corpus/spans.json`` (see
``redaction_corpus/golden.py``) and shows its diff in review."""

from __future__ import annotations

import json

from .redaction_corpus import golden


def test_spans_on_the_labelled_set_are_the_ones_kept():
    kept = json.loads(golden.PATH.read_text(encoding="utf-8"))
    now = golden.current()
    assert now.keys() == kept.keys()
    moved = [sid for sid in kept if now[sid] != kept[sid]]
    assert not moved, f"spans changed in {len(moved)} statements, first {moved[:5]}: regenerate only if meant"
