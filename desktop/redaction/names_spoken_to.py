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

*A surname handed or taken to* (``surnames_handed_to``): after the same verbs, a capitalised English
word that the census lists as a surname ("We sent our papers to Sultana", "He took me to Bishop", "I
handed the keys to Archer") is a person too, scored weak (0.4: the review marks it unsure). In
mid-sentence after "to" a singular English noun needs an article ("to the archer"), so written bare
and with a capital it is a name (a plural needs none: "took the prescription to Boots" stays),
unless it is one of the nouns English writes bare after "to" as a destination or a routine ("to
Church", "to School", "to Court", "to Work", "to Town", "to Mass"), a role one is sent to without an
article ("to Doctor", "to Judge", "to Imam"), a place any gazetteer holds ("to Bath", "to
Sandwich"), a month or a day, or before another capitalised word ("to Bishop Auckland", "to Fisher
Street"). With "'s" it is a person's only before a word in lower case ("to Bishop's house"); "to
Fisher's." alone is as often a shop's name.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.name_lists import a_given_name_and_no_place, given_names_for_wording, surname_words

SCORE = 0.5
_SP = r"[ \t\u00a0]+"
_OPEN = "\"“‘'"
_CLOSE = "\"”’'"
_TO_BEFORE = re.compile(
    r"\b(?:gave|give|gives|given|giving|paid|pay|pays|handed|hand|sent|send|sends|sending|went|go|goes|going|gone|"
    r"took|take|takes|taken|passed|sold|owed|lent|spoke|speak|talked|talk|wrote|write|complained|lied|explained|"
    r"introduced|returned|ran|belonged|belongs|married|listened|reported|transferred|delivered|brought|bring|"
    r"drove|drive|drives|driven|carried|led|posted|forwarded|emailed|showed|complain|report)"
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


WEAK = 0.4
_OWNED_AFTER = re.compile(r"[ \t\u00a0]+[a-z]")
# Nouns English writes bare after "to" for a destination or a routine ("went to church", "back to
# work"), and roles one is sent to with no article ("took me to doctor"): a closed class, not names.
_BARE_AFTER_TO = frozenset(
    """
bed church school college university hospital prison jail court work town market sea class chapel mosque
temple camp home mass prayer prayers lunch dinner breakfast sleep
doctor judge officer imam pastor sheikh papa dad mister miss agent lady lord president minister mayor nurse
police
""".split()
)


def surnames_handed_to(toks: list, text: str) -> None:
    """Mark a census surname that is an English word after a verb of giving, sending or taking and
    "to" ("We sent our papers to Sultana", "He took me to Bishop"): see the note."""
    surnames = places = english = frozenset()
    for t in toks:
        if t.start < 4 or not text.startswith(" to ", t.start - 4):
            continue  # (the cheapest test first: most capitalised words come after no "to")
        if t.score != 0 or t.place or not t.word[:1].isupper() or not t.word[1:].islower() or len(t.fw) < 3:
            continue
        if _CAPITALISED_AFTER.match(text, t.end):
            continue
        fw = t.fw
        if not surnames:
            surnames, places, english = surname_words(), lexicon.place_tokens(), lexicon.english_words()
        if fw not in surnames or fw in _BARE_AFTER_TO or fw in places:
            continue
        if fw in lexicon.FUNCTION_WORDS or fw in lexicon.NOT_NAMES or fw in lexicon.RELATIONS:
            continue
        if fw in lexicon.MONTHS or fw in lexicon.DAYS:
            continue
        if fw.endswith("s") and (fw[:-1] in english or fw.endswith("es") and fw[:-2] in english):
            continue  # a plural stands bare after "to" ("took it to Boots": the chemist's)
        if text[t.end : t.end + 2] in ("'s", "’s") and not _OWNED_AFTER.match(text, t.end + 2):
            continue  # "to Fisher's.": a shop's name ("to Bishop's house" is someone's)
        if not _TO_BEFORE.search(text, max(0, t.start - 60), t.start):
            continue
        key = lexicon.place_key([t.word])
        if key in lexicon.small_places("uk") or key in lexicon.small_places("world"):
            continue
        t.score, t.edge_ok = WEAK, True
