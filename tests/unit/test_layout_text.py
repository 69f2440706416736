"""The statement's own writer of text operators says exactly what reportlab's ``textOut`` says."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from desktop.reports.fonts import LATIN, FontSet, runs
from desktop.reports.layout import _show, _show_shaped

# parentheses and a backslash (escaped in a PDF string), accents, and more than 256 different
# characters, so the run crosses from one font subset into the next
RUNS = ["Statement of Person A", r"(a) back\slash ) (", "Łukasz Ştefan Ţăranu café",
        "".join(chr(c) for c in range(0x21, 0x7F)) + "".join(chr(c) for c in range(0xC0, 0x250)), "[PHONE 1]"]


def _code(write) -> str:  # noqa: ANN001 - a function of (canvas, text object, font, run)
    canvas = Canvas(io.BytesIO(), invariant=1)
    font = FontSet.load()[LATIN].regular
    text = canvas.beginText(10, 10)
    for size in (10.5, 9):
        text.setFont(font, size)
        for run in RUNS:
            write(canvas, text, font, run)
            text.moveCursor(5, 12)
    return text.getCode()


def test_the_direct_writer_and_textout_write_the_same_operators():
    ours = _code(_show)
    theirs = _code(lambda canvas, text, font, run: text.textOut(run))
    assert ours == theirs
    assert ours.count(" Tf ") >= 3  # the runs did cross into a second subset and back
    assert r"\(a\) back\\slash \) \(" in ours


# Urdu, Punjabi, Bengali and Hindi words shaped by HarfBuzz: joining forms, conjuncts, vowel signs
# placed before their consonant, marks over and under letters, and digits among letters
SHAPED_WORDS = ["ہرپریت", "کور", "مانچسٹر", "پولیس", "ਹਰਪ੍ਰੀਤ", "ਕੌਰ", "ਪੁਲਿਸ", "ਗੁਰਮੁਖੀ", "ক্ষেত্রে", "পুলিশ",
                "বাংলা", "क्षेत्र", "पुलिस", "श्रीमती", "हिन्दी", "ख़तरा", "ਪੰਜਾਬੀ੧੨੩"]


def _shaped_code(write, rise: float = 0) -> str:  # noqa: ANN001 - a function of (canvas, text object, font, run)
    canvas = Canvas(io.BytesIO(), invariant=1)
    text = canvas.beginText(10, 10)
    if rise:
        text.setRise(rise)
    shaped = 0
    for size in (10.5, 9):
        for bold in (False, True):
            for word in SHAPED_WORDS:
                for run in runs(word, size, bold=bold):
                    text.setFont(run.font, size)
                    if hasattr(run.glyphs, "__shapeData__"):
                        shaped += 1
                        write(canvas, text, run.font, run.glyphs)
                    text.moveCursor(5, 12)
    assert shaped >= 4 * len(SHAPED_WORDS)  # every word went through the shaping path
    return text.getCode()


def test_the_direct_writer_of_shaped_runs_and_textout_write_the_same_operators():
    ours = _shaped_code(_show_shaped)
    theirs = _shaped_code(lambda canvas, text, font, run: text.textOut(run))
    assert ours == theirs
    assert " TJ" in ours  # glyphs placed with HarfBuzz's offsets, not only whole strings


def test_a_raised_shaped_run_is_left_to_reportlab():
    assert _shaped_code(_show_shaped, rise=2) == _shaped_code(lambda c, t, f, r: t.textOut(r), rise=2)
