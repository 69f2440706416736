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

A present-tense form in "-s" ("Tom LIES to them", "Ravi WINS the case") and a past before a
determiner ("Ravi WON the appeal") are read as verbs only when the given name before them is a
subject: it opens a sentence or follows a word that opens a clause ("and", "that", "when"...). A
plural noun in "-s" is a surname as often ("BANKS", "MILLS"), and after an object ("I told Sarah
BANKS that ...", "I gave Ravi WOOD the keys") a name may stand before a determiner or "that"; in
subject position a name needs a verb after it, which "that" or "the" is not.

"Joseph MENSAH left" (no English word) and "Colin MARSH told the court" (no verb form, and a verb
after it) stay names.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon

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
# Determiners: they open the object after a verb ("WON the appeal", "LIES to his mother").
_DETERMINERS = frozenset("the a an his her their my our its your this these those every".split())
# Words after which a clause opens, so that the name after them is its subject.
_CLAUSE_OPENERS = frozenset("and but then when because after before so that if while until as once".split())
# The few irregular present forms the census also lists as surnames are not needed: "has", "does",
# "is" and "says" are function words or no surnames; regular "-s" forms are read from their stem.
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t\u00a0]+$")
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


def present_tense(word: str, english: frozenset[str]) -> bool:
    """Is the lower-case ``word`` a third-person present form of an English verb ("lies", "wins",
    "pushes", "carries")? (A plural noun has the same shape: see ``emphasised_verb``.)"""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")) or word not in english:
        return False
    return (
        word[:-1] in english  # "lies", "wins"
        or word.endswith("es")
        and word[:-2] in english  # "pushes"
        or word.endswith("ies")
        and word[:-3] + "y" in english  # "carries"
    )


def _subject_at(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence, a line or a clause ("and Ravi", "that Ravi")?"""
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] in '.!?:;"“”\n\r(':
        return True
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not m:
        return False
    w = m.group(1).lower()
    if w in lexicon.RELATIONS:  # "My friend Sunita ...": the relation's determiner opens the clause
        d = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        return bool(d) and d.group(1).lower() in lexicon.POSSESSIVES and _subject_at(text, d.start())
    return w in _CLAUSE_OPENERS


def emphasised_verb(text: str, name_start: int, word: str, end: int, english: frozenset[str]) -> bool:
    """Is the capitals ``word`` (lower case; it ends at ``end``), after the given name that starts
    at ``name_start``, a verb written in capitals for emphasis rather than that person's surname?"""
    past = past_tense(word, english)
    if past and verb_follows(text, end, english):
        return True  # "Nadia FELL over", wherever the name stands
    if not (past or present_tense(word, english)) or not _subject_at(text, name_start):
        return False
    if verb_follows(text, end, english):
        return True  # "Tom LIES about the visa."
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1) in _DETERMINERS  # "Ravi WON the appeal."
