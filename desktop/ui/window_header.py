"""The main window's header: the app's name and the buttons along the top.

The header only makes the buttons; the main window connects them and decides which show (the
transfer and totals buttons only when a vault is open, "Send to coordinator…" on a field laptop,
"Evidence pack…" on the coordinator's).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop import APP_NAME


class WindowHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        # A QWidget subclass paints its style sheet background only when asked: without it the bar is pale
        # and the app's white name on it cannot be read.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        h = QHBoxLayout(self)
        h.setContentsMargins(16, 8, 12, 8)
        name = QLabel(APP_NAME, self)
        name.setObjectName("appname")
        h.addWidget(name)
        h.addStretch(1)

        def button(text: str, tip: str = "", accessible: str = "") -> QPushButton:
            b = QPushButton(text, self)
            b.setAccessibleName(accessible or text.replace("&", "").rstrip("…"))
            if tip:
                b.setToolTip(tip)
            h.addWidget(b)
            return b

        self.devices_button = button(
            self.tr("Devices"), self.tr("This laptop's fingerprint, and enrolling another laptop in person")
        )
        self.send_button = button(
            self.tr("Send to coordinator…"),
            self.tr("Write everything not yet delivered onto a USB stick for the coordinator"),
        )
        self.import_button = button(
            self.tr("Import from stick…"),
            self.tr("Import what a USB stick brings: interviews on the coordinator's laptop, receipts on a worker's"),
        )
        self.totals_button = button(
            self.tr("Totals"), self.tr("Interviews counted by police force, crime and year, in charts and tables")
        )
        self.pack_button = button(
            self.tr("Evidence pack…"),
            self.tr(
                "Make the signed evidence pack for the complaint: the summary, the tables and every consented "
                "statement, in a new folder"
            ),
        )
        self.settings_button = button(self.tr("Settings"))
        self.help_button = button(
            self.tr("Help"), self.tr("What auto-lock, quick exit, the redaction review and consent do (F1)")
        )
        self.about_button = button(
            self.tr("About"),
            self.tr("Version, licences, and why Witnessbox never goes online"),
            self.tr("About Witnessbox"),
        )
        self.lock_button = button(
            self.tr("&Lock"), self.tr("Lock now (Ctrl+L). Your draft is kept."), self.tr("Lock Witnessbox")
        )
        self.quick_exit_button = button(
            self.tr("Quick exit"), self.tr("Lock and hide Witnessbox at once (Esc twice, or Ctrl+Shift+Q)")
        )
        self.quick_exit_button.setObjectName("quickexit")

    @property
    def vault_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons that work on an open vault (hidden on the lock screen)."""
        return (
            self.settings_button,
            self.lock_button,
            self.devices_button,
            self.send_button,
            self.import_button,
            self.totals_button,
            self.pack_button,
        )
