"""The witness statement PDF, drawn with reportlab from text that has already been redacted.

:class:`StatementContent` holds only strings that are safe to print: the builder in
:mod:`desktop.reports.export` fills it from the redaction engine's output, never from the raw
interview (DESIGN.md, "Redaction at source"). :func:`render_statement` turns it into PDF bytes in
memory; nothing is written to disk here. The leak gate (:mod:`desktop.reports.leak_gate`) checks
those bytes before :func:`desktop.reports.export.export_statement` writes them.

The layout follows the usual UK witness statement: a heading with the statement's reference and
the interviewee's pseudonym, the facts of the report, the statement in paragraphs, dated addenda
after a signed statement was sealed, the legend of placeholders, the consent for this use, and a
declaration block. Every page carries "Page N of M", the reference and a short fingerprint.

The signing copy (``signing_copy=True``) is the same layout over the *unredacted* statement, for
the interviewee to read back and sign. It is marked "Contains personal data" on every page and
is only ever written to a file the worker chose.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    LayoutError,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.reports.fonts import LATIN, FontSet
from desktop.reports.layout import ScriptParagraph

PAGE_W, PAGE_H = A4


class StatementLayoutError(ValueError):
    """The statement could not be laid out (a part too big for a page). Holds no statement text."""


MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm
BODY_SIZE = 10.5

# The only document titles a statement PDF may carry (the leak gate holds PDFs to these).
TITLE_REDACTED = "Witness statement"
TITLE_SIGNING = "Witness statement - signing copy"
PRODUCER = "Witnessbox"
PERSONAL_DATA_MARK = "CONTAINS PERSONAL DATA - signing copy for the interviewee only. Do not share or upload."


@dataclass(frozen=True)
class LegendLine:
    """One line of the legend: a placeholder, its type, and why it replaced what it did."""

    placeholder: str
    kind: str
    description: str


@dataclass(frozen=True)
class Addendum:
    """A dated change made after the statement was signed and sealed."""

    dated: str  # e.g. "14 March 2026"
    text: str


@dataclass(frozen=True)
class StatementContent:
    """Everything a statement PDF shows. Every string here must already be safe to print."""

    reference: str
    pseudonym: str
    role: str
    force: str
    crime: str
    reported: str  # month and year, e.g. "March 2024"
    language: str
    interpreter: bool
    statement: str
    legend: tuple[LegendLine, ...] = ()
    consent: str = ""
    facts: tuple[tuple[str, str], ...] = ()  # further (label, value) pairs the complaint needs
    addenda: tuple[Addendum, ...] = ()
    sealed_on: str | None = None  # the day the interviewee signed, once sealed
    signing_copy: bool = False

    @cached_property
    def fingerprint(self) -> str:
        """SHA-256 (hex) of the statement text and record fields, so a paper copy can be matched to the pack."""
        record = {
            "reference": self.reference,
            "pseudonym": self.pseudonym,
            "role": self.role,
            "force": self.force,
            "crime": self.crime,
            "reported": self.reported,
            "language": self.language,
            "interpreter": self.interpreter,
            "statement": self.statement,
            "facts": [list(f) for f in self.facts],
            "addenda": [[a.dated, a.text] for a in self.addenda],
            "sealed_on": self.sealed_on,
            "signing_copy": self.signing_copy,
        }
        blob = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()

    @property
    def short_fingerprint(self) -> str:
        f = self.fingerprint[:16].upper()
        return " ".join(f[i:i + 4] for i in range(0, 16, 4))

    def all_text(self) -> str:
        """Every string the PDF will show (the leak gate's glyph-set check compares fonts against it)."""
        parts = [
            self.reference, self.pseudonym, self.role, self.force, self.crime, self.reported, self.language,
            self.statement, self.consent, self.sealed_on or "",
        ]
        for p, k, d in ((e.placeholder, e.kind, e.description) for e in self.legend):
            parts += [p, k, d]
        for label, value in self.facts:
            parts += [label, value]
        for a in self.addenda:
            parts += [a.dated, a.text]
        return "\n".join(parts) + "\n" + _fixed_text(self)


def _fixed_text(c: StatementContent) -> str:
    """The fixed wording of the form (so that the glyph-set check knows every character printed)."""
    return "\n".join(_form_words(c)) + "0123456789 Page of Fingerprint Reference SHA-256" + PERSONAL_DATA_MARK


def _form_words(c: StatementContent) -> list[str]:
    return [
        "WITNESS STATEMENT", "Statement of", "Reference", "Role", "Police force", "Crime reported",
        "Month and year reported", "Language of interview", "Interpreter used", "Yes", "No", "Statement",
        "Addenda after signing", "Addendum dated", "Redactions", "Placeholder", "Type", "Why",
        "Consent", "Declaration", "Signed", "Date", "Interpreter", "Worker", "Fingerprint (SHA-256)",
        _REDACTION_NOTE, _DECLARATION.format(pseudonym=c.pseudonym), _INTERPRETER_DECLARATION,
        _SEALED.format(day=c.sealed_on or ""), _NO_LEGEND, _FINGERPRINT_NOTE, _SIGNING_NOTE,
    ]


_REDACTION_NOTE = (
    "Names, addresses, contact details and official reference numbers have been replaced by the placeholders "
    "below to protect the safety of the people concerned. The key to the placeholders is kept encrypted by "
    "the organisation that took this statement and is not part of this document."
)
_NO_LEGEND = "Nothing was redacted from this statement."
_DECLARATION = (
    "I, {pseudonym}, confirm that this statement, each page of which carries the reference and fingerprint "
    "shown below, is true to the best of my knowledge and belief. It was read back to me and I was able to "
    "correct it."
)
_INTERPRETER_DECLARATION = (
    "I interpreted this statement faithfully between the interviewee's language and English and read it "
    "back to the interviewee in their language."
)
_SEALED = "This statement was signed on {day} and sealed. Any later change appears above as a dated addendum."
_FINGERPRINT_NOTE = (
    "The fingerprint is the SHA-256 of the statement text and the facts above; it matches this document "
    "to the evidence pack."
)
_SIGNING_NOTE = "Signing copy: the statement as the interviewee gave it, for reading back and signing."


def _footer_canvas(content: StatementContent) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each footer can say "Page N of M"."""

    class StatementCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            fonts = FontSet.load()[LATIN]
            self.saveState()
            self.setStrokeColor(colors.HexColor("#777777"))
            self.setLineWidth(0.5)
            self.line(MARGIN_X, MARGIN_BOTTOM - 6 * mm, PAGE_W - MARGIN_X, MARGIN_BOTTOM - 6 * mm)
            self.setFont(fonts.regular, 8.5)
            self.setFillColor(colors.HexColor("#333333"))
            y = MARGIN_BOTTOM - 11 * mm
            self.drawString(MARGIN_X, y, f"Reference {content.reference}")
            self.drawCentredString(PAGE_W / 2, y, f"Fingerprint {content.short_fingerprint}")
            self.drawRightString(PAGE_W - MARGIN_X, y, f"Page {self._pageNumber} of {total}")
            if content.signing_copy:
                self.setFillColor(colors.HexColor("#B00020"))
                self.setFont(fonts.bold, 9)
                self.drawCentredString(PAGE_W / 2, PAGE_H - 12 * mm, PERSONAL_DATA_MARK)
                self.drawCentredString(PAGE_W / 2, MARGIN_BOTTOM - 16 * mm, PERSONAL_DATA_MARK)
            self.restoreState()

    return StatementCanvas


def _heading(text: str) -> list:
    return [CondPageBreak(30 * mm), ScriptParagraph(text, size=12.5, bold=True, space_before=10, space_after=5)]


def _facts_table(content: StatementContent, width: float) -> Table:
    rows = [
        ("Statement of", content.pseudonym),
        ("Reference", content.reference),
        ("Role", content.role),
        ("Police force", content.force),
        ("Crime reported", content.crime),
        ("Month and year reported", content.reported),
        ("Language of interview", content.language),
        ("Interpreter used", "Yes" if content.interpreter else "No"),
        *content.facts,
    ]
    label_w = 62 * mm
    data = [[ScriptParagraph(label, size=9.5, bold=True, space_after=0),
             ScriptParagraph(value or "-", size=9.5, space_after=0)] for label, value in rows]
    table = Table(data, colWidths=[label_w, width - label_w])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FontSet.load()[LATIN].regular),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#BBBBBB")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _legend_table(legend: Sequence[LegendLine], width: float) -> Table:
    head = [ScriptParagraph(t, size=9, bold=True, space_after=0) for t in ("Placeholder", "Type", "Why")]
    data = [head] + [[ScriptParagraph(e.placeholder, size=9, space_after=0),
                      ScriptParagraph(e.kind, size=9, space_after=0),
                      ScriptParagraph(e.description, size=9, space_after=0)] for e in legend]
    table = Table(data, colWidths=[40 * mm, 35 * mm, width - 75 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FontSet.load()[LATIN].regular),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#BBBBBB")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _signature_block(label: str, width: float) -> Table:
    data = [[ScriptParagraph(label, size=9.5, bold=True, space_after=0), "",
             ScriptParagraph("Date", size=9.5, bold=True, space_after=0), ""]]
    table = Table(data, colWidths=[38 * mm, width - 38 * mm - 50 * mm, 14 * mm, 36 * mm], rowHeights=[13 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("FONTNAME", (0, 0), (-1, -1), FontSet.load()[LATIN].regular),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
        ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
    ]))
    return table


def paragraphs(text: str) -> list[str]:
    """The statement's paragraphs: blank lines separate paragraphs; single line breaks join."""
    out: list[str] = []
    for block in text.replace("\r\n", "\n").replace("\r", "\n").split("\n\n"):
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        if joined:
            out.append(joined)
    return out


def build_story(content: StatementContent, width: float) -> list:
    story: list = []
    story.append(ScriptParagraph("WITNESS STATEMENT", size=17, bold=True, space_after=2))
    story.append(ScriptParagraph(f"Statement of {content.pseudonym}", size=12, bold=True, space_after=1))
    story.append(ScriptParagraph(f"Reference {content.reference}", size=10, space_after=8,
                                 color=colors.HexColor("#333333")))
    if content.signing_copy:
        story.append(ScriptParagraph(_SIGNING_NOTE, size=10, bold=True, color=colors.HexColor("#B00020")))
    story.append(_facts_table(content, width))
    story += _heading("Statement")
    for para in paragraphs(content.statement) or ["-"]:
        story.append(ScriptParagraph(para, size=BODY_SIZE, space_after=6))
    if content.addenda:
        story += _heading("Addenda after signing")
        for a in content.addenda:
            story.append(ScriptParagraph(f"Addendum dated {a.dated}", size=10, bold=True, space_after=2))
            for para in paragraphs(a.text) or ["-"]:
                story.append(ScriptParagraph(para, size=BODY_SIZE, space_after=6))
    if not content.signing_copy:
        story += _heading("Redactions")
        if content.legend:
            story.append(ScriptParagraph(_REDACTION_NOTE, size=9.5, space_after=6))
            story.append(_legend_table(content.legend, width))
        else:
            story.append(ScriptParagraph(_NO_LEGEND, size=9.5))
    story += _heading("Consent")
    story.append(ScriptParagraph(content.consent or "-", size=BODY_SIZE))
    block = [*_heading("Declaration")[1:], ScriptParagraph(_DECLARATION.format(pseudonym=content.pseudonym),
                                                           size=BODY_SIZE),
             _signature_block("Signed", width)]
    if content.interpreter:
        block += [Spacer(1, 4 * mm), ScriptParagraph(_INTERPRETER_DECLARATION, size=BODY_SIZE),
                  _signature_block("Interpreter", width)]
    block += [_signature_block("Worker", width)]
    if content.sealed_on:
        block += [Spacer(1, 3 * mm), ScriptParagraph(_SEALED.format(day=content.sealed_on), size=9.5, bold=True)]
    block += [Spacer(1, 4 * mm),
              ScriptParagraph("Fingerprint (SHA-256)", size=8.5, bold=True, space_after=0),
              ScriptParagraph(content.fingerprint, size=8.5, space_after=1),
              ScriptParagraph(_FINGERPRINT_NOTE, size=8, color=colors.HexColor("#444444"))]
    story.append(CondPageBreak(40 * mm))
    story.append(KeepTogether(block))
    return story


def render_statement(content: StatementContent) -> bytes:
    """The statement as PDF bytes (fonts embedded, neutral metadata, no outline, no annotations).

    Raises :class:`desktop.reports.fonts.UncoveredCharacter` for a character no font can draw.
    """
    fonts = FontSet.load()[LATIN]
    buf = io.BytesIO()
    frame_w = PAGE_W - 2 * MARGIN_X
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        invariant=1,
        pageCompression=1,
        title=TITLE_SIGNING if content.signing_copy else TITLE_REDACTED,
        author="",
        subject="",
        creator=PRODUCER,
        producer=PRODUCER,
        keywords="",
        initialFontName=fonts.regular,
        initialFontSize=BODY_SIZE,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, frame_w, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="statement", frames=[frame])])
    try:
        doc.build(build_story(content, frame_w), canvasmaker=_footer_canvas(content))
    except LayoutError:
        # reportlab's message may quote the text; this one does not
        raise StatementLayoutError("The statement could not be laid out on the page.") from None
    return buf.getvalue()
