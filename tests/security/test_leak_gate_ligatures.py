"""Names drawn with ligatures and conjuncts read back as letters, so the gate (and everyone
else) can see them.

A shaping font draws "لا" in "عبداللہ", "ਸਿੰਘ" or the conjuncts of "श्रीकृष्ण" with glyphs that no
code point names. reportlab gives such glyphs private-use codes; left in the PDF's ToUnicode map,
every extractor read the name as meaningless private-use characters and the gate let a leaked
"عمران لالہ" through. The statement fonts now map each such glyph back to the letters it was
shaped from, and the gate refuses any glyph that reads back as no letter.
"""

from __future__ import annotations

import dataclasses
import io
import unicodedata

import pikepdf
import pytest
from pypdf import PdfReader
from reportlab.pdfbase import ttfonts

from desktop.reports import fonts, leak_gate
from desktop.reports.export import build_content
from desktop.reports.leak_gate import LeakDetected
from desktop.reports.statement import render_statement
from tests.factories import redact, sample_interview
from tests.pdf_tools import pdftotext

NAMES = ["عبداللہ", "صلاح الدین", "عمران لالہ", "اللہ دتہ", "श्रीकृष्ण", "রবীন্দ্রনাথ", "ਹਰਜੀਤ ਕੌਰ"]


@pytest.fixture(scope="module")
def content():
    iv = sample_interview()
    return build_content(iv, redact(iv))


def _with(content, words: str):
    return dataclasses.replace(content, statement=f"On Tuesday {words} came to the door and shouted.")


def _bare(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _private_use_in_maps(pdf_bytes: bytes) -> list[str]:
    found = []
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj:
                cmap = obj.ToUnicode.read_bytes().decode("latin-1")
                for hexstr in __import__("re").findall(r"<([0-9A-F]{4,})>", cmap):
                    text = bytes.fromhex(hexstr).decode("utf-16-be", errors="replace")
                    found += [c for c in text if 0xE000 <= ord(c) <= 0xF8FF]
    return found


@pytest.mark.parametrize("name", NAMES)
def test_a_name_drawn_with_ligatures_reads_back_and_is_refused(content, name):
    pdf = render_statement(_with(content, name))
    assert _private_use_in_maps(pdf) == []
    # independent readers see the name: poppler in reading order, pypdf in reading or drawing order
    poppler = pdftotext(pdf)
    assert _bare(name) in _bare(poppler)
    by_pypdf = _bare("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert _bare(name) in by_pypdf or _bare(name)[::-1] in by_pypdf
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(pdf, ["Nobody Here", name])
    assert err.value.index == 1


# Shaping moves these letters: the vowel sign "ि" is drawn before its consonant and the "र्" of
# "शर्मा" above the next one, so every extractor reads them in drawing order; the gate compares the
# name as the fonts draw it.
REORDERED = ["किरण शर्मा", "पुलिस", "ਕਿਰਨ ਸਿੰਘ", "কিরণ", "प्रिया", "অর্জুন"]


@pytest.mark.parametrize("name", REORDERED)
def test_a_name_whose_letters_are_drawn_out_of_order_is_refused(content, name):
    pdf = render_statement(_with(content, name))
    assert _private_use_in_maps(pdf) == []
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(pdf, ["Nobody Here", name])
    assert err.value.index == 1


def test_the_same_statement_with_a_placeholder_passes(content):
    text = ("Person E, who lives near the masjid (مسجد کے پاس لالہ زار), came to the door; "
            "पुलिस ने पहले मेरा पासपोर्ट माँगा, फिर पूछा कि क्या हुआ।")
    placeholder = _with(content, text)
    leak_gate.check(render_statement(placeholder), NAMES, expected_text=placeholder.all_text())


def test_a_renderer_that_leaves_private_use_codes_is_refused(content, monkeypatch):
    fonts.FontSet.load()
    monkeypatch.setattr(ttfonts, "makeToUnicodeCMap", fonts.REPORTLAB_TO_UNICODE_CMAP)
    pdf = render_statement(_with(content, "Person E (صلاح اور لالہ)"))
    assert _private_use_in_maps(pdf), "the control: reportlab's own map writes private-use codes"
    with pytest.raises(LeakDetected, match="does not read back as letters"):
        leak_gate.check(pdf, ["Nobody Here"])


def test_a_glyph_with_no_recorded_text_refuses_that_statement_only(content, monkeypatch, tmp_path):
    # UnreadableGlyph is raised inside reportlab while it writes the PDF; the export must turn it
    # into a refusal the callers already handle, so a bulk export lists it and goes on.
    from desktop.reports.export import REFUSALS, ExportRefused, render_checked

    fonts.FontSet.load()
    drawn = _with(content, "Person E (صلاح اور لالہ)")
    render_statement(drawn)  # the glyphs are shaped and recorded
    monkeypatch.setattr(fonts, "_glyph_text", {})
    with pytest.raises(ExportRefused, match="not exported"):
        render_checked(drawn, ["Nobody Here"])
    assert ExportRefused in REFUSALS  # what the bulk export lists against that statement before going on

