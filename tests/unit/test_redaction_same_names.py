"""The words of the names found, which the same-names rule looks for elsewhere in a statement, are
taken with each distinct word folded once and a word already taken passed over: the same words,
each with the same person, as folding and checking every word of every name in turn."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction import lexicon
from desktop.redaction.engine import _NAME_WORD, INTRODUCED, _name_words
from desktop.redaction.fold import fold
from desktop.redaction.spans import Span


def _every_word(text: str, spans: list[Span]) -> dict[str, str | None]:
    """The rule's words as they were taken before (every word of every name folded and checked)."""
    words: dict[str, str | None] = {}
    for sp in spans:
        if sp.type != "PERSON" or (sp.source == "detector" and sp.confidence < 0.5):
            continue
        for m in _NAME_WORD.finditer(text, sp.start, sp.end):
            w = fold(m.group())
            if len(w) < 3 or w in lexicon.FUNCTION_WORDS or w in lexicon.TITLES or w in lexicon.NOT_NAMES:
                continue
            if w in lexicon.FULL_MONTHS or w in lexicon.FULL_DAYS:
                continue
            if w in lexicon.place_tokens() and sp.confidence < INTRODUCED:
                continue
            if w in lexicon.SCRIPT_STOP_WORDS:
                continue
            words.setdefault(w, sp.person)
    return words


# Names, places (kept only where the span is introduced), titles, months, short words, accents,
# another script, and the same word spelt in different cases.
_WORDS = ["Grace", "GRACE", "grace", "Okafor", "Leeds", "LEEDS", "Sofia", "Mr", "June", "Al", "Zoë", "Zoe",
          "Łukasz", "ਕੌਰ", "عمران", "the", "Hope", "Tariq's", "Nguyen-Thi", "Bo"]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14).map(" ".join)


@st.composite
def _text_and_spans(draw):
    text = draw(_TEXTS)
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, len(text) - 1))
        e = draw(st.integers(s + 1, len(text)))
        spans.append(Span(s, e, draw(st.sampled_from(["PERSON", "PERSON", "PHONE"])),
                          draw(st.sampled_from(["known", "detector"])),
                          draw(st.sampled_from([0.3, 0.4, 0.5, 0.6, INTRODUCED, 0.9, 1.0])),
                          draw(st.sampled_from([None, "Grace Okafor", "sofia", "Leeds"]))))  # fmt: skip
    return text, spans


@settings(max_examples=1500, deadline=None)
@given(_text_and_spans())
def test_the_same_words_with_the_same_people(case):
    text, spans = case
    got = _name_words(text, spans)
    assert got == _every_word(text, spans)
    assert list(got) == list(_every_word(text, spans))  # (in the same order)
