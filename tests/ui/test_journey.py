"""One worker's whole journey through the real window: type an interview, review it, export the
statement, lock, unlock, back up to a stick, then, as on a replacement laptop, restore that backup
from the lock screen into a new vault folder and find the interview there."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.vault import Vault
from tests.pdf_tools import pdftotext
from tests.ui.driving import (
    LEFT,
    PASSPHRASE,
    REVIEW_HIDDEN,
    REVIEW_NAME,
    REVIEW_STATEMENT,
    add_interview,
    create_vault,
    select_text,
)


class Folders:
    """Stands in for the folder chooser: hands out the folders a test queued, one per question."""

    def __init__(self) -> None:
        self.queue: list = []

    def __call__(self, _parent):
        return self.queue.pop(0) if self.queue else None


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext reads the PDF back")
def test_type_review_export_lock_unlock_back_up_and_restore_into_a_new_vault(qtbot, make_window, tmp_path):
    documents, stick, new_vault = tmp_path / "Documents", tmp_path / "stick", tmp_path / "new laptop" / "vault"
    documents.mkdir()
    stick.mkdir()
    folders = Folders()
    window = make_window(today=lambda: date(2026, 11, 26), choose_folder=lambda _p: documents,
                         choose_stick_folder=lambda _p: stick, choose_vault_folder=folders)
    create_vault(qtbot, window)

    # --- type an interview and save it -----------------------------------------------------
    interview_id = add_interview(qtbot, window, consent=True)
    reference = window.vault.interviews.get(interview_id).reference

    # --- review: redact a phrase nothing detects, preview ----------------------------------
    qtbot.mouseClick(window.editor.review_button, LEFT)
    dialog = window.statements.review_dialog
    review = dialog.review
    select_text(review, REVIEW_HIDDEN)
    qtbot.mouseClick(review.add_button, LEFT)
    with qtbot.waitSignal(review.applied):
        qtbot.mouseClick(review.apply_button, LEFT)
    assert REVIEW_HIDDEN not in review.preview.toPlainText()

    # --- export from the review ----------------------------------------------------------
    qtbot.mouseClick(dialog.export_button, LEFT)
    export = window.statements.export_dialog
    qtbot.mouseClick(export.choose_button, LEFT)
    with qtbot.waitSignal(export.export_finished, timeout=60_000):
        qtbot.mouseClick(export.export_button, LEFT)
    pdf = documents / f"{reference}.pdf"
    text = pdftotext(pdf.read_bytes())
    assert "Kowalczyk" not in text and "blue van" not in text and "West Midlands Police" in " ".join(text.split())
    assert export.open_button.isVisible() and "fingerprint" in export.status.text()
    export.reject()

    # --- lock and unlock with the keyboard and the passphrase --------------------------------
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.mouseClick(window.unlock_page.unlock_button, LEFT)

    # --- back up to the stick from Settings --------------------------------------------------
    qtbot.mouseClick(window.settings_button, LEFT)
    box = window.settings_dialog.backup_box
    with qtbot.waitSignal(box.made, timeout=30_000):
        qtbot.mouseClick(box.backup_button, LEFT)
    (copy,) = stick.iterdir()
    assert box.last.text().startswith("Last verified backup to a stick")
    window.settings_dialog.reject()
    window.lock()

    # --- a replacement laptop: restore the stick's copy into a new vault folder --------------
    switcher = window.vault_switchers[0]
    assert window.stack.currentWidget() is window.unlock_page and switcher.isVisible()
    qtbot.mouseClick(switcher.restore_button, LEFT)
    restore = switcher.restore_dialog
    assert restore is not None and restore.isVisible() and not restore.restore_button.isEnabled()
    folders.queue = [stick, new_vault]
    qtbot.mouseClick(restore.copy_button, LEFT)
    qtbot.mouseClick(restore.target_button, LEFT)
    assert restore.copy_edit.text() == copy.name
    qtbot.keyClicks(restore.passphrase, "not the passphrase")
    qtbot.mouseClick(restore.restore_button, LEFT)
    assert "does not open this backup" in restore.status.text() and not new_vault.exists()
    qtbot.keyClicks(restore.passphrase, PASSPHRASE)
    with qtbot.waitSignal(restore.restored, timeout=30_000):
        qtbot.mouseClick(restore.restore_button, LEFT)
    assert window.vault_choice.gate.directory == new_vault and Vault.exists(new_vault)
    assert "restored" in switcher.message.text()

    # --- the new vault opens, with the interview --------------------------------------------
    assert window.stack.currentWidget() is window.unlock_page
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.mouseClick(window.unlock_page.unlock_button, LEFT)
    assert window.vault.directory == new_vault
    assert window.list_page.model.rowCount() == 1
    assert window.vault.interviews.get(interview_id).statement == REVIEW_STATEMENT
    assert REVIEW_NAME in [p.name for p in window.vault.interviews.get(interview_id).people]
    stored = window.vault.redaction.load_decisions(interview_id)  # the review's decision came along
    assert [d["kind"] for d in stored["decisions"]] == ["manual"]
