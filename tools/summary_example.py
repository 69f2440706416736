"""The evidence summary PDF of a demo vault, as PNG pages, for the README and for checking it by eye.

    python tools/summary_example.py [OUT_DIR]

Makes a throwaway vault of 900 made-up interviews spread over every police force, ten years and
every crime (80% consented for the complaint), writes its summary PDF through the same service
as ``witnessbox report --out`` (so the leak gate checks it against every made-up name), and
renders every page with poppler's pdftoppm at 100% (72 dpi) and 150% (108 dpi) into OUT_DIR
(default: a temporary folder, printed). The page with the chart by police force, at 150%, is
copied to docs/summary-example.png. Nothing is read from or written to the user's own vault.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.forces import FORCES  # noqa: E402
from desktop.core.model import (  # noqa: E402
    Answer,
    Consent,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Interview,
    Outcome,
    Person,
    PersonRole,
    Role,
    YearMonth,
)
from desktop.services import evidence  # noqa: E402
from desktop.vault import KdfParams, Vault  # noqa: E402

DEMO_KDF = KdfParams(time_cost=1, memory_cost_kib=8, lanes=1)  # invented data only, deleted after
FORCE_PAGE = 2


def _interview(rnd: random.Random, n: int) -> Interview:
    name = f"Demo{n} Person{n}"
    force = FORCES[min(int(rnd.expovariate(1 / 9)), len(FORCES) - 1)] if rnd.random() < 0.85 else rnd.choice(FORCES)
    return Interview(
        interviewed_on=date(2025, 6, 2), role=rnd.choice(list(Role)), crime_type=rnd.choice(list(CrimeType)),
        force=force.code, reported_on=YearMonth(rnd.randint(2015, 2024), rnd.randint(1, 12)),
        statement=f"My name is {name}. The officer asked about my status before anything else.",
        people=[Person(name, PersonRole.INTERVIEWEE)],
        identifiers=[Identifier(IdentifierKind.HOME_OFFICE_REF, f"K{7000000 + n}")],
        consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, rnd.random() < 0.8, date(2025, 6, 2), "AB")},
        asked_about_status=rnd.choice([Answer.YES, Answer.YES, Answer.NO, Answer.UNKNOWN]),
        immigration_enforcement_contacted=rnd.choice(list(Answer)),
        outcomes=[o for o in Outcome if o != Outcome.NOT_KNOWN and rnd.random() < 0.25],
        fear_delayed_reporting=rnd.choice([Answer.YES, Answer.YES, Answer.NO]),
        status_used_as_threat=rnd.choice(list(Answer)),
    )


def main(argv: list[str]) -> int:
    if argv and argv[0].startswith("-"):  # -h, --help, or an option it does not take
        print(__doc__)
        return 0 if argv[0] in ("-h", "--help") else 2
    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="wb-summary-"))
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="wb-demo-"))
    try:
        rnd = random.Random(2026)
        v = Vault.create(work / "vault", "demo only kitchen table", kdf=DEMO_KDF)
        try:
            v.interviews.add_many([_interview(rnd, n) for n in range(900)])
            view = evidence.summary(evidence.summarise(v))
            pdf = evidence.write_summary(v, view, out / "summary-example.pdf",
                                         statements=evidence.backing_statements(v), overwrite=True,
                                         made_on=date(2026, 12, 3))
        finally:
            v.lock()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for scale, dpi in (("100", "72"), ("150", "108")):
        subprocess.run(["pdftoppm", "-r", dpi, "-png", str(pdf), str(out / f"summary-{scale}")], check=True)
    pages = sorted(out.glob("summary-150-*.png"))
    shutil.copyfile(pages[FORCE_PAGE - 1], ROOT / "docs" / "summary-example.png")
    print(f"{len(pages)} pages in {out}; page {FORCE_PAGE} at 150% copied to docs/summary-example.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
