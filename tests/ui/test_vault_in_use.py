"""The unlock screen when another Witnessbox process holds the vault (issue #10): it says so in
words the worker can act on, and unlocks once the other one has let go. A real second process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import PASSPHRASE, create_vault

REPO = Path(__file__).resolve().parents[2]
_HOLDER = """
import sys
from pathlib import Path
from desktop.vault import Vault
v = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
print("open", flush=True)
sys.stdin.readline()
v.lock()
"""


def test_a_vault_held_by_another_process_is_named_as_in_use(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    directory = window.vault.directory
    window.lock()
    holder = subprocess.Popen(
        [sys.executable, "-u", "-c", _HOLDER, str(directory), PASSPHRASE], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1"),
    )
    try:
        assert holder.stdout.readline().strip() == "open", holder.stderr.read()
        page = window.unlock_page
        qtbot.keyClicks(page.passphrase, PASSPHRASE)
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        assert not window.is_unlocked
        assert page.message.isVisible()
        assert "in use by another Witnessbox window or command" in page.message.text()
        assert page.failures == 0, "not counted as a wrong passphrase"
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(30)
    finally:
        holder.kill()
        holder.communicate(timeout=30)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert window.is_unlocked
