"""Which vault folder the lock screen opens, and how to open another one.

* :class:`RememberedVault` keeps the folder chosen on the lock screen in ``witnessbox.ini`` in the
  configuration folder (:class:`~desktop.paths.AppPaths`), outside every vault: it is needed before
  any vault is open. QSettings writes it whole or not at all. A cloud-synced folder is never
  written there, and one found there (the file edited by hand) is ignored.
* :class:`VaultChoice` points the :class:`~desktop.ui.unlock.VaultGate` at another folder after
  the same checks as the command line's ``--vault``: a synced folder is refused with the same
  message, a folder without a vault is named as such and nothing else happens (no vault is
  created or changed by choosing a folder).
* :class:`VaultSwitcher` is the quiet row under the lock and set-up screens: "Open another
  vault…", "Back to the usual vault", and "Which vault?", which shows the folder's name only when
  asked (someone may be looking over the worker's shoulder) and forgets it on every lock.

The unlock page's count of wrong passphrases is not reset by choosing another folder, so
switching back and forth buys no extra tries.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.paths import SyncedFolderError, check_not_synced
from desktop.ui.form_widgets import restyle
from desktop.ui.unlock import VaultGate
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

VaultFolderChooser = Callable[[QWidget], Path | None]
SETTINGS_FILE = "witnessbox.ini"
FOLDER_KEY = "vault/folder"


def choose_vault_folder(parent: QWidget) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, parent.tr("The folder that holds the vault"))
    return Path(chosen) if chosen else None


def _same_folder(a: Path, b: Path) -> bool:
    return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()


class RememberedVault:
    """The vault folder to open at the next start, kept outside every vault."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @classmethod
    def in_config(cls, config_dir: Path) -> RememberedVault:
        return cls(QSettings(str(Path(config_dir) / SETTINGS_FILE), QSettings.Format.IniFormat))

    def load(self) -> Path | None:
        value = self._settings.value(FOLDER_KEY)
        if not isinstance(value, str) or not value:
            return None
        try:
            return check_not_synced(Path(value))
        except SyncedFolderError:
            log.warning("the remembered vault folder is in a synced folder; it is ignored")
            return None

    def remember(self, folder: Path) -> None:
        check_not_synced(folder)  # never written down, even if a caller forgot to check
        self._settings.setValue(FOLDER_KEY, str(Path(folder).resolve()))
        self._sync()

    def forget(self) -> None:
        self._settings.remove(FOLDER_KEY)
        self._sync()

    def _sync(self) -> None:
        self._settings.sync()
        if self._settings.status() != QSettings.Status.NoError:
            log.warning("the chosen vault folder could not be saved for the next start")


class VaultChoice(QObject):
    """Points the gate at a vault folder; ``changed`` once it points somewhere else."""

    changed = Signal()

    def __init__(self, gate: VaultGate, default_dir: Path, remembered: RememberedVault | None = None, *,
                 choose: VaultFolderChooser = choose_vault_folder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gate = gate
        self.default_dir = default_dir
        self._remembered = remembered
        self._choose = choose
        self.notice: str | None = None

    def start(self, given: Path | None) -> None:
        """Where the app opens: the folder it was started with (``--vault``, already checked),
        else the one chosen last time, else the default. A remembered folder that holds no vault
        any more (a drive not plugged in) is left remembered, and the default opens with a notice."""
        if given is not None:
            self.gate.directory = given
            if not self.gate.exists():
                self.notice = self.tr("There is no vault in the folder Witnessbox was started with. You can set "
                                      "up a new vault there, or open an existing one.")
            return
        remembered = self._remembered.load() if self._remembered is not None else None
        if remembered is None:
            self.gate.directory = self.default_dir
        elif VaultGate(remembered).exists():
            self.gate.directory = remembered
        else:
            self.gate.directory = self.default_dir
            self.notice = self.tr("The vault opened last time cannot be found: its drive may not be plugged in. "
                                  "This is the usual vault. To use the other one, plug it in and choose "
                                  "\u201cOpen another vault\u201d.")

    @property
    def is_default(self) -> bool:
        return _same_folder(self.gate.directory, self.default_dir)

    @property
    def default_exists(self) -> bool:
        return VaultGate(self.default_dir).exists()

    def folder_name(self) -> str:
        if self.is_default:
            return self.tr("This is the usual vault on this computer.")
        return self.tr("This is the vault in the folder \u201c%1\u201d.").replace("%1", self.gate.directory.name)

    def open_another(self, parent: QWidget) -> str | None:
        """Ask for a folder and open its vault. Returns what to tell the user when the folder is
        refused; None when the vault changed or nothing was chosen."""
        chosen = self._choose(parent)
        if chosen is None:
            return None
        try:
            check_not_synced(chosen)
        except SyncedFolderError as exc:
            return str(exc)
        if not VaultGate(chosen).exists():
            inner = chosen / "vault"  # the parent of the vault folder (the default layout) was chosen
            if not VaultGate(inner).exists():
                return self.tr("There is no Witnessbox vault in that folder. Choose the folder that holds the "
                               "vault's files (vault.db and keyslot.json).")
            chosen = inner
        self._point_at(chosen)
        return None

    def use_default(self) -> None:
        self._point_at(self.default_dir)

    def choose_folder(self, parent: QWidget) -> Path | None:
        """Ask for a folder the way "Open another vault…" does (a restore asks for two)."""
        return self._choose(parent)

    def use_restored(self, folder: Path, hands_over: bool = False) -> None:
        """Open the vault just made from a backup copy (:mod:`desktop.ui.restore_dialog`); a worker's
        vault also says that its next bundle hands over to new keys, and what the coordinator sees."""
        from desktop.services.backups import HANDS_OVER

        self._point_at(Path(folder))
        self.notice = self.tr("The backup was restored into a new vault. Unlock it with the backup's passphrase.")
        if hands_over:
            self.notice += " " + HANDS_OVER
        self.changed.emit()  # the lock screen shows again, with the notice

    def _point_at(self, folder: Path) -> None:
        if self._remembered is not None:
            if _same_folder(folder, self.default_dir):
                self._remembered.forget()
            else:
                self._remembered.remember(folder)
        self.notice = None
        if not _same_folder(folder, self.gate.directory):
            self.gate.directory = folder
            log.info("another vault folder was chosen")
            self.changed.emit()


class VaultSwitcher(QWidget):
    """The row under a lock or set-up screen that opens another vault folder."""

    def __init__(self, choice: VaultChoice, tasks: TaskRunner, open_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choice = choice
        self._tasks = tasks
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 4, 0, 0)
        v.setSpacing(6)
        row = QHBoxLayout()
        self.open_button = self._link(open_text, open_text.rstrip("…"))
        self.default_button = self._link(self.tr("Back to the usual vault"), self.tr("Back to the usual vault"))
        self.restore_button = self._link(self.tr("Restore a backup…"), self.tr("Restore a backup from a stick"))
        self.which_button = self._link(self.tr("Which vault?"), self.tr("Show which vault folder this is"))
        self.which_button.setCheckable(True)
        self.restore_dialog = None
        for b in (self.open_button, self.restore_button, self.default_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.which_button)
        v.addLayout(row)
        self.name_label = QLabel(self)
        self.name_label.setProperty("role", "muted")
        self.name_label.setWordWrap(True)
        self.name_label.hide()
        v.addWidget(self.name_label)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Message about the vault folder"))
        self.message.hide()
        v.addWidget(self.message)
        self.open_button.clicked.connect(self._open_another)
        self.default_button.clicked.connect(self._use_default)
        self.restore_button.clicked.connect(self.restore_backup)
        self.which_button.toggled.connect(self._show_name)
        self.refresh()

    def _link(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setProperty("role", "link")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def refresh(self) -> None:
        """As the lock screen shows again: the folder's name hidden, the notice (if any) shown."""
        self.which_button.setChecked(False)
        self.default_button.setVisible(not self._choice.is_default and self._choice.default_exists)
        self._say(self._choice.notice, "hint")

    def _say(self, text: str | None, role: str = "error") -> None:
        restyle(self.message, role=role)
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def _show_name(self, on: bool) -> None:
        self.name_label.setText(self._choice.folder_name() if on else "")
        self.name_label.setVisible(on)

    def _open_another(self) -> None:
        if self._tasks.busy:  # a passphrase is being checked against the vault shown now
            return
        self._say(None)
        refused = self._choice.open_another(self.window())
        if refused:
            self._say(refused)

    def restore_backup(self) -> None:
        """The restore dialog: a backup copy from a stick into a new vault folder."""
        from desktop.ui.restore_dialog import RestoreDialog

        if self._tasks.busy:
            return
        self._say(None)
        suggested = None if self._choice.default_exists else self._choice.default_dir
        dialog = RestoreDialog(self._tasks, self._choice.choose_folder, suggested, self.window())
        dialog.restored.connect(self._choice.use_restored)  # (folder, hands over to new keys)
        dialog.finished.connect(lambda _r: self._restore_closed(dialog))
        self.restore_dialog = dialog
        dialog.open()

    def _restore_closed(self, dialog) -> None:  # noqa: ANN001
        dialog.deleteLater()
        if self.restore_dialog is dialog:
            self.restore_dialog = None

    def _use_default(self) -> None:
        if not self._tasks.busy:
            self._choice.use_default()
