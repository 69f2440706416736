"""A vault under clumsy hands (issue #10): a journal that is not the database's own is never
folded in, and two Witnessbox processes never work on one vault at once.

* ``vault.db-wal`` copied in from another vault, or from an older copy of this one (a folder
  copied by hand while Witnessbox was open), is set aside into ``damaged/`` unapplied: the
  database is byte for byte what it was, the vault is reported damaged with its newest backup
  named, and the next unlock opens it with every interview. A journal left by a crash of this
  vault is still applied (and the SIGKILL tests in test_vault_crash.py stay as they are).
* A second process that unlocks a vault another holds is refused with a clear message, and the
  first one's work (a backup being made) is never swept away. Tested with real processes.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.cli import Context, run
from desktop.services import vaults
from desktop.services.errors import Refused, describe
from desktop.vault import Vault, VaultDamaged, VaultError
from desktop.vault import db as vault_db
from tests.factories import FAST_KDF, named_interview
from tests.reliability.children import rest_of_output
from tests.vault_forensics import data_key

REPO = Path(__file__).resolve().parents[2]
PASS = "correct horse battery"
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
IN_USE = "The vault is in use by another Witnessbox window or command; close it and try again."


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _journal_while_open(d: Path, statements: list[str]) -> bytes:
    """The vault's journal as a copy taken while Witnessbox had it open holds it."""
    v = Vault.unlock(d, PASS)
    try:
        for s in statements:
            v.interviews.add(named_interview(s))
        return (d / "vault.db-wal").read_bytes()
    finally:
        v.lock()


def _count(d: Path) -> int:
    with Vault.unlock(d, PASS) as v:
        assert vault_db.integrity_problems(v.connection()) == []
        return v.interviews.count()


def _cli(app_paths, tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    pw = tmp_path / "pw.txt"
    pw.write_text(PASS + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run([*argv, "--passphrase-file", str(pw)], Context(paths=app_paths, stdin=io.StringIO(), stdout=out,
                                                              stderr=err))
    return code, out.getvalue(), err.getvalue()


# --- a journal that is not this database's own -------------------------------------------------


@pytest.mark.parametrize("source", ["another vault", "an older copy of this vault"])
def test_a_foreign_journal_is_set_aside_unapplied_and_the_backup_named(source, tmp_path, app_paths):
    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    v.interviews.add(named_interview("the first interview"))
    v.backup_now()
    v.lock()
    if source == "another vault":
        other = tmp_path / "other"
        Vault.create(other, PASS, kdf=FAST_KDF).lock()
        journal = _journal_while_open(other, ["another vault's interview", "and one more"])
        expected = 1
    else:
        journal = _journal_while_open(d, ["the second interview"])
        # Later work, checkpointed into vault.db, that the older journal would silently undo.
        with Vault.unlock(d, PASS) as v:
            v.interviews.add(named_interview("a later interview"))
            v.interviews.add(named_interview("another later interview"))
        expected = 4
    (d / "vault.db-wal").write_bytes(journal)
    before = _sha(d / "vault.db")

    with pytest.raises(VaultDamaged) as caught:
        Vault.unlock(d, PASS)

    assert caught.value.backups == Vault.backups(d) != []
    assert "journal" in str(caught.value) and "No backup is available" not in str(caught.value)
    assert Vault.backups(d)[0].name in describe(caught.value)
    assert _sha(d / "vault.db") == before, "nothing of the journal reached the database"
    [aside] = list((d / "damaged").glob("*/vault.db-wal"))
    assert aside.read_bytes() == journal and not (d / "vault.db-wal").exists()
    assert not list(d.glob(".wbtmp-*")), "the checking copy is gone"
    assert _count(d) == expected, "the next unlock opens the vault as it was last saved"


def test_the_command_line_names_the_backup_when_a_foreign_journal_is_found(tmp_path, app_paths):
    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    v.interviews.add(named_interview("the first interview"))
    v.backup_now()
    v.lock()
    other = tmp_path / "other"
    Vault.create(other, PASS, kdf=FAST_KDF).lock()
    (d / "vault.db-wal").write_bytes(_journal_while_open(other, ["another vault's interview"]))

    code, _out, err = _cli(app_paths, tmp_path, "list", "--vault", str(d))

    assert code != 0 and "Traceback" not in err
    assert "damaged" in err and Vault.backups(d)[0].name in err and "No backup is available" not in err
    assert _cli(app_paths, tmp_path, "list", "--vault", str(d))[0] == 0


def test_a_foreign_journal_does_not_let_a_healthy_vault_be_rolled_back_without_force(tmp_path):
    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    v.interviews.add(named_interview("the first interview"))
    v.backup_now()
    v.interviews.add(named_interview("saved after the backup"))
    v.lock()
    other = tmp_path / "other"
    Vault.create(other, PASS, kdf=FAST_KDF).lock()
    (d / "vault.db-wal").write_bytes(_journal_while_open(other, ["another vault's interview"]))

    with pytest.raises(Refused, match="--force"):
        vaults.restore_backup(d, PASS)

    assert list((d / "damaged").glob("*/vault.db-wal")), "the journal was set aside, not applied"
    assert _count(d) == 2, "nothing was rolled back"


def test_a_journal_left_by_a_crash_of_this_vault_is_applied(tmp_path):
    d = tmp_path / "vault"
    Vault.create(d, PASS, kdf=FAST_KDF).lock()
    v = Vault.unlock(d, PASS)
    try:
        for n in range(3):
            v.interviews.add(named_interview(f"acknowledged interview {n}"))
        crashed = tmp_path / "crashed"  # the folder exactly as a crash leaves it: database and journal
        crashed.mkdir(mode=0o700)
        for name in ("vault.db", "vault.db-wal", "keyslot.json"):
            shutil.copy2(d / name, crashed / name)
    finally:
        v.lock()
    assert (crashed / "vault.db-wal").stat().st_size > 0

    assert _count(crashed) == 3
    assert not (crashed / "damaged").exists()


_LIMITED_UNLOCK = """
import resource, signal, sys
from pathlib import Path
from desktop.vault import Vault, VaultError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
try:
    Vault.unlock(Path(sys.argv[1]), sys.argv[3]).lock()
    print("opened")
except VaultError as exc:
    print("refused:", exc)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_FSIZE is POSIX")
def test_a_journal_that_cannot_be_checked_is_not_applied(tmp_path):
    """Injected: RLIMIT_FSIZE makes the checking copy fail (EFBIG), as a full disk would."""
    d = tmp_path / "vault"
    Vault.create(d, PASS, kdf=FAST_KDF).lock()
    v = Vault.unlock(d, PASS)
    for n in range(20):
        v.interviews.add(named_interview(f"acknowledged interview {n} " + "words " * 300))
    crashed = tmp_path / "crashed"  # as a crash leaves it: database and journal
    crashed.mkdir(mode=0o700)
    for name in ("vault.db", "vault.db-wal", "keyslot.json"):
        shutil.copy2(d / name, crashed / name)
    v.lock()
    before = {name: _sha(crashed / name) for name in ("vault.db", "vault.db-wal")}
    limit = (crashed / "vault.db").stat().st_size // 2 or 1

    out = subprocess.run([sys.executable, "-c", _LIMITED_UNLOCK, str(crashed), str(limit), PASS], env=ENV,
                         cwd=REPO, capture_output=True, text=True, timeout=120)

    assert out.stdout.startswith("refused:") and "disk" in out.stdout and "nothing was changed" in out.stdout, (
        out.stdout + out.stderr[-2000:])
    assert {name: _sha(crashed / name) for name in ("vault.db", "vault.db-wal")} == before
    assert not list(crashed.glob(".wbtmp-*")) and not (crashed / "damaged").exists()
    assert _count(crashed) == 20, "with room to check it, the journal is applied"


def test_damage_found_after_unlock_names_the_backup_too(tmp_path):
    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    for n in range(30):
        v.interviews.add(named_interview(f"interview {n} " + "words " * 200))
    v.backup_now()
    v.lock()
    # Pages that pass their HMAC (written with the right key) but a table pointing at an index's
    # root page: what a bad copy of a journal can leave, found only when the table is read.
    con = vault_db.open_db(d / "vault.db", data_key(d, PASS))
    root = con.execute("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'interviews' "
                       "AND rootpage > 0").fetchone()[0]
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_schema SET rootpage = ? WHERE name = 'interviews'", (root,))
    con.execute("PRAGMA writable_schema = OFF")
    con.close()

    with pytest.raises(VaultError) as caught:
        with Vault.unlock(d, PASS) as v:
            v.interviews.list_summaries()
    assert isinstance(caught.value, VaultDamaged)
    assert "No backup is available" not in str(caught.value)
    assert caught.value.backups == Vault.backups(d) != []


# --- one process at a time -----------------------------------------------------------------------

_HOLDER = """
import sys
from pathlib import Path
from desktop.vault import Vault
v = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
print("open", flush=True)
sys.stdin.readline()
v.lock()
print("locked", flush=True)
"""

_BACKER = """
import sys
from pathlib import Path
from desktop.vault import Vault
from tests.factories import named_interview
v = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
print("open", flush=True)
for n in range(int(sys.argv[3])):
    v.interviews.add(named_interview("an interview " * 300))
    v.backup_now("import")
    print("ack", n, flush=True)
v.lock()
"""


def _spawn(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-u", "-c", code, *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, text=True, cwd=REPO)


def test_a_second_process_is_refused_while_one_holds_the_vault(tmp_path, app_paths):
    d = tmp_path / "vault"
    Vault.create(d, PASS, kdf=FAST_KDF).lock()
    holder = _spawn(_HOLDER, str(d), PASS)
    try:
        assert holder.stdout.readline().strip() == "open", holder.stderr.read()
        with pytest.raises(VaultError) as caught:
            Vault.unlock(d, PASS)
        assert str(caught.value) == IN_USE
        code, _out, err = _cli(app_paths, tmp_path, "list", "--vault", str(d))
        assert code != 0 and IN_USE in err and "Traceback" not in err
        with pytest.raises(VaultError, match="in use"):
            Vault.restore_backup(d, d / "backups" / "none")
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "locked"
    finally:
        holder.kill()
        holder.communicate(timeout=30)
    Vault.unlock(d, PASS).lock()  # let go: the next one gets in


def test_a_killed_holder_leaves_the_vault_free(tmp_path):
    d = tmp_path / "vault"
    Vault.create(d, PASS, kdf=FAST_KDF).lock()
    holder = _spawn(_HOLDER, str(d), PASS)
    assert holder.stdout.readline().strip() == "open", holder.stderr.read()
    holder.kill()
    holder.communicate(timeout=30)
    assert _count(d) == 0


def test_unlocking_while_another_process_makes_backups_never_breaks_its_work(tmp_path):
    d = tmp_path / "vault"
    Vault.create(d, PASS, kdf=FAST_KDF).lock()
    rounds = 15
    backer = _spawn(_BACKER, str(d), PASS, str(rounds))
    assert backer.stdout.readline().strip() == "open", backer.stderr.read()
    refused = 0
    deadline = time.monotonic() + 120
    while backer.poll() is None and time.monotonic() < deadline:
        try:
            Vault.unlock(d, PASS).lock()
        except VaultError as exc:
            assert str(exc) == IN_USE
            refused += 1
    out, err = rest_of_output(backer)
    assert backer.returncode == 0, err[-2000:]
    assert out.split().count("ack") == rounds
    assert refused > 0
    assert _count(d) == rounds
