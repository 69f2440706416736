"""A surname written before a given name of two joined syllables ("Lam Kwok-wah") is part of the
name, even when it is also an English or a function word (``desktop.redaction.surname_first``).
Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_short_surname_before_a_two_syllable_given_name_is_redacted_with_it() -> None:
    for text, name in [
        ("The case was heard by magistrate Ho Siu-ming in May.", "Ho Siu-ming"),
        ("Later that year, said lawyer Man Kwok-wah, the rules changed.", "Man Kwok-wah"),
        ("The president, Moon Jae-in, met the workers.", "Moon Jae-in"),
        ("The sentence was passed by deputy judge So Chi-keung on Friday.", "So Chi-keung"),
    ]:
        assert covered(text, detect(text), name, kind="PERSON"), text


def test_a_title_or_a_conjunction_opening_a_sentence_stays_outside() -> None:
    for text, word, name in [
        ("Judge Chan Tai-man refused bail.", "Judge", "Chan Tai-man"),
        ("So Tai-man went home alone.", "So", "Tai-man"),
        ("When Siu-ming came back, the door was locked.", "When", "Siu-ming"),
    ]:
        spans = detect(text)
        assert untouched(text, spans, word), text
        assert covered(text, spans, name, kind="PERSON"), text
