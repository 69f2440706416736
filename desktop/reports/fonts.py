"""Fonts for statements: which font draws which character, and shaping of complex scripts.

Every statement font is embedded from ``desktop/resources/fonts`` (Noto, SIL Open Font License). Text is
split into runs by script; each run gets the font for its script, and Arabic-script (Urdu),
Gurmukhi (Punjabi), Bengali and Devanagari runs are shaped with HarfBuzz (through reportlab's
``uharfbuzz`` support) so that letters join and vowel signs sit where a reader expects them.

A character that no statement font covers is never drawn as an empty box: :func:`runs` raises
:class:`UncoveredCharacter`, which names the code point and its script only, never the text
around it.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import uharfbuzz
from reportlab import rl_config
from reportlab.lib.abag import ABag
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont, shapeFragWord

from desktop.core.forgetting import kept_until_lock
from desktop.reports import pdfnames, streams
from desktop.reports.subsets import SubsetMaker
from desktop.resources import resource_path

LATIN, ARABIC, GURMUKHI, BENGALI, DEVANAGARI = "Latin", "Arabic", "Gurmukhi", "Bengali", "Devanagari"

# (script, regular font file, bold font file). Urdu is drawn in Naskh: it is the form most
# Urdu readers meet on screens and in print, and it stays compact on an A4 line.
_FONT_FILES: dict[str, tuple[str, str]] = {
    LATIN: ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ARABIC: ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
    GURMUKHI: ("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"),
    BENGALI: ("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"),
    DEVANAGARI: ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
}
ITALIC_FILE = "NotoSans-Italic.ttf"


def font_file(script: str, *, bold: bool = False) -> Path:
    """The path of the statement font for ``script`` (``ARABIC``, ``GURMUKHI``, ...)."""
    return resource_path(f"fonts/{_FONT_FILES[script][1 if bold else 0]}")

_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x0900, 0x097F, DEVANAGARI),
    (0xA8E0, 0xA8FF, DEVANAGARI),
    (0x0980, 0x09FF, BENGALI),
    (0x0A00, 0x0A7F, GURMUKHI),
)
# Naskh letters are small beside Latin ones at the same point size; this evens them out on a line.
SCRIPT_SCALE = {ARABIC: 1.15}
SHAPED_SCRIPTS = frozenset({ARABIC, GURMUKHI, BENGALI, DEVANAGARI})
# Bidi controls are dropped: the statement lays out direction itself, word by word.
_DROPPED = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
_JOINERS = frozenset("\u200c\u200d")


class UncoveredCharacter(ValueError):
    """A character that no statement font can draw. Names the code point and script only."""

    def __init__(self, char: str) -> None:
        self.codepoint = ord(char)
        self.script = script_name(char)
        super().__init__(
            f"No statement font can draw the character U+{self.codepoint:04X} ({self.script} script); "
            "the statement was not exported. Replace or remove that character."
        )


def script_of(ch: str) -> str | None:
    """The complex script ``ch`` belongs to, LATIN for strong Latin-font letters, None for neutral marks."""
    cp = ord(ch)
    if cp in (0x0964, 0x0965):  # danda and double danda are shared by the Indic scripts
        return None
    for lo, hi, script in _RANGES:
        if lo <= cp <= hi:
            return script
    cat = unicodedata.category(ch)
    if cat.startswith("L"):
        return LATIN
    return None


def script_name(ch: str) -> str:
    """A person-readable script name for an error message (from the Unicode character name)."""
    s = script_of(ch)
    if s and s != LATIN:
        return s
    name = unicodedata.name(ch, "")
    if not name:
        return "unknown"
    if name.startswith(("LATIN", "GREEK", "CYRILLIC")) or s == LATIN and not name.startswith("CJK"):
        return name.split()[0].title()
    first = name.split()[0]
    return {"CJK": "Han (Chinese/Japanese)", "HANGUL": "Hangul (Korean)"}.get(first, first.title())


@dataclass(frozen=True)
class FontPair:
    regular: str
    bold: str


class FontMissing(FileNotFoundError):
    """A font file the PDFs are drawn with is not in this installation (a damaged or partial copy).
    ``str(exc)`` is for the worker: it names the font's file, never anything from an interview."""

    def __init__(self, file_name: str) -> None:
        super().__init__(
            f"A font Witnessbox draws PDFs with ({file_name}) is missing from this installation, so it cannot "
            "make PDFs; reinstall Witnessbox ('witnessbox self-test' checks every font)."
        )
        self.file_name = file_name

    def __reduce__(self) -> tuple:  # the same refusal when it comes back from a bulk export's worker
        return (FontMissing, (self.file_name,))


class UnreadableGlyph(RuntimeError):
    """A shaped glyph whose text is not known, so the PDF could not map it back to letters."""


# -- glyphs that have no letter of their own ------------------------------------------------------
#
# A shaping font draws some letters with glyphs that no code point names: the lam-alef ligature in
# Urdu, conjuncts in Devanagari, contextual forms. reportlab gives each such glyph a private-use
# code point (U+E000 on) and writes that into the PDF's ToUnicode map, so every text extractor,
# the leak gate's included, would read a name drawn with one as meaningless private-use
# characters, and a leaked "عبداللہ" would pass unseen. So each private-use glyph is recorded here
# with the text HarfBuzz shaped it from, and the ToUnicode map written into the PDF maps it back
# to those letters. A private-use glyph with no recorded text stops the PDF (UnreadableGlyph).

_PUA_FIRST, _PUA_LAST = 0xE000, 0xF8FF
REPORTLAB_TO_UNICODE_CMAP = ttfonts.makeToUnicodeCMap  # reportlab's own, which writes private-use codes
_JOINER_TEXT = "\u200d"  # for a second glyph of one cluster: its letters are already on the first
_glyph_text: dict[tuple[str, int], str] = {}
_glyph_lock = threading.Lock()


def _record_private_glyphs(text: str, font: str, glyphs: str, features: dict[str, bool]) -> None:
    """Record the letters each private-use glyph of ``glyphs`` (reportlab's shaping of ``text``)
    stands for.

    The text is shaped again at HarfBuzz's character cluster level, where every glyph carries the
    index of the letter it came from even when shaping moved it (the Devanagari vowel sign "ि"
    drawn before its consonant): a glyph's letters run from there to the next glyph's letter. A
    second glyph from the same letters reads as a zero-width joiner, which the leak gate ignores.
    If the two shapings disagree, nothing is recorded, and the PDF is refused when it is written.
    The caller holds ``_glyph_lock``.
    """
    ttf = pdfmetrics.getFont(font)
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(ttf.hbFont(10), buf, features)
    infos = buf.glyph_infos
    char_to_glyph = ttf.face.charToGlyph
    if len(infos) != len(glyphs) or any(char_to_glyph.get(ord(g)) != i.codepoint for g, i in zip(glyphs, infos,
                                                                                                    strict=True)):
        return
    # Right-to-left glyphs are drawn in visual order, so a glyph's letters are recorded in that
    # order too: a reader that reorders the line (poppler) then gets them back in reading order.
    rtl = any(script_of(c) == ARABIC for c in text)
    bounds = sorted({i.cluster for i in infos} | {len(text)})
    ends = dict(zip(bounds, bounds[1:], strict=False))
    face = ttf.face.name
    face = face.decode("latin-1") if isinstance(face, bytes) else face
    seen: set[int] = set()
    for ch, info in zip(glyphs, infos, strict=True):
        first = info.cluster not in seen
        seen.add(info.cluster)
        cp = ord(ch)
        if not _PUA_FIRST <= cp <= _PUA_LAST:
            continue
        source = text[info.cluster:ends[info.cluster]] if first else _JOINER_TEXT
        _glyph_text.setdefault((face, cp), source[::-1] if rtl else source)


def read_back(font: str, glyphs: str) -> str:
    """The text an extractor reads from ``glyphs`` drawn in ``font``: what the ToUnicode map says."""
    face = pdfmetrics.getFont(font).face.name
    face = face.decode("latin-1") if isinstance(face, bytes) else face
    return "".join(_glyph_text.get((face, ord(c)), c) if _PUA_FIRST <= ord(c) <= _PUA_LAST else c for c in glyphs)


def _readable_to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ToUnicode CMap, with each private-use glyph mapped to the letters it stands for."""
    face = fontname.split("+", 1)[-1]
    entries = []
    for i, v in enumerate(subset):
        if _PUA_FIRST <= v <= _PUA_LAST:
            source = _glyph_text.get((face, v))
            if not source:
                raise UnreadableGlyph(f"a glyph of {face} has no known text")
            entries.append(f"<{i:02X}> <{source.encode('utf-16-be').hex().upper()}>")
        else:
            entries.append(f"<{i:02X}> <{v:04X}>")
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        # the standard identity names, not the font's: the map's text then holds nothing but the map
        "<< /Registry (Adobe)", "/Ordering (UCS)", "/Supplement 0", ">> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *entries, "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


# fp_str(n) == str(n) for every int n in [-2,000,000, 2,000,000] (each one checked; glyph widths are
# under 10,000); tests/unit/test_font_widths.py holds the two to it
_INT_AS_STR = 2_000_000


class _Widths(pdfdoc.PDFArray):
    """A font subset's glyph widths, written as reportlab's PDFArray writes them (each number as
    reportlab prints it, ten to a line), with all the numbers printed in one call."""

    def format(self, document, IND=b"\n "):  # noqa: ANN001, N803 - reportlab's API
        numbers = self.sequence
        if not numbers or any(type(n) not in (int, float) for n in numbers):
            return super().format(document, IND)
        if all(type(n) is int for n in numbers) and -_INT_AS_STR <= min(numbers) and max(numbers) <= _INT_AS_STR:
            # whole numbers (as the statement fonts' widths are): what fp_str prints, without its
            # sprintf for each (about 1,400 instructions a number, some 500 numbers a statement)
            printed = " ".join(map(str, numbers)).encode("ascii").split(b" ")
        else:
            printed = fp_str(*numbers).encode("ascii").split(b" ")
        if (self.multiline and rl_config.pdfMultiLine) or self.multiline == "forced":
            return b"[ " + IND.join(printed) + b" ]"
        for i in reversed(range(10, len(printed), 10)):
            printed.insert(i, b"\n ")
        return b"[ " + b" ".join(printed) + b" ]"


class _StatementFont(TTFont):
    """reportlab's TrueType font; its subsets' widths are written by :class:`_Widths`, and in a
    statement its subsets' streams are compressed as :mod:`desktop.reports.streams` says."""

    def addObjects(self, doc) -> None:  # noqa: ANN001, N802 - reportlab's API
        state = self.state.get(doc)
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(state.subsets))] if state else []
        super().addObjects(doc)
        added = doc.idToObject["BasicFonts"].dict
        for name in names:
            added[name].Widths = _Widths(added[name].Widths.sequence)
        streams.compress_font_streams(doc, names)


class FontSet:
    """The registered statement fonts (registered once per process; reportlab's registry is global)."""

    _lock = threading.Lock()
    _loaded: dict[str, FontPair] | None = None
    _covers: dict[str, frozenset[int]] = {}

    @classmethod
    def load(cls) -> dict[str, FontPair]:
        with cls._lock:
            if cls._loaded is None:
                loaded: dict[str, FontPair] = {}
                for script, (reg, bold) in _FONT_FILES.items():
                    names = []
                    for fname in (reg, bold):
                        name = "WB-" + fname.removesuffix(".ttf")
                        path = resource_path(f"fonts/{fname}")
                        if not path.is_file():
                            raise FontMissing(fname)
                        if name not in pdfmetrics.getRegisteredFontNames():
                            font = _StatementFont(name, str(path))
                            # its subsets made from the font's data read once (reports/subsets.py)
                            font.face.makeSubset = SubsetMaker(font.face).make
                            pdfmetrics.registerFont(font)
                        cls._covers[name] = frozenset(pdfmetrics.getFont(name).face.charToGlyph)
                        names.append(name)
                    loaded[script] = FontPair(*names)
                # reportlab looks the function up by name when it writes each font subset
                ttfonts.makeToUnicodeCMap = _readable_to_unicode_cmap
                pdfnames.install()  # and PDFName as it writes each dictionary's keys
                cls._loaded = loaded
            return cls._loaded

    @classmethod
    def covers(cls, font_name: str, ch: str) -> bool:
        return ord(ch) in cls._covers[font_name]


@dataclass(frozen=True)
class Run:
    """A piece of one word drawn in one font: ``text`` is the logical text, ``glyphs`` what is drawn."""

    font: str
    text: str
    glyphs: str  # a reportlab ShapedStr for shaped scripts, else the text itself
    width: float
    rtl: bool
    size: float


_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Every character clean_text drops or replaces is one of these: a bidi control, a control
# character, or a separator (category Z), which is always white space (str.isspace) as well.
_TO_CLEAN = re.compile("[" + "".join(sorted(_DROPPED)) + r"\x00-\x08\x0b-\x1f\x7f-\x9f]|[^\S \n\t]")


def clean_text(text: str) -> str:
    """NFC-normalised text without bidi controls or other control characters (newlines kept)."""
    if text.isascii():  # the same result, without looking at each character in Python
        # printable ASCII (no character below a space, no DEL) holds none of the controls: as it is
        return text if text.isprintable() else _ASCII_CONTROLS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if _TO_CLEAN.search(text) is None:  # nothing below would change it
        return text
    out = []
    for ch in text:
        if ch in _DROPPED:
            continue
        if ch in "\n\t":
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc":
            continue
        if cat.startswith("Z"):
            out.append(" ")
            continue
        out.append(ch)
    return "".join(out)


def _font_for(script: str, bold: bool) -> str:
    pair = FontSet.load()[script]
    return pair.bold if bold else pair.regular


def _neutral_font(ch: str, near: str | None, bold: bool) -> str:
    """A font for a neutral character (digit, punctuation, mark): the neighbouring run's if it has it."""
    if near is not None:
        font = _font_for(near, bold)
        if FontSet.covers(font, ch) or ch in _JOINERS:
            return font
    for script in (LATIN, *sorted(SHAPED_SCRIPTS)):
        font = _font_for(script, bold)
        if FontSet.covers(font, ch):
            return font
    raise UncoveredCharacter(ch)


def runs(word: str, size: float, *, bold: bool = False) -> list[Run]:
    """Split one word (no spaces) into font runs, shaping complex scripts. Raises UncoveredCharacter."""
    return list(_runs(word, size, bold))


@lru_cache(maxsize=4096)
def _runs(word: str, size: float, bold: bool) -> tuple[Run, ...]:
    fonts = FontSet.load()
    if word.isascii() and word.isprintable():  # plain English: one run in the Latin font
        font = fonts[LATIN].bold if bold else fonts[LATIN].regular
        return (Run(font, word, word, pdfmetrics.stringWidth(word, font, size), False, size),)
    strong = [script_of(c) for c in word]
    # neutral characters take the script of the nearest strong letter before them, else after
    scripts: list[str | None] = []
    last: str | None = None
    for i, s in enumerate(strong):
        if s is None:
            near = last if last is not None else next((t for t in strong[i + 1:] if t is not None), None)
            scripts.append(near)
        else:
            last = s
            scripts.append(s)
    pieces: list[tuple[str, str]] = []
    for ch, s, st in zip(word, scripts, strong, strict=True):
        if st is not None:
            font = _font_for(st, bold)
            if not FontSet.covers(font, ch):
                if st == LATIN:
                    font = _neutral_font(ch, None, bold)
                else:
                    raise UncoveredCharacter(ch)
        else:
            font = _neutral_font(ch, s, bold)
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + ch)
        else:
            pieces.append((font, ch))
    shaped_fonts = {_font_for(s, b) for s in SHAPED_SCRIPTS for b in (False, True)}
    arabic_fonts = {_font_for(ARABIC, b) for b in (False, True)}
    out: list[Run] = []
    for font, text in pieces:
        rtl = any(script_of(c) == ARABIC for c in text)
        run_size = size * SCRIPT_SCALE[ARABIC] if font in arabic_fonts else size
        if font in shaped_fonts:
            glyphs, width = shape(text, font, run_size)
        else:
            glyphs, width = text, pdfmetrics.stringWidth(text, font, run_size)
        out.append(Run(font, text, glyphs, width, rtl, run_size))
    return tuple(out)


# HarfBuzz features: reportlab's defaults, except that right-to-left text gets no optional
# ligatures. The only one the Naskh fonts have is the word "Allah" (لله) as one glyph; a glyph that
# stands for several letters of a right-to-left word is read back in a different order by
# different extractors (poppler reverses its letters, pypdf does not), so the gate could match one
# reading and miss the other. Lam-alef, which Arabic requires, stays: these fonts draw it as two
# glyphs, one per letter.
_FEATURES = {"kern": True, "liga": True, "dlig": True}
_RTL_FEATURES = {"kern": True, "liga": False, "dlig": False}


def shape(text: str, font: str, size: float) -> tuple[str, float]:
    """HarfBuzz-shape ``text`` in ``font``: the glyph string reportlab draws, and its width in points."""
    features = _RTL_FEATURES if any(script_of(c) == ARABIC for c in text) else _FEATURES
    # One shaping at a time: reportlab gives a glyph with no letter its private-use code point by
    # writing to the font face every statement shares (unlocked), so two exports shaping at once
    # could give two glyphs one code point, and the map below must name the glyph just assigned.
    with _glyph_lock:
        word = shapeFragWord([pdfmetrics.stringWidth(text, font, size), (ABag(fontName=font, fontSize=size), text)],
                             features=features, force=True)
        glyphs = word[1][1]
        if any(_PUA_FIRST <= ord(g) <= _PUA_LAST for g in glyphs):
            _record_private_glyphs(text, font, glyphs, features)
    data = getattr(glyphs, "__shapeData__", None)
    width = sum(sd.x_advance for sd in data) * size / 1000 if data else pdfmetrics.stringWidth(text, font, size)
    return glyphs, width


def forget_glyph_text() -> None:
    """Let go of the letters recorded for private-use glyphs (pieces of the words statements held).
    Shaping the same words again records them again, so a statement drawn after unlocking reads
    the same; a PDF half-written across a lock finds no text for a glyph and is refused."""
    with _glyph_lock:
        _glyph_text.clear()


# Made from the words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(_runs.cache_clear)
kept_until_lock(forget_glyph_text)
