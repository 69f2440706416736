"""The evidence pack, from the coordinator's window: choose where, make it, see it signed or refused.

:class:`PackActions` opens :class:`EvidencePackDialog` over the main window ("Evidence pack…" in the
header). The dialog only asks and shows: the pack is made by
:func:`desktop.services.evidence_pack.build` on the task runner, with the same checks as
``witnessbox evidence-pack`` (a new folder, never over one that exists; every consented statement
through the leak gate, or no pack at all) and the same words when it is done or refused
(:meth:`~desktop.services.evidence_pack.PackResult.lines`). Its progress callback becomes a signal;
Cancel sets the event the service checks between statements, and a cancelled pack leaves nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import firewall
from desktop.paths import documents_dir
from desktop.ui import labels
from desktop.ui.dialog_host import DialogHost
from desktop.ui.workers import Progress, TaskRunner

log = logging.getLogger(__name__)

FolderChooser = Callable[[QWidget], Path | None]
# build(out, *, progress, cancel) -> PackResult
Builder = Callable[..., Any]


def choose_pack_parent(parent: QWidget) -> Path | None:
    """Qt's folder chooser: the folder the new pack's folder is made in."""
    chosen = QFileDialog.getExistingDirectory(
        parent, parent.tr("Where to make the evidence pack"), str(documents_dir())
    )
    return Path(chosen) if chosen else None


class EvidencePackDialog(QDialog):
    made = Signal(object)  # the PackResult of a pack written

    def __init__(
        self,
        build: Builder,
        runner: TaskRunner,
        *,
        threshold: int,
        today: date,
        choose: FolderChooser = choose_pack_parent,
        parent: QWidget | None = None,
        open_folder: Callable[[Path], bool] = firewall.open_local_folder,
    ) -> None:
        super().__init__(parent)
        from desktop.services.evidence_pack import default_name

        self.setObjectName("packDialog")
        self.setWindowTitle(labels.window_title(self.tr("Evidence pack")))
        self._build, self._runner, self._choose = build, runner, choose
        self._parent_folder: Path | None = None
        self._open_folder = open_folder
        self._made: Path | None = None
        self._cancel = threading.Event()
        self._progress = Progress(self)
        self._progress.moved.connect(self._moved)
        self.working = False

        intro = QLabel(
            self.tr(
                "The evidence pack is a new folder holding the summary with its charts, the tables as CSV, every "
                "redacted statement consented for the complaint, and a list of every file's SHA-256 signed with "
                "this laptop's key, so the complaint team can check that nothing was changed. It is made "
                "complete, or not at all: if one statement cannot be exported, no pack is made.\n\n"
                "Counts below {n} show as \u201cfewer than {n}\u201d (set on the Totals screen)."
            ).format(n=threshold),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")

        self.folder_edit = QLineEdit(self)
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("No folder chosen"))
        self.folder_edit.setAccessibleName(self.tr("Where the pack's folder is made"))
        self.choose_button = QPushButton(self.tr("C&hoose folder…"), self)
        self.choose_button.setAccessibleName(self.tr("Choose where to make the pack"))
        self.choose_button.clicked.connect(self._choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder_edit, 1)
        where.addWidget(self.choose_button)
        self.name_edit = QLineEdit(default_name(today), self)
        self.name_edit.setAccessibleName(self.tr("Name of the pack's new folder"))
        self.name_edit.textChanged.connect(lambda _t: self._update())
        form = QFormLayout()
        form.addRow(self.tr("In the folder:"), where)
        form.addRow(self.tr("New folder's name:"), self.name_edit)

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Statements exported into the pack"))
        self.progress.setFormat(self.tr("%v of %m statements"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("What happened"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.make_button = QPushButton(self.tr("&Make evidence pack"), self)
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Stop"), self)
        self.cancel_button.setAccessibleName(self.tr("Stop making the pack"))
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton(self.tr("&Open folder"), self)
        self.open_button.setAccessibleName(self.tr("Open the pack's folder"))
        self.open_button.clicked.connect(self.open_made_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Hidden after they are added: a button box shows every button it is given. Stop is there only
        # while the pack is being made, Open folder only once it is made.
        self.cancel_button.hide()
        self.open_button.hide()
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status, 1)
        layout.addWidget(buttons)
        self.resize(640, 400)
        self._update()

    def _choose_folder(self) -> None:
        chosen = self._choose(self)
        if chosen is not None:
            self._parent_folder = Path(chosen)
            self.folder_edit.setText(str(self._parent_folder))
            self.status.clear()
        self._update()

    def _update(self) -> None:
        ready = self._parent_folder is not None and bool(self.name_edit.text().strip())
        self.make_button.setEnabled(ready and not self.working)

    @Slot()
    def start(self) -> None:
        if self._parent_folder is None or self.working:
            return
        out = self._parent_folder / self.name_edit.text().strip()
        self._cancel.clear()
        self.working = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Making the evidence pack…"))
        self.open_button.hide()
        self.cancel_button.show()
        for w in (self.choose_button, self.name_edit):
            w.setEnabled(False)
        self._update()
        build, moved, cancel = self._build, self._progress.moved, self._cancel
        self._runner.run_task(lambda: build(out, progress=moved.emit, cancel=cancel), self._done, self._failed)

    @Slot()
    def cancel(self) -> None:
        self._cancel.set()
        self.status.setText(self.tr("Stopping after the statement in progress…"))

    @Slot(int, int)
    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.working = False
        self.cancel_button.hide()
        for w in (self.choose_button, self.name_edit):
            w.setEnabled(True)
        self._update()

    def _done(self, result: Any) -> None:
        self._finish()
        if result.folder is None:
            self.progress.hide()
        self.status.setProperty("role", "" if result.folder is not None else "error")
        self.status.style().polish(self.status)
        self.status.setText("\n".join(result.lines(signer="this laptop's key")))
        if result.folder is not None:
            self._made = Path(result.folder)
            self.open_button.show()
            self.made.emit(result)

    @Slot()
    def open_made_folder(self) -> None:
        """Show the pack just made in the file manager."""
        if self._made is not None and not self._open_folder(self._made):
            self.status.setText(
                self.status.text()
                + "\n"
                + self.tr("The folder could not be opened from here. The pack is in {folder}.").format(
                    folder=self._made
                )
            )

    def _failed(self, exc: BaseException) -> None:
        from desktop.services.errors import Refused, failure_words

        self._finish()
        self.progress.hide()
        self.status.setProperty("role", "error")
        self.status.style().polish(self.status)
        if isinstance(exc, Refused):  # the folder exists, a bad name, a folder inside a vault: the user's words
            self.status.setText(str(exc) + " " + self.tr("No evidence pack was made."))
            return
        words = failure_words(exc)
        if words is not None:  # the place read-only, the stick full or pulled out, a font missing: say which
            log.warning("the evidence pack stopped: %s", type(exc).__name__,
                        exc_info=(type(exc), exc, exc.__traceback__))
            self.status.setText(words + " " + self.tr("No evidence pack was made."))
            return
        log.error("the evidence pack stopped: %s", type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))
        self.status.setText(
            self.tr(
                "The evidence pack stopped because of an unexpected problem, and no pack was made. Try again; if it "
                "stops again, tell whoever looks after Witnessbox: the log says where it stopped, without any "
                "interview content."
            )
        )

    def done(self, result: int) -> None:
        self._cancel.set()  # closed or locked while working: the pack stops at its next statement, and is not made
        super().done(result)


class PackActions(DialogHost):
    """ "Evidence pack…" for the main window: ``attach(vault)`` after unlock, ``detach()`` on lock."""

    def __init__(
        self,
        tasks: TaskRunner,
        parent: QWidget,
        *,
        choose_folder: FolderChooser = choose_pack_parent,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(tasks, parent)
        self._window = parent
        self._choose = choose_folder
        self._today = today
        self._vault = None
        self.dialog: EvidencePackDialog | None = None

    def attach(self, vault) -> None:  # noqa: ANN001 - an unlocked Vault
        self._vault = vault

    def open(self) -> EvidencePackDialog | None:
        from functools import partial

        from desktop.services import evidence, evidence_pack

        vault = self._vault
        if vault is None:
            return None
        self._close(self.dialog)
        threshold = evidence.threshold(vault)
        dialog = EvidencePackDialog(
            partial(evidence_pack.build, vault, threshold=threshold),
            self._tasks,
            threshold=threshold,
            today=self._today(),
            choose=self._choose,
            parent=self._window,
        )
        dialog.finished.connect(lambda _r: self._forget(dialog, "dialog"))
        self.dialog = dialog
        self._modal(dialog)
        return dialog

    def detach(self) -> None:
        self._close(self.dialog)
        self.dialog = None
        self._vault = None
