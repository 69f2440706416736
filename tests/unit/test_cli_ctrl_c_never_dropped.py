"""Ctrl-C stops a command wherever it lands, with one line and no traceback.

Sent to ``export-statements`` over and over at slightly different moments, now and then a Ctrl-C
landed while Python ran a weak reference's callback during garbage collection: Python cannot raise
it there, so it printed "Exception ignored in: ... Traceback ... KeyboardInterrupt", dropped it, and
the export went on to write every statement and exit 0. The tests make a Ctrl-C land exactly there:
a real SIGINT sent to the process from inside a callback that Python runs where it cannot raise
(a weak reference's callback; the garbage collector's callback during a real command)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_driver import LINE_A

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a real SIGINT to the process")

_IN_A_CALLBACK = """
import os, signal, weakref
from desktop.core.interrupts import interrupts_never_dropped
signal.signal(signal.SIGINT, signal.default_int_handler)
class Held:
    pass
def landed(_ref):
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C comes while the callback runs
    for _ in range(1000):  # and Python acts on it here, where it cannot raise it
        pass
try:
    with interrupts_never_dropped():
        held = Held()
        ref = weakref.ref(held, landed)
        del held  # the callback runs now
        for _ in range(300_000_000):  # the command going on: seconds, unless it stops
            pass
    print("went on to the end")
except KeyboardInterrupt:
    print("interrupted")
"""

# A real command on a real vault; once a file matching WATCH is there, the garbage collector's next
# pass that Ctrl-C is not held in sends it from its callback, where Python cannot raise it.
_IN_A_COMMAND = """
import gc, glob, os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
fired = []
def collecting(phase, _info):
    if phase != "start" or fired or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return  # (a Ctrl-C while a statement and its audit entry are written is held, and acted on after)
    if glob.glob(os.environ["WATCH"]):
        fired.append(1)
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):
            pass
gc.callbacks.append(collecting)
gc.set_threshold(5)  # a pass every few allocations: one comes soon after the file appears
from desktop.__main__ import main
code = main(sys.argv[1:])
print("fired" if fired else "never fired", file=sys.stderr)
sys.exit(code)
"""


def _interrupted(cli, tmp_path: Path, watch: str, *argv: str) -> subprocess.CompletedProcess:
    env = dict(ENV, WATCH=watch, XDG_DATA_HOME=str(tmp_path / "xdg"), XDG_STATE_HOME=str(tmp_path / "xdg"),
               XDG_CONFIG_HOME=str(tmp_path / "xdg"), XDG_CACHE_HOME=str(tmp_path / "xdg"))
    return subprocess.run(
        [sys.executable, "-c", _IN_A_COMMAND, *argv, "--vault", str(cli.vault), "--passphrase-file", str(cli.pw)],
        capture_output=True, text=True, env=env, timeout=300, cwd=REPO,
    )


@linux
def test_a_ctrl_c_that_lands_in_a_callback_stops_the_work_and_prints_nothing():
    done = subprocess.run([sys.executable, "-c", _IN_A_CALLBACK], capture_output=True, text=True, env=ENV,
                          timeout=120, cwd=REPO)
    assert (done.returncode, done.stdout, done.stderr) == (0, "interrupted\n", "")


@linux
def test_ctrl_c_during_a_real_export_ends_it_in_one_line_with_exit_130(cli, tmp_path):
    lines = [dict(LINE_A, statement=f"{LINE_A['statement']} It happened on the {n}th visit.") for n in range(4, 9)]
    code, _out, err = cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", *lines)))
    assert code == 0, err
    out = tmp_path / "statements"
    done = _interrupted(cli, tmp_path, str(out / "*.pdf"), "export-statements", "--all", "--out", str(out))
    assert done.stderr == "witnessbox: interrupted\nfired\n", done.stderr
    assert done.returncode == 130 and done.stdout == ""
    written = sorted(p.name for p in out.iterdir())
    # whole files only (on a loaded machine the last statements may be done before the Ctrl-C comes through)
    assert 1 <= len(written) <= len(lines) and all(n.endswith(".pdf") for n in written)


@linux
@pytest.mark.parametrize("watch", ["Witnessbox-backup-*", "Witnessbox-backup-*/vault.db"],
                         ids=["after-the-folder", "after-the-database"])
def test_ctrl_c_during_a_backup_to_a_stick_leaves_no_empty_or_half_copy_there(cli, tmp_path, watch):
    code, _out, err = cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", LINE_A)))
    assert code == 0, err
    stick = tmp_path / "stick"
    stick.mkdir()
    done = _interrupted(cli, tmp_path, str(stick / watch), "backup", "--to", str(stick))
    assert done.stderr == "witnessbox: interrupted\nfired\n", done.stderr
    assert done.returncode == 130
    # an empty copy, or one without its key file, is never left; one finished before the Ctrl-C came
    # through is whole (and a whole, verified copy may stay: it is a good backup)
    copies = list(stick.iterdir())
    assert all(sorted(p.name for p in copy.iterdir()) == ["keyslot.json", "vault.db"] for copy in copies), copies
