"""The counted facts kept as their own small rows (schema version 4): a vault made before them
migrates with every interview's facts, and every write (save, update, consent withdrawn, a revision
or a deletion arriving from a stick, a delete) leaves exactly the facts that reading each record
whole gives. Real SQLCipher vaults."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from desktop.core.model import Answer, ConsentUse, CrimeType, Outcome, YearMonth
from desktop.evidence.records import EvidenceRecord
from desktop.services import evidence
from desktop.services.errors import Refused
from desktop.vault import Vault
from desktop.vault import vault as vault_module
from desktop.vault.schema import MIGRATIONS, SCHEMA_VERSION
from tests.factories import FAST_KDF, PASSPHRASE, make_interview, new_vault

DEVICE = "a" * 32


def _from_whole_records(v: Vault) -> list[EvidenceRecord]:
    """What the totals must count, read the slow way: every record whole, the consent rule applied."""
    out = []
    for iv in (v.interviews.get(i) for i in v.interviews.ids()):
        if not iv.has_consent(ConsentUse.COMPLAINT) or iv.crime_type is None:
            continue
        out.append(EvidenceRecord(iv.force, iv.crime_type, iv.role,
                                  (iv.reported_on.year, iv.reported_on.month) if iv.reported_on else None,
                                  iv.asked_about_status, iv.immigration_enforcement_contacted,
                                  iv.fear_delayed_reporting, iv.status_used_as_threat, frozenset(iv.outcomes)))
    return out


def _facts_rows(v: Vault) -> int:
    return v.connection().execute("SELECT count(*) FROM evidence_facts").fetchone()[0]


def _varied(n: int):
    return make_interview(
        f"Statement {n}.", force=["kent", "metropolitan", "dorset"][n % 3],
        crime_type=list(CrimeType)[n % len(CrimeType)],
        reported_on=YearMonth(2018 + n % 4, 1 + n % 12) if n % 5 else None,
        asked_about_status=list(Answer)[n % 3], outcomes=[o for i, o in enumerate(Outcome) if (n >> i) & 1],
        status_used_as_threat=Answer.YES if n % 2 else Answer.NO,
    )


def test_a_version_3_vault_migrates_with_the_facts_of_every_interview(tmp_path, monkeypatch):
    d = tmp_path / "vault"
    monkeypatch.setattr(vault_module, "MIGRATIONS", MIGRATIONS[:3])
    monkeypatch.setattr(vault_module, "SCHEMA_VERSION", 3)
    v = Vault.create(d, PASSPHRASE, kdf=FAST_KDF)
    v.interviews.add_many([_varied(n) for n in range(40)])
    v.interviews.add(make_interview(consent={}))  # never counted
    v.lock()
    monkeypatch.undo()

    v = Vault.unlock(d, PASSPHRASE)
    try:
        assert v.connection().execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert any(b.name.endswith("migration") for b in Vault.backups(d))
        assert _facts_rows(v) == 41
        expected = _from_whole_records(v)
        assert len(expected) == 40
        assert evidence.records(v) == expected
    finally:
        v.lock()


def test_every_write_keeps_the_facts_in_step(tmp_path):
    v = new_vault(tmp_path / "v")
    try:
        ids = v.interviews.add_many([_varied(n) for n in range(12)])
        one = v.interviews.add(_varied(99))
        assert evidence.records(v) == _from_whole_records(v)

        iv = v.interviews.get(ids[0])
        iv.force, iv.crime_type, iv.outcomes = "cumbria", CrimeType.HATE_CRIME, [Outcome.DETENTION]
        iv.reported_on, iv.fear_delayed_reporting = YearMonth(2016, 7), Answer.YES
        v.interviews.update(iv)
        assert evidence.records(v) == _from_whole_records(v)
        assert sum(r.force == "cumbria" and r.outcomes == {Outcome.DETENTION} for r in evidence.records(v)) == 1

        v.interviews.withdraw_consent(ids[1], ConsentUse.COMPLAINT, date(2026, 2, 1), "Sam")
        assert evidence.records(v) == _from_whole_records(v)

        before = len(evidence.records(v))
        v.interviews.delete(one)
        assert len(evidence.records(v)) == before - 1 == len(_from_whole_records(v))
        v.interviews.purge(ids[2:4])
        assert evidence.records(v) == _from_whole_records(v)
        assert _facts_rows(v) == v.interviews.count() == 10
    finally:
        v.lock()


def _apply(v, bundle_id, seq, records):
    def stage(stager):
        stager.begin(bundle_id=bundle_id, device_id=DEVICE, seq=seq)
        for kind, args in records:
            getattr(stager, kind)(*args)
    return v.transfer.apply_bundle(sha256=lambda: bundle_id * 2, prev_sha256=lambda: "", stage=stage)


def test_what_a_stick_brings_keeps_the_facts_in_step(tmp_path):
    v = new_vault(tmp_path / "coord")
    try:
        first = make_interview("First version.")
        _apply(v, "1" * 32, 1, [("interview", (first, 1, []))])
        assert [r.force for r in evidence.records(v)] == ["metropolitan"]
        newer = dataclasses.replace(first, statement="Second version.", force="kent", crime_type=CrimeType.OTHER)
        _apply(v, "2" * 32, 2, [("interview", (newer, 2, []))])
        assert evidence.records(v) == _from_whole_records(v)
        assert [(r.force, r.crime) for r in evidence.records(v)] == [("kent", CrimeType.OTHER)]
        _apply(v, "3" * 32, 3, [("withdrawal", (first.id, ConsentUse.COMPLAINT, first.interviewed_on, "Sam"))])
        assert evidence.records(v) == [] == _from_whole_records(v)
        _apply(v, "4" * 32, 4, [("deletion", (first.id, "2026-02-01T00:00:00+00:00"))])
        assert _facts_rows(v) == 0
    finally:
        v.lock()


def test_summaries_protect_again_only_when_a_counted_fact_changes(tmp_path):
    v = new_vault(tmp_path / "v")
    try:
        ids = v.interviews.add_many([_varied(n) for n in range(30)])
        s = evidence.Summaries()
        first = s.summarise(v)
        assert s.summarise(v) is first
        iv = v.interviews.get(ids[0])
        iv.statement = "Edited, and nothing counted changed."
        v.interviews.update(iv)
        assert s.summarise(v) is first
        assert s.summarise(v, threshold=6) is not first  # another threshold protects again
        assert s.summarise(v) is not first and s.summarise(v) is s.summarise(v)
        first = s.summarise(v)
        v.interviews.add(make_interview(consent={}))  # not consented: counted nowhere
        same = s.summarise(v)
        assert same.status == first.status and same.counts == first.counts
        iv = v.interviews.get(ids[0])
        iv.force = "cumbria"
        v.interviews.update(iv)
        again = s.summarise(v)
        assert again is not first
        assert again.status == evidence.summarise(v).status and again.counts == evidence.summarise(v).counts
        with pytest.raises(Refused, match="3 or more"):
            s.summarise(v, threshold=2)
    finally:
        v.lock()


def test_the_threshold_is_kept_in_the_vault_and_never_below_three(tmp_path):
    v = new_vault(tmp_path / "v")
    try:
        assert evidence.threshold(v) == evidence.DEFAULT_THRESHOLD == 5
        evidence.set_threshold(v, 3)
        assert evidence.threshold(v) == 3
        with pytest.raises(Refused, match="3 or more"):
            evidence.set_threshold(v, 2)
        assert evidence.threshold(v) == 3
        v.settings.set(evidence.THRESHOLD_SETTING, 1)  # a value that got there some other way is not used
        assert evidence.threshold(v) == evidence.DEFAULT_THRESHOLD
    finally:
        v.lock()
