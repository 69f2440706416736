"""Logging: a rotating file in the platform's log folder, with nothing sensitive in it.

The log is for diagnosing the app, never a record of interviews. :class:`ScrubFilter` enforces that
on every record, whatever the calling code passed:

* string arguments are replaced by their length (``<text:12>``) unless wrapped in :class:`Safe`;
  numbers, booleans and None pass;
* a traceback keeps file names, line numbers, function names and the exception *type*, never the
  exception's message (which may quote a value the user typed);
* the message template itself is code, so it is kept.

Write log calls as ``log.info("exported %s statements", count)``; wrap a value that is known to be
harmless (an error code, a command name) as ``Safe(value)``.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path

LOG_FILE_NAME = "witnessbox.log"


class Safe(str):
    """A string that may appear in the log as it is (command names, codes, counts as text)."""

    __slots__ = ()


def _scrub_arg(value: object) -> object:
    if value is None or isinstance(value, (bool, int, float, Safe)):
        return value
    if isinstance(value, (str, bytes)):
        return f"<text:{len(value)}>"
    return f"<{type(value).__name__}>"


def _scrubbed_traceback(exc_info) -> str:
    exc_type, _exc, tb = exc_info
    lines = ["Traceback (most recent call last):"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    lines.append(f"{exc_type.__module__}.{exc_type.__qualname__} (message withheld)" if exc_type else "")
    return "\n".join(lines)


class ScrubFilter(logging.Filter):
    """Removes anything that could carry interview data from a log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            if isinstance(record.args, dict):
                record.args = {k: _scrub_arg(v) for k, v in record.args.items()}
            else:
                record.args = tuple(_scrub_arg(a) for a in record.args)
        if not isinstance(record.msg, str):
            record.msg = f"<{type(record.msg).__name__}>"
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = _scrubbed_traceback(record.exc_info)
            record.exc_info = None
        record.stack_info = None
        return True


def configure(log_dir: Path, *, console: bool = False, level: int = logging.INFO) -> logging.Handler:
    """Send the app's logs to ``log_dir/witnessbox.log`` (rotating, owner-only). Returns the file handler."""
    from desktop.paths import make_private_dir

    make_private_dir(log_dir)
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_witnessbox", False):
            root.removeHandler(h)
            h.close()
    handler = logging.handlers.RotatingFileHandler(
        log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler._witnessbox = True  # type: ignore[attr-defined]
    handler.addFilter(ScrubFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    try:
        (log_dir / LOG_FILE_NAME).chmod(0o600)
    except OSError:  # pragma: no cover
        pass
    if console:
        ch = logging.StreamHandler(sys.stderr)
        ch._witnessbox = True  # type: ignore[attr-defined]
        ch.addFilter(ScrubFilter())
        ch.setLevel(logging.WARNING)
        root.addHandler(ch)
    root.setLevel(level)
    return handler
