"""The bulk export's fork server and workers do not outlive their use: locking the vault stops them
(at once, or as soon as a pool still working ends), so does a while without a pool, and the next
bulk export starts them again."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from desktop.services import pool, statements
from tests.factories import new_vault, sample_interview

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is used on Linux")


def probe(_job: object) -> tuple[int, int]:
    """In a worker: this worker and the process that forked it (the fork server)."""
    return os.getpid(), os.getppid()


def _alive(pid: int) -> bool:
    """A process that runs (a zombie nobody reaped yet counts as still there)."""
    return Path(f"/proc/{pid}").exists()


def _children() -> dict[int, str]:
    """This process's child processes and their command lines."""
    found = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            pids = (task / "children").read_text().split()
        except OSError:
            continue
        for pid in pids:
            try:
                found[int(pid)] = (Path("/proc") / pid / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
    return found


def _ours(children: dict[int, str]) -> dict[int, str]:
    """The multiprocessing processes among them: a fork server, a resource tracker, a worker."""
    return {pid: cmd for pid, cmd in children.items() if "multiprocessing" in cmd}


def _gone(pids: set[int], within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while any(_alive(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _none_of_ours(within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while _ours(_children()):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@linux
def test_after_the_vault_locks_no_worker_or_fork_server_of_ours_remains(tmp_path):
    vault = new_vault(tmp_path / "vault")
    ids = vault.interviews.add_many([sample_interview(reference=f"WB-LIFE-{n:04d}", id=f"{n + 1:032x}")
                                     for n in range(statements.POOL_FROM)])
    (tmp_path / "out").mkdir()
    result = statements.export_statements(vault, ids, tmp_path / "out", workers=2)  # a real bulk export
    assert len(result.written) == len(ids)
    seen = list(pool.ordered(probe, range(4), workers=2))  # the same fork server, ready for a next export
    workers, server = {w for w, _s in seen}, {s for _w, s in seen}
    assert len(server) == 1 and _alive(next(iter(server)))
    assert _ours(_children()), "the fork server and the resource tracker run while the vault is open"

    vault.lock()

    assert not _ours(_children()), "no fork server, resource tracker or worker of ours after the lock"
    assert _gone(workers | server), "the workers and the fork server have ended"
    again = list(pool.ordered(probe, range(2), workers=2))  # the next bulk export starts it again
    assert {s for _w, s in again} != server
    pool.stop()
    assert not _ours(_children())


@linux
def test_a_lock_while_a_pool_works_stops_the_fork_server_when_the_pool_ends():
    made = pool.ordered(probe, range(6), workers=2)
    first = next(made)
    pool.stop()  # what a lock does: the pool keeps its workers until it ends
    assert _alive(first[1]), "the working pool keeps its fork server"
    rest = list(made)
    assert len(rest) == 5
    assert not _ours(_children()), "stopped as soon as the pool ended"
    assert _gone({first[1], *(w for w, _s in [first, *rest])})


@linux
def test_an_idle_fork_server_is_stopped_and_the_next_pool_starts_another(monkeypatch):
    monkeypatch.setattr(pool, "IDLE_STOP_S", 0.3)
    seen = list(pool.ordered(probe, range(2), workers=2))
    server = seen[0][1]
    assert _gone({server}), "stopped after a while without a pool"
    assert _none_of_ours(), "its resource tracker too"
    again = list(pool.ordered(probe, range(2), workers=2))
    assert again[0][1] != server
    pool.stop()


@linux
def test_a_pool_started_before_the_idle_stop_keeps_the_fork_server(monkeypatch):
    monkeypatch.setattr(pool, "IDLE_STOP_S", 1.0)
    server = list(pool.ordered(probe, range(1), workers=1))[0][1]
    made = pool.ordered(probe, range(3), workers=1)
    assert next(made)[1] == server, "the next pool finds the same fork server"
    time.sleep(1.5)  # longer than the idle stop: a working pool is not idle
    assert _alive(server)
    assert [s for _w, s in made] == [server, server]
    pool.stop()
    assert _gone({server})
