"""Witnessbox against its anchor, LibreOffice, in one run, interleaved; prints JSON, asserts nothing.

    python -m tests.benchmarks.bench_anchor [--rounds 5] [--bulk 100] [--bulk-rounds 2] [--tree /other/checkout ...]

Three comparisons, each side measured the same way, never mixed:

* ``cold_single``: one five-page statement as a coordinator makes it from a shell, whole process,
  from spawn to exit: ``witnessbox export-statement`` (a vault with the tests' cheapest key
  derivation, FAST_KDF: the calibrated KDF's own time and the cheap one's are reported apart, and
  the KDF is left out of the ratio) against ``soffice --convert-to pdf``
  of the same statement as .docx.
* ``warm_single``: the same statement inside a running process: Witnessbox's detection, redaction,
  drawing and leak gate (the app, warm) against LibreOffice's time per document when it converts
  ``--bulk`` of them in one process (LibreOffice warm), and against its single cold conversion;
  ``from_review``: the same, as the export pressed in a review makes it (the review's suggestions
  reused, so no detection).
* ``bulk``: ``--bulk`` statements (each with people, identifiers and some words of its own:
  ``bench_statements.statement_of_its_own``) exported from a vault into a folder (the app's export, on every
  core from ``POOL_FROM`` on) against LibreOffice converting the same number in one process,
  ``--bulk-rounds`` times (LibreOffice, then each tree, the trees' order swapped every round);
  reported as the ratio of the medians and as each round's own ratio with their median. Both sides'
  whole processes are the like-with-like figure: ``process`` is ``witnessbox export-statements``,
  the command a coordinator types, spawn to exit (Python's start, imports, unlocking, the export and
  the exit), as LibreOffice's is ``soffice --convert-to``; ``script_process`` is a script that
  imports the export first and calls it (the figure called ``process`` until 4 December 2026, late
  night), which also gives ``witnessbox_s``, the export call alone, and the peak memory.

Each tree given with ``--tree`` (default: this one) is timed in its own processes, A B A B with the
anchor, medians reported with the ratio anchor / Witnessbox (above 1: Witnessbox is faster).
Needs LibreOffice (``soffice``) and python-docx, the benchmark's own tools; never the tests'.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PASS = "anchor benchmark passphrase"

# The vaults get the tests' key derivation (tests/factories.FAST_KDF: Argon2id at its cheapest), so
# the cold process is timed without the KDF; the calibrated KDF's own time is measured apart, and so
# is the cheap one's, so anyone can add the one and take away the other.
_SETUP = r"""
import json, sys
from pathlib import Path
from desktop.core.model import Interview
from desktop.vault import Vault
from tests.factories import FAST_KDF
d, stored = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
v = Vault.create(d, sys.argv[3], kdf=FAST_KDF)
v.interviews.add_many([Interview.from_dict(x) for x in stored])
v.lock()
"""

_WARM = r"""
import json, sys
from tests.benchmarks.bench_statements import bench_one
print(json.dumps(bench_one(int(sys.argv[1]))))
"""

_BULK = r"""
import json, sys, threading, time
from pathlib import Path
from desktop.services.statements import export_statements
from desktop.vault import Vault

def hwm(pid):  # VmHWM, this process's own peak (ru_maxrss carries the parent's over fork and exec)
    try:
        return next(int(l.split()[1]) / 1024 for l in open(f"/proc/{pid}/status") if l.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        return 0.0

workers, stop = [0.0], threading.Event()

def descendants(pid):  # the workers are the fork server's children on Linux, the export's elsewhere
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            pids = (task / "children").read_text().split()
        except OSError:
            continue
        for child in pids:
            out += [child, *descendants(child)]
    return out

def sample():  # the workers' own peaks (and the fork server's), read while they run
    while not stop.wait(0.1):
        workers[0] = max([workers[0], *map(hwm, descendants("self"))])

v = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
ids = v.interviews.ids()
sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
t = time.perf_counter()
r = export_statements(v, ids, Path(sys.argv[3]), overwrite=True)
took = time.perf_counter() - t
stop.set()
sampler.join()
v.lock()
try:  # wait for the fork server, so the CPU time of the workers it forked is counted as this process's children's
    from desktop.services.pool import stop as stop_pool
except ImportError:  # a tree from before the fork server
    pass
else:
    stop_pool()
print(json.dumps({"s": took, "written": len(r.written), "peak_rss_mib": hwm("self"),
                  "children_peak_rss_mib": workers[0]}))
"""


def _env(tree: Path) -> dict:
    """Compiled modules cached outside the source trees, as an installed app has them (pip compiles
    them at install, the frozen app carries them). PYTHONDONTWRITEBYTECODE, if the shell sets it, is
    dropped: with it every cold run compiled reportlab and Witnessbox from source again, and that
    (about a third of the process) is no cost a worker's installed app pays."""
    cache = Path(tempfile.gettempdir()) / "wb-pycache" / tree.resolve().name
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(env, PYTHONPATH=str(tree), PYTHONPYCACHEPREFIX=str(cache))


def _py(tree: Path, code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=_env(tree), cwd=str(tree), capture_output=True, text=True, timeout=3600
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return done.stdout


def _cpu() -> float:
    """CPU seconds (user and system) of the child processes that have ended, theirs included."""
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return c.ru_utime + c.ru_stime


def _timed(cmd: list[str], cpu: list[float] | None = None, **kwargs) -> float:
    """Wall-clock seconds of ``cmd``; its CPU seconds (with its children's) appended to ``cpu``."""
    c = _cpu()
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True, timeout=3600, **kwargs)
    took = time.perf_counter() - t
    if cpu is not None:
        cpu.append(_cpu() - c)
    return took


def _soffice(tmp: Path, outdir: Path, sources: list[Path]) -> list[str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    return [
        soffice,
        f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, sources),
    ]


def _median(ratios: list[float]) -> float:
    return round(statistics.median(ratios), 2)


def _ratio(anchor: float, ours: float) -> float:
    return round(anchor / ours, 2) if ours else float("nan")


def measure(trees: list[Path], rounds: int, bulk: int, bulk_rounds: int = 2) -> dict:
    from desktop.services.statements import statement_content
    from desktop.vault import calibrate_kdf
    from tests.benchmarks.bench_statements import _docx, five_page_interview, statement_of_its_own

    tmp = Path(tempfile.mkdtemp(prefix="wb-anchor-"))
    out: dict = {
        "machine": {"cpus": os.cpu_count(), "load_average_at_start": [round(x, 2) for x in os.getloadavg()]},
        "rounds": rounds,
        "bulk": bulk,
    }
    t = time.perf_counter()
    kdf = calibrate_kdf()
    out["calibrated_kdf"] = {**kdf.to_dict(), "calibration_s": round(time.perf_counter() - t, 2)}
    import secrets

    from tests.factories import FAST_KDF

    for name, params in (("calibrated_kdf", kdf), ("benchmark_vault_kdf", FAST_KDF)):
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            params.derive(PASS, secrets.token_bytes(16))
            runs.append(time.perf_counter() - t)
        out.setdefault(name, params.to_dict())["one_derivation_s"] = round(statistics.median(runs), 4)

    one = five_page_interview(reference="WB-ANCH-0000")
    content, _ = statement_content(one)
    docs = tmp / "docs"
    docs.mkdir()
    _docx(content, docs / "statement.docx")
    # The bulk's statements each have their own people, identifiers and words, as a vault's do; each
    # side converts the same ones (LibreOffice the .docx of each statement's redacted content).
    many = [statement_of_its_own(i, f"WB-ANCH-{i:04d}") for i in range(bulk)]
    for i, iv in enumerate(many):
        _docx(statement_content(iv)[0], docs / f"s{i:04d}.docx")
    (tmp / "one.json").write_text(json.dumps([one.to_dict()], ensure_ascii=False), encoding="utf-8")
    (tmp / "many.json").write_text(json.dumps([iv.to_dict() for iv in many], ensure_ascii=False), encoding="utf-8")
    single_src = [docs / "statement.docx"]
    bulk_src = sorted(docs.glob("s*.docx"))
    lo_out = tmp / "lo-out"
    lo_out.mkdir()
    _timed(_soffice(tmp, lo_out, single_src))  # the first start makes LibreOffice's profile
    version = subprocess.run(
        [shutil.which("soffice") or "soffice", "--version"], capture_output=True, text=True, timeout=120
    ).stdout.strip()
    out["libreoffice"] = version

    pw = tmp / "pw.txt"
    pw.write_text(PASS + "\n")
    vaults = {}
    for k, tree in enumerate(trees):
        one_vault, many_vault = tmp / f"one-{k}", tmp / f"many-{k}"
        _py(tree, _SETUP, str(one_vault), str(tmp / "one.json"), PASS)
        _py(tree, _SETUP, str(many_vault), str(tmp / "many.json"), PASS)
        vaults[str(tree)] = (one_vault, many_vault)

    def export_one(tree: Path, cpu: list[float] | None = None) -> float:
        target = tmp / "cold.pdf"
        target.unlink(missing_ok=True)
        return _timed(
            [
                sys.executable,
                "-m",
                "desktop",
                "export-statement",
                "WB-ANCH-0000",
                "--out",
                str(target),
                "--vault",
                str(vaults[str(tree)][0]),
                "--passphrase-file",
                str(pw),
            ],
            cpu,
            env=_env(tree),
            cwd=str(tree),
        )

    for tree in trees:  # untimed: fills the tree's bytecode cache, as installing the app does
        export_one(tree)
    cold: dict[str, list[float]] = {"libreoffice": [], **{str(t): [] for t in trees}}
    cold_cpu: dict[str, list[float]] = {k: [] for k in cold}
    warm: dict[str, list[dict]] = {str(t): [] for t in trees}
    for _ in range(rounds):
        cold["libreoffice"].append(_timed(_soffice(tmp, lo_out, single_src), cold_cpu["libreoffice"]))
        for tree in trees:
            cold[str(tree)].append(export_one(tree, cold_cpu[str(tree)]))
            warm[str(tree)].append(json.loads(_py(tree, _WARM, "5").strip().splitlines()[-1]))
    lo_cold = statistics.median(cold["libreoffice"])
    lo_cold_cpu = statistics.median(cold_cpu["libreoffice"])
    out["cold_single"] = {
        "libreoffice_s": round(lo_cold, 3),
        "libreoffice_cpu_s": round(lo_cold_cpu, 3),
        "what": "whole process, spawn to exit, 5-page statement",
    }
    for tree in trees:
        med = statistics.median(cold[str(tree)])
        med_cpu = statistics.median(cold_cpu[str(tree)])
        out["cold_single"][str(tree)] = {
            "witnessbox_cli_s": round(med, 3),
            "ratio": _ratio(lo_cold, med),
            "witnessbox_cli_cpu_s": round(med_cpu, 3),
            "cpu_ratio": _ratio(lo_cold_cpu, med_cpu),
        }

    bulk_times: dict[str, list[dict]] = {"libreoffice": [], **{str(t): [] for t in trees}}
    for k in range(bulk_rounds if bulk else 0):  # --bulk 0: the single statement only
        shutil.rmtree(lo_out, ignore_errors=True)
        lo_out.mkdir()
        spent: list[float] = []
        bulk_times["libreoffice"].append({"s": _timed(_soffice(tmp, lo_out, bulk_src), spent), "cpu_s": spent[0]})
        for tree in trees if k % 2 == 0 else trees[::-1]:  # A B, then B A: neither tree always follows LibreOffice
            folder = tmp / "bulk-out"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            c = _cpu()
            t = time.perf_counter()
            run = json.loads(_py(tree, _BULK, str(vaults[str(tree)][1]), PASS, str(folder)).strip().splitlines()[-1])
            script_s = time.perf_counter() - t  # spawn to exit: start, imports, unlock, export
            script_cpu = _cpu() - c  # the whole process, its workers and fork server included
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            command: list[float] = []
            process_s = _timed(
                [
                    sys.executable,
                    "-m",
                    "desktop",
                    "export-statements",
                    "--all",
                    "--out",
                    str(folder),
                    "--vault",
                    str(vaults[str(tree)][1]),
                    "--passphrase-file",
                    str(pw),
                    "--json",
                ],
                command,
                env=_env(tree),
                cwd=str(tree),
            )  # the command, spawn to exit, as LibreOffice's
            written = len(list(folder.glob("*.pdf")))
            if written != run["written"]:
                raise RuntimeError(f"the command wrote {written} statements, the script {run['written']}")
            bulk_times[str(tree)].append(
                {
                    **run,
                    "script_process_s": script_s,
                    "script_cpu_s": script_cpu,
                    "process_s": process_s,
                    "cpu_s": command[0],
                }
            )
    nan = float("nan")
    lo_bulk = statistics.median(r["s"] for r in bulk_times["libreoffice"]) if bulk else nan
    lo_bulk_cpu = statistics.median(r["cpu_s"] for r in bulk_times["libreoffice"]) if bulk else nan
    lo_per_doc = lo_bulk / bulk if bulk else nan
    lo_cpu_per_doc = lo_bulk_cpu / bulk if bulk else nan
    out["warm_single"] = {
        "libreoffice_per_document_in_bulk_s": round(lo_per_doc, 3),
        "libreoffice_cpu_per_document_in_bulk_s": round(lo_cpu_per_doc, 3),
        "libreoffice_single_cold_s": round(lo_cold, 3),
        "what": "inside a running process: Witnessbox detect+redact+render+gate, LibreOffice per "
        "document of a bulk conversion (and, as the issue words the goal, its single "
        "cold conversion)",
    }
    out["bulk"] = {
        "libreoffice_s": round(lo_bulk, 2),
        "libreoffice_cpu_s": round(lo_bulk_cpu, 2),
        "what": f"{bulk} five-page statements, each with its own people, identifiers and words, one process each side",
    }
    for tree in trees:
        med = statistics.median(r["total_s"] for r in warm[str(tree)])
        # (a tree whose bench_statements does not report CPU time gives none)
        med_cpu = statistics.median(r.get("cpu_total_s", float("nan")) for r in warm[str(tree)])
        out["warm_single"][str(tree)] = {
            "witnessbox_s": round(med, 4),
            "ratio": _ratio(lo_per_doc, med),
            "ratio_to_single_cold": _ratio(lo_cold, med),
            "witnessbox_cpu_s": round(med_cpu, 4),
            "cpu_ratio": _ratio(lo_cpu_per_doc, med_cpu),
        }
        # the export pressed in a review, which reuses the review's suggestions (trees that report it)
        rev = [r["from_review_total_s"] for r in warm[str(tree)] if "from_review_total_s" in r]
        if rev:
            rev_cpu = statistics.median(r["from_review_cpu_total_s"] for r in warm[str(tree)])
            out["warm_single"][str(tree)]["from_review"] = {
                "witnessbox_s": round(statistics.median(rev), 4),
                "ratio_to_single_cold": _ratio(lo_cold, statistics.median(rev)),
                "witnessbox_cpu_s": round(rev_cpu, 4),
                "cpu_ratio_to_single_cold": _ratio(lo_cold_cpu, rev_cpu),
            }
        runs = bulk_times[str(tree)]
        if not runs:
            continue
        med_bulk = statistics.median(r["s"] for r in runs)
        med_bulk_cpu = statistics.median(r["cpu_s"] for r in runs)  # the command's whole process
        med_script = statistics.median(r["script_process_s"] for r in runs)
        script_rounds = [lo["s"] / r["script_process_s"] for lo, r in zip(bulk_times["libreoffice"], runs, strict=True)]
        # Each round's LibreOffice and Witnessbox ran minutes apart at most, so their ratio shares the
        # machine's state of that round; their median is reported beside the ratio of the medians.
        pairs = [lo["s"] / r["s"] for lo, r in zip(bulk_times["libreoffice"], runs, strict=True)]
        # LibreOffice's figure is its whole process (start-up included); so is ``process``, the figure
        # the goal is judged by. ``witnessbox_s`` is the export call alone, inside its process.
        med_process = statistics.median(r["process_s"] for r in runs)
        whole = [lo["s"] / r["process_s"] for lo, r in zip(bulk_times["libreoffice"], runs, strict=True)]
        out["bulk"][str(tree)] = {
            "process": {
                "witnessbox_s": round(med_process, 2),
                "ratio": _ratio(lo_bulk, med_process),
                "ratio_of_each_round": [round(x, 2) for x in whole],
                "median_ratio_of_rounds": round(statistics.median(whole), 2),
            },
            "script_process": {
                "witnessbox_s": round(med_script, 2),
                "ratio": _ratio(lo_bulk, med_script),
                "ratio_of_each_round": [round(x, 2) for x in script_rounds],
                "median_ratio_of_rounds": _median(script_rounds),
                "witnessbox_cpu_s": round(statistics.median(r["script_cpu_s"] for r in runs), 2),
            },
            "witnessbox_s": round(med_bulk, 2),
            "ratio": _ratio(lo_bulk, med_bulk),
            "ratio_of_each_round": [round(x, 2) for x in pairs],
            "median_ratio_of_rounds": round(statistics.median(pairs), 2),
            "witnessbox_cpu_s": round(med_bulk_cpu, 2),
            "cpu_ratio": _ratio(lo_bulk_cpu, med_bulk_cpu),
            "written": runs[-1]["written"],
            "peak_rss_mib": round(max(r["peak_rss_mib"] for r in runs), 1),
            "workers_peak_rss_mib": round(max(r["children_peak_rss_mib"] for r in runs), 1),
        }
    out["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--bulk", type=int, default=100)
    p.add_argument("--bulk-rounds", type=int, default=2, help="bulk rounds (LibreOffice, then each tree)")
    p.add_argument("--tree", action="append", type=Path, help="a Witnessbox source tree (default: this one)")
    args = p.parse_args(argv)
    json.dump(measure(args.tree or [REPO], args.rounds, args.bulk, args.bulk_rounds), sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
