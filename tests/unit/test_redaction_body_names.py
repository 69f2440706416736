"""A word of a body's name that the same text takes for a person elsewhere stays the body's inside
that name (``desktop.redaction.body_names``); alone elsewhere it is read as before. Examples written
here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_word_inside_a_body_name_is_the_body_there() -> None:
    for text, body, alone in [
        ("Halvorn told us nothing. We packed salad at Halvorn Farms for a year.", "Halvorn Farms", "Halvorn"),
        ("Ask Okewu about the rent. Okewu Solicitors wrote to the council in May.", "Okewu Solicitors", "Okewu"),
        (
            "Brindlemoor said little. The police, the Crime Agency and Brindlemoor and Labour Licensing "
            "Authority came.",
            "Brindlemoor and Labour Licensing Authority",
            "Brindlemoor",
        ),
    ]:
        spans = detect(text)
        assert untouched(text, spans, body), text
        assert covered(text, spans, alone, kind="PERSON"), text  # alone, still a name


def test_a_given_name_before_a_body_kind_is_still_looked_for() -> None:
    text = "Amy said she would come. My friend Amy Church lent me the money."
    spans = detect(text)
    assert covered(text, spans, "Amy", 1, kind="PERSON"), text


def test_the_body_word_alone_after_from_at_or_in_is_the_body() -> None:
    for text, alone in [
        ("We picked leeks for Halvorn Farms. The wages came from Halvorn in cash.", "Halvorn"),
        ("Mostrelle Foods Ltd ran the factory; nobody at Mostrelle spoke to us.", "Mostrelle"),
    ]:
        spans = detect(text)
        assert untouched(text, spans, alone, 1), text


def test_the_body_word_alone_stays_a_name_where_the_text_says_more() -> None:
    for text, nth in [
        ("Mr Okewu runs Okewu Solicitors. I got a letter from Okewu.", 2),  # a title: a person
        ("Okewu Solicitors helped. I stayed with Okewu.", 1),  # "with" takes a person
        ("Okewu Solicitors helped. Okewu told me to wait.", 1),  # a subject
    ]:
        spans = detect(text)
        assert covered(text, spans, "Okewu", nth, kind="PERSON"), text


def test_the_town_between_a_street_and_its_postcode_is_not_found_again_as_a_name() -> None:
    text = "Mr Kelham kept us at 9 Kelham Park, New Kelham DE5 2LQ for a year."
    spans = detect(text)
    assert covered(text, spans, "Kelham", 0, kind="PERSON"), text
    assert untouched(text, spans, "New Kelham"), text


def test_a_given_name_from_the_world_list_before_a_body_kind_is_still_looked_for() -> None:
    # as "Amy" of "Amy Church" above, with a given name the census list lacks (given_names_world.txt)
    for text, name in [
        ("Bogdan said he would come. I worked at Bogdan Farms for a year.", "Bogdan"),
        ("Zeynep rang me twice. Zeynep Okoro Partnership paid the rent.", "Zeynep"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, 1, kind="PERSON"), text
