"""While a bulk export's fork server starts (it imports and warms the statement path first, about
half a second of one core), the exporting process makes the first statements itself instead of
waiting with its core idle; from the first job after a worker is up, every job goes to the workers.
The results come in the jobs' order either way, and the export's files are the ones made in one
process."""

from __future__ import annotations

import hashlib
import os
import sys
import time

import pytest

from desktop.services import pool, statements
from tests.factories import new_vault, sample_interview

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is used on Linux")


def where(job: int) -> tuple[int, int]:
    """The job and the process that made it (a little work each, as a statement has)."""
    time.sleep(0.01)
    return job, os.getpid()


def refuse(job: int) -> int:
    raise ValueError(f"job {job} failed")


def _taken(made, after_first_worker: int = 20) -> list[tuple[int, int]]:
    """The results until a worker's and ``after_first_worker`` more, then the iterator closed."""
    seen: list[tuple[int, int]] = []
    try:
        for job, pid in made:
            seen.append((job, pid))
            if pid != os.getpid():
                after_first_worker -= 1
                if after_first_worker < 0:
                    break
    finally:
        made.close()
    return seen


@linux
def test_while_the_fork_server_starts_the_first_jobs_are_made_here_then_all_in_workers():
    pool.stop()  # this pool starts the fork server
    seen = _taken(pool.ordered(where, range(100_000), workers=2, here_while_starting=True))
    here = [job for job, pid in seen if pid == os.getpid()]
    assert [job for job, _pid in seen] == list(range(len(seen))), "in the jobs' order"
    assert here and here == list(range(len(here))), "the first jobs, made here while the workers started"
    assert all(pid != os.getpid() for _job, pid in seen[len(here) :]), "then every job in a worker"


@linux
def test_a_fork_server_already_running_gets_every_job():
    list(pool.ordered(where, range(2), workers=2))  # the fork server runs (started now, or before)
    seen = _taken(pool.ordered(where, range(100_000), workers=2, here_while_starting=True), 4)
    assert all(pid != os.getpid() for _job, pid in seen)


@linux
def test_a_job_that_fails_here_fails_the_iterator():
    pool.stop()
    with pytest.raises(ValueError, match="job 0 failed"):
        list(pool.ordered(refuse, range(4), workers=2, here_while_starting=True))


def test_an_export_that_starts_the_workers_writes_what_one_process_writes(tmp_path):
    """The statements made here while the fork server starts and those made in the workers: the same
    bytes, order, progress and audit as the export made in one process."""
    v = new_vault(tmp_path / "vault")
    n = statements.POOL_FROM + 4
    ids = v.interviews.add_many([sample_interview(reference=f"WB-START-{k:04d}", id=f"{k + 1:032x}") for k in range(n)])
    runs = {}
    try:
        for workers in (1, 2):
            pool.stop()
            folder = tmp_path / f"out-{workers}"
            folder.mkdir()
            seen: list[tuple[int, int]] = []
            before = len(v.audit.entries())
            result = statements.export_statements(
                v, ids, folder, workers=workers, progress=lambda d, t, seen=seen: seen.append((d, t))
            )
            files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.pdf"))}
            audited = [e.target for e in v.audit.entries()[before:] if e.action == "statement.exported"]
            runs[workers] = (files, [r.reference for r in result.written], seen, audited)
    finally:
        v.lock()
    assert runs[2] == runs[1]
    assert len(runs[2][0]) == n and runs[2][2] == [(d, n) for d in range(1, n + 1)]
