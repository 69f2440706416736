"""Entry point for both faces of Witnessbox: ``witnessbox`` starts the desktop app,
``witnessbox COMMAND ...`` runs a headless command."""

from __future__ import annotations

import sys

from desktop import firewall

# The guard goes in before anything else can open a socket.
firewall.install()

import logging  # noqa: E402
import os  # noqa: E402
from pathlib import Path  # noqa: E402

from desktop import logging_setup  # noqa: E402
from desktop.paths import AppPaths  # noqa: E402

log = logging.getLogger(__name__)


_PR_SET_DUMPABLE = 4


def _harden_process() -> None:
    """No core dumps: a crash must not write decrypted interviews to disk. On Linux the process is
    also made non-dumpable, so another program running as the same user cannot attach to it or read
    its memory (where the data key lives while the vault is open)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # Windows has no resource module
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no C library to call
            pass


def _utf8_output() -> None:
    """Statements and names are in Urdu, Tigrinya, Amharic...: an output redirected to a file or a
    pipe gets the ANSI code page on Windows, which cannot write them, and ``show`` stopped halfway
    with an "unexpected error". The command line writes UTF-8 (a Windows console takes that too)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8")
            except (ValueError, OSError):  # pragma: no cover - a stream that cannot change: leave it
                pass


def main(argv: list[str] | None = None, paths: AppPaths | None = None) -> int:
    # the guard is already in: importing this module installed it, before anything else
    _harden_process()
    argv = list(sys.argv[1:] if argv is None else argv)
    paths = paths or AppPaths.default()
    os.umask(0o077)
    logging_setup.configure(paths.log_dir)

    if argv:
        from desktop.cli import Context, output_closed, run

        _utf8_output()
        code = run(
            argv,
            Context(paths=paths, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr),
            start_app=lambda folder: _start_app(paths, folder),
        )
        try:  # what is still buffered goes out now, while a closed pipe can still end quietly
            sys.stdout.flush()
        except BrokenPipeError:
            output_closed(sys.stdout)
            return 1
        _ending()
        return code
    return _start_app(paths, None)


def _ending() -> None:
    """The command is done and its process ends when main() returns. Every object it made is moved out
    of the cyclic collector's reach (``gc.freeze``), so the interpreter's teardown frees them without
    the collector walking them all first: after a bulk export (the statement path's modules and
    tables, the statements made here) that walk was most of a 0.1-0.3 s wait at exit. Exit handlers
    run and files close as before; what is skipped is the collector's last pass, so an object caught
    in a reference cycle is not finalised (its ``__del__`` does not run). Nothing in Witnessbox
    relies on a finaliser for clean-up: temporary files and locks are closed explicitly."""
    import gc

    gc.freeze()


def _start_app(paths: AppPaths, vault_dir: Path | None) -> int:
    """The desktop app, on ``vault_dir`` (``witnessbox --vault DIR``, already checked) or on the
    folder it would choose itself (the one chosen last time on the lock screen, or the default)."""
    firewall.sanitise_qt_environment()
    from desktop.app import run_gui

    return run_gui(paths, vault_dir)


if __name__ == "__main__":
    # Bulk export's worker processes (desktop.services.pool) start this same program: in the frozen
    # app, freeze_support() makes such a start run the worker instead of the app.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
