"""The coordinator's import in the real window, as on a Friday afternoon: a stick with bundles from
several laptops, some refused. Real vaults (SQLCipher), real age bundles in a folder standing in for
the stick; only the folder chooser is replaced."""

from __future__ import annotations

import errno
import os

import pytest

from PySide6.QtCore import Qt

from desktop.services import transfer
from desktop.transfer import stick as stick_module
from desktop.vault import Vault
from tests.factories import FAST_KDF, make_interview
from tests.ui.driving import PASSPHRASE, Chooser, create_vault, fits

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(make_window, qtbot):
    w = make_window(choose_stick_folder=Chooser(), choose_enrolment_file=Chooser())
    qtbot.mouseClick(w.create_page.role_coordinator, LEFT)
    create_vault(qtbot, w)
    return w


def _laptop(tmp_path, coord: Vault, name: str, *, enrolled: bool = True) -> Vault:
    field = transfer.create_vault(tmp_path / name, PASSPHRASE, "field", kdf=FAST_KDF)
    f, c = transfer.public_keys(field), transfer.public_keys(coord)
    if enrolled:
        transfer.enrol(coord, f.to_json(), f.fingerprint)
    transfer.enrol(field, c.to_json(), c.fingerprint)
    return field


def _bundles(field: Vault, stick, n: int) -> list:
    out = []
    for k in range(n):
        field.interviews.add(make_interview(f"Interview {k}: the officer asked about my visa."))
        out.append(transfer.export_bundle(field, stick))
    return out


def test_a_refused_bundle_is_listed_before_the_bundles_that_arrived(qtbot, window, tmp_path):
    """Seen under Xvfb at 1100x720: ten bundles' lines came in file-name order, so a refusal could sit
    below the fold of arrivals in a list that scrolls, under 'Receipts were written onto the stick'."""
    stick = tmp_path / "stick"
    stick.mkdir()
    known = _laptop(tmp_path, window.vault, "amira")
    stranger = _laptop(tmp_path, window.vault, "stranger", enrolled=False)
    _bundles(known, stick, 3)
    (unknown,) = _bundles(stranger, stick, 1)
    unknown.path.rename(stick / ("WBB1-" + "f" * 32 + ".age"))  # its name sorts after every other
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("Arrived: 3. Already there: 0. Refused: 1.")
    lines = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert len(lines) == 4 and "refused" in lines[0] and "not enrolled here" in lines[0]
    assert all(line.startswith("Laptop ") and ": arrived, " in line for line in lines[1:])
    known.lock()
    stranger.lock()


def test_a_stick_that_fills_when_the_receipts_are_written_is_said_as_an_alert(qtbot, window, tmp_path, monkeypatch):
    """The import itself succeeds; the stick then has no room for the receipts. The coordinator must not
    hand it back believing the receipts are on it."""
    stick = tmp_path / "stick"
    stick.mkdir()
    field = _laptop(tmp_path, window.vault, "amira")
    _bundles(field, stick, 2)
    before = sorted(os.listdir(stick))

    def full(self, data):  # where the product writes the receipt's bytes onto the stick
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(stick_module._HashingFile, "write", full)
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("Arrived: 2. Already there: 0. Refused: 0.")
    assert "Receipts were written" not in dialog.status.text()
    assert not dialog.alert.isHidden()
    assert dialog.alert.text().startswith("No receipt could be written onto the stick for 2 bundles")
    assert "What arrived is imported" in dialog.alert.text()
    assert sorted(os.listdir(stick)) == before  # no receipt, no half-written file
    assert window.vault.interviews.count() == 2
    field.lock()


def test_a_full_stick_whose_bundles_were_all_there_already_does_not_say_something_arrived(
    qtbot, window, tmp_path, monkeypatch
):
    """Imported before without receipts, then again on a stick with no room for them: nothing arrived, and
    the alert said "What arrived is imported" all the same."""
    stick = tmp_path / "stick"
    stick.mkdir()
    field = _laptop(tmp_path, window.vault, "amira")
    _bundles(field, stick, 2)
    transfer.import_bundles(window.vault, stick, receipts=False)  # imported on Wednesday, no receipts then

    def full(self, data):  # where the product writes the receipt's bytes onto the stick
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(stick_module._HashingFile, "write", full)
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("Arrived: 0. Already there: 2. Refused: 0.")
    assert dialog.alert.text().startswith("No receipt could be written onto the stick for 2 bundles")
    assert "arrived is imported" not in dialog.alert.text()
    assert "Nothing new arrived from it." in dialog.alert.text() and "import it again" in dialog.alert.text()
    field.lock()


def test_a_bundle_already_there_says_which_laptop_it_came_from(qtbot, window, tmp_path):
    """Seen under Xvfb: on a stick with bundles from several laptops, each arrival named its laptop but a
    bundle already imported said only its file name, so the coordinator could not tell whose it was."""
    stick = tmp_path / "stick"
    stick.mkdir()
    amira, bogdan = _laptop(tmp_path, window.vault, "amira"), _laptop(tmp_path, window.vault, "bogdan")
    _bundles(amira, stick, 1)
    _bundles(bogdan, stick, 1)
    transfer.import_bundles(window.vault, stick, receipts=False)  # imported on Wednesday
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("Arrived: 0. Already there: 2. Refused: 0.")
    lines = sorted(dialog.results.item(i).text() for i in range(dialog.results.count()))
    labels = sorted("Laptop " + " ".join(transfer.public_keys(f).fingerprint.split()[:2]) for f in (amira, bogdan))
    assert lines == [f"{label}: already there; nothing changed." for label in labels]
    amira.lock()
    bogdan.lock()


def test_the_stick_handed_back_says_another_workers_receipts_are_theirs_not_refused(qtbot, make_window, tmp_path):
    """The Friday stick goes back to the workers with every laptop's receipts on it. Taking them in on
    Amira's laptop counted Bogdan's receipt as 'refused' ('not sent from this vault'): a careful worker
    would think something went wrong. It is another laptop's, and said so; nothing is marked by it."""
    window = make_window(choose_stick_folder=Chooser(), choose_enrolment_file=Chooser())
    create_vault(qtbot, window)  # a worker's laptop
    amira = window.vault
    coord = transfer.create_vault(tmp_path / "coord", PASSPHRASE, "coordinator", kdf=FAST_KDF)
    a, c = transfer.public_keys(amira), transfer.public_keys(coord)
    transfer.enrol(coord, a.to_json(), a.fingerprint)
    transfer.enrol(amira, c.to_json(), c.fingerprint)
    bogdan = _laptop(tmp_path, coord, "bogdan")
    stick = tmp_path / "stick"
    stick.mkdir()
    _bundles(amira, stick, 1)
    _bundles(bogdan, stick, 1)
    assert transfer.import_bundles(coord, stick).count("imported") == 2
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text() == "1 interview marked delivered to the coordinator. Receipts refused: 0."
    lines = sorted(dialog.results.item(i).text().split(": ", 1)[1] for i in range(dialog.results.count()))
    assert lines == ["1 interview marked delivered.", "for a bundle another laptop sent; nothing to do here."]
    assert dialog.alert.isHidden()
    bogdan.lock()
    coord.lock()


def test_a_stick_imported_again_says_its_receipts_are_there_already_not_written(qtbot, window, tmp_path):
    """Seen under Xvfb: importing the Friday stick a second time wrote nothing new, yet said 'Receipts were
    written onto the stick'. It now says they are on it already (still: give it back)."""
    stick = tmp_path / "stick"
    stick.mkdir()
    field = _laptop(tmp_path, window.vault, "amira")
    _bundles(field, stick, 2)
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert "Receipts were written onto the stick: eject it and give it back" in dialog.status.text()
    receipts = sorted(os.listdir(stick))
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text() == (
        "Arrived: 0. Already there: 2. Refused: 0. "
        "Their receipts are on the stick already: eject it and give it back to the worker."
    )
    assert sorted(os.listdir(stick)) == receipts
    field.lock()


def test_a_stick_with_several_laptops_bundles_is_passed_round_them_all(qtbot, window, tmp_path):
    """The Friday stick carried three workers' bundles; the import said 'give it back to the worker', yet
    each of them must take in their own receipts from it (another laptop's are no refusal there)."""
    stick = tmp_path / "stick"
    stick.mkdir()
    laptops = [_laptop(tmp_path, window.vault, name) for name in ("amira", "bogdan", "chen")]
    for field in laptops:
        _bundles(field, stick, 1)
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text() == (
        "Arrived: 3. Already there: 0. Refused: 0. Receipts were written onto the stick: "
        "eject it and pass it round the 3 workers whose bundles it carried."
    )
    for field in laptops:
        field.lock()


def test_ten_bundles_results_are_read_without_scrolling_on_a_screen_with_room(qtbot, window, tmp_path):
    """Seen under Xvfb at 1100x720: the dialog opened at 640x440 and kept that size, so the Friday
    stick's ten result lines scrolled in a small box though the screen had room for them all."""

    stick = tmp_path / "stick"
    stick.mkdir()
    laptops = [_laptop(tmp_path, window.vault, name) for name in ("amira", "bogdan", "chen")]
    for field, n in zip(laptops, (4, 3, 3), strict=True):
        _bundles(field, stick, n)
    dialog = window.transfer.import_stick()
    qtbot.waitExposed(dialog)
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("Arrived: 10.")
    qtbot.wait(50)  # laid out
    assert dialog.results.count() == 10
    assert dialog.results.verticalScrollBar().maximum() == 0, "every line shown, nothing to scroll"
    assert fits(dialog)
    room = dialog.screen().availableGeometry()
    assert room.contains(dialog.frameGeometry().topLeft())
    for field in laptops:
        field.lock()


def test_the_dialog_grown_for_its_results_leaves_no_blank_space_below_the_list(qtbot, window, tmp_path):
    """Seen under Xvfb at 1100x720: grown wider for its ten lines, the dialog kept the height it opened with
    (fitted to the lines as they wrapped in the narrow list), leaving 44 px of blank list below the last."""
    stick = tmp_path / "stick"
    stick.mkdir()
    laptops = [_laptop(tmp_path, window.vault, name) for name in ("amira", "bogdan", "chen")]
    for field, n in zip(laptops, (4, 3, 3), strict=True):
        _bundles(field, stick, n)
    dialog = window.transfer.import_stick()
    qtbot.waitExposed(dialog)
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    qtbot.wait(50)  # laid out
    results = dialog.results
    assert results.verticalScrollBar().maximum() == 0
    last = results.visualItemRect(results.item(results.count() - 1))
    blank = results.viewport().height() - (last.bottom() + 1)
    assert 0 <= blank <= 8, f"{blank} px of blank list below the last line"
    for field in laptops:
        field.lock()


def test_each_line_leads_with_the_laptop_when_it_was_sent_and_how_many_not_the_file_name(qtbot, window, tmp_path):
    """Seen under Xvfb: every line began with a 37-character file name ('WBB1-…age'), which says nothing
    to a coordinator. It leads with the laptop, when the bundle was sent (local time) and how many
    interviews; the file name stays, as a detail, on the line's tooltip (and in a refusal's text)."""
    from datetime import UTC, datetime

    from desktop.services.transfer_screens import sent_text
    from desktop.transfer.bundle import is_bundle_file_name

    stick = tmp_path / "stick"
    stick.mkdir()
    amira = _laptop(tmp_path, window.vault, "amira")
    amira.interviews.add(make_interview("Interview A: the officer asked about my visa."))
    amira.interviews.add(make_interview("Interview B: the officer asked about my visa."))
    before = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    two = transfer.export_bundle(amira, stick)
    (one,) = _bundles(amira, stick, 1)
    after = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    when = {sent_text(before), sent_text(after)}  # the same, unless the minute turned meanwhile
    assert all(is_bundle_file_name(n) for n in os.listdir(stick))  # file names say nothing, as before
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    label = "Laptop " + " ".join(transfer.public_keys(amira).fingerprint.split()[:2])
    items = [dialog.results.item(i) for i in range(dialog.results.count())]
    texts = [i.text() for i in items]
    assert len(texts) == 2 and all(t.startswith(f"{label}, sent ") for t in texts)
    assert {t.split(", sent ", 1)[1].split(": ", 1)[0] for t in texts} <= when
    assert [t.split(": ", 1)[1] for t in texts] == [
        "arrived, 2 interviews new or changed.",
        "arrived, 1 interview new or changed.",
    ]
    assert [i.toolTip() for i in items] == [f"File on the stick: {b.path.name}" for b in (two, one)]
    assert not any("WBB1-" in t for t in texts)
    amira.lock()


def test_a_refusal_says_what_is_known_of_the_laptop_and_what_to_do_next(qtbot, window, tmp_path):
    """Seen under Xvfb: a damaged bundle and one from a laptop not enrolled both read 'an unknown laptop',
    and the second said to enrol 'the device' without how (its fingerprint is not in the bundle: it is
    read off that laptop's screen). Each says what can be known and the coordinator's next step here."""
    stick = tmp_path / "stick"
    stick.mkdir()
    amira = _laptop(tmp_path, window.vault, "amira")
    stranger = _laptop(tmp_path, window.vault, "stranger", enrolled=False)
    (damaged,) = _bundles(amira, stick, 1)
    _bundles(stranger, stick, 1)
    data = bytearray(damaged.path.read_bytes())
    body = data.index(b"\n", data.index(b"\n--- ") + 1) + 1  # the age payload, after its header
    data[body + 40] ^= 0xFF
    damaged.path.write_bytes(bytes(data))
    dialog = window.transfer.import_stick()
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert dialog.status.text().startswith("Arrived: 0. Already there: 0. Refused: 2.")
    lines = sorted(dialog.results.item(i).text() for i in range(dialog.results.count()))
    unenrolled, broken = lines
    assert broken.startswith("A laptop that cannot be told from the damaged file: refused. This bundle was changed")
    assert "“Sent, awaiting receipt”" in broken and broken.endswith(f"(File {damaged.path.name}.)")
    assert unenrolled.startswith("A laptop not enrolled here: refused. ")
    assert "press Devices, choose “Enrol a device…” with that file and type the fingerprint" in unenrolled
    assert "read its fingerprint aloud" in unenrolled and "import this stick again" in unenrolled
    for line in lines:  # nothing internal: no device id, no fingerprint of this vault
        assert transfer.public_keys(stranger).device_id not in line and "WBB1-" not in line.split("(File ")[0]
    amira.lock()
    stranger.lock()
