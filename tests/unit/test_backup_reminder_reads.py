"""The backup reminder's check runs at every unlock, on the GUI thread: what it reads must not grow
with the audit log (a coordinator's gains an entry for every import). Counted, not timed: SQLite's
own count of the steps its statements take, on real SQLCipher vaults with a short and a long log.
(The time is in tests/benchmarks/bench_backup_reminder.py: 0.79 s and more at 100,000 entries before.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.services import backups
from desktop.vault import Vault
from tests.factories import make_interview, new_vault

LONG = 20_000


def _steps(vault: Vault, check) -> tuple[object, int]:
    """What ``check()`` returns, and how many SQLite steps (in thousands) it took on this thread."""
    count = [0]

    def tick() -> int:
        count[0] += 1
        return 0

    con = vault.connection()
    con.set_progress_handler(tick, 1000)
    try:
        result = check()
    finally:
        con.set_progress_handler(None, 1000)
    return result, count[0]


def _vault(tmp_path, name: str, entries: int, *, copied: bool, deleted: bool = False) -> Vault:
    vault = new_vault(tmp_path / name)
    vault.interviews.add(make_interview("One."))
    if copied:
        (tmp_path / f"{name}-stick").mkdir()
        backups.backup_to_folder(vault, tmp_path / f"{name}-stick")
    if deleted:
        vault.audit.append("interview.deleted", f"{7:032x}")
    vault.audit.append_many("bundle.imported", [f"{i:032x}" for i in range(entries)])
    return vault


def test_whether_a_reminder_is_due_reads_the_same_however_long_the_log(tmp_path):
    short, long = _vault(tmp_path, "short", 10, copied=False), _vault(tmp_path, "long", LONG, copied=False)
    later = lambda: datetime.now(UTC) + timedelta(days=8)  # noqa: E731
    due_short, steps_short = _steps(short, lambda: backups.backup_due(short, now=later))
    due_long, steps_long = _steps(long, lambda: backups.backup_due(long, now=later))
    assert due_short is True and due_long is True  # never backed up, interviews for more than a week
    assert steps_long <= steps_short + 2, (steps_short, steps_long)


def test_deleted_since_the_copy_reads_the_same_however_long_the_log(tmp_path):
    short, long = _vault(tmp_path, "short", 10, copied=True), _vault(tmp_path, "long", LONG, copied=True)
    gone = _vault(tmp_path, "gone", LONG, copied=True, deleted=True)
    found_short, steps_short = _steps(short, lambda: backups.deleted_since_backup(short))
    found_long, steps_long = _steps(long, lambda: backups.deleted_since_backup(long))
    found_gone, steps_gone = _steps(gone, lambda: backups.deleted_since_backup(gone))
    assert found_short is None and found_long is None and found_gone is not None
    assert max(steps_long, steps_gone) <= steps_short + 2, (steps_short, steps_long, steps_gone)
