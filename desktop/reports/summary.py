"""The evidence summary PDF: the protected totals as tables and charts, the method, and the statements
that back them. Pure: a :class:`SummaryContent` in, checked bytes out; nothing here reads the vault.

What the summary shows is built from fixed wording and published figures only: axis labels from
fixed lists (forces, crimes, answers), counts the release publishes, "fewer than N" and "not
shown" for what it hides (:mod:`desktop.evidence.views`), percentages only of two published
figures, and the statements by their random reference and fingerprint. No name and no text
anybody typed can reach it, and :func:`render_checked` proves that for each file: the leak gate
(the statements' own, :mod:`desktop.reports.leak_gate`) searches the finished bytes for every
identifier recorded on every interview in the vault. What the renderer drew is declared as
literals, and the gate excuses a match only inside a declared literal that
:func:`is_summary_literal` accepts as the summary's own wording (a surname "Kent" is no leak in
"Kent Police"; the same surname anywhere else would be).

Fonts are the statements' (Noto, embedded); the charts are vector drawings
(:mod:`desktop.reports.summary_charts`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

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
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from desktop.core.forces import FORCES
from desktop.evidence.records import CRIME, FORCE, NOT_RECORDED, PERIOD, YEAR, axes
from desktop.evidence.views import METHOD, Figure, Table, View, years_tell_more
from desktop.reports import leak_gate
from desktop.reports.fonts import LATIN, FontSet
from desktop.reports.layout import ScriptParagraph
from desktop.reports.pages import CountedPagesCanvas, counted_pages, footer_rule
from desktop.reports.summary_charts import Columns, bars, shares, timeline

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 20 * mm
TITLE = "Evidence summary"
PRODUCER = "Witnessbox"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


class SummaryLayoutError(ValueError):
    """The summary could not be laid out. Holds no figure and no reference."""


@dataclass(frozen=True)
class BackingStatement:
    """A statement behind the figures: its reference and the SHA-256 its every page prints the start of."""

    reference: str
    fingerprint: str  # 64 hex digits, StatementContent.fingerprint

    @property
    def short(self) -> str:
        f = self.fingerprint[:16].upper()
        return " ".join(f[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class SummaryContent:
    """Everything the summary shows: one protected view, the day it was made, the statements behind it."""

    view: View
    made_on: date
    statements: tuple[BackingStatement, ...] = ()
    in_pack: bool = False  # the statements are in the same evidence pack (the list's heading says so)


# -- the summary's own wording --------------------------------------------------------------------

HEADINGS = {
    "title": "EVIDENCE SUMMARY",
    "subtitle": "Interviews consented for use in the police super-complaint",
    "method": "How these figures were made",
    "force": "Reports by police force",
    "timeline": "Reports by month",
    "years": "Reports by year",
    "years_not_months": "Reports by year (most months have fewer than {n})",
    "share": "Reports followed by immigration action",
    "tables": "The tables",
    "statements_pack": "The statements in this evidence pack",
    "statements": "The statements behind these figures",
}
FACT_LABELS = ("Period covered", "Made on", "Interviews counted", "Small counts", "Only")
GATHERED = (
    "Each interview was taken by an outreach worker and recorded in Witnessbox, an offline application "
    "that keeps interviews encrypted on the worker's computer and never connects to a network. Interviews "
    "taken on several computers reached the coordinator in encrypted transfers signed by each computer."
)
CONSENT = (
    "Consent is recorded for each use separately, with the day it was given and who took it. Only "
    "interviews with consent to use them in the complaint are counted and listed here; an interview whose "
    "consent was withdrawn is in no figure and no list."
)
REDACTION = (
    "The statements were redacted before they were drawn: names, addresses, contact details and official "
    "reference numbers are replaced by placeholders. Every statement file, and this summary, was checked "
    "before it was written for any trace of the identifiers recorded on the interviews; this summary holds "
    "no name and no identifier."
)
SMALL_RULE = "Counts below {n}, zero included, are shown as 'fewer than {n}'; see the method above."
NO_SHARE = "The share cannot be shown: it would need a figure that is hidden to protect a small group."
LIST_NOTE = ("Each statement is listed by its reference and the first 16 characters of its fingerprint, as "
             "printed at the foot of each of its pages. Only statements with consent for the complaint are listed.")
NO_STATEMENTS = "No statement is listed with this summary."
CHART_NOTE = ("A bar stands for a published count. A grey mark stands for fewer than {n}, an empty one for a "
              "figure not shown; neither is drawn to scale.")
TABLE_HEAD = ("Count", "Share")
PERIOD_YEARS = "Reports made in {first} to {last}"
PERIOD_YEAR = "Reports made in {first}"
PERIOD_NONE = "No month of report recorded"
_FIGURE_WORDS = ("{n}", "fewer than {n}", "not shown", "withheld")
_CHART_WORDS = ("interviews reported in the month", *_FIGURE_WORDS, "{a} of {b} ({p}%)", "{p}%", "All", "Total",
                *(f"{a} of {b}: no share shown" for a in _FIGURE_WORDS for b in _FIGURE_WORDS))


def _texts(n: int | str = "{n}") -> list[str]:
    ax = axes((2000, 2001))
    out = [*HEADINGS.values(), *FACT_LABELS, GATHERED, CONSENT, REDACTION, NO_SHARE, LIST_NOTE, NO_STATEMENTS,
           CHART_NOTE, SMALL_RULE, METHOD, PERIOD_YEARS, PERIOD_YEAR, PERIOD_NONE, *TABLE_HEAD, *_CHART_WORDS, TITLE,
           *(f"{m} {{y}}" for m in _MONTHS), *(f"{{d}} {m} {{y}}" for m in _MONTHS), *(f.name for f in FORCES)]
    for a in ax.values():
        out.append(a.title)
        out += [a.labels[v] for v in a.values if not v[:1].isdigit()]
    out += ["What happened next", "An interview may record several outcomes, so these do not add up to the total."]
    return out


_NUMBER = re.compile(r"(?<![\w.])\d{1,6}(?:\.\d{1,2})?(?![\w])")
_PLACEHOLDER = re.compile(r"\{[a-z]+\}")
_REFERENCE = re.compile(r"WB-[0-9A-Z]{4}-[0-9A-Z]{4}")
_SHORT_FP = re.compile(r"[0-9A-F]{4}(?: [0-9A-F]{4}){3}")


def _marked(text: str) -> str:
    return _NUMBER.sub("#", text)


@lru_cache(maxsize=1)
def _fixed_texts() -> tuple[str, ...]:
    return tuple(_marked(_PLACEHOLDER.sub("#", t)) for t in _texts())


@lru_cache(maxsize=16384)
def is_summary_literal(text: str) -> bool:
    """True if ``text`` is wording the summary may draw: a line of its fixed wording, a label from a
    fixed list, a figure, a month, a statement's reference or short fingerprint, a page number. The
    leak gate excuses nothing else the renderer declares."""
    t = " ".join(text.split())
    if not t:
        return False
    if _REFERENCE.fullmatch(t) or _SHORT_FP.fullmatch(t) or re.fullmatch(r"Page \d{1,4} of \d{1,4}", t):
        return True
    key = _marked(t)
    if key in ("#", "#%", "(#%)"):  # a figure or a share; never a run of numbers (a phone, a reference)
        return True
    rx = re.compile(r"(?<![\w#])" + re.escape(key) + r"(?![\w#])")
    return any(rx.search(f) for f in _fixed_texts())


# -- the document -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    """The summary's bytes and each literal drawn, as (page number, text)."""

    data: bytes
    literals: tuple[tuple[int, str], ...]
    text: str  # everything drawn (for the gate's check of the fonts' letters)


def _p(text: str, *, size: float = 9.5, bold: bool = False, **kw) -> ScriptParagraph:
    return ScriptParagraph(text, size=size, bold=bold, literal=True, **kw)


def _heading(text: str, room: float = 40 * mm) -> list:
    return [CondPageBreak(room), _p(text, size=13, bold=True, space_before=8, space_after=4)]


def month_label(code: str) -> str:
    """``2018-03`` as "March 2018"; other codes (not recorded) by their label."""
    if len(code) == 7 and code[4] == "-":
        return f"{_MONTHS[int(code[5:]) - 1]} {code[:4]}"
    return code


def _years(view: View) -> list[str]:
    if view.filter.year:
        return [view.filter.year]
    for t in view.tables:
        if t.name == YEAR:
            return [r.code for r in t.rows if r.code != NOT_RECORDED]
    return []


def period(view: View) -> str:
    years = _years(view)
    if not years:
        return PERIOD_NONE
    if len(years) == 1:
        return PERIOD_YEAR.format(first=years[0])
    return PERIOD_YEARS.format(first=years[0], last=years[-1])


def _facts(content: SummaryContent, width: float) -> RLTable:
    v = content.view
    rows = [("Period covered", period(v)), ("Made on", f"{content.made_on.day} {_MONTHS[content.made_on.month - 1]} "
                                                        f"{content.made_on.year}"),
            ("Interviews counted", v.total.text(v.threshold)), ("Small counts", SMALL_RULE.format(n=v.threshold))]
    ax = axes((2000, 2001))
    only = [ax[FORCE].labels.get(v.filter.force, ""), ax[CRIME].labels.get(v.filter.crime, ""), v.filter.year or ""]
    if any(only):
        rows.append(("Only", "; ".join(o for o in only if o)))
    data = [[_p(a, bold=True, space_after=0), _p(b, space_after=0)] for a, b in rows]
    t = RLTable(data, colWidths=[42 * mm, width - 42 * mm])
    t.setStyle(_table_style())
    return t


def _table_style(head: bool = False) -> TableStyle:
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FontSet.load()[LATIN].regular),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#BBBBBB")), ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (0, 0), (-1, -1), 2)]
    if head:
        cmds.append(("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black))
    return TableStyle(cmds)


def _figure_table(table: Table, threshold: int, width: float) -> RLTable:
    size = 8.5
    head = [_p(table.title, size=size, bold=True, space_after=0), *(_p(h, size=size, bold=True, space_after=0)
                                                                     for h in TABLE_HEAD)]
    data = [head]
    for f in (*table.rows, table.total):
        bold = f is table.total
        data.append([_p(f.label if not bold else "Total", size=size, bold=bold, space_after=0),
                     _p(f.text(threshold), size=size, bold=bold, space_after=0),
                     _p(f"{f.percent:.1f}%" if f.percent is not None and not bold else "", size=size, space_after=0)])
    t = RLTable(data, colWidths=[width - 60 * mm, 32 * mm, 28 * mm], repeatRows=1)
    t.setStyle(_table_style(head=True))
    return t


def _table_blocks(view: View, width: float) -> list:
    story: list = []
    n = view.threshold
    for table in view.tables:
        story.append(CondPageBreak(30 * mm))
        if table.name == PERIOD:
            story.append(_p(table.title, size=8.5, bold=True, space_before=6, space_after=3))
            items = [(month_label(f.code) if f.code != NOT_RECORDED else f.label, f.text(n)) for f in table.rows]
            items.append(("Total", table.total.text(n)))
            story.append(Columns(items, 3, size=8))
        else:
            story.append(Spacer(1, 3 * mm))
            story.append(_figure_table(table, n, width))
        if table.note:
            story.append(_p(table.note, size=8, space_before=2, color=colors.HexColor("#444444")))
    for title in view.unavailable:
        story.append(_p(f"{title}: not available with a filter", size=8.5))
    return story


def _table(view: View, name: str) -> Table | None:
    return next((t for t in view.tables if t.name == name), None)


def _charts(view: View, width: float) -> list:
    n = view.threshold
    story: list = []
    force = _table(view, FORCE)
    if force is not None:
        story += [KeepTogether([*_heading(HEADINGS["force"])[1:], bars(force.rows, n, width)])]
    months = _table(view, PERIOD)
    years = _table(view, YEAR)
    if years is not None and years_tell_more(months, years):
        heading = HEADINGS["years"] if months is None else HEADINGS["years_not_months"].format(n=n)
        story += [*_heading(heading, 60 * mm), bars([r for r in years.rows], n, width, row_h=5 * mm)]
    elif months is not None:
        story += [*_heading(HEADINGS["timeline"], 80 * mm), timeline(months.rows, n, width)]
    outcomes = _table(view, "outcomes")
    if outcomes is not None:
        story += _heading(HEADINGS["share"], 50 * mm)
        action = next((r for r in outcomes.rows if r.code == "immigration_action"), None)
        if action is None or action.percent is None:
            story.append(_p(NO_SHARE))
        story.append(shares(outcomes, n, width))
        story.append(_p(outcomes.note, size=8, space_before=3, color=colors.HexColor("#444444")))
    if story:
        story.append(_p(CHART_NOTE.format(n=n), size=8, space_before=4, color=colors.HexColor("#444444")))
    return story


def build_story(content: SummaryContent, width: float) -> list:
    v = content.view
    story: list = [_p(HEADINGS["title"], size=18, bold=True, space_after=2),
                   _p(HEADINGS["subtitle"], size=11, space_after=8), _facts(content, width)]
    story += _heading(HEADINGS["method"])
    story += [_p(GATHERED), _p(CONSENT), _p(REDACTION), _p(v.method or METHOD.format(n=v.threshold))]
    story += _charts(v, width)
    story += _heading(HEADINGS["tables"])
    story += _table_blocks(v, width)
    story += _heading(HEADINGS["statements_pack" if content.in_pack else "statements"])
    story.append(_p(LIST_NOTE, size=8.5))
    if content.statements:
        story.append(Columns([(s.reference, s.short) for s in content.statements], 3, size=8, joined=True))
    else:
        story.append(_p(NO_STATEMENTS))
    return story


def _footer(canvas: CountedPagesCanvas, total: int) -> None:
    fonts = FontSet.load()[LATIN]
    canvas.saveState()
    y = footer_rule(canvas, fonts.regular, left=MARGIN_X, right=PAGE_W - MARGIN_X, bottom=MARGIN_BOTTOM)
    canvas.drawString(MARGIN_X, y, TITLE)
    canvas.note_literal(TITLE)
    page = f"Page {canvas._pageNumber} of {total}"
    canvas.drawRightString(PAGE_W - MARGIN_X, y, page)
    canvas.note_literal(page)
    canvas.restoreState()


def _canvas(literals: list[tuple[int, str]]) -> type[Canvas]:
    return counted_pages(literals, _footer, "SummaryCanvas")


def draw_summary(content: SummaryContent) -> Rendered:
    """The summary as PDF bytes (fonts embedded, neutral metadata), with the literals drawn on each page."""
    fonts = FontSet.load()[LATIN]
    buf = io.BytesIO()
    width = PAGE_W - 2 * MARGIN_X
    doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                          bottomMargin=MARGIN_BOTTOM, invariant=1, pageCompression=1, title=TITLE, author="",
                          subject="", creator=PRODUCER, producer=PRODUCER, keywords="",
                          initialFontName=fonts.regular, initialFontSize=9.5)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, width, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="summary", frames=[frame])])
    literals: list[tuple[int, str]] = []
    try:
        doc.build(build_story(content, width), canvasmaker=_canvas(literals))
    except LayoutError:
        raise SummaryLayoutError("The evidence summary could not be laid out on the page.") from None
    drawn = "\n".join(sorted({t for _p, t in literals}))
    return Rendered(buf.getvalue(), tuple(literals), drawn + "\n0123456789 Page of " + TITLE)


def render_checked(content: SummaryContent, forbidden: Iterable[str]) -> tuple[bytes, leak_gate.GateReport]:
    """Draw the summary and have the leak gate examine the bytes; the bytes only if no protected string
    is in them. Raises :class:`~desktop.reports.leak_gate.LeakDetected` or :class:`SummaryLayoutError`."""
    items = list(forbidden)
    out = draw_summary(content)
    report = leak_gate.check(out.data, items, expected_text=out.text, literals=out.literals,
                             form=is_summary_literal)
    return out.data, report


def figures(view: View) -> Sequence[Figure]:
    """Every figure the view shows (for tests and callers that list them)."""
    return [view.total, *(f for t in view.tables for f in (*t.rows, t.total))]
