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
# Possessive: a byte is either plain or the start of an escape, so there is only one way to read a
# string and nothing to backtrack into; runs of plain bytes are taken at once instead of one
# alternation per byte (the split was the largest part of a page's reading). The same pieces as
# ``(\((?:[^\\()]|\\.)*\))`` (tests/security/test_gate_lean_split.py).
_STRING = re.compile(rb"(\((?:[^\\()]++|\\.)*+\))", re.S)
# Between strings, what bytes.split() reads as whitespace must be exactly PDF's: no NUL, no VT.
_ODD_GAP = re.compile(rb"[\x00\x0b()<>{}%]")
_ODD_BYTES = tuple(bytes((c,)) for c in b"\x00\x0b()<>{}%")  # _ODD_GAP's, each looked for on its own
_ESCAPES = {
    ord("n"): b"\n",
    ord("r"): b"\r",
    ord("t"): b"\t",
    ord("b"): b"\b",
    ord("f"): b"\f",
    ord("("): b"(",
    ord(")"): b")",
    ord("\\"): b"\\",
}
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


def stream_of(page: pikepdf.Page, decoded: dict[tuple[int, int], bytes] | None = None) -> bytes | None:
    """A page's one content stream, decoded, if it has the shape the lean reading knows: one indirect
    stream, compressed with Flate or not at all, no decode parameters. None otherwise. ``decoded``:
    streams already decoded in this check, by object (:func:`.pdf.objects`)."""
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
    body = decoded.get(contents.objgen) if decoded else None
    return body if body is not None else contents.read_bytes()


def strings_text(strings: list[bytes]) -> list[str]:
    """``[string_bytes(s).decode("latin-1") for s in strings]`` for literal string tokens, read in
    one pass where that is sure to give the same: the bodies joined by ``)`` (which no body holds
    unescaped) and decoded at once, when no body has an end of line, an escaped parenthesis or an
    escape Python's codec reads otherwise, and the decoded whole has no ``)`` but the joins."""
    joined = b")".join([s[1:-1] for s in strings])
    if b"\r" in joined:
        raise Unread  # as string_bytes: an end of line inside a string is left to the full parser
    if b"\\" in joined:
        if b"\\(" in joined or b"\\)" in joined or not set(_ESCAPED.findall(joined)) <= _DECODED_BY_CODEC:
            return [string_bytes(s).decode("latin-1") for s in strings]
        joined = codecs.escape_decode(joined)[0]
        if joined.count(b")") != len(strings) - 1:  # an escape made a parenthesis: one by one
            return [string_bytes(s).decode("latin-1") for s in strings]
    return joined.decode("latin-1").split(")")


def _token_ok(token: bytes) -> bool:
    if token in _OPERATORS or token in (b"[", b"]") or _NUMBER.fullmatch(token):
        return True
    return _NAME.fullmatch(token) is not None and _NOT_IN_NAME.search(token, 1) is None


# A stretch's shape: every digit made 0. Tokens keep their places and kinds (a number stays a
# number, a name a name, an operator has no digit), so the lean reading's decisions, which depend
# on a token's kind and never on a number's value, are the same for every stretch of one shape;
# only a font's name differs, and it is read from the stretch itself.
_SHAPE = bytes.maketrans(b"123456789", b"000000000")


def _tokens(gap: bytes) -> list[bytes]:
    return gap.replace(b"[", b" [ ").replace(b"]", b" ] ").split()


def _plan(toks: list[bytes], after_string: bool, last: bool) -> tuple[int, int | None, bool] | None:
    """What one stretch of tokens between two strings does, outside an array: (spaces it reads as,
    the place in ``toks`` of the name of the font it chooses last or None, whether it opens an
    array), or None for anything the lean reading does not know. ``after_string``: a string stands
    just before it, which its first token must show; ``last``: no string follows it."""
    skipped = 0
    if after_string:
        if not toks or toks[0] not in _SHOW:
            return None
        toks = toks[1:]
        skipped = 1
    kinds = _KINDS.intersection(toks)
    if not kinds:
        return 0, None, False
    opens = False
    if b"[" in kinds or b"]" in kinds:
        if toks.count(b"[") != 1 or toks[-1] != b"[" or b"]" in kinds or last:
            return None  # an array holds the strings that follow it, and nothing else is read here
        opens = True
    if not kinds.isdisjoint(_SHOWN):
        return None  # a text-showing operator with no string just before it
    spaces = sum(toks.count(op) for op in _SPACE if op in kinds)
    font = None
    if b"Tf" in kinds:
        for i, t in enumerate(toks):
            if t == b"Tf":
                if i < 2 or toks[i - 2][:1] != b"/" or not _NUMBER.fullmatch(toks[i - 1]):
                    return None
                font = skipped + i - 2
    return spaces, font, opens


_Plans = dict[tuple[bytes, bool, bool], tuple[int, int | None, bool] | None]


def page_text(body: bytes, maps: dict[str, dict[int, str]], tables: dict, plans: _Plans | None = None) -> str | None:
    """The text a content stream shows, as the full reading gives it (each text-showing operator's
    codes through its font's map, a space for each operator that ends a run of text), or None if
    the stream holds anything the lean reading does not know.

    The stream is split at its literal strings; what lies between two strings is plain tokens
    (operators, numbers, names, brackets), checked once each for the whole stream. Those stretches
    are then read by their shape (every digit made 0, in one pass over the stream): a statement's
    shapes, far fewer than its stretches, are each worked out once (:func:`_plan`), so only the
    strings, the fonts chosen and the spaces are handled one by one. ``plans``: the shapes already
    worked out, shared by the pages of one document."""
    pieces = _STRING.split(body)  # gap, string, gap, string, ..., gap
    gaps = pieces[0::2]
    joined = b"\x01".join(gaps)
    # no odd byte in any gap (each looked for with memchr: the class's pattern stepped through every
    # byte), and no gap holds the separator, which would be part of a token _token_ok refuses
    if joined.count(b"\x01") != len(gaps) - 1 or any(odd in joined for odd in _ODD_BYTES):
        return None
    # each gap's shape, made in one pass; each distinct token checked once, its digits made 0 first:
    # a token's kind never depends on which digits it holds (no operator has one). The tokens of the
    # distinct shapes (a few dozen a page) are those of the whole stream: no token crosses a gap.
    shapes = joined.translate(_SHAPE).split(b"\x01")
    if not all(map(_token_ok, set(_tokens(b" ".join(set(shapes)))))):
        return None
    last = len(shapes) - 1
    plans = {} if plans is None else plans
    current: dict[int, str] = {}
    parts: list[str] = []
    array: list[str] | None = None  # the strings of an open TJ array
    try:
        texts = strings_text(pieces[1::2]) if len(pieces) > 1 else []
        for n, shape in enumerate(shapes):
            if array is not None:  # after a string in an array: numbers, then "] TJ" or more strings
                array.append(texts[n - 1])
                toks = _tokens(gaps[n])
                close = toks.index(b"]") if b"]" in toks else len(toks)
                if not all(_NUMBER.fullmatch(t) for t in toks[:close]):
                    return None
                if close == len(toks):
                    continue
                if toks[close + 1 : close + 2] != [b"TJ"]:
                    return None
                parts.append("".join(t.translate(current) for t in array))
                array = None
                toks = toks[close + 2 :]
                plan = _plan(toks, False, n == last)
            else:
                toks = None
                key = (shape, n > 0, n == last)
                if key in plans:
                    plan = plans[key]
                else:
                    plan = plans[key] = _plan(_tokens(shape), n > 0, n == last)
                if plan is None:
                    return None
                if n:  # the string before this stretch, shown by its first token
                    parts.append(texts[n - 1].translate(current))
            if plan is None:
                return None
            spaces, font_at, opens = plan
            if spaces:
                parts.append(" " * spaces)
            if font_at is not None:
                font_name = (toks if toks is not None else _tokens(gaps[n]))[font_at]
                font = maps.get(font_name.decode("latin-1"), {})
                held = tables.get(id(font))
                if held is None or held[0] is not font:
                    held = tables[id(font)] = (font, {b: font.get(b, "") for b in range(256)})
                current = held[1]
            if opens:
                array = []
    except (Unread, ValueError):
        return None
    return "".join(parts)
