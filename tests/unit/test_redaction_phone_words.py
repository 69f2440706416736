"""A phone number spelt out in words, as an interpreter writes down what a witness reads aloud:
"seven seven zero zero nine double oh ...", and words and digits mixed. Beside them, counts and
short numbers in words that are no phone number and must stay.

``[[...]]`` marks what must be redacted whole; ``{{...}}`` what no span may touch.
"""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import marked_problems

SPELT = [
    "He said call me on [[seven seven zero zero nine double oh one two three four five]].",
    "Her number was [[oh seven seven double three four five six seven eight nine]].",
    "The man gave me [[zero seven nine one one two three four five six seven]] to ring.",
    "Ring [[oh seven seven zero zero nine double zero one two three]] if there is trouble.",
    "His phone is [[07 seven double 3 four five six seven eight nine]].",
    "Call [[zero two zero seven nine four six double one two two]] in {{London}}.",
    "The number was [[oh seven nine triple four one two three four five]].",
    "She wrote it down: [[Oh Seven Seven Double Nine, one two three, four five six]].",
    "My cousin's number is [[nought seven eight six five, four three two one nine]].",
    "The agent's phone was [[0 seven 7 double 0 nine 1 2 3 4 5]], he said.",
]

STAY = [
    "I was at bus stop number {{one two three}}.",
    "We waited {{two three four}} hours.",
    "I have three children, {{one two and five}} years old.",
    "Call {{999}} if you are in danger.",
    "She counted {{one two three four five six seven eight nine ten}} and ran.",
    "It was {{seven or eight}} in the evening, {{two or three}} days later.",
]


@pytest.mark.parametrize("marked", SPELT + STAY)
def test_spelt_phone_numbers(marked):
    assert marked_problems(marked) == []


def test_a_valid_spelt_number_is_a_phone_number_as_sure_as_in_digits():
    text = "Call me on oh seven seven zero zero nine double oh one two three."
    words = [s for s in detect(text) if s.type == "PHONE"]
    digits = [s for s in detect("Call me on 07700 900123.") if s.type == "PHONE"]
    assert len(words) == 1 and text[words[0].start : words[0].end].startswith("oh seven")
    assert words[0].confidence == digits[0].confidence
