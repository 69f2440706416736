"""Given names that are also English words ("Amir", "Sultan", "Precious", "Faith"), read as a person
where the wording can only mean one: someone spoken to in a quotation, and someone a thing or a
person is handed or sent to.

* *Spoken to*: a word alone between a quotation's opening mark and a comma that closes it (``"Amir,"
  said the boss``, ``"Faith," my cousin said``), or after a comma just before the closing mark
  (``"Sit down, Amir," the officer said``). A thing is not addressed so; a name is.
* *Handed or sent to*: after "to", where a verb of giving, paying, sending, going or speaking
  opens the clause ("He sent me to Amir in Dubai", "The money went to Amir every week", "I gave my
  passport to Sultan"). A journey's "to" takes a place, so only a given name that no gazetteer holds,
  even as a small town, is read so ("went to Georgia" stays a place), and not before another
  capitalised word ("went to Sultan Kebabs": a shop's name).

Only words a list of given names holds (``name_lists.given_names_for_wording``) are read; the rules
never take a word back.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.name_lists import a_given_name_and_no_place, given_names_for_wording

SCORE = 0.5
_SP = r"[ \t\u00a0]+"
_OPEN = "\"“‘'"
_CLOSE = "\"”’'"
_TO_BEFORE = re.compile(
    r"\b(?:gave|give|gives|given|giving|paid|pay|pays|handed|hand|sent|send|sends|sending|went|go|goes|going|gone|"
    r"took|take|takes|taken|passed|sold|owed|lent|spoke|speak|talked|talk|wrote|write|complained|lied|explained|"
    r"introduced|returned|ran|belonged|belongs|married|listened|reported|transferred|delivered|brought|bring)"
    r"\b(?:" + _SP + r"[a-z'’]+){0,4}?" + _SP + r"to" + _SP + r"$"
)
_CAPITALISED_AFTER = re.compile(_SP + r"[A-Z]")


def _spoken_to(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    """Is ``t`` alone in a quotation's address: ``"Amir,"`` or ``, Amir,"``?"""
    before, after = text[max(0, t.start - 2) : t.start], text[t.end : t.end + 2]
    opened = before[-1:] in _OPEN and before[-1:] != "'"
    after_comma = before == ", "
    closing = after[:1] in ",.!?" and after[1:2] in _CLOSE
    return closing and (opened or after_comma) and (opened or _quote_open_before(text, t.start))


def _quote_open_before(text: str, pos: int) -> bool:
    """Is a quotation open at ``pos`` on its line (an odd number of straight quotes, or an opening
    curly one after the last closing one)?"""
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    if line.count('"') % 2 == 1:
        return True
    return line.rfind("“") > line.rfind("”")


def _handed_to(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    if not _TO_BEFORE.search(text, max(0, t.start - 60), t.start):
        return False
    return not _CAPITALISED_AFTER.match(text, t.end) and a_given_name_and_no_place(t.word)


def names_spoken_to(toks: list, text: str) -> None:
    """Mark given names that are English words where they are spoken to or handed to (see the note)."""
    names = None
    for t in toks:
        if t.score != 0 or t.title or t.place or not t.word[:1].isupper() or t.word.isupper() or len(t.fw) < 3:
            continue
        if t.fw in lexicon.FUNCTION_WORDS or t.fw in lexicon.NOT_NAMES or t.fw in lexicon.RELATIONS:
            continue
        if t.fw in lexicon.FULL_MONTHS or t.fw in lexicon.FULL_DAYS or t.fw in lexicon.TITLES:
            continue
        if names is None:
            names = given_names_for_wording()
        if t.fw not in names:
            continue
        if _spoken_to(text, t) or _handed_to(text, t):
            t.score, t.edge_ok = SCORE, True
