"""Bulk export on every core: from POOL_FROM statements on, each is redacted, drawn and gated in a
worker process (spawn), and this process writes the files and the audit. The result must be the one
the export made in this process gives: the same bytes, order, refusals, progress, audit and cancel."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from desktop.core.model import ConsentUse
from desktop.services import pool, statements
from tests.factories import new_vault, sample_interview

N = statements.POOL_FROM + 2


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """A vault of N statements, the third without consent (the fifth's file is put in the folder first)."""
    v = new_vault(tmp_path_factory.mktemp("pool") / "vault")
    ivs = [sample_interview(reference=f"WB-POOL-{n:04d}", id=f"{n + 1:032x}") for n in range(N)]
    del ivs[2].consent[ConsentUse.COMPLAINT]
    ids = v.interviews.add_many(ivs)
    yield v, ids, ivs
    v.lock()


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.pdf"))}


def _run(vault, ids, folder: Path, workers: int, **kwargs):
    folder.mkdir()
    (folder / "WB-POOL-0004.pdf").write_bytes(b"already here")
    seen: list[tuple[int, int]] = []
    before = len(vault.audit.entries())
    result = statements.export_statements(vault, ids, folder, workers=workers,
                                          progress=lambda d, t: seen.append((d, t)), **kwargs)
    audited = [e.target for e in vault.audit.entries()[before:] if e.action == "statement.exported"]
    return result, seen, audited


def test_the_pool_gives_what_one_process_gives(filled, tmp_path):
    vault, ids, ivs = filled
    alone, seen_alone, audit_alone = _run(vault, ids, tmp_path / "alone", workers=1)
    pooled, seen_pooled, audit_pooled = _run(vault, ids, tmp_path / "pooled", workers=2)

    assert _files(tmp_path / "pooled") == _files(tmp_path / "alone"), "the same bytes, file for file"
    assert len(_files(tmp_path / "pooled")) == N - 1  # all but the one without consent (the old file stays)
    assert (tmp_path / "pooled" / "WB-POOL-0004.pdf").read_bytes() == b"already here"
    assert [r.reference for r in pooled.written] == [r.reference for r in alone.written]
    assert [r.fingerprint for r in pooled.written] == [r.fingerprint for r in alone.written]
    assert [r.gate for r in pooled.written] == [r.gate for r in alone.written]
    assert pooled.refused == alone.refused and len(pooled.refused) == 2
    assert pooled.consent_refusals == alone.consent_refusals == 1
    assert seen_pooled == seen_alone == [(d, N) for d in range(1, N + 1)]
    assert audit_pooled == audit_alone == [i for i, iv in zip(ids, ivs, strict=True)
                                           if iv.reference not in ("WB-POOL-0002", "WB-POOL-0004")]


def test_a_cancel_stops_the_pool_and_nothing_is_written_after_it(filled, tmp_path):
    vault, ids, _ivs = filled
    stop = threading.Event()

    def progress(done, _total):
        if done == 3:
            stop.set()

    folder = tmp_path / "out"
    folder.mkdir()
    result = statements.export_statements(vault, ids, folder, workers=2, progress=progress, cancel=stop)
    assert result.cancelled
    assert [r.reference for r in result.written] == ["WB-POOL-0000", "WB-POOL-0001"]  # the third had no consent
    assert sorted(_files(folder)) == ["WB-POOL-0000.pdf", "WB-POOL-0001.pdf"]


def _jobs(vault, ids):
    for interview_id in ids:
        iv = vault.interviews.get(interview_id)
        yield iv, vault.redaction.load_decisions(interview_id), statements.saved_versions(vault, iv), "", False


def test_every_statement_made_in_a_worker_is_the_one_made_here(filled):
    """pool.ordered straight: every job made in a worker process gives the outcome made here."""
    vault, ids, _ivs = filled
    here = [statements._made(job) for job in _jobs(vault, ids)]
    made = list(pool.ordered(statements._made, _jobs(vault, ids), workers=2))
    assert made == here
    assert [kind for kind, _ref, _out in made].count("ok") == N - 1
