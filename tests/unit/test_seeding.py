"""The ``rng`` fixture: a failing test's report names its seed, and that seed replays its choices.

Runs a small test file in a separate pytest (with only the seeding plugin), as a developer would.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

INNER = '''
def test_draws(rng):
    drawn = [rng.randrange(10**9) for _ in range(3)]
    print("drawn", drawn)
    assert False, "fails on purpose"
'''


def _run(tmp_path: Path, seed: str | None) -> tuple[int, str]:
    (tmp_path / "test_inner.py").write_text(INNER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("WITNESSBOX_TEST_SEED", "PYTEST_ADDOPTS")}
    env["PYTHONPATH"] = str(REPO)
    if seed is not None:
        env["WITNESSBOX_TEST_SEED"] = seed
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.seeding", "-p", "no:cacheprovider",
                           "-q", "test_inner.py"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout + proc.stderr


def _drawn(output: str) -> str:
    return re.search(r"drawn \[[\d, ]+\]", output).group(0)


def test_a_failure_prints_its_seed_and_the_seed_replays_the_same_choices(tmp_path):
    code, first = _run(tmp_path, None)
    assert code == 1, first
    shown = re.search(r"WITNESSBOX_TEST_SEED=(\d+) replays", first)
    assert shown, first
    code, again = _run(tmp_path, shown.group(1))
    assert code == 1 and f"WITNESSBOX_TEST_SEED={shown.group(1)} replays" in again, again
    assert _drawn(again) == _drawn(first)


def test_a_given_seed_is_used_and_another_seed_chooses_otherwise(tmp_path):
    _, one = _run(tmp_path, "424242")
    _, two = _run(tmp_path, "424243")
    assert "WITNESSBOX_TEST_SEED=424242 replays" in one, one
    assert _drawn(one) != _drawn(two)


def test_a_seed_that_is_not_a_number_is_refused_with_what_to_do(tmp_path):
    code, out = _run(tmp_path, "banana")
    assert code != 0 and "WITNESSBOX_TEST_SEED must be a whole number" in out, out
