"""Suggestions of the address detector that the words around them make a fact of the complaint:

* a day and a month ("on the 16 March 2019"): a date, never a house number and a street;
* a street's name followed by a kind of body, maybe after one or two more words of its name ("Brick
  Lane Chambers", "Mill Road Solicitors", "Garden Court CHAMBERS", "Marsh Lane Primary School"): the
  body named after the street, as a court or a clinic is, with no house number.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.context import _ORG_LAST
from desktop.redaction.facts_by_shape import address_by_shape
from desktop.redaction.fold import fold

_NUMBER_AND_MONTH = re.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?([A-Za-z]+)\.?"
    r"|([A-Za-z]+)\.?[ \t\u00a0]+\d{1,2}(?:st|nd|rd|th)?)(?:,?[ \t\u00a0]+\d{4})?"
)
# A body's kind after the street's name, maybe after one or two more words of the body's name
# ("Marsh Lane Primary School", "Cable Street Community Centre"), written as the body writes its
# name: in title case or, as letterheads and court lists write it, in capitals ("Garden Court CHAMBERS").
_BODY_KINDS = sorted(
    set("Solicitors Surgery Clinic Practice Partnership Associates Law Legal Advice Centre Center Trust".split())
    | {w.capitalize() for w in _ORG_LAST}
)
_BODY_AFTER = re.compile(
    r"(?:[ \t\u00a0]+[A-Z][\w'’\-]*){0,2}?[ \t\u00a0]+(?:" + "|".join(f"{w}|{w.upper()}" for w in _BODY_KINDS) + r")\b"
)


def address_is_a_fact(text: str, s: int, e: int) -> bool:
    """Is the "address" at ``[s, e)`` a date, or the street part of a body's name?"""
    m = _NUMBER_AND_MONTH.fullmatch(text, s, e)
    if m and fold(m.group(1) or m.group(2)) in lexicon.MONTHS:
        return True
    if address_by_shape(text, s, e):  # "Royal Courts", "11 Caribbean countries"
        return True
    return not any(c.isdigit() for c in text[s:e]) and bool(_BODY_AFTER.match(text, e))
