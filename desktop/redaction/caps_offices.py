"""Surnames in capitals that are also the words of an office or of a body's kind.

The capitals-surname rule (``caps_surnames.py``) leaves a capitals word that the title list or the
list of bodies' kinds holds. Two shapes where such a word is a surname all the same:

* **An office straight after a given name** ("Ian BISHOP", "Mrs Dorota MAYOR"): a title or office
  stands before a name, never after a given name; written in capitals after one, an office the
  census lists as a surname (``surname_words.txt``: bishop, judge, marshal, mayor...) is that
  person's surname, unless a capitalised word follows it (then it may be a title before that name)
  or it is a form of address or a kinship word ("MISS", "PAPA").
* **A body's kind straight after a census given name** ("Lee CHAMBERS", "Amy CHURCH"): a body's name
  ends in its kind ("Garden Court Chambers"), and writes the kind as it writes its name; a lone
  census given name in title case before a kind in capitals is a person, not a body's name, so the
  place mark ``context.mark_organisations`` gave both words is taken back.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.context import _ORG_LAST

# Offices and titles (the title list and the capitals chains of a court's bench) that are surnames
# too; not forms of address, kinship words or pronouns, which stand alone in a sentence.
_ADDRESS = frozenset(
    "mr mrs ms miss mister mx dr madam madame mama mamma papa baba mum dad auntie aunty aunt uncle".split()
)
_OFFICES = frozenset("""judge justice recorder master deputy""".split()) | lexicon.TITLES
_CAP_AFTER = re.compile(r"[ \t\u00a0]+[A-Z]")


def _title_case(w: str) -> bool:
    return len(w) > 1 and w[0].isupper() and w[1:].replace("-", "").replace("'", "").replace("’", "").islower()


def office_surname(toks: list, i: int, text: str, surnames: frozenset[str]) -> bool:
    """Is the capitals word ``toks[i]``, after a given name, an office the census lists as a surname?"""
    fw = toks[i].fw
    if fw not in _OFFICES or fw not in surnames or fw in _ADDRESS:
        return False
    if fw in lexicon.FUNCTION_WORDS or fw in lexicon.RELATIONS:
        return False
    return not _CAP_AFTER.match(text, toks[i].end)


def body_kind_after_given(toks: list, i: int, text: str, given: frozenset[str], surnames: frozenset[str]) -> None:
    """Take back the body mark on "Lee CHAMBERS": a body's kind in capitals that the census lists as
    a surname, after a lone census given name in title case (no capitalised word before it or
    after the kind)."""
    t = toks[i]
    if i == 0 or not t.place or t.fw not in _ORG_LAST or not t.word.isupper():
        return
    if t.fw not in surnames or t.fw in lexicon.NOT_NAMES or t.fw in lexicon.FUNCTION_WORDS:
        return
    p = toks[i - 1]
    if not p.place or text[p.end : t.start] != " " or not _title_case(p.word) or p.fw not in given:
        return
    if i >= 2 and toks[i - 2].word[:1].isupper() and text[toks[i - 2].end : p.start] in (" ", "-"):
        return
    if _CAP_AFTER.match(text, t.end):
        return
    p.place = t.place = False
    if p.score == 0:
        p.score, p.edge_ok = 0.6, True
