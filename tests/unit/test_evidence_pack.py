"""The evidence pack, built from a real vault and checked as a recipient would: ``sha256sum -c``,
openssl, and ``witnessbox verify-pack`` on a fresh pack and on packs with a changed byte, an added
file, a removed file and a manifest re-signed by another key. A pack is complete or absent."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services import evidence_pack, pool, statements, transfer_devices
from desktop.services.errors import DestinationExists, Refused
from desktop.services.pack_verify import KEY_JSON, KEY_PEM, SIGNATURE, SUMS, parse_sums, pem_of, verify_pack
from desktop.transfer.keys import DeviceKeys
from desktop.vault import Vault
from tests.evidence_vaults import known_interviews, person_name
from tests.factories import make_interview, new_vault
from tests.pdf_tools import pdftotext

GROUPS = [("metropolitan", "domestic_abuse", 2018, 9), ("kent", "hate_crime", 2019, 6), ("dorset", "other", 2020, 2)]
UNCOUNTED = [("essex", "domestic_abuse", 2018, 3)]


def _groups(rows):
    from desktop.core.model import CrimeType

    return [(f, CrimeType(c), y, k) for f, c, y, k in rows]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A coordinator's vault of 20 named interviews (17 consented) and the pack made from it."""
    root = tmp_path_factory.mktemp("pack")
    counted, others = known_interviews(_groups(GROUPS), _groups(UNCOUNTED))
    v = new_vault(root / "vault")
    (root / "out").mkdir()
    try:
        transfer_devices.set_role(v, "coordinator")
        v.interviews.add_many(counted + others)
        result = evidence_pack.build(v, root / "out" / "pack-1")
        fingerprint = transfer_devices.public_keys(v).fingerprint
        audit = [e.action for e in v.audit.entries()]
    finally:
        v.lock()
    return {"root": root, "result": result, "pack": root / "out" / "pack-1", "counted": counted, "others": others,
            "fingerprint": fingerprint, "audit": audit}


@pytest.fixture
def pack(built, tmp_path) -> Path:
    """A fresh copy of the pack, to tamper with."""
    return Path(shutil.copytree(built["pack"], tmp_path / "copy"))


def test_the_pack_holds_the_summary_tables_every_consented_statement_and_nothing_else(built):
    p, counted, others = built["pack"], built["counted"], built["others"]
    r = built["result"]
    assert r.folder == p and r.statements == len(counted) == 17 and not r.refused
    statements = sorted(x.name for x in (p / "statements").iterdir())
    assert statements == sorted(f"{iv.reference}.pdf" for iv in counted)
    assert sorted(x.name for x in p.iterdir()) == sorted(
        ["README.txt", SUMS, SIGNATURE, KEY_JSON, KEY_PEM, "quotations.pdf", "statements", "summary.pdf",
         "tables.csv"])
    summary = pdftotext((p / "summary.pdf").read_bytes(), "-layout")
    for iv in counted:
        assert iv.reference in summary
    for iv in others:
        assert iv.reference not in summary
    for n in range(len(counted) + len(others)):
        assert person_name(n) not in summary
    assert "The statements in this evidence pack" in summary
    assert not [x for x in p.parent.iterdir() if x.name.startswith(".")]  # no hidden work folder left
    assert built["audit"].count("statement.exported") == 17 and "evidence.pack_written" in built["audit"]
    readme = (p / "README.txt").read_text(encoding="utf-8")
    assert built["fingerprint"] in readme and "sha256sum -c SHA256SUMS" in readme


def test_sha256sum_and_openssl_verify_the_pack_without_witnessbox(built):
    p = built["pack"]
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum is not installed")
    out = subprocess.run(["sha256sum", "-c", SUMS], cwd=p, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    listed = parse_sums((p / SUMS).read_bytes())
    assert out.stdout.count(": OK") == len(listed) == 17 + 6  # statements, summary, tables, quotations, README, 2 keys
    if shutil.which("openssl") is not None:
        ok = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", KEY_PEM, "-rawin", "-in", SUMS,
                             "-sigfile", SIGNATURE], cwd=p, capture_output=True, text=True)
        if "rawin" not in ok.stderr:  # OpenSSL older than 3.0 cannot verify Ed25519 this way
            assert ok.returncode == 0 and "Verified Successfully" in ok.stdout, ok.stderr


def test_verify_pack_passes_a_fresh_pack(pack, built):
    check = verify_pack(pack, expected_fingerprint=built["fingerprint"].lower().replace(" ", "-"))
    assert check.ok and check.signature_ok and check.expected_fingerprint is True
    assert check.fingerprint == built["fingerprint"] and check.files == 23
    assert "intact" in check.lines()[-1]


def test_verify_pack_names_a_file_with_one_byte_changed(pack):
    target = pack / "statements" / sorted((pack / "statements").iterdir())[3].name
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    check = verify_pack(pack)
    assert not check.ok and check.changed == [f"statements/{target.name}"] and not check.missing and not check.added
    assert any(target.name in line and line.startswith("Changed") for line in check.lines())


def test_verify_pack_names_an_added_file_and_a_removed_file(pack):
    (pack / "statements" / "WB-ZZZZ-ZZZZ.pdf").write_bytes(b"%PDF-1.4 not from the pack")
    (pack / "tables.csv").unlink()
    check = verify_pack(pack)
    assert not check.ok
    assert check.added == ["statements/WB-ZZZZ-ZZZZ.pdf"] and check.missing == ["tables.csv"]
    assert check.signature_ok  # the list itself is untouched


def test_verify_pack_refuses_a_manifest_re_signed_by_another_key(pack, built):
    other = DeviceKeys.generate("coordinator")
    sums = pack / SUMS
    # a changed file, its new hash in the list, and the list signed again by another key
    (pack / "tables.csv").write_bytes(b"table,count\r\nforged,999\r\n")
    listed = parse_sums(sums.read_bytes())
    import hashlib

    listed["tables.csv"] = hashlib.sha256((pack / "tables.csv").read_bytes()).hexdigest()
    new = "".join(f"{h}  {n}\n" for n, h in sorted(listed.items())).encode()
    sums.write_bytes(new)
    (pack / SIGNATURE).write_bytes(other.sign(new))
    check = verify_pack(pack)
    assert not check.ok and not check.signature_ok and not check.changed
    # ... and with the other key put in the pack too: only the fingerprint given in person tells
    (pack / KEY_PEM).write_bytes(pem_of(other.public().sig_public_key))
    (pack / KEY_JSON).write_bytes(other.public().to_json())
    listed[KEY_PEM] = hashlib.sha256((pack / KEY_PEM).read_bytes()).hexdigest()
    listed[KEY_JSON] = hashlib.sha256((pack / KEY_JSON).read_bytes()).hexdigest()
    new = "".join(f"{h}  {n}\n" for n, h in sorted(listed.items())).encode()
    sums.write_bytes(new)
    (pack / SIGNATURE).write_bytes(other.sign(new))
    check = verify_pack(pack, expected_fingerprint=built["fingerprint"])
    assert check.signature_ok and check.expected_fingerprint is False and not check.ok
    assert any("not by the key you expected" in line for line in check.lines())


def test_verify_pack_needs_no_vault_and_says_so_in_its_exit_code(pack, built, app_paths, tmp_path):
    from tests.cli_driver import Cli

    cli = Cli(app_paths, tmp_path)  # no vault was ever made here
    code, out, _err = cli("verify-pack", str(pack), "--fingerprint", built["fingerprint"], vault=False)
    assert code == 0 and "intact" in out
    (pack / "summary.pdf").write_bytes(b"%PDF-1.4 changed")
    code, out, _err = cli("verify-pack", str(pack), "--json", vault=False)
    data = json.loads(out)
    assert code == 1 and data["changed"] == ["summary.pdf"] and data["ok"] is False
    code, _out, err = cli("verify-pack", str(tmp_path / "nothing"), vault=False)
    assert code == 1 and "does not exist" in err


def test_a_pack_is_never_written_over_an_existing_folder(built, tmp_path):
    v = Vault.unlock(built["root"] / "vault", "correct horse battery staple")
    try:
        (tmp_path / "empty").mkdir()
        with pytest.raises(DestinationExists):
            evidence_pack.build(v, tmp_path / "empty")
        with pytest.raises(DestinationExists):
            evidence_pack.build(v, built["pack"])
    finally:
        v.lock()
    assert list((tmp_path / "empty").iterdir()) == []


def test_a_pack_is_complete_or_absent_when_a_document_or_a_statement_is_refused(built, tmp_path):
    def refuse(_vault, _path, **_):
        raise Refused("The quotations could not be made.")

    def half(_vault, path, **_):
        path.write_bytes(b"half")
        raise OSError("the disk is full")

    vault_dir = Path(shutil.copytree(built["root"] / "vault", tmp_path / "vault"))  # this test changes it
    out = tmp_path / "out"
    out.mkdir()
    v = Vault.unlock(vault_dir, "correct horse battery staple")
    try:
        with pytest.raises(Refused, match="quotations"):
            evidence_pack.build(v, out / "a", documents=[evidence_pack.PackDocument("quotations.pdf", refuse)])
        with pytest.raises(OSError):
            evidence_pack.build(v, out / "b", documents=[evidence_pack.PackDocument("quotations.pdf", half)])
        result = evidence_pack.build(v, out / "c", cancel=lambda: True)
        assert result.folder is None and result.cancelled
        iv = v.interviews.get(v.interviews.ids()[0])
        iv.statement += " \u6f22"  # a letter no statement font draws: that statement is refused
        v.interviews.update(iv)
        result = evidence_pack.build(v, out / "d")
        assert result.folder is None and [ref for ref, _why in result.refused] == [iv.reference]
    finally:
        v.lock()
    assert list(out.iterdir()) == [], "a refused pack left something behind"


def test_a_further_document_joins_the_pack_and_its_list(built, tmp_path):
    def write(_vault, path, **_):
        from desktop.files import atomic_write

        atomic_write(path, b"%PDF-1.4 quotations")

    v = Vault.unlock(built["root"] / "vault", "correct horse battery staple")
    try:
        result = evidence_pack.build(v, tmp_path / "p", documents=[
            evidence_pack.PackDocument("quotations.pdf", write, "anonymised quotations, by theme")])
    finally:
        v.lock()
    assert "quotations.pdf" in parse_sums((result.folder / SUMS).read_bytes())
    assert "anonymised quotations" in (result.folder / "README.txt").read_text(encoding="utf-8")
    assert verify_pack(result.folder).ok


def test_the_command_makes_the_pack_and_refuses_an_existing_folder(built, cli, tmp_path):
    v = Vault.unlock(cli.vault, "correct horse battery")
    try:
        v.interviews.add_many(built["counted"][:6])
    finally:
        v.lock()
    code, out, err = cli("evidence-pack", "--out", str(tmp_path / "cli-pack"), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["statements"] == 6 and data["refused"] == []
    assert verify_pack(tmp_path / "cli-pack", expected_fingerprint=data["fingerprint"]).ok
    code, _out, err = cli("evidence-pack", "--out", str(tmp_path / "cli-pack"))
    assert code == 1 and "new folder" in err


def test_a_cancelled_or_refused_pack_audits_no_statement_and_a_written_one_audits_each(tmp_path):
    # The statements are made into a hidden folder first; only a pack that is in place delivered them.
    v = new_vault(tmp_path / "vault")
    try:
        ids = v.interviews.add_many([make_interview(f"The officer asked about my visa on day {n}.") for n in range(3)])
        exported = lambda: [e.target for e in v.audit.entries() if e.action == "statement.exported"]  # noqa: E731
        made: list[int] = []
        result = evidence_pack.build(v, tmp_path / "a", progress=lambda done, _total: made.append(done),
                                     cancel=lambda: len(made) >= 2)
        assert result.folder is None and result.cancelled and made == [1, 2]
        assert exported() == []
        iv = v.interviews.get(ids[1])
        iv.statement += " \u6f22"  # a letter no statement font draws: that statement is refused
        v.interviews.update(iv)
        result = evidence_pack.build(v, tmp_path / "b")
        assert result.folder is None and len(result.refused) == 1
        assert exported() == []
        iv.statement = "The officer asked about my visa."
        v.interviews.update(iv)
        result = evidence_pack.build(v, tmp_path / "c")
        assert result.folder is not None and result.statements == 3
        assert sorted(exported()) == sorted(ids)
        assert [e.action for e in v.audit.entries()][-1] == "evidence.pack_written" and v.audit.verify()
    finally:
        v.lock()


@pytest.mark.skipif(not sys.platform.startswith("linux") or pool.cores() < 2,
                    reason="the workers' fork server is used on Linux, with two cores or more")
@pytest.mark.parametrize("many", [True, False])
def test_the_pack_starts_its_workers_warming_before_it_reads_which_statements_go_in(tmp_path, monkeypatch,
                                                                                     fork_server_starts, many):
    """Choosing the pack's statements reads every record; the workers' fork server imports and warms up
    meanwhile when there are enough statements for it, and not otherwise."""
    n = statements.POOL_FROM if many else statements.POOL_FROM - 1
    v = new_vault(tmp_path / "vault")
    try:
        v.interviews.add_many([make_interview(f"The officer asked about my visa on day {k}.") for k in range(n)])
        started_when_chosen: list[int] = []
        real = evidence_pack._consented

        def consented(vault):
            started_when_chosen.append(len(fork_server_starts))
            return real(vault)

        monkeypatch.setattr(evidence_pack, "_consented", consented)
        result = evidence_pack.build(v, tmp_path / "pack")
        assert result.folder is not None and result.statements == n
        assert started_when_chosen == ([1] if many else [0])
    finally:
        v.lock()


def test_the_pack_made_counts_its_statements_in_plain_words(tmp_path):
    """A pack of one consented interview said "1 statements"."""
    from desktop.services.evidence_pack import PackResult

    one = PackResult(folder=tmp_path / "pack", statements=1, files=9, fingerprint="ABCD EFGH")
    assert one.lines()[0] == f"Wrote the evidence pack {tmp_path / 'pack'}: 1 statement, 9 files."
    three = PackResult(folder=tmp_path / "pack", statements=3, files=11, fingerprint="ABCD EFGH")
    assert three.lines()[0] == f"Wrote the evidence pack {tmp_path / 'pack'}: 3 statements, 11 files."
