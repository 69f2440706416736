"""apply(): the redacted text the PDF is made from, its legend, and the pseudonym mapping."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.redaction import lexicon
from desktop.redaction.decisions import Decisions
from desktop.redaction.fold import fold
from desktop.redaction.graphemes import snap
from desktop.redaction.known import KnownIdentifiers, recorded_parts
from desktop.redaction.spans import TYPE_LABELS, Span

PLACEHOLDER_WORDS: dict[str, str] = {t: t.replace("_", " ") for t in TYPE_LABELS}
PLACEHOLDER_WORDS["OTHER"] = "REDACTED"


@dataclass(frozen=True)
class LegendEntry:
    placeholder: str  # "Person A", "[PHONE 1]"
    type: str  # a span type
    description: str  # what kind of thing was removed; never the thing itself


@dataclass
class Redacted:
    text: str
    legend: list[LegendEntry] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # the original text of every redacted stretch
    mapping: dict[str, str] = field(default_factory=dict)  # placeholder -> original (stays in the vault)


def _person_label(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return f"Person {letters}"


def _id_key(text: str, typ: str = "") -> str:
    """What makes two writings the same value: "07700 900123" and "+44 (0)7700-900-123" are one number."""
    if typ == "PHONE":
        digits = re.sub(r"\D", "", text)
        for prefix in ("0044", "44"):
            if digits.startswith(prefix) and len(digits) > 10:
                digits = digits[len(prefix) :]
                break
        return digits.lstrip("0")
    return re.sub(r"[^\w@]", "", fold(text))


@dataclass
class _Group:
    start: int
    end: int
    spans: list[Span]


def _groups(text: str, spans: list[Span]) -> list[_Group]:
    """The union of overlapping or touching spans."""
    out: list[_Group] = []
    for sp in sorted(spans, key=lambda s: (s.start, -s.end)):
        start, end = snap(text, sp.start, sp.end)  # whole letters only, whoever made the span
        if out and start <= out[-1].end:
            g = out[-1]
            g.start = min(g.start, start)
            g.end = max(g.end, end)
            g.spans.append(sp)
            continue
        out.append(_Group(start, end, [sp]))
    return out


def _group_type(g: _Group) -> tuple[str, Span]:
    # The longest span decides; a known one wins a tie.
    main = max(g.spans, key=lambda s: (s.end - s.start, s.source == "known", s.confidence))
    if main.type != "PERSON" and any(s.type == "PERSON" for s in g.spans):
        persons = [s for s in g.spans if s.type == "PERSON"]
        if sum(s.end - s.start for s in persons) >= (main.end - main.start):
            main = max(persons, key=lambda s: (s.source == "known", s.end - s.start))
    return main.type, main


def effective_spans(text: str, spans: list[Span], decisions: Decisions | None) -> list[Span]:
    """The spans to redact: suggestions not rejected (known ones cannot be), plus manual additions
    (each place of one, less any place kept)."""
    out = [sp for sp in spans if 0 <= sp.start < sp.end <= len(text)]
    if decisions is not None:
        out = [sp for sp in out if sp.source == "known" or not decisions.is_rejected(sp, text)]
        out.extend(sp for sp in decisions.manual_spans(text)
                   if sp.end <= len(text) and not decisions.is_rejected(sp, text))
    return out


def apply(text: str, spans: list[Span], decisions: Decisions | None = None) -> Redacted:
    """Replace every accepted span by its placeholder.

    Each person gets one label for the whole statement ("Person A"); every other identifier a
    numbered typed placeholder ("[PHONE 1]"), the same one each time the same value appears.
    """
    eff = effective_spans(text, spans, decisions)
    groups = _groups(text, eff)

    # Who is who: known people by their recorded name; other names by their folded text, a single
    # word joining the one longer name that contains it ("Tariq" -> "Tariq Mahmood").
    person_keys: dict[int, str] = {}
    long_names: dict[str, set[str]] = {}
    recorded = {s.person for s in eff if s.source == "known" and s.type == "PERSON" and s.person}
    for gi, g in enumerate(groups):
        typ, main = _group_type(g)
        if typ != "PERSON":
            continue
        known = [s.person for s in g.spans if s.source == "known" and s.person]
        # A suggestion that detect() tied to a recorded person (a spelling variant of their name).
        known = known or [s.person for s in g.spans if s.type == "PERSON" and s.person in recorded]
        key = "k:" + known[0] if known else "d:" + fold(re.sub(r"\s+", " ", text[g.start : g.end])).strip(" .,'’")
        person_keys[gi] = key
        if not known:
            words = key[2:].split()
            if len(words) > 1:
                for w in words:
                    long_names.setdefault(w, set()).add(key)
    for gi, key in list(person_keys.items()):
        if key.startswith("d:") and " " not in key[2:]:
            owners = long_names.get(key[2:], set())
            if len(owners) == 1:
                person_keys[gi] = next(iter(owners))

    labels: dict[str, str] = {}
    belong: dict[str, list[str]] = {}  # recorded identifier -> its placeholders
    counters: dict[str, int] = {}
    legend: list[LegendEntry] = []
    mapping: dict[str, str] = {}
    removed: list[str] = []
    pieces: list[str] = []
    last = 0
    for gi, g in enumerate(groups):
        original = text[g.start : g.end]
        typ, main = _group_type(g)
        rec = next((s.recorded for s in g.spans if s.recorded and s.type == typ), None)
        if typ == "PERSON":
            key = person_keys[gi]
        elif rec:
            key = f"{typ}:recorded:{rec}"  # every piece of one recorded address: one placeholder
        else:
            key = f"{typ}:{_id_key(original, typ)}"
        label = labels.get(key)
        if label is None:
            if typ == "PERSON":
                label = _person_label(sum(1 for k in labels if k.startswith(("k:", "d:"))))
            else:
                counters[typ] = counters.get(typ, 0) + 1
                label = f"[{PLACEHOLDER_WORDS[typ]} {counters[typ]}]"
            labels[key] = label
            legend.append(LegendEntry(label, typ, TYPE_LABELS[typ]))
            if rec:
                belong.setdefault(rec, []).append(label)
            mapping[label] = key[2:] if key.startswith("k:") and not key[2:].islower() else original
        pieces.append(text[last : g.start])
        pieces.append(label)
        last = g.end
        if original not in removed:
            removed.append(original)
    pieces.append(text[last:])
    return Redacted("".join(pieces), _together(legend, belong), removed, mapping)


def _together(legend: list[LegendEntry], belong: dict[str, list[str]]) -> list[LegendEntry]:
    """Say which placeholders stand for one recorded identifier: "[ADDRESS 1]" and "[POSTCODE 1]"
    of one recorded address read "an address; with [POSTCODE 1], one recorded address"."""
    others: dict[str, tuple[list[str], str]] = {}
    for rec, group in belong.items():
        if len(group) > 1:
            what = "address" if rec.startswith("address:") else "identifier"
            for label in group:
                others[label] = ([x for x in group if x != label], what)
    out = []
    for e in legend:
        if e.placeholder in others:
            rest, what = others[e.placeholder]
            e = LegendEntry(e.placeholder, e.type, f"{e.description}; with {' and '.join(rest)}, one recorded {what}")
        out.append(e)
    return out


def case_sensitive_parts(known: KnownIdentifiers | None) -> set[str]:
    """Parts of recorded names that are also English words ("Hope", "Will", "Grace"). They are
    redacted only where capitalised, so the word itself ("I hope") may remain in the statement: a
    leak gate should look for these case-sensitively (accent folds still apply)."""
    if known is None:
        return set()
    english = lexicon.english_words()
    out: set[str] = set()
    for name, aliases in known.people:
        for v in [name, *aliases]:
            for t in v.split():
                w = fold(t)
                if len(t) >= 3 and (w in english or w in lexicon.FUNCTION_WORDS or w in lexicon.MONTHS):
                    out.add(t)
    return out


def forbidden_strings(text: str, spans: list[Span], known: KnownIdentifiers | None,
                      kept: Iterable[str] = ()) -> set[str]:
    """Every string the leak gate must not find in the PDF: the text of each redacted stretch and
    every recorded name, alias and identifier with their parts of three characters or more.
    (Case and accent variants are the gate's job.)

    ``kept``: texts the reviewer chose, with a reason, to keep in one place; the same text
    redacted elsewhere is not looked for (it is in the PDF by choice). Recorded identifiers are
    looked for whatever was kept."""
    out: set[str] = set()
    kept_keys = {fold(k.strip()) for k in kept if k.strip()}
    for sp in spans:
        if 0 <= sp.start < sp.end <= len(text):
            piece = text[sp.start : sp.end].strip()
            if len(piece) >= 3 and fold(piece) not in kept_keys:
                out.add(piece)
    if known is not None:
        out.update(p for p in recorded_parts(known) if len(p) >= 3)
    return out
