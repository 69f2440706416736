"""From a saved interview to a redacted PDF: the redaction review, the export, the signing copy and the seal.

:class:`StatementActions` is what the main window calls when the worker presses "Review
redactions", "Export statement", "Signing copy" or "Record signed" in the form, or "Export
statements" on the list. Everything works on the interview as saved in the vault, and the review
and the export make their text the same way (:mod:`desktop.services.statements`: the same text, the
record's known identifiers, the decisions stored in the vault), so the preview in the review is
exactly the text the PDF is drawn from. Every rule (consent, audit entries, the seal) is in the
services; this module only shows their results.

* Every review decision is saved to the vault as it is made; keeping a suggestion (rejecting it)
  is recorded in the audit log as an action on the interview's id. The reason stays with the
  decisions, inside the encrypted vault, never in the audit log.
* Each dialog is window-modal and opened with ``open()``. On lock, :meth:`StatementActions.close_all`
  closes them and empties every widget that showed statement text before the lock screen shows.
* The review's suggestions are found on the task runner's pool (a 30-page statement must not
  freeze the window); the review opens when they arrive, and only if nothing happened meanwhile:
  a lock, another review asked for, or the vault let go. Detection that finishes after a lock is
  thrown away unseen, so no review ever opens over the lock screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import CrimeType
from desktop.ui import labels
from desktop.ui.dialog_host import DialogHost
from desktop.ui.export_dialog import ExportDialog, SigningCopyDialog, choose_folder, choose_signing_file
from desktop.ui.quotation_panel import QuotationSource
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

FolderChooser = Callable[[QWidget], Path | None]
FileChooser = Callable[[QWidget], Path | None]


EXPORT_FOLDER_KEY = "export_folder"  # in the vault's settings: where statements went last time


def _titled(purpose: str) -> str:
    return labels.window_title(purpose)


def _remember_folder(vault, folder: Path) -> None:  # noqa: ANN001 - an unlocked Vault
    """Keep the folder statements were written to, for the next export (a failure only forgets it)."""
    from desktop.vault import VaultError

    try:
        vault.settings.set(EXPORT_FOLDER_KEY, str(folder))
    except VaultError as exc:
        log.warning("the export folder could not be remembered: %s", type(exc).__name__)


@dataclass(frozen=True)
class _Summary:
    """What the export dialog lists for one interview: its reference, crime type and consent, no content."""

    id: str
    reference: str
    consent_complaint: bool
    crime_type: CrimeType


class ReviewDialog(QDialog):
    """The redaction review for one saved interview, in its own window.

    ``save(payload, before)`` stores the decisions (called after every change, with the payload
    saved before it). ``export_requested`` asks for the export of this statement, made from the
    same decisions.
    """

    export_requested = Signal()

    def __init__(
        self,
        text: str,
        known,
        decisions: dict | None,
        *,
        save: Callable[[dict, dict | None], None],
        sealed: bool = False,
        spans: list | None = None,
        parent: QWidget | None = None,
        quotations: QuotationSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_titled(self.tr("Review redactions")))
        self.setObjectName("reviewDialog")
        self._save = save
        intro = QLabel(
            self.tr(
                "Highlighted text will be replaced in the PDF. Recorded names and identifiers are always redacted. "
                "Every change is saved as you make it. \u201cApply and preview\u201d shows exactly the text the PDF "
                "is made from."
            ),
            self,
        )
        if sealed:
            intro.setText(
                intro.text()
                + " "
                + self.tr(
                    "This statement is signed: the lines of \u2042\u2042\u2042 mark where each dated addendum starts."
                )
            )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.intro = intro
        # Loaded here, not when the window starts: the detectors' patterns and word lists come with it.
        from desktop.ui.redaction_review import RedactionReview

        self.review = RedactionReview(text, known, decisions, self, spans=spans)
        self.review.decisions_changed.connect(self._changed)
        self._saved: dict | None = self.review.decisions.to_dict()
        # Passages marked as quotable: their own widget, beside the review (desktop/ui/quotation_panel.py).
        # Made before the buttons below it, so Tab reaches it between the preview and Export, as laid out.
        self.quotations = quotations.panel(self.review.view, text, self) if quotations is not None else None
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.export_button = QPushButton(self.tr("E&xport statement…"), self)
        self.export_button.setAccessibleName(self.tr("Export this statement"))
        self.export_button.clicked.connect(self.export_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.review, 1)
        if self.quotations is not None:
            layout.addWidget(self.quotations)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1000, 680)

    def _changed(self, payload: dict) -> None:
        from desktop.vault import VaultError

        try:
            self._save(payload, self._saved)
        except VaultError as exc:
            log.error("saving redaction decisions failed: %s", type(exc).__name__)
            self.message.setText(
                self.tr(
                    "This change could not be saved in the vault. Close the review and open it again before exporting."
                )
            )
            self.message.show()
            self.export_button.setEnabled(False)
            return
        self._saved = payload

    def drop(self) -> None:
        """Forget the statement: every widget that showed it is emptied (on lock and on close)."""
        self.review.blockSignals(True)  # nothing more is saved from an emptied review
        self.review.clear()
        if self.quotations is not None:
            self.quotations.clear()


def quotation_source(vault, interview_id: str) -> QuotationSource:  # noqa: ANN001 - an unlocked Vault
    """The interview's quotation marks, and marking and removing through the services (audited there)."""
    from desktop.core.model import ConsentUse
    from desktop.services import quotations

    return QuotationSource(
        quotations.listed(vault, interview_id),
        mark=lambda start, end, theme: quotations.mark(vault, interview_id, start, end, theme),
        remove=lambda quotation_id: quotations.remove(vault, quotation_id),
        consented=vault.interviews.get(interview_id).has_consent(ConsentUse.QUOTATION),
    )


class StatementActions(DialogHost):
    """The statement's way out of the vault, for the main window. ``attach(vault)`` after unlock,
    ``close_all()`` on lock."""

    sealed = Signal(str)  # the interview id
    organisation_requested = Signal()  # from the export dialog: Settings, at the organisation's name

    def __init__(
        self,
        tasks: TaskRunner,
        parent: QWidget,
        *,
        choose_folder: FolderChooser = choose_folder,
        choose_signing_file: FileChooser = choose_signing_file,
    ) -> None:
        super().__init__(tasks, parent)
        self._window = parent
        self._choose_folder = choose_folder
        self._choose_signing_file = choose_signing_file
        self._vault = None
        self.review_dialog: ReviewDialog | None = None
        # Bumped by every review asked for and by every lock: detection that comes back with an
        # older ticket is for a review nobody is waiting for any more.
        self._review_ticket = 0
        self._pending_review: str | None = None  # the interview whose suggestions are being found
        self.export_dialog: ExportDialog | None = None
        self.signing_dialog: SigningCopyDialog | None = None
        self.message_box: QMessageBox | None = None

    def attach(self, vault) -> None:
        self._vault = vault

    # --- the review ----------------------------------------------------------------------

    @property
    def review_pending(self) -> bool:
        """A review was asked for and its suggestions are still being found."""
        return self._pending_review is not None

    def review(self, interview_id: str, place=None) -> None:  # noqa: ANN001 - a services Place
        """Open the redaction review for the saved interview. The text and its suggestions are found
        on the pool; the dialog (``review_dialog``) opens when they arrive, unless a lock or another
        review came first. ``place``: where the gate found text still standing, shown selected."""
        from desktop.services import statements

        vault = self._vault
        if vault is None:
            return
        self._close(self.review_dialog)
        self._review_ticket += 1
        ticket = self._review_ticket
        self._pending_review = interview_id

        def current() -> bool:
            return ticket == self._review_ticket and self._vault is vault

        def found(material: statements.ReviewMaterial) -> None:
            if not current():
                return  # locked, or another review asked for, while this one was being found
            self._pending_review = None
            self._open_review(vault, material, place)

        def failed(exc: BaseException) -> None:
            from desktop.services.errors import Refused

            if not current():
                return
            self._pending_review = None
            if isinstance(exc, Refused):
                self._tell(self.tr("Review redactions"), str(exc))
                return
            log.error("finding redaction suggestions failed: %s", type(exc).__name__)
            self._tell(
                self.tr("Review redactions"),
                self.tr(
                    "The suggestions for this statement could not be found, so the review cannot open and the "
                    "statement will not be exported. Nothing was changed."
                ),
            )

        self._tasks.run_task(lambda: statements.review(vault, interview_id), found, failed)

    def _open_review(self, vault, material, place=None) -> None:  # noqa: ANN001
        from desktop.services import statements

        interview_id = material.interview_id
        try:
            dialog = ReviewDialog(
                material.text,
                material.known,
                material.decisions,
                save=lambda payload, before: statements.save_decisions(vault, interview_id, payload, before),
                sealed=material.sealed,
                spans=material.spans,
                parent=self._window,
                quotations=quotation_source(vault, interview_id),
            )
        except ValueError as exc:  # stored decisions that do not parse: say so, never start afresh silently
            log.error("stored redaction decisions could not be read: %s", type(exc).__name__)
            self._tell(
                self.tr("Review redactions"),
                self.tr(
                    "The review decisions saved for this statement could not be read, so the review cannot open "
                    "and the statement will not be exported. Nothing was changed."
                ),
            )
            return
        dialog.export_requested.connect(lambda: self._export_from_review(interview_id))
        dialog.finished.connect(lambda _r: self._forget_review(dialog))
        self.review_dialog = dialog
        self._modal(dialog)
        if place is not None:
            dialog.review.show_place(place.paragraph, place.line, place.start, place.end)

    def _forget_review(self, dialog: ReviewDialog) -> None:
        dialog.drop()
        dialog.deleteLater()
        if self.review_dialog is dialog:
            self.review_dialog = None

    def _export_from_review(self, interview_id: str) -> None:
        if self.review_dialog is not None:
            self.review_dialog.accept()
        self.export_one(interview_id)

    # --- export --------------------------------------------------------------------------

    def export_one(self, interview_id: str) -> ExportDialog | None:
        """The export dialog for one interview, or the plain reason it cannot be exported."""
        vault = self._vault
        if vault is None:
            return None
        from desktop.services.statements import export_refusal

        refusal = export_refusal(vault, interview_id)
        if refusal is not None:
            self._tell(self.tr("Export statement"), str(refusal))
            return None
        iv = vault.interviews.get(interview_id)
        summary = _Summary(iv.id, iv.reference, True, iv.crime_type)
        return self._open_export([summary])

    def export_many(self, flt=None) -> ExportDialog | None:
        """The export dialog for every interview in the list as filtered (all of them without a filter)."""
        vault = self._vault
        if vault is None:
            return None
        n = vault.interviews.count(flt)
        if n == 0:
            self._tell(self.tr("Export statements"), self.tr("There are no interviews to export."))
            return None
        rows = vault.interviews.list_summaries(flt, limit=n, sort="reference", descending=False)
        return self._open_export([_Summary(s.id, s.reference, s.consent_complaint, s.crime_type) for s in rows])

    def _open_export(self, summaries: list[_Summary]) -> ExportDialog:
        from desktop.services import statements
        from desktop.services.organisation import missing_note

        vault = self._vault
        self._close(self.export_dialog)
        remembered = vault.settings.get(EXPORT_FOLDER_KEY)
        dialog = ExportDialog(
            summaries,
            partial(statements.export_statements, vault),
            self._tasks,
            choose=self._choose_folder,
            existing=partial(statements.existing_files, vault),
            parent=self._window,
            remembered=Path(remembered) if isinstance(remembered, str) and remembered else None,
            remember=partial(_remember_folder, vault),
            no_organisation=missing_note(vault),
        )
        dialog.setWindowTitle(_titled(dialog.tr("Export redacted statements")))
        dialog.resize(760, 600)  # room for a dozen interviews and their results without scrolling
        dialog.finished.connect(lambda _r: self._forget(dialog, "export_dialog"))
        dialog.show_in_review.connect(self._show_in_review)
        dialog.organisation_requested.connect(self._set_organisation_first)
        self.export_dialog = dialog
        # the workers warm while the folder is chosen (only if there are enough statements for them)
        statements.warm_workers(sum(1 for s in summaries if s.consent_complaint))
        self._modal(dialog)
        return dialog

    def _set_organisation_first(self) -> None:
        """From the export dialog's note: close it (nothing was exported) and open Settings at the name."""
        self._close(self.export_dialog)
        self.organisation_requested.emit()

    def _show_in_review(self, interview_id: str, place) -> None:  # noqa: ANN001 - a services Place
        """From a refused export: the review of that interview, open at the place the text still stands."""
        self._close(self.export_dialog)
        self.review(interview_id, place)

    # --- the signing copy and the seal ---------------------------------------------------

    def signing_copy(self, interview_id: str) -> SigningCopyDialog | None:
        vault = self._vault
        if vault is None:
            return None
        self._close(self.signing_dialog)
        from desktop.services.signing import save_signing_copy

        dialog = SigningCopyDialog(
            partial(save_signing_copy, vault, interview_id),
            self._tasks,
            choose=self._choose_signing_file,
            parent=self._window,
        )
        dialog.setWindowTitle(_titled(dialog.tr("Signing copy")))
        dialog.finished.connect(lambda _r: self._forget(dialog, "signing_dialog"))
        self.signing_dialog = dialog
        self._modal(dialog)
        return dialog

    def ask_record_signed(self, interview_id: str) -> QMessageBox | None:
        """Ask before sealing: from then on, changes to the statement are dated addenda."""
        if self._vault is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _titled(self.tr("Record signed")),
            self.tr(
                "Record that the interviewee has read back and signed this statement? "
                "It is then sealed: any later change to it appears in every export as a "
                "dated addendum."
            ),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        record = box.addButton(self.tr("Record signed"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def finished(_result: int) -> None:
            if self.message_box is box:
                self.message_box = None
            if box.clickedButton() is record:
                self.record_signed(interview_id)
            box.deleteLater()

        box.finished.connect(finished)
        self._show_box(box)
        return box

    def record_signed(self, interview_id: str) -> bool:
        """Seal the statement as saved now: its status becomes Sealed, so this saved version is the
        signed one and each later version of the statement becomes a dated addendum."""
        vault = self._vault
        if vault is None:
            return False
        from desktop.services.signing import seal
        from desktop.vault import VaultError

        try:
            if not seal(vault, interview_id):
                return True  # already sealed: nothing changed
        except VaultError as exc:
            log.error("sealing a statement failed: %s", type(exc).__name__)
            self._tell(self.tr("Record signed"), self.tr("The signature could not be recorded. Nothing was changed."))
            return False
        self.sealed.emit(interview_id)
        return True

    # --- plumbing ------------------------------------------------------------------------

    def _tell(self, purpose: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, _titled(purpose), text, QMessageBox.StandardButton.Ok, self._window
        )

        def finished(_result: int) -> None:
            if self.message_box is box:
                self.message_box = None
            box.deleteLater()

        box.finished.connect(finished)
        self._show_box(box)

    def _show_box(self, box: QMessageBox) -> None:
        self._close(self.message_box)
        self.message_box = box
        self._modal(box)

    def close_all(self) -> None:
        """On lock: stop any export after the statement in progress, forget a review whose suggestions
        are still being found, close every dialog and empty the review before the lock screen shows."""
        self._review_ticket += 1
        self._pending_review = None
        if self.export_dialog is not None:
            self.export_dialog.cancel()
        review = self.review_dialog
        for d in (self.review_dialog, self.export_dialog, self.signing_dialog, self.message_box):
            self._close(d)
        if review is not None:
            review.drop()  # already done by its finished signal; again, in case it was not connected yet
        self.review_dialog = self.export_dialog = self.signing_dialog = self.message_box = None

    def detach(self) -> None:
        self.close_all()
        self._vault = None
