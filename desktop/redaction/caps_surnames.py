"""Surnames written in capitals, as police witness statements, court lists and case files write them.

An MG11 statement, a court list or a tribunal decision writes a person's surname in capitals: a
given name then the surname ("Ruth OYELARAN"), a title or rank then the surname ("DS Colin
HARTLEY", "MRS JUSTICE PRITCHARD"), or the surname first with a comma before the given name
("FENWICK, Alison"). The likely-name pass takes a capitals word that is no English word on its
own, but a surname that is also a word ("WALKER", "HILL") is left, and a capitals word beside a
title-case name is not joined to it. Here a capitals word of a surname's shape is a surname when

* a given name stands straight before it, written with a capital and lower case: one the census
  or the world list holds ("Zeynep HARTLEY"), one a title, a relation or a naming cue introduces
  ("my neighbour Farida ..."), or any word the pass took for a name when the capitals word is a
  surname the census lists or a town's or a country's name ("Adwoa BOLTON": many surnames are);
* a chain of titles in capitals stands before it, opening with a personal title (MR, MRS, DR,
  LORD...: "LADY JUSTICE ..."), so a heading of ordinary words in capitals is not read;
* it opens a line or a sentence, or follows a word in lower case, and a comma and a given name
  from the census or the world list follow it ("FENWICK, Alison", "STONE, Mehmet").

A surname's shape: letters only (inner hyphens and apostrophes: "O'DWYER", "ADEYEMI-COLE"), three
letters or more with a vowel, not a word of the function-word, title, relation, month or day lists
or of the list of bodies and acronyms that are never names (NHS, CPS, UKVI), and, when it is an
English word, one the census also lists as a surname ("walker", not "scared"). Once a surname in
capitals is taken, the same capitals word elsewhere in the text is that person too ("HARTLEY
then left"). No word of any example is listed: the lists are the ones the other rules use.

After a given name, two readings are corrected (``verb_forms.py``, ``caps_offices.py``): a past verb
in capitals before what only follows a verb ("Nadia FELL over") is no surname, and its given name is
then the verb's subject; an office or a body's kind that the census lists as a surname ("Ian
BISHOP", "Lee CHAMBERS") is one.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.caps_offices import body_kind_after_given, office_surname
from desktop.redaction.fold import fold
from desktop.redaction.given_names import any_given_names, given_names
from desktop.redaction.misses_places import surname_words
from desktop.redaction.verb_forms import emphasised_verb

SCORE = 0.6
SUBJECT = 0.4  # a census given name before a verb in capitals
_SHAPE = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u017f]+(?:['’\-][A-Z\u00c0-\u00de\u0100-\u017f]+)*")
_VOWEL = re.compile(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ü]")
# Titles that open a person's chain of titles in capitals, and the words that may follow them.
_PERSONAL = frozenset("mr mrs ms miss mx dr sir dame lord lady judge prof professor".split())
_CHAIN = frozenset("justice judge honour his her recorder master district deputy".split()) | lexicon.TITLES
_COMMA_GIVEN = re.compile(r",[ \t\u00a0]+")
_CUED = 0.8  # the score of a word a title, a relation or a naming cue stands before
_LOWER_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[a-z]+[ \t\u00a0]+$")


def _surname_shape(t, english: frozenset[str], surnames: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    w, fw = t.word, t.fw
    if len(w) < 3 or not w.isupper() or not _SHAPE.fullmatch(w) or not _VOWEL.search(w):
        return False
    if (
        fw in lexicon.FUNCTION_WORDS
        or fw in lexicon.NOT_NAMES
        or fw in lexicon.TITLES
        or fw in lexicon.CAPS_TITLES
        or fw in lexicon.RELATIONS
        or fw in lexicon.MONTHS
        or fw in lexicon.DAYS
        or fw in _CHAIN
    ):
        return False
    return fw not in english or fw in surnames


def _title_case(w: str) -> bool:
    return len(w) > 1 and w[0].isupper() and w[1:].replace("-", "").replace("'", "").replace("’", "").islower()


def _given_before(toks: list, i: int, text: str, given: frozenset[str], surnames: frozenset[str]) -> bool:
    """Is a given name straight before ``toks[i]``: one the census lists, one a title or a cue
    introduced, or (before a capitals word the census lists as a surname) any likely name the pass
    took ("Ifeoma" of "Ifeoma WARD": most of our users' given names are in no census list)."""
    if i == 0:
        return False
    p = toks[i - 1]
    if text[p.end : toks[i].start] != " " or p.score < 0 or p.title or p.place or not _title_case(p.word):
        return False
    return p.fw in given or p.score >= _CUED or p.score > 0 and (toks[i].fw in surnames or _a_place(toks[i].word))


def _a_place(word: str) -> bool:
    """Is ``word`` a town's or a country's name (many are surnames: "BOLTON", "HARTLEY", "ENGLAND")?"""
    key = lexicon.place_key([word])
    return (
        fold(word) in lexicon.place_tokens()
        or key in lexicon.small_places("uk")
        or key in lexicon.small_places("world")
    )


def _titles_before(toks: list, i: int, text: str) -> bool:
    k = i - 1
    while (
        k >= 0
        and text[toks[k].end : toks[k + 1].start] in (" ", ". ")
        and toks[k].word.isupper()
        and toks[k].fw in _CHAIN
    ):
        if toks[k].fw in _PERSONAL:
            return True
        k -= 1
    return False


def _given_after(toks: list, i: int, text: str, given: frozenset[str]) -> int | None:
    """The index of a given name (census or world list) after "SURNAME, ", when the surname opens a line or a
    sentence or follows a word in lower case (not a list of capitalised words)."""
    t = toks[i]
    m = _COMMA_GIVEN.match(text, t.end)
    if not m or i + 1 >= len(toks) or toks[i + 1].start != m.end():
        return None
    n = toks[i + 1]
    if n.score < 0 or n.title or n.place or not _title_case(n.word) or n.fw not in given:
        return None
    j = t.start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] in '.!?:;"“”([\n\r' or _LOWER_WORD_BEFORE.search(text, max(0, t.start - 40), t.start):
        return i + 1
    return None


def caps_surnames(toks: list, text: str) -> None:
    """Take capitals surnames beside a given name or a title, or before ", Given"; then the same
    capitals word elsewhere. Runs on the likely-name pass's words (``names._Tok``)."""
    caps = [i for i, t in enumerate(toks) if t.score == 0 and len(t.word) > 2 and t.word.isupper() and not t.title]
    if not caps:
        return
    english, surnames, given = lexicon.english_words(), surname_words(), given_names()
    anyone = any_given_names()  # (the world's given names too: "Zeynep HARTLEY", "STONE, Mehmet")
    found: set[str] = set()
    for i in caps:
        t = toks[i]
        k = None
        body_kind_after_given(toks, i, text, anyone, surnames)  # "Lee CHAMBERS" is no body's name
        if _given_before(toks, i, text, anyone, surnames):
            if t.fw in english and t.fw not in given and emphasised_verb(text, toks[i - 1].start, t.fw, t.end, english):
                # "Nadia FELL over": a verb in capitals for emphasis (verb_forms.py); the census given
                # name before it is that verb's bare subject, so a name ("Tom" of "Tom LIED to me").
                p = toks[i - 1]
                if p.score == 0 and p.fw in given and p.fw not in lexicon.FUNCTION_WORDS:
                    p.score, p.edge_ok = SUBJECT, True
                continue
            if office_surname(toks, i, text, surnames):  # "Ian BISHOP": an office the census lists as a surname
                t.score, t.edge_ok = SCORE, True
                found.add(t.fw)
                continue
        elif not _titles_before(toks, i, text):
            k = _given_after(toks, i, text, anyone)
            if k is None:
                continue
        if not _surname_shape(t, english, surnames):
            continue
        t.score, t.edge_ok = SCORE, True
        found.add(t.fw)
        if k is not None and toks[k].score == 0:
            toks[k].score, toks[k].edge_ok = SCORE, True
    if not found:
        return
    for i in caps:
        t = toks[i]
        if t.fw in found and t.score == 0:
            t.score, t.edge_ok = SCORE, True
