"""The main window's own dialogs: Settings, Help and About, opened from the header.

A part of :class:`desktop.ui.main_window.MainWindow` (mixed into it), kept apart so the window's file
stays about its pages and locking. Settings needs an unlocked vault; Help and About show nothing from
any vault, so they open locked or not. Locking closes each of them with every other window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.help_dialog import HelpDialog
from desktop.ui.settings_dialog import SettingsDialog


class WindowDialogs:
    """Mixed into MainWindow, which provides ``is_unlocked``, ``_vault``, ``_tasks``, ``_gate``,
    ``_choose_backup_folder``, ``_apply_idle_timeout``, ``backup_reminder``, ``settings_dialog`` and
    ``help_dialog``."""

    def show_settings(self) -> None:
        if not self.is_unlocked:
            return
        if self.settings_dialog is not None:
            self.settings_dialog.reject()
        choose = {"choose_backup_folder": self._choose_backup_folder} if self._choose_backup_folder else {}
        dialog = SettingsDialog(self._vault, self, tasks=self._tasks, kdf=self._gate.kdf, **choose)
        dialog.accepted.connect(self._apply_idle_timeout)
        if dialog.backup_box is not None:
            dialog.backup_box.made.connect(lambda: self.backup_reminder.refresh(self._vault))
        dialog.finished.connect(lambda _result: self._settings_closed(dialog))
        self.settings_dialog = dialog
        dialog.launch()

    def show_backups(self) -> None:
        """The reminder's button: Settings, at its Backups group."""
        self.show_settings()
        if self.settings_dialog is not None:
            self.settings_dialog.show_backups()

    def show_organisation(self) -> None:
        """From the export's note: Settings, with the organisation's name ready to type."""
        self.show_settings()
        if self.settings_dialog is not None:
            self.settings_dialog.organisation.setFocus()

    def show_help(self) -> None:
        """The Help page (locked or not: it says nothing about any vault)."""
        if self.help_dialog is not None:
            self.help_dialog.raise_()
            self.help_dialog.activateWindow()
            return
        dialog = HelpDialog(self)
        dialog.finished.connect(lambda _result: self._help_closed(dialog))
        self.help_dialog = dialog
        dialog.show()

    def _help_closed(self, dialog: HelpDialog) -> None:
        dialog.deleteLater()
        if self.help_dialog is dialog:
            self.help_dialog = None

    def show_about(self) -> None:
        """Help → About: nothing from the vault in it, so it opens locked or not; locking closes it."""
        from desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    def _settings_closed(self, dialog: SettingsDialog) -> None:
        dialog.deleteLater()
        if self.settings_dialog is dialog:
            self.settings_dialog = None
