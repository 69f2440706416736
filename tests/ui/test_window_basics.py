"""Titles, accessible names, keyboard paths, and statements in any script."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
)

from tests.ui.driving import STATEMENT, add_interview, create_vault, fill_new_interview, unnamed_controls


def test_every_control_has_an_accessible_name(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    assert unnamed_controls(window) == []
    create_vault(qtbot, window)
    window.new_interview()
    assert unnamed_controls(window) == []


def test_every_window_is_titled_witnessbox_and_never_shows_content(qtbot, make_window, picker, tmp_path):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    fill_new_interview(qtbot, window.editor)
    assert window.editor.save()
    window.show_settings()
    window.editor.ask_delete()
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            shown = shown_title(w.windowTitle())
            assert shown == "Witnessbox" or shown.endswith(" — Witnessbox"), shown
            assert shown.count("Witnessbox") == 1, shown
            assert "Amira" not in w.windowTitle() and window.editor.title.text() not in w.windowTitle()
    assert window.windowTitle() == "Witnessbox"


def shown_title(title: str) -> str:
    """The title as the window manager shows it: Qt adds " — " and the application's display name
    unless the title already ends with it (QPlatformWindow::formatWindowTitle)."""
    name = QApplication.applicationDisplayName()
    return title if title.endswith(name) else f"{title} — {name}"


def test_a_title_says_what_the_window_is_for_then_witnessbox_once(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    add_interview(qtbot, window, consent=True)
    qtbot.mouseClick(window.editor.review_button, Qt.MouseButton.LeftButton)
    dialog = window.statements.review_dialog
    assert shown_title(dialog.windowTitle()) == "Review redactions — Witnessbox"
    window.show_settings()
    settings = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and "Settings" in w.windowTitle())
    assert shown_title(settings.windowTitle()) == "Settings — Witnessbox"


def test_the_form_is_reachable_with_the_keyboard(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.editor
    assert window.workspace.currentWidget() is editor
    # Tab moves through the first tab's fields in reading order.
    seen = []
    for _ in range(8):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    for w in (editor.interviewed_on, editor.interviewer, editor.role, editor.language):
        assert any(s is w or (s is not None and s.parent() is w) for s in seen), w.accessibleName()
    # Ctrl+F goes to the search box.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.list_page.search


def test_statement_takes_right_to_left_and_indic_scripts(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    editor = window.editor
    fill_new_interview(qtbot, editor)
    arabic = "أخذ صاحب البيت جوازات سفرنا"
    urdu = "پولیس نے ہماری بات نہیں سنی"
    hindi = "पुलिस ने हमारी बात नहीं सुनी"
    bengali = "পুলিশ আমাদের কথা শোনেনি"
    punjabi = "ਪੁਲਿਸ ਨੇ ਸਾਡੀ ਗੱਲ ਨਹੀਂ ਸੁਣੀ"
    text = "\n".join([arabic, urdu, hindi, bengali, punjabi, STATEMENT])
    editor.statement.setPlainText(text)
    doc = editor.statement.document()
    assert doc.findBlockByNumber(0).textDirection() == Qt.LayoutDirection.RightToLeft
    assert doc.findBlockByNumber(1).textDirection() == Qt.LayoutDirection.RightToLeft
    assert doc.findBlockByNumber(2).textDirection() == Qt.LayoutDirection.LeftToRight
    assert editor.word_count.text() == f"Words: {len(text.split())}"
    assert editor.save()
    assert window.vault.interviews.get(editor.current_id).statement == text
    # And it can be found by a word in another script.
    window.editor.close_editor()
    window.list_page.search.setText("جوازات")
    window.list_page.apply_filter()
    assert window.list_page.model.total == 1


def test_remove_can_be_pressed_only_with_a_person_or_identifier_chosen(qtbot, make_window):
    """Seen under Xvfb: on the People tab of a new interview both Remove buttons could be pressed with
    nothing chosen, and did nothing visible. Each is available only while a row of its list is chosen."""
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    editor = window.editor
    editor.tabs.setCurrentIndex(3)
    lists = (
        (editor.people_view, editor.remove_person_button, editor.person_name, editor.add_person_button),
        (editor.ids_view, editor.remove_id_button, editor.id_value, editor.add_id_button),
    )
    for view, remove, field, add in lists:
        assert not remove.isEnabled()
        qtbot.keyClicks(field, "Amira Hassan")
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        assert view.model().rowCount() == 1 and not remove.isEnabled()  # added, nothing chosen yet
        row = view.visualRect(view.model().index(0, 0)).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row)
        assert remove.isEnabled()
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
        assert view.model().rowCount() == 0 and not remove.isEnabled()
