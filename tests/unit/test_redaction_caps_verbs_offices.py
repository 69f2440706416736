"""Capitals words after a given name that the capitals-surname rule read wrongly
(``desktop.redaction.verb_forms``, ``desktop.redaction.caps_offices``): a past verb written in
capitals for emphasis before what only follows a verb is no surname; an office or a body's kind that
the census lists as a surname, in capitals after a given name, is one. Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_an_emphasised_past_verb_after_a_given_name_is_no_surname() -> None:
    for text, verb, name in [
        ("At the bus stop Priya FOUGHT back against him.", "FOUGHT", "Priya"),
        ("He says Daniel STRUCK him first, then walked off.", "STRUCK", "Daniel"),
        ("When the van stopped Mariam RODE away on a borrowed bike.", "RODE", "Mariam"),
        ("Her manager said Oleg STOLE it from the office.", "STOLE", "Oleg"),
        ("The guard swore that Kofi FREED himself.", "FREED", "Kofi"),
    ]:
        spans = detect(text)
        assert untouched(text, spans, verb), text
        assert covered(text, spans, name, kind="PERSON"), text


def test_a_past_verb_surname_before_a_verb_or_at_the_end_stays_a_name() -> None:
    for text, name in [
        ("On Monday Nadia HELD gave evidence by video link.", "Nadia HELD"),
        ("The form was signed by Sarah FELL.", "Sarah FELL"),
        ("Kwabena OWUSU went out at nine.", "Kwabena OWUSU"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_an_office_the_census_lists_as_a_surname_after_a_given_name() -> None:
    for text, name in [
        ("The keys were left with Gareth BISHOP at reception.", "Gareth BISHOP"),
        ("Mrs Funmi MAYOR signed the tenancy letter.", "Funmi MAYOR"),
        ("Our contact was Halima SERGEANT from the food bank.", "Halima SERGEANT"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_a_body_kind_the_census_lists_as_a_surname_after_a_given_name() -> None:
    for text, name in [
        ("I rang Dale CHAMBERS about the flat on Tuesday.", "Dale CHAMBERS"),
        ("The letter came from Megan SCHOOL, who runs the hostel.", "Megan SCHOOL"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_bodies_and_forms_of_address_in_capitals_stay() -> None:
    for text, word in [
        ("The hearing was moved to Garden Court CHAMBERS last week.", "CHAMBERS"),
        ("Sofia MISS said nothing.", "MISS"),
    ]:
        spans = detect(text)
        assert untouched(text, spans, word), text
