"""The forms of each protected string the leak gate looks for.

Every protected string is compared in several forms: as given (NFKC), case-folded, accent-folded
(:func:`desktop.core.fold.fold`, the redaction engine's own fold), with whitespace collapsed or
removed, and for numbers with punctuation removed. Right-to-left strings are also compared with
their words and letters reversed, because extractors report visual order; Indic strings are also
compared in the glyph form HarfBuzz gives them in the statement fonts. A :class:`CaseSensitive`
item is compared only as written and accent-folded with its case kept, starting with a capital.
Each place's text is brought to the same forms (:class:`Levels`) before it is searched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from desktop.core.fold import fold, fold_keep_case
from desktop.core.forgetting import kept_until_lock

__all__ = [
    "CaseSensitive",
    "FORM_NAMES",
    "Levels",
    "Needle",
    "fold",
    "fold_keep_case",
    "needle",
    "needles",
    "statement_shaper",
]

FORM_NAMES = (
    "as written",
    "case-folded",
    "accent-folded",
    "with spaces removed",
    "with punctuation removed",
    "accent-folded, capitalised",
)
PLAIN_LEVELS = (0, 1, 2, 3, 4)
CAPITAL_LEVELS = (0, 5)  # as written and accent-folded with case kept, first letter upper case
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
_BYTE_BOUNDS = {
    "utf-8": _ASCII_BOUNDS,
    "latin-1": _ASCII_BOUNDS,
    "utf-16-be": (rb"(?<!\x00[A-Za-z0-9])", rb"(?!\x00[A-Za-z0-9])"),
}
_NON_ALNUM = re.compile(r"[\W_]+")
_ZERO_WIDTH = {0x200C: None, 0x200D: None}


class CaseSensitive(str):
    """A protected word that is also an ordinary English word ("Will", "Hope", "Grace"): the gate
    looks for it only where it starts with a capital letter, at word boundaries, accents folded,
    which is where the redaction engine removes it (``desktop.redaction.case_sensitive_parts``).
    Full names, aliases of several words and identifiers stay plain strings (any case)."""

    __slots__ = ()


def item_kind(item: str) -> str:
    """What sort of thing a protected string is, for a message that must not show it."""
    if isinstance(item, CaseSensitive):
        return "a redacted name"
    if "@" in item:
        return "a redacted email address"
    if any(c.isdigit() for c in item):
        return "a redacted number, reference or address"
    return "a redacted name or address"


def _ws(text: str) -> str:
    """Whitespace runs as one space, none at the ends.

    A text whose only whitespace is single spaces between words is returned as it is, without
    splitting it into words and joining them again (most forms after the first are such texts):
    every whitespace character but the space is unprintable, so a printable text holds no other
    (``tests/security/test_gate_forms_fast.py`` checks that for every code point)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


# The ASCII characters that are neither letters nor digits: ``[\W_]`` on ASCII text.
_ASCII_NON_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


def _alnum(text: str) -> str:
    r"""``text`` without whatever is neither a letter nor a digit (``[\W_]``): on ASCII text one
    deletion over its bytes, several times quicker than the pattern, which every other text keeps."""
    if text.isascii():
        return text.encode("ascii").translate(None, _ASCII_NON_ALNUM).decode("ascii")
    return _NON_ALNUM.sub("", text)


class Levels:
    """The six forms of one text (as written, case-folded, accent-folded, without spaces, without
    punctuation, and accent-folded with case kept), each made when first asked for."""

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
            # (looked for first: translating a page's text character by character costs more than
            # the rest of this form, and most texts have none)
            form = _ws(unicodedata.normalize("NFKC", self._text))
            return form.translate(_ZERO_WIDTH) if "\u200c" in form or "\u200d" in form else form
        if i == 1:
            return self[0].casefold()
        if i == 2:
            return _ws(fold(self[1]))
        if i == 3:
            return self[2].replace(" ", "")
        if i == 4:
            return _alnum(self[3])
        l0 = self[0]
        return l0 if l0.isascii() else _ws(fold_keep_case(l0))

    def all(self) -> tuple[str, str, str, str, str, str]:
        return tuple(self[i] for i in range(6))  # type: ignore[return-value]


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _is_indic(text: str) -> bool:
    return any(0x0900 <= ord(ch) <= 0x0DFF for ch in text)


def bounded(text: str, flags: int = 0) -> re.Pattern[str]:
    """``text`` as a pattern that matches only at word boundaries."""
    return re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)", flags)


@dataclass
class Needle:
    """One form set of one protected item, ready to search text and bytes.

    Its patterns are compiled when first used: the gate finds which needles occur in a place with
    one pass over it for all of them (:mod:`.index`) and then confirms only those, so a vault's
    tens of thousands of protected strings are not each compiled for every PDF."""

    index: int
    levels: tuple[str | None, ...]
    capital: bool = False  # a CaseSensitive item: matches must start with an upper-case letter
    encoded: list[tuple[int, bytes, str]] = field(default_factory=list)  # (level, lower-cased bytes, encoding)
    kind: str = "a redacted item"
    _patterns: tuple[re.Pattern[str] | None, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def patterns(self) -> tuple[re.Pattern[str] | None, ...]:
        """Each level as a pattern at word boundaries (any case for a capital needle), or None where
        the level is compared as a plain substring."""
        if self._patterns is None:
            if self.capital:
                self._patterns = tuple(bounded(lv, re.I) if lv else None for lv in self.levels)
            else:
                self._patterns = tuple(bounded(lv) if (lv and i < 3) else None for i, lv in enumerate(self.levels))
        return self._patterns

    def encode(self) -> None:
        """Byte forms of each level (UTF-8, UTF-16, Latin-1), lower-cased, for scanning binary data."""
        seen: set[bytes] = set()
        ascii_done: set[str] = set()
        for i, lv in enumerate(self.levels):
            if not lv:
                continue
            ascii_ = lv.isascii()
            if ascii_:  # its lower-cased bytes are those of its lower case: all seen if that was
                if lv.lower() in ascii_done:
                    continue
                ascii_done.add(lv.lower())
            for enc in ("utf-8", "utf-16-be", "latin-1"):
                if ascii_ and enc == "latin-1":
                    continue  # the same bytes as UTF-8
                try:
                    b = lv.encode(enc).lower()
                    if not ascii_:
                        lv[:1].upper().encode(enc)  # a form whose capital this encoding cannot hold is not looked for
                except UnicodeEncodeError:
                    continue
                if b in seen or len(b) < _MIN_BINARY:
                    continue
                seen.add(b)
                self.encoded.append((i, b, enc))

    def byte_pattern(self, i: int, enc: str) -> re.Pattern[bytes] | None:
        """Level ``i`` in encoding ``enc`` at word boundaries (capitalised for a capital needle), or
        None where the lower-cased bytes are compared as they are (the forms without spaces)."""
        lv = self.levels[i]
        assert lv
        before, after = _BYTE_BOUNDS[enc]
        if self.capital:
            first, rest = lv[:1].upper().encode(enc), lv[1:].encode(enc)
            return byte_pattern(before + re.escape(first) + rb"(?i:" + re.escape(rest) + rb")" + after)
        if i < 3:
            return byte_pattern(rb"(?i)" + before + re.escape(lv.encode(enc).lower()) + after)
        return None

    def in_bytes(self, data: bytes, low: bytes) -> int | None:
        """The level of the first byte form of this needle in ``data`` (``low`` is ``data.lower()``), or None."""
        for i, b, enc in self.encoded:
            if b in low:
                pat = self.byte_pattern(i, enc)
                if pat is None or pat.search(data):
                    return i
        return None

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


@lru_cache(maxsize=1024)
def byte_pattern(source: bytes) -> re.Pattern[bytes]:
    return re.compile(source)


# A protected string's byte pattern (made when its bytes were met in a PDF): emptied when the vault locks.
kept_until_lock(byte_pattern.cache_clear)


def levels_of(text: str) -> tuple[str, str, str, str, str, str]:
    """``Levels(text).all()``, made directly for an ASCII string (a summary checks tens of thousands):
    NFKC leaves ASCII as it is, case folding is lower case, the accent fold changes nothing more, and
    form 5 is form 0. A test compares the two for every ASCII character and random ASCII strings."""
    if not text.isascii():
        return Levels(text).all()
    l0 = " ".join(text.split())
    l1 = l0.lower()
    l3 = l1.replace(" ", "")
    return l0, l1, l1, l3, _alnum(l3), l0


def needle(index: int, text: str, capital: bool = False, kind: str = "a redacted item") -> Needle | None:
    """The forms of ``text`` to look for, or None if it is too short to identify anyone."""
    if capital or text.isascii():
        l0, l1, l2, l3, l4, l5 = levels_of(text)
    else:  # a plain needle has no form 5 (accent-folded with case kept): it is not made
        forms = Levels(text)
        l0, l1, l2, l3, l4 = forms[0], forms[1], forms[2], forms[3], forms[4]
    if len(l3) < _MIN_LEN:
        return None
    if capital:
        # as the redaction engine removes it: where capitalised, at word boundaries, accents folded
        levels: list[str | None] = [l0, None, None, None, None, l5]
    else:
        levels = [
            l0,
            l1,
            l2,
            l3 if len(l3) >= _MIN_JOINED else None,
            l4 if len(l4) >= _MIN_JOINED and any(c.isdigit() for c in l4) else None,
            None,
        ]
    n = Needle(index, tuple(levels), capital, kind=kind)
    n.encode()
    return n


def _variants(text: str, shaper: Callable[[str], Iterable[str]] | None) -> list[str]:
    if text.isascii():  # neither right-to-left nor Indic
        return [text]
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


def needles(items: list[str], shaper: Callable[[str], Iterable[str]] | None) -> list[Needle]:
    """Every form of every protected item (and of its reversed and shaped variants)."""
    out: list[Needle] = []
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError("protected items must be strings")
        capital = isinstance(item, CaseSensitive)
        kind = item_kind(item)
        made: dict[str, Needle | None] = {}  # a variant that repeats another has its needle (see distinct)
        for variant in _variants(item, shaper):
            n = made[variant] if variant in made else made.setdefault(variant, needle(index, variant, capital, kind))
            if n is not None:
                out.append(n)
    return out


def distinct(made: Iterable[Needle]) -> list[Needle]:
    """``made`` with each needle that repeats an earlier one of the same item left out, in order.

    An item's variants often repeat one another or come to the same forms (a name shaped in the
    regular and the bold font reads back the same; a shaped Urdu name's forms are the name's own once
    NFKC has undone its presentation forms): a statement's thirty items give sixty needles, of which
    twenty-two repeat one made before them for the same item. A repeat is the same needle (its byte
    forms and patterns are made from its forms), found wherever the first is found and reported as the
    first is, and it comes after it, so a search answers the same without it: it stops at the first
    needle found, in this order."""
    seen: set[tuple[int, tuple[str | None, ...], bool, str]] = set()
    out = []
    for n in made:
        key = (n.index, n.levels, n.capital, n.kind)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out
