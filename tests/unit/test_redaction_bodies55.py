"""Bodies, offices and street-shaped institutions taken for people or addresses
(``desktop.redaction.bodies_by_evidence``), a shop's kind after a given name
(``thing_surnames.given_before_kinds``) and a role's "for" before a person's name
(``published_bodies.bodies_by_roles``). Every example is written here; the people and the bodies
are invented."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def _spans(text: str) -> list:
    return [(text[s.start : s.end], s.type, s.confidence) for s in detect(text)]


# --- a body the text itself shows is a body ----------------------------------------------------


@pytest.mark.parametrize(("text", "body"), [
    ("Bright Harbour said they would call back. A spokesperson for Bright Harbour confirmed it.", "Bright Harbour"),
    ("I went to Tall Cedar, a charity in Leeds. Tall Cedar said they could not house us.", "Tall Cedar"),
    ("Silver Kettle said the room was free. Silver Kettle is a charity for women.", "Silver Kettle"),
    ("We asked the charity Open Lantern for food. Open Lantern said yes.", "Open Lantern"),
    ("Officials at Blue Orchard said my case was closed. Blue Orchard wrote again in May.", "Blue Orchard"),
    ("The Quiet Harbour office was shut. Quiet Harbour said to come back on Monday.", "Quiet Harbour"),
])  # fmt: skip
def test_a_run_the_text_writes_as_a_body_is_kept_everywhere(text, body):
    spans = detect(text)
    assert untouched(text, spans, body), (text, _spans(text))
    assert text.count(body) == 2


def test_without_the_evidence_the_same_run_is_read_as_before(monkeypatch):
    """The rule is what keeps it: switched off, the run before "said" is taken for a person."""
    import desktop.redaction.names as names

    text = "Bright Harbour said they would call back. A spokesperson for Bright Harbour confirmed it."
    monkeypatch.setattr(names, "bodies_by_evidence", lambda toks, text: [])
    assert not untouched(text, detect(text), "Bright Harbour")


@pytest.mark.parametrize(("text", "name"), [
    ("Hope Green said we had to leave by Friday.", "Hope Green"),
    ("Will Smith said he would take my passport.", "Will Smith"),
    ("Grace Oxford said I had to leave.", "Grace Oxford"),
    ("A spokesman for Will Smith said he was ill.", "Will Smith"),
    ("A spokesperson for Tariq Rahman said the claim was false.", "Tariq Rahman"),
    ("Hope Green said she would help. The charity was closed.", "Hope Green"),
    ("Tariq Mensah, a company director, said I owed him money.", "Tariq Mensah"),
    ("Joy Lane was the employer. Joy Lane said I had to stay.", "Joy Lane"),
    ("I met the Rose Hall I knew from school. Rose Hall said she was sorry.", "Rose Hall"),
])  # fmt: skip
def test_a_person_stays_a_person(text, name):
    assert covered(text, detect(text), name), (text, _spans(text))  # ("Joy Lane" is read as an address)


def test_a_spokesperson_for_a_person_named_with_a_given_name_is_theirs(monkeypatch):
    """Before, "a spokesperson for" made any run after it a body, and a person's name leaked."""
    text = "A spokesperson for Amir Rahman said the claim was false."
    assert covered(text, detect(text), "Amir Rahman", kind="PERSON"), _spans(text)
    import desktop.redaction.published_bodies as pb

    monkeypatch.setattr(pb, "person_shaped", lambda words: False)
    assert not covered(text, detect(text), "Amir Rahman", kind="PERSON")


# --- a capitalised "Not", "Without" inside a run of English words -------------------------------


@pytest.mark.parametrize(("text", "body"), [
    ("Kindness Not Fear said the march was peaceful.", "Kindness Not Fear"),
    ("Nurses Without Walls treated my son in the camp.", "Nurses Without Walls"),
    ("Nurses Without Walls said the clinic was full.", "Nurses Without Walls"),
    ("I was helped by Families Against Cruelty in Leeds.", "Families Against Cruelty"),
])  # fmt: skip
def test_a_run_with_a_capitalised_inner_word_is_a_body(text, body):
    assert untouched(text, detect(text), body), (text, _spans(text))


def test_without_the_inner_word_rule_a_word_is_taken(monkeypatch):
    import desktop.redaction.names as names

    text = "Nurses Without Walls said the clinic was full."
    monkeypatch.setattr(names, "bodies_with_inner_words", lambda toks, text: [])
    assert not untouched(text, detect(text), "Nurses Without Walls")


@pytest.mark.parametrize(("text", "name"), [
    ("Interview Without Hope Green present.", "Hope Green"),
    ("My husband Tariq Without said nothing.", "Tariq"),
])  # fmt: skip
def test_a_name_beside_an_inner_word_stays_a_name(text, name):
    assert covered(text, detect(text), name, kind="PERSON"), (text, _spans(text))


# --- a street-shaped institution --------------------------------------------------------------


@pytest.mark.parametrize(("text", "body"), [
    ("Kestrel Street said the policy would not change.", "Kestrel Street"),
    ("Harrow Yard decided not to charge him.", "Harrow Yard"),
    ("The Granite House said it would not comment.", "Granite House"),
    ("A spokesperson for Kestrel Street said the scheme was fair.", "Kestrel Street"),
    ("Officials at Harrow Yard refused my application.", "Harrow Yard"),
    ("Bright Crescent said my father was in the camp.", "Bright Crescent"),
    ("Safe Passage said they could help my brother.", "Safe Passage"),
])  # fmt: skip
def test_a_street_shaped_name_that_speaks_is_an_institution(text, body):
    spans = detect(text)
    assert untouched(text, spans, body), (text, _spans(text))


def test_without_the_street_rule_the_institution_is_an_address(monkeypatch):
    import desktop.redaction.engine as engine

    text = "Kestrel Street said the policy would not change."
    monkeypatch.setattr(engine, "street_named_institution", lambda text, s, e: False)
    assert covered(text, detect(text), "Kestrel Street", kind="ADDRESS")


@pytest.mark.parametrize(("text", "place"), [
    ("I lived at 10 Kestrel Street with my cousin.", "10 Kestrel Street"),
    ("My flat on Mill Street was cold.", "Mill Street"),
    ("I lived on Church Street for two years.", "Church Street"),
    ("Kestrel Street said she could stay.", "Kestrel Street"),
])  # fmt: skip
def test_an_address_stays_an_address(text, place):
    assert covered(text, detect(text), place), (text, _spans(text))


@pytest.mark.parametrize(("text", "name"), [
    ("Mr Street said I had to leave.", "Street"),
    ("Grace Street said the company would not pay.", "Grace Street"),
    ("Sam Street said the van would come at six.", "Sam Street"),
])  # fmt: skip
def test_a_person_named_like_a_street_stays_redacted(text, name):
    assert covered(text, detect(text), name), (text, _spans(text))


# --- a shop's kind after a given name ---------------------------------------------------------


@pytest.mark.parametrize(("text", "given", "kind"), [
    ("Layla Salon said the rent was late.", "Layla", "Salon"),
    ("Layla Salon said they would not pay me.", "Layla", "Salon"),
    ("Fatima Bakery said they would not pay me.", "Fatima", "Bakery"),
    ("Noor Laundry said I owed them for the week.", "Noor", "Laundry"),
])  # fmt: skip
def test_a_shops_kind_is_kept_and_the_given_name_taken(text, given, kind):
    spans = detect(text)
    assert covered(text, spans, given, kind="PERSON"), (text, _spans(text))
    assert untouched(text, spans, kind), (text, _spans(text))


def test_before_a_census_surname_kind_took_the_whole_pair(monkeypatch):
    """ "Salon" is a census surname: the kind was left to the surname rules and the pair redacted."""
    import desktop.redaction.thing_surnames as ts

    text = "Layla Salon said the rent was late."
    monkeypatch.setattr(ts, "_SHOP_KINDS", frozenset())
    monkeypatch.setattr(ts, "_KINDS", ts._ORG_LAST)
    assert not untouched(text, detect(text), "Salon")


@pytest.mark.parametrize(("text", "name"), [
    ("Grace Salon said she would pay.", "Grace"),
    ("Grace Salon said they would pay.", "Grace Salon"),
])  # fmt: skip
def test_a_word_name_before_a_shops_kind_is_read_as_before(text, name):
    assert covered(text, detect(text), name, kind="PERSON"), (text, _spans(text))
