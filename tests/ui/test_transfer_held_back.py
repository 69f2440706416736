"""A bundle the coordinator refused for one interview's record, as the worker's screens show it: the
receipt's words in the import dialog's alert (which interview, that the rest goes again, what to do),
the list's delivery column, and the next Send leaving that interview out and saying so. Real vaults,
real bundles and receipts in a folder standing in for the stick; only the folder chooser is replaced."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import transfer
from tests.factories import sample_interview
from tests.ui.driving import create_vault
from tests.ui.test_transfer_screens import choosers, column, coordinator, enrol_both, stick, window  # noqa: F401

LEFT = Qt.MouseButton.LeftButton
LONG_NAME = "photo of the letter " * 15 + ".jpg"  # longer than the record format allows


def test_a_refused_interview_is_held_back_and_said_so_in_words(qtbot, window, choosers, stick, tmp_path):  # noqa: F811
    folder, _file = choosers
    create_vault(qtbot, window)
    coord = coordinator(tmp_path)
    enrol_both(window.vault, coord)
    good = sample_interview(reference="WB-GOOD-0001", id=f"{1:032x}")
    bad = sample_interview(reference="WB-HELD-0002", id=f"{2:032x}")
    for iv in (good, bad):
        window.vault.interviews.add(iv)
    window.vault.attachments.add(bad.id, b"jpeg bytes", LONG_NAME, "image/jpeg")
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
    assert dialog.status.text() == ("Nothing to send: everything here has been sent already, except the interviews "
                                    "the coordinator could not accept (see the box above).")
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
