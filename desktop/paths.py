"""Where Witnessbox keeps its files.

Everything comes from :class:`AppPaths`. The default is built from ``platformdirs``, which on
Linux honours ``XDG_DATA_HOME``/``XDG_CONFIG_HOME``/``XDG_STATE_HOME``/``XDG_CACHE_HOME``, so tests point the
whole app at ``tmp_path`` through the environment or by passing their own ``AppPaths``.

A vault must never live in a folder that a cloud service synchronises (OneDrive, Dropbox,
iCloud, Google Drive, ...): that would copy the encrypted vault, and every backup of it, off the
machine. :func:`check_not_synced` refuses such paths.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop import APP_NAME

_APP_DIR = "witnessbox"

# Folder names that cloud sync clients create or use as their root, compared case-insensitively.
# "OneDrive - Charity Ltd" and "Dropbox (Personal)" match through the prefixes.
_SYNCED_PREFIXES: tuple[str, ...] = (
    "onedrive", "dropbox", "icloud drive", "iclouddrive", "com~apple~clouddocs", "mobile documents",
    "google drive", "googledrive", "nextcloud", "owncloud", "pcloud drive", "megasync", "sync.com",
    "seafile", "tresorit", "box sync",
)
# Names too short or too common to match as prefixes.
_SYNCED_EXACT: frozenset[str] = frozenset({"box", "mega", "my drive"})


class SyncedFolderError(ValueError):
    """The chosen folder is synchronised to a cloud service."""


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        return cls(
            data_dir=Path(platformdirs.user_data_dir(_APP_DIR, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(_APP_DIR, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(_APP_DIR, appauthor=False)),
            cache_dir=Path(platformdirs.user_cache_dir(_APP_DIR, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Every folder under one root (tests, portable installs)."""
        root = Path(root)
        return cls(root / "data", root / "config", root / "log", root / "cache")

    @property
    def default_vault_dir(self) -> Path:
        return self.data_dir / "vault"

    def ensure(self) -> None:
        for d in (self.data_dir, self.config_dir, self.log_dir, self.cache_dir):
            make_private_dir(d)


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.chmod(path, 0o700)
    except OSError:  # pragma: no cover - e.g. a FAT stick; nothing more can be done
        pass
    return path


def synced_folder_name(path: Path) -> str | None:
    """The name of the cloud-synced folder that ``path`` lies in, or None."""
    for part in Path(os.path.abspath(path)).parts:
        low = part.strip().lower()
        if low in _SYNCED_EXACT or low.startswith(_SYNCED_PREFIXES):
            return part
    return None


def documents_dir() -> Path:
    """The user's Documents folder (where a file chooser starts), or the home folder if there is none.
    Never the program's own folder, which a chooser given no folder would start in."""
    try:
        found = Path(platformdirs.user_documents_dir())
    except Exception:  # pragma: no cover - platformdirs could not tell
        found = None
    return found if found is not None and found.is_dir() else Path.home()


def display_path(path: Path) -> str:
    """A folder as the window shows it: under the home folder, ``~/Documents/Statements`` (shorter,
    and it does not spell out the account name to someone looking over a shoulder); on Windows, and
    elsewhere, the whole path."""
    p = Path(os.path.abspath(path))
    home = Path.home()
    if os.name != "nt" and (p == home or home in p.parents):
        rel = p.relative_to(home)
        return "~" if str(rel) == "." else f"~/{rel.as_posix()}"
    return str(p)


def documents_or_desktop_name(path: Path) -> str | None:
    """"Documents" or "Desktop" when ``path`` lies in the user's Documents or Desktop folder.

    OneDrive's Known Folder Move (Windows) and iCloud's Desktop & Documents (macOS) copy exactly
    those two folders to the cloud, often without the user knowing, and the folder keeps its
    ordinary name, so the synced-folder names above cannot see it.
    """
    p = Path(os.path.abspath(path))
    roots = {Path.home() / "Documents", Path.home() / "Desktop"}
    for getter in (platformdirs.user_documents_dir, platformdirs.user_desktop_dir):
        try:
            roots.add(Path(getter()))
        except Exception:  # pragma: no cover - platformdirs could not tell; the name check below still runs
            pass
    for root in roots:
        if p == root or root in p.parents:
            return root.name
    parts = p.parts
    for i, part in enumerate(parts):
        if part.lower() in ("documents", "desktop") and i >= 2 and parts[i - 2].lower() in ("home", "users"):
            return part
    return None


def check_not_synced(path: Path) -> Path:
    """Refuse a vault location that a cloud service would copy off the machine."""
    name = synced_folder_name(path)
    if name is not None:
        raise SyncedFolderError(
            f"{APP_NAME} will not keep data in a cloud-synced folder ({name!r}); choose a folder on this computer."
        )
    folder = documents_or_desktop_name(path)
    if folder is not None:
        raise SyncedFolderError(
            f"{APP_NAME} will not keep the vault in your {folder} folder: on many computers it is copied to "
            "a cloud service. Choose another folder, such as the default one."
        )
    return path
