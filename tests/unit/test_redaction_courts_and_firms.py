"""Bodies the address and name passes took for an address or a person: a court named by its town and
its kind ("the Tarrowby Regional Court"), a law firm named after people ("the Harlow Venn pro bono
team"). Examples written here; "Court" stays a street word where a
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


# A law firm named after people, before a firm's noun: a body, not names.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("The Harlow Venn pro bono team this week secured damages for her.", "Harlow Venn"),
        ("The Clayton Howe pro bono team took the case.", "Clayton Howe"),
        ("She was helped by Marsh & Tolland solicitors in Leeds.", "Marsh & Tolland"),
        ("The Adeyemi Kerr law firm took her case.", "Adeyemi Kerr"),
        ("A lawyer from Okafor Whitby solicitors rang me.", "Okafor Whitby"),
    ],
)
def test_a_firm_named_after_people_is_a_fact(text, fact):
    assert untouched(text, detect(text), fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I told Amina solicitors cost money.", "Amina"),  # a verb before it: a person
        ("She sacked Jane Roe's solicitors in May.", "Jane Roe"),  # the firm is hers
        ("Grace Obi solicitors wrote to us.", "Grace Obi"),  # nothing before it says a firm
    ],
)
def test_a_person_before_solicitors_stays_a_name(text, name):
    assert covered(text, detect(text), name)
