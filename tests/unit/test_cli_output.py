"""What the command line reads and prints, made strict (issue #10): only regular files, read with a
limit; no control character from a name or a statement reaches the terminal; a closed pipe ends quietly."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import Context, UserError, printable, read_small_file
from desktop.core.model import Interview
from desktop.vault import Vault
from tests.cli_driver import LINE_A

REPO = Path(__file__).resolve().parents[2]


def _limit_memory() -> None:  # the old code read /dev/zero until the memory ran out: not here
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))


def _witnessbox(tmp_path, *argv: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "s"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    return subprocess.run([sys.executable, "-m", "desktop", *argv], capture_output=True, env=env, cwd=REPO,
                          timeout=timeout, preexec_fn=_limit_memory)


# --- reading: regular files only, with a limit ---------------------------------------------------


def test_devices_pipes_and_folders_are_refused_before_they_are_read(cli, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    base = ["--vault", str(cli.vault)]
    cases = [
        (["add", "--from", "/dev/zero", *base, "--passphrase-file", str(cli.pw)], "The file to import"),
        (["add", "--from", str(fifo), *base, "--passphrase-file", str(cli.pw)], "The file to import"),
        (["list", *base, "--passphrase-file", "/dev/zero"], "The passphrase file"),
        (["list", *base, "--passphrase-file", str(fifo)], "The passphrase file"),
        (["passwd", *base, "--passphrase-file", str(cli.pw), "--new-passphrase-file", "/dev/zero"],
         "The passphrase file"),
        (["passwd", *base, "--passphrase-file", str(cli.pw), "--new-passphrase-file", str(fifo)],
         "The passphrase file"),
    ]
    for argv, what in cases:
        out = _witnessbox(tmp_path, *argv, timeout=30)  # the old code waited on the FIFO for ever
        assert out.returncode == 1, argv
        assert out.stderr.decode() == (f"witnessbox: {what} is not a regular file (it is a device or a pipe); "
                                       "save it as a file and give that file.\n"), argv
    code, _, err = cli("add", "--from", str(tmp_path))
    assert code == 1 and err.strip() == "witnessbox: The file to import is a folder."
    code, _, err = cli("list", passphrase=tmp_path)
    assert code == 1 and err.strip() == "witnessbox: The passphrase file is a folder."
    assert Vault.unlock(cli.vault, "correct horse battery").interviews.count() == 0


def test_the_reader_stops_at_its_limit_and_keeps_the_first_line_rules(cli, tmp_path):
    f = tmp_path / "f.bin"
    f.write_bytes(b"x" * 101)
    with pytest.raises(UserError, match="^too big$"):
        read_small_file(f, limit=100, what="The file", too_large="too big")
    assert read_small_file(f, limit=101, what="The file", too_large="too big") == b"x" * 101
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"correct horse battery\n" + b"#" * (64 * 1024))
    code, _, err = cli("list", passphrase=huge)
    assert code == 1 and "The passphrase file is too large" in err
    for raw in (b"\xef\xbb\xbfcorrect horse battery\r\nrest", b"correct horse battery\rrest", b"correct horse battery"):
        pw = tmp_path / "pw2.txt"
        pw.write_bytes(raw)
        assert cli("list", passphrase=pw)[0] == 0, raw


# --- printing: control characters are shown, never acted on --------------------------------------

ESCAPES = "\x1b[2J\x1b]0;owned\x07\x9b31m\x7f"
SHOWN = "\\x1b[2J\\x1b]0;owned\\x07\\x9b31m\\x7f"  # the same, as it is printed


def test_show_list_and_search_print_no_control_character(cli, tmp_path):
    line = dict(LINE_A, reference="WB-ESC1-0001",
                statement=f"First line{ESCAPES}.\r\nSecond line\tand a tab.\nThird line\rFourth.",
                people=[{"name": f"Amina{ESCAPES}\nPerson:          Fake", "role": "interviewee",
                         "aliases": [f"A{ESCAPES}"]}],
                identifiers=[{"kind": "phone", "value": "07700\x1b[8m900123"}])
    assert cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", line)))[0] == 0
    code, out, _ = cli("show", "WB-ESC1-0001")
    assert code == 0
    for c in "\x1b\x07\x9b\x7f\r":
        assert c not in out, repr(c)
    assert f"Person:          Amina{SHOWN}\\x0aPerson:          Fake [interviewee]" in out
    assert out.count("\nPerson:") == 1, "a name stays on its one line"
    assert "Identifier:      phone: 07700\\x1b[8m900123" in out
    assert out.endswith(f"First line{SHOWN}.\nSecond line\tand a tab.\nThird line\nFourth.\n")
    # An older Witnessbox stored any reference: the list still prints one plain line per interview.
    with Vault.unlock(cli.vault, "correct horse battery") as v:
        v.interviews.add(Interview.from_dict(dict(LINE_A, reference="WB\x1b[2J\nX", statement="visa")))
    for argv, rows in ((["list"], 2), (["search", "visa"], 1)):
        code, out, _ = cli(*argv)
        assert code == 0 and "\x1b" not in out and "WB\\x1b[2J\\x0aX" in out and len(out.splitlines()) == rows
    code, out, _ = cli("show", "WB-ESC1-0001", "--json")
    assert not any(c in out for c in "\x1b\x07\x9b\x7f") and "\\u009b" in out and "\\u007f" in out
    assert json.loads(out)["statement"] == line["statement"], "JSON escapes, it does not change"


def test_json_output_escapes_direction_overrides_and_means_the_same(app_paths):
    out = io.StringIO()
    ctx = Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=io.StringIO())
    value = "Leeds \u202eoffice\u202c (Laptop K7QF 2MXD) \u2067x\u2069 میں \u200f"
    ctx.emit_json({"laptop": value})
    text = out.getvalue()
    assert not any(c in text for c in "\u202e\u202c\u2067\u2069") and "\\u202e" in text
    assert "میں \u200f" in text  # the letters of a script, and a plain mark, are written as they are
    assert json.loads(text) == {"laptop": value}


def test_printable_keeps_text_in_every_script():
    text = "میں نے پولیس کو بتایا \u200f(RLM) ZWJ\u200d ሰላም ਪੰਜਾਬੀ"
    assert printable(text) == text and printable(text, keep_newlines=True) == text
    assert printable("a\nb") == "a\\x0ab" and printable("a\nb", keep_newlines=True) == "a\nb"


# --- a closed pipe -------------------------------------------------------------------------------


def test_show_into_a_pipe_closed_early_ends_quietly(cli, tmp_path):
    """'witnessbox show X | head -1' said "an unexpected error stopped the command"."""
    line = dict(LINE_A, reference="WB-PIPE-0001", statement="A long statement. " * 40_000)
    assert cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", line)))[0] == 0
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "s"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    for argv in (["show", "WB-PIPE-0001"], ["show", "--json", "WB-PIPE-0001"]):
        p = subprocess.Popen([sys.executable, "-m", "desktop", *argv, "--vault", str(cli.vault),
                              "--passphrase-file", str(cli.pw)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, cwd=REPO)
        p.stdout.read(10)  # 'head' takes what it wants and goes
        p.stdout.close()
        err = p.stderr.read()
        assert p.wait(timeout=60) == 1, err
        assert err == b"", err
    log = "".join(f.read_text(errors="replace") for f in (tmp_path / "s").rglob("*.log*"))
    assert "BrokenPipe" not in log and "command failed" not in log


# --- search: what '*' means, said where people read it -------------------------------------------


def test_search_help_and_readme_say_what_a_star_does(cli, tmp_path, capsys):
    assert cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", LINE_A)))[0] == 0
    assert json.loads(cli("search", "Amin", "--json")[1]) == []  # words match whole...
    assert len(json.loads(cli("search", "Amin*", "--json")[1])) == 1  # ...or from their start, with '*'
    assert len(json.loads(cli("search", "visa", "AND", "--json")[1])) == 1  # the word "and" is in it
    assert json.loads(cli("search", "visa", "NOT", "--json")[1]) == []  # "not" is a word, not an operator
    code = cli("search", "--help", vault=False)[0]
    out = capsys.readouterr().out  # argparse prints --help itself
    assert code == 0 and "End a word with * to find every word that starts with it" in " ".join(out.split())
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    search_line = next(x for x in readme.splitlines() if x.startswith("witnessbox search"))
    assert "AND/OR/* are just text" not in search_line and "Immigr*" in search_line
