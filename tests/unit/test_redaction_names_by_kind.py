"""Names of a kind the engine passed in published text, each checked on statements written here,
never a set's own words."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from tests.span_checks import covered, untouched

_PROSE = (
    "The farm, which employs several hundred seasonal workers every summer, has been accused by the "
    "union of keeping their passports and of charging them for their beds in shared caravans."
)


# A line break ends the run of capitals where paragraphs run on one line (short_lines.py): the paper on the
# line above does not swallow the name that opens the caption below.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Anna Berg for The Daily Courier Weekly Edition\nRosalina Ortiz sits in her kitchen.\n" + _PROSE,
            "Rosalina Ortiz",
        ),
        ("Pictures from The Northern Echo\nTomasz Wrobel waits outside the depot.\n" + _PROSE, "Tomasz Wrobel"),
        (
            "Photograph by Lena Ruiz for The Northern Echo Weekend Magazine\nAbebe Girma holds his payslips.\n"
            + _PROSE,
            "Abebe Girma",
        ),
    ],
)
def test_a_name_opening_the_line_after_a_credit_is_redacted(text: str, name: str) -> None:
    assert covered(text, detect(text), name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A name a narrow column wrapped stays whole.
        (
            "I worked for a man called Grace\nOkafor who ran the car wash near the ring road in the town.",
            "Grace\nOkafor",
        ),
        (
            "On the first night my cousin, Ahmed\nRahimi, came to the house where the other workers slept.",
            "Ahmed\nRahimi",
        ),
    ],
)
def test_a_name_wrapped_in_a_column_stays_one_name(text: str, name: str) -> None:
    spans = detect(text)
    s = text.index(name)
    assert any(sp.start <= s and s + len(name) <= sp.end for sp in spans)


def test_the_paper_on_the_credit_line_is_kept() -> None:
    text = "Ana Roe for The Daily Courier Weekly Edition\nRuth Mora sits in her kitchen.\n" + _PROSE
    assert untouched(text, detect(text), "Daily Courier")
