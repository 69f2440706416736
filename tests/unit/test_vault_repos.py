"""The vault's API as the desktop app uses it, on a real SQLCipher database in tmp_path."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.model import (
    Consent,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Person,
    PersonRole,
    Status,
)
from desktop.vault import (
    ListFilter,
    NotFound,
    NoVault,
    Vault,
    VaultError,
    VaultExists,
    VaultLocked,
    WrongPassphrase,
    fts_query,
)
from tests.factories import FAST_KDF, make_interview


@pytest.fixture
def vault(tmp_path):
    v = Vault.create(tmp_path / "vault", "correct horse", kdf=FAST_KDF)
    yield v
    v.lock()


def test_create_then_unlock_round_trips_an_interview(tmp_path):
    d = tmp_path / "vault"
    assert not Vault.exists(d)
    v = Vault.create(d, "correct horse", kdf=FAST_KDF)
    assert Vault.exists(d) and not v.is_locked
    iv = make_interview()
    v.interviews.add(iv)
    v.lock()
    assert v.is_locked
    with pytest.raises(VaultLocked):
        v.interviews.count()
    v2 = Vault.unlock(d, "correct horse")
    try:
        assert v2.interviews.get(iv.id) == iv
    finally:
        v2.lock()


def test_create_refuses_an_existing_vault_and_unlock_a_missing_one(tmp_path, vault):
    with pytest.raises(VaultExists):
        Vault.create(vault.directory, "other", kdf=FAST_KDF)
    with pytest.raises(NoVault):
        Vault.unlock(tmp_path / "nowhere", "x")


def test_wrong_passphrase(vault):
    vault.lock()
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        Vault.unlock(vault.directory, "correct hors")


def test_list_filters_sorting_paging_and_count(vault):
    a = make_interview(force="kent", crime_type=CrimeType.HATE_CRIME, interviewed_on=date(2026, 1, 1))
    b = make_interview(consent={}, status=Status.COMPLETE, interviewed_on=date(2026, 1, 3))
    c = make_interview(people=[], interviewed_on=date(2026, 1, 2))
    for iv in (a, b, c):
        vault.interviews.add(iv)
    assert vault.interviews.count() == 3
    assert [s.id for s in vault.interviews.list_summaries(ListFilter(force="kent"))] == [a.id]
    assert vault.interviews.count(ListFilter(crime_type=CrimeType.HATE_CRIME)) == 1
    assert {s.id for s in vault.interviews.list_summaries(ListFilter(consent_complaint=False))} == {b.id}
    assert vault.interviews.count(ListFilter(consent_complaint=True)) == 2
    assert [s.id for s in vault.interviews.list_summaries(ListFilter(status=Status.COMPLETE))] == [b.id]
    by_date = vault.interviews.list_summaries(sort="interviewed_on", descending=False)
    assert [s.id for s in by_date] == [a.id, c.id, b.id]
    assert [s.id for s in vault.interviews.list_summaries(sort="interviewed_on", offset=1, limit=1)] == [c.id]
    summary = {s.id: s for s in by_date}
    assert summary[c.id].people_count == 0 and summary[a.id].people_count == 1
    assert not hasattr(summary[a.id], "statement")
    with pytest.raises(ValueError):
        vault.interviews.list_summaries(sort="statement; DROP TABLE interviews")


def test_list_sorts_by_complaint_consent_and_by_number_of_people(vault):
    none = make_interview(consent={}, people=[])
    three = make_interview(people=[Person("A B"), Person("C D"), Person("E F")])
    withdrawn = make_interview(consent={ConsentUse.COMPLAINT: Consent(
        ConsentUse.COMPLAINT, True, date(2026, 1, 5), "Sam", date(2026, 2, 1), "Sam")})
    given = make_interview(people=[Person("G H"), Person("I J")])
    for iv in (none, three, withdrawn, given):
        vault.interviews.add(iv)
    by_consent = vault.interviews.list_summaries(sort="consent_complaint", descending=True)
    # Given first; within each, the last changed first.
    assert [s.id for s in by_consent] == [given.id, three.id, withdrawn.id, none.id]
    assert [s.id for s in vault.interviews.list_summaries(sort="consent_complaint", descending=False)] == [
        none.id, withdrawn.id, three.id, given.id]
    by_people = vault.interviews.list_summaries(sort="people_count", descending=False)
    assert [s.people_count for s in by_people] == [0, 1, 2, 3]
    assert [s.id for s in by_people] == [none.id, withdrawn.id, given.id, three.id]
    page = vault.interviews.list_summaries(ListFilter(consent_complaint=True), sort="people_count", limit=1,
                                           offset=1)
    assert [s.id for s in page] == [given.id]
    with pytest.raises(ValueError):
        vault.interviews.list_summaries(sort="(SELECT count(*) FROM people)")


def _plan(vault, flt, sort) -> list[str]:
    """SQLite's plan for the list's query (the statement the vault runs for this filter and sort)."""
    con = vault.connection()
    seen: list[str] = []
    con.set_trace_callback(seen.append)
    try:
        vault.interviews.list_summaries(flt, sort=sort)
    finally:
        con.set_trace_callback(None)
    (sql,) = [s for s in seen if s.lstrip().startswith("SELECT i.id")]
    return [r[3] for r in con.execute("EXPLAIN QUERY PLAN " + sql)]


@pytest.mark.parametrize("sort", ["updated_at", "interviewed_on", "reference", "force", "crime_type", "status",
                                  "role", "consent_complaint", "people_count"])
@pytest.mark.parametrize("flt", [None, ListFilter(force="kent"), ListFilter(crime_type=CrimeType.HATE_CRIME),
                                 ListFilter(status=Status.DRAFT), ListFilter(consent_complaint=False)])
def test_no_list_filter_or_sort_reads_every_interview_row(vault, flt, sort):
    """An interview's row holds its whole record: the list must find its page from indexes alone and
    read only the rows it shows (a table scan, or a search that is not from a covering index, would read
    them all)."""
    if sort == "reference" and flt is not None and flt.consent_complaint is not None:
        pytest.skip("SQLite walks the unique reference index in order and reads rows only until the page is "
                    "full; it prefers that index to a covering one")
    for n in range(3):
        vault.interviews.add(make_interview(force=["kent", "metropolitan", "unknown"][n]))
    plan = _plan(vault, flt, sort)
    reads = [line for line in plan if line.startswith(("SCAN i", "SEARCH i"))]
    assert reads, plan
    for line in reads:
        assert "COVERING INDEX" in line or "INTEGER PRIMARY KEY (rowid=?)" in line, plan


def test_update_keeps_revisions_and_withdrawal_changes_the_consent_flag(vault):
    iv = make_interview()
    vault.interviews.add(iv)
    iv.statement = "A corrected statement."
    vault.interviews.update(iv)
    assert vault.interviews.get(iv.id).statement == "A corrected statement."
    assert [n for n, _ in vault.interviews.revisions(iv.id)] == [1]
    assert vault.interviews.get_revision(iv.id, 1).statement == "The officer asked about my visa."
    vault.interviews.withdraw_consent(iv.id, ConsentUse.COMPLAINT, date(2026, 2, 1), "Sam")
    got = vault.interviews.get(iv.id)
    assert not got.has_consent(ConsentUse.COMPLAINT)
    assert got.consent[ConsentUse.COMPLAINT].withdrawn_by == "Sam"
    assert vault.interviews.list_summaries()[0].consent_complaint is False
    assert vault.interviews.count(ListFilter(consent_complaint=True)) == 0
    with pytest.raises(NotFound):
        vault.interviews.update(make_interview())


def test_search_finds_words_names_identifiers_and_urdu(vault):
    en = make_interview("The officer phoned Immigration Enforcement about my visa.")
    ur = make_interview("میں نے پولیس کو بتایا کہ اس نے مجھے دھمکی دی", people=[Person("عائشہ بی بی")], identifiers=[])
    vault.interviews.add(en)
    vault.interviews.add(ur)
    assert [s.id for s in vault.interviews.search("immigration enforcement")] == [en.id]
    assert [s.id for s in vault.interviews.search("پولیس")] == [ur.id]
    assert [s.id for s in vault.interviews.search("عائشہ")] == [ur.id]
    assert [s.id for s in vault.interviews.search("K1234567")] == [en.id]
    assert vault.interviews.search("Immigr") == []  # words match whole
    assert [s.id for s in vault.interviews.search("Immigr*")] == [en.id]  # unless the person asks for a prefix
    assert vault.interviews.search("visa nonexistentword") == []
    assert [s.id for s in vault.interviews.list_summaries(ListFilter(text="پولیس"))] == [ur.id]


@pytest.mark.parametrize(
    "text",
    ['"', '""', "AND", "OR NOT", "*", "-", "visa -officer", 'NEAR("a" "b")', "a:b", "(", ")", "^", "{x}",
     "'; DROP TABLE interviews; --", "\x00", "   ", "", "🙂", "rank:1", "body:visa", "visa*", "+", "AND AND"],
)
def test_search_accepts_what_people_type(vault, text):
    vault.interviews.add(make_interview())
    vault.interviews.search(text)
    vault.interviews.list_summaries(ListFilter(text=text))
    assert vault.interviews.count() == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_search_never_fails_on_any_text(vault, text):
    vault.interviews.search(text)
    q = fts_query(text)
    assert q is None or q.startswith('"')


def test_fts_query_quotes_every_word():
    assert fts_query('say "hi" AND') == '"say" """hi""" "AND"'
    assert fts_query("visa* a* **") == '"visa"* "a"'
    assert fts_query("* - :") is None


def test_fts_query_can_take_the_last_word_as_the_start_of_a_word():
    assert fts_query("Amin", last_word_prefix=True) == '"Amin"*'
    assert fts_query("Amin ", last_word_prefix=True) == '"Amin"'  # a space: the word is finished
    assert fts_query("visa Amin", last_word_prefix=True) == '"visa" "Amin"*'
    assert fts_query("Amin visa", last_word_prefix=False) == '"Amin" "visa"'
    assert fts_query('say "hi', last_word_prefix=True) == '"say" """hi"*'
    assert fts_query("visa AND", last_word_prefix=True) == '"visa" "AND"*'
    assert fts_query("visa -", last_word_prefix=True) == '"visa"'
    assert fts_query("Amin*", last_word_prefix=True) == '"Amin"*'
    assert fts_query("a", last_word_prefix=True) == '"a"'  # one letter would match half the vault
    assert fts_query("visa o'b", last_word_prefix=True) == '"visa" "o\'b"'
    assert fts_query("پولی", last_word_prefix=True) == '"پولی"*'
    assert fts_query("x " * 40 + "Amin", last_word_prefix=True).count("*") == 0  # cut at 32 words


def test_the_search_box_finds_a_word_from_its_first_letters(vault):
    amina = make_interview("I told the officer everything.", people=[Person("Amina Khan")], identifiers=[])
    ur = make_interview("میں نے پولیس کو بتایا", people=[], identifiers=[])
    other = make_interview('He said "AND" then -visa- and star*ted.', people=[Person("Aminu Bello")],
                           identifiers=[])
    for iv in (amina, ur, other):
        vault.interviews.add(iv)

    def box(text):
        flt = ListFilter(text=text, last_word_prefix=True)
        ids = {s.id for s in vault.interviews.list_summaries(flt)}
        assert vault.interviews.count(flt) == len(ids)
        return ids

    assert box("Amin") == {amina.id, other.id}
    assert box("Amina") == {amina.id}
    assert box("Amin ") == set()  # a finished word matches whole
    assert box("officer Amin") == {amina.id}
    assert box("Amin officer") == set()  # only the last word is a start of a word
    assert box("پول") == {ur.id}
    assert box('"AN') == {other.id, amina.id} - {amina.id} | {other.id}
    assert box("said AN") == {other.id}
    assert box("-vi") == {amina.id, other.id} - {amina.id}
    assert box("star*") == {other.id}
    assert box("*") == box("-") == box('"') == box("AND OR NOT") == set()
    assert box("NEAR(Amin") == set()
    assert [s.id for s in vault.interviews.search("Amin", last_word_prefix=True)] != []
    assert vault.interviews.search("Amin") == []  # the vault's own default stays whole words


def test_each_thread_gets_its_own_connection(vault):
    iv = make_interview()
    vault.interviews.add(iv)
    seen: list[object] = []
    errors: list[BaseException] = []

    def worker():
        try:
            seen.append(vault.connection())
            vault.interviews.add(make_interview())
            seen.append(vault.interviews.count())
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    conns = [s for s in seen if not isinstance(s, int)]
    assert len({id(c) for c in conns}) == 4 and vault.connection() not in conns
    assert vault.interviews.count() == 5


def test_lock_from_another_thread_closes_every_connection(vault):
    vault.interviews.add(make_interview())
    done = threading.Event()
    t = threading.Thread(target=lambda: (vault.interviews.count(), done.set()))
    t.start()
    t.join()
    assert done.is_set()
    locker = threading.Thread(target=vault.lock)
    locker.start()
    locker.join()
    assert vault.is_locked
    with pytest.raises(VaultLocked):
        vault.interviews.list_summaries()
    wal = vault.directory / "vault.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_attachments_drafts_settings_and_redaction(vault):
    iv = make_interview()
    vault.interviews.add(iv)
    info = vault.attachments.add(iv.id, b"\xff\xd8\xffphoto", "letter.jpg", "image/jpeg")
    assert info.size == 8 and len(info.sha256) == 64
    assert [a.id for a in vault.attachments.list(iv.id)] == [info.id]
    assert vault.attachments.get_bytes(info.id) == b"\xff\xd8\xffphoto"
    vault.attachments.delete(info.id)
    assert vault.attachments.list(iv.id) == []
    with pytest.raises(NotFound):
        vault.attachments.add("no-such-interview", b"x", "a", "image/png")

    vault.drafts.save("new-interview", {"statement": "half typed"})
    assert vault.drafts.load("new-interview") == {"statement": "half typed"}
    vault.drafts.clear("new-interview")
    assert vault.drafts.load("new-interview") is None

    vault.settings.set("idle_lock_minutes", 5)
    assert vault.settings.get("idle_lock_minutes") == 5 and vault.settings.get("missing", "d") == "d"

    vault.redaction.save_decisions(iv.id, {"accepted": [1, 2]})
    assert vault.redaction.load_decisions(iv.id) == {"accepted": [1, 2]}


def test_delete_removes_everything_hanging_off_the_interview(vault):
    iv = make_interview()
    vault.interviews.add(iv)
    vault.attachments.add(iv.id, b"data", "a.png", "image/png")
    vault.drafts.save(f"edit:{iv.id}", {"x": 1})
    vault.redaction.save_decisions(iv.id, {"x": 1})
    iv.statement = "second"
    vault.interviews.update(iv)
    vault.interviews.delete(iv.id)
    con = vault.connection()
    for table in ("interviews", "people", "identifiers", "consents", "attachments", "revisions", "drafts",
                  "redaction_decisions", "search_index"):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    with pytest.raises(NotFound):
        vault.interviews.get(iv.id)
    with pytest.raises(NotFound):
        vault.interviews.delete(iv.id)


def test_purge_many(vault):
    ivs = [make_interview() for _ in range(5)]
    for iv in ivs:
        vault.interviews.add(iv)
    assert vault.interviews.purge([iv.id for iv in ivs[:3]]) == 3
    assert set(vault.interviews.ids()) == {ivs[3].id, ivs[4].id}
    assert vault.connection().execute("PRAGMA freelist_count").fetchone()[0] == 0


def test_add_many_is_all_or_nothing(vault):
    first = make_interview()
    vault.interviews.add(first)
    clash = make_interview()
    clash.id = first.id
    with pytest.raises(VaultError):
        vault.interviews.add_many([make_interview(), clash])
    assert vault.interviews.count() == 1


def test_audit_log_is_chained_append_only_and_holds_no_content(vault):
    iv = make_interview("A statement with a unique word zebrafinch.")
    vault.interviews.add(iv)
    vault.interviews.delete(iv.id)
    entries = vault.audit.entries()
    assert [e.action for e in entries][:2] == ["vault.created", "interview.added"]
    assert vault.audit.verify()
    for e in entries:
        assert "zebrafinch" not in f"{e.action}{e.target}" and "Amina" not in f"{e.target}"
    with pytest.raises(ValueError):
        vault.audit.append("note", "Amina Khan")  # a name is not a record id
    con = vault.connection()
    with pytest.raises(Exception, match="append-only"):
        con.execute("DELETE FROM audit WHERE seq = 2")
    # Someone with the key who drops the guard and removes an entry is caught by the chain.
    con.execute("DROP TRIGGER audit_no_delete")
    con.execute("DELETE FROM audit WHERE seq = 2")
    assert not vault.audit.verify()


def test_errors_carry_no_interview_content(vault):
    iv = make_interview("secret words")
    vault.interviews.add(iv)
    dup = make_interview("secret words")
    dup.reference = iv.reference
    with pytest.raises(VaultError) as info:
        vault.interviews.add(dup)
    assert iv.reference not in str(info.value) and "secret" not in str(info.value)


def test_deleting_an_interview_keeps_other_drafts(vault):
    a = make_interview()
    a.id = "a_b"
    b = make_interview()
    b.id = "axb"
    vault.interviews.add(a)
    vault.interviews.add(b)
    vault.drafts.save("interview:axb", {"keep": True})
    vault.drafts.save("interview:a_b", {"keep": False})
    vault.interviews.delete("a_b")
    assert vault.drafts.load("interview:axb") == {"keep": True}
    assert vault.drafts.load("interview:a_b") is None


def test_deleting_an_interview_keeps_drafts_whose_id_only_contains_its_id(vault):
    """Imported ids may be short ("1"): deleting it must not take the draft of interview "12" with it."""
    for ident in ("1", "12"):
        iv = make_interview()
        iv.id = ident
        vault.interviews.add(iv)
    vault.drafts.save("interview:12", {"keep": True})
    vault.drafts.save("edit:12-b", {"keep": True})
    vault.drafts.save("interview:1", {"keep": False})
    vault.drafts.save("edit:1", {"keep": False})
    vault.interviews.delete("1")
    assert vault.drafts.load("interview:12") == {"keep": True}
    assert vault.drafts.load("edit:12-b") == {"keep": True}
    assert vault.drafts.load("interview:1") is None and vault.drafts.load("edit:1") is None


def test_lock_wipes_the_data_key_buffer(vault):
    key_buffer = vault._key  # the object the connections were keyed from
    assert key_buffer is not None and any(key_buffer)
    con = vault.connection()
    vault.lock()
    assert vault._key is None and not any(key_buffer)
    with pytest.raises(Exception, match="closed"):
        con.execute("SELECT 1")


_texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(statement=_texts, name=_texts.filter(str.strip), alias=_texts, value=_texts.filter(str.strip),
       shared=_texts)
def test_any_text_round_trips(vault, statement, name, alias, value, shared):
    iv = make_interview(statement, people=[Person(name, PersonRole.WITNESS, [alias])],
                        identifiers=[Identifier(IdentifierKind.OTHER, value)], what_was_shared=shared)
    vault.interviews.add(iv)
    assert vault.interviews.get(iv.id) == iv
    vault.interviews.search(statement)


def test_text_that_is_not_valid_unicode_is_refused_cleanly(vault):
    iv = make_interview("half a pair \ud800 of surrogates")
    with pytest.raises(VaultError):
        vault.interviews.add(iv)
    assert vault.interviews.count() == 0
