"""The sample interview the statement and leak-gate tests share (tests/factories.py) is redacted completely."""

from __future__ import annotations

from tests.factories import redact, sample_interview


def test_sample_redaction_removes_every_recorded_string():
    iv = sample_interview()
    red = redact(iv)
    for s in iv.known_strings():
        assert s.casefold() not in red.text.casefold()
    assert "Greater Manchester Police" in red.text and "March 2024" in red.text
