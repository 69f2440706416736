"""Names given back: a capitalised word some rule took back as a place, a body, a firm or a thing,
where the statement's own grammar says it is a person.

Many rules of the likely-name pass take a word back, each read from the wording around one use of
it ("went to X Park", "the union, X,", "the X farm", "X pro bono", "Mount X"). Each is right about
its wording most of the time, and a person's name written in that wording is then left in the
text: a leak. This pass runs after every take-back, and puts a name back on evidence that holds
whatever rule took it:

* *apposition with a noun of a person*: "Ruth Park, a judge,", "Blessing, my neighbour,",
  "Farida Stone, 34, a mother of two" (the noun is the head of its phrase: "a charity for domestic
  workers" names no person);
* *a relative pronoun of a person*: "the union, Tariq, who helped me" (not "who have", "who are":
  a body, in British English);
* *a relation or a person's noun after "was" or "is"*: "Amara was my friend";
* *a possessive before a relation*: "Osei's wife", "Haddad's son".

These four put back the words before them, unless a preposition that takes a place, not a person,
stands before ("in Nabatieh, her agent, identified as ...") or no word of the run could be a name
by itself ("the Police, who"). And a word is a person everywhere in the statement (*the same word
again*) when any use of it is one of these, or stands after a title or a verb that takes a person
("Mr Boateng", "told Novak"), or, read as a name already, before a verb of a person's act or
speech ("Adjei told us"; not "said it"), or ends a full name of two or three unknown words ("the
farm of Amara Osei"): its other uses that a rule took back are given back ("the Osei farm"),
unless the use is part of a longer capitalised name or of a body's name the text names whole
("Mount Amara", "Halvorn Farms"). Only words no English, gazetteer or not-a-name list holds are
carried so: a town's name used once as a surname is not spread to the town. Two more:

* *two unknown words before a noun of a business or a holding* ("at Kofi Boateng farm"): the farm
  is named after a person, by a full name that identifies them; one word ("Trelowen farm") stays
  a place;
* *"pro bono" as the manner of an act* ("represented by Amara Osei pro bono."): a person; before a
  noun ("the Harlow Venn pro bono team") it stays a firm;
* *a firm named by a person's full name*: a given name and one more word before "solicitors" or "law
  firm", with no "the" before and no "&" ("a letter from Joy Mensah solicitors"). The firm is named
  after the solicitor, and naming it names them: the solicitor a witness saw identifies the
  witness's town and circle. Written as a firm ("the Clayton Howe law firm", "Marsh & Tolland
  solicitors") or with no given name ("Okafor Whitby solicitors") it stays a firm. A worker who
  wants the firm kept rejects the suggestion in review, with a reason.

A word put back gets the score of its run's likely names, or ``SCORE``; the take-back's ranges
(bodies and things the engine keeps out of the names found again) lose any range holding it, so
``_same_names_again`` may find its other uses. Allow-listed words (score -1), titles, function
words, months, days and words in capitals are never put back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.redaction import lexicon
from desktop.redaction.given_names import any_given_names, contraction, given_names

SCORE = 0.6
_SP = r"[ \t\u00a0]+"
_OPT_SP = r"[ \t\u00a0]*"

# Nouns of a person that can head an apposition ("X, a judge"). Not "employer", "sponsor", "client",
# "customer", "contact", "owner" alone: a firm is often each of them.
_PERSON_NOUNS = (
    lexicon.RELATIONS
    - {"employer", "sponsor", "client", "customer", "contact", "owner", "relative", "kids", "children"}
) | frozenset(
    "man woman boy girl lady gentleman person mother father widow widower grandmother grandfather judge "
    "magistrate barrister advocate officer constable detective sergeant inspector nurse cleaner carer cook "
    "housekeeper nanny maid labourer farmer fisherman builder mechanic student pupil pastor priest imam "
    "vicar preacher caseworker adviser advisor volunteer survivor victim witness resident refugee "
    "migrant teenager mum dad paralegal journalist reporter photographer "
    "campaigner activist researcher spokesman spokeswoman spokesperson chef waiter waitress dancer "
    "hairdresser beautician receptionist guard tenant lodger farmhand herder shepherd "
    "gangmaster recruiter smuggler employee".split()
)
_HEAD_END = r"(?=" + _OPT_SP + r"(?:[,.;:!?)]|$)|" + _SP + r"(?:of|at|from|in|for|who|whom|with|on|to|by|and)\b)"
_MOD = r"(?:[a-z0-9][a-z0-9'’\-]*" + _SP + r"){0,3}?"  # "a 44-year-old mother", "a farm worker"
_DETERMINER = r"(?:a|an|the|my|his|her|our|their|your)"
_AGE = r"(?:(?:aged" + _SP + r")?\d{1,3}," + _OPT_SP + r")?"
_APPOSITION = re.compile(r"," + _OPT_SP + _AGE + _DETERMINER + _SP + r"(" + _MOD + r")([a-z][a-z\-]*)" + _HEAD_END)
_WHO = re.compile(r"," + _OPT_SP + r"(?:who|whom)\b(?!" + _SP + r"(?:have|are|were|run|provide|support|work)\b)")
# An age in apposition, before a word in lower case ("Amaka, 19, and her sister"), or in brackets.
_AGE_ALONE = re.compile(
    r"(?:," + _OPT_SP + r"(?:aged" + _SP + r")?\d{1,3}," + _SP + r"[a-z]|" + _OPT_SP + r"\(\d{1,3}\))"
)
_BE = r"(?:was|is|became|had been|has been)"
_WAS_MY = re.compile(
    _SP + _BE + _SP + r"(?:my|our|his|her|their|your)" + _SP + r"(" + _MOD + r")([a-z][a-z\-]*)" + _HEAD_END
)
_KIN = (
    "husband wife son sons daughter daughters mother father brother brothers sister sisters children kids baby "
    "boyfriend girlfriend partner cousin uncle aunt nephew niece fiance fiancee widow grandson granddaughter "
    "mum dad"
)
_KIN_MODIFIER = r"(?:(?:late|ex|former|eldest|youngest|older|younger|elder|new)[ \t\u00a0\-]+)?"
_POSSESSIVE_KIN = re.compile(r"['’]s" + _SP + _KIN_MODIFIER + r"(?:" + "|".join(_KIN.split()) + r")\b")
_KIN_WORDS = frozenset(_KIN.split()) | frozenset("friend boyfriend girlfriend fiance fiancee".split())
# After the relation, the list it opens goes on ("Leeds, my mother and I", "Calais, my wife, my two
# sons and I"): the list of who went, not an apposition; evidence only as another person's noun is.
_LIST_GOES_ON = re.compile(_SP + r"and\b|," + _OPT_SP + r"(?:my|our|his|her|their|your)" + _SP)
# A person's act, straight after the words: "Chukwu hit me", "Obi told us" (only for words no list holds).
_ACT_AFTER = re.compile(
    _SP + r"(?:hit|beat|slapped|punched|kicked|raped|kissed|married|hugged|shouted|screamed|swore|groped|"
    r"(?:told|asked|warned|threatened)" + _SP + r"(?:me|us|him|her|them)\b)"
)
# Before the word: a relation with a possessive ("my boss Kariuki"), "the late", or a person's noun
# and a naming word ("a man named Sandu"; not "a company called ...").
_CUE_BEFORE = re.compile(
    r"\b(?:(?:my|her|his|our|their|your)"
    + _SP
    + r"(?:(?:late|ex|former|older|younger|elder|new)[ \t\u00a0\-]+)?(?:"
    + "|".join(sorted(lexicon.RELATIONS - {"contact", "client", "customer", "sponsor", "employer"}))
    + r")|(?:the|my|her|his|our|their)"
    + _SP
    + r"late|(?:a|an|the)"
    + _SP
    + r"(?:man|woman|boy|girl|lady|guy|person|worker|farmer|driver|landlord|boss)"
    + _SP
    + r"(?:named|called))"
    + _SP
    + r"$",
    re.IGNORECASE,
)
_PERSON_VERB_BEFORE = re.compile(
    r"\b(?:told|tell|asked|ask|married|marry|met|meet|kissed|thanked|texted|hugged)" + _SP + r"$"
)
# Work done for someone, and what is handed to someone: "worked for Delroy", "gave our passports to
# Nowak" (not "went to", "sent me to": a journey's "to" takes a place).
_FOR_OR_TO_BEFORE = re.compile(
    r"\b(?:work|works|worked|working|clean|cleans|cleaned|cleaning|cook|cooks|cooked|cooking|drive|drives|drove|"
    r"driving|labour|laboured|labor|labored)" + _SP + r"for" + _SP + r"$"
    r"|\b(?:gave|give|gives|given|giving|paid|pay|pays|paying|handed|hand|owed|owe|owes|lent|lend|sold|sell|showed|"
    r"show|passed|lied|explained|introduced|complained|spoke|speak|talked|talk)\b(?:[ \t\u00a0]+[a-z'’]+){0,4}?"
    + (_SP + r"to" + _SP + r"$")
)
# After a word the pass already reads as a name: a verb of a person's act or speech, not "said it".
_PERSON_VERB_AFTER = re.compile(
    _SP + r"(?:said|told|asked|helped|hit|beat|slapped|punched|kicked|raped|shouted|screamed|threatened|"
    r"promised|locked|took|kept|drove|paid|married|laughed|cried|smiled|owns|owned|owes|owed|knew|wanted|"
    r"refused|lied|rang|phoned)\b(?!" + _SP + r"(?:it|its)\b)"
)
_HOLDINGS = frozenset(
    "farm farms factory shop shops house restaurant takeaway cafe café salon garage site compound plantation "
    "orchard estate store warehouse workshop kitchen hotel".split()
)
_PLACE_NOUNS = _HOLDINGS | frozenset(
    "village villages town city district province county region camp camps hospital court market station road "
    "street prison township municipality island valley mine port harbour suburb neighbourhood".split()
)
_HOLDING_AFTER = re.compile(_SP + r"([a-z]+)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he" + _SP + r"$")
_FIRM_NOUNS = frozenset("team unit practice department lawyers solicitors firm programme project scheme".split())
_FIRM_AFTER = re.compile(_SP + r"(?:solicitors|law" + _SP + r"firms?)\b")
_PRO_BONO = re.compile(_SP + r"pro\s+bono\b(?:\s+([a-z]+))?")
# A preposition that takes a place, not a person: "in Nabatieh, her agent, identified as ..."
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|inside|outside|into|across|around|within|throughout)" + _SP + r"$")


@lru_cache(maxsize=1)
def _function_only() -> frozenset[str]:
    return lexicon.FUNCTION_WORDS - lexicon.WORD_NAMES


def _joined(text: str, a, b) -> bool:  # noqa: ANN001 - names._Tok
    return text[a.end : b.start] == " "


def _may_return(t, function_only: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    """May ``t`` be given back as part of a name?"""
    fw = t.fw
    return (
        fw not in function_only
        and t.score >= 0
        and not t.title
        and fw not in lexicon.FULL_MONTHS
        and fw not in lexicon.FULL_DAYS
        and not (t.word.isupper() and len(t.word) > 1)
        and t.word[:1].isupper()
        and not contraction(fw)  # "Didn't told me"
    )


def _said_of_a_person(said: str, words: list, text: str, english, places) -> bool:  # noqa: ANN001
    """Does the evidence ``said`` after ``words`` hold for them? A relation in apposition holds for
    any word ("She moved to Kano. Kano, her brother, met her"; not a possessive: "Britain's
    children"); another noun of a person not after a preposition that takes a place ("in
    Nabatieh, her agent, identified as ..."); a verb of a person's act only after words no list
    holds ("Chukwu hit me"; "Unite told us" is a body's)."""
    if said == "kin":
        return True
    if said == "act":
        return all(_unknown(u, english, places) for u in words)
    if not any(_name_like(u, english, places) for u in words):
        return False
    if said == "apposition":
        return not _PLACE_PREPOSITION.search(text, max(0, words[0].start - 12), words[0].start)
    return True


def _unknown(t, english, places) -> bool:  # noqa: ANN001 - names._Tok
    """Is ``t`` a word no English, gazetteer, not-a-name or given-name list holds ("Chukwu")?"""
    fw = t.fw
    return fw not in english and fw not in places and fw not in lexicon.NOT_NAMES and fw not in given_names()


def _name_like(t, english, places) -> bool:  # noqa: ANN001 - names._Tok
    """Could ``t`` be a name by itself: a word no English, gazetteer or not-a-name list holds, a
    given name that is no place, or a word that is also a name ("Hope")? ("Leeds Police, who" and
    "the Police, who" hold none.)"""
    fw = t.fw
    if fw in lexicon.NOT_NAMES or fw in places:
        return False
    return fw not in english or fw in lexicon.WORD_NAMES or fw in given_names()


def _give_back(t, score: float = SCORE) -> None:  # noqa: ANN001 - names._Tok
    t.score = max(t.score, score)
    t.place = False
    t.edge_ok = True


def _evidence_after(text: str, end: int) -> str:
    """What the wording straight after ``end`` says of the words before it: "kin" (a relation in
    apposition or after "was my": "Kano, her brother,"), "possessive" ("Osei's wife"),
    "apposition" (another noun of a person: "Ruth Park, a judge,"), "person" ("was my boss",
    ", who", ", 19, and"), "act" (a verb of a person's act: "hit me", "told us"), or "" (nothing)."""
    for rx in (_APPOSITION, _WAS_MY):
        m = rx.match(text, end)
        if m and m.group(2) in _PERSON_NOUNS:
            if m.group(2) in _KIN_WORDS and not (rx is _APPOSITION and _LIST_GOES_ON.match(text, m.end())):
                return "kin"
            return "apposition" if rx is _APPOSITION else "person"
    if _POSSESSIVE_KIN.match(text, end):
        return "possessive"
    if _WHO.match(text, end) or _AGE_ALONE.match(text, end):
        return "person"
    return "act" if _ACT_AFTER.match(text, end) else ""


def people_again(
    toks: list, text: str, named: list[tuple[int, int]], things: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Give back the names the text shows are people's (see the note); return ``named`` and
    ``things`` less the ranges that hold a word given back."""
    function_only = _function_only()
    # The words some rule left unscored or took back: only their uses can change here.
    taken = {t.fw for t in toks if t.score == 0 and t.word[:1].isupper()} - function_only
    if not taken:
        return named, things
    english, places = lexicon.english_words(), lexicon.place_tokens()
    n = len(toks)
    people: set[str] = set()  # folded words shown to be a person somewhere
    returned: list = []
    ok = [_may_return(t, function_only) for t in toks]
    k = 0
    while k < n:
        if not ok[k]:
            k += 1
            continue
        j = k  # the run of capitalised words one space apart from toks[k], its last four words read
        while j + 1 < n and ok[j + 1] and _joined(text, toks[j], toks[j + 1]):
            j += 1
        first = max(k, j - 3)
        words, t, k = toks[first : j + 1], toks[j], j + 1
        if taken.isdisjoint([u.fw for u in words]):
            continue  # read as a name already, and no other use of its words taken back
        said = _evidence_after(text, t.end)
        if said and _said_of_a_person(said, words, text, english, places):
            people.update(u.fw for u in words)
            returned.extend((u, _level(words)) for u in words if u.score <= 0)
            continue
        if any(u.score > 0 for u in words) and (
            _strong_before(toks, first, text) or _PERSON_VERB_AFTER.match(text, t.end)
        ):
            people.update(u.fw for u in words)
        elif len(words) == 1 and _unknown(t, english, places) and _for_or_to_before(text, t.start):
            people.add(t.fw)  # "cleaned for Haddad at the Haddad hotel": a rule took both uses back
        if _full_name(words, text, t.end, english, places):
            people.add(words[-1].fw)  # "the farm of Amara Osei": Osei is a surname
        if 2 <= len(words) <= 3 and _holding_of_a_person(words, text, t.end, english, places):
            people.update(u.fw for u in words)
            returned.extend((u, _level(words)) for u in words if u.score <= 0)
            continue
        if 2 <= len(words) <= 3 and _pro_bono_act(words, text, t.end):
            returned.extend((u, _level(words)) for u in words if u.score <= 0)
            continue
        if len(words) == 2 and _firm_of_a_person(words, text, t.end):
            returned.extend((u, _level(words)) for u in words if u.score <= 0)
    for u, score in returned:
        _give_back(u, score)
    again = _same_word_again(toks, text, people, named, (english, places, function_only))
    if not returned and not again:
        return named, things
    spots = [u.start for u, _ in returned] + [u.start for u in again]

    def keep(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(s, e) for s, e in ranges if not any(s <= p < e for p in spots)]

    return keep(named), keep(things)


def _level(words: list) -> float:
    """The score a word given back in ``words`` takes: the run's own, where a word of it was already
    read as a name ("Aster Negash's brother": the span is the same), else ``SCORE``."""
    return max((u.score for u in words if u.score > 0), default=SCORE)


def _strong_before(toks: list, i: int, text: str) -> bool:
    """Is ``toks[i]`` after a title, a verb that takes a person, a relation, "the late" or "a man
    named" ("Mr Boateng", "told Novak", "my boss Kariuki", "the late Mbeki")?"""
    prev = toks[i - 1] if i else None
    if prev is not None and prev.title and prev.score >= 0 and text[prev.end : toks[i].start] in (" ", ". "):
        return True
    start = toks[i].start
    return bool(
        _PERSON_VERB_BEFORE.search(text, max(0, start - 12), start)
        or _for_or_to_before(text, start)
        or _CUE_BEFORE.search(text, max(0, start - 40), start)
    )


def _for_or_to_before(text: str, start: int) -> bool:
    return bool(_FOR_OR_TO_BEFORE.search(text, max(0, start - 60), start))


def _full_name(words: list, text: str, end: int, english, places) -> bool:  # noqa: ANN001
    """Two or three words the pass already reads as a name, none of them a word of any list, not
    after a preposition of place nor before a lower-case noun ("Amara Osei", not "in Kwun Tong",
    "Tsuen Wan district"): the last one is a surname."""
    if not 2 <= len(words) <= 3 or any(u.score <= 0 or not _name_like(u, english, places) for u in words):
        return False
    if any(u.fw in english or u.fw in given_names() and u is words[-1] for u in words):
        return False
    m = _HOLDING_AFTER.match(text, end)
    if m and m.group(1) in _PLACE_NOUNS or _PLACE_PREPOSITION.search(text, max(0, words[0].start - 12), words[0].start):
        return False
    return True


def _holding_of_a_person(words: list, text: str, end: int, english, places) -> bool:  # noqa: ANN001
    """Is this "at Kofi Boateng farm": two or three words no list holds (or a census given name first),
    one space apart, before a noun of a business or a holding, with no "the" before them and no
    town's name ("the Taj Mahal hotel", "Abu Dhabi hotel" are the business's own names)?"""
    m = _HOLDING_AFTER.match(text, end)
    if not m or m.group(1) not in _HOLDINGS:
        return False
    if _THE_BEFORE.search(text, max(0, words[0].start - 5), words[0].start):
        return False  # "the Taj Mahal hotel": the business's own name (an owner's is "the Osei farm")
    if lexicon.place_key([u.word for u in words]) in lexicon.folded_places():
        return False  # "at Abu Dhabi hotel": named after its town
    first, rest = words[0], words[1:]
    unknown = [u.fw not in english and u.fw not in places and not u.fw.endswith("s") for u in words]
    return all(unknown[1:]) and (unknown[0] or first.fw in given_names()) and rest[-1].fw not in _HOLDINGS


def _pro_bono_act(words: list, text: str, end: int) -> bool:
    """Is this "represented by Amara Osei pro bono.": "pro bono" not before a noun of a firm's team?"""
    m = _PRO_BONO.match(text, end)
    if not m or (m.group(1) or "") in _FIRM_NOUNS:
        return False
    after = m.group(1)
    return after is None or after in lexicon.FUNCTION_WORDS


def _firm_of_a_person(words: list, text: str, end: int) -> bool:
    """Is this "from Joy Mensah solicitors": a given name first, then one word, before a firm's noun,
    no "the" before (nor "&" between: the run is one space apart)?"""
    if not _FIRM_AFTER.match(text, end) or words[0].fw not in any_given_names():
        return False
    return not _THE_BEFORE.search(text, max(0, words[0].start - 5), words[0].start)


def _longer_name(toks: list, start: int, end: int, t) -> bool:  # noqa: ANN001 - names._Tok
    """Does the body's name at ``start``-``end`` hold a capitalised word besides ``t`` and
    function words ("Halvorn Farms"; not "The Osei" of "the Osei farm")?"""
    return any(
        start <= u.start < end and u is not t and u.fw not in lexicon.FUNCTION_WORDS and u.word[:1].isupper()
        for u in toks
    )


def _same_word_again(toks: list, text: str, people: set[str], named: list[tuple[int, int]], lists) -> list:  # noqa: ANN001
    """Every other use of a word shown to be a person, taken back by some rule, given back; not
    after a place's prefix ("Mount Amara"), nor inside a longer capitalised name or a body's name
    the text names whole ("Halvorn Farms", ``body_names``)."""
    if not people:
        return []
    english, places, function_only = lists
    out = []
    n = len(toks)

    def carried(u) -> bool:  # noqa: ANN001 - names._Tok
        return u.fw in people and u.fw not in english and u.fw not in places and u.fw not in lexicon.NOT_NAMES

    for i, t in enumerate(toks):
        if t.score > 0 or t.fw not in people or t.fw in english or t.fw in places or t.fw in lexicon.NOT_NAMES:
            continue
        if not _may_return(t, function_only) or any(_longer_name(toks, s, e, t) for s, e in named if s <= t.start < e):
            continue
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < n else None
        if prev is not None and _joined(text, prev, t) and prev.score <= 0 and prev.fw not in function_only:
            if not carried(prev):
                continue  # "Mount Amara", "Lake Ngozi": a place's name, named whole
        if nxt is not None and _joined(text, t, nxt) and nxt.score <= 0 and not carried(nxt):
            continue  # "the Kwame Hall Foundation", "Halvorn Farms": the body's name, named whole
        _give_back(t)
        out.append(t)
    return out
