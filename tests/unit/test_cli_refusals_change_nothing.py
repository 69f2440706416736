"""A command refused (a wrong passphrase, a folder that holds no vault) changes nothing on disk: no
file, and no folder, is left where the worker asked for output. ``export-statements --out DIR`` once
made DIR before the passphrase was checked, and a wrong passphrase left an empty folder on the
stick; a run that writes no statement now takes away a folder it made. Every command that takes an
output path is tried, through the real command line on real SQLCipher vaults."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desktop.vault import Vault
from tests.cli_driver import CLI_PASSPHRASE, LINE_A, LINE_B, Cli

# Every command with an output path ({out}: a place under a stick folder that does not exist yet).
OUTPUTS: tuple[tuple[str, ...], ...] = (
    ("export-statements", "--all", "--out", "{out}"),
    ("export-statement", "{ref}", "--out", "{out}"),
    ("export-statement", "{ref}", "--out", "{out}.pdf"),
    ("backup", "--to", "{out}"),
    ("keys", "--export", "{out}"),
    ("keys", "--backup", "{out}", "--recovery-passphrase-file", "{pw}"),
    ("evidence-pack", "--out", "{out}"),
    ("export-bundle", "--out", "{out}"),
    ("quotations", "--out", "{out}"),
    ("report", "--out", "{out}", "--csv", "{out}.csv"),
)


def _files(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` (the app's own log folder aside), with each file's hash."""
    found: dict[str, str] = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if Path(folder, d) != root / "app"]
        for d in dirs:
            found[str(Path(folder, d).relative_to(root)) + "/"] = "folder"
        for n in names:
            found[str(Path(folder, n).relative_to(root))] = hashlib.sha256(Path(folder, n).read_bytes()).hexdigest()
    return found


def _add(cli, tmp_path, *lines: dict) -> list[str]:
    """The references of the interviews added from ``lines``, in their order."""
    code, _out, err = cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", *lines)))
    assert code == 0, err
    vault = Vault.unlock(cli.vault, CLI_PASSPHRASE)
    try:
        found = {vault.interviews.get(i).statement: vault.interviews.get(i).reference for i in vault.interviews.ids()}
    finally:
        vault.lock()
    return [found[line["statement"]] for line in lines]


@pytest.fixture
def filled(cli, tmp_path):
    """The CLI fixture's vault with one consented and one unconsented interview, and a stick folder."""
    cli.reference = _add(cli, tmp_path, LINE_A, LINE_B)[0]
    (tmp_path / "stick").mkdir()
    cli.wrong = tmp_path / "wrong.txt"
    cli.wrong.write_text("not the passphrase\n", encoding="utf-8")
    return cli


def _argv(template: tuple[str, ...], cli, out: Path) -> list[str]:
    return [a.format(out=out, ref=cli.reference, pw=cli.pw) for a in template]


@pytest.mark.parametrize("template", OUTPUTS, ids=lambda t: " ".join(t[:2]).replace("{ref}", "ID"))
def test_a_wrong_passphrase_leaves_no_file_or_folder_where_the_output_was_to_go(filled, tmp_path, template):
    before = _files(tmp_path)
    code, out, err = filled(*_argv(template, filled, tmp_path / "stick" / "for-the-solicitor"),
                            passphrase=filled.wrong)
    assert (code, out, err) == (1, "", "witnessbox: Wrong passphrase.\n")
    assert _files(tmp_path) == before


@pytest.mark.parametrize("template", OUTPUTS, ids=lambda t: " ".join(t[:2]).replace("{ref}", "ID"))
def test_a_folder_that_holds_no_vault_leaves_no_file_or_folder_behind(filled, tmp_path, template):
    (tmp_path / "not-a-vault").mkdir()
    before = _files(tmp_path)
    filled.vault = tmp_path / "not-a-vault"
    code, out, err = filled(*_argv(template, filled, tmp_path / "stick" / "for-the-solicitor"))
    assert code == 1 and out == "" and err.startswith("witnessbox: There is no vault in ") and err.count("\n") == 1
    assert _files(tmp_path) == before


def test_restore_copy_with_a_wrong_passphrase_makes_no_vault_folder(filled, tmp_path):
    code, _out, err = filled("backup", "--to", str(tmp_path / "stick"))
    assert code == 0, err
    copy = next((tmp_path / "stick").iterdir())
    before = _files(tmp_path)
    other = Cli(filled.paths, tmp_path)  # the same passphrase file; the vault to make is a new folder
    other.vault = tmp_path / "restored"
    code, out, err = other("restore-copy", str(copy), passphrase=filled.wrong)
    assert (code, out, err) == (1, "", "witnessbox: Wrong passphrase.\n")
    assert _files(tmp_path) == before


def test_an_export_that_writes_no_statement_takes_away_the_folder_it_made(cli, tmp_path):
    _add(cli, tmp_path, LINE_B)  # no consent for the complaint: nothing to write
    (tmp_path / "stick").mkdir()
    out = tmp_path / "stick" / "statements"
    code, stdout, err = cli("export-statements", "--all", "--out", str(out))
    assert code == 0, err
    assert stdout.endswith("0 written, 1 not exported.\n")
    assert not out.exists()


def test_a_folder_that_was_there_before_stays_even_when_nothing_is_written_into_it(filled, tmp_path):
    out = tmp_path / "stick" / "statements"
    out.mkdir()
    code, _stdout, err = filled("export-statements", "--all", "--out", str(out), passphrase=filled.wrong)
    assert code == 1 and "Wrong passphrase" in err
    assert out.is_dir() and list(out.iterdir()) == []


def test_the_folder_is_made_and_kept_when_a_statement_is_written_into_it(filled, tmp_path):
    out = tmp_path / "stick" / "statements"
    code, stdout, err = filled("export-statements", "--all", "--out", str(out))
    assert code == 0, err
    assert [p.name for p in out.iterdir()] == [f"{filled.reference}.pdf"]
    assert stdout.endswith("1 written, 1 not exported.\n")
    assert (out.stat().st_mode & 0o777) == 0o700


def test_a_backup_to_a_file_says_it_is_a_file_and_changes_nothing(filled, tmp_path):
    notes = tmp_path / "stick" / "notes.txt"
    notes.write_text("the coordinator's own notes", encoding="utf-8")
    before = _files(tmp_path)
    code, out, err = filled("backup", "--to", str(notes))
    assert (code, out) == (1, "")
    # not "does not exist": it is there
    assert err == "witnessbox: The place to write into is a file, not a folder; choose a folder.\n"
    after = _files(tmp_path)
    assert {k: v for k, v in after.items() if not k.startswith("vault/")} == {
        k: v for k, v in before.items() if not k.startswith("vault/")}


def test_a_backup_copy_without_its_database_is_called_incomplete_and_makes_no_vault(filled, tmp_path):
    code, _out, err = filled("backup", "--to", str(tmp_path / "stick"))
    assert code == 0, err
    copy = next((tmp_path / "stick").iterdir())
    (copy / "vault.db").unlink()  # the stick was pulled before the database was written
    before = _files(tmp_path)
    other = Cli(filled.paths, tmp_path)
    other.vault = tmp_path / "restored"
    code, out, err = other("restore-copy", str(copy))
    assert (code, out) == (1, "")
    assert err == ("witnessbox: The backup copy is incomplete: its database file is missing. "
                   "Try another copy.\n")  # not "the disk may be full"
    assert _files(tmp_path) == before
