"""Attachments: recognised by content, size-limited, and images lose every byte of metadata."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from desktop.core import attachments
from desktop.core.attachments import AttachmentRejected, prepare, prepare_file, sniff_media_type

GPS_IFD = 0x8825


def photo_with_gps(fmt: str = "JPEG", size=(64, 48), orientation: int | None = None) -> bytes:
    im = Image.new("RGB", size, (200, 30, 30))
    im.putpixel((0, 0), (0, 0, 255))
    exif = Image.Exif()
    exif[0x010F] = "CanaryCam"  # Make
    exif[0x0131] = "CANARY-SOFTWARE"  # Software
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 40.0)}
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    kwargs = {"exif": exif.tobytes()}
    if fmt == "PNG":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_text("Comment", "CANARY-TEXT")
        info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>CANARY-XMP</x:xmpmeta>")
        kwargs["pnginfo"] = info
    im.save(out, format=fmt, **kwargs)
    return out.getvalue()


def minimal_pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def test_jpeg_with_gps_comes_out_without_any_exif():
    raw = photo_with_gps()
    with Image.open(io.BytesIO(raw)) as before:
        assert GPS_IFD in before.getexif()  # the fixture really carries GPS
    prepared = prepare(raw, "IMG_0001.JPG")
    assert prepared.media_type == "image/jpeg"
    assert b"Exif" not in prepared.data and b"CanaryCam" not in prepared.data and b"CANARY" not in prepared.data
    with Image.open(io.BytesIO(prepared.data)) as after:
        assert len(after.getexif()) == 0
        assert "exif" not in after.info and "icc_profile" not in after.info
        assert after.size == (64, 48)


def test_png_text_xmp_and_exif_are_gone_and_pixels_kept():
    raw = photo_with_gps("PNG")
    assert b"CANARY-XMP" in raw
    prepared = prepare(raw, "scan.png")
    assert prepared.media_type == "image/png"
    for marker in (b"CANARY", b"eXIf", b"tEXt", b"iTXt", b"zTXt"):
        assert marker not in prepared.data
    with Image.open(io.BytesIO(prepared.data)) as after:
        assert after.getpixel((0, 0))[:3] == (0, 0, 255)


def test_rotated_phone_photo_is_turned_upright_before_its_tag_is_dropped():
    prepared = prepare(photo_with_gps(size=(60, 20), orientation=6), "p.jpg")
    with Image.open(io.BytesIO(prepared.data)) as after:
        assert after.size == (20, 60)


def test_other_image_formats_become_png():
    out = io.BytesIO()
    Image.new("P", (8, 8)).save(out, format="GIF")
    prepared = prepare(out.getvalue(), "letter.gif")
    assert prepared.media_type == "image/png"
    assert prepared.display_name == "letter.png"


def test_pdf_is_accepted_by_content_whatever_its_name():
    prepared = prepare(minimal_pdf(), "letter.txt")
    assert prepared.media_type == "application/pdf"
    assert prepared.display_name == "letter.pdf"


def test_text_named_like_a_photo_is_refused():
    with pytest.raises(AttachmentRejected, match="Only photos"):
        prepare(b"Dear Sir, this is not a picture", "photo.jpg")


def test_image_header_with_garbage_is_refused_as_damaged():
    with pytest.raises(AttachmentRejected, match="damaged"):
        prepare(b"\xff\xd8\xff\xe0" + b"\x00" * 200, "broken.jpg")


def test_empty_file_is_refused():
    with pytest.raises(AttachmentRejected, match="empty"):
        prepare(b"", "x.png")


def test_oversized_bytes_are_refused_with_the_limit_named():
    with pytest.raises(AttachmentRejected, match="larger than 1 MB"):
        prepare(b"%PDF-1.4" + b"0" * (1024 * 1024), "big.pdf", max_bytes=1024 * 1024)


def test_oversized_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        fh.truncate(attachments.MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(AttachmentRejected, match="larger than 50 MB"):
        prepare_file(big)


def test_rejection_message_never_repeats_the_file_name(tmp_path):
    path = tmp_path / "Amira-Hassan-passport.txt"
    path.write_bytes(b"not an image")
    with pytest.raises(AttachmentRejected) as info:
        prepare_file(path)
    assert "Amira" not in str(info.value)


def test_display_name_drops_folders_and_control_characters():
    prepared = prepare(minimal_pdf(), "..\\..\\secret\\bad\u202ename\x07.pdf")
    assert prepared.display_name == "badname.pdf"


def test_decompression_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(attachments, "MAX_PIXELS", 100)
    out = io.BytesIO()
    Image.new("L", (20, 20)).save(out, format="PNG")
    with pytest.raises(AttachmentRejected, match="too large"):
        prepare(out.getvalue(), "x.png")


@pytest.mark.parametrize(
    "head,expected",
    [
        (b"\xff\xd8\xff\xe1", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"   %PDF-1.7", "application/pdf"),
        (b"PK\x03\x04", None),
        (b"MZ\x90\x00", None),
    ],
)
def test_sniffing(head, expected):
    assert sniff_media_type(head) == expected
