"""The interview list at the default window size (1100x720): every column shows its content, the
longest police force's name included, and there is no horizontal scrollbar."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QRect, Qt

from desktop.core.forces import FORCES
from desktop.core.model import CRIME_LABELS, Role
from desktop.ui.models import InterviewTableModel
from tests.factories import make_interview
from tests.ui.driving import create_vault


@pytest.mark.parametrize("delivery", [False, True], ids=["plain", "with-delivery-column"])
def test_the_list_fits_the_default_window_with_the_longest_force_name(qtbot, make_window, delivery):
    window = make_window()
    create_vault(qtbot, window)
    window.resize(1100, 720)
    longest = max(FORCES, key=lambda f: len(f.name))
    iv = make_interview("Nothing of note.", people=[], identifiers=[])
    iv.force = longest.code
    iv.crime_type = max(CRIME_LABELS, key=lambda c: len(CRIME_LABELS[c]))  # "Modern slavery / trafficking"
    iv.role = Role.BOTH  # "Victim and witness"
    window.vault.interviews.add(iv)
    page = window.list_page
    if delivery:  # a field vault's list has a "Delivery" column beside the status
        words = ("field", lambda ids: dict.fromkeys(ids, "sent, awaiting receipt"))
        page.set_source(window.vault.interviews, marks=words)
        assert page.model.columnCount() == InterviewTableModel.COLUMN_COUNT + 1
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.wait(50)
    table = page.table
    bar = table.horizontalScrollBar()
    assert bar.maximum() == 0 and not bar.isVisible()
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    fm = table.fontMetrics()
    model = page.model
    for col in range(model.columnCount()):
        shown = str(model.data(model.index(0, col)) or "")
        head = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        assert table.columnWidth(col) >= header.fontMetrics().horizontalAdvance(head), head
        # the whole text is shown: on one line, or wrapped onto as many as the row is high
        rect = table.visualRect(model.index(0, col))
        need = fm.boundingRect(QRect(0, 0, rect.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, shown)
        assert need.width() <= rect.width() and need.height() <= rect.height(), (head, shown, rect, need)
    force = model.index(0, InterviewTableModel.COL_FORCE)
    assert table.visualRect(force).width() >= fm.horizontalAdvance("Constabulary")


def test_a_coordinators_from_column_keeps_each_laptops_name_on_one_line(qtbot, make_window):
    """At 1100x720 "Laptop KRN6 D7M4" wrapped after "Laptop", like the words of a crime."""
    window = make_window()
    create_vault(qtbot, window)
    window.resize(1100, 720)
    for _ in range(3):
        iv = make_interview("Nothing of note.", people=[], identifiers=[])
        iv.force = max(FORCES, key=lambda f: len(f.name)).code
        iv.crime_type = max(CRIME_LABELS, key=lambda c: len(CRIME_LABELS[c]))
        iv.role = Role.BOTH
        window.vault.interviews.add(iv)
    page = window.list_page
    page.set_source(window.vault.interviews, marks=("coordinator", lambda ids: dict.fromkeys(ids, "Laptop KRN6 D7M4")))
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    qtbot.wait(50)
    table, model = page.table, page.model
    assert model.headerData(InterviewTableModel.COL_TRANSFER, Qt.Orientation.Horizontal) == "From"
    rect = table.visualRect(model.index(0, InterviewTableModel.COL_TRANSFER))
    assert table.fontMetrics().horizontalAdvance("Laptop KRN6 D7M4") + 8 <= rect.width()
    assert table.horizontalScrollBar().maximum() == 0
