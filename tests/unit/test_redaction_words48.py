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
        "I met him ([[A]]) and her ([[B]]) at the farm in {{Kent}}.",  # two people, not two points
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


# --- Languages, faiths and peoples (lexicon.LANGUAGES from the CLDR, languages_spoken) -------------


@pytest.mark.parametrize(
    "marked",
    [
        # a language no list gives anyone: the wording a language or a people takes (languages.txt)
        "The men were {{Kikuyu}} and they threatened us.",
        "The interpreter spoke {{Tigrinya}} but I speak {{Saho}}.",
        "A {{Rohingya}} woman was with us in the lorry.",
        "I can read {{Malayalam}} but not {{Tamil}}.",
        "We prayed at the {{Coptic}} church in {{Croydon}} on Sundays.",
        "My aunt speaks {{Ndebele}} and {{Sotho}}.",  # the one word of "Northern Sotho" of its own
    ],
)
def test_a_languages_name_is_a_fact(marked: str) -> None:
    assert marked_problems(marked) == [], marked


@pytest.mark.parametrize(
    "marked",
    [
        # a language that a given-name list also holds, or a short one: kept where the wording says so
        "I speak {{Akan}}.",
        "He speaks {{Luo}} and a little {{English}}.",
        "I speak a bit of {{Saho}}.",
        "We are {{Shia}} and we pray at home.",
        "My mother speaks {{Shona}} at home.",
        "She only speaks {{Fanti}} and {{Ewe}}.",
        "I was interviewed in {{Akan}} and {{English}}.",
        "They found me a {{Luo}} interpreter in {{Hull}}.",
        # no list holds them: the wording alone
        "My first language is {{Bilen}}.",
        "My daughter learned {{Lingala}} and {{Kikongo}}.",
        "There were {{Blin}} speakers in the house.",
    ],
)
def test_a_language_the_wording_names_is_a_fact(marked: str) -> None:
    assert marked_problems(marked) == [], marked


@pytest.mark.parametrize(
    "marked",
    [
        "We are {{Shia}}.",
        "We are {{Ahmadi}} and were attacked for it.",
        "My family are {{Sunni}} Muslims.",
        "She is {{Shia}} Muslim and he is {{Sunni}} Muslim.",
        "They are {{Sunni}} and {{Shia}} Muslims from one street.",
        "The {{Ahmadi}} community in {{Birmingham}} helped us.",
        "Two {{Baloch}} men held us for a week.",
        "A {{Hazara}} girl named [[Zarina]] shared the room.",
        "They were {{Kikuyu}} and they hated us.",
        "He was a {{Kikuyu}} from {{Nairobi}}.",
    ],
)
def test_a_faith_or_a_people_the_wording_names_is_a_fact(marked: str) -> None:
    assert marked_problems(marked) == [], marked


@pytest.mark.parametrize(
    "marked",
    [
        # a language's or a faith's word used of a person stays a name
        "The boss, [[Luo]], shouted at me.",
        "[[Akan]] came to the house at night.",
        "He speaks to [[Shona]] every day.",
        "[[Sunni]] told me to leave.",
        "Mr [[Shona]] said I must pay.",
        # a person beside the wording stays a name
        "She speaks {{Akan}} and [[Efua]] translates for her.",
        "I met [[Amina]] and {{Shia}} Muslims at the mosque.",
        "I speak {{English}} and [[Amina]] speaks {{Arabic}}.",
        "We spoke {{Arabic}}, and [[Amina]] wrote it down.",
        "I speak a little {{Luo}} and [[Otieno]] speaks it well.",
        "[[Efua]], a {{Fanti}} woman, helped me.",
        "We are [[Tesfaye]] and [[Senait]].",
        "I am [[Kwabena]].",
        "He is a [[Mensah]] too.",  # which family he is of: not a people's word
        "I met him at the camp. [[Chidi]] village people knew him.",
        "I was interviewed in {{Bilen}} and {{English}} by [[Yonas Tekle]].",
        # a language's name no list gives anyone is someone's where the wording says so
        "My boss [[Kamba]] took my passport.",
        "[[Grace Kamba]] took my passport.",
        "PC [[Meru]] took my statement at {{Luton}} police station.",
        "Mrs [[Bemba]] paid me nothing.",
        "I speak {{English}} and [[Amina]].",
        "Mr [[French]] and [[Efua]].",
        # wording near a language's that is about a person
        "She spoke and [[Amina]] listened.",
        "I speak of [[Amina]] often.",
        "Hello, it was [[Amina]] speaking.",
        "He spoke in [[Amina]]'s ear.",
        "We were [[Amina]], [[Kofi]] and me.",
        "We were [[Kofi]] and me.",
        "The bosses were [[Kamba]], [[Otieno]] and [[Wafula]].",
    ],
)
def test_a_person_beside_or_named_like_a_language_stays_a_name(marked: str) -> None:
    assert marked_problems(marked) == [], marked
