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
from bisect import bisect_left

_DIGIT = re.compile(r"\d")
_YEAR = r"(?:1[89]|20)\d\d"
_SP = r"[ \t\u00a0]+"
# (1) "(2016) UKSC 19", "2017 ONSC 5512": one to three words, the first with two capitals or more.
_PLAIN = re.compile(
    r"(?:\(" + _YEAR + r"\)|(?<![\w\[(/.,-])" + _YEAR + r"(?![\w\])]))" + _SP
    + r"((?=[A-Za-z]*[A-Z][a-z]*[A-Z])[A-Z][A-Za-z0-9]*(?:" + _SP + r"[A-Z][A-Za-z]*){0,2})" + _SP + r"\d"
)  # fmt: skip
# "[2022] FedCFamC2G 311": square brackets, a code holding a digit.
_SQUARE = re.compile(r"\[" + _YEAR + r"\]" + _SP + r"([A-Z][A-Za-z]*\d[A-Za-z0-9]*)" + _SP + r"\d")
# The division after a citation's number, or a chamber's letters after a tribunal's or court's name.
_DIVISION = re.compile(
    r"(?:(?:\[" + _YEAR + r"\]|\(" + _YEAR + r"\))" + _SP + r"[A-Z][A-Za-z0-9]*(?:" + _SP + r"[A-Z][a-z]+)?" + _SP
    + r"\d+|\b(?:Tribunal|Court|Chamber|Division))" + r"[ \t\u00a0]*\(([A-Z][A-Za-z]{1,9})\)"
)  # fmt: skip
_NUMBER_PREFIX = re.compile(r"(?<![\w/])([A-Z]{2,6})(?:/\d|" + _SP + r"\d{1,6}" + _SP + "of" + _SP + _YEAR + r"\b)")


def court_citations(toks: list, text: str) -> None:
    """Mark the court's letters of citations and case numbers as facts (``place``)."""
    if not _DIGIT.search(text):
        return
    spans = [m.span(1) for m in _PLAIN.finditer(text)]
    if "(" in text:
        spans += [m.span(1) for m in _DIVISION.finditer(text)]
    if "[" in text:
        spans += [m.span(1) for m in _SQUARE.finditer(text)]
    if "/" in text or " of " in text:
        spans += [m.span(1) for m in _NUMBER_PREFIX.finditer(text)]
    if not spans:
        return
    starts = [t.start for t in toks]
    for s, e in spans:
        k = bisect_left(starts, s)
        while k < len(toks) and toks[k].end <= e:
            if toks[k].score >= 0:
                toks[k].place = True
            k += 1
