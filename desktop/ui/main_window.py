"""The one Witnessbox window: set-up or lock screen, then the list and the interview form.

Locking always wins. :meth:`MainWindow.lock` saves the draft, closes every other window and
dialog, empties the models and the form, locks the vault and clears the clipboard (if it still
holds what Witnessbox put there), then shows the lock screen, which names and counts nothing.
Quick exit does the same and hides the window at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.services.interviews import OPEN_KEY
from desktop.ui.backup_box import BackupReminder
from desktop.ui.demo_entry import DEMO_TITLE_SUFFIX, DemoBanner, DemoEntry
from desktop.ui.first_paint import FirstPaint
from desktop.ui.help_dialog import HelpDialog
from desktop.ui.screen_fit import fit_on_screen
from desktop.ui.session import ClipboardGuard, IdleWatcher, QuickExitKeys
from desktop.ui.settings_dialog import SettingsDialog, auto_lock_minutes
from desktop.ui.system_lock import SystemLockWatcher
from desktop.ui.unlock import CreateVaultPage, UnlockPage, VaultGate
from desktop.ui.vault_check import BackgroundCheck
from desktop.ui.vault_choice import VaultChoice, VaultSwitcher
from desktop.ui.window_dialogs import WindowDialogs
from desktop.ui.window_header import WindowHeader
from desktop.ui.workers import TaskRunner

if TYPE_CHECKING:
    from desktop.ui.dashboard import DashboardPage
    from desktop.ui.interview_editor import InterviewEditor
    from desktop.ui.list_page import InterviewListPage
    from desktop.ui.pack_dialog import PackActions
    from desktop.ui.statements import FileChooser, FolderChooser, StatementActions
    from desktop.ui.transfer_actions import TransferActions

log = logging.getLogger(__name__)


class MainWindow(WindowDialogs, QMainWindow):
    locked = Signal()
    unlocked = Signal()
    quick_exited = Signal()

    def __init__(
        self,
        gate: VaultGate,
        tasks: TaskRunner,
        *,
        idle: IdleWatcher,
        clipboard: ClipboardGuard,
        quick_exit_keys: QuickExitKeys,
        system_lock: SystemLockWatcher | None = None,
        idle_timeout_ms: int | None = None,
        file_picker: Callable[[QWidget], list[Path]] | None = None,
        today: Callable[[], date] = date.today,
        choose_folder: FolderChooser | None = None,
        choose_signing_file: FileChooser | None = None,
        choose_stick_folder: FolderChooser | None = None,
        choose_enrolment_file: FileChooser | None = None,
        choose_pack_folder: FolderChooser | None = None,
        vault_choice: VaultChoice | None = None,
        demo_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setObjectName("main")
        self._gate = gate
        self._tasks = tasks
        self._vault = None
        self.idle = idle
        self.idle.setParent(self)
        self.clipboard = clipboard
        self.clipboard.setParent(self)
        self.quick_exit_keys = quick_exit_keys
        quick_exit_keys.setParent(self)
        quick_exit_keys.triggered.connect(self.quick_exit)
        quick_exit_keys.lock_pressed.connect(self.lock)  # Ctrl+L in any dialog (Settings, message boxes, ...)
        self.system_lock = system_lock
        if system_lock is not None:
            system_lock.setParent(self)
            system_lock.lock_requested.connect(self.lock)
        self._idle_override = idle_timeout_ms
        self.settings_dialog: SettingsDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self._choose_backup_folder = choose_stick_folder  # a backup goes to a stick, like a bundle
        self.last_lock_seconds: float | None = None

        central = QWidget(self)
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header(central))
        self.backup_reminder = BackupReminder(central)
        self.backup_reminder.open_settings.connect(self.show_backups)
        outer.addWidget(self.backup_reminder)
        self.demo_banner = DemoBanner(central)
        outer.addWidget(self.demo_banner)
        self.stack = QStackedWidget(central)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.create_page = CreateVaultPage(gate, tasks, self.stack)
        self.unlock_page = UnlockPage(gate, tasks, self.stack)
        # The list, the form, the totals and the statement and transfer actions are built (and their modules
        # loaded) just after the first screen is painted, or when first needed: the lock screen
        # shows first (issue #13, start-up).
        self.workspace = QStackedWidget(self.stack)
        self._workspace_parts: tuple | None = None
        self._workspace_args = (
            tasks,
            file_picker,
            today,
            {
                k: v
                for k, v in (("choose_folder", choose_folder), ("choose_signing_file", choose_signing_file))
                if v is not None
            },
            {
                k: v
                for k, v in (
                    ("choose_stick_folder", choose_stick_folder),
                    ("choose_enrolment_file", choose_enrolment_file),
                )
                if v is not None
            },
            {"choose_folder": choose_pack_folder} if choose_pack_folder is not None else {},
        )
        for page in (self.create_page, self.unlock_page, self.workspace):
            self.stack.addWidget(page)
        # "Open another vault…" under both first screens, when the app can choose its vault folder.
        self.vault_choice = vault_choice
        self.vault_switchers: list[VaultSwitcher] = []
        if vault_choice is not None:
            vault_choice.setParent(self)
            for page, text in (
                (self.unlock_page, self.tr("Open another vault…")),
                (self.create_page, self.tr("Open an existing vault…")),
            ):
                switcher = VaultSwitcher(vault_choice, tasks, text)
                page.card.add_below(switcher)
                self.vault_switchers.append(switcher)
            vault_choice.changed.connect(self._vault_folder_changed)

        # Every page is checked after unlock, in the background; damage locks the vault and says so.
        self.vault_check = BackgroundCheck(tasks.sibling(), self)
        self.vault_check.damage_found.connect(self._damage_found)
        # "Try it with demo data" on the first-run screen: a vault of its own, beside the usual one.
        self.demo_entry: DemoEntry | None = None
        if demo_dir is not None:
            self.demo_entry = DemoEntry(demo_dir, tasks, gate.kdf)
            self.create_page.card.add_below(self.demo_entry)
            self.demo_entry.opened.connect(lambda _vault: self.create_page.reset())  # nothing typed stays behind
            self.demo_entry.opened.connect(self._opened)
        self.create_page.opened.connect(self._opened)
        self.create_page.abandoned.connect(self._show_locked_page)
        self.unlock_page.opened.connect(self._opened)
        self.idle.idle.connect(self._idle_lock)
        self._build_actions()
        self._show_locked_page()
        self.resize(1100, 720)
        fit_on_screen(self)  # a 1366x768 laptop at 125% has 614 points of height
        FirstPaint(self.stack, self._build_workspace)

    # --- the workspace, built after the first screen ----------------------------------------

    def _build_workspace(self) -> tuple:
        """Build the list, the form, the totals and the statement and transfer actions (once)."""
        if self._workspace_parts is not None:
            return self._workspace_parts
        from desktop.ui.dashboard import DashboardPage
        from desktop.ui.interview_editor import InterviewEditor, pick_files
        from desktop.ui.list_page import InterviewListPage
        from desktop.ui.pack_dialog import PackActions
        from desktop.ui.statements import StatementActions
        from desktop.ui.transfer_actions import TransferActions

        tasks, file_picker, today, choosers, transfer_choosers, pack_chooser = self._workspace_args
        list_page = InterviewListPage(tasks, self.workspace)
        editor = InterviewEditor(tasks, file_picker=file_picker or pick_files, today=today, parent=self.workspace)
        statements = StatementActions(tasks, self, **choosers)
        transfer = TransferActions(tasks, self, **transfer_choosers)
        dashboard = DashboardPage(tasks, parent=self.workspace)
        pack = PackActions(tasks, self, today=today, **pack_chooser)
        self._workspace_parts = (list_page, editor, statements, transfer, dashboard, pack)
        self.workspace.addWidget(list_page)
        self.workspace.addWidget(editor)
        self.workspace.addWidget(dashboard)
        list_page.open_requested.connect(self.open_interview)
        list_page.new_requested.connect(self.new_interview)
        list_page.export_requested.connect(self.export_statements)
        editor.review_redactions_requested.connect(self.review_redactions)
        editor.export_statement_requested.connect(self.export_statement)
        editor.signing_copy_requested.connect(self.signing_copy)
        editor.record_signed_requested.connect(self.record_signed)
        statements.sealed.connect(self._sealed)
        statements.organisation_requested.connect(self.show_organisation)
        statements.lock_requested.connect(self.lock)
        transfer.lock_requested.connect(self.lock)
        pack.lock_requested.connect(self.lock)
        transfer.changed.connect(self._records_changed)
        editor.closed.connect(self._show_list)
        editor.saved.connect(lambda _id: list_page.refresh())
        dashboard.back_requested.connect(self._back_from_totals)
        for changed in (editor.saved, editor.deleted, statements.sealed):
            changed.connect(lambda _id: dashboard.vault_changed())
        transfer.changed.connect(dashboard.vault_changed)
        editor.deleted.connect(self._deleted)
        return self._workspace_parts

    @property
    def list_page(self) -> InterviewListPage:
        return self._build_workspace()[0]

    @property
    def editor(self) -> InterviewEditor:
        return self._build_workspace()[1]

    @property
    def statements(self) -> StatementActions:
        return self._build_workspace()[2]

    @property
    def transfer(self) -> TransferActions:
        return self._build_workspace()[3]

    @property
    def dashboard(self) -> DashboardPage:
        return self._build_workspace()[4]

    @property
    def pack(self) -> PackActions:
        return self._build_workspace()[5]

    # --- chrome ---------------------------------------------------------------------------

    def _build_header(self, parent: QWidget) -> QWidget:
        header = WindowHeader(parent)
        self.header = header
        for attr in (
            "devices_button",
            "send_button",
            "import_button",
            "totals_button",
            "pack_button",
            "settings_button",
            "help_button",
            "about_button",
            "lock_button",
            "quick_exit_button",
        ):
            setattr(self, attr, getattr(header, attr))
        self.devices_button.clicked.connect(lambda: self.transfer.devices())
        self.send_button.clicked.connect(lambda: self.transfer.send())
        self.import_button.clicked.connect(lambda: self.transfer.import_stick())
        self.totals_button.clicked.connect(self.show_totals)
        self.pack_button.clicked.connect(self.evidence_pack)
        self.about_button.clicked.connect(self.show_about)
        self.settings_button.clicked.connect(self.show_settings)
        self.help_button.clicked.connect(self.show_help)
        self.lock_button.clicked.connect(self.lock)
        self.quick_exit_button.clicked.connect(self.quick_exit)
        return header

    def _build_actions(self) -> None:
        def action(keys, slot, context=Qt.ShortcutContext.WindowShortcut) -> QAction:
            a = QAction(self)
            a.setShortcuts(keys if isinstance(keys, list) else [keys])
            a.setShortcutContext(context)
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.lock_action = action(QKeySequence("Ctrl+L"), self.lock)  # and quick_exit_keys, in every other window
        self.new_action = action(QKeySequence.StandardKey.New, self.new_interview)
        self.find_action = action(QKeySequence.StandardKey.Find, self._focus_search)
        self.help_action = action(QKeySequence("F1"), self.show_help)

    def _focus_search(self) -> None:
        if self.is_unlocked:
            self._show_list()
            self.list_page.search.setFocus()
            self.list_page.search.selectAll()

    # --- pages ----------------------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None

    @property
    def vault(self):
        return self._vault

    def _vault_folder_changed(self) -> None:
        """Another folder was chosen on the lock screen: what was typed for the last one goes."""
        self.unlock_page.cancel()
        self.create_page.cancel()
        self._show_locked_page()

    def _show_locked_page(self) -> None:
        for switcher in self.vault_switchers:
            switcher.refresh()
        exists = self._gate.exists()
        self.stack.setCurrentWidget(self.unlock_page if exists else self.create_page)
        self._show_demo(False)
        for w in self.header.vault_buttons:
            w.setVisible(False)
        if exists:
            self.unlock_page.focus()
        else:
            self.create_page.passphrase.setFocus()

    def _opened(self, vault) -> None:
        from desktop.vault import VaultDamaged

        self._vault = vault
        try:
            self._show_workspace(vault)
        except VaultDamaged:
            # Unlocking proves the header only: a page read while opening the workspace (the
            # list, the draft) can be the first to find damage. It is told like the check's.
            self._damage_found(vault)
            return
        self.unlocked.emit()
        self.vault_check.start(vault)

    def _show_workspace(self, vault) -> None:
        from desktop.services.vaults import is_demo

        self._show_demo(is_demo(vault))
        self.editor.attach(vault)
        self.statements.attach(vault)
        self.transfer.attach(vault)
        self.dashboard.attach(vault)
        self.pack.attach(vault)
        role = self.transfer.role()
        self.list_page.set_source(vault.interviews, marks=self._marks(vault, role))
        self.stack.setCurrentWidget(self.workspace)
        for w in (self.settings_button, self.lock_button, self.devices_button, self.import_button, self.totals_button):
            w.setVisible(True)
        self.send_button.setVisible(role == "field")
        self.pack_button.setVisible(role == "coordinator")
        self._apply_idle_timeout()
        self.idle.start()
        self._restore_editor()
        self.backup_reminder.refresh(vault)

    def _damage_found(self, vault) -> None:
        """The check (or a read) found damaged pages: the vault already refuses every write; lock
        it and say so on the lock screen, where damage found at unlock is shown too."""
        if vault is not self._vault:
            return
        self.lock()
        self.unlock_page.show_damage_found()

    def _show_demo(self, demo: bool) -> None:
        """A demo vault says so on every screen: the title and a banner under the header."""
        self.setWindowTitle(APP_NAME + (DEMO_TITLE_SUFFIX if demo else ""))
        self.demo_banner.setVisible(demo)

    @staticmethod
    def _marks(vault, role: str | None):
        """The list's transfer column: delivery on a field vault, device of origin on a coordinator."""
        if role is None:
            return None
        from desktop.services.transfer_screens import list_marks

        return role, lambda ids: list_marks(vault, ids)

    def _records_changed(self) -> None:
        """An import or a deletion: the list, and the reminder (a copy on a stick may hold what went)."""
        if self.is_unlocked:
            self.list_page.refresh()
            self.backup_reminder.refresh(self._vault)

    def _apply_idle_timeout(self) -> None:
        ms = self._idle_override if self._idle_override else auto_lock_minutes(self._vault) * 60_000
        self.idle.set_timeout_ms(ms)

    def _restore_editor(self) -> None:
        """Back to where she was: the form that was open when the app locked, with its draft."""
        try:
            state = self._vault.drafts.load(OPEN_KEY)
        except KeyError:
            state = None
        if not isinstance(state, dict):
            self._show_list()
            return
        interview_id = state.get("id")
        try:
            if interview_id:
                self.open_interview(interview_id)
            else:
                self.new_interview()
        except Exception as exc:  # noqa: BLE001 - a deleted interview just means "show the list"
            log.info("could not reopen the last form: %s", type(exc).__name__)
            self._vault.drafts.clear(OPEN_KEY)
            self._show_list()

    def _deleted(self, _interview_id: str) -> None:
        self._records_changed()
        self._show_list()

    def _show_list(self) -> None:
        self.workspace.setCurrentWidget(self.list_page)
        self.list_page.table.setFocus()

    def show_totals(self) -> None:
        """The totals over the page she was on; "back" returns to it (an open form keeps its draft)."""
        if not self.is_unlocked:
            return
        if self.editor.is_open:
            self.editor.save_draft_now()
        self.workspace.setCurrentWidget(self.dashboard)
        self.dashboard.tabs.setFocus()

    def _back_from_totals(self) -> None:
        if self.editor.is_open:
            self.workspace.setCurrentWidget(self.editor)
        else:
            self._show_list()

    def new_interview(self) -> None:
        if not self.is_unlocked:
            return
        if self.editor.is_open:
            self.editor.save_draft_now()
        self.editor.open_new()
        self.workspace.setCurrentWidget(self.editor)

    def open_interview(self, interview_id: str) -> None:
        if not self.is_unlocked:
            return
        if self.editor.is_open:
            self.editor.save_draft_now()
        self.editor.open_interview(interview_id)
        self.workspace.setCurrentWidget(self.editor)
        self.editor.tabs.setFocus()

    # --- the statement: review, export, signing copy, seal ---------------------------------

    def _saved_first(self, interview_id: str) -> bool:
        """Review and export work on the saved interview: changes still in the form are saved first
        (if they do not pass the checks, the form says why and nothing else happens)."""
        if not self.is_unlocked:
            return False
        if self.editor.is_open and self.editor.current_id == interview_id and self.editor.is_dirty:
            return self.editor.save()
        return True

    def review_redactions(self, interview_id: str) -> None:
        if self._saved_first(interview_id):
            self.statements.review(interview_id)

    def export_statement(self, interview_id: str) -> None:
        if self._saved_first(interview_id):
            self.statements.export_one(interview_id)

    def export_statements(self) -> None:
        """Every interview in the list as it is filtered now (all of them when it is not)."""
        if self.is_unlocked:
            self.statements.export_many(self.list_page.current_filter())

    def evidence_pack(self) -> None:
        """The coordinator's "Evidence pack…": a signed pack of the totals and every consented statement."""
        if self.is_unlocked:
            self.pack.open()

    def signing_copy(self, interview_id: str) -> None:
        if self._saved_first(interview_id):
            self.statements.signing_copy(interview_id)

    def record_signed(self, interview_id: str) -> None:
        if self._saved_first(interview_id):
            self.statements.ask_record_signed(interview_id)

    def _sealed(self, interview_id: str) -> None:
        self.list_page.refresh()
        if self.editor.is_open and self.editor.current_id == interview_id and not self.editor.is_dirty:
            self.editor.open_interview(interview_id)  # the form shows the new status

    # --- locking --------------------------------------------------------------------------

    def _close_other_windows(self) -> None:
        for w in QApplication.topLevelWidgets():
            if w is self or not w.isVisible():
                continue
            if isinstance(w, QDialog):
                w.reject()
            w.close()

    def lock(self) -> None:
        """Lock now. Nothing can stop it: each step runs even if the one before failed."""
        started = time.perf_counter()
        self.idle.stop()
        vault, self._vault = self._vault, None
        built = self._workspace_parts is not None  # never built: nothing in it to clear
        if vault is not None and built:
            try:
                self.editor.save_draft_now()
            except Exception as exc:  # noqa: BLE001 - the lock must go on
                log.error("saving the draft before locking failed: %s", type(exc).__name__)
        if built:
            self.statements.detach()
            self.transfer.detach()
            self.pack.detach()
        self._close_other_windows()  # Settings too: its finished signal lets it go
        self.settings_dialog = None
        # An unlock or set-up still deriving its key must not open the vault behind the lock.
        self.unlock_page.cancel()
        self.create_page.cancel()
        if built:
            self.editor.detach()
            self.dashboard.detach()
            self.list_page.clear()
        self.backup_reminder.hide()
        if vault is not None:
            try:
                vault.lock()
            except Exception as exc:  # noqa: BLE001
                log.error("locking the vault reported: %s", type(exc).__name__)
        self.clipboard.clear_if_ours()
        self.clipboard.clear_selection()
        if built:
            self.workspace.setCurrentWidget(self.list_page)
        self._show_locked_page()
        self.last_lock_seconds = time.perf_counter() - started
        if vault is not None:
            log.info("locked")
            self.locked.emit()

    def _idle_lock(self) -> None:
        """Auto-lock: lock, and say on the lock screen that it was because nobody used the app."""
        if not self.is_unlocked:
            return
        minutes = max(1, round(self.idle.timeout_ms / 60_000))
        self.lock()
        self.unlock_page.show_idle_locked(minutes)

    def quick_exit(self) -> None:
        """Lock and hide at once, like the quick-exit button on a support website."""
        self.lock()
        self.hide()
        self.quick_exited.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.lock()
        self._tasks.wait_for_done(5000)
        event.accept()
