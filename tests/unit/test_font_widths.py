"""A statement font's subset widths are written exactly as reportlab's own array writes them."""

from __future__ import annotations

import io

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.fonts import _Widths


def test_widths_are_written_as_reportlab_writes_an_array():
    doc = Canvas(io.BytesIO())._doc
    cases = [[600], [0, 260, 269, 572], list(range(0, 2600, 7)), [572.0, 12.5, 1000, 0.25, 333.3333],
             list(range(10)), list(range(11)), list(range(20)), list(range(21))]
    for numbers in cases:
        ours, theirs = _Widths(numbers), pdfdoc.PDFArray(numbers)
        assert ours.format(doc) == theirs.format(doc), numbers
        ours.multiline = theirs.multiline = "forced"
        assert ours.format(doc) == theirs.format(doc), numbers
    assert b"\n" in _Widths(list(range(21))).format(doc)  # ten numbers to a line, as reportlab writes them
