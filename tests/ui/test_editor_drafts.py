"""A kept draft the editor cannot read is said so, left alone until she decides, and can be discarded."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.ui.driving import create_vault


def test_a_draft_that_cannot_be_read_is_said_and_can_be_discarded(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.vault.drafts.save("interview:new", {"state": {"role": "sorcerer"}})
    window.new_interview()
    editor = window.editor
    assert "cannot be read" in editor.notice.text() and editor.discard_button.isVisible()
    assert window.vault.drafts.load("interview:new") is not None  # nothing thrown away behind her back
    assert editor.statement.toPlainText() == "" and editor.force.currentData() == ""
    qtbot.mouseClick(editor.discard_button, Qt.MouseButton.LeftButton)
    assert window.vault.drafts.load("interview:new") is None
    assert not editor.discard_button.isVisible()
