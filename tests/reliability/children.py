"""Child processes for the crash tests: this Python, running a script against this checkout's code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")


def spawn(code: str, *args: str) -> subprocess.Popen:
    """Start ``code`` with ``args`` in a child, reading its output line by line."""
    return subprocess.Popen(
        [sys.executable, "-u", "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, text=True
    )
