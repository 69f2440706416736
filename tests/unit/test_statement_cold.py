"""The cold ``witnessbox export-statement`` (a fresh process: modules, fonts, word lists and
patterns loaded on first use) writes the very bytes the running app writes for the same interview.
What loads when may change for speed (issue #13); what reaches the PDF may not."""

from __future__ import annotations

import subprocess
import sys

from desktop.services import statements
from desktop.vault import Vault
from tests.factories import FAST_KDF, sample_interview

PASSPHRASE = "cold and warm"


def test_a_fresh_process_writes_the_bytes_the_running_app_writes(tmp_path):
    directory = tmp_path / "vault"
    vault = Vault.create(directory, PASSPHRASE, kdf=FAST_KDF)
    try:
        iv = sample_interview(reference="WB-COLD-0001")  # Latin, Urdu and Punjabi: every font, shaped too
        iv.statement = "\n\n".join([iv.statement] * 3)
        interview_id = vault.interviews.add(iv)
        warm = statements.export_statement(vault, interview_id, tmp_path / "warm.pdf")
    finally:
        vault.lock()
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")

    done = subprocess.run(
        [sys.executable, "-m", "desktop", "export-statement", "WB-COLD-0001", "--out", str(tmp_path / "cold.pdf"),
         "--vault", str(directory), "--passphrase-file", str(tmp_path / "pass")],
        capture_output=True, text=True, timeout=300, check=False)

    assert done.returncode == 0, done.stderr
    cold = (tmp_path / "cold.pdf").read_bytes()
    assert cold[:5] == b"%PDF-" and len(cold) > 10_000
    assert cold == warm.path.read_bytes()
