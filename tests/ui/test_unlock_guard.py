"""The unlock screen under clumsy hands (issue #10): another Witnessbox process holding the vault
(a real second process), and a journal file copied in from another vault. Each is said in words
the worker can act on, and the next unlock works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.vault import Vault
from tests.factories import FAST_KDF
from tests.ui.driving import PASSPHRASE, create_vault

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


def test_a_journal_from_another_vault_is_explained_and_the_next_unlock_opens(qtbot, make_window, tmp_path):
    window = make_window()
    create_vault(qtbot, window)
    directory = window.vault.directory
    window.lock()
    other = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    try:
        other.settings.set("something", "from another vault")
        journal = (other.directory / "vault.db-wal").read_bytes()
    finally:
        other.lock()
    (directory / "vault.db-wal").write_bytes(journal)
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert not window.is_unlocked
    assert "did not belong to this vault" in page.message.text() and "Unlock again" in page.message.text()
    assert list((directory / "damaged").glob("*/vault.db-wal"))

    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert window.is_unlocked
