"""Properties of apply() that must hold for any statement and any spans (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.redaction import Decisions, KnownIdentifiers, Span, apply, detect
from desktop.redaction.engine import PLACEHOLDER
from desktop.redaction.graphemes import snap
from desktop.redaction.spans import TYPES

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words for statements: ordinary words, facts, and names from several backgrounds.
WORDS = [
    "the",
    "police",
    "came",
    "and",
    "I",
    "was",
    "afraid",
    "in",
    "March",
    "2018",
    "Home",
    "Office",
    "999",
    "Leeds",
    "he",
    "took",
    "my",
    "passport",
    "West",
    "Yorkshire",
    "Police",
    "called",
    "because",
    "she",
    "said",
]
NAMES = ["Rajinder Sandhu", "Małgorzata Kowalska", "Oluwaseun Adeyemi", "Nguyen Thi Hoa", "Tesfaye Girma",
         "Zahra Hosseini", "Blessing Eze", "Hope Mensah", "Wei Zhang", "Abdirahman Farah"]  # fmt: skip

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


@st.composite
def text_and_spans(draw):
    text = draw(texts.filter(lambda t: len(t) > 0))
    n = draw(st.integers(0, 6))
    spans = []
    for _ in range(n):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        spans.append(Span(a, b, draw(st.sampled_from(TYPES)), draw(st.sampled_from(["known", "detector", "manual"]))))
    return text, spans


def _union(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """The stretches apply() redacts: each span widened to whole letters (grapheme clusters, as
    ``graphemes.snap`` does: "0" before a skin-tone modifier is one letter with it), then merged."""
    out: list[list[int]] = []
    for a, b in sorted(snap(text, s.start, s.end) for s in spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


@SETTINGS
@given(text_and_spans())
def test_no_character_of_a_redacted_span_survives(data):
    text, spans = data
    red = apply(text, spans)
    labels = sorted({e.placeholder for e in red.legend}, key=len, reverse=True)
    # The output must be exactly: kept text, one placeholder per redacted stretch, kept text, ...
    # so every character of the output comes from outside the spans or from a placeholder.
    pos, last = 0, 0
    for s, e in _union(text, spans):
        gap = text[last:s]
        assert red.text.startswith(gap, pos)
        pos += len(gap)
        label = next((lab for lab in labels if red.text.startswith(lab, pos)), None)
        assert label is not None, "a redacted stretch was not replaced by a placeholder"
        pos += len(label)
        last = e
    assert red.text[pos:] == text[last:]
    assert set(red.removed) == {text[s:e] for s, e in _union(text, spans)}


@SETTINGS
@given(st.lists(st.sampled_from(NAMES + WORDS), min_size=1, max_size=40), st.sampled_from(NAMES), st.randoms())
def test_same_person_same_pseudonym_and_nothing_recorded_left(words, person, rnd):
    parts = person.split()
    variants = [person, parts[0], parts[-1], person.upper(), parts[0] + "'s", "Mr " + parts[-1]]
    words = list(words)
    for _ in range(3):
        words.insert(rnd.randrange(len(words) + 1), rnd.choice(variants))
    text = " ".join(words) + "."
    known = KnownIdentifiers(people=[(person, [])])
    spans = detect(text, known)
    red = apply(text, spans)
    # Every mention of the recorded person got the same label.
    labels = {red.text[m.start() : m.end()] for m in re.finditer(r"Person [A-Z]+", red.text)}
    mine = {e.placeholder for e in red.legend if red.mapping.get(e.placeholder) == person}
    assert len(mine) == 1
    assert mine <= labels
    for part in parts:
        assert part.lower() not in red.text.lower()


@SETTINGS
@given(st.lists(st.sampled_from(NAMES + WORDS + ["07700 900123", "LS8 4AB", "QQ123456C", "@amina_k"]), max_size=40))
@example(["2018", "999", "07700 900123"])  # a refused phone match swallowed the real one's first half
@example(["she", "999", "999", "Blessing Eze", "Wei Zhang", "Abdirahman Farah", "Police"])  # a placeholder brought
# "Police" near "she 999 999", a crime reference on the second pass
@example(["and", "2018", "2018", "QQ123456C"])  # "NUMBER" inside "[NI NUMBER 1]" read as a reference's context word
def test_applying_twice_changes_nothing(words):
    text = " ".join(words)
    known = KnownIdentifiers(people=[(NAMES[0], []), (NAMES[1], [])])
    once = apply(text, detect(text, known))
    again = apply(once.text, detect(once.text, known))
    assert again.text == once.text
    assert not detect(once.text, known)


@SETTINGS
@given(texts)
def test_detect_never_fails_and_spans_fit(text):
    spans = detect(
        text, KnownIdentifiers(people=[("Ayşe Yılmaz", ["İsmail"])], identifiers=[("phone", "+44 7700 900123")])
    )
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
    assert not any(PLACEHOLDER.fullmatch(text[s.start : s.end]) for s in spans)


@SETTINGS
@given(st.lists(st.sampled_from(WORDS + NAMES), min_size=3, max_size=30), st.text(max_size=20), st.integers(0, 100))
def test_decisions_survive_an_edit_elsewhere(words, insert, where):
    text = " ".join(words) + " at Harehills Lane."
    spans = detect(text)
    street = next(s for s in spans if text[s.start : s.end] == "Harehills Lane")
    d = Decisions(text)
    d.reject(street, "public road")
    cut = min(where, text.index("Harehills Lane") - 3)
    cut = max(cut, 0)
    new_text = text[:cut] + insert + text[cut:]
    d2 = Decisions.from_dict(d.to_dict(), new_text)
    assert len(d2.rejections()) == 1
    rej = d2.rejections()[0]
    assert new_text[rej.start : rej.end] == "Harehills Lane"
