"""The rules of ``desktop.redaction.news_names`` (people and places as news reports and case studies
write them), one test each, with examples written here: the person is redacted whole, and the
fact next to them stays."""

from __future__ import annotations

import pytest

from desktop.redaction import KnownIdentifiers, detect
from tests.span_checks import covered, untouched


def test_a_name_before_a_job_title_ending_in_a_bodys_kind_is_a_person() -> None:
    for text, name, title in [
        ("For the week of action Karen Oduya Services Development Officer writes about refuges.", "Karen Oduya",
         "Development Officer"),
        ("At the launch of Safe Homes Week Peter Szabo Advice Services Manager spoke first.", "Peter Szabo",
         "Manager"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name), text
        assert untouched(text, spans, title), text


def test_a_given_name_and_a_word_are_one_person_when_they_speak_or_stand_as_a_byline() -> None:
    for text, name in [
        ("Bill Fisher said the workers slept in a shed.", "Bill Fisher"),
        ("Agency raided in labour inquiry\n\nDon Baker\n\nTwo men were arrested on Monday.", "Don Baker"),
        ("At the hearing John Marsh told the court he had been paid nothing.", "John Marsh"),
    ]:
        assert covered(text, detect(text), name), text
    text = "Grace Church said it would open its hall to the families."
    assert untouched(text, detect(text), "Grace Church")  # a body's kind: not a person


def test_a_given_name_after_a_word_that_opens_a_clause_is_the_one_who_acts() -> None:
    for text, name in [
        ("When John landed in the country, he had no money.", "John"),
        ("What Don wasn't told was that the visa had expired.", "Don"),
        ("Before Gene signed anything, the agent took his passport.", "Gene"),
    ]:
        assert covered(text, detect(text), name), text
    text = "When Jersey joined the scheme, nothing changed."
    assert untouched(text, detect(text), "Jersey")  # a place's name stays a place


def test_a_title_before_a_capital_letter_that_is_a_word_is_a_cipher_for_someone() -> None:
    for text, letter in [("Mrs A: what the centre did to me", "A"), ("Mr I said the van came at night.", "I")]:
        spans = detect(text)
        assert any(text[s.start : s.end] == letter and s.type == "PERSON" for s in spans), text


def test_a_vietnamese_name_is_redacted_whole_even_where_a_syllable_is_an_english_word() -> None:
    for text, name in [
        ("Last spring, Son Van Pham, 33, was found at a flat above a shop.", "Son Van Pham"),
        ("Promised a job, Dung Thi Do was brought to Kent in a lorry.", "Dung Thi Do"),
    ]:
        assert covered(text, detect(text), name), text
    text = "We flew to Ho Chi Minh City in May."
    assert untouched(text, detect(text), "Ho Chi Minh City")


def test_a_place_after_an_acronym_that_is_a_body_is_not_a_surname() -> None:
    text = "Last week ITV Wales Cardiff said the clinic would stay open."
    spans = detect(text)
    assert untouched(text, spans, "Wales")
    assert untouched(text, spans, "Cardiff")


def test_a_rank_in_capitals_before_a_place_still_makes_it_a_surname() -> None:
    for text, name in [("DC Preston told me to wait outside.", "Preston"), ("I spoke to DS Chester Smith.",
                                                                             "Chester Smith")]:
        assert covered(text, detect(text), name), text


def test_a_named_document_before_the_word_for_it_is_not_a_person() -> None:
    text = "The latest Trafficwatch Census report, out this week, counts the cases."
    assert untouched(text, detect(text), "Trafficwatch Census")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("He was moved through Ossetia and into France in a van.", "Ossetia"),
        ("Take Ana from Fresno, CA, who cleaned offices.", "Fresno"),
        ("They found a room on Mill Lane, Hollins, Preston, in May.", "Hollins"),
    ],
)
def test_a_place_in_a_list_of_places_stays(text: str, place: str) -> None:
    assert untouched(text, detect(text), place)


def test_a_person_next_to_words_that_read_like_a_list_of_places_is_still_found() -> None:
    for text in ["She sent money from Tariq to Leeds.", "I told Tariq, OK, that I would go.",
                 "I paid Tariq, NY style."]:
        assert covered(text, detect(text), "Tariq"), text


def test_an_age_after_a_capital_letter_is_not_a_dateless_number_plate() -> None:
    text = "Two car washes were raided. A 24-year-old man was arrested."
    assert untouched(text, detect(text), "A 24-year-old")


def test_a_given_name_after_a_place_word_is_not_joined_to_the_next_word():
    # After "from", "in" or "to" a given name that is also a town or city is where someone came from.
    for text in ("We came from Alexandria Penny told me.", "They moved to Regina Penny said so."):
        spans = detect(text, KnownIdentifiers())
        place = text.split(" ")[3]
        start = text.index(place)
        assert not any(s.type == "PERSON" and s.start <= start < s.end for s in spans), text


def test_a_contraction_alone_after_a_given_name_is_no_surname():
    # A line of two words is a byline only when the second can be a surname: "Wasn't" never is.
    for text in ("Penny Wasn't", "Rose Couldn’t"):
        spans = detect(text, KnownIdentifiers())
        second = text.index(" ") + 1
        assert not any(s.type == "PERSON" and s.end > second for s in spans), text
