"""Surnames written in capitals, as police statements, court lists and case files write them
(``desktop.redaction.caps_surnames``): beside a given name or a chain of titles, in the "SURNAME,
Given" order, and the same capitals word again. Acronyms, bodies and headings in capitals stay.
Examples written here; every surname is also an English word, which the backstop does not take."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_capitals_surname_after_a_given_name_or_titles_is_taken() -> None:
    for text, names in [
        ("On Friday Colin MARSH drove the van to the farm.", ["Colin MARSH"]),
        ("My support worker Nadia FROST came with me to the station.", ["Nadia FROST"]),
        ("The man, Tomas HUNT, said he would call the police.", ["Tomas HUNT"]),
        ("Interviewing officer: DC Helen MOSS, of the local team.", ["Helen MOSS"]),
        ("BEFORE:\n\nMR JUSTICE BIRCH\n\nBetween the Crown and the defendant", ["BIRCH"]),
    ]:
        spans = detect(text)
        for name in names:
            assert covered(text, spans, name, kind="PERSON"), text


def test_a_given_name_no_census_lists_before_a_capitals_surname_word() -> None:
    for text, name in [
        ("The van was driven by Oksana HILL from the agency.", "Oksana HILL"),
        ("Witness: Chiamaka BELL", "Chiamaka BELL"),
        ("We stayed with Dariusz HUNT for two weeks.", "Dariusz HUNT"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_the_surname_first_with_a_comma_before_the_given_name() -> None:
    for text, name in [
        ("HEATH, Gillian (interpreter) read the statement back to me.", "HEATH"),
        ("SHARP, Bridget\nDate of birth withheld", "SHARP"),
        ("The form was left with REED, Dennis at the front desk.", "REED"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_the_same_capitals_surname_again_is_that_person() -> None:
    for text, word in [
        ("On Friday Colin MARSH drove the van. Later MARSH kept our passports in a drawer.", "MARSH"),
        ("DC Helen MOSS took my statement. MOSS asked me about my visa.", "MOSS"),
        ("HEATH, Gillian was there. I never saw HEATH again after that day.", "HEATH"),
    ]:
        spans = detect(text)
        assert covered(text, spans, word, 1, kind="PERSON"), text


def test_acronyms_bodies_and_headings_in_capitals_stay() -> None:
    for text, words in [
        ("I WAS SCARED that the NHS, Grace said, would tell UKVI.", ["WAS", "SCARED", "NHS", "UKVI"]),
        ("WITNESS STATEMENT\nHOME OFFICE, Immigration Enforcement wrote to me.", ["WITNESS", "STATEMENT", "HOME"]),
        ("The CPS, Crown Prosecution Service, dropped the case and the BBC reported it.", ["CPS", "BBC"]),
        ("I met Grace at the MARAC meeting and the NRM forms were sent.", ["MARAC", "NRM"]),
        ("WARNING: DO NOT SHARE. Mary said the POLICE came at NIGHT.", ["WARNING", "SHARE", "POLICE", "NIGHT"]),
        ("Our worker Amy rang HMRC, Sarah rang the GP.", ["HMRC", "GP"]),
        ("Stanley rang the GREEN PARTY office and the HOME OFFICE.", ["GREEN", "PARTY", "HOME", "OFFICE"]),
    ]:
        spans = detect(text)
        for word in words:
            assert untouched(text, spans, word), (text, word)


def test_a_capitals_surname_beside_a_given_name_from_the_world_list() -> None:
    # the census list lacked these given names, so the surname in capitals was left in the text
    for text, name in [
        ("Zeynep HARTLEY told me to wait in the car.", "Zeynep HARTLEY"),
        ("The witness, Mehmet BOLTON, said he saw the van.", "Mehmet BOLTON"),
        ("STONE, Bogdan was interviewed at the station.", "STONE"),
        ("The statement was taken from WALKER, Hamza on 3 May.", "WALKER"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_a_capitals_surname_that_is_a_town_after_any_likely_name() -> None:
    # a surname in capitals that is also a town's name, after a given name that no list holds
    for text, name in [
        ("Adwoa BOLTON told me to wait in the car.", "Adwoa BOLTON"),
        ("The statement of Chidi HARTLEY was read out.", "Chidi HARTLEY"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text
    for text, place in [
        ("I met Adwoa in LONDON last year.", "LONDON"),  # not straight after the name
        ("The flight from Accra GHANA was late.", "GHANA"),  # a place before it, not a name
    ]:
        assert untouched(text, detect(text), place), text
