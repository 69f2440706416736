"""A lone surname that is an English word, where what follows makes it a family's or a person's
name: "the X family", "X's husband", "X and her ...", "X, a caseworker," (``desktop.redaction.family_names``).
Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_lone_surname_word_before_family_kin_or_a_personal_pronoun_is_a_name() -> None:
    for text, name in [
        ("The Marsh family were moved to a hotel in March.", "Marsh"),
        ("Immigration officers came for the Lamb twins at dawn.", "Lamb"),
        ("Bird's husband took her passport away.", "Bird"),
        ("Nobody told us that Fox's eldest daughter was at school.", "Fox"),
        ("Wood and her two children were detained at the airport.", "Wood"),
        ("Hunt, a caseworker, said the police came twice.", "Hunt"),
        ("We learnt that Marsh, a mother of two, was detained in May.", "Marsh"),
        ("Rose, a former nurse, was detained at the airport.", "Rose"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_words_that_are_no_names_before_the_same_words_stay() -> None:
    for text, word in [
        ("The royal family visited the refuge.", "royal"),
        ("The Royal family visited the refuge.", "Royal"),
        ("Britain's children are poorer than ever.", "Britain"),
        ("Tesco and its staff were helpful.", "Tesco"),
        ("The Home Office and her caseworker lost the file.", "Home Office"),
        ("Crisis, a charity, said it would help.", "Crisis"),
        ("Leeds, a city in Yorkshire, took in fifty families.", "Leeds"),
        ("Later, a woman came to the door.", "Later"),
    ]:
        assert untouched(text, detect(text), word), text


def test_a_lone_surname_word_an_account_is_attributed_to_is_a_name() -> None:
    for text, name in [
        ("The wages were cut, according to Fox, after the manager left.", "Fox"),
        ("According to Lamb the workers slept in a caravan.", "Lamb"),
        ("Bird's solicitor said the letters never arrived.", "Bird"),
        ("The tribunal heard that Wood's barrister had not replied.", "Wood"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_an_account_attributed_to_a_body_by_the_same_words_stays() -> None:
    for text in [
        "Lamb Logistics ran the depot. According to Lamb, the shifts were legal.",
        "We slept at the Fox. According to Fox, nobody stayed there.",
    ]:
        assert not any(s.type == "PERSON" for s in detect(text)), text
