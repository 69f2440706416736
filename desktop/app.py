"""Builds the QApplication and wires services into windows (the composition root)."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, __version__, firewall
from desktop.paths import AppPaths
from desktop.resources import resource_path

log = logging.getLogger(__name__)


class Application(QApplication):
    """The Qt application: names, icon, stylesheet and the URL guard."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.setApplicationName(APP_NAME)
        self.setApplicationDisplayName(APP_NAME)
        self.setApplicationVersion(__version__)
        self.setOrganizationName(APP_NAME)
        self.setDesktopFileName("witnessbox")
        self.setQuitOnLastWindowClosed(True)
        icon = resource_path("icons/witnessbox.svg")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        qss = resource_path("styles/app.qss")
        if qss.is_file():
            self.setStyleSheet(qss.read_text(encoding="utf-8"))
        self._url_refuser = firewall.install_qt_url_handlers(self)


def install_excepthook(parent_getter=lambda: None) -> None:
    """Log any uncaught exception (scrubbed) and tell the user plainly, without its message."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is not None:
            QMessageBox.critical(
                parent_getter(),
                APP_NAME,
                QApplication.translate(
                    "Witnessbox",
                    "Something went wrong. Your saved work is safe in the vault. "
                    "Details (without any interview content) are in the log.",
                ),
            )

    sys.excepthook = hook


def build_main_window(paths: AppPaths):
    """The first window the user sees."""
    from desktop.ui.main_window import MainWindow

    return MainWindow(paths)


def run_gui(paths: AppPaths) -> int:
    app = QApplication.instance() or Application(sys.argv[:1])
    window = build_main_window(paths)
    install_excepthook(lambda: window)
    window.show()
    return app.exec()
