"""Marking quotations in the real review window: select a passage, choose its theme, mark it, see it
listed, remove one; the mark is stored and audited, the PDF made from it is redacted, and a lock
leaves no passage in any widget."""

from __future__ import annotations

from datetime import date

import pytest
import shiboken6

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QListWidget

from desktop.core.model import Consent, ConsentUse
from desktop.core.quotations import Theme
from desktop.services import quotations
from desktop.ui.redaction_review import cp_to_qt
from tests.pdf_tools import pdftotext
from tests.ui.driving import REVIEW_NAME, create_vault
from tests.ui.driving import add_interview as add_through_form

LEFT = Qt.MouseButton.LeftButton
PASSAGE = "The officer asked for my passport and phoned the Home Office."
WITH_NAME = "My name is Małgorzata Kowalczyk. In September 2026 I went to West Midlands Police"


@pytest.fixture
def window(qtbot, make_window):
    w = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, w)
    return w


def add_interview(qtbot, window, *, quotation: bool) -> str:
    interview_id = add_through_form(qtbot, window, consent=True)
    if quotation:
        iv = window.vault.interviews.get(interview_id)
        iv.consent[ConsentUse.QUOTATION] = Consent(ConsentUse.QUOTATION, True, date(2026, 11, 20), "J. Osei")
        window.vault.interviews.update(iv)
    return interview_id


def open_review(qtbot, window):
    qtbot.mouseClick(window.editor.review_button, LEFT)
    dialog = window.statements.review_dialog
    assert dialog is not None and dialog.isVisible() and dialog.quotations is not None
    panel = dialog.quotations
    assert not panel.body.isVisible()  # folded, so the review keeps its height at 1100x720
    qtbot.mouseClick(panel.toggle, LEFT)
    assert panel.body.isVisible()
    return dialog


def select_text(dialog, piece: str) -> None:
    review = dialog.review
    start = review.text.index(piece)
    cursor = review.view.textCursor()
    cursor.setPosition(cp_to_qt(review.text, start))
    cursor.setPosition(cp_to_qt(review.text, start + len(piece)), QTextCursor.MoveMode.KeepAnchor)
    review.view.setTextCursor(cursor)


def choose_theme(panel, theme: Theme) -> None:
    panel.theme_box.setCurrentIndex(panel.theme_box.findData(theme))


def test_marking_a_passage_in_the_review_stores_it_lists_it_and_the_pdf_prints_it_redacted(qtbot, window, tmp_path):
    interview_id = add_interview(qtbot, window, quotation=True)
    dialog = open_review(qtbot, window)
    panel = dialog.quotations
    assert not panel.mark_button.isEnabled()  # nothing selected yet

    select_text(dialog, PASSAGE)
    assert panel.mark_button.isEnabled()
    choose_theme(panel, Theme.ACTION_AFTER_REPORTING)
    qtbot.mouseClick(panel.mark_button, LEFT)
    assert "1 marked" in panel.toggle.text()
    select_text(dialog, WITH_NAME)
    choose_theme(panel, Theme.REPORTING_DETERRED)
    qtbot.mouseClick(panel.mark_button, LEFT)

    stored = window.vault.quotations.for_interview(interview_id)
    assert [(q.passage, q.theme) for q in stored] == [
        (WITH_NAME, Theme.REPORTING_DETERRED),
        (PASSAGE, Theme.ACTION_AFTER_REPORTING),
    ]
    assert [panel.list.item(i).text().split(":")[0] for i in range(panel.list.count())] == [
        "Reporting deterred",
        "Immigration action after reporting",
    ]
    marked = [e.target for e in window.vault.audit.entries() if e.action == "quotation.marked"]
    assert marked == [interview_id, interview_id]

    # the PDF made from these marks: the interviewee's name is the statement's placeholder
    result = quotations.write_pdf(window.vault, tmp_path / "quotes.pdf")
    text = " ".join(pdftotext(result.path.read_bytes()).split())
    assert "My name is Person A. In September 2026 I went to West Midlands Police" in text
    assert PASSAGE in text
    assert "Kowalczyk" not in text and "Małgorzata" not in text and "Malgorzata" not in text

    # choosing a listed passage selects it in the statement; Remove takes it back
    panel.list.setCurrentRow(1)
    assert dialog.review.view.textCursor().selectedText() == PASSAGE
    qtbot.mouseClick(panel.remove_button, LEFT)
    assert panel.list.count() == 1
    assert [q.passage for q in window.vault.quotations.for_interview(interview_id)] == [WITH_NAME]
    removed = [e.target for e in window.vault.audit.entries() if e.action == "quotation.removed"]
    assert removed == [interview_id]


def test_without_quotation_consent_the_panel_says_so_and_a_lock_empties_it(qtbot, window):
    add_interview(qtbot, window, quotation=False)
    dialog = open_review(qtbot, window)
    panel = dialog.quotations
    assert "no consent for anonymised quotation" in panel.hint.text()
    select_text(dialog, WITH_NAME)
    qtbot.mouseClick(panel.mark_button, LEFT)
    assert panel.list.count() == 1 and REVIEW_NAME in panel.list.item(0).text()

    with qtbot.waitSignal(window.locked, timeout=5000):
        window.lock()
    lists = [w for top in QApplication.topLevelWidgets() for w in top.findChildren(QListWidget)]
    assert not [w for w in lists for i in range(w.count()) if REVIEW_NAME in w.item(i).text()]
    if shiboken6.isValid(panel):  # not deleted yet: emptied all the same
        assert panel.list.count() == 0 and panel.quotations == [] and panel.text == ""


def test_tab_goes_from_the_preview_to_the_quotations_and_then_to_export_as_they_are_laid_out(qtbot, window):
    """Seen under Xvfb: Tab from the preview went to Export and Close, and the Quotations fold between
    the preview and those buttons came last, after Close."""
    add_interview(qtbot, window, quotation=False)
    qtbot.mouseClick(window.editor.review_button, LEFT)
    dialog = window.statements.review_dialog
    qtbot.waitExposed(dialog)
    dialog.review.preview.setFocus()
    qtbot.waitUntil(dialog.review.preview.hasFocus)
    reached = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[:2] == [dialog.quotations.toggle, dialog.export_button], [w.accessibleName() for w in reached]
