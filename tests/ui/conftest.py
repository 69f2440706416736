"""Fixtures for driving the real Witnessbox window."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.factories import FAST_KDF

PASSPHRASE = "maple river lantern orbit"


class FakeThreadPool:
    """Runs each task at once on the calling thread, so results arrive before the call returns.
    Only for tests: it refuses to exist outside pytest."""

    def __init__(self) -> None:
        if "PYTEST_CURRENT_TEST" not in os.environ:
            raise RuntimeError("FakeThreadPool is a test double")
        self.started = 0

    def start(self, runnable) -> None:
        self.started += 1
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 (QThreadPool's name)
        return True


class HeldThreadPool(FakeThreadPool):
    """Keeps each task until the test releases it: for what happens while a KDF is running."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list = []

    def start(self, runnable) -> None:
        self.started += 1
        self.held.append(runnable)

    def release(self) -> None:
        while self.held:
            self.held.pop(0).run()


class FilePicker:
    """Stands in for the file dialog: returns the paths a test put in."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.calls = 0

    def __call__(self, _parent) -> list[Path]:
        self.calls += 1
        return list(self.paths)


@pytest.fixture
def picker() -> FilePicker:
    return FilePicker()


@pytest.fixture
def make_window(qtbot, app_paths, picker):
    """Build the main window as the app does, with a synchronous pool and a fast KDF."""
    made = []

    def make(**kwargs):
        from desktop.app import build_main_window

        kwargs.setdefault("kdf", FAST_KDF)
        kwargs.setdefault("pool", FakeThreadPool())
        kwargs.setdefault("file_picker", picker)
        window = build_main_window(app_paths, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # keyboard shortcuts go to the active window
        made.append(window)
        return window

    yield make
    for w in made:
        w.lock()


def create_vault(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    page = window.create_page
    assert window.stack.currentWidget() is page
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClicks(page.confirm, passphrase)
    assert page.create_button.isEnabled()
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.mouseClick(page.create_button, _left())
    assert window.is_unlocked


def unlock(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    page = window.unlock_page
    assert window.stack.currentWidget() is page
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.mouseClick(page.unlock_button, _left())


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
