"""Restoring a backup copy from a stick into a new vault folder, from the lock or set-up screen.

A replacement laptop has no vault: the worker chooses the copy on the stick (the
``Witnessbox-backup-…`` folder, or the stick's folder, whose newest copy is used), a new or empty
folder for the vault (the usual vault's folder when there is no vault in it yet), and types the
passphrase the vault had when the copy was made. :func:`desktop.services.backups.restore_copy`
checks the passphrase before writing anything and unlocks the new vault once to prove it opens;
the key derivation runs on the task runner's pool. ``restored(folder)`` then lets the lock screen
point at the new vault, which the worker unlocks as usual. Nothing here opens the vault itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import display_path
from desktop.ui import labels
from desktop.ui.form_widgets import restyle
from desktop.ui.session import forget_typed
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

FolderChooser = Callable[[QWidget], Path | None]


class RestoreDialog(QDialog):
    restored = Signal(object, bool)  # the new vault's folder; True if its next bundle hands over to new keys

    def __init__(self, tasks: TaskRunner, choose: FolderChooser, suggested: Path | None,
                 parent: QWidget | None = None) -> None:
        """``choose(parent)`` asks for a folder (the copy, then the new vault's folder);
        ``suggested``: the new vault's folder to offer (the usual one, when it holds no vault)."""
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(labels.window_title(self.tr("Restore a backup")))
        self._tasks = tasks
        self._choose = choose
        self._closed = False
        self.copy: Path | None = None
        self.target: Path | None = suggested
        self.intro = intro = QLabel(self.tr(
            "Make a new vault on this computer from a backup copy on a USB stick. The copy is not changed. "
            "Type the passphrase the vault had when the copy was made. If it is a copy of a worker's laptop, the "
            "next bundle sent from here gives this laptop new keys and tells the coordinator, so nothing sent "
            "before is refused or lost."), self)
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.copy_edit = self._path_field(self.tr("Backup copy"), self.tr("Choose the stick or the backup folder"))
        self.copy_button = QPushButton(self.tr("C&hoose…"), self)
        self.copy_button.setAccessibleName(self.tr("Choose the backup copy"))
        self.target_edit = self._path_field(self.tr("Folder for the new vault"), self.tr("Choose a new, empty folder"))
        if suggested is not None:
            self.target_edit.setText(self.tr("The usual vault folder on this computer"))
        self.target_button = QPushButton(self.tr("Ch&oose…"), self)
        self.target_button.setAccessibleName(self.tr("Choose the folder for the new vault"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("The backup's passphrase"))
        form = QFormLayout()
        for text, field, button in ((self.tr("&Backup copy"), self.copy_edit, self.copy_button),
                                    (self.tr("&New vault folder"), self.target_edit, self.target_button)):
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(button)
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, row)
        label = QLabel(self.tr("&Passphrase"), self)
        label.setBuddy(self.passphrase)
        form.addRow(label, self.passphrase)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Restore"))
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setDefault(True)
        self.restore_button.setProperty("role", "primary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.copy_button.clicked.connect(self._choose_copy)
        self.target_button.clicked.connect(self._choose_target)
        self.passphrase.textChanged.connect(self._update)
        self.restore_button.clicked.connect(self.restore)
        self.resize(620, 300)
        self._update()

    def _path_field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setReadOnly(True)
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        return field

    def _say(self, text: str, role: str) -> None:
        self.status.setText(text)
        restyle(self.status, role=role)

    def _choose_copy(self) -> None:
        from desktop.services import backups
        from desktop.services.errors import Refused

        chosen = self._choose(self)
        if chosen is None:
            return
        try:
            self.copy = backups.find_copy(chosen)
        except Refused as exc:
            self.copy = None
            self.copy_edit.clear()
            self._say(str(exc), "error")
        else:
            self.copy_edit.setText(self.copy.name)
            self._say("", "muted")
        self._update()

    def _choose_target(self) -> None:
        chosen = self._choose(self)
        if chosen is not None:
            self.target = chosen
            self.target_edit.setText(display_path(chosen))
        self._update()

    def _update(self) -> None:
        ready = self.copy is not None and self.target is not None and bool(self.passphrase.text())
        self.restore_button.setEnabled(ready and not self._tasks.busy)

    def restore(self) -> None:
        from desktop.services import backups

        copy, target, passphrase = self.copy, self.target, self.passphrase.text()
        if copy is None or target is None or not passphrase or self._tasks.busy:
            return
        for w in (self.copy_button, self.target_button, self.passphrase, self.restore_button):
            w.setEnabled(False)
        self._say(self.tr("Checking the passphrase and copying the vault… this takes a few seconds."), "muted")

        def again() -> None:
            for w in (self.copy_button, self.target_button, self.passphrase):
                w.setEnabled(True)
            self._update()

        def done(result: backups.RestoredCopy) -> None:
            if self._closed:
                return
            forget_typed(self.passphrase)
            self.restored.emit(target, result.hands_over)
            self.accept()

        def failed(exc: BaseException) -> None:
            from desktop.services.errors import Refused
            from desktop.vault import VaultError, WrongPassphrase

            if self._closed:
                return
            again()
            if isinstance(exc, WrongPassphrase):
                forget_typed(self.passphrase)
                self._say(self.tr("That passphrase does not open this backup. Type the passphrase the vault had "
                                  "when the copy was made. Nothing was written."), "error")
            elif isinstance(exc, Refused):
                self._say(str(exc), "error")
            else:
                if not isinstance(exc, VaultError):
                    log.error("restoring a backup copy failed: %s", type(exc).__name__)
                self._say(self.tr("The backup could not be restored. Nothing was changed; try again, or try "
                                  "another copy."), "error")

        self._tasks.run_task(lambda: backups.restore_copy(copy, target, passphrase), done, failed)

    def done(self, result: int) -> None:
        self._closed = True
        forget_typed(self.passphrase)
        super().done(result)
