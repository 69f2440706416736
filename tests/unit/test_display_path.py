"""How the window shows a folder the worker chose."""

from __future__ import annotations

import os

from desktop.paths import display_path


def test_a_folder_under_home_is_shown_from_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "sam"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "sam"))
    statements = tmp_path / "sam" / "Documents" / "Statements"
    if os.name == "nt":
        assert display_path(statements) == str(statements)
    else:
        assert display_path(statements) == "~/Documents/Statements"
    assert display_path(tmp_path / "stick") == str(tmp_path / "stick")
