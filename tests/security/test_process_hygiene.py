"""What the running process holds and does (T8 key hygiene, T37 process hardening, T30 strace).

All three look at a real child process from outside Python's own view of itself:

* T8: the child unlocks, works, changes the passphrase and locks, then reads its own memory
  (``/proc/self/maps`` + ``/proc/self/mem``, which works even though ``main()`` makes the process
  non-dumpable) and streams it to the parent, which looks for the keys. The keys are never given to
  the child, so it cannot hold a copy made by the test.
* T37: after ``main()`` the core-dump limit is 0 and the process is not dumpable.
* T30: ``strace -f`` records every socket system call of a headless workflow (self-test, add,
  search, export a statement): none may be for an internet or packet socket.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from desktop import firewall
from desktop.vault import Vault
from desktop.vault.keyslot import KeySlot
from tests.factories import FAST_KDF, named_interview

LINUX = sys.platform.startswith("linux")
REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")

# --- T8: key hygiene after lock -----------------------------------------------------------------------

# The child streams every readable mapping of its own memory to standard output.
_DUMP = r"""
out = os.fdopen(sys.stdout.fileno(), "wb", buffering=0)
buf = bytearray(1 << 20)
view = memoryview(buf)
with open("/proc/self/maps") as fh:
    regions = fh.read().splitlines()
with open("/proc/self/mem", "rb", buffering=0) as mem:
    for line in regions:
        fields = line.split()
        if fields[1][0] != "r" or fields[-1] in ("[vvar]", "[vvar_vclock]", "[vsyscall]"):
            continue
        start, end = (int(x, 16) for x in fields[0].split("-"))
        while start < end:
            try:
                mem.seek(start)
                got = mem.readinto(view[: min(len(buf), end - start)])
            except OSError:
                break
            if not got:
                break
            out.write(view[:got])
            start += got
"""

# Unlock, search, back up, change the passphrase, unlock again; then lock (or not: the control).
_DUMPER = r"""
import gc, os, sys
from pathlib import Path
from desktop.__main__ import _harden_process
from desktop.vault import Vault
from tests.factories import FAST_KDF
_harden_process()  # as main() does: the scan must work on a non-dumpable process
d, when = Path(sys.argv[1]), sys.argv[2]
old = sys.stdin.readline().rstrip("\n")
new = sys.stdin.readline().rstrip("\n")
v = Vault.unlock(d, old)
v.interviews.search("statement")
v.backup_now()
v.change_passphrase(old, new, kdf=FAST_KDF)
v.lock()
v = Vault.unlock(d, new)
v.interviews.ids()
if when == "locked":
    v.lock()
    del v
del old, new
gc.collect()

""" + _DUMP

# Create a vault, add an interview, lock.
_CREATOR = r"""
import gc, os, sys
from datetime import date
from pathlib import Path
from desktop.__main__ import _harden_process
from desktop.core.model import CrimeType, Interview, Role, YearMonth
from desktop.vault import Vault
from tests.factories import FAST_KDF
_harden_process()
d = Path(sys.argv[1])
passphrase = sys.stdin.readline().rstrip("\n")
v = Vault.create(d, passphrase, kdf=FAST_KDF)
v.interviews.add(Interview(date(2026, 1, 5), Role.WITNESS, CrimeType.OTHER, "kent", YearMonth(2025, 12),
                           statement="a new statement"))
v.lock()
del v, passphrase
gc.collect()
""" + _DUMP


def _memory_after(tmp_path: Path, when: str) -> dict:
    """Run the dumper on a fresh vault; returns the child's memory and the keys it must not hold."""
    d = tmp_path / f"vault-{when}"
    old, new = f"first-{uuid.uuid4().hex}", f"second-{uuid.uuid4().hex}"
    canary = f"CANARY-{uuid.uuid4()}"
    v = Vault.create(d, old, kdf=FAST_KDF)
    v.interviews.add(named_interview(f"statement {canary}"))
    v.lock()
    first = KeySlot.from_bytes((d / "keyslot.json").read_bytes())
    proc = subprocess.run([sys.executable, "-c", _DUMPER, str(d), when], input=f"{old}\n{new}\n".encode(),
                          capture_output=True, env=ENV, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-3000:]
    assert len(proc.stdout) > 10_000_000, "the child could not read its own memory"
    second = KeySlot.from_bytes((d / "keyslot.json").read_bytes())
    dek = bytes(second.open(new))
    assert dek == bytes(first.open(old))
    return {
        "memory": proc.stdout,
        "keys": {
            "data key": dek,
            "data key as hex": dek.hex().encode(),
            "data key as HEX": dek.hex().upper().encode(),
            "old passphrase key": bytes(first.kdf.derive_key(old, first.salt)),
            "new passphrase key": bytes(second.kdf.derive_key(new, second.salt)),
        },
        "passphrases": {"old": old.encode(), "new": new.encode()},
        "canary": canary.encode(),
    }


@pytest.mark.skipif(not LINUX, reason="reads /proc/self/mem (Linux)")
def test_after_lock_neither_key_is_in_the_process_memory(tmp_path, record_property):
    # The scan can see a key: while the vault is open the data key is there.
    unlocked = _memory_after(tmp_path, "unlocked")
    assert unlocked["memory"].count(unlocked["keys"]["data key"]) >= 1, "the scan cannot see a live key"

    locked = _memory_after(tmp_path, "locked")
    found = {name: locked["memory"].count(key) for name, key in locked["keys"].items()}
    assert found == dict.fromkeys(found, 0), f"key material left in memory after lock: {found}"
    # Tracked, not asserted: interview text lives in Python strings, which cannot be wiped.
    record_property("record canary copies after lock", locked["memory"].count(locked["canary"]))


@pytest.mark.skipif(not LINUX, reason="reads /proc/self/mem (Linux)")
def test_after_creating_and_locking_a_vault_neither_key_is_in_the_process_memory(tmp_path):
    d = tmp_path / "vault-created"
    passphrase = f"new-vault-{uuid.uuid4().hex}"
    proc = subprocess.run([sys.executable, "-c", _CREATOR, str(d)], input=f"{passphrase}\n".encode(),
                          capture_output=True, env=ENV, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-3000:]
    assert len(proc.stdout) > 10_000_000, "the child could not read its own memory"
    slot = KeySlot.from_bytes((d / "keyslot.json").read_bytes())
    dek = bytes(slot.open(passphrase))
    keys = {"data key": dek, "data key as hex": dek.hex().encode(),
            "passphrase key": bytes(slot.kdf.derive_key(passphrase, slot.salt))}
    found = {name: proc.stdout.count(key) for name, key in keys.items()}
    assert found == dict.fromkeys(found, 0), f"key material left in memory after lock: {found}"


@pytest.mark.skipif(not LINUX, reason="reads /proc/self/mem (Linux)")
@pytest.mark.xfail(strict=False, raises=AssertionError,
                   reason="the passphrase arrives as a Python str (the vault API takes str, as do getpass and the "
                   "passphrase file); str is immutable and its freed copies cannot be wiped. Only its UTF-8 form "
                   "is made in a wiped buffer. Not strict: a freed copy may or may not be reused.")
def test_after_lock_the_passphrase_is_not_in_the_process_memory(tmp_path, record_property):
    locked = _memory_after(tmp_path, "locked")
    found = {name: locked["memory"].count(p) for name, p in locked["passphrases"].items()}
    record_property("passphrase copies after lock", json.dumps(found))
    assert found == {"old": 0, "new": 0}, f"passphrase copies after lock: {found}"


# --- T37: process hardening -----------------------------------------------------------------------------

_HARDENED = r"""
import ctypes, json, resource, sys
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
if hard != 0:
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))  # as permissive as this machine allows
libc = ctypes.CDLL(None)
before = {"core": list(resource.getrlimit(resource.RLIMIT_CORE)), "dumpable": libc.prctl(3, 0, 0, 0, 0)}
from desktop.__main__ import main
code = main(["--version"])
after = {"core": list(resource.getrlimit(resource.RLIMIT_CORE)), "dumpable": libc.prctl(3, 0, 0, 0, 0)}
print(json.dumps({"code": code, "before": before, "after": after}))
"""


@pytest.mark.skipif(not LINUX, reason="RLIMIT_CORE and prctl(PR_GET_DUMPABLE) as on Linux; Windows needs a DACL check")
def test_main_disables_core_dumps_and_makes_the_process_non_dumpable(tmp_path):
    env = dict(ENV, XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", _HARDENED], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["code"] == 0
    assert got["before"]["dumpable"] == 1, "the child started non-dumpable: the check would prove nothing"
    assert got["after"] == {"core": [0, 0], "dumpable": 0}


# --- T30: no internet socket at the system-call level ------------------------------------------------------

STRACE = shutil.which("strace")
_FAMILIES = ("AF_INET", "AF_INET6", "AF_PACKET")
_TRACED_CALLS = "socket,socketpair,connect,bind,sendto,sendmsg"

_WORKFLOW = r"""
import json, sys
from pathlib import Path
from desktop.__main__ import main
from desktop.paths import AppPaths
root, vault, pw, jsonl, out = sys.argv[1:6]
paths = AppPaths.under(Path(root))
common = ["--vault", vault, "--passphrase-file", pw]
codes = [main(["self-test"], paths=paths),
         main(["add", "--from", jsonl, *common], paths=paths),
         main(["search", "officer", *common], paths=paths),
         main(["list", "--json", *common], paths=paths)]
from desktop.vault import Vault
v = Vault.unlock(Path(vault), Path(pw).read_text().strip())
first = v.interviews.ids()[0]
v.lock()
codes.append(main(["export-statement", first, "--out", out, *common], paths=paths))
print(json.dumps(codes))
"""


def _strace(tmp_path: Path, argv: list[str], name: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    trace = tmp_path / f"{name}.strace"
    proc = subprocess.run([STRACE, "-f", "-qq", "-e", f"trace={_TRACED_CALLS}", "-o", str(trace), *argv],
                          capture_output=True, text=True, env=ENV, timeout=180)
    if "Operation not permitted" in proc.stderr and "ptrace" in proc.stderr.lower():
        pytest.skip("strace cannot trace here (ptrace is not permitted in this container)")
    return proc, trace.read_text().splitlines() if trace.exists() else []


def _strace_allowed() -> bool:
    return bool(STRACE) and firewall._is_allowed_program(STRACE)


@pytest.mark.skipif(not LINUX, reason="strace is Linux only")
@pytest.mark.skipif(not _strace_allowed(), reason="needs strace (Debian package, in .ci/run) on PATH and in "
                    "conftest's TEST_PROGRAMS")
def test_a_headless_workflow_makes_no_internet_socket_system_call(tmp_path):
    # The trace can fail: a plain Python making an internet socket shows up in it.
    proc, control = _strace(tmp_path, [sys.executable, "-c",
                                       "import socket; socket.socket(socket.AF_INET6, socket.SOCK_DGRAM).close()"],
                            "control")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert any("AF_INET6" in ln for ln in control), control

    vault = tmp_path / "vault"
    pw = tmp_path / "pass.txt"
    pw.write_text("correct horse\n")
    Vault.create(vault, "correct horse", kdf=FAST_KDF).lock()
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({
        "interviewed_on": "2026-01-05", "role": "victim", "crime_type": "domestic_abuse", "force": "kent",
        "reported_on": "2025-12", "statement": "The officer asked Amina Khan for her papers.",
        "people": [{"name": "Amina Khan", "role": "interviewee", "aliases": []}], "identifiers": [],
        "consent": {"complaint": True, "quotation": False, "contact": False},
    }) + "\n")
    out = tmp_path / "out"
    out.mkdir()
    proc, lines = _strace(tmp_path, [sys.executable, "-c", _WORKFLOW, str(tmp_path / "app"), str(vault), str(pw),
                                     str(jsonl), str(out)], "workflow")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == [0, 0, 0, 0, 0], proc.stdout + proc.stderr[-2000:]
    assert list(out.glob("*.pdf")), "the export did not happen, so it was not traced"
    offending = [ln for ln in lines if any(f in ln for f in _FAMILIES)]
    assert offending == [], offending[:10]


_GUI = r"""
import sys
from pathlib import Path
from desktop.__main__ import main  # importing it installs the offline guard first
from desktop.app import Application
from desktop.paths import AppPaths
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

# The same QApplication class run_gui() builds, made here only so that a timer can end the event
# loop after the window has been up for two seconds; run_gui() takes the existing instance.
app = Application(sys.argv[:1])
shown = []
def stop():
    shown.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
    app.quit()
QTimer.singleShot(2000, stop)
code = main([], paths=AppPaths.under(Path(sys.argv[1])))
print(code, shown)
"""


@pytest.mark.skipif(not LINUX, reason="strace is Linux only")
@pytest.mark.skipif(not _strace_allowed(), reason="needs strace (Debian package, in .ci/run) on PATH and in "
                    "conftest's TEST_PROGRAMS")
def test_the_desktop_app_starting_makes_no_internet_socket_system_call(tmp_path):
    """Qt's own C++ code is out of reach of the Python audit hook: only the system calls show it."""
    proc, lines = _strace(tmp_path, [sys.executable, "-c", _GUI, str(tmp_path / "app")], "gui")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().splitlines()[-1] == "0 ['Witnessbox']", proc.stdout[-500:]
    offending = [ln for ln in lines if any(f in ln for f in _FAMILIES)]
    assert offending == [], offending[:10]
