"""`witnessbox redact` on every core: the same bytes as in one process, in the input's order, the
input read as it comes and not all at once, a bad line stopping the batch where one process stops
it, and workers that start warm."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import sys
import threading

import pytest

from desktop.cli import Context, run
from desktop.services import pool, redact_batch
from tests.unit.redaction_corpus import generalisation
from tests.unit.redaction_corpus.corpus import everything, held_out

ALLOW = ["Refugee Action", "Leeds", "Amina"]


def _line(st) -> str:  # noqa: ANN001 - a corpus Statement
    return json.dumps({"id": st.id, "text": st.text, "known_names": [n for n, _ in st.known.people],
                       "known_identifiers": [{"kind": k, "value": v} for k, v in st.known.identifiers]},
                      ensure_ascii=False)  # fmt: skip


@pytest.fixture(scope="module")
def corpus_lines() -> list[str]:
    """Real statements with their recorded names and identifiers, a blank line now and then."""
    statements = [*everything(), *held_out(), *(generalisation.statement(s) for s in range(40))]
    lines = []
    for n, st in enumerate(statements):
        lines.append(_line(st))
        if n % 17 == 3:
            lines.append("   ")
    return lines


def _cli(data: str, app_paths, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["redact", *args], Context(paths=app_paths, stdin=io.StringIO(data), stdout=out, stderr=err))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("allow", [[], ALLOW])
def test_every_core_writes_the_same_bytes_as_one_process(corpus_lines, app_paths, allow):
    data = "\n".join(corpus_lines) + "\n"
    extra = [a for name in allow for a in ("--allow", name)]
    code1, one, err1 = _cli(data, app_paths, "--jobs", "1", *extra)
    code2, two, err2 = _cli(data, app_paths, "--jobs", "2", *extra)
    code3, three, _ = _cli(data, app_paths, "--jobs", "3", *extra)
    assert code1 == code2 == code3 == 0, (err1, err2)
    assert len(one.splitlines()) == len([x for x in corpus_lines if x.strip()])
    assert two == one and three == one


@pytest.mark.parametrize("bad_at", [1, 2, redact_batch.POOL_AFTER, redact_batch.POOL_AFTER + 1, 60, 150])
def test_a_bad_line_stops_the_batch_where_one_process_stops_it(corpus_lines, app_paths, bad_at):
    lines = [x for x in corpus_lines if x.strip()]
    lines.insert(bad_at - 1, '{"id": 7, "text": "Amina Okafor')  # cut short: not JSON
    data = "\n".join(lines) + "\n"
    code1, one, err1 = _cli(data, app_paths, "--jobs", "1")
    code2, two, err2 = _cli(data, app_paths, "--jobs", "2")
    assert code1 == code2 == 1
    assert err2 == err1 == f"witnessbox: line {bad_at} is not valid JSON\n"
    assert two == one, "the lines before the bad one are written, nothing after it"
    assert len(two.splitlines()) == bad_at - 1


def test_the_default_is_one_process_per_core_and_a_count_must_be_a_whole_number(app_paths):
    line = json.dumps({"id": 1, "text": "Amina rang 07700 900123.", "known_names": ["Amina Okafor"]}) + "\n"
    code, out, err = _cli(line, app_paths)
    assert code == 0 and json.loads(out)["spans"], err
    for bad in ("0", "-1", "two"):
        code, out, err = _cli(line, app_paths, "--jobs", bad)
        assert code == 2 and out == "" and "--jobs" in err


class _Typed:
    """A program that writes ``block`` lines, then waits for their answers before it writes the next
    ``block`` (with 1, a person at the keyboard)."""

    def __init__(self, lines: list[str], block: int = 1) -> None:
        self.lines, self.block = lines, block
        self.answered = 0
        self.cond = threading.Condition()
        self.stuck = False

    def __iter__(self):
        for n, line in enumerate(self.lines):
            with self.cond:
                if not self.cond.wait_for(lambda n=n: self.answered >= n - n % self.block, timeout=30):
                    self.stuck = True
                    return
            yield line

    def emit(self, done: list[str]) -> None:
        with self.cond:
            self.answered += len(done)
            self.cond.notify_all()


# With a block of 16 the first 8 lines are answered here, about 5 go to the workers one by one and
# the last few wait in a job that is not full when the input stops for the answers.
@pytest.mark.parametrize("block", [1, redact_batch.POOL_AFTER + 8])
def test_a_line_is_answered_without_waiting_for_the_lines_behind_it(block):
    lines = [json.dumps({"id": n, "text": f"Amina Okafor rang 07700 900{n:03d}.", "known_names": ["Amina Okafor"]})
             + "\n" for n in range(40)]
    typed = _Typed(lines, block=block)
    redact_batch.redact_stream(typed, typed.emit, workers=2)
    assert not typed.stuck, "an answer waited for input that was waiting for it"
    assert typed.answered == len(lines)


def test_the_input_is_read_as_it_comes_with_few_lines_in_flight(corpus_lines):
    lines = [x + "\n" for x in corpus_lines if x.strip()]
    lines = (lines * (1 + 600 // len(lines)))[:600]
    state = {"read": 0, "written": 0, "most_ahead": 0}

    def source():
        for line in lines:
            state["read"] += 1
            state["most_ahead"] = max(state["most_ahead"], state["read"] - state["written"])
            yield line

    written: list[str] = []

    def emit(done: list[str]) -> None:
        written.extend(done)
        state["written"] += len(done)

    redact_batch.redact_stream(source(), emit, workers=2)
    assert len(written) == 600
    slots = 2 * 2
    assert state["most_ahead"] <= (slots + 2) * redact_batch.JOB_LINES + 1, "memory stays flat"
    assert state["most_ahead"] < 600, "never all of the input first"
    assert written == [redact_batch.redact_line(1, x) for x in lines]


def test_an_input_that_fails_to_read_fails_after_the_lines_before_it(corpus_lines, app_paths):
    good = [x + "\n" for x in corpus_lines if x.strip()][:50]

    class Broken(io.StringIO):
        def __iter__(self):
            yield from good
            raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    outs = []
    for jobs in ("1", "2"):
        out, err = io.StringIO(), io.StringIO()
        code = run(["redact", "--jobs", jobs], Context(paths=app_paths, stdin=Broken(), stdout=out, stderr=err))
        assert code == 1 and "unexpected error" in err.getvalue() and "Traceback" not in err.getvalue()
        outs.append(out.getvalue())
    assert outs[1] == outs[0] and len(outs[0].splitlines()) == 50


def probe(_job: object) -> dict:
    """In a worker of `witnessbox redact`: warm, guarded, and from which process."""
    from desktop import firewall
    from desktop.redaction import given_names, lexicon, misses_places

    lists = (lexicon.small_places, given_names.given_names, misses_places.surname_words)
    return {"warm": redact_batch._warmed, "guard": firewall.is_installed(), "parent": os.getppid(),
            "preloaded": "desktop.services.redact_warm" in sys.modules,
            "lists_read": [f.cache_info().currsize for f in lists]}


def test_workers_are_warm_and_guarded_before_their_first_line():
    with pool.executor(2, preload=redact_batch.PRELOAD, warm=redact_batch.warm) as ex:
        seen = [f.result() for f in [ex.submit(probe, None) for _ in range(4)]]
    assert all(s["warm"] and s["guard"] for s in seen)
    assert all(s["parent"] != os.getpid() for s in seen)
    # the word lists only some wordings need were read once, in the fork server, not by each worker
    assert all(s["lists_read"] == [2, 1, 1] for s in seen)


def test_spawned_workers_as_in_the_frozen_app_start_warm(corpus_lines, app_paths, monkeypatch):
    # The frozen app (and macOS, Windows) spawns each worker: a fresh interpreter, no fork server.
    # (sys.frozen itself cannot be set here: spawn would then start this Python as the app.)
    monkeypatch.setattr(pool, "context", lambda preload=pool.PRELOAD: multiprocessing.get_context("spawn"))
    with pool.executor(1, preload=redact_batch.PRELOAD, warm=redact_batch.warm) as ex:
        seen = ex.submit(probe, None).result()
    assert seen["warm"] and seen["guard"] and not seen["preloaded"] and seen["parent"] == os.getpid()
    data = "\n".join(corpus_lines[:40]) + "\n"
    assert _cli(data, app_paths, "--jobs", "2") == _cli(data, app_paths, "--jobs", "1")


def test_a_short_batch_is_answered_here_without_starting_workers(corpus_lines):
    def no_pool(*_args, **_kwargs):
        raise AssertionError("a pool was started for a short batch")

    lines = [x + "\n" for x in corpus_lines[: redact_batch.POOL_AFTER]]
    written: list[str] = []
    redact_batch.redact_stream(lines, written.extend, workers=2, executor=no_pool)
    assert written == [x for n, line in enumerate(lines, 1) if (x := redact_batch.redact_line(n, line))]
    with pytest.raises(AssertionError, match="a pool was started"):
        redact_batch.redact_stream([*lines, lines[0]], written.extend, workers=2, executor=no_pool)


def test_no_job_is_sent_empty(corpus_lines):
    # A job that grew while every slot was taken may be sent by the answering side as a slot frees;
    # the reader, woken by that slot, must not send the (now empty) batch again as a job of no lines.
    from concurrent.futures import ThreadPoolExecutor
    from contextlib import contextmanager

    sizes: list[int] = []

    @contextmanager
    def threads(workers: int, **_kwargs):
        with ThreadPoolExecutor(workers) as ex:
            submit = ex.submit

            def counted(fn, job):  # noqa: ANN001, ANN202
                sizes.append(len(job[1]))
                return submit(fn, job)

            ex.submit = counted
            yield ex

    lines = [x + "\n" for x in corpus_lines if x.strip()][:60] * 3
    written: list[str] = []
    redact_batch.redact_stream(lines, written.extend, workers=2, executor=threads)
    assert len(written) == len(lines)
    assert sizes and 0 not in sizes, sizes


def test_the_workers_start_while_the_first_lines_are_answered_here(corpus_lines):
    # The whole input is there at once: the workers take the lines after the first ones while this
    # process answers the first ones, instead of starting only after them.
    from concurrent.futures import ThreadPoolExecutor
    from contextlib import contextmanager

    events: list[str] = []

    @contextmanager
    def threads(workers: int, **_kwargs):
        with ThreadPoolExecutor(workers) as ex:
            submit = ex.submit

            def noted(fn, job):  # noqa: ANN001, ANN202
                events.append("job")
                return submit(fn, job)

            ex.submit = noted
            yield ex

    lines = [x + "\n" for x in corpus_lines if x.strip()][:40]

    def emit(done: list[str]) -> None:
        events.extend("answer" for _ in done)

    redact_batch.redact_stream(lines, emit, workers=2, executor=threads)
    assert events.count("answer") == len(lines)
    assert events.index("job") < redact_batch.POOL_AFTER, events[: redact_batch.POOL_AFTER + 2]


def test_a_worker_takes_more_lines_while_the_other_works_on_an_older_longer_job():
    # The answers are written in the input's order, but a worker that finished its jobs is not left
    # idle while the oldest job (whose answers come first) is still worked on: a slot frees when its
    # job is done, not when its answers are written. Here the first job the pool gets takes long.
    from concurrent.futures import ThreadPoolExecutor
    from contextlib import contextmanager

    slow_done = threading.Event()
    state = {"jobs": 0, "lines_while_slow": 0}
    lock = threading.Lock()

    def slow(fn, job):  # noqa: ANN001, ANN202
        slow_done.wait(timeout=10)
        with lock:
            slow_done.set()  # (after the time-out too: lines done from now on are not counted)
        return fn(job)

    def quick(fn, job):  # noqa: ANN001, ANN202
        out = fn(job)
        with lock:
            if not slow_done.is_set():
                state["lines_while_slow"] += len(job[1])
                if state["lines_while_slow"] >= 16:
                    slow_done.set()
        return out

    @contextmanager
    def threads(workers: int, **_kwargs):
        with ThreadPoolExecutor(workers) as ex:
            submit = ex.submit

            def timed(fn, job):  # noqa: ANN001, ANN202
                state["jobs"] += 1
                return submit(slow if state["jobs"] == 1 else quick, fn, job)

            ex.submit = timed
            yield ex

    lines = [json.dumps({"id": n, "text": f"Amina Okafor rang 07700 900{n:03d}.", "known_names": ["Amina Okafor"]})
             + "\n" for n in range(60)]  # fmt: skip
    written: list[str] = []
    redact_batch.redact_stream(lines, written.extend, workers=2, executor=threads)
    assert written == [redact_batch.redact_line(n, x) for n, x in enumerate(lines, 1)], "in the input's order"
    assert state["lines_while_slow"] >= 16, "the other worker waited for the slow job's answers to be written"
