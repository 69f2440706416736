"""Imported once by the fork server of `witnessbox redact` (:mod:`desktop.services.redact_batch`).

Importing this module redacts one made-up line, so detection's word lists and patterns are built
once, before any worker is forked; each worker then starts with them. The line is invented here, so
the fork server never holds a line of the input. If the warm-up fails, each worker warms itself
before its first job (or on its first line, as one process does).
"""

from __future__ import annotations

import logging

from desktop.services.redact_batch import warm

log = logging.getLogger(__name__)

try:
    warm()
except Exception as exc:  # noqa: BLE001 - an optimisation only
    log.warning("the warm-up of witnessbox redact failed (%s); each worker warms itself", type(exc).__name__)
