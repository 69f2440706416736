"""The two screens before the vault is open: set it up (first run) and unlock it.

Neither screen shows anything about the interviews: no names, no counts, no titles. The key
derivation (Argon2id, about a second by design) runs on the thread pool behind a busy bar, so the
window stays responsive and can still be hidden with quick exit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.passphrase import MIN_LENGTH, WEAK_BELOW, too_short
from desktop.core.passphrase import strength as passphrase_strength
from desktop.paths import check_not_synced, make_private_dir
from desktop.resources import resource_path
from desktop.ui.form_widgets import restyle
from desktop.ui.session import forget_typed
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

FREE_TRIES = 5


def lockout_seconds(failures_in_a_row: int) -> int:
    """No wait for the first five wrong tries, then 5, 10, 20 ... seconds, at most five minutes."""
    if failures_in_a_row < FREE_TRIES:
        return 0
    return min(5 * 2 ** (failures_in_a_row - FREE_TRIES), 300)


@dataclass
class VaultGate:
    """Opens the vault in one folder. ``kdf`` is the key-derivation cost for a new vault
    (None: measured on this machine)."""

    directory: Path
    kdf: object | None = None

    def exists(self) -> bool:
        from desktop.vault import Vault

        return Vault.exists(self.directory)

    def create(self, passphrase: str, role: str = "field"):
        """A new vault with its role ("field": takes interviews; "coordinator": gathers them) and keys."""
        from desktop.services import transfer
        from desktop.vault import Vault, VaultExists

        check_not_synced(self.directory)
        if Vault.exists(self.directory):
            raise VaultExists()
        make_private_dir(self.directory.parent)
        return transfer.create_vault(self.directory, passphrase, role, kdf=self.kdf)  # the command line's rules too

    def unlock(self, passphrase: str):
        from desktop.vault import Vault

        return Vault.unlock(self.directory, passphrase)


def _passphrase_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setClearButtonEnabled(False)
    field.setMinimumWidth(320)
    # Never offered to an input method's history or a clipboard manager.
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
    )
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    show = QAction(parent)
    show.setCheckable(True)
    show.setText(parent.tr("Show passphrase"))
    show.setToolTip(parent.tr("Show or hide what you typed"))
    eye = resource_path("icons/eye.svg")
    if eye.is_file():
        show.setIcon(QIcon(str(eye)))
    show.toggled.connect(lambda on: field.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
    field.addAction(show, QLineEdit.ActionPosition.TrailingPosition)
    field.show_action = show  # type: ignore[attr-defined]
    return field


class _Card(QFrame):
    """A centred, width-limited panel: the calm middle of the first screens."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(32, 28, 32, 28)
        self.body.setSpacing(12)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setMaximumWidth(560)

    def finish(self, text: str, name: str) -> tuple[QLabel, QProgressBar, QPushButton]:
        """The foot both first screens share: a message line, the busy bar and the primary button."""
        message, busy = _message(self), _busy(self)
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setDefault(True)
        button.setProperty("role", "primary")
        self.body.addWidget(message)
        self.body.addWidget(busy)
        self.body.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return message, busy, button

    def add_below(self, widget: QWidget) -> None:
        """Something quieter under the primary button (the vault folder switcher)."""
        widget.setParent(self)
        self.body.addWidget(widget)


def _centred(page: QWidget, card: QWidget) -> None:
    """The card in the middle of the page, which scrolls when the window is shorter than the card
    (the set-up card at 1100x720): its sentences are never squeezed into half-lines."""
    scroll = QScrollArea(page)
    scroll.setObjectName("firstScreen")
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no silent Tab stop: each field is one, and is scrolled to
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    inner = QWidget(scroll)
    inner.setObjectName("firstScreenInner")
    outer = QVBoxLayout(inner)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card, 4)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    card.setParent(inner)
    scroll.setWidget(inner)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "heading")
    label.setWordWrap(True)
    return label


def _message(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(parent.tr("Message"))
    label.hide()
    return label


def _busy(parent: QWidget) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.setAccessibleName(parent.tr("Working"))
    bar.hide()
    return bar


class CreateVaultPage(QWidget):
    """First run: choose the passphrase that will protect every interview on this computer."""

    opened = Signal(object)
    abandoned = Signal()

    def __init__(self, gate: VaultGate, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gate = gate
        self._tasks = tasks
        self._attempt = 0
        card = _Card(self)
        b = card.body
        b.addWidget(_heading(self.tr("Set up Witnessbox on this computer"), card))
        intro = QLabel(
            self.tr(
                "Interviews are kept in an encrypted vault on this computer. Choose a passphrase "
                "to lock it. Four or five unrelated words make a strong passphrase that is easy "
                "to remember."
            ),
            card,
        )
        intro.setWordWrap(True)
        b.addWidget(intro)

        b.addWidget(QLabel(self.tr("&Passphrase"), card))
        self.passphrase = _passphrase_field(card, self.tr("New passphrase"))
        b.itemAt(b.count() - 1).widget().setBuddy(self.passphrase)
        b.addWidget(self.passphrase)
        b.addWidget(QLabel(self.tr("&Type it again"), card))
        self.confirm = _passphrase_field(card, self.tr("Repeat the passphrase"))
        b.itemAt(b.count() - 1).widget().setBuddy(self.confirm)
        b.addWidget(self.confirm)

        meter_row = QHBoxLayout()
        self.meter = QProgressBar(card)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.meter_label = QLabel(card)
        self.meter_label.setMinimumWidth(120)
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.meter_label)
        b.addLayout(meter_row)

        b.addWidget(QLabel(self.tr("What is this laptop for?"), card))
        self.role_field = QRadioButton(self.tr("This laptop &takes interviews"), card)
        self.role_coordinator = QRadioButton(
            self.tr("This laptop &gathers interviews from workers' laptops (coordinator)"), card
        )
        self.role_field.setAccessibleName(self.tr("This laptop takes interviews"))
        self.role_coordinator.setAccessibleName(self.tr("This laptop gathers interviews (coordinator)"))
        self.role_field.setChecked(True)
        self.roles = QButtonGroup(self)
        for button in (self.role_field, self.role_coordinator):
            self.roles.addButton(button)
            b.addWidget(button)

        warning = QLabel(
            self.tr(
                "Write the passphrase down and keep it somewhere safe, away from this computer. "
                "If it is forgotten, the interviews cannot be opened again by anyone, unless your "
                "organisation sets up its recovery key later."
            ),
            card,
        )
        warning.setWordWrap(True)
        warning.setProperty("role", "warning")
        warning.setAccessibleName(self.tr("Warning"))
        b.addWidget(warning)

        self.message, self.busy, self.create_button = card.finish(
            self.tr("&Create the vault"), self.tr("Create the vault")
        )
        self.card = card
        _centred(self, card)

        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self.passphrase.returnPressed.connect(self.confirm.setFocus)
        self.confirm.returnPressed.connect(self.submit)
        self.create_button.clicked.connect(self.submit)
        self._update()

    def _problem(self) -> str | None:
        p, c = self.passphrase.text(), self.confirm.text()
        if too_short(p):  # the same rule as the command line's refusal
            return self.tr("Use at least %1 characters.").replace("%1", str(MIN_LENGTH))
        if passphrase_strength(p) < WEAK_BELOW:
            return self.tr("This passphrase is too easy to guess. Add another word or two.")
        if c and c != p:
            return self.tr("The two passphrases are different.")
        if not c:
            return self.tr("Type the passphrase again to check it.")
        return None

    def _update(self) -> None:
        score = passphrase_strength(self.passphrase.text())
        self.meter.setValue(score)
        restyle(self.meter, strength=score)
        words = [self.tr("Too short"), self.tr("Weak"), self.tr("Fair"), self.tr("Good"), self.tr("Strong")]
        self.meter_label.setText(words[score])
        self.meter.setAccessibleDescription(words[score])
        problem = self._problem()
        self.create_button.setEnabled(problem is None and not self._tasks.busy)
        if self.passphrase.text() or self.confirm.text():
            self._show(problem, role="hint")

    def _show(self, text: str | None, role: str = "error") -> None:
        restyle(self.message, role=role)
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def submit(self) -> None:
        if self._problem() is not None or self._tasks.busy:
            self._update()
            return
        passphrase = self.passphrase.text()
        role = self.role
        self._set_busy(True)
        self._show(self.tr("Setting up the vault. This takes a few seconds."), role="hint")
        self._attempt += 1
        attempt = self._attempt
        self._tasks.run_task(
            lambda: self._gate.create(passphrase, role),
            lambda vault: self._created(attempt, vault),
            lambda exc: self._failed(attempt, exc),
        )

    @property
    def role(self) -> str:
        """The role chosen for the new vault: "field" unless the coordinator's is asked for."""
        return "coordinator" if self.role_coordinator.isChecked() else "field"

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (self.passphrase, self.confirm, self.role_field, self.role_coordinator):
            w.setEnabled(not busy)
        self.create_button.setEnabled(not busy)

    def cancel(self) -> None:
        """Forget a set-up still running (quick exit or lock): its vault is locked on arrival."""
        self._attempt += 1
        self._set_busy(False)
        self.reset()

    def _created(self, attempt: int, vault) -> None:
        if attempt != self._attempt:
            vault.lock()
            self.abandoned.emit()  # the vault exists now: next time it is the lock screen
            return
        self._set_busy(False)
        self.reset()
        self.opened.emit(vault)

    def _failed(self, attempt: int, exc: BaseException) -> None:
        from desktop.paths import SyncedFolderError
        from desktop.services.errors import Refused
        from desktop.vault import DiskFull, VaultExists

        if attempt != self._attempt:
            return
        self._set_busy(False)
        if isinstance(exc, VaultExists):
            text = self.tr("A vault already exists on this computer. Restart Witnessbox to unlock it.")
        elif isinstance(exc, DiskFull):
            text = self.tr("The disk is full. Free some space and try again.")
        elif isinstance(exc, SyncedFolderError):
            text = self.tr(
                "The vault folder is inside a cloud-synced folder. Witnessbox will not keep interviews there."
            )
        elif isinstance(exc, Refused):  # the service's own plain words (a passphrase too short)
            text = str(exc)
        else:
            log.error("creating the vault failed: %s", type(exc).__name__)
            text = self.tr(
                "The vault could not be created. Nothing was saved. Try again, and if it keeps "
                "failing, ask your coordinator."
            )
        self._show(text)
        self._update()

    def reset(self) -> None:
        forget_typed(self.passphrase, self.confirm)
        self.role_field.setChecked(True)
        self.message.hide()


class UnlockPage(QWidget):
    """The lock screen. It names nothing and counts nothing."""

    opened = Signal(object)

    def __init__(self, gate: VaultGate, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gate = gate
        self._tasks = tasks
        self.failures = 0
        self._attempt = 0
        self._wait_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        card = _Card(self)
        b = card.body
        b.addWidget(_heading(self.tr("Witnessbox is locked"), card))
        hint = QLabel(self.tr("Enter your passphrase to open the vault."), card)
        hint.setWordWrap(True)
        b.addWidget(hint)
        label = QLabel(self.tr("&Passphrase"), card)
        b.addWidget(label)
        self.passphrase = _passphrase_field(card, self.tr("Passphrase"))
        label.setBuddy(self.passphrase)
        b.addWidget(self.passphrase)
        self.message, self.busy, self.unlock_button = card.finish(self.tr("&Unlock"), self.tr("Unlock"))
        self.card = card
        _centred(self, card)

        self.passphrase.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)

    def submit(self) -> None:
        if self._tasks.busy or self._wait_left > 0 or not self.passphrase.text():
            return
        passphrase = self.passphrase.text()
        self._set_busy(True)
        self.message.hide()
        self._attempt += 1
        attempt = self._attempt
        self._tasks.run_task(
            lambda: self._gate.unlock(passphrase),
            lambda vault: self._unlocked(attempt, vault),
            lambda exc: self._failed(attempt, exc),
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setReadOnly(busy)
        self.unlock_button.setEnabled(not busy and self._wait_left == 0)

    def cancel(self) -> None:
        """Forget an unlock still running (quick exit): the vault it opens is locked on arrival."""
        self._attempt += 1
        self._set_busy(False)
        self.reset()

    def _unlocked(self, attempt: int, vault) -> None:
        if attempt != self._attempt:
            vault.lock()
            return
        self._set_busy(False)
        self.failures = 0
        self.reset()
        self.opened.emit(vault)

    def _failed(self, attempt: int, exc: BaseException) -> None:
        from desktop.vault import ForeignJournal, NoVault, VaultDamaged, VaultInUse, WrongPassphrase

        if attempt != self._attempt:
            return
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self.failures += 1
            text = self.tr("That passphrase is not right. Check Caps Lock and the keyboard language, then try again.")
            wait = lockout_seconds(self.failures)
            if wait:
                self._wait_left = wait
                self._countdown.start()
                self.unlock_button.setEnabled(False)
                text += " " + self.tr("Wait %1 seconds before the next try.").replace("%1", str(wait))
        elif isinstance(exc, ForeignJournal):
            text = self.tr(
                "A journal file in the vault's folder did not belong to this vault (it may have been "
                "copied from another vault), so it was not used and was moved into the vault's "
                "'damaged' folder. Unlock again to open the vault as it was last saved."
            )
        elif isinstance(exc, VaultDamaged):
            text = self.tr(
                "The vault could not be read: it may be damaged. Nothing has been changed. "
                "Ask your coordinator before trying anything else."
            )
        elif isinstance(exc, VaultInUse):
            text = self.tr("The vault is in use by another Witnessbox window or command; close it and try again.")
        elif isinstance(exc, NoVault):
            text = self.tr("There is no vault on this computer any more. Restart Witnessbox.")
        else:
            log.error("unlocking failed: %s", type(exc).__name__)
            text = self.tr("The vault could not be opened. Try again.")
        restyle(self.message, role="error")
        self.message.setText(text)
        self.message.show()
        # Keep what was typed, selected, so a slip can be fixed or retyped at once.
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    def show_damage_found(self) -> None:
        """Damage found by the check after unlock (:mod:`desktop.ui.vault_check`), told here like
        damage found at unlock."""
        from desktop.ui.vault_check import damage_text

        restyle(self.message, role="error")
        self.message.setText(damage_text(self))
        self.message.show()

    def show_idle_locked(self, minutes: int) -> None:
        """Why the vault locked on its own: nobody used Witnessbox for ``minutes`` (the auto-lock time)."""
        restyle(self.message, role="hint")
        text = (
            self.tr("Witnessbox locked itself because nobody used it for 1 minute. Your draft is kept.")
            if minutes == 1
            else self.tr("Witnessbox locked itself because nobody used it for %1 minutes. Your draft is kept.").replace(
                "%1", str(minutes)
            )
        )
        self.message.setText(text)
        self.message.show()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_left = 0
            self._countdown.stop()
            self.unlock_button.setEnabled(not self._tasks.busy)
            self.message.setText(self.tr("You can try again now."))

    @property
    def waiting(self) -> bool:
        return self._wait_left > 0

    def reset(self) -> None:
        forget_typed(self.passphrase)
        self.passphrase.show_action.setChecked(False)
        self.message.hide()

    def focus(self) -> None:
        self.passphrase.setFocus()
