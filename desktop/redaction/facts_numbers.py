"""Numbers that the identifier patterns take but that are dates of the complaint, by their shape:

* a range of years ("2000-2007", "1998–2004"): the later year after the earlier, both 19xx or 20xx;
* a loose National Insurance shape whose two letters are a word in ordinary case and whose digits
  are a year and the next ("In 2017-18 they assisted", "by 2019/20"): a word and a financial year.

* the number of a neutral citation ("[2004] EWCA Crim 1275", "[2021] UKUT 45 (IAC)", "2016 ONSC
  4410"): a judgment's number, published, after a year (in square brackets, or bare as Canada's
  courts write it) and the court's letters.

* the number of an act of the European Union ("Directive 2004/81/EC", "Regulation (EU) 2016/679").

A real NI number is written in capitals ("QQ 12 34 56 C"), so one in capitals is never read as a date.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon

_YEARS = re.compile(r"((?:19|20)\d\d)[\-\u2010-\u2015]((?:19|20)\d\d)")
_WORD_AND_YEAR = re.compile(r"([A-Za-z]{2})[ \t\u00a0]+((?:19|20)\d\d)[\-/\u2010-\u2015](\d\d)")


def year_range(v: str) -> bool:
    """Is ``v`` a range of years, the second later than the first?"""
    m = _YEARS.fullmatch(v)
    return bool(m and int(m.group(1)) < int(m.group(2)) <= int(m.group(1)) + 60)


def word_and_financial_year(v: str) -> bool:
    """Is ``v`` (a loose NI match) a word and a year and the next ("In 2017-18")?"""
    m = _WORD_AND_YEAR.fullmatch(v)
    if not m or m.group(1).isupper():
        return False
    return m.group(1).lower() in lexicon.FUNCTION_WORDS and (int(m.group(2)) + 1) % 100 == int(m.group(3))


_CITATION_BEFORE = re.compile(r"\[(?:1[89]|20)\d\d\][ \t\u00a0]+(?:[A-Z][A-Za-z]*[ \t\u00a0]+){1,3}\(?\Z")


# A neutral citation with its year unbracketed, as Canada's and other courts write it ("2016 ONSC
# 4410", "2021 BCCA 12"): the year, the court's capitals (one capitalised word may follow), the number.
# Not after a word of a reference ("crime reference 2019 MPS 4411" is the police's own).
_BARE_CITATION_BEFORE = re.compile(
    r"(?<![\w\[/\-])(?:1[89]|20)\d\d[ \t\u00a0]+[A-Z]{2,6}(?:[ \t\u00a0]+[A-Z][a-z]{1,5}\.?)?[ \t\u00a0]+\Z"
)
_REFERENCE_WORD = re.compile(r"\b(?:ref|refs|reference|references|crime|incident|number|no|case)\b\W*\Z", re.IGNORECASE)


def after_a_citation(text: str, s: int) -> bool:
    """Is the number at ``s`` the number of a neutral citation ("[2004] EWCA Crim 1275", "2016 ONSC 4410")?"""
    if "]" in text[max(0, s - 30) : s] and _CITATION_BEFORE.search(text, max(0, s - 30), s):
        return True
    m = _BARE_CITATION_BEFORE.search(text, max(0, s - 24), s)
    return bool(m) and not _REFERENCE_WORD.search(text, max(0, m.start() - 20), m.start())


# The number of an act of the European Union: "Directive 2004/81/EC", "Regulation (EU) 2016/679",
# "Council Decision 2008/615/JHA". Published law, a fact of the complaint; no personal reference is
# written as a year, a number and the Union's letters.
_EU_ACT = re.compile(r"(?:19|20)\d\d/\d{1,4}/(?:EU|EC|EEC|JHA|CFSP|Euratom)", re.IGNORECASE)
_EU_ACT_BEFORE = re.compile(r"\((?:EU|EC|EEC)\)[ \t\u00a0]+(?:No\.?[ \t\u00a0]+)?\Z")
_EU_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d/\d{1,4}")


def eu_act_number(text: str, s: int, v: str) -> bool:
    """Is ``v`` at ``s`` the number of an act of the European Union (see above)?"""
    if _EU_ACT.fullmatch(v):
        return True
    return bool(_EU_YEAR_NUMBER.fullmatch(v)) and bool(_EU_ACT_BEFORE.search(text, max(0, s - 12), s))

