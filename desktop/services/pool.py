"""Work spread over the machine's cores, in worker processes, results in order.

Bulk export renders and gates each statement in a worker process. The vault and its key stay in
this process: a worker is given one interview's record at a time and gives back checked bytes or a
refusal; this process writes the files and the audit entries.

How the workers start (:func:`context`):

- On Linux, from a fork server: one fresh process, started the first time a pool is made and kept
  until this process ends, that imports the statement path and makes one made-up statement
  (:mod:`desktop.services.pool_warm`) before it forks any worker. Each worker then starts with the
  fonts, word lists and patterns built, instead of paying about a second of CPU to import and
  build them itself, and exits without tearing the interpreter down. The fork server never gets a
  job, so it never holds a record; it is a fresh interpreter, not a fork of this process, so it
  holds neither the vault's key nor this process's threads. A later export in the same process
  (the app's next bulk export, the evidence pack) finds it ready. Its workers see the environment
  (``PATH``, for ``pdftotext``) as it was when the fork server started.
- Elsewhere, and in the frozen app, ``spawn``: each worker a fresh interpreter (macOS, Windows; the
  frozen app's ``desktop.__main__`` calls ``freeze_support`` so such a start runs the worker).

At most two jobs per worker are in flight, so memory stays flat however many statements there are,
and closing the iterator early (a cancel) drops the jobs not yet started. Each worker installs the
network guard and turns off core dumps before it takes a job.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

_END = object()

# Imported by the fork server before it forks a worker: the statement path, warmed up.
PRELOAD = ("desktop.services.pool_warm",)


def cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def context() -> multiprocessing.context.BaseContext:
    """How workers start: a warmed fork server on Linux (not frozen), else ``spawn`` (see above)."""
    if (sys.platform.startswith("linux") and not getattr(sys, "frozen", False)
            and "forkserver" in multiprocessing.get_all_start_methods()):
        forkserver = multiprocessing.get_context("forkserver")
        forkserver.set_forkserver_preload(list(PRELOAD))  # read when the fork server first starts
        return forkserver
    return multiprocessing.get_context("spawn")


def stop() -> None:
    """Stop the fork server if this process started one, and wait for it (with it, for the CPU time
    of every worker it forked); the next pool starts a new one. Nothing to do under ``spawn``."""
    from multiprocessing import forkserver

    stop_server = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)  # the standard library's own
    if stop_server is not None:
        stop_server()


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
    with ProcessPoolExecutor(max_workers=workers, mp_context=context(), initializer=_start_worker) as pool:
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
