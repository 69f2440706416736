"""Facts the likely-name pass scored as unexplained words, told by the wording around them
(``desktop.redaction.facts_in_wording``): a shortened month before a number, a place before a noun
of a place, a body in apposition to a body's noun, a constituency, "Mount ...", a unit before
"Detachment", a broadcaster before "TV", a one-word agency in a credit line. Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_facts_told_by_their_wording_are_kept() -> None:
    for text, fact in [
        ("He came to the UK on Aug. 12, 2020, with his cousin.", "Aug. 12, 2020"),
        ("The men were kept at Trelowen farm for a year.", "Trelowen"),
        ("Families came from Sukorejo village to the port.", "Sukorejo"),
        ("The Kwun Tong district court heard the case in June.", "Kwun Tong"),
        ("The statement was signed by the opposition party, Podemos.", "Podemos"),
        ("said Ann Hughes, MP for Kirkby-Westfield", "Kirkby-Westfield"),
        ("They lived in their Mount Roskill home until 2019.", "Mount Roskill"),
        ("The story was first reported by Al-Mustaqbal TV in March.", "Al-Mustaqbal TV"),
        ("Jane Roe · Kyodo · Alamy", "Kyodo"),
        ("Officers from the RCMP Halton-Tees Detachment and local police arrested him.", "Halton-Tees Detachment"),
        ("Jane Roe · Kyodo · Alamy", "Alamy"),
    ]:
        assert untouched(text, detect(text), fact), (text, fact)


def test_people_beside_those_wordings_stay_names() -> None:
    for text, name in [
        ("said Ann Hughes, MP for Kirkby-Westfield", "Ann Hughes"),
        ("Jane Roe · Kyodo · Alamy", "Jane Roe"),
        ("My neighbour Okonjo farm workers came.", "Okonjo"),
        ("I met him at the camp. Chidi village people knew him.", "Chidi"),
        ("Her brother Tunde farm work paid little.", "Tunde"),
        ("I visited Obiageli hospital appointments.", "Obiageli"),
        ("Her friend, Obiageli, told the police.", "Obiageli"),
        ("Sergeant Okonjo Detachment leader said no.", "Okonjo"),
        ("| No. | Name | Age |\n| 1 | Nkechi | 34 |\n| 2 | Tobi | 29 |", "Nkechi"),
    ]:
        assert covered(text, detect(text), name, kind="PERSON"), (text, name)
