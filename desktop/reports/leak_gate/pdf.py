"""Reading the PDF as the leak gate sees it: its raw bytes, every object decoded, and its structure.

- :func:`mask_syntax`: the raw bytes with the file's own syntax blanked (standard names, font
  subset tags, the neutral title and reportlab's comments), so what is left can be searched;
- :func:`objects`: every object's strings and every decoded stream (pikepdf), with the literals
  drawn on a page blanked in its content and the shipped fonts' credits blanked in their programs;
- :func:`structure` and :func:`metadata`: outlines, annotations, forms, scripts, embedded files,
  XObjects, encryption, more than one revision (an incremental update) are refused outright, and
  the document information and XMP metadata must be neutral.
"""

from __future__ import annotations

import decimal
import re
import struct
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

import pikepdf

from desktop.reports.leak_gate.outcome import LeakDetected
from desktop.reports.leak_gate.syntax import cmap_syntax_blanked, parse_ours

# Keys a statement's document information may have, and the values the neutral ones may take.
_INFO_KEYS = frozenset({"/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer", "/CreationDate",
                        "/ModDate", "/Trapped"})
NEUTRAL_TITLES = frozenset({"Witness statement", "Witness statement - signing copy", "Evidence summary", ""})
NEUTRAL_CREATORS = frozenset({"Witnessbox", ""})
NEUTRAL_DATE = "D:20000101000000+00'00'"  # reportlab's invariant mode
_CATALOG_KEYS = frozenset({"/Type", "/Pages", "/PageMode"})
_PAGE_KEYS = frozenset({"/Type", "/Parent", "/MediaBox", "/CropBox", "/Resources", "/Contents", "/Rotate", "/Trans"})
_RESOURCE_KEYS = frozenset({"/Font", "/ProcSet", "/ExtGState", "/ColorSpace"})

# Between "stream" and "endstream": outside them a PDF is text (dictionaries, comments, trailer).
STREAM_BODY = re.compile(rb"stream\r?\n.*?endstream", re.S)


def outside_streams(data: bytes) -> bytes:
    """``STREAM_BODY.sub(b" ", data)``, found with ``bytes.find`` (the pattern's lazy match was tried
    at every byte of every stream): each "stream" and end of line up to the next "endstream" is one space."""
    out: list[bytes] = []
    kept = pos = 0
    find = data.find
    while (at := find(b"stream", pos)) >= 0:
        body = at + 6
        if data[body:body + 1] == b"\n":
            body += 1
        elif data[body:body + 2] == b"\r\n":
            body += 2
        else:
            pos = at + 1
            continue
        end = find(b"endstream", body)
        if end < 0:
            break  # no "endstream" after this one, so none after any later "stream" either
        out += (data[kept:at], b" ")
        kept = pos = end + 9
    out.append(data[kept:])
    return b"".join(out)


def structure(data: bytes, pdf: pikepdf.Pdf) -> None:
    """Refuse anything a statement does not have: revisions, encryption, outlines, annotations,
    document or page entries or resources beyond the expected ones."""
    if data.count(b"%%EOF") != 1 or data.count(b"startxref") != 1 or "/Prev" in pdf.trailer:
        raise LeakDetected(None, "structure", "more than one revision (an incremental update)")
    if "/Encrypt" in pdf.trailer:
        raise LeakDetected(None, "structure", "encryption, which would hide content from the gate")
    extra = set(pdf.Root.keys()) - _CATALOG_KEYS
    if "/Outlines" in extra:
        raise LeakDetected(None, "structure", "an outline (bookmarks)")
    if "/Metadata" in extra:
        raise LeakDetected(None, "metadata", "XMP metadata")
    if extra:
        raise LeakDetected(None, "structure", f"unexpected document entries {sorted(extra)}")
    for n, page in enumerate(pdf.pages, 1):
        keys = set(page.obj.keys())
        if "/Annots" in keys:
            raise LeakDetected(None, "structure", f"annotations on page {n}")
        if keys - _PAGE_KEYS:
            raise LeakDetected(None, "structure", f"unexpected page entries {sorted(keys - _PAGE_KEYS)} on page {n}")
        res = page.obj.get("/Resources")
        if res is not None and set(res.keys()) - _RESOURCE_KEYS:
            raise LeakDetected(None, "structure", f"unexpected resources {sorted(set(res.keys()) - _RESOURCE_KEYS)} "
                                                  f"on page {n}")


def metadata(pdf: pikepdf.Pdf) -> None:
    """Refuse document information that is not neutral (the searches skip it for that reason)."""
    info = pdf.trailer.get("/Info")
    if info is None:
        return
    keys = set(info.keys())
    if keys - _INFO_KEYS:
        raise LeakDetected(None, "metadata", f"non-neutral document information {sorted(keys - _INFO_KEYS)}")
    for key in ("/Author", "/Subject", "/Keywords"):
        if key in info and str(info[key]).strip():
            raise LeakDetected(None, "metadata", f"a non-empty {key[1:]} in the document information")
    if "/Title" in info and str(info["/Title"]) not in NEUTRAL_TITLES:
        raise LeakDetected(None, "metadata", "a title that is not one of the neutral statement titles")
    for key in ("/Creator", "/Producer"):
        if key in info and str(info[key]) not in NEUTRAL_CREATORS:
            raise LeakDetected(None, "metadata", f"a {key[1:]} that is not neutral")
    for key in ("/CreationDate", "/ModDate"):
        if key in info and str(info[key]) != NEUTRAL_DATE:
            raise LeakDetected(None, "metadata", f"a real {key[1:]} (statements use the neutral date)")
    if "/Trapped" in info and str(info["/Trapped"]) not in ("/True", "/False", "/Unknown"):
        raise LeakDetected(None, "metadata", "a Trapped entry that is not a standard value")


# The PDF names a statement is built from: syntax, not text anyone reads ("/Page" is no trace of
# a surname Page). Any other name is searched like text.
_PDF_NAMES = frozenset(
    "/" + n for n in (
        "ASCII85Decode Ascent Author BaseFont CapHeight Catalog Contents Count CreationDate Creator Descent "
        "False Filter FirstChar Flags FlateDecode Font FontBBox FontDescriptor FontFile2 FontName ID ImageB "
        "ImageC ImageI Info ItalicAngle Keywords Kids LastChar Length Length1 MediaBox MissingWidth ModDate "
        "Name PDF Page PageMode Pages Parent ProcSet Producer Resources Root Rotate Size StemV Subject Subtype "
        "Text Title ToUnicode Trans Trapped TrueType Type UseNone Widths"
    ).split()
)
_RAW_NAMES = re.compile(rb"/(?:" + b"|".join(re.escape(n[1:].encode()) for n in sorted(_PDF_NAMES, key=len,
                                                                                      reverse=True))
                        + rb")(?=[\s/<>\[\]()%]|$)")
# Said once in a statement's file: the neutral title in the document information, reportlab's comments.
_RAW_ONCE = tuple(re.compile(p) for p in (
    rb"/Title \((?:Witness statement|Witness statement - signing copy|Evidence summary)\)",
    rb"% ReportLab Generated PDF document \(opensource\)",
    rb"% ReportLab generated PDF document -- digest \(opensource\)",
    # the neutral dates metadata() holds the document information to: run together its digits gave
    # "200001" or "010100", a sort code's or a date of birth's
    rb"/CreationDate \(D:20000101000000\+00'00'\)",
    rb"/ModDate \(D:20000101000000\+00'00'\)",
    # the file's identifier, reportlab's digest of it, in hexadecimal: its digits are no text either
    rb"/ID \s*\[<[0-9a-f]{32}><[0-9a-f]{32}>\]",
))


# A font subset's tag: reportlab numbers subsets 000000, 000001, ... written with the letters
# A-K ("AAAAAA+NotoSans-Regular"). Only that form, and only where a font's name stands, is syntax.
# (Matched with the name before it, which is kept: a pattern that looked behind for it was tried
# at every byte of the file, about a tenth of the gate's time.)
_SUBSET_TAG = re.compile(rb"(/BaseFont /|/FontName /)[ABCDEFGIJK]{6}\+")
_SUBSET_TAG_NAME = re.compile(r"^/[ABCDEFGIJK]{6}\+")


def mask_syntax(data: bytes) -> bytes:
    """The file's bytes with its own syntax blanked: standard names, font subset tags, the neutral
    title and reportlab's comments, once each. What is left is searched for every protected string."""
    for pat in _RAW_ONCE:
        data = pat.sub(lambda m: b" " * len(m.group()), data, count=1)
    data = _SUBSET_TAG.sub(lambda m: m.group(1) + b" " * 7, data)
    return _RAW_NAMES.sub(lambda m: b" " * len(m.group()), data)


_NUMBERS_ONLY = re.compile(rb"\[[0-9.+\-\s]*\]")


def _strings(obj, depth: int = 0) -> Iterator[str]:
    if depth > 12:
        return
    if isinstance(obj, pikepdf.String):
        yield str(obj)
        yield bytes(obj).decode("latin-1")
    elif isinstance(obj, pikepdf.Name):
        if str(obj) not in _PDF_NAMES:
            yield _SUBSET_TAG_NAME.sub("/", str(obj))
    elif isinstance(obj, pikepdf.Array):
        if _NUMBERS_ONLY.fullmatch(obj.unparse()):
            return  # a font's widths, a box: nothing to read (written out by qpdf, not item by item)
        for item in obj:
            if isinstance(item, int | float | decimal.Decimal):
                continue
            if not getattr(item, "is_indirect", False):
                yield from _strings(item, depth + 1)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for _key, item in obj.items():
            if not getattr(item, "is_indirect", False):
                yield from _strings(item, depth + 1)


def _binary_streams(pdf: pikepdf.Pdf, maps: set[tuple[int, int]] | None = None
                    ) -> tuple[set[tuple[int, int]], dict[tuple[int, int], int]]:
    """Font programs and page content streams: binary, or text in glyph codes (read through
    ToUnicode); and the page number of each content stream. The fonts' ToUnicode maps are added to
    ``maps`` when it is given."""
    out = set()
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary):
            continue
        kind = obj.get("/Type")
        if kind == "/FontDescriptor":
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                ff = obj.get(key)
                if ff is not None and ff.is_indirect:
                    out.add(ff.objgen)
        elif kind == "/Font" and maps is not None:
            tu = obj.get("/ToUnicode")
            if tu is not None and tu.is_indirect:
                maps.add(tu.objgen)
    pages: dict[tuple[int, int], int] = {}
    for n, page in enumerate(pdf.pages, 1):
        contents = page.obj.get("/Contents")
        items = contents if isinstance(contents, pikepdf.Array) else [contents] if contents is not None else []
        for c in items:
            if c.is_indirect:
                out.add(c.objgen)
                pages.setdefault(c.objgen, n)
    return out, pages


@lru_cache(maxsize=1)
def _statement_font_names() -> frozenset[bytes]:
    """The 'name' tables of the statement fonts as shipped (reportlab copies them into each subset)."""
    from desktop.resources import resource_path

    return frozenset(t for f in resource_path("fonts").glob("*.ttf") if (t := _name_table(f.read_bytes())[1]))


def _name_table(font: bytes) -> tuple[int, bytes]:
    """(offset, bytes) of a TrueType font program's 'name' table; (0, b"") if it has none."""
    if len(font) < 12:
        return 0, b""
    for i in range(struct.unpack_from(">H", font, 4)[0]):
        at = 12 + 16 * i
        if at + 16 > len(font):
            break
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", font, at)
        if tag == b"name":
            return offset, font[offset:offset + length]
    return 0, b""


def without_font_names(font: bytes) -> bytes:
    """A font program with its 'name' table blanked if it is one of the statement fonts' own.

    Those tables are the fonts' credits and licence in UTF-16 ("David", "Mohamad", "Williams",
    "Google", "none"): fixed text that is in every statement drawing those scripts, and a person
    with one of those names could otherwise never have a statement exported. A name table that is
    not byte for byte a shipped font's is searched like everything else.
    """
    offset, table = _name_table(font)
    if not table or table not in _statement_font_names():
        return font
    return font[:offset] + bytes(len(table)) + font[offset + len(table):]


def _pdf_string(text: str) -> bytes | None:
    """``text`` as a statement's page content holds it (a Latin font subset's codes are Latin-1)."""
    try:
        b = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _mask_codes(body: bytes, literals: Iterable[str]) -> bytes:
    """A page's content with the literals drawn on it blanked, no more often than they were drawn
    (longest first, so a placeholder inside a drawn line is not counted twice)."""
    counts = Counter(literals)
    if not counts:
        return body
    out = bytearray(body)
    for literal, count in sorted(counts.items(), key=lambda lc: -len(lc[0])):
        b = _pdf_string(literal)
        if not b:
            continue
        pos, left = 0, count
        while left:
            s = out.find(b, pos)
            if s < 0:
                break
            e = s + len(b)
            pos = s + 1
            if (s and chr(out[s - 1]).isalnum() and out[s - 1] < 128) or (e < len(out) and out[e] < 128
                                                                          and chr(out[e]).isalnum()):
                continue  # inside a longer word
            out[s:e] = b" " * len(b)
            left -= 1
            pos = e
    return bytes(out)


def _mapped_texts(where: str, mapped: dict[int, str]) -> Iterator[tuple[str, str]]:
    """The text a ToUnicode map in Witnessbox's own layout holds: each glyph's letters on their own.

    Its entries are hexadecimal codes ("<39> <0039>"), and read as one text their digits ran
    together into numbers no reader sees: "<39> <0039> <3A>" without its punctuation holds "900393",
    so a statement whose recorded phone number had that group could never be exported. What such a
    map could carry is in each entry's letters, so each glyph's letters are searched, apart (one
    letter, or a ligature's few, and only where they make more than one character: no protected
    string is shorter)."""
    for text in mapped.values():
        if len(text) > 1 or (text and not text.isascii() and len(unicodedata.normalize("NFKC", text)) > 1):
            yield where, text


def objects(pdf: pikepdf.Pdf, literals: dict[int, list[str]],
            decoded: dict[tuple[int, int], bytes] | None = None) -> Iterator[tuple[str, str | bytes]]:
    """(where, text) for every object's strings; (where, bytes) for every decoded stream, and its
    text too unless it is a font program or page content (searched as bytes, and page content
    through the fonts' ToUnicode maps). In page content, the literals drawn on that page are blanked;
    in a ToUnicode map in Witnessbox's own layout, its CMap syntax (:func:`.syntax.cmap_syntax_blanked`),
    and such a map's text is each glyph's letters (:func:`_mapped_texts`), not its hexadecimal codes.
    ``decoded``, when given, receives each page content stream and ToUnicode map as decoded (before
    any blanking), so the page text's reading does not decompress them again."""
    maps: set[tuple[int, int]] = set()
    binary, content_pages = _binary_streams(pdf, maps)
    info = pdf.trailer.get("/Info")
    info_id = info.objgen if info is not None and info.is_indirect else None
    for obj in pdf.objects:
        num = obj.objgen[0] if obj.is_indirect else 0
        # the document information was held to the neutral values in metadata(): nothing else is there
        strings = "" if info_id is not None and obj.objgen == info_id else " ".join(_strings(obj))
        if strings:
            yield f"the strings of object {num}", strings
        if isinstance(obj, pikepdf.Stream):
            try:
                body = obj.read_bytes()
            except pikepdf.PdfError:
                raise LeakDetected(None, "unreadable", f"stream {num} could not be decoded") from None
            page = content_pages.get(obj.objgen)
            if decoded is not None and (page is not None or obj.objgen in maps):
                decoded[obj.objgen] = body
            mapped = None
            if page is not None:
                body = _mask_codes(body, literals.get(page, ()))
            elif obj.objgen in binary:  # a font program
                body = without_font_names(body)
            elif obj.objgen in maps:
                mapped = parse_ours(body)
                body = cmap_syntax_blanked(body)
            yield f"decoded stream {num}", body
            if mapped is not None:
                yield from _mapped_texts(f"decoded stream {num}", mapped)
            elif obj.objgen not in binary:
                yield f"decoded stream {num}", body.decode("latin-1")

