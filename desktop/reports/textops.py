"""The text operators of a paragraph, written without reportlab's text object.

A statement is mostly paragraphs of plain text in one or two embedded TrueType fonts: for each,
reportlab's text object would look every character up in the font's subset table (``splitString``,
the largest single cost of drawing a statement), format each move and font change through its
general methods, and save and restore the whole canvas state around it. :class:`TextWriter`
writes the same operators, byte for byte, with less work:

* a font's characters become their one-byte codes in one ``str.translate`` over the run, through a
  table kept per document and font, made from the codes reportlab itself assigned
  (``TTFont.splitString`` still assigns every code, in the order characters are first drawn, so
  the subsets and their codes are reportlab's); a run with a character not yet assigned, or past
  the first subset, goes through ``splitString`` as before;
* a shaped run's positions (HarfBuzz's offsets and advances, as reportlab writes them between the
  glyph codes) are worked out once per run and kept with the run, which lives until the vault locks
  (:func:`desktop.reports.fonts.runs`);
* the fill colour, the moves and the font changes are formatted here, as reportlab formats them.

Anything else (a glyph raised or lowered, a colour that is not plain opaque RGB) is left to
reportlab: :meth:`TextWriter.can_draw` says so before anything is written.
"""

from __future__ import annotations

from itertools import islice

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont

_UNASSIGNED = "\U0010ffff"  # never a one-byte code: the run goes through reportlab's splitString
_OPS = "_wb_ops"  # a shaped run's positions, kept on the run itself (reportlab's ShapedStr)


class _Codes(dict):
    """Code point -> its one-byte code in a font's first subset, in one document."""

    seen = 0  # how many of reportlab's assignments are in the table

    def __missing__(self, key: int) -> str:
        return _UNASSIGNED


def _shaped_ops(glyphs) -> tuple | None:  # noqa: ANN001 - reportlab's ShapedStr
    """The items reportlab writes for a shaped run held in one subset, as (start, end) slices of its
    glyph codes and numbers (already printed), or None if reportlab must draw it.

    reportlab's sequence per glyph is -x_offset, the glyph's code, width - x_advance + x_offset;
    zeros are dropped, neighbouring codes joined into one string, neighbouring numbers summed (in
    the same order), and a sum that prints as 0 dropped. A glyph raised or lowered (y_offset) or
    outside a cluster changes reportlab's grouping: those runs are reportlab's to draw."""
    try:
        return glyphs.__dict__[_OPS]
    except KeyError:
        pass
    shape = glyphs.__shapeData__
    ops: list = []
    if any(sd.y_offset or sd.cluster < 0 for sd in shape):
        glyphs.__dict__[_OPS] = None
        return None
    start = end = -1
    number: float | None = None
    for i, sd in enumerate(shape):
        for value in (-sd.x_offset, None, sd.width - sd.x_advance + sd.x_offset):
            if value is None:
                if number is not None:
                    printed = fp_str(number)
                    if printed != "0":
                        ops.append(printed)
                    number = None
                if start < 0:
                    start = i
                end = i + 1
            elif value:
                if start >= 0:
                    ops.append((start, end))
                    start = -1
                number = value if number is None else number + value
    if start >= 0:
        ops.append((start, end))
    if number is not None:
        printed = fp_str(number)
        if printed != "0":
            ops.append(printed)
    result = tuple(ops)
    glyphs.__dict__[_OPS] = result
    return result


class TextWriter:
    """Writes text operators for one canvas's document (see the module's doc). One per canvas."""

    def __init__(self, canv) -> None:  # noqa: ANN001 - reportlab's canvas
        self.canv = canv
        self.doc = canv._doc
        self._escape = canv._escape
        self._codes: dict[str, _Codes] = {}
        self._fonts: dict[str, object] = {}
        self._names: dict[tuple[str, int, float, float], str] = {}
        self._colors: dict[int, tuple[Color, str]] = {}

    @classmethod
    def of(cls, canv) -> TextWriter:  # noqa: ANN001 - reportlab's canvas
        writer = canv.__dict__.get("_wb_text_writer")
        if writer is None or writer.doc is not canv._doc:
            writer = canv.__dict__["_wb_text_writer"] = cls(canv)
        return writer

    # -- what may be written here -------------------------------------------------------------

    def fill(self, color) -> str | None:  # noqa: ANN001 - a reportlab colour
        """The operator ``canvas.setFillColor(color)`` writes, or None if this writer leaves it to reportlab."""
        known = self._colors.get(id(color))
        if known is not None and known[0] is color:
            op = known[1]
        else:
            canv = self.canv
            if type(color) is not Color or isinstance(color, CMYKColor) or getattr(canv, "_enforceColorSpace", None):
                return None
            op = f"{fp_str((color.red, color.green, color.blue))} rg"
            self._colors[id(color)] = (color, op)
        alpha = color.alpha
        if alpha is not None:
            # what setFillAlpha does for an opaque colour over an opaque state: no operator
            if alpha != self.canv._extgstate.getValue("ca"):
                return None
            self.doc.ensureMinPdfVersion("transparency")
        return op

    def can_draw(self, font_name: str, glyphs) -> bool:  # noqa: ANN001 - a str or reportlab's ShapedStr
        """True if :meth:`show` writes ``glyphs`` as reportlab would (else reportlab draws the paragraph)."""
        if not self._font(font_name)._dynamicFont:
            return False
        if type(glyphs) is str:
            return True
        return (getattr(glyphs, "__shapeData__", None) is not None and self._font(font_name).shapable
                and _shaped_ops(glyphs) is not None)

    # -- codes --------------------------------------------------------------------------------

    def _font(self, name: str):  # noqa: ANN202 - reportlab's TTFont
        font = self._fonts.get(name)
        if font is None:
            font = self._fonts[name] = getFont(name)
        return font

    def split(self, font_name: str, glyphs: str) -> list[tuple[int, bytes]]:
        """``TTFont.splitString(glyphs, doc)``: the same subsets and codes."""
        if not glyphs:
            return []
        codes = self._codes.get(font_name)
        if codes is None:
            codes = self._codes[font_name] = _Codes()
        coded = glyphs.translate(codes)
        if _UNASSIGNED not in coded:
            return [(0, coded.encode("latin-1"))]
        font = self._font(font_name)
        out = font.splitString(glyphs, self.doc)
        assignments = font.state[self.doc].assignments
        if len(assignments) != codes.seen:
            for cp, n in islice(assignments.items(), codes.seen, None):
                if n < 256:
                    codes[cp] = chr(n)
            codes.seen = len(assignments)
        return out

    def font_op(self, font_name: str, subset: int, size: float, leading: float) -> str:
        key = (font_name, subset, size, leading)
        op = self._names.get(key)
        if op is None:
            name = self._font(font_name).getSubsetInternalName(subset, self.doc)
            op = self._names[key] = f"{name} {fp_str(size)} Tf {fp_str(leading)} TL"
        return op

    # -- operators ----------------------------------------------------------------------------

    def show(self, font_name: str, glyphs: str, size: float, current: int, out: list[str]) -> int:
        """Append what ``textOut(glyphs)`` writes (plain or shaped) after the text object's font was
        set to ``font_name`` at ``size``; ``current`` is the subset in use (-1 after a font change).
        Returns the subset in use afterwards."""
        if type(glyphs) is str and glyphs:  # plain text whose every character has its code already
            codes = self._codes.get(font_name)
            coded = glyphs.translate(codes) if codes is not None else _UNASSIGNED
            if _UNASSIGNED not in coded:  # what split gives: one piece, the first subset
                shown = f"({self._escape(coded.encode('latin-1'))}) Tj"
                out.append(shown if current == 0 else f"{self.font_op(font_name, 0, size, size * 1.2)} {shown}")
                return 0
        code: list[str] = []
        escape = self._escape
        leading = size * 1.2
        pieces = self.split(font_name, glyphs)
        ops = None if type(glyphs) is str else _shaped_ops(glyphs)
        at = 0
        for subset, chunk in pieces:
            if subset != current:
                code.append(self.font_op(font_name, subset, size, leading))
                current = subset
            if ops is None:
                code.append(f"({escape(chunk)}) Tj")
                continue
            if len(pieces) == 1:
                items = [op if type(op) is str else f"({escape(chunk[op[0]:op[1]])})" for op in ops]
            else:
                items = _chunk_items(chunk, glyphs.__shapeData__[at:at + len(chunk)], escape)
            at += len(chunk)
            code.append(f"{items[0]} Tj" if len(items) == 1 and items[0].startswith("(") else f"[{' '.join(items)}] TJ")
        out.append(" ".join(code))
        return current

    def line(self, x: float, y: float, font_name: str, text: str, size: float) -> str:
        """What ``canvas.setFont(font_name, size); canvas.drawString(x, y, text)`` writes for plain text."""
        out: list[str] = []
        self.show(font_name, text, size, -1, out)
        return f"BT 1 0 0 1 {fp_str(x, y)} Tm {out[0]} T* ET"


def _chunk_items(chunk: bytes, shape, escape) -> list[str]:  # noqa: ANN001 - HarfBuzz's data, reportlab's escape
    """The items of one subset's piece of a shaped run (the rare run split across subsets)."""
    items: list[str] = []
    codes = bytearray()
    number: float | None = None
    for code_point, sd in zip(chunk, shape, strict=True):
        for value in (-sd.x_offset, None, sd.width - sd.x_advance + sd.x_offset):
            if value is None:
                if number is not None:
                    _number(items, number)
                    number = None
                codes.append(code_point)
            elif value:
                if codes:
                    items.append(f"({escape(bytes(codes))})")
                    codes = bytearray()
                number = value if number is None else number + value
    if codes:
        items.append(f"({escape(bytes(codes))})")
    if number is not None:
        _number(items, number)
    return items


def _number(items: list[str], value: float) -> None:
    printed = fp_str(value)
    if printed != "0":
        items.append(printed)
