"""Devices: this laptop's role and fingerprint, its enrolment file, and enrolling another laptop in person.

Enrolment is done face to face. Each person reads their fingerprint aloud off their own screen; the
other chooses that laptop's enrolment file and TYPES the fingerprint they hear or read. The Enrol
button stays disabled until what is typed matches the file
(:func:`desktop.services.transfer_screens.fingerprint_typed`); there is no button that accepts a
file unseen. A worker enrolling the coordinator may tick a plainly worded box that lets the
coordinator open this vault if its passphrase is forgotten. Every rule is in
:mod:`desktop.services.transfer`; this dialog shows and asks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.session import forget_typed
from desktop.ui.transfer_dialogs import FolderChooser, choose_stick_folder

log = logging.getLogger(__name__)

FileChooser = Callable[[QWidget], Path | None]

ROLE_WORDS = {
    "field": "This laptop takes interviews (a worker's laptop).",
    "coordinator": "This laptop gathers interviews from workers' laptops (the coordinator's).",
}
PEER_WORDS = {"field": "Worker's laptop", "coordinator": "Coordinator"}


def choose_enrolment_file(parent: QWidget) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, parent.tr("The other laptop's enrolment file"), "", parent.tr("Witnessbox enrolment file (*.json)")
    )
    return Path(chosen) if chosen else None


def _holds(path: Path, content: bytes) -> bool:
    """Does the file at ``path`` hold exactly ``content``? (False if it cannot be read.)"""
    try:
        return path.read_bytes() == content
    except OSError:
        return False


class DevicesDialog(QDialog):
    enrolled = Signal()

    def __init__(
        self,
        vault,
        *,
        choose_folder: FolderChooser = choose_stick_folder,
        choose_file: FileChooser = choose_enrolment_file,
        parent: QWidget | None = None,
    ) -> None:
        from desktop.services import transfer

        super().__init__(parent)
        self.setObjectName("devicesDialog")
        self.setWindowTitle(self.tr("Devices"))
        self._vault = vault
        self._choose_folder = choose_folder
        self._choose_file = choose_file
        self._enrolment = None  # the chosen file, read but not yet enrolled
        self._filling = False  # True while the list is filled in, so that is not taken for a name typed
        keys = transfer.public_keys(vault)
        self._role = keys.role

        # -- this laptop ------------------------------------------------------------------------
        me = QGroupBox(self.tr("This laptop"), self)
        m = QVBoxLayout(me)
        self.role_label = QLabel(self.tr(ROLE_WORDS[keys.role]), me)
        self.role_label.setWordWrap(True)
        m.addWidget(self.role_label)
        m.addWidget(QLabel(self.tr("Its fingerprint, to read aloud to the other person:"), me))
        self.fingerprint_label = QLabel(keys.fingerprint, me)
        self.fingerprint_label.setObjectName("ownFingerprint")
        # Large and spaced, to be read aloud across a table (the stylesheet would otherwise set the font).
        self.fingerprint_label.setStyleSheet("font-family: monospace; font-size: 22pt; font-weight: 600;")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setAccessibleName(self.tr("This laptop's fingerprint"))
        m.addWidget(self.fingerprint_label)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save my enrolment file…"), me)
        self.save_button.setToolTip(self.tr("Write this laptop's public keys onto a stick for the other laptop"))
        self.save_button.clicked.connect(self.save_enrolment)
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        m.addLayout(save_row)

        # -- enrol another ----------------------------------------------------------------------
        other = "coordinator" if keys.role == "field" else "field"
        box = QGroupBox(self.tr("Enrol a device"), self)
        e = QVBoxLayout(box)
        how = QLabel(
            self.tr(
                "Do this in person. Choose the other laptop's enrolment file, then type the fingerprint shown on "
                "its screen. Enrolment is only possible when the two match."
            ),
            box,
        )
        how.setWordWrap(True)
        e.addWidget(how)
        file_row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("&Enrol a device…"), box)
        self.choose_button.setToolTip(
            self.tr("Choose the {who}'s enrolment file").format(who=self.tr(PEER_WORDS[other]).lower())
        )
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(box)
        self.file_label.setWordWrap(True)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_label, 1)
        e.addLayout(file_row)
        self.typed_label = QLabel(self.tr("&Fingerprint on the other screen:"), box)
        self.typed = QLineEdit(box)
        self.typed.setStyleSheet("font-family: monospace; font-size: 14pt;")
        self.typed.setPlaceholderText("XXXX XXXX XXXX XXXX")
        self.typed.setAccessibleName(self.tr("Fingerprint typed from the other screen"))
        self.typed_label.setBuddy(self.typed)
        self.typed.textChanged.connect(self._update)
        self.match_label = QLabel(box)
        self.match_label.setWordWrap(True)
        self.name_label = QLabel(self.tr("Its &name in your list (optional):"), box)
        self.name = QLineEdit(box)
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("e.g. Outreach laptop 3, Leeds office"))
        self.name.setToolTip(self.tr("Kept in this vault only: never written onto a stick, a bundle or a receipt"))
        self.name.setAccessibleName(self.tr("Name for the laptop being enrolled"))
        self.name_label.setBuddy(self.name)
        self.recovery = QCheckBox(
            self.tr("Let the coordinator open this laptop's interviews if I forget my passphrase"), box
        )
        self.recovery.setToolTip(self.tr("Without this, a forgotten passphrase means the interviews here are lost."))
        self.enrol_button = QPushButton(self.tr("Enrol"), box)
        self.enrol_button.setProperty("role", "primary")
        self.enrol_button.clicked.connect(self.enrol)
        typed_row = QHBoxLayout()
        typed_row.addWidget(self.typed_label)
        typed_row.addWidget(self.typed, 1)
        typed_row.addWidget(self.enrol_button)
        name_row = QHBoxLayout()  # before the fingerprint, so it is seen before Enrol is pressed
        name_row.addWidget(self.name_label)
        name_row.addWidget(self.name, 1)
        e.addLayout(name_row)
        e.addLayout(typed_row)
        e.addWidget(self.match_label)
        e.addWidget(self.recovery)

        # -- the enrolled devices ---------------------------------------------------------------
        self.devices = QTableWidget(0, 5, self)
        self.devices.setAccessibleName(self.tr("Enrolled devices"))
        self.devices.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Device"),
                self.tr("Fingerprint"),
                self.tr("Enrolled"),
                self.tr("May recover this vault"),
            ]
        )
        self.devices.verticalHeader().hide()
        # Only a worker's laptop's name is editable (double-click or F2), on the coordinator's vault.
        self.devices.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.devices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.devices.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if keys.role == "field":
            self.devices.hideColumn(0)
        else:
            self.devices.hideColumn(4)
        self.devices.itemChanged.connect(self._renamed)
        self.status = QLabel(self)
        self.status.setObjectName("devicesStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        self.save_button.setAccessibleName(self.tr("Save my enrolment file"))
        self.choose_button.setAccessibleName(self.tr("Enrol a device"))
        self.enrol_button.setAccessibleName(self.tr("Enrol"))
        self.recovery.setAccessibleName(self.recovery.text())

        layout = QVBoxLayout(self)
        layout.addWidget(me)
        layout.addWidget(box)
        layout.addWidget(QLabel(self.tr("Enrolled devices"), self))
        layout.addWidget(self.devices, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 620)
        self.refresh()
        self._update()

    # -- this laptop ------------------------------------------------------------------------------

    @Slot()
    def save_enrolment(self) -> Path | None:
        from desktop.services import transfer
        from desktop.services.errors import DestinationExists, Refused
        from desktop.services.transfer_screens import enrolment_file_name

        folder = self._choose_folder(self)
        if folder is None or self._vault is None:
            return None
        target = Path(folder) / enrolment_file_name(self._vault)
        try:
            written = transfer.export_enrolment(self._vault, target)
        except DestinationExists:
            # Saved there before (the name is this laptop's own). The service's words ask for another name
            # or --force on the command line; here the name is not the worker's to choose.
            if _holds(target, transfer.public_keys(self._vault).to_json()):
                self.status.setText(
                    self.tr(
                        "This laptop's enrolment file is already there ({name}). Take it to "
                        "the other laptop and enrol this one there, reading this fingerprint "
                        "aloud."
                    ).format(name=target.name)
                )
                return target
            self.status.setText(
                self.tr(
                    "Another file called {name} is already in that folder, so nothing was saved. Choose another folder."
                ).format(name=target.name)
            )
            return None
        except Refused as exc:
            self.status.setText(str(exc))
            return None
        except OSError:
            self.status.setText(
                self.tr("The enrolment file could not be written there. Check the stick and try again.")
            )
            return None
        self.status.setText(
            self.tr(
                "Saved {name}. Take it to the other laptop and enrol this one there, reading this fingerprint aloud."
            ).format(name=written.name)
        )
        return written

    # -- enrolling --------------------------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        from desktop.services.errors import Refused
        from desktop.services.transfer_screens import read_enrolment

        path = self._choose_file(self)
        if path is None:
            return
        self._enrolment = None
        forget_typed(self.typed)
        try:
            self._enrolment = read_enrolment(path)
        except Refused as exc:
            self.file_label.setText("")
            self.status.setText(str(exc))
        else:
            self.status.clear()
            who = self.tr(PEER_WORDS[self._enrolment.keys.role])
            self.file_label.setText(
                self.tr("{name}: {who}. Now type the fingerprint shown on its screen.").format(name=path.name, who=who)
            )
            self.typed.setFocus()
        self._update()

    def _matches(self) -> bool:
        from desktop.services.transfer_screens import fingerprint_typed

        return self._enrolment is not None and fingerprint_typed(self.typed.text(), self._enrolment)

    def _update(self) -> None:
        chosen = self._enrolment is not None
        for w in (self.typed_label, self.typed, self.enrol_button, self.match_label):
            w.setVisible(chosen)
        naming = chosen and self._role == "coordinator" and self._enrolment.keys.role == "field"
        self.name_label.setVisible(naming)
        self.name.setVisible(naming)
        self.recovery.setVisible(chosen and self._role == "field" and self._enrolment.keys.role == "coordinator")
        matches = self._matches()
        self.enrol_button.setEnabled(matches)
        if not chosen:
            self.match_label.clear()
        elif matches:
            self.match_label.setText(self.tr("The fingerprints match."))
        elif len(self.typed.text().replace(" ", "").replace("-", "")) >= 16:
            self.match_label.setText(
                self.tr(
                    "This does not match the file. Read it again off the other screen; "
                    "if it still differs, the file is not theirs."
                )
            )
        else:
            self.match_label.setText(self.tr("Type all 16 characters."))

    @Slot()
    def enrol(self) -> bool:
        from desktop.services import transfer
        from desktop.services.errors import Refused
        from desktop.vault import VaultError

        if not self._matches() or self._vault is None:
            return False
        allow = self.recovery.isVisible() and self.recovery.isChecked()
        name = self.name.text() if self.name.isVisible() else ""
        try:
            other = transfer.enrol(
                self._vault, self._enrolment.data, self.typed.text(), allow_recovery=allow, name=name
            )
        except Refused as exc:
            self.status.setText(str(exc))
            return False
        except VaultError as exc:
            log.error("enrolling a device failed: %s", type(exc).__name__)
            self.status.setText(
                self.tr(
                    "This laptop is enrolled here already with other keys, so nothing was "
                    "changed. Ask the coordinator in charge."
                )
            )
            return False
        self._enrolment = None
        forget_typed(self.typed)
        self.recovery.setChecked(False)
        forget_typed(self.name)
        self.file_label.clear()
        text = self.tr("Enrolled the {who} with fingerprint {fp}.").format(
            who=self.tr(PEER_WORDS[other.role]).lower(), fp=other.fingerprint
        )
        if other.role == "field":
            from desktop.services.transfer_screens import device_labels

            text += " " + self.tr("Its interviews will show as from \u201c{laptop}\u201d.").format(
                laptop=device_labels(self._vault).get(other.device_id, "")
            )
        if allow:
            text += " " + self.tr(
                "The coordinator can now open this laptop's interviews if its passphrase is forgotten."
            )
        self.status.setText(text)
        self.refresh()
        self._update()
        self.enrolled.emit()
        return True

    # -- the list ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        from desktop.services.transfer_screens import device_label, devices, succession_notes

        peers = devices(self._vault) if self._vault is not None else []
        notes = succession_notes(self._vault) if self._vault is not None else {}
        self._filling = True
        self.devices.setRowCount(len(peers))
        for row, p in enumerate(peers):
            # A worker's laptop by the name the coordinator's list gives it under "From".
            role = (
                self.tr("{laptop} (worker)").format(laptop=device_label(p.fingerprint))
                if p.role == "field"
                else self.tr(PEER_WORDS.get(p.role, p.role))
            )
            if p.device_id in notes:  # a laptop restored from a backup, or the one it replaced
                role = (
                    role[:-1] + "; " + notes[p.device_id] + ")"
                    if role.endswith(")")
                    else self.tr("{role} ({note})").format(role=role, note=notes[p.device_id])
                )
            cells = [
                p.name,
                role,
                p.fingerprint,
                p.enrolled_at[:10],
                self.tr("Yes") if p.allow_recovery else self.tr("No"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.device_id)
                if col != 0 or p.role != "field" or self._role != "coordinator":
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setToolTip(
                        self.tr(
                            "Double-click or press F2 to name this laptop. The name stays in "
                            "this vault: it is never written onto a stick."
                        )
                    )
                if col == 2:
                    font = QFont(self.devices.font())
                    font.setFamilies(["monospace"])
                    font.setStyleHint(QFont.StyleHint.Monospace)
                    item.setFont(font)
                self.devices.setItem(row, col, item)
        self._filling = False

    @Slot(QTableWidgetItem)
    def _renamed(self, item: QTableWidgetItem) -> None:
        """A laptop's name edited in the list: kept through the service, or the old name shown again."""
        from desktop.services import transfer
        from desktop.services.errors import Refused

        if self._filling or item.column() != 0 or self._vault is None:
            return
        from desktop.services.transfer_screens import devices

        device = item.data(Qt.ItemDataRole.UserRole)
        try:
            name = transfer.name_device(self._vault, device, item.text())
        except Refused as exc:
            self.status.setText(str(exc))
            name = next((p.name for p in devices(self._vault) if p.device_id == device), "")
        else:
            self.status.setText(
                self.tr("Named \u201c{name}\u201d. The name stays in this vault.").format(name=name)
                if name
                else self.tr("The name was taken away; the laptop is shown by its fingerprint.")
            )
        self._filling = True  # the name as kept (tidied), or as it was when refused; not a second edit
        item.setText(name)
        self._filling = False

    def drop(self) -> None:
        """Forget the vault and everything shown (on lock and on close)."""
        self._vault = None
        self._enrolment = None
        forget_typed(self.typed, self.name)
        self.devices.setRowCount(0)
        self.fingerprint_label.clear()
        self.file_label.clear()
        self.status.clear()

    def done(self, result: int) -> None:
        self.drop()
        super().done(result)
