"""Places and bodies that news reports name in wordings the likely-name pass read as people's names
(words it scored as unexplained, 0.5). Each wording is one a report about migrant workers uses for
a place or a body whatever its name, and none stands before or around a person's name:

* *a place after a wording of where someone lives or comes from*: "a resident of", "residents
  of", "a native of", "on the outskirts of", "the suburbs of", "hails from", and a place's former
  name after a known place ("Mogwadi, formerly Dendron");
* *a place before an administration's adjective and its body*: "Bukedi regional police", "Kisumu
  county government", "Sabah state assembly" (``facts_in_wording`` reads "district" and "county"
  alone: a place's noun); and after a determiner or a preposition of place, before a government's
  noun ("the Kwazulu-Natal labour department", "the Negeri Sembilan police chief said"; not "I told
  Chidi police were outside", after a verb, nor "the Okafor police case");
* *a place before "Chief Magistrate"*, as before a court's kind;
* *a place's noun and "of"*: "the home village of Ban Nong Khai", "the town of ...", and after a
  plural one every place of the list that follows ("the villages of X, Y and Z");
* *a place before a court's kind*: "the Kwun Tong Magistrates' Courts", "Nakuru High Court";
* *a dateline*: a town of the gazetteers opening the text or a line before ":" or ", (AFP)"
  ("Manama: A maid ...");
* *a town of the gazetteers before "'s" and a noun of a place*: "Santa Cruz's bus station";
* *two countries or big cities joined by a hyphen*: "the Kenya-Tanzania border" (not two small
  towns' names: a Cantonese given name may be spelt so);
* *a place in a pair after "between"*: "the border between Manitoba and the United States": one
  place of the pair known, the other word is a place too;
* *a town's kind word opening a Malay, Indonesian or Filipino place's name*: "Kampung Baru",
  "Taman Desa Jaya", "Bandar Sunway", "Barangay San Roque";
* *a place before a noun of a place*, a shop's ("his Tsimshatsui store") or one after a modifier
  ("the Penhallow rubber plantation", "a £45,000 Trelech cannabis factory": an amount opens it as a
  determiner does), not before a noun of a person ("farm workers") nor after a verb (two unknown
  words before a business's noun are given back by ``people_again``: a full name may stand there);
* *a body's noun before words one of which is in capitals*: "the rights group ACME Sur";
* *a country after "to" before a likely name*: "the envoy to Malaysia Ahmad Hamid" (not a census
  given name: "spoke to Sofia Petrova" keeps Sofia, as ``context.places_before_names`` reads it);
* *a company by its last word*: "Kwan Lee Corp", "Sinar Jaya Sdn Bhd" ("Ltd" and "Plc" are read
  elsewhere);
* *at sea off a coast*: "the boat capsized off Lampedusa", "intercepted off the coast of ...";
* *a way of travel after a verb of flying*: "flew home on Cebu Pacific", "flown back via Doha" (not
  after "sent", "returned": "sent on Okafor's orders");
* *a vessel's name and number after a noun of a vessel*: "the boat, Hung Yu 212,";
* *a list of places after "came from", "were from"*, where one item is a place of the gazetteers
  or a noun of places follows ("from Dolakha, Sunsari and Morang districts"): a letter comes from
  people too ("came from Chidi, Tunde and Obi" stays);
* *a newspaper or agency after a verb of telling*: "told La Prensa", "according to El Tiempo"
  (a Spanish, Italian or French article opening two or three words), "told AFP." (letters in
  capitals ending the clause), and a site's name written with a full stop ("told Nation.Africa").

Only a word scored 0.5 or unscored that is no census given name is taken back (a given name too
inside a place of two words or more the gazetteers hold: "Santa Cruz", "Sha Tin"), and a word any
rule scored higher never is: a missed name is worse than a damaged fact.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.demonyms import places_joined
from desktop.redaction.facts_in_wording import _PERSON_AFTER, _PLACE_NOUNS, _place_opening, _take_back, _unexplained
from desktop.redaction.fold import fold
from desktop.redaction.given_names import given_names
from desktop.redaction.place_runs import words_starting_at
from desktop.redaction.word_sets import statement_words

UNEXPLAINED = 0.5
_SP = r"[ \t\u00a0]+"
_LIVES_IN = re.compile(
    r"\b(?:residents?|natives?|outskirts|suburbs|environs|hails|hailing|hail|village|town|city|province|district|"
    r"municipality|region|county|island|capital|suburb|township|hamlet|governorate|prefecture|villages|towns|"
    r"cities|provinces|districts|islands|regions|counties)"
    + _SP
    + r"(?:of|from)"
    + _SP
    + r"$",
    re.IGNORECASE,
)
_FORMERLY = re.compile(r",?" + _SP + r"formerly" + _SP + r"$")
_ADMIN_AFTER = re.compile(
    _SP + r"(?:regional|provincial|municipal|divisional|zonal|metropolitan|state|county|district|city|prefectural)"
    + _SP + r"(?:police|council|government|court|hospital|assembly|administration|authorities|authority|"
    r"commissioner|governor|office|headquarters|prosecutors?)\b"
)  # fmt: skip
# The same after a determiner or a preposition of place only ("the Okafor police case" is Okafor's):
# "the X labour department", "in X police custody" is not read, "the X police chief said" is.
_GOVERNMENT_AFTER = re.compile(
    _SP
    + r"(?:(?:[a-z]+"
    + _SP
    + r")?(?:department|ministry|government)|police"
    + _SP
    + r"(?:chief|commissioner|commander|spokesperson|spokesman|spokeswoman|said|say|says))\b"
)
_COURT_AFTER = re.compile(
    _SP + r"(?:Criminal|Circuit|Crown|County|Family|High|Supreme|District|Magistrates['’]?|Magistrate['’]s|Appeals?|"
    r"Youth|Juvenile|Regional|Provincial|Municipal|Sessions|Labou?r|Industrial|Sharia)" + _SP + r"Courts?\b"
    r"|" + _SP + r"(?:Chief" + _SP + r")?Magistrate\b"
)
_DATELINE_AFTER = re.compile(
    r"[ \t\u00a0]*(?::|,?" + _SP + r"\((?:AP|AFP|Reuters|ANI|IANS|PTI|Xinhua|Kyodo|EFE|IPS|UNB|Bernama|dpa|CP)\))"
)
_LINE_OPEN = re.compile(r"(?:^|\n)[ \t\u00a0]*$")
_POSSESSIVE_PLACE = re.compile(
    r"['’]s" + _SP + r"(?:[a-z]+" + _SP + r")?(?:station|airport|port|harbour|harbor|streets?|slums?|outskirts|"
    r"suburbs?|market|markets|bus|train|railway|docks?|airport|province|district|downtown|old|city|centre|center)\b"
)
_BETWEEN = re.compile(r"\bbetween" + _SP + r"$")
_AND_PLACE = re.compile(_SP + r"and" + _SP + r"(?:the" + _SP + r")?([A-Z][\w\-]*(?:" + _SP + r"[A-Z][\w\-]*){0,2})")
_TOWN_KINDS = frozenset(
    "bandar kampung kampong taman desa kota pulau bukit sungai kuala teluk tanjung barangay sitio purok moshav "
    "kibbutz".split()
)
_SHOP_NOUNS = frozenset("store stores shop shops restaurant warehouse stall salon workshop sweatshop eatery".split())
_TWO_LOWER_AFTER = re.compile(_SP + r"([a-z]+)(?:" + _SP + r"([a-z]+))?")
_AMOUNT_BEFORE = re.compile(r"[£$€¥][ \t\u00a0]?\d[\d,.]*(?:m|bn|k)?" + _SP + r"$")
_BODY_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|[a-z]+)" + _SP + r"(?:group|charity|organi[sz]ation|ngo|NGO|agency|network|coalition|association|"
    r"foundation|union|outlet|newspaper|daily|broadcaster|campaign)" + _SP + r"$"
)
# At sea off a coast: "the boat capsized off Lampedusa", "intercepted off the coast of Zuwara".
_OFF_BEFORE = re.compile(
    r"\b(?:sank|sunk|capsized|rescued|intercepted|drowned|stopped|seized|anchored|foundered|spotted|found|"
    r"picked"
    + _SP
    + r"up)"
    + _SP
    + r"off"
    + _SP
    + r"(?:the"
    + _SP
    + r"(?:coast|coasts|shores?)"
    + _SP
    + r"of"
    + _SP
    + r")?$"
)
# Where people come from, a list of places: "the workers came from Dolakha, Sunsari and Morang".
_FROM_BEFORE = re.compile(
    r"\b(?:came|come|comes|coming|hail|hails|hailed|originally|were|are)" + _SP + r"from" + _SP + r"$"
)  # (a list: one of its places known, or a noun of places after it)
_LIST_GAP = re.compile(r",?" + _SP + r"(?:and" + _SP + r")?|," + _SP + r"?")
# A way of travel: "flew home on Cebu Pacific", "flown back via Doha" (after a verb of flying only:
# "sent on Okafor's orders" is someone's).
_TRAVEL_BEFORE = re.compile(
    r"\b(?:flew|flown|fly|flies|flying)(?:"
    + _SP
    + r"(?:home|back|out))?(?:"
    + _SP
    + r"to"
    + _SP
    + r"[A-Z][\w\-]*)?"
    + _SP
    + r"(?:on|aboard|via)"
    + _SP
    + r"$"
)
_POSSESSIVE = re.compile(r"['’]s?\b")
_PLACES_NOUN = re.compile(_SP + r"(?:districts|provinces|villages|regions|states|counties|towns|islands)\b")
# A vessel's name and number after a noun of a vessel: "the boat, Hung Yu 212,", "fishing vessel Fu Yuan 8".
_VESSEL_BEFORE = re.compile(
    r"\b(?:boat|vessel|ship|trawler|longliner|tanker|ferry|dhow|fishing" + _SP + r"boat)s?,?" + _SP + r"$"
)
_NUMBER_AFTER = re.compile(_SP + r"(?:No\.?" + _SP + r")?\d{1,4}\b(?![,.]\d)(?!" + _SP + r"(?:years?|per|%))")
_COMPANY_LAST = frozenset("corp corporation company inc bhd sdn pte pty llc gmbh".split())
_TO_BEFORE = re.compile(r"\bto" + _SP + r"$")
_TELLING = re.compile(
    r"\b(?:told|tells|tell|according" + _SP + r"to|interview" + _SP + r"with|speaking" + _SP + r"to|spoke"
    + _SP + r"to|reported" + _SP + r"by|quoted" + _SP + r"by|cited" + _SP + r"by)" + _SP + r"$"
)  # fmt: skip
_ROMANCE_ARTICLES = frozenset("el la los las le les il lo gli o os as".split())
_CLAUSE_END = re.compile(r"[ \t\u00a0]*(?:[,.;:)!?\"”]|$|" + _SP + r"(?:that|in|on|last|this|about|from|by)\b)")
_SITE = re.compile(r"\.(?:[A-Z][a-z]{2,}|com|org|net|ng|ke|ph|co)\b")


# What lies between two places joined by a hyphen, when a word of the pair is also a given name
# ("the Nepal-India border"; "my friend Chelsea-Jordan came" is a person).
_BETWEEN_PLACES = re.compile(
    r"[ \t\u00a0]+(?:border|borders|frontier|route|routes|road|highway|corridor|flight|flights|crossing|trade"
    r"|war|conflict|relations|deal|agreement|treaty|pipeline|railway|bus|ferry|scam|ring|network)\b"
)


def _known_place(words: list[str]) -> bool:
    """Are the words a place of the gazetteers (``places.txt``, and the world's and the UK's
    smaller towns)?"""
    key = lexicon.place_key(words)
    if key in lexicon.small_places("world") or key in lexicon.small_places("uk"):
        return True
    parts = tuple(key.split())
    if len(parts) == 1:
        return parts[0] in lexicon.place_tokens()
    return bool(parts) and parts in lexicon.multiword_places().get(parts[0], ())


_PLURAL_PLACES_OF = re.compile(
    r"\b(?:villages|towns|cities|provinces|districts|islands|regions|counties)" + _SP + r"of" + _SP + r"$",
    re.IGNORECASE,
)
_PLACES_LIST_GAP = re.compile(r"(?:[ \t\u00a0]*,[ \t\u00a0]*(?:and[ \t\u00a0]+)?|" + _SP + r"and" + _SP + r")\Z")


def _more_places_of_the_list(toks: list, k: int, text: str, given: frozenset[str]) -> None:
    """After "the villages of X": the list's next items ("..., Y and Z"), each up to three
    unexplained words, while every one is; a possessive ends the list ("and Tarvo's father")."""
    while k < len(toks) and _PLACES_LIST_GAP.match(text[toks[k - 1].end : toks[k].start]):
        run = words_starting_at(toks, k, text, 3)
        if not run[0].word[:1].isupper() or text[run[-1].end : run[-1].end + 1] in ("'", "’"):
            return
        if not _take_run(run, given):
            return
        k += len(run)


def _take_run(run: list, given: frozenset[str], known: bool = False) -> bool:
    """Take back the run if each word is unexplained (a census given name too where the run is a
    place of two words or more the gazetteers hold: "Santa Cruz", "Sha Tin")."""
    if known and len(run) > 1:
        given = frozenset()
    if run and all(_unexplained(u, given) or u.fw in lexicon.PARTICLES for u in run) and _unexplained(run[0], given):
        for u in run:
            _take_back(u)
        return True
    return False


def facts_in_news(toks: list, text: str) -> None:
    """Take back the unexplained words the news wording around them shows are places or bodies."""
    given = given_names()
    letters = statement_words(text).letters  # (the text's words, lower-cased: which wordings can be here)
    courts = "Court" in text or "Magistrate" in text
    firms = not _COMPANY_LAST.isdisjoint(letters)
    function_words = lexicon.FUNCTION_WORDS
    for i, t in enumerate(toks):
        if t.score > UNEXPLAINED or t.score < 0 or t.title or t.fw in function_words or not t.word[:1].isupper():
            continue  # (census given names are passed over in _take_run, save in a gazetteer's place)
        if not any(u.score > 0 for u in toks[i : i + 3]):
            continue  # no likely name in reach: nothing to take back
        prev = toks[i - 1] if i else None
        opens_run = (  # (a capitalised function word before it opens no run: "The Tarlac provincial ...")
            prev is None or text[prev.end : t.start] != " " or prev.fw in lexicon.FUNCTION_WORDS or prev.title
        )
        if opens_run and _opening_rules(toks, i, text, given, courts, firms):
            continue
        # "the Kenya-Tanzania border": places joined by a hyphen
        if "-" in t.word:
            parts = t.word.split("-")
            # (countries and big cities, none a person's word: "Wai-tak" is two small towns' names,
            # "my friend Chelsea-Jordan" a person's)
            folded = [fold(p) for p in parts]
            if (
                len(parts) == 2
                and all(p[:1].isupper() for p in parts)
                and (
                    places_joined(folded)
                    or all(p in lexicon.place_tokens() for p in folded)
                    and _BETWEEN_PLACES.match(text, t.end)
                )
            ):
                _take_back(t)


def _opening_rules(toks: list, i: int, text: str, given: frozenset[str], courts: bool, firms: bool) -> bool:
    """The rules read at a run's first word ``toks[i]`` (each only where its first mark is): did one
    take the run back?"""
    t = toks[i]
    prev = toks[i - 1] if i else None
    before = text[max(0, t.start - 40) : t.start]
    run = words_starting_at(toks, i, text, 3)
    after_run = run[-1].end
    nxt = text[after_run : after_run + 2]
    lower_next = len(nxt) == 2 and nxt[0] == " " and nxt[1].islower()
    words = [u.word for u in run]
    # "a resident of X", "the outskirts of X", "hails from X"
    if ("of" in before[-4:] or "from" in before[-6:]) and _LIVES_IN.search(before) and _take_run(run, given):
        if _PLURAL_PLACES_OF.search(before):  # "the villages of X and Y": every place of the list
            _more_places_of_the_list(toks, i + len(run), text, given)
        return True
    # "Mogwadi, formerly X": after a place
    if "formerly" in before and prev is not None and prev.place and _FORMERLY.search(before):
        if _take_run(run[:1], given):
            return True
    if lower_next:
        # "X regional police", "X county government"
        if _ADMIN_AFTER.match(text, after_run) and _take_run(run, given):
            return True
        if _GOVERNMENT_AFTER.match(text, after_run) and _place_opening(text, t.start) and _take_run(run, given):
            return True
        # "his Tai Wai store", "a £45,000 Cwmbran cannabis factory": a place before a noun of a place
        m = _TWO_LOWER_AFTER.match(text, after_run)
        if (
            m
            and _before_a_place_noun(m.group(1), m.group(2), given)
            and (_place_opening(text, t.start) or _AMOUNT_BEFORE.search(before))
            and _take_run(run, given, _known_place(words))
        ):
            return True
    # "X Magistrates' Court(s)": the words before the court's kind
    if courts:
        k = next((k for k, u in enumerate(run) if _COURT_AFTER.match(text, u.end)), None)
        if k is not None and _take_run(run[: k + 1], given, _known_place(words[: k + 1])):
            return True
    # a dateline: "Manama: ..."
    if (t.start == 0 or "\n" in before) and _LINE_OPEN.search(before) and _DATELINE_AFTER.match(text, after_run):
        if _known_place(words) and _take_run(run, given, True):
            return True
    # "Santa Cruz's bus station"
    if nxt[:1] in ("'", "’") and _POSSESSIVE_PLACE.match(text, after_run) and _known_place(words):
        if _take_run(run, given, True):
            return True
    # "between X and (the) Y", one of them a known place
    if "between" in before and _BETWEEN.search(before):
        m = _AND_PLACE.match(text, after_run)
        if m and (_known_place(m.group(1).split()) or _known_place(words)) and _take_run(run, given):
            return True
    # "Kampung Baru", "Bandar Sunway"
    if t.fw in _TOWN_KINDS and len(run) > 1 and _take_run(run, given):
        return True
    # "the rights group ACME Sur": a body's noun before words one of which is in capitals
    if any(u.word.isupper() and len(u.word) > 1 for u in run) and _BODY_NOUN_BEFORE.search(before):
        if _take_run(run, given, True):
            return True
    # "ambassador to Malaysia Ahmad Hamid": a country (no census given name) after "to"
    if (
        len(run) > 1
        and before.endswith("to ")
        and t.fw in lexicon.place_tokens()
        and t.fw not in given
        and run[1].score >= UNEXPLAINED
        and _TO_BEFORE.search(before)
    ):
        _take_back(t)
        return True
    # at sea "off Lampedusa"; travel "on Cebu Pacific", "via Doha"
    if (
        ("off" in before or "on" in before[-4:] or "via" in before[-5:] or "aboard" in before)
        and (_OFF_BEFORE.search(before) or _TRAVEL_BEFORE.search(before))
        and not _POSSESSIVE.match(text, after_run)
        and _take_run(run, given, True)
    ):
        return True
    # a company by its last word: "Kwan Lee Corp", "Sinar Jaya Sdn Bhd"
    if firms:
        firm = words_starting_at(toks, i, text, 5)
        k = next((k for k, u in enumerate(firm) if k and u.fw in _COMPANY_LAST), None)
        if k is not None and _take_run(firm[:k], given, True):
            for u in firm[k:]:
                _take_back(u)
            return True
    # a vessel: "the boat, Hung Yu 212,"
    if nxt[:1] == " " and nxt[1:].isdigit() and _NUMBER_AFTER.match(text, after_run) and _VESSEL_BEFORE.search(before):
        if _take_run(run, given, True):
            return True
    # "came from Dolakha, Sunsari and Morang": each place of the list
    if "from" in before[-6:] and _FROM_BEFORE.search(before) and _places_listed(toks, i, text, given):
        return True
    # "told La Prensa", "told AFP.", "told Nation.Africa"
    if "to" in before[-4:] or "ld" in before[-4:] or "by" in before[-4:] or "th" in before[-6:]:
        if _TELLING.search(before) and _told_body(t, run, text) and _take_run(run, given):
            return True
    return False


def _told_body(t, run: list, text: str) -> bool:  # noqa: ANN001 - names._Tok
    """After a verb of telling: a paper's name opening with a Romance article ("La Prensa"), letters
    in capitals ending the clause ("AFP."), or a site's name with a full stop ("Nation.Africa")."""
    if t.fw in _ROMANCE_ARTICLES and 1 < len(run) <= 3 and _CLAUSE_END.match(text, run[-1].end):
        return True
    w = t.word
    if len(run) == 1 and 2 <= len(w) <= 5 and w.isupper() and w.isalpha() and _CLAUSE_END.match(text, t.end):
        return True
    return len(run) == 1 and bool(_SITE.match(text, t.end))


def _before_a_place_noun(first: str, second: str | None, given: frozenset[str]) -> bool:
    """Is what follows a noun of a place ("store", "village"), or a modifier and one ("cannabis
    factory", "rubber plantation"), not a noun of a person after it ("farm workers")?"""
    if first in _SHOP_NOUNS:
        return second not in _PERSON_AFTER
    if second is None or second not in _PLACE_NOUNS and second not in _SHOP_NOUNS:
        return False
    return (
        first in lexicon.english_words()
        and first not in _PERSON_AFTER
        and first not in lexicon.RELATIONS
        and first not in lexicon.FUNCTION_WORDS
        and first not in given
    )


def _places_listed(toks: list, i: int, text: str, given: frozenset[str]) -> bool:
    """Take back each one- or two-word item of a list from ``toks[i]`` on (items parted by commas
    or "and"), if one item is a place of the gazetteers or a noun of places follows the list
    ("from Dolakha, Sunsari and Morang districts"): messages come from people too."""
    runs = [words_starting_at(toks, i, text, 2)]
    k = i + len(runs[0])
    while k < len(toks) and _LIST_GAP.fullmatch(text, toks[k - 1].end, toks[k].start):
        runs.append(words_starting_at(toks, k, text, 2))
        k += len(runs[-1])
    known = any(_known_place([u.word for u in run]) for run in runs)
    if not (known or _PLACES_NOUN.match(text, runs[-1][-1].end)):
        return False
    if not all(all(_unexplained(u, given) or u.place for u in run) for run in runs):
        return False
    for run in runs:
        for u in run:
            _take_back(u)
    return True
