"""Backups a worker can see: the Settings group and the gentle reminder above the list.

* :class:`BackupBox` (in Settings) says when the last verified copy to a stick was made and has
  "Back up now…", which asks for a folder and runs :func:`desktop.services.backups.backup_to_folder`
  on the task runner's pool (copying a large vault takes a while). "Replace the older copies" (on
  unless unticked) deletes the older copies of this vault from that folder once the new one reads
  back. After a deletion, the group says that the copy on the stick still holds what was deleted.
* :class:`BackupReminder` is a quiet bar shown after unlock when :func:`~desktop.services.backups.backup_due`
  says so (a week without a copy), and after a deletion while the last copy on a stick still holds
  what was deleted (:func:`~desktop.services.backups.deleted_since_backup`); its button opens Settings.

Neither shows a path in the window unless the worker chose it, nor anything of an interview.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop.paths import documents_dir
from desktop.ui.form_widgets import restyle
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

BackupFolderChooser = Callable[[QWidget], Path | None]


def choose_backup_folder(parent: QWidget) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, parent.tr("Folder for the backup (a USB stick)"),
                                              str(documents_dir()))
    return Path(chosen) if chosen else None


def when_text(when: datetime | None, tr: Callable[[str], str]) -> str:
    """When the last copy was made, in local time, or that there is none."""
    if when is None:
        return tr("No backup to a stick yet.")
    local = when.astimezone()
    return tr("Last verified backup to a stick: {day} at {time}.").format(
        day=f"{local.day} {local.strftime('%B %Y')}", time=local.strftime("%H:%M"))


def deleted_text(vault, tr: Callable[[str], str]) -> str:  # noqa: ANN001 - an unlocked Vault
    """What the worker should know about deletions and the copy on the stick, or "" (nothing to say)."""
    from desktop.services import backups
    from desktop.vault import VaultError

    try:
        deleted = backups.deleted_since_backup(vault)
    except VaultError as exc:
        log.warning("whether a backup holds deleted interviews could not be read: %s", type(exc).__name__)
        return ""
    if deleted is None:
        return ""
    return tr("Interviews were deleted after the last backup to a stick, and that copy still holds them. "
              "Put the stick in and press Back up now: the new copy replaces the older ones once it reads back.")


class BackupBox(QGroupBox):
    """The Settings group for backups. ``made`` once a copy is verified."""

    made = Signal()

    def __init__(self, vault, tasks: TaskRunner, parent: QWidget | None = None, *,  # noqa: ANN001 - a Vault
                 choose: BackupFolderChooser = choose_backup_folder) -> None:
        from desktop.services import backups

        super().__init__(self.tr("Backups"), parent)
        self.setObjectName("backupBox")
        self._vault = vault
        self._tasks = tasks
        self._choose = choose
        self._closed = False
        form = QFormLayout(self)
        self.last = QLabel(when_text(backups.last_backup(vault), self.tr), self)
        self.last.setWordWrap(True)
        self.last.setAccessibleName(self.tr("Last backup"))
        form.addRow(self.last)
        self.deleted = QLabel(self)
        self.deleted.setWordWrap(True)
        self.deleted.setProperty("role", "warning")
        self.deleted.setAccessibleName(self.tr("Deleted interviews on the stick"))
        form.addRow(self.deleted)
        self._show_deleted()
        self.replace = QCheckBox(self.tr("&Replace the older copies of this vault on the stick"), self)
        self.replace.setChecked(True)
        self.replace.setToolTip(self.tr("Once the new copy reads back correctly, older copies of this vault in "
                                        "that folder are deleted, with the interviews deleted since they were made"))
        form.addRow(self.replace)
        self.backup_button = QPushButton(self.tr("&Back up now…"), self)
        self.backup_button.setAccessibleName(self.tr("Back up now"))
        self.backup_button.setToolTip(self.tr("Write an encrypted copy of the vault to a USB stick"))
        self.backup_button.clicked.connect(self.back_up)
        form.addRow(self.backup_button)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Backup"))
        self.status.hide()  # until there is something to say
        form.addRow(self.status)
        hint = QLabel(self.tr(
            "The copy is encrypted and opens with the passphrase the vault has when it is made. Keep the stick "
            "somewhere safe and make a new copy each week: a copy keeps what the vault held that day, including "
            "interviews deleted later, until a new copy replaces it."), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        form.addRow(hint)

    def _show_deleted(self) -> None:
        text = deleted_text(self._vault, self.tr)
        self.deleted.setText(text)
        self.deleted.setVisible(bool(text))

    def _say(self, text: str, role: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        restyle(self.status, role=role)

    def back_up(self) -> None:
        """Ask for a folder and write the copy there, on the pool."""
        from desktop.services import backups

        if self._tasks.busy:
            return
        folder = self._choose(self.window())
        if folder is None:
            return
        vault, replace = self._vault, self.replace.isChecked()
        self.backup_button.setEnabled(False)
        self._say(self.tr("Making a verified backup and copying it… keep the stick in."), "muted")

        def done(made: backups.FolderBackup) -> None:
            if self._closed:
                return
            self.backup_button.setEnabled(True)
            self.last.setText(when_text(made.made_at, self.tr))
            self._show_deleted()
            said = self.tr("The backup is on the stick, in the folder \u201c{name}\u201d, and reads back "
                           "correctly.").format(name=made.folder.name)
            if made.replaced == 1:
                said += " " + self.tr("The older copy of this vault there was deleted.")
            elif made.replaced:
                said += " " + self.tr("The {n} older copies of this vault there were deleted.").format(n=made.replaced)
            if made.left:
                left = (self.tr("An older copy could not be deleted and still holds") if made.left == 1 else
                        self.tr("{n} older copies could not be deleted and still hold").format(n=made.left))
                self._say(said + " " + left + " " + self.tr("what was deleted since: put the stick back and "
                                                            "press Back up now again."), "warning")
            else:
                self._say(said + " " + self.tr("You can remove the stick."), "ok")
            self.made.emit()

        def failed(exc: BaseException) -> None:
            from desktop.services.errors import Refused
            from desktop.vault import VaultError

            if self._closed:
                return
            self.backup_button.setEnabled(True)
            if isinstance(exc, Refused):
                self._say(str(exc), "error")
                return
            if not isinstance(exc, VaultError):
                log.error("backing up to a folder failed: %s", type(exc).__name__)
            self._say(self.tr("The backup could not be made. The vault was not changed; try again, or try "
                              "another stick."), "error")

        self._tasks.run_task(lambda: backups.backup_to_folder(vault, folder, replace=replace), done, failed)

    def detach(self) -> None:
        """The dialog closed (or the app locked): a copy that finishes later shows nothing here."""
        self._closed = True


class BackupReminder(QWidget):
    """A quiet bar: a week without a backup to a stick. ``open_settings`` when its button is pressed."""

    open_settings = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupReminder")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        h = QHBoxLayout(self)
        h.setContentsMargins(16, 6, 12, 6)
        self._week = self.tr("It is more than a week since the vault was last backed up to a stick. "
                             "A lost or broken laptop would take every interview with it.")
        self.text = QLabel(self._week, self)
        self.text.setWordWrap(True)
        h.addWidget(self.text, 1)
        self.button = QPushButton(self.tr("Back up in Settings…"), self)
        self.button.setAccessibleName(self.tr("Back up in Settings"))
        self.button.clicked.connect(self.open_settings)
        h.addWidget(self.button)
        self.hide()

    def refresh(self, vault) -> None:  # noqa: ANN001 - an unlocked Vault, or None when locked
        from desktop.services import backups
        from desktop.vault import VaultError

        due, deleted = False, ""
        if vault is not None:
            deleted = deleted_text(vault, self.tr)
            try:
                due = not deleted and backups.backup_due(vault)
            except VaultError as exc:
                log.warning("whether a backup is due could not be read: %s", type(exc).__name__)
        self.text.setText(self.tr(
            "Interviews were deleted after the last backup to a stick, and that copy still holds them. Make a "
            "new backup to replace it.") if deleted else self._week)
        self.setVisible(due or bool(deleted))
