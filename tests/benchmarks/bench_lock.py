"""How long locking and quick exit take with an interview open, run on demand; prints JSON and
asserts nothing (the UI tests prove both happen inside the key press; this says how long it is).

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.bench_lock [--runs 20]

Each run opens a fresh window, creates a vault through its set-up page, types a statement into a
new interview (unsaved, so the lock keeps it as a draft) and quick-exits; the figures are the time
spent inside ``MainWindow.lock`` (``last_lock_seconds``) and the whole quick exit. Goal: under
0.5 s for both (DESIGN.md, quick exit).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app import build_main_window
from desktop.paths import AppPaths
from tests.factories import FAST_KDF, PASSPHRASE, sample_interview


def _wait(app: QApplication, until, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not until():
        if time.monotonic() > deadline:
            raise SystemExit("the window did not get there in time")
        app.processEvents()
        time.sleep(0.005)


def one_run(app: QApplication, root: Path) -> dict:
    paths = AppPaths.under(root / "app")
    paths.ensure()
    window = build_main_window(paths, kdf=FAST_KDF, pool=QThreadPool(), today=lambda: date(2026, 11, 26))
    window.show()
    page = window.create_page
    QTest.keyClicks(page.passphrase, PASSPHRASE)
    QTest.keyClicks(page.confirm, PASSPHRASE)
    page.create_button.click()
    _wait(app, lambda: window.is_unlocked)
    window.new_interview()
    window.editor.statement.setPlainText(sample_interview().statement)  # unsaved: the lock keeps it as a draft
    app.processEvents()
    started = time.perf_counter()
    window.quick_exit()
    whole = time.perf_counter() - started
    result = {"lock_s": window.last_lock_seconds, "quick_exit_s": whole}
    window.close()
    window.deleteLater()
    app.processEvents()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    runs = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(one_run(app, Path(tmp)))
    print(json.dumps({
        "runs": args.runs,
        "lock_s_median": statistics.median(r["lock_s"] for r in runs),
        "lock_s_max": max(r["lock_s"] for r in runs),
        "quick_exit_s_median": statistics.median(r["quick_exit_s"] for r in runs),
        "quick_exit_s_max": max(r["quick_exit_s"] for r in runs),
    }, indent=2))


if __name__ == "__main__":
    main()
