"""Sealing only ever through "Record signed"; Ctrl+L locks from every dialog; what does not lock."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from desktop.core.model import Status
from desktop.ui.settings_dialog import SettingsDialog
from tests.ui.driving import create_vault, fill_new_interview

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, make_window):
    w = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, w)
    return w


def _saved_interview(qtbot, window) -> str:
    window.new_interview()
    fill_new_interview(qtbot, window.editor)
    assert window.editor.save()
    return window.editor.current_id


def test_sealed_cannot_be_chosen_in_the_status_box_only_through_record_signed(qtbot, window):
    interview_id = _saved_interview(qtbot, window)
    editor, vault = window.editor, window.vault
    editor.tabs.setCurrentIndex(0)
    editor.status.setFocus()
    for _ in range(4):  # down past Draft and Complete, as far as the keys go
        qtbot.keyClick(editor.status, Qt.Key.Key_Down)
    qtbot.keyClick(editor.status, Qt.Key.Key_End)
    assert editor.status.currentData() == Status.COMPLETE.value
    assert editor.save()
    assert vault.interviews.get(interview_id).status == Status.COMPLETE

    # A form state that says Sealed (a draft kept by an earlier version) does not seal either.
    editor.status.setCurrentIndex(editor.status.findData(Status.SEALED.value))
    assert editor.form_state()["status"] == Status.COMPLETE.value
    assert editor.save()
    assert vault.interviews.get(interview_id).status == Status.COMPLETE

    # "Record signed" asks; cancelling changes nothing, agreeing seals.
    qtbot.mouseClick(editor.signed_button, LEFT)
    box = window.statements.message_box
    box.reject()
    assert vault.interviews.get(interview_id).status == Status.COMPLETE
    qtbot.mouseClick(editor.signed_button, LEFT)
    box = window.statements.message_box
    record = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(window.statements.sealed):
        qtbot.mouseClick(record, LEFT)
    assert vault.interviews.get(interview_id).status == Status.SEALED
    assert editor.status.currentData() == Status.SEALED.value and not editor.status.isEnabled()
    assert editor.form_state()["status"] == Status.SEALED.value  # and a sealed record stays sealed
    editor.status.setCurrentIndex(editor.status.findData(Status.DRAFT.value))  # a draft from before sealing
    assert editor.form_state()["status"] == Status.SEALED.value


def _open_settings(qtbot, window):
    window.show_settings()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    return dialog, dialog.minutes


def _open_delete_box(qtbot, window):
    _saved_interview(qtbot, window)
    window.editor.ask_delete()
    box = window.editor.confirm_box
    qtbot.waitExposed(box)
    return box, box.defaultButton()


def _open_file_dialog(qtbot, window):
    dialog = QFileDialog(window, "Witnessbox")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog, dialog.focusWidget() or dialog


@pytest.mark.parametrize("opener", [_open_settings, _open_delete_box, _open_file_dialog],
                         ids=["settings", "delete-confirmation", "file-dialog"])
def test_ctrl_l_locks_from_any_dialog_and_the_lock_closes_it(qtbot, window, opener):
    dialog, target = opener(qtbot, window)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(window.locked, timeout=3000):
        qtbot.keyClick(target, Qt.Key.Key_L, CTRL)
    assert not window.is_unlocked
    assert not dialog.isVisible()
    assert window.settings_dialog is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_ctrl_l_in_the_main_window_locks_once(qtbot, window):
    locks = []
    window.locked.connect(lambda: locks.append(1))
    window.list_page.search.setFocus()
    qtbot.keyClick(window.list_page.search, Qt.Key.Key_L, CTRL)
    assert not window.is_unlocked and locks == [1]


@pytest.mark.parametrize("state", [Qt.ApplicationState.ApplicationInactive, Qt.ApplicationState.ApplicationSuspended])
def test_the_app_going_inactive_does_not_lock_so_a_file_chooser_is_safe_to_use(qtbot, window, state):
    """Witnessbox does not lock on applicationStateChanged: a native file chooser (adding an attachment,
    choosing where to save) makes the app inactive on Windows and macOS, and locking then would throw
    away the choice and the open form. Stepping away is covered by the idle timer, the system lock
    signals and the quick-exit keys."""
    dialog, _ = _open_file_dialog(qtbot, window)
    QApplication.instance().applicationStateChanged.emit(state)
    assert window.is_unlocked and dialog.isVisible()
    dialog.reject()


def test_settings_opened_again_and_again_leaves_one_dialog(qtbot, window):
    for _ in range(3):
        window.show_settings()
        window.settings_dialog.reject()
    window.show_settings()
    window.show_settings()  # asked for while open: the first one goes
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert len(window.findChildren(SettingsDialog)) == 1 and window.settings_dialog.isVisible()
    window.settings_dialog.minutes.setValue(7)
    window.settings_dialog.accept()
    assert window.settings_dialog is None and window.vault.settings.get("auto_lock_minutes") == 7
    assert window.idle.timeout_ms == 7 * 60_000
