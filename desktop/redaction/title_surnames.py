"""A surname after a form of address that is also a word kept as a fact ("Mrs French", "Dr Swift").

The likely-name pass never takes a word of the list of words that are never names (nationalities and
languages, "Church", "Court", "Temple"...), even after a title. But a form of address (Mr, Mrs, Ms,
Miss, Mx, Dr) stands only before a person's name: "Mrs French owned three houses" names a woman,
not a language. After one, such a word in title case is a surname ("Mr English", "Dr Welsh", "Mrs
Church"), unless another capitalised word follows it (then the person's name goes on and the pass
reads it, or the title is part of a body's or a street's name).

Once a title has shown such a word to be a person's surname in a statement, it is that person's
wherever else it stands as only a name stands (``_as_a_name``): the subject of a verb opening a
sentence or a clause ("French was angry", "French, 52, told us"), after "according to", before a
possessive ("French's lawyer"), or beside another person across "and" ("Ravi and French", "French
and I"). Where it reads as the ordinary word ("French bread", "in French", "the French", "English
and French") it stays.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon

SCORE = 0.9  # as sure as any word after a title
AGAIN = 0.6  # the same surname alone elsewhere, as sure as a name word found again (engine.py)
_ADDRESS = frozenset("mr mrs ms miss mx dr".split())
_AFTER_TITLE = re.compile(r"\.?[ \t\u00a0]+")
_CAP_AFTER = re.compile(r"[ \t\u00a0]+[A-Z]")
_SP = r"[ \t\u00a0]+"
# What follows a subject: a finite verb (a past form in "-ed", or one of the commonest others),
# after an age in commas if there is one.
_VERB_AFTER = re.compile(
    rf"(?:[ \t\u00a0]*,[ \t\u00a0]*\d{{1,3}}[ \t\u00a0]*,)?{_SP}(?:[a-z]+ed|was|is|had|has|said|says|told|tells|"
    r"came|went|took|gave|left|kept|knew|made|paid|sent|met|rang|saw|hit|threw|wrote|would|will|could|did|"
    r"never|always|then|also|still)\b"
)
# What stands before a subject opening a sentence or a clause.
_CLAUSE_BEFORE = re.compile(
    r"(?:^|[.!?:;\n][\"'“‘]?[ \t\u00a0]*|[,(][ \t\u00a0]*|\b(?:and|but|that|when|because|while|after|"
    r"before|until|then|so|said|says|told|tells|where|as|if|though|later|earlier|yesterday|today|now|soon|"
    r"finally|again)[ \t\u00a0]+)$"
)
_ACCORDING_TO = re.compile(r"\baccording[ \t\u00a0]+to[ \t\u00a0]+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)(?![A-Za-z])")
_PRONOUNS = r"(?:I|me|he|she|him|her)"
_AND_PERSON_AFTER = re.compile(rf"{_SP}and{_SP}{_PRONOUNS}\b")
_PERSON_AND_BEFORE = re.compile(rf"\b{_PRONOUNS}{_SP}and{_SP}$")
_AND_GAP = re.compile(rf"{_SP}and{_SP}")


def surnames_after_address(toks: list, text: str) -> None:
    """Take a never-a-name word in title case straight after "Mr", "Mrs", "Dr"...
    Runs on the likely-name pass's words (``names._Tok``)."""
    shown: set[str] | None = None
    for i in range(1, len(toks)):
        p = toks[i - 1]
        if p.fw not in _ADDRESS:
            continue
        t = toks[i]
        if t.score != 0 or not p.title or t.fw not in lexicon.NOT_NAMES:
            continue
        w = t.word
        if (
            len(w) < 4
            or not (w[0].isupper() and w[1:].islower())
            or t.fw in lexicon.FUNCTION_WORDS
            or not _AFTER_TITLE.fullmatch(text, p.end, t.start)
            or _CAP_AFTER.match(text, t.end)
        ):
            continue
        t.score, t.edge_ok = SCORE, True
        shown = {t.fw} if shown is None else shown | {t.fw}
    if shown:
        _as_a_name(toks, text, shown)


def _beside_a_person(toks: list, i: int, text: str) -> bool:
    """Across "and" from a likely name or a pronoun of a person ("Ravi and French", "she and French")."""
    t = toks[i]
    if _AND_PERSON_AFTER.match(text, t.end) or _PERSON_AND_BEFORE.search(text, max(0, t.start - 12), t.start):
        return True
    if i > 0 and toks[i - 1].score >= 0.5 and _AND_GAP.fullmatch(text, toks[i - 1].end, t.start):
        return True
    return i + 1 < len(toks) and toks[i + 1].score >= 0.5 and bool(_AND_GAP.fullmatch(text, t.end, toks[i + 1].start))


def _as_a_name(toks: list, text: str, shown: set[str]) -> None:
    """The surnames a title showed (``shown``), alone where only a name stands (see the note)."""
    for i, t in enumerate(toks):
        if t.fw not in shown or t.score != 0 or t.title or not (t.word[0].isupper() and t.word[1:].islower()):
            continue
        if i > 0 and toks[i - 1].fw in _ADDRESS:
            continue  # (a title before: the rule above read it)
        if _CAP_AFTER.match(text, t.end):
            continue  # part of a longer name ("French Embassy", "English Heritage")
        before = text[max(0, t.start - 40) : t.start]
        if (
            (_VERB_AFTER.match(text, t.end) and _CLAUSE_BEFORE.search(before))
            or _ACCORDING_TO.search(before)
            or _POSSESSIVE.match(text, t.end)
            or _beside_a_person(toks, i, text)
        ):
            t.score, t.edge_ok = AGAIN, True
