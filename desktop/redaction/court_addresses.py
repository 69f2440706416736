"""A court that the address pattern took for a street named "... Court".

"Court" ends a street's or a block's name ("12 Maple Court"), and the address pattern reads the
capitalised words before it as the name. Court text writes "Court" for a court at every turn:
"The Court held", "the United States Court of Appeals", and a heading's "Court:" under a line
ending in a place ("England and Wales" / "Court: Court of Appeal"). With no house number, the
"address" is a court when:

* "of" and a capitalised word follow it ("Court of Appeals", "Court of Session");
* only an article stands before "Court" ("The Court");
* it runs over a line break where the text is not wrapped (some line is longer than a column:
  ``short_lines.unwrapped``), as one line's last word and the next line's first are no street.

Not a town's name alone before it ("Windsor Court", "Leeds Court" are blocks of flats), nor where a
given name of any list stands before "Court": "Daniel Court of Leeds" is a person, whom the
"address" covers.
"""

from __future__ import annotations

import re

from desktop.redaction.fold import fold
from desktop.redaction.name_lists import any_given_names
from desktop.redaction.short_lines import unwrapped

_COURT_END = re.compile(r"\b(?:Court|COURT)\Z")
_OF_AFTER = re.compile(r"[ \t\u00a0]+(?:of|OF)[ \t\u00a0]+[A-Z]")
_WORD = re.compile(r"[^\W\d_]+")
_ARTICLE_ONLY = re.compile(r"(?:The|THE|the)[ \t\u00a0]+(?:Court|COURT)")


def court_not_an_address(text: str, s: int, e: int) -> bool:
    """Is the number-less "address" ``text[s:e]`` ending in "Court" a court (the module's note)?"""
    span = text[s:e]
    if not _COURT_END.search(span) or any(c.isdigit() for c in span):
        return False
    if (_OF_AFTER.match(text, e) or "\n" in span and unwrapped(text)) and not _a_given_name_in(span):
        return True
    return _ARTICLE_ONLY.fullmatch(span) is not None


def _a_given_name_in(span: str) -> bool:
    given = any_given_names()
    return any(fold(w) in given for w in _WORD.findall(span)[:-1])
