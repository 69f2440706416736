"""USB transfer, the product's actions: roles and keys, enrolment, sending, receiving, receipts.

The desktop app's screens and the command line both call these (the app on a worker thread:
every function takes plain ``progress(done, total)`` and ``threading.Event`` cancel arguments where
the work is long). Refusals are :class:`~desktop.services.errors.Refused` with the reason in the
worker's words; nothing here holds interview content in a message. ::

    # keys and devices (transfer_devices.py)
    create_vault(dir, passphrase, "field" | "coordinator", key_backup=None, recovery_passphrase=None)
    own_keys(vault) -> DeviceKeys             # made now (field) for a vault that has none
    set_role(vault, "field" | "coordinator")  # a new vault's keys
    restore_coordinator_keys(vault, backup_bytes, recovery_passphrase)
    public_keys(vault) -> PublicKeys           # .fingerprint "K7QF 2MXD JA3B 4TZP"
    export_enrolment(vault, path, overwrite=False) -> Path
    write_key_backup(vault, path, recovery_passphrase, overwrite=False) -> Path
    enrol(vault, file_bytes, typed_fingerprint, allow_recovery=False, name="") -> PublicKeys
    name_device(vault, device_id, name) -> str  # the coordinator's own name for a laptop, in its vault only
    recover_vault(coordinator_vault, field_dir, new_passphrase, kdf=None)

    # a field vault sends (transfer_export.py)
    export_bundle(vault, out_dir, progress=None, cancel=None) -> ExportResult | None   # None: nothing to send
    import_receipt(vault, path) -> int                     # interviews marked delivered

    # a coordinator receives (transfer_import.py)
    import_bundles(vault, file_or_dir, receipts=True, progress=None, cancel=None) -> ImportReport
    verify_bundle(vault, path) -> BundleOutcome            # would it import? nothing changes
    delivery(vault, interview_id) -> "not sent" | "sent, awaiting receipt" | "delivered" | HELD_BACK
    held_back(vault) -> int                                # refused by the coordinator, held back while unchanged
    origin(vault, interview_id) -> device id | None         # where an interview came from (coordinator)

Storage is :mod:`desktop.vault.repos.transfer` (a bundle applied: :mod:`desktop.vault.repos.transfer_apply`);
the bundle format is :mod:`desktop.transfer`; the records inside a bundle are
:mod:`desktop.services.transfer_records`.
"""

from __future__ import annotations

from desktop.services.transfer_devices import (
    create_vault,
    enrol,
    enrolled_by_fingerprint,
    export_enrolment,
    name_device,
    own_keys,
    pinned,
    public_keys,
    recover_vault,
    restore_coordinator_keys,
    role,
    set_role,
    write_key_backup,
)
from desktop.services.transfer_export import Cancelled, ExportResult, export_bundle
from desktop.services.transfer_import import (
    BundleOutcome,
    HeldBack,
    ImportReport,
    import_bundles,
    import_receipt,
    verify_bundle,
)
from desktop.vault import Vault

HELD_BACK = "refused by the coordinator, held back"


def delivery(vault: Vault, interview_id: str) -> str:
    """Where an interview made here stands on its way to the coordinator, in words for the list."""
    found = vault.transfer.delivery(interview_id)
    if found is None:
        return HELD_BACK if vault.transfer.is_held_back(interview_id) else "not sent"
    return "delivered" if found[0] == "delivered" else "sent, awaiting receipt"


def held_back(vault: Vault) -> int:
    """How many interviews the coordinator could not accept are held back from bundles (field vault)."""
    return len(vault.transfer.held_back())


def origin(vault: Vault, interview_id: str) -> str | None:
    """The device an interview came from (on a coordinator), or None for one made here."""
    return vault.transfer.origin(interview_id)


__all__ = [
    "HELD_BACK",
    "BundleOutcome",
    "Cancelled",
    "ExportResult",
    "HeldBack",
    "ImportReport",
    "create_vault",
    "delivery",
    "enrol",
    "enrolled_by_fingerprint",
    "export_bundle",
    "export_enrolment",
    "held_back",
    "import_bundles",
    "import_receipt",
    "name_device",
    "origin",
    "own_keys",
    "pinned",
    "public_keys",
    "recover_vault",
    "restore_coordinator_keys",
    "role",
    "set_role",
    "verify_bundle",
    "write_key_backup",
]
