"""A UK number written nationally in digits and spaces is checked without the library's parse: the
same answer as ``phonenumbers.is_valid_number(phonenumbers.parse(value, "GB"))`` on every such
number, on every number the phone patterns find in the development statements, and on generated
ones of every length and first three digits."""

from __future__ import annotations

import random

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction import detectors
from tests.unit.redaction_corpus.corpus import everything

_check = detectors._phone_valid.__wrapped__


def _library(value: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, "GB"))
    except phonenumbers.NumberParseException:
        return False


def _spaced(digits: str, rnd: random.Random) -> str:
    return "".join(d + (" " if rnd.random() < 0.2 else "") for d in digits).rstrip()


def test_every_first_three_digits_and_length_as_the_library_says():
    rnd = random.Random(11)
    quick = 0
    for first in range(1000):
        for length in range(8, 14):
            digits = f"{first:03d}" + "".join(rnd.choice("0123456789") for _ in range(length - 3))
            for value in (digits, _spaced(digits, rnd), "0" + digits[1:]):
                quick += detectors._GB_NATIONAL.fullmatch(value) is not None
                assert _check(value) == _library(value), value
    assert quick > 1000  # the quick path was taken, not only the library's


def test_every_number_the_patterns_find_in_the_development_statements():
    values = {m.group() for st_ in everything() for p in (detectors._UK_PHONE, detectors._INTL_PHONE,
                                                          detectors._PHONE_CANDIDATE)
              for m in p.finditer(st_.text)}  # fmt: skip
    assert len(values) > 100
    for value in values:
        assert _check(value) == _library(value), value


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789", " ", "  ", "-", "+", "(", ")", "\u0661", "\u00a0"]),
                min_size=1, max_size=16).map("".join))  # fmt: skip
def test_generated_values_as_the_library_says(value):
    assert _check(value) == _library(value)


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 9), st.integers(0, 10**11), st.integers(7, 12))
def test_generated_national_numbers_as_the_library_says(first, rest, length):
    value = "0" + (str(first) + str(rest))[:length]
    assert _check(value) == _library(value)
