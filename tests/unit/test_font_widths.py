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


def test_whole_widths_are_printed_as_fp_str_prints_them():
    """Whole numbers are printed with str, not fp_str: the same text, over the whole range it is used for."""
    from reportlab.lib.rl_accel import fp_str

    from desktop.reports.fonts import _INT_AS_STR

    edges = [0, 1, -1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 99999, 100000, _INT_AS_STR - 1, _INT_AS_STR]
    for n in [*range(-_INT_AS_STR, _INT_AS_STR + 1, 997), *edges, *(-e for e in edges)]:
        assert str(n) == fp_str(n), n


def test_widths_beyond_the_range_and_mixed_arrays_still_match_reportlab():
    doc = Canvas(io.BytesIO())._doc
    cases = [[-5, 0, 7, 1_999_999, 2_000_000], [2_000_001, 3], [-2_000_001, 3], [10**12, -(10**12)],
             [True, 3, 4], [500, 500.0, 12.75], [0.0, -0.0, 1], list(range(-30, 31, 3))]
    for numbers in cases:
        ours, theirs = _Widths(numbers), pdfdoc.PDFArray(numbers)
        assert ours.format(doc) == theirs.format(doc), numbers
