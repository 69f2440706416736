"""Bodies the address and name passes took for an address or a person: a court named by its town and
its kind ("the Tarrowby Regional Court"). Examples written here; "Court" stays a street word where a
house number, a flat or no kind word stands with it."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("She was sentenced by the Tarrowby Bay Regional Court last week.", "Tarrowby Bay Regional Court"),
        ("The Kessingford Regional Court convicted two men of trafficking.", "Kessingford Regional Court"),
        ("Her claim reached Wexcombe Employment Court in the spring.", "Wexcombe Employment Court"),
        ("An appeal lies to the Ondara Provincial Court.", "Ondara Provincial Court"),
    ],
)
def test_a_court_named_by_its_kind_is_a_fact(text, fact):
    assert untouched(text, detect(text), fact)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("She now lives at 4 Elm Court, Leeds LS6 2AB.", "4 Elm Court"),
        ("She lives in Flat 3, Regency Court with her son.", "Flat 3, Regency Court"),
        ("He stayed at 12 Regional Court in Hull for a month.", "12 Regional Court"),
        ("She lives at Admiral Court with her son.", "Admiral Court"),
    ],
)
def test_court_is_still_a_street_word(text, address):
    assert covered(text, detect(text), address)
