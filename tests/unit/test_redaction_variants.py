"""Spelling variants of a recorded name get the recorded person's pseudonym."""

from __future__ import annotations

import pytest

from desktop.redaction import Decisions, KnownIdentifiers, apply, detect
from desktop.redaction.variants import name_key


@pytest.mark.parametrize(
    "recorded, variant",
    [
        ("Mohammed Khan", "Muhammad"),
        ("Mohammed Khan", "Mohamed"),
        ("Mohammed Khan", "Muhammed"),
        ("Mohammed Khan", "Mohammad"),
        ("Muhammad Iqbal", "Mohammed"),
        ("Abdul Rahman", "Abdel"),
        ("Yusuf Ali", "Yousef"),
        ("Oleksandr Shevchenko", "Aleksandr"),
        ("Hassan Farah", "Hasan"),
    ],
)
def test_a_variant_spelling_gets_the_recorded_persons_pseudonym(recorded, variant):
    given = recorded.split()[0]
    text = f"{recorded} came first. Later {variant} left, and {given} stayed."
    known = KnownIdentifiers(people=[(recorded, [])])
    red = apply(text, detect(text, known))
    assert red.text == "Person A came first. Later Person A left, and Person A stayed.", red.text
    assert [e.placeholder for e in red.legend] == ["Person A"]


def test_a_variant_with_the_surname_is_the_same_person_too():
    text = "Mohammed Khan hit me. Muhammad Khan is what the police wrote. Mr Khan denied it."
    red = apply(text, detect(text, KnownIdentifiers(people=[("Mohammed Khan", [])])))
    assert red.text == "Person A hit me. Person A is what the police wrote. Mr Person A denied it."


def test_the_variant_stays_a_suggestion_the_reviewer_can_reject():
    text = "Mohammed Khan came. Muhammad left."
    known = KnownIdentifiers(people=[("Mohammed Khan", [])])
    spans = detect(text, known)
    variant = next(s for s in spans if text[s.start : s.end] == "Muhammad")
    assert variant.source == "detector" and variant.person == "Mohammed Khan"
    dec = Decisions(text)
    dec.reject(variant, "the prophet, not a person in the statement")
    assert apply(text, spans, dec).text == "Person A came. Muhammad left."


def test_other_people_keep_their_own_pseudonyms():
    known = KnownIdentifiers(people=[("Mohammed Khan", []), ("Yusuf Ali", [])])
    # "Muhammad Ali" matches neither person in every word: a relative of Yusuf Ali, someone else.
    text = "Mohammed Khan and Yusuf Ali came. Muhammad Ali and Ahmed came later. Yousef stayed."
    red = apply(text, detect(text, known))
    assert red.text == "Person A and Person B came. Person C and Person D came later. Person B stayed."


def test_a_variant_of_two_recorded_people_is_left_to_the_reviewer():
    known = KnownIdentifiers(people=[("Mohammed Khan", []), ("Mohamed Aziz", [])])
    text = "Mohammed Khan and Mohamed Aziz came. Muhammad left."
    red = apply(text, detect(text, known))
    assert red.text == "Person A and Person B came. Person C left."


def test_name_keys():
    for a, b in [("Muhammad", "MOHAMED"), ("Abdul", "abdel"), ("Yusuf", "Youssef"), ("Oleksandr", "Aleksandr"),
                 ("Hussain", "Hussein"), ("Abdullah", "Abdallah"), ("Małgorzata", "Malgorzata")]:  # fmt: skip
        assert name_key(a) == name_key(b), (a, b)
    for a, b in [("Hasan", "Hussain"), ("Ali", "Alia"), ("Mohammed", "Mahmoud"), ("Yusuf", "Yunus"), ("Omar", "Amar")]:
        assert name_key(a) != name_key(b), (a, b)
