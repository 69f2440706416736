"""resource_path(): the only code that knows where bundled resources live.

The fonts (with their licence), icons, stylesheet and word lists are package data of
``desktop.resources``: they sit beside this file in a source checkout and in an installed wheel
(``pyproject.toml`` lists them as package data). Frozen by PyInstaller they are unpacked under
``sys._MEIPASS/desktop/resources`` (build.spec puts them there).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "desktop" / "resources"
    return Path(__file__).resolve().parent


def resource_path(relative: str) -> Path:
    """Absolute path of a file under ``desktop/resources/`` (for example ``"fonts/NotoSans-Regular.ttf"``)."""
    path = resources_root() / relative
    return path
