"""The rules made from what an eighteenth set of published testimony showed
(``desktop.redaction.letters_and_times``, ``outlets_and_origins`` and the opening article of
``things``), and the neighbouring names and facts they must leave as they were. Examples written
here; every person in them is invented."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched

# --- "Ms A": the letter after a title ----------------------------------------------------------

LETTERS = [
    ("Ms A moved to Croydon on a spousal visa in 2019.", "A"),
    ("The refuge said Mr A told staff he had no money.", "A"),
    ("Ms A's husband kept her passport.", "A"),
    ("The officer wrote to Mrs A, who replied at once.", "A"),
    ("Nobody believed Dr A.", "A"),
    ("Later Mr A Khan said he had paid the agent.", "A Khan"),
    ("In the notes, Ms A Mwangi signed the form.", "A Mwangi"),
]


@pytest.mark.parametrize(("text", "name"), LETTERS)
def test_the_letter_a_after_a_title_is_redacted(text: str, name: str) -> None:
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), spans


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Never Miss A Payment Again", "Miss A Payment"),  # a headline's verb and its article
        ("A caseworker met Ms T in Leeds.", "A caseworker"),
        ("A nurse saw her in Leeds.", "A nurse"),
        ("Ms A moved to Croydon on a spousal visa in 2019.", "Croydon"),
    ],
)
def test_the_article_and_the_facts_around_the_letter_stay(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


def test_other_letters_after_a_title_are_still_names() -> None:
    text = "Ms T came, and Mr B said no."
    spans = detect(text)
    assert covered(text, spans, "T", kind="PERSON") and covered(text, spans, "B", kind="PERSON"), spans


# --- "4:40 PM EAT": the half of the day is no title --------------------------------------------

ZONES = [
    ("Posted 11:02 PM IST by the desk.", "IST"),
    ("Updated at 9:15 AM AEST on Monday.", "AEST"),
    ("Mar 3, 2024 4:40 PM WAT", "WAT"),
    ("The flight left at 6.30 PM EAT.", "EAT"),
]


@pytest.mark.parametrize(("text", "zone"), ZONES)
def test_a_time_zone_after_a_clock_time_is_kept(text: str, zone: str) -> None:
    assert untouched(text, detect(text), zone)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PM Okonjo-Bassey met the families.", "Okonjo-Bassey"),  # "PM" as a title still cues a name
        ("At 10:30 PM Grace Okafor rang the helpline.", "Grace Okafor"),
    ],
)
def test_names_after_pm_stay_names(text: str, name: str) -> None:
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), spans


# --- "A Travexo spokesman said": an article opening the sentence ---------------------------------

BODIES_AFTER_A = [
    ("A Travexo spokesman said the contract had ended.", "Travexo"),
    ("An Olvera spokeswoman declined to comment.", "Olvera"),
    ("A Quintrel driver collected the workers at dawn.", "Quintrel"),
]


@pytest.mark.parametrize(("text", "body"), BODIES_AFTER_A)
def test_a_body_before_its_people_at_a_sentence_start_is_kept(text: str, body: str) -> None:
    assert untouched(text, detect(text), body)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A Okafor said the wages were late.", "Okafor"),  # "A" as an initial: a verb follows
        ("A Chidi told me to wait.", "Chidi"),
        ("A Travexo spokesman said Mbalenhle Dube had left.", "Mbalenhle Dube"),
    ],
)
def test_a_name_after_an_opening_capital_a_stays_a_name(text: str, name: str) -> None:
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), spans


# --- News outlets ------------------------------------------------------------------------------

OUTLETS = [
    ("He was a producer at Sky News for ten years.", "Sky News"),
    ("The footage was shown on Dawn News last night.", "Dawn News"),
    ("The farms were busy\n\nKampala Metro News\n\nBy the desk", "Kampala Metro News"),
]


@pytest.mark.parametrize(("text", "outlet"), OUTLETS)
def test_a_news_outlet_is_kept(text: str, outlet: str) -> None:
    assert untouched(text, detect(text), outlet)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("By Chidi Okafor Sky News", "Chidi Okafor"),  # a byline's name before the outlet
        ("Chidi Okafor, Sky News, reported from Lagos.", "Chidi Okafor"),
        ("I told Chidi News would come later.", "Chidi"),  # after a verb: no outlet
    ],
)
def test_a_name_next_to_an_outlet_stays_a_name(text: str, name: str) -> None:
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), spans


# --- Places of origin --------------------------------------------------------------------------

PLACES = [
    ("The 19-year-old had moved to Tiruvalla in south India to work in a care home.", "Tiruvalla"),
    ("They finally made it to Ubari in southern Libya.", "Ubari"),
    ("He fled from Kassala in eastern Sudan.", "Kassala"),
    ("The 24-year-old Eritrean from Mendefera said he was beaten.", "Mendefera"),
    ("A Ghanaian woman from Techiman was found in the house.", "Techiman"),
    ("Two Nepali workers from Ilam said they owed the agent.", "Ilam"),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_a_place_of_origin_is_kept(text: str, place: str) -> None:
    assert untouched(text, detect(text), place)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We met Obiageli in northern Nigeria.", "Obiageli"),  # after "met": a person
        ("She sent it to Obiageli in northern Nigeria.", "Obiageli"),  # "to" after a verb of giving
        ("A Ghanaian from Amaka's church helped her.", "Amaka"),  # before a possessive
        ("She left Tunde in southern Nigeria with his aunt.", "Tunde"),  # a person is left somewhere
        ("A call came from Tunde in northern Nigeria.", "Tunde"),  # "from" after no word of a journey
    ],
)
def test_a_person_in_the_same_wordings_stays_a_name(text: str, name: str) -> None:
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), spans


# --- An acronym before the words it stands for -------------------------------------------------

ACRONYMS = [
    ("It is the practice of the MoJ [Ministry of Justice] to publish it.", "MoJ [Ministry of Justice]"),
    ("The GLAA (Gangmasters and Labour Abuse Authority) inspected the farm.", "GLAA (Gangmasters"),
    ("She was referred to the NRM (National Referral Mechanism) and the MoJ.", "MoJ"),
]


@pytest.mark.parametrize(("text", "fact"), ACRONYMS)
def test_an_acronym_spelt_out_after_it_is_kept(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The child, KM (Kofi Mensah), said he was hungry.", "Kofi Mensah"),
        ("The children, AK (Ama and Kofi), were sent home.", "Ama"),
    ],
)
def test_letters_before_a_persons_names_stay_names(text: str, name: str) -> None:
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), spans


# --- A body's kind word before a name ------------------------------------------------------------

KIND_BEFORE_NAME = [
    ("Counsel to the Inquiry Jane Roe said the Inquiry would sit in May.", "Jane Roe", "Inquiry would"),
    ("The Clerk to the Council Ruth Hale wrote to the Council twice.", "Ruth Hale", "Council twice"),
    ("Solicitor to the Tribunal Priya Nair said the Tribunal sat late.", "Priya Nair", "Tribunal sat"),
]


@pytest.mark.parametrize(("text", "name", "body"), KIND_BEFORE_NAME)
def test_a_bodys_kind_word_ends_before_the_name_after_it(text: str, name: str, body: str) -> None:
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), spans
    assert untouched(text, spans, body.split()[0]) and untouched(text, spans, body.split()[0], nth=1), spans
