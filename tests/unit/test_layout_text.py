"""The statement's own writer of text operators (desktop/reports/textops.py) says exactly what
reportlab's text object says: run by run, and paragraph by paragraph."""

from __future__ import annotations

import io
from functools import partial

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from desktop.reports.fonts import LATIN, FontSet, runs
from desktop.reports.layout import ScriptParagraph
from desktop.reports.textops import TextWriter

# parentheses and a backslash (escaped in a PDF string), accents, and more than 256 different
# characters, so the run crosses from one font subset into the next
RUNS = ["Statement of Person A", r"(a) back\slash ) (", "Łukasz Ştefan Ţăranu café",
        "".join(chr(c) for c in range(0x21, 0x7F)) + "".join(chr(c) for c in range(0xC0, 0x250)), "[PHONE 1]"]


def _ours(canvas, text, font, run) -> None:  # noqa: ANN001 - reportlab's canvas and text object
    """``text.textOut(run)`` written by the statement's writer (as a paragraph's text is)."""
    out: list[str] = []
    text._curSubset = TextWriter.of(canvas).show(font, run, text._fontsize, text._curSubset, out)
    text._code.append(out[0])


def _code(write) -> str:  # noqa: ANN001 - a function of (canvas, text object, font, run)
    canvas = Canvas(io.BytesIO(), invariant=1)
    font = FontSet.load()[LATIN].regular
    text = canvas.beginText(10, 10)
    for size in (10.5, 9):
        text.setFont(font, size)
        for run in RUNS * 2:  # the second time every character already has its code
            write(canvas, text, font, run)
            text.moveCursor(5, 12)
    return text.getCode()


def test_the_direct_writer_and_textout_write_the_same_operators():
    ours = _code(_ours)
    theirs = _code(lambda canvas, text, font, run: text.textOut(run))
    assert ours == theirs
    assert ours.count(" Tf ") >= 3  # the runs did cross into a second subset and back
    assert r"\(a\) back\\slash \) \(" in ours


# Urdu, Punjabi, Bengali and Hindi words shaped by HarfBuzz: joining forms, conjuncts, vowel signs
# placed before their consonant, marks over and under letters, and digits among letters
SHAPED_WORDS = ["ہرپریت", "کور", "مانچسٹر", "پولیس", "ਹਰਪ੍ਰੀਤ", "ਕੌਰ", "ਪੁਲਿਸ", "ਗੁਰਮੁਖੀ", "ক্ষেত্রে", "পুলিশ",
                "বাংলা", "क्षेत्र", "पुलिस", "श्रीमती", "हिन्दी", "ख़तरा", "ਪੰਜਾਬੀ੧੨੩"]
# Urdu with its short vowels written: HarfBuzz raises or lowers those marks (a vertical offset)
RAISED_WORDS = ["مُحَمَّد", "کِیا"]


def _shaped_code(write, words=SHAPED_WORDS, rise: float = 0) -> str:  # noqa: ANN001 - (canvas, text object, font, run)
    canvas = Canvas(io.BytesIO(), invariant=1)
    text = canvas.beginText(10, 10)
    if rise:
        text.setRise(rise)
    shaped = 0
    for size in (10.5, 9):
        for bold in (False, True):
            for word in words * 2:
                for run in runs(word, size, bold=bold):
                    text.setFont(run.font, size)
                    if hasattr(run.glyphs, "__shapeData__"):
                        shaped += 1
                        write(canvas, text, run.font, run.glyphs)
                    text.moveCursor(5, 12)
    assert shaped >= 8 * len(words)  # every word went through the shaping path
    return text.getCode()


def test_the_direct_writer_of_shaped_runs_and_textout_write_the_same_operators():
    writer = TextWriter.of(Canvas(io.BytesIO()))
    assert all(writer.can_draw(r.font, r.glyphs) for w in SHAPED_WORDS for r in runs(w, 10.5))
    ours = _shaped_code(_ours)
    theirs = _shaped_code(lambda canvas, text, font, run: text.textOut(run))
    assert ours == theirs
    assert " TJ" in ours  # glyphs placed with HarfBuzz's offsets, not only whole strings


def test_a_raised_glyph_is_left_to_reportlab():
    writer = TextWriter.of(Canvas(io.BytesIO()))
    for word in RAISED_WORDS:
        assert not all(writer.can_draw(r.font, r.glyphs) for r in runs(word, 10.5))
    # and reportlab's own drawing of it, raised text included, is what a paragraph holding it gets
    assert " Ts" in _shaped_code(lambda c, t, f, r: t.textOut(r), words=RAISED_WORDS)


# -- whole paragraphs: the writer's path and reportlab's text object give the page the same bytes --

def _paragraphs() -> list[ScriptParagraph]:
    grey = colors.HexColor("#444444")
    return [
        ScriptParagraph("WITNESS STATEMENT", size=17, bold=True),
        ScriptParagraph("My name is Person A. I live at [ADDRESS 1], Rochdale (near Manchester) \\ 50% café "
                        "Łukasz Ştefan Ţăranu " * 6, number="12.", indent=25),
        ScriptParagraph("Supercalifragilisticexpialidocious" * 8, size=9.5, color=grey),
        ScriptParagraph(" ".join(SHAPED_WORDS * 3) + " [PHONE 1] 07700", number="3.", indent=25),
        ScriptParagraph("میرے مالک Person B نے میرا پاسپورٹ رکھ لیا [HOME OFFICE REF 1] 2024 اور " * 4,
                        number="4.", indent=25),
        ScriptParagraph("A statement with " + " ".join(RAISED_WORDS) + " in it, drawn by reportlab.", number="5."),
        ScriptParagraph("centred words", align="center", color=colors.CMYKColor(0, 0, 0, 1)),
        ScriptParagraph("right", align="right", size=8.5),
        ScriptParagraph("", size=10),
    ]


def _page(draw_with_reportlab: bool) -> tuple[str, list]:
    canvas = Canvas(io.BytesIO(), invariant=1)
    y = 800
    for p in _paragraphs():
        _w, h = p.wrap(480, 700)
        p.canv = canvas
        canvas.saveState()
        canvas.translate(40, y - h)
        if draw_with_reportlab:
            p._draw_with_reportlab([p._segments(line, 0 if (p.rtl and p.number) else p.indent, p.width - p.indent,
                                                p._space()) for line in p._lines])
        else:
            p.draw()
        canvas.restoreState()
        del p.canv
        y -= h
    names = [n for pair in FontSet.load().values() for n in (pair.regular, pair.bold)]
    fonts = [(n, sorted(getFont(n).state[canvas._doc].assignments.items())) for n in names
             if canvas._doc in getFont(n).state]
    return "\n".join(canvas._code), fonts


def test_paragraphs_draw_the_same_bytes_as_reportlab_would():
    ours, our_codes = _page(False)
    theirs, their_codes = _page(True)
    assert ours == theirs
    assert our_codes == their_codes  # the same characters got the same codes in the same subsets
    assert " TJ" in ours and " Ts" in ours and " k" in ours and "(12.) Tj T*" in ours


def _clean_char_by_char(text: str) -> str:
    """clean_text's rule, one character at a time: bidi controls and control characters dropped,
    separators made spaces, newlines and tabs kept."""
    import unicodedata

    from desktop.reports.fonts import _DROPPED

    out = []
    for ch in unicodedata.normalize("NFC", text):
        cat = unicodedata.category(ch)
        if ch in _DROPPED or (cat == "Cc" and ch not in "\n\t"):
            continue
        out.append(" " if cat.startswith("Z") else ch)
    return "".join(out)


def test_clean_text_skips_the_character_loop_only_when_the_loop_would_change_nothing():
    from desktop.reports.fonts import clean_text

    # every code point below U+3100 (every separator and control is there) and a few beyond
    for cp in [*range(0x3100), 0xFEFF, 0xFFFD, 0x1F600, 0xE0001]:
        if 0xD800 <= cp < 0xE000:
            continue
        for text in ("é" + chr(cp), "Łukasz" + chr(cp) + "ہرپریت"):
            assert clean_text(text) == _clean_char_by_char(text), hex(cp)


def test_clean_text_of_ascii_returns_printable_text_as_it_is_and_drops_every_control():
    from desktop.reports.fonts import clean_text

    for cp in range(128):  # every ASCII character, alone and inside printable text
        for text in (chr(cp), "Statement " + chr(cp) + " taken", "line one\n" + chr(cp)):
            assert clean_text(text) == _clean_char_by_char(text), hex(cp)
    assert clean_text("a\x7fb\x00c\x1fd") == "abcd"
    assert clean_text("tab\tand\nnewline kept") == "tab\tand\nnewline kept"


def _placed(ours: bool) -> tuple[str, list[dict]]:
    """Every paragraph placed on a canvas by its own drawOn or by reportlab's Flowable.drawOn; the
    canvas's code and its state after each paragraph."""
    canvas = Canvas(io.BytesIO(), invariant=1)
    canvas.setFont(FontSet.load()[LATIN].regular, 10)
    canvas.translate(3, 4)  # a "cm" just before: reportlab's translate would merge with it, not after a "q"
    states = []
    y = 800
    for p in _paragraphs():
        _w, h = p.wrap(480, 700)
        (p.drawOn if ours else partial(Flowable.drawOn, p))(canvas, 40, y - h, 12)
        y -= h
        states.append({name: repr(canvas.__dict__[name]) for name in canvas.STATE_ATTRIBUTES if name != "_extgstate"}
                      | {"_extgstate": repr(canvas._extgstate.__dict__), "stack": len(canvas.state_stack)})
    return "\n".join(canvas._code), states


def test_a_paragraph_placed_by_its_own_draw_on_writes_what_reportlabs_writes():
    ours, our_states = _placed(True)
    theirs, their_states = _placed(False)
    assert ours == theirs
    assert our_states == their_states  # the canvas is left as reportlab's restoreState leaves it
    assert ours.count("q\n1 0 0 1 40 ") == len(_paragraphs())


def test_a_plain_run_whose_characters_have_codes_is_written_without_splitting(monkeypatch):
    # the second time through, every character has its code: show writes each run directly, as
    # textOut does (checked above), without asking split for the one piece it would give
    calls: list[str] = []
    split = TextWriter.split

    def counted(self, font_name, glyphs):  # noqa: ANN001, ANN202
        calls.append(glyphs)
        return split(self, font_name, glyphs)

    monkeypatch.setattr(TextWriter, "split", counted)
    canvas = Canvas(io.BytesIO(), invariant=1)
    font = FontSet.load()[LATIN].regular
    writer = TextWriter.of(canvas)
    first: list[str] = []
    writer.show(font, "Statement of Person A", 10.5, -1, first)
    assert calls == ["Statement of Person A"]  # codes assigned here, through reportlab
    again: list[str] = []
    assert writer.show(font, "Person A of Statement", 10.5, -1, again) == 0
    assert writer.show(font, "Person A", 10.5, 0, again) == 0
    assert len(calls) == 1
    assert again[0] == first[0].replace("(Statement of Person A)", "(Person A of Statement)")
    assert again[1] == "(Person A) Tj"
