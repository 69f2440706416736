"""Work spread over the machine's cores, in worker processes, results in order.

Bulk export renders and gates each statement in a worker process. The vault and its key stay in
this process: a worker is given one interview's record at a time and gives back checked bytes or a
refusal; this process writes the files and the audit entries.

How the workers start (:func:`context`):

- On Linux, from a fork server: one fresh process, started the first time a pool is made, that
  imports the statement path and makes one made-up statement
  (:mod:`desktop.services.pool_warm`) before it forks any worker. Each worker then starts with the
  fonts, word lists and patterns built, instead of paying about a second of CPU to import and
  build them itself, and exits without tearing the interpreter down. The fork server never gets a
  job, so it never holds a record; it is a fresh interpreter, not a fork of this process, so it
  holds neither the vault's key nor this process's threads. A later export in the same process
  (the app's next bulk export, the evidence pack) finds it ready. Its workers see the environment
  (``PATH``, for ``pdftotext``) as it was when the fork server started. It holds 70-80 MiB, so it
  does not stay for the life of the app: it is stopped when a vault locks (:func:`stop` is
  registered with :mod:`desktop.core.forgetting`) and after :data:`IDLE_STOP_S` seconds without a
  pool, and the next pool starts it again. A lock that comes while a pool works stops it as soon
  as that pool ends (its workers finish the statements they hold; the export itself stops at its
  next read of the locked vault).
- Elsewhere, and in the frozen app, ``spawn``: each worker a fresh interpreter (macOS, Windows; the
  frozen app's ``desktop.__main__`` calls ``freeze_support`` so such a start runs the worker).

While a fork server starts, the bulk export makes its first statements in this process
(``ordered(..., here_while_starting=True)``): the fork server's imports and warm-up take about half a
second of one core, and this process's core would otherwise wait idle for them. A caller that knows
a pool will be used before it has imported the statement path itself (``witnessbox
export-statements``, once the vault is open and holds enough interviews: :func:`used`) starts the
fork server then (:func:`start_server`), so its imports and this process's run on two cores at once.

The fork server is started with Ctrl-C (``SIGINT``) blocked, and so are the workers it forks: a
Ctrl-C in a terminal reaches every process of the command, and a fork server still importing printed
a traceback; the command itself stops as the person asked, and its workers end with its pool. It
holds no record and writes nothing, so stopping it ends it with ``SIGTERM`` rather than waiting for
it to finish its imports or to tear down an interpreter of 70-80 MiB.

At most two jobs per worker are in flight, so memory stays flat however many statements there are,
and closing the iterator early (a cancel) drops the jobs not yet started. Each worker installs the
network guard and turns off core dumps before it takes a job.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from desktop.core.forgetting import kept_until_lock

log = logging.getLogger(__name__)

_END = object()

# After this many seconds without a pool the fork server is stopped (the next pool starts it again).
IDLE_STOP_S = 300.0

# Imported by the fork server before it forks a worker: the statement path, warmed up.
PRELOAD = ("desktop.services.pool_warm",)

# Fewer statements than this are made in this process: starting the workers costs about a second.
POOL_FROM = 8


def cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def context(preload: tuple[str, ...] = PRELOAD) -> multiprocessing.context.BaseContext:
    """How workers start: a warmed fork server on Linux (not frozen), else ``spawn`` (see above)."""
    if (
        sys.platform.startswith("linux")
        and not getattr(sys, "frozen", False)
        and "forkserver" in multiprocessing.get_all_start_methods()
    ):
        forkserver = multiprocessing.get_context("forkserver")
        forkserver.set_forkserver_preload(list(preload))  # read when the fork server first starts
        return forkserver
    return multiprocessing.get_context("spawn")


def used(count: int, workers: int | None = None) -> bool:
    """Whether a bulk export of ``count`` statements makes them in worker processes (``workers``:
    how many processes, default one per core)."""
    workers = cores() if workers is None else workers
    return workers > 1 and count >= POOL_FROM


class _Life:
    """How many pools are working, the idle timer, a stop asked for while a pool worked, and whether
    the fork server was started ahead of its first pool (:func:`start_server`)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.working = 0
        self.stop_after = False
        self.timer: threading.Timer | None = None
        self.ahead = False

    def cancel_timer(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None


_life = _Life()


def stop() -> None:
    """Stop the fork server and ``multiprocessing``'s resource tracker if this process started them,
    and wait for them (with the fork server, for the CPU time of every worker it forked); the next
    pool starts them again. A pool still working keeps them until it ends, then they stop. Called
    when a vault locks (it never raises there: a lock must go on)."""
    with _life.lock:
        _life.cancel_timer()
        if _life.working:
            _life.stop_after = True
            return
        _stop_servers()


kept_until_lock(stop)


def _stop_servers() -> None:
    """The standard library's own stops: the fork server first (its workers hold the tracker's pipe).
    No pool works now, so the fork server has no worker left; it is ended with ``SIGTERM`` first (see
    the module's notes), and the stop then only reaps it."""
    from multiprocessing import forkserver, resource_tracker

    _life.ahead = False
    server = getattr(forkserver, "_forkserver", None)
    tracker = getattr(resource_tracker, "_resource_tracker", None)
    try:
        pid = getattr(server, "_forkserver_pid", None)
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):  # it ended by itself: it is still reaped below
                os.kill(pid, signal.SIGTERM)  # not yet reaped, so the pid is still its own
            server._stop()
        if getattr(tracker, "_pid", None) is not None:  # None in a worker, which only inherited its pipe
            tracker._stop()
    except OSError as exc:  # already gone: nothing of ours left to stop
        log.warning("stopping the bulk export's fork server failed (%s)", type(exc).__name__)


def _idle_stop(timer: threading.Timer) -> None:
    with _life.lock:
        if _life.timer is timer and not _life.working:
            _life.timer = None
            _stop_servers()


def _pool_started() -> None:
    with _life.lock:
        _life.cancel_timer()
        _life.working += 1


def _pool_ended() -> None:
    """The last pool out stops the servers if a lock asked for it, else starts the idle timer."""
    with _life.lock:
        _life.working -= 1
        _life.ahead = False
        if _life.working:
            return
        if _life.stop_after:
            _life.stop_after = False
            _stop_servers()
            return
        _idle_timer()


def _idle_timer() -> None:
    """(Under ``_life.lock``.) Stop the servers after :data:`IDLE_STOP_S` seconds unless a pool comes."""
    _life.cancel_timer()
    timer = threading.Timer(IDLE_STOP_S, lambda: _idle_stop(timer))
    timer.daemon = True
    _life.timer = timer
    timer.start()


def _ensure_server(ctx: multiprocessing.context.BaseContext) -> bool:
    """Start ``ctx``'s fork server (and the resource tracker) if it is not running, with Ctrl-C blocked
    so that it and its workers inherit that (see the module's notes); True if it was started now."""
    if ctx.get_start_method() != "forkserver":
        return False
    from multiprocessing import forkserver, resource_tracker

    was = getattr(forkserver._forkserver, "_forkserver_pid", None)
    resource_tracker.ensure_running()  # first: starting it unblocks Ctrl-C (it blocks and unblocks it itself)
    blocked = hasattr(signal, "pthread_sigmask")
    if blocked:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        forkserver.ensure_running()
    finally:
        if blocked:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
    return forkserver._forkserver._forkserver_pid != was


def start_server() -> None:
    """Start the fork server now, for a caller that knows a pool will be used (:func:`used`) and has
    imports of its own to make meanwhile. Nothing else changes: the first pool finds it running and
    still makes its first jobs here while it warms (``here_while_starting``). Unused, it is stopped
    as any fork server is (a lock, or :data:`IDLE_STOP_S` seconds)."""
    with _life.lock:
        if _ensure_server(context()):
            _life.ahead = True
        if not _life.working:
            _idle_timer()


def _start_worker(warm: Callable[[], object] | None = None) -> None:
    """In each worker, before any job: the network guard, no core dump of decrypted records, and
    ``warm()`` if given (a worker that did not inherit a warmed fork server builds its tables here)."""
    from desktop import firewall

    firewall.install()
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # pragma: no cover - Windows has no resource module
        pass
    if warm is not None:
        warm()


@contextmanager
def executor(
    workers: int, *, preload: tuple[str, ...] = PRELOAD, warm: Callable[[], object] | None = None
) -> Iterator[ProcessPoolExecutor]:
    """A ``ProcessPoolExecutor`` of ``workers`` processes started as :func:`context` says, each with
    the network guard before its first job, counted as a working pool (see :func:`stop`).

    ``preload``: the modules a fork server this pool starts imports first (a fork server already
    running keeps its own); ``warm``: a module-level function each worker calls before its first
    job, cheap where the fork server's preload already did the work."""
    _pool_started()
    try:
        ctx = context(preload)
        _ensure_server(ctx)  # started here rather than by the first worker: with Ctrl-C blocked
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=ctx, initializer=_start_worker, initargs=(warm,)
        ) as pool:
            yield pool
    finally:
        _pool_ended()


def _starting() -> bool:
    """(Before the pool is made.) Will its first worker take a while to start: a fork server not
    running yet, or started ahead of it (:func:`start_server`) and not used by a pool yet (it imports
    and warms the statement path first, about half a second of one core), or ``spawn``?"""
    if context().get_start_method() != "forkserver":
        return True
    from multiprocessing import forkserver

    return _life.ahead or getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None) is None


def _first_worker(pool: ProcessPoolExecutor) -> threading.Event:
    """Set once the pool's first worker has started and done a job of nothing: its start (which
    waits for the fork server) runs on a thread of its own, so this one can go on meanwhile."""
    up = threading.Event()

    def start() -> None:
        try:
            pool.submit(os.getpid).add_done_callback(lambda _f: up.set())
        except BaseException:  # noqa: BLE001 - a pool that cannot start: the next submit raises it here
            up.set()

    threading.Thread(target=start, name="witnessbox pool start", daemon=True).start()
    return up


def ordered(
    fn: Callable[[Any], Any], jobs: Iterable[Any], *, workers: int, here_while_starting: bool = False
) -> Iterator[Any]:
    """``fn(job)`` for each job, run in ``workers`` processes, yielded in the jobs' order.

    ``fn`` must be a module-level function (it is sent to the workers by name). ``jobs`` is read
    lazily, two per worker ahead of the result being yielded. An exception ``fn`` raises comes out
    of the iterator; closing the iterator cancels the jobs not started and waits for the others.

    ``here_while_starting``: while the first worker starts (a fork server starting: :func:`_starting`),
    the jobs are made here, one at a time, so this process's core is not idle meanwhile; from the
    first job after the worker is up, every job goes to the workers.
    """
    starting = here_while_starting and _starting()
    with executor(workers) as pool:
        pending: deque[Future] = deque()
        source = iter(jobs)
        if starting:
            up = _first_worker(pool)
            while not up.is_set():
                job = next(source, _END)
                if job is _END:
                    return
                yield fn(job)

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
