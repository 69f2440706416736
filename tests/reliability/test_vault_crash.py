"""Crash safety and full disks with real processes (T7, T10, T12, T14).

A child process does the work and prints an acknowledgement only after the call returned; the
parent kills it with SIGKILL at a random moment and then checks, with the real code, that every
acknowledged change is there and the files pass their checks. The loops run in the normal suite
(at least 30 kills each); the seeds are printed on failure so a run can be repeated.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from desktop import firewall
from desktop.core.model import CrimeType, Interview, Role, YearMonth
from desktop.files import TEMP_PREFIX, atomic_write, atomic_writer, remove_stale_temp_files
from desktop.vault import Vault, WrongPassphrase
from tests.factories import FAST_KDF
from tests.reliability.children import ENV, REPO, rest_of_output, spawn

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals (SIGKILL)")

def _kill_after_first_ack(proc: subprocess.Popen, delay: float, until: str = "") -> list[str]:
    """Wait for the child's first line (or its first line starting with ``until``), let it run ``delay``
    more seconds, SIGKILL it, and return every line it printed whole (a line the kill cut short
    acknowledges nothing)."""
    lines = []
    while True:
        first = proc.stdout.readline()
        if not first:
            proc.wait(10)
            raise AssertionError("the child stopped before its first acknowledgement: " + proc.stderr.read()[-2000:])
        lines.append(first)
        if first.startswith(until):
            break
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _err = rest_of_output(proc)
    assert proc.returncode == -signal.SIGKILL, f"the child ended on its own ({proc.returncode})"
    lines.extend(out.splitlines(keepends=True))
    return [ln.strip() for ln in lines if ln.endswith("\n") and ln.strip()]


# --- T10: SIGKILL during commits --------------------------------------------------------------------

_ADDER = """
import hashlib, os, random, sys
from pathlib import Path
from datetime import date
from desktop.core.model import Interview, Role, CrimeType, YearMonth, Person
from desktop.vault import Vault
rnd = random.Random(int(sys.argv[2]))
v = Vault.unlock(Path(sys.argv[1]), "pw")
print("ready", flush=True)
while True:
    text = " ".join(f"w{rnd.randrange(10**6)}" for _ in range(rnd.randrange(20, 800)))
    iv = Interview(date(2026, 1, 5), Role.WITNESS, CrimeType.OTHER, "kent", YearMonth(2025, 12), statement=text,
                   people=[Person(f"P{rnd.randrange(10**6)}")])
    if rnd.random() < 0.2:
        v.interviews.add_many([iv])
    else:
        v.interviews.add(iv)
    print("ack", iv.id, hashlib.sha256(text.encode()).hexdigest(), flush=True)
"""


def test_sigkill_during_commits_loses_no_acknowledged_interview(tmp_path, rng):
    d = tmp_path / "vault"
    Vault.create(d, "pw", kdf=FAST_KDF).lock()
    acked: dict[str, str] = {}
    rnd = rng
    seed = rnd.randrange(10**9)
    kills = 0
    for i in range(32):
        proc = spawn(_ADDER, str(d), str(seed + i))
        # the kill comes after the child's first save is acknowledged (under load, 0.15 s after its "ready"
        # could come before any save, and the run would then test fewer saves than it claims)
        lines = _kill_after_first_ack(proc, rnd.uniform(0.0, 0.15), until="ack ")
        kills += 1
        for ln in lines:
            if ln.startswith("ack "):
                _, iid, digest = ln.split()
                acked[iid] = digest
        v = Vault.unlock(d, "pw")
        try:
            con = v.connection()
            assert [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"], f"seed {seed} kill {i}"
            assert con.execute("PRAGMA cipher_integrity_check").fetchall() == [], f"seed {seed} kill {i}"
            present = set(v.interviews.ids())
            missing = set(acked) - present
            assert not missing, f"seed {seed} kill {i}: {len(missing)} acknowledged interviews lost"
            # At most the one in flight when the kill came got in without an acknowledgement.
            assert len(present) - len(acked) <= i + 1
            for iid in rnd.sample(sorted(acked), min(5, len(acked))):
                stmt = v.interviews.get(iid).statement
                assert hashlib.sha256(stmt.encode()).hexdigest() == acked[iid]
            assert v.audit.verify()
        finally:
            v.lock()
    assert kills >= 30 and len(acked) >= kills


# --- T7: SIGKILL during a passphrase change ---------------------------------------------------------

_CHANGER = """
import sys
from pathlib import Path
from desktop.vault import Vault, WrongPassphrase
from tests.factories import FAST_KDF
from tests.reliability.children import ENV, REPO, spawn
d = Path(sys.argv[1])
kdf = FAST_KDF
try:
    v = Vault.unlock(d, "alpha"); current = "alpha"
except WrongPassphrase:
    v = Vault.unlock(d, "bravo"); current = "bravo"
print("now", current, flush=True)
while True:
    new = "bravo" if current == "alpha" else "alpha"
    v.change_passphrase(current, new, kdf=kdf)
    current = new
    print("now", current, flush=True)
"""


def _which_opens(d: Path) -> list[str]:
    opened = []
    for p in ("alpha", "bravo"):
        try:
            Vault.unlock(d, p).lock()
            opened.append(p)
        except WrongPassphrase:
            pass
    return opened


def test_sigkill_during_passphrase_change_leaves_exactly_one_that_opens(tmp_path, rng):
    d = tmp_path / "vault"
    v = Vault.create(d, "alpha", kdf=FAST_KDF)
    v.backup_now()
    v.lock()
    rnd = rng
    landed_in_flight = 0
    for i in range(30):
        proc = spawn(_CHANGER, str(d))
        lines = _kill_after_first_ack(proc, rnd.uniform(0.0, 0.15))
        last = [ln.split()[1] for ln in lines if ln.startswith("now ")][-1]
        opened = _which_opens(d)
        assert len(opened) == 1, f"kill {i}: {opened} open the vault"
        # It is the last acknowledged passphrase, or the one being set when the kill came (the new
        # slot had reached the disk before its acknowledgement was printed): both are allowed.
        landed_in_flight += opened[0] != last
        v = Vault.unlock(d, opened[0])
        try:
            assert [r[0] for r in v.connection().execute("PRAGMA integrity_check")] == ["ok"]
        finally:
            v.lock()
        assert not list(d.glob(f"{TEMP_PREFIX}*"))  # unlock swept any half-written slot
    assert landed_in_flight < 30


# --- T14: SIGKILL during atomic writes ----------------------------------------------------------------

_WRITER = """
import hashlib, importlib.util, os, random, sys
spec = importlib.util.spec_from_file_location("atomic", sys.argv[3])
atomic = importlib.util.module_from_spec(spec); spec.loader.exec_module(atomic)
target = sys.argv[1]
rnd = random.Random(int(sys.argv[2]))
n = int(open(target, "rb").read().split(b"\\n", 1)[0].split(b":")[0]) if os.path.exists(target) else 0
print("ready", n, flush=True)
while True:
    n += 1
    body = rnd.randbytes(rnd.randrange(1, 300_000))
    atomic.atomic_write(target, b"%d:%d:%s\\n" % (n, len(body), hashlib.sha256(body).hexdigest().encode()) + body)
    print("ack", n, flush=True)
"""


def _check_versioned(path: Path) -> int:
    raw = path.read_bytes()
    header, body = raw.split(b"\n", 1)
    n, size, digest = header.split(b":")
    assert int(size) == len(body) and hashlib.sha256(body).hexdigest().encode() == digest, "torn file"
    return int(n)


def test_sigkill_during_atomic_writes_never_leaves_a_torn_file(tmp_path, rng):
    target = tmp_path / "settings.bin"
    atomic_path = str(REPO / "desktop" / "files.py")
    rnd = rng
    last_acked = 0
    for i in range(60):
        proc = spawn(_WRITER, str(target), str(rnd.randrange(10**9)), atomic_path)
        lines = _kill_after_first_ack(proc, rnd.uniform(0.0, 0.08))
        acks = [int(ln.split()[1]) for ln in lines if ln.startswith("ack ")]
        if acks:
            last_acked = acks[-1]
        if target.exists():
            version = _check_versioned(target)
            assert version in (last_acked, last_acked + 1), f"kill {i}: version {version}, acked {last_acked}"
            last_acked = version
        remove_stale_temp_files(tmp_path)
        assert not list(tmp_path.glob(f"{TEMP_PREFIX}*"))
    assert last_acked > 60


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    target = folder / "keyslot.json"
    atomic_write(target, b"old")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as fh:
            fh.write(b"half of the new")
            raise RuntimeError("the writer failed mid-way")
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["keyslot.json"]
    assert target.stat().st_mode & 0o777 == 0o600


# --- T12: a full disk ----------------------------------------------------------------------------------

_FILLER = """
import json, os, resource, signal, sys
from pathlib import Path
from datetime import date
from desktop.core.model import Interview, Role, CrimeType, YearMonth
from desktop.vault import Vault, DiskFull
from tests.factories import FAST_KDF
from tests.reliability.children import ENV, REPO, spawn
from desktop.files import atomic_write
d = Path(sys.argv[1]); limit = int(sys.argv[2])
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
v = Vault.unlock(d, "pw")
acked, messages = [], {}
try:
    while True:
        iv = Interview(date(2026, 1, 5), Role.WITNESS, CrimeType.OTHER, "kent", YearMonth(2025, 12),
                       statement="word " * 4000)
        v.interviews.add(iv)
        acked.append(iv.id)
except DiskFull as exc:
    messages["add"] = str(exc)
try:
    v.drafts.save("editor", {"statement": "x" * 2_000_000})
except DiskFull as exc:
    messages["draft"] = str(exc)
try:
    v.change_passphrase("pw", "new", kdf=FAST_KDF)
except DiskFull as exc:
    messages["passwd"] = str(exc)
try:
    atomic_write(d / "export.bin", b"z" * (limit + 1))
except OSError as exc:
    messages["file"] = exc.errno
v.lock()
print(json.dumps({"acked": acked, "messages": messages}))
"""


def _fill(d: Path, limit: int, runner: list[str] | None = None) -> dict:
    argv = [*(runner or []), sys.executable, "-c", _FILLER, str(d), str(limit)]
    out = subprocess.run(argv, capture_output=True, text=True, env=ENV, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def _check_after_full(d: Path, result: dict, before: int) -> None:
    assert result["acked"], "nothing was written before the disk filled"
    assert "disk" in result["messages"]["add"].lower() and "nothing was saved" in result["messages"]["add"]
    try:
        v = Vault.unlock(d, "pw")
        assert "passwd" in result["messages"], "the passphrase changed but the change reported a failure"
    except WrongPassphrase:
        assert "passwd" not in result["messages"], "the passphrase change reported a failure but happened"
        v = Vault.unlock(d, "new")
    try:
        con = v.connection()
        assert [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"]
        assert con.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert set(result["acked"]) <= set(v.interviews.ids())
        assert v.interviews.count() in (before + len(result["acked"]), before + len(result["acked"]) + 1)
        assert v.drafts.load("editor") is None  # the draft that did not fit is not half-stored
        v.interviews.add(v.interviews.get(result["acked"][0]).__class__.from_dict(
            {**v.interviews.get(result["acked"][0]).to_dict(), "id": None, "reference": None}))
    finally:
        v.lock()
    assert not (d / "export.bin").exists()
    assert not list(d.glob(f"{TEMP_PREFIX}*"))


def test_file_size_limit_gives_a_clear_message_and_a_consistent_vault(tmp_path):
    """Injected: RLIMIT_FSIZE makes every write past the limit fail (EFBIG), as a full disk would."""
    d = tmp_path / "vault"
    v = Vault.create(d, "pw", kdf=FAST_KDF)
    v.interviews.add_many([])
    v.lock()
    limit = (d / "vault.db").stat().st_size + 300_000
    result = _fill(d, limit)
    assert "passwd" in result["messages"] or "draft" in result["messages"]
    assert result["messages"].get("file") in (27, 28)  # EFBIG / ENOSPC
    _check_after_full(d, result, before=0)


def _unshare_allowed() -> bool:
    found = shutil.which("unshare")
    return bool(found) and firewall._is_allowed_program(found)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="tmpfs in a user namespace is Linux only")
@pytest.mark.skipif(not _unshare_allowed(),
                    reason="'unshare' is not in conftest's TEST_PROGRAMS, so a real small tmpfs cannot be mounted; "
                           "the RLIMIT_FSIZE test above injects the same failure")
def test_real_full_tmpfs(tmp_path):  # pragma: no cover - runs where unshare is allowed
    d = tmp_path / "vault"
    Vault.create(d, "pw", kdf=FAST_KDF).lock()
    script = (
        f"mount -t tmpfs -o size=600k tmpfs {tmp_path}/mnt && cp -a {d} {tmp_path}/mnt/vault && "
        f"{sys.executable} -c \"$FILLER\" {tmp_path}/mnt/vault 0 && cp -a {tmp_path}/mnt/vault/. {d}/"
    )
    (tmp_path / "mnt").mkdir()
    out = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True,
                         env=dict(ENV, FILLER=_FILLER), timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    _check_after_full(d, json.loads(out.stdout.strip().splitlines()[-1]), before=0)


# --- SIGKILL during deletions ------------------------------------------------------------------------

_DELETER = """
import random, sys
from pathlib import Path
from datetime import date
from desktop.core.model import Interview, Role, CrimeType, YearMonth
from desktop.vault import Vault
rnd = random.Random(int(sys.argv[2]))
v = Vault.unlock(Path(sys.argv[1]), "pw")
print("ready", flush=True)
n = 0
while True:
    word = "zq%012x" % rnd.randrange(16**12)
    iv = Interview(date(2026, 1, 5), Role.WITNESS, CrimeType.OTHER, "kent", YearMonth(2025, 12),
                   statement=(word + " ") * 30)
    v.interviews.add(iv)
    print("added", iv.id, word, flush=True)
    n += 1
    if n % 7 == 0:
        v.backup_now()
    ids = v.interviews.ids()
    if len(ids) > 3:
        victim = rnd.choice(ids)
        v.interviews.delete(victim)
        print("deleted", victim, flush=True)
"""


def test_sigkill_during_deletions_never_leaves_a_deleted_interview_anywhere(tmp_path, rng):
    from tests.vault_forensics import contains, data_key, decrypted_pages

    d = tmp_path / "vault"
    v = Vault.create(d, "pw", kdf=FAST_KDF)
    # One backup from the start: on a busy machine a deleter may be killed before its own seventh
    # add, and the deletions must still be shown to reach a backup.
    v.interviews.add(Interview(date(2026, 1, 5), Role.WITNESS, CrimeType.OTHER, "kent", YearMonth(2025, 12),
                               statement="zqfirst000000 " * 30))
    v.backup_now()
    v.lock()
    key = data_key(d, "pw")
    rnd = rng
    words: dict[str, str] = {}
    deleted: set[str] = set()
    for i in range(12):
        proc = spawn(_DELETER, str(d), str(rnd.randrange(10**9)))
        lines = _kill_after_first_ack(proc, rnd.uniform(0.05, 0.3))
        for ln in lines:
            parts = ln.split()
            if parts[0] == "added":
                words[parts[1]] = parts[2]
            elif parts[0] == "deleted":
                deleted.add(parts[1])
        v = Vault.unlock(d, "pw")  # finishes any backup clean-up the kill cut short
        try:
            present = set(v.interviews.ids())
            assert not (present & deleted), f"kill {i}: an acknowledged deletion came back"
            assert [r[0] for r in v.connection().execute("PRAGMA integrity_check")] == ["ok"]
        finally:
            v.lock()
        gone = {iid for iid in words if iid not in present}  # acknowledged, or in flight at the kill
        for b in Vault.backups(d):
            pages = decrypted_pages(b / "vault.db", key)
            leftover = [iid for iid in gone if contains(pages, words[iid])]
            assert leftover == [], f"kill {i}: deleted interviews still in a backup"
    assert deleted and Vault.backups(d)


# --- SIGKILL right after the main slot of a passphrase change is written ----------------------------

_CHANGE_THEN_DIE = """
import os, signal, sys
from pathlib import Path
from desktop.vault import Vault
from tests.factories import FAST_KDF
from tests.reliability.children import ENV, REPO, spawn
from desktop.vault import backup
d = Path(sys.argv[1])
def die(*args, **kwargs):  # the hook point: the new main slot is on disk, the backups' copies are not
    print("main slot written", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
v = Vault.unlock(d, "alpha")
backup.rewrite_slots = die  # armed after the unlock, which brings the copies up to date itself
v.change_passphrase("alpha", "bravo", kdf=FAST_KDF)
print("the change returned", flush=True)
"""


def _backup_slot_opens(folder: Path, passphrase: str) -> bool:
    from desktop.vault.keyslot import KeySlot

    try:
        KeySlot.from_bytes((folder / "keyslot.json").read_bytes()).open(passphrase)
    except WrongPassphrase:
        return False
    return True


def test_sigkill_after_the_main_slot_is_replaced_the_next_unlock_finishes_the_change(tmp_path):
    d = tmp_path / "vault"
    v = Vault.create(d, "alpha", kdf=FAST_KDF)
    v.backup_now()
    v.backup_now()
    v.lock()
    proc = spawn(_CHANGE_THEN_DIE, str(d))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, err[-2000:]
    assert out.splitlines() == ["main slot written"]
    backups = Vault.backups(d)
    assert len(backups) == 2
    # The state the kill left: the vault is on the new passphrase, its backups still on the old one.
    assert all(_backup_slot_opens(b, "alpha") for b in backups)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(d, "alpha")

    Vault.unlock(d, "bravo").lock()  # the next unlock finishes the job
    for b in backups:
        assert _backup_slot_opens(b, "bravo") and not _backup_slot_opens(b, "alpha")
        assert (b / "keyslot.json").read_bytes() == (d / "keyslot.json").read_bytes()
    # A restore brings back a vault that the old passphrase does not open either.
    (d / "vault.db").write_bytes(b"")
    Vault.restore_backup(d, backups[0])
    Vault.unlock(d, "bravo").lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(d, "alpha")
