"""How a statement's streams are compressed: one document at a time, never reportlab's module-wide filter.

reportlab compresses every stream of every document through one filter object,
``pdfdoc.PDFZCompress``, at zlib's default level (6). A statement's streams are its pages, each font
subset and each subset's ToUnicode map; at level 1 they take about 40% less time to compress
(1.5 ms of a statement's drawing) for files about 4% larger, and they inflate to the same bytes,
so every reader (the leak gate's included) reads the same text at the same places. Other Witnessbox
documents (the evidence summary, the quotations) keep reportlab's filter: only a document marked
with :func:`compress_with` is compressed here.

A marked document's streams get :data:`FAST` where reportlab would give them ``PDFZCompress``: the
pages' content streams by :func:`compress_pages` (just before the document is written, as
reportlab's ``PDFPage.check_format`` would make them), the font subsets and their maps by
:func:`compress_font_streams` (from the statement font's ``addObjects``).
"""

from __future__ import annotations

import zlib

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

_MARK = "_wb_stream_filter"


class Flate:
    """A FlateDecode stream filter at a chosen zlib level (reportlab's filter API: pdfname, encode)."""

    pdfname = "FlateDecode"

    def __init__(self, level: int) -> None:
        self.level = level

    def encode(self, text: str | bytes) -> bytes:
        if isinstance(text, str):
            text = text.encode("utf8")  # as reportlab's own filter does
        return zlib.compress(text, self.level)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


FAST = Flate(1)


def compress_with(doc: pdfdoc.PDFDocument, flate: Flate) -> None:
    """Compress ``doc``'s streams with ``flate`` where reportlab would use its module-wide filter."""
    doc.__dict__[_MARK] = flate


def _flate(doc: pdfdoc.PDFDocument) -> Flate | None:
    if not doc.compression or rl_config.useA85:  # then reportlab's own filters, untouched
        return None
    return doc.__dict__.get(_MARK)


def compress_pages(doc: pdfdoc.PDFDocument) -> None:
    """Give each page of a marked document its content stream now, as ``PDFPage.check_format`` would
    make it when the page is written, with the document's filter."""
    flate = _flate(doc)
    if flate is None:
        return
    for page in doc.Pages.pages:
        if page.Contents or not page.stream or page.Override_default_compilation or not page.compression:
            continue  # left to reportlab
        stream = pdfdoc.PDFStream()
        stream.filters = [flate]
        stream.content = page.stream
        stream.__Comment__ = "page stream"
        page.Contents = stream


def compress_font_streams(doc: pdfdoc.PDFDocument, font_names: list[str]) -> None:
    """After ``TTFont.addObjects(doc)``: the named subsets' font files and ToUnicode maps get the
    document's filter instead of reportlab's."""
    flate = _flate(doc)
    if flate is None:
        return
    added = doc.idToObject["BasicFonts"].dict
    for name in font_names:
        font = added[name]
        descriptor = doc.idToObject[font.FontDescriptor.name]
        for ref in (font.ToUnicode, descriptor.dict["FontFile2"]):
            stream = doc.idToObject[ref.name]
            if stream.filters == [pdfdoc.PDFZCompress]:
                stream.filters = [flate]
