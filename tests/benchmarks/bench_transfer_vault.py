"""USB transfer through the services, vault to vault, run on demand; it prints JSON and asserts nothing.

    python -m tests.benchmarks.bench_transfer_vault [--interviews 1000] [--attachments-mb 200] [--attachment-mb 2]

A field vault holds ``--interviews`` interviews (each with its own recorded names and a statement
of about 1,500 words) and ``--attachments-mb`` of attachments; then, each phase in its own child
process so its peak RSS is its own: ``export_bundle`` onto a stick folder, ``import_bundles`` on an
enrolled coordinator, and ``import_bundles`` of the same bundle again (it changes nothing).
Goals: peak RSS under 300 MB in each phase; the import that changes nothing under 2 s.
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
from datetime import date
from pathlib import Path

from desktop.core.model import (
    Consent,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Interview,
    Person,
    PersonRole,
    Role,
    YearMonth,
)
from desktop.services import transfer
from desktop.vault import Vault
from tests.factories import PASSPHRASE, new_vault
from tests.transfer_vaults import enrol_pair

REPO = Path(__file__).resolve().parents[2]
SYLLABLES = ["ka", "ri", "mo", "ta", "sel", "an", "dru", "pe", "lo", "vin", "ash", "or", "mi", "ze"]


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _name(rnd: random.Random) -> str:
    return " ".join("".join(rnd.choices(SYLLABLES, k=rnd.randint(2, 3))).title() for _ in range(2))


def _interview(rnd: random.Random) -> Interview:
    victim, other = _name(rnd), _name(rnd)
    words = ["".join(rnd.choices("abcdefghijklmnopqrstuvwxyz", k=rnd.randint(3, 9))) for _ in range(1500)]
    for i in range(0, 1500, 150):
        words[i] = victim.split()[0]
    return Interview(
        interviewed_on=date(2026, 1, 5), role=Role.VICTIM, crime_type=CrimeType.DOMESTIC_ABUSE,
        force="metropolitan", reported_on=YearMonth(2025, 12), statement=" ".join(words),
        people=[Person(victim, PersonRole.INTERVIEWEE, [victim.split()[0]]), Person(other, PersonRole.OTHER, [])],
        identifiers=[Identifier(IdentifierKind.HOME_OFFICE_REF, f"K{rnd.randint(1_000_000, 9_999_999)}")],
        consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, date(2026, 1, 5), "Sam")},
    )


def phase_make(work: Path, interviews: int, attachments_mb: int, attachment_mb: int) -> dict:
    rnd = random.Random(14)
    t = time.perf_counter()
    field, coord = new_vault(work / "field"), new_vault(work / "coord")
    transfer.set_role(field, "field")
    transfer.set_role(coord, "coordinator")
    enrol_pair(field, coord)
    ivs = [_interview(rnd) for _ in range(interviews)]
    field.interviews.add_many(ivs)
    n_att = max(1, attachments_mb // attachment_mb)
    for n in range(n_att):
        field.attachments.add(ivs[n * len(ivs) // n_att].id, os.urandom(attachment_mb * 2**20),
                              f"letter-{n}.jpg", "image/jpeg")
    field.lock()
    coord.lock()
    (work / "stick").mkdir()
    return {"make_seconds": round(time.perf_counter() - t, 1), "attachments": n_att}


def _open(work: Path, which: str) -> Vault:
    return Vault.unlock(work / which, PASSPHRASE)


def phase_export(work: Path) -> dict:
    field = _open(work, "field")
    try:
        rss_open = _peak_rss_mb()
        t = time.perf_counter()
        result = transfer.export_bundle(field, work / "stick")
        seconds = time.perf_counter() - t
    finally:
        field.lock()
    return {"export_seconds": round(seconds, 2), "export_peak_rss_mb": _peak_rss_mb(),
            "export_rss_after_unlock_mb": rss_open, "bundle_mb": round(result.size / 2**20, 1),
            "bundle_interviews": result.interviews}


def phase_import(work: Path, label: str) -> dict:
    coord = _open(work, "coord")
    try:
        rss_open = _peak_rss_mb()
        t = time.perf_counter()
        report = transfer.import_bundles(coord, work / "stick")
        seconds = time.perf_counter() - t
        count = coord.interviews.count()
    finally:
        coord.lock()
    return {f"{label}_seconds": round(seconds, 2), f"{label}_peak_rss_mb": _peak_rss_mb(),
            f"{label}_rss_after_unlock_mb": rss_open, f"{label}_status": [b.status for b in report.bundles],
            f"{label}_coordinator_interviews": count}


def _child(phase: str, work: Path, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_transfer_vault", "--phase", phase,
                          "--work", str(work), *args], capture_output=True, text=True, cwd=REPO,
                         env=dict(os.environ, PYTHONPATH=str(REPO)), check=True)
    return json.loads(out.stdout)


def run(interviews: int, attachments_mb: int, attachment_mb: int) -> dict:
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        result: dict = {"interviews": interviews, "attachments_mb": attachments_mb}
        result.update(_child("make", work, "--interviews", str(interviews), "--attachments-mb", str(attachments_mb),
                             "--attachment-mb", str(attachment_mb)))
        result.update(_child("export", work))
        result.update(_child("import", work))
        result.update(_child("reimport", work))
        result.update({"goal_peak_rss_mb": 300, "goal_reimport_seconds": 2})
        return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--interviews", type=int, default=1000)
    p.add_argument("--attachments-mb", type=int, default=200)
    p.add_argument("--attachment-mb", type=int, default=2)
    p.add_argument("--phase", choices=["make", "export", "import", "reimport"])
    p.add_argument("--work", type=Path)
    args = p.parse_args(argv)
    if args.phase == "make":
        result = phase_make(args.work, args.interviews, args.attachments_mb, args.attachment_mb)
    elif args.phase == "export":
        result = phase_export(args.work)
    elif args.phase in ("import", "reimport"):
        result = phase_import(args.work, args.phase)
    else:
        result = run(args.interviews, args.attachments_mb, args.attachment_mb)
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
