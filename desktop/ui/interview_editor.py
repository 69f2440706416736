"""The interview editor: the form, the people panel and the attachments panel in tabs, saved as a
draft into the vault as she types.

There is no "unsaved changes" question anywhere. Every change is written, encrypted, into the
vault's draft table within about a second, and at once when the app locks. "Save" checks the
record (dates, force) and files it; until then the draft is what survives a lock, a crash or a
quick exit, and it is what comes back after unlock. The rules of saving, drafts, withdrawal and
deletion live in :mod:`desktop.services.interviews`; this class composes the parts and shows results.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import ConsentUse, Interview, Role, Status
from desktop.services import interviews as service
from desktop.ui import labels
from desktop.ui.attachment_viewer import AttachmentViewer
from desktop.ui.attachments_panel import AttachmentsPanel
from desktop.ui.interview_form import InterviewForm
from desktop.ui.people_panel import PeoplePanel
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 800


def pick_files(parent: QWidget) -> list[Path]:
    """Ask which files to attach (the default file picker; tests pass their own)."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        labels.window_title(parent.tr("Add attachments")),
        "",
        parent.tr("Photos and PDF documents (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.bmp *.pdf);;All files (*)"),
    )
    return [Path(n) for n in names]


class InterviewEditor(QWidget):
    """The editor. ``attach(vault)`` after unlock; ``clear()`` on lock wipes every widget."""

    saved = Signal(str)
    deleted = Signal(str)
    closed = Signal()
    review_redactions_requested = Signal(str)
    export_statement_requested = Signal(str)
    signing_copy_requested = Signal(str)
    record_signed_requested = Signal(str)

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        file_picker: Callable[[QWidget], list[Path]] = pick_files,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._vault = None
        self._id: str | None = None  # None: not saved yet
        self._base: Interview | None = None  # the record as stored
        self._shown: Interview | None = None  # the record the form was filled from (id, reference, created)
        self._loading = False
        self._dirty = False
        self._open = False
        self.confirm_box: QMessageBox | None = None
        self._draft_problem: str | None = None  # a kept draft that could not be read, said so

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)

        self._build(tasks, file_picker)

    # --- layout ---------------------------------------------------------------------------

    def _build(self, tasks: TaskRunner, file_picker: Callable[[QWidget], list[Path]]) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)

        bar = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← &Interviews"), self)
        self.back_button.setAccessibleName(self.tr("Back to the list of interviews"))
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        self.title.setAccessibleName(self.tr("Interview reference"))
        self.draft_state = QLabel(self)
        self.draft_state.setProperty("role", "muted")
        self.draft_state.setAccessibleName(self.tr("Draft state"))
        bar.addWidget(self.back_button)
        bar.addSpacing(8)
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.draft_state)
        outer.addLayout(bar)

        actions = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save the interview"))
        self.save_button.setToolTip(self.tr("Check and save the interview (Ctrl+S)"))
        self.review_button = QPushButton(self.tr("&Review redactions"), self)
        self.review_button.setAccessibleName(self.tr("Review redactions"))
        self.export_button = QPushButton(self.tr("E&xport statement"), self)
        self.export_button.setAccessibleName(self.tr("Export statement"))
        self.signing_button = QPushButton(self.tr("Signing cop&y…"), self)
        self.signing_button.setAccessibleName(self.tr("Signing copy"))
        self.signing_button.setToolTip(self.tr("The whole statement, unredacted, to read back and sign"))
        self.signed_button = QPushButton(self.tr("Record si&gned"), self)
        self.signed_button.setAccessibleName(self.tr("Record that the statement was signed"))
        self.signed_button.setToolTip(self.tr("Seal the statement: later changes become dated addenda"))
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setProperty("role", "danger")
        self.delete_button.setAccessibleName(self.tr("Delete this interview"))
        for button in (
            self.save_button,
            self.review_button,
            self.export_button,
            self.signing_button,
            self.signed_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        outer.addLayout(actions)

        self.problems = QLabel(self)
        self.problems.setProperty("role", "error")
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Problems to fix"))
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()
        outer.addWidget(self.problems)
        self.notice = QLabel(self)
        self.notice.setProperty("role", "hint")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.hide()
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        self.discard_button = QPushButton(self.tr("Discard these changes"), self)
        self.discard_button.setAccessibleName(self.tr("Discard the changes not yet saved"))
        self.discard_button.hide()
        self.discard_button.clicked.connect(self.discard_draft)
        notice_row.addWidget(self.discard_button)
        outer.addLayout(notice_row)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Parts of the interview"))
        self.tabs.setDocumentMode(True)
        self.form = InterviewForm(self, today=self._today)
        self.people = PeoplePanel(self)
        self.attachments = AttachmentsPanel(tasks, file_picker, self)
        self.tabs.addTab(self._scroll(self.form.about_page), self.tr("Abou&t"))
        self.tabs.addTab(self._scroll(self.form.report_page), self.tr("The &report"))
        self.tabs.addTab(self.form.statement_page, self.tr("Stateme&nt"))
        self.tabs.addTab(self.people, self.tr("&People"))
        self.tabs.addTab(self._scroll(self.form.consent_page), self.tr("&Consent"))
        self.tabs.addTab(self.attachments, self.tr("Atta&chments"))
        outer.addWidget(self.tabs, 1)
        self._name_parts()

        self.form.changed.connect(self.changed)
        self.form.withdraw_requested.connect(self.withdraw_consent)
        self.people.changed.connect(self.changed)
        self.back_button.clicked.connect(self.close_editor)
        self.save_button.clicked.connect(self.save)
        self.review_button.clicked.connect(lambda: self._id and self.review_redactions_requested.emit(self._id))
        self.export_button.clicked.connect(lambda: self._id and self.export_statement_requested.emit(self._id))
        self.signing_button.clicked.connect(lambda: self._id and self.signing_copy_requested.emit(self._id))
        self.signed_button.clicked.connect(lambda: self._id and self.record_signed_requested.emit(self._id))
        self.delete_button.clicked.connect(self.ask_delete)
        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)

    def _name_parts(self) -> None:
        """The parts' fields under the editor's own names, as the main window, tests and tools reach them."""
        f, p, a = self.form, self.people, self.attachments
        self.interviewed_on, self.interviewer, self.role = f.interviewed_on, f.interviewer, f.role
        self.language, self.interviewer_role, self.original = f.language, f.interviewer_role, f.original
        self.interpreter, self.status, self.crime, self.force = f.interpreter, f.status, f.crime, f.force
        self.report_month, self.report_year, self.asked_status = f.report_month, f.report_year, f.asked_status
        self.ie_contacted, self.shared, self.outcomes = f.ie_contacted, f.shared, f.outcomes
        self.fear, self.threat, self.statement, self.word_count = f.fear, f.threat, f.statement, f.word_count
        self.consent_rows = f.consent_rows
        self.people_model, self.people_view, self.ids_model, self.ids_view = (
            p.people_model,
            p.people_view,
            p.ids_model,
            p.ids_view,
        )
        self.person_name, self.person_role, self.person_aliases = p.person_name, p.person_role, p.person_aliases
        self.id_kind, self.id_value = p.id_kind, p.id_value
        self.add_person_button, self.remove_person_button = p.add_person_button, p.remove_person_button
        self.add_id_button, self.remove_id_button = p.add_id_button, p.remove_id_button
        self.attachments_model, self.attachments_view = a.attachments_model, a.attachments_view
        self.attachment_message, self.add_attachment_button = a.attachment_message, a.add_attachment_button
        self.view_attachment_button = a.view_attachment_button
        self.remove_attachment_button = a.remove_attachment_button
        self.add_attachments, self.view_selected_attachment = a.add_attachments, a.view_selected_attachment
        self.remove_selected_attachment = a.remove_selected_attachment

    @property
    def viewer(self) -> AttachmentViewer | None:
        """The attachment being shown, if any."""
        return self.attachments.viewer

    def _scroll(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        # No Tab stop of its own (it shows nothing and has no name): Tab goes from field to field, and
        # the area scrolls to show each one.
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setWidget(inner)
        return area

    # --- vault ----------------------------------------------------------------------------

    def attach(self, vault) -> None:
        self._vault = vault

    @property
    def is_open(self) -> bool:
        return self._open

    @property
    def current_id(self) -> str | None:
        return self._id

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def open_new(self) -> None:
        """Start a new interview, or carry on with the new one already begun."""
        self._begin(None)
        draft = self._load_draft()
        if draft is not None:
            self._show(draft)
            self._note(self.tr("Carrying on with the new interview you started."))
        else:
            self._show(
                Interview(interviewed_on=self._today(), role=Role.VICTIM, crime_type=None, force="", reported_on=None)
            )
            self._note(self._draft_problem)
        service.remember_open(self._vault, None)
        self.tabs.setCurrentIndex(0)
        self.interviewed_on.setFocus()

    def open_interview(self, interview_id: str) -> None:
        iv = self._vault.interviews.get(interview_id)
        self._begin(interview_id)
        self._base = iv
        draft = self._load_draft()
        if draft is not None:
            self._show(draft)
            self._dirty = True
            self._note(self.tr("Restored changes not yet saved."))
        else:
            self._show(iv)
            self._note(self._draft_problem)
        service.remember_open(self._vault, interview_id)
        self.attachments.show_for(self._vault, interview_id)
        self.tabs.setCurrentIndex(0)

    def _begin(self, interview_id: str | None) -> None:
        self._draft_timer.stop()
        self._id = interview_id
        self._base = None
        self._open = True
        self._dirty = False
        self.problems.hide()
        self.attachments.show_for(self._vault, None)

    def _load_draft(self) -> Interview | None:
        """The draft kept for the interview being opened; one that cannot be read is left in the
        vault (the next change replaces it) and said so."""
        self._draft_problem = None
        try:
            return service.load_draft(self._vault, self._id)
        except service.DraftUnreadable as exc:
            self._draft_problem = self.tr(str(exc))
            return None

    def _note(self, text: str | None) -> None:
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))
        self.discard_button.setVisible(bool(text))

    def _update_actions(self) -> None:
        saved = self._id is not None
        for button in (self.delete_button, self.review_button, self.export_button, self.signing_button):
            button.setEnabled(saved)
        sealed = self._base is not None and self._base.status == Status.SEALED
        self.signed_button.setEnabled(saved and not sealed)
        self.signed_button.setText(self.tr("Signed") if sealed else self.tr("Record si&gned"))
        self.form.set_sealed(sealed)

    # --- record <-> parts -----------------------------------------------------------------

    def changed(self, *_args) -> None:
        if self._loading or not self._open:
            return
        self._dirty = True
        self.draft_state.setText(self.tr("Changes not saved yet"))
        self._draft_timer.start()

    def _status(self, chosen: Status) -> Status:
        return service.status_to_save(self._base.status if self._base is not None else None, chosen)

    def to_interview(self) -> Interview:
        """The record as the form, the people panel and the stored record make it."""
        values = self.form.values()
        values["status"] = self._status(values["status"])
        iv = replace(self._shown, **values, people=self.people.people(), identifiers=self.people.identifiers())
        if self._base is not None:
            iv.created_at = self._base.created_at
        return iv

    def form_state(self) -> dict:
        """Everything on the form, in the record's JSON form (the force may still be unchosen)."""
        return self.to_interview().to_dict()

    def _show(self, iv: Interview) -> None:
        iv = replace(iv, status=self._status(iv.status))  # a draft kept from before cannot seal either
        self._shown = iv
        self._loading = True
        try:
            self.title.setText(iv.reference)
            self.form.show(iv)
            self.people.show_record(iv.people, iv.identifiers)
        finally:
            self._loading = False
        self.draft_state.setText("")
        self._update_actions()

    # --- drafts, save, delete -------------------------------------------------------------

    def discard_draft(self) -> None:
        """Throw away what was not saved: back to the stored record (or a blank new one)."""
        if not self._open or self._vault is None:
            return
        self._draft_timer.stop()
        service.clear_draft(self._vault, self._id)
        if self._id is None:
            self.open_new()
        else:
            self.open_interview(self._id)

    def save_draft_now(self) -> None:
        """Write the form into the vault's draft table (also called first thing on lock)."""
        self._draft_timer.stop()
        if not self._open or not self._dirty or self._vault is None:
            return
        service.save_draft(self._vault, self._id, self.to_interview())
        self.draft_state.setText(
            self.tr("Draft kept safe at %1").replace(
                "%1", QLocale().toString(datetime.now().time().replace(microsecond=0), QLocale.FormatType.ShortFormat)
            )
        )

    def save(self) -> bool:
        if not self._open or self._vault is None:
            return False
        try:
            stored = service.save_interview(
                self._vault, self.to_interview(), today=self._today(), replaces_new_draft=self._id is None
            )
        except service.InterviewProblems as exc:
            self._show_problems(exc.problems)
            self.save_draft_now()
            return False
        except service.InterviewNotSaved as exc:
            self._show_problem(self.tr(str(exc)) + " " + self.tr("Your draft is kept."))
            return False
        self.problems.hide()
        self._draft_timer.stop()
        was_new = self._id is None
        self._id, self._base, self._shown = stored.id, stored, stored
        self._dirty = False
        service.remember_open(self._vault, self._id)
        self._note(None)
        self.draft_state.setText(self.tr("Saved"))
        if was_new:
            self.attachments.show_for(self._vault, self._id)  # photos can be added from now on
        self._update_actions()
        self.saved.emit(self._id)
        return True

    def _field_widget(self, field: str) -> QWidget | None:
        """The control where a problem's field (:class:`desktop.core.model.Problem`) is typed or chosen."""
        f = self.form
        if field.startswith("consent."):
            _consent, use, part = (field.split(".") + [""])[:3]
            row = f.consent_rows.get(ConsentUse(use)) if use in {u.value for u in ConsentUse} else None
            return None if row is None else (row.on if part == "recorded_on" else row.by)
        return {
            "people": self.people.people_view,
            "interviewed_on": f.interviewed_on,
            "reported_on": f.report_month,
            "force": f.force,
            "crime_type": f.crime,
        }.get(field)

    def _show_problems(self, problems: list[str]) -> None:
        """Say what to fix and on which tab, and take her to the first field named."""
        lines, first = [], None
        for p in problems:
            text = self.tr(p)
            widget = self._field_widget(getattr(p, "field", ""))
            index = next(
                (
                    i
                    for i in range(self.tabs.count())
                    if widget is not None and self.tabs.widget(i).isAncestorOf(widget)
                ),
                -1,
            )
            if index >= 0:
                tab = self.tabs.tabText(index).replace("&", "")
                if f"{tab} tab" not in text:
                    text += " " + self.tr("It is on the “%1” tab.").replace("%1", tab)
                first = first or (index, widget)
            lines.append(text)
        self._show_problem("\n".join(lines))
        if first is not None:
            index, widget = first
            self.tabs.setCurrentIndex(index)
            area = self.tabs.widget(index)
            if isinstance(area, QScrollArea):
                area.ensureWidgetVisible(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()

    def withdraw_consent(self, use: ConsentUse) -> None:
        """One action: the withdrawal is dated today, recorded in the vault, and shown."""
        today = self._today()
        by = self.interviewer.text().strip()
        stored = None
        if self._id is not None:
            stored = service.withdraw_consent(self._vault, self._id, use, on=today, by=by)
        if stored is not None:
            self._base = stored
        was_dirty = self._dirty
        # Not stored yet: the withdrawal is part of the form and is saved with it.
        self.form.mark_withdrawn(use, today, by)
        if stored is not None and not was_dirty:
            self.draft_state.setText(self.tr("Withdrawal recorded"))  # form and vault agree: no draft
        else:
            self.changed()
            self.save_draft_now()

    def ask_delete(self) -> None:
        if self._id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            labels.window_title(self.tr("Delete interview")),
            self.tr("Delete this interview, its statement and its attachments from the vault? This cannot be undone."),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        from desktop.services.backups import last_backup

        if last_backup(self._vault) is not None:
            box.setInformativeText(
                self.tr(
                    "A backup copy on a stick made before now still holds it, until a new backup replaces that copy."
                )
            )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.confirm_box = box

        def finished(_result: int) -> None:
            self.confirm_box = None
            if box.clickedButton() is delete:
                self.delete_current()

        box.finished.connect(finished)
        box.open()

    def delete_current(self) -> None:
        interview_id = self._id
        if interview_id is None:
            return
        self._draft_timer.stop()
        service.delete_interview(self._vault, interview_id)
        self.clear()
        self.deleted.emit(interview_id)

    def close_editor(self) -> None:
        """Back to the list. The draft (if any) stays in the vault for next time."""
        self.save_draft_now()
        if self._vault is not None:
            service.forget_open(self._vault)
        self.clear()
        self.closed.emit()

    # --- lock -----------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget everything shown: every field is emptied (on lock and when leaving the editor)."""
        self._draft_timer.stop()
        if self.confirm_box is not None:
            self.confirm_box.close()
            self.confirm_box = None
        self._loading = True
        try:
            self.form.clear()
            self.people.clear()
            self.attachments.clear()
            self.title.clear()
            self.problems.clear()
            self.problems.hide()
            self.notice.clear()
            self.notice.hide()
            self.discard_button.hide()
            self.draft_state.clear()
        finally:
            self._loading = False
        self._open = False
        self._dirty = False
        self._id = None
        self._base = None
        self._shown = None

    def detach(self) -> None:
        self.clear()
        self._vault = None
