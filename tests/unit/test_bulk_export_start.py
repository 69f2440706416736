"""``witnessbox export-statements`` starts the workers' fork server as early as it is sound to: once the
passphrase has opened the vault and the vault holds enough interviews for the workers to be used, and
before the command imports the statement path itself (both need that half-second import). A wrong
passphrase, or too few statements, starts nothing; a Ctrl-C while the fork server is still importing
ends the command with its one line, no traceback from any of its processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.cli import Context, run
from desktop.services import pool, statements
from desktop.vault import Vault
from tests.factories import FAST_KDF, sample_interview

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO))
linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is used on Linux")
two_cores = pytest.mark.skipif(pool.cores() < 2, reason="the workers are used on two cores or more")


def _vault(tmp_path: Path, n: int) -> Path:
    d = tmp_path / "vault"
    v = Vault.create(d, "correct horse", kdf=FAST_KDF)
    try:
        v.interviews.add_many([sample_interview(reference=f"WB-START-{k:04d}", id=f"{k + 1:032x}") for k in range(n)])
    finally:
        v.lock()
    (tmp_path / "pass").write_text("correct horse\n")
    (tmp_path / "wrong").write_text("not the passphrase\n")
    return d


def _argv(tmp_path: Path, vault: Path, passphrase: str = "pass") -> list[str]:
    return [
        "export-statements",
        "--all",
        "--out",
        str(tmp_path / "out"),
        "--vault",
        str(vault),
        "--passphrase-file",
        str(tmp_path / passphrase),
        "--json",
    ]


@pytest.fixture
def starts(fork_server_starts) -> list[int]:
    """Each start of a fork server during the test (the lock at a command's end stops it again)."""
    return fork_server_starts


def _run(argv, app_paths, capsys):
    code = run(argv, Context(paths=app_paths, stdin=None, stdout=sys.stdout, stderr=sys.stderr))
    out, err = capsys.readouterr()
    return code, out, err


@linux
@two_cores
def test_a_wrong_passphrase_starts_no_worker_and_says_so_in_one_line(tmp_path, app_paths, capsys, starts):
    vault = _vault(tmp_path, statements.POOL_FROM + 2)
    code, out, err = _run(_argv(tmp_path, vault, "wrong"), app_paths, capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("witnessbox: ") and "Traceback" not in err
    assert starts == [], "no fork server was started for a vault that did not open"
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@linux
@two_cores
def test_fewer_statements_than_the_pool_takes_start_no_worker(tmp_path, app_paths, capsys, starts):
    vault = _vault(tmp_path, statements.POOL_FROM - 1)
    code, out, err = _run(_argv(tmp_path, vault), app_paths, capsys)
    assert code == 0, err
    assert len(json.loads(out)["written"]) == statements.POOL_FROM - 1
    assert starts == [], "made in this process: no fork server started"


# The command in a child process, with the fork server's start recorded: was the statement path
# already imported by then?
_ORDER = r"""
import json, sys
import multiprocessing.forkserver as fs
seen = []
real = fs.ensure_running
def ensure_running():
    seen.append("desktop.services.statements" in sys.modules)
    return real()
fs.ensure_running = ensure_running
from desktop.cli import Context
from desktop.cli import run
from desktop.paths import AppPaths
paths = AppPaths.under(sys.argv[1])
paths.ensure()
code = run(sys.argv[2:], Context(paths=paths, stdin=None, stdout=sys.stdout, stderr=sys.stderr))
sys.stderr.write(json.dumps({"code": code, "statement_path_imported_at_each_start": seen}) + "\n")
"""


@linux
@two_cores
def test_the_fork_server_starts_before_the_command_imports_the_statement_path(tmp_path):
    vault = _vault(tmp_path, statements.POOL_FROM)
    done = subprocess.run(
        [sys.executable, "-c", _ORDER, str(tmp_path / "app"), *_argv(tmp_path, vault)],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    seen = json.loads(done.stderr.strip().splitlines()[-1])
    assert seen["code"] == 0, done.stderr
    assert len(json.loads(done.stdout)["written"]) == statements.POOL_FROM
    assert seen["statement_path_imported_at_each_start"][:1] == [False], (
        "the fork server imports the statement path while this process does"
    )


def _session(sid: int) -> dict[int, str]:
    """The processes of session ``sid`` and their command lines."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == sid:
                found[int(stat.parent.name)] = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue
    return found


def _importing(processes: dict[int, str]) -> bool:
    """A fork server among ``processes`` has loaded the regular-expression engine: it is in the middle
    of importing the statement path (detection's modules come first, the drawing's after)."""
    for pid, cmd in processes.items():
        if "multiprocessing.forkserver" in cmd:
            try:
                return "_regex" in Path(f"/proc/{pid}/maps").read_text()
            except OSError:
                return False
    return False


def _default_sigint() -> None:  # a shell's background job may hand down Ctrl-C ignored
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@linux
@two_cores
def test_ctrl_c_while_the_fork_server_imports_ends_every_process_without_a_traceback(tmp_path):
    """A Ctrl-C in a terminal reaches every process of the command's group: the fork server, still
    importing the statement path, printed a traceback of its own before the command's one line."""
    vault = _vault(tmp_path, statements.POOL_FROM + 2)
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", *_argv(tmp_path, vault)],
        env=ENV,
        cwd=str(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + 120
    try:
        while not _importing(_session(child.pid)):
            assert child.poll() is None and time.monotonic() < deadline, "the fork server never started"
            time.sleep(0.005)
        os.killpg(child.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
        _out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    assert child.returncode == 130 and "interrupted" in err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    while _session(child.pid):  # the fork server and the resource tracker end with the command
        assert time.monotonic() < deadline, _session(child.pid)
        time.sleep(0.05)


@linux
@two_cores
def test_warming_the_workers_ahead_starts_them_only_for_an_export_that_will_use_them(starts):
    """``statements.warm_workers(count)``, called as soon as an export's size is known (the app's export
    dialog, the evidence pack): the same rule as the command's, enough statements for the workers."""
    assert statements.warm_workers(statements.POOL_FROM - 1) is False
    assert starts == [], "too few statements for the workers: nothing started"
    assert statements.warm_workers(statements.POOL_FROM) is True
    assert len(starts) == 1 and starts[0] is not None
    assert statements.warm_workers(statements.POOL_FROM + 5) is True
    assert starts == [starts[0]] * 2, "one fork server, not a second"
