"""The check of every page after unlock (unlocking proves only the key and the header): damage found
in the background locks the vault and says so on the lock screen; "Check the vault" in Settings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.vault import Vault
from tests.factories import named_interview
from tests.ui.driving import PASSPHRASE, create_vault
from tests.vault_forensics import PAGE


def _vault_with_a_damaged_last_page(qtbot, window):
    create_vault(qtbot, window)
    vault = window.vault
    vault.interviews.add_many([named_interview(f"statement {i} " + "words " * 300) for i in range(20)])
    vault.backup_now()
    directory = vault.directory
    window.lock()
    db_file = directory / "vault.db"
    raw = bytearray(db_file.read_bytes())
    raw[len(raw) - PAGE + 200] ^= 0x01
    db_file.write_bytes(bytes(raw))
    return directory, raw


def test_damage_found_after_unlock_locks_the_vault_and_says_so(qtbot, make_window):
    window = make_window()
    directory, damaged = _vault_with_a_damaged_last_page(qtbot, window)
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.isVisible())
    assert not window.is_unlocked and window.stack.currentWidget() is page
    text = page.message.text()
    assert "damage" in text and "Nothing more is saved" in text and "restore-backup" in text
    assert "“Restore a backup…” on the lock screen" in text  # the way back in the window, not only a command
    assert any(s.restore_button.text() == "Restore a backup…" and s.restore_button.isVisible()
               for s in window.vault_switchers if s.parent() is page.card)
    assert "passphrase" not in text.lower() and page.failures == 0
    tail = (directory / "vault.db").read_bytes()[-PAGE:]
    assert tail == bytes(damaged[-PAGE:]), "nothing was written over the damaged page"


def test_check_the_vault_in_settings_says_what_it_found(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    window.vault.interviews.add(named_interview("a statement"))
    window.show_settings()
    group = window.settings_dialog.check_group
    assert group is not None and group.title() == "Check the vault"
    qtbot.mouseClick(group.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "No damage found" in group.status.text())
    assert group.button.isEnabled()
    assert Vault.backups(window.vault.directory) == [], "a check makes no backup and changes nothing"
