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
