"""Starting the desktop app up to its unlock window in a fresh process, as ``witnessbox`` does,
for the start-up test (what is imported by then) and the start-up benchmark (how long it takes).

:data:`CHILD` runs ``desktop.__main__``'s steps (firewall, hardening, umask, logging, Qt's
environment, the application, the main window on a vault folder holding a vault) and, once the
window's first screen is first painted, prints one JSON line: the wall-clock time then and the
modules loaded; then it lets the rest of the window be built and prints what that loaded.
:data:`BARE` is the anchor: ``import PySide6.QtWidgets``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys
import desktop.__main__ as entry  # installs the network guard first, as `witnessbox` does
import json, os, time
from pathlib import Path
from desktop import logging_setup
from desktop.paths import AppPaths

paths = AppPaths.under(Path(sys.argv[1]))
entry._harden_process()
os.umask(0o077)
logging_setup.configure(paths.log_dir)
entry.firewall.sanitise_qt_environment()
from desktop.app import Application, build_main_window
from PySide6.QtCore import QEvent, QObject, QTimer

app = Application(sys.argv[:1])
paths.ensure()
window = build_main_window(paths)


class Shown(QObject):
    # The first paint of the window's first screen: the moment the worker sees the lock screen.
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "done"):
            self.done = True
            print(json.dumps({"shown_at": time.time(), "page": type(window.stack.currentWidget()).__name__,
                              "modules": sorted({m.split(".")[0] for m in sys.modules}),
                              "desktop_modules": sorted(m for m in sys.modules if m.startswith("desktop."))}),
                  flush=True)
            QTimer.singleShot(0, self.then)
        return False

    def then(self):
        window.list_page  # the rest is built after the first paint: it must still come, and work
        print(json.dumps({"after": sorted({m.split(".")[0] for m in sys.modules}),
                          "desktop_after": sorted(m for m in sys.modules if m.startswith("desktop."))}), flush=True)
        app.quit()


shown = Shown()
window.stack.installEventFilter(shown)
window.show()
app.exec()
"""

BARE = r"""
import json, sys, time
import PySide6.QtWidgets
print(json.dumps({"shown_at": time.time(), "modules": sorted({m.split(".")[0] for m in sys.modules})}), flush=True)
"""


def make_vault(root: Path) -> None:
    """A vault in the folder the app opens under ``root``, so the unlock window is what shows."""
    from desktop.paths import AppPaths
    from desktop.vault import KdfParams, Vault

    paths = AppPaths.under(root)
    if not Vault.exists(paths.default_vault_dir):
        paths.ensure()
        Vault.create(paths.default_vault_dir, "start-up passphrase",
                     kdf=KdfParams(time_cost=1, memory_cost_kib=8 * 1024, lanes=1)).lock()


def run(code: str, root: Path, *, tree: Path = REPO, bytecode: bool = False) -> dict:
    """Run ``code`` in a fresh interpreter; its JSON line, with ``seconds`` from spawn to shown.
    ``bytecode``: compiled modules are cached and used, as in an installed app (the benchmark);
    without it nothing is written into the source tree (the tests)."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    if bytecode:  # cached outside the source trees, one cache per tree
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "wb-pycache" / tree.resolve().name)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code, str(root)], env=env, cwd=str(tree), capture_output=True,
                          text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"the start-up run failed: {done.stderr[-2000:]}")
    lines = [json.loads(line) for line in done.stdout.strip().splitlines() if line.startswith("{")]
    result = lines[0]
    for extra in lines[1:]:
        result.update(extra)
    result["seconds"] = result["shown_at"] - started
    return result
