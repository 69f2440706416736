"""Damaged vault files: a clear "damaged" message with the backup offered, never a traceback, never a
"wrong passphrase", and nothing on disk changed (T3 for whole files rather than one flipped byte).

The damage is what a crash, a full disk or a bad copy does to a file: cut short, emptied, missing.
Each case goes through the API and through the command line, then the backup is restored and every
interview is back.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import Context, run
from desktop.vault import DiskFull, Vault, VaultDamaged, WrongPassphrase
from desktop.vault import db as vault_db
from desktop.vault.keyslot import KeySlot
from tests.factories import FAST_KDF, named_interview
from tests.vault_forensics import PAGE

PASS = "correct horse battery"


def _truncate(fraction: float, extra: int = 0) -> Callable[[Path], None]:
    def cut(p: Path) -> None:
        raw = p.read_bytes()
        p.write_bytes(raw[: int(len(raw) * fraction) + extra])
    return cut


def _schema_less_database(p: Path) -> None:
    """A database keyed with the vault's own data key but holding no vault (no schema)."""
    key = KeySlot.from_bytes((p.parent / "keyslot.json").read_bytes()).open(PASS)
    other = p.parent.parent / "other.db"
    con = vault_db.open_db(other, key, create=True)
    con.execute("CREATE TABLE t(x)")
    con.close()
    other.chmod(0o600)  # the damage is in the content; the mode stays what the vault gave the file
    other.replace(p)


DAMAGE: dict[str, tuple[str, Callable[[Path], None]]] = {
    "key slot cut in half": ("keyslot.json", _truncate(0.5)),
    "key slot empty": ("keyslot.json", _truncate(0)),
    "key slot missing": ("keyslot.json", Path.unlink),
    "database cut in half": ("vault.db", _truncate(0.5)),
    "database cut inside a page": ("vault.db", lambda p: _truncate(0, 3 * PAGE + 100)(p)),
    "database cut to its first page": ("vault.db", lambda p: _truncate(0, PAGE)(p)),
    "database empty": ("vault.db", _truncate(0)),
    "database missing": ("vault.db", Path.unlink),
    "database without a vault in it": ("vault.db", _schema_less_database),
}


def _files(d: Path) -> dict[str, str]:
    return {str(p.relative_to(d)): hashlib.sha256(p.read_bytes()).hexdigest() for p in d.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", list(DAMAGE))
def test_a_damaged_file_is_reported_as_damage_changes_nothing_and_the_backup_restores(case, tmp_path, app_paths):
    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    canary = f"CANARY-{uuid.uuid4()}"
    ivs = [named_interview(f"statement {i} {canary} " + "words " * 300) for i in range(30)]
    v.interviews.add_many(ivs)
    v.backup_now()
    v.lock()
    name, damage = DAMAGE[case]
    damage(d / name)
    before = _files(d)

    with pytest.raises(VaultDamaged) as info:
        Vault.unlock(d, PASS)
    assert "damage" in str(info.value).lower() and "passphrase" not in str(info.value).lower()
    assert info.value.backups, "the backup must be offered"
    assert _files(d) == before, "a failed unlock changed or created files"

    (tmp_path / "pass.txt").write_text(PASS + "\n")
    out, err = io.StringIO(), io.StringIO()
    code = run(["list", "--vault", str(d), "--passphrase-file", str(tmp_path / "pass.txt")],
               Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=err))
    message = err.getvalue()
    assert code == 1 and out.getvalue() == ""
    assert len(message.strip().splitlines()) == 1 and "Traceback" not in message, message
    assert "damage" in message.lower() and "backup" in message.lower() and "passphrase" not in message.lower()
    assert _files(d) == before

    Vault.restore_backup(d, info.value.backups[0])
    v = Vault.unlock(d, PASS)
    try:
        assert sorted(v.interviews.ids()) == sorted(iv.id for iv in ivs)
        assert v.interviews.get(ivs[3].id) == ivs[3]
    finally:
        v.lock()
    # The restored vault passes the canary check (T1, T17): encrypted, nothing in the clear anywhere,
    # the files set aside included, and every folder and file owner-only.
    for p in d.rglob("*"):
        if p.is_file():
            raw = p.read_bytes()
            assert canary.encode() not in raw and not raw.startswith(b"SQLite format 3"), p.relative_to(d)
        if os.name != "nt":
            assert p.stat().st_mode & 0o077 == 0, f"{p.relative_to(d)} is open to others"


def test_a_wrong_passphrase_on_a_damaged_database_is_still_a_wrong_passphrase(tmp_path):
    d = tmp_path / "vault"
    Vault.create(d, PASS, kdf=FAST_KDF).lock()
    (d / "vault.db").write_bytes(b"")
    with pytest.raises(WrongPassphrase):
        Vault.unlock(d, "not the passphrase")


def test_a_restore_on_a_full_disk_says_so_and_can_be_done_again(tmp_path, monkeypatch):
    from desktop.vault import backup as backup_module

    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    ivs = [named_interview(f"statement {i}") for i in range(5)]
    v.interviews.add_many(ivs)
    backup = v.backup_now()
    v.lock()
    _truncate(0.5)(d / "vault.db")

    real_copy = backup_module._copy_atomically

    def full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "_copy_atomically", full)
    with pytest.raises(DiskFull) as info:
        Vault.restore_backup(d, backup)
    assert "restore" in str(info.value)
    monkeypatch.setattr(backup_module, "_copy_atomically", real_copy)

    Vault.restore_backup(d, backup)
    v = Vault.unlock(d, PASS)
    try:
        assert sorted(v.interviews.ids()) == sorted(iv.id for iv in ivs)
    finally:
        v.lock()
