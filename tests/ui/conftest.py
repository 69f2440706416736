"""Fixtures for driving the real Witnessbox window (the helpers are in tests/ui/driving.py)."""

from __future__ import annotations

import pytest

from tests.factories import FAST_KDF
from tests.ui.driving import FakeThreadPool, FilePicker


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
