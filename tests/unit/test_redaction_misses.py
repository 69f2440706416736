"""Known kinds of miss, each caught by a general rule (``redaction/misses_people.py``,
``misses_places.py``, and the join of ``context.JOIN``). Every example here was written for this
file: none is a sentence of any test set, and the words are not in any list the rules read except
the gazetteer, the given names and the surnames (each with its source in SOURCES.md)."""

from __future__ import annotations

import pytest

from desktop.redaction import KnownIdentifiers, detect


def _people(text: str) -> list[str]:
    return [text[s.start : s.end] for s in detect(text, KnownIdentifiers()) if s.type == "PERSON"]


def _touched(text: str, fact: str) -> bool:
    a = text.index(fact)
    b = a + len(fact)
    return any(s.start < b and a < s.end for s in detect(text, KnownIdentifiers()))


# --- A given name in lower case after a relation or naming cue -------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("After the shelter closed my cousin faith let me stay in her room.", "faith"),
    ("I told the worker that my neighbour joy had seen the bruises.", "joy"),
    ("There was a lady called ivy who cooked for all of us.", "ivy"),
    ("my flatmate, dawn, phoned the helpline for me", "dawn"),
    ("my support worker's name is joy and she speaks Tigrinya", "joy"),
])  # fmt: skip
def test_a_lower_case_given_name_after_a_cue_is_redacted(text, name):
    assert name in _people(text)


@pytest.mark.parametrize("text", [
    "My husband drew a knife and held it to my neck.",
    "My friend will come with me to the station.",
    "My landlord rose early and banged on the door.",
    "My sister said the police would not believe us.",
    "My boss is rich and knows people at the council.",
    "my husband was frank about the visa from the start",
])  # fmt: skip
def test_a_word_after_a_cue_that_reads_as_a_verb_is_left(text):
    assert _people(text) == []


# --- A given name written in capitals --------------------------------------------------------------


@pytest.mark.parametrize(("text", "names"), [
    ("That night CHELSEA told me to pack a bag and leave.", ["CHELSEA"]),
    ("WHEN MERCY CAME HOME SHE WAS CRYING", ["MERCY"]),
    ("IVY AND DAWN WERE WAITING AT THE DOOR", ["IVY", "DAWN"]),
    ("I was scared of what FAITH shouted at the children.", ["FAITH"]),
])  # fmt: skip
def test_a_given_name_in_capitals_is_redacted_where_the_wording_makes_it_someone(text, names):
    assert _people(text) == names


@pytest.mark.parametrize("text", [
    "THE GRACE PERIOD ENDED AND THE VISA RAN OUT",
    "WE MOVED TO CHELSEA IN THE SPRING",
    "SHE GAVE ME A ROSE AND TOLD ME TO SMILE",
])  # fmt: skip
def test_words_in_capitals_that_are_no_one_are_left(text):
    assert _people(text) == []


# --- "went back to X": a person or a place, by what follows ----------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("When he locked me out I went back to Beverley and she gave me a bed.", "Beverley"),
    ("I ran to Imran for help because he spoke my language.", "Imran"),
    ("We went to Dorcas, who knew a solicitor.", "Dorcas"),
    ("I went back to Lorna and told her what the officer said.", "Lorna"),
])  # fmt: skip
def test_someone_gone_to_is_a_person_when_what_follows_is_a_persons(text, name):
    assert name in _people(text)


@pytest.mark.parametrize(("text", "place"), [
    ("We went back to Coventry and she found us a room there.", "Coventry"),
    ("Later we went back to Swindon and stayed with my aunt.", "Swindon"),
    ("I went to Leicester for help from the council.", "Leicester"),
    ("In the end we went to Georgia for help from my family.", "Georgia"),
    ("We went back to Preston and he got a job in a warehouse there.", "Preston"),
    ("They sent us back to India and she never called again.", "India"),
])  # fmt: skip
def test_a_town_gone_to_stays_a_place(text, place):
    assert not _touched(text, place)


# --- Places and venues named with their kind, and money ---------------------------------------------


@pytest.mark.parametrize(("text", "place"), [
    ("He dropped us at Hartcliffe Bus Station before it was light.", "Hartcliffe Bus Station"),
    ("The coach from Poland stopped outside Alexandra Palace.", "Alexandra Palace"),
    ("I cleaned stalls at Smithfield Market every morning.", "Smithfield Market"),
    ("The van left Marigold Coach Station at ten.", "Marigold Coach Station"),
    ("We slept in Jubilee Park for two nights.", "Jubilee Park"),
    ("Our shift started at Rosemary Market at four.", "Rosemary Market"),
    ("The van left Imogen Coach Station late.", "Imogen Coach Station"),
])  # fmt: skip
def test_a_place_named_with_its_kind_is_a_fact(text, place):
    assert not _touched(text, place)


@pytest.mark.parametrize(("text", "name"), [
    ("Min-seo Park told me to wait in the car.", "Min-seo Park"),
    ("I met Norah Hall at the drop-in.", "Norah Hall"),
    ("PC Ruby Hall took my statement.", "Ruby Hall"),
])  # fmt: skip
def test_a_persons_surname_that_is_a_kind_of_place_stays_a_name(text, name):
    assert name in _people(text)


@pytest.mark.parametrize(("text", "name"), [
    ("I was helped by Yusuf Hall at the drop-in.", "Yusuf Hall"),  # "by": who did it
    ("The van was driven by Hamza Green every night.", "Hamza Green"),
    ("I gave the keys to Zeynep Park and left.", "Zeynep Park"),  # "to" that ends no journey
    ("A text from Bogdan Green said to wait.", "Bogdan Green"),
])  # fmt: skip
def test_a_given_name_before_a_kind_of_place_after_by_to_or_from_stays_a_name(text, name):
    # the given names are the world list's (given_names_world.txt), none an English word or a place
    assert name in _people(text)


@pytest.mark.parametrize(("text", "place"), [
    ("I took the train to Alexandra Park on Sunday.", "Alexandra Park"),  # a journey's "to"
    ("The coach stopped by Victoria Park.", "Victoria Park"),  # a place's name first
    ("We walked back from Jubilee Park.", "Jubilee Park"),  # an English word first
])  # fmt: skip
def test_a_place_after_by_to_or_from_stays_a_place(text, place):
    assert not _touched(text, place)


@pytest.mark.parametrize(("text", "name"), [
    ("I was helped by Kwame Hall at the drop-in.", "Kwame Hall"),  # a given name no list holds
    ("We were driven by Oluwaseun Green to the farm.", "Oluwaseun Green"),
    ("She got beaten by Chidi Green twice.", "Chidi Green"),
    ("The rent was always paid by Adwoa Park.", "Adwoa Park"),
])  # fmt: skip
def test_any_likely_name_after_a_passives_by_stays_a_name(text, name):
    assert name in _people(text)


@pytest.mark.parametrize(("text", "name"), [
    ("He sold me to Kofi Park for two thousand pounds.", "Kofi Park"),
    ("I gave my passport to Kwame Hall at the airport.", "Kwame Hall"),
    ("She was married to Chidi Green by then.", "Chidi Green"),
    ("I spoke to Tunde Hall about the money.", "Tunde Hall"),
])  # fmt: skip
def test_any_likely_name_after_a_to_that_takes_a_person_stays_a_name(text, name):
    assert name in _people(text)


@pytest.mark.parametrize(("text", "place"), [
    ("We were dropped by Finsbury Park at night.", "Finsbury Park"),  # a verb of where
    ("We walked by Hartcliffe Park every day.", "Hartcliffe Park"),  # no passive
    ("I talked to people at Hartcliffe Park.", "Hartcliffe Park"),  # "at", not the verb's "to"
    ("We went to Hartcliffe Park on Sunday.", "Hartcliffe Park"),  # a journey's "to"
])  # fmt: skip
def test_a_place_after_by_or_to_with_no_persons_verb_stays_a_place(text, place):
    assert not _touched(text, place)


@pytest.mark.parametrize(("text", "money"), [
    ("He kept 300 pounds Sterling of my wages every month.", "Sterling"),
    ("They paid me 40 Sterling a week for twelve hours a day.", "Sterling"),
    ("The agent wanted 9,000 Dirhams before he gave back my passport.", "Dirhams"),
])  # fmt: skip
def test_a_currency_after_an_amount_is_money_not_a_name(text, money):
    assert not _touched(text, money)


# --- An English word after a word of speech ----------------------------------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("The 41-year-old told Pressure she could not sleep.", "Pressure"),
    ("Asked about the raid, the woman said Everything had been taken.", "Everything"),
])  # fmt: skip
def test_an_english_word_after_told_or_said_is_no_one(text, word):
    assert not _touched(text, word)


@pytest.mark.parametrize(("text", "name"), [
    ("I told Baker what the landlord had done.", "Baker"),  # a surname that is a word
    ("I told Hope what the landlord had done.", "Hope"),  # a given name that is a word
    ("I told Mensah what the landlord had done.", "Mensah"),  # no word at all
])  # fmt: skip
def test_a_surname_or_given_name_after_told_stays_a_name(text, name):
    assert name in _people(text)


# --- Officers after a plural rank ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "names"), [
    ("PCs Stone and Okoro came to the flat at six.", ["Stone", "Okoro"]),
    ("Two DCs, Hurst and Lowe, interviewed me at the station.", ["Hurst", "Lowe"]),
    ("PCSOs Fenn, Adeyemi and Cole were on the door.", ["Fenn", "Adeyemi", "Cole"]),
    ("Constables Reading and Wells searched the room.", ["Reading", "Wells"]),
])  # fmt: skip
def test_names_listed_after_a_plural_rank_are_redacted(text, names):
    assert _people(text) == names


def test_a_plural_rank_with_no_names_after_it_is_left():
    assert _people("Two PCs came to the flat and then some Sergeants.") == []


# --- A heading and a name across a blank line ------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Background\n\nNadia was brought here on a student visa.", "Nadia"),
    ("Work\r\n\r\nTendai Moyo drove us to the farm.", "Tendai Moyo"),
    ("Summary \n\nOksana said the van was white.", "Oksana"),
])  # fmt: skip
def test_a_name_is_never_joined_across_a_blank_line(text, name):
    people = _people(text)
    assert people == [name]
    assert all("\n\n" not in p.replace("\r", "").replace(" ", "") for p in people)


def test_a_name_over_one_line_break_is_still_one_name():
    assert _people("I was met by Tendai\nMoyo at the coach station.") == ["Tendai\nMoyo"]


# --- Someone's relation after a word makes it someone ------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("I packed boxes for Sable and her husband at the depot.", "Sable"),
    ("We cleaned the flats for Ludo and his cousin every weekend.", "Ludo"),
])  # fmt: skip
def test_a_word_followed_by_and_his_or_her_relation_is_someone(text, name):
    assert name in _people(text)


def test_a_place_followed_by_and_his_relation_stays_a_place():
    assert not _touched("They stayed in Bradford and his brother stayed in Hull.", "Bradford")


# --- Bodies, events and places by wording --------------------------------------------------------------


@pytest.mark.parametrize(("text", "fact"), [
    ("She was one of thousands caught up in the Kettleby scandal and lost her job.", "Kettleby"),
    ("The caseworker sent me to Sahara Sisters, a small women's charity in Leeds.", "Sahara Sisters"),
    ("Help came from Nuvola, which runs a night shelter for families.", "Nuvola"),
    ("Nuvola, a specialist refuge, took us in. Later Nuvola found us a flat.", "Later Nuvola"),
    ("Lawyers from Brantwood Osei sent a letter to the Home Office.", "Brantwood Osei"),
    ("The project manager of Velani said the visas were the problem.", "Velani"),
    ("A senior Whig MP said victims should be safe to report.", "Whig"),
    ("She came from Kerala in India to work in a care home.", "Kerala"),
    ("He works for Lanterns for Change, which helps trafficked men.", "Lanterns for Change"),
])  # fmt: skip
def test_bodies_events_and_places_named_so_by_the_wording_are_facts(text, fact):
    assert not _touched(text, fact)


@pytest.mark.parametrize(("text", "name"), [
    ("Nobody would tell the Okafor family what had happened.", "Okafor"),
    ("The MP Rosalind Ebere said the scheme had failed.", "Rosalind Ebere"),
    ("My cousin came from Tariq's village in Pakistan.", "Tariq"),
])  # fmt: skip
def test_people_beside_the_same_wording_stay_names(text, name):
    assert name in _people(text)


def test_someone_described_by_their_work_at_a_company_stays_a_name():
    assert "Tariku" in _people("I was paid by Tariku, a company director from Slough, in cash.")


@pytest.mark.parametrize(("text", "place"), [
    ("The moment we landed at Stansted they took our phones.", "Stansted"),
    ("She stepped off the plane at Luton with nothing but a bag.", "Luton"),
    ("Our flight to Lagos was cancelled twice.", "Lagos"),
    ("We came on a lorry from Calais in the dark.", "Calais"),
])  # fmt: skip
def test_where_a_plane_lands_or_a_boat_sails_is_a_place(text, place):
    assert not _touched(text, place)


def test_someone_flown_to_by_possession_stays_a_name():
    assert "Efua" in _people("I flew to Efua's wedding on a tourist visa.")


# --- Addresses that are dates or a body's name -------------------------------------------------------


@pytest.mark.parametrize(("text", "fact"), [
    ("We sent the forms to the DWP on the 21 October 2019 by post.", "21 October 2019"),
    ("A barrister from Copper Lane Chambers took my case for free.", "Copper Lane Chambers"),
])  # fmt: skip
def test_a_date_or_a_body_named_after_its_street_is_no_address(text, fact):
    assert not _touched(text, fact)


def test_a_numbered_street_is_still_an_address():
    spans = detect("They kept us at 14 Copper Lane in the loft.", KnownIdentifiers())
    assert [("14 Copper Lane", "ADDRESS")] == [("They kept us at 14 Copper Lane in the loft."[s.start : s.end], s.type)
                                                for s in spans]


def test_someones_possession_after_a_workplace_word_stays_a_name():
    assert "Delroy" in _people("The manager of Delroy's shop kept my wages.")
