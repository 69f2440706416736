"""English verb forms, told apart from surnames that are the same word ("FELL", "LIED", "RAN").

A statement may write a verb in capitals for emphasis straight after a given name ("Nadia FELL
over", "Tom LIED about the money"); the census lists many such words as surnames too. Two things
of English grammar tell the verb from the name, with no word of any statement listed:

* the word is a past-tense form: one of the irregular pasts of English (a closed class, from its
  grammar: "fell", "ran", "broke", "hid"...), or a regular past in "-ed" whose stem is an English
  word ("lied" from "lie", "slipped" from "slip", "carried" from "carry");
* what follows it can only follow a verb, not a person's name: an adverb particle or preposition
  of motion or of a verb's complement ("down", "out", "away", "into", "to", "about"), an
  object pronoun ("me", "him", "them"), "that", or an adverb in "-ly" ("badly").

"Joseph MENSAH left" (no English word) and "Colin MARSH told the court" (no verb form, and a verb
after it) stay names.
"""

from __future__ import annotations

import re

_IRREGULAR_PAST = frozenset(
    """
arose awoke bore beat became began bent bit bled blew broke brought built burnt burst bought caught chose
clung came crept dealt did drew dreamt drank drove ate fell fed felt fought found fled flung flew forbade
forgot forgave froze got gave went ground grew hung had heard hid held hurt kept knelt knew laid led leant
leapt learnt left lent lay lit lost made meant met paid ran rang rode rose said saw sought sold sent shook
shone shot showed shrank slept slid slung slunk spoke sped spent spilt spun spat sprang stood stole stuck
stung stank strode struck swore swept swam swung took taught tore told thought threw trod understood woke
wore wept won wound wrote
""".split()
)

# What follows a verb and not a name: particles and prepositions of a verb's complement, object
# pronouns, "that". Closed classes. Not "at", "in", "on" or "from", which follow a name as often
# ("Amina HAMMED at the hearing").
_AFTER_VERB = frozenset(
    """
down up out away off back over into onto to about around round through across along towards toward behind
under inside outside apart again
me him her them us you it myself himself herself themselves ourselves yourself
that
""".split()
)
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([a-z]+)\b")


def past_tense(word: str, english: frozenset[str]) -> bool:
    """Is the lower-case ``word`` an English past-tense form ("fell", "lied", "slipped")?"""
    if word in _IRREGULAR_PAST:
        return True
    if len(word) < 4 or not word.endswith("ed") or word not in english:
        return False
    stem = word[:-2]
    return (
        stem in english  # "jumped"
        or word[:-1] in english  # "lied", "hoped"
        or stem.endswith("i")
        and stem[:-1] + "y" in english  # "carried"
        or len(stem) > 2
        and stem[-1] == stem[-2]
        and stem[:-1] in english  # "slipped"
    )


def verb_follows(text: str, end: int, english: frozenset[str]) -> bool:
    """Does a word in lower case that only follows a verb start straight after ``end``?"""
    m = _NEXT_WORD.match(text, end)
    if not m:
        return False
    w = m.group(1)
    return w in _AFTER_VERB or len(w) > 4 and w.endswith("ly") and w in english
