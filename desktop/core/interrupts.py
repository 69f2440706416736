"""A step that must finish once begun, whatever Ctrl-C says meanwhile.

A statement written to the export folder and its audit entry are one step: a Ctrl-C between the two
left a file the audit did not know had left the vault. :func:`interrupts_held` lets such a step
finish and then acts on the Ctrl-C as it would have (``KeyboardInterrupt`` with Python's own
handler). Python runs signal handlers in the main thread only: in any other thread (the app's
export runs in one, and has its own Cancel) nothing changes.
"""

from __future__ import annotations

import contextlib
import signal
import threading
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
