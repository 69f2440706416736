"""The leak gate's verdict: :func:`check` on a PDF's bytes before any file is written, and
:func:`check_text` on the text before it is drawn.

:func:`check` looks for every protected string (each name, alias, address, number that redaction
removed) in every place a PDF can carry text, and raises :class:`LeakDetected` at the first trace:

1. the raw file bytes (read as Latin-1, UTF-8 and UTF-16), which catches uncompressed metadata;
2. every object, decoded: each stream after its filters, and every string in every dictionary and
   array, so compressed page content, metadata, annotations and old revisions are all seen;
3. the page text from two independent extractors: the gate's own reading of every text-showing
   operator of every content stream through its font's ToUnicode map, in drawing order (exact for
   the PDFs Witnessbox makes), and poppler's ``pdftotext`` in reading order (or pdfminer.six where
   poppler is not installed), started first in its own process so it reads while the gate works;
4. the document information dictionary and XMP metadata, which must be neutral;
5. structure: outlines, annotations, forms, scripts, embedded files, XObjects, more than one
   revision (incremental update) are refused outright.

In a page's text, a match wholly inside a literal the renderer drew there is no leak
(:mod:`.search`), and only declarations that are the form's wording count. In the file's own
syntax, the neutral title, reportlab's comment lines and the standard PDF names ("/Page") are not
text anyone reads and are not searched (:mod:`.pdf`); the document information is held to its
neutral values instead.

The gate fails closed: a PDF that any parser cannot read, or that has anything the gate does not
expect, is refused. Messages say what kind of item was found and where, never the item itself.
"""

from __future__ import annotations

import io
import shutil
import unicodedata
from collections.abc import Callable, Iterable

import pikepdf

from desktop.reports.leak_gate.extract import (
    PRIVATE_USE,
    by_page,
    content_text,
    pdfminer_text,
    tounicode_chars,
)
from desktop.reports.leak_gate.index import NeedleIndex
from desktop.reports.leak_gate.normalise import item_kind, needles, statement_shaper
from desktop.reports.leak_gate.outcome import GateReport, LeakDetected
from desktop.reports.leak_gate.pdf import mask_syntax, metadata, objects, outside_streams, structure
from desktop.reports.leak_gate.poppler import Poppler, poppler_finish, poppler_start, poppler_stop
from desktop.reports.leak_gate.search import Hay, search, search_bytes
from desktop.reports.leak_gate.syntax import mask_keywords, numbers_blanked


def needle_index(forbidden: Iterable[str],
                 shaper: Callable[[str], Iterable[str]] | None = statement_shaper) -> NeedleIndex:
    """Every form of ``forbidden``, made once for both checks of one export: :func:`check_text`
    before drawing and :func:`check` on the PDF. Each check uses it only if it was made from exactly
    the strings it is given (and, for :func:`check`, with its shaper); otherwise it makes its own."""
    return NeedleIndex.for_items(list(forbidden), shaper)


def check_text(text: str, forbidden: Iterable[str], *, where: str = "the statement's text",
               literals: Iterable[str] = (), form: Callable[[str], bool] | None = None,
               index: NeedleIndex | None = None) -> None:
    """Raise :class:`LeakDetected` if ``text`` (what is about to be rendered) holds any protected string.

    ``literals``: fixed phrases in ``text`` (one entry per occurrence) inside which a match is no leak.
    ``form``: what says a declared literal is the document's own wording (the statement form's by default).
    ``index``: the needles of :func:`needle_index`, used if made from exactly ``forbidden`` (with any
    shaper: the shaped forms are more to look for, never fewer).
    """
    items = list(forbidden)
    found = index if index is not None and index.made_for(items) else NeedleIndex(needles(items, None))
    search(found, Hay(where, text, _form_literals(literals, form)))


def _form_literals(literals: Iterable[str], form: Callable[[str], bool] | None = None) -> list[str]:
    """The declared literals that are the form's wording; any other declaration excuses nothing."""
    if form is None:
        from desktop.reports.statement import is_form_literal

        form = is_form_literal
    return [t for t in map(str, literals) if form(t)]


def check(pdf_bytes: bytes, forbidden: Iterable[str], *, expected_text: str | None = None,
          literals: Iterable[tuple[int, str]] = (), use_poppler: bool = True,
          shaper: Callable[[str], Iterable[str]] | None = statement_shaper,
          form: Callable[[str], bool] | None = None, index: NeedleIndex | None = None) -> GateReport:
    """Refuse ``pdf_bytes`` (raise :class:`LeakDetected`) if any trace of ``forbidden`` is in it.

    ``expected_text``, when given, is everything the PDF should show: the fonts' ToUnicode maps may
    then hold no letter outside it (a font subset keeps the letters of text that was drawn and then
    covered, which is how redactions made by drawing boxes leak). ``literals`` are the renderer's
    (page number, text) for each literal it drew (:class:`desktop.reports.statement.Rendered`): in
    a page's text, a match wholly inside one of them is not a leak. Only declarations that are the
    form's wording count (:func:`desktop.reports.statement.is_form_literal`). ``use_poppler=False``
    reads with pdfminer.six instead of poppler's pdftotext. ``form`` says which declarations are the
    document's own wording for a document other than a statement (the evidence summary's).
    ``index`` (:func:`needle_index`) is used if it was made from exactly ``forbidden`` with ``shaper``.
    """
    items = list(forbidden)
    if index is not None and index.made_for(items, shaper):
        found = index
    else:
        found = NeedleIndex.for_items(items, shaper)  # one pass per place and form for all of them
    report = GateReport(items=len(items))
    drawn: dict[int, list[str]] = {}
    for page, text in literals:
        drawn.setdefault(int(page), []).append(str(text))
    drawn = {page: _form_literals(texts, form) for page, texts in drawn.items()}

    def scan(where: str, text: str | bytes, page: int | None = None) -> None:
        report.places.append(where)
        if isinstance(text, bytes):
            search_bytes(found, where, text)
        else:
            search(found, Hay(where, text, drawn.get(page, ()) if page is not None else ()))

    if not pdf_bytes.startswith(b"%PDF-"):
        raise LeakDetected(None, "unreadable", "the data is not a PDF")
    # poppler reads in its own process while this one does the rest
    exe = shutil.which("pdftotext") if use_poppler else None
    poppler = poppler_start(pdf_bytes, exe) if exe else None
    try:
        return _check(pdf_bytes, items, report, scan, expected_text, drawn, poppler)
    finally:
        if poppler is not None:
            poppler_stop(poppler)


def _scan_pages(scan: Callable[..., None], name: str, pages: list[str] | None, whole: str) -> None:
    if pages is None:  # pages not told apart: the whole text, no literal excused
        scan(f"the text extracted by {name}", whole)
        return
    for n, text in enumerate(pages, 1):
        scan(f"the text extracted by {name} (page {n})", text, n)


def _check(pdf_bytes: bytes, items: list[str], report: GateReport, scan: Callable[..., None],
           expected_text: str | None, literals: dict[int, list[str]], poppler: Poppler | None) -> GateReport:
    raw = mask_syntax(pdf_bytes)
    outside = outside_streams(raw)  # found before the stream keywords are blanked
    # "obj", "xref", "trailer" ... are blanked only where they stand as the file's syntax
    scan("the raw file bytes", mask_keywords(raw))
    # outside stream bodies a PDF is text (dictionaries, comments, trailer): every string is looked for there
    # (its numbers are syntax and blanked: run together they made numbers nobody reads)
    scan("the raw file bytes outside streams", numbers_blanked(mask_keywords(outside)).decode("latin-1"))
    try:
        pdf = pikepdf.open(io.BytesIO(pdf_bytes), attempt_recovery=False)
    except Exception as exc:  # any parser failure refuses the PDF
        raise LeakDetected(None, "unreadable", f"pikepdf could not read it ({type(exc).__name__})") from None
    with pdf:
        try:
            structure(pdf_bytes, pdf)
            metadata(pdf)
            pages = len(pdf.pages)
            decoded: dict = {}  # page content and maps as the walk decoded them, read again below
            for where, text in objects(pdf, literals, decoded):
                scan(where, text)
            maps: dict = {}
            for n, text in enumerate(content_text(pdf, maps, decoded=decoded), 1):
                if PRIVATE_USE.search(text):
                    # a glyph that reads back as no letter could be a name no extractor can see
                    raise LeakDetected(None, "a glyph that does not read back as letters",
                                       f"the text drawn on page {n}")
                scan(f"the text drawn on page {n} (read through the fonts' ToUnicode maps)", text, n)
            report.extractors.append("ToUnicode")
            if expected_text is not None:
                _letters_drawn(pdf, maps, items, expected_text)
        except LeakDetected:
            raise
        except Exception as exc:
            raise LeakDetected(None, "unreadable", f"the PDF could not be examined ({type(exc).__name__})") from None
    # pypdf is no longer read here: it took about three quarters of the gate's time and found
    # nothing the own reading above and pdftotext do not; the tests keep it as a further reader.
    try:
        if poppler is not None:
            text = poppler_finish(poppler)
            _scan_pages(scan, "pdftotext", by_page(text, pages), text)
            report.extractors.append("pdftotext")
        else:
            text = pdfminer_text(pdf_bytes)
            _scan_pages(scan, "pdfminer", by_page(text, pages), text)
            report.extractors.append("pdfminer")
    except LeakDetected:
        raise
    except Exception as exc:
        raise LeakDetected(None, "unreadable", f"a text extractor could not read it ({type(exc).__name__})") from None
    return report


def _letters_drawn(pdf: pikepdf.Pdf, maps: dict, items: list[str], expected_text: str) -> None:
    """Refuse a letter in the fonts' ToUnicode maps that the statement does not show (a font subset
    keeps the letters of text that was drawn and then covered)."""
    ch = unshown(tounicode_chars(pdf, maps), expected_text)
    if ch is not None:
        hit = next((i for i, s in enumerate(items) if ch in unicodedata.normalize("NFKC", s)), None)
        raise LeakDetected(hit, f"a letter (U+{ord(ch):04X}) the statement does not show", "a font's ToUnicode map",
                           item_kind(items[hit]) if hit is not None else "a redacted item")


# U+25CC is the dotted circle HarfBuzz draws under a vowel sign that has no letter
_ALSO_SHOWN = "\u25cc\u200c\u200d"


def unshown(chars: Iterable[str], expected_text: str) -> str | None:
    """The first (in code point order) of ``chars`` (single characters) outside ASCII, not blank,
    that ``expected_text`` (NFKC) does not show, or None.

    A few characters are each looked for in the text itself: a set of the text's characters was
    built for every statement to answer the maps' few characters outside ASCII, at eight times the
    cost. Many (a script of hundreds of letters) are looked up in that set, as before; the answer is
    the same either way (tests/security/test_gate_letters_drawn.py)."""
    shown: str | set[str] = unicodedata.normalize("NFKC", expected_text)
    asked = [ch for ch in sorted(chars) if ord(ch) >= 128]
    if len(asked) > _ASK_THE_TEXT:
        shown = set(shown)
    for ch in asked:
        if ch in shown or ch in _ALSO_SHOWN or not ch.strip():
            continue
        return ch
    return None


_ASK_THE_TEXT = 64  # more characters than this to ask about: the text's set of characters is made
