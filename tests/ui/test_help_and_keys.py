"""The Help page (F1, offline, locked or not), a focus ring the eye can find on every kind of
control, the header included, Tab in the order of the screen, and Ctrl+Shift+Q from any widget."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget

from tests.ui.driving import add_interview, create_vault

LEFT = Qt.MouseButton.LeftButton


def test_f1_opens_the_help_page_locked_or_not_and_a_lock_closes_it(qtbot, make_window):
    window = make_window()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)  # on the set-up screen
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Help — Witnessbox"
    text = dialog.text.toPlainText()
    for heading in ("Auto-lock", "Quick exit", "Redaction review", "Consent", "Backups"):
        assert heading in text, heading
    assert "Ctrl+Shift+Q" in text and "Keep this text" in text
    assert not dialog.text.openLinks() and not dialog.text.openExternalLinks()
    dialog.reject()
    qtbot.waitUntil(lambda: window.help_dialog is None)

    create_vault(qtbot, window)
    assert window.help_button.isVisible()
    qtbot.mouseClick(window.help_button, LEFT)
    assert window.help_dialog.isVisible()
    window.lock()
    assert window.help_dialog is None or not window.help_dialog.isVisible()


def _looks(w: QWidget) -> bytes:
    image = w.grab().toImage()
    return bytes(image.constBits())


def _focus_changes_the_look(qtbot, w: QWidget, elsewhere: QWidget) -> bool:
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: elsewhere.hasFocus())
    plain = _looks(w)
    w.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: w.hasFocus())
    return _looks(w) != plain


def test_every_kind_of_control_shows_a_focus_ring_the_header_included(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    elsewhere = window.list_page.search
    header = [
        window.devices_button,
        window.import_button,
        window.totals_button,
        window.settings_button,
        window.help_button,
        window.lock_button,
        window.quick_exit_button,
    ]
    for button in header:
        assert _focus_changes_the_look(qtbot, button, elsewhere), button.text()
    page = window.list_page
    for w in (page.table, page.new_button):
        assert _focus_changes_the_look(qtbot, w, elsewhere), type(w).__name__
    window.new_interview()
    editor = window.editor
    editor.tabs.setCurrentIndex(0)
    boxes = [b for b in editor.findChildren(QCheckBox) if b.isVisible()]
    assert boxes
    assert _focus_changes_the_look(qtbot, boxes[0], editor.interviewer)
    assert _focus_changes_the_look(qtbot, editor.interviewer, boxes[0])


def test_tab_goes_through_the_header_from_left_to_right(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    header = [
        b
        for b in (
            window.devices_button,
            window.send_button,
            window.import_button,
            window.totals_button,
            window.settings_button,
            window.help_button,
            window.about_button,
            window.lock_button,
            window.quick_exit_button,
        )
        if b.isVisible()
    ]
    header[0].setFocus(Qt.FocusReason.TabFocusReason)
    seen = [QApplication.focusWidget()]
    for _ in range(len(header) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == header
    xs = [b.mapTo(window, b.rect().topLeft()).x() for b in seen]
    assert xs == sorted(xs)


def test_tab_in_the_review_follows_the_screen(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    add_interview(qtbot, window, consent=True)
    qtbot.mouseClick(window.editor.review_button, LEFT)
    dialog = window.statements.review_dialog
    review = dialog.review
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    review.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(review.view.hasFocus)
    order = []
    for _ in range(14):
        w = QApplication.focusWidget()
        if w not in order:
            order.append(w)
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    wanted = [review.view, review.list, review.reason, review.type_box, review.apply_button, review.preview]
    positions = [order.index(w) for w in wanted if w in order]
    assert len(positions) == len(wanted) and positions == sorted(positions)


@pytest.mark.parametrize("where", ["statement", "search", "review", "lock screen"])
def test_ctrl_shift_q_quits_whichever_widget_has_focus(qtbot, make_window, where):
    window = make_window()
    create_vault(qtbot, window)
    if where == "statement":
        window.new_interview()
        target = window.editor.statement
    elif where == "search":
        target = window.list_page.search
    elif where == "review":
        add_interview(qtbot, window, consent=True)
        qtbot.mouseClick(window.editor.review_button, LEFT)
        target = window.statements.review_dialog.review.view
    else:
        window.lock()
        target = window.unlock_page.passphrase
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    with qtbot.waitSignal(window.quick_exited, timeout=2000):
        qtbot.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.isVisible() and not window.is_unlocked


def test_the_form_pages_are_no_tab_stop_of_their_own(qtbot, make_window):
    """Seen with Tab through a new interview: after the last field of About, The report and Consent the
    focus stopped on the page's scroll area, which shows nothing and has no name, and opening the
    Consent tab put the focus there rather than on its first box."""
    from PySide6.QtWidgets import QScrollArea

    window = make_window()
    create_vault(qtbot, window)
    window.new_interview()
    editor = window.editor
    for index in (0, 1, 4):
        editor.tabs.setCurrentIndex(0)
        editor.interviewed_on.setFocus(Qt.FocusReason.TabFocusReason)  # in the form, as a worker filling it in
        editor.tabs.setCurrentIndex(index)
        page = editor.tabs.widget(index)
        assert isinstance(page, QScrollArea)
        qtbot.waitUntil(lambda p=page: p.isAncestorOf(QApplication.focusWidget()))
        for _ in range(40):  # through the page's fields and out of it
            w = QApplication.focusWidget()
            assert w is not page, editor.tabs.tabText(index)
            if not page.isAncestorOf(w):
                break
            qtbot.keyClick(w, Qt.Key.Key_Tab)
        else:
            raise AssertionError("Tab never left the page")


def test_the_first_screens_and_settings_have_no_silent_tab_stop(qtbot, make_window):
    """The set-up and lock screens' card and the Settings dialog scroll, and the scrolling area took the
    focus on Tab with no name: a stop where a screen reader says nothing. Every control in them is a
    stop of its own, and the area scrolls to show it."""
    from PySide6.QtWidgets import QScrollArea

    def silent(root: QWidget) -> list[str]:
        return [
            a.objectName() or type(a.parent()).__name__
            for a in root.findChildren(QScrollArea)
            if a.focusPolicy() != Qt.FocusPolicy.NoFocus and not a.accessibleName().strip()
        ]

    window = make_window()
    assert silent(window.create_page) == [] and silent(window.unlock_page) == []
    create_vault(qtbot, window)
    window.show_settings()
    qtbot.waitExposed(window.settings_dialog)
    assert silent(window.settings_dialog) == []
