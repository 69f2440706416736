"""A semicolon with letters of another script straight on both sides is inside a word, as some name
lists spell names ("கவி;நிலா"); a semicolon followed by a space ends it (``desktop.redaction.scripts``).
Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered


def test_a_name_in_another_script_with_a_semicolon_inside_is_one_name() -> None:
    for text, name in [
        ("I shared a room with கவி;நிலா and her sister.", "கவி;நிலா"),
        ("My husband கவி;நிலா took my passport.", "கவி;நிலா"),
        ("The card was signed प्रिया;देवी in blue ink.", "प्रिया;देवी"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text


def test_a_semicolon_followed_by_a_space_still_ends_the_name() -> None:
    text = "I met அருண்; he was kind to us."
    spans = detect(text)
    assert covered(text, spans, "அருண்", kind="PERSON"), text
    assert not any(";" in text[s.start : s.end] for s in spans), text
