"""A protected string's needle is made from its forms (``normalise.needle``); a plain needle never
uses form 5 (accent-folded with case kept), so for a non-ASCII string that form is not made. The
needle is the one made from all six forms: the same forms, byte forms and kind, for made-up strings
and the scripts statements hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.leak_gate import normalise
from desktop.reports.leak_gate.normalise import CaseSensitive, Levels, Needle, needle, needles, statement_shaper

NAMES = [
    "عمران خان",
    "ہرپریت کور",
    "ਹਰਪ੍ਰੀਤ ਕੌਰ",
    "পুলিশ ক্ষেত্রে",
    "क्षेत्र पुलिस",
    "Małgorzata Wiśniewska-O’Brien",
    "ŁUKASZ",
    "Ştefan Ţăranu",
    "Ærøskøbing 12",
    "ﻋﻤﺮﺍﻥ",
    "Straße 5/B",
    "Ǽsir",
    "İstanbul",
    "ﬁnn",
    "x\u200dy z",
]


def _from_all_forms(index: int, text: str, capital: bool = False, kind: str = "a redacted item") -> Needle | None:
    """The needle as it was made before: from all six forms."""
    l0, l1, l2, l3, l4, l5 = Levels(text).all()
    if len(l3) < normalise._MIN_LEN:
        return None
    if capital:
        levels = [l0, None, None, None, None, l5]
    else:
        levels = [
            l0,
            l1,
            l2,
            l3 if len(l3) >= normalise._MIN_JOINED else None,
            l4 if len(l4) >= normalise._MIN_JOINED and any(c.isdigit() for c in l4) else None,
            None,
        ]
    n = Needle(index, tuple(levels), capital, kind=kind)
    n.encode()
    return n


def test_the_scripts_statements_hold():
    for text in NAMES:
        for capital in (False, True):
            assert needle(3, text, capital) == _from_all_forms(3, text, capital), text
    items = [*NAMES, CaseSensitive("Łucja"), CaseSensitive("Will")]
    made = needles(items, statement_shaper)
    expected = [
        n
        for i, item in enumerate(items)
        for v in normalise._variants(item, statement_shaper)
        if (n := _from_all_forms(i, v, isinstance(item, CaseSensitive), normalise.item_kind(item)))
    ]
    assert len(made) > len(items)  # the reversed and shaped variants too
    assert made == expected


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=24), st.booleans())
def test_made_up_strings(text, capital):
    assert needle(0, text, capital) == _from_all_forms(0, text, capital)


def test_a_plain_needle_does_not_make_the_form_it_never_uses(monkeypatch):
    def fail(text: str) -> str:
        raise AssertionError("form 5 made for a plain needle")

    monkeypatch.setattr(normalise, "fold_keep_case", fail)
    for text in NAMES:
        needle(0, text)
