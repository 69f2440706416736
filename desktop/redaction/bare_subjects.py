"""Surnames that are English words, read from the grammar of the sentence around them.

Two places where a capitalised English word is a surname though no cue stands before it:

* **A bare subject of a verb of saying at a sentence's start** ("Stone told the court", "Wood
  said", "Hill, 52, told the jury"). In English a singular count noun cannot be the subject of a
  finite verb without a determiner ("*Stone told" is only grammatical as a name, "The stone" or "A
  witness" would need their article). So a lone capitalised word that opens a sentence, straight
  before "told", "said", "added"... (or an age in commas and then the verb) is a proper noun: a
  surname, unless it is one of the words that may stand bare as a subject: a pronoun or other
  function word, a plural ("Officials said"), a mass or collective noun ("Staff told", "Police
  said"), a title or relation ("Judge said", "Mum told"), or a body the text writes with an article
  elsewhere ("the Stone ..."). Only words the census lists as surnames or given names are read so
  (``surname_words.txt``, ``given_names.txt``): a word no one bears is no surname.
* **A function word as the surname in a full name** ("Chase Young", "Karen Little", "Amy Still"):
  in mid-sentence an adjective or adverb that is written with a capital straight after a likely
  given name is that name's surname, unless the line is a title-case heading or another
  capitalised word follows (a body's name: "Grace Young Carers Trust"); and so is the same word
  alone elsewhere in the text, in mid-sentence or opening a sentence before a verb of saying.

A plural stands bare as a subject only when its singular is a word for who or what can say things:
a person ("Officials said", "Neighbours told"), a body ("Banks said", "Churches said"), an agent
("Drivers said") or a writing ("Reports said", "Letters said"). A surname-word plural of anything
else ("Marks said the job was in Kent", "Shams told us", "Fields asked for my passport") is a
surname, at a sentence's start or after a word that is no determiner ("After that Marks said").
Even such a plural is a surname where the sentence reads it as one person: its verb in the singular
("Banks says", "Masters has told us"), an age in commas ("Banks, 45, told the court"), or, after the
verb of saying (and the one told), words that turn on a man or a woman with no "they", "them", "it"
or "its" for the speaker ("Banks said we owed him money", "Parsons said I had to work for him",
"Masters told me I owed her rent"): a body that speaks of what is owed to it says "them" or "it".
"he" and "she" do not count, nor "her" before a noun ("Banks told her she could not open an
account", "Banks said her account was closed"): those are as often the client the body spoke about.

The plural of a census surname that no list holds itself ("Bakers", "Masons", "Coopers") is read
only in that way, where the sentence makes it one person ("Bakers says the rent is due", "Masons
said I owed him money"); "Bakers said" alone stays the bakers, and so does the plural of a noun of
a person's work ("Lawyers says": a slip of agreement).

Both scores are weak (0.35 and 0.4): the reviewer sees them as suggestions, and the first joins
``weak_names_again`` in finding the same surname wherever else it is capitalised.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.redaction import lexicon
from desktop.redaction.context import _ORG_LAST
from desktop.redaction.given_names import given_names
from desktop.redaction.misses_places import surname_words
from desktop.redaction.people_again import _PERSON_NOUNS

# Verbs of saying (and of a court's questions and pleas) whose subject is a person.
_SPEECH_VERB = re.compile(
    r"(?:[ \t\u00a0]*,[ \t\u00a0]*\d{1,3}[ \t\u00a0]*,)?[ \t\u00a0]+(?:told|tells|said|says|added|adds|explained|"
    r"recalled|testified|admitted|admits|denied|denies|insisted|stated|claimed|claims|argued|replied|warned|"
    r"confirmed|wrote|alleged|agreed|urged|described|accepted|conceded|pleaded|pled|asked|recounted|"
    r"remembered|shouted|whispered|sobbed|wept)\b"
)

# A person's act on the speaker or what is theirs, straight after a sentence-opening word ("Dawn broke
# my phone", "Grace hit me", "Summer burned our papers"): a singular noun cannot open the sentence bare
# before it, and a mass noun that could ("Fire burned my papers") is left out (``_MASS_ACTORS``). Not
# the verb alone: "Dawn broke and we left" is the day.
_ACT_ON_ME = re.compile(
    r"(?:[ \t\u00a0]*,[ \t\u00a0]*\d{1,3}[ \t\u00a0]*,)?[ \t\u00a0]+(?:also[ \t\u00a0]+|then[ \t\u00a0]+)?"
    r"(?:broke|smashed|stole|burned|burnt|tore|ripped|destroyed|hid|threw|hit|slapped|punched|kicked|beat|"
    r"grabbed|pushed|choked|strangled|bit|raped|attacked|assaulted|threatened|hurt|injured|robbed|locked|"
    r"trapped|followed|touched|blackmailed|cheated|tricked|forced|sold|trafficked)"
    r"[ \t\u00a0]+(?:me|us|my|our|him|his|her|them|their)\b"
)
# What a person holds of another's ("Coopers has my passport", "Dawn kept our papers"): the papers
# and things an exploiter takes from someone; not a shop's stock ("Boots has my prescription").
_HOLDS_MINE = re.compile(
    r"[ \t\u00a0]+(?:has|had|took|takes|kept|keeps|holds|held|stole|still[ \t\u00a0]+has)[ \t\u00a0]+"
    r"(?:my|our|his|her|their)[ \t\u00a0]+(?:passport|passports|phone|papers|documents|id|visa|brp|card|"
    r"bank[ \t\u00a0]+card|wages|money|keys|children|child|son|daughter|birth[ \t\u00a0]+certificate)\b"
)
_MASS_ACTORS = frozenset(
    "fire water rain smoke flood wind snow ice frost heat damp mould gas time age life work drink drugs".split()
)

# Nouns that stand bare as a subject in English though singular: mass and collective nouns of
# people and bodies, and the bodies a news report names without an article. A closed class.
_BARE_SUBJECTS = frozenset(
    """
staff crew management security police government parliament congress council labour union press media
public family church school college university hospital company business industry prosecution defence
defense counsel audience jury bench board committee panel tribunal court senate cabinet treasury army
navy customs border state party team leadership administration intelligence enforcement immigration
justice research evidence data history nature society community everybody somebody anybody nobody
""".split()
)

# Function words that are never a surname after a given name: pronouns, articles, prepositions,
# conjunctions and auxiliaries ("Amina He" is two sentences run together, not a name).
_NEVER_SURNAMES = frozenset(
    """
a an the he her him his me us you them they we she it i my our your their its in on to or so no from
off be been being can do doing done has had have but than then while why how and nor if as at by of
for with said went told says tells are is was were am must may will
""".split()
)

_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|The|A|An)[ \t\u00a0]+$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’\-]{3,}\b")


def _opens_a_sentence(text: str, pos: int) -> bool:
    """Is ``pos`` the start of the text, a line or a sentence? (Asked here: the likely-name pass
    does not mark function words as sentence-initial.)"""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in '.!?:;"“”([\n\r'


@lru_cache(maxsize=1)
def _surname_function_words() -> frozenset[str]:
    return frozenset((lexicon.FUNCTION_WORDS & surname_words()) - _NEVER_SURNAMES)


def _plural(fw: str, english: frozenset[str]) -> bool:
    if not fw.endswith("s") or fw.endswith("ss"):
        return False
    return (
        fw[:-1] in english
        or fw.endswith("es")
        and fw[:-2] in english
        or fw.endswith("ies")
        and fw[:-3] + "y" in english
    )


# Singulars of plurals that say things though no person's or body's noun: agents and writings.
_SAYERS = frozenset(
    """
report record letter document paper figure study survey rule law sign note message text email file book source
statement account story page line word poll result notice poster leaflet form guide expert official authority
bank shop store club charity hotel restaurant farm factory mosque temple chapel people person folk
""".split()
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|these|those|my|your|his|her|our|their|its|every|each|no|any|some|both|all|many|[A-Z][a-z]*)"
    r"[ \t\u00a0]+$"
)
_WORD_BEFORE = re.compile(r"\b[a-z]+[ \t\u00a0]+$")


def _singulars(fw: str) -> list[str]:
    return [
        w for w in (fw[:-1], fw[:-2] if fw.endswith("es") else "", fw[:-3] + "y" if fw.endswith("ies") else "") if w
    ]


def _may_say(fw: str, english: frozenset[str]) -> bool:
    """Is the plural ``fw`` of a word for who or what can say things (a person, a body, an agent,
    a writing)?"""
    for one in _singulars(fw):
        if one not in english:
            continue
        if (
            one in _PERSON_NOUNS
            or one in lexicon.RELATIONS
            or one in _BARE_SUBJECTS
            or one in _ORG_LAST
            or one in _SAYERS
            or one.endswith(("er", "or", "ist", "ian", "ant", "ent", "eer"))
            and (one[:-2] in english or one[:-1] in english or one[:-3] in english)
        ):
            return True
    return False


# A plural that may say things, read as one person by the sentence (see the module's note).
_SINGULAR_SPEECH = re.compile(
    r"[ \t\u00a0]+(?:says|tells|claims|adds|admits|denies|insists|explains|"
    r"has[ \t\u00a0]+(?:told|said|asked|claimed|warned|admitted|denied|written))\b"
)
_AGE_AFTER = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*\d{1,3}[ \t\u00a0]*,")
_HEARER = re.compile(r"[ \t\u00a0]+(?:me|us|him|her|them|you|my[ \t\u00a0]+[a-z]+|[A-Z][a-z]+)\b")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_PRONOUN = re.compile(r"\b(?:(?P<body>they|them|their|theirs|it|its)|(?P<him>him)|(?P<her>her))\b")
# "her" as the one something is owed, paid or given to ("we owed her money", "I must pay her"), not
# as "her account": "her" before a sentence's end or a word that opens no noun phrase of hers.
_HER_OBJECT = re.compile(
    r"[ \t\u00a0]*(?:[.,;!?\n]|$)|[ \t\u00a0]+(?:money|rent|\d+|£|the|a|an|to|for|back|again|that|everything|"
    r"nothing|some|all|what|and|or|on|at|in|every|each|when|because|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty|thirty|forty|fifty|hundred|thousand)\b"
)


def _read_singular(text: str, end: int) -> bool:
    """Is a plural that may say things, at ``end`` before its verb, one person here? Its verb in the
    singular ("Banks says", "Masters has told"), or, after a verb of saying, a clause that names a
    singular third party the reported words turn on ("Banks said we owed him money", "Masters told
    me I owed her rent"), with no pronoun of a body or a group ("they", "it") anywhere in it."""
    if _SINGULAR_SPEECH.match(text, end) or _AGE_AFTER.match(text, end):
        return True  # "Banks says", "Banks, 45, told the court": a body has no age
    m = _SPEECH_VERB.match(text, end)
    if not m:
        return False
    pos = m.end()
    if m.group().rstrip().endswith(("told", "tells", "asked", "warned", "urged")):
        h = _HEARER.match(text, pos)
        if h:
            pos = h.end()  # the one told heard it: "Banks told him no" is the bank telling him
    stop = _CLAUSE_END.search(text, pos)
    clause_end = stop.start() if stop else len(text)
    singular = False
    for p in _PRONOUN.finditer(text, pos, clause_end):
        if p.group("body"):
            return False
        if p.group("him") or _HER_OBJECT.match(text, p.end()):
            singular = True
    return singular


def _no_determiner_before(text: str, pos: int) -> bool:
    """Is the word at ``pos`` in mid-sentence after a lower-case word that is no determiner ("After
    that Marks said"; not "the Marks said", nor "Home Marks")?"""
    return bool(_WORD_BEFORE.search(text, max(0, pos - 20), pos)) and not _DETERMINER_BEFORE.search(
        text, max(0, pos - 20), pos
    )


def _with_an_article(text: str, word: str) -> bool:
    """Does the text write ``word`` (capitalised) after "the", "a" or "an" anywhere?"""
    for m in re.finditer(r"(?<![\w\-])" + re.escape(word) + r"(?![\w\-])", text):
        if _ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            return True
    return False


def bare_subjects(toks: list, text: str) -> None:
    """A lone sentence-opening surname-word before a verb of saying ("Stone told the court")."""
    english = lexicon.english_words()
    surnames, given = surname_words(), given_names()
    for t in toks:
        fw = t.fw
        if t.score != 0 or t.title or t.place or not t.word[:1].isupper() or t.word.isupper():
            continue
        if fw not in english:
            continue
        census = fw in surnames or fw in given
        if not census and fw[-1:] != "s":
            continue
        if (
            fw in lexicon.FUNCTION_WORDS
            or fw in lexicon.NOT_NAMES
            or fw in lexicon.TITLES
            or fw in lexicon.RELATIONS
            or fw in _BARE_SUBJECTS
            or fw in lexicon.FULL_MONTHS
            or fw in lexicon.FULL_DAYS
        ):
            continue
        if not census:
            # The plural of a surname no list holds as one ("Bakers", "Masons"): someone only where the
            # sentence makes it one person ("Bakers says the rent is due"), as for "Banks says".
            if not (
                any(one in surnames and one not in _PERSON_NOUNS for one in _singulars(fw))
                and (_read_singular(text, t.end) or _HOLDS_MINE.match(text, t.end))
                and _plural(fw, english)
                and (t.initial or _no_determiner_before(text, t.start))
                and not _with_an_article(text, t.word)
            ):
                continue
            t.score, t.edge_ok = 0.35, True
            continue
        plural = _plural(fw, english)
        if not (t.initial or plural and _no_determiner_before(text, t.start)):
            continue
        if plural and _may_say(fw, english):
            if not _read_singular(text, t.end):
                continue  # "Banks said rates would rise": the banks
        elif not _SPEECH_VERB.match(text, t.end) and not (
            fw not in _MASS_ACTORS and (_ACT_ON_ME.match(text, t.end) or _HOLDS_MINE.match(text, t.end))
        ):
            continue
        if _with_an_article(text, t.word):
            continue  # "the Stone ..." elsewhere: a thing or a body in this text
        t.score, t.edge_ok = 0.35, True


def function_word_surnames(toks: list, text: str) -> None:
    """A capitalised function word straight after a likely given name ("Chase Young said")."""
    eligible = _surname_function_words()
    found: set[str] = set()
    for i in range(1, len(toks)):
        t, p = toks[i], toks[i - 1]
        if t.fw not in eligible or t.score != 0 or t.title or t.place or _opens_a_sentence(text, t.start):
            continue
        w = t.word
        if not w[:1].isupper() or not w[1:].islower() or p.score <= 0 or p.title or p.word.isupper():
            continue
        if text[p.end : t.start] != " ":
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and text[t.end : nxt.start] in (" ", "-"):
            continue  # a capitalised word goes on: a body's or a heading's words
        line_start = text.rfind("\n", 0, t.start) + 1
        line_end = text.find("\n", t.end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if not any(m.group().lower() not in lexicon.FUNCTION_WORDS for m in _LOWER_WORD.finditer(line)):
            continue  # a title-case heading ("Why Amina Still Waits for Justice")
        t.score, t.edge_ok = 0.4, True
        found.add(t.fw)
    if not found:
        return
    # The same surname alone elsewhere: in mid-sentence with its capital, or opening a sentence
    # before a verb of saying ("Lucy Young rang. ... Young said"), as ``weak_names_again`` does.
    for i, t in enumerate(toks):
        if t.fw not in found or t.score != 0 or t.title or t.place or not t.word[:1].isupper() or t.word.isupper():
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and text[t.end : nxt.start] in (" ", "-"):
            continue
        if not _opens_a_sentence(text, t.start) or _SPEECH_VERB.match(text, t.end):
            t.score, t.edge_ok = 0.4, True
