"""Capital letters a report gives a person in place of a name (after a noun of a person between
commas, or after "initials") are a name, and so are the same letters elsewhere in the text
(``desktop.redaction.initials_named``). Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_letters_in_apposition_to_a_person_are_a_name_everywhere() -> None:
    for text, letters in [
        ("Officers said a domestic worker, RT, was kept for two years. Later RT went to the consulate.", "RT"),
        ("Police said the victim, AO, was found in Leeds and AO is now safe.", "AO"),
        ("Her employer, DKM, kept the wages. Nobody checked on DKM after that.", "DKM"),
        ("The worker (MN) was paid nothing. MN later left.", "MN"),
        ("The survivor, named in court only as TRS, gave evidence. TRS said she was scared.", "TRS"),
    ]:
        spans = detect(text)
        for nth in range(text.count(letters)):
            assert covered(text, spans, letters, nth, kind="PERSON"), (text, nth)


def test_letters_after_initials_are_a_name() -> None:
    text = "The woman, known only by the initials MBT, said that MBT's landlord kept her passport."
    spans = detect(text)
    assert covered(text, spans, "MBT", 0, kind="PERSON"), text
    assert covered(text, spans, "MBT", 1, kind="PERSON"), text
    text = "She was identified by her initials, AO, in the report. Later AO was moved to a shelter."
    spans = detect(text)
    assert covered(text, spans, "AO", 0, kind="PERSON"), text
    assert covered(text, spans, "AO", 1, kind="PERSON"), text


def test_a_bodys_acronym_or_an_office_in_apposition_stays() -> None:
    for text, letters in [
        ("The union, GMB, said the pay was fair. GMB members voted.", "GMB"),
        ("She wrote to the local councillor, MP, and the police.", "MP"),
        ("The charity, FLEX, said the visa scheme was to blame.", "FLEX"),
        ("She came on an overseas domestic worker (ODW) visa.", "ODW"),
        ("It was known in the sector as FLEX, a charity.", "FLEX"),
    ]:
        assert untouched(text, detect(text), letters), text
