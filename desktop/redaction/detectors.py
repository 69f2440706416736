"""Pattern detectors for identifiers nobody recorded: UK identifiers, contact details, dates of birth,
addresses, references. Recall first (docs/redaction-benchmark.md):

* a failed checksum (NHS mod-11, IBAN mod-97, Luhn) lowers the confidence; it never drops a match;
* phones: ``phonenumbers`` with POSSIBLE leniency (numbers outside allocated ranges still count)
  plus regexes for every common UK and international writing;
* weak shapes (9-digit passports, 8-digit accounts, reference numbers) fire only near a context word.

Every detector returns ``(start, end, type, confidence)`` tuples on the original text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers

from desktop.core.forgetting import kept_until_lock
from desktop.redaction import lexicon
from desktop.redaction.context_words import _CTX, _Context
from desktop.redaction.facts_numbers import after_a_citation, eu_act_number, word_and_financial_year, year_range
from desktop.redaction.phone_words import spelt_phones
from desktop.redaction.scanning import (
    IC_ASCII,
    Digits,
    at_digits,
    first_signs,
    holding,
    ic_lower,
    needs_first,
    windows_around,
    with_digits,
    word_start,
)
from desktop.redaction.scanning import compile_detector as _c
from desktop.redaction.scanning import iter_hits as _iter
from desktop.redaction.scanning import matches as _matches
from desktop.redaction.scanning import windows as _windows

Hit = tuple[int, int, str, float]

SEP = r"[ \t\u00a0\-\u2010-\u2015.]?"
WSEP = r"(?:[ \t\u00a0\-\u2010-\u2015.]|\r?\n)?"  # one separator, a line break allowed
PSEP = r"[ \t\u00a0\-\u2010-\u2015.()/]{0,2}"

IC, M = re.IGNORECASE, re.MULTILINE

# phonenumbers compiles its metadata's patterns through re's bounded cache, which other patterns push
# them out of: keep them compiled for the session instead (where this version of it offers that).
getattr(phonenumbers, "enable_pattern_cache", lambda: None)()


# Digits that can be part of an identifier: five or more in a row (separators allowed), or next to a letter.
_STRONG = re.compile(r"\d(?:(?:[ \-./()]?\d){4,}|[A-Za-z]|(?<=[A-Za-z]\d))")  # starts at a digit: fast
_AT = re.compile(r"@")
_SLASH = re.compile(r"/|www\.")
_DOT_WORD = re.compile(r"[dD][oO][tT]\b")
_INNER_MARK = re.compile(r"[_.](?<=[A-Za-z0-9][_.])(?=[A-Za-z0-9])")
# The same, one pattern a mark: a pattern starting with one character is searched for by that
# character, quickly, where a set of two is tested at every character (``_inner_marks``).
_INNER_DOT = re.compile(r"\.(?<=[A-Za-z0-9]\.)(?=[A-Za-z0-9])")
_INNER_UNDERSCORE = re.compile(r"_(?<=[A-Za-z0-9]_)(?=[A-Za-z0-9])")


def _inner_marks(text: str, margin: int) -> list[tuple[int, int]]:
    """``_windows(text, _INNER_MARK, margin)``: the dots, then the underscores if the text has any."""
    spans = [m.span() for m in _INNER_DOT.finditer(text)]
    if "_" in text:
        spans = sorted(spans + [m.span() for m in _INNER_UNDERSCORE.finditer(text)])
    return windows_around(spans, len(text), margin)


def _slashes(text: str) -> list[tuple[int, int]]:
    """``_windows(text, _SLASH, 80)``: none without a "/" or "www." (most statements: an alternation
    is tried at every character)."""
    return _windows(text, _SLASH, 80) if "/" in text or "www." in text else []


def _dot_words(text: str) -> list[tuple[int, int]]:
    """``_windows(text, _DOT_WORD)``: none where the text lower-cased (``ic_lower``, the same offsets,
    made once for the detectors) holds no "dot" (a set of two is tried at every character)."""
    return _windows(text, _DOT_WORD) if "dot" in ic_lower(text) else []


# --- checksums (raise confidence only) --------------------------------------------------------


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def nhs_ok(s: str) -> bool:
    d = _digits(s)
    if len(d) != 10:
        return False
    total = sum(int(c) * w for c, w in zip(d[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(d[9])


def luhn_ok(s: str) -> bool:
    d = _digits(s)
    if not 12 <= len(d) <= 19:
        return False
    total = 0
    for i, c in enumerate(reversed(d)):
        n = int(c)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def iban_ok(s: str) -> bool:
    raw = "".join(c for c in s if c.isalnum()).upper()
    if len(raw) < 15:
        return False
    moved = raw[4:] + raw[:4]
    try:
        return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1
    except ValueError:
        return False


# --- patterns ---------------------------------------------------------------------------------

_NINO_STRICT = _c(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]" + SEP + r"\d{2}" + SEP + r"\d{2}" + SEP
    + r"\d{2}" + SEP + r"[A-D]?\b",
    IC,
)  # fmt: skip
_NINO_LOOSE = _c(r"\b[A-Z]{2}" + SEP + r"\d{2}" + SEP + r"\d{2}" + SEP + r"\d{2}(?:" + SEP + r"[A-Z])?\b", IC)
_TRN = _c(r"\b\d{2}" + SEP + r"[A-Z]" + SEP + r"\d{5}\b")
_NHS = _c(r"(?<![\d+])\d{3}" + WSEP + r"\d{3}" + WSEP + r"\d{4}(?![\d])")
_POSTCODE = _c(
    r"\b(?:GIR ?0AA|BFPO ?\d{1,4}|(?:ASCN|STHL|TDCU|BBND|BIQQ|FIQQ|PCRN|SIQQ|TKCA) ?1ZZ|GX11 ?1AA|"
    r"[A-PR-UWYZ](?:\d[A-HJKPSTUW]?|\d{2}|[A-HK-Y]\d[ABEHMNPRVWXY]?|[A-HK-Y]\d{2})[ \u00a0]?\d[ABD-HJLNP-UW-Z]{2})\b",
    IC,
)
_POSTCODE_OUTWARD = _c(r"\b[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\b")
_EMAIL = _c(r"[\w.+\-'’]+@[\w\-]+(?:\.[\w\-]+)+")
_EMAIL_SPOKEN = _c(
    r"\b[\w.+\-]+\s*(?:\(at\)|\[at\]|\bat\b)\s*[\w\-]+\s*(?:\(dot\)|\[dot\]|\bdot\b)\s*"
    r"(?:com|co\s*(?:\.|\bdot\b)\s*uk|org|net|uk|fr|de|ng|pk|in)\b",
    IC,
)
_HANDLE = _c(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?")
_SOCIAL_URL = _c(
    r"\b(?:https?://)?(?:www\.|m\.)?(?:facebook\.com|fb\.com|fb\.me|instagram\.com|tiktok\.com|twitter\.com|x\.com|"
    r"snapchat\.com|linkedin\.com|wa\.me|t\.me|youtube\.com|vk\.com)/[^\s,;)\]]+",
    IC, needs=(".com/", ".me/"),
)
_URL = _c(r"\bhttps?://[^\s,;)\]]+", IC, needs=("://",))
_SOCIAL_NAMED = _c(r"[A-Za-z0-9_.]{3,30}")
_UK_PHONE = _c(
    r"(?<![\w+])\(?(?:(?:\+|00)\s?44" + PSEP + r"(?:\(0\))?" + PSEP + r"|0)(?:\d" + PSEP + r"){8,10}\d(?!\d)"
)
_INTL_PHONE = _c(r"(?<![\w+])(?:\+|00)\s?\(?[1-9]\d{0,3}\)?" + PSEP + r"(?:\d" + PSEP + r"){5,13}\d(?!\d)")
_PHONE_CANDIDATE = _c(r"(?<![\w])\+?\(?\d[\d \t\u00a0\-.()/]{6,24}\d(?!\d)")
_SORT_CODE = _c(r"(?<![\d/])\d{2}[-\u2013 ]\d{2}[-\u2013 ]\d{2}(?![\d/])")
_ACCOUNT = _c(r"(?<![\d/])\d{6,10}(?![\d/])")
_IBAN = _c(r"\b[A-Z]{2}\d{2}(?:" + SEP + r"[A-Z0-9]{4}){2,7}(?:" + SEP + r"[A-Z0-9]{1,4})?\b", IC)
_CARD = _c(r"(?<!\d)(?:\d{4}" + SEP + r"){2,3}\d{4}(?:" + SEP + r"\d{1,3})?(?!\d)|(?<!\d)\d{13,19}(?!\d)")
_HO_REF = _c(r"\b[A-Z]\d{7}(?:/\d{1,3})?\b")
_BRP = _c(r"\b[A-Z]{2}[0-9X]\d{6}\b")
_GWF = _c(r"\bGWF" + SEP + r"\d{8,9}\b", IC, needs=("gwf",))
_SHARE_CODE = _c(r"\b(?=(?:[A-Z0-9][ -]?){9}\b)(?=[^\n]{0,11}\d)[WRS][A-Z0-9]{2}" + SEP + r"[A-Z0-9]{3}" + SEP
                 + r"[A-Z0-9]{3}\b")  # fmt: skip
_PASSPORT_9 = _c(r"(?<![\d])\d{9}(?!\d)")
_PASSPORT_GENERIC = _c(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,10}\b")
_MRZ = _c(r"^[A-Z0-9<]{30}$|^[A-Z0-9<]{36}$|^[A-Z0-9<]{44}$")
_DRIVING = _c(
    r"\b[A-Z9]{5}" + SEP + r"\d(?:[05][1-9]|[16][0-2])(?:0[1-9]|[12]\d|3[01])\d" + SEP + r"[A-Z9]{2}[A-Z0-9]{3}"
    r"(?: ?\d{2})?\b",
    IC,
)
_NI_LICENCE = _c(r"(?<!\d)\d{8}(?!\d)")
_VRM = _c(
    r"\b(?:[A-Z]{2}\d{2}" + SEP + r"[A-Z]{3}|[A-Z]\d{1,3}" + SEP + r"[A-Z]{3}|[A-Z]{3}" + SEP + r"\d{1,3}" + SEP
    + r"[A-Z])\b"
)  # fmt: skip
_VRM_NI = _c(r"\b[A-Z]?(?:[A-Z][IZ]|[IZ][A-Z])" + SEP + r"\d{1,4}\b")
_VRM_DATELESS = _c(r"\b(?:\d{1,4}" + SEP + r"[A-Z]{1,3}|[A-Z]{1,3}" + SEP + r"\d{1,4})\b")
# A reference written in spaced groups ("ZU 123 4567", "K 123 4567"): only near a context word.
_SPACED_REF = _c(r"\b[A-Za-z]{1,3}[ \-]?\d{2,4}(?:[ \-]\d{2,5}){1,3}\b")
_REF_PREFIX = re.compile(r"(?<![\w\-])([A-Z]{2,5})[ \u00a0]$")
_SMALL_WORDS = frozenset("a i on in at to by of as an no or if is it am be do go so up we he me my us".split())
_YEAR_THEN_I = re.compile(r"(?:19|20)\d{2}[ \u00a0]+I")
_VRM_ANY_CASE = _c(r"\b[A-Z]{2}\d{2}" + SEP + r"[A-Z]{3}\b", IC)
_PNC = _c(r"\b(?:19|20)?\d{2}/\d{1,7}[A-HJ-NP-RT-Z]\b")
_NFRC = _c(r"\bNFRC\d{8,14}\b", IC, needs=("nfrc",))
_OFFICER = _c(r"\b(?:PC|WPC|PCSO|DC|PS|DS|DI|DCI|Sgt|Insp|Officer|collar\s+(?:number|no\.?))\.?" + SEP
              + r"(\d{2,6})\b", IC,
              needs=("pc", "wpc", "dc", "ps", "ds", "di", "sgt", "insp", "officer", "collar"))  # fmt: skip
# A reference-like token: letters, digits, / and -, with at least four digits. Lengths are bounded
# (no reference is that long) so that a long run such as "12/34/12/34..." stays linear.
_REF_TOKEN = _c(r"(?<![\w/-])(?=(?:[A-Za-z/\-]{0,20}\d){4})[A-Za-z0-9](?:[A-Za-z0-9/\-]{0,40}[A-Za-z0-9])?(?![\w/])")
_LONG_NUMBER = _c(r"(?<![\w/])(?=(?:[A-Z/\-]{0,20}\d){6})[A-Z0-9](?:[A-Z0-9/\-]{0,40}[A-Z0-9])?(?![\w/])", IC)

# Dates.
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")  # fmt: skip
_DATE = _c(
    r"\b(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2}|"
    r"\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?[\s\-]+" + _MONTH + r"\.?,?[\s\-]+(?:\d{4}|'?\d{2})|"
    + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{4}|'\d{2}))\b",
    IC,
)  # fmt: skip
_DATE_NO_YEAR = _c(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?)\b", IC
)
_BORN_YEAR = _c(r"\bborn\s+(?:in\s+)?((?:19|20)\d{2})\b", IC, needs=("born",))

# Addresses.
_SUFFIX = "|".join(s + "s?" if not s.endswith("s") else s for s in lexicon.STREET_SUFFIXES)
_CAPWORD = r"[A-Z][\w'’\-]*"
# Streets are found from their last word ("Lane"), then the name, number and flat in front of it.
_STREET_END = re.compile(r"(?:" + _SUFFIX + r")(?![\w'’\-])\.?")
_STREET_FRONT = re.compile(
    r"(?:\b(?:Flat|Apartment|Apt|Studio|Unit|Room|Rm|Block)\s+\d+[A-Za-z]?,?\s+)?"
    r"(?:\b\d{1,4}[A-Za-z]?(?:[-\u2013]\d{1,4}[A-Za-z]?)?,?\s+)?"
    r"(?:(?:" + _CAPWORD + r")\s+){1,4}$"
)


def _streets(text: str) -> Iterator[tuple[int, int]]:
    for m in _STREET_END.finditer(text):
        s = m.start()
        if s == 0 or not text[s - 1].isspace():
            continue
        lo = max(0, s - 120)
        f = _STREET_FRONT.search(text, lo, s)
        if f:
            yield f.start(), m.end()


# A hill, park or green named with no house number is a district or an open space ("Brook's Hill",
# "Bethnal Green"): a fact. With a number, or "on" before it ("lived on Brook's Hill"), it is a street.
_AREA_ENDS = frozenset(("Hill", "Park", "Green", "Vale", "Heights", "Fields"))


_MONTH_BEFORE = re.compile(r"\b" + _MONTH + r"\.?[ \t\u00a0]+$", IC)
# A town's name in the possessive is not part of the street after it ("London's Oxford Street").
_PLACE_OWNS = re.compile(r"([A-Z][\w\-]*)['’]s[ \t\u00a0]+")


def _an_area(text: str, s: int, e: int) -> bool:
    v = text[s:e]
    return v.rsplit(None, 1)[-1].rstrip(".") in _AREA_ENDS and not re.search(r"\d", v) \
        and not re.search(r"\bon\s+$", text[max(0, s - 4) : s])


# A house number and a capitalised name after a word that introduces an address ("lived at 43 Kingsway").
_NUMBERED_PLACE = _c(
    r"(?:\b(?:live|lives|lived|living|address|house|home|flat|stay|stayed|staying|kept|moved|number|at|to|from)\b"
    r"[^.\n]{0,25}?)\b(\d{1,4}[A-Za-z]?,?\s+(?!(?:" + _MONTH + r")\b)[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})",
)
_FLAT = _c(r"\b(?:Flat|Apartment|Apt|Studio|Unit|Room|Rm)\s+\d+[A-Za-z]?\b", IC,
           needs=("flat", "apartment", "apt", "studio", "unit", "room", "rm"))
_PO_BOX = _c(r"\bP\.?\s?O\.?\s+Box\s+\d+\b", IC, needs=("box",))

# Patterns every match of which starts with one of their ``needs`` words: tried only where one starts
# (a test in test_redaction_quick_anchors checks each).
needs_first(_OFFICER, _FLAT, _BORN_YEAR, _GWF, _NFRC)
first_signs(_SHARE_CODE, "WRS")
# A house number after a word that introduces an address starts with that word, as written ("liv"
# for "live", "lives", "lived" and "living"; "stay" for "stayed" and "staying").
first_signs(_NUMBERED_PLACE, ("liv", "address", "house", "home", "flat", "stay", "kept", "moved", "number", "at",
                              "to", "from"))  # fmt: skip

# Patterns after a "\b" whose matches start with a letter or digit: searched for after a non-word
# character (a test in test_redaction_scanning checks each).
word_start(_NINO_STRICT, _NINO_LOOSE, _POSTCODE, _POSTCODE_OUTWARD, _SOCIAL_URL, _URL, _IBAN, _GWF, _SHARE_CODE,
           _PASSPORT_GENERIC, _DRIVING, _VRM, _VRM_NI, _VRM_DATELESS, _SPACED_REF, _VRM_ANY_CASE, _PNC, _NFRC,
           _OFFICER, _DATE, _DATE_NO_YEAR, _BORN_YEAR, _FLAT, _PO_BOX)


# Where a match can start, told by the runs of digits (``scanning.at_digits``; a test compares each
# with searching its windows): the first digit of a match, and how far in front of it the match starts.
_LETTERS_APART = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/-"
for _p, _run, _offsets in ((_NINO_STRICT, 2, (2, 3)), (_NINO_LOOSE, 2, (2, 3)), (_TRN, 2, (0,)), (_NHS, 3, (0,)),
                           (_SORT_CODE, 2, (0,)), (_CARD, 4, (0,)), (_PNC, 2, (0,)), (_IBAN, 2, (2,)),
                           (_HO_REF, 7, (1,)), (_BRP, 6, (2, 3)), (_SPACED_REF, 2, (1, 2, 3, 4)),
                           (_VRM, 1, (1, 2, 3, 4)), (_POSTCODE, 1, (1, 2, 3, 4, 5)), (_UK_PHONE, 1, (0, 1, 2, 3)),
                           (_INTL_PHONE, 1, (0, 1, 2, 3)), (_PHONE_CANDIDATE, 1, (0, 1, 2))):
    at_digits(_p, _run, _offsets)
at_digits(_REF_TOKEN, 1, tuple(range(21)), _LETTERS_APART)  # letters, "/" and "-" up to the first digit
at_digits(_LONG_NUMBER, 1, tuple(range(21)), _LETTERS_APART + "".join(map(chr, IC_ASCII)))  # (any case)
# A driving licence number's first digit: a "9" among its five first signs, or the digit after them
# and perhaps a separator (letters of any case and that separator before it).
_SEP_CHARS = " \t\u00a0-.\u2010\u2011\u2012\u2013\u2014\u2015"  # (those of ``SEP``)
at_digits(_DRIVING, 1, tuple(range(7)), _LETTERS_APART[:52] + "".join(map(chr, IC_ASCII)) + _SEP_CHARS)

# Digits every match of a pattern holds (in all, and in a row; for the phone candidates, every one
# that counts): a window with fewer is not searched for it (a test checks each).
_DIGITS_NEEDED = {
    _NINO_STRICT: (6, 2), _NINO_LOOSE: (6, 2), _TRN: (7, 5), _NHS: (10, 4), _SORT_CODE: (6, 2), _IBAN: (8, 2),
    _CARD: (12, 4), _HO_REF: (7, 7), _BRP: (6, 6), _GWF: (8, 8), _DRIVING: (6, 6), _PNC: (3, 2), _NFRC: (8, 8),
    _LONG_NUMBER: (6, 1), _SPACED_REF: (4, 2), _OFFICER: (2, 2), _REF_TOKEN: (4, 1), _BORN_YEAR: (4, 4),
    _UK_PHONE: (10, 1), _INTL_PHONE: (7, 1), _PHONE_CANDIDATE: (7, 1),
}  # fmt: skip


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " \t\u00a0.-,()/\n":
        e -= 1
    while s < e and text[s] in " \t\u00a0.-,(/\n":
        s += 1
    return s, e


def _strong_windows(text: str, dw: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``_windows(text, _STRONG)``, searched for only inside the windows around the digits (``dw``):
    every match of it starts at a digit, more than a margin inside one, and ends before its end."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for a, b in dw:
        for m in _STRONG.finditer(text, a, b):
            s, e = max(0, m.start() - 60), min(n, m.end() + 60)
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
    return out


def _phones(text: str, dw: list[tuple[int, int]] | None = None,
            counted: list[tuple[int, int, int, int]] | None = None,
            runs: Digits | None = None) -> list[Hit]:  # fmt: skip
    hits: list[Hit] = []
    runs = runs or Digits(text)
    if counted is None:
        counted = with_digits(text, _windows(text, _STRONG) if dw is None else dw)
    for pattern in (_UK_PHONE, _INTL_PHONE):
        for s, e, v in _iter(pattern, text, holding(counted, *_DIGITS_NEEDED[pattern]), at=runs.starts(pattern)):
            s, e = _strip(text, s, e)
            if s < e and text[s] == "(" and ")" not in text[s:e]:
                s += 1
            hits.append((s, e, "PHONE", 0.6 + 0.3 * _phone_valid(v)))
    # phonenumbers, leniently, on every run of digits long enough to be a phone number.
    found = sorted((h[0], h[1]) for h in hits)
    candidates = holding(counted, *_DIGITS_NEEDED[_PHONE_CANDIDATE])
    for m in _matches(_PHONE_CANDIDATE, text, candidates, at=runs.starts(_PHONE_CANDIDATE)):
        cs, ce = m.span()
        if sum(c.isdigit() for c in m.group()) < 7:
            continue
        i = bisect.bisect_right(found, (cs, len(text))) - 1
        if i >= 0 and found[i][1] >= ce - 1:
            continue  # already a phone number by the regexes
        ws = max(0, cs - 4)
        window = text[ws:ce]
        if "+" not in window and sum(c.isdigit() for c in window) < 9:
            continue  # what it finds counts only with nine digits or a "+", from this window
        try:
            matcher = phonenumbers.PhoneNumberMatcher(window, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
            for pm in matcher:
                s, e = ws + pm.start, ws + pm.end
                if sum(c.isdigit() for c in pm.raw_string) >= 9 or pm.raw_string.startswith("+"):
                    hits.append((s, e, "PHONE", 0.5 + 0.4 * phonenumbers.is_valid_number(pm.number)))
        except Exception:  # noqa: BLE001 - a parser failure must not stop detection
            continue
    return hits


# A UK number in digits and single spaces, written nationally ("0", or "0" and 2-5 digits in
# brackets, "(01632) 960 123") or internationally ("+44" or "0044", a space allowed, "(0)" allowed
# after it): then a national number of 9 or 10 digits (GB's possible lengths, the first not 0).
# ``phonenumbers.parse(value, "GB")`` of such a value is always country code 44 with that national
# number (brackets and spaces dropped, the "44" and the prefix "0" taken off, the rest kept as it
# is): built here directly, without the library's parse (two passes of its digit normalisation,
# its country code and prefix searches), about half the cost of a check.
_GB_NATIONAL = re.compile(
    r"(?:0|(?:\+|00)44 ?(?:\(0\) ?)?)([1-9](?: ?[0-9]){8,9})|\(0([1-9][0-9]{1,4})\) ?([0-9](?: ?[0-9]){4,9})"
)


@lru_cache(maxsize=4096)
def _phone_valid(value: str) -> bool:
    national = _GB_NATIONAL.fullmatch(value)
    if national is not None:
        digits = (national[1] or national[2] + national[3]).replace(" ", "")
        if 9 <= len(digits) <= 10:
            number = phonenumbers.PhoneNumber(country_code=44, national_number=int(digits))
            return phonenumbers.is_valid_number(number)
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, "GB"))
    except phonenumbers.NumberParseException:
        return False


def _looks_like_date(v: str) -> bool:
    return bool(re.fullmatch(r"\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{1,4})?", v))


def detect_patterns(text: str, runs: set[str] | frozenset[str] | None = None) -> list[Hit]:
    """Every pattern detector on ``text``. ``runs``: the runs of [a-z0-9] of ``text`` lower-cased,
    if the caller has them already."""
    ctx = _Context(text, runs)
    runs = Digits(text)
    dw = runs.windows()
    strong = _strong_windows(text, dw)
    # The windows holding enough digits for a pattern's every match (digits in all, and in a row).
    counted, dw_counted = runs.counted(strong), runs.counted(dw)

    def digits(pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        return holding(counted, *_DIGITS_NEEDED[pattern])

    # A pattern told by the runs of digits is tried only where they say a match can start (asked only
    # when there is a window to search: no window, no match).
    def each(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
        return _iter(pattern, text, windows, at=runs.starts(pattern) if windows else None)

    def every(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
        return _matches(pattern, text, windows, at=runs.starts(pattern) if windows else None)

    aw = _windows(text, _AT)
    sw = _slashes(text)
    hits: list[Hit] = []
    add = hits.append

    # Contact details.
    for s, e, _ in each(_EMAIL, text, aw):
        s, e = _strip(text, s, e)
        add((s, e, "EMAIL", 0.95))
    for s, e, _ in each(_EMAIL_SPOKEN, text, _dot_words(text)):
        add((s, e, "EMAIL", 0.7))
    for s, e, _ in each(_SOCIAL_URL, text, sw):
        s, e = _strip(text, s, e)
        add((s, e, "SOCIAL", 0.9))
    for s, e, v in each(_URL, text, sw):
        s, e = _strip(text, s, e)
        if not re.search(r"\.gov\.uk|police\.uk|nhs\.uk", v, IC):
            add((s, e, "SOCIAL", 0.5))
    for s, e, _ in each(_HANDLE, text, aw):
        add((s, e, "SOCIAL", 0.85))
    for m in every(_CTX["social"], text, _inner_marks(text, 50)):
        # "my Snapchat is amina.k92", "username: blessing_o"
        tail = re.match(r"\s*(?:name|account|id|profile|handle)?\s*(?:is|was|:|-|called|as)?\s*", text[m.end() :])
        pos = m.end() + (tail.end() if tail else 0)
        t = _SOCIAL_NAMED.match(text, pos)
        if t and re.search(r"[\d_.]", t.group()) and not t.group().isdigit():
            s, e = _strip(text, *t.span())
            if e > s:
                add((s, e, "SOCIAL", 0.7))
    hits.extend(_phones(text, strong, counted, runs))
    for s, e, spelt in spelt_phones(text):  # "oh seven seven double three ..."
        add((s, e, "PHONE", 0.6 + 0.3 * _phone_valid(spelt)))

    # National Insurance, NHS, tax numbers.
    for s, e, _ in each(_NINO_STRICT, text, digits(_NINO_STRICT)):
        add((s, e, "NI_NUMBER", 0.9))
    for s, e, v in each(_NINO_LOOSE, text, digits(_NINO_LOOSE)):
        if word_and_financial_year(v):
            continue  # "In 2017-18 they assisted": a word and a year
        add((s, e, "NI_NUMBER", 0.5 + 0.3 * ctx.near("nino", s, e)))
    for s, e, _ in each(_TRN, text, digits(_TRN)):
        add((s, e, "ID", 0.5))
    for s, e, v in each(_NHS, text, digits(_NHS)):
        d = _digits(v)
        if d.startswith("0"):
            continue  # a UK phone number, found above
        conf = 0.9 if nhs_ok(v) else 0.4
        add((s, e, "NHS_NUMBER", min(1.0, conf + 0.3 * ctx.near("nhs", s, e))))

    # Postcodes.
    for s, e, _ in each(_POSTCODE, text, strong):
        add((s, e, "POSTCODE", 0.9))
    for s, e, v in each(_POSTCODE_OUTWARD, text, ctx.windows("postcode", 60)):
        if ctx.near("postcode", s, e, before=40, after=20) and not v.isdigit():
            add((s, e, "POSTCODE", 0.5))

    # Bank and card details.
    for s, e, _ in each(_SORT_CODE, text, digits(_SORT_CODE)):
        add((s, e, "BANK", 0.5 + 0.4 * ctx.near("bank", s, e)))
    for s, e, v in each(_IBAN, text, digits(_IBAN)):
        if re.match(r"[A-Za-z]{2}\d{2}", v) and sum(c.isdigit() for c in v) >= 8:
            add((s, e, "BANK", 0.95 if iban_ok(v) else 0.6))
    for s, e, v in each(_CARD, text, digits(_CARD)):
        add((s, e, "BANK", 0.95 if luhn_ok(v) else 0.5))
    # An account number is a run of 6-10 digits near a bank word; a group of a phone number found
    # above ("07700 900123" near "card") is part of that number, not a second thing to redact.
    phones = [(ps, pe) for ps, pe, kind, _c in hits if kind == "PHONE"]
    for s, e, _ in each(_ACCOUNT, text, ctx.windows("bank", 100)):
        if ctx.near("bank", s, e, before=60, after=30) and not any(ps <= s and e <= pe for ps, pe in phones):
            add((s, e, "BANK", 0.7))

    # Home Office, BRP, passports, driving licences.
    for s, e, _ in each(_HO_REF, text, digits(_HO_REF)):
        add((s, e, "HOME_OFFICE_REF", 0.6 + 0.3 * ctx.near("ho", s, e)))
    for s, e, _ in each(_BRP, text, digits(_BRP)):
        add((s, e, "BRP", 0.6 + 0.3 * ctx.near("ho", s, e)))
    for s, e, _ in each(_GWF, text, digits(_GWF)):
        add((s, e, "HOME_OFFICE_REF", 0.95))
    for s, e, v in each(_SHARE_CODE, text, strong):
        if ctx.near("ho", s, e, before=120, after=30) or re.search(r"\d", v):
            add((s, e, "HOME_OFFICE_REF", 0.6))
    for s, e, _ in each(_PASSPORT_9, text, ctx.windows("passport", 140)):
        if ctx.near("passport", s, e, before=100, after=30):
            add((s, e, "PASSPORT", 0.8))
    for s, e, _ in each(_PASSPORT_GENERIC, text, ctx.windows("passport", 140)):
        if ctx.near("passport", s, e, before=100, after=30):
            add((s, e, "PASSPORT", 0.7))
    for s, e, _ in each(_MRZ, text, strong):
        add((s, e, "PASSPORT", 0.95))
    for s, e, _ in each(_DRIVING, text, digits(_DRIVING)):
        add((s, e, "DRIVING_LICENCE", 0.9))
    for s, e, _ in each(_NI_LICENCE, text, ctx.windows("licence", 120)):
        if ctx.near("licence", s, e):
            add((s, e, "DRIVING_LICENCE", 0.6))

    # Police references and officers.
    for s, e, _ in each(_PNC, text, digits(_PNC)):
        add((s, e, "CRIME_REF", 0.7))
    for s, e, _ in each(_NFRC, text, digits(_NFRC)):
        add((s, e, "CRIME_REF", 0.95))
    for m in every(_OFFICER, text, holding(dw_counted, *_DIGITS_NEEDED[_OFFICER])):
        add((m.start(1), m.end(1), "OFFICER_NUMBER", 0.8))

    # Reference-like tokens near a context word; any long number anywhere (low confidence).
    for s, e, v in each(_REF_TOKEN, text, holding(dw_counted, *_DIGITS_NEEDED[_REF_TOKEN])):
        if _looks_like_date(v) or re.fullmatch(r"(?:19|20)\d{2}s?", v) or year_range(v) or after_a_citation(text, s):
            continue
        if ctx.near("police", s, e, before=80, after=20):
            add((s, e, "CRIME_REF", 0.6))
        elif ctx.near("ho", s, e, before=80, after=20):
            add((s, e, "HOME_OFFICE_REF", 0.6))
        elif ctx.near("ref", s, e, before=40, after=10):
            add((s, e, "ID", 0.5))
    for s, e, v in each(_LONG_NUMBER, text, digits(_LONG_NUMBER)):
        if not _looks_like_date(v) and not year_range(v) and not eu_act_number(text, s, v):  # "from 2000-2007"
            add((s, e, "ID", 0.3))

    for s, e, v in each(_SPACED_REF, text, digits(_SPACED_REF)):
        if re.match(r"[A-Za-z]+", v).group().lower() in _SMALL_WORDS:
            continue  # "On 12 03 2019" is a date, not a reference
        if ctx.near("ho", s, e, before=60, after=10):
            add((s, e, "HOME_OFFICE_REF", 0.6))
        elif ctx.near("passport", s, e, before=60, after=10):
            add((s, e, "PASSPORT", 0.6))
        elif ctx.near("police", s, e, before=60, after=10) or ctx.near("ref", s, e, before=40, after=10):
            add((s, e, "CRIME_REF", 0.5))
    # A reference's letter prefix written apart ("CAD 4411/07JUN21", "URN 47/1234/21") is part of it.
    for k, (s, e, typ, conf) in enumerate(hits):
        if typ == "CRIME_REF":
            m = _REF_PREFIX.search(text, max(0, s - 8), s)
            if m and m.group(1).lower() not in _SMALL_WORDS | lexicon.TITLES | {"ref", "no", "id"}:
                hits[k] = (m.start(1), e, typ, conf)

    # Vehicles (case-sensitive shapes; any case next to a word such as "reg" or "car").
    for s, e, _ in each(_VRM_ANY_CASE, text, ctx.windows("vehicle", 60)):
        add((s, e, "VEHICLE", 0.6))
    for s, e, _ in each(_VRM, text, strong):
        add((s, e, "VEHICLE", 0.6 + 0.3 * ctx.near("vehicle", s, e)))
    for pattern in (_VRM_NI, _VRM_DATELESS):
        for s, e, v in each(pattern, text, ctx.windows("vehicle", 90)):
            if _YEAR_THEN_I.fullmatch(v):
                continue  # "In 2019 I left": a year and the word "I", not a dateless plate
            if text.startswith("-year", e):
                continue  # "A 24-year-old man": an age, not a dateless plate
            if ctx.near("vehicle", s, e, before=60, after=20) and re.search(r"\d", v) and re.search(r"[A-Z]", v):
                add((s, e, "VEHICLE", 0.5))

    # Dates of birth (only near "born", "DOB", "birthday": other dates are facts of the complaint).
    for pattern in (_DATE, _DATE_NO_YEAR):
        for s, e, _ in each(pattern, text, ctx.windows("dob", 70)):
            if ctx.near("dob", s, e, before=40, after=5):
                add((s, e, "DATE_OF_BIRTH", 0.85))
    for m in every(_BORN_YEAR, text, holding(dw_counted, *_DIGITS_NEEDED[_BORN_YEAR])):
        add((m.start(1), m.end(1), "DATE_OF_BIRTH", 0.6))

    # Addresses.
    for s, e in _streets(text):
        s, e = _strip(text, s, e)
        if (m := _PLACE_OWNS.match(text, s)) and m.group(1).lower() in lexicon.place_tokens():
            s = m.end()
        if e > s and not _an_area(text, s, e):
            add((s, e, "ADDRESS", 0.7))
    for m in every(_NUMBERED_PLACE, text, dw):
        s, e = _strip(text, *m.span(1))
        if e > s and not re.search(r"\d\s*(?:am|pm|AM|PM|Am|Pm)\b", text[s:e]) \
                and not re.search(r"\d[:.]$", text[max(0, s - 2) : s]) \
                and not _MONTH_BEFORE.search(text, max(0, s - 12), s):  # "at 09:30 BST", "in May 2021, AM's"
            add((s, e, "ADDRESS", 0.5))
    for s, e, _ in each(_FLAT, text, dw):
        add((s, e, "ADDRESS", 0.6))
    for s, e, _ in each(_PO_BOX, text, dw):
        add((s, e, "ADDRESS", 0.8))
    return hits


# Made from the words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(_phone_valid.cache_clear)
