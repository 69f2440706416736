"""Preferences kept in the vault (they say something about how the worker works)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktop import APP_NAME
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
        self.setWindowTitle(f"{APP_NAME} — " + self.tr("Settings"))
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
        v.addLayout(form)
        note = QLabel(self.tr("Witnessbox also locks when you press Quick exit, Ctrl+L, or Esc twice."), self)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        v.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)

    def accept(self) -> None:
        self._vault.settings.set(AUTO_LOCK_KEY, int(self.minutes.value()))
        super().accept()

    def launch(self) -> None:
        self.open()
