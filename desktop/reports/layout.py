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
* a paragraph made with ``line_breaks=True`` keeps the writer's single line breaks: each line they
  start has its own direction (a line of Hindi after one of Arabic is not run into it);
* the paragraph's direction is that of its first strong letter. In a right-to-left paragraph the
  words of each line are placed right to left, keeping left-to-right stretches (placeholders
  such as "[PHONE 1]", numbers) in their own order; in a left-to-right paragraph, stretches of
  right-to-left words are reversed. This is the word-level part of the Unicode bidi algorithm,
  which is what statements need.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib.colors import black
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Table

from desktop.core.forgetting import kept_until_lock
from desktop.reports.fonts import Run, clean_text, runs
from desktop.reports.textops import TextWriter
from desktop.reports.wording import PLACEHOLDER, Phrases, fixed_wording

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


_BREAK = "\n"  # a line break the writer made, kept by a paragraph made with ``line_breaks=True``


class _Line(list):
    """A laid-out line: its words, and whether it reads right to left (each line the writer started
    has its own direction; a line wrapped from it has the same)."""

    rtl = False
    starts = False  # the first line of a line the writer started (not one wrapped from it)


@dataclass
class _Word:
    runs: list[Run]
    width: float
    direction: str  # "L", "R" or "N" (no strong letter)
    text: str  # the runs' logical text, joined
    # (font, size) of a word drawn as one plain run that keeps its place in a left-to-right line
    # (not right to left, not shaped), else None: a line of such words in one font is one string
    plain: tuple[str, float] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rs = self.runs
        one = len(rs) == 1 and type(rs[0].glyphs) is str and self.direction != "R"
        self.plain = (rs[0].font, rs[0].size) if one else None


def _word_direction(text: str) -> str:
    d = _strong_direction(text)
    if d:
        return d
    return "L" if any(ch.isdigit() for ch in text) else "N"


@lru_cache(maxsize=8192)
def _word(token: str, size: float, bold: bool) -> _Word:
    """One word, measured once per process (a word is never changed once made)."""
    rs = runs(token, size, bold=bold)
    return _Word(rs, sum(r.width for r in rs), _word_direction(token), token)


class ScriptParagraph(Flowable):
    """A block of plain text (no markup) in one size and weight, laid out as described above."""

    def __init__(self, text: str, *, size: float = 10.5, leading: float | None = None, bold: bool = False,
                 space_before: float = 0, space_after: float = 4, indent: float = 0,
                 color=black, align: str = "start", literal: bool = False,
                 tokens: Phrases | re.Pattern[str] | None = None, number: str | None = None,
                 line_breaks: bool = False) -> None:
        super().__init__()
        text = clean_text(text).replace("\t", " ")
        if line_breaks:
            text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
        self.text = text if line_breaks else text.replace("\n", " ")
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
        self._words: list[_Word | str] | None = None
        self._lines: list[_Line] = []
        self._wrapped_for: float | None = None

    # -- measuring ----------------------------------------------------------------------------

    def _measure(self) -> list[_Word | str]:
        """The paragraph's words in logical order, with :data:`_BREAK` where the writer broke a line."""
        if self._words is None:
            words: list[_Word | str] = []
            for n, hard in enumerate(self.text.split(_BREAK)):
                if n:
                    words.append(_BREAK)
                # a placeholder ("Person A", "[PHONE 1]"), a force's name or a date is one word: never
                # broken across lines or pages, so that each is one string where the leak gate reads it
                glued = fixed_wording().sub(_glue, PLACEHOLDER.sub(_glue, hard))
                for token in glued.split(" "):
                    token = token.replace(_GLUE, " ")
                    if not token:
                        continue
                    words.append(_word(token, self.size, self.bold))
            self._words = words
        return self._words

    def _hard_directions(self) -> list[bool]:
        """Whether each line the writer started reads right to left: by its first strong letter, else
        as the line before it (the first as the paragraph)."""
        out: list[bool] = []
        if getattr(self, "_directions", None) is not None:
            return self._directions
        for hard in self.text.split(_BREAK):
            d = _strong_direction(hard)
            out.append(d == "R" if d else (out[-1] if out else self.rtl))
        return out

    def _space(self) -> float:
        return _space_width(self.bold, self.size)

    def _split_long(self, word: _Word, width: float) -> list[_Word]:
        text = word.text
        pieces: list[_Word] = []
        current = ""
        for ch in text:
            trial = current + ch
            rs = runs(trial, self.size, bold=self.bold)
            if current and sum(r.width for r in rs) > width:
                done = runs(current, self.size, bold=self.bold)
                pieces.append(_Word(done, sum(r.width for r in done), word.direction, current))
                current = ch
            else:
                current = trial
        if current:
            done = runs(current, self.size, bold=self.bold)
            pieces.append(_Word(done, sum(r.width for r in done), word.direction, current))
        return pieces

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        width = availWidth - self.indent
        if self._wrapped_for != width:
            space = self._space()
            lines: list[_Line] = []
            directions = iter(self._hard_directions())
            rtl = next(directions)
            line, used = _Line(), 0.0
            line.rtl, line.starts = rtl, True
            for word in self._measure():
                if word is _BREAK:  # the writer's own line break: the next line starts afresh
                    if line:
                        lines.append(line)
                    line, used = _Line(), 0.0
                    line.rtl, line.starts = (rtl := next(directions)), True
                    continue
                parts = [word] if word.width <= width else self._split_long(word, width)
                for part in parts:
                    need = part.width + (space if line else 0)
                    if line and used + need > width:
                        lines.append(line)
                        line, used = _Line([part]), part.width
                        line.rtl = rtl
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
        # the part's own words and line breaks, and its lines' directions, should it be wrapped again
        p._words = [w for i, line in enumerate(lines) for w in ([_BREAK] if i and line.starts else []) + line]
        p._directions = [line.rtl for i, line in enumerate(lines) if i == 0 or line.starts]
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

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: ANN001, N802, N803 (reportlab API)
        """reportlab's ``Flowable.drawOn``, with its "q", "cm" and "Q" written here: the canvas's
        state after a paragraph is the state before it, so copying it to restore it is left out
        (the paragraph's own drawing saves and restores whatever it changes)."""
        if getattr(self, "_showBoundary", None):
            super().drawOn(canvas, x, y, _sW)
            return
        x = self._hAlignAdjust(x, _sW)
        code = canvas._code
        code.append("q")
        # canvas.translate after a "q": what fp_str(1, 0, 0, 1, x, y) prints, the constants written out
        code.append(f"1 0 0 1 {fp_str(x, y)} cm")
        self.canv = canvas
        try:
            self.draw()
        finally:
            del self.canv
        code.append("Q")

    def _visual_order(self, line: list[_Word]) -> list[_Word]:
        rtl = getattr(line, "rtl", self.rtl)
        if not rtl and all(w.direction != "R" for w in line):
            return line  # left to right throughout: the words stay in their order
        base = "R" if rtl else "L"
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
        return [" ".join([w.text for w in line]) for line in self._lines]

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

    def _number_x(self, font: str) -> float:
        return self.width - stringWidth(self.number, font, self.size) if self.rtl else 0

    def _segments(self, line: list[_Word], left: float, width: float, space: float) -> list[list]:
        """Where each run of a line goes, as [x, font, glyphs, plain, size]: plain runs in one font
        are joined with spaces, so a line of English is one text string (what extractors and screen
        readers handle best)."""
        rtl = getattr(line, "rtl", self.rtl)
        key = line[0].plain if line else None
        if key is not None and not rtl and all(w.plain == key for w in line):
            # a left-to-right line of plain words in one font and size: the loop below would give
            # one segment, the words' text joined with spaces, at the line's start
            line_w = sum(w.width for w in line) + space * (len(line) - 1)
            x = left + (width - line_w if (self.align == "right") else 0)
            if self.align == "center":
                x = left + (width - line_w) / 2
            return [[x, key[0], " ".join([w.runs[0].glyphs for w in line]), True, key[1]]]
        return self._segments_each(line, left, width, space)

    def _segments_each(self, line: list[_Word], left: float, width: float, space: float) -> list[list]:
        """:meth:`_segments` worked out run by run, for any line."""
        ordered = self._visual_order(line)
        line_w = sum(w.width for w in ordered) + space * (len(ordered) - 1)
        right = getattr(line, "rtl", self.rtl) if self.align == "start" else self.align == "right"
        x = left + (width - line_w if right else 0)
        if self.align == "center":
            x = left + (width - line_w) / 2
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
        return segments

    def draw(self) -> None:
        canv = self.canv
        self._note_literals()
        width = self.width - self.indent
        # a right-to-left numbered paragraph keeps its indent (and its number) on the right
        left = 0 if (self.rtl and self.number) else self.indent
        space = getattr(self, "_space_w", None) or self._space()
        lines = [self._segments(line, left, width, space) for line in self._lines]
        writer = TextWriter.of(canv)
        fill = writer.fill(self.color) if canv.bottomup else None
        if fill is None or not all(writer.can_draw(s[1], s[2]) for segments in lines for s in segments):
            self._draw_with_reportlab(lines)
            return
        # what reportlab's saveState, setFillColor, drawString and one text object write, made here
        # (desktop.reports.textops); the canvas's own state is left as it was, as restoreState would
        code = canv._code
        code.append("q")
        code.append(fill)
        y = self.height - self.size * 1.15
        if self.number and self._lines:
            font = _latin(False)
            code.append(writer.line(self._number_x(font), y, font, self.number, self.size))
        ops: list[str] = []
        current = None
        subset = -1
        at = (0.0, 0.0)
        for segments in lines:
            for sx, font, glyphs, _plain, size in segments:
                if not ops:
                    ops += ("BT", f"1 0 0 1 {fp_str(sx, y)} Tm")
                else:  # a relative move (Td) is shorter than placing the text matrix (Tm)
                    ops.append(f"{fp_str(sx - at[0], -(at[1] - y))} Td")  # as moveCursor
                at = (sx, y)
                if (font, size) != current:
                    current = (font, size)
                    subset = -1
                subset = writer.show(font, glyphs, size, subset, ops)
            y -= self.leading
        if ops:
            ops.append("ET")
            code.append(" ".join(ops))
        code.append("Q")

    def _draw_with_reportlab(self, lines: list[list[list]]) -> None:
        """The same operators through reportlab's own text object: for a run :mod:`textops` leaves to
        reportlab (a glyph raised or lowered), a colour other than plain RGB, a top-down canvas."""
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.color)
        y = self.height - self.size * 1.15
        if self.number and self._lines:
            font = _latin(False)
            canv.setFont(font, self.size)
            canv.drawString(self._number_x(font), y, self.number)
        text = None
        current = None
        at = (0.0, 0.0)
        for segments in lines:
            for sx, font, glyphs, _plain, size in segments:
                if text is None:
                    text = _TextObject(canv, sx, y)
                else:
                    text.moveCursor(sx - at[0], at[1] - y)
                at = (sx, y)
                if (font, size) != current:
                    text.setFont(font, size)
                    current = (font, size)
                text.textOut(glyphs)
            y -= self.leading
        if text is not None:
            canv.drawText(text)
        canv.restoreState()


class _TextObject(PDFTextObject):
    """reportlab's text object, able to raise or lower the first glyph it shows: its ``setRise``
    looks at the operator before it, and inside ``textOut`` there is none yet when a run of shaped
    text begins with a raised mark (an Arabic tanween or shadda first in a right-to-left word), so
    the export failed with an IndexError and the whole statement could not be made."""

    def setRise(self, rise: float) -> None:  # noqa: N802 - reportlab's name
        if not self._code:
            self._rise = rise
            self._y -= rise
            self._code.append(f"{fp_str(rise)} Ts")
            return
        super().setRise(rise)


@lru_cache(maxsize=64)
def _space_width(bold: bool, size: float) -> float:
    """The width of a space in the statement's Latin font (the font's own, no interview's)."""
    return stringWidth(" ", _latin(bold), size)


def _latin(bold: bool) -> str:
    from desktop.reports.fonts import LATIN, FontSet

    pair = FontSet.load()[LATIN]
    return pair.bold if bold else pair.regular


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
