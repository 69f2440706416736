"""Writing onto a USB stick (security.md 4.2, T25, T26): whole and verified, or nothing under the
final name. Real files; the full stick is a real small tmpfs in a user namespace (``unshare -rm``,
as tests/reliability does) and, everywhere, a real RLIMIT_FSIZE that makes the kernel refuse writes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import firewall
from desktop.transfer import stick
from desktop.transfer.bundle import bundle_file_name, write_bundle
from desktop.transfer.errors import StickWriteFailed
from desktop.transfer.manifest import FAT32_MAX_FILE
from desktop.transfer.receipt import receipt_file_name
from desktop.transfer.stick import list_stick, write_to_stick
from tests.transfer_kit import Devices, read, sample_items

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder standing for the stick (tmp_path itself holds the test's home and temp dirs)."""
    d = tmp_path / "stick"
    d.mkdir()
    return d


def _writer(data: bytes):
    def produce(f):
        for i in range(0, len(data), 65536):
            f.write(data[i:i + 65536])
    return produce


def test_a_bundle_written_to_the_stick_reads_back_and_imports(folder):
    devices = Devices()
    name = bundle_file_name()
    written = {}

    def produce(f):
        written["w"] = write_bundle(f, sender=devices.field, recipients=[devices.coord.public()], seq=1,
                                    prev_sha256="", items=sample_items(), app_version="0.1.0", schema_version=1)

    result = write_to_stick(folder, name, produce, expected_size=200_000)
    assert result.path == folder / name and sorted(os.listdir(folder)) == [name]
    data = result.path.read_bytes()
    assert result.sha256 == hashlib.sha256(data).hexdigest() == written["w"].ciphertext_sha256
    assert result.size == len(data) == written["w"].size
    assert read(devices, data).manifest.bundle_id == written["w"].bundle_id


def test_a_copy_that_does_not_read_back_is_removed(folder, rng):
    """The stick stores other bytes than were written (simulated under the writer's hashing, as a
    failing flash chip would): the read-back catches it and nothing stays under the final name."""
    data = rng.randbytes(300_000)

    def produce(f):
        _writer(data)(f)
        f.flush()
        os.pwrite(f.fileno(), b"\x00\x01", 150_000)

    with pytest.raises(StickWriteFailed) as e:
        write_to_stick(folder, "WBB1-" + "a" * 32 + ".age", produce, expected_size=len(data))
    assert str(e.value) == stick.BAD_READ_BACK
    assert os.listdir(folder) == []


def test_a_failure_while_producing_leaves_no_part_and_no_final_file(folder):
    def produce(f):
        f.write(b"x" * 1000)
        raise KeyboardInterrupt  # the app closed mid-write

    with pytest.raises(KeyboardInterrupt):
        write_to_stick(folder, "WBB1-" + "b" * 32 + ".age", produce, expected_size=1000)
    assert os.listdir(folder) == []


def test_a_pulled_stick_gives_a_plain_message_and_no_final_file(folder):

    def produce(f):
        f.write(b"x" * 1000)
        shutil.rmtree(folder)  # the folder vanishes: the rename cannot happen

    with pytest.raises(StickWriteFailed) as e:
        write_to_stick(folder, "WBB1-" + "c" * 32 + ".age", produce, expected_size=1000)
    assert str(e.value) == stick.NOT_WRITTEN
    assert not folder.exists()


def test_not_enough_free_space_is_refused_before_writing(folder):
    free = shutil.disk_usage(folder).free
    with pytest.raises(StickWriteFailed) as e:  # (the disk here may exceed FAT32's limit, so scale the headroom)
        write_to_stick(folder, "WBB1-" + "d" * 32 + ".age", _writer(b"x"), expected_size=1000,
                       headroom=free / 1000 + 1)
    assert str(e.value) == stick.NO_ROOM and os.listdir(folder) == []


def test_a_bundle_too_big_for_fat32_is_refused_before_writing(folder):
    with pytest.raises(StickWriteFailed) as e:
        write_to_stick(folder, "WBB1-" + "e" * 32 + ".age", _writer(b"x"), expected_size=FAT32_MAX_FILE + 1)
    assert str(e.value) == stick.TOO_BIG_FOR_FAT and os.listdir(folder) == []
    # and a producer that writes more than its estimate is stopped at the FAT32 limit
    sink = stick._HashingFile(io.BytesIO())
    sink.size = FAT32_MAX_FILE - 10
    with pytest.raises(StickWriteFailed):
        sink.write(b"x" * 11)


def test_never_overwrites_an_existing_file(folder):
    name = "WBB1-" + "f" * 32 + ".age"
    (folder / name).write_bytes(b"earlier bundle")
    with pytest.raises(StickWriteFailed) as e:
        write_to_stick(folder, name, _writer(b"new"), expected_size=3)
    assert str(e.value) == stick.EXISTS and (folder / name).read_bytes() == b"earlier bundle"
    for bad in ["../x.age", "a/b", "x.age.part", "CON:", ""]:
        with pytest.raises(ValueError):
            write_to_stick(folder, bad, _writer(b""), expected_size=0)


def test_listing_finds_bundles_and_receipts_and_ignores_everything_else(folder):
    b1, b2, r1 = bundle_file_name(), bundle_file_name(), receipt_file_name()
    for name in [b1, b2, r1, b1 + ".part", "._" + b2, ".wbtmp-1234", "notes.txt", "WBB1-123.age",
                 r1.replace(".json", ".json.part")]:
        (folder / name).write_bytes(b"x")
    for sub in ["System Volume Information", ".Trashes", ".fseventsd", "WBB1-" + "0" * 32 + ".age"]:
        (folder / sub).mkdir()
    (folder / bundle_file_name()).symlink_to(folder / b1)
    found = list_stick(folder)
    assert found.bundles == tuple(sorted([folder / b1, folder / b2]))
    assert found.receipts == (folder / r1,)
    os.utime(folder / b1, (1, 1))  # order is by name, never by modification time
    assert list_stick(folder) == found


_FILL = """
import json, os, resource, signal, sys
from pathlib import Path
from desktop.transfer.bundle import Item, write_bundle
from desktop.transfer.errors import StickWriteFailed
from desktop.transfer.keys import DeviceKeys
from desktop.transfer.stick import write_to_stick
folder, limit = Path(sys.argv[1]), int(sys.argv[2])
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
field, coord = DeviceKeys.generate("field"), DeviceKeys.generate("coordinator")
photo = os.urandom(4 * 1024 * 1024)
def produce(f):  # a whole bundle streamed onto the stick, as the export will do it
    write_bundle(f, sender=field, recipients=[coord.public()], seq=1, prev_sha256="",
                 items=[Item.of_bytes("att-1", "attachment", photo)], app_version="0.1.0", schema_version=1)
try:
    write_to_stick(folder, "WBB1-" + "9" * 32 + ".age", produce, expected_size=1000)  # the estimate was wrong
    print(json.dumps({"ok": True, "files": os.listdir(folder)}))
except StickWriteFailed as e:
    print(json.dumps({"ok": False, "message": str(e), "files": os.listdir(folder),
                      "errno": getattr(e.__cause__, "errno", None)}))
"""


def _check_full(result: dict) -> None:
    assert result["ok"] is False
    assert result["message"] == stick.FULL and result["errno"] in (27, 28)  # EFBIG / ENOSPC
    assert result["files"] == []  # no .part, nothing under the final name


def test_a_full_stick_by_file_size_limit_leaves_nothing(folder):
    out = subprocess.run([sys.executable, "-c", _FILL, str(folder), "400000"], capture_output=True, text=True,
                         env=ENV, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    _check_full(json.loads(out.stdout.strip().splitlines()[-1]))


def _unshare_allowed() -> bool:
    found = shutil.which("unshare")
    return bool(found) and firewall._is_allowed_program(found)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="tmpfs in a user namespace is Linux only")
@pytest.mark.skipif(not _unshare_allowed(), reason="'unshare' is not available or not in conftest's TEST_PROGRAMS; "
                    "the RLIMIT_FSIZE test above injects the same failure")
def test_a_real_full_tmpfs_stick_leaves_nothing(tmp_path):  # pragma: no cover - runs where unshare is allowed
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    script = f"mount -t tmpfs -o size=400k tmpfs {mnt} && {sys.executable} -c \"$FILL\" {mnt} 0"
    out = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True,
                         env=dict(ENV, FILL=_FILL), timeout=120)
    if out.returncode != 0 and "mount" in out.stderr:
        pytest.skip("this kernel does not let a user namespace mount tmpfs")
    assert out.returncode == 0, out.stderr[-3000:]
    _check_full(json.loads(out.stdout.strip().splitlines()[-1]))


def test_write_once_never_replaces_and_leaves_no_part_on_failure(folder):
    from desktop.files import write_once

    target = folder / ("WBR1-" + "1" * 32 + ".json")
    with write_once(target) as fh:
        fh.write(b"first")
    assert target.read_bytes() == b"first" and os.listdir(folder) == [target.name]
    with pytest.raises(FileExistsError):
        with write_once(target) as fh:
            fh.write(b"second")
    assert target.read_bytes() == b"first" and os.listdir(folder) == [target.name]
    other = folder / "other.bin"
    with pytest.raises(RuntimeError):
        with write_once(other) as fh:
            fh.write(b"half")
            assert (folder / "other.bin.part").exists()  # a half-written file is named so
            raise RuntimeError("stopped")
    assert os.listdir(folder) == [target.name]
