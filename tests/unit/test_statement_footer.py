"""A statement's footer is written as reportlab's drawString, drawCentredString and drawRightString
write it: the same operators on every page, and the same literals recorded for the gate."""

from __future__ import annotations

import dataclasses
import io

from reportlab.lib.pagesizes import A4

from desktop.reports.export import build_content
from desktop.reports.fonts import LATIN, FontSet
from desktop.reports.pages import footer_rule
from desktop.reports.statement import MARGIN_BOTTOM, MARGIN_X, PAGE_W, _footer_canvas
from tests.factories import redact, sample_interview


def _reportlabs(canvas, content, total: int) -> None:  # noqa: ANN001 - reportlab's canvas
    """The footer as reportlab's own string drawing writes it."""
    canvas.saveState()
    y = footer_rule(canvas, FontSet.load()[LATIN].regular, left=MARGIN_X, right=PAGE_W - MARGIN_X,
                    bottom=MARGIN_BOTTOM)
    canvas.drawString(MARGIN_X, y, f"Reference {content.reference}")
    canvas.drawCentredString(PAGE_W / 2, y, f"Fingerprint {content.short_fingerprint}")
    canvas.drawRightString(PAGE_W - MARGIN_X, y, f"Page {canvas._pageNumber} of {total}")
    canvas.restoreState()


def test_the_footer_writes_what_reportlabs_string_drawing_writes():
    iv = sample_interview()
    base = build_content(iv, redact(iv))
    for reference in (base.reference, "WB-(2024)\\0042", "Łódź-ÉÀ-7"):
        content = dataclasses.replace(base, reference=reference)
        for page, total in ((1, 1), (3, 12)):
            literals: list[tuple[int, str]] = []
            ours = _footer_canvas(content, literals)(io.BytesIO(), pagesize=A4, invariant=1)
            ours._pageNumber = page
            type(ours).decorate(ours, total)
            theirs = _footer_canvas(content)(io.BytesIO(), pagesize=A4, invariant=1)
            theirs._pageNumber = page
            _reportlabs(theirs, content, total)
            assert ours._code == theirs._code
            assert literals == [(page, "Reference"), (page, f"Fingerprint {content.short_fingerprint}"),
                                (page, f"Page {page} of {total}")]
