"""The evidence pack from the coordinator's window: a real coordinator vault of named interviews, the
real window's "Evidence pack…" button, a real pack written and read back (its signature and sums by
``verify_pack``, its statements by pdftotext). Only the folder chooser is replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from desktop.core.model import CrimeType
from desktop.services import transfer
from desktop.services.pack_verify import verify_pack
from tests.evidence_vaults import home_office_ref, known_interviews, person_name
from tests.factories import FAST_KDF
from tests.pdf_tools import pdftotext
from tests.ui.driving import PASSPHRASE, unlock
from tests.ui.unwritable import NOT_ALLOWED, READ_ONLY, UNWRITABLE, needs_unwritable

LEFT = Qt.MouseButton.LeftButton
COUNTED = [("kent", CrimeType.HATE_CRIME, 2019, 3), ("dorset", CrimeType.DOMESTIC_ABUSE, 2020, 2)]
UNCOUNTED = [("essex", CrimeType.DOMESTIC_ABUSE, 2018, 2)]


class Chooser:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path

    def __call__(self, _parent) -> Path | None:
        return self.path


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _vault(app_paths, role: str):
    v = transfer.create_vault(app_paths.default_vault_dir, PASSPHRASE, role, kdf=FAST_KDF)
    counted, others = known_interviews(COUNTED, UNCOUNTED)
    try:
        v.interviews.add_many(counted + others)
        fingerprint = transfer.public_keys(v).fingerprint
    finally:
        v.lock()
    return counted, others, fingerprint


@pytest.fixture
def coordinator(app_paths):
    return _vault(app_paths, "coordinator")


def _open_pack(qtbot, make_window, out):
    window = make_window(choose_pack_folder=Chooser(out))
    unlock(qtbot, window)
    assert window.pack_button.isVisible()
    qtbot.mouseClick(window.pack_button, LEFT)
    dialog = window.pack.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.make_button.isEnabled()  # no folder chosen yet
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert dialog.folder_edit.text() == str(out)
    return window, dialog


def test_the_coordinator_makes_a_signed_pack_from_the_window_and_it_checks(qtbot, make_window, coordinator, out):
    counted, others, fingerprint = coordinator
    window, dialog = _open_pack(qtbot, make_window, out)
    dialog.name_edit.setText("pack-december")
    qtbot.mouseClick(dialog.make_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.working, timeout=60_000)
    pack = out / "pack-december"
    text = dialog.status.text()
    assert text.startswith(f"Wrote the evidence pack {pack}: {len(counted)} statements")
    assert fingerprint in text and "in person or on paper" in text
    assert dialog.progress.value() == dialog.progress.maximum() == len(counted)
    opened = []
    dialog._open_folder = lambda folder: opened.append(folder) or True  # the file manager, not started here
    assert dialog.open_button.isVisible()
    qtbot.mouseClick(dialog.open_button, LEFT)
    assert opened == [pack]

    check = verify_pack(pack, expected_fingerprint=fingerprint)
    assert check.ok, check.lines()
    statements = sorted((pack / "statements").iterdir())
    assert [p.name for p in statements] == sorted(f"{iv.reference}.pdf" for iv in counted)
    for path in statements:
        read = pdftotext(path.read_bytes())
        assert "officer asked for my papers" in read
    for n in range(len(counted) + len(others)):  # no name, no Home Office number, in any file of the pack
        for path in pack.rglob("*.pdf"):
            read = pdftotext(path.read_bytes())
            assert person_name(n) not in read and home_office_ref(n) not in read
    assert "pack_written" in " ".join(e.action for e in window.vault.audit.entries())


def test_a_pack_folder_that_exists_is_refused_in_plain_words_and_left_alone(qtbot, make_window, coordinator, out):
    (out / "taken").mkdir()
    (out / "taken" / "mine.txt").write_text("kept")
    _window, dialog = _open_pack(qtbot, make_window, out)
    dialog.name_edit.setText("taken")
    qtbot.mouseClick(dialog.make_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.working, timeout=60_000)
    assert dialog.status.text() == (
        "taken is already there. An evidence pack is always written into a new "
        "folder; choose another name. No evidence pack was made."
    )
    assert [p.name for p in out.iterdir()] == ["taken"]
    assert [p.name for p in (out / "taken").iterdir()] == ["mine.txt"]
    assert dialog.make_button.isEnabled() and dialog.name_edit.isEnabled() and not dialog.open_button.isVisible()


def test_stopping_the_pack_leaves_no_folder_and_says_so(qtbot, make_window, coordinator, out):
    _window, dialog = _open_pack(qtbot, make_window, out)
    dialog.name_edit.setText("stopped")
    # Stop is pressed as the first statement is written (the pool here runs the work at once).
    dialog._progress.moved.connect(lambda *_: dialog.cancel_button.isVisible() and dialog.cancel_button.click())
    qtbot.mouseClick(dialog.make_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.working, timeout=60_000)
    assert dialog.status.text() == "Cancelled: no evidence pack was made, and nothing of it is left in the folder."
    assert list(out.iterdir()) == []


def test_a_field_laptop_has_no_pack_button_and_locking_closes_the_dialog(
    qtbot, make_window, coordinator, out, app_paths, tmp_path
):
    window, dialog = _open_pack(qtbot, make_window, out)
    window.lock()
    assert not dialog.isVisible() and window.pack.dialog is None
    assert not window.pack_button.isVisible()
    field = make_window(choose_pack_folder=Chooser(out), vault_dir=_field(tmp_path))
    unlock(qtbot, field)
    assert field.send_button.isVisible() and not field.pack_button.isVisible()


def _field(tmp_path: Path) -> Path:
    folder = tmp_path / "field"
    transfer.create_vault(folder, PASSPHRASE, "field", kdf=FAST_KDF).lock()
    return folder


def test_before_anything_is_made_only_make_and_close_are_offered(qtbot, make_window, coordinator, out):
    """Seen under Xvfb: the dialog opened with Stop and Open folder showing beside Make evidence pack,
    though nothing was running and no pack had been made (a button box shows every button added to
    it). Stop is there only while the pack is being made, Open folder only once it is made."""
    _window, dialog = _open_pack(qtbot, make_window, out)
    qtbot.waitExposed(dialog)
    assert dialog.make_button.isVisible() and dialog.make_button.isEnabled()
    assert not dialog.cancel_button.isVisible() and not dialog.open_button.isVisible()


@needs_unwritable
def test_a_pack_in_a_folder_that_cannot_be_written_says_so(qtbot, make_window, coordinator):
    """It said "an unexpected problem", as if Witnessbox had failed, where the stick was locked."""
    _window, dialog = _open_pack(qtbot, make_window, UNWRITABLE)
    dialog.name_edit.setText("pack-december")
    qtbot.mouseClick(dialog.make_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.working, timeout=60_000)
    text = dialog.status.text()
    assert text.startswith((NOT_ALLOWED, READ_ONLY)) and text.endswith("No evidence pack was made."), text
    assert not (UNWRITABLE / "pack-december").exists()
