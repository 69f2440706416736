"""The canvas every Witnessbox PDF is drawn on: pages are held back until the last one is known,
so each footer can say "Page N of M", and every literal drawn (form wording, a fixed value, the
footer itself) is recorded with its page for the leak gate (docs/architecture.md, "The leak gate").

Each document says only what its pages carry beyond the body, as ``decorate(canvas, total)``.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.reports import streams

Literals = list[tuple[int, str]]
FOOTER_SIZE = 8.5  # the footer's type size (footer_rule sets it)


class CountedPagesCanvas(Canvas):
    """Set ``literals`` and ``decorate`` on a subclass (see :func:`counted_pages`)."""

    literals: Literals
    decorate: Callable[[CountedPagesCanvas, int], None]
    flate: streams.Flate | None = None  # the document's own stream compression, if not reportlab's

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        if self.flate is not None:
            streams.compress_with(self._doc, self.flate)

    def note_literal(self, text: str) -> None:
        """Record that ``text`` (form wording or a fixed value) was drawn on the current page."""
        if text.strip():
            self.literals.append((self._pageNumber, text))

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            type(self).decorate(self, total)
            super().showPage()
        streams.compress_pages(self._doc)
        super().save()


def counted_pages(literals: Literals, decorate: Callable[[CountedPagesCanvas, int], None],
                  name: str = "WitnessboxCanvas", flate: streams.Flate | None = None) -> type[CountedPagesCanvas]:
    """A canvas class for ``doc.build(..., canvasmaker=...)`` that records into ``literals`` and
    draws ``decorate(canvas, total_pages)`` on every page once the total is known; with ``flate``,
    its streams are compressed by that filter (:mod:`desktop.reports.streams`)."""
    return type(name, (CountedPagesCanvas,), {"literals": literals, "decorate": staticmethod(decorate),
                                               "flate": flate})


def footer_rule(canvas: Canvas, font: str, *, left: float, right: float, bottom: float) -> float:
    """Draw the grey rule above a footer and set its small dark-grey type; returns the footer's baseline.
    Call inside ``saveState``/``restoreState``."""
    canvas.setStrokeColor(colors.HexColor("#777777"))
    canvas.setLineWidth(0.5)
    canvas.line(left, bottom - 6 * mm, right, bottom - 6 * mm)
    canvas.setFont(font, FOOTER_SIZE)
    canvas.setFillColor(colors.HexColor("#333333"))
    return bottom - 11 * mm
