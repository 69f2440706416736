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
