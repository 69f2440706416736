"""A step that must finish once begun, whatever Ctrl-C says meanwhile.

A statement written to the export folder and its audit entry are one step: a Ctrl-C between the two
left a file the audit did not know had left the vault. :func:`interrupts_held` lets such a step
finish and then acts on the Ctrl-C as it would have (``KeyboardInterrupt`` with Python's own
handler). Python runs signal handlers in the main thread only: in any other thread (the app's
export runs in one, and has its own Cancel) nothing changes.

:func:`interrupts_never_dropped` is the other half: a Ctrl-C that lands where Python cannot raise it
(a finaliser, a weak reference's callback) is sent again instead of being printed and dropped.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections.abc import Iterator


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold a Ctrl-C (``SIGINT``) until the ``with`` block ends, then act on it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    old = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)
    if caught:
        if callable(old):
            old(signal.SIGINT, None)  # Python's own handler raises KeyboardInterrupt here
        elif old == signal.SIG_DFL:
            signal.raise_signal(signal.SIGINT)


# How long after a dropped Ctrl-C it is sent again: by then the main thread has left the finaliser
# or callback it landed in (they take microseconds). Should it land in another, it is sent again.
_AGAIN_AFTER = 0.01


@contextlib.contextmanager
def interrupts_never_dropped() -> Iterator[None]:
    """A Ctrl-C that lands while Python runs a finaliser or a weak reference's callback (garbage
    collected between two statements of an export) cannot be raised there: Python printed
    "Exception ignored in: ... KeyboardInterrupt" with a traceback, dropped it, and the command went
    on to the end as if it never came. Inside this block such a Ctrl-C is not printed but sent to the
    main thread again a moment later, from another thread (sent from inside the hook, it was raised
    in the hook and dropped once more), to stop the command where it is then (or, inside
    :func:`interrupts_held`, once the step is done). One still owed when the block ends is raised
    there. In the main thread only; elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    lock = threading.Lock()
    state = {"active": True, "owed": False}
    previous = sys.unraisablehook
    main = threading.main_thread().ident

    def again() -> None:
        time.sleep(_AGAIN_AFTER)
        with lock:
            if not (state["active"] and state["owed"]):
                return
            state["owed"] = False
            # sent with the lock held: a block ending meanwhile waits, and the Ctrl-C is raised in its end
            if hasattr(signal, "pthread_kill") and main is not None:
                signal.pthread_kill(main, signal.SIGINT)  # a real signal: it also ends a wait in progress
            else:  # pragma: no cover - Windows
                import _thread

                _thread.interrupt_main(signal.SIGINT)

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
            with lock:
                state["owed"] = True
            threading.Thread(target=again, name="ctrl-c-again", daemon=True).start()
            return
        previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous
        with lock:
            state["active"] = False
            owed, state["owed"] = state["owed"], False
    if owed:
        raise KeyboardInterrupt
