"""The statement's own writer of text operators says exactly what reportlab's ``textOut`` says."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from desktop.reports.fonts import LATIN, FontSet
from desktop.reports.layout import _show

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
