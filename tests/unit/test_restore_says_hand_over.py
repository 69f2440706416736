"""``restore-copy`` says, in the worker's words, that a worker's vault restored from a copy hands over to
new keys at its next bundle: what happens, what the coordinator will see, that nothing is lost. A vault
that never had device keys (so never sent) says nothing of it. Real vaults and a real copy on a folder."""

from __future__ import annotations

import io
import re

import pytest

from desktop.cli import Context, run
from desktop.services import backups, transfer
from tests.factories import PASSPHRASE, new_vault


def _restore_cli(tmp_path, app_paths, copy, target):
    passphrase_file = tmp_path / "pw.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=err)
    code = run(["restore-copy", str(copy), "--vault", str(target), "--passphrase-file", str(passphrase_file)], ctx)
    assert code == 0, err.getvalue()
    return out.getvalue()


@pytest.mark.parametrize("role", ["field", None])
def test_restore_copy_says_the_next_bundle_hands_over_only_for_a_workers_vault(tmp_path, app_paths, role):
    vault = new_vault(tmp_path / "old")
    if role is not None:
        transfer.set_role(vault, role)
    (tmp_path / "stick").mkdir()
    copy = backups.backup_to_folder(vault, tmp_path / "stick").folder
    fingerprint = transfer.public_keys(vault).fingerprint if role else None
    vault.lock()
    out = _restore_cli(tmp_path, app_paths, copy, tmp_path / "new")
    assert "Made a new vault" in out
    if role is None:
        assert backups.HANDS_OVER not in out and "new keys" not in out
        return
    assert backups.HANDS_OVER in out
    for words in ("next time you send", "new keys", "coordinator will see", "restored from a backup",
                  "Nothing is lost", "stop using it"):
        assert words in out
    assert fingerprint not in out and not re.search(r"\b[0-9a-f]{16,}\b", out)  # no key or internal number


def test_a_coordinators_copy_says_nothing_of_a_hand_over(tmp_path, app_paths):
    vault = new_vault(tmp_path / "coord")
    transfer.set_role(vault, "coordinator")
    (tmp_path / "stick").mkdir()
    copy = backups.backup_to_folder(vault, tmp_path / "stick").folder
    vault.lock()
    assert backups.HANDS_OVER not in _restore_cli(tmp_path, app_paths, copy, tmp_path / "new")


def _restore_backup_cli(tmp_path, app_paths, directory):
    passphrase_file = tmp_path / "pw.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=err)
    code = run(["restore-backup", "--force", "--vault", str(directory), "--passphrase-file", str(passphrase_file)],
               ctx)
    assert code == 0, err.getvalue()
    return out.getvalue()


@pytest.mark.parametrize("role", ["field", "coordinator", None])
def test_restore_backup_says_the_next_bundle_hands_over_only_for_a_workers_vault(tmp_path, app_paths, role):
    """Rolling a vault back to one of its own backups takes its bundle numbering back too, so a worker's
    vault hands over to new keys at its next bundle (as a vault restored from a copy does): say so, in
    the same words."""
    vault = new_vault(tmp_path / "vault")
    if role is not None:
        transfer.set_role(vault, role)
    vault.backup_now("manual")
    fingerprint = transfer.public_keys(vault).fingerprint if role else None
    vault.lock()
    out = _restore_backup_cli(tmp_path, app_paths, tmp_path / "vault")
    assert "Restored the backup" in out
    if role != "field":
        assert backups.ROLLED_BACK_HANDS_OVER not in out and "new keys" not in out
        return
    assert backups.ROLLED_BACK_HANDS_OVER in out
    for words in ("next time you send", "new keys", "coordinator will see", "restored from a backup",
                  "Nothing is lost", "not yet confirmed by a receipt is sent again"):
        assert words in out and words in backups.HANDS_OVER  # the same words as a restored copy's
    assert "old laptop" not in out  # the same laptop, rolled back: there is no other to stop using
    assert fingerprint not in out and not re.search(r"\b[0-9a-f]{16,}\b", out)
