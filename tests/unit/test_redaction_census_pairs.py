"""A given name and a surname that are both English words, named with no cue before them, followed
by what only a person does or has (``desktop.redaction.census_pairs``). Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_given_name_and_surname_both_english_words_before_a_person_verb_or_an_age() -> None:
    for text, name in [
        ("The court heard that Peter Cross had threatened her.", "Peter Cross"),
        ("Bill Stone, 52, was jailed for four years.", "Bill Stone"),
        ("Grace Fox, 34, was found guilty.", "Grace Fox"),
        ("Mark Lamb, who owned the car wash, was arrested.", "Mark Lamb"),
        ("Defendant Peter Wood pleaded guilty to two counts.", "Peter Wood"),
        ("Rose Bird wept in the dock.", "Rose Bird"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_bodies_streets_and_headings_made_of_such_words_stay() -> None:
    for text, fact in [
        ("Victoria Station was closed, who knows why.", "Victoria Station"),
        ("The Mark Cross Trust denied the claim.", "Mark Cross Trust"),
        ("Peter Wood Street, 52, was the address.", "Peter Wood Street"),
    ]:
        spans = detect(text)
        assert not any(s.type == "PERSON" for s in spans if fact in text[s.start : s.end + 20]), text
    text = "Why Peter Cross Was Jailed"  # a title-case heading
    assert untouched(text, detect(text), "Peter Cross"), text


def test_a_pair_whose_surname_is_a_place_word_is_a_person_before_a_verb_of_saying() -> None:
    for text, name in [
        ('"The rent went up twice," Bill Green said.', "Bill Green"),
        ("Mark Hill told the tribunal she had no passport.", "Mark Hill"),
        ('"Nobody paid us," Tom Green told the court.', "Tom Green"),
        ('"I had no choice," Rose Hill, 41, said.', "Rose Hill"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_a_body_named_with_such_words_stays_before_a_verb_of_saying() -> None:
    for text, fact in [
        ('"We were full," Bill Green said. The Bill Green is a pub by the canal.', "Bill Green"),
        ('"We are worried," Mark Park told us they would close the shelter.', "Mark Park"),
        ('"Nobody came," Jack Hill said. Jack Hill Centre opens at nine.', "Jack Hill"),
    ]:
        spans = detect(text)
        assert not any(s.type == "PERSON" for s in spans), (text, fact)
