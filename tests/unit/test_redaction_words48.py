"""Languages, faiths and peoples kept as facts of a statement; a letter in brackets after a pronoun
standing for a person; a body's name after "called the" kept whole. Examples written here, of
invented people: ``[[name]]`` must be redacted, ``{{fact}}`` must be left."""

from __future__ import annotations

import pytest

from tests.span_checks import marked_problems

# --- A letter in brackets after a pronoun is a person's letter (letters_given) ---------------------


@pytest.mark.parametrize(
    "marked",
    [
        "She called me ([[K]]) and told me to sit down.",
        "She called me ([[Ｋ]]) and told me to sit down.",  # full width, as a Chinese text writes it
        "She called me（[[Ｋ]]）and told me to sit down.",  # full-width brackets too
        "He told him ([[M]]) to wait outside {{Leeds}} station.",
        "I paid her ([[R.]]) in cash. Later [[R.]] came back for more.",
        "The boss sent him ([[T]]) to the farm in {{Kent}}.\n[[T]]: I did not want to go.",
    ],
)
def test_a_letter_after_a_pronoun_is_a_persons(marked: str) -> None:
    assert marked_problems(marked) == [], marked


@pytest.mark.parametrize(
    "marked",
    [
        # points of a list, not people: the next letter is bracketed too
        "He told me ({{A}}) to wait and ({{B}}) to pay him on {{Friday}}.",
        "I saw it ({{C}}) on the table in {{Croydon}}.",  # "it" is a thing
        "She signed form ({{C}}) at the {{Home Office}}.",
    ],
)
def test_a_letter_after_a_thing_or_in_a_list_stays(marked: str) -> None:
    assert marked_problems(marked) == [], marked


# --- "called the X": a body's name, never a name given to someone (context._INTRO_BEFORE) ----------


@pytest.mark.parametrize(
    "marked",
    [
        "I called the {{Kalayaan Project}} ([[Sarah]]) the next day.",
        "She called the {{Hope Project}} yesterday and they sent a worker.",
        "I called the {{Maya Centre}} ([[Joanna]]) from {{Bristol}}.",
        "We rang the {{Migrant Help}} line and [[Efua]] answered.",
    ],
)
def test_a_body_called_is_no_name_given(marked: str) -> None:
    assert marked_problems(marked) == [], marked


@pytest.mark.parametrize(
    "marked",
    [
        "We called the boy [[Flora]] so nobody would know him.",
        "Let us call him [[Tomasz]] in this statement.",
        "They called her daughter [[Hope]] after the ship.",
        "I will call this woman [[Paris]] here.",
        "WE CALLED HER [[Rose]] at the house.",
    ],
)
def test_a_name_given_after_call_is_still_a_name(marked: str) -> None:
    assert marked_problems(marked) == [], marked
