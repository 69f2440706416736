"""Small widget helpers shared by the parts of the interview editor (form, people, attachments)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QLabel, QTableView, QWidget

# The bundled fonts the statement PDF is printed in (desktop/resources/fonts), Latin first: each script
# takes its letters from its own font, before any font of the system.
STATEMENT_FAMILIES = ("Noto Sans", "Noto Naskh Arabic", "Noto Sans Devanagari", "Noto Sans Bengali",
                      "Noto Sans Gurmukhi")


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def combo(parent: QWidget, items: list[tuple[str, object]], name: str) -> QComboBox:
    box = QComboBox(parent)
    for text, value in items:
        box.addItem(text, value)
    box.setAccessibleName(name)
    return box


def select(box: QComboBox, value: object) -> None:
    """Show the item holding ``value`` (the first item if none does)."""
    i = box.findData(value)
    box.setCurrentIndex(max(i, 0))


def intro(parent: QWidget, text: str) -> QLabel:
    """The muted sentence at the top of a page that says what the page is for."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty("role", "muted")
    return label


def interview_text(widget: QWidget) -> None:
    """Show an interview's own words in the statement's fonts. A system font that has some of a script's
    letters but not all (DejaVu Sans has Arabic but not Urdu's ہ, ے and ۔) drew a word in two fonts, and
    letters either side of the change did not join; a field with the bundled fonts first draws each
    script whole, as the PDF prints it."""
    font = widget.font()
    available = set(QFontDatabase.families())
    font.setFamilies([f for f in STATEMENT_FAMILIES if f in available] + [font.family()])
    widget.setFont(font)


def table(parent: QWidget, model: QAbstractItemModel, name: str) -> QTableView:
    """A list of records, one row each, edited in place by double-click or F2."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setTabKeyNavigation(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    return view


def selected_row(view: QTableView) -> int:
    """The selected row, or -1."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else -1


def restyle(widget: QWidget, **properties: object) -> None:
    """Set the dynamic properties the style sheet selects on (``role="error"``, ``strength=3``) and
    have the style read them again: Qt applies a property selector only when the widget is polished."""
    for name, value in properties.items():
        widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
