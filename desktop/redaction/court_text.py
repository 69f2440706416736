"""Facts of court and tribunal text that the likely-name pass scored as unexplained words (0.5 or
less), told by how judgments and law reports write them, never by which court or body they are:

* the words after an abbreviated body's head, "Dept. of" ("Dept. of Justice", "Dept of Labor"):
  a department's name, as "Department of" is;
* the words after "Court of" in any case ("HIGH COURT OF JUSTICIARY", "Court of Session"): the
  court's name;
* an abbreviation with its full stop after an ordinal ("the 4th Cir.", "2d Cir."): a court's
  circuit; a person's name never follows a number so;
* a capitalised abbreviation of two to four small letters with its full stop after a place and a
  comma, before a comma or a line's end ("San Antonio, Tex., for the appellee"): a state's or a
  county's, as law reports place counsel; a title ("Mrs.") is no such word; and the same
  abbreviation after a comma elsewhere in the text ("Tarvo Springs, Tex.,");
* the head of an act of the European Union before its number ("Directive 2004/81/EC",
  "Regulation (EU) 2016/679");
* a word in capitals in the possessive whose stem is an English word no one is named
  ("HER MAJESTY'S ADVOCATE"): a possessive is cut from a word in ordinary case before it is read,
  not from one in capitals.

Only a word scored 0.5 or less that is no given name of any list is taken back, and never one a
title or a cue scored higher: a missed name is worse than a damaged fact.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.fold import fold
from desktop.redaction.given_names import any_given_names
from desktop.redaction.name_lists import surname_words
from desktop.redaction.word_sets import statement_words

UNEXPLAINED = 0.5
_SP = r"[ \t\u00a0]+"
_DEPT_OF = re.compile(r"\b(?:Dept|DEPT|Dep't)\.?" + _SP + r"(?:of|OF)" + _SP + r"(?:(?:the|THE)" + _SP + r")?\Z")
_COURT_OF = re.compile(r"\b[Cc](?:ourt|OURT)" + _SP + r"(?:of|OF)" + _SP + r"(?:(?:the|THE)" + _SP + r")?\Z")
_ORDINAL_BEFORE = re.compile(r"(?<![\w.])\d{1,2}(?:st|nd|rd|th|d)" + _SP + r"\Z")
_ABBREVIATION_END = re.compile(r"\.(?=[ \t\u00a0]*(?:[,;)]|\r?\n|\Z))")
_EU_ACT_AFTER = re.compile(
    _SP + r"(?:(?:19|20)\d\d/\d{1,4}/(?:EU|EC|EEC|JHA|CFSP)\b"
    r"|\((?:EU|EC|EEC)\)" + _SP + r"(?:No\.?" + _SP + r")?(?:19|20)\d\d/\d)"
)
_EU_HEADS = frozenset(("directive", "regulation", "decision"))
_CAPS_POSSESSIVE = re.compile(r"([A-Z]{3,})['’]S")


def _unexplained(t, given: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    return 0 <= t.score <= UNEXPLAINED and not t.title and t.fw not in given


def _take_back(t) -> None:  # noqa: ANN001 - names._Tok
    t.score, t.place, t.edge_ok = 0.0, True, False


def _run_after(toks: list, i: int, text: str, given: frozenset[str]) -> None:
    """Take back ``toks[i]`` and up to two more capitalised words one space after it, while unexplained."""
    k = i
    while True:
        _take_back(toks[k])
        if k - i == 2 or k + 1 >= len(toks) or text[toks[k].end : toks[k + 1].start] != " ":
            return
        nxt = toks[k + 1]
        if not nxt.word[:1].isupper() or not _unexplained(nxt, given):
            return
        k += 1


def court_text_facts(toks: list, text: str) -> None:
    """Take back the words court text shows are facts (see the note)."""
    letters = statement_words(text).letters
    dept = "dept" in letters or "dep't" in letters
    court = "court" in letters
    eu = not _EU_HEADS.isdisjoint(letters)
    caps_possessive = "'S" in text or "’S" in text
    dots = "." in text
    if not (dept or court or eu or caps_possessive or dots):
        return
    given = None
    states: set[str] = set()
    for i, t in enumerate(toks):
        if not 0 < t.score <= UNEXPLAINED:  # (a word no rule took is left as it is: most are)
            continue
        if given is None:
            given = any_given_names()
        if not _unexplained(t, given) or not t.word[:1].isupper():
            continue
        start = max(0, t.start - 16)
        if dept and _DEPT_OF.search(text, start, t.start) or court and _COURT_OF.search(text, start, t.start):
            _run_after(toks, i, text, given)
            continue
        if eu and t.fw in _EU_HEADS and _EU_ACT_AFTER.match(text, t.end):
            _take_back(t)
            continue
        if caps_possessive and t.word.isupper():
            m = _CAPS_POSSESSIVE.fullmatch(t.word)
            if m and _common_word(fold(m.group(1))):
                _take_back(t)
                continue
        if dots and text[t.end : t.end + 1] == "." and 2 <= len(t.word) <= 5:
            if _ORDINAL_BEFORE.search(text, max(0, t.start - 6), t.start):
                _take_back(t)  # "the 4th Cir."
            elif (
                t.word[1:].islower()
                and t.fw not in lexicon.TITLES
                and _ABBREVIATION_END.match(text, t.end)
                and _after_place(toks, i, text)
            ):
                _take_back(t)  # "San Antonio, Tex.,"
                states.add(t.fw)
    if states:  # the same abbreviation after a comma elsewhere: "Tarvo Springs, Tex.,"
        for t in toks:
            if (
                t.fw in states
                and 0 < t.score <= UNEXPLAINED
                and text[t.end : t.end + 1] == "."
                and text[t.start - 2 : t.start] == ", "
                and _ABBREVIATION_END.match(text, t.end)
            ):
                _take_back(t)


def _common_word(fw: str) -> bool:
    """An English word that no list names anyone ("majesty"; not "smith" nor "grace")."""
    return fw in lexicon.english_words() and fw not in surname_words() and fw not in any_given_names()


def _after_place(toks: list, i: int, text: str) -> bool:
    """Is ``toks[i]`` straight after a known place's name and a comma ("San Antonio, Tex.")?"""
    if i == 0 or text[toks[i - 1].end : toks[i].start] != ", ":
        return False
    prev = toks[i - 1]
    return prev.place or prev.fw in lexicon.place_tokens()
