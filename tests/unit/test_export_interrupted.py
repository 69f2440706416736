"""A Ctrl-C during a bulk export never leaves a statement in the folder that the audit does not
record as exported: the file and its entry are written together (``desktop.core.interrupts``).
The Ctrl-C is a real SIGINT to this process, sent as the first file lands."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from desktop.files import atomic_write
from desktop.services import pool, statements
from tests.factories import new_vault, sample_interview


@pytest.fixture
def interrupted_after_first_file(monkeypatch):
    """Ctrl-C the moment the first statement file is in place (what a person's Ctrl-C may do)."""
    sent: list[Path] = []

    def write_then_ctrl_c(target, data, *, mode=0o600):  # noqa: ANN001, ANN202 - atomic_write's signature
        atomic_write(target, data, mode=mode)
        if not sent:
            sent.append(target)
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(statements, "atomic_write", write_then_ctrl_c)
    return sent


@pytest.mark.parametrize("workers", [1, 2])
def test_a_ctrl_c_as_a_file_lands_leaves_every_file_audited(tmp_path, interrupted_after_first_file, workers):
    if workers > 1 and pool.cores() < 2:
        pytest.skip("the workers are used on two cores or more")
    v = new_vault(tmp_path / "vault")
    try:
        n = statements.POOL_FROM + 1
        ids = v.interviews.add_many(
            [sample_interview(reference=f"WB-INT-{k:04d}", id=f"{k + 1:032x}") for k in range(n)]
        )
        out = tmp_path / "out"
        out.mkdir()
        with pytest.raises(KeyboardInterrupt):
            statements.export_statements(v, ids, out, workers=workers)
        files = sorted(out.glob("*.pdf"))
        audited = [e for e in v.audit.entries() if e.action == "statement.exported"]
        assert interrupted_after_first_file and files, "the Ctrl-C came before any file"
        assert len(audited) == len(files), (len(audited), len(files))
    finally:
        v.lock()


# A Ctrl-C while the export command imports the statement path: in a fresh process (where nothing
# of it is imported yet), a finder sends the SIGINT as the statement module itself starts loading.
_CTRL_C_IN_IMPORT = r"""
import signal, sys
from importlib.abc import MetaPathFinder

class CtrlC(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "desktop.services.statements":
            sys.meta_path.remove(self)
            signal.raise_signal(signal.SIGINT)
        return None

from desktop import cli_reports
sys.meta_path.insert(0, CtrlC())
try:
    cli_reports._statement_path()
except KeyboardInterrupt:
    print("interrupted", "desktop.services.statements" in sys.modules, "uharfbuzz._harfbuzz" in sys.modules)
else:
    print("not interrupted")
"""


def test_a_ctrl_c_while_the_statement_path_imports_stops_the_command_after_the_import():
    """Dropped inside an extension module's start (HarfBuzz's prints "Code object creation failed
    ... KeyboardInterrupt" and goes on), such a Ctrl-C let a bulk export run to its end; held, it
    is acted on once the import is whole."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C_IN_IMPORT], capture_output=True, text=True, timeout=120, cwd=str(root)
    )
    assert done.stdout.split() == ["interrupted", "True", "True"], (done.stdout, done.stderr[-2000:])
