"""Results kept under each interview's revision (schema version 8): a vault made before migrates; a write
of any kind to what a statement is made from, by any path (the triggers, here driven by plain SQL as
well as by the services), gives the interview a new revision, so the fingerprint kept before is no
longer listed; revisions are never given twice; each interview's protected strings and the protected
release of the totals are kept and made again exactly when what they come from changed. Real SQLCipher
vaults."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from desktop.core.model import (
    Answer,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Person,
    PersonRole,
    Status,
    YearMonth,
)
from desktop.evidence import protect
from desktop.redaction import Decisions
from desktop.services import evidence, fingerprints, fingerprints_made, statements
from desktop.vault import Vault
from desktop.vault import vault as vault_module
from desktop.vault.schema import MIGRATIONS, SCHEMA_VERSION
from tests.factories import FAST_KDF, PASSPHRASE, make_interview, new_vault


@pytest.fixture
def vault(tmp_path):
    v = new_vault(tmp_path / "vault")
    yield v
    v.lock()


def _listed(v: Vault) -> dict[str, str]:
    return {b.reference: b.fingerprint for b in evidence.backing_statements(v)}


def _fresh(v: Vault, interview_id: str) -> str:
    content, _forbidden = statements.prepare(v, interview_id)
    return content.fingerprint


def _sql(v: Vault, sql: str, *args) -> None:
    con = v.connection()
    con.execute("BEGIN IMMEDIATE")
    con.execute(sql, args)
    con.execute("COMMIT")


# The migration that brings the revisions (8: the restored device took 7), and the vault just before it.
_MINE = next(n for n, (_v, sql) in enumerate(MIGRATIONS) if any("statement_revisions" in s for s in sql))


def test_a_vault_made_before_the_revisions_migrates_with_one_for_every_interview_and_lists_no_old_fingerprint(
        tmp_path, monkeypatch):
    d = tmp_path / "vault"
    monkeypatch.setattr(vault_module, "MIGRATIONS", MIGRATIONS[:_MINE])
    monkeypatch.setattr(vault_module, "SCHEMA_VERSION", MIGRATIONS[_MINE - 1][0])
    v = Vault.create(d, PASSPHRASE, kdf=FAST_KDF)
    ids = v.interviews.add_many([make_interview(f"The officer asked about my visa on day {n}.") for n in range(4)])
    # a fingerprint kept the version 6 way (a digest of the stored rows), deliberately wrong: never listed after
    v.connection().execute("INSERT INTO statement_fingerprints VALUES (?, ?, ?)", (ids[0], "0" * 64, "f" * 64))
    v.lock()
    monkeypatch.undo()

    v = Vault.unlock(d, PASSPHRASE)
    try:
        assert v.connection().execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 8
        assert any(b.name.endswith("migration") for b in Vault.backups(d))
        revisions = v.fingerprints.revisions()
        assert set(revisions) == set(ids) and len(set(revisions.values())) == 4
        assert fingerprints.known(v) == {}
        listed = _listed(v)
        assert listed == {v.interviews.get(i).reference: _fresh(v, i) for i in ids}
        assert "f" * 64 not in listed.values()
        assert set(fingerprints.known(v)) == set(ids)
        # written after the migration, the triggers work there too
        v.interviews.update(dataclasses.replace(v.interviews.get(ids[1]), statement="The officer took my card."))
        assert set(fingerprints.known(v)) == set(ids) - {ids[1]}
        new = v.interviews.add(make_interview("A new one."))
        assert v.fingerprints.revisions()[new] > max(revisions.values())
    finally:
        v.lock()


# Every table a statement is made from, and a write of each kind to it, as plain SQL (any code path).
_WRITES = [
    ("UPDATE interviews SET doc = json_set(doc, '$.statement', 'Changed.') WHERE id = ?", "record updated"),
    ("UPDATE interviews SET status = status WHERE id = ?", "record saved unchanged"),
    ("INSERT INTO people(interview_id, position, name, role, aliases) VALUES (?, 9, 'Jan Novak', 'other', '[]')",
     "person added"),
    ("UPDATE people SET name = 'Amina Khann' WHERE interview_id = ?", "person changed"),
    ("DELETE FROM people WHERE interview_id = ?", "person removed"),
    ("INSERT INTO identifiers(interview_id, position, kind, value) VALUES (?, 9, 'phone', '07700 900999')",
     "identifier added"),
    ("UPDATE identifiers SET value = 'K7654321' WHERE interview_id = ?", "identifier changed"),
    ("DELETE FROM identifiers WHERE interview_id = ?", "identifier removed"),
    ("INSERT INTO consents(interview_id, use, given) VALUES (?, 'quotation', 1)", "consent added"),
    ("UPDATE consents SET taken_by = 'Someone else' WHERE interview_id = ?", "consent changed"),
    ("DELETE FROM consents WHERE interview_id = ? AND use = 'contact'", "consent removed"),
    ("INSERT INTO redaction_decisions(interview_id, saved_at, payload) VALUES (?, 'now', '{}')", "decisions saved"),
    ("INSERT INTO revisions(interview_id, revision, saved_at, doc) VALUES (?, 99, 'now', '{}')", "version saved"),
]


@pytest.mark.parametrize("sql, what", _WRITES, ids=[w for _s, w in _WRITES])
def test_each_kind_of_write_unlists_the_kept_fingerprint(vault, sql, what):
    iv = make_interview("Amina Khan told the officer about the visa.",
                        people=[Person("Amina Khan", PersonRole.INTERVIEWEE)],
                        identifiers=[Identifier(IdentifierKind.HOME_OFFICE_REF, "K1234567")])
    other_id = vault.interviews.add(make_interview("The officer asked about my papers."))
    interview_id = vault.interviews.add(iv)
    _sql(vault, "INSERT OR IGNORE INTO consents(interview_id, use, given) VALUES (?, 'contact', 1)", interview_id)
    _listed(vault)
    assert set(fingerprints.known(vault)) == {interview_id, other_id}
    before = vault.fingerprints.revisions()
    _sql(vault, sql, interview_id)
    after = vault.fingerprints.revisions()
    assert after[interview_id] > before[interview_id], what
    assert after[other_id] == before[other_id]  # only the interview written to
    assert fingerprints.known(vault) == {other_id: fingerprints.known(vault)[other_id]}


def test_the_revision_changes_for_writes_through_the_services(vault):
    interview_id = vault.interviews.add(make_interview("Amina Khan told the officer about the visa.",
                                                       status=Status.SEALED))
    seen = [vault.fingerprints.revisions()[interview_id]]

    def changed() -> bool:
        now = vault.fingerprints.revisions()[interview_id]
        grew = now > seen[-1]
        seen.append(now)
        return grew

    vault.interviews.update(dataclasses.replace(vault.interviews.get(interview_id),
                                                statement="Amina Khan told the officer. He took her card."))
    assert changed()  # an addendum to a sealed statement
    text = statements.review(vault, interview_id).text
    decisions = Decisions(text)
    decisions.add_manual(text.index("officer"), text.index("officer") + len("officer"))
    statements.save_decisions(vault, interview_id, decisions.to_dict(), None)
    assert changed()
    decisions.add_manual(text.index("visa"), text.index("visa") + len("visa"))
    statements.save_decisions(vault, interview_id, decisions.to_dict(), None)  # an upsert over the saved row
    assert changed()
    assert sorted(d["kind"] for d in vault.redaction.load_decisions(interview_id)["decisions"]) == ["manual",
                                                                                                    "manual"]
    vault.interviews.withdraw_consent(interview_id, ConsentUse.COMPLAINT, date(2026, 2, 1), "Sam")
    assert changed()


def test_a_revision_is_never_given_twice_even_after_the_last_interview_is_deleted(vault):
    ids = vault.interviews.add_many([make_interview("One."), make_interview("Two.")])
    highest = max(vault.fingerprints.revisions().values())
    vault.interviews.delete(ids[1])
    assert set(vault.fingerprints.revisions()) == {ids[0]}
    again = vault.interviews.add(make_interview("Three."))
    assert vault.fingerprints.revisions()[again] > highest


def test_a_fingerprint_made_before_a_write_to_the_people_is_not_kept(vault):
    interview_id = vault.interviews.add(make_interview("Amina Khan told the officer about the visa.",
                                                       people=[Person("Amina Khan", PersonRole.INTERVIEWEE)]))
    key = fingerprints.current_key(vault, interview_id)
    stale = _fresh(vault, interview_id)
    _sql(vault, "UPDATE people SET aliases = '[\"Mina\"]' WHERE interview_id = ?", interview_id)
    fingerprints.remember(vault, interview_id, key, stale)
    assert vault.fingerprints.stored() == {}


def _made_now(v: Vault) -> list[str]:
    seen: dict[str, None] = {}
    for people, identifiers in v.interviews.recorded_identifiers():
        for s in evidence._strings_of(people, identifiers):
            seen.setdefault(s, None)
    return list(seen)


def _kept_rows(v: Vault) -> dict[str, str]:
    return dict(v.connection().execute("SELECT interview_id, strings FROM protected_kept").fetchall())


def test_protected_strings_are_kept_and_made_again_only_for_the_interview_that_changed(vault, monkeypatch):
    people = [Person("Will Hope", PersonRole.INTERVIEWEE, ["Grace"])]
    ids = vault.interviews.add_many([
        make_interview("The officer asked about my visa.", people=people,
                       identifiers=[Identifier(IdentifierKind.PHONE, "07700 900123")]),
        make_interview("The officer asked about my papers.", people=[Person("Łucja Wiśniewska", PersonRole.FAMILY)]),
    ])
    first = evidence.protected_values(vault)
    assert first == _made_now(vault) and [type(s) for s in first] == [type(s) for s in _made_now(vault)]
    kept = _kept_rows(vault)
    assert set(kept) == set(ids)

    made: list = []
    real = evidence._strings_of
    monkeypatch.setattr(evidence, "_strings_of", lambda p, i: made.append(p) or real(p, i))
    assert evidence.protected_values(vault) == first and made == []  # read back, nothing made again
    _sql(vault, "UPDATE people SET name = 'Will Hopewell' WHERE interview_id = ?", ids[0])
    second = evidence.protected_values(vault)
    assert len(made) == 1 and second == _made_now(vault) and "Will Hopewell" in second and "Will Hope" not in second
    assert _kept_rows(vault)[ids[1]] == kept[ids[1]]

    monkeypatch.setattr(fingerprints, "program_digest", lambda: "a changed program")
    made.clear()
    assert evidence.protected_values(vault) == second and len(made) == 2  # the program changed: all made again

    vault.interviews.delete(ids[0])
    assert set(_kept_rows(vault)) == {ids[1]}  # a deleted interview's strings go with it
    assert evidence.protected_values(vault) == _made_now(vault)


def _varied(n: int):
    return make_interview(
        f"Statement {n}.", force=["kent", "metropolitan", "dorset"][n % 3],
        crime_type=list(CrimeType)[n % len(CrimeType)], reported_on=YearMonth(2018 + n % 4, 1 + n % 12),
        asked_about_status=list(Answer)[n % 3],
    )


def test_the_release_is_kept_for_exactly_the_rows_it_was_counted_from(vault, monkeypatch):
    ids = vault.interviews.add_many([_varied(n) for n in range(60)])
    first = evidence.summarise(vault, threshold=3)
    assert first == protect.count(evidence.records(vault), 3)
    assert protect.release_from_json(protect.release_to_json(first)) == first

    counted: list = []
    real = protect.count
    monkeypatch.setattr(protect, "count", lambda *a, **k: counted.append(1) or real(*a, **k))
    assert evidence.summarise(vault, threshold=3) == first and counted == []  # read back
    summaries = evidence.Summaries()
    assert summaries.summarise(vault, threshold=3) == first and counted == []
    # a statement edited moves no figure: the same rows, the same release
    vault.interviews.update(dataclasses.replace(vault.interviews.get(ids[0]), statement="Changed."))
    assert evidence.summarise(vault, threshold=3) == first and counted == []
    # another threshold, a fact changed, consent withdrawn: counted again, as counting from scratch gives
    assert evidence.summarise(vault, threshold=4) == real(evidence.records(vault), 4) and len(counted) == 1
    vault.interviews.update(dataclasses.replace(vault.interviews.get(ids[1]), force="kent"))
    assert evidence.summarise(vault, threshold=3) == real(evidence.records(vault), 3) and len(counted) == 2
    vault.interviews.withdraw_consent(ids[2], ConsentUse.COMPLAINT, date(2026, 2, 1), "Sam")
    third = evidence.summarise(vault, threshold=3)
    assert third == real(evidence.records(vault), 3) and third != first and len(counted) == 3

    monkeypatch.setattr(fingerprints, "program_digest", lambda: "a changed program")
    assert evidence.summarise(vault, threshold=3) == third and len(counted) == 4


def test_a_delete_forgets_the_kept_release_and_a_damaged_one_is_counted_again(vault):
    ids = vault.interviews.add_many([_varied(n) for n in range(30)])
    release = evidence.summarise(vault, threshold=3)
    assert vault.fingerprints.result("evidence.release") is not None
    vault.interviews.delete(ids[0])
    assert vault.fingerprints.result("evidence.release") is None
    again = evidence.summarise(vault, threshold=3)
    assert again == protect.count(evidence.records(vault), 3) != release
    key, _value = vault.fingerprints.result("evidence.release")
    vault.fingerprints.keep_result("evidence.release", key, json.dumps({"threshold": 3}))
    assert evidence.summarise(vault, threshold=3) == again


def test_fingerprints_made_on_the_worker_processes_are_those_of_the_export_and_are_kept(vault):
    ids = vault.interviews.add_many([make_interview(f"Amina Khan told the officer about the visa on day {n}.",
                                                    people=[Person("Amina Khan", PersonRole.INTERVIEWEE)])
                                     for n in range(9)])
    seen: list[tuple[int, int]] = []
    made = fingerprints_made.make(vault, ids, workers=2, progress=lambda done, total: seen.append((done, total)))
    assert made == {i: _fresh(vault, i) for i in ids}
    assert fingerprints.known(vault) == made
    assert seen == [(n, 9) for n in range(1, 10)]
    # the summary then redacts nothing again, and lists exactly those
    assert _listed(vault) == {vault.interviews.get(i).reference: made[i] for i in ids}


def test_the_summary_makes_only_the_missing_fingerprints_and_reports_progress_to_the_end(vault):
    ids = vault.interviews.add_many([make_interview(f"The officer asked about my visa on day {n}.") for n in range(10)])
    _listed(vault)
    vault.interviews.update(dataclasses.replace(vault.interviews.get(ids[3]), statement="The officer took my card."))
    seen: list[tuple[int, int]] = []
    listed = evidence.backing_statements(vault, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(9, 10), (10, 10)]
    assert {b.reference: b.fingerprint for b in listed} == {vault.interviews.get(i).reference: _fresh(vault, i)
                                                             for i in ids}


def test_an_interview_without_a_revision_still_has_its_strings_protected_and_its_fingerprint_made(vault):
    # The triggers never leave an interview without a revision; if one ever were, nothing kept is
    # used for it and nothing is kept for it, but its strings are protected and its statement listed.
    interview_id = vault.interviews.add(make_interview("Amina Khan told the officer about the visa.",
                                                       people=[Person("Amina Khan", PersonRole.INTERVIEWEE)]))
    reference = vault.interviews.get(interview_id).reference
    assert "Amina Khan" in evidence.protected_values(vault)
    fingerprint = _listed(vault)[reference]
    _sql(vault, "DELETE FROM statement_revisions WHERE interview_id = ?", interview_id)
    protected = evidence.protected_values(vault)
    assert "Amina Khan" in protected and protected == _made_now(vault)
    assert fingerprints.known(vault) == {}
    assert _listed(vault) == {reference: fingerprint}
    assert fingerprints.known(vault) == {}  # made, not kept
