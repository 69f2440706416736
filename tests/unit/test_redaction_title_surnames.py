"""A surname after a form of address that is also a word kept as a fact, a nationality, a language
or a body's kind (``desktop.redaction.title_surnames``). Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_never_a_name_word_after_a_form_of_address_is_a_surname() -> None:
    for text, name in [
        ("The flat belonged to Mrs Dutch, who lived upstairs.", "Dutch"),
        ("Mr English drove us to the farm every morning.", "English"),
        ("At the surgery Dr Welsh wrote down my injuries.", "Welsh"),
        ("I gave the keys back to Ms Temple on Friday.", "Temple"),
    ]:
        assert covered(text, detect(text), name, kind="PERSON"), text


def test_the_same_words_without_a_form_of_address_stay() -> None:
    for text, word in [
        ("She spoke French to Mr Swift at the door.", "French"),
        ("My husband is English and I am Polish.", "English"),
    ]:
        assert untouched(text, detect(text), word), text
    text = "We met at Mrs Temple Street in the rain."  # a street's name goes on after the word
    assert not any(s.type == "PERSON" for s in detect(text)), text


def test_a_surname_a_title_showed_is_a_name_where_it_stands_alone_as_one() -> None:
    for text, name in [
        ("Mrs Dutch rented us the room. Dutch was angry when the rent was late.", "Dutch"),
        ("Dr Welsh examined my arm. Two days later Welsh, 61, told the police it was broken.", "Welsh"),
        ("We cleaned for Mr English. According to English, the wages went to his brother.", "English"),
        ("Ms Temple found the flat. Temple's husband kept the keys.", "Temple"),
        ("Mrs Dutch hired Amara and me. Amara and Dutch argued about the hours.", "Dutch"),
        ("Mrs Dutch hired us. She and Dutch went to the agency together.", "Dutch"),
    ]:
        spans = detect(text)
        hits = [s for s in spans if s.type == "PERSON" and text[s.start : s.end] == name]
        assert len(hits) == 2, (text, [(text[s.start : s.end], s.type) for s in spans])


def test_the_ordinary_word_stays_after_a_title_showed_it_as_a_surname() -> None:
    for rest in [
        "We bought Dutch cheese at the market and she spoke Dutch to us.",
        "English and Dutch are taught at the college.",
        "The Dutch Embassy wrote back in Dutch.",
        "She knew Dutch had no word for it.",
    ]:
        text = "Mrs Dutch rented us the room. " + rest
        people = [text[s.start : s.end] for s in detect(text) if s.type == "PERSON"]
        assert people == ["Dutch"], (rest, people)  # only the one after "Mrs"
