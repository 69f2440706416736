"""A name the text says its owner asked to be kept back: a person, wherever it is written.

News and charities write of someone who gave them only a first name or a chosen one: "Hope, who
asked to be known only by her first name, ...", "Sunday – who asked that a pseudonym be used –
...", "Patience (who requested anonymity) said". The word before the clause is a person's name,
whatever else it could be (an English word, a day, a virtue), and so is every other place the text
writes it with a capital: the statement goes on to call them by it ("Later Sunday said ...").

The clause must say who ("who") and speak of a name or of being known ("named", "identified",
"anonymity", "pseudonym", "surname", "identity"): "Lagos, which asked ..." and "Grace, who asked
for her wages" are left to the other rules. A place straight after "in", "from", "at", "near" or
"to" is not taken ("a cousin in Kabul, who asked not to be named, said ..."): there the clause
belongs to the person before the place.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.context import INTRODUCED

_SP = r"[ \t\u00a0]+"
# Any of these in the text, or no clause can follow a name (one search in C before any word is tried).
_ANY = re.compile(
    r"\bwho" + _SP + r"(?:had" + _SP + r")?(?:asked|asks|request(?:ed|s)|wished|wishes|wanted"
    r"|wants|preferred|prefers|did" + _SP + r"not" + _SP + r"want|didn[’']t" + _SP + r"want"
    r"|declined|spoke" + _SP + r"on" + _SP + r"condition)\b",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"[’'\"”]?[ \t\u00a0]*(?:,|\(|[—–]|-(?=[ \t\u00a0]))[ \t\u00a0]*"
    + _ANY.pattern[2:]
    + r"[^.;:!?\n]{0,60}?\b(?:names?|named|anonymity|anonymous(?:ly)?|identified|pseudonyms?|surnames?|identity)\b",
    re.IGNORECASE,
)
_PLACE_BEFORE = re.compile(r"\b(?:in|from|at|near|to|of)" + _SP + r"$", re.IGNORECASE)


def _any_cue(text: str) -> bool:
    """``_ANY.search(text)``, tried only where "who" is written (in any case): the case-blind search
    costs a pass over the whole statement, and "who" is in most statements but the clause is rare."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: positions would not line up
        return _ANY.search(text) is not None
    i = low.find("who")
    while i >= 0:
        if _ANY.match(text, i):
            return True
        i = low.find("who", i + 3)
    return False


def asked_names(toks: list, text: str, function_only: frozenset[str]) -> None:
    """Mark the name before an "asked not to be named" clause, and its other capitalised uses."""
    if not _any_cue(text):
        return
    places = None
    given = set()
    for t in toks:
        if t.title or t.fw in function_only or not t.word[:1].isupper() or t.score >= INTRODUCED:
            continue
        if not _AFTER.match(text, t.end):
            continue
        if _PLACE_BEFORE.search(text, max(0, t.start - 6), t.start):
            places = places if places is not None else lexicon.folded_places()
            if t.fw in places:
                continue
        given.add(t.fw)
    if not given:
        return
    for t in toks:
        if t.fw in given and not t.title and t.word[:1].isupper() and t.score < INTRODUCED:
            t.score, t.edge_ok, t.place = INTRODUCED, True, False
