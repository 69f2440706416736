"""Seeded randomness for the tests, loaded by tests/conftest.py as a pytest plugin.

A test that needs random choices (kill timings, bytes to flip, payloads) asks for the ``rng``
fixture instead of calling ``random`` or ``os.urandom`` itself. Its seed comes from the
environment variable WITNESSBOX_TEST_SEED when that is set, otherwise a fresh one is drawn; when
the test fails, its report gets a "random seed" section saying how to run it again with the same
choices::

    WITNESSBOX_TEST_SEED=123456789 python -m pytest tests/reliability/test_vault_crash.py

(hypothesis tests print their own reproduction and do not use this.)
"""

from __future__ import annotations

import os
import random

import pytest

SEED_VARIABLE = "WITNESSBOX_TEST_SEED"
_SEED = pytest.StashKey[int]()


def seed_for_this_run() -> int:
    """The seed from WITNESSBOX_TEST_SEED, or a fresh one."""
    given = os.environ.get(SEED_VARIABLE, "").strip()
    if given:
        try:
            return int(given)
        except ValueError:
            raise pytest.UsageError(f"{SEED_VARIABLE} must be a whole number, not {given!r}") from None
    return random.SystemRandom().randrange(2**32)


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> random.Random:
    """A random generator whose seed a failing test's report shows (see the module's docstring)."""
    seed = seed_for_this_run()
    request.node.stash[_SEED] = seed
    request.node.user_properties.append(("random_seed", seed))
    return random.Random(seed)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    seed = item.stash.get(_SEED, None)
    if seed is not None and report.failed:
        report.sections.append(("random seed", f"{SEED_VARIABLE}={seed} replays this test's random choices"))
    return report
