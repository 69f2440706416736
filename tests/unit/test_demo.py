"""The demo vault: about thirty invented interviews in a folder of their own, across forces, crimes,
scripts and consent states, each marked DEMO in its reference, and every PDF made from the vault
marked DEMO on every page."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from desktop.core.model import ConsentUse, CrimeType, is_demo_reference, new_reference
from desktop.services import demo, interviews, statements, vaults
from desktop.vault import Vault
from tests.cli_driver import CLI_PASSPHRASE, Cli
from tests.factories import FAST_KDF, make_interview, new_vault
from tests.pdf_tools import pdftotext

TODAY = date(2026, 11, 20)


def _scripts(text: str) -> set[str]:
    return {unicodedata.name(c).split()[0] for c in text if c.isalpha()}


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "vault"
    demo.create_demo_vault(folder, CLI_PASSPHRASE, kdf=FAST_KDF, today=TODAY).lock()
    return folder


def test_the_demo_vault_holds_thirty_varied_interviews_each_marked_demo(demo_vault):
    with vaults.opened(demo_vault, CLI_PASSPHRASE) as vault:
        assert vaults.is_demo(vault)
        ivs = [vault.interviews.get(i) for i in vault.interviews.ids()]
    assert len(ivs) == demo.DEMO_COUNT == 30
    assert all(iv.reference.startswith("WB-DEMO-") and is_demo_reference(iv.reference) for iv in ivs)
    assert len({iv.reference for iv in ivs}) == 30
    assert len({iv.force for iv in ivs}) >= 8
    assert {iv.crime_type for iv in ivs} == set(CrimeType)
    names = " ".join(p.name for iv in ivs for p in iv.people)
    assert {"ARABIC", "GURMUKHI", "BENGALI", "LATIN"} <= _scripts(names)
    assert {"Urdu", "Punjabi", "Bengali", "English"} <= {iv.language for iv in ivs}
    complaint = [iv.consent.get(ConsentUse.COMPLAINT) for iv in ivs]
    assert sum(1 for c in complaint if c is not None and c.active) >= 15  # the totals have figures
    assert any(c is not None and c.withdrawn_on is not None for c in complaint)  # withdrawn
    assert any(not iv.consent for iv in ivs)  # nothing recorded yet
    assert any(iv.has_consent(ConsentUse.CONTACT) and not iv.has_consent(ConsentUse.COMPLAINT) for iv in ivs)
    assert any(iv.has_consent(ConsentUse.QUOTATION) for iv in ivs)


def test_a_real_reference_is_never_a_demo_one():
    assert not any(is_demo_reference(new_reference()) for _ in range(2000))
    assert not is_demo_reference("WB-7KQ3-M9XD") and is_demo_reference("wb-demo-7kq3")


def test_every_page_of_a_statement_from_the_demo_vault_says_demo(demo_vault, tmp_path):
    with vaults.opened(demo_vault, CLI_PASSPHRASE) as vault:
        ids = [i for i in vault.interviews.ids() if statements.export_refusal(vault, i) is None]
        # One typed into the demo vault by hand has a real-looking reference: the vault's flag marks it.
        typed = interviews.save_interview(vault, make_interview("The officer asked for my visa. " * 200))
        for i in (ids[0], typed.id):
            result = statements.export_statement(vault, i, tmp_path)
            pages = pdftotext(result.path.read_bytes()).split("\f")
            pages = [p for p in pages if p.strip()]
            assert len(pages) >= 2 if i == typed.id else len(pages) >= 1
            assert all("DEMO - invented interview" in p for p in pages)
        signing = tmp_path / "signing.pdf"
        from desktop.services import signing as signing_service

        signing_service.save_signing_copy(vault, ids[0], signing, confirmed=True)
        assert all("DEMO - invented interview" in p for p in pdftotext(signing.read_bytes()).split("\f") if p.strip())


def test_a_statement_from_a_real_vault_does_not_say_demo(tmp_path):
    vault = new_vault(tmp_path / "vault")
    try:
        iv = interviews.save_interview(vault, make_interview())
        result = statements.export_statement(vault, iv.id, tmp_path)
    finally:
        vault.lock()
    assert "DEMO" not in pdftotext(result.path.read_bytes())


def test_the_demo_command_makes_its_vault_in_a_folder_of_its_own(app_paths, tmp_path):
    cli = Cli(app_paths, tmp_path)
    folder = tmp_path / "demo-vault"
    code, out, err = _run(cli, "demo", "--vault", str(folder), "--passphrase-file", str(cli.pw), "--json")
    assert code == 0, err
    assert '"interviews": 30' in out and '"demo": true' in out
    with vaults.opened(folder, CLI_PASSPHRASE) as vault:
        assert vaults.is_demo(vault) and vault.interviews.count() == 30
    code, _, err = _run(cli, "demo", "--vault", str(folder), "--passphrase-file", str(cli.pw))
    assert code == 1 and "already exists" in err  # never mixed into an existing vault


def test_the_demo_command_refuses_the_usual_vault_and_a_missing_folder(app_paths, tmp_path):
    cli = Cli(app_paths, tmp_path)
    code, _, err = _run(cli, "demo", "--passphrase-file", str(cli.pw))
    assert code == 2 and "--vault" in err
    code, _, err = _run(cli, "demo", "--vault", str(app_paths.default_vault_dir), "--passphrase-file", str(cli.pw))
    assert code == 1 and "usual vault" in err
    assert not Vault.exists(app_paths.default_vault_dir)


def _run(cli: Cli, *argv: str):
    return cli(*argv, vault=False)
