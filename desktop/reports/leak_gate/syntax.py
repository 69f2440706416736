"""PDF keywords where they stand as the file's syntax, and Witnessbox's own ToUnicode CMap layout.

A protected string that is also a PDF keyword ("xref", "trailer", "EOF", "Registry", "Identity",
"def") was found in every statement's syntax and the statement could never be exported. The gate
blanks such words only where they stand as syntax, and searches everything else as before:

- :func:`mask_keywords`: in the file's bytes (and the same bytes outside streams), the object
  headers' ``obj``, ``endobj``, ``stream`` and ``endstream`` around a stream body, ``xref``,
  ``trailer``, ``startxref``, ``%%EOF``, the ``%PDF-`` header and reportlab's comment after it,
  each only as a whole line (``endstream`` only just before an ``endobj`` line). A string inside a dictionary is
  still searched through the objects' strings (:func:`.pdf.objects`), where no keyword is blanked.
- :func:`cmap_entries` recognises a ToUnicode map written exactly as ``desktop.reports.fonts``
  writes it (fixed header, one ``<code> <UTF-16>`` line per code, fixed footer). Such a map is
  parsed with one pattern (:func:`parse_ours`), and its decoded stream is searched with the
  header and footer blanked (:func:`cmap_syntax_blanked`): the entries stay, so the text a map
  gives is still searched. A map in any other shape is parsed and searched as before.
"""

from __future__ import annotations

import re

# Whole lines of a PDF's own syntax (reportlab's layout): only the keyword is blanked, numbers stay.
# (Each line is found from the end of line before it: a pattern that starts with a newline is
# looked for quickly, where one anchored at every line start was tried at every byte.)
_KEYWORD_LINES = re.compile(
    rb"\n(?:(endobj)|(stream)|(xref)|(trailer)|(startxref)|%%(EOF)"
    # reportlab's second line: a comment, its binary marker and its words
    rb"|(%[\x80-\xff]{4} ReportLab Generated PDF document \(opensource\)))(?=\r?\n|\Z)"
)
_HEADER = re.compile(rb"%(PDF)-\d\.\d(?=\r?\n)")  # the file's first line
# An object's header "12 0 obj": found from " obj" at an end of line, then its line is checked.
_OBJ = re.compile(rb" obj(?=\r?\n)")
_OBJ_NUMBERS = re.compile(rb"\d+ \d+")


def _blank_obj(m: re.Match[bytes]) -> bytes:
    data, at = m.string, m.start()
    line = data[data.rfind(b"\n", 0, at) + 1:at]
    return b"    " if _OBJ_NUMBERS.fullmatch(line) else m.group()
# endstream follows the stream's last byte directly and is followed by endobj on its own line
_ENDSTREAM = re.compile(rb"(endstream)(?=\r?\nendobj(?:\r?\n|\Z))")


def _blank_groups(m: re.Match[bytes]) -> bytes:
    """The match with the group that matched (each pattern here has one per branch) blanked."""
    whole, base = m.group(), m.start()
    s, e = m.span(m.lastindex or 0)
    return whole[:s - base] + b" " * (e - s) + whole[e - base:]


def mask_keywords(data: bytes) -> bytes:
    """``data`` (a PDF's bytes, or those bytes outside its streams) with its syntax keywords blanked
    where they stand as syntax (see the module's text). Same length, same positions."""
    data = _ENDSTREAM.sub(_blank_groups, data)  # first: it looks ahead for the endobj it precedes
    data = _HEADER.sub(_blank_groups, data[:16], count=1) + data[16:] if data.startswith(b"%PDF-") else data
    data = _OBJ.sub(_blank_obj, data)
    return _KEYWORD_LINES.sub(_blank_groups, data)


# Outside streams a PDF's numbers are its syntax: widths, boxes, object numbers, lengths, the
# cross-reference table's offsets. Searched as one text with spaces or punctuation removed, they ran
# together into numbers nobody reads ("/Widths [ 0 596 0 579" holds "596057"; an offset and its
# generation, "0000012345 00000", hold "234500"), and a statement recording a phone number, sort code
# or account number with such a group could not be exported. Literal strings (nested up to four
# deep), hexadecimal strings, comments and names stay as they are: text is there, and numbers in it.
_STRING = rb"\((?:[^\\()]|\\.)*\)"
for _ in range(3):
    _STRING = rb"\((?:[^\\()]|\\.|" + _STRING + rb")*\)"
_TEXT_TOKENS = re.compile(_STRING + rb"|%[^\r\n]*|<[0-9A-Fa-f\s]*>|/[^\s()<>\[\]{}/%]*", re.S)
_NUMBER_TOKEN = re.compile(rb"(?<![^\s()<>\[\]{}%])[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?![^\s()<>\[\]{}/%])")


def numbers_blanked(data: bytes) -> bytes:
    """``data`` (a PDF's bytes outside its streams) with every number that stands as a token of its
    syntax blanked; strings, names and comments kept whole. Same length, same positions."""
    out: list[bytes] = []
    pos = 0
    for m in _TEXT_TOKENS.finditer(data):
        out += (_NUMBER_TOKEN.sub(_blank, data[pos:m.start()]), m.group())
        pos = m.end()
    out.append(_NUMBER_TOKEN.sub(_blank, data[pos:]))
    return b"".join(out)


def _blank(m: re.Match[bytes]) -> bytes:
    return b" " * (m.end() - m.start())


# Witnessbox's ToUnicode map (desktop.reports.fonts), line by line. The names in it are the
# standard identity names, never a font's or a person's.
_CMAP_HEAD = (
    rb"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<< /Registry \(Adobe\)\n"
    rb"/Ordering \(UCS\)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    rb"1 begincodespacerange\n<00> <[0-9A-F]{2}>\nendcodespacerange\n\d{1,3} beginbfchar\n"
)
_CMAP_TAIL = rb"\nendbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
_OURS = re.compile(rb"(" + _CMAP_HEAD + rb")((?:<[0-9A-F]{2}> <(?:[0-9A-F]{4})+>\n)*<[0-9A-F]{2}> <(?:[0-9A-F]{4})+>)"
                   rb"(" + _CMAP_TAIL + rb")")
_ENTRY = re.compile(rb"<([0-9A-F]{2})> <([0-9A-F]+)>")
_SURROGATE = re.compile("[\ud800-\udfff]")


def cmap_entries(body: bytes) -> re.Match[bytes] | None:
    """The match of ``body`` as a whole against Witnessbox's own ToUnicode layout, or None."""
    return _OURS.fullmatch(body)


def parse_ours(body: bytes) -> dict[int, str] | None:
    """``parse_tounicode(body)`` for a map in Witnessbox's own layout, read with one pattern; None
    for any other map (the caller then parses it the general way)."""
    m = _OURS.fullmatch(body)
    if m is None:
        return None
    pairs = _ENTRY.findall(m.group(2))
    codes = bytes.fromhex(b"".join(src for src, _dst in pairs).decode("ascii"))  # one byte per code
    # every entry decoded at once, kept only if every UTF-16 unit became one character of its own
    # (no surrogate, paired or not: each entry alone would read as U+FFFD); each entry's text is
    # then its own units, a slice of the whole (a glyph of several letters is several units)
    units = b"".join(dst for _src, dst in pairs)
    text = bytes.fromhex(units.decode("ascii")).decode("utf-16-be", "surrogatepass")
    if len(text) * 4 == len(units) and not _SURROGATE.search(text):
        if len(text) == len(pairs):  # one unit each (most maps)
            return dict(zip(codes, text, strict=True))
        out: dict[int, str] = {}
        at = 0
        for code, (_src, dst) in zip(codes, pairs, strict=True):
            end = at + len(dst) // 4
            out[code] = text[at:end]
            at = end
        return out
    return {code: bytes.fromhex(dst.decode("ascii")).decode("utf-16-be", errors="replace")
            for code, (_src, dst) in zip(codes, pairs, strict=True)}


def cmap_syntax_blanked(body: bytes) -> bytes:
    """A ToUnicode map's decoded stream with its header and footer blanked if it is in Witnessbox's
    own layout (its entries kept, so the text it maps is still searched); any other map unchanged."""
    m = _OURS.fullmatch(body)
    if m is None:
        return body
    head, tail = m.group(1), m.group(3)
    return b" " * len(head) + m.group(2) + b" " * len(tail)
