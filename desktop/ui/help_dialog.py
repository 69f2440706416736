"""A short Help page, readable offline: bundled text (``desktop/resources/help/help.html``) in a dialog.

F1 opens it from the main window, as does the header's Help button, locked or not: it says what
auto-lock, quick exit, the redaction review and consent do, and nothing about any vault. Links are
never followed (the guard would refuse them anyway).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.resources import resource_path
from desktop.ui import labels
from desktop.ui.screen_fit import fit_on_screen

HELP_FILE = "help/help.html"


def help_html() -> str:
    path = resource_path(HELP_FILE)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return "<p>" + QDialog.tr("The help page is missing from this copy of Witnessbox.") + "</p>"


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(labels.window_title(self.tr("Help")))
        self.text = QTextBrowser(self)
        self.text.setObjectName("helpText")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(self.tr("Help"))
        self.text.setHtml(help_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
        fit_on_screen(self)
