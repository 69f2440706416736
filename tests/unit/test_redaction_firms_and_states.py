"""Firms and states that court text names in full are facts (firms_and_states.py). The firms here
are invented; the states are real."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched


# Each of these was taken for a person before the rule (checked on the commit before it).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Fair Work Ombudsman v Kettaro Pty Ltd trading as Golden Wok Marrabel [2016] FCA 902", "Marrabel"),
        ("Mercer v Harrow Proprietary Limited t/as Zandoria Restaurant & Bar [2009] FMCA 12", "Zandoria Restaurant"),
        ("Fair Work Ombudsman v Quaan & Lim Pty Ltd [2019] FCA 212", "Quaan & Lim Pty Ltd"),
        ("Okoro v Kestrel Co. Ltd [1911] AC 301", "Kestrel Co. Ltd"),
        ("Bellisario & Bellisario Shoes Ltd. (Re), 1997 CanLII 412", "Bellisario & Bellisario Shoes Ltd."),
        ("UNITED STATES OF AMERICA, Plaintiff-Appellee\nv.\nSAMIR OKAFOR, Defendant", "UNITED STATES OF AMERICA"),
        ("Between the United States of America, Plaintiff, and the defendants", "United States of America"),
        ("UNITED STATES of America, Plaintiff-Appellant,\nv.\nSAMIR OKAFOR, Defendant", "UNITED STATES of America"),
    ],
)
def test_a_firm_or_a_state_named_in_full_is_kept(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


# The people beside them are still found.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("UNITED STATES OF AMERICA, Plaintiff-Appellee\nv.\nSAMIR OKAFOR, Defendant", "SAMIR OKAFOR"),
        ("Okoro v Kestrel Co. Ltd [1911] AC 301", "Okoro"),
        ("Mercer v Harrow Proprietary Limited t/as Zandoria Restaurant & Bar [2009] FMCA 12", "Mercer"),
        ("My boss Tariq told me to sign for Amina & Co in Bradford.", "Tariq"),
    ],
)
def test_the_people_beside_a_firm_or_a_state_are_still_found(text: str, name: str) -> None:
    assert covered(text, detect(text), name)
