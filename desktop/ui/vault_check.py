"""Checking every page of the vault, off the window's thread.

Unlocking proves only the key and the database header, so it takes the same time for ten
interviews or a hundred thousand. The check of every page (:meth:`desktop.vault.Vault.check`)
runs afterwards: :class:`BackgroundCheck` starts it as soon as the vault is open, on a connection
of its own, and :class:`CheckGroup` is "Check the vault" in Settings. A lock stops a check at once.
When damage is found the vault refuses every write from then on (nothing is written over it) and
the person is told plainly what happened and what to do.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.form_widgets import restyle
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)


def damage_text(parent: QObject) -> str:
    # Said in the window, so the way back a worker has here comes first; the command is the coordinator's.
    return parent.tr("Witnessbox found damage in the vault: some of its pages fail their checks. Nothing more "
                     "is saved in it, so nothing is written over the damage. Ask your coordinator before trying "
                     "anything else. A copy on a backup stick can be put back into a new folder with “Restore a "
                     "backup…” on the lock screen; the coordinator can also put back one of the vault's own "
                     "backups with the command 'witnessbox restore-backup'.")


class BackgroundCheck(QObject):
    """Checks an open vault on the pool; ``damage_found(vault)`` if it is damaged. Its own task
    runner, so a check in progress never makes the window's other work look busy."""

    damage_found = Signal(object)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks

    @property
    def running(self) -> bool:
        return self._tasks.busy

    def start(self, vault) -> None:
        self._tasks.run_task(vault.check, lambda _result: None, lambda exc: self._failed(vault, exc))

    def _failed(self, vault, exc: BaseException) -> None:
        from desktop.vault import VaultDamaged, VaultLocked

        if isinstance(exc, VaultDamaged):
            self.damage_found.emit(vault)
        elif not isinstance(exc, VaultLocked):  # a lock stops a check: nothing to tell
            log.error("the vault check could not finish: %s", type(exc).__name__)


class CheckGroup(QGroupBox):
    """"Check the vault" in Settings: every page and b-tree, on the pool, the answer beside it."""

    damage_found = Signal()

    def __init__(self, vault, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Check the vault"))
        self._vault = vault
        self._tasks = tasks
        self._closed = False
        layout = QVBoxLayout(self)
        self.button = QPushButton(self.tr("C&heck the vault now"), self)
        self.button.clicked.connect(self.check)
        layout.addWidget(self.button)
        self.status = QLabel(self.tr("Reads every page of the vault with its key and reports any damage. "
                                     "You can keep working while it runs."), self)
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        self.status.setAccessibleName(self.tr("Vault check"))
        layout.addWidget(self.status)

    def _say(self, text: str, role: str) -> None:
        self.status.setText(text)
        restyle(self.status, role=role)

    def close_quietly(self) -> None:
        """The dialog closed: an answer that comes later is not shown."""
        self._closed = True

    def check(self) -> None:
        from desktop.services import vaults

        if not self.button.isEnabled():
            return
        self.button.setEnabled(False)
        self._say(self.tr("Checking every page of the vault… a large vault takes a while."), "muted")
        vault = self._vault
        self._tasks.run_task(lambda: vaults.check(vault), self._done, self._failed)

    def _done(self, _result: object) -> None:
        if self._closed:
            return
        self.button.setEnabled(True)
        self._say(self.tr("No damage found: every page of the vault passed its check."), "ok")

    def _failed(self, exc: BaseException) -> None:
        from desktop.vault import VaultDamaged, VaultLocked

        if isinstance(exc, VaultDamaged):
            self.damage_found.emit()
        if self._closed:
            return
        self.button.setEnabled(True)
        if isinstance(exc, VaultDamaged):
            self._say(damage_text(self), "error")
        elif isinstance(exc, VaultLocked):
            self._say(self.tr("The vault was locked before the check finished. Unlock it and check again."), "error")
        else:
            log.error("the vault check could not finish: %s", type(exc).__name__)
            self._say(self.tr("The check could not finish. Try again; if it keeps failing, ask your coordinator."),
                      "error")
