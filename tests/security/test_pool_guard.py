"""The bulk export's worker processes (desktop.services.pool) are as offline as the app's own
process: each installs the network guard before it takes a job, so a worker refuses a connection,
a name lookup and a program off the allow-list exactly as the main process does."""

from __future__ import annotations

import socket
import subprocess

import pytest

from desktop import firewall
from desktop.services import pool

pytestmark = pytest.mark.firewall_probe


def _attempt(fn) -> tuple[str, list[str]]:
    """What ``fn`` raised (the exception's class name) and the refusals the guard counted for it."""
    before = len(firewall.blocked_events())
    try:
        fn()
    except Exception as exc:  # noqa: BLE001 - the class is the result: the guard's refusal or a network error
        outcome = type(exc).__name__
    else:
        outcome = "went through"
    return outcome, firewall.blocked_events()[before:]


def probe(_job: object) -> dict:
    """Run in a worker (and, to compare, in this process): a connection, a lookup, a program."""
    return {
        "installed": firewall.is_installed(),
        "connect": _attempt(lambda: socket.create_connection(("127.0.0.1", 9), timeout=1)),
        "inet_socket": _attempt(lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()),
        "lookup": _attempt(lambda: socket.getaddrinfo("example.org", 443)),
        "program": _attempt(lambda: subprocess.run(["/bin/sh", "-c", "true"], check=False)),
    }


def test_a_worker_refuses_the_network_exactly_as_the_main_process():
    here = probe(None)
    assert here["installed"]
    for attempt in ("connect", "inet_socket", "lookup", "program"):
        outcome, refusals = here[attempt]
        assert outcome == "NetworkBlocked" and refusals, attempt

    in_workers = list(pool.ordered(probe, range(2), workers=2))

    assert len(in_workers) == 2
    for seen in in_workers:
        assert seen == here, "a worker process must refuse what the main process refuses, the same way"


def test_the_workers_of_witnessbox_redact_refuse_the_network_too():
    from desktop.services import redact_batch

    here = probe(None)
    with pool.executor(2, preload=redact_batch.PRELOAD, warm=redact_batch.warm) as ex:
        in_workers = [f.result() for f in [ex.submit(probe, n) for n in range(2)]]
    assert in_workers == [here, here], "a redact worker must refuse what the main process refuses, the same way"
