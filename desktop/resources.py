"""resource_path(): the only code that knows where bundled resources live.

Run from source, resources are in ``<repo>/resources``; frozen by PyInstaller they are unpacked
under ``sys._MEIPASS/resources`` (build.spec puts them there).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(relative: str) -> Path:
    """Absolute path of a file under ``resources/`` (for example ``"fonts/NotoSans-Regular.ttf"``)."""
    path = resources_root() / relative
    return path
