"""Settings: preferences kept in the vault (they say something about how the worker works: the
auto-lock minutes, the organisation statements say took them and, on a field vault, how long
delivered interviews stay on the laptop), changing the vault's passphrase, and checking every page
of the vault (:mod:`desktop.ui.vault_check`).

The passphrase is changed by :func:`desktop.services.vaults.change_passphrase`, which applies the
passphrase rule (:mod:`desktop.core.passphrase`) and rewrites only the key slot, atomically. The
key derivation takes about a second, so it runs on the task runner's pool, never on the thread
that draws the window; the three fields are emptied as soon as it is done, and when the dialog
closes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.passphrase import too_weak
from desktop.services import organisation, retention
from desktop.ui import labels
from desktop.ui.backup_box import BackupBox, BackupFolderChooser, choose_backup_folder
from desktop.ui.form_widgets import restyle
from desktop.ui.session import DEFAULT_IDLE_MINUTES, forget_typed
from desktop.ui.vault_check import CheckGroup
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

AUTO_LOCK_KEY = "auto_lock_minutes"


def auto_lock_minutes(vault) -> int:
    try:
        value = int(vault.settings.get(AUTO_LOCK_KEY, DEFAULT_IDLE_MINUTES))
    except (TypeError, ValueError):
        value = DEFAULT_IDLE_MINUTES
    return min(max(value, 1), 60)


class SettingsDialog(QDialog):
    """``tasks`` runs the passphrase change off the window's thread; ``kdf`` is its key-derivation
    cost (None: measured on this machine, as for a new vault)."""

    def __init__(
        self,
        vault,
        parent: QWidget | None = None,
        *,
        tasks: TaskRunner | None = None,
        kdf: object | None = None,
        choose_backup_folder: BackupFolderChooser = choose_backup_folder,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._tasks = tasks
        self._kdf = kdf
        self._changing = False
        self._closed = False  # a change that finishes after the dialog closed (a lock) shows nothing
        self.setWindowTitle(labels.window_title(self.tr("Settings")))
        # The groups scroll when the screen is short (a 768-pixel laptop at 150%), so no field is
        # ever squeezed under another; the buttons stay below them.
        outer = QVBoxLayout(self)
        content = QWidget(self)
        v = QVBoxLayout(content)
        v.setContentsMargins(0, 0, 4, 0)
        form = QFormLayout()
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 60)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(auto_lock_minutes(vault))
        self.minutes.setAccessibleName(self.tr("Lock after this many minutes without use"))
        label = QLabel(self.tr("&Lock after no use for"), self)
        label.setBuddy(self.minutes)
        form.addRow(label, self.minutes)
        self.organisation = QLineEdit(self)
        self.organisation.setMaxLength(organisation.MAX_ORGANISATION_CHARS)
        self.organisation.setText(organisation.organisation(vault))
        self.organisation.setPlaceholderText(self.tr("e.g. Northside Migrant Support"))
        self.organisation.setAccessibleName(self.tr("Organisation that takes the statements"))
        self.organisation.setToolTip(self.tr("Printed on every statement as “Statement taken by”"))
        label = QLabel(self.tr("&Organisation"), self)
        label.setBuddy(self.organisation)
        form.addRow(label, self.organisation)
        self.organisation_problem = QLabel(self)
        self.organisation_problem.setWordWrap(True)
        self.organisation_problem.setProperty("role", "error")
        self.organisation_problem.hide()
        form.addRow(self.organisation_problem)
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
        text = self.tr(
            "Every statement names the organisation as the one that took it. Witnessbox also locks "
            "when you press Quick exit, Ctrl+L, or Esc twice."
        )
        if self.retention is not None:
            text += " " + self.tr(
                "Once the coordinator's receipt shows an interview delivered and this time has "
                "passed, Witnessbox asks whether to remove it from this laptop."
            )
        note = QLabel(text, self)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        v.addWidget(note)
        self.check_group: CheckGroup | None = None
        if tasks is not None:
            v.addWidget(self._passphrase_box())
            self.check_group = CheckGroup(vault, tasks.sibling(), self)
            v.addWidget(self.check_group)
        self.backup_box: BackupBox | None = None
        if tasks is not None:
            self.backup_box = BackupBox(vault, tasks, self, choose=choose_backup_folder)
            v.addWidget(self.backup_box)
        # Height beyond what the groups need (a 1080-pixel screen) goes below them, not into bands around
        # each note's sentences.
        v.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no silent Tab stop: each field is one, and is scrolled to
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        outer.addWidget(buttons)
        # Wide enough that the notes and the groups' wrapped sentences are read in a few lines, not
        # squeezed into a column with the fields overlapping.
        self._scroll = scroll
        self.setMinimumWidth(560)
        room = self.screen().availableGeometry().height() - 60 if self.screen() is not None else 700
        # The content's height at the dialog's width: its size hint is for a narrower column, where the
        # notes wrap onto more lines, and made the dialog taller than it needs on a tall screen.
        margins = outer.contentsMargins()
        width = 620 - margins.left() - margins.right()
        need = content.heightForWidth(width) if content.hasHeightForWidth() else content.sizeHint().height()
        self.resize(620, max(300, min(need + buttons.sizeHint().height() + 40, room)))

    # --- the passphrase ----------------------------------------------------------------------

    def _passphrase_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Passphrase"), self)
        form = QFormLayout(box)
        self.old_passphrase = self._secret(self.tr("Current passphrase"))
        self.new_passphrase = self._secret(self.tr("New passphrase"))
        self.confirm_passphrase = self._secret(self.tr("New passphrase again"))
        for text, field in (
            (self.tr("C&urrent passphrase"), self.old_passphrase),
            (self.tr("&New passphrase"), self.new_passphrase),
            (self.tr("New passphrase &again"), self.confirm_passphrase),
        ):
            label = QLabel(text, box)
            label.setBuddy(field)
            form.addRow(label, field)
        self.change_button = QPushButton(self.tr("&Change passphrase"), box)
        self.change_button.clicked.connect(self.change_passphrase)
        form.addRow(self.change_button)
        self.passphrase_status = QLabel(box)
        self.passphrase_status.setWordWrap(True)
        self.passphrase_status.setAccessibleName(self.tr("Passphrase change"))
        self.passphrase_status.hide()  # shown with something to say: empty, it left a gap under the button
        form.addRow(self.passphrase_status)
        hint = QLabel(
            self.tr(
                "At least 10 characters; four or five unrelated words are best. Write it down and "
                "keep it away from this computer: nobody can open the vault without it."
            ),
            box,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        form.addRow(hint)
        for field in (self.old_passphrase, self.new_passphrase, self.confirm_passphrase):
            field.textChanged.connect(self._update_change)
        self._update_change()
        return box

    def _secret(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _update_change(self) -> None:
        filled = all(f.text() for f in (self.old_passphrase, self.new_passphrase, self.confirm_passphrase))
        self.change_button.setEnabled(filled and not self._changing)

    def _say(self, text: str, role: str) -> None:
        self.passphrase_status.setText(text)
        self.passphrase_status.setVisible(bool(text))
        restyle(self.passphrase_status, role=role)

    def change_passphrase(self) -> None:
        """Change the passphrase on the pool; the answer comes back in ``passphrase_status``."""
        from desktop.services import vaults
        from desktop.services.errors import Refused
        from desktop.vault import VaultError, WrongPassphrase

        if self._tasks is None or self._changing:
            return
        old, new = self.old_passphrase.text(), self.new_passphrase.text()
        if new != self.confirm_passphrase.text():
            self._say(self.tr("The new passphrase and its repeat are not the same. Type them again."), "error")
            forget_typed(self.confirm_passphrase)
            return
        vault, kdf = self._vault, self._kdf
        weak = too_weak(new)
        self._changing = True
        for f in (self.old_passphrase, self.new_passphrase, self.confirm_passphrase):
            f.setEnabled(False)
        self._update_change()
        self._say(self.tr("Changing the passphrase… this takes a few seconds."), "muted")

        def finish() -> None:
            self._changing = False
            for f in (self.old_passphrase, self.new_passphrase, self.confirm_passphrase):
                f.setEnabled(True)
            self._update_change()

        def done(_result: object) -> None:
            if self._closed:
                return
            self._forget_passphrases()
            finish()
            text = self.tr("The passphrase is changed. Use the new one from now on.")
            if weak:
                text += " " + self.tr(weak)
            self._say(text, "ok")

        def failed(exc: BaseException) -> None:
            if self._closed:
                return
            finish()
            if isinstance(exc, WrongPassphrase):
                self._say(self.tr("The current passphrase is not right. Nothing was changed."), "error")
                forget_typed(self.old_passphrase)
            elif isinstance(exc, Refused):
                self._say(str(exc) + " " + self.tr("Nothing was changed."), "error")
            else:
                if not isinstance(exc, VaultError):
                    log.error("changing the passphrase failed: %s", type(exc).__name__)
                self._say(
                    self.tr(
                        "The passphrase could not be changed. Nothing was changed: the current "
                        "passphrase still opens the vault."
                    ),
                    "error",
                )

        self._tasks.run_task(lambda: vaults.change_passphrase(vault, old, new, kdf=kdf), done, failed)

    def _forget_passphrases(self) -> None:
        if self._tasks is not None:
            for f in (self.old_passphrase, self.new_passphrase, self.confirm_passphrase):
                forget_typed(f)

    # --- closing -----------------------------------------------------------------------------

    def accept(self) -> None:
        from desktop.services.errors import Refused

        try:
            organisation.check_organisation(self.organisation.text())
        except Refused as exc:  # the dialog stays open, with the field to correct
            self.organisation.setToolTip(str(exc))
            self.organisation.setFocus()
            self.organisation.selectAll()
            self.organisation_problem.setText(str(exc))
            self.organisation_problem.show()
            return
        self._vault.settings.set(AUTO_LOCK_KEY, int(self.minutes.value()))
        organisation.set_organisation(self._vault, self.organisation.text())
        if self.retention is not None:
            retention.set_retention_days(self._vault, int(self.retention.value()))
        super().accept()

    def done(self, result: int) -> None:
        self._forget_passphrases()
        self._closed = True
        if self.backup_box is not None:
            self.backup_box.detach()
        if self.check_group is not None:
            self.check_group.close_quietly()
        super().done(result)

    def show_backups(self) -> None:
        """Scroll to the Backups group and put the focus on its button (the reminder's way in: on a
        short screen the group is below the fold)."""
        if self.backup_box is None:
            return
        self._scroll.widget().layout().activate()
        self._scroll.ensureWidgetVisible(self.backup_box, 0, 0)
        self.backup_box.backup_button.setFocus()

    def launch(self) -> None:
        self.open()
