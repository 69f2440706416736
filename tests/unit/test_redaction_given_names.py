"""Personal names nobody recorded that are also English words or places ("Penny rang", "Shirley told
me"), found from context and a list of given names (``redaction/given_names.py``), and English
contractions ("couldn't") that are never a name. Each kind has examples written here, and the words,
months, seasons and places that must stay around them."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction import KnownIdentifiers, Span, apply, detect
from desktop.redaction.given_names import contraction, given_names
from tests.span_checks import covered as _covered
from tests.span_checks import untouched


def covered(text: str, spans: list[Span], piece: str, nth: int = 0) -> bool:
    """Is the ``nth`` occurrence of ``piece`` wholly inside spans of people?"""
    return _covered(text, spans, piece, nth, kind="PERSON")


def _people(text: str) -> list[str]:
    return [text[s.start : s.end] for s in detect(text, KnownIdentifiers()) if s.type == "PERSON"]


def test_the_given_names_are_a_list_loaded_once_with_words_and_places_in_it():
    names = given_names()
    assert names is given_names()  # one frozenset for the process
    assert isinstance(names, frozenset) and len(names) > 4000
    for name in ("melody", "penny", "basil", "shirley", "chelsea", "adelaide"):
        assert name in names
    for word in ("the", "and", "police", "officer"):
        assert word not in names


# (1) A given name that the English word list also holds, in mid-sentence or at a sentence start,
# as the one who speaks or acts, with a possessive before a relation, in a list of people.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("After the hearing Melody rang the caseworker.", "Melody"),
        ("Last winter Basil drove us to the farm every day.", "Basil"),
        ("Most mornings Penny cleaned the rooms alone.", "Penny"),
        ("Marina told me the rent had gone up.", "Marina"),
        ("Fern shouted at the children when the police came.", "Fern"),
        ("Sally came back the next day with her brother.", "Sally"),
        ("Everyone knew Jasmine's husband had the keys.", "Jasmine"),
        ("Carol's son took the money from my bag.", "Carol"),
        ("Opal, Tariq and I shared one room.", "Opal"),
        ("The landlord and Clement came to the flat at night.", "Clement"),
        ("Penny's phone was taken from the table.", "Penny"),
        ("On Monday Sally rang the refuge twice.", "Sally"),
        ("Recently Basil came back from the farm.", "Basil"),
    ],
)
def test_a_given_name_that_is_also_an_english_word_is_a_name_in_context(text, name):
    spans = detect(text, KnownIdentifiers())
    assert covered(text, spans, name), _people(text)


def test_a_word_name_found_once_is_the_name_wherever_else_it_is_capitalised():
    text = "Then Melody rang me at the hostel. The next day I gave the keys back to Melody."
    spans = detect(text, KnownIdentifiers())
    assert covered(text, spans, "Melody", 0) and covered(text, spans, "Melody", 1)


# (2) A given name that is also a place: a person as the subject of a speech or action verb, after
# "met", "with", "asked", with a possessive before a relation, in a list of people.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shirley told me to pack my things.", "Shirley"),
        ("At the bus station I met Chelsea for the first time.", "Chelsea"),
        ("Later that night Stanley phoned the police.", "Stanley"),
        ("I stayed with Adelaide and her two children.", "Adelaide"),
        ("Georgia's husband threatened to call immigration.", "Georgia"),
        ("Valencia, Amira and I slept in one bed.", "Valencia"),
        ("Every week I asked Beverley for my wages.", "Beverley"),
        ("He swore that Chelsea hit him twice.", "Chelsea"),
        ("I slept on the floor at Georgia's flat.", "Georgia"),
    ],
)
def test_a_given_name_that_is_also_a_place_is_a_name_in_context(text, name):
    spans = detect(text, KnownIdentifiers())
    assert covered(text, spans, name), _people(text)


def test_a_place_name_found_as_a_person_is_that_person_wherever_else_it_is_not_a_place():
    text = "Shirley told me to pack. I never saw Shirley again. Shirley was kind to me."
    spans = detect(text, KnownIdentifiers())
    assert all(covered(text, spans, "Shirley", k) for k in range(3)), _people(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("We lived in Shirley for two years.", "Shirley"),
        ("I flew from Valencia to Gatwick in 2021.", "Valencia"),
        ("My cousin moved to Sydney last year.", "Sydney"),
        ("The coach stopped at Lincoln before midnight.", "Lincoln"),
        ("Georgia's capital is far from the border.", "Georgia"),
        ("The visa from India was refused twice.", "India"),
        ("Georgia was cold in winter.", "Georgia"),
        ("Chelsea beat Arsenal on Saturday.", "Chelsea"),
        ("Georgia told the embassy it would act.", "Georgia"),
        ("The coach from Marina was two hours late.", "Marina"),
    ],
)
def test_the_same_words_after_a_place_word_or_without_a_person_stay(text, place):
    assert untouched(text, detect(text, KnownIdentifiers()), place)


def test_a_place_the_text_names_as_a_place_stays_a_place_where_a_person_is_not_certain():
    text = "We rented a room near Chelsea. Chelsea was expensive, and Chelsea's shops were closed."
    spans = detect(text, KnownIdentifiers())
    assert all(untouched(text, spans, "Chelsea", k) for k in range(3)), _people(text)


def test_a_person_and_a_place_of_one_name_in_one_statement_each_keep_their_part():
    text = "Shirley told me she grew up in Shirley, near Solihull."
    spans = detect(text, KnownIdentifiers())
    assert covered(text, spans, "Shirley", 0)
    assert untouched(text, spans, "Shirley", 1)


# (3) English contractions are never a name, capitalised or after a relation.
@pytest.mark.parametrize(
    "text",
    [
        "my daughter wasn't at school that week",
        "My husband couldn't find the letter.",
        "Couldn't they see I was scared?",
        "Shouldn't the officer have asked me first?",
        "my boss hasn't paid me since March",
        "Wouldn't you be frightened too?",
        "my cousin won’t answer the phone",
    ],
)
def test_a_contraction_is_never_a_name(text):
    assert _people(text) == []


def test_a_name_with_an_apostrophe_stays_a_name_beside_a_contraction():
    text = "My cousin N'Golo didn't come, and my friend n'deye wasn't told."
    spans = detect(text, KnownIdentifiers())
    assert covered(text, spans, "N'Golo") and covered(text, spans, "n'deye")
    assert untouched(text, spans, "didn't") and untouched(text, spans, "wasn't")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("didn't", True), ("won’t", True), ("can't", True), ("should've", True), ("they'd", True),
     ("Wasn't", True), ("N'Golo", False), ("o'neill", False), ("sa'd", False), ("d'souza", False)],
)  # fmt: skip
def test_what_counts_as_a_contraction(word, expected):
    assert contraction(word) is expected


# (4) The words, months, seasons and bodies around them stay.
@pytest.mark.parametrize(
    "text",
    [
        "May I ask who signed it?",
        "In March and May we had no work at all.",
        "Will the interpreter be there on Monday?",
        "Mark the boxes you need and sign below.",
        "The Bill passed before we arrived.",
        "Spring came early and the farm needed us.",
        "Winter came and the heating broke.",
        "Brook Street was closed by the police.",
        "Rusty bikes were left outside the hostel.",
        "Misty mornings made the work in the field harder.",
        "Then Grace Church said it could not help.",
        "Many told the same story at the centre.",
        "Art helped me cope after the attack.",
    ],
)
def test_words_months_and_seasons_stay(text):
    assert _people(text) == [], _people(text)


def test_redacting_twice_changes_nothing():
    text = "Shirley told me to pack. Then Melody rang the caseworker and Carol's son came."
    once = apply(text, detect(text, KnownIdentifiers()))
    assert apply(once.text, detect(once.text, KnownIdentifiers())).text == once.text
    assert not detect(once.text, KnownIdentifiers())


# (5) Whatever surrounds them: a place after a place word stays, a contraction is never a name.
_PLACES_AFTER_A_PLACE_WORD = ["in Shirley", "from Valencia", "near Lincoln", "in Chelsea", "from Georgia"]
_PIECES = [*_PLACES_AFTER_A_PLACE_WORD, "Penny", "Shirley", "Chelsea", "Tariq", "told me", "came", "and", "I", "met",
           "with", "couldn't", "Didn't", "wasn't", "my husband", "said", ",", ".", "the", "Carol", "shouted", "Spring"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25))
# "I" joins the capitalised run after "in": four words, too many for one place, so "in Shirley" went
# unmarked, and "Shirley", a person in "I and Shirley", was made one there too.
@example(["in Shirley", "Penny", "Penny", "I", "and", "Shirley"])
# More capitalised words after "in" than one place's name has: the place word still names it one.
@example(["Shirley", "told me", ".", "in Shirley", "Penny", "Tariq", "Carol"])
def test_places_after_a_place_word_and_contractions_are_never_names(pieces):
    text = " ".join(pieces)
    spans = detect(text, KnownIdentifiers())
    for piece in {*_PLACES_AFTER_A_PLACE_WORD, "couldn't", "Didn't", "wasn't"} & set(pieces):
        start = -1
        while (start := text.find(piece, start + 1)) >= 0:
            word = text.index(" ", start) + 1 if " " in piece else start
            end = start + len(piece)
            if text[end : end + 1].isalnum() or text[end : end + 2] in ("'s", "’s"):
                continue  # a longer word ("Shirley's")
            assert not any(s.type == "PERSON" and s.start < end and word < s.end for s in spans), (text, piece)


# A given name that is also a word, opening a sentence: where the person is from, their people, their
# age, a country they left, are said of someone ("Maria is Filipino"), never of the word.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Joy is from Accra and cooks for the family.", "Joy"),
        ("Precious was 17 when she arrived.", "Precious"),
        ("Blessing is Nigerian, like me.", "Blessing"),
        ("Charity left Kenya in 2019.", "Charity"),
        ("Maria is originally from Cebu.", "Maria"),
        ("Sofia is from Tirana, not Bulgaria.", "Sofia"),
    ],
)
def test_where_a_word_name_is_from_or_how_old_makes_it_someone(text, name):
    assert covered(text, detect(text), name), text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Georgia is 20 miles from here.", "Georgia"),
        ("Sofia is 3.5 hours by bus.", "Sofia"),
    ],
)
def test_a_word_or_a_place_said_to_be_somewhere_stays(text, word):
    assert untouched(text, detect(text), word), text
