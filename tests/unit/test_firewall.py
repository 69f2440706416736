"""The offline guard refuses every way out and counts what it refused."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request

import pytest

from desktop import firewall

pytestmark = pytest.mark.firewall_probe


def _refused(fn) -> list[str]:
    before = len(firewall.blocked_events())
    with pytest.raises(firewall.NetworkBlocked):
        fn()
    return firewall.blocked_events()[before:]


def test_guard_is_installed_and_a_permission_error():
    assert firewall.is_installed()
    assert issubclass(firewall.NetworkBlocked, PermissionError)
    assert firewall.check_active()


def test_create_connection_is_refused():
    assert _refused(lambda: socket.create_connection(("127.0.0.1", 9), timeout=1))


def test_internet_socket_is_refused_even_without_connecting():
    assert _refused(lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)) == ["socket.__new__"]


def test_name_lookup_is_refused():
    assert _refused(lambda: socket.getaddrinfo("example.org", 443)) == ["socket.getaddrinfo"]
    assert _refused(lambda: socket.gethostbyname("localhost")) == ["socket.gethostbyname"]


def test_urlopen_is_refused():
    events = _refused(lambda: urllib.request.urlopen("https://example.org/?name=canary", timeout=1))
    assert events and events[0] == "urllib.Request"


def test_webbrowser_is_refused():
    import webbrowser

    assert _refused(lambda: webbrowser.open("https://example.org")) == ["webbrowser.open"]


def test_unix_socketpair_is_allowed():
    a, b = socket.socketpair()
    a.sendall(b"x")
    assert b.recv(1) == b"x"
    a.close()
    b.close()


def test_programs_off_the_allow_list_are_refused():
    assert _refused(lambda: subprocess.run(["/bin/sh", "-c", "true"], check=False))
    assert _refused(lambda: subprocess.run("true", shell=True, check=False))


def test_allowed_program_runs():
    out = subprocess.run([sys.executable, "-c", "print(6*7)"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "42"


def test_qt_network_modules_cannot_be_imported():
    sys.modules.pop("PySide6.QtNetwork", None)
    assert _refused(lambda: __import__("PySide6.QtNetwork")) == ["import PySide6.QtNetwork"]


def test_refusals_are_logged_without_arguments(caplog):
    with caplog.at_level("WARNING", logger="desktop.firewall"):
        _refused(lambda: socket.getaddrinfo("secret-canary-host.example", 80))
    assert "socket.getaddrinfo" in caplog.text
    assert "secret-canary-host" not in caplog.text


def test_a_fresh_process_running_main_installs_the_guard_first(tmp_path):
    code = (
        "import sys, socket\n"
        "from desktop.__main__ import main\n"
        "from desktop import firewall\n"
        "assert firewall.is_installed()\n"
        "try:\n"
        "    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
        "except firewall.NetworkBlocked:\n"
        "    print('blocked')\n"
    )
    env = {"PATH": "/usr/bin:/bin", "XDG_STATE_HOME": str(tmp_path), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "blocked"


def test_networked_qt_plugins_are_removed_from_the_environment():
    env = {"QT_QPA_PLATFORM": "vnc:size=800x600", "QT_QPA_GENERIC_PLUGINS": "tuiotouch", "OTHER": "kept"}
    assert sorted(firewall.sanitise_qt_environment(env)) == ["QT_QPA_GENERIC_PLUGINS", "QT_QPA_PLATFORM"]
    assert env == {"OTHER": "kept"}
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    assert firewall.sanitise_qt_environment(offscreen) == [] and offscreen == {"QT_QPA_PLATFORM": "offscreen"}
