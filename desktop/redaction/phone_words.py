"""A phone number read out and written down in words: "call me on seven seven zero zero nine double
oh one two three four five", "oh seven seven double three ...", or in words and digits mixed ("07
seven double 3 ..."), as an interpreter writes what a witness says aloud.

A run of digit words ("zero", "oh", "nought" ... "nine"), the doublers "double" and "triple", and
groups of digits, with only spaces, commas or hyphens between, that spells ten digits or more is a
phone number: a UK number has ten or eleven, and nothing else in a statement is counted out digit
by digit for so long ("one two three" is a count; "bus stop number one two three" is three digits).
The detector of phone numbers in digits (``detectors._phones``) judges the spelt digits as it
judges written ones, so a valid UK number gets the same confidence either way.
"""

from __future__ import annotations

import re

from desktop.redaction.word_sets import statement_words

_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_REPEAT = {"double": 2, "triple": 3}
_TOKEN = r"(?:" + "|".join([*_DIGIT_WORDS, *_REPEAT]) + r"|[0-9]+)"
# Six tokens or more ("oh seven seven double three four five six seven eight nine" has ten).
_RUN = re.compile(r"(?<![\w+])" + _TOKEN + r"(?:[ \t\u00a0,\-]+" + _TOKEN + r"){5,}(?!\w)", re.IGNORECASE)
_WORD = re.compile(r"[0-9]+|[a-z]+", re.IGNORECASE)
_SPELT_WORDS = frozenset([*_DIGIT_WORDS, *_REPEAT])
MIN_DIGITS = 10
MAX_DIGITS = 13  # "0044 7700 900123" spelt out


def _spelt(run: str) -> str | None:
    """The digits ``run`` spells, or None if it holds no word at all (digits only are the digit
    detectors') or a doubler with no digit after it."""
    out: list[str] = []
    repeat = 1
    words = False
    for tok in _WORD.findall(run):
        low = tok.lower()
        if low in _REPEAT:
            if repeat != 1:
                return None
            repeat = _REPEAT[low]
            words = True
            continue
        if low in _DIGIT_WORDS:
            digits = _DIGIT_WORDS[low]
            words = True
        else:
            digits = tok
        out.append(digits[0] * repeat + digits[1:])
        repeat = 1
    return "".join(out) if words and repeat == 1 else None


def spelt_phones(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of each phone number spelt in words in ``text``."""
    if len(_SPELT_WORDS.intersection(statement_words(text).letters)) < 3:
        return []  # (ten digits spelt hold three different words at least: most statements have not)
    out = []
    for m in _RUN.finditer(text):
        digits = _spelt(m.group())
        if digits is not None and MIN_DIGITS <= len(digits) <= MAX_DIGITS:
            out.append((m.start(), m.end(), digits))
    return out
