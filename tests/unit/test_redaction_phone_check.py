"""A UK number in digits and spaces, written nationally ("0", "(01632)") or internationally
("+44", "0044", "+44 (0)"), is checked without the library's parse: the same answer as
``phonenumbers.is_valid_number(phonenumbers.parse(value, "GB"))`` on every such number, on every
number the phone patterns find in the development statements, and on generated ones of every
length and first three digits."""

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


_FORMS = (
    "+44{}",
    "+44 {}",
    "0044{}",
    "0044 {}",
    "+44(0){}",
    "+44 (0) {}",
    "+44(0) {}",
    "0044 (0){}",
    "+44 0{}",
    "+440{}",
    "+44  {}",
    "+4 4{}",
    "+44-{}",
    "(0){}",
    "44{}",
    "+44(0 ){}",
    "+45{}",
    "0043 {}",
    "+4{}",
    "+1 {}",
    "+353 (0){}",
)


def _bracketed(digits: str, cut: int) -> str:
    return f"(0{digits[:cut]}) {digits[cut:]}"


def test_international_and_bracketed_forms_of_every_first_three_digits_and_length():
    rnd = random.Random(13)
    quick = 0
    for first in range(1000):
        for length in range(8, 13):
            digits = f"{first:03d}" + "".join(rnd.choice("0123456789") for _ in range(length - 3))
            values = [form.format(v) for form in _FORMS for v in (digits, _spaced(digits, rnd))]
            values += [_bracketed(digits, cut) for cut in range(1, 7)] + [f"(0{digits[:4]}){digits[4:]}"]
            for value in values:
                m = detectors._GB_NATIONAL.fullmatch(value)
                quick += m is not None and value[0] in "+("
                assert _check(value) == _library(value), value
    assert quick > 10000  # the quick path was taken for the new forms, not only the library's


def test_the_other_national_prefix_of_gb_after_44():
    # GB's national prefix for parsing is "0|180020": a national number starting 180020 keeps it
    for rest in ("", "1", "12", "123", "1234", "12345"):
        for form in _FORMS[:6]:
            for value in (form.format("180020" + rest), _bracketed("180020" + rest, 4)):
                assert _check(value) == _library(value), value


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


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from(["+44", "0044", "+44 ", "0044 ", "+44(0)", "+44 (0) ", "(0", "0", "+44 (0", "00 44"]),
    st.lists(st.sampled_from([*"0123456789", " ", "(", ")", "-"]), min_size=1, max_size=14).map("".join),
)
def test_generated_international_and_bracketed_numbers_as_the_library_says(prefix, rest):
    value = prefix + rest
    assert _check(value) == _library(value)
