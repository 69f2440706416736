"""One export makes the gate's needles once, for the text before drawing and for the PDF, and a
check never looks with needles made for other protected strings."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.reports import leak_gate
from desktop.reports.export import render_checked
from desktop.reports.fonts import FontSet
from desktop.reports.leak_gate import CaseSensitive, LeakDetected, index, verdict
from desktop.services.statements import statement_content
from tests.factories import sample_interview


def _pdf(line: str) -> bytes:
    """A neutral one-page PDF drawing ``line``."""
    font = FontSet.load()["Latin"].regular
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, initialFontName=font)
    c.setTitle("Witness statement")
    c.setCreator("Witnessbox")
    c.setProducer("Witnessbox")
    c.setFont(font, 10)
    c.drawString(50, 800, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_needles_made_for_other_strings_are_not_used():
    other = leak_gate.needle_index(["Someone Else"])
    with pytest.raises(LeakDetected):
        leak_gate.check_text("Harpreet called the police.", ["Harpreet"], index=other)
    with pytest.raises(LeakDetected):
        leak_gate.check(_pdf("Harpreet called the police."), ["Harpreet"], index=other)


def test_needles_made_for_the_same_words_of_another_kind_are_not_used():
    # a recorded "Will" kept as a name (looked for only where capitalised) against a plain "Will"
    # (any case): the capital needles would miss "will"; the check must make its own
    capital = leak_gate.needle_index([CaseSensitive("Will")])
    leak_gate.check_text("I will go.", [CaseSensitive("Will")], index=capital)  # no trace: lower case
    with pytest.raises(LeakDetected):
        leak_gate.check_text("I will go.", ["Will"], index=capital)
    with pytest.raises(LeakDetected):
        leak_gate.check(_pdf("I will go."), ["Will"], index=capital)


def test_an_index_is_made_for_its_strings_in_their_order_and_with_its_shaper():
    made = leak_gate.needle_index(["Amina Begum", "07700 900123"])
    assert made.made_for(["Amina Begum", "07700 900123"])
    assert made.made_for(["Amina Begum", "07700 900123"], leak_gate.statement_shaper)
    assert not made.made_for(["07700 900123", "Amina Begum"])  # a leak would be named by the wrong index
    assert not made.made_for(["Amina Begum"])
    assert not made.made_for(["Amina Begum", "07700 900123"], None)
    assert not index.NeedleIndex(made.needles).made_for(["Amina Begum", "07700 900123"])  # not made by for_items


def test_one_export_makes_the_needles_once(monkeypatch):
    content, forbidden = statement_content(sample_interview())
    made = []
    real = index.needles

    def counted(items, shaper):
        made.append(len(items))
        return real(items, shaper)

    monkeypatch.setattr(index, "needles", counted)
    monkeypatch.setattr(verdict, "needles", counted)
    data, report = render_checked(content, forbidden)
    assert made == [len(forbidden)]
    assert data.startswith(b"%PDF-") and report.items == len(forbidden)


@pytest.mark.parametrize("joiner", ["\u200c", "\u200d"])
def test_a_name_split_by_a_zero_width_joiner_is_still_found(joiner):
    # a font's map may read a glyph back as a joiner: the gate's first form drops them, whether
    # the text has one (the character-by-character pass) or not (passed over)
    name = "Harpreet"
    with pytest.raises(LeakDetected):
        leak_gate.check_text(f"Statement: Harp{joiner}reet came — again.", [name])
    with pytest.raises(LeakDetected):
        leak_gate.check_text("Statement: Harpreet came — again.", [name])
    leak_gate.check_text(f"Statement: Harp{joiner}er came — again.", [name])
