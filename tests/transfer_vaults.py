"""Real field and coordinator vaults, enrolled with each other in person (fingerprints typed), for
the transfer service tests. No mocks: real SQLCipher, real age, real files in ``tmp_path``."""

from __future__ import annotations

from pathlib import Path

from desktop.services import transfer
from desktop.vault import Vault
from tests.factories import new_vault

CONTENT_TABLES = ("interviews", "people", "identifiers", "consents", "attachments", "revisions",
                  "redaction_decisions", "interview_origin", "tombstones")


def make_pair(tmp_path: Path, *, allow_recovery: bool = False) -> tuple[Vault, Vault]:
    field = new_vault(tmp_path / "field")
    coord = new_vault(tmp_path / "coord")
    transfer.set_role(field, "field")
    transfer.set_role(coord, "coordinator")
    enrol_pair(field, coord, allow_recovery=allow_recovery)
    return field, coord


def enrol_pair(field: Vault, coord: Vault, *, allow_recovery: bool = False) -> None:
    fkeys, ckeys = transfer.public_keys(field), transfer.public_keys(coord)
    transfer.enrol(coord, fkeys.to_json(), fkeys.fingerprint.lower())
    transfer.enrol(field, ckeys.to_json(), ckeys.fingerprint.replace(" ", "-"), allow_recovery=allow_recovery)


def dump(vault: Vault) -> dict[str, list]:
    """The coordinator's content as rows, to compare before and after (imported bundles included)."""
    con = vault.connection()
    out = {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in CONTENT_TABLES}
    out["imported"] = sorted(map(repr, con.execute(
        "SELECT sha256, bundle_id, device_id, seq FROM bundles_received WHERE status = 'imported'").fetchall()))
    return out


def send_bundle(vault: Vault, tmp_path: Path, name: str) -> transfer.ExportResult:
    """The laptop's next bundle, written to its own folder ``sticks/<name>`` (it must have one to send)."""
    folder = tmp_path / "sticks" / name
    folder.mkdir(parents=True)
    result = transfer.export_bundle(vault, folder)
    assert result is not None
    return result
