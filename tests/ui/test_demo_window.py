""""Try it with demo data" on the first-run screen: a vault of invented interviews in a folder of its
own, marked DEMO in the title and a banner while it is open; the usual vault is never touched."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services.demo import DEMO_COUNT, demo_folder
from desktop.vault import Vault
from tests.ui.driving import create_vault


def _try_demo(qtbot, window) -> None:
    assert window.stack.currentWidget() is window.create_page
    assert window.demo_entry is not None and window.demo_entry.button.isVisible()
    qtbot.mouseClick(window.demo_entry.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=60_000)


def test_try_it_with_demo_data_opens_a_separate_vault_marked_demo(qtbot, make_window, app_paths):
    window = make_window()
    assert "DEMO" not in window.windowTitle() and not window.demo_banner.isVisible()
    qtbot.keyClicks(window.create_page.passphrase, "half typed own passphrase")
    _try_demo(qtbot, window)
    assert window.create_page.passphrase.text() == ""  # what was typed for the own vault does not stay
    assert window.windowTitle().startswith("Witnessbox") and "DEMO" in window.windowTitle()
    assert window.demo_banner.isVisible() and "invented" in window.demo_banner.text()
    qtbot.waitUntil(lambda: window.list_page.model.rowCount() == DEMO_COUNT)
    refs = {window.list_page.model.index(r, c).data() for r in range(DEMO_COUNT)
            for c in range(window.list_page.model.columnCount())}
    assert sum(1 for x in refs if isinstance(x, str) and x.startswith("WB-DEMO-")) == DEMO_COUNT
    assert Vault.exists(demo_folder(app_paths.data_dir))
    assert not Vault.exists(app_paths.default_vault_dir)  # the usual vault is not made, nor mixed with it

    # Locked, the window goes back to the first-run screen, with no DEMO mark; trying again reopens
    # the same demo vault rather than making a second one.
    window.lock()
    assert window.stack.currentWidget() is window.create_page
    assert "DEMO" not in window.windowTitle() and not window.demo_banner.isVisible()
    _try_demo(qtbot, window)
    qtbot.waitUntil(lambda: window.list_page.model.rowCount() == DEMO_COUNT)
    assert window.demo_banner.isVisible()


def test_a_real_vault_shows_no_demo_mark(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    assert window.is_unlocked
    assert window.windowTitle() == "Witnessbox" and not window.demo_banner.isVisible()
