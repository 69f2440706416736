"""The USB transfer screens in the real window: set-up role, Devices, Send to coordinator, Import from
stick, the list's delivery/origin column, and the lock emptying them. Real vaults (SQLCipher), real
age bundles on a folder standing in for the stick; only the folder and file choosers are replaced."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from desktop.services import transfer
from desktop.services.errors import Refused
from desktop.services.transfer_screens import import_from_stick
from desktop.ui.models import InterviewTableModel
from desktop.ui.transfer_dialogs import ImportDialog
from desktop.ui.workers import TaskRunner
from desktop.vault import Vault, WrongPassphrase
from tests.factories import FAST_KDF, sample_interview
from tests.ui.driving import PASSPHRASE, Chooser, FakeThreadPool, create_vault, unlock

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


@pytest.fixture
def choosers():
    return Chooser(), Chooser()


@pytest.fixture
def window(make_window, choosers):
    folder, file = choosers
    return make_window(choose_stick_folder=folder, choose_enrolment_file=file)


def coordinator(tmp_path: Path) -> Vault:
    return transfer.create_vault(tmp_path / "coord", PASSPHRASE, "coordinator", kdf=FAST_KDF)


def field_vault(tmp_path: Path, name: str = "field") -> Vault:
    return transfer.create_vault(tmp_path / name, PASSPHRASE, "field", kdf=FAST_KDF)


def enrol_both(field: Vault, coord: Vault) -> None:
    f, c = transfer.public_keys(field), transfer.public_keys(coord)
    transfer.enrol(coord, f.to_json(), f.fingerprint)
    transfer.enrol(field, c.to_json(), c.fingerprint)


def column(window, row: int = 0) -> str:
    model = window.list_page.model
    return model.data(model.index(row, InterviewTableModel.COL_TRANSFER))


# --- set-up ------------------------------------------------------------------------------------------


def test_set_up_makes_a_field_vault_by_default(qtbot, window):
    page = window.create_page
    assert page.role_field.isChecked() and not page.role_coordinator.isChecked()
    assert "takes interviews" in page.role_field.text().replace("&", "")
    create_vault(qtbot, window)
    assert transfer.role(window.vault) == "field"
    assert window.send_button.isVisible() and window.import_button.isVisible()
    assert window.list_page.model.headerData(InterviewTableModel.COL_TRANSFER, Qt.Orientation.Horizontal) == "Delivery"


def test_set_up_makes_a_coordinator_vault_when_asked_in_plain_words(qtbot, window):
    page = window.create_page
    assert "coordinator" in page.role_coordinator.text()
    qtbot.mouseClick(page.role_coordinator, LEFT)
    create_vault(qtbot, window)
    assert transfer.role(window.vault) == "coordinator"
    assert not window.send_button.isVisible() and window.import_button.isVisible()
    assert window.list_page.model.headerData(InterviewTableModel.COL_TRANSFER, Qt.Orientation.Horizontal) == "From"


# --- devices -----------------------------------------------------------------------------------------


def test_enrolment_needs_the_fingerprint_typed_and_can_allow_recovery(
    qtbot, window, choosers, stick, tmp_path, app_paths
):
    folder, file = choosers
    create_vault(qtbot, window)
    iv = sample_interview()
    window.vault.interviews.add(iv)
    coord = coordinator(tmp_path)
    mine = transfer.public_keys(window.vault)
    dialog = window.transfer.devices()
    assert dialog.isVisible()
    assert dialog.fingerprint_label.text() == mine.fingerprint
    assert "takes interviews" in dialog.role_label.text()
    assert not dialog.typed.isVisible() and not dialog.recovery.isVisible()

    # our enrolment file, for the coordinator, who types our fingerprint there
    folder.path = stick
    written = dialog.save_enrolment()
    assert written is not None and written.parent == stick.resolve()
    transfer.enrol(coord, written.read_bytes(), dialog.fingerprint_label.text())

    # the coordinator's file, and its fingerprint typed off "its screen"
    theirs = transfer.export_enrolment(coord, stick / "coordinator.json")
    file.path = theirs
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert dialog.typed.isVisible() and dialog.recovery.isVisible()
    assert not dialog.enrol_button.isEnabled()
    fp = transfer.public_keys(coord).fingerprint
    wrong = fp[:-1] + ("A" if fp[-1] != "A" else "B")
    qtbot.keyClicks(dialog.typed, wrong)
    assert not dialog.enrol_button.isEnabled()
    assert "does not match" in dialog.match_label.text()
    dialog.typed.setText("")
    qtbot.keyClicks(dialog.typed, fp.lower().replace(" ", "-"))
    assert dialog.enrol_button.isEnabled()
    dialog.recovery.setChecked(True)
    qtbot.mouseClick(dialog.enrol_button, LEFT)
    assert "Enrolled the coordinator" in dialog.status.text()
    assert dialog.devices.rowCount() == 1
    assert dialog.devices.item(0, 2).text() == fp
    assert dialog.devices.item(0, 4).text() == "Yes"
    assert dialog.typed.text() == "" and not dialog.enrol_button.isVisible()
    peer = transfer.pinned(window.vault, "coordinator")
    assert [k.fingerprint for k in peer.values()] == [fp]

    # the recovery slot works: the coordinator reopens the vault with a new passphrase
    window.lock()
    assert window.transfer.devices_dialog is None and not dialog.isVisible()
    transfer.recover_vault(coord, app_paths.default_vault_dir, "a brand new passphrase here", kdf=FAST_KDF)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(app_paths.default_vault_dir, PASSPHRASE)
    unlock(qtbot, window, "a brand new passphrase here")
    assert window.vault.interviews.exists(iv.id)
    coord.lock()


def test_a_file_that_is_not_an_enrolment_file_is_refused_in_plain_words(qtbot, window, choosers, stick):
    _folder, file = choosers
    create_vault(qtbot, window)
    dialog = window.transfer.devices()
    junk = stick / "notes.json"
    junk.write_text('{"hello": "there"}')
    file.path = junk
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert not dialog.typed.isVisible() and not dialog.enrol_button.isEnabled()
    assert "enrolment" in dialog.status.text().lower()


def test_a_coordinator_is_not_offered_the_recovery_box(qtbot, window, choosers, stick, tmp_path):
    _folder, file = choosers
    qtbot.mouseClick(window.create_page.role_coordinator, LEFT)
    create_vault(qtbot, window)
    field = field_vault(tmp_path)
    file.path = transfer.export_enrolment(field, stick / "worker.json")
    dialog = window.transfer.devices()
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert dialog.typed.isVisible() and not dialog.recovery.isVisible()
    qtbot.keyClicks(dialog.typed, transfer.public_keys(field).fingerprint)
    assert dialog.enrol() is True
    short = " ".join(transfer.public_keys(field).fingerprint.split(" ")[:2])
    assert dialog.devices.item(0, 1).text() == f"Laptop {short} (worker)"  # the name the list gives it
    assert dialog.status.text().endswith(f"Its interviews will show as from \u201cLaptop {short}\u201d.")
    assert dialog.devices.isColumnHidden(4)
    field.lock()


# --- send, receipts, the list ------------------------------------------------------------------------


def test_send_then_receipt_moves_the_list_from_not_sent_to_delivered(qtbot, window, choosers, stick, tmp_path):
    folder, _file = choosers
    create_vault(qtbot, window)
    coord = coordinator(tmp_path)
    enrol_both(window.vault, coord)
    for n in range(2):
        window.vault.interviews.add(sample_interview(reference=f"WB-SEND-000{n}", id=f"{n + 1:032x}"))
    window.list_page.refresh()
    assert {column(window, r) for r in range(2)} == {"Not sent"}

    folder.path = stick
    dialog = window.transfer.send()
    qtbot.mouseClick(dialog.choose_button, LEFT)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text() == (
        "2 interviews sent; they will be marked delivered when the coordinator's "
        "receipt comes back. Eject the stick before removing it."
    )
    assert len(list(stick.glob("WBB1-*.age"))) == 1
    assert {column(window, r) for r in range(2)} == {"Sent, awaiting receipt"}
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text() == "Nothing to send: everything here has been sent already."
    dialog.reject()

    report = transfer.import_bundles(coord, stick)
    assert report.count("imported") == 1
    box = window.transfer.import_stick()
    box.set_folder(stick)
    qtbot.mouseClick(box.start_button, LEFT)
    assert box.status.text().startswith("2 interviews marked delivered to the coordinator.")
    assert {column(window, r) for r in range(2)} == {"Delivered"}
    qtbot.mouseClick(box.start_button, LEFT)
    assert "already there" in box.results.item(0).text()
    coord.lock()


def test_send_without_a_coordinator_points_at_devices_and_other_refusals_are_the_services_words(
    qtbot, window, choosers, stick, tmp_path
):
    create_vault(qtbot, window)
    window.vault.interviews.add(sample_interview())
    with pytest.raises(Refused, match="witnessbox enrol"):  # the command line's way to enrol
        transfer.export_bundle(window.vault, stick)
    dialog = window.transfer.send()
    # said as the dialog opens, with the window's way to enrol, and nothing can be started
    text = dialog.status.text()
    assert "No coordinator is enrolled" in text and "Devices" in text and "Enrol a device" in text
    assert "witnessbox" not in text.lower()
    dialog.set_folder(stick)
    assert not dialog.start_button.isEnabled() and not dialog.choose_button.isEnabled()
    dialog.reject()
    coord = coordinator(tmp_path)
    enrol_both(window.vault, coord)
    dialog = window.transfer.send()
    assert dialog.status.text() == ""
    dialog.set_folder(tmp_path / "gone")
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert "does not exist" in dialog.status.text()
    assert list(stick.iterdir()) == []
    assert transfer.delivery(window.vault, window.vault.interviews.list_summaries()[0].id) == "not sent"
    coord.lock()


def test_cancel_while_sending_sends_nothing(qtbot, window, stick, tmp_path):
    create_vault(qtbot, window)
    coord = coordinator(tmp_path)
    enrol_both(window.vault, coord)
    window.vault.interviews.add(sample_interview())
    dialog = window.transfer.send()
    dialog.set_folder(stick)
    dialog._progress.moved.connect(lambda *_: dialog.cancel_button.click())  # pressed as the first item is read
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text() == "Sending was cancelled; nothing was sent."
    assert not list(stick.glob("WBB1-*"))
    assert transfer.delivery(window.vault, window.vault.interviews.list_summaries()[0].id) == "not sent"
    assert not dialog.cancel_button.isVisible() and dialog.start_button.isEnabled()
    coord.lock()


# --- import on the coordinator ---------------------------------------------------------------------


def test_import_shows_what_arrived_what_was_there_and_the_origin(qtbot, window, stick, tmp_path):
    qtbot.mouseClick(window.create_page.role_coordinator, LEFT)
    create_vault(qtbot, window)
    field = field_vault(tmp_path)
    enrol_both(field, window.vault)
    iv = sample_interview()
    field.interviews.add(iv)
    transfer.export_bundle(field, stick)
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("Arrived: 1. Already there: 0. Refused: 0.")
    assert "Receipts were written onto the stick" in dialog.status.text()
    assert not dialog.alert.isVisible()
    label = "Laptop " + " ".join(transfer.public_keys(field).fingerprint.split()[:2])
    assert label in dialog.results.item(0).text()
    assert column(window) == label
    assert iv.reference not in column(window)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("Arrived: 0. Already there: 1. Refused: 0.")
    field.lock()


def test_a_cloned_laptops_bundle_is_refused_with_a_prominent_alert(qtbot, tmp_path, stick):
    coord = coordinator(tmp_path)
    field = field_vault(tmp_path)
    enrol_both(field, coord)
    field.interviews.add(sample_interview(reference="WB-FORK-0001", id=f"{1:032x}"))
    field.lock()
    shutil.copytree(tmp_path / "field", tmp_path / "clone")
    field, clone = Vault.unlock(tmp_path / "field", PASSPHRASE), Vault.unlock(tmp_path / "clone", PASSPHRASE)
    transfer.export_bundle(field, stick)
    transfer.import_bundles(coord, stick)
    clone.interviews.add(sample_interview(reference="WB-FORK-0002", id=f"{2:032x}"))
    (stick / "second").mkdir()
    transfer.export_bundle(clone, stick / "second")
    dialog = ImportDialog(partial(import_from_stick, coord), TaskRunner(FakeThreadPool()), choose=lambda _p: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_folder(stick / "second")
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("Arrived: 0. Already there: 0. Refused: 1.")
    assert dialog.alert.isVisible() and "ALERT" in dialog.alert.text()
    assert "refused" in dialog.results.item(0).text()
    for v in (coord, field, clone):
        v.lock()


def test_a_restored_laptops_hand_over_is_said_on_both_screens_in_words(qtbot, tmp_path, stick):
    from desktop.services import backups
    from desktop.ui.transfer_dialogs import SendDialog

    coord = coordinator(tmp_path)
    field = field_vault(tmp_path)
    enrol_both(field, coord)
    old = transfer.public_keys(field)
    field.interviews.add(sample_interview(reference="WB-REST-0001", id=f"{1:032x}"))
    transfer.import_bundles(coord, transfer.export_bundle(field, stick).path)
    (tmp_path / "backup").mkdir()
    backups.backup_to_folder(field, tmp_path / "backup")
    field.lock()
    backups.restore_copy(tmp_path / "backup", tmp_path / "restored", PASSPHRASE)
    restored = Vault.unlock(tmp_path / "restored", PASSPHRASE)
    restored.interviews.add(sample_interview(reference="WB-REST-0002", id=f"{2:032x}"))
    (stick / "second").mkdir()

    send = SendDialog(partial(transfer.export_bundle, restored), TaskRunner(FakeThreadPool()), choose=lambda _p: None)
    qtbot.addWidget(send)
    send.show()
    send.set_folder(stick / "second")
    qtbot.mouseClick(send.start_button, LEFT)
    new = transfer.public_keys(restored)
    assert "restored from a backup" in send.status.text() and new.fingerprint in send.status.text()
    assert "bundle 1" in send.status.text()
    # the first interview's receipt never came back before the copy: it is sent again, and the worker is told why
    assert send.status.text().startswith("2 interviews sent")
    assert "1 interview sent before but not yet confirmed by a receipt" in send.status.text()
    assert "restored from a backup" in send.status.text().split("sent again")[1]

    dialog = ImportDialog(partial(import_from_stick, coord), TaskRunner(FakeThreadPool()), choose=lambda _p: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_folder(stick / "second")
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("Arrived: 1. Already there: 0. Refused: 0.")
    assert dialog.alert.isVisible() and "restored from a backup" in dialog.alert.text()
    assert old.fingerprint in dialog.alert.text() and "an unknown laptop" not in dialog.alert.text()
    texts = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert any("continue from bundle 1" in t for t in texts)
    assert coord.interviews.count() == 2

    from desktop.ui.devices_dialog import DevicesDialog

    devices = DevicesDialog(coord)
    qtbot.addWidget(devices)
    roles = {
        devices.devices.item(r, 2).text(): devices.devices.item(r, 1).text() for r in range(devices.devices.rowCount())
    }
    short = lambda fp: " ".join(fp.split(" ")[:2])  # noqa: E731
    assert roles[new.fingerprint] == (
        f"Laptop {short(new.fingerprint)} (worker; restored from a backup; continues "
        f"Laptop {short(old.fingerprint)} after its bundle 1)"
    )
    assert roles[old.fingerprint].startswith(
        f"Laptop {short(old.fingerprint)} (worker; replaced by Laptop {short(new.fingerprint)} on "
    )
    devices.drop()
    for v in (coord, restored):
        v.lock()


# --- the lock ---------------------------------------------------------------------------------------


def test_lock_closes_every_transfer_dialog_and_empties_them(qtbot, window, choosers, stick, tmp_path):
    _folder, file = choosers
    create_vault(qtbot, window)
    coord = coordinator(tmp_path)
    file.path = transfer.export_enrolment(coord, stick / "coordinator.json")
    devices = window.transfer.devices()
    qtbot.mouseClick(devices.choose_button, LEFT)
    qtbot.keyClicks(devices.typed, "ABCD")
    send = window.transfer.send()
    send.status.setText("something shown")
    qtbot.keyClick(send, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    assert not devices.isVisible() and not send.isVisible()
    assert devices.typed.text() == "" and devices.fingerprint_label.text() == ""
    assert devices.devices.rowCount() == 0 and send.status.text() == ""
    assert window.transfer.devices_dialog is None and window.transfer.send_dialog is None
    assert window.list_page.model.columnCount() == InterviewTableModel.COLUMN_COUNT
    assert not window.send_button.isVisible() and not window.devices_button.isVisible()
    coord.lock()


def test_every_transfer_control_has_an_accessible_name(qtbot, window, choosers, stick, tmp_path):
    from tests.ui.driving import unnamed_controls

    _folder, file = choosers
    create_vault(qtbot, window)
    coord = coordinator(tmp_path)
    file.path = transfer.export_enrolment(coord, stick / "coordinator.json")
    devices = window.transfer.devices()
    qtbot.mouseClick(devices.choose_button, LEFT)
    assert unnamed_controls(devices) == []
    for dialog in (window.transfer.send(), window.transfer.import_stick()):
        assert unnamed_controls(dialog) == []
    assert unnamed_controls(window) == []
    coord.lock()


# --- removing delivered interviews after the retention period -------------------------------------


def _button(box, text: str):
    [button] = [b for b in box.buttons() if b.text() == text]
    return button


def _delivered(qtbot, window, stick, tmp_path, n: int = 2) -> Vault:
    create_vault(qtbot, window)
    coord = coordinator(tmp_path)
    enrol_both(window.vault, coord)
    for i in range(n):
        window.vault.interviews.add(sample_interview(reference=f"WB-KEEP-000{i}", id=f"{i + 1:032x}"))
    transfer.export_bundle(window.vault, stick)
    assert transfer.import_bundles(coord, stick).count("imported") == 1
    coord.lock()
    return coord


def _import_receipts(qtbot, window, stick):
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    return dialog


def test_delivered_interviews_are_offered_for_removal_after_the_period_set_in_settings(qtbot, window, stick, tmp_path):
    _delivered(qtbot, window, stick, tmp_path)
    window.show_settings()
    settings = window.settings_dialog
    assert settings.retention is not None and settings.retention.value() == 30
    settings.retention.setValue(0)
    settings.accept()
    assert window.vault.settings.get("retention_days") == 0

    dialog = _import_receipts(qtbot, window, stick)
    assert dialog.status.text().startswith("2 interviews marked delivered")
    box = window.transfer.removal_box
    assert box is not None and box.isVisible()
    assert box.text() == "2 interviews were delivered. Remove them from this laptop?"
    qtbot.mouseClick(_button(box, "Not now"), LEFT)
    assert window.transfer.removal_box is None and window.vault.interviews.count() == 2  # asked, not removed

    dialog = _import_receipts(qtbot, window, stick)  # the receipt again: asked again
    box = window.transfer.removal_box
    assert box is not None
    qtbot.mouseClick(_button(box, "Remove"), LEFT)
    assert window.vault.interviews.count() == 0
    assert dialog.status.text() == "2 interviews removed from this laptop; the coordinator keeps them."
    assert window.list_page.model.rowCount() == 0
    assert ("interview.removed_delivered", f"{1:032x}") in [(e.action, e.target) for e in window.vault.audit.entries()]


def test_no_offer_inside_the_period_and_lock_closes_the_offer_without_removing(qtbot, window, stick, tmp_path):
    _delivered(qtbot, window, stick, tmp_path)
    _import_receipts(qtbot, window, stick)
    assert window.transfer.removal_box is None  # delivered today, kept 30 days: nothing asked
    window.vault.settings.set("retention_days", 0)
    _import_receipts(qtbot, window, stick)
    box = window.transfer.removal_box
    assert box is not None and box.isVisible()
    vault_dir = window.vault.directory
    qtbot.keyClick(box, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked and not box.isVisible() and window.transfer.removal_box is None
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    try:
        assert vault.interviews.count() == 2
    finally:
        vault.lock()


def test_a_coordinators_settings_have_no_retention_period(qtbot, tmp_path):
    from desktop.ui.settings_dialog import SettingsDialog

    coord = coordinator(tmp_path)
    try:
        dialog = SettingsDialog(coord)
        qtbot.addWidget(dialog)
        assert dialog.retention is None
        field = field_vault(tmp_path)
        other = SettingsDialog(field)
        qtbot.addWidget(other)
        assert other.retention is not None and other.retention.value() == 30
        field.lock()
    finally:
        coord.lock()


# --- a bundle the coordinator refused for one interview's record, on the worker's screens ------------
# The receipt's words in the import dialog's alert (which interview, that the rest goes again, what to
# do), the list's delivery column, and the next Send leaving that interview out, saying so, and offering
# to send it again unchanged.

# (a long file name is shortened on both sides and no longer refused: tests/unit/test_transfer_attachment_names.py)
BAD_MEDIA_TYPE = "image/" + "x" * 200  # longer than the record format allows


def test_a_refused_interview_is_held_back_and_said_so_in_words(qtbot, window, choosers, stick, tmp_path):
    folder, _file = choosers
    create_vault(qtbot, window)
    coord = coordinator(tmp_path)
    enrol_both(window.vault, coord)
    good = sample_interview(reference="WB-GOOD-0001", id=f"{1:032x}")
    bad = sample_interview(reference="WB-HELD-0002", id=f"{2:032x}")
    for iv in (good, bad):
        window.vault.interviews.add(iv)
    window.vault.attachments.add(bad.id, b"jpeg bytes", "letter.jpg", BAD_MEDIA_TYPE)
    window.list_page.refresh()

    folder.path = stick
    dialog = window.transfer.send()
    qtbot.mouseClick(dialog.choose_button, LEFT)
    qtbot.mouseClick(dialog.start_button, LEFT)
    dialog.reject()
    [outcome] = transfer.import_bundles(coord, stick).bundles
    assert outcome.status == "refused" and outcome.receipt

    box = window.transfer.import_stick()
    box.set_folder(stick)
    qtbot.mouseClick(box.start_button, LEFT)
    assert not box.alert.isHidden()  # shown prominently, as an alert
    alert = box.alert.text()
    assert "WB-HELD-0002" in alert and "held back" in alert and "The 1 other item in that bundle goes again" in alert
    assert "WB-HELD-0002" in box.results.item(0).text()
    box.reject()
    marks = {window.list_page.model.data(window.list_page.model.index(r, 0)): column(window, r) for r in range(2)}
    assert marks == {"WB-GOOD-0001": "Not sent", "WB-HELD-0002": "Refused by the coordinator, held back"}

    for old in stick.iterdir():
        old.unlink()
    dialog = window.transfer.send()
    assert dialog.send_held_back is not None and not dialog.send_held_back.isChecked()
    assert "1 interview the coordinator could not accept" in dialog.send_held_back.text()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    text = dialog.status.text()
    assert text.startswith("1 interview sent") and "could not accept is not in this bundle" in text
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text() == (
        "Nothing to send: everything here has been sent already, except the interviews "
        "the coordinator could not accept (see the box above)."
    )
    dialog.reject()

    # once Witnessbox is updated on the older laptop, the worker ticks the box and it goes, unchanged
    dialog = window.transfer.send()
    dialog.send_held_back.setChecked(True)
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("1 interview sent") and "could not accept" not in dialog.status.text()
    dialog.reject()
    window.list_page.refresh()
    marks = {window.list_page.model.data(window.list_page.model.index(r, 0)): column(window, r) for r in range(2)}
    assert marks["WB-HELD-0002"] == "Sent, awaiting receipt"
    assert window.transfer.send().send_held_back is None  # nothing held back: no box
    coord.lock()
