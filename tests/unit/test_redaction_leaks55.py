"""Names that main left in a statement, each closed by a general rule (leaks55): a pair of English
words that owns a thing or is paid ("Raja Khan's shop", "The money went to Amir Khan"), a list of
such pairs, a stray full stop after a name, a case's party before a bare year, and a word-name or a
surname's plural that does a person's act ("Dawn broke my phone", "Coopers has my passport").
Every example is written here; the people are invented."""

from __future__ import annotations

import re

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched

_NEVER = re.compile(r"(?!x)x")


def _shown(text: str, spans: list) -> list:
    return [(text[s.start : s.end], s.type, s.confidence) for s in spans]


# --- word_pairs: "'s" and a thing a person owns; what was sent or paid "to" a person ---------------

_OWNED_AND_PAID = [
    ("Raja Khan's shop was shut.", "Raja Khan"),
    ("Ivy Mason's shop was shut for a week.", "Ivy Mason"),
    ("Rich Walker's car was outside the house.", "Rich Walker"),
    ("I stayed in Grace Hunter's house for a month.", "Grace Hunter"),
    ("Jade Carter's phone was off all night.", "Jade Carter"),
    ("Basil Fox's boss shouted at me.", "Basil Fox"),
    ("I travelled on Sunny Hill's passport.", "Sunny Hill"),
    ("Sunny Field's flat was cold.", "Sunny Field"),
    ("The money went to Amir Khan.", "Amir Khan"),
    ("The rent went straight to Hope Wood every month.", "Hope Wood"),
    ("The parcel went to Amber Stone.", "Amber Stone"),
    ("My wages were sent to Will Bishop.", "Will Bishop"),
]


@pytest.mark.parametrize(("text", "name"), _OWNED_AND_PAID)
def test_a_pair_that_owns_a_thing_or_is_paid_is_someone(text, name):
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), (text, _shown(text, spans))


@pytest.mark.parametrize(("text", "name"), [
    ("Raja Khan's shop was shut.", "Raja Khan"),
    ("Rich Walker's car was outside the house.", "Rich Walker"),
    ("The money went to Amir Khan.", "Amir Khan"),
    ("The parcel went to Amber Stone.", "Amber Stone"),
])  # fmt: skip
def test_without_the_owned_and_paid_wording_the_name_is_left(monkeypatch, text, name):
    import desktop.redaction.word_pairs as word_pairs

    monkeypatch.setattr(word_pairs, "_OWNED_AFTER", _NEVER)
    monkeypatch.setattr(word_pairs, "_MONEY_TO", _NEVER)
    assert not covered(text, detect(text), name, kind="PERSON"), text


@pytest.mark.parametrize(("text", "fact"), [
    ("The money went to Western Union.", "Western Union"),
    ("The money went to Royal Mail.", "Royal Mail"),
    ("Royal Mail's van came every day.", "Royal Mail"),
    ("Western Union's office was closed.", "Western Union"),
    ("The money went to Wood Green.", "Wood Green"),
    ("The money went to the Home Office.", "Home Office"),
    ("He sent it to Kent Police.", "Kent Police"),
    ("We went to Golden Dragon for food.", "Golden Dragon"),  # people go to places: only money "went to" someone
    ("I went to Wood Green station.", "Wood Green"),
    ("Safe Haven's office was closed. Safe Haven said its doors were open.", "Safe Haven"),
])  # fmt: skip
def test_bodies_and_places_that_are_paid_or_own_things_stay(text, fact):
    spans = detect(text)
    for nth in range(text.count(fact)):
        assert untouched(text, spans, fact, nth), (text, _shown(text, spans))


def test_the_facts_around_a_paid_person_stay() -> None:
    text = "In March 2023 the money went to Amir Khan in Leeds."
    spans = detect(text)
    assert covered(text, spans, "Amir Khan", kind="PERSON"), _shown(text, spans)
    for fact in ("March 2023", "Leeds"):
        assert untouched(text, spans, fact), (fact, _shown(text, spans))


# --- word_pairs: a list of names -------------------------------------------------------------------

_LISTS = [
    ("Grace Long and Rose Young came.", ["Grace Long", "Rose Young"]),
    ("Grace Long and Rose Young told me to leave.", ["Grace Long", "Rose Young"]),
    ("Hope Wood and Sunny Field said nothing.", ["Hope Wood", "Sunny Field"]),
    ("Jade Stone, Amber Fox and Ivy Mason came to the house.", ["Jade Stone", "Amber Fox", "Ivy Mason"]),
    ("The money went to Amber Stone and Jade Fox.", ["Amber Stone", "Jade Fox"]),
    ("Rose Young & Grace Long hit me.", ["Rose Young", "Grace Long"]),
]


@pytest.mark.parametrize(("text", "names"), _LISTS)
def test_a_pair_listed_with_a_person_is_a_person(text, names):
    spans = detect(text)
    for name in names:
        assert covered(text, spans, name, kind="PERSON"), (text, name, _shown(text, spans))


@pytest.mark.parametrize(("text", "name"), [
    ("Grace Long and Rose Young came.", "Grace Long"),
    ("Jade Stone, Amber Fox and Ivy Mason came to the house.", "Jade Stone"),
])  # fmt: skip
def test_without_the_list_rule_the_first_pair_is_left(monkeypatch, text, name):
    import desktop.redaction.word_pairs as word_pairs

    monkeypatch.setattr(word_pairs, "_listed_pairs", lambda toks, text, lists: None)
    assert not covered(text, detect(text), name, kind="PERSON"), text


@pytest.mark.parametrize(("text", "name", "fact"), [
    ("Red Cross and Rose Young came.", "Rose Young", "Red Cross"),
    ("Citizens Advice and Grace Long helped me.", "Grace Long", "Citizens Advice"),
    ("I phoned Rose Young, Grace Long and Red Cross.", "Grace Long", "Red Cross"),
    ("Rose Young came from Leeds and Wood Green.", "Rose Young", "Wood Green"),
])  # fmt: skip
def test_a_body_or_a_place_in_the_list_stays(text, name, fact):
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), (text, _shown(text, spans))
    assert untouched(text, spans, fact), (text, _shown(text, spans))


# --- given_names: a full stop after a name where no sentence ends ----------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Then at Leeds, Tom. said hi", "Tom"),
    ("In March, Sunny. left the house", "Sunny"),
    ("After that Grace. told me to wait", "Grace"),
])  # fmt: skip
def test_a_name_before_a_stray_full_stop_is_someone(text, name):
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), (text, _shown(text, spans))


def test_without_the_stray_stop_rule_the_name_is_left(monkeypatch) -> None:
    import desktop.redaction.given_names as given_names

    monkeypatch.setattr(given_names, "_STRAY_STOP", _NEVER)
    text = "Then at Leeds, Tom. said hi"
    assert not covered(text, detect(text), "Tom", kind="PERSON"), text


@pytest.mark.parametrize(("text", "fact"), [
    ("Then at Leeds, Tom. said hi", "Leeds"),
    ("I went to Leeds. said nothing more", "Leeds"),
    ("In March, Sunny. left the house", "March"),
    ("We were in Bristol. Then he came back.", "Bristol"),
])  # fmt: skip
def test_places_and_months_before_a_stop_stay(text, fact):
    spans = detect(text)
    assert untouched(text, spans, fact), (text, _shown(text, spans))


# --- court_parties: a party before a bare year ------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("R v Brown 2019 was heard", "Brown"),
    ("R v Walker 2021 was cited by the judge.", "Walker"),
    ("They relied on R v Fisher 2016 at the hearing.", "Fisher"),
])  # fmt: skip
def test_a_party_before_a_bare_year_is_someone(text, name):
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), (text, _shown(text, spans))


def test_without_the_bare_year_the_party_is_left(monkeypatch) -> None:
    import desktop.redaction.court_parties as court_parties

    old = re.compile(
        r"[ \t\u00a0]*(?:[\[(,;:\n]|$|\Z)|[ \t\u00a0]+(?:1[89]|20)\d\d[ \t\u00a0]+[A-Z]{2,6}[ \t\u00a0]+\d"
    )
    monkeypatch.setattr(court_parties, "_SIDE_END", old)
    text = "R v Brown 2019 was heard"
    assert not covered(text, detect(text), "Brown", kind="PERSON"), text


@pytest.mark.parametrize(("text", "fact"), [
    ("R v Leeds 2019 was heard", "Leeds"),
    ("R v Brown 2019 was heard in March.", "March"),
    ("R v Brown 2019 was heard", "2019"),
])  # fmt: skip
def test_a_place_and_the_year_of_a_case_stay(text, fact):
    spans = detect(text)
    assert untouched(text, spans, fact), (text, _shown(text, spans))


# --- bare_subjects: a person's act on the speaker; what a person holds of theirs ---------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Dawn broke my phone.", "Dawn"),
    ("Grace broke my arm.", "Grace"),
    ("Summer burned my papers.", "Summer"),
    ("Stone hit me in the kitchen.", "Stone"),
    ("Coopers has my passport.", "Coopers"),
    ("Parkers has my phone and my bank card.", "Parkers"),
    ("Bakers kept our passports for a year.", "Bakers"),
])  # fmt: skip
def test_a_bare_subject_of_a_persons_act_is_someone(text, name):
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), (text, _shown(text, spans))


@pytest.mark.parametrize(("text", "name"), [
    ("Dawn broke my phone.", "Dawn"),
    ("Coopers has my passport.", "Coopers"),
])  # fmt: skip
def test_without_the_act_and_the_holding_the_word_is_left(monkeypatch, text, name):
    import desktop.redaction.bare_subjects as bare_subjects

    monkeypatch.setattr(bare_subjects, "_ACT_ON_ME", _NEVER)
    monkeypatch.setattr(bare_subjects, "_HOLDS_MINE", _NEVER)
    assert not covered(text, detect(text), name, kind="PERSON"), text


@pytest.mark.parametrize(("text", "fact"), [
    ("Dawn broke and we left the house.", "Dawn"),
    ("Fire burned my papers.", "Fire"),
    ("Boots has my prescription.", "Boots"),
    ("Tesco has my wages.", "Tesco"),
    ("Police hit me.", "Police"),
    ("Work hurt my back.", "Work"),
])  # fmt: skip
def test_the_day_a_fire_a_shop_and_a_body_stay(text, fact):
    spans = detect(text)
    assert untouched(text, spans, fact), (text, _shown(text, spans))
