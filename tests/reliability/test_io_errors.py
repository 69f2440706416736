"""I/O errors injected into real writes with libfiu (T13).

The child runs under ``fiu-run -x`` (libfiu's POSIX preload). Once it is ready, the parent turns on
random failures of ``write``/``pwrite``/``fsync``/``fdatasync`` with ``fiu-ctrl``. Faults are turned
on only after start-up: failing writes while Python starts would break its own imports. A failed call
returns an error (EIO, ENOSPC, EFBIG, EROFS, ...) without writing anything. The child reports on
standard output and retries its own report if that write is the one that fails.

* The atomic writer: 300 writes, each checked by the child right after the call. A returned write
  left the new file, a failed one left the old or the new one (never a torn one), and there is
  never a temp file.
* The vault: interviews added while faults fire. Every failure is a :class:`VaultError` with a plain
  message, never another exception. The vault keeps working after one. With the faults off, every
  acknowledged interview is there and the database passes both integrity checks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from desktop import firewall
from desktop.vault import Vault
from tests.factories import FAST_KDF

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
FAULTS = ("posix/io/rw/write", "posix/io/rw/pwrite", "posix/io/sync/fsync", "posix/io/sync/fdatasync")


def _fiu_usable() -> bool:
    found = [shutil.which(p) for p in ("fiu-run", "fiu-ctrl")]
    return all(found) and all(firewall._is_allowed_program(p) for p in found) and os.path.isdir("/usr/lib/fiu")


pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="libfiu's POSIX preload is Linux only here"),
    pytest.mark.skipif(not _fiu_usable(), reason="needs fiu-run/fiu-ctrl (Debian fiu-utils, in .ci/run) on PATH and "
                       "in conftest's TEST_PROGRAMS"),
]

_SAY = r"""
import os
def say(text):
    data = (text + "\n").encode()
    while True:
        try:
            os.write(1, data)
            return
        except OSError:  # the injected fault hit the report itself: nothing was written, try again
            pass
"""


class Faulty:
    """A child under fiu-run that the parent switches faults on and off in."""

    def __init__(self, tmp_path: Path, code: str, *args: str) -> None:
        self.ctl = str(tmp_path / "fiu-ctrl")
        self.proc = subprocess.Popen(["fiu-run", "-x", "-f", self.ctl, sys.executable, "-c", _SAY + code, *args],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=ENV)
        first = self.proc.stdout.readline().strip()
        assert first == "ready", first + self.proc.stderr.read()[-2000:]

    def faults(self, on: bool, probability: float = 0.0) -> None:
        cmds = []
        for name in FAULTS:
            cmds += ["-c", f"enable_random name={name},probability={probability}" if on else f"disable name={name}"]
        subprocess.run(["fiu-ctrl", "-f", self.ctl, *cmds, str(self.proc.pid)], check=True, timeout=30,
                       capture_output=True)
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def lines_until(self, last: str) -> list[str]:
        lines = []
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise AssertionError("the child stopped: " + self.proc.stderr.read()[-3000:])
            if line.strip() == last:
                return lines
            lines.append(line.strip())

    def finish(self) -> None:
        _out, err = self.proc.communicate(timeout=60)
        assert self.proc.returncode == 0, err[-3000:]


_WRITER = r"""
import hashlib, importlib.util, random, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("atomic", sys.argv[3])
atomic = importlib.util.module_from_spec(spec); spec.loader.exec_module(atomic)
target = Path(sys.argv[1]); rnd = random.Random(int(sys.argv[2]))

def version():
    try:
        header, body = target.read_bytes().split(b"\n", 1)
        n, size, digest = header.split(b":")
        if int(size) == len(body) and hashlib.sha256(body).hexdigest().encode() == digest:
            return int(n)
    except (OSError, ValueError):
        pass
    return "torn"

atomic.atomic_write(target, b"0:0:" + hashlib.sha256(b"").hexdigest().encode() + b"\n")
say("ready")
sys.stdin.readline()
for n in range(1, 301):
    body = rnd.randbytes(rnd.randrange(1, 200_000))
    try:
        atomic.atomic_write(target, b"%d:%d:%s\n" % (n, len(body), hashlib.sha256(body).hexdigest().encode()) + body)
        outcome = "ok"
    except OSError as exc:
        outcome = "err%d" % exc.errno
    temps = len(list(target.parent.glob(atomic.TEMP_PREFIX + "*")))
    say(f"{outcome} {n} {version()} {temps}")
say("done")
"""


def test_injected_write_and_fsync_errors_never_tear_a_file_or_leave_a_temp_file(tmp_path, record_property, rng):
    folder = tmp_path / "vault"
    folder.mkdir()
    seed = rng.randrange(10**9)
    child = Faulty(tmp_path, _WRITER, str(folder / "keyslot.json"), str(seed), str(REPO / "desktop/files.py"))
    child.faults(True, 0.05)
    lines = child.lines_until("done")
    child.finish()

    outcomes: Counter[str] = Counter()
    current = 0
    unknown_but_new = 0
    for line in lines:
        outcome, n, found, temps = line.split()
        n = int(n)
        assert found != "torn", f"seed {seed}: write {n} left a torn file"
        assert temps == "0", f"seed {seed}: write {n} left a temp file"
        found = int(found)
        if outcome == "ok":
            assert found == n, f"seed {seed}: write {n} returned but the file holds version {found}"
        else:
            assert found in (current, n), f"seed {seed}: failed write {n} left version {found}, not {current} or {n}"
            unknown_but_new += found == n  # the rename had happened: why a failure means "unknown"
        current = found
        outcomes[outcome[:3]] += 1
    assert len(lines) == 300
    assert outcomes["err"] >= 5 and outcomes["ok"] >= 100, f"seed {seed}: {outcomes} (faults did not fire?)"
    assert sorted(p.name for p in folder.iterdir()) == ["keyslot.json"]
    record_property("failed writes that had already replaced the file", unknown_but_new)


_ADDER = r"""
import sys
from datetime import date
from pathlib import Path
from desktop.core.model import Interview, Role, CrimeType, YearMonth
from desktop.vault import Vault, VaultError
v = Vault.unlock(Path(sys.argv[1]), "pw")
say("ready")
sys.stdin.readline()
for n in range(150):
    iv = Interview(date(2026, 1, 5), Role.WITNESS, CrimeType.OTHER, "kent", YearMonth(2025, 12),
                   statement=f"statement {n} " * 200)
    try:
        v.interviews.add(iv)
        say(f"ok {iv.id}")
    except VaultError as exc:
        say(f"vaulterror {type(exc).__name__} {len(str(exc))}")
    except Exception as exc:
        say(f"other {type(exc).__name__}")
say("done")
sys.stdin.readline()
v.lock()
"""


def test_injected_io_errors_while_adding_interviews_lose_nothing_acknowledged(tmp_path):
    d = tmp_path / "vault"
    Vault.create(d, "pw", kdf=FAST_KDF).lock()
    child = Faulty(tmp_path, _ADDER, str(d))
    child.faults(True, 0.01)
    lines = child.lines_until("done")
    child.faults(False)
    child.finish()

    kinds = [ln.split()[0] for ln in lines]
    assert "other" not in kinds, [ln for ln in lines if ln.startswith("other")]
    assert kinds.count("vaulterror") >= 3 and kinds.count("ok") >= 50, Counter(kinds)
    first_error = kinds.index("vaulterror")
    assert "ok" in kinds[first_error:], "the vault did not keep working after an I/O error"
    acked = {ln.split()[1] for ln in lines if ln.startswith("ok")}

    v = Vault.unlock(d, "pw")
    try:
        con = v.connection()
        assert [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"]
        assert con.execute("PRAGMA cipher_integrity_check").fetchall() == []
        present = set(v.interviews.ids())
        assert acked <= present, f"{len(acked - present)} acknowledged interviews lost"
        assert len(present) - len(acked) <= kinds.count("vaulterror")  # a failed commit may have landed
        assert v.audit.verify()
    finally:
        v.lock()
