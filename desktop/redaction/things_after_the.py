"""A capitalised word no rule explained, written after "the", names a thing, not a person.

In English a person's name takes no article: "the Carabinieri arrested him", "the Guardian
reported", "at the Waitrose supermarket", "the Cobrey farm" name a body, a paper, a shop, a farm.
The likely-name pass gives a capitalised word that no English list holds 0.5 wherever it stands; here,
when such a word (one or two of them) follows "the" straight away and is followed by

* a verb, a preposition, a punctuation mark, the end of the text (anything but a noun: "the Okafor
  case" and "the Casey report" are named after people, so a noun after the word is not enough; and
  not "who": "the Ravi who runs the shop" tells one person from another), or
* a noun of a place or a business ("farm", "supermarket", "restaurant", "camp", "barracks",
  "factory", "app", "website"...), which a person's name does not stand before without "'s",

it is taken for a thing, and so is the same word alone elsewhere in the text, as ``bare_subjects``
reads a word the text writes after "the". Not a plural in "-s" ("the Okafors" are a family), not a
given name of the census or world list, not a word any rule scored above the unexplained 0.5 anywhere in the text.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.given_names import any_given_names
from desktop.redaction.verb_forms import past_tense

UNEXPLAINED = 0.5
_THE = re.compile(r"\b[Tt]he[ \t\u00a0]+$")
_KINDS = (
    "farm farms supermarket supermarkets store stores shop shops company firm factory restaurant takeaway cafe "
    "café hotel hotels camp camps prison barracks airport station hospital clinic warehouse warehouses brand "
    "chain app website site sites platform plant mine port newspaper paper magazine channel programme page "
    "account group network gang agency"
)
_KIND_AFTER = re.compile(r"[ \t\u00a0]+(?:" + "|".join(_KINDS.split()) + r")\b")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([a-z][a-z'’\-]*)")


def _unexplained(t, english: frozenset[str], given: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    w = t.word
    return (
        t.score == UNEXPLAINED
        and not t.title
        and w[:1].isupper()
        and not w.isupper()
        and t.fw not in english
        and t.fw not in given
        and not t.fw.endswith("s")
    )


def _not_a_noun_after(text: str, end: int, english: frozenset[str]) -> bool:
    """Does what follows ``end`` start no noun: punctuation, the end, a past verb, a verb of saying,
    a preposition or another function word in lower case? (Anything else in lower case may be a
    noun: "the Okafor case", "the Okafor family".)"""
    if _KIND_AFTER.match(text, end):
        return True
    m = _WORD_AFTER.match(text, end)
    if not m:
        rest = text[end : end + 2].lstrip(" \t\u00a0")
        # a clause's punctuation or the end ("the Kilimnik/Madrid meeting": not)
        return not rest or rest[0] in '.,;:!?)”"\n'
    w = m.group(1)
    if w in ("who", "whom", "whose", "and", "or"):
        # "the Ravi who runs the shop": a person told apart from another; "the Okafor and Mensah
        # families": a noun may follow what "and" joins
        return False
    return (
        w in lexicon.FUNCTION_WORDS
        or past_tense(w, english)
        or w in ("said", "told", "says", "tells", "made", "took", "gave", "sent", "paid", "kept", "held", "ran")
    )


def things_after_the(toks: list, text: str) -> list[tuple[int, int]]:
    """Take back an unexplained word written after "the" (see the module's note), there only; the
    ranges from "the" on, so that the word is not found again there as a name elsewhere."""
    out: list[tuple[int, int]] = []
    english = given = None
    n = len(toks)
    for i, t in enumerate(toks):
        the = _THE.search(text, max(0, t.start - 5), t.start) if t.score == UNEXPLAINED else None
        if the is None:
            continue
        if english is None:
            english, given = lexicon.english_words(), any_given_names()
        run = [t]
        if i + 1 < n and text[t.end : toks[i + 1].start] == " ":
            run.append(toks[i + 1])
        if i + len(run) < n and text[run[-1].end : toks[i + len(run)].start] == " ":
            continue  # three capitalised words or more: left to the rules of bodies and names
        if not all(_unexplained(u, english, given) or u.score == 0 and u.word[:1].isupper() for u in run):
            continue
        if not _unexplained(t, english, given) or not _not_a_noun_after(text, run[-1].end, english):
            continue
        for u in run:
            if u.score == UNEXPLAINED:
                u.score, u.place, u.edge_ok = 0.0, True, False
        out.append((the.start(), run[-1].end))
    return out
