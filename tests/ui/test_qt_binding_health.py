"""The Qt binding itself must not corrupt the interpreter.

PySide6 6.12.0 on CPython 3.11 dropped a reference to None on every Qt call that returns
nothing; after a few thousand calls (a long statement in the review, an afternoon's work) the
process aborted with "deallocating None". The check runs in a child process so that a broken
binding fails this test instead of killing the test run.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
app = QApplication([])
label, editor = QLabel(), QPlainTextEdit()
before = sys.getrefcount(None)
for _ in range(20000):
    label.setText("x")
    editor.setPlainText("y")
    label.setVisible(False)
print(sys.getrefcount(None) - before)
"""


def test_many_void_qt_calls_leave_none_alone():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, f"the Qt binding crashed the interpreter: {out.stderr[-400:]}"
    drift = int(out.stdout.strip().splitlines()[-1])
    assert abs(drift) < 1000, f"None's reference count drifted by {drift} over 60,000 Qt calls"
