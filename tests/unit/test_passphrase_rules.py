"""One passphrase rule for both faces: a minimum the services refuse below, and the meter's warning."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.core import passphrase
from desktop.services import vaults
from desktop.services.errors import Refused
from desktop.vault import Vault
from tests.cli_driver import Cli
from tests.factories import FAST_KDF


@pytest.mark.parametrize("text", ["", "a", "pw", "123456789"])
def test_below_the_minimum_is_too_short(text):
    assert len(text) < passphrase.MIN_LENGTH
    assert passphrase.too_short(text) and str(passphrase.MIN_LENGTH) in passphrase.too_short(text)
    assert passphrase.strength(text) == 0


def test_the_minimum_counts_characters_in_nfc():
    decomposed = unicodedata.normalize("NFD", "ééééé")  # ten code points, five characters
    assert len(decomposed) == 10 and passphrase.too_short(decomposed)


@pytest.mark.parametrize("text,weak", [("aaaaaaaaaaaa", True), ("abababababab", True),
                                       ("maple river lantern orbit", False), ("قمر نهر فانوس مدار", False)])
def test_the_warning_follows_the_meter(text, weak):
    assert passphrase.too_short(text) is None
    assert (passphrase.too_weak(text) is not None) == weak
    assert weak == (passphrase.strength(text) < passphrase.WEAK_BELOW)


def test_the_app_meter_is_the_same_rule():
    from desktop.ui import unlock

    assert unlock.passphrase_strength is passphrase.strength and unlock.MIN_LENGTH == passphrase.MIN_LENGTH


def test_the_services_refuse_a_short_passphrase_and_make_nothing(tmp_path):
    d = tmp_path / "vault"
    with pytest.raises(Refused, match="too short"):
        vaults.create(d, "a", kdf=FAST_KDF)
    assert not d.exists()
    v = vaults.create(d, "maple river lantern", kdf=FAST_KDF)
    try:
        slot_before = (d / "keyslot.json").read_bytes()
        with pytest.raises(Refused, match="too short"):
            vaults.change_passphrase(v, "maple river lantern", "b", kdf=FAST_KDF)
        assert (d / "keyslot.json").read_bytes() == slot_before
        with pytest.raises(Refused, match="same as the old"):
            vaults.change_passphrase(v, "maple river lantern", "maple river lantern", kdf=FAST_KDF)
    finally:
        v.lock()
    Vault.unlock(d, "maple river lantern").lock()


def test_the_vault_itself_takes_any_passphrase_for_tests(tmp_path):
    Vault.create(tmp_path / "vault", "pw", kdf=FAST_KDF).lock()
    Vault.unlock(tmp_path / "vault", "pw").lock()


def test_cli_init_refuses_one_letter_with_a_plain_message(app_paths, tmp_path):
    c = Cli(app_paths, tmp_path)
    c.pw.write_text("x\n", encoding="utf-8")
    code, out, err = c("init")
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [
        "witnessbox: The passphrase is too short: use at least 10 characters (four or five unrelated words are best)."]
    assert not c.vault.exists()


def test_cli_init_warns_of_a_weak_passphrase_but_makes_the_vault(app_paths, tmp_path):
    c = Cli(app_paths, tmp_path)
    c.pw.write_text("aaaaaaaaaaaa\n", encoding="utf-8")
    code, out, err = c("init")
    assert code == 0 and "Created" in out
    assert "warning" in err and "easy to guess" in err


def test_cli_passwd_refuses_one_letter_and_keeps_the_old_passphrase(app_paths, tmp_path):
    c = Cli(app_paths, tmp_path)
    Vault.create(c.vault, "correct horse battery", kdf=FAST_KDF).lock()
    new = tmp_path / "new.txt"
    new.write_text("b\n", encoding="utf-8")
    code, out, err = c("passwd", "--new-passphrase-file", str(new))
    assert code == 1 and "too short" in err and "Traceback" not in err
    assert c("list")[0] == 0  # the old passphrase still opens the vault
