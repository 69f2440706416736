"""A building or a place named like a person, where the same text writes it as a body's or a
place's name (``desktop.redaction.places_named_like_people``). Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import untouched


def test_a_pair_the_text_also_writes_before_a_body_kind_or_after_the_is_that_body() -> None:
    for text, fact in [
        ("The Aldwick Hall Trust runs a food bank. Aldwick Hall opened in 1990.", "Aldwick Hall"),
        ("Lunches are served at Brennan Lodge Community Centre. Brennan Lodge has forty beds.", "Brennan Lodge"),
        ("We queued at the Oduya Park every week. Oduya Park was closed in winter.", "Oduya Park"),
    ]:
        spans = detect(text)
        start = text.rindex(fact)
        assert not any(s.type == "PERSON" and s.start < start + len(fact) and s.end > start for s in spans), text
        assert untouched(text, [s for s in spans if s.type == "PERSON"], fact), text


def test_a_person_named_like_a_building_stays_a_name() -> None:
    for text, name in [
        ("The Ama Park Trust is new. Mr Ama Park runs it. Ama Park left in May.", "Ama Park"),
        ("The Aldwick Hall Trust was named after him. Aldwick Hall said the grant mattered.", "Aldwick Hall"),
        ("Brennan Lodge Community Centre is hers. Brennan Lodge, 52, opened it.", "Brennan Lodge"),
        (
            "We sat through the Aldwick Hall trial. Aldwick Hall left early.",
            "Aldwick Hall",
        ),  # the article is the noun's
    ]:
        spans = detect(text)
        start = text.rindex(name)
        assert any(s.type == "PERSON" and s.start <= start and s.end >= start + len(name) for s in spans), text


def test_a_body_named_after_a_person_with_a_given_name_leaves_the_person_named() -> None:
    # A firm or a charity is often its founder's name and a kind: the person is still named alone.
    for text, name in [
        ("My solicitor was Ruth Park. Ruth Park Solicitors sent the letter to the Home Office in May.", "Ruth Park"),
        ("The case worker, Joan Hill, came twice. The Joan Hill Foundation paid for the train.", "Joan Hill"),
        ("I met Grace Hall at the centre. Grace Hall Charity pays her.", "Grace Hall"),
    ]:
        spans = detect(text)
        start = text.index(name)
        assert any(s.type == "PERSON" and s.start <= start and s.end >= start + len(name) for s in spans), text


def test_a_body_named_after_a_person_with_a_name_no_list_holds_leaves_the_person_named() -> None:
    # most of the people interviewed have given names no census list holds
    for text, name in [
        ("My solicitor was Tariq Green. Tariq Green Solicitors wrote to the Home Office.", "Tariq Green"),
        ("My friend Yusuf Lodge came too. Yusuf Lodge Foundation paid the fare.", "Yusuf Lodge"),
        ("Bogdan Hall rang me twice. Bogdan Hall Associates drew up the contract.", "Bogdan Hall"),
    ]:
        spans = detect(text)
        start = text.index(name)
        assert any(s.type == "PERSON" and s.start <= start and s.end >= start + len(name) for s in spans), text


def test_a_pair_whose_first_word_is_a_given_name_from_the_world_list_stays_a_person() -> None:
    # The census list holds few of the interviewees' own given names; the world list
    # (given_names_world.txt) guards them as the census list guards "Ruth Park".
    for text, name in [
        ("The Elif Park Trust gave us food. Elif Park came to see us.", "Elif Park"),
        ("The Karim Green Trust paid the rent. Karim Green came to see us.", "Karim Green"),
        ("The Zeynep Hall Trust runs the shelter. Zeynep Hall came on Monday.", "Zeynep Hall"),
    ]:
        spans = detect(text)
        start = text.rindex(name)
        assert any(s.type == "PERSON" and s.start <= start and s.end >= start + len(name) for s in spans), text
