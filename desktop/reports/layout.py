"""A paragraph flowable that mixes scripts and directions safely.

reportlab's own Paragraph shapes a word with the first font in it, and lays right-to-left text
out only with an optional bidi library. Statements mix English, Urdu, Punjabi, Bengali and
Hindi, so :class:`ScriptParagraph` does its own simple, predictable layout:

* words are split into font runs by script (:func:`desktop.reports.fonts.runs`), complex scripts
  shaped by HarfBuzz;
* lines are filled greedily in logical order; a word wider than the line is broken between
  characters, so nothing runs past the margin;
* a numbered paragraph (``number="3."``) hangs its number in the indent before the first line: at
  the left of a left-to-right paragraph, at the right of a right-to-left one;
* the paragraph's direction is that of its first strong letter. In a right-to-left paragraph the
  words of each line are placed right to left, keeping left-to-right stretches (placeholders
  such as "[PHONE 1]", numbers) in their own order; in a left-to-right paragraph, stretches of
  right-to-left words are reversed. This is the word-level part of the Unicode bidi algorithm,
  which is what statements need.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import black
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable, Table

from desktop.core.forgetting import kept_until_lock
from desktop.reports.fonts import Run, clean_text, runs
from desktop.reports.wording import PLACEHOLDER, fixed_phrases

_GLUE = "\u0000"  # stands for the space inside a placeholder while the text is cut into words


def _glue(m: re.Match[str]) -> str:
    return m.group().replace(" ", _GLUE)


def _strong_direction(text: str) -> str | None:
    for ch in text:
        bd = unicodedata.bidirectional(ch)
        if bd in ("R", "AL"):
            return "R"
        if bd == "L":
            return "L"
    return None


@dataclass
class _Word:
    runs: list[Run]
    width: float
    direction: str  # "L", "R" or "N" (no strong letter)


def _word_direction(text: str) -> str:
    d = _strong_direction(text)
    if d:
        return d
    return "L" if any(ch.isdigit() for ch in text) else "N"


@lru_cache(maxsize=8192)
def _word(token: str, size: float, bold: bool) -> _Word:
    """One word, measured once per process (a word is never changed once made)."""
    rs = runs(token, size, bold=bold)
    return _Word(rs, sum(r.width for r in rs), _word_direction(token))


class ScriptParagraph(Flowable):
    """A block of plain text (no markup) in one size and weight, laid out as described above."""

    def __init__(self, text: str, *, size: float = 10.5, leading: float | None = None, bold: bool = False,
                 space_before: float = 0, space_after: float = 4, indent: float = 0,
                 color=black, align: str = "start", literal: bool = False,
                 tokens: re.Pattern[str] | None = None, number: str | None = None) -> None:
        super().__init__()
        self.text = clean_text(text).replace("\n", " ").replace("\t", " ")
        # For the leak gate (see desktop.reports.statement.Rendered): a literal paragraph is the
        # form's own wording and each of its lines is recorded where drawn; in any other, only ``tokens``
        # (placeholders, the form's words around a typed value) are recorded, once per occurrence.
        self.literal = literal
        self.tokens = tokens
        self.size = size
        self.leading = leading if leading is not None else size * 1.55
        self.bold = bold
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.indent = indent
        self.color = color
        self.align = align
        self.rtl = _strong_direction(self.text) == "R"
        self.number = number  # drawn in the indent before the first line (not on a continuation)
        self._words: list[_Word] | None = None
        self._lines: list[list[_Word]] = []
        self._wrapped_for: float | None = None

    # -- measuring ----------------------------------------------------------------------------

    def _measure(self) -> list[_Word]:
        if self._words is None:
            words = []
            # a placeholder ("Person A", "[PHONE 1]"), a force's name or a date is one word: never
            # broken across lines or pages, so that each is one string where the leak gate reads it
            glued = fixed_phrases().sub(_glue, PLACEHOLDER.sub(_glue, self.text))
            for token in glued.split(" "):
                token = token.replace(_GLUE, " ")
                if not token:
                    continue
                words.append(_word(token, self.size, self.bold))
            self._words = words
        return self._words

    def _space(self) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        from desktop.reports.fonts import LATIN, FontSet

        pair = FontSet.load()[LATIN]
        return stringWidth(" ", pair.bold if self.bold else pair.regular, self.size)

    def _split_long(self, word: _Word, width: float) -> list[_Word]:
        text = "".join(r.text for r in word.runs)
        pieces: list[_Word] = []
        current = ""
        for ch in text:
            trial = current + ch
            rs = runs(trial, self.size, bold=self.bold)
            if current and sum(r.width for r in rs) > width:
                done = runs(current, self.size, bold=self.bold)
                pieces.append(_Word(done, sum(r.width for r in done), word.direction))
                current = ch
            else:
                current = trial
        if current:
            done = runs(current, self.size, bold=self.bold)
            pieces.append(_Word(done, sum(r.width for r in done), word.direction))
        return pieces

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        width = availWidth - self.indent
        if self._wrapped_for != width:
            space = self._space()
            lines: list[list[_Word]] = []
            line: list[_Word] = []
            used = 0.0
            for word in self._measure():
                parts = [word] if word.width <= width else self._split_long(word, width)
                for part in parts:
                    need = part.width + (space if line else 0)
                    if line and used + need > width:
                        lines.append(line)
                        line, used = [part], part.width
                    else:
                        line.append(part)
                        used += need
            if line:
                lines.append(line)
            self._lines = lines
            self._wrapped_for = width
            self._space_w = space
        self.width = availWidth
        self.height = max(1, len(self._lines)) * self.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab API)
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.leading)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        if fit < 2 and len(self._lines) > 3:  # no single orphaned line at the foot of a page
            return []
        if len(self._lines) - fit == 1:  # nor a single widowed line at the head of the next
            if fit < 3:
                return []
            fit -= 1
        first = self._clone(self._lines[:fit], space_after=0)
        rest = self._clone(self._lines[fit:], space_before=0)
        rest.number = None
        return [first, rest]

    def _clone(self, lines: list[list[_Word]], **kw: float) -> ScriptParagraph:
        p = ScriptParagraph.__new__(ScriptParagraph)
        p.__dict__.update({k: v for k, v in self.__dict__.items() if k not in ("_postponed", "_frame")})
        p._lines = lines
        p._words = [w for line in lines for w in line]
        if "space_after" in kw:
            p.spaceAfter = kw["space_after"]
        if "space_before" in kw:
            p.spaceBefore = kw["space_before"]
        return p

    def identity(self, maxLen: int | None = None) -> str:  # noqa: N803 (reportlab API)
        """What reportlab names this flowable in layout errors: never its text."""
        return f"<{type(self).__name__} of {len(self._lines) or '?'} lines>"

    def __repr__(self) -> str:
        return self.identity()

    # -- drawing ------------------------------------------------------------------------------

    def _visual_order(self, line: list[_Word]) -> list[_Word]:
        base = "R" if self.rtl else "L"
        other = "L" if base == "R" else "R"
        # resolve neutral words: between two words of the other direction they join it, else base
        dirs = [w.direction for w in line]
        resolved = []
        for i, d in enumerate(dirs):
            if d != "N":
                resolved.append(d)
                continue
            before = next((x for x in reversed(dirs[:i]) if x != "N"), base)
            after = next((x for x in dirs[i + 1:] if x != "N"), base)
            resolved.append(other if before == other and after == other else base)
        groups: list[tuple[str, list[_Word]]] = []
        for word, d in zip(line, resolved, strict=True):
            if groups and groups[-1][0] == d:
                groups[-1][1].append(word)
            else:
                groups.append((d, [word]))
        if base == "R":
            groups.reverse()
        out: list[_Word] = []
        for d, words in groups:
            out.extend(reversed(words) if d == "R" else words)
        return out

    def drawn_lines(self) -> list[str]:
        """The lines this paragraph (or this part of it) draws, each in logical order."""
        return [" ".join("".join(r.text for r in w.runs) for w in line) for line in self._lines]

    def _note_literals(self) -> None:
        note = getattr(self.canv, "note_literal", None)
        if note is None:
            return
        if self.literal:  # line by line: each line is one string in the page's content
            for line in self.drawn_lines():
                note(line)
        elif self.tokens is not None:
            for m in self.tokens.finditer(" ".join(self.drawn_lines())):
                note(m.group())

    def _draw_number(self, y: float) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        from desktop.reports.fonts import LATIN, FontSet

        font = FontSet.load()[LATIN].regular
        x = self.width - stringWidth(self.number, font, self.size) if self.rtl else 0
        self.canv.setFont(font, self.size)
        self.canv.drawString(x, y, self.number)

    def draw(self) -> None:
        canv = self.canv
        self._note_literals()
        canv.saveState()
        canv.setFillColor(self.color)
        width = self.width - self.indent
        # a right-to-left numbered paragraph keeps its indent (and its number) on the right
        left = 0 if (self.rtl and self.number) else self.indent
        if self.number and self._lines:
            self._draw_number(self.height - self.size * 1.15)
        space = getattr(self, "_space_w", None) or self._space()
        y = self.height - self.size * 1.15
        # one text object for the paragraph, each run placed where it goes (a short page content
        # that every reader, the leak gate's included, gets through quickly)
        text = None
        current = None
        at = (0.0, 0.0)
        for line in self._lines:
            ordered = self._visual_order(line)
            line_w = sum(w.width for w in ordered) + space * (len(ordered) - 1)
            right = self.rtl if self.align == "start" else self.align == "right"
            x = left + (width - line_w if right else 0)
            if self.align == "center":
                x = left + (width - line_w) / 2
            # (x, font, glyphs): plain runs in one font are joined with spaces, so a line of
            # English is one text string (what extractors and screen readers handle best)
            segments: list[list] = []
            gap = False
            for word in ordered:
                pieces = list(reversed(word.runs)) if word.direction == "R" else word.runs
                for run in pieces:
                    plain = type(run.glyphs) is str
                    last = segments[-1] if segments else None
                    if last is not None and plain and last[3] and last[1] == run.font and last[4] == run.size:
                        last[2] += (" " if gap else "") + run.glyphs
                    else:
                        segments.append([x, run.font, run.glyphs, plain, run.size])
                    gap = False
                    x += run.width
                x += space
                gap = True
            for sx, font, glyphs, is_plain, size in segments:
                if text is None:
                    text = canv.beginText(sx, y)
                else:  # a relative move (Td) is shorter than placing the text matrix (Tm)
                    text.moveCursor(sx - at[0], at[1] - y)
                at = (sx, y)
                if (font, size) != current:
                    text.setFont(font, size)
                    current = (font, size)
                if is_plain:
                    _show(canv, text, font, glyphs)
                else:
                    _show_shaped(canv, text, font, glyphs)
            y -= self.leading
        if text is not None:
            canv.drawText(text)
        canv.restoreState()


def _show(canv, text, font_name: str, glyphs: str) -> None:  # noqa: ANN001 - reportlab's canvas and text object
    """``text.textOut(glyphs)`` for an unshaped run in an embedded TrueType font, writing the same
    operators without reportlab's per-call work (the cursor is placed with ``moveCursor`` each time,
    so the advance ``textOut`` measures is never used)."""
    font = getFont(font_name)
    if not font._dynamicFont:
        text.textOut(glyphs)
        return
    doc = canv._doc
    code: list[str] = []
    for subset, chunk in font.splitString(glyphs, doc):
        if subset != text._curSubset:
            code.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(text._fontsize)} Tf "
                        f"{fp_str(text._leading)} TL")
            text._curSubset = subset
        code.append(f"({canv._escape(chunk)}) Tj")
    text._code.append(" ".join(code))


def _show_shaped(canv, text, font_name: str, glyphs: str) -> None:  # noqa: ANN001 - reportlab's canvas and text object
    """``text.textOut(glyphs)`` for a shaped run (a HarfBuzz ``ShapedStr``): the same operators as
    reportlab's shaping path writes, made without its per-glyph lists and groupings and without
    measuring the run again (placed by ``moveCursor``, as :func:`_show` does for unshaped runs).

    Only the common case is written here: no text rise and no glyph raised or lowered, every glyph
    in a cluster (then reportlab writes each subset's glyphs as one string, each glyph's horizontal
    offset and the difference between its width and HarfBuzz's advance as numbers between them).
    Anything else goes through reportlab."""
    font = getFont(font_name)
    shape = getattr(glyphs, "__shapeData__", None)
    if (shape is None or text._rise or not font._dynamicFont or not font.shapable
            or any(sd.y_offset or sd.cluster < 0 for sd in shape)):
        text.textOut(glyphs)
        return
    doc = canv._doc
    code: list[str] = []
    at = 0
    for subset, chunk in font.splitString(glyphs, doc):
        if subset != text._curSubset:
            code.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(text._fontsize)} Tf "
                        f"{fp_str(text._leading)} TL")
            text._curSubset = subset
        # reportlab's sequence per glyph is -x_offset, the glyph's code, width - x_advance + x_offset;
        # zeros are dropped, neighbouring codes joined into one string, neighbouring numbers summed
        # (in the same order), and a sum that prints as 0 dropped
        items: list[str] = []
        codes = bytearray()
        number: float | None = None
        for code_point, sd in zip(chunk, shape[at:at + len(chunk)], strict=True):
            for value in (-sd.x_offset, None, sd.width - sd.x_advance + sd.x_offset):
                if value is None:
                    if number is not None:
                        _number(items, number)
                        number = None
                    codes.append(code_point)
                elif value:
                    if codes:
                        items.append(f"({canv._escape(bytes(codes))})")
                        codes = bytearray()
                    number = value if number is None else number + value
        if codes:
            items.append(f"({canv._escape(bytes(codes))})")
        if number is not None:
            _number(items, number)
        at += len(chunk)
        code.append(f"{items[0]} Tj" if len(items) == 1 and items[0].startswith("(") else f"[{' '.join(items)}] TJ")
    text._code.append(" ".join(code))


def _number(items: list[str], value: float) -> None:
    printed = fp_str(value)
    if printed != "0":
        items.append(printed)


class RowsTogetherTable(Table):
    """A table (with ``repeatRows`` header rows) that splits across pages only with two rows or
    more on each side: no row stands alone at the foot of a page, nor at the head of the next."""

    def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803 (reportlab API)
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        first_rows = len(parts[0]._cellvalues) - self.repeatRows
        rest_rows = len(parts[1]._cellvalues) - self.repeatRows
        if first_rows < 2:
            return []  # the whole table starts on the next page
        if rest_rows < 2 and first_rows >= 3:  # one more row goes over
            return super().split(availWidth, availHeight - parts[0]._rowHeights[-1] - 0.5)
        return parts


# Made from the words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(_word.cache_clear)
