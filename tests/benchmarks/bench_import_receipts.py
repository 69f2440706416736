"""A stick imported again, with a receipt per bundle already on it: the import of another version of
``desktop/services/transfer_import.py`` against this one, interleaved (A B A B), medians; it prints
JSON and asserts nothing but that both leave the stick as they found it.

    git show main:desktop/services/transfer_import.py > /tmp/transfer_import_main.py
    python -m tests.benchmarks.bench_import_receipts /tmp/transfer_import_main.py [--bundles 10] [--pairs 7]

Every bundle is already there, so what is timed is staging and hashing each bundle plus the receipts'
step: before 4 December 2026 every receipt on the stick was read and its signature checked once per
bundle (and the new receipt signed and read back to compare); now once per import. ``reads`` counts
the receipt reads of one import of each. A real stick reads far slower than the temp folder used here.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from desktop import firewall
from desktop.services import transfer
from desktop.services import transfer_import as this
from tests.factories import make_interview
from tests.transfer_vaults import make_pair


def _load(path: Path):
    spec = importlib.util.spec_from_file_location("transfer_import_other", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _reads(module, coord, stick: Path) -> int:
    """How many receipts one import of ``module`` reads and checks."""
    real = module.read_receipt
    count = [0]

    def counting(*args, **kwargs):
        count[0] += 1
        return real(*args, **kwargs)

    module.read_receipt = counting
    try:
        module.import_bundles(coord, stick)
    finally:
        module.read_receipt = real
    return count[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("other", type=Path, help="another version of desktop/services/transfer_import.py")
    parser.add_argument("--bundles", type=int, default=10)
    parser.add_argument("--pairs", type=int, default=7)
    args = parser.parse_args()
    firewall.install()
    other = _load(args.other)
    with tempfile.TemporaryDirectory() as tmp:
        field, coord = make_pair(Path(tmp))
        stick = Path(tmp) / "stick"
        stick.mkdir()
        for n in range(args.bundles):
            field.interviews.add(make_interview(f"Interview {n}: the officer asked about my visa."))
            transfer.export_bundle(field, stick)
        this.import_bundles(coord, stick)  # every bundle imported, a receipt for each on the stick
        listing = sorted(os.listdir(stick))
        times: dict[str, list[float]] = {"other": [], "this": []}
        for _ in range(args.pairs):
            for name, module in (("other", other), ("this", this)):
                start = time.perf_counter()
                report = module.import_bundles(coord, stick)
                times[name].append(time.perf_counter() - start)
                assert report.count("already there") == args.bundles and sorted(os.listdir(stick)) == listing
        reads = {"other": _reads(other, coord, stick), "this": _reads(this, coord, stick)}
        field.lock()
        coord.lock()
    median = {name: statistics.median(t) for name, t in times.items()}
    print(
        json.dumps(
            {
                "bundles": args.bundles,
                "receipts_on_stick": args.bundles,
                "pairs": args.pairs,
                "median_s": median,
                "other_over_this": median["other"] / median["this"],
                "reads": reads,
                "load": os.getloadavg(),
            }
        )
    )


if __name__ == "__main__":
    main()
