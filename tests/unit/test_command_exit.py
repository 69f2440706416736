"""A command's process ends as soon as its work is done: when ``main()`` returns, the objects the
command made are out of the cyclic collector's reach, so the interpreter's teardown does not walk
them all first (after a bulk export that walk was most of the wait at exit); exit handlers still
run and what the command printed is all there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_CHILD = r"""
import atexit, gc, sys
from pathlib import Path
from desktop.__main__ import main
from desktop.paths import AppPaths
atexit.register(lambda: print("exit handlers ran", flush=True))
paths = AppPaths.under(Path(sys.argv[1]))
paths.ensure()
before = gc.get_freeze_count()
code = main(["list", "--vault", sys.argv[2], "--passphrase-file", sys.argv[3], "--json"], paths=paths)
print("frozen", gc.get_freeze_count() - before, "code", code, flush=True)
"""


def test_a_command_leaves_its_objects_out_of_the_collectors_walk_and_still_runs_exit_handlers(tmp_path):
    from desktop.vault import Vault
    from tests.factories import FAST_KDF, sample_interview

    v = Vault.create(tmp_path / "vault", "correct horse", kdf=FAST_KDF)
    try:
        v.interviews.add(sample_interview(reference="WB-EXIT-0001"))
    finally:
        v.lock()
    (tmp_path / "pass").write_text("correct horse\n")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path / "app"), str(tmp_path / "vault"), str(tmp_path / "pass")],
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "WB-EXIT-0001" in done.stdout, "the command's own output"
    frozen, code = lines[-2].split()[1], lines[-2].split()[3]
    assert code == "0" and int(frozen) > 10_000, "the command's objects are frozen when main() returns"
    assert lines[-1] == "exit handlers ran"
