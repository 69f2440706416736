"""reportlab's PDF names, each escaped once per process, and its syntax encoded without its codec.

``reportlab.pdfbase.pdfdoc.PDFName`` escapes a name character by character in Python (about 5 µs a
name), and a document's writer calls it for every key of every dictionary it writes and for
each name value: some two hundred times a five-page statement, for a few dozen distinct names
("Type", "Font", "FontDescriptor", a font subset's name), about 1 ms of each statement's drawing.
It depends on its text alone, so :func:`install` puts a memo of it where reportlab's writer looks
it up; every document's bytes stay the same (``tests/unit/test_pdf_names.py``).

The names are PDF syntax and the statement fonts' subset names: no Witnessbox document builds a
name from what a person typed (no outline, no named destination). The memo is bounded, and let go
of when the vault locks all the same, as every memo of the drawing is.

The writer also encodes every piece of syntax it formats (each key, number, object header) with
``pdfdocEnc``, reportlab's PDFDocEncoding codec written in Python (about 0.9 µs a piece, some 450
a statement). For ASCII text that codec gives the ASCII bytes, except for the eight control
characters U+0018-U+001F, which it cannot encode; such text, and any other, still goes through it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.pdfbase import pdfdoc

from desktop.core.forgetting import kept_until_lock

_REPORTLAB_PDF_NAME = pdfdoc.PDFName
_REPORTLAB_PDFDOC_ENC = pdfdoc.pdfdocEnc
_NOT_PDFDOC = re.compile("[\x18-\x1f]")  # ASCII that PDFDocEncoding has no code for


@lru_cache(maxsize=2048)
def _pdf_name(data: str) -> str:
    return _REPORTLAB_PDF_NAME(data)


def pdf_name(data, lo="!", hi="~"):  # noqa: ANN001, ANN201 - reportlab's signature (chr(0x21), chr(0x7E))
    """``PDFName(data)``: memoised for a text with reportlab's own bounds, reportlab's otherwise."""
    if type(data) is str and lo == "!" and hi == "~":
        return _pdf_name(data)
    return _REPORTLAB_PDF_NAME(data, lo, hi)


def pdfdoc_enc(x):  # noqa: ANN001, ANN201 - reportlab's signature
    """``pdfdocEnc(x)``: ASCII text PDFDocEncoding can encode is its ASCII bytes; anything else is reportlab's."""
    if type(x) is str and x.isascii() and _NOT_PDFDOC.search(x) is None:
        return x.encode("ascii")
    return _REPORTLAB_PDFDOC_ENC(x)


def install() -> None:
    """Have reportlab's document writer (``pdfdoc``, which looks ``PDFName`` and ``pdfdocEnc`` up as
    it writes) use the memo and the encoding above."""
    pdfdoc.PDFName = pdf_name
    pdfdoc.pdfdocEnc = pdfdoc_enc


kept_until_lock(_pdf_name.cache_clear)
