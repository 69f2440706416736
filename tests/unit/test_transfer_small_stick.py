"""The first bundle after a restore can be large (everything not receipted goes again): sent to a stick
with too little room, the worker is told how large it is and what it needs, nothing is left on the
stick, nothing is marked sent, and the next try on a bigger stick sends all of it. The service runs
against a real small tmpfs (in a user namespace, where the kernel allows it) and, everywhere, a real
RLIMIT_FSIZE that makes the kernel refuse the write half-way (the estimate passed, the stick filled).
Real vaults, a real backup copy restored, real bundles.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import firewall
from desktop.services import backups, transfer
from desktop.services.transfer_export import no_room, size_words
from desktop.transfer import stick
from desktop.vault import Vault
from tests.factories import PASSPHRASE, make_interview
from tests.transfer_vaults import make_pair, send_bundle

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
PHOTO_MB = 1

_SEND = """
import json, os, resource, signal, sys
from pathlib import Path
from desktop.services import transfer
from desktop.services.errors import Refused
from desktop.vault import Vault
from tests.factories import PASSPHRASE
vault_dir, folder, limit = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
vault = Vault.unlock(vault_dir, PASSPHRASE)
hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
try:
    transfer.export_bundle(vault, folder)
    out = {"ok": True}
except Refused as e:
    out = {"ok": False, "message": str(e)}
if limit:
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))  # the vault is written on lock
out["files"] = os.listdir(folder)
vault.lock()
print(json.dumps(out))
"""


def _restored_with_a_large_first_bundle(tmp_path) -> tuple[Vault, Vault, list[str]]:
    """A laptop restored from a copy that shows 6 interviews (1 MB of photos each) sent but never receipted."""
    old, coord = make_pair(tmp_path)
    ids = []
    for n in range(6):
        iv = make_interview(f"Interview {n}, sent in a bundle lost with the old laptop.")
        old.interviews.add(iv)
        old.attachments.add(iv.id, os.urandom(PHOTO_MB * 1024 * 1024), f"letter-{n}.jpg", "image/jpeg")
        ids.append(iv.id)
    send_bundle(old, tmp_path, "lost")
    (tmp_path / "backup").mkdir()
    backups.backup_to_folder(old, tmp_path / "backup")
    old.lock()
    backups.restore_copy(tmp_path / "backup", tmp_path / "new", PASSPHRASE)
    new = Vault.unlock(tmp_path / "new", PASSPHRASE)
    assert {transfer.delivery(new, i) for i in ids} == {"sent, awaiting receipt"}
    new.lock()
    return new, coord, ids


def _after(tmp_path, coord: Vault, ids: list[str]) -> None:
    """Nothing was marked; the next bundle, on a stick with room, carries everything again and imports."""
    new = Vault.unlock(tmp_path / "new", PASSPHRASE)
    assert {transfer.delivery(new, i) for i in ids} == {"sent, awaiting receipt"}  # as before: not marked again
    # the old laptop's bundle, and this one's number kept for the next try (nothing recorded as sent)
    assert [(seq, s) for seq, _id, _sha, s in new.transfer.sent_bundles()] == [(1, "sent"), (2, "writing")]
    big = send_bundle(new, tmp_path, "big")
    assert big.seq == 2 and big.interviews == 6 and "restored from a backup" in big.note
    outcome = transfer.import_bundles(coord, big.path).bundles[0]
    assert outcome.status == "imported" and outcome.interviews == 6
    assert transfer.import_receipt(new, outcome.receipt) == 6
    new.lock()


def _send_in_child(argv_prefix: list[str], tmp_path, folder: Path, limit: int, env: dict) -> dict:
    out = subprocess.run([*argv_prefix, sys.executable, "-c", _SEND, str(tmp_path / "new"), str(folder), str(limit)],
                         capture_output=True, text=True, env=env, timeout=300, cwd=REPO)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_stick_that_fills_half_way_leaves_nothing_and_marks_nothing(tmp_path):
    new, coord, ids = _restored_with_a_large_first_bundle(tmp_path)
    folder = tmp_path / "small-stick"
    folder.mkdir()
    result = _send_in_child([], tmp_path, folder, 2 * 1024 * 1024, ENV)  # the kernel refuses past 2 MB
    assert result == {"ok": False, "message": stick.FULL, "files": []}  # no .part, nothing under the final name
    _after(tmp_path, coord, ids)


def test_the_no_room_message_says_how_large_the_bundle_is_and_what_the_stick_has():
    said = no_room(6_400_000, 3_000_000)
    assert "about 6.4 MB" in said and "twice that free" in said and "has 3.0 MB free" in said
    assert said.endswith("Free some space or use another stick; nothing was sent.")
    assert size_words(820_000) == "820 KB" and size_words(1_234_000_000) == "1.2 GB" and size_words(10) == "1 KB"


def _unshare_allowed() -> bool:
    found = shutil.which("unshare")
    return bool(found) and firewall._is_allowed_program(found)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="tmpfs in a user namespace is Linux only")
@pytest.mark.skipif(not _unshare_allowed(), reason="'unshare' is not available or not in conftest's TEST_PROGRAMS; "
                    "the RLIMIT_FSIZE test above injects a full stick")
def test_a_small_real_stick_is_refused_before_writing_with_the_sizes(tmp_path):  # pragma: no cover - needs unshare
    new, coord, ids = _restored_with_a_large_first_bundle(tmp_path)
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    script = f"mount -t tmpfs -o size=4m tmpfs {mnt} && {sys.executable} -c \"$SEND\" {tmp_path / 'new'} {mnt} 0"
    out = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True,
                         env=dict(ENV, SEND=_SEND), timeout=300, cwd=REPO)
    if out.returncode != 0 and "mount" in out.stderr:
        pytest.skip("this kernel does not let a user namespace mount tmpfs")
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["ok"] is False and result["files"] == []
    assert result["message"].startswith("The stick does not have enough free space. This bundle is about 6.")
    assert "the stick has 4.2 MB free" in result["message"] and "nothing was sent" in result["message"]
    _after(tmp_path, coord, ids)


def test_the_command_line_says_how_large_the_bundle_written_is(tmp_path, app_paths):
    import io

    from desktop.cli import Context, run

    field, _coord = make_pair(tmp_path)
    iv = make_interview("With a photo of the letter.")
    field.interviews.add(iv)
    field.attachments.add(iv.id, os.urandom(300_000), "letter.jpg", "image/jpeg")
    field.lock()
    (tmp_path / "pw.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    out, err = io.StringIO(), io.StringIO()
    code = run(["export-bundle", "--out", str(tmp_path / "out"), "--vault", str(tmp_path / "field"),
                "--passphrase-file", str(tmp_path / "pw.txt")],
               Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=err))
    assert code == 0, err.getvalue()
    [written] = (tmp_path / "out").iterdir()
    assert f"({size_words(written.stat().st_size)}) to the stick" in out.getvalue()
    assert "(30" in out.getvalue() and "KB)" in out.getvalue()  # about 300 KB
