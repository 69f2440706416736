"""An installation that lost a font (a partial copy, a damaged unpack) says so in one line and writes
nothing, for every command that draws a PDF; it said "an unexpected error stopped the command".

The installation is a real copy of the package without one font, run as ``python -m desktop`` (its
bulk export's workers start from the same copy); the vault is a real SQLCipher vault."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import desktop
from desktop.reports.fonts import FontMissing
from desktop.services import pool
from tests.cli_driver import LINE_A

LOST = "NotoSans-Regular.ttf"
SAID = (f"witnessbox: A font Witnessbox draws PDFs with ({LOST}) is missing from this installation, so it cannot "
        "make PDFs; reinstall Witnessbox ('witnessbox self-test' checks every font).\n")


@pytest.fixture
def installed_without_a_font(tmp_path) -> Path:
    root = tmp_path / "installed"
    shutil.copytree(Path(desktop.__file__).parent, root / "desktop", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "desktop" / "resources" / "fonts" / LOST).unlink()
    return root


def _run_installed(cli, tmp_path: Path, installed: Path, *argv: str) -> subprocess.CompletedProcess:
    xdg = str(tmp_path / "xdg")
    env = dict(os.environ, PYTHONPATH=str(installed), PYTHONDONTWRITEBYTECODE="1", XDG_DATA_HOME=xdg,
               XDG_STATE_HOME=xdg, XDG_CONFIG_HOME=xdg, XDG_CACHE_HOME=xdg)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv, "--vault", str(cli.vault), "--passphrase-file", str(cli.pw)],
        capture_output=True, text=True, env=env, timeout=300, cwd=installed,
    )


@pytest.mark.parametrize("argv", [
    ("export-statement", "{ref}", "--out", "{out}/statement.pdf"),
    ("export-statements", "--all", "--out", "{out}/statements"),
    ("report", "--out", "{out}/report.pdf"),
    ("evidence-pack", "--out", "{out}/pack"),
], ids=lambda a: a[0])
def test_a_missing_font_is_named_in_one_line_and_nothing_is_written(cli, tmp_path, installed_without_a_font, argv):
    code, _out, err = cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", LINE_A)))
    assert code == 0, err
    code, out, err = cli("list")
    ref = out.split()[0]
    stick = tmp_path / "stick"
    stick.mkdir()
    done = _run_installed(cli, tmp_path, installed_without_a_font, *[a.format(ref=ref, out=stick) for a in argv])
    assert (done.returncode, done.stdout, done.stderr) == (1, "", SAID)
    assert list(stick.iterdir()) == []


@pytest.mark.skipif(pool.cores() < 2, reason="the workers are used on two cores or more")
def test_a_missing_font_in_a_bulk_export_on_every_core_is_the_same_one_line(cli, tmp_path, installed_without_a_font):
    """The workers' warm-up failed first and its warning ("the bulk export's warm-up failed
    (FileNotFoundError); each worker starts cold") was printed on the worker's terminal as well."""
    lines = [dict(LINE_A, statement=f"{LINE_A['statement']} Visit {n}.") for n in range(pool.POOL_FROM)]
    code, _out, err = cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", *lines)))
    assert code == 0, err
    out = tmp_path / "statements"
    done = _run_installed(cli, tmp_path, installed_without_a_font, "export-statements", "--all", "--out", str(out))
    assert (done.returncode, done.stdout, done.stderr) == (1, "", SAID)
    assert not out.exists()


def test_the_refusal_comes_back_whole_from_a_bulk_export_worker():
    again = pickle.loads(pickle.dumps(FontMissing(LOST)))
    assert type(again) is FontMissing and str(again) == SAID[12:-1] and again.file_name == LOST
