"""Preferences kept in the vault (they say something about how the worker works): the auto-lock
minutes and, on a field vault, how long delivered interviews stay on the laptop."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktop.services import retention
from desktop.ui import labels
from desktop.ui.session import DEFAULT_IDLE_MINUTES

AUTO_LOCK_KEY = "auto_lock_minutes"


def auto_lock_minutes(vault) -> int:
    try:
        value = int(vault.settings.get(AUTO_LOCK_KEY, DEFAULT_IDLE_MINUTES))
    except (TypeError, ValueError):
        value = DEFAULT_IDLE_MINUTES
    return min(max(value, 1), 60)


class SettingsDialog(QDialog):
    def __init__(self, vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.setWindowTitle(labels.window_title(self.tr("Settings")))
        v = QVBoxLayout(self)
        form = QFormLayout()
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 60)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(auto_lock_minutes(vault))
        self.minutes.setAccessibleName(self.tr("Lock after this many minutes without use"))
        label = QLabel(self.tr("&Lock after no use for"), self)
        label.setBuddy(self.minutes)
        form.addRow(label, self.minutes)
        self.retention: QSpinBox | None = None
        keys = vault.transfer.own_keys()
        if keys is None or keys[0] == "field":
            self.retention = QSpinBox(self)
            self.retention.setRange(0, retention.MAX_RETENTION_DAYS)
            self.retention.setSuffix(self.tr(" days"))
            self.retention.setValue(retention.retention_days(vault))
            self.retention.setAccessibleName(self.tr("Offer to remove delivered interviews after this many days"))
            label = QLabel(self.tr("&Keep delivered interviews for"), self)
            label.setBuddy(self.retention)
            form.addRow(label, self.retention)
        v.addLayout(form)
        text = self.tr("Witnessbox also locks when you press Quick exit, Ctrl+L, or Esc twice.")
        if self.retention is not None:
            text += " " + self.tr("Once the coordinator's receipt shows an interview delivered and this time has "
                                  "passed, Witnessbox asks whether to remove it from this laptop.")
        note = QLabel(text, self)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        v.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)

    def accept(self) -> None:
        self._vault.settings.set(AUTO_LOCK_KEY, int(self.minutes.value()))
        if self.retention is not None:
            retention.set_retention_days(self._vault, int(self.retention.value()))
        super().accept()

    def launch(self) -> None:
        self.open()
