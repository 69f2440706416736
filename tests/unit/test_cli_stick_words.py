"""A stick that is write-protected or full is named as such, in one line, by every command that
writes to it, and nothing is left on it. These commands said "an unexpected error stopped the
command" (the kernel's EROFS and ENOSPC reached the top of the command line as they were). The
sticks are real: a tmpfs mounted read-only, and one too small for a statement, in a user namespace
where the kernel allows it; the vault is a real SQLCipher vault."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import firewall
from desktop.services.errors import os_error_words
from tests.cli_driver import LINE_A

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")

READ_ONLY = ("witnessbox: The place to write to is read-only (a write-protected stick, or a disk that can only be "
             "read). Choose another place, or unlock the stick, and try again.\n")
FULL = ("witnessbox: The disk or stick is full, so the command stopped. Free some space, or choose another place, "
        "and try again.\n")

# Run inside the namespace, once the sticks are mounted: each command through desktop.cli.run, as
# the installed command runs it, and what it said and left on the stick.
_DRIVE = """
import io, json, os, sys
from pathlib import Path
from desktop.cli import Context, run
from desktop.paths import AppPaths
vault, pw, app, stick, ref = sys.argv[1:6]
paths = AppPaths.under(Path(app))
results = []
for argv in json.loads(sys.argv[6]):
    out, err = io.StringIO(), io.StringIO()
    argv = [a.format(stick=stick, ref=ref) for a in argv]
    code = run([*argv, "--vault", vault, "--passphrase-file", pw], Context(paths, io.StringIO(), out, err))
    left = sorted(str(p.relative_to(stick)) for p in Path(stick).rglob("*"))
    results.append({"argv": argv[0], "code": code, "err": err.getvalue(), "left": left})
print(json.dumps(results))
"""

COMMANDS = [
    ["export-statement", "{ref}", "--out", "{stick}/statement.pdf"],
    ["export-statements", "--all", "--out", "{stick}/there"],
    ["export-statements", "--all", "--out", "{stick}/new"],
    ["evidence-pack", "--out", "{stick}/pack"],
    ["report", "--out", "{stick}/report.pdf"],
]


def _unshare_allowed() -> bool:
    found = shutil.which("unshare")
    return bool(found) and firewall._is_allowed_program(found)


def _on_a_stick(cli, tmp_path: Path, mount: str, commands: list[list[str]]) -> list[dict]:
    code, _out, err = cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", LINE_A)))
    assert code == 0, err
    code, out, err = cli("list", "--json")
    assert code == 0, err
    ref = json.loads(out)[0]["reference"]
    stick = tmp_path / "stick"
    stick.mkdir()
    script = (f"{mount} && {sys.executable} -c \"$DRIVE\" {cli.vault} {cli.pw} {tmp_path / 'app'} {stick} {ref} "
              "\"$COMMANDS\"")
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=600,
                          env=dict(ENV, DRIVE=_DRIVE, COMMANDS=json.dumps(commands)), cwd=REPO)
    if done.returncode != 0 and "mount" in done.stderr:
        pytest.skip("this kernel does not let a user namespace mount tmpfs")
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="tmpfs in a user namespace is Linux only")
needs_unshare = pytest.mark.skipif(not _unshare_allowed(), reason="'unshare' is not available or not in conftest's "
                                   "TEST_PROGRAMS; test_the_words_for_each_kind_of_failure checks the words")


@linux_only
@needs_unshare
def test_a_write_protected_stick_is_named_and_nothing_is_left_on_it(cli, tmp_path):  # pragma: no cover
    mnt = tmp_path / "stick"
    mount = (f"mount -t tmpfs -o size=1m tmpfs {mnt} && mkdir {mnt}/there && mount -o remount,ro,size=1m {mnt}")
    results = _on_a_stick(cli, tmp_path, mount, [*COMMANDS, ["keys", "--export", "{stick}/keys.json"],
                                                 ["report", "--csv", "{stick}/report.csv"]])
    for r in results:
        assert (r["code"], r["err"], r["left"]) == (1, READ_ONLY, ["there"]), r


@linux_only
@needs_unshare
def test_a_full_stick_is_named_and_nothing_is_left_on_it(cli, tmp_path):  # pragma: no cover - needs unshare
    mnt = tmp_path / "stick"
    mount = f"mount -t tmpfs -o size=16k tmpfs {mnt} && mkdir {mnt}/there"
    for r in _on_a_stick(cli, tmp_path, mount, COMMANDS):
        assert (r["code"], r["err"], r["left"]) == (1, FULL, ["there"]), r


def test_the_words_for_each_kind_of_failure():
    import errno

    assert os_error_words(OSError(errno.EROFS, "Read-only file system", "/media/stick/Amina.pdf")) == READ_ONLY[12:-1]
    assert os_error_words(OSError(errno.ENOSPC, "No space left on device")) == FULL[12:-1]
    assert os_error_words(OSError(errno.EFBIG, "File too large")) == FULL[12:-1]
    assert "not allowed" in os_error_words(PermissionError(errno.EACCES, "Permission denied", "/x/Amina"))
    assert "taken out" in os_error_words(OSError(errno.EIO, "Input/output error"))
    # never the path or the system's own text; nothing for an error that is not about the place
    for e in (errno.EROFS, errno.EACCES, errno.ENOSPC, errno.EIO):
        assert "Amina" not in os_error_words(OSError(e, "x", "/media/stick/Amina.pdf"))
    assert os_error_words(OSError(errno.EINVAL, "Invalid argument")) is None
    assert os_error_words(ValueError("no")) is None
