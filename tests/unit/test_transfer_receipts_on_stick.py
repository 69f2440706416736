"""Receipts written onto the stick at import: the receipts already on it are read and checked once per
import (not once per bundle), and a stick that cannot take a receipt says plainly that none was written
and changes nothing else. Real vaults, real age bundles, real receipt files; the full stick is a real
tmpfs whose file entries are used up (in a user namespace, where the kernel allows it), as a FAT stick's
root folder fills."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import firewall
from desktop.services import transfer, transfer_import
from desktop.transfer.stick import list_stick
from desktop.vault import Vault
from tests.factories import PASSPHRASE, make_interview
from tests.transfer_vaults import make_pair

REPO = Path(__file__).resolve().parents[2]


def _stick_of(field: Vault, stick: Path, bundles: int) -> None:
    stick.mkdir()
    for n in range(bundles):
        field.interviews.add(make_interview(f"Interview {n}: the officer asked about my visa."))
        transfer.export_bundle(field, stick)


def test_the_receipts_on_the_stick_are_read_once_per_import_and_none_is_made_to_be_read_back(tmp_path, monkeypatch):
    field, coord = make_pair(tmp_path)
    try:
        stick = tmp_path / "stick"
        _stick_of(field, stick, 4)
        first = transfer.import_bundles(coord, stick)
        assert [b.status for b in first.bundles] == ["imported"] * 4 and all(b.receipt for b in first.bundles)
        assert len(list_stick(stick).receipts) == 4
        reads, made = [], []
        real_read, real_make = transfer_import.read_receipt, transfer_import.make_receipt
        monkeypatch.setattr(transfer_import, "read_receipt", lambda *a, **k: reads.append(1) or real_read(*a, **k))
        monkeypatch.setattr(transfer_import, "make_receipt", lambda *a, **k: made.append(1) or real_make(*a, **k))
        again = transfer.import_bundles(coord, stick)  # the stick imported again: every receipt is there
        assert [b.status for b in again.bundles] == ["already there"] * 4
        assert [b.receipt for b in again.bundles] == [b.receipt for b in first.bundles]
        assert [b.receipt_there for b in first.bundles + again.bundles] == [False] * 4 + [True] * 4
        assert len(list_stick(stick).receipts) == 4 and not again.receipt_note()
        assert (len(reads), len(made)) == (4, 0)  # each receipt on the stick once; nothing signed to compare
    finally:
        field.lock()
        coord.lock()


_IMPORT = """
import json, os, shutil, sys
from pathlib import Path
from desktop.services import transfer
from desktop.vault import Vault
from tests.factories import PASSPHRASE
vault_dir, stick, mnt = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
for bundle in sorted(stick.iterdir()):
    shutil.copyfile(bundle, mnt / bundle.name)
n = 0
try:  # the stick's file entries used up, as a FAT root folder fills; its space is not
    while True:
        (mnt / f"photo-{n}.jpg").write_bytes(b"x")
        n += 1
except OSError as e:
    full = e.strerror
before = sorted(os.listdir(mnt))
vault = Vault.unlock(vault_dir, PASSPHRASE)
report = transfer.import_bundles(vault, mnt)
vault.lock()
print(json.dumps({"full": full, "fillers": n, "before": before, "after": sorted(os.listdir(mnt)),
                  "bundles": [[b.status, b.receipt, b.no_receipt] for b in report.bundles],
                  "note": report.receipt_note()}))
"""


def _unshare_allowed() -> bool:
    found = shutil.which("unshare")
    return bool(found) and firewall._is_allowed_program(found)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="tmpfs in a user namespace is Linux only")
@pytest.mark.skipif(not _unshare_allowed(), reason="'unshare' is not available or not in conftest's TEST_PROGRAMS")
def test_a_full_stick_gets_no_receipt_says_so_plainly_and_nothing_else_changes(tmp_path):  # pragma: no cover
    field, coord = make_pair(tmp_path)
    stick = tmp_path / "stick"
    _stick_of(field, stick, 3)
    ids = sorted(field.interviews.ids())
    field.lock()
    coord.lock()
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    script = f'mount -t tmpfs -o size=8m,nr_inodes=16 tmpfs {mnt} && {sys.executable} -c "$IMPORT" "$@"'
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1", IMPORT=_IMPORT)
    out = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", str(tmp_path / "coord"), str(stick), str(mnt)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=REPO,
    )
    if out.returncode != 0 and "mount" in out.stderr:
        pytest.skip("this kernel does not let a user namespace mount tmpfs")
    assert out.returncode == 0, out.stderr[-3000:]
    said = json.loads(out.stdout.strip().splitlines()[-1])
    assert said["full"] == "No space left on device" and said["fillers"] > 0
    # every bundle arrived; none got a receipt, and the stick holds what it held (no .part, no receipt)
    assert said["bundles"] == [["imported", None, True]] * 3
    assert said["after"] == said["before"]
    assert said["note"].startswith("No receipt could be written onto the stick for 3 bundles")
    assert "What arrived is imported" in said["note"] and "import it again" in said["note"]
    coord = Vault.unlock(tmp_path / "coord", PASSPHRASE)
    try:
        assert sorted(coord.interviews.ids()) == ids  # imported as with room for the receipts
        # imported again from a stick with room: nothing twice, and the receipts are written then
        again = transfer.import_bundles(coord, stick)
        assert [b.status for b in again.bundles] == ["already there"] * 3 and all(b.receipt for b in again.bundles)
        assert not again.receipt_note() and sorted(coord.interviews.ids()) == ids
    finally:
        coord.lock()
