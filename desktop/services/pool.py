"""Work spread over the machine's cores, in worker processes, results in order.

Bulk export renders and gates each statement in a worker process (``spawn``: the same on Linux,
macOS, Windows and in the frozen app, where ``desktop.__main__`` calls ``freeze_support``). The
vault and its key stay in this process: a worker is given one interview's record at a time and
gives back checked bytes or a refusal; this process writes the files and the audit entries.

At most two jobs per worker are in flight, so memory stays flat however many statements there are,
and closing the iterator early (a cancel) drops the jobs not yet started. Each worker installs the
network guard and turns off core dumps before it takes a job. While the workers start (imports,
compiled patterns: a second or more each), this process, which has all that done already, makes
the first jobs itself, in order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

_END = object()


def cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def _start_worker() -> None:
    """In each worker, before any job: the network guard, and no core dump of decrypted records."""
    from desktop import firewall

    firewall.install()
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # pragma: no cover - Windows has no resource module
        pass


def ordered(fn: Callable[[Any], Any], jobs: Iterable[Any], *, workers: int,
            warm: Callable[[], Any] | None = None) -> Iterator[Any]:
    """``fn(job)`` for each job, run in ``workers`` processes, yielded in the jobs' order.

    ``fn`` must be a module-level function (it is sent to the workers by name). ``jobs`` is read
    lazily, two per worker ahead of the result being yielded. An exception ``fn`` raises comes out
    of the iterator; closing the iterator cancels the jobs not started and waits for the others.

    With ``warm`` (a module-level function with no arguments, run once in each worker as soon as it
    has started), this process makes the first jobs itself, in order, with ``fn``, until ``warm``
    has returned in a worker: a worker spends its first second or more importing and compiling,
    while this process has all that done already. From then on every job goes to the workers.
    """
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)
    starting = [pool.submit(warm) for _ in range(workers)] if warm is not None else []
    pending: deque[Future] = deque()
    source = iter(jobs)
    sent = False  # whether any job went to the workers

    def top_up() -> None:
        nonlocal sent
        while len(pending) < 2 * workers:
            job = next(source, _END)
            if job is _END:
                return
            pending.append(pool.submit(fn, job))
            sent = True

    try:
        while starting and not any(f.done() for f in starting):
            job = next(source, _END)
            if job is _END:
                return
            yield fn(job)  # here, while the workers start
        top_up()
        while pending:
            result = pending.popleft().result()
            top_up()
            yield result
    finally:
        for future in [*starting, *pending]:
            future.cancel()
        # Workers that were only starting are not waited for: they stop once started, on their own.
        pool.shutdown(wait=sent, cancel_futures=True)
