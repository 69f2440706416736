"""What keeps an unattended Witnessbox safe: the idle timer and the clipboard guard.

* :class:`IdleWatcher` watches every keyboard and mouse event in the application and fires
  ``idle`` once no one has touched it for the configured time (KeePassXC's InactivityTimer).
* :func:`forget_typed` empties line edits so that Ctrl+Z cannot bring back what they held.
* :class:`ClipboardGuard` notices text copied from Witnessbox, marks it as secret for clipboard
  managers, and clears it after 30 seconds, on lock and on exit, but only if the clipboard still
  holds what Witnessbox put there (someone may have copied something else since).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QElapsedTimer, QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QLineEdit

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = 5
CLIPBOARD_CLEAR_MS = 30_000

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, app: QObject, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, timeout_ms))
        self._timer.timeout.connect(self.idle)
        app.installEventFilter(self)

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout_ms(self, ms: int) -> None:
        self._timer.setInterval(max(1, ms))
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if self._timer.isActive() and event.type() in _ACTIVITY:
            self._timer.start()
        return False

    def dispose(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)


def forget_typed(*fields: QLineEdit) -> None:
    """Empty each field and its undo history. ``QLineEdit.clear()`` is an edit that can be undone:
    after it, Ctrl+Z gives back the text (a passphrase too, once "Show passphrase" is on).
    ``setText`` starts a fresh history."""
    for field in fields:
        field.setText("")


def _concealed(text: str) -> QMimeData:
    data = QMimeData()
    data.setText(text)
    # Klipper (KDE), macOS pasteboard and Windows clipboard history/cloud sync skip these.
    data.setData("x-kde-passwordManagerHint", b"secret")
    data.setData("application/x-nspasteboard-concealed-type", b"secret")
    data.setData("ExcludeClipboardContentFromMonitorProcessing", b"\x01\x00\x00\x00")
    return data


class ClipboardGuard(QObject):
    cleared = Signal()

    def __init__(self, clipboard: QClipboard, clear_after_ms: int = CLIPBOARD_CLEAR_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._ours: str | None = None
        self._rewriting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)
        clipboard.dataChanged.connect(self._changed)

    @property
    def holds_ours(self) -> bool:
        return self._ours is not None

    def copy(self, text: str) -> None:
        """Put text on the clipboard the careful way."""
        self._rewriting = True
        try:
            self._clipboard.setMimeData(_concealed(text))
        finally:
            self._rewriting = False
        self._ours = text
        self._timer.start()

    def _changed(self) -> None:
        if self._rewriting:
            return
        app_active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        mime = self._clipboard.mimeData()
        if mime is not None and mime.hasFormat("x-kde-passwordManagerHint"):
            return
        if self._clipboard.ownsClipboard() or app_active:
            text = self._clipboard.text()
            if text:
                # Copied with Ctrl+C from one of our fields: re-mark it as secret and start the clock.
                QTimer.singleShot(0, lambda t=text: self._adopt(t))
        else:
            self._ours = None
            self._timer.stop()

    def _adopt(self, text: str) -> None:
        if self._clipboard.text() == text:
            self.copy(text)

    def clear_selection(self) -> None:
        """Text selected in a Witnessbox field is X11's primary selection: drop it (on lock)."""
        if self._clipboard.supportsSelection() and self._clipboard.ownsSelection():
            self._rewriting = True
            try:
                self._clipboard.clear(QClipboard.Mode.Selection)
            finally:
                self._rewriting = False

    def clear_if_ours(self) -> None:
        self._timer.stop()
        if self._ours is None:
            return
        if self._clipboard.text() == self._ours:
            self._rewriting = True
            try:
                self._clipboard.clear()
            finally:
                self._rewriting = False
            log.info("clipboard cleared")
        self._ours = None
        self.cleared.emit()


class QuickExitKeys(QObject):
    """The keys that make Witnessbox safe to step away from, anywhere in the app, even while a
    dialog, a message box or a file chooser has the keyboard:

    * quick exit (``triggered``): Ctrl+Shift+Q, or Esc pressed twice within ``window_ms`` (in a
      dialog the first Esc closes it). One key press reaches the filter once per widget it passes
      through, so presses closer together than ``dedup_ms`` count once.
    * lock (``lock_pressed``): Ctrl+L. The main window's own Ctrl+L shortcut (and the statement
      dialogs') take the key first where they apply; this catches it in every other window, so no
      dialog, present or future, needs its own shortcut for the lock to reach it.

    A native file chooser (Windows, macOS) runs outside Qt and sends no keys here; the idle timer
    still runs while it is open.
    """

    triggered = Signal()
    lock_pressed = Signal()

    def __init__(self, app: QObject, window_ms: int = 800, dedup_ms: int = 30, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._window = window_ms
        self._dedup = dedup_ms
        self._clock = QElapsedTimer()
        self._clock.start()
        self._first: int | None = None
        self._last: int | None = None
        app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.KeyPress:
            return False
        key, mods = event.key(), event.modifiers()
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Q and mods == ctrl_shift:
            self.triggered.emit()
            return True
        if key == Qt.Key.Key_L and mods == Qt.KeyboardModifier.ControlModifier:
            self._first = None
            if not event.isAutoRepeat():
                self.lock_pressed.emit()
            return True
        if key != Qt.Key.Key_Escape or mods != Qt.KeyboardModifier.NoModifier:
            self._first = None
            return False
        if event.isAutoRepeat():
            return False
        now = self._clock.elapsed()
        if self._last is not None and now - self._last < self._dedup:
            return False
        self._last = now
        if self._first is not None and now - self._first <= self._window:
            self._first = None
            self.triggered.emit()
        else:
            self._first = now
        return False

    def dispose(self) -> None:
        self._app.removeEventFilter(self)
