"""USB transfer, for the main window: Devices, Send to coordinator and Import from stick.

:class:`TransferActions` opens each dialog window-modal, with Ctrl+L locking from it as from the
main window. ``attach(vault)`` after unlock; on lock, :meth:`TransferActions.close_all` stops work
in progress at its next step, closes every dialog and empties what it showed. After receipts are
imported on a field vault, delivered interviews past the retention period are offered for removal
(Remove / Not now): asked, never removed on its own. The services (:mod:`desktop.services.transfer`,
:mod:`desktop.services.transfer_screens`, :mod:`desktop.services.retention`) hold every rule.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui import labels
from desktop.ui.devices_dialog import DevicesDialog, FileChooser, choose_enrolment_file
from desktop.ui.dialog_host import DialogHost
from desktop.ui.transfer_dialogs import FolderChooser, ImportDialog, SendDialog, choose_stick_folder
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)


class TransferActions(DialogHost):
    changed = Signal()  # something sent, imported or enrolled: the list may show new marks

    def __init__(self, tasks: TaskRunner, parent: QWidget, *,
                 choose_stick_folder: FolderChooser = choose_stick_folder,
                 choose_enrolment_file: FileChooser = choose_enrolment_file) -> None:
        super().__init__(tasks, parent)
        self._window = parent
        self._choose_folder = choose_stick_folder
        self._choose_file = choose_enrolment_file
        self._vault = None
        self.devices_dialog: DevicesDialog | None = None
        self.send_dialog: SendDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.removal_box: QMessageBox | None = None

    def attach(self, vault) -> None:
        self._vault = vault

    def role(self) -> str | None:
        """"field" or "coordinator" for the open vault (a vault made before transfer gets field keys now)."""
        from desktop.services import transfer
        from desktop.services.errors import Refused

        if self._vault is None:
            return None
        try:
            return transfer.role(self._vault)
        except Refused as exc:
            log.error("this vault's keys could not be read: %s", type(exc).__name__)
            return None

    def devices(self) -> DevicesDialog | None:
        if self._vault is None:
            return None
        self._close(self.devices_dialog)
        dialog = DevicesDialog(self._vault, choose_folder=self._choose_folder, choose_file=self._choose_file,
                               parent=self._window)
        dialog.setWindowTitle(labels.window_title(dialog.tr("Devices")))
        dialog.enrolled.connect(self.changed)
        dialog.finished.connect(lambda _r: self._forget(dialog, "devices_dialog"))
        self.devices_dialog = dialog
        self._modal(dialog)
        return dialog

    def send(self) -> SendDialog | None:
        from desktop.services import transfer

        if self._vault is None:
            return None
        self._close(self.send_dialog)
        dialog = SendDialog(partial(transfer.export_bundle, self._vault), self._tasks, choose=self._choose_folder,
                            parent=self._window, held_back=transfer.held_back(self._vault),
                            coordinator_enrolled=bool(transfer.pinned(self._vault, "coordinator")))
        dialog.setWindowTitle(labels.window_title(dialog.tr("Send to coordinator")))
        dialog.finished_work.connect(lambda _r: self.changed.emit())
        dialog.finished.connect(lambda _r: self._forget(dialog, "send_dialog"))
        self.send_dialog = dialog
        self._modal(dialog)
        return dialog

    def import_stick(self) -> ImportDialog | None:
        from desktop.services.transfer_screens import import_from_stick

        if self._vault is None:
            return None
        self._close(self.import_dialog)
        dialog = ImportDialog(partial(import_from_stick, self._vault), self._tasks, choose=self._choose_folder,
                              parent=self._window)
        dialog.setWindowTitle(labels.window_title(dialog.tr("Import from stick")))
        dialog.finished_work.connect(self._imported)
        dialog.finished.connect(lambda _r: self._forget(dialog, "import_dialog"))
        self.import_dialog = dialog
        self._modal(dialog)
        return dialog

    # --- removing delivered interviews after the retention period ---------------------------

    def _imported(self, result) -> None:
        self.changed.emit()
        if getattr(result, "role", None) == "field" and getattr(result, "receipts", None):
            self.offer_removal()

    def offer_removal(self) -> QMessageBox | None:
        """Ask whether to remove the delivered interviews past the retention period, if there are any."""
        from desktop.services import retention
        from desktop.services.errors import Refused

        if self._vault is None:
            return None
        try:
            due = retention.due_for_removal(self._vault)
        except Refused:
            return None
        if not due.ids:
            return None
        parent = self.import_dialog if self.import_dialog is not None else self._window
        box = QMessageBox(QMessageBox.Icon.Question, labels.window_title(parent.tr("Delivered interviews")),
                          retention.offer_text(len(due.ids), due.days), QMessageBox.StandardButton.NoButton, parent)
        box.setObjectName("removeDeliveredBox")
        box.setInformativeText(parent.tr("The coordinator keeps them. Nothing of them is left on this laptop."))
        remove = box.addButton(parent.tr("Remove"), QMessageBox.ButtonRole.AcceptRole)
        not_now = box.addButton(parent.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(not_now)
        box.setEscapeButton(not_now)
        vault = self._vault

        def finished(_result: int) -> None:
            chosen = box.clickedButton() is remove
            if self.removal_box is box:
                self.removal_box = None
            box.deleteLater()
            if chosen and self._vault is vault:
                self._tasks.run_task(partial(retention.remove_due, vault, due.days),
                                     lambda n: self._removed(vault, n), lambda exc: self._not_removed(vault, exc))

        box.finished.connect(finished)
        self.removal_box = box
        self._modal(box)
        return box

    def _removed(self, vault, count: int) -> None:
        if self._vault is not vault:
            return  # locked meanwhile: show nothing
        if self.import_dialog is not None:
            what = "1 interview" if count == 1 else f"{count} interviews"
            self.import_dialog.status.setText(self.import_dialog.tr(
                "{what} removed from this laptop; the coordinator keeps them.").format(what=what))
        self.changed.emit()

    def _not_removed(self, vault, exc: BaseException) -> None:
        log.error("removing delivered interviews failed: %s", type(exc).__name__)
        if self._vault is vault and self.import_dialog is not None:
            self.import_dialog.status.setText(self.import_dialog.tr(
                "The delivered interviews could not be removed. Import the receipt again to be asked again."))

    # --- plumbing ------------------------------------------------------------------------


    def close_all(self) -> None:
        """On lock: stop work at its next step, close every dialog and empty what it showed."""
        if self.removal_box is not None:
            box, self.removal_box = self.removal_box, None
            box.reject()
        for d in (self.devices_dialog, self.send_dialog, self.import_dialog):
            if d is not None:
                d.drop()
                d.reject()
        self.devices_dialog = self.send_dialog = self.import_dialog = None

    def detach(self) -> None:
        self.close_all()
        self._vault = None

