"""Lock when the computer says the person has stepped away: the screen locker starts, the
session is locked, or the machine is about to sleep. Linux desktops say so over D-Bus (the same
signals KeePassXC listens to); where no bus is running, or a desktop sends none of these, the idle
timer and the quick-exit keys still lock.

D-Bus is local (a Unix socket); nothing here reaches a network.

Windows and macOS have no watcher yet (their session-lock and sleep notices need native hooks: on
Windows WTSRegisterSessionNotification's WTS_SESSION_LOCK and WM_POWERBROADCAST's PBT_APMSUSPEND; on
macOS NSWorkspace's willSleep / screensDidSleep and the "com.apple.screenIsLocked" distributed
notification). Until then the idle timer and the quick-exit keys lock there.

Deliberately not a trigger: ``QGuiApplication.applicationStateChanged`` going to inactive or
suspended. Witnessbox becomes inactive whenever another window has the focus, including its own
native file choosers on Windows (adding an attachment, choosing where to save a statement): locking
then would close the form behind a chooser that Qt cannot close, and the files chosen would arrive
at a locked app. Nothing in Witnessbox listens to that signal (tests/ui/test_seal_and_lock_keys.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)


class SystemLockWatcher(QObject):
    lock_requested = Signal()

    def __init__(self, session_bus: QDBusConnection | None, system_bus: QDBusConnection | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening: list[str] = []
        screensavers = (
            ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
            ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
            ("org.mate.ScreenSaver", "/org/mate/ScreenSaver"),
            ("org.xfce.ScreenSaver", "/org/xfce/ScreenSaver"),
        )
        if session_bus is not None and session_bus.isConnected():
            for iface, path in screensavers:
                self._listen(session_bus, "", path, iface, "ActiveChanged", SLOT("screensaver_changed(bool)"))
        if system_bus is not None and system_bus.isConnected():
            self._listen(system_bus, "org.freedesktop.login1", "/org/freedesktop/login1",
                         "org.freedesktop.login1.Manager", "PrepareForSleep", SLOT("preparing_for_sleep(bool)"))
            # Any of this user's sessions being locked (loginctl lock-session, the desktop's lock).
            self._listen(system_bus, "org.freedesktop.login1", "", "org.freedesktop.login1.Session", "Lock",
                         SLOT("session_lock()"))
        log.info("listening for %d system lock signals", len(self.listening))

    def _listen(self, bus: QDBusConnection, service: str, path: str, iface: str, name: str, slot) -> None:
        if bus.connect(service, path, iface, name, self, slot):
            self.listening.append(f"{iface}.{name}")

    @Slot(bool)
    def screensaver_changed(self, active: bool) -> None:
        if active:
            self.lock_requested.emit()

    @Slot(bool)
    def preparing_for_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_requested.emit()

    @Slot()
    def session_lock(self) -> None:
        self.lock_requested.emit()
