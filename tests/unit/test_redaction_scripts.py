"""Redaction in statements partly written in Urdu, Punjabi (Gurmukhi), Bengali, Hindi or Arabic:
spans fall on whole letters, ordinary words in those scripts are not taken for names, recorded
names in them are always found."""

from __future__ import annotations

import unicodedata

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction import KnownIdentifiers, Span, apply, detect

MIXED = [
    "He said पहले and then पासपोर्ट माँगा. The officer asked again.",
    "The police said पहले मेरा पासपोर्ट to me, then they called the Home Office.",
    "पुलिस ने पहले मेरा पासपोर्ट माँगा, फिर पूछा कि क्या हुआ। I was scared.",
    "She told them ਮੈਨੂੰ ਡਰ ਲੱਗਦਾ ਸੀ and left. ਪੁਲਿਸ came later.",
    "He shouted আমি তোমাকে দেখে নেব at me in the street.",
    "The note said مُحَمَّد عَلِيّ and underneath لا تخبر الشرطة in red.",
    "My husband ਹਰਪ੍ਰੀਤ ਸਿੰਘ took my passport. میرے شوہر عمران خان نے مجھے مارا۔",
    "क्षत्रिय and ज्ञान were written on the wall, with 👩‍👩‍👧 next to them.",
]


def _boundaries(text: str) -> set[int]:
    """Extended grapheme cluster boundaries of ``text`` (UAX #29), computed independently."""
    return {0, len(text)} | {m.end() for m in regex.finditer(r"\X", text)}


def _no_mark_after_placeholders(red: str) -> bool:
    for m in regex.finditer(r"Person [A-Z]+|\[[A-Z][A-Z ]*? \d+\]", red):
        nxt = red[m.end() : m.end() + 1]
        if nxt and (unicodedata.category(nxt)[0] == "M" or nxt in "\u200c\u200d"):
            return False
    return True


def test_every_span_edge_is_a_grapheme_boundary():
    known = KnownIdentifiers(people=[("Harpreet Singh", ["ਹਰਪ੍ਰੀਤ ਸਿੰਘ"]), ("Imran Khan", ["عمران خان"])])
    for text in MIXED:
        bounds = _boundaries(text)
        for sp in detect(text, known):
            assert sp.start in bounds and sp.end in bounds, (text, text[sp.start : sp.end])
        assert _no_mark_after_placeholders(apply(text, detect(text, known)).text), text


def test_a_hindi_word_is_not_cut_in_the_middle_of_a_letter():
    text = "He said पहले and then पासपोर्ट माँगा."
    red = apply(text, detect(text)).text
    assert "\u0947" not in red.replace("पहले", "")  # the vowel sign of पहले never stands alone
    assert _no_mark_after_placeholders(red)


def test_apply_widens_any_span_to_whole_letters():
    # A span from anywhere (a stored decision, the command line) that cuts a letter: the whole
    # letter goes, nothing of it is left stuck to the placeholder.
    text = "मेरा पासपोर्ट"
    cut = text.index("पासपोर्ट") + 4  # inside "पो": between the consonant and its vowel sign
    red = apply(text, [Span(text.index("पासपोर्ट"), cut, "OTHER")]).text
    assert red.startswith("मेरा [REDACTED 1]") and _no_mark_after_placeholders(red)
    assert red.endswith("र्ट") and "ो" not in red


def test_a_recorded_name_is_not_found_inside_a_longer_word():
    # "राज" is recorded; "राजा" (a king) is another word: its vowel sign belongs to it.
    known = KnownIdentifiers(people=[("Raj Kumar", ["राज"])])
    text = "राजा ने कहा कि राज और राज़ आए।"
    spans = detect(text, known)
    assert [text[s.start : s.end] for s in spans] == ["राज", "राज़"]


_CLUSTERS = ["प", "हले", "पो", "र्ट", "माँ", "ਪ੍ਰੀ", "ਸਿੰ", "ਘ", "বাং", "লা", "مُ", "حَ", "مَّ", "د", "क्ष", "a", "B", " ", ", "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_CLUSTERS), min_size=1, max_size=30), st.data())
def test_any_span_is_widened_to_whole_clusters(parts, data):
    text = "".join(parts)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    red = apply(text, [Span(start, end, "OTHER")]).text
    bounds = _boundaries(text)
    s = max(b for b in bounds if b <= start)
    e = min(b for b in bounds if b >= end)
    assert red == text[:s] + "[REDACTED 1]" + text[e:]
