"""Redaction benchmark (on demand, prints JSON): detection speed on a 30-page statement; MB/s
through `witnessbox redact` with 2, 10 and 50 recorded people on every statement (each statement
with people of its own); detection with 2, 50 and 1,000 recorded names in the vault; per-type recall
and facts damaged on the labelled test set. CPU seconds are reported beside wall seconds: on the
shared machine the wall clock mostly measures the other processes.

    python -m pytest tests/benchmarks/bench_redaction.py -s     # or
    python tests/benchmarks/bench_redaction.py
    # Presidio in its own environment, timed between two runs of ours on the development set:
    python tests/benchmarks/bench_redaction.py --side-by-side /tmp/venv-presidio/bin/python MODEL_DIR
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.redaction import KnownIdentifiers, apply, detect  # noqa: E402
from tests.unit.redaction_corpus.corpus import everything, held_out, score  # noqa: E402

PAGE_CHARS = 3000  # about 500 words: one typed A4 page


NARRATIVE = [
    "I met him at a friend's wedding in {town} and at first he was kind to me.",
    "After a few months he started to check my phone and tell me who I could see.",
    "He said that if I went to the police they would send me back because my visa depended on him.",
    "I did not speak much English then, and I did not know anyone except his family.",
    "His mother told me that a good wife does not complain, and that I should be grateful.",
    "One night in {month} {year} he pushed me down the stairs and I hurt my arm.",
    "My neighbour heard the noise and knocked on the door, but he told her everything was fine.",
    "I was afraid to go to the hospital because I thought they would ask for my papers.",
    "When I finally called 999 the officers who came spoke to him first, not to me.",
    "They asked me where I was from and whether I had the right to be in the country.",
    "A week later I received a letter from the Home Office asking me to report to them.",
    "My friend {name} found a women's refuge for me and I went there with my son.",
    "The staff at the refuge helped me to speak to a solicitor about my immigration case.",
    "{known} rang me from {phone} and said {name} was looking for me.",
    "I want other women in my situation to know that they can ask for help.",
]


def narrative_thirty_pages() -> tuple[str, KnownIdentifiers]:
    """A 30-page statement of ordinary narrative, with names and a phone number now and then."""
    import random

    r = random.Random(30)
    parts: list[str] = []
    size = 0
    while size < 30 * PAGE_CHARS:
        s = r.choice(NARRATIVE).format(
            town=r.choice(["Leeds", "Bradford", "Luton", "Rochdale"]),
            month=r.choice(["March", "June", "November"]),
            year=r.randint(2015, 2024),
            name=r.choice(["Amina", "Blessing", "Tariq Mahmood", "Nguyen Thi Hoa", "Mrs Okafor"]),
            known=r.choice(["Rajinder", "Mr Sandhu", "RAJINDER SANDHU"]),
            phone="07700 900" + str(r.randint(100, 999)),
        )
        parts.append(s)
        size += len(s) + 1
    return " ".join(parts)[: 30 * PAGE_CHARS], KnownIdentifiers(people=[("Rajinder Sandhu", ["Raj"])])


# Sentences in the interviewee's own words, as outreach workers write them into a statement.
OWN_WORDS = [
    "ਮੈਨੂੰ ਬਹੁਤ ਡਰ ਲੱਗਦਾ ਸੀ ਕਿ ਪੁਲਿਸ ਮੇਰੇ ਕਾਗਜ਼ ਦੇਖੇਗੀ।",
    "ਮੇਰਾ ਪਤੀ {pa} ਨੇ ਮੇਰਾ ਪਾਸਪੋਰਟ ਰੱਖ ਲਿਆ।",
    "پولیس نے پہلے میرا پاسپورٹ مانگا اور پھر ہوم آفس کو فون کیا۔",
    "میرے شوہر {ur} نے مجھے مارا۔",
    "पुलिस ने पहले मेरा पासपोर्ट माँगा, फिर पूछा कि क्या हुआ।",
    "আমি ভয় পেয়েছিলাম, আমার স্বামী {bn} আমাকে মারত।",
    "لا تخبر الشرطة، قال لي زوجي {ar}، كان يضربني.",
    "She said ਮੈਨੂੰ ਡਰ ਲੱਗਦਾ ਹੈ and the officer did not understand.",
    "He shouted বের হয়ে যাও at me in the street.",
]


def mixed_script_thirty_pages() -> tuple[str, KnownIdentifiers]:
    """A 30-page statement in English with the interviewee's own words in Punjabi, Urdu, Hindi,
    Bengali and Arabic every third sentence (the slow path: folding with an offset map, letters
    made of several code points)."""
    import random

    r = random.Random(31)
    text, known = narrative_thirty_pages()
    sentences = text.split(". ")
    out = []
    for i, sent in enumerate(sentences):
        out.append(sent)
        if i % 3 == 2:
            out.append(r.choice(OWN_WORDS).format(pa="ਹਰਪ੍ਰੀਤ ਸਿੰਘ", ur="عمران خان", bn="রফিক", ar="أحمد"))
    known = KnownIdentifiers(people=[*known.people, ("Harpreet Singh", ["ਹਰਪ੍ਰੀਤ ਸਿੰਘ"])])
    return ". ".join(out)[: 30 * PAGE_CHARS], known


def dense_thirty_pages() -> tuple[str, KnownIdentifiers]:
    """30 pages of the test set's statements one after another: far more identifiers than a real statement."""
    sts = everything()
    parts: list[str] = []
    people: list[tuple[str, list[str]]] = []
    i = 0
    while sum(len(p) for p in parts) < 30 * PAGE_CHARS:
        st = sts[i % len(sts)]
        parts.append(st.text)
        if i < len(sts):
            people.extend(st.known.people[:1])
        i += 1
    return "\n\n".join(parts)[: 30 * PAGE_CHARS], KnownIdentifiers(people=people[:12])


def _speed(text: str, known: KnownIdentifiers) -> dict:
    detect(text[:3000], known)  # load the word lists once
    size_mb = len(text.encode("utf-8")) / 1e6
    wall, cpu = [], []
    for _ in range(5):
        w0, c0 = time.perf_counter(), time.process_time()
        spans = detect(text, known)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    t0 = time.perf_counter()
    apply(text, spans)
    return {
        "pages": 30,
        "chars": len(text),
        "megabytes": round(size_mb, 3),
        "spans": len(spans),
        "detect_wall_seconds_best_of_5": round(min(wall), 3),
        "detect_cpu_seconds_best_of_5": round(min(cpu), 3),
        "mb_per_second_wall": round(size_mb / min(wall), 2),
        "mb_per_second_cpu": round(size_mb / min(cpu), 2),
        "apply_seconds": round(time.perf_counter() - t0, 3),
    }


# --- through `witnessbox redact`: statements each with their own recorded people -----------------

GIVEN = """Amina Blessing Tariq Rajinder Malgorzata Oleksandr Fatima Hoa Grace Ibrahim Priya Yusuf Chiamaka
Dariusz Mehmet Svetlana Kwame Farhana Abdullah Ioana Tendai Zainab Mihai Harpreet Olumide Bogdan Esi Samira
Kofi Anjali Rashid Lucia Emeka Ewa Dawit Aisha Tomasz Precious Imran Nadia Segun Marisol Arjun Yetunde Kasia
Thabo Leila Florin Adwoa Sunil Rukhsana Goran Nkechi Bilal Hana Vusi Ayesha Petru Efua Karim Ngozi""".split()
SURNAMES = """Okafor Mahmood Sandhu Kowalska Petrenko Begum Osei Hussain Patel Yilmaz Nowak Adeyemi Popescu
Mensah Chaudhry Moyo Rahman Kaur Balogun Ionescu Haile Gashi Kamara Novak Mwangi Ahmadi Zielinski Boateng
Qureshi Rossi Tesfaye Iqbal Dlamini Horvat Asante Karimi Wozniak Ndlovu Farouk Olawale Bhatti Ferreira Lungu
Chikwanha Siddiqui Eze Tkachenko Grewal Oyelaran Marin Abebe Nwosu Hadzic Sesay Kipkemboi Rautenbach Oduya""".split()
IDENTIFIER_SENTENCES = [
    "He rang me from {phone} every night and said he knew where I lived.",
    "The letter said my case number was {ref} and that I had to report every week.",
    "We lived at {house} {street}, {town} for two years.",
]


def vault_names(n: int, offset: int = 0) -> list[str]:
    """``n`` different fictional full names (given name and surname from the pools above)."""
    import random

    r = random.Random(7)
    combos = [f"{g} {s}" for s in SURNAMES for g in GIVEN]
    r.shuffle(combos)
    # Then names with two given names, for the runs that need thousands of different people.
    more = [f"{g} {h} {s}" for s in SURNAMES for g in GIVEN[::2] for h in GIVEN[1::2]]
    r.shuffle(more)
    combos += more
    assert offset + n <= len(combos)
    return combos[offset : offset + n]


def one_statement(r, people: list[str], size: int = PAGE_CHARS) -> str:  # noqa: ANN001 - random.Random
    """About one page of narrative about some of ``people`` (up to three are mentioned)."""
    named = people[:3]
    parts: list[str] = []
    n = 0
    while n < size:
        p = r.choice(named)
        given, surname = p.split()[0], p.split()[-1]
        if r.random() < 0.15:
            s = r.choice(IDENTIFIER_SENTENCES).format(
                phone=f"07{r.randint(100, 999)} {r.randint(100000, 999999)}", ref=f"K{r.randint(1000000, 9999999)}",
                house=r.randint(1, 200), street=r.choice(["Station Road", "Albert Street", "Meadow Lane"]),
                town=r.choice(["Leeds", "Luton", "Rochdale", "Slough"]))  # fmt: skip
        else:
            s = r.choice(NARRATIVE).format(
                town=r.choice(["Leeds", "Bradford", "Luton", "Rochdale"]), month=r.choice(["March", "June"]),
                year=r.randint(2015, 2024), name=r.choice([given, p, "Mrs " + surname]),
                known=r.choice([p, "Mr " + surname, given.upper()]), phone="07700 900" + str(r.randint(100, 999)))
        parts.append(s)
        n += len(s) + 1
    return " ".join(parts)


def cli_lines(statements: int, people_each: int, *, vault: int | None = None, everyone: bool = False,
              offset: int = 0) -> list[str]:  # fmt: skip
    """JSON Lines for `witnessbox redact`. Without ``vault``: every statement has its own
    ``people_each`` people, nobody on two statements. With ``vault``: a vault of that many names,
    each statement with ``people_each`` of them (in turn), or, with ``everyone``, the whole vault."""
    import random

    r = random.Random(11)
    pool = vault_names(vault if vault else statements * people_each, offset)
    out = []
    for i in range(statements):
        own = [pool[(i * people_each + k) % len(pool)] for k in range(people_each)]
        line = {"id": i, "text": one_statement(r, own), "known_names": pool if everyone else own}
        out.append(json.dumps(line, ensure_ascii=False))
    return out


def through_cli(lines: list[str], jobs: int = 1) -> dict:
    """Run `witnessbox redact --jobs JOBS` in this process on ``lines``. Start-up (imports, word
    lists, the detectors' own patterns; with several jobs the fork server and its warm-up) is done
    once before on a one-line input and not counted: its wall time is given apart. The wall time
    runs from the first line read to the last written; the CPU time is this process's and, with
    several jobs, the workers' (so CPU MB/s is per core, wall MB/s of the whole batch)."""
    import io

    from desktop.cli import Context, run
    from desktop.paths import AppPaths
    from tests.benchmarks.bench_redact_ab import workers_cpu

    def once(ls: list[str]) -> str:
        out = io.StringIO()
        code = run(["redact", "--jobs", str(jobs)], Context(paths=AppPaths.default(), stdout=out,
                   stdin=io.StringIO("\n".join(ls) + "\n"), stderr=io.StringIO()))  # fmt: skip
        assert code == 0
        return out.getvalue()

    w0 = time.perf_counter()
    # (more lines than redact_batch.POOL_AFTER: with several jobs the fork server starts here)
    once([json.dumps({"id": n, "text": "Warm up: Amina rang 07700 900123.", "known_names": ["Ann Bee"]})
          for n in range(12)])
    start_wall = time.perf_counter() - w0
    size_mb = sum(len(json.loads(x)["text"].encode("utf-8")) for x in lines) / 1e6
    k0 = workers_cpu() if jobs > 1 else 0.0
    w0, c0 = time.perf_counter(), time.process_time()
    out = once(lines)
    wall = time.perf_counter() - w0
    cpu = time.process_time() - c0 + (workers_cpu() - k0 if jobs > 1 else 0.0)
    assert len(out.splitlines()) == len(lines)
    return {"statements": len(lines), "jobs": jobs, "megabytes": round(size_mb, 3),
            "start_up_wall_seconds": round(start_wall, 3), "wall_seconds": round(wall, 3),
            "cpu_seconds": round(cpu, 3), "mb_per_second_wall": round(size_mb / wall, 3),
            "mb_per_second_cpu": round(size_mb / cpu, 3)}  # fmt: skip


def cli_speed(statements: int = 120, jobs: int = 1) -> dict:
    """MB/s through `witnessbox redact` with 2, 10 and 50 recorded people on every statement, each
    statement with people of its own (first sight of each: their patterns are made in the run)."""
    out = {}
    offset = 5000
    for k in (2, 10, 50):
        # Different people in each run, so no run profits from an earlier one's patterns.
        out[f"{k}_people_each"] = through_cli(cli_lines(statements, k, offset=offset), jobs)
        offset += statements * k
    return out


def vault_detection(statements: int = 300) -> dict:
    """Detection with 2, 50 and 1,000 recorded names in the vault: each statement with two of them
    (its own); and each statement checked against the whole vault."""
    own = {n: through_cli(cli_lines(statements, 2, vault=n, offset=200)) for n in (2, 50, 1000)}
    everyone = {n: through_cli(cli_lines(statements // 3, 2, vault=n, everyone=True, offset=1300))
                for n in (2, 50, 1000)}  # fmt: skip

    def ratio(d: dict) -> float:
        return round(d[1000]["cpu_seconds"] / d[1000]["megabytes"] / (d[2]["cpu_seconds"] / d[2]["megabytes"]), 2)

    return {
        "each_statement_its_own_two": {str(k): v for k, v in own.items()},
        "each_statement_against_the_whole_vault": {str(k): v for k, v in everyone.items()},
        "seconds_per_mb_1000_over_2_own": ratio(own),
        "seconds_per_mb_1000_over_2_whole_vault": ratio(everyone),
    }


def run() -> dict:
    res = score(everything(), lambda st: detect(st.text, st.known))
    ho = score(held_out(), lambda st: detect(st.text, st.known))
    mixed = score([st for st in everything() if st.id.startswith("m")], lambda st: detect(st.text, st.known))
    return {
        "speed": {
            "narrative_statement": _speed(*narrative_thirty_pages()),
            "identifier_dense_statement": _speed(*dense_thirty_pages()),
            "mixed_script_statement": _speed(*mixed_script_thirty_pages()),
            "witnessbox_redact": cli_speed(),
            "recorded_names_in_the_vault": vault_detection(),
            "load_average": [round(x, 2) for x in __import__("os").getloadavg()],
            "cpu_count": __import__("os").cpu_count(),
        },
        "recall": {
            "groups": res["groups"],
            "per_type": res["per_type"],
            "facts_damaged": res["facts"],
            "leak_free_documents": res["leak_free_documents"],
            "misses": res["misses"],
        },
        "mixed_script_statements": {
            "groups": mixed["groups"],
            "facts_damaged": mixed["facts"],
            "damaged": mixed["damaged"],
            "misses": mixed["misses"],
        },
        "held_out": {
            "groups": ho["groups"],
            "facts_damaged": ho["facts"],
            "leak_free_documents": ho["leak_free_documents"],
            "misses": ho["misses"],
        },
    }


def test_bench_redaction():
    print(json.dumps(run(), indent=1, ensure_ascii=False))


if __name__ == "__main__" and len(sys.argv) == 1:
    print(json.dumps(run(), indent=1, ensure_ascii=False))


# --- Presidio, for comparison ---------------------------------------------------------------------
# Run only in a separate environment that has presidio-analyzer and an English spaCy model, never in
# the project's: /work/venv-presidio/bin/python tests/benchmarks/bench_redaction.py --presidio MODEL_DIR


def presidio_run(model_dir: str) -> dict:
    import logging

    from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        UkDrivingLicenceRecognizer,
        UkNinoRecognizer,
        UkPassportRecognizer,
        UkPostcodeRecognizer,
        UkVehicleRegistrationRecognizer,
    )

    from desktop.redaction import Span

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    nlp = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model_dir}])  # a path: no download
    nlp.load()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(nlp_engine=nlp)
    for rec in (UkNinoRecognizer, UkPostcodeRecognizer, UkPassportRecognizer, UkDrivingLicenceRecognizer,
                UkVehicleRegistrationRecognizer):  # fmt: skip
        registry.add_recognizer(rec())
    analyzer = AnalyzerEngine(nlp_engine=nlp, registry=registry, default_score_threshold=0.0)

    fact_like = {"DATE_TIME", "LOCATION", "NRP"}

    def detect_fn(with_known: bool, drop_fact_like: bool = False):
        def fn(st):
            ad_hoc = []
            if with_known:
                words = {w for name, aliases in st.known.people for v in [name, *aliases] for w in [v, *v.split()]}
                words |= {v for _, v in st.known.identifiers}
                if words:  # (a statement with nothing recorded has no deny list)
                    ad_hoc = [PatternRecognizer(supported_entity="KNOWN", deny_list=sorted(words))]
            res = analyzer.analyze(st.text, language="en", ad_hoc_recognizers=ad_hoc or None, score_threshold=0.0)
            if drop_fact_like:
                res = [r for r in res if r.entity_type not in fact_like]
            return [Span(r.start, r.end, "OTHER", "detector", r.score) for r in res if r.end > r.start]

        return fn

    out = {}
    runs = (
        ("presidio_uk_recognizers", False, False),
        ("presidio_uk_recognizers_plus_known_deny_list", True, False),
        ("presidio_plus_known_without_DATE_TIME_LOCATION_NRP", True, True),
    )
    sets = (("development", everything()), ("held_out", held_out()))
    for (label, with_known, drop), (set_name, sts) in [(r, st) for r in runs for st in sets]:
        t0 = time.perf_counter()
        res = score(sts, detect_fn(with_known, drop))
        out[f"{label}/{set_name}"] = {
            "groups": res["groups"],
            "per_type": res["per_type"],
            "facts_damaged": res["facts"],
            "leak_free_documents": res["leak_free_documents"],
            "seconds_for_the_set": round(time.perf_counter() - t0, 2),
            "chars_in_the_set": sum(len(st.text) for st in sts),
        }
    return out


def presidio_side_by_side(python: str, model_dir: str) -> dict:
    """Presidio's speed on the development set in its own environment, between two timings of
    Witnessbox's detect() on the same set, and the ratio (Witnessbox MB/s over Presidio's)."""
    import shutil
    import subprocess

    sts = everything()
    size_mb = sum(len(st.text.encode("utf-8")) for st in sts) / 1e6

    def ours() -> float:
        t0 = time.perf_counter()
        for st in sts:
            detect(st.text, st.known)
        return time.perf_counter() - t0

    ours()  # word lists loaded, patterns compiled
    before = ours()
    cmd = [python, str(Path(__file__).resolve()), "--presidio", model_dir]
    if shutil.which("unshare"):
        cmd = ["unshare", "-rn", *cmd]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    theirs = json.loads(done.stdout)["presidio_uk_recognizers_plus_known_deny_list/development"]
    after = ours()
    presidio_mb_s = theirs["chars_in_the_set"] / theirs["seconds_for_the_set"] / 1e6  # (ASCII: chars = bytes, nearly)
    ours_mb_s = size_mb / ((before + after) / 2)
    return {"witnessbox_mb_per_second": round(ours_mb_s, 3), "presidio_mb_per_second": round(presidio_mb_s, 4),
            "witnessbox_over_presidio": round(ours_mb_s / presidio_mb_s, 1),
            "load_average": [round(x, 2) for x in __import__("os").getloadavg()]}  # fmt: skip


if __name__ == "__main__" and len(sys.argv) > 3 and sys.argv[1] == "--side-by-side":
    # /work/wt/.venv/bin/python tests/benchmarks/bench_redaction.py --side-by-side PRESIDIO_PYTHON MODEL_DIR
    print(json.dumps(presidio_side_by_side(sys.argv[2], sys.argv[3]), indent=1))

if __name__ == "__main__" and len(sys.argv) > 2 and sys.argv[1] == "--presidio":
    print(json.dumps(presidio_run(sys.argv[2]), indent=1, ensure_ascii=False))


def benchmark_line(python: str, model_dir: str, statements: int = 120) -> dict:
    """The speed line in one run: CPU MB/s through `witnessbox redact` with 2, 10 and 50 recorded
    people on every statement, then Presidio side by side (wall clock, both on the development set),
    and each `witnessbox redact` figure over Presidio's."""
    import os

    from desktop.services import pool

    load_before = [round(x, 2) for x in os.getloadavg()]
    cli = cli_speed(statements)
    pooled = cli_speed(statements, jobs=pool.cores())
    side = presidio_side_by_side(python, model_dir)
    presidio = side["presidio_mb_per_second"]
    return {
        "witnessbox_redact_cpu_mb_per_second": {k: v["mb_per_second_cpu"] for k, v in cli.items()},
        "presidio_side_by_side": side,
        "witnessbox_redact_over_presidio": {k: round(v["mb_per_second_cpu"] / presidio, 1) for k, v in cli.items()},
        # on every core (--jobs = cores): wall MB/s of the batch, start-up apart; and CPU MB/s per core
        f"witnessbox_redact_jobs_{pool.cores()}_wall_mb_per_second": {k: v["mb_per_second_wall"]
                                                                     for k, v in pooled.items()},
        f"witnessbox_redact_jobs_{pool.cores()}_cpu_mb_per_second_per_core": {k: v["mb_per_second_cpu"]
                                                                             for k, v in pooled.items()},
        f"witnessbox_redact_jobs_{pool.cores()}_start_up_wall_seconds": {k: v["start_up_wall_seconds"]
                                                                        for k, v in pooled.items()},
        "witnessbox_redact_jobs_1_wall_mb_per_second": {k: v["mb_per_second_wall"] for k, v in cli.items()},
        "load_average_before": load_before,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }


if __name__ == "__main__" and len(sys.argv) > 3 and sys.argv[1] == "--line":
    # .venv/bin/python tests/benchmarks/bench_redaction.py --line PRESIDIO_PYTHON MODEL_DIR
    print(json.dumps(benchmark_line(sys.argv[2], sys.argv[3]), indent=1))
