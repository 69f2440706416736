"""The export dialog, driven with qtbot over real statements written to a folder."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from desktop.core.model import ConsentUse, CrimeType
from desktop.reports.export import build_content
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.workers import TaskRunner
from tests.ui.conftest import FakeThreadPool
from tests.unit.test_statement_data import redact, sample_interview


@dataclass
class Summary:
    id: str
    reference: str
    consent_complaint: bool
    crime_type: CrimeType = CrimeType.DOMESTIC_ABUSE


def _setup(qtbot, n=3, without_consent=(1,), on_load=None):
    ivs = [sample_interview(reference=f"WB-UIEX-000{k}", id=f"{k:032x}") for k in range(n)]
    for k in without_consent:
        del ivs[k].consent[ConsentUse.COMPLAINT]
    by_id = {iv.id: iv for iv in ivs}

    def load(interview_id):
        if on_load:
            on_load(interview_id)
        iv = by_id[interview_id]
        return build_content(iv, redact(iv)), iv.known_strings()

    summaries = [Summary(iv.id, iv.reference, iv.has_consent(ConsentUse.COMPLAINT)) for iv in ivs]
    dialog = ExportDialog(summaries, load, TaskRunner(FakeThreadPool()), choose=lambda _p: None)
    qtbot.addWidget(dialog)
    return dialog, ivs


def test_exports_the_ticked_interviews_and_lists_fingerprints(qtbot, tmp_path):
    dialog, ivs = _setup(qtbot)
    out = tmp_path / "out"
    out.mkdir()
    assert not dialog.export_button.isEnabled()  # no folder yet
    assert dialog.selected_ids() == [ivs[0].id, ivs[2].id]  # the one without consent cannot be ticked
    assert not dialog.interviews.item(1).flags() & Qt.ItemFlag.ItemIsEnabled
    assert "no consent" in dialog.interviews.item(1).text()
    dialog.set_folder(out)
    assert dialog.export_button.isEnabled() and dialog.synced_warning.isHidden()
    with qtbot.waitSignal(dialog.export_finished, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert sorted(p.name for p in out.iterdir()) == ["WB-UIEX-0000.pdf", "WB-UIEX-0002.pdf"]
    rows = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert len(rows) == 2 and all("written" in r and "fingerprint" in r for r in rows)
    assert [dialog.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)] == [
        r.fingerprint for r in result.written]
    assert dialog.progress.value() == dialog.progress.maximum() == 2
    assert "2 written" in dialog.status.text()


def test_a_synced_folder_is_warned_about(qtbot, tmp_path):
    dialog, _ = _setup(qtbot)
    synced = tmp_path / "OneDrive - Charity" / "statements"
    synced.mkdir(parents=True)
    dialog.set_folder(synced)
    assert not dialog.synced_warning.isHidden()
    assert "OneDrive - Charity" in dialog.synced_warning.text()


def test_cancel_stops_between_statements(qtbot, tmp_path):
    holder = {}

    def on_load(_id):
        # the worker reaches its second statement: the worker presses Cancel
        holder.setdefault("n", 0)
        holder["n"] += 1
        if holder["n"] == 2:
            qtbot.mouseClick(holder["dialog"].cancel_button, Qt.MouseButton.LeftButton)

    dialog, _ = _setup(qtbot, n=4, without_consent=(), on_load=on_load)
    holder["dialog"] = dialog
    dialog.set_folder(tmp_path)
    with qtbot.waitSignal(dialog.export_finished, timeout=30000) as blocker:
        dialog.start_export()
    result = blocker.args[0]
    assert result.cancelled and len(result.written) == 2
    assert "Cancelled" in dialog.status.text()
    assert dialog.cancel_button.isHidden()


def test_signing_copy_needs_confirmation_and_goes_only_to_the_chosen_file(qtbot, tmp_path):
    from desktop.ui.export_dialog import SigningCopyDialog
    from tests.unit.test_statement_data import pdftotext

    chosen: list = [None]
    dialog = SigningCopyDialog(sample_interview(), TaskRunner(FakeThreadPool()), choose=lambda _p: chosen[0])
    qtbot.addWidget(dialog)
    out = tmp_path / "out"
    out.mkdir()
    assert not dialog.save_button.isEnabled()
    dialog.confirm.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the worker closes the file chooser
    assert list(out.iterdir()) == [] and list((tmp_path / "tmp").iterdir()) == []
    chosen[0] = out / "for-signing.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in out.iterdir()] == ["for-signing.pdf"]
    text = " ".join(pdftotext(chosen[0].read_bytes()).split())
    assert "CONTAINS PERSONAL DATA" in text and "Agnieszka" in text


def test_a_closed_signing_copy_dialog_lets_go_of_the_statement(qtbot, tmp_path):
    """A lock closes the dialog while the copy is still being written: the dialog stays until the
    work reports back, but the unredacted interview is not kept with it."""
    import gc
    import weakref

    from desktop.ui.export_dialog import SigningCopyDialog
    from tests.ui.conftest import HeldThreadPool

    pool = HeldThreadPool()
    interview = sample_interview()
    held = weakref.ref(interview)
    dialog = SigningCopyDialog(interview, TaskRunner(pool), choose=lambda _p: tmp_path / "for-signing.pdf")
    qtbot.addWidget(dialog)
    del interview
    dialog.confirm.setChecked(True)
    dialog.save()
    dialog.reject()
    pool.release()
    gc.collect()
    assert held() is None
