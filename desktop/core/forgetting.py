"""What the program keeps in memory while a vault is open, let go of when the vault locks.

Detection and the leak gate keep what they made from interviews (the recorded names' patterns,
phone numbers already validated, words already measured, the index of a summary's protected
strings) so that the next statement does not make them again. None of it may outlive the unlock:
each such store registers how it is emptied here, and :meth:`desktop.vault.Vault.lock` empties
them all. (Memory Python has freed is not overwritten; this keeps the program itself from holding on.)
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

_forgetters: list[Callable[[], None]] = []
_lock = threading.Lock()


def kept_until_lock(empty: Callable[[], None]) -> Callable[[], None]:
    """Register ``empty`` (a cache's ``cache_clear``, a dict's ``clear``) to run at every lock."""
    with _lock:
        _forgetters.append(empty)
    return empty


def forget_kept() -> None:
    """Empty every registered store, then Python's own cache of compiled patterns (the leak gate
    and detection compile patterns from protected strings, and ``re`` keeps the last few hundred).
    Never raises: a lock must go on."""
    with _lock:
        forgetters = list(_forgetters)
    for empty in [*forgetters, re.purge]:
        try:
            empty()
        except Exception as exc:  # noqa: BLE001 - the lock goes on whatever a cache does
            log.error("emptying a store at lock failed: %s", type(exc).__name__)
