"""Real field and coordinator vaults, enrolled with each other in person (fingerprints typed), for
the transfer service tests. No mocks: real SQLCipher, real age, real files in ``tmp_path``."""

from __future__ import annotations

import hashlib
from pathlib import Path

from desktop.services import transfer
from desktop.vault import Vault
from desktop.vault.repos._common import dumps
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


def _old_digest(con, interview_id: str, doc: str) -> str:
    """The per-interview digest as it was computed before (the reference the new path must equal)."""
    h = hashlib.sha256(doc.encode("utf-8"))
    for sql in ("SELECT position, name, role, aliases FROM people WHERE interview_id = ? ORDER BY position",
                "SELECT position, kind, value FROM identifiers WHERE interview_id = ? ORDER BY position",
                "SELECT use, given, recorded_on, taken_by, withdrawn_on, withdrawn_by FROM consents "
                "WHERE interview_id = ? ORDER BY use",
                "SELECT id, sha256, display_name, media_type FROM attachments WHERE interview_id = ? ORDER BY id",
                "SELECT payload FROM redaction_decisions WHERE interview_id = ?"):
        h.update(dumps(con.execute(sql, (interview_id,)).fetchall()).encode("utf-8"))
    marks = con.execute("SELECT id, start_pos, end_pos, passage, theme FROM quotations WHERE interview_id = ? "
                        "ORDER BY id", (interview_id,)).fetchall()
    if marks:
        h.update(dumps(marks).encode("utf-8"))
    return h.hexdigest()


def old_changes(vault) -> list[tuple[str, int, str]]:
    """(id, revision, digest) of every interview by the per-interview path ``changes()`` replaced."""
    con = vault.connection()
    rows = con.execute("SELECT id, revision, doc FROM interviews ORDER BY num").fetchall()
    return [(iv_id, revision, _old_digest(con, iv_id, doc)) for iv_id, revision, doc in rows]
