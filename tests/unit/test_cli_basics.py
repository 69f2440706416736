"""The command line's conventions: exit codes, one-line messages, no tracebacks, self-test."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.cli import Context, UserError, read_passphrase, run
from desktop.paths import AppPaths, synced_folder_name


def _run(argv, app_paths, capsys):
    import io

    ctx = Context(paths=app_paths, stdin=io.StringIO(), stdout=sys.stdout, stderr=sys.stderr)
    code = run(argv, ctx)
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_help(app_paths, capsys):
    code, out, _ = _run(["--version"], app_paths, capsys)
    assert code == 0 and out.startswith("Witnessbox ")
    code, out, _ = _run(["--help"], app_paths, capsys)
    assert code == 0 and "self-test" in out


def test_self_test_passes_every_check(app_paths, capsys):
    code, out, _ = _run(["self-test"], app_paths, capsys)
    lines = out.strip().splitlines()
    assert code == 0, out
    assert len(lines) == 6 and all(line.startswith("ok ") for line in lines)
    assert [line.split(":")[0].split(maxsplit=1)[1] for line in lines] == [
        "offline guard", "SQLCipher", "full-text search", "fonts", "text shaping", "statement"]


def test_the_shaping_check_fails_for_a_font_that_cannot_shape_the_script(monkeypatch):
    """The check is not a formality: given the Latin font for Urdu and Punjabi, it reports a failure."""
    from desktop import selftest
    from desktop.reports import fonts

    latin = fonts.font_file(fonts.LATIN)
    monkeypatch.setattr(fonts, "font_file", lambda script, bold=False: latin)
    check = dict((c.name, c) for c in selftest.run_checks())["text shaping"]
    assert not check.ok and "Urdu" in check.detail


def test_unknown_command_is_a_usage_error_in_one_line(app_paths, capsys):
    code, out, err = _run(["frobnicate"], app_paths, capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_missing_passphrase_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        read_passphrase(str(tmp_path / "nope.txt"))


def test_passphrase_file_first_line_only(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("correct horse battery\r\nsecond line\n", encoding="utf-8")
    assert read_passphrase(str(f)) == "correct horse battery"


def test_a_passphrase_file_saved_with_a_byte_order_mark(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("\ufeffکلید correct horse\r\n", encoding="utf-8")  # Notepad's "UTF-8"
    assert read_passphrase(str(f)) == "کلید correct horse"


@pytest.mark.parametrize(
    "path",
    [
        "/home/amina/OneDrive/witnessbox",
        "/home/amina/OneDrive - Charity Ltd/vault",
        "/Users/sam/Library/Mobile Documents/com~apple~CloudDocs/v",
        "/home/sam/Dropbox (Personal)/v",
        "C:/Users/sam/Google Drive/v",
        "/home/sam/Nextcloud/v",
    ],
)
def test_synced_folders_are_recognised(path):
    assert synced_folder_name(path) is not None


@pytest.mark.parametrize("path", ["/home/sam/.local/share/witnessbox/vault", "/media/sam/STICK/bundles"])
def test_ordinary_folders_are_not_synced(path):
    assert synced_folder_name(path) is None


def test_the_installed_command_runs_in_a_fresh_process(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "s"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    for argv, expected in ((["--version"], 0), (["self-test"], 0), (["nonsense"], 2)):
        out = subprocess.run([sys.executable, "-m", "desktop", *argv], capture_output=True, text=True, env=env)
        assert out.returncode == expected, out.stderr
        assert "Traceback" not in out.stderr


def test_app_paths_default_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xd"))
    assert AppPaths.default().data_dir == tmp_path / "xd" / "witnessbox"


def test_a_vault_in_a_synced_folder_is_refused_and_nothing_is_created(app_paths, capsys, tmp_path):
    pw = tmp_path / "pw.txt"
    pw.write_text("correct horse battery\n", encoding="utf-8")
    synced = tmp_path / "OneDrive - Charity Ltd" / "vault"
    code, out, err = _run(["init", "--vault", str(synced), "--passphrase-file", str(pw)], app_paths, capsys)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "cloud-synced" in err
    assert not synced.exists()


def test_a_missing_passphrase_file_stops_a_vault_command_in_one_line(app_paths, capsys, tmp_path):
    code, out, err = _run(["list", "--vault", str(tmp_path / "v"), "--passphrase-file", str(tmp_path / "none")],
                          app_paths, capsys)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "path",
    ["/home/amina/Documents/witnessbox", "/Users/sam/Desktop/vault", "C:/Users/sam/Documents/v", "~/Desktop/v"],
)
def test_a_vault_in_documents_or_desktop_is_refused(path):
    from pathlib import Path

    from desktop.paths import SyncedFolderError, check_not_synced

    with pytest.raises(SyncedFolderError, match="Documents|Desktop"):
        check_not_synced(Path(path).expanduser())


def test_the_default_vault_location_is_accepted(app_paths):
    from desktop.paths import check_not_synced

    assert check_not_synced(AppPaths.default().default_vault_dir) == AppPaths.default().default_vault_dir
    assert check_not_synced(app_paths.default_vault_dir) == app_paths.default_vault_dir
