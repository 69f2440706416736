"""The headless command line. Coordinators script it and the tests drive it.

Conventions every command follows:

* ``--vault DIR`` picks a vault (default: the platform's user data folder); a cloud-synced folder
  is refused.
* ``--passphrase-file FILE`` reads the passphrase from the first line of FILE; otherwise the
  passphrase is prompted for without echo. It is never taken from argv or the environment.
* ``--json`` where a command reports data.
* These three are global options: they may come before the command as well as after it
  (``witnessbox --vault DIR list`` is ``witnessbox list --vault DIR``), but only for a command
  that takes them. Given on both sides with different values, they are refused rather than one
  silently winning: a command run on another vault than the one meant (``delete``, ``add``) is
  the costly mistake. ``witnessbox --vault DIR`` with no command starts the desktop app on DIR.
* Exit 0 on success; 1 with a one-line message on stderr for a user error; 2 for a usage error.
  No traceback reaches the user; the log gets a scrubbed one.

Commands live in their own modules (``desktop/cli_*.py``), each with ``register(subparsers)``
that adds its subcommands with ``set_defaults(handler=fn)``. ``fn(args, ctx) -> int``.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import importlib
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from desktop import APP_NAME, __version__
from desktop.core.bidi import DIRECTION_CONTROLS
from desktop.core.interrupts import interrupts_never_dropped
from desktop.paths import AppPaths, SyncedFolderError, check_not_synced

log = logging.getLogger(__name__)

# Modules that add commands. A module listed here that does not exist yet is skipped, so the
# command line grows with the product.
COMMAND_MODULES: tuple[str, ...] = (
    "desktop.cli_vault",
    "desktop.cli_redact",
    "desktop.cli_reports",
    "desktop.cli_transfer",
    "desktop.cli_evidence",
    "desktop.cli_quotations",
    "desktop.cli_demo",
)


class UserError(Exception):
    """Something the user can fix: printed as one line, exit code 1. The message must hold no interview data."""


class UsageError(UserError):
    """The command was called wrongly: exit code 2."""


@dataclass
class Context:
    """What every command handler gets besides its arguments."""

    paths: AppPaths
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO

    def vault_dir(self, args: argparse.Namespace) -> Path:
        """The vault folder for this command, refusing cloud-synced folders."""
        chosen = getattr(args, "vault", None)
        path = Path(chosen).expanduser() if chosen else self.paths.default_vault_dir
        try:
            return check_not_synced(path)
        except SyncedFolderError as exc:
            raise UserError(str(exc)) from None

    def passphrase(self, args: argparse.Namespace, *, prompt: str = "Passphrase: ", confirm: bool = False) -> str:
        """The passphrase, from ``--passphrase-file`` or a prompt without echo."""
        return read_passphrase(getattr(args, "passphrase_file", None), prompt=prompt, confirm=confirm)

    def emit_json(self, data: Any) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=True)
        # json escapes C0 controls but writes DEL, C1 controls (U+009B is a terminal's CSI) and direction
        # overrides as they are: escape them too. The JSON means the same; a terminal shows it harmlessly.
        self.stdout.write(_JSON_UNESCAPED_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")

    def say(self, line: str) -> None:
        """One line (or several, split at newlines) for a person to read, with every other control
        character made visible, so text from a file cannot drive the terminal (see :func:`printable`)."""
        self.stdout.write(printable(line, keep_newlines=True) + "\n")


# C0 controls but tab and newline, DEL, and C1 controls: what a terminal may act on. Format
# characters (right-to-left marks, zero-width joiners) are left alone: Urdu and Arabic text needs them.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROLS_BUT_NEWLINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# In JSON also the direction embeddings, overrides and isolates (desktop.core.bidi). JSON readers get
# the same text back.
_JSON_UNESCAPED_CONTROLS = re.compile(f"[\x7f-\x9f{DIRECTION_CONTROLS}]")


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` safe to print on a terminal: an escape sequence in a name or a statement shows as
    ``\\x1b[...`` instead of clearing the screen or rewriting what was printed above it. With
    ``keep_newlines`` a statement keeps its lines (``\\r\\n`` and a lone ``\\r`` become a newline);
    without, a name stays on its one line and cannot pose as another field."""
    if keep_newlines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        pattern = _CONTROLS_BUT_NEWLINE
    else:
        pattern = _CONTROLS
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


MAX_PASSPHRASE_FILE_BYTES = 64 * 1024


def read_small_file(path: str | os.PathLike[str], *, limit: int, what: str, too_large: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or :class:`UserError` naming ``what``
    ("The passphrase file"; ``too_large`` is the whole message for a file over the limit). A FIFO, a
    device (``/dev/zero``, ``/dev/stdin``) or a folder is refused before it is read, and a file that
    grows while it is read stops at the limit, so nothing here can wait forever or fill the memory."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise UserError(f"{what} is a folder.")
        if not stat.S_ISREG(mode):  # before open(): opening a FIFO waits for a writer
            raise UserError(f"{what} is not a regular file (it is a device or a pipe); "
                            "save it as a file and give that file.")
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UserError(f"{what} does not exist.") from None
    except OSError:
        raise UserError(f"{what} cannot be read.") from None
    with os.fdopen(fd, "rb") as fh:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since stat()
                raise UserError(f"{what} is not a regular file; save it as a file and give that file.")
            data = fh.read(limit + 1)
        except OSError:
            raise UserError(f"{what} cannot be read.") from None
    if len(data) > limit:
        raise UserError(too_large)
    return data


def read_passphrase(file: str | None, *, prompt: str = "Passphrase: ", confirm: bool = False) -> str:
    if file is not None:
        data = read_small_file(
            file, limit=MAX_PASSPHRASE_FILE_BYTES, what="The passphrase file",
            too_large="The passphrase file is too large; it should hold the passphrase on its first line.",
        )
        try:
            # utf-8-sig: Notepad's "UTF-8" adds a byte-order mark, which is no part of the passphrase
            # (typed into the app, the same passphrase would never match the vault).
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UserError("The passphrase file cannot be read.") from None
        # The first line, ended as open()'s universal newlines end it (\n, \r\n or \r).
        value = re.split("\r\n|\r|\n", text, maxsplit=1)[0]
        if not value:
            raise UserError("The passphrase file's first line is empty.")
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError("No terminal to ask for the passphrase; use --passphrase-file FILE.")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again, to confirm: ") != value:
        raise UserError("The two passphrases do not match.")
    if not value:
        raise UserError("The passphrase is empty.")
    return value


@contextlib.contextmanager
def open_vault(args: argparse.Namespace, ctx: Context, passphrase: str | None = None) -> Iterator[Any]:
    """The command's vault, unlocked for a ``with`` block and locked after. The folder is checked to
    hold a vault before the passphrase is asked for."""
    from desktop.services import vaults

    directory = vaults.require_vault(ctx.vault_dir(args))
    with vaults.opened(directory, ctx.passphrase(args) if passphrase is None else passphrase) as vault:
        yield vault


@contextlib.contextmanager
def output_folder(folder: Path) -> Iterator[Path]:
    """``folder`` for a command's files, made now (owner only) if it is missing, and taken away
    again at the end if this run made it and left it empty: a run that writes nothing (every
    statement refused, a failure, Ctrl-C) leaves no empty folder behind on the worker's stick.
    Call it once the vault is open and the files are about to be written, never before the
    passphrase is checked. A folder that was there before is never removed."""
    made = False
    try:
        os.mkdir(folder, 0o700)
        made = True
    except FileExistsError:
        pass  # there already (made meanwhile by someone else): not this run's to take away
    except OSError as exc:
        from desktop.services.errors import os_error_words

        raise UserError(os_error_words(exc) or "The folder to write into cannot be made there; "
                        "choose another folder.") from None
    try:
        yield folder
    finally:
        if made:
            with contextlib.suppress(OSError):  # rmdir removes only an empty folder: one file in it and it stays
                os.rmdir(folder)


_VAULT_HELP = "the vault folder (default: in your user data folder)"
_PASSPHRASE_FILE_HELP = "read the passphrase from the first line of FILE (for scripts)"
_JSON_HELP = "print machine-readable JSON"

# The options that may also come before the command: (flag, the command's dest). Before the
# command argparse stores them under "global_<dest>"; run() moves them to <dest>.
GLOBAL_OPTIONS: tuple[tuple[str, str], ...] = (
    ("--vault", "vault"),
    ("--passphrase-file", "passphrase_file"),
    ("--json", "json"),
)
_GLOBAL_PREFIX = "global_"


def add_vault_options(parser: argparse.ArgumentParser, *, passphrase: bool = True) -> None:
    """The options every vault command shares."""
    parser.add_argument("--vault", metavar="DIR", help=_VAULT_HELP)
    if passphrase:
        parser.add_argument("--passphrase-file", metavar="FILE", help=_PASSPHRASE_FILE_HELP)


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_JSON_HELP)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "global options", "also accepted before the command, by every command that takes them after it")
    group.add_argument("--vault", dest=_GLOBAL_PREFIX + "vault", metavar="DIR",
                       help=_VAULT_HELP + "; with no command, the desktop app opens this vault")
    group.add_argument("--passphrase-file", dest=_GLOBAL_PREFIX + "passphrase_file", metavar="FILE",
                       help=_PASSPHRASE_FILE_HELP)
    group.add_argument("--json", dest=_GLOBAL_PREFIX + "json", action="store_true", help=_JSON_HELP)


def _same(dest: str, a: Any, b: Any) -> bool:
    if dest in ("vault", "passphrase_file"):
        return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()
    return bool(a == b)


def _apply_global_options(args: argparse.Namespace) -> None:
    """Move the options given before the command to where its handler reads them.

    An option the command does not take is a usage error (not silently dropped: ``--vault`` given
    to a command that never opens a vault would look as if it had been used); so is one given
    before and after the command with different values."""
    command = getattr(args, "command", None)
    for flag, dest in GLOBAL_OPTIONS:
        given = getattr(args, _GLOBAL_PREFIX + dest, None)
        if hasattr(args, _GLOBAL_PREFIX + dest):
            delattr(args, _GLOBAL_PREFIX + dest)
        if given is None or given is False:
            continue
        if command is None:
            continue  # no command: the caller decides what a global option means
        if not hasattr(args, dest):
            raise UsageError(f"'{command}' does not take {flag} (see 'witnessbox {command} --help')")
        after = getattr(args, dest)
        if after is not None and after is not False and not _same(dest, given, after):
            raise UsageError(f"{flag} is given before and after '{command}' with different values; give it once")
        setattr(args, dest, given)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() owns every exit code and message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="witnessbox",
        description=f"{APP_NAME}: an offline, encrypted vault for interviews, and redacted statements "
        "made from it. With no command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    st = sub.add_parser("self-test", help="check this installation (offline guard, SQLCipher, FTS5, fonts)")
    st.set_defaults(handler=_cmd_self_test)

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def _cmd_self_test(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.selftest import run_checks

    failed = 0
    for check in run_checks():
        ctx.say(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}")
        failed += not check.ok
    return 1 if failed else 0


def _refusal_message(exc: Exception) -> str | None:
    """The one line for a refusal from a service or the vault (their messages are the user's words)."""
    from desktop.services.errors import Refused, describe, failure_words
    from desktop.vault import VaultError

    if isinstance(exc, Refused):
        return str(exc)
    if isinstance(exc, VaultError):
        return describe(exc)
    return failure_words(exc)  # a stick read-only, full or pulled out, a font missing: not "an unexpected error"


StartApp = Callable[[Path | None], int]


def _app_vault(args: argparse.Namespace, ctx: Context) -> Path | None:
    """No command: the folder the desktop app is to open (None: the one it would open anyway)."""
    if getattr(args, _GLOBAL_PREFIX + "json", False):
        raise UsageError("--json needs a command (see 'witnessbox --help')")
    if getattr(args, _GLOBAL_PREFIX + "passphrase_file", None) is not None:
        raise UsageError("the desktop app asks for the passphrase itself; --passphrase-file is for a command "
                         "(see 'witnessbox --help')")
    chosen = getattr(args, _GLOBAL_PREFIX + "vault", None)
    if chosen is None:
        return None
    return ctx.vault_dir(argparse.Namespace(vault=chosen))


def run(argv: list[str], ctx: Context, *, start_app: StartApp | None = None) -> int:
    """Run one command; returns the exit code. Never raises for a user or usage error.

    With no command and ``start_app`` given (the installed ``witnessbox``), ``--vault DIR`` alone
    starts the desktop app on DIR: ``start_app(folder)`` is called once the folder has passed the
    same checks as a command's (a cloud-synced folder is refused here, before any window opens).
    """
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace, Context], int] | None = getattr(args, "handler", None)
        if handler is None:
            if start_app is None:
                raise UsageError("no command given (see 'witnessbox --help')")
            folder = _app_vault(args, ctx)
        else:
            _apply_global_options(args)
            with interrupts_never_dropped():  # Ctrl-C stops the command wherever it lands, quietly
                return int(handler(args, ctx) or 0)
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    except UsageError as exc:
        ctx.stderr.write(f"witnessbox: {exc}\n")
        return 2
    except UserError as exc:
        ctx.stderr.write(f"witnessbox: {exc}\n")
        return 1
    except KeyboardInterrupt:
        ctx.stderr.write("witnessbox: interrupted\n")
        return 130
    except BrokenPipeError:  # 'witnessbox show X | head -1': the reader has all it wanted
        output_closed(ctx.stdout)
        return 1
    except Exception as exc:
        message = _refusal_message(exc)
        if message is not None:
            if isinstance(exc, OSError):  # where it stopped, for whoever looks after Witnessbox (scrubbed)
                log.warning("command stopped: %s", type(exc).__name__, exc_info=True)
            ctx.stderr.write(f"witnessbox: {message}\n")
            return 1
        log.exception("command failed")
        ctx.stderr.write(
            f"witnessbox: an unexpected error stopped the command; details are in the log ({ctx.paths.log_dir}).\n"
        )
        return 1
    return start_app(folder)


def output_closed(stream: TextIO) -> None:
    """The reader of ``stream`` went away (``| head``): end quietly, as Python's documentation says
    for SIGPIPE (library/signal.html, "Note on SIGPIPE"). What is still buffered can never be
    delivered, so the stream is pointed at the null device: the flush at exit then neither fails nor
    prints "Exception ignored ... BrokenPipeError". Exit code 1, as Python's own recipe; no message,
    because nothing went wrong that the person needs to fix."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's StringIO): nothing to do
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
