"""Capital letters a report gives a person in place of a name, and the same letters again.

Reports that must not name a victim write her initials instead: "a trafficking victim, RT, left
home", "the worker, DKM, told officers", "known only by the initials MBT", "identified by her
initials, AO". The letters stand for a person there, and wherever else the text writes them
("RT later went to the embassy", "MBT's employer"). Read here:

* two to four capital letters between commas, or in brackets, straight after a noun of a person
  ("victim", "woman", "worker", a relation: "her employer, JK,", "the worker (MN)"); a body's
  acronym is written after a body's noun ("the union, GMB, said"), not a person's; and letters
  that are the first letters of the words before them ("an overseas domestic worker (ODW)") are
  those words' acronym;
* two to four capital letters after "initials" (and an optional comma or "of"), or after "named",
  "identified" or "referred to" and "as" in the same clause ("named in court only as TRS"); not
  after "known ... as", which a body is too ("known in the sector as FLEX");
* two to four capital letters opening a sentence or a clause and followed by what is said of a
  person: "is/was one of" some people ("KM is one of 30 workers interviewed"), or, in apposition,
  a person's noun or age ("JD, a 34-year-old cleaner, said", "JD, 34, said"). A body's acronym is
  one of some bodies, and in apposition a body's noun follows it ("GMB, a union,").

The letters are then a name wherever they stand alone as a word. Not letters no person's initials
are: an office or rank in capitals ("MP", "PC"), a function word ("IT", "US"), anything a rule
already took for a body or an allow-listed phrase (a score below zero), or letters with a digit.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon

SCORE = 0.6  # as a name word the text confirmed and that is found again
_PERSON_NOUNS = lexicon.RELATIONS | frozenset(
    "victim victims survivor woman man girl boy worker maid helper witness complainant claimant applicant "
    "defendant teenager migrant refugee mother father wife husband plaintiff petitioner resident student "
    "labourer laborer employee trainee intern domestic nanny housekeeper".split()
)
_NOUN_COMMA = re.compile(r"\b([a-z][a-z\-]*),[ \t\u00a0]+$")
_NOUN_BRACKET = re.compile(r"\b([a-z][a-z\-]*)[ \t\u00a0]+\($")
_INITIALS_BEFORE = re.compile(
    r"\binitials(?:[ \t\u00a0]+of)?,?[ \t\u00a0]+$"
    r"|\b(?:named|identified|referred[ \t\u00a0]+to)\b[^.;:!?\n]{0,40}?\bas[ \t\u00a0]+$",
    re.IGNORECASE,
)
_PEOPLE = (
    "workers|women|men|victims|survivors|people|migrants|refugees|girls|boys|children|labourers|laborers|"
    "employees|witnesses|interviewees|respondents|domestics|maids|helpers|nannies|carers|fishermen|"
    "claimants|applicants|appellants|defendants|residents|detainees|families"
)
# After the letters: "is one of 30 workers", "was one of the women", "JD, a 34-year-old cleaner,", "JD, 34,".
_SAID_AFTER = re.compile(
    r"[ \t\u00a0]+(?:is|was)[ \t\u00a0]+one[ \t\u00a0]+of[ \t\u00a0]+(?:[\w\-,]+[ \t\u00a0]+){0,5}?"
    r"(?:" + _PEOPLE + r")\b"
    r"|,[ \t\u00a0]+(?:\d{1,2}(?=[ \t\u00a0]*[,)])|aged[ \t\u00a0]+\d{1,2}\b"
    r"|an?[ \t\u00a0]+(?:[\w\-]+[ \t\u00a0]+){0,3}?([a-z]+)[ \t\u00a0]*[,)])"
)
_CLAUSE_START = re.compile(r"(?:^|[.!?;:(\n]|,[ \t\u00a0]+(?:and|but|while|as)?)[ \t\u00a0\"“]*$")
_COMMA_AFTER = re.compile(r"[ \t\u00a0]*[,)]")
_BRACKET_AFTER = re.compile(r"\)")
_WORDS = re.compile(r"[^\W\d_]+")


def _letters(t) -> bool:  # noqa: ANN001 - names._Tok
    w = t.word
    return (
        2 <= len(w) <= 4
        and w.isalpha()
        and w.isupper()
        and t.score == 0
        and not t.title
        and t.fw not in lexicon.CAPS_TITLES
        and t.fw not in lexicon.FUNCTION_WORDS
    )


def _spelt_before(letters: str, before: str) -> bool:
    """Are ``letters`` the first letters of the words written straight before them?"""
    words = _WORDS.findall(before)[-len(letters) :]
    return len(words) == len(letters) and all(w[0].upper() == c for w, c in zip(words, letters, strict=True))


def _said_of_a_person(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    """Do the letters open a clause and go on with what is said of a person (the module's note)?"""
    m = _SAID_AFTER.match(text, t.end)
    if not m or not _CLAUSE_START.search(text, max(0, t.start - 12), t.start):
        return False
    return m.group(1) is None or m.group(1) in _PERSON_NOUNS


def initials_named(toks: list, text: str) -> None:
    """Score the letters a report gives a person (see the module's note), and the same letters
    wherever else they stand."""
    found: set[str] = set()
    for t in toks:
        w = t.word
        if len(w) > 4 or len(w) < 2 or not w.isupper() or not _letters(t):  # (the cheap tests inline)
            continue
        last = text[t.start - 1 : t.start]
        if _said_of_a_person(text, t):
            found.add(t.word)
            continue
        if last not in " (":
            continue
        before = text[max(0, t.start - 40) : t.start]
        if last == "(":
            b = _NOUN_BRACKET.search(before)
            cue = bool(b) and b.group(1) in _PERSON_NOUNS and bool(_BRACKET_AFTER.match(text, t.end))
        elif before.endswith(", ") or before.rstrip(" \t\u00a0").endswith(","):
            m = _NOUN_COMMA.search(before)
            cue = bool(m) and m.group(1) in _PERSON_NOUNS and bool(_COMMA_AFTER.match(text, t.end))
            cue = cue or "nitials" in before and bool(_INITIALS_BEFORE.search(before))  # "her initials, AO"
        else:
            cue = ("nitials" in before or "as" in before[-4:]) and bool(_INITIALS_BEFORE.search(before))
        if cue and not _spelt_before(t.word, before):  # "a domestic worker (DW)": the words' own initials
            found.add(t.word)
    if not found:
        return
    for t in toks:
        if t.word in found and t.score == 0 and not t.title:
            t.score, t.edge_ok = SCORE, True
