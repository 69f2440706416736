"""The vault commands, driven through desktop.cli.run exactly as the installed command runs them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.jsonl import KNOWN_KEYS, ImportProblems, parse_jsonl
from desktop.vault import Vault
from tests.cli_driver import CLI_PASSPHRASE, LINE_A, LINE_B, Cli
from tests.factories import FAST_KDF

REPO = Path(__file__).resolve().parents[2]

def test_init_creates_a_calibrated_vault_and_refuses_a_second(app_paths, tmp_path):
    c = Cli(app_paths, tmp_path)
    code, out, err = c("init")
    assert code == 0, err
    assert Vault.exists(c.vault) and "Created" in out
    slot = json.loads((c.vault / "keyslot.json").read_text())
    assert slot["kdf"]["memory_cost_kib"] >= 256 * 1024 and slot["kdf"]["time_cost"] >= 3
    code, _, err = c("init")
    assert code == 1 and "already exists" in err


def test_add_list_show_search_delete(cli, tmp_path):
    f = cli.jsonl(tmp_path / "in.jsonl", LINE_A, "", LINE_B)
    code, out, err = cli("add", "--from", str(f), "--json")
    assert code == 0, err
    ids = json.loads(out)["added"]
    assert len(ids) == 2

    code, out, _ = cli("list", "--json")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ids
    assert rows[0]["consent_complaint"] is True and rows[1]["people_count"] == 0
    assert "statement" not in rows[0] and "Amina" not in out

    code, out, _ = cli("list")
    assert code == 0 and "Metropolitan Police Service" in out and len(out.strip().splitlines()) == 2

    code, out, _ = cli("show", ids[0], "--json")
    shown = json.loads(out)
    assert shown["statement"] == LINE_A["statement"] and shown["people"][0]["name"] == "Amina Khan"
    code, out, _ = cli("show", rows[1]["reference"])
    assert code == 0 and LINE_B["statement"] in out

    code, out, _ = cli("search", "پولیس", "--json")
    assert [r["id"] for r in json.loads(out)] == [ids[1]]
    code, out, _ = cli("search", "home", "office", "--json")
    assert [r["id"] for r in json.loads(out)] == [ids[0]]
    for weird in ('"', "AND", "*", "-", "NEAR(", "'; DROP TABLE interviews"):
        code, out, err = cli("search", weird)
        assert code == 0, err

    with Vault.unlock(cli.vault, "correct horse battery") as v:  # the desktop app had it open in the form
        v.drafts.save("editor:open", {"id": ids[0]})
    code, out, err = cli("delete", ids[0])
    assert code == 0, err
    with Vault.unlock(cli.vault, "correct horse battery") as v:  # the same action as the app's Delete
        assert v.drafts.load("editor:open") is None
        assert ("interview.deleted", ids[0]) in [(e.action, e.target) for e in v.audit.entries()]
    code, out, _ = cli("list", "--json")
    assert [r["id"] for r in json.loads(out)] == [ids[1]]
    code, _, err = cli("show", ids[0])
    assert code == 1 and "No interview" in err


def test_a_bad_line_is_reported_by_number_and_nothing_is_added(cli, tmp_path):
    bad = dict(LINE_B, force="atlantis")
    f = cli.jsonl(tmp_path / "in.jsonl", LINE_A, LINE_B, bad)
    code, out, err = cli("add", "--from", str(f))
    assert code == 1
    assert err.strip() == "witnessbox: line 3: 'force' must be a police force code (see 'witnessbox forces'); " \
                          "nothing was added."
    assert json.loads(cli("list", "--json")[1]) == []


@pytest.mark.parametrize(
    "line, expected",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ({k: v for k, v in LINE_A.items() if k != "statement"}, "missing 'statement'"),
        (dict(LINE_A, interviewed_on="05/01/2026"), "'interviewed_on' must be a date as YYYY-MM-DD"),
        (dict(LINE_A, reported_on="December"), "'reported_on' must be a month as YYYY-MM"),
        (dict(LINE_A, role="bystander"), "'role' must be one of"),
        (dict(LINE_A, consent={"complaint": "yes", "quotation": False, "contact": False}),
         "'consent.complaint' must be true or false"),
        (dict(LINE_A, consent={"complaint": True}), "'consent.quotation' must be true or false"),
        (dict(LINE_A, people=[{"role": "perpetrator"}]), "person 1 needs a 'name'"),
        (dict(LINE_A, identifiers=[{"kind": "passport"}]), "identifier 1 needs a 'value'"),
        (dict(LINE_A, statment="typo"), "unknown field 'statment'"),
        (dict(LINE_A, interviewed_on="2999-01-01"), "The interview date is in the future"),
        (dict(LINE_A, id={"a": 1}), "'id' must be"),
        (dict(LINE_A, id="../../etc"), "'id' must be"),
        (dict(LINE_A, reference="Amina Khan's case"), "'reference' must be"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_each_kind_of_bad_line(cli, tmp_path, line, expected):
    f = cli.jsonl(tmp_path / "in.jsonl", LINE_B, line)
    code, _, err = cli("add", "--from", str(f))
    assert code == 1
    assert err.startswith("witnessbox: line 2: ") and expected in err and err.rstrip().endswith("nothing was added.")
    assert "Amina" not in err and "K1234567" not in err
    assert json.loads(cli("list", "--json")[1]) == []


def test_several_bad_lines_are_all_listed(cli, tmp_path):
    f = cli.jsonl(tmp_path / "in.jsonl", "{", LINE_A, "[]")
    code, _, err = cli("add", "--from", str(f))
    lines = err.strip().splitlines()
    assert code == 1 and lines[0].startswith("witnessbox: line 1:") and lines[1].startswith("witnessbox: line 3:")
    assert lines[-1] == "witnessbox: 2 lines have problems; nothing was added."


def test_non_utf8_and_missing_files(cli, tmp_path):
    f = tmp_path / "latin1.jsonl"
    f.write_bytes(json.dumps(LINE_A).encode() + b"\n" + "{\"x\": \"caf\xe9\"}".encode("latin-1") + b"\n")
    code, _, err = cli("add", "--from", str(f))
    assert code == 1 and "line 2: not UTF-8 text" in err
    code, _, err = cli("add", "--from", str(tmp_path / "nope.jsonl"))
    assert code == 1 and "does not exist" in err


def test_adding_the_same_file_twice_is_refused_whole(cli, tmp_path):
    f = cli.jsonl(tmp_path / "in.jsonl", dict(LINE_A, id="a" * 32), dict(LINE_B, id="b" * 32))
    assert cli("add", "--from", str(f))[0] == 0
    code, _, err = cli("add", "--from", str(f))
    assert code == 1 and "already in the vault" in err
    assert len(json.loads(cli("list", "--json")[1])) == 2


def test_a_reference_already_in_the_vault_is_refused_by_line_before_any_backup(cli, tmp_path):
    first = cli.jsonl(tmp_path / "a.jsonl", dict(LINE_A, id="a" * 32, reference="WB-AAAA-0001"))
    assert cli("add", "--from", str(first))[0] == 0
    cli("add", "--from", str(cli.jsonl(tmp_path / "b.jsonl", dict(LINE_B, id="b" * 32))))
    backups = Vault.backups(cli.vault)
    again = cli.jsonl(tmp_path / "c.jsonl", dict(LINE_B, id="c" * 32),
                      dict(LINE_A, id="d" * 32, reference="WB-AAAA-0001"))
    code, _, err = cli("add", "--from", str(again))
    assert code == 1 and "interview 2 in the file has a 'reference' already in the vault" in err
    assert Vault.backups(cli.vault) == backups, "a refused import makes no backup"
    assert len(json.loads(cli("list", "--json")[1])) == 2


def test_urdu_reaches_an_output_redirected_in_a_code_page_that_cannot_write_it(cli, tmp_path):
    """Windows gives 'witnessbox show ID > file' the ANSI code page: the Urdu statement must still
    come out whole (as UTF-8), not stop halfway with an unexpected error."""
    f = cli.jsonl(tmp_path / "in.jsonl", dict(LINE_B, id="e" * 32))
    assert cli("add", "--from", str(f))[0] == 0
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "s"),
           "XDG_DATA_HOME": str(tmp_path / "d"), "PYTHONIOENCODING": "cp1252"}
    for argv in (["show", "e" * 32], ["show", "--json", "e" * 32]):
        out = subprocess.run([sys.executable, "-m", "desktop", *argv, "--vault", str(cli.vault),
                              "--passphrase-file", str(cli.pw)], capture_output=True, env=env, cwd=REPO)
        assert out.returncode == 0, out.stderr.decode("utf-8", "replace")
        assert LINE_B["statement"] in out.stdout.decode("utf-8")


def test_wrong_passphrase_and_no_vault(cli, tmp_path):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n")
    code, _, err = cli("list", passphrase=wrong)
    assert code == 1 and err.strip() == "witnessbox: Wrong passphrase."
    code, _, err = cli("list", "--vault", str(tmp_path / "elsewhere"), vault=False)
    assert code == 1 and "no vault" in err.lower()


def test_passwd_changes_only_the_key_slot(cli, tmp_path):
    cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", LINE_A)))
    db_before = (cli.vault / "vault.db").read_bytes()
    new = tmp_path / "new.txt"
    new.write_text("a new long passphrase\n")
    code, out, err = cli("passwd", "--new-passphrase-file", str(new))
    assert code == 0, err
    assert cli("list")[0] == 1
    code, out, _ = cli("list", "--json", passphrase=new)
    assert code == 0 and len(json.loads(out)) == 1
    # The database itself was not re-encrypted (the audit entry is the only change, in the WAL).
    assert (cli.vault / "vault.db").read_bytes()[:16] == db_before[:16]


def test_damaged_vault_names_the_backup(cli, tmp_path):
    cli("add", "--from", str(cli.jsonl(tmp_path / "a.jsonl", LINE_A)))
    cli("add", "--from", str(cli.jsonl(tmp_path / "b.jsonl", LINE_B)))
    assert Vault.backups(cli.vault), "an import into a vault with interviews is preceded by a backup"
    raw = bytearray((cli.vault / "vault.db").read_bytes())
    raw[4096 * 2 + 100] ^= 0x40
    (cli.vault / "vault.db").write_bytes(bytes(raw))
    # Unlocking proves the header only; `check` reads every page (the app runs it after unlock).
    code, _, err = cli("check")
    assert code == 1 and "damaged" in err and "backup" in err and "passphrase" not in err.lower()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n")
    assert cli("restore-backup", passphrase=wrong)[0] == 1
    assert not (cli.vault / "damaged").exists()  # nothing moved on a wrong passphrase
    code, out, err = cli("restore-backup")
    assert code == 0, err
    code, out, _ = cli("list", "--json")
    assert code == 0 and len(json.loads(out)) == 1  # the backup was made before the second import


def test_restore_backup_on_a_healthy_vault_refuses_unless_forced(cli, tmp_path):
    cli("add", "--from", str(cli.jsonl(tmp_path / "a.jsonl", LINE_A)))
    cli("add", "--from", str(cli.jsonl(tmp_path / "b.jsonl", LINE_B)))
    code, _out, err = cli("restore-backup")
    assert code == 1 and "opens normally" in err and "--force" in err
    assert not (cli.vault / "damaged").exists()
    assert len(json.loads(cli("list", "--json")[1])) == 2  # nothing was rolled back
    code, _out, err = cli("restore-backup", "--force")
    assert code == 0, err
    assert len(json.loads(cli("list", "--json")[1])) == 1


def test_shown_json_imports_into_another_vault_unchanged(cli, tmp_path, app_paths):
    f = cli.jsonl(tmp_path / "in.jsonl", LINE_A)
    iid = json.loads(cli("add", "--from", str(f), "--json")[1])["added"][0]
    shown = json.loads(cli("show", iid, "--json")[1])
    (tmp_path / "other").mkdir()
    other = Cli(app_paths, tmp_path / "other")
    other.pw.write_text("another passphrase\n")
    Vault.create(other.vault, "another passphrase", kdf=FAST_KDF).lock()
    code, _, err = other("add", "--from", str(other.jsonl(tmp_path / "shown.jsonl", shown)))
    assert code == 0, err
    assert json.loads(other("show", iid, "--json")[1]) == shown


def test_forces_lists_every_code(app_paths, tmp_path):
    code, out, _ = Cli(app_paths, tmp_path)("forces", "--json", vault=False)
    codes = {f["code"] for f in json.loads(out)}
    assert code == 0 and {"metropolitan", "btp", "scotland", "psni", "unknown"} <= codes and len(codes) == 47


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.sampled_from(sorted(KNOWN_KEYS)), _json_values, max_size=12),
    st.sampled_from(sorted(KNOWN_KEYS)),
)
def test_the_line_parser_only_ever_reports_problems(overrides, key):
    """Fuzz (T23 for the import file): any JSON in any field gives an Interview or a line problem."""
    line = {**LINE_A, **overrides}
    for candidate in (line, {k: v for k, v in line.items() if k != key}):
        data = json.dumps(candidate, ensure_ascii=False).encode()
        try:
            ivs = parse_jsonl(data)
        except ImportProblems as exc:
            assert all(p.line == 1 for p in exc.problems)
        else:
            assert len(ivs) == 1 and re.match(r"^[A-Za-z0-9_-]{1,64}$", ivs[0].id)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_the_file_parser_survives_any_bytes(data):
    try:
        parse_jsonl(data)
    except ImportProblems:
        pass


def test_a_huge_line_is_a_line_problem():
    huge = json.dumps(dict(LINE_A, statement="x" * 9_000_000)).encode()
    with pytest.raises(ImportProblems) as info:
        parse_jsonl(json.dumps(LINE_B).encode() + b"\n" + huge + b"\n")
    assert [str(p) for p in info.value.problems] == ["line 2: the line is too long"]


def test_backup_to_a_stick_and_restore_it_into_a_new_vault(cli, tmp_path, app_paths):
    iid = json.loads(cli("add", "--from", str(cli.jsonl(tmp_path / "a.jsonl", LINE_A)), "--json")[1])["added"][0]
    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, err = cli("backup", "--to", str(stick))
    assert code == 0, err
    (copy,) = stick.iterdir()
    assert copy.name.startswith("Witnessbox-backup-") and str(copy) in out
    synced = tmp_path / "Dropbox"
    synced.mkdir()
    code, _out, err = cli("backup", "--to", str(synced))
    assert code == 1 and "cloud service" in err and list(synced.iterdir()) == []

    (tmp_path / "laptop2").mkdir()
    other = Cli(app_paths, tmp_path / "laptop2")
    other.pw.write_text(cli.pw.read_text())
    code, out, err = other("restore-copy", str(stick))
    assert code == 0, err
    assert "new vault" in out
    assert [row["id"] for row in json.loads(other("list", "--json")[1])] == [iid]
    code, _out, err = other("restore-copy", str(stick))  # never over a vault
    assert code == 1 and "new or empty" in err


def test_check_reads_every_page_and_names_the_backup_when_one_is_damaged(cli):
    from tests.factories import named_interview
    from tests.vault_forensics import PAGE

    with Vault.unlock(cli.vault, CLI_PASSPHRASE) as v:
        v.interviews.add_many([named_interview(f"statement {i} " + "words " * 300) for i in range(20)])
        v.backup_now()
    code, out, err = cli("check")
    assert code == 0 and err == "" and "no damaged pages" in out

    db_file = cli.vault / "vault.db"
    raw = bytearray(db_file.read_bytes())
    raw[len(raw) - PAGE + 200] ^= 0x01  # the last page: unlocking alone does not read it
    db_file.write_bytes(bytes(raw))
    code, out, err = cli("check")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "damaged" in err and Vault.backups(cli.vault)[0].name in err and "passphrase" not in err.lower()
    code, out, err = cli("restore-backup")
    assert code == 0, "a vault whose pages fail their check is not 'opening normally'"
    assert cli("check")[0] == 0


def test_backup_replaces_the_older_copies_on_the_stick_unless_told_to_keep_them(cli, tmp_path):
    added = json.loads(cli("add", "--from", str(cli.jsonl(tmp_path / "ab.jsonl", LINE_A, LINE_B)), "--json")[1])
    gone = added["added"][1]
    stick = tmp_path / "stick"
    stick.mkdir()
    assert cli("backup", "--to", str(stick))[0] == 0
    (first,) = stick.iterdir()

    code, out, err = cli("delete", gone)
    assert code == 0, err
    assert "still holds it" in out and "backup --to" in out  # the deletion says where it is not gone yet

    code, out, err = cli("backup", "--to", str(stick), "--keep-older")
    assert code == 0, err
    assert len(list(stick.iterdir())) == 2 and first.is_dir()
    assert "The older copy of this vault stays in that folder (--keep-older)" in out

    code, out, err = cli("backup", "--to", str(stick))
    assert code == 0, err
    (newest,) = stick.iterdir()
    assert newest != first and "Deleted 2 older copies of this vault from that folder." in out
    assert Vault.exists(newest)
