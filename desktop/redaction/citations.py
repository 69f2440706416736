"""A court's letters in how its decisions are cited and numbered: facts, never people.

``facts_by_shape`` reads a neutral citation with the year in square brackets ("[2004] EWCA Crim
1275"). Court and tribunal text writes more than that, and the likely-name pass took the court's
letters in them for someone. Read here, before it:

* the court's letters between a year in round brackets, or a year alone, and a number: "(2016)
  UKSC 19", "2017 ONSC 5512", "1997 CanLII 412" (with no bracket, only a word of two capitals or
  more: a name has one); and letters holding a digit in square brackets ("[2022] FedCFamC2G 311");
* the division in brackets after a citation's number ("[2019] UKUT 210 (IAC)", "[2019] EWHC 12
  (Admin)"), and a chamber's letters in brackets straight after a tribunal's or a court's name
  ("the First-tier Tribunal (IAC)");
* the letters that open a case's or a file's number: before a slash and a digit
  ("UKEAT/0123/19/LA", "HCA/2019/101/XC") or before a number and "of" a year ("ACD 57 of 2019").
"""

from __future__ import annotations

import re

from desktop.redaction.facts_by_shape import mark_within

_DIGIT = re.compile(r"\d")
_YEAR = r"(?:1[89]|20)\d\d"
_SP = r"[ \t\u00a0]+"
# Each search below starts with a literal ("20", "1", "(", "[", "/", "of"), which ``re`` finds fast;
# the rest of the shape is then matched where it stands, or looked for just before it.
_YEAR_THEN_CAPITAL = (
    re.compile(r"20\d\d\)?[ \t\u00a0]+[A-Z]"),
    re.compile(r"1[89]\d\d\)?[ \t\u00a0]+[A-Z]"),
)
# (1) "(2016) UKSC 19", "2017 ONSC 5512": one to three words, the first with two capitals or more.
_CODE_AFTER_YEAR = re.compile(
    _YEAR + r"(\)?)" + _SP + r"((?=[A-Za-z0-9]*[A-Z][a-z]*[A-Z])[A-Z][A-Za-z0-9]*(?:" + _SP + r"[A-Z][A-Za-z]*){0,2})"
    + _SP + r"\d"
)  # fmt: skip
_NOT_BEFORE_YEAR = frozenset("[(/.,-_")
# "[2022] FedCFamC2G 311": square brackets, a code holding a digit.
_SQUARE = re.compile(r"\[" + _YEAR + r"\]" + _SP + r"([A-Z][A-Za-z]*\d[A-Za-z0-9]*)" + _SP + r"\d")
# The division after a citation's number, or a chamber's letters after a tribunal's or court's name.
_BRACKETED_LETTERS = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_DIVISION_BEFORE = re.compile(
    r"(?:(?:\[" + _YEAR + r"\]|\(" + _YEAR + r"\))" + _SP + r"[A-Z][A-Za-z0-9]*(?:" + _SP + r"[A-Z][a-z]+)?" + _SP
    + r"\d+|\b(?:Tribunal|Court|Chamber|Division))[ \t\u00a0]*\Z"
)  # fmt: skip
_SLASH_DIGIT = re.compile(r"/\d")
_LETTERS_BEFORE_SLASH = re.compile(r"(?<![\w/])([A-Z]{2,6})\Z")
_OF_YEAR = re.compile(r"of" + _SP + _YEAR + r"\b")
_LETTERS_BEFORE_NUMBER_OF = re.compile(r"(?<![\w/])([A-Z]{2,6})" + _SP + r"\d{1,6}" + _SP + r"\Z")


def court_citations(toks: list, text: str) -> None:
    """Mark the court's letters of citations and case numbers as facts (``place``)."""
    if not _DIGIT.search(text):
        return
    spans: list[tuple[int, int]] = []
    for pattern in _YEAR_THEN_CAPITAL:
        for m in pattern.finditer(text):
            p = m.start()
            c = _CODE_AFTER_YEAR.match(text, p)
            if not c:
                continue
            before = text[p - 1 : p]
            if c.group(1) and before == "(" or not c.group(1) and not (before.isalnum() or before in _NOT_BEFORE_YEAR):
                spans.append(c.span(2))
    if "(" in text:
        for m in _BRACKETED_LETTERS.finditer(text):
            if _DIVISION_BEFORE.search(text, max(0, m.start() - 60), m.start()):
                spans.append(m.span(1))
    if "[" in text:
        spans += [m.span(1) for m in _SQUARE.finditer(text)]
    if "/" in text:
        for m in _SLASH_DIGIT.finditer(text):
            b = _LETTERS_BEFORE_SLASH.search(text, max(0, m.start() - 7), m.start())
            if b:
                spans.append(b.span(1))
    if "of" in text:
        for m in _OF_YEAR.finditer(text):
            b = _LETTERS_BEFORE_NUMBER_OF.search(text, max(0, m.start() - 20), m.start())
            if b:
                spans.append(b.span(1))
    if not spans:
        return
    starts = [t.start for t in toks]
    for s, e in spans:
        mark_within(toks, starts, s, e)
