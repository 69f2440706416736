"""Bad input is refused with a clear message, and nothing wrong is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from desktop.core import attachments
from tests.ui.driving import create_vault, fill_new_interview, gps_photo, select, unlock

TODAY = date(2026, 11, 26)
LEFT = Qt.MouseButton.LeftButton


def new_window(qtbot, make_window):
    window = make_window(today=lambda: TODAY)
    create_vault(qtbot, window)
    window.new_interview()
    fill_new_interview(qtbot, window.editor)
    return window


def test_interview_date_in_the_future_is_refused(qtbot, make_window):
    window = new_window(qtbot, make_window)
    editor = window.editor
    editor.interviewed_on.setDate(QDate(2026, 11, 27))
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.problems.isVisible()
    assert "The interview date is in the future." in editor.problems.text()
    assert window.vault.interviews.count() == 0 and editor.current_id is None
    # Fixing it saves.
    editor.interviewed_on.setDate(QDate(2026, 11, 26))
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.problems.isVisible() and window.vault.interviews.count() == 1


def test_report_month_after_the_interview_is_refused(qtbot, make_window):
    window = new_window(qtbot, make_window)
    editor = window.editor
    editor.interviewed_on.setDate(QDate(2026, 10, 14))
    select(editor.report_month, 11)
    editor.report_year.setValue(2026)
    assert not editor.save()
    assert "The month of the report is after the interview date." in editor.problems.text()
    assert window.vault.interviews.count() == 0


def test_no_police_force_chosen_is_refused(qtbot, make_window):
    window = new_window(qtbot, make_window)
    select(window.editor.force, "")
    assert not window.editor.save()
    # One kind of quotation mark in one message: the tab is named in curly quotes, so is the choice.
    assert window.editor.problems.text() == (
        "Choose a police force (or \u201cUnknown\u201d). It is on the \u201cThe report\u201d tab."
    )
    assert window.vault.interviews.count() == 0


def test_refused_save_still_keeps_the_draft(qtbot, make_window):
    window = new_window(qtbot, make_window)
    window.editor.interviewed_on.setDate(QDate(2027, 1, 1))
    assert not window.editor.save()
    draft = window.vault.drafts.load("interview:new")
    assert draft["state"]["interviewed_on"] == "2027-01-01"


def saved_window(qtbot, make_window):
    window = new_window(qtbot, make_window)
    assert window.editor.save()
    window.editor.tabs.setCurrentIndex(5)
    return window


def test_attachments_wait_until_the_interview_is_saved(qtbot, make_window):
    window = new_window(qtbot, make_window)
    assert not window.editor.add_attachment_button.isEnabled()
    assert "Save the interview first" in window.editor.add_attachment_button.toolTip()


def test_a_file_that_is_not_an_image_or_pdf_is_refused(qtbot, make_window, picker, tmp_path):
    window = saved_window(qtbot, make_window)
    editor = window.editor
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(b"MZ\x90\x00 this is a program, not a photo")
    picker.paths = [fake]
    qtbot.mouseClick(editor.add_attachment_button, LEFT)
    qtbot.waitUntil(editor.attachment_message.isVisible)
    assert "Only photos" in editor.attachment_message.text() and "PDF" in editor.attachment_message.text()
    assert window.vault.attachments.list(editor.current_id) == []
    assert editor.attachments_model.rowCount() == 0


def test_an_oversized_file_is_refused(qtbot, make_window, picker, tmp_path):
    window = saved_window(qtbot, make_window)
    editor = window.editor
    big = tmp_path / "scan.pdf"
    with open(big, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(attachments.MAX_BYTES + 1)  # sparse
    picker.paths = [big, gps_photo(tmp_path / "ok.jpg")]
    qtbot.mouseClick(editor.add_attachment_button, LEFT)
    qtbot.waitUntil(editor.attachment_message.isVisible)
    assert "larger than 50 MB" in editor.attachment_message.text()
    # The good file in the same batch still goes in; the oversized one does not.
    names = [a.display_name for a in window.vault.attachments.list(editor.current_id)]
    assert names == ["ok.jpg"]


def test_a_file_whose_name_is_too_long_is_attached_under_a_shorter_name_and_the_worker_is_told(
    qtbot, make_window, picker, tmp_path
):
    window = saved_window(qtbot, make_window)
    editor = window.editor
    long_name = "photo of the letter from the immigration office about my case " * 3 + ".jpg"  # 196 characters
    picker.paths = [gps_photo(tmp_path / long_name)]
    qtbot.mouseClick(editor.add_attachment_button, LEFT)
    qtbot.waitUntil(editor.attachment_message.isVisible)
    assert "too long to keep in full, so it was shortened" in editor.attachment_message.text()
    assert "Not attached" not in editor.attachment_message.text()
    [stored] = window.vault.attachments.list(editor.current_id)
    assert stored.display_name.endswith(".jpg") and len(stored.display_name) <= attachments.MAX_NAME_CHARS
    assert long_name.startswith(stored.display_name.removesuffix(".jpg"))
    assert editor.attachments_model.rowCount() == 1


def test_a_new_interview_has_no_crime_chosen_and_complete_needs_one_but_a_draft_does_not(qtbot, make_window):
    window = make_window(today=lambda: TODAY)
    create_vault(qtbot, window)
    window.new_interview()
    editor = window.editor
    assert editor.crime.currentData() == "" and editor.crime.currentText().startswith("Choose")
    fill_new_interview(qtbot, editor)
    select(editor.crime, "")
    select(editor.status, "complete")
    assert not editor.save()
    assert "Choose the crime reported" in editor.problems.text()
    assert window.vault.interviews.count() == 0
    # A draft may leave it, and comes back unset.
    select(editor.status, "draft")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, LEFT)
    stored = window.vault.interviews.get(editor.current_id)
    assert stored.crime_type is None
    editor.open_interview(stored.id)
    assert editor.crime.currentData() == ""
    # Chosen, it saves as complete.
    select(editor.crime, "hate_crime")
    select(editor.status, "complete")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, LEFT)
    assert window.vault.interviews.get(editor.current_id).crime_type.value == "hate_crime"


def test_consent_taken_by_starts_as_the_interviewer_is_needed_and_keeps_its_label(qtbot, make_window):
    from PySide6.QtWidgets import QLabel

    from desktop.core.model import ConsentUse

    window = new_window(qtbot, make_window)
    editor = window.editor
    editor.interviewer.clear()
    qtbot.keyClicks(editor.interviewer, "J. Osei")
    row = editor.consent_rows[ConsentUse.QUOTATION]
    assert not row.given.isChecked() and row.by.text() == ""
    row.given.setChecked(True)
    assert row.by.text() == "J. Osei"
    # the visible label stays when the field is filled (not only a placeholder that goes)
    assert isinstance(row.by_label, QLabel) and row.by_label.text() == "Taken by" and row.by_label.buddy() is row.by
    assert not row.by_label.isHidden()
    # it follows the interviewer while it is still what was filled in for them
    editor.interviewer.setText("J. Osei-Mensah")
    assert row.by.text() == "J. Osei-Mensah"
    row.by.setText("A. Colleague")
    editor.interviewer.setText("J. O.")
    assert row.by.text() == "A. Colleague"

    row.by.clear()
    assert not editor.save()
    assert "Say who took the consent for anonymised quotation" in editor.problems.text()
    assert window.vault.interviews.count() == 0
    qtbot.keyClicks(row.by, "A. Colleague")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, LEFT)
    stored = window.vault.interviews.get(editor.current_id)
    assert stored.consent[ConsentUse.QUOTATION].taken_by == "A. Colleague"


def _tab(editor) -> str:
    return editor.tabs.tabText(editor.tabs.currentIndex()).replace("&", "")


def test_a_refused_save_names_the_tab_of_each_field_and_takes_her_to_the_first(qtbot, make_window):
    from PySide6.QtWidgets import QApplication

    from desktop.core.model import ConsentUse

    window = new_window(qtbot, make_window)
    editor = window.editor
    select(editor.crime, "")
    select(editor.status, "complete")
    row = editor.consent_rows[ConsentUse.QUOTATION]
    row.given.setChecked(True)
    row.by.clear()
    editor.tabs.setCurrentIndex(2)  # she is reading the statement when she saves
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.problems.text() == (
        "Choose the crime reported (a draft may leave it until you know). It is on the \u201cThe report\u201d tab.\n"
        "Say who took the consent for anonymised quotation (\u201cTaken by\u201d on the Consent tab)."
    )
    assert _tab(editor) == "The report"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.crime)
    # The crime chosen, the next save goes to the consent that needs a name.
    select(editor.crime, "hate_crime")
    editor.tabs.setCurrentIndex(0)
    assert not editor.save()
    assert editor.problems.text() == (
        "Say who took the consent for anonymised quotation (\u201cTaken by\u201d on the Consent tab)."
    )
    assert _tab(editor) == "Consent"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is row.by)
    assert window.vault.interviews.count() == 0


def test_a_date_in_the_future_takes_her_to_the_about_tab(qtbot, make_window):
    from PySide6.QtWidgets import QApplication

    window = new_window(qtbot, make_window)
    editor = window.editor
    editor.interviewed_on.setDate(QDate(2026, 11, 27))
    editor.tabs.setCurrentIndex(4)
    assert not editor.save()
    assert editor.problems.text() == "The interview date is in the future. It is on the \u201cAbout\u201d tab."
    assert _tab(editor) == "About"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.interviewed_on)


def test_remove_asks_before_an_attachment_leaves_the_vault(qtbot, make_window, picker, tmp_path):
    """Seen under Xvfb: Remove on the Attachments tab deleted the interview's only photo at once, with
    nothing chosen and nothing asked, and it cannot be brought back. It asks first; Cancel keeps it."""
    from PySide6.QtWidgets import QMessageBox

    window = saved_window(qtbot, make_window)
    editor = window.editor
    picker.paths = [gps_photo(tmp_path / "letter.jpg")]
    qtbot.mouseClick(editor.add_attachment_button, LEFT)
    qtbot.waitUntil(lambda: editor.attachments_model.rowCount() == 1)
    panel = editor.attachments

    def stored() -> int:
        return len(window.vault.attachments.list(editor.current_id))

    qtbot.mouseClick(editor.remove_attachment_button, LEFT)
    assert stored() == 1, "removed without asking"
    box = getattr(panel, "confirm_box", None)
    assert box is not None and box.isVisible() and "cannot be brought back" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: panel.confirm_box is None)
    assert stored() == 1 and editor.attachments_model.rowCount() == 1
    qtbot.mouseClick(editor.remove_attachment_button, LEFT)
    box = panel.confirm_box
    [remove] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
    remove.click()
    qtbot.waitUntil(lambda: stored() == 0)
    assert editor.attachments_model.rowCount() == 0 and panel.confirm_box is None


def test_a_lock_while_remove_is_asked_removes_nothing(qtbot, make_window, picker, tmp_path):
    window = saved_window(qtbot, make_window)
    editor = window.editor
    interview_id = editor.current_id
    picker.paths = [gps_photo(tmp_path / "letter.jpg")]
    qtbot.mouseClick(editor.add_attachment_button, LEFT)
    qtbot.waitUntil(lambda: editor.attachments_model.rowCount() == 1)
    qtbot.mouseClick(editor.remove_attachment_button, LEFT)
    box = editor.attachments.confirm_box
    assert box is not None and box.isVisible()
    window.lock()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert editor.attachments.confirm_box is None
    unlock(qtbot, window)
    assert len(window.vault.attachments.list(interview_id)) == 1


def test_view_and_remove_follow_the_chosen_attachment(qtbot, make_window, picker, tmp_path):
    """Seen under Xvfb: View and Remove on the Attachments tab could be pressed whenever the interview
    had any attachment, chosen or not. They follow the list's selection, as People's Remove does; a
    file just added is the one chosen."""
    window = saved_window(qtbot, make_window)
    editor = window.editor
    view, remove = editor.view_attachment_button, editor.remove_attachment_button
    assert not view.isEnabled() and not remove.isEnabled()
    picker.paths = [gps_photo(tmp_path / "letter.jpg"), gps_photo(tmp_path / "envelope.jpg")]
    qtbot.mouseClick(editor.add_attachment_button, LEFT)
    qtbot.waitUntil(lambda: editor.attachments_model.rowCount() == 2)
    assert view.isEnabled() and remove.isEnabled()  # what she just added is chosen
    # Opened again, nothing is chosen: nothing can be viewed or removed until she picks one.
    interview_id = editor.current_id
    window.open_interview(interview_id)
    editor.tabs.setCurrentIndex(5)
    assert editor.attachments_model.rowCount() == 2
    assert not view.isEnabled() and not remove.isEnabled()
    table = editor.attachments_view
    second = table.visualRect(editor.attachments_model.index(1, 0)).center()
    qtbot.mouseClick(table.viewport(), LEFT, pos=second)
    assert view.isEnabled() and remove.isEnabled()
    chosen = editor.attachments_model.items()[1].id
    editor.attachments.remove_selected_attachment()
    assert [a.id for a in window.vault.attachments.list(interview_id)] == [editor.attachments_model.items()[0].id]
    assert chosen not in [a.id for a in window.vault.attachments.list(interview_id)]
    assert not view.isEnabled() and not remove.isEnabled()  # the chosen one is gone, nothing is chosen
