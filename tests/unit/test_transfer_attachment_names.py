"""An attachment's name travels from a field laptop to the coordinator, however long it was.

Before: the laptop's vault kept a name of any length (and the attach path cut at 120 code points,
through the middle of a Bengali conjunct or an accented letter, without a word to the worker),
while the coordinator refused any bundle whose record held a name over 255 characters: the
interview could never leave the laptop. Now one rule (desktop.core.attachment_names.fit_name)
holds on both sides: the laptop shortens on attach and tells the worker, and the coordinator
shortens a long name in a bundle an older laptop wrote instead of refusing it. Real vaults, real
age bundles signed by the laptop's own key, real files in ``tmp_path``.
"""

from __future__ import annotations

import hashlib
import io
import os
import unicodedata

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PIL import Image

from desktop import __version__
from desktop.core.attachment_names import MAX_NAME_BYTES, MAX_NAME_CHARS, NAME_SHORTENED, fit_name
from desktop.core.attachments import clean_display_name, prepare
from desktop.services import interviews as interview_service
from desktop.services import transfer
from desktop.services import transfer_records as records
from desktop.transfer.bundle import Item, bundle_file_name, write_bundle
from desktop.vault.schema import SCHEMA_VERSION
from tests.factories import make_interview
from tests.transfer_vaults import dump, make_pair, send_bundle

# A Bengali name: consonants with vowel signs and a conjunct (ক্ষ), three UTF-8 bytes a code point.
BENGALI = "ফারহানা বেগম লক্ষ্মী "
LONG_BENGALI = BENGALI * 20 + ".png"  # 404 characters, 1,100 bytes
ACCENTED = "Jose\u0301 Mari\u0301a Nu\u0301n\u0303ez " * 20 + ".jpg"  # decomposed accents


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (12, 9), (20, 120, 40)).save(buf, format="PNG")
    return buf.getvalue()


def _clusters(text: str) -> list[str]:
    return regex.findall(r"\X", text)


def _whole_prefix(short: str, long: str) -> bool:
    """``short`` (its extension aside) is a run of whole grapheme clusters from the start of ``long``."""
    stem, long_stem = os.path.splitext(short)[0], os.path.splitext(long)[0]
    kept, original = _clusters(stem), _clusters(long_stem)
    return kept == original[: len(kept)] or kept == original[: len(kept) - 1] + [original[len(kept) - 1].rstrip()]


def _fits(name: str) -> bool:
    return 0 < len(name) <= MAX_NAME_CHARS and len(name.encode("utf-8")) <= MAX_NAME_BYTES


# --- the rule ---------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=400), st.sampled_from(["", ".jpg", ".pdf", ".png", ".jpeg"]))
@example(BENGALI * 20, ".png")
@example("a" * 300, ".jpg")
@example("\U0001f469\u200d\U0001f469\u200d\U0001f467" * 60, ".png")  # a family emoji: one cluster of 8 code points
def test_a_fitted_name_fits_keeps_its_extension_and_whole_letters_and_fitting_again_changes_nothing(stem, ext):
    name = stem + ext
    fitted = fit_name(name)
    assert _fits(fitted)
    assert fit_name(fitted) == fitted
    fitted.encode("utf-8")  # no lone surrogate: a whole UTF-8 sequence for every character
    shown = clean_display_name(name, "image/jpeg")  # as attaching names it: the vault keeps it unchanged
    assert _fits(shown) and shown.endswith(".jpg") and fit_name(shown) == shown
    if "/" not in name and "\\" not in name and name == name.strip() and name.isprintable() and stem.strip():
        if ext and _fits(name):
            assert fitted == name
        if ext:
            assert fitted.endswith(ext)
            assert _whole_prefix(fitted, name)


def test_a_long_bengali_name_is_cut_between_letters_within_255_bytes_and_the_worker_is_told():
    prepared = prepare(_png(), LONG_BENGALI)
    name = prepared.display_name
    assert prepared.name_shortened
    assert name.endswith(".png") and _fits(name) and len(name.encode("utf-8")) > MAX_NAME_BYTES - 8
    assert _whole_prefix(name, LONG_BENGALI)
    stem = name.removesuffix(".png")
    # not cut after a virama (a conjunct), nor before a vowel sign or mark of the letter kept last
    assert not stem.endswith("\u09cd") and unicodedata.category(LONG_BENGALI[len(stem)])[0] != "M"
    accented = prepare(_png(), ACCENTED)
    assert accented.name_shortened and _whole_prefix(accented.display_name, ACCENTED)
    assert not accented.display_name.removesuffix(".jpg").rstrip().endswith(("e", "i", "u", "n"))  # accent kept
    assert prepare(_png(), "letter from the Home Office.png").name_shortened is False


def test_attaching_a_file_with_a_long_name_keeps_it_shortened_and_says_so(tmp_path):
    field, _coord = make_pair(tmp_path)
    iv = make_interview("The letter from the landlord.")
    field.interviews.add(iv)
    photo = tmp_path / ("scan of the letter from the housing office about the flat " * 4 + ".png")
    photo.write_bytes(_png())
    plain = tmp_path / "letter.png"
    plain.write_bytes(_png())
    result = interview_service.attach_files(field, iv.id, [photo, plain])
    assert result.added == 2 and result.shortened == 1 and result.notes == [NAME_SHORTENED]
    names = sorted(a.display_name for a in field.attachments.list(iv.id))
    assert names[0] == "letter.png" and _fits(names[1]) and names[1] == fit_name(photo.name)
    assert interview_service.attach_files(field, iv.id, [plain]).notes == []


# --- both sides agree -------------------------------------------------------------------------------


def test_a_long_name_kept_on_the_laptop_reaches_the_coordinator(tmp_path):
    field, coord = make_pair(tmp_path)
    iv = make_interview("The one whose photo has a long name.")
    field.interviews.add(iv)
    field.attachments.add(iv.id, _png(), LONG_BENGALI, "image/png")
    [kept] = field.attachments.list(iv.id)
    assert _fits(kept.display_name)
    sent = send_bundle(field, tmp_path, "one")
    outcome = transfer.import_bundles(coord, sent.path).bundles[0]
    assert outcome.status == "imported", outcome.reason
    [arrived] = coord.attachments.list(iv.id)
    assert arrived.display_name == kept.display_name == fit_name(LONG_BENGALI)
    assert coord.attachments.get_bytes(arrived.id) == _png()


def _older_laptops_bundle(tmp_path, field, coord, iv, name: str):
    """The bundle an older laptop wrote: its vault kept ``name`` whole and put it in the record."""
    data = _png()
    att_id = "ab" * 16
    meta = {
        "added_at": "2026-11-02T10:00:00+00:00",
        "display_name": name,
        "id": att_id,
        "media_type": "image/png",
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
    }
    [change] = field.transfer.changes()
    items = [
        Item.of_bytes(f"iv-{iv.id}", "interview", records.interview_record(iv, change.revision, [meta])),
        Item.of_bytes(f"att-{att_id}", "attachment", data),
        Item.of_bytes(f"quo-{iv.id}", "quotations", records.quotations_record(iv.id, [])),
    ]
    folder = tmp_path / "sticks" / "older"
    folder.mkdir(parents=True)
    path = folder / bundle_file_name()
    with open(path, "wb") as out:
        write_bundle(
            out,
            sender=transfer.own_keys(field),
            recipients=[transfer.public_keys(coord)],
            seq=1,
            prev_sha256="",
            items=items,
            app_version=__version__,
            schema_version=SCHEMA_VERSION,
        )
    return path


@pytest.mark.parametrize("name", [LONG_BENGALI, ACCENTED, "x" * 300 + ".png"], ids=["bengali", "accented", "latin"])
def test_a_bundle_from_an_older_laptop_with_a_long_name_is_imported_shortened_once(tmp_path, name):
    field, coord = make_pair(tmp_path)
    iv = make_interview("Written on a laptop not yet updated.")
    field.interviews.add(iv)
    bundle = _older_laptops_bundle(tmp_path, field, coord, iv, name)
    assert transfer.verify_bundle(coord, bundle).status == "imported"
    outcome = transfer.import_bundles(coord, bundle).bundles[0]
    assert outcome.status == "imported", outcome.reason
    [arrived] = coord.attachments.list(iv.id)
    assert arrived.display_name == fit_name(name) and _fits(arrived.display_name)
    assert _whole_prefix(arrived.display_name, name) and arrived.display_name.endswith(name[-4:])
    after = dump(coord)
    again = transfer.import_bundles(coord, bundle).bundles[0]
    assert again.status == "already there" and dump(coord) == after  # the same bundle twice adds nothing


def test_a_name_that_is_not_text_is_still_refused_whole(tmp_path):
    field, coord = make_pair(tmp_path)
    iv = make_interview("A record no laptop writes.")
    field.interviews.add(iv)
    before = dump(coord)
    bundle = _older_laptops_bundle(tmp_path, field, coord, iv, name=12345)  # type: ignore[arg-type]
    outcome = transfer.import_bundles(coord, bundle).bundles[0]
    assert outcome.status == "refused" and dump(coord) == before
