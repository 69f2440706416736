"""What the window says when something is refused: the way to go on in the window itself, never a
command-line option or command a worker at the window cannot use. Real vaults, a folder for the stick."""

from __future__ import annotations

from pathlib import Path

from tests.ui.driving import create_vault


class Chooser:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, _parent) -> Path:
        return self.path


def test_saving_the_enrolment_file_again_to_the_same_stick_says_it_is_there(qtbot, make_window, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    window = make_window(choose_stick_folder=Chooser(stick))
    create_vault(qtbot, window)
    dialog = window.transfer.devices()
    first = dialog.save_enrolment()
    assert first is not None and first.parent == stick.resolve()
    content = first.read_bytes()
    again = dialog.save_enrolment()  # the worker presses it again, not sure it worked
    text = dialog.status.text()
    assert again == first and first.read_bytes() == content
    assert "already there" in text and first.name in text and "Take it to the other laptop" in text
    assert "--force" not in text and "command line" not in text
    # a different file of that name (not this laptop's keys) is left alone
    first.write_bytes(b"{}")
    assert dialog.save_enrolment() is None
    text = dialog.status.text()
    assert "nothing was saved" in text and "Choose another folder" in text and "--force" not in text
    assert first.read_bytes() == b"{}"
