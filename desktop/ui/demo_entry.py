"""The first-run screen's "Try it with demo data", and the DEMO marks of the window.

The demo vault lives in a folder of its own beside the usual one (``desktop.services.demo``): it
is opened (made on first use, with thirty invented interviews) without touching the usual vault
and without being remembered as the vault to open next time, so locking it returns to the screen
it was tried from. While a demo vault is open, the window's title ends in "DEMO" and a banner under
the header says the interviews are invented.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.form_widgets import restyle
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

DEMO_TITLE_SUFFIX = " \u2014 DEMO (invented interviews)"


class DemoBanner(QLabel):
    """The strip under the header while a demo vault is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demobanner")
        self.setText(self.tr("DEMO: every interview here is invented, for practice. Real interviews go in "
                             "your own vault, never in this one."))
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Demo vault"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()


class DemoEntry(QWidget):
    """A quiet row under the set-up card: "Try it with demo data"."""

    opened = Signal(object)  # the demo vault, unlocked

    def __init__(self, folder: Path, tasks: TaskRunner, kdf=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._tasks = tasks
        self._kdf = kdf
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 4, 0, 0)
        self.button = QPushButton(self.tr("Try it with demo data"), self)
        self.button.setAccessibleName(self.tr("Try it with demo data"))
        self.button.setToolTip(self.tr("Open a separate vault of invented interviews to practise on. "
                                       "Nothing is added to your own vault."))
        self.button.setProperty("role", "link")
        self.button.setFlat(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        v.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message about the demo vault"))
        self.message.hide()
        v.addWidget(self.message)
        self.button.clicked.connect(self.start)

    def start(self) -> None:
        if self._tasks.busy:
            return
        from desktop.services import demo

        self.button.setEnabled(False)
        self._say(self.tr("Opening the demo vault. The first time, this takes a few seconds."), "hint")
        folder, kdf = self._folder, self._kdf
        self._tasks.run_task(lambda: demo.open_demo_vault(folder, kdf=kdf), self._done, self._failed)

    def _done(self, vault) -> None:
        self.button.setEnabled(True)
        self._say(None)
        self.opened.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        from desktop.paths import SyncedFolderError
        from desktop.vault import DiskFull, WrongPassphrase

        self.button.setEnabled(True)
        if isinstance(exc, WrongPassphrase):
            text = self.tr("The demo vault's passphrase was changed, so it cannot be opened from here. Use "
                           "\u201cOpen an existing vault\u201d and choose the folder \u201c%1\u201d.").replace(
                               "%1", self._folder.name)
        elif isinstance(exc, DiskFull):
            text = self.tr("The disk is full. Free some space and try again.")
        elif isinstance(exc, SyncedFolderError):
            text = str(exc)
        else:
            log.error("opening the demo vault failed: %s", type(exc).__name__)
            text = self.tr("The demo vault could not be opened. Your own vault is not affected. Try again.")
        self._say(text, "error")

    def _say(self, text: str | None, role: str = "error") -> None:
        restyle(self.message, role=role)
        self.message.setText(text or "")
        self.message.setVisible(bool(text))
