"""The quotations PDF: passages marked as quotable, already redacted, collected by theme.

Pure, like the statement: :class:`QuotationsContent` holds only strings that are safe to print
(each quotation cut from its statement's redacted text by :mod:`desktop.services.quotations`,
attributed only by values from fixed lists), :func:`draw_quotations` draws it in memory with the
statement's fonts and paragraphs, and :func:`render_checked` has the leak gate examine the text
before drawing and the bytes after, exactly as a statement is checked. Nothing is written here.

No quotation carries a statement's reference or any other link to it: the pack holds the statements,
and a reference beside a quotation would tell which interviewee said it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, KeepTogether, LayoutError, PageTemplate

from desktop.reports import leak_gate, wording
from desktop.reports.fonts import LATIN, FontSet
from desktop.reports.layout import ScriptParagraph
from desktop.reports.leak_gate.index import NeedleIndex
from desktop.reports.leak_gate.normalise import needles
from desktop.reports.leak_gate.search import Hay, search
from desktop.reports.pages import CountedPagesCanvas, counted_pages
from desktop.reports.statement import PRODUCER, Rendered, is_form_literal

PAGE_W, PAGE_H = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm
QUOTE_SIZE = 10.5

TITLE = "Quotations"
NO_QUOTATIONS = "No quotation under this theme."
ANONYMOUS = "An interviewee"
INTRO = (
    "These passages come from statements whose interviewees consented to anonymised quotation; an "
    "interview whose consent was withdrawn is not here. Each passage was marked as quotable by the worker "
    "who reviewed the statement and is redacted exactly as the statement is: names, addresses, contact "
    "details and official reference numbers are replaced by placeholders. The role, the crime reported "
    "and the police force are given only where at least {n} consented interviews share them; otherwise "
    "they are left out. No passage names the statement it comes from."
)
_FOOTER_WORDS = "Page of 0123456789"


class QuotationsLayoutError(ValueError):
    """The quotations could not be laid out (a passage too big for a page). Holds no quotation text."""


@dataclass(frozen=True)
class QuotedPassage:
    text: str  # redacted
    attribution: tuple[str, ...] = ()  # values from fixed lists only (role, crime, force); may be empty


@dataclass(frozen=True)
class Section:
    theme: str  # the theme's label
    passages: tuple[QuotedPassage, ...]


@dataclass(frozen=True)
class QuotationsContent:
    threshold: int
    sections: tuple[Section, ...]

    def placeholders(self) -> tuple[str, ...]:
        found = {m.group() for s in self.sections for p in s.passages for m in wording.PLACEHOLDER.finditer(p.text)}
        return tuple(sorted(found))

    def free_text(self) -> str:
        """What a person typed (the redacted passages): searched in full, less the fixed phrases in it."""
        return "\n".join(p.text for s in self.sections for p in s.passages)

    def all_text(self) -> str:
        """Every string the PDF shows (for the gate's check of the letters in the fonts)."""
        parts = [TITLE, INTRO.format(n=self.threshold), NO_QUOTATIONS, ANONYMOUS, _FOOTER_WORDS, "\u201c\u201d\u2014,"]
        for s in self.sections:
            parts.append(s.theme)
            for p in s.passages:
                parts += [p.text, *p.attribution]
        return "\n".join(parts)


def _check_attribution(content: QuotationsContent) -> None:
    for s in content.sections:
        for p in s.passages:
            if not all(wording.is_fixed(a) for a in p.attribution):
                raise ValueError("an attribution may hold only values from fixed lists")


def _footer(canvas: CountedPagesCanvas, total: int) -> None:
    canvas.saveState()
    canvas.setFont(FontSet.load()[LATIN].regular, 8.5)
    canvas.setFillColor(colors.HexColor("#333333"))
    footer = f"Page {canvas._pageNumber} of {total}"
    canvas.drawRightString(PAGE_W - MARGIN_X, MARGIN_BOTTOM - 11 * mm, footer)
    canvas.note_literal(footer)
    canvas.restoreState()


def _canvas(literals: list[tuple[int, str]]) -> type[Canvas]:
    return counted_pages(literals, _footer, "QuotationsCanvas")


def _story(content: QuotationsContent) -> list:
    tokens = content.placeholders()
    story: list = [
        ScriptParagraph(TITLE, size=17, bold=True, space_after=6),
        ScriptParagraph(INTRO.format(n=content.threshold), size=9.5, space_after=8,
                        color=colors.HexColor("#333333")),
    ]
    for section in content.sections:
        story += [CondPageBreak(35 * mm), ScriptParagraph(section.theme, size=13, bold=True, space_before=10,
                                                          space_after=6)]
        if not section.passages:
            story.append(ScriptParagraph(NO_QUOTATIONS, size=10, color=colors.HexColor("#555555")))
        for p in section.passages:
            quote = ScriptParagraph(f"\u201c{p.text}\u201d", size=QUOTE_SIZE, indent=0, space_after=2,
                                    tokens=wording.fixed_phrases(tokens))
            attribution = ", ".join(p.attribution) or ANONYMOUS
            who = ScriptParagraph(f"\u2014 {attribution}", size=9, space_after=9, color=colors.HexColor("#444444"),
                                  tokens=wording.fixed_phrases(tuple(p.attribution)))
            story.append(KeepTogether([quote, who]))
    return story


def draw_quotations(content: QuotationsContent) -> Rendered:
    """The quotations as PDF bytes (fonts embedded, neutral metadata, no outline, no annotations),
    with the fixed values drawn on each page declared for the gate."""
    _check_attribution(content)
    fonts = FontSet.load()[LATIN]
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, pageCompression=1, title="", author="", subject="",
        creator=PRODUCER, producer=PRODUCER, keywords="", initialFontName=fonts.regular, initialFontSize=QUOTE_SIZE,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, PAGE_W - 2 * MARGIN_X, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="quotations", frames=[frame])])
    literals: list[tuple[int, str]] = []
    try:
        doc.build(_story(content), canvasmaker=_canvas(literals))
    except LayoutError:
        raise QuotationsLayoutError("The quotations could not be laid out on the page.") from None
    return Rendered(buf.getvalue(), tuple(literals))


class PassageGate:
    """The leak gate's text check for one passage at a time, its protected strings prepared once
    (a coordinator's vault holds thousands; preparing them for each passage took seconds each).

    :meth:`check` raises :class:`~desktop.reports.leak_gate.LeakDetected` as
    :func:`~desktop.reports.leak_gate.check_text` does: the same forms of each string, with only
    the placeholders, force names and dates in the passage excused, as in a statement."""

    def __init__(self, forbidden: Sequence[str]) -> None:
        self.items = list(forbidden)
        self._needles = NeedleIndex(needles(self.items, None))

    def check(self, text: str) -> None:
        tokens = tuple(sorted({m.group() for m in wording.PLACEHOLDER.finditer(text)}))
        phrases = [m.group() for m in wording.fixed_phrases(tokens).finditer(text)]
        search(self._needles, Hay("a quotation", text, [p for p in phrases if is_form_literal(p)]))


def render_checked(content: QuotationsContent, forbidden: Iterable[str]) -> tuple[bytes, leak_gate.GateReport]:
    """Check the passages, draw, and gate the bytes in memory. Raises LeakDetected,
    UncoveredCharacter or QuotationsLayoutError; returns the bytes only if all is well."""
    items = list(forbidden)
    free = content.free_text()
    tokens = content.placeholders()
    leak_gate.check_text(free, items, where="the quotations before they were drawn",
                         literals=[m.group() for m in wording.fixed_phrases(tokens).finditer(free)])
    drawn = draw_quotations(content)
    report = leak_gate.check(drawn.data, items, expected_text=content.all_text(), literals=drawn.literals)
    return drawn.data, report
