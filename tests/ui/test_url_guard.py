"""Qt cannot open a browser or mail client, and the GUI never loads Qt's network modules."""

from __future__ import annotations

import sys

import pytest

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop import firewall


@pytest.mark.firewall_probe
@pytest.mark.parametrize("url", ["https://example.org/?name=canary", "http://x", "mailto:a@b.c", "file:///etc/passwd",
                                 "ftp://x/y"])
def test_open_url_is_swallowed_and_counted(qapp, url):
    before = len(firewall.blocked_events())
    QDesktopServices.openUrl(QUrl(url))
    assert firewall.blocked_events()[before:] == ["QDesktopServices.openUrl"]


def test_gui_start_makes_no_network_event_and_loads_no_network_module(qtbot, app_paths):
    from desktop.app import build_main_window

    before = len(firewall.blocked_events())
    window = build_main_window(app_paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "Witnessbox"
    assert firewall.blocked_events()[before:] == []
    loaded = [m for m in sys.modules if m.startswith(("PySide6.QtNetwork", "PySide6.QtWebEngine", "PySide6.QtQml"))]
    assert loaded == []
