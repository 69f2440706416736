"""More rules for published testimony (news reports, charity case studies), each with examples
written here: bodies that read like people (acronyms, charities named by the people who run them,
firms with a plural verb, lists of companies), places a report writes its own way (datelines, US
states, landmarks in the possessive, detention centres), and people it marks as such (bylines,
pseudonyms with an asterisk or a note, names after an occupation)."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def _names(text: str) -> list[str]:
    return [text[s.start : s.end] for s in detect(text) if s.type == "PERSON"]


# (1) A word in capitals alone among lower-case words is an acronym; initials standing for someone
# and a name in capitals beside another stay names.
@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("The footage was shown by ATV and two papers the next morning.", "ATV"),
        ("Women from BAME communities were least likely to be believed.", "BAME"),
        ("Tobias Ferreira, CFO of the shelter, said the beds were full.", "CFO"),
    ],
)
def test_a_lone_word_in_capitals_among_words_is_an_acronym(text, acronym):
    assert untouched(text, detect(text), acronym)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In 2019, AKO’s husband took her passport and AKO left the house.", "AKO"),
        ("Her lawyer, OLUWASEUN ADEBAYO, said the claim was strong.", "OLUWASEUN ADEBAYO"),
        ("Nadia wrote to us first. Later NADIA said the landlord kept her deposit.", "NADIA"),
        ("The van came at six and (EMEKA) kept the keys.", "EMEKA"),
        ("I was hit by DRITAN outside the shop in front of everyone.", "DRITAN"),
        ("On the phone I told NKECHI about the rent and the deposit.", "NKECHI"),
    ],
)
def test_initials_with_kin_and_names_in_capitals_stay_names(text, name):
    assert covered(text, detect(text), name)


# (2) The body someone leads or works for is a body, wherever else it is written.
def test_the_body_after_chief_executive_of_is_kept_wherever_written():
    text = ("Marta Kowalczyk, chief executive of Brightwater, said demand had doubled. "
            "Families referred to Brightwater waited for months.")
    spans = detect(text)
    assert covered(text, spans, "Marta Kowalczyk")
    assert untouched(text, spans, "Brightwater")
    assert not any(text[s.start : s.end] == "Brightwater" for s in spans)


def test_head_of_someones_family_is_not_a_body():
    text = "The head of Tariq’s family met us at the door."
    assert covered(text, detect(text), "Tariq")


# (3) Two capitalised ordinary words joined by "and" in mid-sentence name one body; two given names
# that are words are two people.
def test_two_ordinary_words_joined_by_and_are_one_body():
    text = "She was referred to Justice and Harbour by her college."
    spans = detect(text)
    assert untouched(text, spans, "Justice and Harbour")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("At the bus stop I met Grace and Hope from church.", "Grace", "Hope"),
        ("Later I told Brook and Fields what had happened at the house.", "Brook", "Fields"),
    ],
)
def test_two_people_joined_by_and_stay_people(text, first, second):
    spans = detect(text)
    assert covered(text, spans, first) and covered(text, spans, second)


# (4) A name followed by a plural verb is a firm; the last of a list of people is a person.
def test_a_name_before_a_plural_verb_is_a_firm():
    text = "Northgate Lewis are recruiting cleaners for the hotels again."
    assert untouched(text, detect(text), "Northgate Lewis")


def test_people_listed_before_a_plural_verb_stay_people():
    text = "Tariq and Amina Begum were both arrested that night."
    assert covered(text, detect(text), "Amina Begum")


# (5) A doctrine or a faith is a word, not a name.
@pytest.mark.parametrize("word", ["Zoroastrianism", "Catholicism", "Christianity"])
def test_a_faith_or_doctrine_is_not_a_name(word):
    text = f"After converting to {word} she was threatened by her brothers."
    assert untouched(text, detect(text), word)


# (6) A name in a list of companies is a company.
def test_a_name_in_a_list_of_companies_is_a_company():
    text = "The towels were sold by Homeware Plc, the Argyll Partnership and Tanfield Loom to shoppers."
    assert untouched(text, detect(text), "Tanfield Loom")


def test_a_list_without_a_company_leaves_people_alone():
    text = "The money was taken by Kwame Asante, Bilal Qureshi and Dritan Hoxha."
    spans = detect(text)
    assert covered(text, spans, "Dritan Hoxha")


# (7) An ordinary word straight after an allow-listed body continues that body's name.
def test_an_ordinary_word_after_an_allowed_body_is_part_of_it():
    text = "The charity’s Modern Slavery Outreach has six caseworkers."
    assert untouched(text, detect(text), "Modern Slavery Outreach")


# (8) The words an acronym in brackets is spelt from, small words between them.
def test_a_body_spelt_out_with_and_between_its_words_is_kept():
    text = "The case went to the Fairwork and Migrant Labour Board (FMLB) in March."
    assert untouched(text, detect(text), "Fairwork and Migrant Labour Board")


# (9) A photo credit whose sides both end in an agency's word holds no person.
def test_a_credit_of_two_agencies_holds_no_person():
    text = "The hostel corridor\n\nRex Features / Shutterstock Editorial\n\nThe doors did not lock."
    assert _names(text) == []


def test_a_credit_of_a_photographer_and_an_agency_keeps_the_photographer():
    text = "The hostel corridor\n\nDaniel Mwangi / Getty Images\n\nThe doors did not lock."
    assert covered(text, detect(text), "Daniel Mwangi")


# (10) After "By", a surname that is also a place is part of the byline.
def test_a_byline_surname_that_is_a_place_is_redacted():
    text = "Locked in at the depot\n\nby Oyelaran Preston\nMidland Digital News Service\n\nThe men worked nights."
    assert covered(text, detect(text), "Oyelaran Preston")


def test_a_line_of_places_after_by_is_no_byline():
    text = "The coach went on\nBy Leeds Bradford\nto the airport."
    assert _names(text) == []


# (11) A word with an asterisk or a note's number straight after it is a changed name, wherever else
# written; an ordinary word only when a person's words follow, and not after a determiner.
def test_a_name_marked_with_an_asterisk_is_redacted_wherever_written():
    text = "Rosalind* came to the drop-in on a Tuesday. Rosalind said she had not eaten."
    spans = detect(text)
    assert covered(text, spans, "Rosalind") and covered(text, spans, "Rosalind", 1)


def test_an_ordinary_word_with_a_note_and_a_persons_words_is_a_name():
    text = "Since March, Saffron[2] and her son have shared one room. Saffron works nights."
    spans = detect(text)
    assert covered(text, spans, "Saffron") and covered(text, spans, "Saffron", 1)


def test_a_body_with_a_note_after_a_determiner_is_not_a_name():
    text = "Figures from the Government[3] have been disputed."
    assert untouched(text, detect(text), "Government")


# (12) A capitalised word straight after an occupation is a name, even an ordinary word.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The evening was opened by poet Clay and closed by a choir.", "Clay"),
        ("Funds came from a concert given by rapper Fortune in Leeds.", "Fortune"),
    ],
)
def test_a_word_after_an_occupation_is_a_name(text, name):
    assert covered(text, detect(text), name)


# (13) A dateline: a town in capitals opening a line before a dash, with its state and agency.
def test_a_dateline_is_a_place():
    text = "SACRAMENTO, Calif. (KXPR) — Farm workers said their passports were held by the grower."
    spans = detect(text)
    for piece in ("SACRAMENTO", "Calif", "KXPR"):
        assert untouched(text, spans, piece)


def test_a_name_in_capitals_before_a_dash_is_no_dateline():
    text = "TEMITOPE – not her real name – cleaned the house for two years."
    assert covered(text, detect(text), "TEMITOPE")


# (14) A US state's abbreviation after a town makes both places.
def test_a_town_before_a_us_state_abbreviation_is_a_place():
    text = "She was sent to a packing plant in Dothan, Ala. and paid in cash."
    spans = detect(text)
    assert untouched(text, spans, "Dothan") and untouched(text, spans, "Ala")


# (15) A landmark named in the possessive is a place.
@pytest.mark.parametrize("place", ["Colley’s Green", "Hollin’s End"])
def test_a_landmark_in_the_possessive_is_a_place(place):
    text = f"The women were held at {place} for nine days."
    assert untouched(text, detect(text), place)


def test_a_persons_possessive_before_a_street_is_still_a_name():
    text = "Tariq’s Park Lane flat was raided. Later Tariq moved to Leeds."
    spans = detect(text)
    assert covered(text, spans, "Tariq") and covered(text, spans, "Tariq", 1)


# (16) A named building that a sentence of the text puts in detention is a fact, not an address.
def test_a_detention_centre_named_without_a_number_is_kept_wherever_written():
    text = ("Visitors at Cedar House heard the same complaints. "
            "Most detained people at Cedar House had no lawyer.")
    spans = detect(text)
    assert untouched(text, spans, "Cedar House")
    assert not any(s.type == "ADDRESS" for s in spans)


def test_a_named_building_without_detention_is_still_an_address():
    text = "We rented a room at Cedar House from a man who kept our passports."
    assert any(s.type == "ADDRESS" and "Cedar House" in text[s.start : s.end] for s in detect(text))
