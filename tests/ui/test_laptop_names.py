"""The coordinator names enrolled laptops in the real Devices window, at enrolment and later in the list,
and the import window then leads with that name, the fingerprint beside it. Real vaults (SQLCipher), real
bundles in a folder standing in for the stick; only the file and folder choosers are replaced."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.services import transfer
from desktop.vault import Vault
from tests.factories import FAST_KDF, make_interview
from tests.ui.driving import PASSPHRASE, Chooser, create_vault

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def file_chooser() -> Chooser:
    return Chooser()


@pytest.fixture
def window(make_window, qtbot, file_chooser):
    w = make_window(choose_stick_folder=Chooser(), choose_enrolment_file=file_chooser)
    qtbot.mouseClick(w.create_page.role_coordinator, LEFT)
    create_vault(qtbot, w)
    return w


def _field(tmp_path, coord: Vault, name: str) -> Vault:
    field = transfer.create_vault(tmp_path / name, PASSPHRASE, "field", kdf=FAST_KDF)
    c = transfer.public_keys(coord)
    transfer.enrol(field, c.to_json(), c.fingerprint)
    return field


def _short(vault: Vault) -> str:
    return "Laptop " + " ".join(transfer.public_keys(vault).fingerprint.split(" ")[:2])


def _rename(qtbot, dialog, row: int, text: str) -> None:
    """As the coordinator does: the name's cell, F2, type, Enter."""
    dialog.devices.setFocus()
    dialog.devices.setCurrentCell(row, 0)
    qtbot.keyClick(dialog.devices, Qt.Key.Key_F2)
    (editor,) = dialog.devices.viewport().findChildren(QLineEdit)  # an editor opened on the name
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.devices.viewport().findChildren(QLineEdit))  # committed, closed


def test_a_laptop_named_at_enrolment_and_renamed_in_the_list_is_named_so_on_import(
    qtbot, window, file_chooser, tmp_path
):
    field = _field(tmp_path, window.vault, "amira")
    stick = tmp_path / "stick"
    stick.mkdir()
    file_chooser.path = transfer.export_enrolment(field, stick / "worker.json")
    dialog = window.transfer.devices()
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert dialog.name.isVisible()
    qtbot.keyClicks(dialog.typed, transfer.public_keys(field).fingerprint)
    qtbot.keyClicks(dialog.name, "Leeds office")
    qtbot.mouseClick(dialog.enrol_button, LEFT)
    assert dialog.status.text().endswith(f"show as from \u201cLeeds office ({_short(field)})\u201d.")
    assert dialog.devices.item(0, 0).text() == "Leeds office"
    assert dialog.devices.item(0, 1).text() == f"{_short(field)} (worker)"  # the fingerprint stays beside it
    assert not dialog.name.isVisible() and dialog.name.text() == ""

    _rename(qtbot, dialog, 0, "Outreach laptop 3")
    assert dialog.devices.item(0, 0).text() == "Outreach laptop 3"
    assert window.vault.transfer.peers()[0].name == "Outreach laptop 3"
    assert "Named \u201cOutreach laptop 3\u201d" in dialog.status.text()
    _rename(qtbot, dialog, 0, "A name far too long for anybody's list of laptops")
    assert dialog.status.text().startswith("A laptop's name is at most 40 characters")
    assert dialog.devices.item(0, 0).text() == "Outreach laptop 3"  # as it was: nothing changed
    assert window.vault.transfer.peers()[0].name == "Outreach laptop 3"
    dialog.close()

    for k in (1, 2, 3):
        field.interviews.add(make_interview(f"Interview {k}: the officer asked about my visa."))
        sent = transfer.export_bundle(field, stick)
        if k == 2:
            sent.path.unlink()  # lost on the way: the coordinator is told which laptop still owes it
    importer = window.transfer.import_stick()
    importer.set_folder(stick)
    qtbot.mouseClick(importer.start_button, LEFT)
    lines = [importer.results.item(i).text() for i in range(importer.results.count())]
    assert len(lines) == 3
    assert all(line.startswith(f"Outreach laptop 3 ({_short(field)}), sent ") for line in lines[:2])
    assert lines[2] == f"Still missing from Outreach laptop 3 ({_short(field)}): bundle number 2."
    importer.close()
    field.lock()


def test_a_worker_cannot_name_the_coordinator(qtbot, make_window, file_chooser, tmp_path):
    w = make_window(choose_stick_folder=Chooser(), choose_enrolment_file=file_chooser)
    create_vault(qtbot, w)  # a field vault
    coord = transfer.create_vault(tmp_path / "coord", PASSPHRASE, "coordinator", kdf=FAST_KDF)
    file_chooser.path = transfer.export_enrolment(coord, tmp_path / "coord.json")
    dialog = w.transfer.devices()
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert dialog.typed.isVisible() and not dialog.name.isVisible()
    assert dialog.devices.isColumnHidden(0)
    coord.lock()
