"""The evidence summary's drawings: vector charts made with ``reportlab.graphics`` and a list in columns.

Every string a drawing holds is a label from a fixed list, a published figure or the wording for a
hidden one ("fewer than 5", "not shown"); each flowable records what it drew, page by page, for the
leak gate (see :mod:`desktop.reports.summary`). A hidden figure is never drawn as a length: a bar
stands only for a published count, and a hidden one is a grey mark of one fixed size with its words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.evidence.protect import PUBLISHED, SMALL
from desktop.evidence.views import Figure, Table
from desktop.reports.fonts import LATIN, FontSet

BAR = colors.HexColor("#2F5D8A")
ACCENT = colors.HexColor("#B4551E")
HIDDEN_FILL = colors.HexColor("#BBBBBB")
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
GRID = colors.HexColor("#DDDDDD")


def _note(canv, texts: Sequence[str]) -> None:
    note = getattr(canv, "note_literal", None)
    if note is not None:
        for t in texts:
            note(t)


class Chart(Flowable):
    """A ``reportlab.graphics`` drawing placed in the story; its strings are recorded where drawn."""

    def __init__(self, drawing: Drawing) -> None:
        super().__init__()
        drawing.initialFontName = _fonts()[0]  # never a standard font: every font is embedded
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        return self.width, self.height

    def strings(self) -> list[str]:
        return [s.text for s in self.drawing.contents if isinstance(s, String) and s.text.strip()]

    def draw(self) -> None:
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        _note(self.canv, self.strings())


def _fonts() -> tuple[str, str]:
    f = FontSet.load()[LATIN]
    return f.regular, f.bold


def nice_ticks(top: int, threshold: int) -> list[int]:
    """Axis values from 0 to at least ``top``, with no value from 1 to ``threshold - 1`` (such a number
    on a page could be read as a hidden count)."""
    if top <= 0:
        return [0]
    raw = top / 4
    mag = 10 ** int(math.floor(math.log10(raw))) if raw >= 1 else 1
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    step = max(step, threshold)
    return list(range(0, top + step, step))


def hidden_words(f: Figure, threshold: int) -> str:
    return f.text(threshold)


def bars(rows: Sequence[Figure], threshold: int, width: float, *, row_h: float = 4.8 * mm,
         size: float = 8.3) -> Chart:
    """Horizontal bars, one per row (each force), labelled with its name and its figure."""
    regular, bold = _fonts()
    label_w = max(stringWidth(r.label, regular, size) for r in rows) + 3 * mm
    value_room = stringWidth("fewer than 99", regular, size) + 2 * mm
    plot_w = width - label_w - value_room
    top = max((r.count or 0 for r in rows if r.status == PUBLISHED), default=0)
    ticks = nice_ticks(top, threshold)
    scale = plot_w / ticks[-1] if ticks[-1] else 0
    axis_h = 5 * mm
    height = row_h * len(rows) + axis_h
    d = Drawing(width, height)
    for t in ticks:
        x = label_w + t * scale
        d.add(Line(x, axis_h, x, height, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(x, axis_h - size - 1, str(t), fontName=regular, fontSize=size - 0.5, fillColor=MUTED,
                     textAnchor="middle"))
    for i, r in enumerate(rows):
        y = height - (i + 1) * row_h
        text_y = y + (row_h - size) / 2 + 1
        d.add(String(label_w - 2 * mm, text_y, r.label, fontName=regular, fontSize=size, fillColor=INK,
                     textAnchor="end"))
        if r.status == PUBLISHED and r.count:
            w = r.count * scale
            d.add(Rect(label_w, y + 0.7, w, row_h - 1.4, fillColor=BAR, strokeColor=None))
            d.add(String(label_w + w + 1.5 * mm, text_y, str(r.count), fontName=regular, fontSize=size, fillColor=INK))
        elif r.status == PUBLISHED:
            d.add(String(label_w + 1.5 * mm, text_y, "0", fontName=regular, fontSize=size, fillColor=INK))
        else:
            d.add(Rect(label_w, y + row_h / 2 - 1.2, 2.4, 2.4, fillColor=HIDDEN_FILL if r.status == SMALL else None,
                       strokeColor=MUTED, strokeWidth=0.4))
            d.add(String(label_w + 4 * mm, text_y, hidden_words(r, threshold), fontName=regular, fontSize=size,
                         fillColor=MUTED))
    return Chart(d)


_MONTH_INITIALS = "JFMAMJJASOND"


def timeline(rows: Sequence[Figure], threshold: int, width: float, *, height: float = 62 * mm,
             size: float = 7.5) -> Chart:
    """One bar per month (rows coded YYYY-MM, in order); a hidden month is a mark below the axis."""
    regular, _bold = _fonts()
    months = [r for r in rows if len(r.code) == 7 and r.code[4] == "-"]
    left, bottom, legend_h = 12 * mm, 12 * mm, 6 * mm
    plot_w, plot_h = width - left - 2 * mm, height - bottom - legend_h - 2 * mm
    top = max((r.count or 0 for r in months if r.status == PUBLISHED), default=0)
    ticks = nice_ticks(top, threshold)
    scale = plot_h / ticks[-1] if ticks[-1] else 0
    slot = plot_w / max(len(months), 1)
    d = Drawing(width, height)
    for t in ticks:
        y = bottom + t * scale
        d.add(Line(left, y, left + plot_w, y, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(left - 1.5 * mm, y - size / 3, str(t), fontName=regular, fontSize=size - 0.5, fillColor=MUTED,
                     textAnchor="end"))
    for i, r in enumerate(months):
        x = left + i * slot
        if r.code.endswith("-01"):
            d.add(Line(x, bottom, x, bottom - 2 * mm, strokeColor=MUTED, strokeWidth=0.4))
            d.add(String(x + 0.8, bottom - 2 * mm - size, r.code[:4], fontName=regular, fontSize=size, fillColor=INK))
        if r.status == PUBLISHED and r.count:
            d.add(Rect(x + slot * 0.12, bottom, slot * 0.76, r.count * scale, fillColor=BAR, strokeColor=None))
        elif r.status != PUBLISHED:
            d.add(Circle(x + slot / 2, bottom - 1.0 * mm, min(slot * 0.38, 1.6),
                         fillColor=HIDDEN_FILL if r.status == SMALL else colors.white, strokeColor=MUTED,
                         strokeWidth=0.3))
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.6))
    ly = height - legend_h + 1.5 * mm
    d.add(Rect(left, ly, 3 * mm, 2.4 * mm, fillColor=BAR, strokeColor=None))
    d.add(String(left + 4 * mm, ly + 0.3, "interviews reported in the month", fontName=regular, fontSize=size,
                 fillColor=INK))
    x2 = left + 4 * mm + stringWidth("interviews reported in the month", regular, size) + 6 * mm
    d.add(Circle(x2 + 1.6, ly + 1.2, 1.6, fillColor=HIDDEN_FILL, strokeColor=MUTED, strokeWidth=0.3))
    small = f"fewer than {threshold}"
    d.add(String(x2 + 4 * mm, ly + 0.3, small, fontName=regular, fontSize=size, fillColor=INK))
    x3 = x2 + 4 * mm + stringWidth(small, regular, size) + 6 * mm
    d.add(Circle(x3 + 1.6, ly + 1.2, 1.6, fillColor=colors.white, strokeColor=MUTED, strokeWidth=0.3))
    d.add(String(x3 + 4 * mm, ly + 0.3, "not shown", fontName=regular, fontSize=size, fillColor=INK))
    return Chart(d)


def shares(table: Table, threshold: int, width: float, *, emphasis: str = "immigration_action",
           size: float = 8) -> Chart:
    """Each outcome as a share of the table's total, a 0-100% bar; a share only from published figures."""
    regular, bold = _fonts()
    rows = list(table.rows)
    label_w = max(stringWidth(r.label, bold, size) for r in rows) + 3 * mm
    value_w = stringWidth("fewer than 99 of 99999: no share shown", regular, size) + 2 * mm
    plot_w = width - label_w - value_w
    row_h = 6 * mm
    height = row_h * len(rows) + 5 * mm
    d = Drawing(width, height)
    total = table.total
    for t in (0, 25, 50, 75, 100):
        x = label_w + plot_w * t / 100
        d.add(Line(x, 5 * mm, x, height, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(x, 5 * mm - size - 1, f"{t}%", fontName=regular, fontSize=size - 0.5, fillColor=MUTED,
                     textAnchor="middle"))
    for i, r in enumerate(rows):
        y = height - (i + 1) * row_h
        ty = y + (row_h - size) / 2 + 1
        font = bold if r.code == emphasis else regular
        d.add(String(label_w - 2 * mm, ty, r.label, fontName=font, fontSize=size, fillColor=INK, textAnchor="end"))
        d.add(Rect(label_w, y + 1.2, plot_w, row_h - 2.4, fillColor=colors.HexColor("#F1F1F1"), strokeColor=None))
        if r.percent is not None:
            d.add(Rect(label_w, y + 1.2, plot_w * r.percent / 100, row_h - 2.4,
                       fillColor=ACCENT if r.code == emphasis else BAR, strokeColor=None))
            words = f"{r.count} of {total.count} ({r.percent:.1f}%)"  # as the window writes it
        else:
            words = f"{r.text(threshold)} of {total.text(threshold)}: no share shown"
        d.add(String(label_w + plot_w + 2 * mm, ty, words, fontName=font, fontSize=size, fillColor=INK))
    return Chart(d)


JOIN = "  "  # between a label and its value when they are drawn as one line


class Columns(Flowable):
    """(label, value) pairs in columns down the page, split across pages (a long list stays cheap:
    no table cell per item). Every string is recorded where drawn.

    The columns are measured, not guessed: a value starts after the widest label with a gap, and
    there are only as many columns as fit the widest pair, so a label in wide letters never runs into
    its value nor a value into the next column. ``joined`` draws each value on its label's line right
    after it (two spaces), so a pair whose label varies in width (a statement's reference and its
    fingerprint) reads as one line to a person and to a text extractor alike, whatever its letters."""

    GAP = 1.0  # between a label and its value, in ems
    COLUMN_GAP = 1.5  # between a value and the next column's label, in ems

    def __init__(self, items: Sequence[tuple[str, str]], columns: int, *, size: float = 8, bold_values: bool = False,
                 value_x: float = 0.45, joined: bool = False, measured: tuple[float, float] | None = None) -> None:
        super().__init__()
        self.items = list(items)
        self.columns = columns  # at most; fewer when the widest pair needs the room
        self.size = size
        self.leading = size * 1.5
        self.bold_values = bold_values
        self.value_x = value_x  # where the value starts, as a share of a column's width, unless a label needs more
        self.joined = joined
        self._measured = measured  # a part split off keeps the whole list's widths: every page alike

    def _widths(self) -> tuple[float, float]:
        """The widest label and the widest value, in points."""
        if self._measured is None:
            regular, bold = _fonts()
            value_font = bold if self.bold_values else regular
            label = max((stringWidth(a, regular, self.size) for a, _ in self.items), default=0.0)
            value = max((stringWidth(b, value_font, self.size) for _, b in self.items), default=0.0)
            self._measured = (label, value)
        return self._measured

    def _layout(self, width: float) -> tuple[int, float]:
        """How many columns fit ``width``, and where a value starts inside its column."""
        label, value = self._widths()
        gap, column_gap = self.GAP * self.size, self.COLUMN_GAP * self.size
        if self.joined:
            gap = stringWidth(JOIN, _fonts()[0], self.size)
        columns = max(1, self.columns)
        while True:
            col_w = width / columns
            offset = label + gap if self.joined else max(col_w * self.value_x, label + gap)
            if columns == 1 or offset + value + column_gap <= col_w:
                return columns, offset
            columns -= 1

    def _rows(self) -> int:
        return math.ceil(len(self.items) / self._layout(self.width)[0])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        self.width = availWidth
        self.height = self._rows() * self.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab API)
        rows = int(availHeight // self.leading)
        if rows < 2:
            return []
        per_page = rows * self._layout(availWidth)[0]
        if len(self.items) <= per_page:
            return [self]
        kw = dict(size=self.size, bold_values=self.bold_values, value_x=self.value_x, joined=self.joined,
                  measured=self._widths())
        return [Columns(self.items[:per_page], self.columns, **kw), Columns(self.items[per_page:], self.columns, **kw)]

    def draw(self) -> None:
        regular, bold = _fonts()
        canv = self.canv
        columns, offset = self._layout(self.width)
        rows = self._rows()
        col_w = self.width / columns
        drawn: list[str] = []
        canv.setFillColor(INK)
        # one text object per column and part (few operators: a long list stays quick to draw and to read back)
        for col in range(columns):
            chunk = self.items[col * rows:(col + 1) * rows]
            if self.joined:
                text = canv.beginText(col * col_w, self.height - self.leading * 0.7)
                text.setFont(regular, self.size, self.leading)
                for label, value in chunk:
                    text.textLine(f"{label}{JOIN}{value}")
                    drawn += (label, value)
                canv.drawText(text)
                continue
            for part, font, dx in ((0, regular, 0.0), (1, bold if self.bold_values else regular, offset)):
                text = canv.beginText(col * col_w + dx, self.height - self.leading * 0.7)
                text.setFont(font, self.size, self.leading)
                for item in chunk:
                    text.textLine(item[part])
                    drawn.append(item[part])
                canv.drawText(text)
        _note(canv, drawn)
