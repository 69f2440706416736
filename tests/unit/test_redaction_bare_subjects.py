"""Surnames that are English words, read from the sentence's grammar (``desktop.redaction.bare_subjects``):
a lone capitalised word opening a sentence before a verb of saying, and a function word after a
likely given name. Plurals, mass and collective nouns, titles, relations, bodies and headings stay.
Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_bare_sentence_opening_word_before_a_verb_of_saying_is_a_surname() -> None:
    for text, name in [
        ("The trial opened in June. Frost told the jury that the men slept in a barn.", "Frost"),
        ("Lamb said the passports were locked in the office.", "Lamb"),
        ("He was charged in 2021. Steel admitted three counts of forced labour.", "Steel"),
        ("Fox, 47, denied that any of the workers had been threatened.", "Fox"),
        ("Moss recalled the night the van arrived at the farm.", "Moss"),
        ("Bond insisted she had paid every worker in cash.", "Bond"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_words_that_stand_bare_as_a_subject_stay() -> None:
    for text, word in [
        ("Police said the flat had been searched twice.", "Police"),
        ("Officials told the committee that the data was shared.", "Officials"),
        ("Staff told the inspectors the rooms were cold.", "Staff"),
        ("Nobody told her where the children had gone.", "Nobody"),
        ("Labour said the scheme had failed the victims.", "Labour"),
        ("Counsel told the tribunal the appeal was out of time.", "Counsel"),
        ("Prosecution said the gang made a fortune.", "Prosecution"),
        ("Judge said the sentence had to deter others.", "Judge"),
        ("Mum told me to stay inside.", "Mum"),
        ("Shelter said the hostel was unfit to live in.", "Shelter"),
        ("Banks said the accounts had been frozen.", "Banks"),
        ("We met at the Crown on a Friday. Crown said it had no record of us.", "Crown"),
        ("Gold was found in the safe and the police took it away.", "Gold"),
        ("Frost covered the fields when we arrived.", "Frost"),
    ]:
        assert untouched(text, detect(text), word, text.count(word) - 1), text


def test_a_function_word_after_a_given_name_is_its_surname() -> None:
    for text, name in [
        ("The caseworker who met us, Lucy Young, rang the council.", "Lucy Young"),
        ("A volunteer, Karen Little, drove us to the hostel.", "Karen Little"),
        ("The report was written by Priya Most and a colleague.", "Priya Most"),
        ("Detective Sergeant Nadia Still took my statement.", "Nadia Still"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_that_surname_alone_elsewhere_is_the_same_person() -> None:
    for text, nth in [
        ("The nurse, Ruth Young, saw me first. Young said the cut needed stitches.", 1),
        ("I rang Omar Little twice. The next day I went back to Little with my papers.", 1),
    ]:
        word = "Young" if "Young" in text else "Little"
        assert covered(text, detect(text), word, nth, kind="PERSON"), text


def test_function_words_after_a_name_that_are_not_its_surname_stay() -> None:
    for text, word in [
        ("I stayed with Amina. Young people worked in the kitchen at night.", "Young"),
        ("Grace Young Carers Trust paid for the bus.", "Young"),
        ("Why Amina Still Waits For Justice", "Still"),
        ("I asked Tariq if he was still there.", "still"),
        ("The nurse, Ruth Young, saw me. Young people were waiting outside.", "Young people"),
        ("I rang Omar Little. Little by little the debt grew.", "Little by"),
    ]:
        assert untouched(text, detect(text), word), text
