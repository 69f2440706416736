"""``witnessbox redact``'s work: JSON Lines in, one line of spans out for each, in this process or
on every core.

Each input line is ``{"id", "text", "known_names", "known_identifiers"}`` (see
:mod:`desktop.cli_redact`); each output line is ``{"id", "spans": [{"start", "end", "type"}]}``.
:func:`redact_line` is the one place a line is read, checked and answered, so the output is the
same bytes however many processes make it.

On several cores (:func:`redact_stream` with ``workers`` > 1) the lines are read on a thread of
their own as they come (never all of the input first) and sent to the worker processes of
:mod:`desktop.services.pool` in jobs of consecutive lines; the answers are written in the input's
order. At most two jobs per worker wait or run besides the one whose answers are being written,
and a job grows past one line only while every worker is busy (at most :data:`JOB_LINES` lines,
:data:`JOB_CHARS` characters), so memory stays flat and a line sent on its own while the workers
wait is answered at once, not after the lines behind it. The first :data:`POOL_AFTER` lines are
answered in this process, so a short batch starts no worker. A bad line stops the batch as in one
process: the answers to the lines before it are written, nothing after it, and :class:`LineError`
names its number. Nothing from the texts is logged.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future

from desktop.redaction import KnownIdentifiers, detect

# A job holds at most this many lines, and stops growing once it holds this many characters.
JOB_LINES = 8
JOB_CHARS = 32_000

# The modules a fork server started for `witnessbox redact` imports (and so warms) before any worker.
PRELOAD = ("desktop.services.redact_warm",)

# The first lines are answered in this process: starting the workers costs a second or more, which a
# batch of a few lines (or one line typed at a time) would wait for. The pool starts at the next line.
POOL_AFTER = 8


class LineError(ValueError):
    """An input line that cannot be redacted; the message names its number, never its content."""


def redact_line(lineno: int, line: str, allow: Iterable[str] = ()) -> str | None:
    """The output line (with its newline) for input line ``lineno``; None for a blank line."""
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        raise LineError(f"line {lineno} is not valid JSON") from None
    if not isinstance(item, dict):
        raise LineError(f"line {lineno} is not a JSON object")
    text = item.get("text")
    if not isinstance(text, str):
        raise LineError(f"line {lineno} needs 'text' as a string")
    names = item.get("known_names", [])
    if names is None:
        names = []
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise LineError(f"line {lineno}: 'known_names' must be a list of strings")
    if "id" not in item:
        raise LineError(f"line {lineno} needs an 'id'")
    known = KnownIdentifiers(people=[(n, []) for n in names if n.strip()],
                             identifiers=_identifiers(item.get("known_identifiers"), lineno))
    spans = detect(text, known, allow=list(allow))
    out = {"id": item["id"], "spans": [{"start": s.start, "end": s.end, "type": s.type} for s in spans]}
    return json.dumps(out, ensure_ascii=False) + "\n"


def _identifiers(value: object, lineno: int) -> list[tuple[str, str]]:
    """``known_identifiers`` of one line as ``(kind, value)``; a line error (without the values) if malformed."""
    from desktop.core.model import IdentifierKind

    if value is None:
        return []
    kinds = [k.value for k in IdentifierKind]
    if not isinstance(value, list) or not all(
        isinstance(x, dict) and isinstance(x.get("kind"), str) and isinstance(x.get("value"), str) for x in value
    ):
        raise LineError(f'line {lineno}: \'known_identifiers\' must be a list of {{"kind": ..., "value": ...}} '
                        "with both as strings")
    for x in value:
        if x["kind"] not in kinds:
            raise LineError(f"line {lineno}: an identifier's 'kind' must be one of {', '.join(kinds)}")
    return [(x["kind"], x["value"]) for x in value if x["value"].strip()]


def redact_lines(job: tuple[tuple[str, ...], list[tuple[int, str]]]) -> tuple[list[str], str | None]:
    """In a worker: the output lines of a job's ``(allow, [(lineno, line), ...])``, up to its first
    bad line, and that line's error message (None if every line was good)."""
    allow, lines = job
    done: list[str] = []
    for lineno, line in lines:
        try:
            out = redact_line(lineno, line, allow)
        except LineError as exc:
            return done, str(exc)
        if out is not None:
            done.append(out)
    return done, None


_warmed = False


def warm() -> None:
    """Detection's word lists and patterns built, on a made-up line (once per process)."""
    global _warmed
    if _warmed:
        return
    line = json.dumps({
        "id": 0,
        "text": "My name is Marta Kowalczyk and I live at Flat 2, 14 Station Road, Leeds LS1 4AB. Piotr Nowak "
                "took my passport on 3 July 2024; call 07700 900123 or write to marta@example.org. My NI number "
                "is QQ 12 34 56 C and the Home Office reference K1234567. In June my son Tomasz left for Cardiff.",
        "known_names": ["Marta Kowalczyk", "Piotr Nowak"],
        "known_identifiers": [{"kind": "phone", "value": "07700 900123"},
                              {"kind": "address", "value": "Flat 2, 14 Station Road, Leeds"}],
    })
    redact_line(1, line)
    _word_lists()
    # What the warm-up built lives as long as the process: moved out of the garbage collector's
    # generations, so no collection during the lines walks it again (and, in a fork server, no
    # collection in a worker writes to the pages it shares with the server).
    gc.freeze()
    _warmed = True


def _word_lists() -> None:
    """The word lists and tables that only some wordings need, which the line above does not reach:
    read once here (in the fork server before any worker, or before the first line in one process),
    not in the time of the first statement that needs one."""
    from desktop.redaction import lexicon, variants
    from desktop.redaction.facts_by_shape import _street_words
    from desktop.redaction.given_names import given_names
    from desktop.redaction.misses_people import _cue_last_words
    from desktop.redaction.misses_places import surname_words

    for which in ("uk", "world"):
        lexicon.small_places(which)
    given_names()
    surname_words()
    _cue_last_words()
    _street_words()
    variants._table()


def redact_stream(lines: Iterable[str], emit: Callable[[list[str]], None], *, allow: Iterable[str] = (),
                  workers: int = 1, executor: Callable[..., object] | None = None) -> None:
    """Every line of ``lines`` redacted, ``emit(output_lines)`` called in the input's order.

    ``workers`` 1: here, one line at a time (``emit`` once per answered line). More: the first
    :data:`POOL_AFTER` lines here, the rest on that many worker processes from ``executor``
    (:func:`desktop.services.pool.executor`, by default), ``emit`` once per job. The lines are read
    ahead on a thread of their own: once a line beyond the first ones is there, the workers start
    on it while this process still answers the first ones. A bad line raises :class:`LineError`
    after the lines before it were emitted; an error reading ``lines`` is raised after the lines
    read before it were emitted."""
    allow = tuple(allow)
    source = iter(lines)
    if workers <= 1:
        warm()  # every word list read before the first line, as a worker has them from the fork server
        for lineno, line in enumerate(source, 1):
            out = redact_line(lineno, line, allow)
            if out is not None:
                emit([out])
        return
    ahead = _Ahead(source, POOL_AFTER + 1)
    with contextlib.ExitStack() as stack:
        feed: _Feed | None = None

        def start() -> _Feed:
            """The workers, on the line after the first ones and every line after it."""
            nonlocal executor
            if executor is None:
                from desktop.services import pool

                executor = pool.executor
            ex = stack.enter_context(executor(workers, preload=PRELOAD, warm=warm))
            started = _Feed(ex, allow, slots=2 * workers)
            stack.callback(started.stop)
            rest = itertools.chain([ahead.line(POOL_AFTER + 1)], source)  # (the reading thread has ended)
            threading.Thread(target=started.read, args=(rest, POOL_AFTER + 1), name="witnessbox redact input",
                             daemon=True).start()  # fmt: skip
            return started

        for lineno in range(1, POOL_AFTER + 1):
            if feed is None and ahead.has(POOL_AFTER + 1):
                feed = start()
            line = ahead.line(lineno)
            if line is None:
                return  # (the input ended before the pool was needed)
            # The first lines are answered here, as a worker answers the rest: with every word list
            # read first (once; the fork server, started above when the lines are there, warms
            # itself meanwhile), not read one by one in the time of whichever line first needs it.
            warm()
            out = redact_line(lineno, line, allow)
            if out is not None:
                emit([out])
        if feed is None:
            if ahead.line(POOL_AFTER + 1) is None:
                return
            feed = start()
        for done, error in feed.answers():
            if done:
                emit(done)
            if error is not None:
                raise LineError(error)


class _Ahead:
    """The first ``count`` lines of ``source``, read on a thread of their own as they come; the
    thread ends after them (or at the input's end or failure), leaving the rest of ``source``."""

    def __init__(self, source: Iterator[str], count: int) -> None:
        self._lines: list[str] = []
        self._ended = False
        self._failure: BaseException | None = None
        self._cond = threading.Condition()
        threading.Thread(target=self._read, args=(source, count), name="witnessbox redact input ahead",
                         daemon=True).start()  # fmt: skip

    def _read(self, source: Iterator[str], count: int) -> None:
        try:
            for line in itertools.islice(source, count):
                with self._cond:
                    self._lines.append(line)
                    self._cond.notify_all()
        except BaseException as exc:  # noqa: BLE001 - raised where the line it stopped at is taken
            with self._cond:
                self._failure = exc
        finally:
            with self._cond:
                self._ended = True
                self._cond.notify_all()

    def has(self, lineno: int) -> bool:
        """Is line ``lineno`` (from 1) read already? (never waits)"""
        with self._cond:
            return len(self._lines) >= lineno

    def line(self, lineno: int) -> str | None:
        """Line ``lineno``, once read; None if the input ended before it; the reading error if reading
        failed before it."""
        with self._cond:
            while len(self._lines) < lineno and not self._ended:
                self._cond.wait()
            if len(self._lines) >= lineno:
                return self._lines[lineno - 1]
            if self._failure is not None:
                raise self._failure
            return None


class _Feed:
    """Input lines read on one thread and sent as jobs; the jobs' answers taken in order on another.

    A slot is a job sent and not done: it frees when its worker finishes it, not when its answers
    are written, so a worker that finished its jobs takes more while the other one still works on
    an older, longer job (whose answers come first). The lines sent and not yet answered here are
    bounded apart (:attr:`_most`), so memory stays flat however long one job takes."""

    def __init__(self, executor: Executor, allow: tuple[str, ...], slots: int) -> None:
        self._executor = executor
        self._allow = allow
        self._slots = slots
        self._most = slots * JOB_LINES  # lines in jobs sent and not yet taken by answers()
        self._cond = threading.Condition()  # (reentrant: a job done at once calls back holding it)
        self._batch: list[tuple[int, str]] = []
        self._chars = 0
        self._sent: deque[tuple[Future, int]] = deque()  # (job, its lines), in the input's order
        self._running = 0  # jobs sent and not done
        self._held = 0  # lines in self._sent
        self._ended = False
        self._stopped = False
        self._failure: BaseException | None = None

    def _free(self) -> bool:
        """May the lines held now go as a job? (called holding the lock)"""
        return self._running < self._slots and self._held + len(self._batch) <= self._most

    def _send(self) -> None:
        """The lines held so far as one job (called holding the lock)."""
        future = self._executor.submit(redact_lines, (self._allow, self._batch))
        self._running += 1
        self._held += len(self._batch)
        self._sent.append((future, len(self._batch)))
        future.add_done_callback(self._done)
        self._batch, self._chars = [], 0
        self._cond.notify_all()

    def _done(self, _future: Future) -> None:
        """A job finished (or was cancelled): its slot is free."""
        with self._cond:
            self._running -= 1
            self._cond.notify_all()

    def read(self, lines: Iterable[str], first: int = 1) -> None:
        """On the reader thread: each non-blank line (numbered from ``first``) into the next job; a job
        is sent at once while a slot is free, else it grows until it is full and then waits for a slot."""
        try:
            for lineno, line in enumerate(lines, first):
                if not line.strip():
                    continue  # nothing to answer
                with self._cond:
                    if self._stopped:
                        return
                    self._batch.append((lineno, line))
                    self._chars += len(line)
                    if self._free():
                        self._send()
                    elif len(self._batch) >= JOB_LINES or self._chars >= JOB_CHARS:
                        while not self._free() and not self._stopped:
                            self._cond.wait()
                        if self._stopped:
                            return
                        if self._batch:  # (else a freed slot took it already: see answers())
                            self._send()
        except BaseException as exc:  # noqa: BLE001 - raised in order, after the lines read before it
            with self._cond:
                self._failure = exc
        finally:
            with self._cond:
                if self._batch and not self._stopped:
                    try:
                        self._send()
                    except BaseException as exc:  # noqa: BLE001 - a pool that broke: raised in order
                        self._failure = self._failure or exc
                self._ended = True
                self._cond.notify_all()

    def answers(self) -> Iterator[tuple[list[str], str | None]]:
        """Each job's ``(output lines, error)`` in the input's order, as they are done."""
        while True:
            with self._cond:
                while True:
                    if self._batch and self._free():  # the reader waits for input with lines in hand
                        self._send()
                    if self._sent and self._sent[0][0].done():
                        break
                    if not self._sent and self._ended:
                        if self._failure is not None:
                            raise self._failure
                        return
                    self._cond.wait()
                future, lines = self._sent.popleft()
                self._held -= lines
                self._cond.notify_all()
            yield future.result()

    def stop(self) -> None:
        """No more jobs; those not started are dropped."""
        with self._cond:
            self._stopped = True
            for future, _ in self._sent:
                future.cancel()
            self._cond.notify_all()
