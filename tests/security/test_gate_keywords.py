"""A recorded name or identifier that is also a PDF keyword does not stop a statement's export,
and the same word anywhere a reader sees it is still refused.

The gate once found "xref", "trailer", "EOF" or "endobj" in every statement's own file syntax, and
"Registry", "Identity" or "def" in the keywords of every ToUnicode map, so a worker whose
interviewee or reference had such a name could never export. The gate now blanks those words
only where they stand as syntax (:mod:`desktop.reports.leak_gate.syntax`); these tests export such
statements for real and check that the word typed into the statement is refused, and that the
quicker reading of Witnessbox's own ToUnicode maps gives the general parser's answer.
"""

from __future__ import annotations

import dataclasses
import io
import re
import sys

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports import leak_gate
from desktop.reports.export import build_content
from desktop.reports.leak_gate import LeakDetected
from desktop.reports.leak_gate import syntax as gate_syntax
from desktop.reports.leak_gate.extract import parse_general, parse_tounicode
from desktop.reports.statement import render_statement
from desktop.services.statements import statement_content, write_statement
from tests.factories import named_interview, redact, sample_interview

# words of a statement's own file syntax (raw bytes) and of its ToUnicode maps (decoded streams)
FILE_WORDS = ["xref", "trailer", "startxref", "obj", "endobj", "stream", "endstream", "EOF", "PDF", "ReportLab"]
CMAP_WORDS = ["End", "def", "begin", "dict", "Registry", "Ordering", "Supplement", "Identity", "Adobe", "UCS",
              "CMapName", "begincmap", "findresource"]
STATEMENT = "The officer asked about my visa and Amina answered."


@pytest.mark.parametrize("word", FILE_WORDS + CMAP_WORDS)
def test_a_recorded_identifier_that_is_a_pdf_keyword_exports(word, tmp_path):
    iv = named_interview(STATEMENT, name="Amina Khan", ident=word)
    content, forbidden = statement_content(iv)
    assert word in forbidden and type(forbidden[forbidden.index(word)]) is str  # looked for in any case
    result = write_statement(content, forbidden, tmp_path / "s.pdf")
    data = (tmp_path / "s.pdf").read_bytes()
    assert result.path.exists() and data.startswith(b"%PDF-")


@pytest.mark.parametrize("word", ["Registry", "Identity", "Ordering", "Supplement"])
def test_a_recorded_surname_that_is_a_cmap_keyword_exports(word, tmp_path):
    iv = named_interview(STATEMENT, name=f"Amina {word}", ident="K1234567")
    content, forbidden = statement_content(iv)
    write_statement(content, forbidden, tmp_path / "s.pdf")
    assert (tmp_path / "s.pdf").exists()


@pytest.fixture(scope="module")
def content():
    iv = sample_interview()
    return build_content(iv, redact(iv))


@pytest.mark.parametrize("word", FILE_WORDS + CMAP_WORDS)
def test_the_same_word_in_the_page_text_is_refused(content, word):
    data = render_statement(dataclasses.replace(content, statement=f"The officer wrote {word} on the form."))
    with pytest.raises(LeakDetected) as caught:
        leak_gate.check(data, [word])
    # found in the page's text, or before it in the page's content stream (its codes are Latin-1)
    assert caught.value.index == 0
    assert "text" in caught.value.where or caught.value.where.startswith("decoded stream")


def test_a_keyword_in_an_objects_string_is_still_refused(content):
    """Blanking works on whole lines of syntax: the same word in a dictionary's string is found."""
    data = render_statement(content)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.pages[0].obj.Contents["/Note"] = pikepdf.String("see xref\ntrailer\n")
        out = io.BytesIO()
        pdf.save(out, static_id=True)
    with pytest.raises(LeakDetected):
        leak_gate.check(out.getvalue(), ["trailer"], use_poppler=False)


def test_mask_keywords_blanks_only_syntax_lines():
    data = (b"%PDF-1.4\n1 0 obj\n<< /T (xref) /Length 3 >>\nstream\nabcendstream\nendobj\n"
            b"2 0 obj\n(trailer obj)\nendobj\nxref\n0 3\ntrailer\n<< >>\nstartxref\n9\n%%EOF\n")
    out = gate_syntax.mask_keywords(data)
    assert len(out) == len(data)
    assert out == (b"%   -1.4\n1 0    \n<< /T (xref) /Length 3 >>\n      \nabc         \n      \n"
                   b"2 0    \n(trailer obj)\n      \n    \n0 3\n       \n<< >>\n         \n9\n%%   \n")
    # a keyword that is not alone on its line, or does not stand where a writer puts it, stays
    for kept in (b"\nsee xref\n", b"\n1 0 obj x\n", b"\nendstream\n", b"\nxendobj\n", b"\ntrailers\n",
                 b"\n%%EOFX\n", b"\n1 obj\n", b"\nendstream endobj\n", b" %PDF-1.4\n", b"%PDF-1.4x\n"):
        assert gate_syntax.mask_keywords(kept) == kept
    # a line that stands alone is blanked wherever it is, at the end of the bytes too
    assert gate_syntax.mask_keywords(b"x\r\ntrailer\r\n<<") == b"x\r\n       \r\n<<"
    assert gate_syntax.mask_keywords(b"x\n%%EOF") == b"x\n%%   "


# -- Witnessbox's own ToUnicode maps: one pattern, the general parser's answer ---------------------


def _maps(data: bytes) -> list[bytes]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [f.ToUnicode.read_bytes() for p in pdf.pages for f in p.obj.Resources.Font.values()]


@pytest.mark.parametrize("annex", ["", "عمران لالہ نے دروازہ کھٹکھٹایا", "श्रीकृष्ण ने दरवाज़ा खटखटाया",
                                   "ਹਰਜੀਤ ਕੌਰ ਆਈ"])
def test_statement_maps_are_read_by_the_quick_path_as_by_the_general_one(content, annex):
    data = render_statement(dataclasses.replace(content, statement=f"On Tuesday a neighbour came. {annex} " * 20))
    maps = _maps(data)
    assert maps
    for body in maps:
        assert gate_syntax.cmap_entries(body) is not None, "a statement's map is not in the known layout"
        assert gate_syntax.parse_ours(body) == parse_general(body) == parse_tounicode(body)
        blanked = gate_syntax.cmap_syntax_blanked(body)
        assert len(blanked) == len(body) and b"Registry" not in blanked and b"endcmap" not in blanked
        assert re.sub(rb"\s+", b"", blanked) == re.sub(rb"\s+", b"", gate_syntax.cmap_entries(body).group(2))


def _our_map(entries: list[bytes], top: int) -> bytes:
    head = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
            b"<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n"
            b"/CMapType 2 def\n1 begincodespacerange\n" + b"<00> <%02X>" % top + b"\nendcodespacerange\n"
            + b"%d beginbfchar\n" % len(entries))
    tail = b"\nendbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    return head + b"\n".join(entries) + tail


_TEXT = st.text(min_size=1, max_size=4)  # any text, surrogate pairs included
_CODE_UNITS = st.lists(st.integers(0, 0xFFFF), min_size=1, max_size=3)  # lone surrogates too


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 255), st.one_of(_TEXT.map(lambda t: t.encode("utf-16-be")),
                                                        _CODE_UNITS.map(lambda u: b"".join(c.to_bytes(2, "big")
                                                                                           for c in u)))),
                min_size=1, max_size=30),
       st.integers(0, 255))
def test_made_up_maps_in_our_layout_read_as_the_general_parser_reads_them(pairs, top):
    body = _our_map([b"<%02X> <%s>" % (code, dst.hex().upper().encode()) for code, dst in pairs], top)
    assert gate_syntax.parse_ours(body) is not None
    assert gate_syntax.parse_ours(body) == parse_general(body)


@pytest.mark.parametrize("change", [
    (b"/Registry (Adobe)", b"/Registry (Kowalska)"),  # a name where the standard identity name stands
    (b"/CMapName /Adobe-Identity-UCS def", b"/CMapName /Kowalska def"),
    (b"endbfchar\n", b"endbfchar\n% Kowalska\n"),
    (b"<00> <0000>", b"<00> <0000> Kowalska"),
    (b"beginbfchar\n", b"beginbfchar\n<00> <00>\n"),  # a code with no whole UTF-16 unit
    (b"end\nend", b"end\nend\n"),
])
def test_a_map_not_in_our_layout_is_read_and_searched_as_before(change):
    body = _our_map([b"<00> <0000>", b"<01> <0041>"], 1)
    assert gate_syntax.cmap_entries(body) is not None
    odd = body.replace(*change)
    assert gate_syntax.cmap_entries(odd) is None and gate_syntax.parse_ours(odd) is None
    assert gate_syntax.cmap_syntax_blanked(odd) == odd
    assert parse_tounicode(odd) == parse_general(odd)


def test_a_map_with_glyphs_of_several_letters_is_decoded_at_once():
    # a shaped script's map gives some glyphs two or more letters (a ligature, a conjunct): with no
    # surrogate in it, the whole map is decoded in one go and cut at its entries, as the general
    # parser reads it; an entry with a surrogate still sends the whole map entry by entry
    entries = [b"<%02X> <%04X>" % (i, 0x0627 + i) for i in range(100)] + [b"<64> <0644064A0646>", b"<65> <0915094D>"]
    body = _our_map(entries, 0x65)
    decoded: list[str] = []

    def count(frame, event, arg):  # noqa: ANN001, ANN202
        if event == "c_call" and getattr(arg, "__name__", "") == "fromhex":
            decoded.append(event)

    sys.setprofile(count)
    try:
        ours = gate_syntax.parse_ours(body)
    finally:
        sys.setprofile(None)
    assert ours == parse_general(body) and ours[0x64] == "لين" and ours[0x65] == "क्"
    assert len(decoded) == 2  # the codes and the letters, once each
    odd = _our_map([*entries, b"<66> <D800>"], 0x66)
    assert gate_syntax.parse_ours(odd) == parse_general(odd) and parse_general(odd)[0x66] == "\ufffd"
