"""Attachments on the way into the vault: photos of letters, scans of documents.

Only images and PDFs are accepted, recognised by their content (the first bytes), never by the
file name a person happened to give them. Images are decoded and re-encoded from their pixels
alone, so nothing of the original file's metadata survives: no EXIF (camera, time, GPS position),
no XMP, no IPTC, no ICC profile, no embedded thumbnail. The photo is turned upright first, so a
phone picture still shows the right way up once its orientation tag is gone.

Rejections raise :class:`AttachmentRejected` with a message a person can act on. The message
never repeats the file's name or content.

A name is kept as :mod:`desktop.core.attachment_names` fits it (a long one is shortened, and the
worker told).
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from desktop.core.attachment_names import MAX_NAME_BYTES as MAX_NAME_BYTES  # the limits, here as before
from desktop.core.attachment_names import MAX_NAME_CHARS as MAX_NAME_CHARS
from desktop.core.attachment_names import fit, readable

MAX_BYTES = 50 * 1024 * 1024
# A larger picture than this is almost certainly a decompression bomb, not a phone photo.
MAX_PIXELS = 80_000_000

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"

# Leading bytes -> media type. WebP is RIFF....WEBP, checked separately.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"BM", "image/bmp"),
)


class AttachmentRejected(ValueError):
    """The file cannot be attached; ``str(exc)`` says why, in plain words."""


@dataclass(frozen=True)
class PreparedAttachment:
    data: bytes
    display_name: str
    media_type: str
    name_shortened: bool = False  # the name was too long to keep and was cut (see fit_name)


def sniff_media_type(head: bytes) -> str | None:
    """The media type the content says it is (image or PDF), or None."""
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    # PDF readers accept the header anywhere in the first kilobyte.
    if b"%PDF-" in head[:1024]:
        return PDF
    return None


def _too_big_message(max_bytes: int) -> str:
    return f"This file is larger than {max_bytes // (1024 * 1024)} MB. Attach a smaller photo or scan."


def _display_name(name: str, media_type: str) -> tuple[str, bool]:
    stem, _ext = os.path.splitext(readable(name))  # the content decides the extension, not the name
    ext = {JPEG: ".jpg", PNG: ".png", PDF: ".pdf"}.get(media_type, "")
    return fit(stem.strip(), ext)


def clean_display_name(name: str, media_type: str) -> str:
    """A safe name to show: no folders, no control characters, a sensible length and extension."""
    return _display_name(name, media_type)[0]


def strip_image(data: bytes) -> tuple[bytes, str]:
    """Decode an image and encode its pixels alone. Returns (new bytes, media type).

    JPEG stays JPEG; every other format becomes PNG, which loses no pixels.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as im:
                fmt = im.format
                if im.width * im.height > MAX_PIXELS:
                    raise AttachmentRejected("This picture is too large to attach (too many pixels).")
                if getattr(im, "n_frames", 1) > 1:
                    im.seek(0)
                im.load()
                upright = ImageOps.exif_transpose(im)
    except AttachmentRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise AttachmentRejected("This picture is too large to attach (too many pixels).") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise AttachmentRejected("This picture is damaged or in a format Witnessbox cannot read.") from None

    if upright.mode not in ("RGB", "RGBA", "L", "LA"):
        has_alpha = upright.mode in ("P", "PA") and "transparency" in upright.info or "A" in upright.mode
        upright = upright.convert("RGBA" if has_alpha else "RGB")
    # A new image from the raw pixels carries no info dict, no EXIF, no ICC profile, no XMP.
    clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())

    out = io.BytesIO()
    if fmt == "JPEG":
        if clean.mode not in ("RGB", "L"):
            clean = clean.convert("RGB")
        clean.save(out, format="JPEG", quality=92, optimize=True)
        return out.getvalue(), JPEG
    clean.save(out, format="PNG", optimize=False)
    return out.getvalue(), PNG


def prepare(data: bytes, display_name: str, *, max_bytes: int = MAX_BYTES) -> PreparedAttachment:
    """Check and clean one file's bytes for the vault, or raise :class:`AttachmentRejected`."""
    if len(data) > max_bytes:
        raise AttachmentRejected(_too_big_message(max_bytes))
    if not data:
        raise AttachmentRejected("This file is empty.")
    media_type = sniff_media_type(data[:1024])
    if media_type is None:
        raise AttachmentRejected("Only photos (JPEG, PNG, WebP, GIF, TIFF, BMP) and PDF documents can be attached.")
    if media_type == PDF:
        if b"%%EOF" not in data[-2048:]:
            raise AttachmentRejected("This PDF looks incomplete or damaged.")
        name, shortened = _display_name(display_name, PDF)
        return PreparedAttachment(data, name, PDF, shortened)
    cleaned, out_type = strip_image(data)
    if len(cleaned) > max_bytes:
        raise AttachmentRejected(_too_big_message(max_bytes))
    name, shortened = _display_name(display_name, out_type)
    return PreparedAttachment(cleaned, name, out_type, shortened)


def prepare_file(path: Path, *, max_bytes: int = MAX_BYTES) -> PreparedAttachment:
    """Read and prepare a file from disk, refusing oversized files before reading them."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise AttachmentRejected("Only files can be attached, not folders.")
        if size > max_bytes:
            raise AttachmentRejected(_too_big_message(max_bytes))
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except AttachmentRejected:
        raise
    except OSError:
        raise AttachmentRejected("This file could not be read. Check it is not open elsewhere.") from None
    return prepare(data, path.name, max_bytes=max_bytes)
