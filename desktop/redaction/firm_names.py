"""A law firm or chambers named after people, read by the noun of a firm after its name: "the Harlow
Venn pro bono team", "by Marsh & Tolland solicitors", "at Okoro Webb law firm". The firm is a body
and its surnames are not names there, as a person's name does not stand before "pro bono team" or
"solicitors" with no "'s" ("Jane Roe's solicitors" keeps the name).

Taken back only: words scored 0.5 or unscored (never one a rule scored higher), after a determiner
or a preposition ("the", "at", "by", "from"...) or joined by "&" ("I told Amina solicitors cost
money" keeps the name: a verb before it). Firms' names are often a founder's full name, so a given
name in the run does not stop it here; but a given name and one more word, with no "the" before and
no "&" ("a letter from Joy Mensah solicitors"), is a person's full name, and ``people_again`` gives it
back after every take-back.

*A plural noun and a name* (``plural_and_name_firms``): "Marks and Spencer", "Barnes & Noble". Two
title-case words joined by "and" or "&", the first the plural of an English noun that no rule read
as a name and no list holds as a given name ("Marks", "Barnes"), the second a word the pass took
only for being unexplained (0.5, no cue). Taking the second alone for a person left "Marks and
[Person A]": the shop damaged, and the name it held given away by the half left. Written so, and
where one use of the pair is a place's or a business's by its wording (after "at", "from", "in",
"outside", "near"; before "'s" or a noun of a shop, "store", "branch"; or speaking with "it" or
"they" after the verb, or with a verb in the singular: "Marks and Spencer says", "... was fined",
as two people take the plural; not "'s" before a noun of someone's, "at Banks and Spencer's house"),
the pair is one name, a business's, and both words stay wherever it stands.
"Marks and Spencer said no." alone, or "Banks and Spencer beat me", proves nothing and is left to
the other rules. Not either when the second word stands alone elsewhere
in the statement ("Spencer hit me": a person, found there and here), the first is read as a name
anywhere ("Marks said the job was in Kent"), a title stands before the pair ("PCs Marks and Spencer"),
or what follows says a person ("Marks and Spencer, who ...", "... punched me": ``census_pairs``).
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.census_pairs import _PERSON_AFTER
from desktop.redaction.name_lists import given_names_for_wording
from desktop.redaction.word_sets import statement_words

UNEXPLAINED = 0.5
_SP = r"[ \t\u00a0]+"
_NOUN_AFTER = re.compile(_SP + r"([a-z]+)(?:" + _SP + r"([a-z]+))?")
_ONE_WORD = frozenset(("solicitors", "barristers"))
_TWO_WORDS = frozenset((("pro", "bono"), ("law", "firm"), ("law", "firms"), ("legal", "practice")))
_CUES = frozenset(w for pair in _TWO_WORDS for w in pair[:1]) | _ONE_WORD
_OPENERS = frozenset("the a an at by from with of for to via through".split())
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)[ \t\u00a0]+$")
_JOINS = (" ", " & ")


def _firm_noun(text: str, end: int) -> bool:
    m = _NOUN_AFTER.match(text, end)
    return bool(m) and (m.group(1) in _ONE_WORD or (m.group(1), m.group(2)) in _TWO_WORDS)


def firm_names(toks: list, text: str) -> None:
    """Take back the words of a firm's name before a firm's noun (see the note)."""
    if _CUES.isdisjoint(statement_words(text).letters):
        return
    function_words = lexicon.FUNCTION_WORDS
    for i, t in enumerate(toks):
        if not t.word[:1].isupper() or not _firm_noun(text, t.end):
            continue
        run, joined, k = [t], False, i
        while k > 0 and len(run) < 4 and text[toks[k - 1].end : toks[k].start] in _JOINS:
            prev = toks[k - 1]
            if not prev.word[:1].isupper() or prev.fw in function_words:
                break
            joined = joined or text[prev.end : toks[k].start] == " & "
            run.insert(0, prev)
            k -= 1
        if any(u.title or not 0 <= u.score <= UNEXPLAINED for u in run):
            continue
        m = _WORD_BEFORE.search(text, max(0, run[0].start - 30), run[0].start)
        if not joined and not (m and m.group(1).lower() in _OPENERS):
            continue
        for u in run:
            u.score, u.place, u.edge_ok = 0.0, True, False


_AND = (" and ", " & ")
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?[ \t\u00a0]+$")


def _plural_noun(t, english: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    fw = t.fw
    if len(fw) < 4 or not fw.endswith("s") or fw.endswith("ss") or not t.word[1:].islower():
        return False
    return fw[:-1] in english or fw.endswith("es") and fw[:-2] in english


_PLACE_BEFORE = re.compile(r"\b(?:at|from|in|outside|near|inside|opposite|behind)[ \t\u00a0]+$")
_BUSINESS_AFTER = re.compile(
    r"(?:['’]s\b|[ \t\u00a0]+(?:store|stores|shop|shops|branch|branches|supermarket|warehouse|depot|"
    r"factory|uniform|card|voucher|cafe|café|till|tills|car park|food hall)\b)"
)
_SAID_THEN = re.compile(
    r"[ \t\u00a0]+(?:said|says|told|tells)(?:[ \t\u00a0]+(?:me|us|him|her|them))?[ \t\u00a0]+"
    r"(?:that[ \t\u00a0]+)?(?:it|they|its|their)\b"
)


# A verb in the singular after the pair: one body ("Marks and Spencer says", "... has refused",
# "... was sued"); two people take the plural ("Banks and Spencer were", "... have").
_SINGULAR_VERB = re.compile(
    r"[ \t\u00a0]+(?:says|has|hasn['’]t|is|isn['’]t|was|wasn['’]t|does|doesn['’]t|employs|pays|sells|owns|runs)\b"
)
_OWNED = re.compile(r"['’]s[ \t\u00a0]+([a-z]+)")


def _a_business_here(text: str, a, b) -> bool:  # noqa: ANN001 - names._Tok
    """Does this use of the pair name a place or a business by its wording (see the note)?"""
    owned = _OWNED.match(text, b.end)
    if owned and owned.group(1) not in lexicon.FUNCTION_WORDS and not _BUSINESS_AFTER.match(text, b.end + 2):
        return False  # "at Banks and Spencer's house": someone's
    return bool(
        _PLACE_BEFORE.search(text, max(0, a.start - 12), a.start)
        or _BUSINESS_AFTER.match(text, b.end)
        or _SAID_THEN.match(text, b.end)
        or _SINGULAR_VERB.match(text, b.end)
    )


def plural_and_name_firms(toks: list, text: str) -> None:
    """Keep "Marks and Spencer" whole as a business's name (see the note)."""
    if " and " not in text and " & " not in text:
        return
    english = given = None
    pairs: list[tuple[object, object]] = []
    business: set[tuple[str, str]] = set()
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if b.score != UNEXPLAINED or a.score != 0 or a.title or b.title or text[a.end : b.start] not in _AND:
            continue
        if not a.word[:1].isupper() or not b.word[:1].isupper() or not b.word[1:].islower():
            continue
        if english is None:
            english, given = lexicon.english_words(), given_names_for_wording()
        if not _plural_noun(a, english) or a.fw in given or a.fw in lexicon.FUNCTION_WORDS:
            continue
        if i + 2 < len(toks) and text[b.end : toks[i + 2].start] in (" ", "-"):
            continue  # a longer run of capitals: another rule's
        m = _TITLE_BEFORE.search(text, max(0, a.start - 20), a.start)
        if m and m.group(1).lower() in lexicon.TITLES or m and m.group(1).lower().rstrip("s") in lexicon.TITLES:
            continue  # "PCs Marks and Spencer": two officers
        if _PERSON_AFTER.match(text, b.end):
            continue
        if any(u.fw == a.fw and u.score > 0 for u in toks):
            continue  # "Marks said ...": a surname somewhere in the statement
        pairs.append((a, b))
        if _a_business_here(text, a, b):
            business.add((a.fw, b.fw))
    if not business:
        return
    in_pairs = {id(b) for _, b in pairs}
    for a, b in pairs:
        if (a.fw, b.fw) not in business:
            continue
        if any(u.fw == b.fw and id(u) not in in_pairs for u in toks):
            continue  # the name alone elsewhere ("Spencer hit me"): a person, here too
        b.score, b.place, b.edge_ok = 0.0, True, False
