"""USB bundle benchmark, run on demand; it prints JSON and asserts nothing.

    python -m tests.benchmarks.bench_transfer [--records 1000] [--attachments-mb 200] [--attachment-mb 2]
    python -m pytest tests/benchmarks/bench_transfer.py -s     # a smaller run (BENCH_TRANSFER_MB to change)

Measures, each phase in its own child process so its peak RSS is its own: writing a bundle of
``--records`` interview records (JSON of about 1,500 words each) and ``--attachments-mb`` of
attachments read from files, to a file; then reading it back with every check, items handed to a
callback that keeps nothing (as an import staging into a database would). Goal: peak RSS under
300 MB in both phases.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop.transfer import canonical
from desktop.transfer.bundle import Item, read_bundle, write_bundle
from desktop.transfer.keys import DeviceKeys, PublicKeys

REPO = Path(__file__).resolve().parents[2]


def _peak_rss_mb() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kib / 1024, 1)


def _record(rnd: random.Random, n: int) -> bytes:
    words = " ".join("".join(rnd.choices("abcdefghijklmnopqrstuvwxyz", k=rnd.randint(3, 9))) for _ in range(1500))
    return canonical.dumps({"id": f"iv-{n}", "force": "kent", "crime_type": "other", "statement": words})


def phase_write(work: Path, records: int, attachments_mb: int, attachment_mb: int) -> dict:
    rnd = random.Random(7)
    field, coord = DeviceKeys.generate("field"), DeviceKeys.generate("coordinator")
    (work / "field.key").write_bytes(field.to_secret())
    (work / "coord.key").write_bytes(coord.to_secret())
    att_dir = work / "attachments"
    att_dir.mkdir()
    paths = []
    for n in range(max(1, attachments_mb // attachment_mb)):
        p = att_dir / f"{n}.bin"
        p.write_bytes(os.urandom(attachment_mb * 1024 * 1024))
        paths.append(p)
    record_bytes = [_record(rnd, n) for n in range(records)]
    items = [Item.of_bytes(f"iv-{n}", "interview", b) for n, b in enumerate(record_bytes)]
    items += [Item.of_path(f"att-{n}", "attachment", p) for n, p in enumerate(paths)]
    rss_before = _peak_rss_mb()
    t = time.perf_counter()
    with open(work / "bundle.age", "wb") as out:
        written = write_bundle(out, sender=field, recipients=[coord.public()], seq=1, prev_sha256="",
                               items=items, app_version="0.1.0", schema_version=1)
    seconds = time.perf_counter() - t
    return {"write_seconds": round(seconds, 2), "bundle_mb": round(written.size / 2**20, 1),
            "records_mb": round(sum(map(len, record_bytes)) / 2**20, 1),
            "attachments": len(paths), "write_peak_rss_mb": _peak_rss_mb(),
            "rss_before_write_mb": rss_before}


def phase_read(work: Path) -> dict:
    field = DeviceKeys.from_secret((work / "field.key").read_bytes())
    coord = DeviceKeys.from_secret((work / "coord.key").read_bytes())
    pinned: dict[str, PublicKeys] = {field.device_id: field.public()}
    count = {"items": 0, "bytes": 0}

    def stage(item) -> None:
        count["items"] += 1
        count["bytes"] += len(item.data)

    t = time.perf_counter()
    with open(work / "bundle.age", "rb") as inp:
        read_bundle(inp, me=coord, pinned=pinned, on_item=stage)
    return {"read_seconds": round(time.perf_counter() - t, 2), "read_items": count["items"],
            "read_peak_rss_mb": _peak_rss_mb()}


def _child(phase: str, work: Path, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_transfer", "--phase", phase,
                          "--work", str(work), *args], capture_output=True, text=True, cwd=REPO,
                         env=dict(os.environ, PYTHONPATH=str(REPO)), check=True)
    return json.loads(out.stdout)


def run(records: int, attachments_mb: int, attachment_mb: int) -> dict:
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        result = {"records": records, "attachments_mb": attachments_mb}
        result.update(_child("write", work, "--records", str(records), "--attachments-mb", str(attachments_mb),
                             "--attachment-mb", str(attachment_mb)))
        result.update(_child("read", work))
        result["goal_peak_rss_mb"] = 300
        return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--records", type=int, default=1000)
    p.add_argument("--attachments-mb", type=int, default=200)
    p.add_argument("--attachment-mb", type=int, default=2)
    p.add_argument("--phase", choices=["write", "read"])
    p.add_argument("--work", type=Path)
    args = p.parse_args(argv)
    if args.phase == "write":
        result = phase_write(args.work, args.records, args.attachments_mb, args.attachment_mb)
    elif args.phase == "read":
        result = phase_read(args.work)
    else:
        result = run(args.records, args.attachments_mb, args.attachment_mb)
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


def test_bench_transfer():
    """Under pytest: a smaller run by default (BENCH_TRANSFER_MB)."""
    print(json.dumps(run(1000, int(os.environ.get("BENCH_TRANSFER_MB", "40")), 2), indent=1))


if __name__ == "__main__":
    sys.exit(main())
