"""A recorded number whose digits happen to be in the PDF's own numbers does not stop a statement's
export; the same number in any text of the PDF is still refused.

The gate searches each place's text also with spaces and punctuation removed, so that "07700 900 393"
is found as "07700900393". Run together that way, the PDF's own numbers made numbers no reader sees:
a ToUnicode map's hexadecimal codes ("<39> <0039>" then "<3A>" hold "900393"), a font's widths
("/Widths [ 0 596 0 579" holds "596057"), the cross-reference table's offsets, the neutral dates and
the file's identifier. A statement recording the phone number 07700 900393, or a sort code or account
number with one of a few thousand six-digit groups, could never be exported, and its worker was told
to check redactions that were right. The gate now reads a map's text as the letters each glyph maps
to, and blanks the numbers of the file's syntax outside streams (strings, names, comments kept).
"""

from __future__ import annotations

import io
import re
import zlib

import pikepdf
import pytest

from desktop.core.model import Identifier, IdentifierKind
from desktop.reports import leak_gate
from desktop.reports.leak_gate import LeakDetected
from desktop.reports.leak_gate import syntax as gate_syntax
from desktop.services.statements import statement_content, write_statement
from tests.factories import named_interview

STATEMENT = "Amina rang me from 07700 900393 on Tuesday and asked about her visa."


def _maps(data: bytes) -> list[bytes]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [f.ToUnicode.read_bytes() for p in pdf.pages for f in p.obj.Resources.Font.values()]


@pytest.mark.parametrize("phone", ["07700 900393", "07700 900292", "07700 900494"])
def test_a_recorded_phone_whose_group_is_in_the_maps_codes_exports(phone, tmp_path):
    iv = named_interview(STATEMENT.replace("07700 900393", phone), name="Amina Khan")
    iv.identifiers.append(Identifier(IdentifierKind.PHONE, phone))
    content, forbidden = statement_content(iv)
    group = phone.split()[1]
    assert group in forbidden  # the group alone is protected too
    result = write_statement(content, forbidden, tmp_path / "s.pdf")
    data = result.path.read_bytes()
    hex_digits = "".join(re.sub(rb"[\W_]+", b"", gate_syntax.cmap_entries(m).group(2)).decode() for m in _maps(data))
    assert group in hex_digits  # the case this file is about: the map's codes hold the group
    assert phone not in data.decode("latin-1")


def _runs(digits: str) -> set[str]:
    return {m for size in (6, 8, 11) for i in range(len(digits) - size + 1) if (m := digits[i:i + size]).isdigit()}


def test_no_number_made_of_the_pdfs_own_numbers_refuses_a_statement(tmp_path):
    iv = named_interview("Amina rang me on Tuesday and asked about her visa. " * 3, name="Amina Khan")
    content, forbidden = statement_content(iv)
    data = write_statement(content, forbidden, tmp_path / "s.pdf").path.read_bytes()
    runs: dict[str, set[str]] = {"maps": set(), "widths": set()}
    for body in _maps(data):
        runs["maps"] |= _runs(re.sub(rb"[\W_]+", b"", gate_syntax.cmap_entries(body).group(2)).decode())
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for font in pdf.pages[0].obj.Resources.Font.values():
            runs["widths"] |= _runs("".join(str(int(w)) for w in font.Widths))
    tail = data[data.rindex(b"\nxref\n"):].decode("latin-1")
    runs["xref and identifier"] = _runs(re.sub(r"\W+", "", tail))
    runs["dates"] = _runs("20000101000000")
    for where, found in runs.items():
        assert len(found) > 5, where  # each place does make such numbers
    every = sorted(set().union(*runs.values()))
    leak_gate.check(data, [*forbidden, *every], expected_text=content.all_text(), use_poppler=False)


def test_a_number_in_a_string_or_a_name_outside_the_pages_is_still_refused(tmp_path):
    iv = named_interview("Amina rang me on Tuesday and asked about her visa.", name="Amina Khan")
    content, forbidden = statement_content(iv)
    data = write_statement(content, forbidden, tmp_path / "s.pdf").path.read_bytes()
    for value in (pikepdf.String("ring 07700 900393 (mobile)"), pikepdf.Name("/n900393")):
        with pikepdf.open(io.BytesIO(data)) as pdf:
            pdf.pages[0].obj.Contents["/Note"] = value
            out = io.BytesIO()
            pdf.save(out, static_id=True)
        with pytest.raises(LeakDetected):
            leak_gate.check(out.getvalue(), [*forbidden, "900393"], use_poppler=False)


def test_a_name_a_glyph_maps_to_is_still_found_in_the_map(tmp_path):
    iv = named_interview("Amina rang me on Tuesday and asked about her visa.", name="Amina Khan")
    content, forbidden = statement_content(iv)
    data = write_statement(content, forbidden, tmp_path / "s.pdf").path.read_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        font = next(iter(pdf.pages[0].obj.Resources.Font.values()))
        body = font.ToUnicode.read_bytes()
        forged = body.replace(b"<05> <0000>", b"<05> <" + "Zorbanek".encode("utf-16-be").hex().upper().encode() + b">")
        assert forged != body and gate_syntax.cmap_entries(forged) is not None  # still Witnessbox's own layout
        font.ToUnicode.write(zlib.compress(forged), filter=pikepdf.Name.FlateDecode)
        out = io.BytesIO()
        pdf.save(out, static_id=True)
    with pytest.raises(LeakDetected) as caught:
        leak_gate.check(out.getvalue(), [*forbidden, "Zorbanek"], use_poppler=False)
    assert caught.value.where.startswith("decoded stream")
