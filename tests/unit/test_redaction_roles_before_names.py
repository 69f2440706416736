"""A role opening a sentence before a name ("Campaigner Hope Ade said") is a cue, not part of the
name (``desktop.redaction.roles_before_names``). Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered


def test_a_role_opening_a_sentence_stays_outside_the_name_and_the_name_is_sure() -> None:
    for text, role, name in [
        ("Campaigner Joy Fox said the raids must stop.", "Campaigner", "Joy Fox"),
        ("Organiser Kemi Stone told us the workers were afraid.", "Organiser", "Kemi Stone"),
        ("Organiser Tom Lamb told us the workers were afraid.", "Organiser", "Tom Lamb"),  # no span on main
        ("Nobody came. Midwife Sarah Mbeki told the inquest she had called twice.", "Midwife", "Sarah Mbeki"),
        ("Activist Rose Ndlovu said the raids must stop.", "Activist", "Rose Ndlovu"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text
        r = text.index(role)
        assert not any(s.start < r + len(role) and s.end > r for s in spans), text
        assert all(s.confidence >= 0.5 for s in spans if s.type == "PERSON"), text


def test_a_role_before_the_words_of_a_body_takes_no_name() -> None:
    for text in ["Volunteer Mark Hill Centre opened in May.", "Teacher Training was cut last year."]:
        assert not any(s.type == "PERSON" for s in detect(text)), text


def test_a_verb_that_ends_like_an_agent_is_no_role() -> None:
    text = "Consider Amy Reid, who waited nine months."
    spans = detect(text)
    assert covered(text, spans, "Amy Reid", kind="PERSON"), text
    assert not any(s.confidence >= 0.85 for s in spans), text
