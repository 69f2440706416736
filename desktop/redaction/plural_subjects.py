"""A plural subject is no person's name: a lone capitalised word that no rule explained (the 0.5 the
likely-name pass gives a word no English list holds) before a verb in the plural.

A single name takes "has", "is", "was"; "Gardaí have raided", "Carabinieri were called" speak of a
body of people. A lone unexplained word that opens a sentence or a line straight before "have",
"are" or "were" is kept as a suggestion but scored weak, so the review marks it unsure (it may still
be someone: "Ravi have beaten me" is how some statements are typed), and so is the same word
elsewhere in the text, unless somewhere it is more than unexplained or stands before "is", "was",
"has" or "does" ("Ravi is my husband").
"""

from __future__ import annotations

import re

from desktop.redaction.given_names import any_given_names

UNEXPLAINED = 0.5  # the likely-name pass's score of a capitalised word no list holds
WEAK = 0.35
_PLURAL_VERB = re.compile(r"[ \t\u00a0]+(?:have|are|were)[ \t\u00a0]+[a-z]")
_SINGULAR_VERB = re.compile(r"[ \t\u00a0]+(?:is|was|has|does)\b")
_OPENS = re.compile(r"(?:^|[.!?:;\n][ \t\u00a0\"“]*|\n)$")
# Each verb of ``_PLURAL_VERB`` alone, for the whole text: a search for a word skips straight to its
# letters, where the alternation after "[ \t\u00a0]+" was tried at every space (98 against 6 us a
# one-page statement, most of which hold none).
_EACH_PLURAL_VERB = tuple(re.compile(v + r"(?=[ \t\u00a0]+[a-z])") for v in ("have", "are", "were"))


def has_plural_verb(text: str) -> bool:
    """``_PLURAL_VERB.search(text) is not None``: one of the verbs with a space or tab before it."""
    for verb in _EACH_PLURAL_VERB:
        for m in verb.finditer(text):
            if m.start() and text[m.start() - 1] in " \t\u00a0":
                return True
    return False


def _lone_unexplained(toks: list, k: int, given: frozenset[str]) -> bool:
    t = toks[k]
    if t.score != UNEXPLAINED or t.place or t.title or t.fw in given:
        return False
    w = t.word
    return len(w) > 2 and w[0].isupper() and w[1:].islower()


def plural_subjects(toks: list, text: str) -> None:
    """A lone unexplained word before "have"/"are"/"were" at a sentence's start is scored weak,
    and so is the same word elsewhere that has no more than the unexplained score."""
    if not has_plural_verb(text):
        return  # no verb in the plural to look at: one scan of the text for each
    given = None
    plural: set[str] = set()
    for k, t in enumerate(toks):
        if t.score != UNEXPLAINED or not _PLURAL_VERB.match(text, t.end):
            continue
        if not _OPENS.search(text, max(0, t.start - 4), t.start):
            continue
        if given is None:
            given = any_given_names()
        if _lone_unexplained(toks, k, given):
            plural.add(t.fw)
    if not plural:
        return
    same = [t for t in toks if t.fw in plural]
    if any(t.score > UNEXPLAINED or _SINGULAR_VERB.match(text, t.end) for t in same):
        return  # somewhere the text says more ("Ravi is my husband"): leave the word as it was
    for t in same:
        if t.score == UNEXPLAINED:
            t.score = WEAK
