"""Places of a journey that no gazetteer holds, or that a list of given names holds too ("Doha"),
read from the journey's wording: a route's "via" after a word of travel ("we came via Doha and
Istanbul"), "through" after a flight's or a route's word ("my flight was through Doha"), and a word
before "airport" ("Doha airport was full"). A route passes through places; "heard via Amir", "got
the job through Amir", "travelled through Tariq's help" (no word of a route's) and a possessive ("came
via Amir's cousin") keep the name.

Taken back only: words scored as unexplained (0.5 or less), never one a cue or a title scored higher,
and one to three capitalised words one space apart ("via Abu Dhabi"). ``people_again`` still gives a
word back where the statement's grammar says it is a person.
"""

from __future__ import annotations

import re

from desktop.redaction.word_sets import statement_words

UNEXPLAINED = 0.5
_SP = r"[ \t\u00a0]+"
# Travel: a traveller's own going ("we came", "they took us"), or a word only a journey has (not "the
# money came via Kwame").
_TRAVEL = (
    r"(?:\b(?:we|i|they|he|she)" + _SP + r"(?:came|come|went|go|drove|walked|arrived)\b|\b(?:took|brought|"
    r"drove|smuggled)" + _SP + r"(?:us|me|them|him|her)\b|\b(?:flew|fly|flies|flying|flown|flight|flights|"
    r"travelled|traveled|travel|travelling|traveling|sailed|crossed|journey|route|trip|transit|transited|boat|"
    r"coach|train|plane|lorry|truck)\b)"
)
_ROUTE_BEFORE = re.compile(
    r"(?:" + _TRAVEL + r"[^.;:!?\n]{0,40}?\bvia|\b(?:flight|flights|flew|flown|route|transit|transited)\b"
    r"[^.;:!?\n]{0,20}?\bthrough)" + _SP + r"$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?\b")
_AIRPORT_AFTER = re.compile(_SP + r"(?:airport|airports)\b")


def _run(toks: list, i: int, text: str) -> list:
    """The capitalised words one space apart from ``toks[i]`` on, at most three."""
    run = [toks[i]]
    while len(run) < 3 and i + len(run) < len(toks):
        nxt = toks[i + len(run)]
        if text[run[-1].end : nxt.start] != " " or not nxt.word[:1].isupper():
            break
        run.append(nxt)
    return run


_AFTER_ROUTE = re.compile(r"\b(?:via|through)" + _SP + r"(?=[A-Z])")
_AIRPORT = re.compile(_SP + r"airports?\b")


def journey_places(toks: list, text: str) -> None:
    """Take back the places of a journey (see the note)."""
    letters = statement_words(text).letters
    if "via" not in letters and "through" not in letters and "airport" not in letters and "airports" not in letters:
        return
    after_cue = {m.end() for m in _AFTER_ROUTE.finditer(text)}
    before_airport = {m.start() for m in _AIRPORT.finditer(text)}
    if not after_cue and not before_airport:
        return
    for i, t in enumerate(toks):
        if t.start in after_cue:
            run = _run(toks, i, text)
            if not _ROUTE_BEFORE.search(text, max(0, t.start - 80), t.start):
                continue
        elif t.end in before_airport:
            k = i  # the run that ends before "airport", at most three words
            while (
                k > 0 and i - k < 2 and text[toks[k - 1].end : toks[k].start] == " " and toks[k - 1].word[:1].isupper()
            ):
                k -= 1
            run = toks[k : i + 1]
        else:
            continue
        if _POSSESSIVE.match(text, run[-1].end) or any(u.title or not 0 <= u.score <= UNEXPLAINED for u in run):
            continue
        for u in run:
            u.score, u.place, u.edge_ok = 0.0, True, False
