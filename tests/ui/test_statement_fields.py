"""The fields the statement needs, on the real form and in Settings: the interviewer's role, the
interviewee's own words, what was shared, and the organisation; each kept through a draft and a
lock, saved into the vault, and printed in the exported statement."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt

from desktop.services import statements
from desktop.services.organisation import organisation
from tests.pdf_tools import pdftotext
from tests.ui.driving import REVIEW_NAME, add_interview, create_vault, unlock

LEFT = Qt.MouseButton.LeftButton
OWN_WORDS = "Nazywam się Małgorzata. Policjant zapytał o mój paszport."


def test_the_form_says_which_free_text_fields_reach_the_statement(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.new_interview()
    form = window.editor.form
    said = " ".join(w.text() for w in form.statement_page.findChildren(type(form.word_count)))
    assert "Printed in the statement, redacted" in said
    assert "printed as an annex, redacted, when the interview was not in English" in said
    report = " ".join(w.text() for w in form.report_page.findChildren(type(form.word_count)))
    assert "What was shared with Immigration Enforcement (printed in the statement, redacted)" in report.replace(
        "&", "")
    assert "never printed" in window.editor.interviewer.placeholderText()
    assert "not a name" in window.editor.interviewer_role.lineEdit().placeholderText()


def test_role_own_words_and_what_was_shared_survive_a_lock_as_a_draft_then_save_and_print(qtbot, make_window,
                                                                                          tmp_path):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    interview_id = add_interview(qtbot, window, consent=True)
    editor = window.editor
    editor.interviewer_role.setCurrentText("")
    qtbot.keyClicks(editor.interviewer_role.lineEdit(), "Caseworker")
    editor.original.setPlainText(OWN_WORDS.replace("Małgorzata", REVIEW_NAME))
    editor.shared.setPlainText(f"They told Immigration Enforcement that {REVIEW_NAME} had overstayed.")

    window.lock()  # the draft is written first thing on lock
    unlock(qtbot, window)
    if window.editor.current_id != interview_id:
        window.open_interview(interview_id)
    editor = window.editor
    assert editor.interviewer_role.currentText() == "Caseworker"
    assert REVIEW_NAME in editor.original.toPlainText()
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.mouseClick(editor.save_button, LEFT)

    stored = window.vault.interviews.get(interview_id)
    assert stored.interviewer_role == "Caseworker" and REVIEW_NAME in stored.original_text
    assert stored.interviewer == "J. Osei"
    result = statements.export_statement(window.vault, interview_id, tmp_path / "s.pdf")
    text = re.sub(r"\s+", " ", pdftotext(result.path.read_bytes()))
    assert "Interviewer's role Caseworker" in text
    assert "They told Immigration Enforcement that Person A had overstayed." in text
    assert "Annex: the interviewee's own words" in text and "Language: Polish" in text
    for secret in (REVIEW_NAME, "Kowalczyk", "J. Osei", "Osei"):
        assert secret not in text


def test_the_organisation_is_set_in_settings(qtbot, make_window):
    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    window.show_settings()
    dialog = window.settings_dialog
    assert dialog.organisation.text() == ""
    qtbot.keyClicks(dialog.organisation, "Northside Migrant Support")
    dialog.organisation.setText(dialog.organisation.text() + "\u200b")  # pasted with an invisible character
    dialog.accept()
    assert dialog.isVisible() and "cannot be printed" in dialog.organisation_problem.text()
    assert organisation(window.vault) == ""
    dialog.organisation.setText("Northside Migrant Support")
    dialog.accept()
    assert organisation(window.vault) == "Northside Migrant Support"
    window.show_settings()
    assert window.settings_dialog.organisation.text() == "Northside Migrant Support"


def test_the_review_shows_what_was_shared_and_a_redaction_made_there_reaches_the_pdf(qtbot, make_window, tmp_path):
    from PySide6.QtGui import QTextCursor

    from desktop.ui.redaction_review import cp_to_qt

    window = make_window(today=lambda: date(2026, 11, 26))
    create_vault(qtbot, window)
    interview_id = add_interview(qtbot, window, consent=True)
    editor = window.editor
    hidden = "the night shelter on Mill Street"
    editor.shared.setPlainText(f"They told Immigration Enforcement that {REVIEW_NAME} slept at {hidden}.")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.mouseClick(editor.save_button, LEFT)

    qtbot.mouseClick(editor.review_button, LEFT)
    review = window.statements.review_dialog.review
    assert "\u2042 What was shared with Immigration Enforcement \u2042" in review.text
    start = review.text.index(hidden)
    cursor = review.view.textCursor()
    cursor.setPosition(cp_to_qt(review.text, start))
    cursor.setPosition(cp_to_qt(review.text, start + len(hidden)), QTextCursor.MoveMode.KeepAnchor)
    review.view.setTextCursor(cursor)
    qtbot.mouseClick(review.add_button, LEFT)
    with qtbot.waitSignal(review.applied):
        qtbot.mouseClick(review.apply_button, LEFT)
    preview = review.preview.toPlainText()
    assert "that Person A slept at [" in preview and "Mill Street" not in preview

    result = statements.export_statement(window.vault, interview_id, tmp_path / "s.pdf")
    text = re.sub(r"\s+", " ", pdftotext(result.path.read_bytes()))
    assert re.search(r"They told Immigration Enforcement that Person A slept at \[[A-Z ]+ 1\]\.", text)
    assert "Mill Street" not in text and "shelter" not in text
