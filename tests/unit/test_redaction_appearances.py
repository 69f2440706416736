"""Counsel and agents on a Scottish court's appearances lines (appearances.py). The people and
firms here are invented; the offices and the towns are real."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched

_OPINION = (
    "OPINION OF THE COURT\n\ndelivered by LORD HALDANE\n\n"
    "Petitioner and Reclaimer: Rennie, QC, Frost; Harper Loudon LLP (for Moray & Co, Dundee)\n"
    "Respondent: Solicitor General (A Di Lorenzo QC); the Crown Agent\n"
    "Minuter: Page QC, Mackendrick; PDSO, Glasgow\n\n"
    "[1] The petitioner, a national of Ruritania, was refused leave to remain."
)


# Each of these was passed by the engine before the rule (checked on the commit before it).
@pytest.mark.parametrize("name", ["Frost", "A Di Lorenzo", "Page"])
def test_counsel_on_an_appearances_line_are_redacted(name: str) -> None:
    assert covered(_OPINION, detect(_OPINION), name)


@pytest.mark.parametrize("name", ["Rennie", "Mackendrick"])
def test_counsel_the_engine_found_before_stay_found(name: str) -> None:
    assert covered(_OPINION, detect(_OPINION), name)


# The rank, the office, the agents and the towns stay; PDSO was taken for a person before the rule.
@pytest.mark.parametrize(
    "fact", ["QC", "Harper Loudon LLP", "Moray & Co", "Dundee", "Solicitor General", "Crown Agent", "PDSO", "Glasgow"]
)
def test_ranks_offices_and_agents_on_an_appearances_line_are_kept(fact: str) -> None:
    assert untouched(_OPINION, detect(_OPINION), fact)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A colon and a semicolon in a worker's words are no appearances line.
        ("Claimant: I worked there for Harrow Cleaning; it was hard and the pay was late.", "Harrow Cleaning"),
        ("Respondent: The Secretary of State; she relied on the letter from Glasgow.", "Secretary of State"),
    ],
)
def test_a_label_and_a_semicolon_in_prose_change_nothing(text: str, kept: str) -> None:
    assert untouched(text, detect(text), kept)
