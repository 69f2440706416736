"""``witnessbox export-statement`` and ``export-statements`` on a real vault."""

from __future__ import annotations

import io
import sys

import pytest

from desktop.cli import Context, run
from desktop.core.model import ConsentUse
from desktop.vault import Vault
from tests.factories import FAST_KDF, sample_interview
from tests.pdf_tools import pdftotext


@pytest.fixture
def vault_dir(tmp_path):
    d = tmp_path / "vault"
    v = Vault.create(d, "correct horse", kdf=FAST_KDF)
    try:
        v.interviews.add(sample_interview(reference="WB-CLIA-0001"))
        no_consent = sample_interview(reference="WB-CLIA-0002")
        del no_consent.consent[ConsentUse.COMPLAINT]
        v.interviews.add(no_consent)
    finally:
        v.lock()
    (tmp_path / "pass").write_text("correct horse\n")
    return d


def _run(argv, app_paths, capsys):
    ctx = Context(paths=app_paths, stdin=io.StringIO(), stdout=sys.stdout, stderr=sys.stderr)
    code = run(argv, ctx)
    out, err = capsys.readouterr()
    return code, out, err


def _opts(vault_dir):
    return ["--vault", str(vault_dir), "--passphrase-file", str(vault_dir.parent / "pass")]


def test_export_statement_writes_a_gated_pdf(vault_dir, app_paths, capsys, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    code, stdout, err = _run(
        ["export-statement", "WB-CLIA-0001", "--out", str(out), *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 0, err
    pdf = out / "WB-CLIA-0001.pdf"
    text = pdftotext(pdf.read_bytes())
    assert "Greater Manchester Police" in text and "Wiśniewska" not in text and "Agnieszka" not in text
    assert "0 traces of" in stdout and "Agnieszka" not in stdout


def test_export_statement_without_consent_says_so_and_writes_nothing(vault_dir, app_paths, capsys, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    code, stdout, err = _run(
        ["export-statement", "WB-CLIA-0002", "--out", str(out / "x.pdf"), *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 1
    assert "no consent to use it in the complaint" in err and len(err.strip().splitlines()) == 1
    assert list(out.iterdir()) == []


def test_export_statements_all(vault_dir, app_paths, capsys, tmp_path):
    out = tmp_path / "all"
    code, stdout, err = _run(
        ["export-statements", "--all", "--out", str(out), "--json", *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 0, err
    import json

    report = json.loads(stdout)
    assert [w["reference"] for w in report["written"]] == ["WB-CLIA-0001"]
    assert len(report["refused"]) == 1 and "WB-CLIA-0002" in report["refused"][0]["why"]
    assert [p.name for p in out.iterdir()] == ["WB-CLIA-0001.pdf"]


def test_a_sealed_statement_exports_with_its_addenda(tmp_path, app_paths, capsys):
    from desktop.core.model import Status

    d = tmp_path / "vault"
    v = Vault.create(d, "correct horse", kdf=FAST_KDF)
    try:
        iv = sample_interview(reference="WB-SEAL-0001", statement="Łukasz hit me in March 2024.")
        v.interviews.add(iv)
        iv = v.interviews.get(iv.id)
        iv.status = Status.SEALED
        v.interviews.update(iv)
        iv = v.interviews.get(iv.id)
        iv.statement += "\n\nŁukasz also took my passport."
        v.interviews.update(iv)
    finally:
        v.lock()
    (tmp_path / "pass").write_text("correct horse\n")
    out = tmp_path / "s.pdf"
    code, _stdout, err = _run(["export-statement", "WB-SEAL-0001", "--out", str(out), *_opts(d)], app_paths, capsys)
    assert code == 0, err
    text = " ".join(pdftotext(out.read_bytes()).split())
    assert "Addendum dated" in text and "also took my passport" in text and "and sealed" in text
    assert "Łukasz" not in text


def _exported(vault_dir) -> list[str | None]:
    v = Vault.unlock(vault_dir, "correct horse")
    try:
        return [e.target for e in v.audit.entries() if e.action == "statement.exported"]
    finally:
        v.lock()


def test_export_from_the_command_line_writes_the_same_audit_entry_as_the_app(vault_dir, app_paths, capsys, tmp_path):
    """tests/ui/test_review_and_export.py checks the app's entry: ``statement.exported`` on the id."""
    v = Vault.unlock(vault_dir, "correct horse")
    interview_id = v.interviews.find_by_reference("WB-CLIA-0001")
    v.lock()
    code, _out, err = _run(
        ["export-statement", "WB-CLIA-0001", "--out", str(tmp_path), *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 0, err
    assert _exported(vault_dir) == [interview_id]
    code, _out, err = _run(
        ["export-statements", "--all", "--out", str(tmp_path / "all"), *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 0, err
    assert _exported(vault_dir) == [interview_id, interview_id]


@pytest.mark.parametrize("name", ["keyslot.json", "vault.db"])
def test_a_mistyped_out_never_replaces_the_vaults_own_files(vault_dir, app_paths, capsys, name):
    before = (vault_dir / "keyslot.json").read_bytes()
    code, _out, err = _run(
        ["export-statement", "WB-CLIA-0001", "--out", str(vault_dir / name), "--force", *_opts(vault_dir)],
        app_paths,
        capsys,
    )
    assert code == 1 and "inside a Witnessbox vault" in err and len(err.strip().splitlines()) == 1
    assert (vault_dir / "keyslot.json").read_bytes() == before
    Vault.unlock(vault_dir, "correct horse").lock()  # and it still opens
    code, _out, err = _run(
        ["export-statements", "--all", "--out", str(vault_dir / "backups"), *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 1 and "inside a Witnessbox vault" in err


def test_an_existing_file_is_replaced_only_with_force(vault_dir, app_paths, capsys, tmp_path):
    target = tmp_path / "mine.pdf"
    target.write_bytes(b"the worker's own file")
    code, _out, err = _run(
        ["export-statement", "WB-CLIA-0001", "--out", str(target), *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 1 and "--force" in err and target.read_bytes() == b"the worker's own file"
    code, _out, err = _run(
        ["export-statement", "WB-CLIA-0001", "--out", str(target), "--force", *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF-")


def test_export_statements_into_a_folder_with_the_same_files_needs_force(vault_dir, app_paths, capsys, tmp_path):
    out = tmp_path / "all"
    out.mkdir()
    (out / "WB-CLIA-0001.pdf").write_bytes(b"an older copy")
    code, stdout, _err = _run(["export-statements", "--all", "--out", str(out), *_opts(vault_dir)], app_paths, capsys)
    assert code == 1 and "already there" in stdout
    assert (out / "WB-CLIA-0001.pdf").read_bytes() == b"an older copy"
    code, _stdout, err = _run(
        ["export-statements", "--all", "--out", str(out), "--force", *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 0, err
    assert (out / "WB-CLIA-0001.pdf").read_bytes().startswith(b"%PDF-")


def test_a_leak_is_refused_by_kind_and_place_never_the_text_or_a_number(tmp_path, app_paths, capsys):
    from desktop.redaction import Decisions

    d = tmp_path / "leaky"
    v = Vault.create(d, "correct horse", kdf=FAST_KDF)
    try:
        iv = sample_interview(reference="WB-CLIL-0001")
        iv.statement = "We lived in Walsall for a year.\n\nThe police came twice.\nThey drove us back to walsall."
        v.interviews.add(iv)
        decisions = Decisions(iv.statement)  # redacted in one place only, as the app once did
        decisions.add_manual(iv.statement.index("Walsall"), iv.statement.index("Walsall") + 7, "ADDRESS")
        v.redaction.save_decisions(iv.id, decisions.to_dict())
    finally:
        v.lock()
    (tmp_path / "pass").write_text("correct horse\n")
    out = tmp_path / "out"
    out.mkdir()
    code, stdout, err = _run(["export-statement", "WB-CLIL-0001", "--out", str(out), *_opts(d)], app_paths, capsys)
    assert code == 1 and list(out.iterdir()) == []
    assert "is still in paragraph 2, line 2" in err and "redact it there too, or keep it" in err
    assert "walsall" not in (err + stdout).casefold() and "item" not in err.casefold()
    assert len(err.strip().splitlines()) == 1


def test_an_export_before_the_organisation_is_set_says_so_once_and_still_writes(vault_dir, app_paths, capsys, tmp_path):
    """A statement exported before the organisation's name is set says "Statement taken by: Not recorded":
    the command says so once, with what it wrote, and how to name it (a volunteer may rightly have no organisation)."""
    one, many = tmp_path / "one", tmp_path / "many"
    one.mkdir()
    code, _out, err = _run(
        ["export-statement", "WB-CLIA-0001", "--out", str(one), *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 0 and (one / "WB-CLIA-0001.pdf").exists()
    assert err.count("No organisation's name is set") == 1 and "witnessbox organisation NAME" in err
    assert "Not recorded" in pdftotext((one / "WB-CLIA-0001.pdf").read_bytes())
    code, _out, err = _run(["export-statements", "--all", "--out", str(many), *_opts(vault_dir)], app_paths, capsys)
    assert err.count("No organisation's name is set") == 1  # once per export, not once per statement
    # Set, nothing more is said.
    assert _run(["organisation", "Northside Migrant Support", *_opts(vault_dir)], app_paths, capsys)[0] == 0
    code, _out, err = _run(
        ["export-statement", "WB-CLIA-0001", "--out", str(one), "--force", *_opts(vault_dir)], app_paths, capsys
    )
    assert code == 0 and "organisation" not in err
