"""The leak gate, proved from outside: statements full of identifiers hold none of them by every
check the gate makes, re-done here with the parsers directly; broken renderers that leak a name
(metadata, white text, annotation, outline, incremental update, covered text) are caught and
nothing is written."""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata

import pikepdf
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.reports import leak_gate
from desktop.reports.export import build_content
from desktop.reports.fonts import FontSet, runs
from desktop.reports.leak_gate import LeakDetected
from desktop.reports.leak_gate.normalise import needle
from desktop.reports.leak_gate.pdf import without_font_names
from desktop.reports.leak_gate.search import search_bytes
from desktop.reports.statement import render_statement
from desktop.services.errors import Refused
from desktop.services.statements import statement_content, write_statement
from tests.factories import HO_REF, POLISH_NAME, POLISH_PERP, PUNJABI_NAME, URDU_NAME, redact, sample_interview
from tests.pdf_tools import forms, pdftotext, strip_accents, text_forms, word_in

# -- independent checks (pikepdf, pypdf, poppler; nothing from desktop.reports.leak_gate) ----------


def secrets_of(iv) -> list[str]:
    """The recorded strings and their parts of three letters or more (what the gate is given)."""
    out = list(iv.known_strings())
    out += [part for s in iv.known_strings() for part in s.split() if len(part) >= 3 and part not in out]
    return out


def _bytes_forms(s: str) -> set[bytes]:
    out = set()
    for f in forms(s):
        for enc in ("utf-8", "utf-16-be", "latin-1"):
            try:
                b = f.encode(enc)
            except UnicodeEncodeError:
                continue
            if len(b) >= 6:  # shorter byte strings turn up by chance in compressed data
                out.add(b.lower())
    return out


def extracted_form(text: str) -> str:
    """What poppler reads back for ``text`` drawn alone by the statement renderer (shaped glyphs)."""
    content = build_content(sample_interview(), redact(sample_interview()))
    alone = dataclasses.replace(content, statement=f"xq {text} qx")
    got = unicodedata.normalize("NFKC", pdftotext(render_statement(alone)))
    got = re.sub(r"\s+", " ", re.sub("[\u202a-\u202e]", "", got))
    m = re.search(r"xq (.*?) ?qx", got)
    assert m, "the marker words were not read back"
    return m.group(1).strip()


def independent_leaks(data: bytes, secrets: list[str]) -> list[str]:
    """Every place (by name) where a secret shows, found with the parsers directly."""
    found = []
    raw = data.lower()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = " ".join(str(v) for v in pdf.docinfo.values()) if pdf.trailer.get("/Info") is not None else ""
        has_xmp = "/Metadata" in pdf.Root
        streams = []
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                streams.append(obj.read_bytes().lower())
        annots = sum(len(p.obj.get("/Annots", [])) for p in pdf.pages)
        outline = "/Outlines" in pdf.Root
    pypdf_text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    poppler_text = pdftotext(data)
    texts = {"pypdf": text_forms(pypdf_text), "pdftotext": text_forms(poppler_text), "info": text_forms(info)}
    for s in secrets:
        for b in _bytes_forms(s):
            if b in raw:
                found.append(f"raw:{s}")
            if any(b in body for body in streams):
                found.append(f"stream:{s}")
        for where, hays in texts.items():
            if any(word_in(f, h) for f in forms(s) for h in hays):
                found.append(f"{where}:{s}")
    if has_xmp:
        found.append("xmp")
    if annots or outline:
        found.append("annotations/outline")
    return found


@pytest.fixture(scope="module")
def sample():
    iv = sample_interview()
    red = redact(iv)
    return iv, build_content(iv, red)


def test_statement_full_of_identifiers_holds_none_of_them(sample, tmp_path):
    iv, content = sample
    secrets = secrets_of(iv)
    out = tmp_path / "out"
    out.mkdir()
    result = write_statement(content, secrets, out / "WB-7KQ3-M9XD.pdf")
    data = result.path.read_bytes()
    assert independent_leaks(data, secrets) == []
    # the facts stay
    text = re.sub(r"\s+", " ", re.sub("[\u202a-\u202e]", "", pdftotext(data)))
    for fact in ("Greater Manchester Police", "Domestic abuse", "March 2024", "Home Office"):
        assert fact in text
    # the Urdu and Punjabi names, in the glyph form this renderer gives them, are not there either
    for name in (URDU_NAME, PUNJABI_NAME):
        shaped = extracted_form(name)
        assert shaped and shaped not in unicodedata.normalize("NFKC", text)
    assert result.gate.startswith("0 traces of")


def test_the_independent_checks_can_fail(sample):
    """Control: the same checks find every name in the unredacted statement drawn the same way."""
    iv, content = sample
    unredacted = render_statement(dataclasses.replace(content, statement=iv.statement))
    leaks = independent_leaks(unredacted, [POLISH_NAME, POLISH_PERP, HO_REF, "Ştefan Ţăranu"])
    for name in (POLISH_NAME, POLISH_PERP, HO_REF, "Ştefan Ţăranu"):
        assert f"pdftotext:{name}" in leaks and f"pypdf:{name}" in leaks
    text = unicodedata.normalize("NFKC", re.sub(r"\s+", " ", re.sub("[\u202a-\u202e]", "", pdftotext(unredacted))))
    for name in (URDU_NAME, PUNJABI_NAME):
        assert extracted_form(name) in text


def test_statement_redacted_by_the_engine_passes_the_gate(tmp_path):
    iv = sample_interview()
    content, forbidden = statement_content(iv)
    result = write_statement(content, forbidden, tmp_path / "s.pdf")
    assert independent_leaks(result.path.read_bytes(), iv.known_strings()) == []


# -- broken renderers ---------------------------------------------------------------------------


def broken(extra, *, author: str = "", title: str = "Witness statement"):
    """A renderer that draws a plain statement and then does ``extra(canvas)``."""
    font = FontSet.load()["Latin"].regular

    def render(content) -> bytes:
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=A4, invariant=1, initialFontName=font)
        c.setTitle(title)
        c.setAuthor(author)
        c.setSubject("")
        c.setKeywords("")
        c.setCreator("Witnessbox")
        c.setProducer("Witnessbox")
        t = c.beginText(50, 800)
        t.setFont(font, 10)
        for line in ("WITNESS STATEMENT", content.reference, content.force, content.crime, content.reported):
            t.textLine(line)
        c.drawText(t)
        extra(c)
        c.showPage()
        c.save()
        return buf.getvalue()

    return render


def _white(text: str):
    def draw(c: Canvas) -> None:
        c.setFillColor(colors.white)
        c.setFont(FontSet.load()["Latin"].regular, 10)
        c.drawString(50, 400, text)

    return draw


def _white_shaped(text: str):
    def draw(c: Canvas) -> None:
        c.setFillColor(colors.white)
        x = 50
        for r in (r for word in text.split() for r in runs(word, 10)):
            t = c.beginText(x, 400)
            t.setFont(r.font, 10)
            t.textOut(r.glyphs)
            c.drawText(t)
            x += r.width + 3

    return draw


def _covered(text: str):
    def draw(c: Canvas) -> None:
        c.setFont(FontSet.load()["Latin"].regular, 10)
        c.drawString(50, 400, text)
        c.setFillColor(colors.black)
        c.rect(45, 395, 200, 16, fill=1, stroke=0)

    return draw


def _invisible(text: str):
    def draw(c: Canvas) -> None:
        t = c.beginText(50, 300)
        t.setFont(FontSet.load()["Latin"].regular, 0.5)
        t.setTextRenderMode(3)
        t.textOut(text)
        c.drawText(t)

    return draw


def _annotation(text: str):
    def draw(c: Canvas) -> None:
        c.textAnnotation(text, Rect=(50, 50, 100, 100))

    return draw


def _outline(text: str):
    def draw(c: Canvas) -> None:
        c.bookmarkPage("p1")
        c.addOutlineEntry(text, "p1")

    return draw


def _link(text: str):
    def draw(c: Canvas) -> None:
        c.linkURL("https://example.invalid/" + text.replace(" ", "-"), (50, 50, 100, 100))

    return draw


BROKEN = {
    "name in the metadata": broken(lambda c: None, author=POLISH_NAME),
    "name as the title": broken(lambda c: None, title=POLISH_NAME),
    "name in white text": broken(_white(POLISH_NAME)),
    "surname only, without accents, in white": broken(_white("Wisniewska")),
    "name in capitals in white": broken(_white("ŁUKASZ ŻÓŁKIEWSKI")),
    "reference with spaces in white": broken(_white("K 1234 567")),
    "Punjabi name shaped in white": broken(_white_shaped(PUNJABI_NAME)),
    "Urdu name shaped in white": broken(_white_shaped(URDU_NAME)),
    "name under a black box": broken(_covered(POLISH_PERP)),
    "name in invisible text": broken(_invisible(POLISH_NAME)),
    "name in an annotation": broken(_annotation(POLISH_NAME)),
    "name in an outline": broken(_outline(POLISH_NAME)),
    "name in a link": broken(_link(POLISH_NAME)),
}


def test_the_broken_renderer_harness_is_clean_without_a_leak(sample, tmp_path):
    """Control: the harness itself passes the gate, so each refusal below is the leak's doing."""
    iv, content = sample
    write_statement(content, iv.known_strings(), tmp_path / "ok.pdf", render=broken(lambda c: None))
    assert (tmp_path / "ok.pdf").exists()


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_renderer_is_caught_and_nothing_is_written(case, sample, tmp_path):
    iv, content = sample
    out = tmp_path / "out"
    out.mkdir()
    secrets = secrets_of(iv)
    with pytest.raises(Refused) as err:
        write_statement(content, secrets, out / "WB-7KQ3-M9XD.pdf", render=BROKEN[case])
    assert isinstance(err.value.__cause__, LeakDetected)
    assert list(out.iterdir()) == []  # not the file, not a temp file
    msg = str(err.value)
    for s in secrets:
        for f in forms(s):
            assert not word_in(f, msg.casefold()) and not word_in(f, strip_accents(msg))
    assert "Nothing was written" in msg


def test_leaking_white_text_is_caught_with_pdfminer_instead_of_poppler(sample):
    iv, content = sample
    data = broken(_white(POLISH_NAME))(content)
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(data, [HO_REF, POLISH_NAME], use_poppler=False, shaper=None)
    assert err.value.index == 1


def test_report_says_which_item_and_which_form(sample):
    iv, content = sample
    data = broken(_white("wisniewska"))(content)
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(data, ["Anna Nowak", "Wiśniewska"])
    assert err.value.index == 1
    assert err.value.form == "accent-folded"


def test_a_short_name_inside_a_word_of_an_embedded_font_is_no_leak(sample):
    # The fonts' name tables hold "Monotype" in UTF-16; a one-byte word boundary saw only its zero
    # bytes there, so a person called Mon could never have a statement exported.
    iv, content = sample
    with_name = dataclasses.replace(content, statement="On Tuesday Mon came to the door and shouted.")
    placeholder = dataclasses.replace(content, statement="On Tuesday Person E came to the door and shouted.")
    leak_gate.check(render_statement(placeholder), ["Mon"], expected_text=placeholder.all_text())
    with pytest.raises(LeakDetected):
        leak_gate.check(render_statement(with_name), ["Mon"])


@pytest.mark.parametrize("blob", ["x Mon.", "(Mon)", "MON", "mon\n"])
def test_a_short_name_written_in_utf16_is_still_found(blob):
    mon = needle(0, "Mon")
    with pytest.raises(LeakDetected):
        search_bytes([mon], "a stream", ("\x01\x02" + blob + "\x03").encode("utf-16-be"))
    search_bytes([mon], "a stream", "Monotype Harmony".encode("utf-16-be"))


def test_names_in_the_embedded_fonts_credits_are_no_leak(sample):
    # The fonts' name tables credit their designers and Google in UTF-16; a person called David,
    # Mohamad or Williams could otherwise never have a statement with Urdu or Hindi in it exported.
    iv, content = sample
    text = "On Tuesday Person E came. میرا نام Person A ہے۔ पुलिस ने पूछा। ਮੈਂ ਡਰ ਗਈ। আমি ভয় পেয়েছিলাম।"
    placeholder = dataclasses.replace(content, statement=text)
    names = ["David", "Mohamad", "Williams", "Google", "None"]
    leak_gate.check(render_statement(placeholder), names, expected_text=placeholder.all_text())
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(render_statement(dataclasses.replace(content, statement=text + " David came too.")), names)
    assert err.value.index == 0


def test_a_font_name_table_that_is_not_a_shipped_one_is_still_searched():
    from desktop.resources import resource_path

    font = resource_path("fonts/NotoSans-Regular.ttf").read_bytes()
    credit = "Google".encode("utf-16-be")
    assert credit in font and credit not in without_font_names(font)
    tampered = font.replace(credit, "Oksana".encode("utf-16-be"), 1)
    assert without_font_names(tampered) == tampered


def test_incremental_update_is_refused(sample, tmp_path):
    iv, content = sample
    clean = render_statement(content)
    leak_gate.check(clean, iv.known_strings())
    writer = PdfWriter(io.BytesIO(clean), incremental=True)
    writer.add_metadata({"/Title": "Witness statement - signing copy"})
    buf = io.BytesIO()
    writer.write(buf)
    updated = buf.getvalue()
    assert updated.startswith(clean) and updated.count(b"%%EOF") == 2
    with pytest.raises(LeakDetected, match="incremental update"):
        leak_gate.check(updated, iv.known_strings())


def test_xmp_metadata_is_refused(sample):
    iv, content = sample
    with pikepdf.open(io.BytesIO(render_statement(content))) as pdf:
        with pdf.open_metadata() as meta:
            meta["dc:title"] = "Witness statement"
        buf = io.BytesIO()
        pdf.save(buf)
    with pytest.raises(LeakDetected, match="XMP"):
        leak_gate.check(buf.getvalue(), iv.known_strings())


def test_a_letter_the_statement_does_not_show_in_a_font_map_is_refused(sample):
    iv, content = sample
    data = broken(_white("ł"))(content)  # one letter: no protected string matches, the font map still holds it
    leak_gate.check(data, iv.known_strings())
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(data, iv.known_strings(), expected_text=content.all_text())
    assert "ToUnicode" in err.value.where and "the PDF's fonts" in str(err.value)


@pytest.mark.parametrize("damage", ["not a pdf", "truncated", "encrypted", "garbage stream"])
def test_the_gate_fails_closed(damage, sample):
    iv, content = sample
    clean = render_statement(content)
    if damage == "not a pdf":
        data = b"hello"
    elif damage == "truncated":
        data = clean[: len(clean) // 2]
    elif damage == "encrypted":
        with pikepdf.open(io.BytesIO(clean)) as pdf:
            buf = io.BytesIO()
            pdf.save(buf, encryption=pikepdf.Encryption(owner="o", user=""))
        data = buf.getvalue()
    else:
        i = clean.index(b"stream\r\n") + 8 if b"stream\r\n" in clean else clean.index(b"stream\n") + 7
        data = clean[:i] + b"\x00\xff" * 20 + clean[i + 40:]
    with pytest.raises(LeakDetected):
        leak_gate.check(data, iv.known_strings())


@pytest.mark.parametrize("name", [URDU_NAME, PUNJABI_NAME, POLISH_NAME, POLISH_PERP, "Ştefan Ţăranu", HO_REF])
def test_the_gate_finds_each_name_drawn_by_the_statement_renderer(name, sample):
    """Control for the gate itself: a statement that still holds the name is refused, naming its index."""
    iv, content = sample
    leaky = render_statement(dataclasses.replace(content, statement=f"The interviewee said that {name} was there."))
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(leaky, ["Nobody Here", name])
    assert err.value.index == 1


def test_a_short_name_in_a_comment_after_the_end_is_found(sample):
    iv, content = sample
    clean = render_statement(content)
    leak_gate.check(clean, ["Aga"])
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(clean + b"% Aga\n", ["Nobody", "Aga"])
    assert err.value.index == 1
    assert "outside streams" in err.value.where and "internal data" in str(err.value)
