"""Given names from the interviewees' own countries (``wordlists/given_names_world.txt``, read by
``given_names.world_given_names``) guard a person's name where the census's 1990 US first names
did before: the rules that take a likely name back as a place, a farm, a thing or a body leave a
given name from either list a name. Examples written here; none of them is a census given name."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from desktop.redaction.given_names import any_given_names, given_names, world_given_names
from tests.span_checks import covered


def test_the_world_list_is_read_once_folded_and_without_function_words() -> None:
    world = world_given_names()
    assert isinstance(world, frozenset) and world is world_given_names()
    assert {"mehmet", "zeynep", "bogdan", "hamza", "jose"} <= world  # "José" folded
    assert "yusuf" not in given_names() and "yusuf" in world
    assert not any(len(n) < 3 for n in world)
    assert "than" not in world  # an English function word the list holds as a name
    assert given_names() | world <= any_given_names()  # and the births list's names (SOURCES.md)


@pytest.mark.parametrize(("text", "name"), [
    ("We stayed at the Karim farm for a month.", "Karim"),  # facts_in_wording: "Karim's farm"
    ("I was taken to Zeynep farm near the river.", "Zeynep"),
    ("We stayed with the Karim I told you about.", "Karim"),  # things_after_the
    ("I only knew the Zeynep at the shop.", "Zeynep"),
    ("Elif, which is my mother's name too, was the one who helped me.", "Elif"),  # misses_bodies
    ("The money came from Aarav in India.", "Aarav"),
    ("They moved us to Hull, York, Luton and Karim.", "Karim"),  # facts_by_shape's list of places
    ("I read the Mehmet Wood report about the farm.", "Mehmet Wood"),  # news_names: a report named after someone
    ("Zeynep, a migrant support organisation, helped me. Later Zeynep rang.", "Zeynep"),  # news_wording's bodies
])  # fmt: skip
def test_a_given_name_from_the_world_list_is_not_taken_back_as_a_place_or_a_thing(text, name):
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), text


def test_a_given_name_from_the_world_list_before_a_plural_verb_is_not_made_weak() -> None:
    # plural_subjects: "Gardaí have raided" is a body; "Hamza have beaten me" is how some type
    text = "Hamza have beaten me many times."
    spans = [s for s in detect(text) if s.type == "PERSON" and text[s.start : s.end] == "Hamza"]
    assert spans and spans[0].confidence >= 0.5


@pytest.mark.parametrize(("text", "name"), [
    ("The money went to Hamza every month.", "Hamza"),
    ("In the end I went back to Zeynep, my first employer.", "Zeynep"),
    ("My case was transferred to Bogdan at the office.", "Bogdan"),
    ("The money went to Amy every month.", "Amy"),  # a census given name, read the same way
])  # fmt: skip
def test_a_given_name_no_gazetteer_holds_after_went_or_sent_to_is_someone(text, name):
    # "went to X" makes X a place there; a given name of either list that is no town is someone
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), text


@pytest.mark.parametrize(("text", "place"), [
    ("We went back to Georgia in May.", "Georgia"),  # a given name that is a country
    ("They sent me to Marina in Spain.", "Marina"),  # ... and a town the gazetteer holds
    ("We moved to Kayseri in 2019.", "Kayseri"),  # no given name
])  # fmt: skip
def test_a_place_after_went_or_sent_to_stays_a_place(text, place):
    assert not any(s.start < text.index(place) + len(place) and text.index(place) < s.end for s in detect(text))


@pytest.mark.parametrize(("text", "name"), [
    ("Amir rang the caseworker twice.", "Amir"),  # given_names_by_context: "amir" is an English word too
    ("Sultan cleaned the rooms with me.", "Sultan"),
    ("Amir Green said he would pay us.", "Amir Green"),  # venues' guard, census_pairs
    ("Emir Park told me to wait.", "Emir Park"),
    ("Amir Cross, 44, was jailed.", "Amir Cross"),  # census_pairs
])  # fmt: skip
def test_a_world_given_name_that_is_an_english_word_is_someone_where_the_wording_says_so(text, name):
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), text


def test_a_world_name_read_as_an_english_plural_is_not_made_someone() -> None:
    # "Marks" is a given name in the world list, and the plural of "mark"
    for text in ["Marks looked for quickly in the text.", "Marks & Spencer said they would help."]:
        assert not covered(text, detect(text), "Marks"), text
