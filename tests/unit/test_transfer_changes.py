"""``vault.transfer.changes()`` reads every interview's parts with one query per part for all of them
(it used six queries per interview, about 0.8 ms each, so 0.8 s for 1,000 interviews before a bundle).
The digests must be exactly the ones the old per-interview path made: a digest that moved would send
every interview again, and one that missed a part would never send a change. Real SQLCipher vaults.
"""

from __future__ import annotations

from datetime import date

from desktop.core.model import Consent, ConsentUse, Identifier, IdentifierKind, Person, PersonRole
from desktop.core.quotations import Theme
from desktop.services import transfer
from tests.factories import make_interview, new_vault
from tests.transfer_vaults import make_pair, old_changes, send_bundle


def _varied(vault, n: int) -> list[str]:
    """``n`` interviews, each with a different mix of the parts a digest covers (some with none)."""
    ids = []
    for i in range(n):
        statement = f"Interview {i}: the officer asked about my visa and then about Łukasz's address."
        people = [Person(f"Amina Khan {i}", PersonRole.INTERVIEWEE, ["Ami"])] * (i % 3) + (
            [Person("Ştefan Ţăranu", PersonRole.PERPETRATOR, [])] if i % 4 == 0 else [])
        identifiers = [Identifier(IdentifierKind.HOME_OFFICE_REF, f"K{1234567 + i}")] if i % 5 else []
        consent = {ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, date(2026, 1, 5), "Sam")}
        if i % 6 == 1:
            consent[ConsentUse.QUOTATION] = Consent(ConsentUse.QUOTATION, True, date(2026, 1, 5), "Sam")
        iv = make_interview(statement, people=people, identifiers=identifiers, consent=consent)
        vault.interviews.add(iv)
        ids.append(iv.id)
        if i % 3 == 0:
            vault.redaction.save_decisions(iv.id, {"version": 1, "decisions": [{"kind": "keep", "n": i}]})
        if i % 4 == 1:
            for k in range(1 + i % 3):
                vault.attachments.add(iv.id, f"letter {i} {k}".encode(), f"letter-{k}.jpg", "image/jpeg")
        if i % 5 == 2:
            vault.quotations.add(iv.id, 0, 9, statement[:9], Theme.STATUS_THREAT)
            vault.quotations.add(iv.id, 14, 25, statement[14:25], Theme.REPORTING_DETERRED)
        if i % 7 == 3:
            vault.interviews.withdraw_consent(iv.id, ConsentUse.COMPLAINT, date(2026, 2, 1), "Sam")
    return ids


def test_the_digests_are_the_ones_the_per_interview_path_made(tmp_path):
    vault = new_vault(tmp_path / "v")
    ids = _varied(vault, 40)
    vault.interviews.delete(ids[5])  # a gap in the numbering, and rows of a deleted interview are gone
    got = [(c.interview_id, c.revision, c.digest) for c in vault.transfer.changes()]
    assert got == old_changes(vault)
    assert len(got) == 39 and len({d for _i, _r, d in got}) == 39
    # and per interview, where one is asked about (delivered(), removal of delivered interviews)
    from desktop.vault.repos.transfer import _digest

    con = vault.connection()
    for iv_id, _revision, digest in got:
        doc = con.execute("SELECT doc FROM interviews WHERE id = ?", (iv_id,)).fetchone()[0]
        assert _digest(con, iv_id, doc) == digest


def test_a_change_to_any_part_moves_only_that_interviews_digest(tmp_path):
    vault = new_vault(tmp_path / "v")
    ids = _varied(vault, 12)
    before = {c.interview_id: c.digest for c in vault.transfer.changes()}
    vault.quotations.add(ids[0], 0, 9, "Interview", Theme.ACTION_AFTER_REPORTING)
    vault.attachments.add(ids[7], b"another letter", "letter-9.jpg", "image/jpeg")
    vault.redaction.save_decisions(ids[11], {"version": 1, "decisions": []})
    after = {c.interview_id: c.digest for c in vault.transfer.changes()}
    assert {i for i in ids if before[i] != after[i]} == {ids[0], ids[7], ids[11]}
    assert [(c.interview_id, c.revision, c.digest) for c in vault.transfer.changes()] == old_changes(vault)


def test_changes_asks_the_vault_the_same_number_of_questions_for_ten_interviews_as_for_forty(tmp_path):
    counts = []
    for n in (10, 40):
        vault = new_vault(tmp_path / f"v{n}")
        _varied(vault, n)
        asked: list[str] = []
        con = vault.connection()
        con.set_trace_callback(asked.append)
        try:
            vault.transfer.changes()
        finally:
            con.set_trace_callback(None)
        counts.append(sum(1 for s in asked if s.lstrip().upper().startswith("SELECT")))
    assert 6 <= counts[0] == counts[1] <= 7, counts  # the interviews, then one per part


def test_what_is_sent_and_what_is_not_is_unchanged(tmp_path):
    field, coord = make_pair(tmp_path)
    ids = _varied(field, 15)
    first = send_bundle(field, tmp_path, "one")
    assert first.interviews == 15
    assert transfer.import_receipt(field, transfer.import_bundles(coord, first.path).bundles[0].receipt) == 15
    assert transfer.export_bundle(field, tmp_path / "sticks" / "one") is None  # nothing changed since
    assert all(same for _i, _at, same in field.transfer.delivered())
    field.quotations.add(ids[3], 0, 9, "Interview", Theme.STATUS_THREAT)
    # delivered() reads the digests the same way: only the changed one is no longer "as delivered"
    assert [i for i, _at, same in field.transfer.delivered() if not same] == [ids[3]]
    assert send_bundle(field, tmp_path, "two").interviews == 1
