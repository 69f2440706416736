"""A capitalised word no rule explained, straight after "the" and before no noun (or before a noun
of a place or a business), names a thing (``desktop.redaction.things_after_the``). Examples
written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_an_unexplained_word_after_the_names_a_thing() -> None:
    for text, thing in [
        ("In the morning the Policija arrested four of the workers.", "Policija"),
        ("We packed boxes at the Trevarno warehouse for six months.", "Trevarno"),
        ("Her story was first told by the Kurier, a local paper.", "Kurier"),
        ("The Brelloni said nothing to us.", "Brelloni"),
    ]:
        assert untouched(text, detect(text), thing), text


def test_a_person_after_the_before_a_noun_who_or_family_stays_a_name() -> None:
    for text, name in [
        ("The Okonjo case was heard in May.", "Okonjo"),
        ("I met the Adebayo who runs the shop, not his cousin.", "Adebayo"),
        ("The Nwankwo family were moved to a hotel.", "Nwankwo"),
        ("Police told the Okonjos to leave.", "Okonjos"),
    ]:
        assert covered(text, detect(text), name, kind="PERSON"), text
