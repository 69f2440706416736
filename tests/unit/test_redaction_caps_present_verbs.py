"""A verb in capitals after a given name that is the subject of a sentence or a clause
(``desktop.redaction.verb_forms.emphasised_verb``): a present form in "-s" before what only follows
a verb, or a present or past form before a determiner, is no surname. After an object, or before
a verb, the same capitals word stays a surname. Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_an_emphasised_verb_after_a_given_name_in_subject_position_is_no_surname() -> None:
    for text, verb, name in [
        ("Ravi WON the appeal in the end.", "WON", "Ravi"),
        ("My cousin Fatima LIES to them about the money.", "LIES", "Fatima"),
        ("Then Daniel WINS the case at the tribunal.", "WINS", "Daniel"),
        ("The officer said that Priya KNOWS the landlord well.", "KNOWS", "Priya"),
    ]:
        spans = detect(text)
        assert untouched(text, spans, verb), text
        assert covered(text, spans, name, kind="PERSON"), text


def test_a_surname_in_capitals_after_an_object_or_before_a_verb_stays_a_name() -> None:
    for text, name in [
        ("I told Sarah BANKS that I was scared.", "Sarah BANKS"),
        ("I told my friend Sarah BANKS that I was scared.", "Sarah BANKS"),
        ("Sarah BANKS gave evidence by video link.", "Sarah BANKS"),
        ("Sarah BANKS, the manager, came to the door.", "Sarah BANKS"),
        ("The hearing was chaired by Mark WELLS the next day.", "Mark WELLS"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text
