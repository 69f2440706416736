"""Child processes for the crash tests: this Python, running a script against this checkout's code."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")


def spawn(code: str, *args: str) -> subprocess.Popen:
    """Start ``code`` with ``args`` in a child, reading its output line by line."""
    return subprocess.Popen(
        [sys.executable, "-u", "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, text=True
    )


def rest_of_output(proc: subprocess.Popen) -> tuple[str, str]:
    """Wait for the child to end and return the rest of what it printed (stdout, stderr).

    Unlike ``communicate()``, this reads through the pipes' own readers, so lines that an earlier
    ``readline()`` had already taken into a reader's buffer are not lost (communicate reads the file
    descriptors and never sees them: under load a child's "ack" could vanish that way). stderr is
    drained on a thread so a chatty child cannot block on it.
    """
    err: list[str] = []
    drain = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
    drain.start()
    with proc.stdout:
        out = proc.stdout.read()
    drain.join()
    proc.stderr.close()
    proc.wait()
    return out, err[0] if err else ""
