"""Given names of the families interviewees come from (``wordlists/given_names_uk_births.txt``: the
names given to babies born in England and Wales, less English words, places and the other lists'
names; read by ``name_lists.uk_birth_names``) guard a person's name as the census's and the world's
lists do. Sentences written here, with names of Ghanaian, Nigerian, Somali, Eritrean, Ethiopian and
Albanian families; none of these names is on the census or the world list."""

from __future__ import annotations

import pytest

from desktop.redaction import detect, lexicon
from desktop.redaction.fold import fold
from desktop.redaction.name_lists import (
    any_given_names,
    given_names,
    given_names_for_wording,
    uk_birth_names,
    world_given_names,
)
from tests.span_checks import covered, untouched


def test_the_births_list_is_read_once_and_holds_no_english_word_place_or_other_lists_name() -> None:
    births = uk_birth_names()
    assert isinstance(births, frozenset) and births is uk_birth_names()
    assert {"kwabena", "abdirahman", "oluwaseun", "chukwuemeka", "dawit", "hodan", "ardit"} <= births
    assert births <= any_given_names() and births <= given_names_for_wording()
    english = lexicon.english_words()
    assert not any(n[-1] == "s" and n[:-1] in english for n in births)  # no English plural ("romans")
    assert not births & (given_names() | world_given_names())
    assert not births & lexicon.english_words() and not births & lexicon.place_tokens()
    assert not births & lexicon.NOT_NAMES  # "islam", "ramadan", "muslim" are given names there too
    assert all(len(n) >= 3 and n == fold(n) for n in births)


@pytest.mark.parametrize(("text", "name"), [
    ("We stayed at the Kwabena farm for a month.", "Kwabena"),  # facts_in_wording
    ("I was taken to Abdirahman farm near the river.", "Abdirahman"),
    ("We stayed with the Chukwuemeka I told you about.", "Chukwuemeka"),  # things_after_the
    ("I only knew the Hodan at the shop.", "Hodan"),
    ("Dawit, which is my father's name too, was the one who helped me.", "Dawit"),  # misses_bodies
    ("The money came from Oluwaseun in Lagos.", "Oluwaseun"),
    ("They moved us to Hull, York, Luton and Kwabena.", "Kwabena"),  # facts_by_shape's list of places
    ("I read the Abdirahman Wood report about the house.", "Abdirahman Wood"),  # news_names
    ("Chinedu, a migrant support organisation, helped me. Later Chinedu rang.", "Chinedu"),  # news_wording
    ("The money went to Kwabena every month.", "Kwabena"),  # context: a given name after "went to"
    ("In the end I went back to Ifeoma, my first employer.", "Ifeoma"),
    ("My case was transferred to Temitope at the office.", "Temitope"),
    ("I got a text from Kwabena Hall last night.", "Kwabena Hall"),  # misses_places.venues' guard
    ("The keys were kept by Kwabena Hall.", "Kwabena Hall"),
    ("I got a message from Abdirahman Park.", "Abdirahman Park"),
    ("STONE, Chinedu was the name on the letter.", "STONE"),  # caps_surnames
    ("The Oluwaseun Trust gave us food. Oluwaseun came to see us on Monday.", "Oluwaseun"),
])  # fmt: skip
def test_a_given_name_from_the_births_list_is_not_taken_back_as_a_place_or_a_thing(text, name):
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), text


@pytest.mark.parametrize(("text", "fact"), [
    ("During Ramadan we worked at night as well.", "Ramadan"),  # a given name in England, left out
    ("The boss said Islam was no excuse for a day off.", "Islam"),
    ("We went back to Georgia in May.", "Georgia"),
    ("I was moved to Kayseri and then to Luton.", "Kayseri"),
])  # fmt: skip
def test_words_the_births_list_leaves_out_stay_facts(text, fact):
    assert untouched(text, detect(text), fact), text


@pytest.mark.parametrize(("text", "place"), [
    ("She came from their Kwabena village in the north.", "Kwabena"),
    ("He moved from Dawit town to the capital.", "Dawit"),
    ("They kept me in their Mount Delroy home for two years.", "Delroy"),  # after a place's prefix
])  # fmt: skip
def test_a_name_only_the_births_list_holds_before_a_settlements_noun_or_after_mount_stays_a_place(text, place):
    # many of its names are villages' names where the families come from; "the Kwabena farm" is someone's
    assert untouched(text, detect(text), place), text


def test_a_name_only_the_births_list_holds_in_a_run_the_wording_calls_a_body_stays_a_fact() -> None:
    text = "The caseworker sent me to Kwabena Sisters, a small women's charity in Leeds."
    assert untouched(text, detect(text), "Kwabena Sisters")
    # a single word is still someone where the text goes on to show it ("Later Chinedu rang")
    text = "Chinedu, a migrant support organisation, helped me. Later Chinedu rang."
    assert covered(text, detect(text), "Chinedu", kind="PERSON")
