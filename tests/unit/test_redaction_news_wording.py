"""The rules of ``desktop.redaction.news_wording`` (more of how news reports, court reports and
parliamentary pages write people, bodies and places), one test each, with examples written here:
the person is redacted whole, the fact next to them stays, and a person written like the fact is
still redacted."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_particle_joins_a_given_name_to_the_rest_of_a_full_name() -> None:
    for text, name in [
        ("The victim, Rafael de Jesus Ortega Paz, gave evidence by video link.", "Rafael de Jesus Ortega Paz"),
        ("He met Maria de Jesus Lopes at the tribunal.", "Maria de Jesus Lopes"),
    ]:
        assert covered(text, detect(text), name), text


def test_a_given_name_and_an_initial_with_its_stop_are_one_person() -> None:
    for text, name in [
        ("Teresa K. of Portugal was paid nothing for two years.", "Teresa K."),
        ("Lucia M., a cleaner from Bolivia, reported her employer.", "Lucia M."),
    ]:
        spans = detect(text)
        assert covered(text, spans, name), text
    text = "Teresa K. of Portugal was paid nothing for two years."
    assert untouched(text, detect(text), "Portugal")
    text = "I spoke to Teresa K. Then the line went dead."
    assert untouched(text, detect(text), ". Then")  # a stop that may end the sentence stays


def test_a_given_name_and_a_word_before_a_separator_are_a_byline() -> None:
    for text, name in [
        ("Farm workers found in sheds\n\nMark Field |\n\nSix men were found on Tuesday.", "Mark Field"),
        ("Hotel residents speak out\nAnne Mill –\nThe women said the doors did not lock.", "Anne Mill"),
    ]:
        assert covered(text, detect(text), name), text


def test_a_word_named_as_a_body_is_that_body_wherever_it_is_written() -> None:
    text = (
        "Report by Ellen Shaw\nHakuna, a Bristol-based women's support organisation, has raised the case. "
        "Its head, Moira Tait, said Hakuna CEO staff had called the police. Hakuna expressed concern."
    )
    spans = detect(text)
    for nth in (0, 1, 2):
        assert untouched(text, spans, "Hakuna", nth), nth
    assert covered(text, spans, "Ellen Shaw") and covered(text, spans, "Moira Tait")
    text = "Kim Lowe from Calloway spoke, and the anti-slavery charity Calloway showed films."
    spans = detect(text)
    assert untouched(text, spans, "Calloway") and untouched(text, spans, "Calloway", 1)
    assert covered(text, spans, "Kim Lowe")
    # A person described by what they do for a body stays a person; so do a founder and a titled namesake.
    text = "Okonjo, a member of a campaign group, said the hotel was cold."
    assert covered(text, detect(text), "Okonjo")
    text = "She went to the charity Okonjo founded. Okonjo said she could stay."
    spans = detect(text)
    assert covered(text, spans, "Okonjo") and covered(text, spans, "Okonjo", 1)
    text = "Hakuna, a women's support organisation, wrote to Mr Hakuna at home."
    spans = detect(text)
    assert covered(text, spans, "Hakuna", 1)  # the person after the title is redacted


def test_a_place_joined_to_based_is_a_place() -> None:
    text = "A man whom Santa Barbara-based Immigration officers took was named Lino Vaz."
    spans = detect(text)
    assert untouched(text, spans, "Santa Barbara-based Immigration")
    assert covered(text, spans, "Lino Vaz")


def test_a_bodys_name_may_hold_and_or_a_plural_possessive() -> None:
    for text, body in [
        (
            "The case went to the National Crime Agency and Tallyman and Labour Abuse Authority.",
            "Tallyman and Labour Abuse Authority",
        ),
        ("Inspectors from the Fishmongers’ Licensing Authority visited the site.", "Fishmongers’ Licensing Authority"),
    ]:
        assert untouched(text, detect(text), body), text
    text = "We met Okonjo and Labour Party officials at the hall."
    assert covered(text, detect(text), "Okonjo")  # no "the": a person before "and"


def test_places_in_listings_are_not_part_of_the_name_before_them() -> None:
    text = (
        "Con\nMr Peter Hale\nLeeds, Headingley\n4. What assessment has been made of hotels?\n"
        "I asked about the hotel in my constituency of Headingley last week."
    )
    spans = detect(text)
    assert covered(text, spans, "Peter Hale")
    assert untouched(text, spans, "Leeds") and untouched(text, spans, "Headingley")
    assert untouched(text, spans, "Headingley", 1)
    # After a town in a sentence, or when the sentence goes on, a word may be someone.
    for text, name in [
        ("I moved to Leeds, Okonjo\nsaid nothing.", "Okonjo"),
        ("Leeds, Okonjo\nsaid it was fine.", "Okonjo"),
    ]:
        assert covered(text, detect(text), name), text


def test_words_joined_by_an_ampersand_and_defined_as_an_acronym_are_a_firm() -> None:
    text = "The fruit went to Carter & Spencer (C&S) and to a farm shop."
    spans = detect(text)
    assert untouched(text, spans, "Carter & Spencer")
    text = "Sarah & Tom came to the office together."
    spans = detect(text)
    assert covered(text, spans, "Sarah") and covered(text, spans, "Tom")
