"""A court is no street named "... Court" (court_addresses.py). The people and blocks of flats here
are invented."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched

_LONG = (
    " The case concerned a large-scale operation that brought workers from Poland to the United Kingdom "
    "with false promises of work, a bed and a fair wage."
)


# Each of these was read as an address before the rule (checked on the commit before it).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("The Court held that the worker had been held in servitude.", "The Court"),
        ("In contrast, The Court ruled in another case that immunity applied.", "The Court"),
        ("Appeal from the United States Court of Appeals,\nNinth Circuit.", "United States Court of Appeals"),
        ("Jurisdiction: England and Wales\nCourt: Court of Appeal (Criminal Division)." + _LONG, "Wales"),
    ],
)
def test_a_court_is_not_taken_for_an_address(text: str, fact: str) -> None:
    assert untouched(text, detect(text), fact)


# A home in a block named "... Court" is still an address: with a number, after a town's name, wrapped.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("She lived at 12 Maple Court in Leeds with her aunt.", "12 Maple Court"),
        ("She lived at Windsor Court in Leeds with her aunt.", "Windsor Court"),
        ("She lived at Maple\nCourt in Leeds with her aunt.", "Maple\nCourt"),
        # A person whose surname is "Court", with "of" and a town after it: the "address" covers her.
        ("We were helped by Grace Court of Hull when we left.", "Grace Court"),
    ],
)
def test_a_block_named_court_is_still_an_address(text: str, address: str) -> None:
    assert covered(text, detect(text), address)
