"""Backups a worker can see: Settings says when the last copy to a stick was made and makes one,
a synced folder is refused in words, and a week without one brings a reminder after unlock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from desktop.services import backups
from desktop.vault import Vault
from tests.factories import sample_interview
from tests.ui.driving import PASSPHRASE, create_vault, unlock

LEFT = Qt.MouseButton.LeftButton


class Chooser:
    def __init__(self, folder) -> None:
        self.folder = folder

    def __call__(self, _parent):
        return self.folder


def test_back_up_now_writes_a_verified_copy_to_the_stick_and_settings_says_when(qtbot, make_window, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    chooser = Chooser(stick)
    window = make_window(choose_stick_folder=chooser)
    create_vault(qtbot, window)
    window.vault.interviews.add(sample_interview(reference="WB-BKUI-0001", id="d" * 32))
    window.show_settings()
    box = window.settings_dialog.backup_box
    assert box.isVisible() and box.last.text() == "No backup to a stick yet."

    # a synced folder is refused in words and nothing is written
    synced = tmp_path / "OneDrive"
    synced.mkdir()
    chooser.folder = synced
    qtbot.mouseClick(box.backup_button, LEFT)
    assert "cloud service" in box.status.text() and list(synced.iterdir()) == []
    assert box.last.text() == "No backup to a stick yet." and box.backup_button.isEnabled()

    chooser.folder = stick
    with qtbot.waitSignal(box.made, timeout=30_000):
        qtbot.mouseClick(box.backup_button, LEFT)
    (copy,) = stick.iterdir()
    assert "reads back correctly" in box.status.text() and copy.name in box.status.text()
    assert box.last.text().startswith("Last verified backup to a stick: ")
    assert str(tmp_path) not in box.status.text() + box.last.text()  # the folder's name only, no path
    assert Vault.exists(copy)
    window.lock()
    restored = tmp_path / "restored"
    backups.restore_copy(copy, restored, PASSPHRASE)
    v = Vault.unlock(restored, PASSPHRASE)
    try:
        assert v.interviews.exists("d" * 32)
    finally:
        v.lock()


def test_a_week_without_a_backup_brings_a_reminder_that_opens_settings(qtbot, make_window, tmp_path):
    window = make_window()
    create_vault(qtbot, window)
    assert window.backup_reminder.isHidden()  # nothing in the vault yet: nothing to lose
    vault = window.vault
    vault.interviews.add(sample_interview(reference="WB-BKUI-0002", id="e" * 32))
    vault.settings.set(backups.LAST_BACKUP_KEY, (datetime.now(UTC) - timedelta(days=8)).isoformat())
    window.lock()
    assert window.backup_reminder.isHidden()  # the lock screen says nothing about the vault
    unlock(qtbot, window)
    assert window.backup_reminder.isVisible()
    qtbot.mouseClick(window.backup_reminder.button, LEFT)
    assert window.settings_dialog is not None and window.settings_dialog.backup_box.isVisible()
    window.settings_dialog.reject()

    window.vault.settings.set(backups.LAST_BACKUP_KEY, (datetime.now(UTC) - timedelta(days=2)).isoformat())
    window.lock()
    unlock(qtbot, window)
    assert window.backup_reminder.isHidden()


def test_after_a_deletion_the_app_says_the_stick_still_holds_it_and_a_new_backup_replaces_that_copy(
        qtbot, make_window, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    window = make_window(choose_stick_folder=Chooser(stick))
    create_vault(qtbot, window)
    vault = window.vault
    vault.interviews.add(sample_interview(reference="WB-BKUI-0003", id="a" * 32))
    gone = vault.interviews.add(sample_interview(reference="WB-BKUI-0004", id="f" * 32))
    first = backups.backup_to_folder(vault, stick)
    window.show_settings()
    box = window.settings_dialog.backup_box
    assert box.deleted.isHidden() and box.replace.isChecked()
    window.settings_dialog.reject()
    assert window.backup_reminder.isHidden()

    # Delete it as a worker does, from the form: the question says the stick keeps it, and afterwards
    # the reminder says the copy on the stick still holds it.
    window.open_interview(gone)
    window.editor.ask_delete()
    box = window.editor.confirm_box
    assert "A backup copy on a stick made before now still holds it" in box.informativeText()
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    qtbot.mouseClick(delete, LEFT)
    qtbot.waitUntil(lambda: not window.vault.interviews.exists(gone))
    assert window.backup_reminder.isVisible()
    assert "deleted" in window.backup_reminder.text.text() and "still holds them" in window.backup_reminder.text.text()
    qtbot.mouseClick(window.backup_reminder.button, LEFT)
    box = window.settings_dialog.backup_box
    assert box.deleted.isVisible() and "still holds them" in box.deleted.text()
    # Settings opens at its Backups group, even when the screen is too short to show every group.
    qtbot.waitUntil(lambda: not box.backup_button.visibleRegion().isEmpty())
    assert not box.deleted.visibleRegion().isEmpty()
    assert window.settings_dialog.focusWidget() is box.backup_button

    with qtbot.waitSignal(box.made, timeout=30_000):
        qtbot.mouseClick(box.backup_button, LEFT)
    (copy,) = stick.iterdir()  # the new copy only: the older one, which held the interview, is gone
    assert copy != first.folder and not first.folder.exists()
    assert "The older copy of this vault there was deleted." in box.status.text()
    assert box.deleted.isHidden() and window.backup_reminder.isHidden()
    window.settings_dialog.reject()
    window.lock()
    restored = tmp_path / "restored"
    backups.restore_copy(copy, restored, PASSPHRASE)
    v = Vault.unlock(restored, PASSPHRASE)
    try:
        assert v.interviews.exists("a" * 32) and not v.interviews.exists(gone)
    finally:
        v.lock()


def test_untick_replace_and_the_older_copy_stays(qtbot, make_window, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    window = make_window(choose_stick_folder=Chooser(stick))
    create_vault(qtbot, window)
    window.vault.interviews.add(sample_interview(reference="WB-BKUI-0005", id="b" * 32))
    window.open_interview("b" * 32)
    window.editor.ask_delete()
    assert window.editor.confirm_box.informativeText() == ""  # no copy on a stick yet: nothing to say
    window.editor.confirm_box.reject()
    first = backups.backup_to_folder(window.vault, stick)
    window.show_settings()
    box = window.settings_dialog.backup_box
    box.replace.setChecked(False)
    with qtbot.waitSignal(box.made, timeout=30_000):
        qtbot.mouseClick(box.backup_button, LEFT)
    assert first.folder.is_dir() and len(list(stick.iterdir())) == 2
    assert "deleted" not in box.status.text()
    window.settings_dialog.reject()
