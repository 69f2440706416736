"""People named as parties in court and tribunal text (court_parties.py): letters and lone
surnames in a case title, letters in brackets after a party's noun. Every case, person and
letter here is invented; the courts, the countries and the citations' shapes are real."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched


# Each of these was passed by the engine before the rule (checked on the commit before it).
@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Letters opposite the Crown, and the co-appellants listed with them.
        (
            "The Court of Appeal in R v QXT, QXU and QXV [2023] EWCA Crim 412 set out the approach.",
            ["QXT", "QXU", "QXV"],
        ),
        # A function word's letters are initials in a title's slot.
        ("R v AN, 2018 ONCA 77, conviction for trafficking in persons", ["AN"]),
        # One letter, opposite the Crown or in brackets after "R".
        ("R v G, 2019 ONSC 1234, conviction for trafficking", ["G"]),
        ("R (K) v Secretary of State for the Home Department [2021] EWHC 55 (Admin)", ["K"]),
        # "on the application of" a person.
        ("R (on the application of TB) v Secretary of State for the Home Department [2019] EWHC 123 (Admin)", ["TB"]),
        # A reported tribunal decision's name: letters, a bracketed description, a citation.
        ("In ZR (s82 NIA 2002, negative decision) [2019] UKUT 210 (IAC) a victim of trafficking", ["ZR"]),
        # Letters in brackets after a party's noun initials_named does not read.
        ("He was convicted of holding another person (DWN) in servitude for six years.", ["DWN"]),
        # A lone surname as a side of a title, even an English word or a word after "in".
        ("See R v Fisher & Others [2020] EWCA Crim 77 on the defence.", ["Fisher"]),
        ("Baker v Harrow Holdings Ltd [2016] FCA 10", ["Baker"]),
        ("The claim in Abara v Spain [2012] ECHR 19 failed.", ["Abara"]),
    ],
)
def test_a_party_named_in_a_case_title_is_redacted(text: str, names: list[str]) -> None:
    spans = detect(text)
    for name in names:
        assert covered(text, spans, name), name


def test_letters_found_in_a_title_are_redacted_where_written_again() -> None:
    text = "In MQ (Pakistan) v SSHD [2020] EWCA Civ 88 the court agreed, and MQ was granted leave."
    assert covered(text, detect(text), "MQ", 1)


# The facts beside the parties stay: the state's side, the courts, the countries, a place as a party.
@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "In KL (Eritrea) v Secretary of State for the Home Department [2020] EWCA Civ 88 the court agreed.",
            ["Eritrea", "Secretary of State for the Home Department", "EWCA"],
        ),
        (
            "In PQ (Trafficking – credibility) Albania [2021] UKUT 301 the Upper Tribunal held so.",
            ["Albania", "UKUT", "Upper Tribunal"],
        ),
        (
            "The claim in Abara v Spain [2012] ECHR 19 failed, and the respondent (SSHD) appealed.",
            ["Spain", "SSHD", "ECHR"],
        ),
        ("Judges of the Court of Appeal in R v QXT [2023] EWCA Crim 412 set out the approach.", ["EWCA", "Crim"]),
        ("Baker v Harrow Holdings Ltd [2016] FCA 10", ["Holdings Ltd", "FCA"]),
        ("Ortiz v Portugal [2015] ECHR 12 was cited by the Home Office.", ["Portugal", "Home Office"]),
    ],
)
def test_the_facts_of_a_case_title_are_kept(text: str, facts: list[str]) -> None:
    spans = detect(text)
    for fact in facts:
        assert untouched(text, spans, fact), fact


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        # A body's letters the text defines, suing the state.
        ("The Joint Council for the Welfare of Immigrants (JCWI) brought JCWI v SSHD [2020] EWCA Civ 542.", "JCWI"),
        # The state's letters in brackets after a party's noun.
        ("the respondent (SSHD) relied on the Home Office's guidance", "SSHD"),
        ("the appellant (SSHD) appealed against the decision", "SSHD"),
    ],
)
def test_a_body_s_letters_are_not_taken_for_a_party(text: str, letters: str) -> None:
    spans = detect(text)
    for nth in range(text.count(letters)):
        assert untouched(text, spans, letters, nth), letters


# A judgment's heading names the party by letters alone on a line, above the anonymity order or the
# party's label; and "the appellant, XX," in apposition.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Before\n\nUPPER TRIBUNAL JUDGE HOLLIS\n\nBetween\n\nMK\n(ANONYMITY ORDER MADE)\nAppellant\nand\n\n"
            "SECRETARY OF STATE FOR THE HOME DEPARTMENT\nRespondent",
            "MK",
        ),
        ("Between\nO D A\n(ANONYMITY DIRECTION MADE)\nAppellant\nand\nTHE SECRETARY OF STATE", "O D A"),
        ("Between\nF T\nAppellant\nAnd\nSecretary of State for the Home Department\nRespondent", "F T"),
        (
            "Between\nSECRETARY OF STATE FOR THE HOME DEPARTMENT\nAppellant\nand\nGS (Albania)\n"
            "(ANONYMITY ORDER MADE)\nRespondent",
            "GS",
        ),
        ("1. The appellant, ODX, born in 1985 is a female citizen of Nigeria.", "ODX"),
    ],
)
def test_a_party_s_letters_in_a_heading_or_in_apposition_are_redacted(text: str, name: str) -> None:
    assert covered(text, detect(text), name)


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("Between\nHMRC\nAppellant\nand\nTembo Cleaning Ltd\nRespondent", "HMRC"),
        ("Between\nSECRETARY OF STATE FOR THE HOME DEPARTMENT\nAppellant\nand\nMK\nRespondent", "SECRETARY"),
        ("Between\nMK (Albania)\n(ANONYMITY ORDER MADE)\nAppellant", "Albania"),
    ],
)
def test_the_state_s_letters_and_a_country_in_a_heading_are_kept(text: str, letters: str) -> None:
    assert untouched(text, detect(text), letters)
