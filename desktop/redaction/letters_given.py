"""One capital letter a text gives a person in place of a name, and the same letter again.

An account that keeps its subject anonymous calls her by one letter: "a Leeds dealer (M.)", "a
recruiter, Samir (S)", "calling her 'R.'", "known only as “T”". The letter then stands for that
person wherever the text writes it as one: a speaker's label opening a line of a transcript ("R:
I was born in Cali", "T- We paid"), in quotes ("where “R” tells her story"), or with a full stop
before a verb ("M. faced five charges"). Read here:

* a letter, with or without a full stop, alone in brackets straight after a person's noun in
  the singular ("victim", "worker", or an agent's noun an English word makes: "deal-er") or after
  a likely name ("Samir (S)"), but for L, R and C there (where someone stands in a photograph);
* the same after a pronoun that is one person ("she called me (K)", "I paid him (M)"), unless
  the letter's neighbour in the alphabet is bracketed in the text too, and not after a pronoun or
  a person's word ("told me (A) to wait and (B) to pay" counts points off; "him (A) and her (B)"
  are two people);
* a letter in quotes after "calling", "called", "naming", "named", "known as", "referred to as".

Not "I" (the pronoun). "A" only in brackets or quotes, and again only as a label or in quotes: the
article is everywhere else. A letter after a word of a label ("Plan B", "Annex C", "Grade A")
stays, as ``published.letters_for_people`` already tells them apart. A letter and its brackets
may be written full width ("（Ｋ）", as Chinese and Japanese text writes them).
"""

from __future__ import annotations

import re

from desktop.redaction.initials_named import _PERSON_NOUNS
from desktop.redaction.roles_before_names import _an_agent

SCORE = 0.95  # the text says the letter is someone's: looked for again wherever written
_IN_BRACKETS = re.compile(r"([A-Za-z][a-z\-]*)[ \t\u00a0]+\(([A-Z])\.?\)")
_QUOTED = re.compile(
    r"\b(?:calling|called|call|naming|named|known[ \t\u00a0]+(?:only[ \t\u00a0]+)?as"
    r"|referred[ \t\u00a0]+to[ \t\u00a0]+as)"
    r"[ \t\u00a0]+(?:(?:her|him|them|herself|himself)[ \t\u00a0]+)?[\"“‘']([A-Z])\.?[\"”’']"
)
_POSITIONS = frozenset("LRC")  # a photograph's caption: left, right, centre ("Ana Roe (L) and ...")
_CLOSE = re.compile(r"[.．]?[)）]")
_LETTER_IN_BRACKETS = re.compile(r"[(（]([A-ZＡ-Ｚ])[.．]?[)）]")  # _IN_BRACKETS's end, found first
# Pronouns that stand for one person; a letter in brackets after one is that person's ("she called
# me (K)"). Not "it" (a thing), "us", "them", "you" (more than one, or the reader).
_ONE_PERSON = frozenset("me him her he she".split())
_OPEN = frozenset("(（")
_QUOTED_LETTER = re.compile(r"[\"“‘']([A-Z])\.?[\"”’']")
_BLANKS = " \t\u00a0"
_LOWER_OR_HYPHEN = frozenset("abcdefghijklmnopqrstuvwxyz-")
_THINGS_IN_ER = frozenset(
    """paper letter number order chapter border computer container quarter register corner matter folder
    poster center centre meter metre filter cluster sector factor vector motor floor door document
    statement agreement department apartment payment element segment event point part""".split()
)


def _a_person_word(word: str, letter: str, tok_scores: dict[int, float], start: int) -> bool:
    low = word.lower()
    if low in _ONE_PERSON:
        return True  # (the caller asks whether the letter counts points off)
    if tok_scores.get(start, 0.0) > 0:
        return letter not in _POSITIONS  # "Samir (S)": a likely name; "Ana Roe (L)" is where she stands
    if word[0].isupper():
        return False
    return low in _PERSON_NOUNS or (_an_agent(low) and low not in _THINGS_IN_ER)


def _points_counted(text: str, letter: str, of_people: set[str]) -> bool:
    """Is the letter before or after ``letter`` in the alphabet also alone in brackets in ``text``
    ("(A) ... (B)": points of a list, not people), other than after a pronoun or a person's word
    (``of_people``: "him (A) and her (B)" are two people)?"""
    c = ord(letter)
    for n in (c - 1, c + 1):
        other = chr(n)
        if other.isupper() and other not in of_people and any(o + other + cl in text for o in _OPEN for cl in ")）"):
            return True
    return False


def _again(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    """Does the letter ``t`` stand as a person's letter here: a label, in quotes, or "M." before a verb?"""
    line_start = t.start == 0 or text[max(0, t.start - 8) : t.start].rstrip(" \t\u00a0").endswith("\n")
    after = text[t.end : t.end + 3]
    if line_start and after[:1] in (":", "-", "–"):
        return True  # "R: I was born", "T- We paid"
    if text[t.start - 1 : t.start] in ('"', "“", "‘", "'") and after[:1] in ('"', "”", "’", "'", "."):
        return True  # "where “R” tells"
    return t.word != "A" and after[:1] == "." and bool(re.match(r"\.[ \t\u00a0]+[a-z]", after))


def _words_before_letters(text: str) -> list[tuple[str, int, str]]:
    """What ``_IN_BRACKETS.finditer`` finds, as (word, its start, the letter), found from each
    bracketed letter back rather than tried at every letter of the text: the match is the earliest
    start of ``[A-Za-z][a-z\\-]*`` that reaches the blanks before the bracket."""
    found = []
    for m in _LETTER_IN_BRACKETS.finditer(text):
        ws = m.start()
        while ws and text[ws - 1] in _BLANKS:
            ws -= 1
        if ws == m.start() and text[ws] != "（":
            continue  # no blank before the bracket (a full-width one has its own space)
        j = ws
        while j and text[j - 1] in _LOWER_OR_HYPHEN:
            j -= 1
        if j and "A" <= text[j - 1] <= "Z":
            j -= 1
        else:
            while j < ws and text[j] == "-":
                j += 1
        if j < ws:
            found.append((text[j:ws], j, m.group(1)))
    return found


def letters_given(toks: list, text: str) -> None:
    """Score the letter a text gives a person (see the module's note), and the same letter again.
    (``engine._trim`` gives a letter standing for someone its full stop: "M. faced", "(M.)".)"""
    bracket = "(" in text or "（" in text
    cue = _QUOTED_LETTER.search(text) is not None  # _QUOTED's end, a quoted capital, is rare: looked for first
    if not bracket and not cue:
        return
    letters: set[str] = set()
    if bracket:
        scores = {t.start: t.score for t in toks}
        found = [
            (word, letter)
            for word, start, letter in _words_before_letters(text)
            if letter not in ("I", "Ｉ") and _a_person_word(word, letter, scores, start)
        ]
        of_people = {letter for _, letter in found}
        for word, letter in found:
            if word.lower() in _ONE_PERSON and _points_counted(text, letter, of_people):
                continue
            letters.add(letter)
    if cue:
        for m in _QUOTED.finditer(text):
            if m.group(1) != "I":
                letters.add(m.group(1))
    if not letters:
        return
    for t in toks:
        if t.word not in letters or t.score < 0 or t.title:
            continue
        bracketed = text[t.start - 1 : t.start] in _OPEN and bool(_CLOSE.match(text, t.end))
        if bracketed or _again(text, t):
            t.score, t.edge_ok, t.place = max(t.score, SCORE), True, False
