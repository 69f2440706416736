"""Statement export benchmark (on demand; prints JSON).

    python -m tests.benchmarks.bench_statements                  # everything
    python -m tests.benchmarks.bench_statements --bulk 200       # or WB_BENCH_BULK=200
    python -m tests.benchmarks.bench_statements --runs 9 --bulk 0 --no-libreoffice
    python -m pytest tests/benchmarks/bench_statements.py -s

1. One five-page statement end to end: detection and redaction (the redaction engine), drawing,
   the leak gate; the median of several runs, per stage.
2. ``WB_BENCH_BULK`` statements (default 1,000; each with its own people, identifiers and some
   words: :func:`statement_of_its_own`) exported in bulk into a folder, with the resident memory
   sampled as it goes (it must stay flat) and the peak.
3. What a charity does today: the same statement as a .docx turned into PDF by LibreOffice
   headless (one ``soffice --convert-to pdf`` per statement), shown beside, with no ratio: it is a
   cold process against a warm one (``bench_anchor`` compares like with like). Needs LibreOffice
   and python-docx (the benchmark's own tools, not the product's); skipped with a note otherwise.

Under pytest the network guard is installed and allows no office suite, so the test runs this
file as a child process, which measures the same thing.
"""

from __future__ import annotations

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

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _rss_mib() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def cpu_seconds() -> float:
    """CPU time (user and system) of this process and of its children that have ended (pdftotext,
    the export's workers). Under load, a process waits for the CPU; the CPU it used does not grow
    with the wait, so ratios of CPU time hold where wall-clock ratios swing with the machine's load."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _status_mib(pid: int | str, field: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return None


def _peak_mib() -> float:
    """This process's own peak resident memory.

    On Linux the peak of this process's own memory (``VmHWM``), not ``ru_maxrss``: Linux carries
    ``ru_maxrss`` over ``fork`` and ``exec``, so a process started by one that had calibrated the
    KDF (256 MiB and more) reported that peak as its own.
    """
    hwm = _status_mib("self", "VmHWM")
    if hwm is not None:
        return hwm
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


class ChildPeaks:
    """The peak resident memory of this process's child processes (the export's workers), sampled
    from ``/proc`` while it runs, for the same reason as :func:`_peak_mib` (Linux only; 0 elsewhere)."""

    def __init__(self, every: float = 0.1) -> None:
        import threading

        self.peak = 0.0
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _children(self, pid: str = "self") -> list[str]:
        """Every descendant: on Linux the workers are children of the pool's fork server."""
        out: list[str] = []
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                for child in (task / "children").read_text().split():
                    out += [child, *self._children(child)]
        except OSError:
            pass
        return out

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            for pid in self._children():
                self.peak = max(self.peak, _status_mib(pid, "VmHWM") or 0.0)

    def __enter__(self) -> ChildPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def five_page_interview(reference: str = "WB-BNCH-0001"):
    from tests.factories import sample_interview

    iv = sample_interview(reference=reference)
    iv.statement = "\n\n".join([iv.statement] * 8)
    return iv


# Given names and surnames in Gurmukhi, for the statement's Punjabi-speaking witness (Faker has no
# locale that writes Gurmukhi).
_GURMUKHI_GIVEN = ("ਹਰਪ੍ਰੀਤ", "ਜਸਪ੍ਰੀਤ", "ਮਨਜੀਤ", "ਗੁਰਪ੍ਰੀਤ", "ਸੁਖਵਿੰਦਰ", "ਅਮਨਦੀਪ", "ਰਾਜਵਿੰਦਰ", "ਕੁਲਦੀਪ", "ਨਵਜੋਤ", "ਪਰਮਜੀਤ")
_GURMUKHI_FAMILY = ("ਕੌਰ", "ਸਿੰਘ", "ਗਿੱਲ", "ਸੰਧੂ", "ਢਿੱਲੋਂ", "ਬਰਾੜ", "ਸਿੱਧੂ", "ਗਰੇਵਾਲ")
_CEDILLA = str.maketrans("ȘșȚț", "ŞşŢţ")  # the Romanian letters as older keyboards type them


def _drawn_like_sample(c: str) -> bool:
    """Latin, Arabic or Gurmukhi, or punctuation: the sample's scripts, so its fonts suffice."""
    o = ord(c)
    return (o < 0x370 or 0x600 <= o <= 0x6FF or 0xA00 <= o <= 0xA7F or 0x1E00 <= o <= 0x206F
            or 0xFB50 <= o <= 0xFEFF)  # fmt: skip


def statement_of_its_own(seed: int, reference: str):
    """A five-page statement like :func:`five_page_interview` (its story, its Urdu and Gurmukhi
    paragraphs, its size) with people and identifiers of its own: every recorded name, alias,
    address, phone number and reference drawn afresh from ``seed`` (Faker's Polish, Romanian and
    Persian names, Gurmukhi names from a short list), and two statements of the generalisation
    corpus (each with its own recorded person and unrecorded names, in no script the sample lacks)
    among its paragraphs. A bulk
    export of these compiles every statement's own name patterns and draws every statement's own
    letters, as a coordinator's vault makes it do; the same statement two hundred times would not."""
    import random

    from desktop.core.model import Identifier, IdentifierKind, Person, PersonRole
    from tests import factories
    from tests.unit.redaction_corpus import generalisation

    rnd = random.Random(seed)
    pl, ro, fa, gb = (generalisation.faker(loc, "own statement") for loc in ("pl_PL", "ro_RO", "fa_IR", "en_GB"))
    for k, fake in enumerate((pl, ro, fa, gb)):
        fake.seed_instance(seed * 10 + k)
    victim_given = pl.first_name_female()
    victim = f"{victim_given} {pl.last_name_female()}"
    nickname = pl.first_name_female()
    perp_given = pl.first_name_male()
    perp = f"{perp_given} {pl.last_name_male()}"
    neighbour = f"{ro.first_name_male()} {ro.last_name()}"
    officer = f"{ro.first_name_female()} {ro.last_name()}"
    cousin = f"{fa.first_name_male()} {fa.last_name()}"
    friend = f"{rnd.choice(_GURMUKHI_GIVEN)} {rnd.choice(_GURMUKHI_FAMILY)}"
    street, _town, postcode = generalisation._address(gb)
    ho_ref = f"{rnd.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rnd.randrange(10**6, 10**7)}"
    phone = f"07700 900{rnd.randrange(1000):03d}"
    swaps = [
        (factories.POLISH_NAME, victim), (factories.POLISH_PERP, perp), (factories.ROMANIAN_NAME, neighbour),
        (factories.ROMANIAN_NAME.translate(_CEDILLA), neighbour.translate(_CEDILLA)), ("Ioana Popescu", officer),
        (factories.URDU_NAME, cousin), (factories.PUNJABI_NAME, friend), (factories.HO_REF, ho_ref),
        (factories.PHONE, phone), (factories.ADDRESS, street), (factories.POSTCODE, postcode),
        ("call me Aga", f"call me {nickname}"), ("police, Łukasz", f"police, {perp_given}"),
    ]  # fmt: skip
    story = factories.SAMPLE_STATEMENT
    for old, new in swaps:
        if old not in story:  # the sample changed: this statement would not be its own
            raise AssertionError("the sample statement no longer holds what statement_of_its_own replaces")
        story = story.replace(old, new)
    others = []
    for k in range(seed * 50, seed * 50 + 50):  # two with no script the sample does not already draw
        other = generalisation.statement(k)
        if all(_drawn_like_sample(c) for c in other.text):
            others.append(other)
            if len(others) == 2:
                break
    text = "\n\n".join([story] * 3 + [others[0].text.strip()] + [story] * 3 + [others[1].text.strip()] + [story])
    iv = factories.sample_interview(reference=reference)
    iv.statement = text
    iv.people = [
        Person(victim, PersonRole.INTERVIEWEE, [nickname, victim_given]),
        Person(perp, PersonRole.PERPETRATOR, [perp_given]),
        Person(neighbour, PersonRole.FAMILY, sorted({neighbour.translate(_CEDILLA)} - {neighbour})),
        Person(officer, PersonRole.OFFICER),
        Person(cousin, PersonRole.FAMILY),
        Person(friend, PersonRole.WITNESS),
        *(Person(name, PersonRole.WITNESS) for st in others for name, _aliases in st.known.people),
    ]
    iv.identifiers = [
        Identifier(IdentifierKind.HOME_OFFICE_REF, ho_ref),
        Identifier(IdentifierKind.PHONE, phone),
        Identifier(IdentifierKind.ADDRESS, street),
        Identifier(IdentifierKind.ADDRESS, postcode),
    ]
    return iv


def bench_one(runs: int = 5) -> dict:
    """One statement, warm: from nothing (detection, redaction, drawing, the gate), and as the export
    pressed in a review makes it (the review's suggestions reused: redaction, drawing, the gate).
    Drawing and the gate are the app's own path, ``render_checked``: the gate's check of the text
    before drawing included (``gate_s`` is both checks, ``render_s`` the drawing between them)."""
    from desktop.redaction import detect, known_from_interview
    from desktop.reports.export import render_checked
    from desktop.reports.statement import draw_statement
    from desktop.services.statements import statement_content as prepare_statement
    from desktop.services.statements import statement_text

    iv = five_page_interview()
    prepare_statement(iv)  # warm: fonts loaded, word lists read
    reviewed = tuple(detect(statement_text(iv), known_from_interview(iv)))  # what the review found

    def from_review(text, known):
        return list(reviewed)

    drew: list[float] = []

    def draw(c):
        d0 = time.perf_counter()
        out = draw_statement(c)
        drew.append(time.perf_counter() - d0)
        return out

    stages: dict[str, list[float]] = {k: [] for k in ("detect_and_redact", "render", "gate", "total", "cpu_total",
                                                      "from_review_redact", "from_review_total",
                                                      "from_review_cpu_total")}
    pages = 0
    for _ in range(runs):
        for prefix, detector in (("", detect), ("from_review_", from_review)):
            c0 = cpu_seconds()
            t0 = time.perf_counter()
            content, forbidden = prepare_statement(iv, detector=detector)
            t1 = time.perf_counter()
            drew.clear()
            data, _report = render_checked(content, forbidden, render=draw)
            t3 = time.perf_counter()
            if prefix:
                stages["from_review_redact"].append(t1 - t0)
            else:
                stages["detect_and_redact"].append(t1 - t0)
                stages["render"].append(drew[0])
                stages["gate"].append(t3 - t1 - drew[0])  # the gate's two checks are the rest
            stages[f"{prefix}total"].append(t3 - t0)
            stages[f"{prefix}cpu_total"].append(cpu_seconds() - c0)
            pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page")
    out = {f"{k}_s": round(statistics.median(v), 4) for k, v in stages.items()}
    out["fastest_total_s"] = round(min(stages["total"]), 4)
    out.update(pages=pages, protected_strings=len(forbidden), runs=runs)
    return out


def bench_bulk(n: int) -> dict:
    from desktop.services.statements import export_statements
    from tests.factories import new_vault

    samples: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        out.mkdir()
        vault = new_vault(Path(tmp) / "vault")  # the statements come from a real vault, as in the app
        ids = vault.interviews.add_many([statement_of_its_own(i, f"WB-BULK-{i:04d}") for i in range(n)])

        def progress(done: int, total: int) -> None:
            if done in (1, 10) or done % max(1, total // 10) == 0:
                samples.append((done, round(_rss_mib(), 1)))

        t0 = time.perf_counter()
        with ChildPeaks() as workers:
            result = export_statements(vault, ids, out, progress=progress)
        elapsed = time.perf_counter() - t0
        vault.lock()
        written = len(list(out.glob("*.pdf")))
    after_10 = next((m for d, m in samples if d >= 10), samples[0][1])
    return {
        "statements": n,
        "written": written,
        "refused": len(result.refused),
        "total_s": round(elapsed, 2),
        "per_statement_s": round(elapsed / max(1, n), 4),
        "rss_mib_by_count": samples,
        "rss_growth_after_10_mib": round(samples[-1][1] - after_10, 1),
        "peak_rss_mib": round(_peak_mib(), 1),
        "workers_peak_rss_mib": round(workers.peak, 1),
    }


def _docx(content, path: Path) -> None:
    import docx  # python-docx: the benchmark's own tool

    from desktop.reports.statement import paragraphs

    d = docx.Document()
    d.add_heading("WITNESS STATEMENT", 0)
    d.add_paragraph(f"Statement of {content.pseudonym}  -  Reference {content.reference}")
    table = d.add_table(rows=0, cols=2)
    for label, value in [("Role", content.role), ("Police force", content.force), ("Crime reported", content.crime),
                         ("Month and year reported", content.reported), ("Language", content.language),
                         *content.facts]:
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    d.add_heading("Statement", 1)
    for para in paragraphs(content.statement):
        d.add_paragraph(para)
    d.add_heading("Redactions", 1)
    legend = d.add_table(rows=0, cols=3)
    for e in content.legend:
        row = legend.add_row().cells
        row[0].text, row[1].text, row[2].text = e.placeholder, e.kind, e.description
    d.add_heading("Consent", 1)
    d.add_paragraph(content.consent)
    d.add_heading("Declaration", 1)
    d.add_paragraph("Signed ____________________   Date __________")
    d.save(str(path))


def bench_libreoffice(ours_total_s: float, runs: int = 3) -> dict:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    try:
        import docx  # noqa: F401
    except ImportError:
        return {"skipped": "python-docx is not installed (pip install python-docx into the venv to compare)"}
    if not soffice:
        return {"skipped": "LibreOffice is not installed (apt-get install libreoffice-writer-nogui to compare)"}
    from desktop.services.statements import statement_content

    content, _ = statement_content(five_page_interview())
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        src = tmpd / "statement.docx"
        _docx(content, src)
        profile = (tmpd / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
               "--outdir", str(tmpd), str(src)]
        subprocess.run(cmd, capture_output=True, check=True, timeout=300)  # first start creates the profile
        for _ in range(runs):
            (tmpd / "statement.pdf").unlink(missing_ok=True)
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True, timeout=300)
            times.append(time.perf_counter() - t0)
            assert (tmpd / "statement.pdf").exists()
        version = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=120).stdout.strip()
    lo = statistics.median(times)
    # No ratio here: this is a cold LibreOffice process against Witnessbox warm inside this one, two
    # different things. tests/benchmarks/bench_anchor.py pairs like with like (cold with cold,
    # warm with warm, bulk with bulk), interleaved.
    return {
        "libreoffice": version,
        "docx_to_pdf_cold_process_s": round(lo, 3),
        "witnessbox_warm_in_process_s": round(ours_total_s, 3),
        "note": "not comparable (cold process against warm in-process): run python -m tests.benchmarks.bench_anchor",
    }


def main(argv: list[str] | None = None) -> dict:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_statements", description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs of the one-statement benchmark (median reported)")
    ap.add_argument("--bulk", type=int, default=int(os.environ.get("WB_BENCH_BULK", "1000")),
                    help="statements in the bulk export (0 to skip); default WB_BENCH_BULK or 1000")
    ap.add_argument("--no-libreoffice", action="store_true", help="skip the LibreOffice comparison")
    args = ap.parse_args(argv)
    report: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                                "load_average": [round(x, 2) for x in os.getloadavg()]}}
    report["one_five_page_statement"] = bench_one(args.runs)
    if not args.no_libreoffice:
        report["libreoffice_comparison"] = bench_libreoffice(report["one_five_page_statement"]["total_s"])
    if args.bulk > 0:
        report["bulk"] = bench_bulk(args.bulk)
    return report


def test_statement_benchmark():
    """Runs this file in a child process (no network guard there, so LibreOffice may start) and prints its JSON."""
    proc = subprocess.run([sys.executable, __file__], capture_output=True, text=True, check=False, timeout=3600)
    print(proc.stdout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert report["bulk"]["written"] == report["bulk"]["statements"]


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), indent=2))
