"""Background work: run a function on a QThreadPool and get its result back on the GUI thread.

Workers never touch widgets. The pool comes in through the constructor, so tests pass a
synchronous pool and every result arrives before the call returns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Progress(QObject):
    """Carries a task's progress (done, of how many) from the worker thread to the GUI thread."""

    moved = Signal(int, int)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # delivered to on_error on the GUI thread
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


class _Delivery(QObject):
    """Lives on the GUI thread, so signals from a worker reach it through the event queue."""

    def __init__(self, runner: TaskRunner, on_done, on_error) -> None:
        super().__init__()
        self._runner = runner
        self._on_done = on_done
        self._on_error = on_error

    @Slot(object)
    def done(self, result: object) -> None:
        self._runner._finished(self)
        self._on_done(result)

    @Slot(object)
    def failed(self, exc: object) -> None:
        self._runner._finished(self)
        if self._on_error is None:
            log.error("background task failed: %s", type(exc).__name__)
        else:
            self._on_error(exc)


class TaskRunner(QObject):
    """``run_task(fn, on_done, on_error)``: ``fn`` runs on the pool, the callbacks on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._pending: set[_Delivery] = set()

    def sibling(self) -> TaskRunner:
        """Another runner on the same pool, with its own idea of ``busy`` (for work that runs
        alongside everything else, such as the vault check)."""
        return TaskRunner(self._pool, self)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run_task(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        delivery = _Delivery(self, on_done, on_error)
        signals = _Signals()
        signals.done.connect(delivery.done)
        signals.failed.connect(delivery.failed)
        self._pending.add(delivery)
        task = _Task(fn, signals)
        delivery._keep = (signals, task)  # alive until delivered
        self._pool.start(task)

    def _finished(self, delivery: _Delivery) -> None:
        self._pending.discard(delivery)

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Wait for queued work (used when the app closes)."""
        return self._pool.waitForDone(msecs)
