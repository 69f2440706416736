"""Facts told by their shape (``desktop.redaction.facts_by_shape``): courts, schemes and Acts,
saints' churches and towns, neutral citations, places listed with places, things counted with a
number. None of them may take a person with it. Examples written here."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched


@pytest.mark.parametrize(("text", "fact"), [
    ("Her claim was struck out by the District Court of Nyarugenge in 2019.", "District Court of Nyarugenge"),
    ("Her case is listed in the Harris County Municipal Court next week.", "Harris County Municipal Court"),
    ("The sentence was reduced by the Royal Courts after the hearing.", "Royal Courts"),
])  # fmt: skip
def test_courts_stay(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


@pytest.mark.parametrize(("text", "fact"), [
    ("He was sponsored by my employer Regional Sponsored Migration Scheme papers.",
     "Regional Sponsored Migration Scheme"),
    ("Workers are protected by the Modern Slavery Act and the Kafala Act.", "Kafala Act"),
    ("They were charged under the Crimes Act 1900 (Vic) last year.", "Vic"),
])  # fmt: skip
def test_schemes_and_acts_stay(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


@pytest.mark.parametrize(("text", "fact"), [
    ("We prayed at St Bernadette's church every Sunday.", "St Bernadette"),
    ("The family moved near St Kevin's parish hall.", "St Kevin"),
])  # fmt: skip
def test_a_saints_name_starting_a_run_stays(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


def test_a_neutral_citation_stays() -> None:
    text = "The court followed Re Jones [2016] EWCA Civ 1021 on that point."
    assert untouched(text, detect(text), "EWCA Civ")


def test_a_neutral_citations_number_stays() -> None:
    for text, fact in [
        ("See Attorney General's Reference No 3 [2019] EWCA Crim 2201 on sentence.", "2201"),
        ("The reference in the appeal was [2021] UKUT 4518 (IAC).", "4518"),
    ]:
        assert untouched(text, detect(text), fact), text


@pytest.mark.parametrize(("text", "fact"), [
    ("The charity has offices in Drumshanbo, Leeds, York and Ballyjamesduff.", "Ballyjamesduff"),
    ("Clinics run in Glasgow, Dundee, Kirkintilloch and Auchterarder.", "Auchterarder"),
    ("She was moved between hostels in Bristol and Pontnewynydd.", "Pontnewynydd"),
    ("Families were housed in Leeds and Mirpurkhas.", "Mirpurkhas"),
])  # fmt: skip
def test_a_place_listed_with_places_stays(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


@pytest.mark.parametrize(("text", "fact"), [
    ("The inspectors visited 30 Tusla offices in one month.", "Tusla"),
    ("Workers came from 14 Balkan states to pick fruit.", "14 Balkan"),
])  # fmt: skip
def test_a_word_counted_before_a_plural_noun_stays(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


@pytest.mark.parametrize(("text", "fact"), [
    ("She was instructed by Fenwicks & Co in the appeal.", "Fenwicks & Co"),
    ("The claim was brought by Wilsons & Partners for the family.", "Wilsons & Partners"),
    ("He picked strawberries at Tregaskis Farms all summer.", "Tregaskis Farms"),
    ("She worked at Okonjo Farms and then at Brook Farms.", "Brook Farms"),
    ("She packed chicken for Nkwanta Foods near Norwich.", "Nkwanta Foods"),
    ("The Kafala and Labour Rights Commission wrote to us.", "Kafala"),
])  # fmt: skip
def test_firms_and_bodies_named_with_and_stay(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


@pytest.mark.parametrize(("text", "name"), [
    ("I went with Tariq and Leeds Refugee Council to court.", "Tariq"),
    ("My friend Hope and Grace Foundation staff came.", "Hope"),
    ("Then Mr Smith & Co came to the house.", "Smith"),
    ("Witness: Amir Okonjo\nRegional Sponsored Migration Scheme\n", "Amir Okonjo"),
    ("Ian St John told us what happened.", "Ian St John"),
    ("Later Mr St Clair came to the door.", "St Clair"),
    ("Then Judge Court heard the application.", "Court"),
    ("We were helped by Margaret Court and her son.", "Margaret Court"),
    ("My friend Hope Court helped us.", "Hope Court"),
    ("We were helped by Daniel Court of Leeds.", "Daniel Court"),
    ("I rang Leeds City Council, Bradford Council and Tariq.", "Tariq"),
    ("I was in Leeds and Tariq went home.", "Tariq"),
    ("We met in Leeds, York and Tariq's flat.", "Tariq"),
    ("I was at 42 Amina works there.", "Amina"),
    ("Then the officer, Grace Preston, called.", "Grace Preston"),
    ("He was paid by Senthil Kumar of Leeds and Tamworth.", "Senthil Kumar"),
])  # fmt: skip
def test_people_next_to_these_shapes_stay_redacted(text: str, name: str) -> None:
    assert covered(text, detect(text), name)


@pytest.mark.parametrize(("text", "fact"), [
    ("She worked on the farm from 1998-2004 without pay.", "1998-2004"),
    ("In 2019-20 the helpline took more calls than ever.", "2019-20"),
    ("The Home Office refused her claim. She stayed in Libya from 2011-2016.", "2011-2016"),
])  # fmt: skip
def test_years_and_financial_years_stay(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


@pytest.mark.parametrize(("text", "number"), [
    ("Her NI number is IN 20 17 18 A, she said.", "IN 20 17 18 A"),
    ("Her NI number is QQ 12 34 56 C.", "QQ 12 34 56 C"),
    ("The reference on the letter was 2000-2007-4415.", "2000-2007-4415"),
    ("Her Home Office reference is 2201 4455, after [2019] EWCA Crim 12.", "2201 4455"),
])  # fmt: skip
def test_identifiers_shaped_like_years_stay_redacted(text: str, number: str) -> None:
    assert covered(text, detect(text), number)


@pytest.mark.parametrize(("text", "name"), [
    ("Witness: Amir Okonjo\nNyarugenge District Court\n", "Amir Okonjo"),
    ("Signed: Amir Okonjo\nKalayaan Project\n", "Amir Okonjo"),
    ("Written by Grace Okafor\nMercy Foundation\n", "Grace Okafor"),
])  # fmt: skip
def test_a_name_on_the_line_above_a_bodys_name_is_not_part_of_it(text: str, name: str) -> None:
    assert covered(text, detect(text), name)


def test_a_bodys_name_wrapped_in_long_lines_stays_whole() -> None:
    text = (
        "The families were sent from the airport to the Hillgate Immigration\nRemoval Centre, "
        "which had been a prison for many years before it held them."
    )
    assert untouched(text, detect(text), "Hillgate Immigration\nRemoval Centre")
