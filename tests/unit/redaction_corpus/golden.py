"""The spans detect() gives on the whole labelled set (development and held-out), kept in
``spans.json`` so that a change meant only to make detection faster is proved to change nothing.
A change that is meant to change what is found regenerates the file, and its diff shows what moved:

    .venv/bin/python -m tests.unit.redaction_corpus.golden
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.redaction import detect

from .corpus import everything, held_out

PATH = Path(__file__).with_name("spans.json")


def current() -> dict[str, list[list]]:
    out = {}
    for st in [*everything(), *held_out()]:
        out[st.id] = [[s.start, s.end, s.type, s.source, s.confidence, s.person, s.recorded]
                      for s in detect(st.text, st.known)]
    return out


def write() -> None:
    """One line per span, so a diff shows each span that moved."""
    lines = ["{"]
    items = sorted(current().items())
    for i, (sid, spans) in enumerate(items):
        body = ",\n".join("  " + json.dumps(sp, ensure_ascii=False) for sp in spans)
        lines.append(f"{json.dumps(sid)}: [\n{body}\n]" + ("," if i < len(items) - 1 else ""))
    lines.append("}")
    PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
