"""Changing the passphrase from Settings: the passphrase rule of the services, the key derivation
off the window's thread, and the vault opening with the new passphrase only."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from desktop.vault import Vault, WrongPassphrase
from tests.ui.driving import PASSPHRASE, HeldThreadPool

NEW = "lantern orchard pebble violin"
LEFT = Qt.MouseButton.LeftButton


def _open(qtbot, make_window, pool):
    window = make_window(pool=pool)
    page = window.create_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.confirm, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.mouseClick(page.create_button, LEFT)
        pool.release()
    pool.release()
    return window


def _fill(qtbot, dialog, old, new, again=None):
    for field, text in ((dialog.old_passphrase, old), (dialog.new_passphrase, new),
                        (dialog.confirm_passphrase, new if again is None else again)):
        field.setText("")
        qtbot.keyClicks(field, text)


def test_the_passphrase_is_changed_from_settings_off_the_window_thread(qtbot, make_window):
    pool = HeldThreadPool()
    window = _open(qtbot, make_window, pool)
    directory = window.vault.directory
    window.show_settings()
    dialog = window.settings_dialog
    assert dialog.change_button.isVisible() and not dialog.change_button.isEnabled()

    # the rule is the services' own: too short is refused, in its words, and nothing changes
    _fill(qtbot, dialog, PASSPHRASE, "short")
    qtbot.mouseClick(dialog.change_button, LEFT)
    pool.release()
    assert "too short" in dialog.passphrase_status.text() and "Nothing was changed" in dialog.passphrase_status.text()

    # a wrong current passphrase is said as such
    _fill(qtbot, dialog, "not the passphrase at all", NEW)
    qtbot.mouseClick(dialog.change_button, LEFT)
    pool.release()
    assert "current passphrase is not right" in dialog.passphrase_status.text()

    # the repeat must match before anything runs
    _fill(qtbot, dialog, PASSPHRASE, NEW, again=NEW + "x")
    qtbot.mouseClick(dialog.change_button, LEFT)
    assert not pool.held and "not the same" in dialog.passphrase_status.text()

    _fill(qtbot, dialog, PASSPHRASE, NEW)
    qtbot.mouseClick(dialog.change_button, LEFT)
    assert len(pool.held) == 1  # the key derivation waits for the pool: the window's thread is free
    assert not dialog.change_button.isEnabled() and not dialog.new_passphrase.isEnabled()
    assert "Changing" in dialog.passphrase_status.text()
    pool.release()
    assert "The passphrase is changed" in dialog.passphrase_status.text()
    assert dialog.old_passphrase.text() == dialog.new_passphrase.text() == dialog.confirm_passphrase.text() == ""

    window.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(directory, PASSPHRASE)
    Vault.unlock(directory, NEW).lock()
