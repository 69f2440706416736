"""Deleted interviews and the copies on a stick: a copy made before a deletion still holds what was
deleted, Witnessbox says so, and a new backup replaces the older copies of this vault on that stick,
only once the new copy has read back. A stick pulled while the new copy is written keeps its older
copy whole; one pulled while an older copy is deleted is finished by the next backup. Real vaults,
real files."""

from __future__ import annotations

import errno
import hashlib
import pathlib

import pytest

from desktop.services import backups
from desktop.services.errors import Refused
from desktop.services.interviews import delete_interview
from desktop.transfer import stick as stick_writer
from desktop.vault import Vault
from tests.factories import PASSPHRASE, new_vault, sample_interview

KEPT, GONE = "a" * 32, "f" * 32


@pytest.fixture
def vault(tmp_path):
    v = new_vault(tmp_path / "vault")
    v.interviews.add(sample_interview(reference="WB-KEEP-0001", id=KEPT))
    v.interviews.add(sample_interview(reference="WB-GONE-0001", id=GONE))
    yield v
    v.lock()


@pytest.fixture
def stick(tmp_path):
    d = tmp_path / "stick"
    d.mkdir()
    return d


def fingerprint(folder: pathlib.Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def held_in(copy: pathlib.Path, tmp_path: pathlib.Path, name: str) -> set[str]:
    """The interview ids a copy on the stick holds, read by restoring it into a new vault."""
    target = tmp_path / name
    backups.restore_copy(copy, target, PASSPHRASE)
    v = Vault.unlock(target, PASSPHRASE)
    try:
        return {iid for iid in (KEPT, GONE) if v.interviews.exists(iid)}
    finally:
        v.lock()


def test_a_deletion_after_a_copy_is_told_and_a_new_backup_replaces_the_older_copy(vault, stick, tmp_path):
    assert backups.deleted_since_backup(vault) is None
    first = backups.backup_to_folder(vault, stick)
    assert backups.deleted_since_backup(vault) is None  # nothing deleted since

    delete_interview(vault, GONE)
    when = backups.deleted_since_backup(vault)
    assert when is not None and when >= first.made_at
    assert held_in(first.folder, tmp_path, "from-first") == {KEPT, GONE}  # the stick still holds it

    second = backups.backup_to_folder(vault, stick, replace=True)
    assert (second.replaced, second.left) == (1, 0)
    assert [p.name for p in stick.iterdir()] == [second.folder.name]  # the older copy is gone
    assert held_in(second.folder, tmp_path, "from-second") == {KEPT}
    assert backups.deleted_since_backup(vault) is None
    assert "vault.backup_copies_replaced" in [e.action for e in vault.audit.entries()]


def test_without_replace_the_older_copy_stays(vault, stick):
    first = backups.backup_to_folder(vault, stick)
    delete_interview(vault, GONE)
    second = backups.backup_to_folder(vault, stick)
    assert (second.replaced, second.left) == (0, 0) and first.folder.is_dir()
    assert backups.older_copies(stick, backups.copy_vault_id(second.folder), besides=second.folder) == [first.folder]


def test_a_retention_purge_and_a_removed_attachment_count_as_deletions(vault, stick):
    backups.backup_to_folder(vault, stick)
    vault.interviews.purge([GONE])
    assert backups.deleted_since_backup(vault) is not None
    backups.backup_to_folder(vault, stick, replace=True)
    assert backups.deleted_since_backup(vault) is None
    attachment = vault.attachments.add(KEPT, b"\x89PNG made-up letter", "letter.png", "image/png")
    backups.backup_to_folder(vault, stick, replace=True)
    vault.attachments.delete(attachment.id)
    assert backups.deleted_since_backup(vault) is not None


def test_copies_of_another_vault_and_other_files_on_the_stick_are_never_touched(vault, stick, tmp_path):
    other = new_vault(tmp_path / "another worker's vault")
    try:
        theirs = backups.backup_to_folder(other, stick)
    finally:
        other.lock()
    (stick / "notes.txt").write_text("someone's own file")
    (stick / "Witnessbox-backup-not-a-vault").mkdir()
    theirs_before = fingerprint(theirs.folder)
    backups.backup_to_folder(vault, stick)
    made = backups.backup_to_folder(vault, stick, replace=True)
    assert made.replaced == 1
    assert sorted(p.name for p in stick.iterdir()) == sorted(
        [made.folder.name, theirs.folder.name, "notes.txt", "Witnessbox-backup-not-a-vault"])
    assert fingerprint(theirs.folder) == theirs_before


def test_a_stick_pulled_while_the_new_copy_is_written_keeps_the_older_copy_whole(vault, stick, tmp_path,
                                                                                 monkeypatch):
    first = backups.backup_to_folder(vault, stick)
    before = fingerprint(first.folder)
    delete_interview(vault, GONE)
    real = stick_writer.write_to_stick

    def pulled_half_way(folder, name, produce, **kw):  # noqa: ANN001, ANN202
        """The real stick writer, but the stick goes after the first 64 KiB of the database."""
        if name != "vault.db":
            return real(folder, name, produce, **kw)

        class Pulled:
            def __init__(self, sink) -> None:  # noqa: ANN001
                self.sink, self.n = sink, 0

            def write(self, chunk: bytes) -> None:
                if self.n + len(chunk) > 64 * 1024:
                    raise OSError(errno.EIO, "Input/output error")
                self.sink.write(chunk)
                self.n += len(chunk)

        return real(folder, name, lambda sink: produce(Pulled(sink)), **kw)

    monkeypatch.setattr(backups, "write_to_stick", pulled_half_way)
    with pytest.raises(Refused, match="stick"):
        backups.backup_to_folder(vault, stick, replace=True)
    assert [p.name for p in stick.iterdir()] == [first.folder.name]  # no half copy, the old one kept
    assert fingerprint(first.folder) == before
    assert held_in(first.folder, tmp_path, "after-the-pull") == {KEPT, GONE}  # still a good copy
    assert backups.deleted_since_backup(vault) is not None  # and the worker is still told


def test_a_stick_pulled_while_an_older_copy_is_deleted_is_finished_by_the_next_backup(vault, stick, tmp_path,
                                                                                       monkeypatch):
    first = backups.backup_to_folder(vault, stick)
    delete_interview(vault, GONE)
    real_unlink = pathlib.Path.unlink

    def stick_gone_before_the_key_file(self, missing_ok=False):  # noqa: ANN001, ANN202
        if self.name == "keyslot.json" and self.parent == first.folder:
            raise OSError(errno.EIO, "Input/output error")
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(pathlib.Path, "unlink", stick_gone_before_the_key_file)
    second = backups.backup_to_folder(vault, stick, replace=True)
    assert (second.replaced, second.left) == (0, 1)
    # The database went first: what is left of the older copy holds no interview, and the new copy is whole.
    assert [p.name for p in first.folder.iterdir()] == ["keyslot.json"]
    assert held_in(second.folder, tmp_path, "new-copy") == {KEPT}

    monkeypatch.setattr(pathlib.Path, "unlink", real_unlink)
    third = backups.backup_to_folder(vault, stick, replace=True)
    assert (third.replaced, third.left) == (2, 0)
    assert [p.name for p in stick.iterdir()] == [third.folder.name]


def test_after_is_read_from_the_audit_log_not_from_a_wrong_clock(vault, stick):
    from datetime import UTC, datetime

    ahead = datetime(2031, 1, 1, tzinfo=UTC)  # the laptop's clock was years ahead when the copy was made
    backups.backup_to_folder(vault, stick, now=lambda: ahead)
    delete_interview(vault, GONE)
    assert backups.deleted_since_backup(vault) is not None
    backups.backup_to_folder(vault, stick, replace=True, now=lambda: datetime(2020, 1, 1, tzinfo=UTC))
    assert backups.deleted_since_backup(vault) is None
