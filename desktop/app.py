"""Builds the QApplication and wires services into windows (the composition root)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QThreadPool, QTranslator
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, __version__, firewall
from desktop.paths import AppPaths
from desktop.resources import resource_path

log = logging.getLogger(__name__)


class Application(QApplication):
    """The Qt application: names, icon, stylesheet and the URL guard."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.setApplicationName(APP_NAME)
        self.setApplicationDisplayName(APP_NAME)
        self.setApplicationVersion(__version__)
        self.setOrganizationName(APP_NAME)
        self.setDesktopFileName("witnessbox")
        self.setQuitOnLastWindowClosed(True)
        icon = resource_path("icons/witnessbox.svg")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        # Bundled Noto fonts, so Arabic, Urdu, Bengali, Devanagari and Gurmukhi statements show
        # on a machine that has none of them installed.
        fonts = resource_path("fonts")
        if fonts.is_dir():
            for ttf in sorted(fonts.glob("*.ttf")):
                QFontDatabase.addApplicationFont(str(ttf))
        qss = resource_path("styles/app.qss")
        if qss.is_file():
            self.setStyleSheet(qss.read_text(encoding="utf-8"))
        self._url_refuser = firewall.install_qt_url_handlers(self)
        self._install_translations()

    def _install_translations(self) -> None:
        """Witnessbox's own strings (desktop/resources/i18n/witnessbox_<locale>.qm, once a translation
        exists) and Qt's (dialog buttons, the calendar)."""
        locale = QLocale()
        for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                             ("witnessbox", str(resource_path("i18n")))):
            translator = QTranslator(self)
            if translator.load(locale, name, "_", folder):
                self.installTranslator(translator)


def install_excepthook(parent_getter=lambda: None) -> None:
    """Log any uncaught exception (scrubbed) and tell the user plainly, without its message."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is not None:
            QMessageBox.critical(
                parent_getter(),
                APP_NAME,
                QApplication.translate(
                    "Witnessbox",
                    "Something went wrong. Your saved work is safe in the vault. "
                    "Details (without any interview content) are in the log.",
                ),
            )

    sys.excepthook = hook


def build_main_window(
    paths: AppPaths,
    *,
    kdf=None,
    pool: QThreadPool | None = None,
    idle_timeout_ms: int | None = None,
    file_picker=None,
    today=None,
    choose_folder=None,
    choose_signing_file=None,
    choose_stick_folder=None,
    choose_enrolment_file=None,
    choose_pack_folder=None,
    vault_dir: Path | None = None,
    choose_vault_folder=None,
):
    """Wire the services into the main window.

    ``vault_dir``: the vault to open (``witnessbox --vault DIR``, already checked); None: the one
    chosen last time on the lock screen (kept in the configuration folder), else the default.
    ``choose_vault_folder``: how the lock screen's "Open another vault…" asks for a folder
    (None: Qt's folder dialog).

    ``kdf``: key-derivation cost for a new vault (None: measured on this machine).
    ``pool``: where slow work (key derivation, attachments) runs (None: Qt's global pool).
    ``idle_timeout_ms``: overrides the auto-lock time kept in the vault's settings.
    ``file_picker``/``today``: how files are chosen and what day it is.
    ``choose_folder``/``choose_signing_file``: where statements and the signing copy are saved
    (None: Qt's file dialogs).
    ``choose_stick_folder``/``choose_enrolment_file``: how the transfer screens ask for a USB stick's
    folder and another laptop's enrolment file (None: Qt's file dialogs).
    ``choose_pack_folder``: where "Evidence pack…" makes the pack's new folder (None: Qt's folder dialog).
    """
    from desktop.services.demo import demo_folder
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import DEFAULT_IDLE_MINUTES, ClipboardGuard, IdleWatcher, QuickExitKeys
    from desktop.ui.system_lock import SystemLockWatcher
    from desktop.ui.unlock import VaultGate
    from desktop.ui.vault_choice import RememberedVault, VaultChoice
    from desktop.ui.workers import TaskRunner

    app = QApplication.instance()
    tasks = TaskRunner(pool)
    gate = VaultGate(paths.default_vault_dir, kdf)
    choice_kwargs = {"choose": choose_vault_folder} if choose_vault_folder is not None else {}
    vault_choice = VaultChoice(gate, paths.default_vault_dir, RememberedVault.in_config(paths.config_dir),
                               **choice_kwargs)
    vault_choice.start(vault_dir)
    idle = IdleWatcher(app, idle_timeout_ms or DEFAULT_IDLE_MINUTES * 60_000)
    clipboard = ClipboardGuard(app.clipboard())
    kwargs = {}
    if today is not None:
        kwargs["today"] = today
    system_lock = SystemLockWatcher(QDBusConnection.sessionBus(), QDBusConnection.systemBus())
    window = MainWindow(gate, tasks, idle=idle, clipboard=clipboard, quick_exit_keys=QuickExitKeys(app),
                        system_lock=system_lock,
                        idle_timeout_ms=idle_timeout_ms,
                        file_picker=file_picker, choose_folder=choose_folder,
                        choose_signing_file=choose_signing_file, choose_stick_folder=choose_stick_folder,
                        choose_enrolment_file=choose_enrolment_file, choose_pack_folder=choose_pack_folder,
                        vault_choice=vault_choice,
                        demo_dir=demo_folder(paths.data_dir), **kwargs)
    tasks.setParent(window)
    app.aboutToQuit.connect(clipboard.clear_if_ours)
    return window


def run_gui(paths: AppPaths, vault_dir: Path | None = None) -> int:
    app = QApplication.instance() or Application(sys.argv[:1])
    paths.ensure()
    window = build_main_window(paths, vault_dir=vault_dir)
    install_excepthook(lambda: window)
    # Quick exit: the window is already locked and hidden; the process ends too, so nothing
    # decrypted stays in memory. Starting Witnessbox again shows the lock screen.
    window.quick_exited.connect(app.quit)
    window.show()
    return app.exec()
