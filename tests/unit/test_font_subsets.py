"""A statement font's subsets are made byte for byte as reportlab's own subsetting makes them."""

from __future__ import annotations

import random

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFile

from desktop.reports.fonts import FontSet, runs
from desktop.reports.subsets import SubsetMaker
from tests.factories import PUNJABI_STATEMENT, URDU_STATEMENT

ACCENTED = [ord(c) for c in "éèêëàâäçñöüÿÁÉÍÓÚŁłŠšŽžĆćŐőŰűÅåØøÆæßİıĞğŞş"]


def _fonts() -> list[str]:
    return [name for pair in FontSet.load().values() for name in (pair.regular, pair.bold)]


@pytest.mark.parametrize("name", _fonts())
def test_subsets_are_reportlabs_byte_for_byte(name):
    for text in (URDU_STATEMENT, PUNJABI_STATEMENT):  # shaping gives private-use codes to some glyphs
        for word in text.split():
            runs(word, 10.5)
    face = pdfmetrics.getFont(name).face
    ours = SubsetMaker(face)
    codes = sorted(face.charToGlyph)
    rng = random.Random(name)
    subsets = [[32], [0x41, 0x42, 0x43], [c for c in ACCENTED if c in face.charToGlyph] or [32],
               codes[:256], codes[-200:], [c for c in codes if c >= 0xE000][:256] or [32]]
    subsets += [rng.sample(codes, min(len(codes), size)) for size in (1, 17, 100, 255, 256) for _ in range(4)]
    for subset in subsets:
        assert ours.make(subset) == TTFontFile.makeSubset(face, subset)
    assert ours.make(subsets[-1]) == ours.make(subsets[-1])  # nothing of one subset stays in the next


def test_composite_glyphs_are_renumbered_as_reportlab_does():
    face = pdfmetrics.getFont(FontSet.load()["Latin"].regular).face
    ours = SubsetMaker(face)
    subset = [c for c in ACCENTED if c in face.charToGlyph]
    assert ours.make(subset) == TTFontFile.makeSubset(face, subset)
    composites = [g for g in ours._glyphs.values() if g.parts]
    assert composites and any(at >= 0 for g in composites for at, _ in g.parts)


def test_statement_fonts_make_their_subsets_here():
    for name in _fonts():
        assert isinstance(pdfmetrics.getFont(name).face.makeSubset.__self__, SubsetMaker)
