"""A word no rule explained, last in a list of bodies named by a bare name, is a body too
(``desktop.redaction.bodies_in_lists``). Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_the_last_item_of_a_list_of_shops_banks_or_firms_is_a_body() -> None:
    for text, fact in [
        ("Workers supplied Asda, Morrisons and Calverley with fruit.", "Calverley"),
        ("She worked for Lidl, Aldi, and Brenholt until May.", "Brenholt"),
        ("The wages came through Monzo, Revolut or Quellpay.", "Quellpay"),
        ("The farm sold to Dyer & Lamb (D&L), Tesco and Harnwick every week.", "Harnwick"),
        ("The farm supplies fresh produce to B&Q, Tesco and Calverley.", "Calverley"),  # a firm's initials
        ("Crates went to Sainsbury's, P&O and Brenholt.", "Brenholt"),
    ]:
        spans = detect(text)
        assert untouched(text, spans, fact), text


def test_a_person_after_a_list_of_bodies_named_by_their_kind_or_with_a_person_stays_a_name() -> None:
    for text, name in [
        ("I rang Leeds City Council, Bradford Council and Okonkwo.", "Okonkwo"),
        ("I told the police, the Home Office and Okonkwo.", "Okonkwo"),
        ("We met Amara, Tesco and Okonkwo.", "Okonkwo"),
        ("We met Amara, B&Q and Okonkwo.", "Okonkwo"),  # initials joined by "&" do not make a person a body
        ("Asda, Lidl and Okonkwo were named. Mr Okonkwo denied it.", "Okonkwo"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_the_last_item_of_a_list_of_shops_written_as_a_person_stays_a_name() -> None:
    # what follows the word says a person: "who", a verb only a person does, a person in apposition
    for text, name in [
        ("I picked fruit for Tesco, Asda and Kowalski, the farmer who kept our passports.", "Kowalski"),
        ("The van took us to Tesco, Lidl and Mbeki, who paid us in cash.", "Mbeki"),
        ("We cleaned for Asda, Lidl and Dragan, a man from the village.", "Dragan"),
        ("Our wages came from Tesco, Aldi and Ferhat said they were late.", "Ferhat"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_a_given_name_from_the_world_list_last_in_a_list_of_shops_stays_a_name() -> None:
    # a census given name last in such a list was kept a name; one from the interviewees' own
    # countries (given_names_world.txt) is kept too
    for text, name in [
        ("We worked for Tesco, Lidl and Karim before the raid.", "Karim"),
        ("The money went through Monzo, Revolut and Bogdan every week.", "Bogdan"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text
