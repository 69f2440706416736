"""tools/screenshots.py starts its own Xvfb: two runs at once (two people remaking the pictures on one
machine, or a run beside an X server already on the display it would choose) must not collide. It used
fixed displays (:92 and :93): the second run's Xvfb could not start there, and its pictures were taken of
the first run's screen. The tool is run in a child Python, as a developer runs it (no offline guard)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

TWO_AT_ONCE = """
import json, os, sys
sys.path.insert(0, "tools")
from screenshots import start_xvfb
first, second = start_xvfb("640x480"), start_xvfb("640x480")
said = {
    "displays": [first[1], second[1]],
    "running": [first[0].poll() is None, second[0].poll() is None],
    "sockets": [os.path.exists("/tmp/.X11-unix/X" + d[1:]) for _p, d in (first, second)],
}
for xvfb, _display in (first, second):
    xvfb.terminate()
    xvfb.wait()
print(json.dumps(said))
"""


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_two_runs_at_once_get_two_displays_each_ready_and_running():  # pragma: no cover
    out = subprocess.run(
        [sys.executable, "-c", TWO_AT_ONCE], capture_output=True, text=True, timeout=60, cwd=ROOT, check=True
    )
    said = json.loads(out.stdout.strip().splitlines()[-1])
    first, second = said["displays"]
    assert first != second and first.startswith(":") and second.startswith(":")
    assert said["running"] == [True, True] and said["sockets"] == [True, True]
