"""The reviewer's decisions on one statement: suggestions are pre-accepted; a rejection needs a
reason (kept for the audit log); any stretch of text can be added by hand.

A stretch added by hand with ``every=True`` (what the review's "Redact selection" does) covers
every occurrence of that text, in any case and with or without accents, as whole words when the
selection was whole words, including occurrences typed after it was made. One occurrence can still
be kept, with a reason, exactly as a suggestion is (:meth:`Decisions.reject` on its span).

Each decision remembers the text it was about and a little of what surrounds it, so that after
the statement is edited ``reconcile(new_text)`` moves it to where that text now is. A decision
whose text was itself edited away is dropped (and returned, so the caller can say so).
Stored by the vault as JSON via ``to_dict()``/``from_dict()``; it holds statement text, so it
belongs in the encrypted vault only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.redaction.spans import TYPE_LABELS, Span

_CONTEXT = 24


@dataclass
class Decision:
    kind: str  # "reject" or "manual"
    start: int
    end: int
    text: str
    type: str
    before: str = ""
    after: str = ""
    reason: str = ""
    at: str = ""
    every: bool = False  # manual only: every occurrence of ``text``, not just this one

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
            "at": self.at,
            "every": self.every,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Decision:
        kind = d.get("kind")
        if kind not in ("reject", "manual"):
            raise ValueError("a decision's 'kind' must be reject or manual")
        start, end = int(d["start"]), int(d["end"])
        text = str(d.get("text", ""))
        if not 0 <= start < end or end - start != len(text):
            raise ValueError("a decision's offsets do not fit its text")
        typ = str(d.get("type", "OTHER"))
        if typ not in TYPE_LABELS:
            raise ValueError("a decision has an unknown type")
        return cls(kind, start, end, text, typ, str(d.get("before", "")), str(d.get("after", "")),
                   str(d.get("reason", "")), str(d.get("at", "")),
                   kind == "manual" and d.get("every") is True)  # fmt: skip


class Decisions:
    """Rejections and manual additions for one statement text."""

    VERSION = 1

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.items: list[Decision] = []

    # --- making decisions ----------------------------------------------------------------------

    def _context(self, start: int, end: int) -> tuple[str, str]:
        return self.text[max(0, start - _CONTEXT) : start], self.text[end : end + _CONTEXT]

    def _check(self, start: int, end: int, text: str | None) -> None:
        if text is not None and text != self.text:
            if self.items:
                self.reconcile(text)
            self.text = text
        if not 0 <= start < end <= len(self.text):
            raise ValueError("the span is outside the statement")

    def reject(self, span: Span, reason: str, text: str | None = None) -> Decision:
        """Keep a suggestion's text. Known identifiers cannot be rejected; a reason is required.
        ``text``: the statement, if these decisions were made without it."""
        if span.source == "known":
            raise ValueError("recorded names and identifiers are always redacted")
        if not reason or not reason.strip():
            raise ValueError("rejecting a suggestion needs a reason")
        self._check(span.start, span.end, text)
        self.accept(span)
        before, after = self._context(span.start, span.end)
        d = Decision("reject", span.start, span.end, self.text[span.start : span.end], span.type, before, after,
                     reason.strip(), _now())  # fmt: skip
        self.items.append(d)
        return d

    def accept(self, span: Span) -> None:
        """Undo a rejection (suggestions are accepted unless rejected)."""
        self.items = [d for d in self.items if not (d.kind == "reject" and (d.start, d.end) == (span.start, span.end))]

    def add_manual(self, start: int, end: int, type: str = "OTHER", text: str | None = None, *,
                   every: bool = False) -> Span:
        """Redact ``text[start:end]`` too (with ``every``, each occurrence of that text). Returns the span."""
        self._check(start, end, text)
        if type not in TYPE_LABELS:
            raise ValueError("unknown span type")
        if not self.text[start:end].strip():
            raise ValueError("the selection holds no text")
        before, after = self._context(start, end)
        piece = self.text[start:end]
        self.items = [d for d in self.items
                      if not (d.kind == "manual" and ((d.start, d.end) == (start, end)
                                                      or (every and _same(d.text, piece))))]
        self.items.append(Decision("manual", start, end, piece, type, before, after, "", _now(), every))
        return Span(start, end, type, "manual", 1.0, _person_key(piece) if type == "PERSON" else None)

    def remove_manual(self, start: int, end: int) -> None:
        """Undo the manual redaction that covers ``[start, end)``: all its places, and any of them kept."""
        group = [d for d in self.items if d.kind == "manual" and (start, end) in _places(d, self.text)]
        places = {p for d in group for p in _places(d, self.text)}
        self.items = [d for d in self.items
                      if d not in group and not (d.kind == "reject" and (d.start, d.end) in places
                                                 and any(d.text == g.text or _same(d.text, g.text) for g in group))]

    def places(self, span: Span, text: str | None = None) -> int:
        """How many places the manual redaction covering ``span`` redacts (1 for any other span)."""
        t = self.text if text is None else text
        for d in self.items:
            if d.kind == "manual" and d.every and (span.start, span.end) in _places(d, t):
                return len(_places(d, t))
        return 1

    # --- reading them --------------------------------------------------------------------------

    def is_rejected(self, span: Span, text: str | None = None) -> bool:
        t = self.text if text is None else text
        for d in self.items:
            if d.kind == "reject" and (d.start, d.end) == (span.start, span.end) and t[d.start : d.end] == d.text:
                return True
        return False

    def rejections(self) -> list[Decision]:
        return [d for d in self.items if d.kind == "reject"]

    def manual_spans(self, text: str | None = None) -> list[Span]:
        """Every place redacted by hand, kept ones included (``is_rejected`` tells those apart)."""
        t = self.text if text is None else text
        out: dict[tuple[int, int], Span] = {}
        for d in self.items:
            if d.kind != "manual":
                continue
            for s, e in _places(d, t):
                out.setdefault((s, e), Span(s, e, d.type, "manual", 1.0,
                                            _person_key(d.text) if d.type == "PERSON" else None))
        return sorted(out.values(), key=lambda sp: (sp.start, sp.end))

    # --- after an edit -------------------------------------------------------------------------

    def reconcile(self, new_text: str) -> list[Decision]:
        """Move every decision to where its text now is in ``new_text``; returns those dropped."""
        kept: list[Decision] = []
        dropped: list[Decision] = []
        for d in self.items:
            pos = _relocate(d, new_text)
            if pos is None and d.every:  # it stands for every place: any one of them will do
                pos = next(iter(_places(d, new_text)), (None,))[0]
            if pos is None:
                dropped.append(d)
                continue
            if new_text[pos : pos + len(d.text)] != d.text:  # found in another case or accent
                d.text = new_text[pos : pos + len(d.text)]
            d.start, d.end = pos, pos + len(d.text)
            d.before = new_text[max(0, d.start - _CONTEXT) : d.start]
            d.after = new_text[d.end : d.end + _CONTEXT]
            kept.append(d)
        self.items = kept
        self.text = new_text
        return dropped

    # --- storage -------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.VERSION, "decisions": [d.to_dict() for d in self.items]}

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str = "") -> Decisions:
        if not isinstance(data, dict) or not isinstance(data.get("decisions", []), list):
            raise ValueError("expected redaction decisions")
        out = cls(text)
        out.items = [Decision.from_dict(d) for d in data.get("decisions", [])]
        if text:
            out.reconcile(text)
        return out


def _person_key(s: str) -> str:
    from desktop.redaction.fold import fold

    return fold(re.sub(r"\s+", " ", s)).strip()


def _same(a: str, b: str) -> bool:
    from desktop.redaction.fold import fold

    return fold(a) == fold(b)


def _places(d: Decision, text: str) -> list[tuple[int, int]]:
    """Where a manual decision redacts in ``text``: its own place, or with ``every`` each occurrence
    of its text in any case and accent (whole words if the text begins or ends a word)."""
    if not d.every:
        return [(d.start, d.end)] if text[d.start : d.end] == d.text else []
    return _occurrences(d.text, text)


def _occurrences(piece: str, text: str) -> list[tuple[int, int]]:
    from desktop.redaction.fold import Folded, fold

    needle = fold(piece)
    if not needle.strip():
        return []
    folded = Folded(text)
    hay = folded.folded
    out = []
    head = r"(?<![^\W_])" if piece[:1].isalnum() else ""
    tail = r"(?![^\W_])" if piece[-1:].isalnum() else ""
    for m in re.finditer(head + re.escape(needle) + tail, hay):
        s, e = folded.span(m.start(), m.end())
        if s < e:
            out.append((s, e))
    return out


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _relocate(d: Decision, text: str) -> int | None:
    n = len(d.text)
    if text[d.start : d.start + n] == d.text and text[max(0, d.start - len(d.before)) : d.start] == d.before:
        return d.start
    candidates = [m.start() for m in re.finditer(re.escape(d.text), text)]
    if not candidates:
        return None
    if len(candidates) == 1 and not d.before and not d.after:
        return candidates[0]

    def score(p: int) -> tuple[int, int]:
        b = text[max(0, p - len(d.before)) : p]
        a = text[p + n : p + n + len(d.after)]
        same_b = sum(1 for x, y in zip(reversed(b), reversed(d.before), strict=False) if x == y)
        same_a = sum(1 for x, y in zip(a, d.after, strict=False) if x == y)
        return (same_b + same_a, -abs(p - d.start))

    best = max(candidates, key=score)
    if score(best)[0] == 0 and len(candidates) > 1:
        return None  # several places and nothing to tell them apart
    return best
