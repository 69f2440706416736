"""Windows on a tall screen (1920x1080, and taller than their content needs): the extra height goes
below the content, never into gaps between a field and its explanation."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.ui.driving import create_vault


def loose(widget) -> list[str]:
    """Wrapped labels in ``widget`` more than a line taller than their text needs at their width: the
    text floats in the middle of an empty band."""
    out = []
    for label in widget.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            need = label.heightForWidth(label.width())
            if label.height() > need + label.fontMetrics().lineSpacing():
                out.append(f"{label.text()[:40]} ({label.height()} px for {need})")
    return out


def test_settings_taller_than_its_content_keeps_each_note_with_its_fields(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    window.show_settings()
    dialog = window.settings_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.resize(620, 1040)  # as tall as a 1080-pixel screen lets it be
    qtbot.wait(100)  # laid out
    assert loose(dialog) == []
