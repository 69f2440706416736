"""The main window. The vault screens replace this placeholder."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop import APP_NAME
from desktop.paths import AppPaths


class MainWindow(QMainWindow):
    def __init__(self, paths: AppPaths) -> None:
        super().__init__()
        self._paths = paths
        self.setWindowTitle(APP_NAME)
        label = QLabel(self.tr("Witnessbox is installed. The encrypted vault comes next."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleName(self.tr("Status"))
        self.setCentralWidget(label)
        self.resize(900, 600)
