"""A statement font's subsets, made as reportlab makes them, byte for byte, with less work per subset.

reportlab's ``TTFontFile.makeSubset`` reads the font afresh for every subset of every document: it
walks each glyph's header through its file reader to find the parts of composite glyphs, copies the
whole glyph table, and slices, pads and measures each glyph again. What it reads is the font's own
data, the same for every statement, so :class:`SubsetMaker` reads it once per process and font
(each glyph's bytes already padded, the places of a composite glyph's parts, the tables copied
whole), and each subset only puts the pieces together. Which glyphs a subset holds, and in which
order, is still worked out per subset from the characters the statement drew, as reportlab does.
A glyph is read when a statement first draws it, so which glyphs have been read says which letters
statements held: they are let go of when the vault locks (desktop/core/forgetting.py).
``tests/unit/test_font_subsets.py`` holds the result to reportlab's own, subset by subset, for
every statement font.
"""

from __future__ import annotations

from struct import pack, unpack_from
from weakref import WeakSet

from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFontFile,
    TTFontMaker,
    _set_ushort,
)

from desktop.core.forgetting import kept_until_lock


class _Glyph:
    """One glyph of the font as a subset copies it."""

    __slots__ = ("data", "padded", "parts", "metrics")

    def __init__(self, data: bytes, parts: tuple[tuple[int, int], ...], metrics: tuple[int, int],
                 rewrite: bool) -> None:
        self.data = data
        self.padded = data + b"\0" * (-len(data) % 4)  # as reportlab pads each glyph to four bytes
        # (where in the glyph a part's glyph number is, that number): reportlab's walk of a composite
        self.parts = parts
        self.metrics = metrics
        if not rewrite:  # reportlab changes a composite's part numbers only in glyphs over two bytes
            self.parts = tuple((-1, g) for _, g in parts)


def _parts(data: bytes, start: int) -> tuple[tuple[int, int], ...]:
    """The parts of the composite glyph at ``start`` in the font file ``data``, read as reportlab's
    subsetting reads them: (where in the glyph a part's number is, that number)."""
    out = []
    at = 10
    flags = GF_MORE_COMPONENTS
    while flags & GF_MORE_COMPONENTS:
        flags, glyph = unpack_from(">HH", data, start + at)
        out.append((at + 2, glyph))
        at += 4 + (4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2)
        if flags & GF_WE_HAVE_A_SCALE:
            at += 2
        elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
            at += 4
        elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
            at += 8
    return tuple(out)


class SubsetMaker:
    """Makes subsets of one font file (one per font, kept with it for the process)."""

    def __init__(self, face: TTFontFile) -> None:
        self.face = face
        self._glyf_start = face.get_table_pos("glyf")[0]
        self._glyphs: dict[int, _Glyph] = {}  # read as statements draw them, until the vault locks
        _MAKERS.add(self)
        self._copied = []
        for tag in ("name", "OS/2", "cvt ", "fpgm", "prep"):
            try:
                self._copied.append((tag, face.get_table(tag)))
            except KeyError:  # optional tables, as reportlab allows
                pass
        self._post = b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\x00" * 16
        self._hhea = face.get_table("hhea")
        self._maxp = face.get_table("maxp")
        self._head = face.get_table("head")

    def _glyph(self, index: int) -> _Glyph:
        glyph = self._glyphs.get(index)
        if glyph is None:
            face = self.face
            start = face.glyphPos[index]
            length = face.glyphPos[index + 1] - start
            data = face._ttf_data[self._glyf_start + start:self._glyf_start + start + length]
            composite = bool(length) and unpack_from(">h", face._ttf_data, self._glyf_start + start)[0] < 0
            aw, lsb = face.hmetrics[index]
            parts = _parts(face._ttf_data, self._glyf_start + start) if composite else ()
            glyph = self._glyphs[index] = _Glyph(data, parts, (int(aw), int(lsb)), length > 2)
        return glyph

    def make(self, subset: list[int]) -> bytes:
        """What ``TTFontFile.makeSubset(subset)`` returns."""
        char_to_glyph = self.face.charToGlyph  # read now: shaping adds private-use characters to it
        glyph_map = [0]
        glyph_set = {0: 0}
        code_to_glyph = []
        for code in subset:
            original = char_to_glyph.get(code, 0)
            new = glyph_set.get(original)
            if new is None:
                new = glyph_set[original] = len(glyph_map)
                glyph_map.append(original)
            code_to_glyph.append(new)
        glyphs = []
        n = 0
        while n < len(glyph_map):  # with the parts of composite glyphs, in reportlab's order
            glyph = self._glyph(glyph_map[n])
            glyphs.append(glyph)
            n += 1
            for _, part in glyph.parts:
                if part not in glyph_set:
                    glyph_set[part] = len(glyph_map)
                    glyph_map.append(part)

        output = TTFontMaker()
        for tag, data in self._copied:
            output.add(tag, data)
        output.add("post", self._post)
        num_glyphs = len(glyph_map)

        hmtx = [value for glyph in glyphs for value in glyph.metrics]
        n = len(hmtx) - 2
        while n and hmtx[n] == hmtx[n - 2]:
            n -= 2
        n += 2
        number_of_hmetrics = n >> 1
        hmtx = hmtx[:n] + hmtx[n + 1::2]
        output.add("hmtx", pack(f">{len(hmtx)}H", *hmtx))
        output.add("hhea", _set_ushort(self._hhea, 34, number_of_hmetrics))
        output.add("maxp", _set_ushort(self._maxp, 4, num_glyphs))

        cmap = [0, 1, 1, 0, 0, 12, 6, 10 + len(subset) * 2, 0, 0, len(subset), *code_to_glyph]
        output.add("cmap", pack(f">{len(cmap)}H", *cmap))

        offsets = []
        glyf = []
        pos = 0
        for glyph in glyphs:
            offsets.append(pos)
            if glyph.parts and glyph.parts[0][0] >= 0:
                data = bytearray(glyph.padded)
                for at, part in glyph.parts:
                    data[at:at + 2] = pack(">H", glyph_set[part])
                glyf.append(bytes(data))
            else:
                glyf.append(glyph.padded)
            pos += len(glyph.padded)
        offsets.append(pos)
        output.add("glyf", b"".join(glyf))

        if (pos + 1) >> 1 > 0xFFFF:
            index_to_loc_format = 1
            loca = pack(f">{len(offsets)}L", *offsets)
        else:
            index_to_loc_format = 0
            loca = pack(f">{len(offsets)}H", *(o >> 1 for o in offsets))
        output.add("loca", loca)
        output.add("head", _set_ushort(self._head, 50, index_to_loc_format))
        return output.makeStream()


_MAKERS: WeakSet[SubsetMaker] = WeakSet()


def forget_glyphs() -> None:
    """Let go of every glyph read for a subset (which letters statements held)."""
    for maker in list(_MAKERS):
        maker._glyphs.clear()


kept_until_lock(forget_glyphs)
