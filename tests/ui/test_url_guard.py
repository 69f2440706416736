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


@pytest.mark.firewall_probe
def test_a_chosen_local_folder_opens_and_file_urls_stay_swallowed_after(qapp, tmp_path):
    asked: list[QUrl] = []
    assert firewall.open_local_folder(tmp_path, open_url=lambda url: asked.append(url) or True)
    assert [u.toLocalFile() for u in asked] == [str(tmp_path.resolve())] and asked[0].host() == ""
    before = len(firewall.blocked_events())
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(tmp_path)))  # the guard's handler is back
    assert firewall.blocked_events()[before:] == ["QDesktopServices.openUrl"]


@pytest.mark.firewall_probe
@pytest.mark.parametrize("where", ["file", "relative", "share", "missing"])
def test_only_an_existing_local_folder_is_opened(qapp, tmp_path, where):
    (tmp_path / "statement.pdf").write_bytes(b"%PDF-1.4")
    folder = {"file": str(tmp_path / "statement.pdf"), "relative": "statements", "share": "//server/share/statements",
              "missing": str(tmp_path / "gone")}[where]
    asked: list[QUrl] = []
    before = len(firewall.blocked_events())
    assert not firewall.open_local_folder(folder, open_url=lambda url: asked.append(url) or True)
    assert asked == [] and firewall.blocked_events()[before:] == ["open_local_folder"]
