"""The rules behind the first screens and the auto-lock setting."""

from __future__ import annotations

import pytest

from desktop.ui.unlock import lockout_seconds, passphrase_strength
from tests.ui.driving import create_vault


@pytest.mark.parametrize("tries,wait", [(0, 0), (4, 0), (5, 5), (6, 10), (7, 20), (12, 300), (40, 300)])
def test_the_wait_grows_after_five_wrong_tries(tries, wait):
    assert lockout_seconds(tries) == wait


@pytest.mark.parametrize("text,low,high", [
    ("short", 0, 0),
    ("aaaaaaaaaaaa", 1, 1),
    ("password12", 1, 2),
    ("maple river lantern orbit", 3, 4),
    ("Tr0ub4dour&3xyz!", 3, 4),
    ("قمر نهر فانوس مدار", 3, 4),
])
def test_strength_meter(text, low, high):
    assert low <= passphrase_strength(text) <= high


def test_auto_lock_time_is_kept_in_the_vault_and_applied(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    assert window.idle.timeout_ms == 5 * 60_000  # the default
    window.show_settings()
    dialog = window.settings_dialog
    assert dialog.windowTitle() == "Settings — Witnessbox"
    dialog.minutes.setValue(2)
    dialog.accept()
    assert window.vault.settings.get("auto_lock_minutes") == 2
    assert window.idle.timeout_ms == 2 * 60_000
    window.lock()
    from tests.ui.driving import unlock

    unlock(qtbot, window)
    assert window.idle.timeout_ms == 2 * 60_000 and window.idle.active
