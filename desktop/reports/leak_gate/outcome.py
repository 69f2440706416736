"""What the leak gate answers: :class:`LeakDetected` (nothing may be written) or a :class:`GateReport`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PAGE = re.compile(r"\bpage (\d+)\b")


def place(where: str) -> str:
    """``where`` (the gate's own name for a place in the PDF) as the user knows it: the text on a
    page, the fonts, or the file's internal data, with no object or stream number."""
    if where.startswith("the statement's text"):
        return where
    page = _PAGE.search(where)
    on_page = f" (page {page.group(1)})" if page else ""
    if where.startswith(("the text extracted by", "the text drawn on page")):
        return "the PDF's text layer" + on_page
    if "ToUnicode" in where or "font" in where:
        return "the PDF's fonts"
    return "the PDF's internal data, which is not shown on the page"


class LeakDetected(Exception):
    """The PDF holds a trace of a protected string, or something the gate refuses. Nothing was written.

    ``index`` is the protected item's position (0-based) in the list given to the gate, or None for
    a structural refusal; ``form`` which form of it matched; ``where`` the place in the PDF, in the
    gate's own words; ``kind`` what sort of item it is ("a redacted name"). The message says the
    kind and the place as the user knows them, never the item, its number or its form.
    """

    def __init__(self, index: int | None, form: str, where: str, kind: str = "a redacted item") -> None:
        self.index = index
        self.form = form
        self.where = where
        self.kind = kind
        if index is None:
            msg = f"The PDF was refused: {where} ({form}). Nothing was written."
        else:
            msg = (f"{kind[:1].upper()}{kind[1:]} was found in {place(where)}. Nothing was written. "
                   "Check the statement's redactions, then export it again.")
        super().__init__(msg)


@dataclass
class GateReport:
    """What a passing check looked at (for "0 traces of N protected strings in M places")."""

    items: int = 0
    places: list[str] = field(default_factory=list)
    extractors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"0 traces of {self.items} protected strings in {len(self.places)} places "
                f"({', '.join(self.extractors)})")
