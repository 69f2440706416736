"""Extracting the text of the PDF, two independent ways, as the leak gate reads it.

- :func:`content_text`: the gate's own reading of each page's content stream through each font's
  ToUnicode map, in drawing order;
- poppler's ``pdftotext`` in its own process (:mod:`.poppler`), or pdfminer.six
  (:func:`pdfminer_text`) where poppler is not installed.

An extractor that cannot read the PDF refuses it (:class:`LeakDetected`): the gate fails closed.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pikepdf

from desktop.reports.leak_gate import content
from desktop.reports.leak_gate.outcome import LeakDetected
from desktop.reports.leak_gate.syntax import parse_ours

# A glyph that reads back as a private-use character could be a name no extractor can see.
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")

_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def _utf16(hexstr: bytes) -> str:
    return bytes.fromhex(hexstr.decode("ascii")).decode("utf-16-be", errors="replace")


def parse_tounicode(cmap: bytes) -> dict[int, str]:
    """A ToUnicode CMap as {code: text} (bfchar and bfrange, as reportlab and most producers write them).
    A map in Witnessbox's own layout is read with one pattern (:func:`.syntax.parse_ours`)."""
    ours = parse_ours(cmap)
    if ours is not None:
        return ours
    return parse_general(cmap)


def parse_general(cmap: bytes) -> dict[int, str]:
    """A ToUnicode CMap as {code: text}, read block by block (any producer's layout)."""
    out: dict[int, str] = {}
    for block in _BFCHAR.findall(cmap):
        hexes = _HEX.findall(block)
        for src, dst in zip(hexes[0::2], hexes[1::2], strict=False):
            out[int(src, 16)] = _utf16(dst)
    for block in _BFRANGE.findall(cmap):
        for line in block.splitlines():
            hexes = _HEX.findall(line)
            if len(hexes) < 3:
                continue
            lo, hi = int(hexes[0], 16), int(hexes[1], 16)
            if b"[" in line:
                for code, dst in zip(range(lo, hi + 1), hexes[2:], strict=False):
                    out[code] = _utf16(dst)
            else:
                base = _utf16(hexes[2])
                for k, code in enumerate(range(lo, min(hi, lo + 65535) + 1)):
                    out[code] = base[:-1] + chr(ord(base[-1]) + k) if base else ""
    return out


def _font_maps(page: pikepdf.Page, cache: dict | None = None,
               decoded: dict[tuple[int, int], bytes] | None = None) -> dict[str, dict[int, str]]:
    maps: dict[str, dict[int, str]] = {}
    fonts = page.obj.get("/Resources", {}).get("/Font", {})
    for name, font in fonts.items():
        tu = font.get("/ToUnicode")
        if tu is None:
            raise LeakDetected(None, "structure", f"font {name} without a ToUnicode map")
        key = tu.objgen if tu.is_indirect else None
        if cache is not None and key is not None and key in cache:
            maps[str(name)] = cache[key]
            continue
        body = decoded.get(key) if decoded and key is not None else None
        maps[str(name)] = parse_tounicode(body if body is not None else tu.read_bytes())
        if cache is not None and key is not None:
            cache[key] = maps[str(name)]
    return maps


_TEXT_OPERATORS = "Tf Tj ' \" TJ ET Td TD Tm T*"


def content_text(pdf: pikepdf.Pdf, cache: dict | None = None, *, lean: bool = True,
                 decoded: dict[tuple[int, int], bytes] | None = None) -> list[str]:
    """Each page's text as drawn, decoded through the fonts' ToUnicode maps (text blocks split by spaces).

    A page whose content the lean reading knows (:mod:`.content`) is read by it; any other page, or
    every page with ``lean=False``, by qpdf's full parser. Both give the same text. ``decoded``: the
    content streams and maps the objects' walk has already decoded (:func:`.pdf.objects`)."""
    pages = []
    cache = {} if cache is None else cache
    tables: dict[int, tuple[dict[int, str], dict[int, str]]] = {}
    plans: dict = {}  # the lean reading's stretches, worked out once per shape for every page
    for page in pdf.pages:
        maps = _font_maps(page, cache, decoded)
        if lean:
            body = content.stream_of(page, decoded)
            text = content.page_text(body, maps, tables, plans) if body is not None else None
            if text is not None:
                pages.append(text)
                continue
        current: dict[int, str] = {}
        parts: list[str] = []
        # each instruction's operator and operands read as attributes: unpacking an instruction
        # copies both through pikepdf's sequence protocol, three times slower for the same values
        for inst in pikepdf.parse_content_stream(page, _TEXT_OPERATORS):
            o = str(inst.operator)
            if o in _SHOW:
                parts.append(bytes(inst.operands[-1]).decode("latin-1").translate(current))
            elif o == "Tf":
                m = maps.get(str(inst.operands[0]), {})
                # each byte a code; a code the map does not hold reads as nothing (the map is held
                # beside its table, so a map made for a later page never finds an earlier one's by id)
                held = tables.get(id(m))
                if held is None or held[0] is not m:
                    held = tables[id(m)] = (m, {b: m.get(b, "") for b in range(256)})
                current = held[1]
            elif o == "TJ":
                parts.append("".join(bytes(item).decode("latin-1").translate(current) for item in inst.operands[0]
                                     if isinstance(item, pikepdf.String)))
            else:
                parts.append(" ")
        pages.append("".join(parts))
    return pages


_SHOW = frozenset(("Tj", "'", '"'))


def tounicode_chars(pdf: pikepdf.Pdf, cache: dict) -> set[str]:
    """Every character the fonts' ToUnicode maps can give (NFKC)."""
    chars: set[str] = set()
    seen: dict[int, dict[int, str]] = {}  # holds each map, so no id is reused while this runs
    for page in pdf.pages:
        for m in _font_maps(page, cache).values():
            if id(m) in seen:  # one map, shared by the pages' fonts, is read once
                continue
            seen[id(m)] = m
            for v in m.values():
                chars.update(v if v.isascii() else unicodedata.normalize("NFKC", v))
    return chars


def by_page(text: str, pages: int) -> list[str] | None:
    """Text with a form feed after each page (pdftotext, pdfminer) as one string per page."""
    parts = text.split("\f")
    if len(parts) == pages + 1 and not parts[-1].strip():
        return parts[:-1]
    return None


def pdfminer_text(data: bytes) -> str:
    """The text pdfminer.six extracts, a form feed after each page."""
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))

