"""A court's letters in citations and case numbers are facts (citations.py). The parties here are
invented; the courts' letters and the citations' shapes are real."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched


# Each of these letters was taken for a person before the rule (checked on the commit before it).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Supreme Court rules for victims\n\nOkafor v Lindqvist (2016) UKSC 19\n\nCampaigners welcomed it.", "UKSC"),
        ("Tembo Shoes (Re), 1997 CanLII 412 (SCC), at para. 21", "CanLII"),
        ("Fair Work Ombudsman v Harrow Cleaning Pty Ltd [2022] FedCFamC2G 311", "FedCFamC2G"),
        ("the Upper Tribunal decision in PQ [2019] UKUT 210 (IAC) was cited", "IAC"),
        ("File number: ACD 57 of 2019\nJudgment of: FENWICK J", "ACD"),
    ],
)
def test_a_court_s_letters_in_a_citation_are_kept(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


# Kept before the rule too, and still kept.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("R v Mayo, 2017 ONSC 5512, conviction for trafficking and other related offences", "ONSC"),
        ("The appeal went to the First-tier Tribunal (IAC) in March.", "IAC"),
        ("In PQ (Trafficking – credibility) [2019] UKUT 210 (IAC) a victim of trafficking", "UKUT"),
    ],
)
def test_citations_kept_before_stay_kept(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


# The parties beside the citations are still found, and a year before a name is no citation.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Supreme Court's ruling in Okafor v Lindqvist (2016) UKSC 19 changed the law.", "Lindqvist"),
        ("In 2019 Amina Begum 23 times rang the agency for her wages.", "Amina Begum"),
        ("In PQ (Trafficking – credibility) [2019] UKUT 210 (IAC) a victim of trafficking", "PQ"),
        ("the Upper Tribunal decision in PQ [2019] UKUT 210 (IAC) was cited", "PQ"),
    ],
)
def test_the_names_beside_a_citation_are_still_found(text: str, name: str) -> None:
    assert covered(text, detect(text), name)
