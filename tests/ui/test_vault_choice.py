"""Choosing the vault: ``witnessbox --vault DIR`` opens the app on DIR, and the lock screen can open
another vault folder, remembered for the next start, never a synced one."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from desktop.ui.vault_choice import FOLDER_KEY, SETTINGS_FILE
from desktop.vault import Vault
from tests.factories import FAST_KDF
from tests.ui.driving import PASSPHRASE, unlock


class FolderChoices:
    """Stands in for the folder dialog: returns the folders a test put in, one per call."""

    def __init__(self, *folders: Path | None) -> None:
        self.folders = list(folders)
        self.calls = 0

    def __call__(self, _parent) -> Path | None:
        self.calls += 1
        return self.folders.pop(0) if self.folders else None


def _vault_at(folder: Path) -> Path:
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF).lock()
    return folder


def _remembered(app_paths) -> object:
    return QSettings(str(app_paths.config_dir / SETTINGS_FILE), QSettings.Format.IniFormat).value(FOLDER_KEY)


def _switcher(window):
    return window.vault_switchers[0]  # the unlock page's


def _click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _shown_text(page) -> str:
    return " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())


@pytest.fixture
def other_vault(tmp_path) -> Path:
    return _vault_at(tmp_path / "casework" / "north-vault")


def test_the_app_started_with_a_vault_folder_unlocks_that_vault(qtbot, make_window, app_paths, other_vault):
    window = make_window(vault_dir=other_vault)
    # Nothing in the default place, so without --vault this would be the set-up page.
    assert not Vault.exists(app_paths.default_vault_dir)
    assert window.stack.currentWidget() is window.unlock_page
    unlock(qtbot, window)
    assert window.vault.directory == other_vault
    assert not app_paths.default_vault_dir.exists()
    assert _remembered(app_paths) is None  # a folder given on the command line is for this start only


def test_started_on_a_folder_without_a_vault_the_set_up_page_says_so(qtbot, make_window, app_paths, tmp_path):
    window = make_window(vault_dir=tmp_path / "new-vault")
    assert window.stack.currentWidget() is window.create_page
    assert "no vault in the folder" in _shown_text(window.create_page)


def test_open_another_vault_unlocks_it_and_the_next_start_opens_it(qtbot, make_window, app_paths, other_vault):
    _vault_at(app_paths.default_vault_dir)
    chooser = FolderChoices(other_vault)
    window = make_window(choose_vault_folder=chooser)
    assert window.stack.currentWidget() is window.unlock_page
    _click(qtbot, _switcher(window).open_button)
    assert chooser.calls == 1
    assert window.stack.currentWidget() is window.unlock_page
    unlock(qtbot, window)
    assert window.vault.directory == other_vault
    window.lock()
    assert Path(_remembered(app_paths)) == other_vault.resolve()

    again = make_window()
    unlock(qtbot, again)
    assert again.vault.directory == other_vault.resolve()


def test_the_parent_of_a_vault_folder_opens_the_vault_in_it(qtbot, make_window, app_paths, tmp_path):
    inner = _vault_at(tmp_path / "stick-copy" / "vault")
    window = make_window(choose_vault_folder=FolderChoices(inner.parent))
    _click(qtbot, window.vault_switchers[1].open_button)  # from the set-up page: no vault in the default place
    assert window.stack.currentWidget() is window.unlock_page
    unlock(qtbot, window)
    assert window.vault.directory == inner


def test_a_synced_folder_is_refused_with_the_usual_message_and_never_remembered(qtbot, make_window, app_paths,
                                                                                tmp_path):
    _vault_at(app_paths.default_vault_dir)
    synced = _vault_at(tmp_path / "OneDrive - Charity Ltd" / "vault")  # a real vault, in the wrong place
    window = make_window(choose_vault_folder=FolderChoices(synced))
    switcher = _switcher(window)
    _click(qtbot, switcher.open_button)
    assert switcher.message.isVisible() and "cloud-synced" in switcher.message.text()
    assert "OneDrive - Charity Ltd" in switcher.message.text()
    assert window._gate.directory == app_paths.default_vault_dir
    assert _remembered(app_paths) is None
    unlock(qtbot, window)
    assert window.vault.directory == app_paths.default_vault_dir


def test_a_synced_folder_written_into_the_settings_by_hand_is_not_opened(qtbot, make_window, app_paths, tmp_path):
    _vault_at(app_paths.default_vault_dir)
    synced = _vault_at(tmp_path / "Dropbox" / "vault")
    settings = QSettings(str(app_paths.config_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    settings.setValue(FOLDER_KEY, str(synced))
    settings.sync()
    window = make_window()
    unlock(qtbot, window)
    assert window.vault.directory == app_paths.default_vault_dir


def test_a_folder_without_a_vault_is_named_as_such_and_nothing_is_created(qtbot, make_window, app_paths, tmp_path):
    _vault_at(app_paths.default_vault_dir)
    empty = tmp_path / "holiday photos"
    empty.mkdir()
    window = make_window(choose_vault_folder=FolderChoices(empty))
    switcher = _switcher(window)
    _click(qtbot, switcher.open_button)
    assert "no Witnessbox vault in that folder" in switcher.message.text()
    assert list(empty.iterdir()) == []
    assert window.stack.currentWidget() is window.unlock_page  # no set-up page offered for it
    assert window._gate.directory == app_paths.default_vault_dir and _remembered(app_paths) is None


def test_back_to_the_usual_vault_and_it_is_remembered(qtbot, make_window, app_paths, other_vault):
    _vault_at(app_paths.default_vault_dir)
    window = make_window(choose_vault_folder=FolderChoices(other_vault))
    switcher = _switcher(window)
    assert not switcher.default_button.isVisible()  # already on the usual vault
    _click(qtbot, switcher.open_button)
    _click(qtbot, switcher.default_button)
    assert not switcher.default_button.isVisible()
    assert _remembered(app_paths) is None
    unlock(qtbot, window)
    assert window.vault.directory == app_paths.default_vault_dir
    window.lock()
    again = make_window()
    unlock(qtbot, again)
    assert again.vault.directory == app_paths.default_vault_dir


def test_a_remembered_vault_that_is_not_there_opens_the_usual_one_with_a_notice(qtbot, make_window, app_paths,
                                                                               tmp_path):
    _vault_at(app_paths.default_vault_dir)
    settings = QSettings(str(app_paths.config_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
    settings.setValue(FOLDER_KEY, str(tmp_path / "unplugged" / "vault"))
    settings.sync()
    window = make_window()
    switcher = _switcher(window)
    assert switcher.message.isVisible() and "cannot be found" in switcher.message.text()
    assert "unplugged" not in switcher.message.text()
    unlock(qtbot, window)
    assert window.vault.directory == app_paths.default_vault_dir


def test_the_lock_screen_names_the_folder_only_when_asked_and_forgets_on_lock(qtbot, make_window, app_paths,
                                                                            other_vault):
    window = make_window(vault_dir=other_vault)
    page, switcher = window.unlock_page, _switcher(window)
    assert "north-vault" not in _shown_text(page) and str(other_vault.parent) not in _shown_text(page)
    _click(qtbot, switcher.which_button)
    assert "north-vault" in _shown_text(page)
    assert str(other_vault.parent) not in _shown_text(page)  # the name, never the whole path
    unlock(qtbot, window)
    window.lock()
    assert "north-vault" not in _shown_text(page)


def test_choosing_another_folder_gives_no_extra_tries(qtbot, make_window, app_paths, other_vault):
    _vault_at(app_paths.default_vault_dir)
    window = make_window(choose_vault_folder=FolderChoices(other_vault))
    page = window.unlock_page
    for _ in range(5):
        page.passphrase.setText("not the passphrase at all")
        page.submit()
    assert page.waiting and not page.unlock_button.isEnabled()
    _click(qtbot, _switcher(window).open_button)
    assert window._gate.directory == other_vault
    assert page.waiting and not page.unlock_button.isEnabled()
    assert page.passphrase.text() == ""  # what was typed for the other vault is gone
