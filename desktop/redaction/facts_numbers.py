"""Numbers that the identifier patterns take but that are dates of the complaint, by their shape:

* a range of years ("2000-2007", "1998–2004"): the later year after the earlier, both 19xx or 20xx;
* a loose National Insurance shape whose two letters are a word in ordinary case and whose digits
  are a year and the next ("In 2017-18 they assisted", "by 2019/20"): a word and a financial year.

* the number of a neutral citation ("[2004] EWCA Crim 1275", "[2021] UKUT 45 (IAC)"): a judgment's
  number, published, after a year in square brackets and the court's letters.

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


def after_a_citation(text: str, s: int) -> bool:
    """Is the number at ``s`` the number of a neutral citation ("[2004] EWCA Crim 1275")?"""
    return "]" in text[max(0, s - 30) : s] and bool(_CITATION_BEFORE.search(text, max(0, s - 30), s))
