"""A replacement laptop: the set-up screen restores a backup copy from a stick into the usual vault
folder, refusing a folder with no backup in words, and the restored vault opens with its interview."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import backups
from tests.factories import PASSPHRASE, new_vault, sample_interview

LEFT = Qt.MouseButton.LeftButton


def test_the_set_up_screen_restores_a_copy_into_the_usual_vault_folder(qtbot, make_window, tmp_path):
    old = new_vault(tmp_path / "old laptop" / "vault")
    iv = sample_interview(reference="WB-RSTR-0001", id="f" * 32)
    old.interviews.add(iv)
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = backups.backup_to_folder(old, stick).folder
    old.lock()
    empty = tmp_path / "empty"
    empty.mkdir()
    answers = [empty, stick]
    window = make_window(choose_vault_folder=lambda _p: answers.pop(0) if answers else None)
    assert window.stack.currentWidget() is window.create_page
    switcher = window.vault_switchers[1]  # the set-up screen's
    qtbot.mouseClick(switcher.restore_button, LEFT)
    dialog = switcher.restore_dialog
    assert dialog.target_edit.text() == "The usual vault folder on this computer"
    qtbot.mouseClick(dialog.copy_button, LEFT)  # a folder with no backup in it
    assert "no Witnessbox backup" in dialog.status.text() and dialog.copy is None
    qtbot.mouseClick(dialog.copy_button, LEFT)
    assert dialog.copy == copy and dialog.copy_edit.text() == copy.name
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.restored, timeout=30_000):
        qtbot.mouseClick(dialog.restore_button, LEFT)
    assert dialog.passphrase.text() == ""
    assert window.stack.currentWidget() is window.unlock_page
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.mouseClick(page.unlock_button, LEFT)
    assert window.vault.interviews.get(iv.id).statement == iv.statement


def test_a_workers_copy_restored_says_its_next_bundle_hands_over_to_new_keys(qtbot, make_window, tmp_path):
    from desktop.services import transfer

    old = new_vault(tmp_path / "old laptop" / "vault")
    transfer.set_role(old, "field")  # a worker's laptop with its device keys
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = backups.backup_to_folder(old, stick).folder
    old.lock()
    answers = [copy]
    window = make_window(choose_vault_folder=lambda _p: answers.pop(0) if answers else None)
    switcher = window.vault_switchers[1]
    qtbot.mouseClick(switcher.restore_button, LEFT)
    dialog = switcher.restore_dialog
    assert "worker's laptop" in dialog.intro.text() and "new keys" in dialog.intro.text()
    qtbot.mouseClick(dialog.copy_button, LEFT)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.restored, timeout=30_000) as signal:
        qtbot.mouseClick(dialog.restore_button, LEFT)
    assert signal.args[1] is True
    assert window.stack.currentWidget() is window.unlock_page
    shown = [s.message.text() for s in window.vault_switchers if s.message.isVisible()]
    assert any(backups.HANDS_OVER in text and "Unlock it with the backup's passphrase" in text for text in shown)
