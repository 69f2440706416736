"""Work spread over the machine's cores, in worker processes, results in order.

Bulk export renders and gates each statement in a worker process (``spawn``: the same on Linux,
macOS, Windows and in the frozen app, where ``desktop.__main__`` calls ``freeze_support``). The
vault and its key stay in this process: a worker is given one interview's record at a time and
gives back checked bytes or a refusal; this process writes the files and the audit entries.

At most two jobs per worker are in flight, so memory stays flat however many statements there are,
and closing the iterator early (a cancel) drops the jobs not yet started. Each worker installs the
network guard and turns off core dumps before it takes a job.
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


def ordered(fn: Callable[[Any], Any], jobs: Iterable[Any], *, workers: int) -> Iterator[Any]:
    """``fn(job)`` for each job, run in ``workers`` processes, yielded in the jobs' order.

    ``fn`` must be a module-level function (it is sent to the workers by name). ``jobs`` is read
    lazily, two per worker ahead of the result being yielded. An exception ``fn`` raises comes out
    of the iterator; closing the iterator cancels the jobs not started and waits for the others.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker) as pool:
        pending: deque[Future] = deque()
        source = iter(jobs)

        def top_up() -> None:
            while len(pending) < 2 * workers:
                job = next(source, _END)
                if job is _END:
                    return
                pending.append(pool.submit(fn, job))

        try:
            top_up()
            while pending:
                result = pending.popleft().result()
                top_up()
                yield result
        finally:
            for future in pending:
                future.cancel()
