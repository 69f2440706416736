"""T22 and the export half of it with real processes: SIGKILL during a bundle's import and during
its export. A child does the work; the parent kills it at a random moment and checks with the real
code that the coordinator holds all of the bundle or none of it (never twice), and that the field
vault never marks an interview sent unless its bundle is whole on the stick. Seeds are printed on
failure so a run can be repeated."""

from __future__ import annotations

import hashlib
import random
import shutil
import signal
import time

import pytest

from desktop.services import transfer
from desktop.transfer.stick import list_stick
from desktop.vault import Vault
from tests.factories import PASSPHRASE, make_interview
from tests.reliability.children import rest_of_output, spawn
from tests.transfer_vaults import make_pair

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals (SIGKILL)")

KILLS = 30
INTERVIEWS = 20
PHOTO = bytes(range(256)) * 1024  # 256 KiB an interview: long enough an import to be cut in the middle

_IMPORTER = f"""
import sys
from pathlib import Path
from desktop.services import transfer
from desktop.vault import Vault
v = Vault.unlock(Path(sys.argv[1]), {PASSPHRASE!r})
print("ready", flush=True)
report = transfer.import_bundles(v, Path(sys.argv[2]), receipts=False)
print("done", report.bundles[0].status, flush=True)
v.lock()
"""

_EXPORTER = f"""
import sys
from pathlib import Path
from desktop.services import transfer
from desktop.vault import Vault
v = Vault.unlock(Path(sys.argv[1]), {PASSPHRASE!r})
print("ready", flush=True)
result = transfer.export_bundle(v, Path(sys.argv[2]))
print("done", result.path.name, flush=True)
v.lock()
"""


def _filled_pair(tmp_path):
    field, coord = make_pair(tmp_path)
    ids = []
    for n in range(INTERVIEWS):
        iv = make_interview(f"Interview number {n}.")
        field.interviews.add(iv)
        field.attachments.add(iv.id, PHOTO + n.to_bytes(2, "big"), "letter.jpg", "image/jpeg")
        ids.append(iv.id)
    return field, coord, ids


def _kill_after_ready(proc, delay: float) -> list[str]:
    """Let the child run ``delay`` seconds past its "ready", then SIGKILL it (if it has not finished:
    a kill after the end is allowed, the checks hold either way). Every line it printed."""
    first = proc.stdout.readline()
    if not first.startswith("ready"):
        raise AssertionError("the child did not start: " + proc.communicate(timeout=30)[1][-2000:])
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    out, _err = rest_of_output(proc)
    return [ln.strip() for ln in [first, *out.splitlines()] if ln.strip()]


def _timed(code: str, *args: str) -> float:
    """How long the child's work takes after it says ready (to aim the kills)."""
    proc = spawn(code, *args)
    if not proc.stdout.readline().startswith("ready"):
        raise AssertionError("the child did not start: " + proc.communicate(timeout=30)[1][-2000:])
    start = time.monotonic()
    out, err = rest_of_output(proc)
    assert proc.returncode == 0 and out.startswith("done"), err[-2000:]
    return time.monotonic() - start


def test_sigkill_during_import_leaves_all_of_the_bundle_or_none(tmp_path, rng):
    field, coord, ids = _filled_pair(tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    bundle = transfer.export_bundle(field, stick).path
    field.lock()
    coord.lock()
    pristine = tmp_path / "coord-pristine"
    shutil.copytree(tmp_path / "coord", pristine)
    work = tmp_path / "coord-work"
    shutil.copytree(pristine, work)
    duration = _timed(_IMPORTER, str(work), str(bundle))

    seed = rng.randrange(10**9)
    rnd = random.Random(seed)
    outcomes = {"all": 0, "none": 0}
    for i in range(KILLS):
        shutil.rmtree(work)
        shutil.copytree(pristine, work)
        lines = _kill_after_ready(spawn(_IMPORTER, str(work), str(bundle)), rnd.uniform(0, duration))
        finished = any(ln.startswith("done") for ln in lines)
        v = Vault.unlock(work, PASSPHRASE)
        try:
            con = v.connection()
            assert [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"], f"seed {seed} kill {i}"
            present = [i_ for i_ in ids if v.interviews.exists(i_)]
            attachments = con.execute("SELECT count(*) FROM attachments").fetchone()[0]
            imported = con.execute("SELECT count(*) FROM bundles_received WHERE status = 'imported'").fetchone()[0]
            assert (len(present), attachments, imported) in ((0, 0, 0), (INTERVIEWS, INTERVIEWS, 1)), \
                f"seed {seed} kill {i}: {len(present)} interviews, {attachments} attachments, {imported} bundles"
            assert not finished or imported == 1, f"seed {seed} kill {i}: acknowledged but not there"
            outcomes["all" if imported else "none"] += 1
            # importing again finishes the job exactly once
            again = transfer.import_bundles(v, bundle, receipts=False).bundles[0].status
            assert again == ("already there" if imported else "imported"), f"seed {seed} kill {i}"
            assert con.execute("SELECT count(*) FROM attachments").fetchone()[0] == INTERVIEWS
            assert sorted(v.interviews.ids()) == sorted(ids)
            assert v.audit.verify()
        finally:
            v.lock()
    assert sum(outcomes.values()) == KILLS
    assert outcomes["none"] > 0, f"seed {seed}: no kill landed before the commit ({outcomes})"


def test_sigkill_during_export_never_marks_sent_what_is_not_whole_on_the_stick(tmp_path, rng):
    field, coord, ids = _filled_pair(tmp_path)
    field.lock()
    coord.lock()
    pristine = tmp_path / "field-pristine"
    shutil.copytree(tmp_path / "field", pristine)
    work = tmp_path / "field-work"
    shutil.copytree(pristine, work)
    stick = tmp_path / "stick"
    stick.mkdir()
    duration = _timed(_EXPORTER, str(work), str(stick))

    seed = rng.randrange(10**9)
    rnd = random.Random(seed)
    recorded = 0
    for i in range(KILLS):
        shutil.rmtree(work)
        shutil.copytree(pristine, work)
        shutil.rmtree(stick)
        stick.mkdir()
        lines = _kill_after_ready(spawn(_EXPORTER, str(work), str(stick)), rnd.uniform(0, duration))
        finished = any(ln.startswith("done") for ln in lines)
        v = Vault.unlock(work, PASSPHRASE)
        try:
            sent = [row for row in v.transfer.sent_bundles() if row[3] == "sent"]
            marked = [i_ for i_ in ids if transfer.delivery(v, i_) != "not sent"]
            assert marked in ([], ids), f"seed {seed} kill {i}: {len(marked)} of {len(ids)} marked sent"
            assert not finished or sent, f"seed {seed} kill {i}: acknowledged but not recorded"
            for _seq, _bundle_id, sha, _state in sent:
                on_stick = [p for p in list_stick(stick).bundles
                            if hashlib.sha256(p.read_bytes()).hexdigest() == sha]
                assert on_stick, f"seed {seed} kill {i}: marked sent, but its bundle is not whole on the stick"
            recorded += bool(sent)
            if not sent:  # the next export sends everything, under the same sequence number
                shutil.rmtree(stick)
                stick.mkdir()
                result = transfer.export_bundle(v, stick)
                assert result.seq == 1 and result.interviews == INTERVIEWS, f"seed {seed} kill {i}"
        finally:
            v.lock()
    assert recorded < KILLS, f"seed {seed}: every kill came after the export finished"
