"""The bulk export's workers start warm on Linux: they are forked from one fork server that imported
the statement path and made a statement first (desktop.services.pool_warm), so no worker imports
reportlab and builds fonts and patterns again. This module imports nothing of the statement path
itself, so what a worker finds loaded came from the fork server."""

from __future__ import annotations

import gc
import os
import sys

import pytest

from desktop.services import pool

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is used on Linux")


def probe(_job: object) -> dict:
    """In a worker: what was loaded before the job came, and who started this process."""
    return {
        "warmed": "desktop.services.pool_warm" in sys.modules,
        "statement_path": all(
            m in sys.modules for m in ("reportlab", "desktop.reports.statement", "desktop.services.statements")
        ),
        "parent": os.getppid(),
        "pid": os.getpid(),
    }


def collector(_job: object) -> dict:
    """In a worker: how its garbage collector was left by the fork server."""
    return {"frozen": gc.get_freeze_count(), "threshold": gc.get_threshold(), "enabled": gc.isenabled()}


@linux
def test_workers_are_forked_from_one_warmed_fork_server():
    pool.stop()  # a fork server of its own, started by this pool
    seen = list(pool.ordered(probe, range(4), workers=2))
    assert all(s["warmed"] and s["statement_path"] for s in seen), "each worker starts with the statement path made"
    assert len({s["parent"] for s in seen}) == 1, "one fork server started every worker"
    assert seen[0]["parent"] != os.getpid(), "not forked from this process (its key, its threads)"
    again = list(pool.ordered(probe, range(2), workers=2))
    assert {s["parent"] for s in again} == {seen[0]["parent"]}, "a later pool finds the fork server ready"
    pool.stop()
    after = list(pool.ordered(probe, range(1), workers=1))
    assert after[0]["warmed"] and after[0]["parent"] != seen[0]["parent"], "stopped, a new one is started"


def test_the_warm_up_makes_a_checked_statement_from_a_made_up_interview():
    from desktop.services import pool_warm

    assert pool_warm.warm() > 1000
    assert pool_warm.sample().reference == "WB-WARM-0001"


@linux
def test_workers_start_with_the_warm_up_frozen_and_a_larger_young_generation():
    from desktop.services import pool_warm

    pool.stop()  # a fork server of its own, started by this pool
    seen = list(pool.ordered(collector, range(4), workers=2))
    pool.stop()
    for s in seen:
        assert s["enabled"], "the collector still runs in a worker"
        assert s["frozen"] > 20_000, "the imports and the warm-up's objects are out of the collector's reach"
        assert s["threshold"][0] == pool_warm.YOUNG, "the young generation collected less often"
