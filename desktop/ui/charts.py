"""The dashboard's charts, drawn with QPainter: bars by a category, a timeline, and a share.

Drawn here rather than with QtCharts, which comes only with PySide6's larger Addons wheel (the
frozen build carries the Essentials wheel only), and rather than as images rendered elsewhere, so
the charts follow the window's size, font and scale, and nothing reaches for a browser or network.

A chart knows nothing of the vault or of suppression: each :class:`Mark` brings the words to show
("45", "fewer than 5", "not shown") and the number to draw, which is None for every figure the
release does not publish. Such a mark is drawn as a short pale stub of one fixed size ("some, not
to scale") or not at all, so its size says nothing; its tooltip is its words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR = QColor("#2f6f8f")
STUB = QColor("#8aa9b8")
TRACK = QColor("#e3e8ec")
# The words of a figure not shown ("fewer than 5"): quieter than a count, still 5.7 to 1 on the track
# (the palette's placeholder grey was 3.8 to 1, too faint to read).
HIDDEN_TEXT = QColor("#5b5852")


@dataclass(frozen=True)
class Mark:
    """One bar or column: its label, the words shown for its figure, the number drawn (None when
    the figure is not published), and whether it stands for a small group (drawn as a stub)."""

    label: str
    text: str
    value: int | None
    small: bool = False

    @property
    def tooltip(self) -> str:
        return f"{self.label}: {self.text}"


class _Chart(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.marks: tuple[Mark, ...] = ()

    def set_marks(self, marks: Sequence[Mark]) -> None:
        self.marks = tuple(marks)
        self.setAccessibleDescription("; ".join(m.tooltip for m in self.marks))
        self.updateGeometry()
        self.update()

    def tooltip_at(self, pos: QPoint) -> str:
        return ""

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            text = self.tooltip_at(e.pos())
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)

    def _scale(self) -> int:
        return max((m.value for m in self.marks if m.value is not None), default=0)

    def _pen(self, role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> QPen:
        return QPen(self.palette().color(role))


class BarChart(_Chart):
    """Horizontal bars, one a row: the whole label on the left (never cut), the bar, its figure."""

    def _row_h(self) -> int:
        return self.fontMetrics().height() + 6

    def _label_w(self) -> int:
        fm = self.fontMetrics()
        return max((fm.horizontalAdvance(m.label) for m in self.marks), default=0) + 12

    def _text_w(self) -> int:
        fm = self.fontMetrics()
        return max((fm.horizontalAdvance(m.text) for m in self.marks), default=0) + 12

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._label_w() + self._text_w() + 300, self._row_h() * len(self.marks) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._label_w() + self._text_w() + 4 * self.fontMetrics().height(),
                     self._row_h() * len(self.marks) + 4)

    def _bar_area(self) -> tuple[int, int]:
        left = self._label_w()
        return left, max(0, self.width() - left - self._text_w())

    def row_rect(self, n: int) -> QRect:
        return QRect(0, 2 + n * self._row_h(), self.width(), self._row_h())

    def tooltip_at(self, pos: QPoint) -> str:
        n = (pos.y() - 2) // self._row_h()
        return self.marks[n].tooltip if 0 <= n < len(self.marks) and pos.y() >= 2 else ""

    def bar_rect(self, n: int) -> QRect:
        """Where mark ``n``'s bar is drawn (empty when it has none)."""
        m = self.marks[n]
        left, width = self._bar_area()
        row = self.row_rect(n)
        h = row.height() - 8
        if m.value is not None:
            scale = self._scale()
            w = round(width * m.value / scale) if scale else 0
        elif m.small:
            w = min(width, self.fontMetrics().height())  # the same stub for every small group
        else:
            w = 0
        return QRect(left, row.top() + 4, w, h)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        fm = self.fontMetrics()
        left, width = self._bar_area()
        for n, m in enumerate(self.marks):
            row = self.row_rect(n)
            p.setPen(self._pen())
            p.drawText(QRect(0, row.top(), left - 8, row.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, m.label)
            p.fillRect(QRect(left, row.top() + 4, width, row.height() - 8), TRACK)
            bar = self.bar_rect(n)
            if m.value is not None:
                p.fillRect(bar, BAR)
            elif m.small:
                p.fillRect(bar, STUB)
            p.setPen(self._pen() if m.value is not None else QPen(HIDDEN_TEXT))
            x = left + (bar.width() if m.value is not None or m.small else 0) + 6
            p.drawText(QRect(x, row.top(), fm.horizontalAdvance(m.text) + 4, row.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, m.text)
        p.end()


class Timeline(_Chart):
    """Columns along time (months or years): a label under the first of each year, tooltips per column."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _axis_h(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, self.fontMetrics().height() * 9)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.fontMetrics().height() * 9)

    def _plot(self) -> QRect:
        fm = self.fontMetrics()
        left = fm.horizontalAdvance("0000") + 10
        return QRect(left, fm.height() // 2, max(1, self.width() - left - 8),
                     self.height() - self._axis_h() - fm.height() // 2)

    def column_rect(self, n: int) -> QRect:
        plot = self._plot()
        w = plot.width() / max(1, len(self.marks))
        return QRect(plot.left() + round(n * w), plot.top(), max(1, round((n + 1) * w) - round(n * w)), plot.height())

    def tooltip_at(self, pos: QPoint) -> str:
        for n, m in enumerate(self.marks):
            r = self.column_rect(n)
            if r.left() <= pos.x() < r.right() + 1 and pos.y() <= r.bottom() + self._axis_h():
                return m.tooltip
        return ""

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        fm = self.fontMetrics()
        plot = self._plot()
        scale = self._scale()
        p.fillRect(plot, TRACK)
        p.setPen(self._pen())
        if scale:
            p.drawText(QRect(0, plot.top() - fm.height() // 2, plot.left() - 6, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(scale))
        stub = max(2, fm.height() // 3)
        last_year = None
        for n, m in enumerate(self.marks):
            col = self.column_rect(n)
            inner = col.adjusted(1 if col.width() > 3 else 0, 0, -1 if col.width() > 3 else 0, 0)
            if m.value is not None and scale:
                h = round(plot.height() * m.value / scale)
                p.fillRect(QRect(inner.left(), plot.bottom() - h + 1, inner.width(), h), BAR)
            elif m.small:
                p.fillRect(QRect(inner.left(), plot.bottom() - stub + 1, inner.width(), stub), STUB)
            year = m.label[:4]
            if year != last_year and year.isdigit():
                last_year = year
                p.setPen(self._pen())
                p.drawLine(col.left(), plot.bottom(), col.left(), plot.bottom() + 4)
                p.drawText(QRect(col.left() + 2, plot.bottom() + 3, fm.horizontalAdvance(year) + 4, fm.height()),
                           Qt.AlignmentFlag.AlignLeft, year)
        p.end()


class ShareBar(QWidget):
    """One share as a filled bar (the words go in a label beside it; the bar is empty when not shown)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.percent: float | None = None
        self.text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_share(self, percent: float | None, text: str) -> None:
        self.percent, self.text = percent, text
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, self.fontMetrics().height() + 8)

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        r = self.rect().adjusted(0, 2, -1, -2)
        p.fillRect(r, TRACK)
        if self.percent is not None:
            p.fillRect(QRect(r.left(), r.top(), round(r.width() * self.percent / 100), r.height()), BAR)
        p.end()
