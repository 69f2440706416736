"""The export dialog: choose interviews and a folder, export redacted statements, see what was written.

The work runs on the task runner (``desktop.ui.workers``): the export service it is given
(:func:`desktop.services.statements.export_statements`) renders, gates and writes one statement at
a time and writes each audit entry; its progress callback is turned into a signal so the bar moves
on the GUI thread, and Cancel sets the event it checks between statements. Statement files already
in the chosen folder are replaced only after the worker says so.
Interviews without consent for the complaint are listed but cannot be ticked. A destination in a
cloud-synced folder is allowed (statements are redacted and meant to be shared) but warned about.
The result list shows each reference with its fingerprint; refusals say why, never with a name.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import firewall
from desktop.core.model import CrimeType
from desktop.paths import display_path, documents_dir, synced_folder_name
from desktop.ui import labels
from desktop.ui.workers import Progress, TaskRunner

log = logging.getLogger(__name__)


class SummaryLike(Protocol):
    id: str
    reference: str
    consent_complaint: bool


FolderChooser = Callable[[QWidget], Path | None]
# export(ids, folder, *, overwrite, progress, cancel) -> BulkResult
Exporter = Callable[..., Any]
# existing(ids, folder) -> the statement files that exporting would replace
ExistingFiles = Callable[[list[str], Path], list[Path]]


def choose_folder(parent: QWidget) -> Path | None:
    """Qt's folder chooser, starting where the dialog says (the folder used last time, else Documents)."""
    start = parent.start_folder() if hasattr(parent, "start_folder") else documents_dir()
    chosen = QFileDialog.getExistingDirectory(parent, parent.tr("Folder for the statements"), str(start))
    return Path(chosen) if chosen else None


class ExportDialog(QDialog):
    export_finished = Signal(object)  # the BulkResult
    show_in_review = Signal(str, object)  # interview id, the Place where the gate found redacted text
    organisation_requested = Signal()  # "Set it in Settings…": the organisation's name, before exporting

    def __init__(
        self,
        summaries: Sequence[SummaryLike],
        export: Exporter,
        runner: TaskRunner,
        choose: FolderChooser = choose_folder,
        existing: ExistingFiles | None = None,
        parent: QWidget | None = None,
        *,
        remembered: Path | None = None,
        remember: Callable[[Path], None] | None = None,
        open_folder: Callable[[Path], bool] = firewall.open_local_folder,
        no_organisation: str = "",
    ) -> None:
        """``remembered``: the folder statements went to last time (shown again if it is still there);
        ``remember(folder)`` keeps the folder once statements were written to it; ``open_folder``
        shows that folder in the file manager ("Open folder"); ``no_organisation``: what to say while
        no organisation's name is set (the statements then say "Not recorded"), "" once it is."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export redacted statements"))
        self.setObjectName("exportDialog")
        self._export = export
        self._existing = existing
        self.replace_box: QMessageBox | None = None
        self._runner = runner
        self._choose = choose
        self._folder: Path | None = None
        self._remembered = Path(remembered) if remembered else None
        self._remember = remember
        self._open_folder = open_folder
        self._written_to: Path | None = None
        self._cancel = threading.Event()
        self._progress = Progress(self)
        self._progress.moved.connect(self._moved)

        self.interviews = QListWidget(self)
        self.interviews.setAccessibleName(self.tr("Interviews to export"))
        for s in summaries:
            label = s.reference
            crime = getattr(s, "crime_type", None)
            if isinstance(crime, CrimeType):
                label += f"  -  {labels.crime_label(crime)}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            if s.consent_complaint:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            else:
                item.setText(label + self.tr("  (no consent for the complaint: cannot be exported)"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.interviews.addItem(item)
        self.interviews.itemChanged.connect(lambda _item: self._update())

        self.folder_edit = QLineEdit(self)
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("Choose a folder"))
        self.folder_edit.setAccessibleName(self.tr("Destination folder"))
        self.choose_button = QPushButton(self.tr("Choose folder..."), self)
        self.choose_button.clicked.connect(self._choose_folder)
        self.synced_warning = QLabel(self)
        self.synced_warning.setWordWrap(True)
        self.synced_warning.setObjectName("warning")
        self.synced_warning.hide()

        # Said once, at the top, while no organisation's name is set: export anyway, or set it first.
        self.organisation_note = QLabel(self)
        self.organisation_note.setWordWrap(True)
        self.organisation_note.setObjectName("warning")
        self.organisation_button = QPushButton(self.tr("Set it in Se&ttings…"), self)
        self.organisation_button.setToolTip(self.tr("Close this and type the organisation's name in Settings"))
        self.organisation_button.clicked.connect(self.organisation_requested)
        if no_organisation:
            self.organisation_note.setText(
                self.tr(no_organisation) + " " + self.tr("Export them like that, or set the name first.")
            )
        else:
            self.organisation_note.hide()
            self.organisation_button.hide()

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Statements written"))
        # A refusal is a sentence: wrapped, so it is read whole rather than scrolled sideways.
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.show_button = QPushButton(self.tr("&Show in the review"), self)
        self.show_button.setToolTip(self.tr("Open the redaction review at the place the text still stands"))
        self.show_button.clicked.connect(self._show_place)
        self.show_button.hide()
        self.open_button = QPushButton(self.tr("&Open folder"), self)
        self.open_button.setToolTip(self.tr("Show the folder the statements were saved in"))
        self.open_button.clicked.connect(self.open_written_folder)
        self.open_button.hide()
        self._place: tuple[str, Any] | None = None

        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Cancel export"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        action_row = QHBoxLayout()
        action_row.addWidget(self.export_button)
        action_row.addWidget(self.cancel_button)
        action_row.addWidget(self.show_button)
        action_row.addWidget(self.open_button)
        action_row.addStretch(1)
        action_row.addWidget(buttons)
        layout = QVBoxLayout(self)
        note_row = QHBoxLayout()
        note_row.addWidget(self.organisation_note, 1)
        note_row.addWidget(self.organisation_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(note_row)
        layout.addWidget(QLabel(self.tr("Interviews"), self))
        layout.addWidget(self.interviews, 1)
        layout.addWidget(QLabel(self.tr("Save the statements in"), self))
        layout.addLayout(folder_row)
        layout.addWidget(self.synced_warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addLayout(action_row)
        self.resize(640, 520)
        if self._remembered is not None and self._remembered.is_dir():
            self.set_folder(self._remembered)
        self._update()

    # -- choices ------------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        out = []
        for i in range(self.interviews.count()):
            item = self.interviews.item(i)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled and item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def start_folder(self) -> Path:
        """Where the folder chooser starts: the folder chosen now or last time, else Documents."""
        for folder in (self._folder, self._remembered):
            if folder is not None and folder.is_dir():
                return folder
        return documents_dir()

    def set_folder(self, folder: Path) -> None:
        self._folder = Path(folder)
        self.folder_edit.setText(display_path(self._folder))
        synced = synced_folder_name(self._folder)
        if synced:
            self.synced_warning.setText(
                self.tr(
                    "This folder is synchronised by a cloud service ({name}): the statements will be uploaded. "
                    "They are redacted, but choose a folder on this computer unless you mean to share them that way."
                ).format(name=synced)
            )
        self.synced_warning.setVisible(bool(synced))
        self._update()

    @Slot()
    def _choose_folder(self) -> None:
        chosen = self._choose(self)
        if chosen is not None:
            self.set_folder(chosen)

    def _update(self) -> None:
        busy = self._runner.busy
        self.export_button.setEnabled(not busy and self._folder is not None and bool(self.selected_ids()))

    # -- export -------------------------------------------------------------------------------

    @Slot()
    def start_export(self) -> None:
        ids = self.selected_ids()
        folder = self._folder
        if not ids or folder is None:
            return
        if not folder.is_dir():
            self.status.setText(self.tr("That folder does not exist any more; choose another."))
            return
        found = self._existing(ids, folder) if self._existing is not None else []
        if found:
            self._ask_replace(len(found))
            return
        self._start(ids, folder, overwrite=False)

    def _ask_replace(self, n: int) -> None:
        """Ask before replacing statement files already in the folder; the export starts only on Replace."""
        # both forms written out: no translation file is loaded, so Qt's "%n ...(s)" would show "(s)"
        text = (
            self.tr(
                "A statement file with the same name is already in this folder. Replace it with the "
                "statement exported now?"
            )
            if n == 1
            else self.tr(
                "{n} statement files with the same names are already in this folder. Replace them with "
                "the statements exported now?"
            ).format(n=n)
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), text, QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("replaceFilesBox")
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def finished(_result: int) -> None:
            chosen = box.clickedButton() is replace
            self.replace_box = None
            box.deleteLater()
            if chosen and self._folder is not None:
                self._start(self.selected_ids(), self._folder, overwrite=True)
            elif not chosen:
                self.status.setText(
                    self.tr("Nothing was exported. Choose another folder, or export again and choose Replace.")
                )

        box.finished.connect(finished)
        self.replace_box = box
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    def _start(self, ids: list[str], folder: Path, *, overwrite: bool) -> None:
        if not ids:
            return
        self._cancel.clear()
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.show()
        self.results.clear()
        self.results.hide()
        self.open_button.hide()
        self._written_to = None
        self.status.setText(self.tr("Exporting..."))
        self.cancel_button.show()
        self.export_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.interviews.setEnabled(False)
        self.organisation_button.setEnabled(False)  # not while statements are being written
        moved = self._progress.moved
        export, cancel = self._export, self._cancel

        def work() -> Any:
            return export(ids, folder, overwrite=overwrite, progress=moved.emit, cancel=cancel)

        self._runner.run_task(work, self._done, self._failed)

    @Slot()
    def cancel(self) -> None:
        self._cancel.set()
        self.status.setText(self.tr("Stopping after the statement in progress..."))

    @Slot(int, int)
    def _moved(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.cancel_button.hide()
        self.choose_button.setEnabled(True)
        self.interviews.setEnabled(True)
        self.organisation_button.setEnabled(True)
        self._update()

    def _done(self, result: Any) -> None:
        self._finish()
        for r in result.written:
            item = QListWidgetItem(
                self.tr("{ref}  written  -  fingerprint {fp}").format(
                    ref=r.reference, fp=" ".join(r.fingerprint[i : i + 4].upper() for i in range(0, 16, 4))
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, r.fingerprint)
            item.setToolTip(r.fingerprint)
            self.results.addItem(item)
        for _ref, why in result.refused:
            self.results.addItem(QListWidgetItem(self.tr("Not exported: {why}").format(why=why)))
        places = getattr(result, "places", {})
        self._place = next(iter(places.items()), None)
        self.show_button.setVisible(self._place is not None)
        self.results.show()
        summary = self.tr("{n} written, {m} not exported.").format(n=len(result.written), m=len(result.refused))
        if result.cancelled:
            summary = self.tr("Cancelled. ") + summary
        if result.written:
            folder = result.written[0].path.parent
            self._written_to = folder
            self.open_button.setVisible(True)
            if self._remember is not None:
                self._remember(folder)
            self._remembered = folder
            summary += " " + self.tr(
                "The fingerprint is printed on every page of the statement and listed in the evidence pack: "
                "it lets a lawyer or inspector check that a copy they hold is this statement, unchanged."
            )
        self.status.setText(summary)
        if result.written and not self.organisation_note.isHidden():
            self._say_what_was_written_without_organisation(len(result.written))
        self.export_finished.emit(result)

    def _say_what_was_written_without_organisation(self, n: int) -> None:
        """After statements were written with no organisation's name set: the note says what they say
        now, and how to put the name on them (it no longer offers a choice that has been made)."""
        written = (
            self.tr("The statement just written says")
            if n == 1
            else self.tr("The {n} statements just written say").format(n=n)
        )
        self.organisation_note.setText(
            written
            + " "
            + self.tr(
                "“Statement taken by: Not recorded”, as no organisation's name is set. To name it, set it in "
                "Settings, then export again and choose Replace."
            )
        )

    @Slot()
    def open_written_folder(self) -> None:
        """Show the folder the statements were just written to."""
        if self._written_to is not None and not self._open_folder(self._written_to):
            self.status.setText(
                self.tr("The folder could not be opened from here. The statements are in {folder}.").format(
                    folder=self._written_to
                )
            )

    def _show_place(self) -> None:
        if self._place is not None:
            self.show_in_review.emit(*self._place)

    def _failed(self, exc: BaseException) -> None:
        from desktop.services.errors import Refused, failure_words

        self._finish()
        if isinstance(exc, Refused):  # e.g. the folder is inside a vault: the message is the worker's words
            self.status.setText(str(exc))
            return
        words = failure_words(exc)
        if words is not None:  # the folder read-only, the stick full or pulled out, a font missing: say which
            log.warning("the export stopped: %s", type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))
            self.status.setText(
                words + " " + self.tr("Statements already written are complete; the others were not written.")
            )
            return
        # Neither the message nor the exception's name is shown: the message could quote data, and the name
        # means nothing to a worker. The log keeps where it stopped (its traceback scrubbed of messages).
        log.error("the export stopped: %s", type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))
        self.status.setText(
            self.tr(
                "The export stopped because of an unexpected problem. Statements already "
                "written are complete; the others were not written. Try again; if it stops "
                "again, tell whoever looks after Witnessbox: the log says where it stopped, "
                "without any interview content."
            )
        )

    def done(self, result: int) -> None:
        if self.replace_box is not None:  # closed (or locked) while asking: nothing is replaced
            box, self.replace_box = self.replace_box, None
            box.reject()
        super().done(result)

    def launch(self) -> int:
        """Show the dialog modally (tests drive the dialog without calling this)."""
        return self.exec()


FileChooser = Callable[[QWidget], Path | None]


def choose_signing_file(parent: QWidget) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, parent.tr("Save the signing copy"), "", parent.tr("PDF (*.pdf)")
    )
    return Path(chosen) if chosen else None


class SigningCopyDialog(QDialog):
    """The full, unredacted statement for the interviewee to read back and sign.

    Nothing is made until the worker ticks that they understand it holds personal data, and
    nothing is written anywhere but the file they choose.
    """

    saved = Signal(object)  # the Path written

    def __init__(
        self,
        save: Callable[..., Path],
        runner: TaskRunner,
        choose: FileChooser = choose_signing_file,
        parent: QWidget | None = None,
    ) -> None:
        """``save(path, *, confirmed, overwrite)`` makes and writes the copy
        (:func:`desktop.services.signing.save_signing_copy` for one interview)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signing copy"))
        self._save = save
        self._runner = runner
        self._choose = choose
        warning = QLabel(
            self.tr(
                "The signing copy is the whole statement as the interviewee gave it, with every name and "
                'detail. Every page is marked "Contains personal data". Print it to read back and sign, '
                "then destroy the file."
            ),
            self,
        )
        warning.setWordWrap(True)
        self.confirm = QCheckBox(self.tr("I understand that this file holds personal data"), self)
        self.save_button = QPushButton(self.tr("Save signing copy as..."), self)
        self.save_button.setEnabled(False)
        self.confirm.toggled.connect(self.save_button.setEnabled)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.confirm)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    @Slot()
    def save(self) -> None:
        if not self.confirm.isChecked():
            return
        path = self._choose(self)
        if path is None:
            return
        save = self._save
        if save is None:
            return
        self.save_button.setEnabled(False)

        def work() -> Path:
            # the file chooser has already asked before replacing a file of that name
            return save(path, confirmed=True, overwrite=True)

        def done(written: Path) -> None:
            self.save_button.setEnabled(True)
            self.status.setText(self.tr("Saved. Delete the file once the statement is signed."))
            self.saved.emit(written)

        def failed(exc: BaseException) -> None:
            from desktop.services.errors import Refused

            self.save_button.setEnabled(True)
            if isinstance(exc, Refused):
                self.status.setText(str(exc))  # these messages hold no statement text
            else:
                # not the exception's name (it means nothing to a worker) nor its message (it could hold data)
                log.error("the signing copy was not saved: %s", type(exc).__name__)
                self.status.setText(
                    self.tr(
                        "The signing copy could not be saved there. Check that the folder "
                        "or stick is there, has room and can be written to, then try again."
                    )
                )

        self._runner.run_task(work, done, failed)

    def done(self, result: int) -> None:
        # Closed, or closed by a lock: a copy still being written keeps this dialog (hidden) until it
        # reports back, and it must not be able to make another copy after.
        self._save = None
        super().done(result)

    def launch(self) -> int:
        return self.exec()
