"""A role opening a sentence before a name ("Campaigner Hope Ade said") is a cue, not part of the
name (``desktop.redaction.roles_before_names``). Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered


def test_a_role_opening_a_sentence_stays_outside_the_name_and_the_name_is_sure() -> None:
    for text, role, name in [
        ("Campaigner Dawn Fox said the raids must stop.", "Campaigner", "Dawn Fox"),
        ("Organiser Ben Stone told us the workers were afraid.", "Organiser", "Ben Stone"),
        ("Nobody came. Midwife Sarah Mbeki told the inquest she had called twice.", "Midwife", "Sarah Mbeki"),
        ("Activist Rose Ndlovu said the raids must stop.", "Activist", "Rose Ndlovu"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name, kind="PERSON"), text
        r = text.index(role)
        assert not any(s.start < r + len(role) and s.end > r for s in spans), text
        assert all(s.confidence >= 0.5 for s in spans if s.type == "PERSON"), text


def test_a_verb_that_ends_like_an_agent_is_no_role() -> None:
    text = "Consider Amy Reid, who waited nine months."
    spans = detect(text)
    assert covered(text, spans, "Amy Reid", kind="PERSON"), text
    assert not any(s.confidence >= 0.85 for s in spans), text
