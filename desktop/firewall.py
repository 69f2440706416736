"""The no-network guard.

Witnessbox never talks to a network. ``install()`` is the first thing ``main()`` does: it adds a
Python audit hook (which cannot be removed for the life of the process) that refuses

* socket creation for any family but AF_UNIX (local IPC such as X11 or D-Bus cannot reach a network),
* connecting, binding and sending on non-local sockets, and every name lookup,
* ``urllib``, ``http.client``, ``ftplib``, ``smtplib``, ``imaplib``, ``poplib`` and ``webbrowser``,
* importing Qt's network, web engine and QML modules,
* starting any program that is not on a short allow-list.

A refused call raises :class:`NetworkBlocked` (a ``PermissionError``) and is counted and logged
by event name only: never the address, URL or arguments, which could carry interview data.

``install_qt_url_handlers()`` (called once a QApplication exists) makes ``QDesktopServices``
swallow http/https/ftp/mailto/file URLs, so nothing in the app can open a browser or mail client.

The hook is process-wide by nature (Python offers no way to remove an audit hook); its state is
kept in one private object that tests can read through :func:`blocked_events`.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import sys
import threading
import webbrowser
from collections.abc import Iterable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# Programs the product itself may start: poppler's text extractor is the leak gate's second,
# independent reader of every PDF before it is written.
DEFAULT_ALLOWED_PROGRAMS: tuple[str, ...] = ("pdftotext",)

_ALWAYS_BLOCKED = frozenset(
    {
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyname_ex",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
        "socket.sethostname",
        "urllib.Request",
        "http.client.connect",
        "http.client.send",
        "ftplib.connect",
        "smtplib.connect",
        "imaplib.open",
        "poplib.connect",
        "nntplib.connect",
        "telnetlib.Telnet.open",
        "webbrowser.open",
        "os.startfile",
    }
)
_SOCKET_USE = frozenset({"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"})
_PROCESS_START = frozenset({"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork"})
_FORBIDDEN_MODULES = ("PySide6.QtNetwork", "PySide6.QtWebEngine", "PySide6.QtQml", "PySide6.QtQuick",
                      "PySide6.QtWebSockets", "PySide6.QtWebChannel")
_WATCHED = _ALWAYS_BLOCKED | _SOCKET_USE | _PROCESS_START | {"socket.__new__", "import"}

BLOCKED_URL_SCHEMES: tuple[str, ...] = ("http", "https", "ftp", "mailto", "file")


class NetworkBlocked(PermissionError):
    """Raised when something tries to reach a network or start a program that is not allowed."""


@dataclass
class _State:
    installed: bool = False
    allowed_programs: set[str] = field(default_factory=set)
    events: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    probing: threading.local = field(default_factory=threading.local)
    qt_refuser: object | None = None  # the Qt URL handler, once installed (open_local_folder puts it back)


_state = _State()


def _program_name(event: str, args: tuple) -> str | None:
    """Best-effort path of the program an audit event is about to start."""
    try:
        if event == "subprocess.Popen":
            executable, argv = args[0], args[1]
            if executable:
                return os.fsdecode(executable)
            if isinstance(argv, os.PathLike):
                return os.fspath(argv)
            if isinstance(argv, (str, bytes)):  # a command line as one string: its first word
                words = os.fsdecode(argv).split()
                return words[0] if words else None
            return os.fsdecode(argv[0])
        if event in ("os.exec", "os.posix_spawn", "os.spawn"):
            path = args[0] if event != "os.spawn" else args[1]
            return os.fsdecode(path)
    except (IndexError, TypeError, ValueError):
        return None
    return None  # os.system / os.fork: never allowed


def _is_allowed_program(path: str | None) -> bool:
    if not path:
        return False
    resolved = shutil.which(path) or path
    return os.path.realpath(resolved) in _state.allowed_programs


def _refuse(event: str) -> None:
    if getattr(_state.probing, "active", False):
        raise NetworkBlocked("probe")  # check_active(): not an attempt to go out, so not counted
    with _state.lock:
        _state.events.append(event)
    # Only the event name: the arguments can hold addresses, URLs or file names.
    log.warning("network/program guard refused %s", event)
    raise NetworkBlocked(f"Witnessbox works offline; it refused {event}.")


def _hook(event: str, args: tuple) -> None:
    if event not in _WATCHED:
        return
    if event == "import":
        name = args[0] if args else ""
        if isinstance(name, str) and name.startswith(_FORBIDDEN_MODULES):
            _refuse("import " + name)
        return
    if event == "socket.__new__":
        family = args[1] if len(args) > 1 else None
        if family != socket.AF_UNIX:
            _refuse(event)
        return
    if event in _SOCKET_USE:
        sock = args[0] if args else None
        if getattr(sock, "family", None) != socket.AF_UNIX:
            _refuse(event)
    elif event in _ALWAYS_BLOCKED:
        _refuse(event)
    elif event in ("os.system", "os.fork") or not _is_allowed_program(_program_name(event, args)):
        _refuse(event)  # starting a program (the only events left)


def _refuse_browser(*_args, **_kwargs) -> bool:
    _refuse("webbrowser.open")
    return False  # not reached


def install(allowed_programs: Iterable[str] = DEFAULT_ALLOWED_PROGRAMS) -> None:
    """Install the guard for this process. Safe to call more than once.

    ``allowed_programs`` names programs (found on PATH, or full paths) that may be started.
    A later call adds to the allow-list; nothing is ever removed from the guard.
    """
    for name in allowed_programs:
        found = shutil.which(name) or (name if os.path.isabs(name) else None)
        if found:
            _state.allowed_programs.add(os.path.realpath(found))
    if _state.installed:
        return
    _state.installed = True
    # Belt and braces for webbrowser: no event fires unless a browser is registered.
    webbrowser.open = webbrowser.open_new = webbrowser.open_new_tab = _refuse_browser  # type: ignore[assignment]
    sys.addaudithook(_hook)


def is_installed() -> bool:
    return _state.installed


def blocked_events() -> list[str]:
    """Names of every refused event since the process started (a copy)."""
    with _state.lock:
        return list(_state.events)


def check_active() -> bool:
    """True when the guard is installed and really refuses an internet socket."""
    if not _state.installed:
        return False
    _state.probing.active = True
    try:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    except NetworkBlocked:
        return True
    finally:
        _state.probing.active = False
    s.close()
    return False


# Qt plugins that listen on or talk to a network: the VNC platform (a VNC server) and the TUIO
# touch input plugin (UDP). They are left out of the frozen build; this keeps them out of a run
# from source too, whatever the environment says.
_NETWORK_QT_PLATFORMS = ("vnc",)
_NETWORK_QT_GENERIC_PLUGINS = ("tuiotouch",)


def sanitise_qt_environment(environ: dict[str, str] | None = None) -> list[str]:
    """Remove Qt settings that would start a networked plugin; returns the names removed.

    Call before the QApplication is created. ``environ`` defaults to ``os.environ``.
    """
    env = os.environ if environ is None else environ
    removed: list[str] = []
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform.split(":")[0].strip().lower() in _NETWORK_QT_PLATFORMS:
        del env["QT_QPA_PLATFORM"]
        removed.append("QT_QPA_PLATFORM")
    generic = env.get("QT_QPA_GENERIC_PLUGINS", "")
    if any(p in generic.lower() for p in _NETWORK_QT_GENERIC_PLUGINS):
        del env["QT_QPA_GENERIC_PLUGINS"]
        removed.append("QT_QPA_GENERIC_PLUGINS")
    for name in removed:
        log.warning("removed %s: it would start a networked Qt plugin", name)
    return removed


def install_qt_url_handlers(app) -> object:
    """Make QDesktopServices swallow every URL scheme that could leave the machine.

    ``app`` is the QApplication; the handler object is parented to it and returned.
    Qt is imported here, not at module level, so the core never pulls Qt in.
    """
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    class _UrlRefuser(QObject):
        @Slot(QUrl)
        def refuse(self, url: QUrl) -> None:  # noqa: ARG002 - the URL is never logged
            with _state.lock:
                _state.events.append("QDesktopServices.openUrl")
            log.warning("network/program guard refused QDesktopServices.openUrl")

    refuser = _UrlRefuser(app)
    _state.qt_refuser = refuser
    for scheme in BLOCKED_URL_SCHEMES:
        QDesktopServices.setUrlHandler(scheme, refuser, "refuse")
    return refuser



def open_local_folder(folder, open_url=None) -> bool:
    """Show a folder the worker chose (where statements were just written) in the file manager.

    The guard swallows every ``file:`` URL, so nothing can open a file or a share by accident.
    This is the one way through it: only an existing, absolute folder on this computer (never a
    network share such as ``\\\\server\\share``, never a file, which would open in another program),
    and the guard's handler is back in place before this returns. ``open_url`` is
    ``QDesktopServices.openUrl`` unless a caller supplies another. Returns True if it was asked to open.
    """
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    text = os.fspath(folder)
    if text.startswith(("\\\\", "//")) or not os.path.isabs(text) or not os.path.isdir(text):
        _refuse_quietly("open_local_folder")
        return False
    url = QUrl.fromLocalFile(os.path.realpath(text))
    if not url.isLocalFile() or url.host():
        _refuse_quietly("open_local_folder")
        return False
    refuser = _state.qt_refuser
    QDesktopServices.unsetUrlHandler("file")
    try:
        return bool((open_url or QDesktopServices.openUrl)(url))
    finally:
        if refuser is not None:
            QDesktopServices.setUrlHandler("file", refuser, "refuse")


def _refuse_quietly(event: str) -> None:
    """Count and log a refusal that raises nothing (the caller says no in its own way)."""
    with _state.lock:
        _state.events.append(event)
    log.warning("network/program guard refused %s", event)
