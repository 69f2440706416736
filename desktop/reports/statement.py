"""The witness statement PDF, drawn with reportlab from text that has already been redacted.

:class:`StatementContent` holds only strings that are safe to print: the builder in
:mod:`desktop.reports.export` fills it from the redaction engine's output, never from the raw
interview (docs/architecture.md, "Redaction at source"). :func:`render_statement` turns it into PDF bytes in
memory; nothing is written to disk here. The leak gate (:mod:`desktop.reports.leak_gate`) checks
those bytes before :func:`desktop.reports.export.export_statement` writes them.

The layout follows the usual UK witness statement: a heading with the statement's reference and
the interviewee's pseudonym, the facts of the report (who took the statement, when, and the
interviewer's role), the statement in numbered paragraphs, dated addenda after a signed statement
was sealed, what was shared with Immigration Enforcement, the legend of placeholders (each
person's role in the account, never more), the consent for this use, a statement of truth above
the signature block, and, where the interview was not in English, the interviewee's own words as
an annex. Every page carries "Page N of M", the reference and a short fingerprint; the reference
is printed once more, in the heading, and nowhere else.

The signing copy (``signing_copy=True``) is the same layout over the *unredacted* statement, for
the interviewee to read back and sign. It is marked "Contains personal data" on every page and
is only ever written to a file the worker chose.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    LayoutError,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.forgetting import kept_until_lock
from desktop.reports import sentences, streams, wording
from desktop.reports.fonts import LATIN, FontSet
from desktop.reports.layout import RowsTogetherTable, ScriptParagraph
from desktop.reports.pages import FOOTER_SIZE, CountedPagesCanvas, counted_pages, footer_rule
from desktop.reports.textops import TextWriter

PAGE_W, PAGE_H = A4
# Streams compressed without the ASCII85 layer: a quarter smaller, and quicker for every reader
# of the finished file, the leak gate's three included. Statements are reportlab's only use here.
rl_config.useA85 = 0


class StatementLayoutError(ValueError):
    """The statement could not be laid out (a part too big for a page). Holds no statement text."""


MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm
BODY_SIZE = 10.5
_NUMBER_INDENT = 9 * mm  # the hanging paragraph numbers
_LEGEND_START = 55 * mm

# The only document titles a statement PDF may carry (the leak gate holds PDFs to these).
TITLE_REDACTED = "Witness statement"
TITLE_SIGNING = "Witness statement - signing copy"
PRODUCER = "Witnessbox"
PERSONAL_DATA_MARK = "CONTAINS PERSONAL DATA - signing copy for the interviewee only. Do not share or upload."
# On every page of a statement made from a demo vault (``witnessbox demo``): invented people, never evidence.
DEMO_MARK = "DEMO - invented interview for practice, not a real statement"


@dataclass(frozen=True)
class LegendLine:
    """One line of the legend: a placeholder, what it stands for (for a person, their role in the
    account: "The perpetrator"), and why it is hidden."""

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
    interviewed: str = ""  # month and year of the interview, e.g. "May 2024"
    organisation: str = ""  # the organisation that took the statement (a setting of the vault)
    interviewer_role: str = ""  # e.g. "Outreach worker"
    shared: str = ""  # what was shared with Immigration Enforcement (redacted like the statement)
    annex: str = ""  # the interviewee's own words in the interview language (redacted likewise)
    demo: bool = False  # made from invented demo data: every page says so

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
            "interviewed": self.interviewed,
            "organisation": self.organisation,
            "interviewer_role": self.interviewer_role,
            "shared": self.shared,
            "annex": self.annex,
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
            self.statement, self.consent, self.sealed_on or "", self.interviewed, self.organisation,
            self.interviewer_role, self.shared, self.annex,
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
    return "\n".join(_form_words(c)) + "0123456789. Page of Fingerprint Reference SHA-256" + PERSONAL_DATA_MARK


def _form_words(c: StatementContent) -> list[str]:
    return [
        "WITNESS STATEMENT", "Statement of", "Reference", "Role", "Police force", "Crime reported",
        "Month and year reported", "Language of interview", "Interpreter used", "Yes", "No", "Statement",
        "Month and year of interview", "Statement taken by", "Interviewer's role",
        "Addenda after signing", "Addendum dated", "Redactions", "Placeholder", "Stands for", "Why it is hidden",
        "Consent", "Declaration", "Signed", "Date", "Interpreter", "Worker", "Fingerprint (SHA-256)",
        sentences.SHARED_HEADING, sentences.SHARED_NOTE, "Statement of truth", sentences.TRUTH,
        sentences.ANNEX_HEADING, sentences.ANNEX_NOTE, sentences.ANNEX_LANGUAGE.format(value=""),
        _REDACTION_NOTE, _DECLARATION.format(pseudonym=c.pseudonym), _INTERPRETER_DECLARATION,
        _SEALED.format(day=c.sealed_on or ""), _NO_LEGEND, _FINGERPRINT_NOTE, _SIGNING_NOTE, DEMO_MARK,
    ]


_REDACTION_NOTE = (
    "Names, addresses, contact details and official reference numbers have been replaced by the placeholders "
    "below to protect the safety of the people concerned. The key to the placeholders is kept encrypted by "
    "the organisation that took this statement and is not part of this document."
)
_NO_LEGEND = "Nothing was redacted from this statement."
# Under the statement of truth, which makes the one promise that the facts are true: who signs, that
# it was read back, and how the pages belong together; never that promise again in other words.
_DECLARATION = (
    "I, {pseudonym}, had this statement read back to me and was able to correct it. Every page of it carries "
    "the reference and fingerprint shown below."
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


# -- what the renderer draws from the form and from fixed lists (the leak gate's literals) ----------


def _fixed_pseudonym(c: StatementContent) -> bool:
    return c.pseudonym == wording.INTERVIEWEE or wording.is_placeholder(c.pseudonym)


def placeholders(c: StatementContent) -> tuple[str, ...]:
    """The placeholders the statement may show inside typed text: the legend's, and the pseudonym."""
    out = {e.placeholder for e in c.legend if wording.is_placeholder(e.placeholder)}
    if wording.is_placeholder(c.pseudonym):
        out.add(c.pseudonym)
    return tuple(sorted(out))


def free_parts(c: StatementContent) -> list[str]:
    """Every string the statement shows that is not the form's wording or a value from a fixed list:
    the statement and addenda, the legend's own words, the language, the reference. The leak gate
    searches these in full, except for placeholders, force names and dates in them."""
    parts = [c.reference, c.language, c.statement, *(a.text for a in c.addenda), c.organisation, c.shared, c.annex]
    if not _fixed_pseudonym(c):
        parts.append(c.pseudonym)
    if not wording.is_consent_line(c.consent):
        parts.append(c.consent)
    if c.sealed_on and not wording.is_day(c.sealed_on):
        parts.append(c.sealed_on)
    parts += [a.dated for a in c.addenda if not wording.is_day(a.dated)]
    for e in c.legend:
        parts += [t for t in (e.placeholder, e.kind, e.description) if not wording.is_fixed(t)]
    for label, value in c.facts:
        parts += [t for t in (label, value) if not wording.is_fixed(t)]
    for value in (c.role, c.force, c.crime, c.reported, c.interviewed, c.interviewer_role):
        if not wording.is_fixed(value):
            parts.append(value)
    return [p for p in parts if p]


def free_text_literals(c: StatementContent) -> tuple[str, list[str]]:
    """(the free text, joined; each fixed phrase in it) for checking the content before drawing."""
    text = "\n".join(free_parts(c))
    return text, [m.group() for m in wording.fixed_phrases(placeholders(c)).finditer(text)]


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_FOOTER = re.compile(r"Page [1-9]\d* of [1-9]\d*|Fingerprint [0-9A-F]{4}(?: [0-9A-F]{4}){3}|[0-9a-f]{64}")
_PSEUDONYM_MARK, _DAY_MARK = "\x01", "\x02"


def _marked(text: str) -> str:
    """``text`` with each placeholder and date replaced by a mark, so lines compare with templates."""
    text = wording.PLACEHOLDER.sub(_PSEUDONYM_MARK, text)
    return wording.DATE_IN_TEXT.sub(_DAY_MARK, text)


@lru_cache(maxsize=1)
def _form_texts() -> tuple[str, ...]:
    """Every text the form draws, marked: what a declared literal line must be part of."""
    c = StatementContent("", _PSEUDONYM_MARK, "", "", "", "", "", False, "", sealed_on=_DAY_MARK)
    texts = [*_form_words(c), _DECLARATION.format(pseudonym=wording.INTERVIEWEE), f"Statement of {_PSEUDONYM_MARK}",
             f"Statement of {wording.INTERVIEWEE}", f"Addendum dated {_DAY_MARK}", PERSONAL_DATA_MARK,
             wording.CONSENT_LINE.format(day=_DAY_MARK), wording.CONSENT_LINE.format(day=wording.UNRECORDED_DAY),
             *wording.fixed_values()]
    return tuple(_marked(t) for t in texts)


@lru_cache(maxsize=8192)
def is_form_literal(text: str) -> bool:
    """True if ``text`` is wording the form may draw as a literal: a value from a fixed list, a
    footer, a fingerprint, a force's name, a date, a placeholder, or (a line of) the form's own
    wording. The leak gate excuses nothing else, whatever a renderer declares."""
    if wording.is_fixed(text) or _FOOTER.fullmatch(text) or wording.fixed_wording().fullmatch(text):
        return True
    key = _marked(text.strip())
    if not key.strip() or not any(ch.isalnum() for ch in key):
        return False
    rx = re.compile(r"(?<!\w)" + re.escape(key) + r"(?!\w)")
    return any(rx.search(t) for t in _form_texts())


# What a renderer declared is kept with the answer; a declaration is never meant to be typed text,
# but whatever it was, it goes when the vault locks.
kept_until_lock(is_form_literal.cache_clear)


@dataclass(frozen=True)
class Rendered:
    """A drawn statement: the PDF bytes, and each literal it drew as (page number, text).

    A literal is wording of the form ("Page 2 of 5", "Police force") or a value from a fixed list
    ("Greater Manchester Police", "March 2024", "Person A"), recorded once for each time it was
    drawn, on the page it was drawn on. Nothing a person typed is ever a literal.
    """

    data: bytes
    literals: tuple[tuple[int, str], ...]


def _footer_canvas(content: StatementContent, literals: list[tuple[int, str]] | None = None) -> type[Canvas]:
    """The statement's canvas: reference, fingerprint and "Page N of M" on every page (reports/pages.py)."""

    def decorate(canvas: CountedPagesCanvas, total: int) -> None:
        fonts = FontSet.load()[LATIN]
        canvas.saveState()
        y = footer_rule(canvas, fonts.regular, left=MARGIN_X, right=PAGE_W - MARGIN_X, bottom=MARGIN_BOTTOM)
        # what drawString, drawCentredString and drawRightString write, written by reports/textops.py
        writer = TextWriter.of(canvas)
        for text, literal, share, x in (
                (f"Reference {content.reference}", "Reference", 0, MARGIN_X),
                (f"Fingerprint {content.short_fingerprint}", None, 0.5, PAGE_W / 2),
                (f"Page {canvas._pageNumber} of {total}", None, 1, PAGE_W - MARGIN_X)):
            x = x - share * stringWidth(text, fonts.regular, FOOTER_SIZE) if share else x
            canvas._code.append(writer.line(x, y, fonts.regular, text, FOOTER_SIZE))
            canvas.note_literal(literal or text)
        if content.demo:
            canvas.setFillColor(colors.HexColor("#9A4A00"))
            canvas.setFont(fonts.bold, 9)
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - 7 * mm, DEMO_MARK)
            canvas.note_literal(DEMO_MARK)
        if content.signing_copy:
            canvas.setFillColor(colors.HexColor("#B00020"))
            canvas.setFont(fonts.bold, 9)
            for y_mark in (PAGE_H - 12 * mm, MARGIN_BOTTOM - 16 * mm):
                canvas.drawCentredString(PAGE_W / 2, y_mark, PERSONAL_DATA_MARK)
                canvas.note_literal(PERSONAL_DATA_MARK)
        canvas.restoreState()

    return counted_pages([] if literals is None else literals, decorate, "StatementCanvas", streams.FAST)


def _literal(text: str, **kw) -> ScriptParagraph:
    """A paragraph of the form's own wording (recorded as a literal where it is drawn)."""
    return ScriptParagraph(text, literal=True, **kw)


def _typed(text: str, tokens: Sequence[str], **kw) -> ScriptParagraph:
    """A paragraph that may hold what a person typed: only the given tokens in it, force names and
    dates are literals."""
    return ScriptParagraph(text, tokens=wording.fixed_phrases(tuple(tokens)), **kw)


def _value(text: str, tokens: Sequence[str], **kw) -> ScriptParagraph:
    """A fact's value: a literal if it is exactly a value from a fixed list, else typed text."""
    return _literal(text, **kw) if wording.is_fixed(text) else _typed(text, tokens, **kw)


def _heading(text: str) -> list:
    return [CondPageBreak(30 * mm), _literal(text, size=12.5, bold=True, space_before=10, space_after=5)]


def _facts_table(content: StatementContent, width: float, tokens: Sequence[str]) -> Table:
    pseudonym = (_literal if _fixed_pseudonym(content) else lambda t, **kw: _typed(t, tokens, **kw))
    rows = [
        ("Statement of", lambda **kw: pseudonym(content.pseudonym or "-", **kw)),
        ("Role", lambda **kw: _value(content.role or "-", tokens, **kw)),
        ("Police force", lambda **kw: _value(content.force or "-", tokens, **kw)),
        ("Crime reported", lambda **kw: _value(content.crime or "-", tokens, **kw)),
        ("Month and year reported", lambda **kw: _value(content.reported or "-", tokens, **kw)),
        ("Month and year of interview", lambda **kw: _value(content.interviewed or "-", tokens, **kw)),
        ("Statement taken by", lambda **kw: _value(content.organisation or wording.NOT_RECORDED, tokens, **kw)),
        ("Interviewer's role", lambda **kw: _value(content.interviewer_role or wording.NOT_RECORDED, tokens, **kw)),
        ("Language of interview", lambda **kw: _typed(content.language or "-", tokens, **kw)),
        ("Interpreter used", lambda **kw: _literal("Yes" if content.interpreter else "No", **kw)),
    ]
    data = [[_literal(label, size=9.5, bold=True, space_after=0), cell(size=9.5, space_after=0)]
            for label, cell in rows]
    data += [[_value(label, tokens, size=9.5, bold=True, space_after=0),
              _value(value or "-", tokens, size=9.5, space_after=0)] for label, value in content.facts]
    label_w = 62 * mm
    table = Table(data, colWidths=[label_w, width - label_w])
    table.setStyle(_table_style("facts"))
    return table


@lru_cache(maxsize=4)
def _table_style(kind: str) -> TableStyle:
    """The facts', legend's or a signature's table style: the form's own, made once per process
    (a table copies what it changes from its style)."""
    cells = ((0, 0), (-1, -1))
    font = ("FONTNAME", *cells, FontSet.load()[LATIN].regular)
    if kind == "facts":
        return TableStyle([("VALIGN", *cells, "TOP"), font, ("LINEBELOW", *cells, 0.3, colors.HexColor("#BBBBBB")),
                           ("TOPPADDING", *cells, 3), ("BOTTOMPADDING", *cells, 2), ("LEFTPADDING", *cells, 2)])
    if kind == "legend":
        return TableStyle([("VALIGN", *cells, "TOP"), font, ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                           ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#BBBBBB")),
                           ("TOPPADDING", *cells, 2), ("BOTTOMPADDING", *cells, 1), ("LEFTPADDING", *cells, 2)])
    return TableStyle([("VALIGN", *cells, "BOTTOM"), font, ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                       ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black)])


def _legend_table(legend: Sequence[LegendLine], width: float, tokens: Sequence[str]) -> Table:
    head = [_literal(t, size=9, bold=True, space_after=0) for t in ("Placeholder", "Stands for", "Why it is hidden")]
    data = [head] + [[_value(e.placeholder, tokens, size=9, space_after=0),
                      _value(e.kind, tokens, size=9, space_after=0),
                      _value(e.description, tokens, size=9, space_after=0)] for e in legend]
    # a row never stands alone at the foot of a page, nor at the head of the next
    table = RowsTogetherTable(data, colWidths=[40 * mm, 55 * mm, width - 95 * mm], repeatRows=1)
    table.setStyle(_table_style("legend"))
    return table


def _signature_block(label: str, width: float) -> Table:
    data = [[_literal(label, size=9.5, bold=True, space_after=0), "",
             _literal("Date", size=9.5, bold=True, space_after=0), ""]]
    table = Table(data, colWidths=[38 * mm, width - 38 * mm - 50 * mm, 14 * mm, 36 * mm], rowHeights=[13 * mm])
    table.setStyle(_table_style("signature"))
    return table


def paragraphs(text: str) -> list[str]:
    """The statement's paragraphs: blank lines separate paragraphs; a single line break is kept as
    the writer made it (a line in another language stays its own line). (The same blocks
    :mod:`desktop.core.places` counts, so "paragraph 3" in a message is the PDF's 3.)"""
    out: list[str] = []
    for block in _BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        joined = "\n".join(line.strip() for line in block.split("\n") if line.strip())
        if joined:
            out.append(joined)
    return out


def _template(template: str, value: str, fixed: bool, tokens: Sequence[str], **kw) -> ScriptParagraph:
    """``template`` with ``value`` put in: all literal if the value is fixed, else only the template's words."""
    text = template.format(value=value)
    if fixed:
        return _literal(text, **kw)
    return _typed(text, [*(p.strip() for p in template.split("{value}") if p.strip()), *tokens], **kw)


def build_story(content: StatementContent, width: float) -> list:
    tokens = placeholders(content)
    fixed_pseudonym = _fixed_pseudonym(content)
    story: list = []
    story.append(_literal("WITNESS STATEMENT", size=17, bold=True, space_after=2))
    if content.demo:
        story.append(_literal(DEMO_MARK, size=10, bold=True, space_after=2, color=colors.HexColor("#9A4A00")))
    story.append(_template("Statement of {value}", content.pseudonym, fixed_pseudonym, tokens,
                           size=12, bold=True, space_after=1))
    story.append(_typed(f"Reference {content.reference}", ["Reference"], size=10, space_after=8,
                        color=colors.HexColor("#333333")))
    if content.signing_copy:
        story.append(_literal(_SIGNING_NOTE, size=10, bold=True, color=colors.HexColor("#B00020")))
    story.append(_facts_table(content, width, tokens))
    story += _heading("Statement")
    for n, para in enumerate(paragraphs(content.statement) or ["-"], 1):
        story.append(_typed(para, tokens, size=BODY_SIZE, space_after=6, line_breaks=True,
                            indent=_NUMBER_INDENT, number=f"{n}."))
    if content.addenda:
        story += _heading("Addenda after signing")
        for a in content.addenda:
            story.append(_template("Addendum dated {value}", a.dated, wording.is_day(a.dated), tokens,
                                   size=10, bold=True, space_after=2))
            for para in paragraphs(a.text) or ["-"]:
                story.append(_typed(para, tokens, size=BODY_SIZE, space_after=6, line_breaks=True))
    if content.shared.strip():
        story += _heading(sentences.SHARED_HEADING)
        story.append(_literal(sentences.SHARED_NOTE, size=9.5, color=colors.HexColor("#444444")))
        for para in paragraphs(content.shared):
            story.append(_typed(para, tokens, size=BODY_SIZE, space_after=6, line_breaks=True))
    if not content.signing_copy:
        story.append(CondPageBreak(_LEGEND_START))  # the heading, its note and two rows stay together
        story += _heading("Redactions")
        if content.legend:
            story.append(_literal(_REDACTION_NOTE, size=9.5, space_after=6))
            story.append(_legend_table(content.legend, width, tokens))
        else:
            story.append(_literal(_NO_LEGEND, size=9.5))
    story += _heading("Consent")
    consent = content.consent or "-"
    story.append(_literal(consent, size=BODY_SIZE) if consent == "-" or wording.is_consent_line(consent)
                 else _typed(consent, tokens, size=BODY_SIZE))
    declaration = _DECLARATION.replace("{pseudonym}", "{value}")
    # The statement of truth, the declaration and the interviewee's signature stay on one page; the
    # interpreter's and the worker's signatures and the fingerprint follow, kept together.
    block = [*_heading("Declaration")[1:],
             _literal("Statement of truth", size=BODY_SIZE, bold=True, space_after=2),
             _literal(sentences.TRUTH, size=BODY_SIZE),
             _template(declaration, content.pseudonym, fixed_pseudonym, tokens, size=BODY_SIZE),
             _signature_block("Signed", width)]
    story.append(CondPageBreak(40 * mm))
    story.append(KeepTogether(block))
    block = []
    if content.interpreter:
        block += [Spacer(1, 4 * mm), _literal(_INTERPRETER_DECLARATION, size=BODY_SIZE),
                  _signature_block("Interpreter", width)]
    block += [_signature_block("Worker", width)]
    if content.sealed_on:
        block += [Spacer(1, 3 * mm), _template(_SEALED.replace("{day}", "{value}"), content.sealed_on,
                                               wording.is_day(content.sealed_on), tokens, size=9.5, bold=True)]
    block += [Spacer(1, 4 * mm),
              _literal("Fingerprint (SHA-256)", size=8.5, bold=True, space_after=0),
              _literal(content.fingerprint, size=8.5, space_after=1),
              _literal(_FINGERPRINT_NOTE, size=8, color=colors.HexColor("#444444"))]
    story.append(KeepTogether(block))
    if content.annex.strip():
        story.append(PageBreak())
        story.append(_literal(sentences.ANNEX_HEADING, size=12.5, bold=True, space_after=5))
        story.append(_template(sentences.ANNEX_LANGUAGE, content.language, False, tokens, size=BODY_SIZE,
                               bold=True))
        story.append(_literal(sentences.ANNEX_NOTE, size=9.5, color=colors.HexColor("#444444"), space_after=8))
        for para in paragraphs(content.annex):
            story.append(_typed(para, tokens, size=BODY_SIZE, space_after=6, line_breaks=True))
    return story


def render_statement(content: StatementContent) -> bytes:
    """The statement as PDF bytes (fonts embedded, neutral metadata, no outline, no annotations).

    Raises :class:`desktop.reports.fonts.UncoveredCharacter` for a character no font can draw.
    """
    return draw_statement(content).data


def draw_statement(content: StatementContent) -> Rendered:
    """The statement as PDF bytes, with the literals drawn on each page (for the leak gate)."""
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
    literals: list[tuple[int, str]] = []
    try:
        doc.build(build_story(content, frame_w), canvasmaker=_footer_canvas(content, literals))
    except LayoutError:
        # reportlab's message may quote the text; this one does not
        raise StatementLayoutError("The statement could not be laid out on the page.") from None
    return Rendered(buf.getvalue(), tuple(literals))
