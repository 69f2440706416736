"""The Attachments page of the interview: photos and scans, stored encrypted in the vault and shown
only inside Witnessbox. Files are prepared and stored on the pool, and read back on the pool; what
arrives after the form was left or locked is not shown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.core.model import AttachmentInfo
from desktop.services import interviews as interview_service
from desktop.ui import labels
from desktop.ui.attachment_viewer import AttachmentViewer, Viewable, read_viewable
from desktop.ui.form_widgets import intro, selected_row, table
from desktop.ui.models import AttachmentsModel
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)


class AttachmentsPanel(QWidget):
    """``show_for(vault, interview_id)`` lists an interview's attachments (``None``: not saved yet,
    so nothing can be attached); ``clear()`` forgets them and closes the viewer."""

    def __init__(
        self, tasks: TaskRunner, file_picker: Callable[[QWidget], list[Path]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._pick_files = file_picker
        self._vault = None
        self._id: str | None = None
        self._ticket = 0  # bumped whenever the panel changes interview: a late result is not shown
        self.viewer: AttachmentViewer | None = None
        self.confirm_box: QMessageBox | None = None  # "Remove this attachment?", while it is asked

        v = QVBoxLayout(self)
        v.setContentsMargins(8, 12, 8, 8)
        v.addWidget(
            intro(
                self,
                self.tr(
                    "Photos and scans are stored encrypted in the vault and open only inside "
                    "Witnessbox. Location and camera details are removed from photos as they "
                    "are added."
                ),
            )
        )
        self.attachments_model = AttachmentsModel(None, self)
        self.attachments_view = table(self, self.attachments_model, self.tr("Attachments"))
        self.attachments_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachments_view.setColumnWidth(0, 320)
        self.attachments_view.setColumnWidth(1, 140)
        v.addWidget(self.attachments_view, 1)
        self.attachment_message = QLabel(self)
        self.attachment_message.setWordWrap(True)
        self.attachment_message.setProperty("role", "error")
        self.attachment_message.setAccessibleName(self.tr("Attachment message"))
        self.attachment_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.attachment_message.hide()
        v.addWidget(self.attachment_message)
        row = QHBoxLayout()
        self.add_attachment_button = QPushButton(self.tr("&Add photo or scan…"), self)
        self.add_attachment_button.setAccessibleName(self.tr("Add photo or scan"))
        self.view_attachment_button = QPushButton(self.tr("&View"), self)
        self.view_attachment_button.setAccessibleName(self.tr("View the selected attachment"))
        self.remove_attachment_button = QPushButton(self.tr("Remove"), self)
        self.remove_attachment_button.setAccessibleName(self.tr("Remove the selected attachment"))
        row.addWidget(self.add_attachment_button)
        row.addWidget(self.view_attachment_button)
        row.addStretch(1)
        row.addWidget(self.remove_attachment_button)
        v.addLayout(row)
        self.add_attachment_button.clicked.connect(self.add_attachments)
        self.view_attachment_button.clicked.connect(self.view_selected_attachment)
        self.attachments_view.activated.connect(lambda _i: self.view_selected_attachment())
        self.remove_attachment_button.clicked.connect(self.ask_remove)
        # View and Remove follow the list's selection (they were on whenever any attachment existed).
        self.attachments_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.attachments_model.modelReset.connect(self._update_actions)
        self._update_actions()

    def show_for(self, vault, interview_id: str | None) -> None:
        """Show this interview's attachments (read now, on this thread: a short list of names)."""
        self._ticket += 1
        self._vault, self._id = vault, interview_id
        self.attachment_message.hide()
        self._reload()

    def _reload(self) -> None:
        items = [] if self._id is None or self._vault is None else self._vault.attachments.list(self._id)
        self.attachments_model.set_items(items)
        self._update_actions()

    def _update_actions(self, *_args: object) -> None:
        saved = self._id is not None
        self.add_attachment_button.setEnabled(saved)
        self.add_attachment_button.setToolTip(
            "" if saved else self.tr("Save the interview first, then add photos or scans.")
        )
        chosen = selected_row(self.attachments_view) >= 0
        self.view_attachment_button.setEnabled(chosen)
        self.remove_attachment_button.setEnabled(chosen)

    def _show_message(self, text: str) -> None:
        self.attachment_message.setText(text)
        self.attachment_message.show()

    # --- add ------------------------------------------------------------------------------

    def add_attachments(self) -> None:
        if self._id is None or self._vault is None:
            return
        paths = self._pick_files(self)
        if not paths:
            return
        self.attachment_message.hide()
        vault, interview_id = self._vault, self._id
        self.add_attachment_button.setEnabled(False)
        self._tasks.run_task(
            lambda: interview_service.attach_files(vault, interview_id, paths),
            lambda result: self._attachments_added(interview_id, result),
            lambda exc: self._attachment_failed(interview_id, exc),
        )

    def _attachments_added(self, interview_id: str, result: interview_service.AttachResult) -> None:
        if interview_id == self._id:  # else another interview is shown now, or the form was left or locked
            before = {a.id for a in self.attachments_model.items()}
            self._reload()
            # What she just added is the one chosen, ready to view (or remove, which asks first).
            new = [i for i, a in enumerate(self.attachments_model.items()) if a.id not in before]
            if new:
                self.attachments_view.selectRow(new[0])
            lines = [self.tr("Not attached: %1").replace("%1", self.tr(msg)) for msg in result.rejected]
            lines += [self.tr(msg) for msg in result.notes]
            if lines:
                self._show_message("\n".join(lines))
        self._update_actions()

    def _attachment_failed(self, interview_id: str, exc: BaseException) -> None:
        log.error("adding an attachment failed: %s", type(exc).__name__)
        if interview_id == self._id:
            self._show_message(self.tr("The attachment could not be stored. Nothing was added."))
        self._update_actions()

    # --- view and remove ------------------------------------------------------------------

    def _selected(self) -> AttachmentInfo | None:
        row = selected_row(self.attachments_view)
        return self.attachments_model.items()[row] if row >= 0 else None

    def view_selected_attachment(self) -> None:
        """Read the attachment on the pool (decrypt, check, parse a PDF, decode pictures), then show it,
        unless the form was left or locked meanwhile."""
        info = self._selected()
        if info is None or self._vault is None:
            return
        vault, ticket = self._vault, self._ticket

        def done(content: Viewable) -> None:
            if ticket != self._ticket:
                return
            if self.viewer is not None:
                self.viewer.close()
            self.viewer = AttachmentViewer(content, self)
            self.viewer.finished.connect(self._viewer_closed)
            self.viewer.open()

        def failed(exc: BaseException) -> None:
            log.error("reading an attachment failed: %s", type(exc).__name__)
            if ticket != self._ticket:
                return
            self._show_message(self.tr("This attachment could not be read from the vault."))

        self.attachment_message.hide()
        self._tasks.run_task(lambda: read_viewable(vault.attachments.get_bytes(info.id), info.media_type), done, failed)

    def _viewer_closed(self, _result: int) -> None:
        if self.viewer is not None:
            self.viewer.deleteLater()
            self.viewer = None

    def ask_remove(self) -> None:
        """Ask before the attachment leaves the vault: it cannot be brought back (it was deleted at once)."""
        info = self._selected()
        if info is None or self._vault is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            labels.window_title(self.tr("Remove attachment")),
            self.tr(
                "Remove this attachment from the interview? It is deleted from the vault and cannot be brought back."
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.confirm_box = box
        vault, interview_id = self._vault, self._id

        def finished(_result: int) -> None:
            self.confirm_box = None
            box.deleteLater()
            if box.clickedButton() is remove and self._vault is vault and self._id == interview_id:
                self._remove(info)

        box.finished.connect(finished)
        box.open()

    def remove_selected_attachment(self) -> None:
        info = self._selected()
        if info is not None:
            self._remove(info)

    def _remove(self, info: AttachmentInfo) -> None:
        if self._vault is None:
            return
        self._vault.attachments.delete(info.id)
        self._reload()

    def clear(self) -> None:
        """Forget the interview: close the viewer, drop the list, ignore any result still on its way."""
        self._ticket += 1
        if self.confirm_box is not None:  # locked while asked: nothing is removed
            self.confirm_box.reject()
        if self.viewer is not None:
            self.viewer.close()
            self._viewer_closed(0)
        self._vault, self._id = None, None
        self.attachments_model.set_items([])
        self.attachment_message.clear()
        self.attachment_message.hide()
        self._update_actions()
