"""What every set of actions that opens dialogs over the main window shares.

Each dialog opens window-modal, with Ctrl+L locking from it as from the main window (the main
window's shortcut cannot reach a modal dialog). A closed dialog whose work is still running stays,
hidden and holding nothing, until that work reports back; on lock, :meth:`close` rejects each one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from desktop.ui.screen_fit import fit_on_screen
from desktop.ui.workers import TaskRunner


class DialogHost(QObject):
    lock_requested = Signal()  # Ctrl+L in one of the dialogs

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks

    def _modal(self, dialog: QDialog) -> None:
        """Open ``dialog`` window-modal, with Ctrl+L locking from it as from the main window."""
        lock = QAction(dialog)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        lock.triggered.connect(self.lock_requested)
        dialog.addAction(lock)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        fit_on_screen(dialog)
        dialog.open()

    def _forget(self, dialog: QDialog, attr: str) -> None:
        """``dialog`` (held in ``self.<attr>``) has closed: let it go, unless work still reports back to it."""
        if not self._tasks.busy:
            dialog.deleteLater()
        if getattr(self, attr) is dialog:
            setattr(self, attr, None)

    @staticmethod
    def _close(dialog: QDialog | None) -> None:
        if dialog is not None:
            dialog.reject()
