"""An attachment's name, as a field laptop keeps it and a coordinator receives it.

A name is only ever shown, in the attachments list; it never names a file, nor titles a window. It is
kept as :func:`fit_name` makes it, on the field laptop when a file is attached and again by a
coordinator reading a bundle: the last part of a path, no control characters, at most
:data:`MAX_NAME_CHARS` characters and :data:`MAX_NAME_BYTES` bytes of UTF-8 (a Bengali or
Devanagari letter takes three bytes, an Arabic one two). So every name a laptop keeps can travel,
and a longer name written by an older laptop is shortened the same way on arrival instead of
stranding its interview. Shortening keeps the extension and whole letters.

No heavy import here: the vault loads this module before the unlock window shows.
"""

from __future__ import annotations

import os
import unicodedata

# What the attachments list shows and a bundle carries; 255 bytes also fit as a file name on every
# common file system (ext4 and APFS count bytes, NTFS UTF-16 units, never more than UTF-8 bytes).
MAX_NAME_CHARS = 120
MAX_NAME_BYTES = 255
_MAX_EXT_CHARS = 10  # ".jpg", ".pdf", ".jpeg": a longer "extension" is part of the name
_JOINERS = ("\u200c", "\u200d")  # ZWNJ, ZWJ: part of how Persian, Indic and emoji names are written
NAME_SHORTENED = "The file's name was too long to keep in full, so it was shortened. The file itself is unchanged."


def readable(name: str) -> str:
    """The last part of a path, without control, format or unpaired surrogate characters (bidi
    overrides that could disguise an extension included), joiners kept; trimmed."""
    base = os.path.basename(str(name).replace("\\", "/"))
    return "".join(ch for ch in base if unicodedata.category(ch)[0] != "C" or ch in _JOINERS).strip()


def _split(base: str) -> tuple[str, str]:
    stem, ext = os.path.splitext(base)
    if len(ext) > _MAX_EXT_CHARS or not ext[1:].isalnum():
        return base, ""
    return stem, ext


def fit(stem: str, ext: str) -> tuple[str, bool]:
    """``stem + ext`` within the limits, and whether the stem had to be cut. The stem is cut after
    its last whole grapheme cluster (Unicode UAX #29: a letter with its accents, a conjunct, an
    emoji sequence) that fits, so no letter and no UTF-8 sequence is ever split; the extension stays."""
    room_chars = MAX_NAME_CHARS - len(ext)
    room_bytes = MAX_NAME_BYTES - len(ext.encode("utf-8"))
    if len(stem) <= room_chars and len(stem.encode("utf-8")) <= room_bytes:
        return (stem or "attachment") + ext, False
    import regex  # here, not at import: the vault loads this module before the unlock window

    kept: list[str] = []
    chars = size = 0
    # one code point past the room is enough: a cluster reaching it does not fit anyway
    for cluster in regex.findall(r"\X", stem[: room_chars + 1]):
        chars += len(cluster)
        size += len(cluster.encode("utf-8"))
        if chars > room_chars or size > room_bytes:
            break
        kept.append(cluster)
    return ("".join(kept).rstrip() or "attachment") + ext, True


def fit_name(name: str) -> str:
    """An attachment's name as it is kept and travels: the last part of a path, no control
    characters, at most MAX_NAME_CHARS characters and MAX_NAME_BYTES bytes of UTF-8, its
    extension kept. Fitting a name that already fits changes nothing."""
    return fit(*_split(readable(name)))[0]
