"""Global options: --vault, --passphrase-file and --json before the command as well as after it,
and ``witnessbox --vault DIR`` with no command, which starts the desktop app on DIR."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import Context, run
from desktop.vault import Vault
from tests.factories import FAST_KDF

PASSPHRASE = "correct horse battery"

LINE = {
    "interviewed_on": "2026-01-05",
    "role": "victim",
    "crime_type": "domestic_abuse",
    "force": "kent",
    "reported_on": "2025-12",
    "statement": "The officer asked about my status.",
    "people": [],
    "identifiers": [],
    "consent": {"complaint": True, "quotation": False, "contact": False},
}


class AppStarts:
    """Stands in for the desktop app's start: records the folder it was asked to open."""

    def __init__(self) -> None:
        self.folders: list[Path | None] = []

    def __call__(self, folder: Path | None) -> int:
        self.folders.append(folder)
        return 0


def _run(app_paths, *argv: str, start_app=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=err)
    code = run(list(argv), ctx, start_app=start_app) if start_app else run(list(argv), ctx)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def vault(app_paths, tmp_path) -> tuple[Path, Path]:
    """A vault outside the default place, holding one interview, and its passphrase file."""
    folder, pw = tmp_path / "elsewhere" / "vault", tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF).lock()
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    code, _, err = _run(app_paths, "add", "--vault", str(folder), "--passphrase-file", str(pw), "--from", str(lines))
    assert code == 0, err
    return folder, pw


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_vault_options_before_the_command_give_the_same_output_as_after(app_paths, vault, json_flag):
    folder, pw = vault
    after = _run(app_paths, "list", "--vault", str(folder), "--passphrase-file", str(pw), *json_flag)
    before = _run(app_paths, "--vault", str(folder), "--passphrase-file", str(pw), *json_flag, "list")
    mixed = _run(app_paths, *json_flag, "--vault", str(folder), "list", "--passphrase-file", str(pw))
    assert after[0] == 0, after[2]
    assert before == after == mixed
    assert "WB-" in after[1]  # the interview in the vault outside the default place was listed
    assert not app_paths.default_vault_dir.exists()


def test_show_and_search_take_the_options_before_the_command_too(app_paths, vault):
    folder, pw = vault
    code, out, err = _run(app_paths, "--json", "--vault", str(folder), "--passphrase-file", str(pw), "search", "status")
    assert code == 0, err
    assert len(json.loads(out)) == 1


def test_a_different_value_before_and_after_the_command_is_refused_in_one_line(app_paths, vault, tmp_path):
    folder, pw = vault
    other = tmp_path / "other.txt"
    other.write_text(PASSPHRASE + "\n", encoding="utf-8")
    for argv in (["--vault", str(tmp_path / "another"), "list", "--vault", str(folder), "--passphrase-file", str(pw)],
                 ["--passphrase-file", str(other), "list", "--vault", str(folder), "--passphrase-file", str(pw)]):
        code, out, err = _run(app_paths, *argv)
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and "before and after" in err and "Traceback" not in err


def test_the_same_folder_written_two_ways_is_no_conflict(app_paths, vault, monkeypatch):
    folder, pw = vault
    monkeypatch.chdir(folder.parent)
    code, out, err = _run(app_paths, "--vault", str(folder), "list", "--vault", "vault", "--passphrase-file", str(pw))
    assert code == 0, err
    assert "WB-" in out


@pytest.mark.parametrize("argv", [["--vault", "v", "forces"], ["--json", "init"], ["--json", "self-test"],
                                  ["--passphrase-file", "pw", "redact"]])
def test_a_global_option_the_command_does_not_take_is_a_usage_error(app_paths, argv):
    code, out, err = _run(app_paths, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "does not take" in err


def test_a_mistyped_command_after_global_options_is_still_a_usage_error_in_one_line(app_paths, tmp_path):
    code, out, err = _run(app_paths, "--vault", str(tmp_path / "v"), "lsit", start_app=AppStarts())
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_help_lists_every_command_and_the_global_options(app_paths, capsys):
    code = run(["--help"], Context(paths=app_paths, stdin=io.StringIO(), stdout=sys.stdout, stderr=sys.stderr))
    out = capsys.readouterr().out
    assert code == 0
    for command in ("self-test", "init", "passwd", "add", "list", "show", "search", "restore-backup", "forces",
                    "delete", "redact", "export-statement", "export-statements"):
        assert command in out
    assert "global options" in out and "--vault DIR" in out and "--passphrase-file" in out


# --- no command: the desktop app ------------------------------------------------------------------


def test_vault_alone_starts_the_app_on_that_folder(app_paths, tmp_path):
    starts = AppStarts()
    code, out, err = _run(app_paths, "--vault", str(tmp_path / "v"), start_app=starts)
    assert (code, out, err) == (0, "", "")
    assert starts.folders == [tmp_path / "v"]


def test_the_app_is_not_started_on_a_synced_folder(app_paths, tmp_path):
    starts = AppStarts()
    code, out, err = _run(app_paths, "--vault", str(tmp_path / "Dropbox" / "v"), start_app=starts)
    assert code == 1 and out == "" and starts.folders == []
    assert len(err.strip().splitlines()) == 1 and "cloud-synced" in err


@pytest.mark.parametrize("argv", [["--json"], ["--passphrase-file", "pw.txt"], ["--vault", "v", "--json"]])
def test_options_only_a_command_uses_do_not_start_the_app(app_paths, argv):
    starts = AppStarts()
    code, out, err = _run(app_paths, *argv, start_app=starts)
    assert code == 2 and out == "" and starts.folders == []
    assert len(err.strip().splitlines()) == 1


def test_without_an_app_to_start_no_command_is_still_a_usage_error(app_paths, tmp_path):
    code, _, err = _run(app_paths, "--vault", str(tmp_path / "v"))
    assert code == 2 and "no command" in err


def test_the_installed_command_takes_options_before_the_command_and_checks_the_app_folder(vault, tmp_path):
    folder, pw = vault
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "s"),
           "XDG_DATA_HOME": str(tmp_path / "d"), "XDG_CONFIG_HOME": str(tmp_path / "c"), "QT_QPA_PLATFORM": "offscreen"}

    def witnessbox(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "desktop", *argv], capture_output=True, text=True, env=env,
                              timeout=120)

    before = witnessbox("--vault", str(folder), "--passphrase-file", str(pw), "list")
    after = witnessbox("list", "--vault", str(folder), "--passphrase-file", str(pw))
    assert before.returncode == 0, before.stderr
    assert before.stdout == after.stdout and "WB-" in before.stdout
    # A synced folder is refused before any window opens (the process ends at once, exit 1).
    synced = witnessbox("--vault", str(tmp_path / "OneDrive" / "vault"))
    assert synced.returncode == 1 and "cloud-synced" in synced.stderr and "Traceback" not in synced.stderr
