"""Capital letters that are no name, and two capitals that are one: an all-capital word with no
vowel, or alone after a place's preposition or a time, is a body, a place or a zone ("from DRC",
"heard at MARAC", "14:05 GMT"); two capitals used as someone's name, as courts and case studies
anonymise people ("AM from Karachi"), are a name. (Moved from ``context``, whose other rules read
the words around a name.)"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.context import _DIGIT_BEFORE, _two_words_before

_PLACE_PREPOSITIONS = frozenset("at in into of via under through".split())
_VOWEL = re.compile(r"[AEIOUYÀ-ÖØ-Ý]")  # a Latin word in capitals with no vowel is an acronym ("DRC", "BBC")
_LATIN_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-Þ]+")


def lone_acronyms(toks: list, text: str) -> None:
    """An all-capital word with no vowel ("from DRC"), or standing alone after "at", "in", "of"
    ("heard at MARAC") or after a time ("14:05 GMT"), is a body, a place or a zone, not a name; one
    beside other capitalised words of a name stays ("TARIQ MAHMOOD"), and so does one after any
    other word ("(TARIQ) came")."""
    for i, t in enumerate(toks):
        if t.score != 0.5 or len(t.word) < 2 or not t.word.isupper():
            continue
        joined = False
        for k in (i - 1, i + 1):
            if 0 <= k < len(toks):
                a, b = (toks[k], t) if k < i else (t, toks[k])
                if toks[k].score >= 0 and a.joins and toks[k].word.isupper():
                    joined = True
        before = _two_words_before(text, t.start)
        no_vowel = _LATIN_CAPITALS.fullmatch(t.word) and not _VOWEL.search(t.word)
        alone = not joined and (before and before[-1] in _PLACE_PREPOSITIONS
                                or _DIGIT_BEFORE.search(text, max(0, t.start - 10), t.start))
        if no_vowel or alone:
            t.score = 0.0


# Two capitals used as someone's name, as courts and case studies anonymise people ("AM from
# Karachi", "AM's husband", "AM was"): not a known acronym or office, not after "the" or a number,
# not in a line of capitals, and not a pronoun or preposition ("IT is", "IN the").
_PERSON_AFTER_LETTERS = re.compile(r"(?:['’]s[ \t\u00a0]+[a-z]|[ \t\u00a0]+(?:was|is|had|has|from|said|says|told|"
                                   r"who)\b|,[ \t\u00a0]+(?:a|an|aged|who)\b)")


def letters_as_names(toks: list, text: str) -> None:
    for t in toks:
        w = t.word
        if len(w) != 2 or not w.isalpha() or not w.isupper() or t.score != 0 or t.title or t.place \
                or t.fw in lexicon.NOT_NAMES or t.fw in lexicon.CAPS_TITLES \
                or t.fw in lexicon.FUNCTION_WORDS and t.fw != "am":  # "AM" is never the verb before "was"
            continue
        before = text[max(0, t.start - 12) : t.start]
        if re.search(r"\d[\s:.]*$|\b(?:the|a|an|The|A|An)\s+$", before):
            continue
        prev = re.findall(r"[^\W\d_]+", text[max(0, t.start - 30) : t.start])
        nxt = re.findall(r"[^\W\d_]{2,}", text[t.end : t.end + 30])
        if prev and prev[-1].isupper() or nxt and nxt[0].isupper():
            continue
        if _PERSON_AFTER_LETTERS.match(text, t.end):
            t.score, t.edge_ok = 0.5, True
