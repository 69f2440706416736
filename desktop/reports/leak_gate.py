"""The leak gate: the last check on a PDF's bytes before any file is written (DESIGN.md, "Leak gate").

:func:`check` looks for every protected string (each name, alias, address, number that redaction
removed) in every place a PDF can carry text, and raises :class:`LeakDetected` at the first trace:

1. the raw file bytes (read as Latin-1, UTF-8 and UTF-16), which catches uncompressed metadata;
2. every object, decoded: each stream after its filters (pikepdf), and every string in every
   dictionary and array, so compressed page content, metadata, annotations and old revisions are
   all seen;
3. the page text from independent extractors: pypdf, poppler's ``pdftotext`` (or pdfminer.six
   where poppler is not installed), and the gate's own reading of the content streams through
   each font's ToUnicode map, in drawing order;
4. the document information dictionary and XMP metadata, which must be neutral;
5. structure: outlines, annotations, forms, scripts, embedded files, XObjects, more than one
   revision (incremental update) are refused outright.

Every protected string is compared in several forms: as given (NFKC), case-folded, accent-folded
(NFKD without combining marks, and letters such as "ł" and "ø" mapped to their base), with
whitespace collapsed or removed, and for numbers with punctuation removed. Right-to-left strings
are also compared with their words and letters reversed, because extractors report visual order;
Indic strings are also compared in the glyph form HarfBuzz gives them in the statement fonts.
A :class:`CaseSensitive` item (a recorded name part that is an English word: "Will", "Hope") is
found only where capitalised, at word boundaries, accents folded, as the redaction engine removes
it: "I will" is not a trace of Will.

Literals: the renderer declares each string it drew from the form or from a fixed list ("Page 2
of 5", "Greater Manchester Police", "Person A"), with its page, once per drawing. In the text of
that page a match that lies wholly inside one drawn occurrence of a literal is not a leak (a
surname "Page" in "Page 2 of 5"); any other match is, including one that runs into a literal.
Only as many occurrences are excused as were drawn, so a literal repeated in typed text leaves
one occurrence unexcused, and a declaration that is not the form's wording (a value from a fixed
list, a footer, a line of the form's text) excuses nothing. In the file's own syntax, the neutral
title, reportlab's comment lines and the standard PDF names ("/Page") are not text anyone reads
and are not searched; the document information is held to its neutral values instead.

The gate fails closed: a PDF that any parser cannot read, or that has anything the gate does not
expect, is refused. Messages say which protected item (by its position in the list), in which
form, and where, never the item itself.
"""

from __future__ import annotations

import decimal
import io
import re
import shutil
import struct
import subprocess
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import pikepdf

# Keys a statement's document information may have, and the values the neutral ones may take.
_INFO_KEYS = frozenset({"/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer", "/CreationDate",
                        "/ModDate", "/Trapped"})
NEUTRAL_TITLES = frozenset({"Witness statement", "Witness statement - signing copy", ""})
NEUTRAL_CREATORS = frozenset({"Witnessbox", ""})
NEUTRAL_DATE = "D:20000101000000+00'00'"  # reportlab's invariant mode
_CATALOG_KEYS = frozenset({"/Type", "/Pages", "/PageMode"})
_PAGE_KEYS = frozenset({"/Type", "/Parent", "/MediaBox", "/CropBox", "/Resources", "/Contents", "/Rotate", "/Trans"})
_RESOURCE_KEYS = frozenset({"/Font", "/ProcSet", "/ExtGState", "/ColorSpace"})

FORM_NAMES = ("as written", "case-folded", "accent-folded", "with spaces removed", "with punctuation removed",
              "accent-folded, capitalised")
_PLAIN_LEVELS = (0, 1, 2, 3, 4)
_CAPITAL_LEVELS = (0, 5)  # as written and accent-folded with case kept, first letter upper case
_MIN_LEN = 2  # one letter cannot identify anyone, and would match every page
_MIN_JOINED = 6  # shorter strings are compared at word boundaries only
# In binary data (compressed streams, font programs, glyph codes) short strings occur by chance;
# there the gate looks for byte forms of 6 bytes or more, and finds shorter strings through the
# decoded text of every place that holds text.
_MIN_BINARY = 6
# Word boundaries in each encoding's own character width: in UTF-16 a letter next to a match is
# two bytes, so a one-byte boundary saw only the zero byte, and a name like "Mon" was found in
# "Monotype" in the font's name table (and the redacted statement could never be exported).
_ASCII_BOUNDS = (rb"(?<![A-Za-z0-9])", rb"(?![A-Za-z0-9])")
_BYTE_BOUNDS = {"utf-8": _ASCII_BOUNDS, "latin-1": _ASCII_BOUNDS,
                "utf-16-be": (rb"(?<!\x00[A-Za-z0-9])", rb"(?!\x00[A-Za-z0-9])")}

_SPECIAL = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "ŧ": "t",
            "ŀ": "l", "ĸ": "k", "ſ": "s"}
_SPECIAL_KEEP_CASE = {**_SPECIAL, **{k.upper(): v.capitalize() for k, v in _SPECIAL.items()
                                     if k.upper() != k and len(k.upper()) == 1}}
# (a regex finds the few special letters much faster than str.translate walks a long text)
_SPECIAL_RX = re.compile("[" + "".join(_SPECIAL) + "]")
_SPECIAL_KEEP_CASE_RX = re.compile("[" + "".join(_SPECIAL_KEEP_CASE) + "]")
_NON_ALNUM = re.compile(r"[\W_]+")


class CaseSensitive(str):
    """A protected word that is also an ordinary English word ("Will", "Hope", "Grace"): the gate
    looks for it only where it starts with a capital letter, at word boundaries, accents folded,
    which is where the redaction engine removes it (``desktop.redaction.case_sensitive_parts``).
    Full names, aliases of several words and identifiers stay plain strings (any case)."""

    __slots__ = ()


class LeakDetected(Exception):
    """The PDF holds a trace of a protected string, or something the gate refuses. Nothing was written.

    ``index`` is the protected item's position (0-based) in the list given to :func:`check`, or
    None for a structural refusal; ``form`` which form of it matched; ``where`` the place in the PDF.
    """

    def __init__(self, index: int | None, form: str, where: str) -> None:
        self.index = index
        self.form = form
        self.where = where
        if index is None:
            msg = f"The PDF was refused: {where} ({form}). Nothing was written."
        else:
            msg = f"Protected item {index + 1} was found ({form}) in {where}. Nothing was written."
        super().__init__(msg)


@dataclass
class GateReport:
    """What a passing check looked at (for "0 traces of N protected strings in M places")."""

    items: int = 0
    places: list[str] = field(default_factory=list)
    extractors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"0 traces of {self.items} protected strings in {len(self.places)} places "
                f"({', '.join(self.extractors)})")


# -- normalising --------------------------------------------------------------------------------


_COMBINING = re.compile("[" + "".join(re.escape(chr(cp)) for cp in range(0x300, 0x10000)
                                      if unicodedata.combining(chr(cp))) + "]+")


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_ZERO_WIDTH = {0x200C: None, 0x200D: None}


def fold(text: str) -> str:
    """Accent- and case-folded: NFKC, casefold, NFKD without combining marks, special letters mapped."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", _SPECIAL_RX.sub(lambda m: _SPECIAL[m.group()], text))
    return _COMBINING.sub("", decomposed)


def fold_keep_case(text: str) -> str:
    """Accent-folded like :func:`fold`, with letter case kept (for capitalised words)."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", _SPECIAL_KEEP_CASE_RX.sub(lambda m: _SPECIAL_KEEP_CASE[m.group()],
                                                                          text))
    return _COMBINING.sub("", decomposed)


def _ws(text: str) -> str:
    """Whitespace runs as one space, none at the ends."""
    return " ".join(text.split())


def _levels(text: str) -> tuple[str, str, str, str, str, str]:
    """The six forms compared: as written, case-folded, accent-folded, without spaces, without
    punctuation, and accent-folded with case kept."""
    return _Levels(text).all()


class _Levels:
    """The six forms of one text, each made when first asked for."""

    __slots__ = ("_forms", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._forms: list[str | None] = [None] * 6

    def __getitem__(self, i: int) -> str:
        form = self._forms[i]
        if form is None:
            form = self._forms[i] = self._make(i)
        return form

    def _make(self, i: int) -> str:
        if i == 0:
            # zero-width joiners steer shaping only; a font's map may also read a glyph as one
            return _ws(unicodedata.normalize("NFKC", self._text)).translate(_ZERO_WIDTH)
        if i == 1:
            return self[0].casefold()
        if i == 2:
            return _ws(fold(self[1]))
        if i == 3:
            return self[2].replace(" ", "")
        if i == 4:
            return _NON_ALNUM.sub("", self[3])
        l0 = self[0]
        return l0 if l0.isascii() else _ws(fold_keep_case(l0))

    def all(self) -> tuple[str, str, str, str, str, str]:
        return tuple(self[i] for i in range(6))  # type: ignore[return-value]


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _is_indic(text: str) -> bool:
    return any(0x0900 <= ord(ch) <= 0x0DFF for ch in text)


def _bounded(text: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)", flags)


@dataclass
class _Needle:
    index: int
    levels: tuple[str | None, ...]
    patterns: tuple[re.Pattern[str] | None, ...]
    capital: bool = False  # a CaseSensitive item: matches must start with an upper-case letter
    encoded: list[tuple[int, bytes, re.Pattern[bytes] | None]] = field(default_factory=list)

    def encode(self) -> None:
        """Byte forms of each level (UTF-8, UTF-16, Latin-1), lower-cased, for scanning binary data."""
        seen: set[bytes] = set()
        for i, lv in enumerate(self.levels):
            if not lv:
                continue
            for enc in ("utf-8", "utf-16-be", "latin-1"):
                try:
                    b = lv.encode(enc).lower()
                    first, rest = lv[:1].upper().encode(enc), lv[1:].encode(enc)
                except UnicodeEncodeError:
                    continue
                if b in seen or len(b) < _MIN_BINARY:
                    continue
                seen.add(b)
                before, after = _BYTE_BOUNDS[enc]
                if self.capital:
                    pat = re.compile(before + re.escape(first) + rb"(?i:" + re.escape(rest) + rb")" + after)
                elif i < 3:
                    pat = re.compile(before + re.escape(b) + after, re.I)
                else:
                    pat = None
                self.encoded.append((i, b, pat))

    def matches(self, i: int, hay: str) -> Iterator[tuple[int, int]]:
        """Where level ``i`` of this needle occurs in ``hay`` (the same level of a place's text)."""
        lv, pat = self.levels[i], self.patterns[i]
        if not lv:
            return
        if pat is None:
            start = hay.find(lv)
            while start >= 0:
                yield start, start + len(lv)
                start = hay.find(lv, start + 1)
            return
        if not self.capital and lv not in hay:
            return
        for m in pat.finditer(hay):
            if self.capital and not m.group()[:1].isupper():
                continue
            yield m.span()


def _needle(index: int, text: str, capital: bool = False) -> _Needle | None:
    l0, l1, l2, l3, l4, l5 = _levels(text)
    if len(l3) < _MIN_LEN:
        return None
    if capital:
        # as the redaction engine removes it: where capitalised, at word boundaries, accents folded
        levels: list[str | None] = [l0, None, None, None, None, l5]
        patterns = tuple(_bounded(lv, re.I) if lv else None for lv in levels)
    else:
        levels = [l0, l1, l2, l3 if len(l3) >= _MIN_JOINED else None,
                  l4 if len(l4) >= _MIN_JOINED and any(c.isdigit() for c in l4) else None, None]
        patterns = tuple(_bounded(lv) if (lv and i < 3) else None for i, lv in enumerate(levels))
    needle = _Needle(index, tuple(levels), patterns, capital)
    needle.encode()
    return needle


def _variants(text: str, shaper: Callable[[str], Iterable[str]] | None) -> list[str]:
    out = [text]
    if _is_rtl(text):
        out.append(" ".join(reversed(text.split())))
        out.append(text[::-1])
    if shaper is not None and (_is_indic(text) or _is_rtl(text)):
        for shaped in shaper(text):
            out.append(shaped)
            out.append(shaped[::-1])
    return out


def statement_shaper(text: str) -> list[str]:
    """The glyph strings ``text`` becomes in the statement fonts (what an extractor reads back)."""
    from desktop.reports.fonts import FontSet, read_back, runs

    FontSet.load()
    out = []
    for bold in (False, True):
        words = []
        for word in text.split():
            try:
                words.append("".join(read_back(r.font, str(r.glyphs)) for r in runs(word, 10, bold=bold)))
            except ValueError:  # a character no font draws cannot be in a statement either
                words.append(word)
        out.append(" ".join(words))
    return out


@lru_cache(maxsize=4096)
def _literal_form(literal: str, level: int) -> tuple[str, re.Pattern[str] | None]:
    lv = _levels(literal)[level]
    return lv, (_bounded(lv) if lv and level not in (3, 4) else None)


class _Hay:
    """One place's text, normalised lazily to each level, with the literals drawn there."""

    def __init__(self, where: str, text: str, literals: Iterable[str] = ()) -> None:
        self.where = where
        self.text = text
        self.literals = Counter(literals)
        self._levels: _Levels | None = None
        self._masks: dict[int, list[tuple[int, int]]] = {}

    @property
    def levels(self) -> _Levels:
        if self._levels is None:
            self._levels = _Levels(self.text)
        return self._levels

    def excused(self, level: int, start: int, end: int) -> bool:
        """True if [start, end) of ``level`` lies wholly inside one drawn occurrence of a literal."""
        if not self.literals:
            return False
        spans = self._masks.get(level)
        if spans is None:
            spans = self._masks[level] = self._literal_spans(level)
        return any(a <= start and end <= b for a, b in spans)

    def _literal_spans(self, level: int) -> list[tuple[int, int]]:
        """The drawn occurrences of the literals, longest literal first; an occurrence inside a
        longer one already taken (a placeholder in a drawn line) is not counted again."""
        hay = self.levels[level]
        out: list[tuple[int, int]] = []
        for literal, count in sorted(self.literals.items(), key=lambda lc: (-len(lc[0]), lc[0])):
            lv, pat = _literal_form(literal, level)
            if not lv:
                continue
            taken, pos = 0, 0
            while taken < count:  # no more occurrences than were drawn
                if pat is None:
                    s = hay.find(lv, pos)
                    if s < 0:
                        break
                    span = (s, s + len(lv))
                else:
                    m = pat.search(hay, pos)
                    if m is None:
                        break
                    span = m.span()
                pos = span[0] + 1
                if any(a <= span[0] and span[1] <= b for a, b in out):
                    continue
                out.append(span)
                taken += 1
                pos = span[1]
        return out


def _search(needles: list[_Needle], hay: _Hay) -> None:
    if not hay.text:
        return
    levels = hay.levels
    for n in needles:
        for i in (_CAPITAL_LEVELS if n.capital else _PLAIN_LEVELS):
            lv = n.levels[i]
            if not lv or (not n.capital and lv not in levels[i]):
                continue
            for start, end in n.matches(i, levels[i]):
                if not hay.excused(i, start, end):
                    raise LeakDetected(n.index, FORM_NAMES[i], hay.where)


def _search_bytes(needles: list[_Needle], where: str, data: bytes) -> None:
    low = data.lower()
    for n in needles:
        for i, b, pat in n.encoded:
            if b in low and (pat is None or pat.search(data)):
                raise LeakDetected(n.index, FORM_NAMES[i], where)


# -- reading the PDF ----------------------------------------------------------------------------



def _structure(data: bytes, pdf: pikepdf.Pdf) -> None:
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


def _metadata(pdf: pikepdf.Pdf) -> None:
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
    rb"/Title \((?:Witness statement|Witness statement - signing copy)\)",
    rb"% ReportLab Generated PDF document \(opensource\)",
    rb"% ReportLab generated PDF document -- digest \(opensource\)",
))


# A font subset's tag: reportlab numbers subsets 000000, 000001, ... written with the letters
# A-K ("AAAAAA+NotoSans-Regular"). Only that form, and only where a font's name stands, is syntax.
_SUBSET_TAG = re.compile(rb"(?<=/BaseFont /)[ABCDEFGIJK]{6}\+|(?<=/FontName /)[ABCDEFGIJK]{6}\+")
_SUBSET_TAG_NAME = re.compile(r"^/[ABCDEFGIJK]{6}\+")


def _mask_syntax(data: bytes) -> bytes:
    """The file's bytes with its own syntax blanked: standard names, font subset tags, the neutral
    title and reportlab's comments, once each. What is left is searched for every protected string."""
    for pat in _RAW_ONCE:
        data = pat.sub(lambda m: b" " * len(m.group()), data, count=1)
    data = _SUBSET_TAG.sub(lambda m: b" " * len(m.group()), data)
    return _RAW_NAMES.sub(lambda m: b" " * len(m.group()), data)


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
        for item in obj:
            if isinstance(item, int | float | decimal.Decimal):
                continue
            if not getattr(item, "is_indirect", False):
                yield from _strings(item, depth + 1)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        for _key, item in obj.items():
            if not getattr(item, "is_indirect", False):
                yield from _strings(item, depth + 1)


def _binary_streams(pdf: pikepdf.Pdf) -> tuple[set[tuple[int, int]], dict[tuple[int, int], int]]:
    """Font programs and page content streams: binary, or text in glyph codes (read through
    ToUnicode); and the page number of each content stream."""
    out = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                ff = obj.get(key)
                if ff is not None and ff.is_indirect:
                    out.add(ff.objgen)
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


def _without_font_names(font: bytes) -> bytes:
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


def _objects(pdf: pikepdf.Pdf, literals: dict[int, list[str]]) -> Iterator[tuple[str, str | bytes]]:
    """(where, text) for every object's strings; (where, bytes) for every decoded stream, and its
    text too unless it is a font program or page content (searched as bytes, and page content
    through the fonts' ToUnicode maps). In page content, the literals drawn on that page are blanked."""
    binary, content_pages = _binary_streams(pdf)
    info = pdf.trailer.get("/Info")
    info_id = info.objgen if info is not None and info.is_indirect else None
    for obj in pdf.objects:
        num = obj.objgen[0] if obj.is_indirect else 0
        # the document information was held to the neutral values in _metadata: nothing else is there
        strings = "" if info_id is not None and obj.objgen == info_id else " ".join(_strings(obj))
        if strings:
            yield f"the strings of object {num}", strings
        if isinstance(obj, pikepdf.Stream):
            try:
                body = obj.read_bytes()
            except pikepdf.PdfError:
                raise LeakDetected(None, "unreadable", f"stream {num} could not be decoded") from None
            page = content_pages.get(obj.objgen)
            if page is not None:
                body = _mask_codes(body, literals.get(page, ()))
            elif obj.objgen in binary:  # a font program
                body = _without_font_names(body)
            yield f"decoded stream {num}", body
            if obj.objgen not in binary:
                yield f"decoded stream {num}", body.decode("latin-1")


_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def _utf16(hexstr: bytes) -> str:
    return bytes.fromhex(hexstr.decode("ascii")).decode("utf-16-be", errors="replace")


def parse_tounicode(cmap: bytes) -> dict[int, str]:
    """A ToUnicode CMap as {code: text} (bfchar and bfrange, as reportlab and most producers write them)."""
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


def _font_maps(page: pikepdf.Page, cache: dict | None = None) -> dict[str, dict[int, str]]:
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
        maps[str(name)] = parse_tounicode(tu.read_bytes())
        if cache is not None and key is not None:
            cache[key] = maps[str(name)]
    return maps


_TEXT_OPERATORS = "Tf Tj ' \" TJ ET Td TD Tm T*"


def content_text(pdf: pikepdf.Pdf, cache: dict | None = None) -> list[str]:
    """Each page's text as drawn, decoded through the fonts' ToUnicode maps (text blocks split by spaces)."""
    pages = []
    cache = {} if cache is None else cache
    tables: dict[int, dict[int, str]] = {}
    for page in pdf.pages:
        maps = _font_maps(page, cache)
        current: dict[int, str] = {}
        parts: list[str] = []
        for operands, op in pikepdf.parse_content_stream(page, _TEXT_OPERATORS):
            o = str(op)
            if o == "Tf":
                m = maps.get(str(operands[0]), {})
                # each byte a code; a code the map does not hold reads as nothing
                current = tables.get(id(m)) or tables.setdefault(id(m), {b: m.get(b, "") for b in range(256)})
            elif o in ("Tj", "'", '"'):
                parts.append(bytes(operands[-1]).decode("latin-1").translate(current))
            elif o == "TJ":
                parts.append("".join(bytes(item).decode("latin-1").translate(current) for item in operands[0]
                                     if isinstance(item, pikepdf.String)))
            else:
                parts.append(" ")
        pages.append("".join(parts))
    return pages


def _tounicode_chars(pdf: pikepdf.Pdf, cache: dict) -> set[str]:
    chars: set[str] = set()
    for page in pdf.pages:
        for m in _font_maps(page, cache).values():
            for v in m.values():
                chars.update(unicodedata.normalize("NFKC", v))
    return chars


def _pypdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=True)
    return [page.extract_text() or "" for page in reader.pages]


def _poppler_start(data: bytes, exe: str) -> tuple[subprocess.Popen, threading.Thread, list[bytes]]:
    proc = subprocess.Popen([exe, "-q", "-enc", "UTF-8", "fd://0", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out: list[bytes] = []

    def talk() -> None:
        try:
            out.append(proc.communicate(data, timeout=60)[0])
        except Exception:  # noqa: BLE001 - the caller sees no output and refuses
            proc.kill()

    thread = threading.Thread(target=talk, daemon=True)
    thread.start()
    return proc, thread, out


def _poppler_finish(poppler: tuple[subprocess.Popen, threading.Thread, list[bytes]]) -> str:
    proc, thread, out = poppler
    thread.join(70)
    if thread.is_alive() or not out or proc.returncode != 0:
        raise LeakDetected(None, "unreadable", "pdftotext could not read the PDF")
    return out[0].decode("utf-8", errors="replace")


def _by_page(text: str, pages: int) -> list[str] | None:
    """Text with a form feed after each page (pdftotext, pdfminer) as one string per page."""
    parts = text.split("\f")
    if len(parts) == pages + 1 and not parts[-1].strip():
        return parts[:-1]
    return None


def _pdfminer_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _needles(items: list[str], shaper: Callable[[str], Iterable[str]] | None) -> list[_Needle]:
    needles: list[_Needle] = []
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError("protected items must be strings")
        capital = isinstance(item, CaseSensitive)
        for variant in _variants(item, shaper):
            n = _needle(index, variant, capital)
            if n is not None:
                needles.append(n)
    return needles


def check_text(text: str, forbidden: Iterable[str], *, where: str = "the statement's text",
               literals: Iterable[str] = ()) -> None:
    """Raise :class:`LeakDetected` if ``text`` (what is about to be rendered) holds any protected string.

    ``literals``: fixed phrases in ``text`` (one entry per occurrence) inside which a match is no leak.
    """
    _search(_needles(list(forbidden), None), _Hay(where, text, _form_literals(literals)))


def _form_literals(literals: Iterable[str]) -> list[str]:
    """The declared literals that are the form's wording; any other declaration excuses nothing."""
    from desktop.reports.statement import is_form_literal

    return [t for t in map(str, literals) if is_form_literal(t)]


def check(pdf_bytes: bytes, forbidden: Iterable[str], *, expected_text: str | None = None,
          literals: Iterable[tuple[int, str]] = (), use_poppler: bool = True,
          shaper: Callable[[str], Iterable[str]] | None = statement_shaper) -> GateReport:
    """Refuse ``pdf_bytes`` (raise :class:`LeakDetected`) if any trace of ``forbidden`` is in it.

    ``expected_text``, when given, is everything the PDF should show: the fonts' ToUnicode maps may
    then hold no letter outside it (a font subset keeps the letters of text that was drawn and then
    covered, which is how redactions made by drawing boxes leak). ``literals`` are the renderer's
    (page number, text) for each literal it drew (:class:`desktop.reports.statement.Rendered`): in
    a page's text, a match wholly inside one of them is not a leak. Only declarations that are the
    form's wording count (:func:`desktop.reports.statement.is_form_literal`). ``use_poppler=False``
    reads with pdfminer.six instead of poppler's pdftotext.
    """
    items = list(forbidden)
    needles = _needles(items, shaper)
    report = GateReport(items=len(items))
    by_page: dict[int, list[str]] = {}
    for page, text in literals:
        by_page.setdefault(int(page), []).append(str(text))
    by_page = {page: _form_literals(texts) for page, texts in by_page.items()}

    def scan(where: str, text: str | bytes, page: int | None = None) -> None:
        report.places.append(where)
        if isinstance(text, bytes):
            _search_bytes(needles, where, text)
        else:
            _search(needles, _Hay(where, text, by_page.get(page, ()) if page is not None else ()))

    if not pdf_bytes.startswith(b"%PDF-"):
        raise LeakDetected(None, "unreadable", "the data is not a PDF")
    # poppler reads in its own process while this one does the rest
    exe = shutil.which("pdftotext") if use_poppler else None
    poppler = _poppler_start(pdf_bytes, exe) if exe else None
    try:
        return _check(pdf_bytes, items, report, scan, expected_text, by_page, poppler)
    finally:
        if poppler is not None and poppler[0].poll() is None:
            poppler[0].kill()
            poppler[0].wait()


_STREAM_BODY = re.compile(rb"stream\r?\n.*?endstream", re.S)


def _scan_pages(scan: Callable[..., None], name: str, pages: list[str] | None, whole: str) -> None:
    if pages is None:  # pages not told apart: the whole text, no literal excused
        scan(f"the text extracted by {name}", whole)
        return
    for n, text in enumerate(pages, 1):
        scan(f"the text extracted by {name} (page {n})", text, n)


def _check(pdf_bytes: bytes, items: list[str], report: GateReport, scan: Callable[..., None],
           expected_text: str | None, literals: dict[int, list[str]],
           poppler: tuple[subprocess.Popen, threading.Thread, list[bytes]] | None) -> GateReport:
    raw = _mask_syntax(pdf_bytes)
    scan("the raw file bytes", raw)
    # outside stream bodies a PDF is text (dictionaries, comments, trailer): every string is looked for there
    scan("the raw file bytes outside streams", _STREAM_BODY.sub(b" ", raw).decode("latin-1"))
    try:
        pdf = pikepdf.open(io.BytesIO(pdf_bytes), attempt_recovery=False)
    except Exception as exc:  # any parser failure refuses the PDF
        raise LeakDetected(None, "unreadable", f"pikepdf could not read it ({type(exc).__name__})") from None
    with pdf:
        try:
            _structure(pdf_bytes, pdf)
            _metadata(pdf)
            pages = len(pdf.pages)
            for where, text in _objects(pdf, literals):
                scan(where, text)
            maps: dict = {}
            for n, text in enumerate(content_text(pdf, maps), 1):
                if _PRIVATE_USE.search(text):
                    # a glyph that reads back as no letter could be a name no extractor can see
                    raise LeakDetected(None, "a glyph that does not read back as letters",
                                       f"the text drawn on page {n}")
                scan(f"the text drawn on page {n} (read through the fonts' ToUnicode maps)", text, n)
            report.extractors.append("ToUnicode")
            if expected_text is not None:
                # U+25CC is the dotted circle HarfBuzz draws under a vowel sign that has no letter
                allowed = set(unicodedata.normalize("NFKC", expected_text)) | {"\u25cc", "\u200c", "\u200d"}
                for ch in sorted(_tounicode_chars(pdf, maps)):
                    if ord(ch) < 128 or ch in allowed or not ch.strip():
                        continue
                    hit = next((i for i, s in enumerate(items) if ch in unicodedata.normalize("NFKC", s)), None)
                    raise LeakDetected(hit, f"a letter (U+{ord(ch):04X}) the statement does not show",
                                       "a font's ToUnicode map")
        except LeakDetected:
            raise
        except Exception as exc:
            raise LeakDetected(None, "unreadable", f"the PDF could not be examined ({type(exc).__name__})") from None
    try:
        by_pypdf = _pypdf_pages(pdf_bytes)
        _scan_pages(scan, "pypdf", by_pypdf if len(by_pypdf) == pages else None, "\n".join(by_pypdf))
        report.extractors.append("pypdf")
        if poppler is not None:
            text = _poppler_finish(poppler)
            _scan_pages(scan, "pdftotext", _by_page(text, pages), text)
            report.extractors.append("pdftotext")
        else:
            text = _pdfminer_text(pdf_bytes)
            _scan_pages(scan, "pdfminer", _by_page(text, pages), text)
            report.extractors.append("pdfminer")
    except LeakDetected:
        raise
    except Exception as exc:
        raise LeakDetected(None, "unreadable", f"a text extractor could not read it ({type(exc).__name__})") from None
    return report
