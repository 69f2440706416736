"""The leak gate's lean reading of a page's content stream, for the PDFs Witnessbox draws.

qpdf's general parser (``pikepdf.parse_content_stream``) made every instruction of a page an
object, when the gate needs only the text-showing ones: it was about a quarter of the gate's time.
Witnessbox's statements use a small, known set of operators, plain numbers, names, literal and
hex strings and arrays, and nothing else. :func:`page_texts` reads exactly that:

1. the whole stream must be made of the known tokens (:data:`_VALID`, one match over the bytes);
2. then one pass finds each text-showing unit (a string and ``Tj``, ``'`` or ``"``; an array and
   ``TJ``; a font name, a size and ``Tf``) and each operator that ends a run of text;
3. a string, array, name or text operator found outside those units, any operator, encoding,
   filter, object shape or escape it does not know, makes it answer None, and the caller reads
   the page with the full parser as before. The shortcut never passes a page on its own: it gives
   the same text as the full reading, or no answer at all.
"""

from __future__ import annotations

import codecs
import re

import pikepdf

# Every operator a statement's content uses (text, text state, graphics state, colour, paths).
# Anything else (marked content with /ActualText, inline images, XObjects, shadings) is not read here.
_OPERATORS = frozenset(
    b"BT ET Tf Tj TJ ' \" Td TD Tm T* TL Tc Tw Tz Ts Tr q Q cm w J j M d ri i gs rg RG g G k K "
    b"m l c v y h re S s f F f* B B* b b* n W W*".split()
)
_SHOW = frozenset((b"Tj", b"'", b'"'))
_SPACE = (b"ET", b"Td", b"TD", b"Tm", b"T*")  # each reads as a space, as in the full reading
_SHOWN = frozenset((*_SHOW, b"TJ"))
_KINDS = frozenset((*_SHOWN, *_SPACE, b"Tf", b"[", b"]"))  # the tokens that matter between strings
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_NAME = re.compile(rb"/[!-~]*")  # printable ASCII; delimiters and '#' escapes are refused below
_NOT_IN_NAME = re.compile(rb"[()<>\[\]{}/%#]")
# A literal string with no unescaped parenthesis inside (nested ones are left to the full parser).
_STRING = re.compile(rb"(\((?:[^\\()]|\\.)*\))", re.S)
# Between strings, what bytes.split() reads as whitespace must be exactly PDF's: no NUL, no VT.
_ODD_GAP = re.compile(rb"[\x00\x0b()<>{}%]")
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f",
            ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)
_ESCAPED = re.compile(rb"\\(.)", re.S)
_DECODED_BY_CODEC = frozenset(bytes((c,)) for c in b"0123\\nrtbf")  # \\4xx and above warn there


class Unread(Exception):
    """Something the lean reading does not know: the page is read with the full parser instead."""


def _escape(m: re.Match[bytes]) -> bytes:
    esc = m.group(1)
    if esc[0] in _ESCAPES:
        return _ESCAPES[esc[0]]
    if esc.isdigit():
        return bytes((int(esc, 8) & 0xFF,))
    raise Unread  # a line continuation or an unknown escape: left to the full parser


def string_bytes(token: bytes) -> bytes:
    """The bytes of one literal ``(...)`` or hex ``<...>`` string token."""
    if token[:1] == b"<":
        digits = bytes(c for c in token[1:-1] if c not in b"\x00\t\n\f\r ")
        return bytes.fromhex((digits + b"0" if len(digits) % 2 else digits).decode("ascii"))
    body = token[1:-1]
    if b"\r" in body:
        raise Unread  # an end of line inside a string is read as a newline: left to the full parser
    if b"\\" not in body:
        return body
    if b"\\(" in body or b"\\)" in body:
        return _ESCAPE.sub(_escape, body)
    escaped = set(_ESCAPED.findall(body))
    if not escaped <= _DECODED_BY_CODEC:
        return _ESCAPE.sub(_escape, body)
    # only octal codes and \\ \\n \\r \\t \\b \\f, which Python's own escape codec reads as PDF does
    return codecs.escape_decode(body)[0]


def stream_of(page: pikepdf.Page) -> bytes | None:
    """A page's one content stream, decoded, if it has the shape the lean reading knows: one indirect
    stream, compressed with Flate or not at all, no decode parameters. None otherwise."""
    contents = page.obj.get("/Contents")
    if isinstance(contents, pikepdf.Array):
        if len(contents) != 1:
            return None
        contents = contents[0]
    if not isinstance(contents, pikepdf.Stream) or not contents.is_indirect:
        return None
    if "/DecodeParms" in contents or "/F" in contents:
        return None
    filters = contents.get("/Filter")
    if filters is not None:
        names = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
        if names != [pikepdf.Name.FlateDecode]:
            return None
    return contents.read_bytes()


def _token_ok(token: bytes) -> bool:
    if token in _OPERATORS or token in (b"[", b"]") or _NUMBER.fullmatch(token):
        return True
    return _NAME.fullmatch(token) is not None and _NOT_IN_NAME.search(token, 1) is None


def page_text(body: bytes, maps: dict[str, dict[int, str]], tables: dict) -> str | None:
    """The text a content stream shows, as the full reading gives it (each text-showing operator's
    codes through its font's map, a space for each operator that ends a run of text), or None if
    the stream holds anything the lean reading does not know.

    The stream is split at its literal strings; what lies between two strings is plain tokens
    (operators, numbers, names, brackets), checked once each, so only the strings, the fonts
    chosen and the operators around them are looked at one by one."""
    pieces = _STRING.split(body)  # gap, string, gap, string, ..., gap
    gaps = pieces[0::2]
    if _ODD_GAP.search(b" ".join(gaps)):
        return None
    tokens = [g.replace(b"[", b" [ ").replace(b"]", b" ] ").split() for g in gaps]
    if not all(map(_token_ok, set().union(*tokens))):
        return None
    current: dict[int, str] = {}
    parts: list[str] = []
    array: list[bytes] | None = None  # the strings of an open TJ array
    try:
        for n, toks in enumerate(tokens):
            if n:  # after a string: it is shown by the operator that follows, or is in an array
                if array is None:
                    if not toks or toks[0] not in _SHOW:
                        return None
                    parts.append(string_bytes(pieces[2 * n - 1]).decode("latin-1").translate(current))
                    toks = toks[1:]
                else:
                    array.append(pieces[2 * n - 1])
            if array is not None:  # numbers, then "] TJ" or more strings
                close = toks.index(b"]") if b"]" in toks else len(toks)
                if not all(_NUMBER.fullmatch(t) for t in toks[:close]):
                    return None
                if close == len(toks):
                    continue
                if toks[close + 1:close + 2] != [b"TJ"]:
                    return None
                parts.append("".join(string_bytes(s).decode("latin-1").translate(current) for s in array))
                array = None
                toks = toks[close + 2:]
            kinds = _KINDS.intersection(toks)
            if not kinds:
                continue
            if b"[" in kinds or b"]" in kinds:
                if toks.count(b"[") != 1 or toks[-1] != b"[" or b"]" in kinds or n == len(tokens) - 1:
                    return None  # an array holds the strings that follow it, and nothing else is read here
                array = []
            if not kinds.isdisjoint(_SHOWN):
                return None  # a text-showing operator with no string just before it
            for op in _SPACE:
                if op in kinds:
                    parts.extend(" " * toks.count(op))
            if b"Tf" in kinds:
                for i, t in enumerate(toks):
                    if t == b"Tf":
                        if i < 2 or toks[i - 2][:1] != b"/" or not _NUMBER.fullmatch(toks[i - 1]):
                            return None
                        font = maps.get(toks[i - 2].decode("latin-1"), {})
                        held = tables.get(id(font))
                        if held is None or held[0] is not font:
                            held = tables[id(font)] = (font, {b: font.get(b, "") for b in range(256)})
                        current = held[1]
    except (Unread, ValueError):
        return None
    return "".join(parts)
