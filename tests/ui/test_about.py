"""Help → About: the version, the licence, the fonts' licence text as shipped, and the one line
that says Witnessbox never uses the network; on the lock screen as in an open vault, closed by a lock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop import __version__
from desktop.resources import resource_path
from desktop.ui.about_dialog import AboutDialog
from tests.ui.driving import create_vault


def _open_about(qtbot, window) -> AboutDialog:
    assert window.about_button.isVisible()
    qtbot.mouseClick(window.about_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())
    qtbot.waitExposed(dialog)
    return dialog


def test_about_shows_version_licences_and_the_offline_promise(qtbot, make_window):
    window = make_window()
    dialog = _open_about(qtbot, window)  # on the set-up screen: no vault needed
    assert dialog.title.text() == f"Witnessbox {__version__}"
    texts = [label.text() for label in dialog.lines]
    assert any("never uses the network" in t for t in texts)
    assert any("GPL-3.0-or-later" in t for t in texts)
    shown = [e.toPlainText() for e in dialog.findChildren(QPlainTextEdit)]
    ofl = resource_path("fonts/OFL.txt").read_text(encoding="utf-8")
    assert ofl in shown and "SIL OPEN FONT LICENSE" in ofl.upper()
    assert resource_path("wordlists/SOURCES.md").read_text(encoding="utf-8") in shown
    tabs = [dialog.notices.tabText(i) for i in range(dialog.notices.count())]
    assert tabs == ["Fonts", "Word lists"]
    dialog.reject()


def test_locking_closes_the_about_box(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    _open_about(qtbot, window)
    window.lock()
    qtbot.waitUntil(lambda: not any(isinstance(w, AboutDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()))
