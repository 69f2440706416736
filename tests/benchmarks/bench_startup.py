"""Start-up benchmark, run on demand; prints JSON and asserts nothing.

    python -m tests.benchmarks.bench_startup [--rounds 9] [--tree /path/to/another/checkout ...]

Cold, whole process: from spawning the interpreter to the unlock window shown (``desktop.__main__``'s
steps, on a folder holding a vault), against the anchor, a bare ``import PySide6.QtWidgets`` in a
fresh interpreter. Runs are interleaved (anchor, each tree, anchor, each tree, ...) and medians
reported with the ratio; nothing is warm, nothing is mixed with in-app figures. Compiled modules
(``__pycache__``) are written on a first run and used after, as an installed app does.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from tests.startup import BARE, CHILD, REPO, make_vault, run


def measure(trees: list[Path], rounds: int) -> dict:
    root = Path(tempfile.mkdtemp(prefix="wb-startup-"))
    make_vault(root)
    bare: list[float] = []
    apps: dict[str, list[float]] = {str(t): [] for t in trees}
    run(BARE, root, bytecode=True)  # the first spawns fill the disk cache and the compiled-module caches
    for tree in trees:
        run(CHILD, root, tree=tree, bytecode=True)
    for _ in range(rounds):
        bare.append(run(BARE, root, bytecode=True)["seconds"])
        for tree in trees:
            apps[str(tree)].append(run(CHILD, root, tree=tree, bytecode=True)["seconds"])
    anchor = statistics.median(bare)
    out: dict = {"rounds": rounds, "anchor_import_pyside6_qtwidgets_s": round(anchor, 3), "trees": {}}
    for tree, values in apps.items():
        med = statistics.median(values)
        out["trees"][tree] = {"start_to_unlock_window_s": round(med, 3), "ratio_to_anchor": round(med / anchor, 2)}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=9)
    p.add_argument("--tree", action="append", type=Path, help="a Witnessbox source tree (default: this one)")
    args = p.parse_args(argv)
    json.dump(measure(args.tree or [REPO], args.rounds), sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
