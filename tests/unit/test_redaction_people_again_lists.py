"""Wordings the names-given-back pass (``people_again``) must not read as a person's.

A relation after a comma that opens a list of the people who went, not an apposition.

"We lived in Leeds, my mother and I" names no one called Leeds: the relation starts the list of
who lived there ("my mother and I", "my husband, our two sons and I"). A relation in apposition
("Jordan, my brother, was beaten") still makes the word before it a person, even a place's word;
in a list it is evidence only for a word that could be a name by itself. Statements written for
this file; ``[[...]]`` marks a name every letter of which must be redacted, ``{{...}}`` a fact
no span may touch.

A hotel, a restaurant or a shop with "the" before its name ("the Taj Mahal hotel"), or named after
a town ("Abu Dhabi hotel"), is the business's name: a full name before the noun is a person's only
with no article ("at Kofi Boateng farm") and when the words are no place.
"""

from __future__ import annotations

import pytest

from tests.span_checks import marked_problems

PLACES = [
    "We lived in {{Leeds}}, my mother and I, for three years.",
    "I came to {{London}}, my husband and I, in 2019.",
    "In March we moved to {{Bradford}}, my son and me, by coach.",
    "We left {{Eritrea}}, my brother and I, when I was sixteen.",
    "They took us to {{Dover}}, my children and me, in a lorry.",
    "We came to {{Leicester}}, my wife, my two sons and I, in the winter.",
    "We fled {{Sudan}}, my sister and her children with us.",
]

PEOPLE = [
    "[[Jordan]], my brother, was beaten by the agent.",
    "[[Mercy]], my friend, took me to the doctor.",
    "[[Blessing]], my neighbour and friend, helped me.",
    "I went to [[Amara]], my sister and her husband, for a bed.",
    "She moved to Kano. [[Kano]], her brother, met her there.",
]


@pytest.mark.parametrize("marked", PLACES)
def test_a_place_before_a_list_of_relations_stays(marked):
    assert marked_problems(marked) == []


@pytest.mark.parametrize("marked", PEOPLE)
def test_a_person_before_a_relation_is_still_redacted(marked):
    assert marked_problems(marked) == []


BUSINESSES = [
    "I worked at the {{Taj Mahal}} hotel in {{Mumbai}} for two years.",
    "They sent me to the {{Burj Al Arab}} hotel in {{Dubai}}.",
    "I worked in the {{Shish Mahal}} restaurant in {{Glasgow}}.",
    "She worked at {{Abu Dhabi}} hotel as a maid.",
    "We cleaned the {{Sao Paulo}} restaurant kitchen at night.",
    "He kept us in the {{Kasbah Tamadot}} hotel for a month.",
]

OWNERS = [
    "I worked at [[Kofi Boateng]] farm for two years.",
    "At [[Hamid Karimi]] shop I was paid nothing.",
    "The [[Osei]] farm was cold. [[Osei]] told us to sleep in the barn.",
]


@pytest.mark.parametrize("marked", BUSINESSES)
def test_a_business_named_with_the_or_after_a_town_stays(marked):
    assert marked_problems(marked) == []


@pytest.mark.parametrize("marked", OWNERS)
def test_a_business_named_after_its_owner_is_still_redacted(marked):
    assert marked_problems(marked) == []


# A venue's name before a noun that it qualifies ("Finsbury Park staff") after a passive's "by" or a
# "to" that takes a person: the staff did it, the venue is a place (misses_places.venues).
VENUES = [
    "I was told by {{Finsbury Park}} staff to wait.",
    "I spoke to {{Kelvin Hall}} staff about the tickets.",
    "We were paid by {{Kelvin Park}} management in cash.",
    "I was searched by {{Finsbury Park}} security at the gate.",
    "I was helped by {{Toynbee Hall}} volunteers.",
    "She was driven by {{Crystal Park}} security to the gate.",
]

PEOPLE_AT_VENUES = [
    "I was helped by [[Kwame Hall]] yesterday.",
    "I was driven by [[Hamza Green]] to the farm.",
    "She was beaten by [[Yusuf Hall]] twice.",
    "I was paid by [[Zeynep Park]] every week.",
    "I gave my passport to [[Kwame Hall]] last year.",
]


@pytest.mark.parametrize("marked", VENUES)
def test_a_venue_before_the_noun_it_qualifies_stays(marked):
    assert marked_problems(marked) == []


@pytest.mark.parametrize("marked", PEOPLE_AT_VENUES)
def test_a_person_named_like_a_venue_after_by_is_still_redacted(marked):
    assert marked_problems(marked) == []
