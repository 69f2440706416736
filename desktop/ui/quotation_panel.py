"""Marking passages of a statement as quotable, beside the redaction review.

Select text in the statement, choose the theme and press "Mark as quotation"; the list shows every
passage marked in this statement with its theme, and "Remove" takes the chosen one back. Choosing a
passage in the list selects it in the statement. Each mark and removal is stored at once through the
callables given (:mod:`desktop.services.quotations`, with an audit entry); what the quotations PDF
prints is cut from the redacted text, so a name inside a marked passage is still replaced there.

``clear()`` forgets the passages shown (on lock and on close), as the review forgets its text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.quotations import THEME_LABELS, Quotation, Theme
from desktop.ui.redaction_review import cp_to_qt, qt_to_cp

log = logging.getLogger(__name__)

Mark = Callable[[int, int, Theme], Quotation]
Remove = Callable[[str], bool]
EXCERPT = 90  # characters of a passage shown in the list


@dataclass(frozen=True)
class QuotationSource:
    """What the panel needs from the vault for one interview: its marks, and how to add and remove one."""

    quotations: Sequence[Quotation]
    mark: Mark
    remove: Remove
    consented: bool

    def panel(self, view: QTextEdit, text: str, parent: QWidget | None = None) -> QuotationPanel:
        return QuotationPanel(view, text, self.quotations, mark=self.mark, remove=self.remove,
                              consented=self.consented, parent=parent)


class QuotationPanel(QWidget):
    def __init__(self, view: QTextEdit, text: str, quotations: Sequence[Quotation], *, mark: Mark, remove: Remove,
                 consented: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotationPanel")
        self._view = view
        self.text = text
        self._mark, self._remove = mark, remove
        self.quotations: list[Quotation] = list(quotations)

        # Folded by default: the review above needs the height at 1100x720; the count says what is inside.
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAccessibleName(self.tr("Show or hide the quotations marked in this statement"))
        self.toggle.toggled.connect(self._unfold)
        self.body = QWidget(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.hint.setText(self.tr(
            "Select a passage in the statement, choose its theme and press \u201cMark as quotation\u201d. "
            "It is printed redacted, as in the statement.") if consented else self.tr(
            "There is no consent for anonymised quotation: passages marked here are kept but used in no "
            "quotations PDF until that consent is recorded on the Consent tab."))
        self.theme_box = QComboBox(self)
        self.theme_box.setAccessibleName(self.tr("Theme of the quotation"))
        for theme in Theme:
            self.theme_box.addItem(self.tr(THEME_LABELS[theme]), theme)
        self.mark_button = QPushButton(self.tr("Mark as &quotation"), self)
        self.mark_button.setToolTip(self.tr("Mark the text selected in the statement as quotable, under this theme"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Passages marked as quotations"))
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # About five passages in view: the statement above keeps most of the height.
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 6 + 2 * self.list.frameWidth() + 4)
        self.remove_button = QPushButton(self.tr("&Remove quotation"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        outer = QVBoxLayout(self)
        side = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)  # in line with the review's own
        outer.setContentsMargins(side, 0, side, 0)
        outer.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.body)
        self.body.setVisible(False)
        grid = QGridLayout(self.body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.hint, 1, 0, 1, 2)
        grid.addWidget(self.theme_box, 2, 0)
        grid.addWidget(self.mark_button, 2, 1)
        grid.addWidget(self.status, 3, 0, 1, 2)
        grid.addWidget(self.list, 0, 2, 4, 1)
        grid.addWidget(self.remove_button, 0, 3)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(3, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.mark_button.clicked.connect(self.mark_selection)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentRowChanged.connect(self._show_current)
        self._view.selectionChanged.connect(self._update_buttons)
        self._refresh()

    # --- what is shown ------------------------------------------------------------------------

    def _unfold(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _refresh(self) -> None:
        n = len(self.quotations)
        self.toggle.setText(self.tr("Quotations (%n marked)", "", n) if n else self.tr("Quotations"))
        self.list.blockSignals(True)
        self.list.clear()
        for q in self.quotations:
            piece = " ".join(q.passage.split())
            if len(piece) > EXCERPT:
                piece = piece[:EXCERPT - 1].rstrip() + "\u2026"
            item = QListWidgetItem(f"{self.tr(THEME_LABELS[q.theme])}: \u201c{piece}\u201d")
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update_buttons()

    def _selection(self) -> tuple[int, int] | None:
        cursor = self._view.textCursor()
        if not cursor.hasSelection() or not self.text:
            return None
        a, b = sorted((cursor.selectionStart(), cursor.selectionEnd()))
        s, e = qt_to_cp(self.text, a), qt_to_cp(self.text, b)
        return (s, e) if e > s and self.text[s:e].strip() else None

    def _update_buttons(self) -> None:
        self.mark_button.setEnabled(self._selection() is not None)
        self.remove_button.setEnabled(self.list.currentItem() is not None)

    def _current(self) -> Quotation | None:
        item = self.list.currentItem()
        if item is None:
            return None
        qid = item.data(Qt.ItemDataRole.UserRole)
        return next((q for q in self.quotations if q.id == qid), None)

    def _show_current(self, _row: int) -> None:
        q = self._current()
        if q is not None and q.end <= len(self.text) and self.text[q.start:q.end] == q.passage:
            cursor = self._view.textCursor()
            cursor.setPosition(cp_to_qt(self.text, q.start))
            cursor.setPosition(cp_to_qt(self.text, q.end), QTextCursor.MoveMode.KeepAnchor)
            self._view.setTextCursor(cursor)
        self._update_buttons()

    # --- marks ----------------------------------------------------------------------------------

    def mark_selection(self) -> Quotation | None:
        from desktop.services.errors import Refused
        from desktop.vault import VaultError

        sel = self._selection()
        if sel is None:
            return None
        theme = self.theme_box.currentData()
        try:
            q = self._mark(sel[0], sel[1], theme)
        except Refused as exc:
            self.status.setText(str(exc))
            return None
        except VaultError as exc:
            log.error("marking a quotation failed: %s", type(exc).__name__)
            self.status.setText(self.tr("The quotation could not be saved in the vault. Nothing was changed; "
                                        "close the review and open it again."))
            return None
        self.quotations = sorted([*self.quotations, q], key=lambda x: (x.start, x.id))
        self.status.setText(self.tr("Marked as a quotation: {theme}.").format(theme=self.tr(THEME_LABELS[theme])))
        self._refresh()
        self.list.setCurrentRow(self.quotations.index(q))
        return q

    def remove_current(self) -> bool:
        from desktop.vault import VaultError

        q = self._current()
        if q is None:
            return False
        try:
            self._remove(q.id)
        except VaultError as exc:
            log.error("removing a quotation failed: %s", type(exc).__name__)
            self.status.setText(self.tr("The quotation could not be removed from the vault. Nothing was changed."))
            return False
        self.quotations = [x for x in self.quotations if x.id != q.id]
        self.status.setText(self.tr("Quotation removed."))
        self._refresh()
        return True

    def clear(self) -> None:
        """Forget every passage shown (the vault keeps its own copy)."""
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.quotations = []
        self.text = ""
        self.status.clear()
        self._update_buttons()
