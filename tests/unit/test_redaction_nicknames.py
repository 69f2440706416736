"""A kin word opening the name someone is known by ("known as Mama Ngozi") is part of the name;
elsewhere a form of address stays outside it (``desktop.redaction.nicknames``). Examples written
here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_the_kin_word_of_a_nickname_is_redacted_with_it() -> None:
    for text, name in [
        ("She is known in the camp as Mama Ngozi, and she cooks for everyone.", "Mama Ngozi"),
        ("He was nicknamed Uncle Tunde by the other workers.", "Uncle Tunde"),
        ("Everyone on the farm knew her as Auntie Grace.", "Auntie Grace"),
    ]:
        assert covered(text, detect(text), name, kind="PERSON"), text


def test_a_kin_word_used_to_address_someone_stays_outside() -> None:
    for text, word, name in [
        ("Auntie Grace rang me on Monday.", "Auntie", "Grace"),
        ("I told Uncle Tunde about it when we were known to the police.", "Uncle", "Tunde"),
    ]:
        spans = detect(text)
        assert untouched(text, spans, word), text
        assert covered(text, spans, name, kind="PERSON"), text
