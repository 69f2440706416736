"""The coordinator's own names for enrolled laptops ("Leeds office"): kept in the coordinator's vault
only, checked as typed, and never written onto the stick (bundles, receipts, file names). Real
SQLCipher vaults and real bundles and receipts on a folder standing in for the stick."""

from __future__ import annotations

import pytest

from desktop.services import transfer
from desktop.services.errors import Refused
from desktop.services.transfer_screens import device_labels, import_from_stick, list_marks
from desktop.vault import Vault
from desktop.vault import vault as vault_module
from desktop.vault.schema import MIGRATIONS, SCHEMA_VERSION
from tests.factories import FAST_KDF, PASSPHRASE, make_interview
from tests.transfer_vaults import make_pair

NAME = "Leeds office"


def _short(vault: Vault) -> str:
    return "Laptop " + " ".join(transfer.public_keys(vault).fingerprint.split(" ")[:2])


def test_a_vault_made_at_version_9_keeps_its_enrolled_laptops_unnamed_and_can_name_them(tmp_path, monkeypatch):
    mine = next(n for n, (version, _sql) in enumerate(MIGRATIONS) if version == 10)
    monkeypatch.setattr(vault_module, "MIGRATIONS", MIGRATIONS[:mine])
    monkeypatch.setattr(vault_module, "SCHEMA_VERSION", 9)
    coord = transfer.create_vault(tmp_path / "coord", PASSPHRASE, "coordinator", kdf=FAST_KDF)
    field = transfer.create_vault(tmp_path / "field", PASSPHRASE, "field", kdf=FAST_KDF)
    f = transfer.public_keys(field)
    coord.connection().execute(  # enrolled the version 9 way (this code's own enrol knows 10)
        "INSERT INTO transfer_peers(device_id, role, public_keys, fingerprint, enrolled_at) VALUES (?, ?, ?, ?, ?)",
        (f.device_id, "field", f.to_json().decode("ascii"), f.fingerprint, "2026-11-30T10:00:00+00:00"),
    )
    coord.lock()
    monkeypatch.undo()

    coord = Vault.unlock(tmp_path / "coord", PASSPHRASE)
    try:
        assert coord.connection().execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 10
        assert any(b.name.endswith("migration") for b in Vault.backups(tmp_path / "coord"))
        (peer,) = coord.transfer.peers()
        assert (peer.device_id, peer.fingerprint, peer.name) == (f.device_id, f.fingerprint, "")
        assert device_labels(coord) == {f.device_id: _short(field)}
        assert transfer.name_device(coord, f.device_id, "  Outreach   laptop 3 ") == "Outreach laptop 3"
        assert device_labels(coord) == {f.device_id: f"Outreach laptop 3 ({_short(field)})"}
    finally:
        coord.lock()
        field.lock()


def test_a_name_given_at_enrolment_is_kept_and_can_be_changed_or_taken_away(tmp_path):
    field, coord = make_pair(tmp_path)
    other = transfer.create_vault(tmp_path / "other", PASSPHRASE, "field", kdf=FAST_KDF)
    o = transfer.public_keys(other)
    transfer.enrol(coord, o.to_json(), o.fingerprint, name=NAME)
    assert device_labels(coord)[o.device_id] == f"{NAME} ({_short(other)})"
    assert device_labels(coord)[transfer.public_keys(field).device_id] == _short(field)  # not named: as before
    assert transfer.enrolled_by_fingerprint(coord, _short(other)[len("Laptop ") :].lower()) == o.device_id
    transfer.name_device(coord, o.device_id, "")
    assert device_labels(coord)[o.device_id] == _short(other)
    assert not any(e.action == "device.named" and NAME in str(e) for e in coord.audit.entries())
    other.lock()


@pytest.mark.parametrize(
    "bad",
    [
        "Leeds\noffice",
        "x" * 41,
        "Tab\there",
        "\u202eLeeds office",  # an override left open would show the fingerprint beside it reversed
        "Leeds \u2067office",
    ],
)
def test_a_bad_name_is_refused_in_words_and_changes_nothing(tmp_path, bad):
    field, coord = make_pair(tmp_path)
    device = transfer.public_keys(field).device_id
    transfer.name_device(coord, device, NAME)
    with pytest.raises(Refused, match="A laptop's name is"):
        transfer.name_device(coord, device, bad)
    assert coord.transfer.peers()[0].name == NAME
    with pytest.raises(Refused, match="not enrolled here"):
        transfer.name_device(coord, "b" * 32, NAME)
    with pytest.raises(Refused, match="field vault"):  # a worker's laptop has no names to give
        transfer.name_device(field, transfer.public_keys(coord).device_id, NAME)
    with pytest.raises(Refused, match="first two groups"):
        transfer.enrolled_by_fingerprint(coord, "K3U")


def test_the_name_is_said_on_import_and_never_written_onto_the_stick(tmp_path):
    field, coord = make_pair(tmp_path)
    transfer.name_device(coord, transfer.public_keys(field).device_id, NAME)
    stick = tmp_path / "stick"
    stick.mkdir()
    field.interviews.add(make_interview("The officer asked about my visa."))
    transfer.export_bundle(field, stick)
    result = import_from_stick(coord, stick)
    assert result.report.count("imported") == 1
    assert result.labels[transfer.public_keys(field).device_id] == f"{NAME} ({_short(field)})"
    written = sorted(stick.iterdir())
    assert any(p.name.startswith("WBR1-") for p in written)  # a receipt was written: the name is not in it
    for path in written:
        assert NAME.lower() not in path.name.lower() and b"leeds" not in path.read_bytes().lower()


def test_the_interview_list_says_which_named_laptop_an_interview_came_from(tmp_path):
    field, coord = make_pair(tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    iv = make_interview("The officer asked about my visa.")
    field.interviews.add(iv)
    transfer.export_bundle(field, stick)
    transfer.import_bundles(coord, stick)
    assert list_marks(coord, [iv.id]) == {iv.id: _short(field)}
    transfer.name_device(coord, transfer.public_keys(field).device_id, NAME)
    assert list_marks(coord, [iv.id]) == {iv.id: NAME}
