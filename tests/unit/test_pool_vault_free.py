"""The bulk export's workers never load the vault's code: they are given one record at a time and
give back checked bytes, and the vault, its SQLCipher binding and its key handling stay in the
exporting process. The fork server the workers are forked from imports the statement path
(desktop.services.pool_warm, which imports desktop.services.statements); the services on that path
import the vault only where they use it, so the fork server neither pays to import it (about a
tenth of a second of its start, before the first statement) nor hands it to every worker. This
module imports nothing of the statement path itself, so what a worker finds loaded came from the
fork server."""

from __future__ import annotations

import sys

import pytest

from desktop.services import pool

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is used on Linux")

_VAULT = ("desktop.vault", "sqlcipher3", "cryptography", "desktop.services.vaults")


def probe(_job: object) -> dict:
    """In a worker: whether the statement path is loaded, and which of the vault's modules are."""
    return {
        "statement_path": all(m in sys.modules for m in ("desktop.reports.statement", "desktop.services.statements")),
        "vault": sorted(m for m in sys.modules if m.startswith(_VAULT)),
    }


@linux
def test_workers_start_with_the_statement_path_and_without_the_vault():
    pool.stop()  # a fork server of its own, started by this pool
    seen = list(pool.ordered(probe, range(4), workers=2))
    assert all(s["statement_path"] for s in seen)
    assert [s["vault"] for s in seen] == [[]] * 4
