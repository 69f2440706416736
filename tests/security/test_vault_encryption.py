"""Encryption at rest, wrong passphrase vs damage, and deletion that leaves nothing (T1-T6).

Everything here uses the real code and the real SQLCipher. The deletion tests decrypt every page
of the database and of the WAL themselves (AES-256-CBC with the data key, SQLCipher 4's page
layout), so a deleted word is looked for in free pages and index blocks too, not only through SQL.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest

from desktop import logging_setup
from desktop.core.model import (
    Interview,
)
from desktop.vault import KdfParams, Vault, VaultDamaged, VaultError, WrongPassphrase
from tests.factories import FAST_KDF, named_interview
from tests.vault_forensics import PAGE, RESERVE, contains, data_key, decrypted_pages, decrypted_wal_frames

PASS = "correct horse battery"
REPO = Path(__file__).resolve().parents[2]


def files_under(*roots: Path) -> list[Path]:
    out = []
    for root in roots:
        if root.exists():
            out.extend(p for p in root.rglob("*") if p.is_file())
    return out


def hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files_under(root)}


# --- T1: canary -----------------------------------------------------------------------------------


def test_canary_is_nowhere_on_disk(app_paths):
    canary = f"CANARY-{uuid.uuid4()}"
    urdu_canary = f"کینری{uuid.uuid4().hex[:8]}"
    handler = logging_setup.configure(app_paths.log_dir)
    try:
        directory = app_paths.default_vault_dir
        vault = Vault.create(directory, PASS, kdf=FAST_KDF)
        assert vault.connection().execute("PRAGMA cipher_version").fetchone()[0]
        ivs = [named_interview(f"{canary} statement {urdu_canary} {n}", name=f"{canary} Name", ident=canary)
               for n in range(20)]
        for iv in ivs:
            vault.interviews.add(iv)
        vault.backup_now()
        ivs[0].statement += f" {canary} edited"
        vault.interviews.update(ivs[0])
        vault.attachments.add(ivs[1].id, canary.encode() * 10, f"{canary}.jpg", "image/jpeg")
        vault.drafts.save(f"draft-{ivs[2].id}", {"statement": canary})
        vault.settings.set("last_search", canary)
        vault.redaction.save_decisions(ivs[3].id, {"kept": [canary]})
        assert vault.interviews.search(canary)
        logging.getLogger("desktop.vault").warning("a log line with an argument %s", canary)
        # An error on the way must not write the canary anywhere either.
        try:
            vault.interviews.add(ivs[4])
        except VaultError:
            pass
        vault.lock()
        handler.flush()
        assert (app_paths.log_dir / "witnessbox.log").stat().st_size > 0
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()

    scanned = files_under(directory, app_paths.log_dir, app_paths.cache_dir, app_paths.config_dir,
                          Path(tempfile.gettempdir()))
    assert any(p.name == "vault.db" and "backups" in p.parts for p in scanned), "the backup was not scanned"
    for p in scanned:
        raw = p.read_bytes()
        for needle in (canary, urdu_canary):
            for form in (needle.encode("utf-8"), needle.encode("utf-16-le")):
                assert form not in raw, f"canary found in {p.name}"
        if p.suffix == ".db":
            assert not raw.startswith(b"SQLite format 3"), f"{p.name} is plain SQLite"


# --- T1 negative: a plain SQLite forced in -----------------------------------------------------------

SYSTEM_SQLITE = next(
    (p for p in ("/usr/lib/x86_64-linux-gnu/libsqlite3.so.0", "/usr/lib/aarch64-linux-gnu/libsqlite3.so.0",
                 "/usr/lib64/libsqlite3.so.0", "/usr/lib/libsqlite3.so.0") if os.path.exists(p)),
    None,
)

_CHILD = """
import sys, json
from pathlib import Path
import sqlcipher3
from desktop.vault import Vault, VaultError
from tests.factories import FAST_KDF
engine = sqlcipher3.connect(':memory:').execute('select sqlite_version()').fetchone()[0]
try:
    if sys.argv[1] == 'create':
        Vault.create(Path(sys.argv[2]), 'pw', kdf=FAST_KDF)
    else:
        Vault.unlock(Path(sys.argv[2]), sys.argv[3])
    print(json.dumps({'engine': engine, 'result': 'opened'}))
except VaultError as exc:
    print(json.dumps({'engine': engine, 'result': type(exc).__name__}))
"""


def _run_preloaded(*args: str) -> dict:
    env = dict(os.environ, LD_PRELOAD=SYSTEM_SQLITE or "", PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux") or SYSTEM_SQLITE is None,
                    reason="needs Linux and the system libsqlite3.so.0 to force a plain SQLite in with LD_PRELOAD")
def test_plain_sqlite_forced_in_is_refused_and_writes_nothing(tmp_path):
    import sqlcipher3

    ours = sqlcipher3.connect(":memory:").execute("select sqlite_version()").fetchone()[0]
    target = tmp_path / "new-vault"
    got = _run_preloaded("create", str(target))
    if got["engine"] == ours:
        pytest.skip("LD_PRELOAD did not replace the bundled SQLite on this machine, so the refusal cannot be shown")
    assert got["result"] == "SQLCipherMissing"
    assert not target.exists()

    existing = tmp_path / "vault"
    v = Vault.create(existing, "pw", kdf=FAST_KDF)
    v.interviews.add(named_interview("statement"))
    v.lock()
    before = hashes(existing)
    got = _run_preloaded("unlock", str(existing), "pw")
    assert got["result"] == "SQLCipherMissing"
    assert hashes(existing) == before


# --- T2, T3, T4: wrong passphrase vs damage -------------------------------------------------------


def test_wrong_passphrase_changes_nothing_and_creates_nothing(tmp_path):
    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    v.interviews.add(named_interview("statement"))
    v.backup_now()
    v.lock()
    before = hashes(d)
    for attempt in ("wrong", PASS.upper(), PASS + " ", ""):
        with pytest.raises(WrongPassphrase) as info:
            Vault.unlock(d, attempt)
        assert "wrong passphrase" in str(info.value).lower()
    assert hashes(d) == before


def _vault_with_data(d: Path, n: int = 40) -> list[Interview]:
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    ivs = [named_interview(f"statement number {i} " + "words " * 300) for i in range(n)]
    v.interviews.add_many(ivs)
    v.backup_now()
    v.lock()
    return ivs


def _unlock_and_check(d) -> None:
    """What the app does: unlock (the key and the header), then check every page (in the background)."""
    with Vault.unlock(d, PASS) as v:
        v.check()


def _flip(db_file, page: int) -> int:
    raw = bytearray(db_file.read_bytes())
    pages = len(raw) // PAGE
    n = page if page >= 0 else pages - 1
    raw[n * PAGE + 200] ^= 0x01
    db_file.write_bytes(bytes(raw))
    return n


@pytest.mark.parametrize("page", [0, 2, 5, -1])
def test_one_flipped_byte_is_damage_not_a_wrong_passphrase(tmp_path, page):
    d = tmp_path / "vault"
    ivs = _vault_with_data(d)
    _flip(d / "vault.db", page)
    with pytest.raises(VaultDamaged) as info:
        _unlock_and_check(d)
    assert "damaged" in str(info.value).lower() and "passphrase" not in str(info.value).lower()
    assert info.value.backups, "a backup must be offered"
    # The wrong passphrase is still told apart on the damaged vault.
    with pytest.raises(WrongPassphrase):
        Vault.unlock(d, "not it")

    Vault.restore_backup(d, info.value.backups[0])
    v = Vault.unlock(d, PASS)
    try:
        assert v.interviews.count() == len(ivs)
        assert v.interviews.get(ivs[7].id) == ivs[7]
    finally:
        v.lock()
    assert (d / "damaged").is_dir()  # the damaged file was moved aside, not deleted


def test_a_flipped_header_byte_stops_the_unlock_itself(tmp_path):
    d = tmp_path / "vault"
    _vault_with_data(d, n=2)
    _flip(d / "vault.db", 0)
    with pytest.raises(VaultDamaged) as info:
        Vault.unlock(d, PASS)
    assert info.value.backups


def test_damage_found_by_the_check_after_unlock_stops_every_write(tmp_path):
    d = tmp_path / "vault"
    ivs = _vault_with_data(d)
    n = _flip(d / "vault.db", -1)
    damaged_page = (d / "vault.db").read_bytes()[n * PAGE:(n + 1) * PAGE]
    v = Vault.unlock(d, PASS)  # the key and the header are sound: the vault opens at once
    try:
        with pytest.raises(VaultDamaged) as info:
            v.check()
        assert "damaged" in str(info.value).lower() and info.value.backups == Vault.backups(d) != []
        assert v.damaged
        with pytest.raises(VaultDamaged) as refused:
            v.interviews.add(named_interview("written after the damage was found"))
        assert "nothing more is saved" in str(refused.value)
        with pytest.raises(VaultDamaged):
            v.backup_now()
        assert len(Vault.backups(d)) == 1, "no backup is made of a damaged vault"
        assert v.interviews.get(ivs[0].id) == ivs[0], "what can still be read stays readable"
    finally:
        v.lock()
    assert (d / "vault.db").read_bytes()[n * PAGE:(n + 1) * PAGE] == damaged_page, "nothing written over it"


def test_a_check_in_progress_is_stopped_by_the_lock(tmp_path):
    d = tmp_path / "vault"
    _vault_with_data(d)
    v = Vault.unlock(d, PASS)
    started, result = threading.Event(), []

    def slow(_name: str, *_args: object) -> int:
        started.set()
        time.sleep(0.01)
        return 0

    def run() -> None:
        try:
            with v._connections.checking() as con:
                con.create_function("slow", 1, slow)
                con.execute("SELECT slow(x) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                            "WHERE x < 100000) SELECT x FROM c)").fetchall()
            result.append("finished")
        except Exception as exc:  # noqa: BLE001 - which error is what the test looks at
            result.append(type(exc).__name__)

    worker = threading.Thread(target=run)
    worker.start()
    assert started.wait(10)
    t = time.perf_counter()
    v.lock()
    worker.join(10)
    assert time.perf_counter() - t < 5 and result and result[0] != "finished"
    assert not (d / "vault.db-wal").exists() or (d / "vault.db-wal").stat().st_size == 0


def test_damaged_key_slot_is_damage_with_backup(tmp_path):
    d = tmp_path / "vault"
    _vault_with_data(d, n=2)
    slot = bytearray((d / "keyslot.json").read_bytes())
    pos = slot.index(b'"wrapped_key": "') + 20
    slot[pos] = ord("A") if slot[pos] != ord("A") else ord("B")
    (d / "keyslot.json").write_bytes(bytes(slot))
    with pytest.raises(VaultDamaged) as info:
        Vault.unlock(d, PASS)
    assert info.value.backups
    Vault.restore_backup(d, info.value.backups[0])
    Vault.unlock(d, PASS).lock()


def test_stored_parameters_reopen_and_a_mutated_one_is_refused(tmp_path):
    d = tmp_path / "vault"
    params = KdfParams(time_cost=2, memory_cost_kib=64, lanes=2)
    v = Vault.create(d, PASS, kdf=params)
    v.interviews.add(named_interview("statement"))
    v.lock()
    body = json.loads((d / "keyslot.json").read_bytes())
    assert body["kdf"]["time_cost"] == 2 and body["kdf"]["memory_cost_kib"] == 64 and body["kdf"]["lanes"] == 2
    Vault.unlock(d, PASS).lock()  # opens with the parameters from the slot alone

    db_before = hashlib.sha256((d / "vault.db").read_bytes()).hexdigest()
    # Changed in place, checksum left alone: damage.
    mutated = (d / "keyslot.json").read_bytes().replace(b'"time_cost": 2', b'"time_cost": 3')
    original = (d / "keyslot.json").read_bytes()
    (d / "keyslot.json").write_bytes(mutated)
    with pytest.raises(VaultDamaged):
        Vault.unlock(d, PASS)
    # Changed with a recomputed checksum: the AES-GCM associated data still catches it.
    body["kdf"]["time_cost"] = 3
    body.pop("checksum")
    body["checksum"] = hashlib.sha256(
        json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
    (d / "keyslot.json").write_bytes(json.dumps(body).encode())
    with pytest.raises(WrongPassphrase):
        Vault.unlock(d, PASS)
    assert hashlib.sha256((d / "vault.db").read_bytes()).hexdigest() == db_before
    (d / "keyslot.json").write_bytes(original)
    Vault.unlock(d, PASS).lock()


# --- T5, T6: deletion leaves nothing ---------------------------------------------------------------


def test_fts5_secure_delete_is_on(tmp_path):
    v = Vault.create(tmp_path / "vault", PASS, kdf=FAST_KDF)
    try:
        con = v.connection()
        opts = {r[0] for r in con.execute("PRAGMA compile_options")}
        assert "ENABLE_FTS5" in opts
        assert con.execute("SELECT v FROM search_index_config WHERE k = 'secure-delete'").fetchone()[0] == 1
        for pragma, expected in (("secure_delete", 1), ("foreign_keys", 1), ("trusted_schema", 0),
                                 ("temp_store", 2), ("synchronous", 2), ("journal_mode", "wal")):
            assert con.execute(f"PRAGMA {pragma}").fetchone()[0] == expected, pragma
    finally:
        v.lock()


@pytest.mark.parametrize("how", ["delete", "purge"])
def test_deleted_words_are_in_no_page_no_index_block_and_no_wal(tmp_path, how):
    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    key = data_key(d, PASS)
    keep = [named_interview("ordinary words about the report " * 40) for _ in range(10)]
    doomed_words = [f"zq{uuid.uuid4().hex[:10]}" for _ in range(3)]
    doomed_name = f"Name{uuid.uuid4().hex[:8]}"
    doomed_ident = f"HO{uuid.uuid4().hex[:8].upper()}"
    doomed = named_interview(" ".join(doomed_words) + " filler " * 200, name=f"{doomed_name} Person",
                            ident=doomed_ident)
    v.interviews.add_many(keep[:5])
    v.interviews.add(doomed)
    v.attachments.add(doomed.id, doomed_words[0].encode() * 50, "letter.png", "image/png")
    doomed.statement += " " + doomed_words[1]
    v.interviews.update(doomed)
    v.drafts.save(f"editor:{doomed.id}", {"statement": doomed_words[2]})
    v.interviews.add_many(keep[5:])
    v.backup_now()
    v.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")

    needles = [*doomed_words, doomed_name, doomed_ident]
    pages = decrypted_pages(d / "vault.db", key)
    # The check can fail: before deletion every word is found in the decrypted pages.
    for word in needles:
        assert contains(pages, word), f"the forensic scan cannot see {word!r} even before deletion"
    assert contains(decrypted_pages(Vault.backups(d)[0] / "vault.db", key), doomed_words[0])

    if how == "delete":
        v.interviews.delete(doomed.id)
    else:
        v.interviews.purge([doomed.id, keep[0].id])
    # Before lock too, the WAL holds nothing of it.
    assert not any(contains(decrypted_wal_frames(d / "vault.db-wal", key), w) for w in needles)
    v.lock()

    wal = d / "vault.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    leftovers = [w for w in needles if contains(decrypted_pages(d / "vault.db", key), w)]
    assert leftovers == []
    for b in Vault.backups(d):  # the same delete ran in the backups: they hold nothing of it either
        assert not any(contains(decrypted_pages(b / "vault.db", key), w) for w in needles)
    assert Vault.backups(d), "the backups are cleaned, not thrown away"

    v = Vault.unlock(d, PASS)
    try:
        con = v.connection()
        for w in needles:
            assert v.interviews.search(w) == []
        blocks = [bytes(r[0]) for r in con.execute("SELECT block FROM search_index_data") if r[0] is not None]
        assert not any(contains(blocks, w) for w in needles)
        if how == "purge":
            assert con.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert v.interviews.count() == (10 if how == "delete" else 9)
    finally:
        v.lock()


def test_the_page_decryptor_reads_this_sqlcipher(tmp_path):
    """Guards the forensic helper itself: a fresh vault's page 1 decrypts to an SQLite header tail."""
    d = tmp_path / "vault"
    Vault.create(d, PASS, kdf=FAST_KDF).lock()
    page1 = decrypted_pages(d / "vault.db", data_key(d, PASS))[0]
    # Bytes 16..23 of an SQLite header: page size 4096 (0x1000), write/read version 2 (WAL), reserve 80.
    assert page1[0:2] == (4096).to_bytes(2, "big") and page1[2:4] == b"\x02\x02" and page1[4] == RESERVE


def test_a_deletion_cut_short_before_the_backups_were_cleaned_is_finished_at_unlock(tmp_path):
    """The delete's transaction commits, then the process dies before cleaning the backups (here:
    the rows are deleted the way Interviews.delete does, without the clean-up that follows)."""
    from desktop.vault.deletion import delete_interview_rows

    d = tmp_path / "vault"
    v = Vault.create(d, PASS, kdf=FAST_KDF)
    word = f"zq{uuid.uuid4().hex[:12]}"
    doomed = named_interview(f"{word} " * 20)
    v.interviews.add(doomed)
    v.interviews.add(named_interview("another statement"))
    v.backup_now()
    with v._connections.tx() as con:
        delete_interview_rows(con, doomed.id)
        con.execute("INSERT INTO backup_purges(kind, id) VALUES ('interview', ?)", (doomed.id,))
    v.lock()
    key = data_key(d, PASS)
    assert contains(decrypted_pages(Vault.backups(d)[0] / "vault.db", key), word)  # the crash left it there

    v = Vault.unlock(d, PASS)
    try:
        assert v.connection().execute("SELECT count(*) FROM backup_purges").fetchone()[0] == 0
    finally:
        v.lock()
    backup = Vault.backups(d)[0]
    assert not contains(decrypted_pages(backup / "vault.db", key), word)
    assert not (backup / "vault.db-wal").exists()


def test_cipher_integrity_check_names_the_damaged_page(tmp_path):
    """T3: SQLCipher's own check names the page that fails its HMAC (pages are numbered from 1)."""
    from desktop.vault import db as vault_db

    d = tmp_path / "vault"
    _vault_with_data(d, n=10)
    db_file = d / "vault.db"
    raw = bytearray(db_file.read_bytes())
    index = 4  # the fifth page
    raw[index * PAGE + 300] ^= 0x80
    db_file.write_bytes(bytes(raw))
    key = data_key(d, PASS)
    con = vault_db.open_db(db_file, key)  # page 1 is intact, so the file opens ...
    try:
        problems = vault_db.integrity_problems(con, full=False)
    finally:
        con.close()
    # ... and the check names page 5, and only it.
    assert problems and all(re.search(rf"\bpage {index + 1}\b", p) for p in problems), problems
    assert any("hmac" in p.lower() for p in problems), problems
