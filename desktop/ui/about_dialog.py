"""Help → About: the version, the licence, the fonts' and word lists' licences, and that Witnessbox
never uses the network. It shows nothing from the vault, so it opens locked or unlocked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from desktop import APP_NAME, about
from desktop.ui.screen_fit import fit_on_screen


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.setObjectName("about")
        layout = QVBoxLayout(self)
        self.title = QLabel(about.version_line(), self)
        self.title.setObjectName("abouttitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.lines: list[QLabel] = []
        for text in (about.PURPOSE, about.OFFLINE, self.tr("Licence: %1").replace("%1", about.LICENCE)):
            label = QLabel(text, self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            self.lines.append(label)
        self.notices = QTabWidget(self)
        self.notices.setAccessibleName(self.tr("Licences of the parts made by others"))
        for notice in about.NOTICES:
            page = QWidget(self.notices)
            v = QVBoxLayout(page)
            heading = QLabel(f"{notice.what}: {notice.licence}.", page)
            heading.setWordWrap(True)
            v.addWidget(heading)
            text = QPlainTextEdit(page)
            text.setReadOnly(True)
            text.setPlainText(about.notice_text(notice))
            text.setAccessibleName(notice.licence)
            v.addWidget(text, 1)
            self.notices.addTab(page, self.tr("Fonts") if notice.file.startswith("fonts/") else self.tr("Word lists"))
        layout.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520)
        fit_on_screen(self)
