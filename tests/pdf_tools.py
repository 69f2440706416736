"""Independent readers for the PDF tests: poppler's text, and the forms a leaked string may take.

Nothing here comes from desktop.reports, so the tests check the product against a second opinion.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata


def strip_accents(s: str) -> str:
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", s).casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.translate(str.maketrans({"ł": "l", "ø": "o", "đ": "d"}))


def forms(s: str) -> set[str]:
    """The forms a test looks for: as written, case-folded, accent-folded, and without spaces."""
    nfkc = unicodedata.normalize("NFKC", s)
    out = {nfkc, nfkc.casefold(), strip_accents(s)}
    out |= {f.replace(" ", "") for f in out if len(f.replace(" ", "")) >= 6}
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in s):
        out |= {" ".join(reversed(f.split())) for f in list(out)} | {f[::-1] for f in list(out)}
    return out


def text_forms(text: str) -> set[str]:
    nfkc = unicodedata.normalize("NFKC", text)
    collapsed = re.sub(r"\s+", " ", nfkc)
    return {collapsed, collapsed.casefold(), re.sub(r"\s+", " ", strip_accents(nfkc)),
            re.sub(r"\s+", "", strip_accents(nfkc))}


def word_in(needle: str, hay: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay) is not None


def pdftotext(data: bytes, *args: str) -> str:
    """The PDF's text as poppler's pdftotext reads it (``args``: its options, e.g. ``-raw``)."""
    exe = shutil.which("pdftotext")
    assert exe, "poppler's pdftotext is needed"
    return subprocess.run([exe, *args, "-enc", "UTF-8", "fd://0", "-"], input=data, capture_output=True,
                          check=True, timeout=60).stdout.decode("utf-8")
