"""Driving the real Witnessbox window from a test: thread pools a test controls, a file picker
stand-in, and the steps a user takes (create a vault, unlock, fill in a new interview)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PIL import Image

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.core.model import ConsentUse
from desktop.ui.screen_fit import TITLE_BAR

PASSPHRASE = "maple river lantern orbit"
LEFT = Qt.MouseButton.LeftButton
STATEMENT = "The landlord took our passports and said the police would deport us. We were afraid of the marmalade van."


class FakeThreadPool:
    """Runs each task at once on the calling thread, so results arrive before the call returns.
    Only for tests: it refuses to exist outside pytest."""

    def __init__(self) -> None:
        if "PYTEST_CURRENT_TEST" not in os.environ:
            raise RuntimeError("FakeThreadPool is a test double")
        self.started = 0

    def start(self, runnable) -> None:
        self.started += 1
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 (QThreadPool's name)
        return True


class HeldThreadPool(FakeThreadPool):
    """Keeps each task until the test releases it: for what happens while a KDF is running."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list = []

    def start(self, runnable) -> None:
        self.started += 1
        self.held.append(runnable)

    def release(self) -> None:
        while self.held:
            self.held.pop(0).run()


class Chooser:
    """Stands in for a folder or file dialog: returns what the test put in."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path

    def __call__(self, _parent) -> Path | None:
        return self.path


def fits(widget: QWidget) -> bool:
    """The widget is no larger than its screen's free area (its title bar counted)."""
    room = widget.screen().availableGeometry()
    return widget.width() <= room.width() and widget.height() + TITLE_BAR <= room.height()


class FilePicker:
    """Stands in for the file dialog: returns the paths a test put in."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.calls = 0

    def __call__(self, _parent) -> list[Path]:
        self.calls += 1
        return list(self.paths)


def create_vault(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    page = window.create_page
    assert window.stack.currentWidget() is page
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClicks(page.confirm, passphrase)
    assert page.create_button.isEnabled()
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.mouseClick(page.create_button, LEFT)
    assert window.is_unlocked


def unlock(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    page = window.unlock_page
    assert window.stack.currentWidget() is page
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.mouseClick(page.unlock_button, LEFT)


def gps_photo(path):
    im = Image.new("RGB", (40, 30), (10, 120, 60))
    exif = Image.Exif()
    exif[0x010F] = "CanaryCam"
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 40.0)}
    im.save(path, format="JPEG", exif=exif.tobytes())
    return path


def select(combo, value):
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def fill_new_interview(qtbot, editor, *, day=date(2026, 10, 14)):
    editor.interviewed_on.setDate(QDate(day.year, day.month, day.day))
    qtbot.keyClicks(editor.interviewer, "RK")
    select(editor.role, "victim")
    select(editor.crime, "domestic_abuse")
    select(editor.force, "west-midlands")
    select(editor.report_month, 9)
    editor.report_year.setValue(2026)
    select(editor.asked_status, "yes")
    editor.outcomes[next(iter(editor.outcomes))].setChecked(True)
    editor.interpreter.setChecked(True)
    editor.language.setCurrentText("Arabic")
    editor.statement.setFocus()
    editor.statement.setPlainText(STATEMENT)
    qtbot.keyClicks(editor.person_name, "Amira Hassan")
    select(editor.person_role, "interviewee")
    qtbot.keyClicks(editor.person_aliases, "Amira; Umm Yusuf")
    qtbot.mouseClick(editor.add_person_button, LEFT)
    qtbot.keyClicks(editor.person_name, "Gary Doyle")
    select(editor.person_role, "perpetrator")
    qtbot.keyClick(editor.person_name, Qt.Key.Key_Return)
    select(editor.id_kind, "phone")
    qtbot.keyClicks(editor.id_value, "07700 900123")
    qtbot.mouseClick(editor.add_id_button, LEFT)
    row = editor.consent_rows[ConsentUse.COMPLAINT]
    row.given.setChecked(True)
    assert row.by.text() == "RK"  # "Taken by" starts as "Interviewed by"


def visible_texts() -> list[str]:
    """Every piece of text any visible widget of the app shows."""
    out = []
    for w in QApplication.allWidgets():
        if not w.isVisible():
            continue
        if isinstance(w, QLineEdit | QLabel | QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QComboBox) and w.isEditable():
            out.append(w.currentText())
        out.append(w.windowTitle())
    return out


CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def _inside(w: QWidget, kinds) -> bool:
    p = w.parent()
    while p is not None:
        if isinstance(p, kinds):
            return True
        p = p.parent()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """The focusable controls under ``root`` that a screen reader could not name."""
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if _inside(w, QComboBox | QAbstractSpinBox):
            continue  # the editor and list inside a combo or spin box are named through their owner
        if w.objectName().startswith("qt_"):
            continue  # Qt's own parts (scroll bar buttons, calendar internals)
        if not w.accessibleName().strip():
            out.append(f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''}")
    return out


# -- an interview whose statement the review and export tests redact ------------------------------

REVIEW_NAME = "Małgorzata Kowalczyk"
REVIEW_PHONE = "07700 900461"
REVIEW_ROAD = "Harehills Lane"  # an address suggestion the reviewer keeps
REVIEW_HIDDEN = "the blue van behind the garage"  # not detected: redacted by hand
REVIEW_STATEMENT = (
    f"My name is {REVIEW_NAME}. In September 2026 I went to West Midlands Police after my employer hit me at the car "
    f"wash on {REVIEW_ROAD}. Malgorzata's phone is {REVIEW_PHONE}. The officer asked for my passport and phoned "
    f"the Home Office. My friend Oksana Bilyk came with me. I slept in {REVIEW_HIDDEN} for six weeks."
)


def add_interview(qtbot, window, *, consent: bool, statement: str = REVIEW_STATEMENT) -> str:
    """Record and save a new interview through the form: Polish interviewee, a phone number, consent if asked."""
    window.new_interview()
    editor = window.editor
    editor.interviewed_on.setDate(QDate(2026, 11, 20))
    qtbot.keyClicks(editor.interviewer, "J. Osei")
    select(editor.role, "victim")
    select(editor.crime, "modern_slavery")
    select(editor.force, "west-midlands")
    select(editor.report_month, 9)
    editor.report_year.setValue(2026)
    editor.language.setCurrentText("Polish")
    editor.statement.setPlainText(statement)
    editor.person_name.setText(REVIEW_NAME)  # QTest types Latin-1 only; the form takes any script
    select(editor.person_role, "interviewee")
    qtbot.keyClicks(editor.person_aliases, "Gosia")
    qtbot.mouseClick(editor.add_person_button, LEFT)
    select(editor.id_kind, "phone")
    qtbot.keyClicks(editor.id_value, REVIEW_PHONE)
    qtbot.mouseClick(editor.add_id_button, LEFT)
    if consent:
        row = editor.consent_rows[ConsentUse.COMPLAINT]
        row.given.setChecked(True)
        assert row.by.text() == "J. Osei"  # "Taken by" starts as "Interviewed by"
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.mouseClick(editor.save_button, LEFT)
    return editor.current_id


def select_text(review, piece: str) -> None:
    """Select the first ``piece`` in the review's statement, as a reviewer drags over it."""
    from PySide6.QtGui import QTextCursor

    from desktop.ui.redaction_review import cp_to_qt

    start = review.text.index(piece)
    cursor = review.view.textCursor()
    cursor.setPosition(cp_to_qt(review.text, start))
    cursor.setPosition(cp_to_qt(review.text, start + len(piece)), QTextCursor.MoveMode.KeepAnchor)
    review.view.setTextCursor(cursor)
