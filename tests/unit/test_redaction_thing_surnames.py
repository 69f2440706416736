"""A census given name before a surname the never-a-name list holds because it is usually a thing, a
language or a body's kind, where only a person stands (``desktop.redaction.thing_surnames``).
Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered


def test_a_given_name_and_a_thing_surname_before_a_verb_of_saying_or_in_apposition() -> None:
    for text, name in [
        ("Anna Crown said the hall was full every night.", "Anna Crown"),
        ('"We slept on the floor," Ellen Swift told the tribunal.', "Ellen Swift"),
        ("Ruth Union told the tribunal she had no passport.", "Ruth Union"),
        ("Faith Temple, a nurse, said the family was scared.", "Faith Temple"),
        ("Later Joy Church said she never came back to the office.", "Joy Church"),
        ("Anna Crown, 29, said the manager kept her passport.", "Anna Crown"),
        ("Later Blessing Church said she never came back to the office.", "Blessing Church"),  # a word name
        ("Godswill Temple, a nurse, said the family was scared.", "Godswill Temple"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_a_body_named_with_such_words_stays() -> None:
    for text in [
        "Joy Church said it would open the hall on Sundays.",  # a body's pronoun
        "Hope Church said the hall was full.",  # a body's kind, and no pronoun of a person
        "We went to the Joy Church. Joy Church said she was full.",  # after an article elsewhere
        "Anna Crown Court said the case was adjourned.",  # part of a longer name
        "Faith Temple, a charity, said the hall was full.",  # no noun of a person
    ]:
        spans = detect(text)
        assert not any(s.type == "PERSON" for s in spans), text


def test_a_given_name_from_the_world_list_before_a_thing_surname() -> None:
    # given names from the interviewees' own countries (given_names_world.txt), not only the census's
    for text, name in [
        ("Zeynep Union, a nurse, helped me at the hospital.", "Zeynep Union"),
        ("Mehmet Crown said the van would come at six.", "Mehmet Crown"),
        ("Later Hamza Church said she never came back to the office.", "Hamza Church"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text
