"""Locking always wins: idle auto-lock mid-edit keeps the draft; quick exit hides everything at once."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from tests.ui.driving import (
    PASSPHRASE,
    STATEMENT,
    HeldThreadPool,
    create_vault,
    fill_new_interview,
    unlock,
    visible_texts,
)

SECRETS = ("landlord", "Amira", "Gary Doyle", "07700", "marmalade", "RK")


def shows_any_secret() -> list[str]:
    return [t for t in visible_texts() for s in SECRETS if s in t]


def holds_any_secret(window) -> list[str]:
    """Text still held by any widget of the window, shown or not (nothing may survive a lock)."""
    held = []
    for w in window.findChildren(QLineEdit) + window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit):
        text = w.text() if isinstance(w, QLineEdit) else w.toPlainText()
        held += [text for s in SECRETS if s in text]
    return held


def test_idle_locks_mid_edit_and_the_draft_comes_back(qtbot, make_window):
    window = make_window(idle_timeout_ms=400, today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    assert window.idle.timeout_ms == 400
    window.new_interview()
    editor = window.editor
    fill_new_interview(qtbot, editor)
    editor.tabs.setCurrentIndex(2)
    editor.statement.setFocus()
    qtbot.keyClick(editor.statement, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.statement, " Half a sente")  # still typing, nothing saved by hand
    window.show_settings()
    assert window.settings_dialog.isVisible()
    dialog = window.settings_dialog

    with qtbot.waitSignal(window.locked, timeout=5000):
        pass  # nobody touches anything

    assert not window.is_unlocked
    assert window.stack.currentWidget() is window.unlock_page
    assert not dialog.isVisible()
    assert window.list_page.model.rowCount() == 0 and window.editor.people_model.rowCount() == 0
    assert shows_any_secret() == [] and holds_any_secret(window) == []
    assert window.last_lock_seconds is not None  # the lock ran to its end (its time: tests/benchmarks/bench_lock.py)

    unlock(qtbot, window)
    assert window.workspace.currentWidget() is editor and editor.is_open
    assert editor.statement.toPlainText() == STATEMENT + " Half a sente"
    assert [p.name for p in editor.people_model.items()] == ["Amira Hassan", "Gary Doyle"]
    assert editor.force.currentData() == "west-midlands"
    assert editor.interviewer.text() == "RK"
    # Nothing was filed behind her back: it is still a draft until she saves.
    assert window.vault.interviews.count() == 0
    with qtbot.waitSignal(editor.saved):
        editor.save_button.click()
    assert window.vault.interviews.count() == 1


def test_idle_lock_restores_unsaved_edits_to_a_saved_interview(qtbot, make_window):
    window = make_window(idle_timeout_ms=300, today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    fill_new_interview(qtbot, window.editor)
    assert window.editor.save()
    interview_id = window.editor.current_id
    window.editor.statement.setPlainText("Changed but not saved")
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    unlock(qtbot, window)
    assert window.editor.current_id == interview_id
    assert window.editor.statement.toPlainText() == "Changed but not saved"
    assert window.vault.interviews.get(interview_id).statement == STATEMENT


@pytest.mark.parametrize("how", ["button", "ctrl-shift-q", "esc-twice"])
def test_quick_exit_hides_all_interview_text_before_the_key_press_returns(qtbot, make_window, how):
    """Nothing is left to a timer: the window is hidden and the text gone while the press itself is
    handled, so no event loop turn (a slow machine, a busy disk) can leave it on screen. How long
    that takes is measured in tests/benchmarks/bench_lock.py, not here."""
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    fill_new_interview(qtbot, window.editor)
    assert window.editor.save()
    window.editor.tabs.setCurrentIndex(2)
    assert shows_any_secret() != []  # the check can see interview text when it is there
    # A dialog is open and has the keyboard: the keys must work from there too.
    window.show_settings()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is window.settings_dialog)
    exits: list[bool] = []
    window.quick_exited.connect(lambda: exits.append(window.isVisible()))
    if how == "button":
        qtbot.mouseClick(window.quick_exit_button, Qt.MouseButton.LeftButton)
    elif how == "ctrl-shift-q":
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Q,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    else:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # closes the dialog
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Escape, delay=60)

    assert exits == [False]  # done once, inside the press, and hidden by the time it was announced
    assert not window.isVisible()
    assert shows_any_secret() == [] and holds_any_secret(window) == []
    assert not window.is_unlocked and window.list_page.model.rowCount() == 0


def test_one_escape_does_not_exit(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    qtbot.keyClick(window.list_page.search, Qt.Key.Key_Escape)
    assert window.isVisible() and window.is_unlocked
    # Two presses far apart are two single presses.
    qtbot.keyClick(window.list_page.search, Qt.Key.Key_Escape, delay=900)
    assert window.isVisible() and window.is_unlocked


def test_lock_screen_names_and_counts_nothing(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    fill_new_interview(qtbot, window.editor)
    assert window.editor.save()
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    texts = " ".join(visible_texts())
    assert window.editor.title.text() == ""
    assert "WB-" not in texts and "Interviews:" not in texts and "1" not in texts
    assert window.windowTitle() == "Witnessbox"
    assert not window.lock_button.isVisible() and window.quick_exit_button.isVisible()


def test_clipboard_is_cleared_on_lock_only_if_still_ours(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    clipboard = QGuiApplication.clipboard()
    window.clipboard.copy("07700 900123")
    assert clipboard.text() == "07700 900123"
    assert clipboard.mimeData().hasFormat("x-kde-passwordManagerHint")
    window.lock()
    assert clipboard.text() == ""

    unlock(qtbot, window)
    window.clipboard.copy("07700 900123")
    clipboard.setText("something she copied elsewhere")
    window.lock()
    assert clipboard.text() == "something she copied elsewhere"


def test_clipboard_clears_itself_after_its_time(qtbot, qapp):
    from desktop.ui.session import ClipboardGuard

    guard = ClipboardGuard(qapp.clipboard(), clear_after_ms=50)
    try:
        guard.copy("Amira Hassan")
        with qtbot.waitSignal(guard.cleared, timeout=2000):
            pass
        assert qapp.clipboard().text() == ""
    finally:
        guard.deleteLater()


def test_text_copied_with_ctrl_c_is_adopted_and_cleared(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    window.editor.statement.setPlainText("Amira said the officer laughed")
    window.editor.statement.selectAll()
    window.editor.statement.copy()
    qtbot.waitUntil(lambda: window.clipboard.holds_ours)
    window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_quick_exit_while_the_key_is_being_derived_keeps_the_vault_shut(qtbot, make_window):

    pool = HeldThreadPool()
    window = make_window(pool=pool)
    page = window.create_page
    page.passphrase.setText(PASSPHRASE)
    page.confirm.setText(PASSPHRASE)
    page.submit()
    assert page.busy.isVisible() and pool.held  # the key is being derived
    window.lock()
    pool.release()
    assert not window.is_unlocked and window.stack.currentWidget() is window.unlock_page

    # The same on the lock screen.
    window.show()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.submit()
    assert pool.held
    window.quick_exit()
    pool.release()
    assert not window.is_unlocked and not window.isVisible()


def test_the_desktop_locking_the_session_locks_witnessbox(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    assert window.system_lock is not None
    with qtbot.waitSignal(window.locked, timeout=1000):
        window.system_lock.screensaver_changed(True)
    assert not window.is_unlocked
    unlock(qtbot, window)
    window.system_lock.screensaver_changed(False)  # the screen saver ending unlocks nothing, locks nothing
    assert window.is_unlocked
    with qtbot.waitSignal(window.locked, timeout=1000):
        window.system_lock.preparing_for_sleep(True)


def test_typing_is_saved_as_a_draft_within_about_a_second(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    editor = window.editor
    editor.tabs.setCurrentIndex(2)
    editor.statement.setFocus()
    qtbot.keyClicks(editor.statement, "He kept the keys")
    # The save waits for typing to pause, then runs on its own: no button, no lock needed.
    assert editor._draft_timer.isSingleShot() and editor._draft_timer.interval() <= 1000

    def drafted():
        draft = window.vault.drafts.load("interview:new")
        return draft is not None and draft["state"]["statement"] == "He kept the keys"

    qtbot.waitUntil(drafted, timeout=10_000)  # generous: a busy machine is slow, not wrong
    assert "Draft kept safe" in editor.draft_state.text()


def test_a_restored_draft_can_be_discarded(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    fill_new_interview(qtbot, window.editor)
    assert window.editor.save()
    interview_id = window.editor.current_id
    window.editor.statement.setPlainText("A change she thought better of")
    window.editor.close_editor()
    window.open_interview(interview_id)
    editor = window.editor
    assert editor.statement.toPlainText() == "A change she thought better of"
    assert editor.discard_button.isVisible()
    qtbot.mouseClick(editor.discard_button, Qt.MouseButton.LeftButton)
    assert editor.statement.toPlainText() == STATEMENT
    assert window.vault.drafts.load(f"interview:{interview_id}") is None
    assert not editor.discard_button.isVisible()


def test_nothing_typed_before_a_lock_comes_back_with_undo(qtbot, make_window):
    """QLineEdit.clear() can be undone: at the lock screen, "Show passphrase" and Ctrl+Z would give
    back the passphrase typed to unlock, and after unlock Ctrl+Z would give back a name or a search
    from before the lock. Every field the lock empties starts a fresh undo history."""

    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    qtbot.keyClicks(window.list_page.search, "Amira")
    window.new_interview()
    fill_new_interview(qtbot, window.editor)
    qtbot.keyClicks(window.editor.person_name, "Gary Doyle")  # typed, not added yet
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    unlock(qtbot, window)
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)

    undone = []
    for field in window.findChildren(QLineEdit):
        field.undo()
        undone.append(field.text())
    page = window.unlock_page
    page.passphrase.show_action.setChecked(True)
    page.passphrase.setFocus()
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.passphrase.text() == ""
    assert [t for t in undone for s in (*SECRETS, PASSPHRASE) if s in t] == []


def test_the_lock_screen_says_it_locked_because_nobody_used_it_and_only_then(qtbot, make_window):
    from desktop.ui.settings_dialog import AUTO_LOCK_KEY

    window = make_window()
    create_vault(qtbot, window)
    window.vault.settings.set(AUTO_LOCK_KEY, 7)
    window.lock()
    message = window.unlock_page.message
    assert not message.isVisible()  # a lock by hand says nothing
    unlock(qtbot, window)
    assert window.idle.timeout_ms == 7 * 60_000
    with qtbot.waitSignal(window.locked):
        window.idle.idle.emit()  # the watcher's seven minutes are up
    assert message.isVisible()
    assert message.text() == ("Witnessbox locked itself because nobody used it for 7 minutes. "
                              "Your draft is kept.")
    unlock(qtbot, window)  # gone once she is back, and not there after a quick exit
    assert not message.isVisible()
    window.quick_exit()
    window.show()
    assert window.stack.currentWidget() is window.unlock_page and not message.isVisible()


def test_a_real_idle_lock_is_explained_and_a_wrong_passphrase_then_reads_as_an_error(qtbot, make_window):
    window = make_window(idle_timeout_ms=300)
    create_vault(qtbot, window)
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass  # nobody touches anything
    message = window.unlock_page.message
    assert message.isVisible() and "nobody used it for 1 minute." in message.text()
    assert message.property("role") == "hint"
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, "not the passphrase at all")
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not right" in message.text())
    assert message.property("role") == "error"
