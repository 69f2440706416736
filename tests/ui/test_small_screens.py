"""Windows on a small screen: a 1366x768 laptop at 125% has 1093x614 points, less than the window's
default 1100x720 (the offscreen test screen, 800x600, is smaller still). The window and its dialogs
open no larger than the screen's free area, so their bottom rows (the review's Export and Close, the
form's buttons) are never beyond its edge."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.screen_fit import TITLE_BAR, fit_on_screen
from tests.factories import sample_interview
from tests.ui.driving import create_vault, fits


def _review_dialog(qtbot, make_window):
    """A new vault's window with one interview, its review dialog open and shown."""
    window = make_window()
    create_vault(qtbot, window)
    window.statements.review(window.vault.interviews.add(sample_interview()))
    qtbot.waitUntil(lambda: window.statements.review_dialog is not None)
    dialog = window.statements.review_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_the_window_and_its_dialogs_open_no_larger_than_the_screen(qtbot, make_window):
    window = make_window()
    room = window.screen().availableGeometry()
    assert room.width() < 1100, "the case this test is about: a screen narrower than the window's default"
    assert fits(window)
    create_vault(qtbot, window)
    window.vault.interviews.add(sample_interview())
    opened = [
        window.transfer.devices(),
        window.transfer.send(),
        window.transfer.import_stick(),
        window.statements.export_many(),
    ]
    window.show_help()
    opened.append(window.help_dialog)
    for dialog in opened:
        assert fits(dialog) or dialog.minimumHeight() + TITLE_BAR > room.height(), dialog.windowTitle()
        dialog.reject()


def test_a_window_taller_than_the_screen_is_made_to_fit_but_never_below_its_minimum(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(4000, 6000)
    fit_on_screen(w)
    assert fits(w)
    w.setMinimumSize(300, 5000)
    w.resize(4000, 6000)
    fit_on_screen(w)
    room = w.screen().availableGeometry()
    assert w.width() <= room.width() and w.height() == 5000


def test_on_a_short_window_the_statement_keeps_more_lines_than_the_own_language_box(qtbot, make_window):
    """At 574 points high (a 1366x768 laptop at 125%) the statement, the thing the worker reads and
    corrects, shrank to 4 lines while the box for the interviewee's own words below it kept 7."""
    window = make_window()
    create_vault(qtbot, window)
    window.open_interview(window.vault.interviews.add(sample_interview()))
    editor = window.editor
    editor.tabs.setCurrentIndex(2)
    for height in (720, 574):
        window.resize(1077, height)
        qtbot.wait(50)  # laid out
        statement = editor.statement.height() // editor.statement.fontMetrics().lineSpacing()
        original = editor.original.height() // editor.original.fontMetrics().lineSpacing()
        assert statement >= 7 and statement > original, (height, statement, original)


def test_the_review_fits_a_1366x768_screen_at_125_percent_with_a_taskbar(qtbot, make_window):
    """About 582 points are free there; the review's minimum was 595, so Export and Close fell off the
    bottom. Its list gives up its height instead, and the dialog's own buttons stay in sight."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = _review_dialog(qtbot, make_window)
    free = 582 - TITLE_BAR
    assert dialog.minimumSizeHint().height() <= free and dialog.minimumHeight() <= free
    dialog.resize(dialog.width(), free)
    qtbot.waitUntil(lambda: dialog.height() == free)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    for button in (dialog.export_button, close):
        where = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        assert dialog.rect().contains(where), button.text()
    review = dialog.review
    assert review.view.height() >= 4 * review.view.fontMetrics().lineSpacing()  # the statement stays readable
    qtbot.waitUntil(lambda: not review.apply_button.visibleRegion().isEmpty())


def test_at_its_usual_size_the_review_panel_needs_no_scrolling_and_shows_several_suggestions(qtbot, make_window):
    """At 680 points (the review's size in a 1100x720 window) the side panel first grew to the list's own
    preferred height and put Apply below the fold; on a short screen the list kept a single row."""
    dialog = _review_dialog(qtbot, make_window)
    review = dialog.review
    row = review.list.sizeHintForRow(0)
    for height, rows in ((680, 4), (582 - TITLE_BAR, 2)):
        dialog.resize(dialog.width(), height)
        qtbot.waitUntil(lambda h=height: dialog.height() == h)
        qtbot.wait(50)
        assert review.list.viewport().height() >= rows * row, (height, review.list.viewport().height(), row)


def test_the_review_buttons_are_in_sight_without_scrolling_on_a_small_laptop(qtbot, make_window):
    """A 1366x768 laptop at 125% leaves the review 574 points (542 with a taskbar); a 1280x720 screen
    with a taskbar 640; the 1100x720 window's screen its usual 680. Keep, Redact again, Redact
    selection and Apply were in a panel that scrolled, and at 125% Apply was below its fold: each is
    now wholly in sight at every one of these sizes, with a suggestion chosen or none."""
    dialog = _review_dialog(qtbot, make_window)
    review = dialog.review
    controls = (
        review.reason,
        review.reject_button,
        review.accept_button,
        review.type_box,
        review.add_button,
        review.apply_button,
    )
    for row in (-1, 0):
        review.list.setCurrentRow(row)
        for height in (542, 574, 640, 680):
            dialog.resize(1000, height)
            qtbot.waitUntil(lambda h=height: dialog.height() == h)
            qtbot.wait(50)  # laid out
            for w in controls:
                assert w.isVisible() and w.visibleRegion().boundingRect() == w.rect(), (
                    row,
                    height,
                    w.accessibleName() or w.text(),
                )
            assert review.list.viewport().height() >= 2 * review.list.sizeHintForRow(0), (row, height)
