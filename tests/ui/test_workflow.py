"""The whole of an interview's life, through the real window: create the vault, unlock, record an
interview with people, identifiers, consent and a photo, find it by a word of its statement, edit
it, withdraw consent, delete it."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.model import ConsentUse, IdentifierKind, PersonRole
from desktop.ui.attachment_viewer import AttachmentViewer
from tests.ui.driving import LEFT, PASSPHRASE, STATEMENT, create_vault, fill_new_interview, gps_photo, unlock


def test_record_find_edit_withdraw_delete(qtbot, make_window, picker, tmp_path):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.lock()
    assert window.stack.currentWidget() is window.unlock_page
    unlock(qtbot, window)
    vault = window.vault

    # --- add --------------------------------------------------------------------------------
    qtbot.mouseClick(window.list_page.new_button, LEFT)
    editor = window.editor
    assert window.workspace.currentWidget() is editor
    fill_new_interview(qtbot, editor)
    assert editor.word_count.text() == f"Words: {len(STATEMENT.split())}"
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.problems.isVisible()
    interview_id = editor.current_id
    stored = vault.interviews.get(interview_id)
    assert stored.statement == STATEMENT
    assert stored.force == "west-midlands" and str(stored.reported_on) == "2026-09"
    assert [(p.name, p.role, p.aliases) for p in stored.people] == [
        ("Amira Hassan", PersonRole.INTERVIEWEE, ["Amira", "Umm Yusuf"]), ("Gary Doyle", PersonRole.PERPETRATOR, [])]
    assert [(i.kind, i.value) for i in stored.identifiers] == [(IdentifierKind.PHONE, "07700 900123")]
    assert stored.has_consent(ConsentUse.COMPLAINT) and stored.consent[ConsentUse.COMPLAINT].taken_by == "RK"
    assert stored.language == "Arabic" and stored.interpreter_used

    # --- attach a photo with GPS: what the vault holds has no EXIF -----------------------
    picker.paths = [gps_photo(tmp_path / "IMG_2044.jpg")]
    editor.tabs.setCurrentIndex(5)
    qtbot.mouseClick(editor.add_attachment_button, LEFT)
    qtbot.waitUntil(lambda: editor.attachments_model.rowCount() == 1)
    (info,) = vault.attachments.list(interview_id)
    held = vault.attachments.get_bytes(info.id)
    assert b"Exif" not in held and b"CanaryCam" not in held
    with Image.open(io.BytesIO(held)) as im:
        assert len(im.getexif()) == 0
    qtbot.mouseClick(editor.view_attachment_button, LEFT)
    assert editor.viewer is not None and editor.viewer.isVisible()
    assert editor.viewer.pictures_shown == 1
    assert editor.viewer.windowTitle().endswith(" — Witnessbox")
    editor.viewer.reject()
    # The offscreen platform does not hand activation back to the parent as a desktop does.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # --- back to the list and find it by a word of its statement -------------------------
    qtbot.mouseClick(editor.back_button, LEFT)
    page = window.list_page
    assert window.workspace.currentWidget() is page
    qtbot.keyClicks(page.search, "marmalade")
    qtbot.waitUntil(lambda: page.model.total == 1 and page.model.rowCount() == 1)
    assert page.model.summary(0).id == interview_id
    page.search.clear()
    qtbot.keyClicks(page.search, "zebrafish")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)

    # --- open and edit -------------------------------------------------------------------------
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.workspace.currentWidget() is editor and editor.current_id == interview_id
    assert editor.statement.toPlainText() == STATEMENT
    editor.statement.moveCursor(editor.statement.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.statement, " They came back twice.")
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.statement, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert vault.interviews.get(interview_id).statement.endswith("They came back twice.")

    # --- withdraw consent: one action, recorded, visible ------------------------------------
    row = editor.consent_rows[ConsentUse.COMPLAINT]
    editor.tabs.setCurrentIndex(4)
    assert row.withdraw.isVisible()
    qtbot.mouseClick(row.withdraw, LEFT)
    c = vault.interviews.get(interview_id).consent[ConsentUse.COMPLAINT]
    assert c.withdrawn_on == date(2026, 11, 26) and c.withdrawn_by == "RK"
    assert "Withdrawn on" in row.state.text() and not row.withdraw.isVisible()
    assert not row.given.isEnabled()
    assert any(e.action == "consent.withdrawn.complaint" for e in vault.audit.entries())
    assert vault.drafts.load(f"interview:{interview_id}") is None  # recorded, nothing left pending
    # A later save keeps the withdrawal.
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, LEFT)
    assert not vault.interviews.get(interview_id).has_consent(ConsentUse.COMPLAINT)

    # --- delete ---------------------------------------------------------------------------------
    qtbot.mouseClick(editor.delete_button, LEFT)
    box = editor.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    delete = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    with qtbot.waitSignal(editor.deleted):
        qtbot.mouseClick(delete, LEFT)
    assert vault.interviews.count() == 0
    assert vault.attachments.list(interview_id) == []
    assert window.workspace.currentWidget() is page and page.model.rowCount() == 0


def test_wrong_passphrase_says_so_keeps_the_text_and_slows_down_after_five(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    window.lock()
    page = window.unlock_page
    for n in range(1, 6):
        page.passphrase.clear()
        qtbot.keyClicks(page.passphrase, "maple river lantern orbi")
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        assert not window.is_unlocked
        assert page.message.isVisible() and "not right" in page.message.text()
        assert page.passphrase.text() == "maple river lantern orbi"
        assert page.passphrase.selectedText() == "maple river lantern orbi"
        assert page.waiting == (n >= 5)
    assert not page.unlock_button.isEnabled() and "Wait 5 seconds" in page.message.text()
    # While waiting, Enter does nothing.
    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert not window.is_unlocked


def test_new_vault_needs_matching_passphrases_of_some_strength(qtbot, make_window):
    window = make_window()
    page = window.create_page
    qtbot.keyClicks(page.passphrase, "short")
    assert not page.create_button.isEnabled() and "at least 10" in page.message.text()
    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClicks(page.confirm, PASSPHRASE + "x")
    assert not page.create_button.isEnabled() and "different" in page.message.text()
    assert page.meter.value() >= 3
    assert not window.is_unlocked and not window.vault


def test_a_scanned_pdf_is_shown_inside_the_app(qtbot, make_window, picker, tmp_path):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    fill_new_interview(qtbot, window.editor)
    assert window.editor.save()
    scan = tmp_path / "letter.pdf"
    Image.new("RGB", (200, 280), (240, 240, 230)).save(scan, format="PDF")
    picker.paths = [scan]
    window.editor.add_attachments()
    qtbot.waitUntil(lambda: window.editor.attachments_model.rowCount() == 1)
    window.editor.attachments_view.selectRow(0)
    window.editor.view_selected_attachment()
    viewer = window.editor.viewer
    qtbot.waitUntil(viewer.isVisible)
    assert viewer.pictures_shown == 1
    assert viewer.windowTitle() == "Attachment — Witnessbox"


def test_an_attachment_is_read_on_the_pool_and_never_shown_after_a_lock(qtbot, make_window, picker, tmp_path):
    from tests.ui.driving import HeldThreadPool

    pool = HeldThreadPool()
    window = make_window(pool=pool, today=lambda: date(2026, 11, 26))
    page = window.create_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.confirm, PASSPHRASE)
    page.submit()
    pool.release()
    pool.release()
    window.new_interview()
    fill_new_interview(qtbot, window.editor)
    assert window.editor.save()
    scan = tmp_path / "letter.pdf"
    Image.new("RGB", (200, 280), (240, 240, 230)).save(scan, format="PDF")
    picker.paths = [scan]
    window.editor.add_attachments()
    pool.release()
    window.editor.attachments_view.selectRow(0)

    window.editor.view_selected_attachment()
    assert pool.held and window.editor.viewer is None  # decrypting and parsing wait for the pool
    pool.release()
    assert window.editor.viewer is not None and window.editor.viewer.pictures_shown == 1
    window.editor.viewer.reject()

    window.editor.view_selected_attachment()
    window.lock()
    pool.release()  # the read finishes (or fails) after the lock: nothing opens
    assert window.editor.viewer is None
    assert not any(w.isVisible() for w in window.findChildren(AttachmentViewer))
