"""How published testimony writes places and buildings, beyond what an interviewee's statement does:

* a place after a compass word or a town's possessive ("in south Armagh", "the city's Govanhill"),
  after "at", "near" or "moved to" when a gazetteer of small places holds it ("at Calais"), between
  "from" and "to" ("from Finsbury Park to Croydon"), before a place's noun ("the Finsbury Park
  mosque"), in a list after a plural kind of place ("the counties: Tattnall, Bacon and Ware");
* a business named after its kind ("his factory, Kozee Beds, in Leeds");
* a news report's dateline ("LEEDS –", "SAVANNAH, Ga. (WSAV) —") and a US state's abbreviation
  after a town ("Eugene, Ore."); a landmark named in the possessive ("Yarl’s Wood", "Land’s End");
* a named building without a number ("London's Lunar House", a detention centre: "detained at Brook
  House") and a court named after its district ("Blackfriars Crown Court"): facts, not addresses.

Each function marks the likely-name detector's words (``names._Tok``) in place, as the rules of
``context`` do; ``named_building`` judges the address detector's suggestions.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.fold import fold
from desktop.redaction.place_runs import place_runs
from desktop.redaction.published import _SPACE, _ordinary
from desktop.redaction.words import ends_after_words

# --- Places by wider context --------------------------------------------------------------------

_COMPASS = frozenset(
    """north south east west northern southern eastern western central inner outer greater
north-east north-west south-east south-west north-eastern north-western south-eastern south-western
northeast northwest southeast southwest mid upper lower""".split()
)
_PLACE_PREPOSITIONS = frozenset("in near outside around from across throughout".split())
_PLACE_OWNERS = re.compile(
    r"\b(?:city|town|capital|borough|county|village|district|island)['’]s"
    r"[ \t\u00a0]+$",
    re.IGNORECASE,
)
# A possessive after a word: "'s", or a plural's bare apostrophe ("in the Diallos' home": the family's,
# not a place; before, "'" then a space never matched the "\b").
_POSSESSIVE_AFTER = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")
# "Leeds's Corran House", "London's Oxford Street": a town's landmark or district.
_TOWN_OWNS = re.compile(r"\b([A-Z][\w\-]*)['’]s?[ \t\u00a0]+$")
_LANDMARK_LAST = frozenset(
    """house tower towers hall centre center street road lane park green end hill market
station airport square bridge gate common cross estate quarter""".split()
)


# Before a place that a gazetteer of small places holds: "at Calais", "from Kilbarchan", "moved to Leith".
_SMALL_PLACE_BEFORE = frozenset("at via near outside".split())  # not "from": "a call from Ashton" may be someone
_WORLD_PLACE_BEFORE = frozenset(["at"])  # not "via": "I paid via Hassan"
# "shouted at Farah", "looked at Victoria": "at" after these is someone, not somewhere.
_AT_SOMEONE = re.compile(
    r"(?:shout|yell|scream|look|stare|glanc|laugh|smil|wav|point|swor|swear|curs|throw|threw|"
    r"lash|snapp|snap|bark|grinn|grin|wink|nodd|frown|gestur|aim|fir|spat|spit|lung|swung|swing|"
    r"angry|furious|mad|cross|upset|annoyed|jump|came|go|went|get|got)(?:e|ed|ing|s)?$"
)
_MOVED = frozenset(
    """moved move moving relocated transferred sent went came back taken brought drove driven flew
travelled traveled returned""".split()
)
_DISTRICT_LAST = _LANDMARK_LAST | frozenset("side town heath wood vale fields village bay".split())


def _small_place_run(toks: list, i: int, text: str, world: bool) -> int:
    """The last index of a run from ``toks[i]`` that a small-places gazetteer holds, or -1."""
    run = [toks[i]]
    while (
        len(run) < 4
        and i + len(run) < len(toks)
        and toks[i + len(run)].score >= 0
        and re.fullmatch(r"[ \t\u00a0\-]+", text[run[-1].end : toks[i + len(run)].start])
    ):
        run.append(toks[i + len(run)])
    for k in range(len(run), 0, -1):
        key = lexicon.place_key([t.word for t in run[:k]])
        if key in lexicon.small_places("uk") or world and key in lexicon.small_places("world"):
            return i + k - 1
    return -1


def _is_place_run(toks: list, i: int, j: int) -> bool:
    key = lexicon.place_key([t.word for t in toks[i : j + 1]])
    return (
        all(t.place for t in toks[i : j + 1])
        or key in lexicon.place_tokens()
        or key in lexicon.small_places("uk")
        or key in lexicon.small_places("world")
        or tuple(key.split()) in lexicon.multiword_places().get(key.split()[0], ())
    )


# "from X to Y" of capitalised words. ``\bfrom`` written as "from" with the word boundary looked for
# behind it: ``re`` then skips ahead to each "from" in C, where ``\bfrom`` was tried at every character.
_FROM_TO = re.compile(
    r"from(?<!\wfrom)[ \t\u00a0]+((?:[A-Z][\w'’\-]*[ \t\u00a0]+){1,3}?)to"
    r"[ \t\u00a0]+((?:[A-Z][\w'’\-]*)(?:[ \t\u00a0]+[A-Z][\w'’\-]*){0,2})"
)


def places_between(toks: list, text: str) -> set[str]:
    """ "from X to Y": when one is a known place and the other a district's name ("... Park",
    "... Green"), that is a place too ("from Finsbury Park to Croydon"; not "from Tariq to Leeds").
    Returns the folded words marked."""
    marked: set[str] = set()
    for m in _FROM_TO.finditer(text):
        sides = []
        for k in (1, 2):
            idx = [n for n, t in enumerate(toks) if m.start(k) <= t.start and t.end <= m.end(k)]
            if not idx or any(toks[n].score < 0 or toks[n].title for n in idx):
                break
            sides.append((idx[0], idx[-1]))
        if len(sides) != 2:
            continue
        known = [_is_place_run(toks, a, b) for a, b in sides]
        if any(known) and not all(known):
            a, b = sides[known.index(False)]
            if (
                _POSSESSIVE_AFTER.match(text, toks[b].end)
                or any(t.score >= 0.8 for t in toks[a : b + 1])
                or a == b
                or toks[b].fw not in _DISTRICT_LAST
            ):
                continue  # "money from Tariq to Leeds": only a district's name ("... Park") is taken
            for t in toks[a : b + 1]:
                t.place = True
                marked.add(t.fw)
    return marked


# "his factory, Kozee Beds, in Leeds", "its subsidiary Layzee Beds": a business named after its kind.
_BUSINESS_WORDS = ("factory", "firm", "company", "subsidiary", "brand", "chain", "supplier", "retailer", "manufacturer")
# (not "employer", "contractor": "my employer Tom Baker" is someone)
_BUSINESS = re.compile(r"\b(?:" + "|".join(_BUSINESS_WORDS) + r"),?[ \t\u00a0]+$")
_AFTER_BUSINESS = re.compile(r"[ \t\u00a0]*(?:,|\(|[ \t\u00a0]and\b|[ \t\u00a0]in\b|[ \t\u00a0]of\b|\.)")


def businesses(toks: list, text: str) -> set[str]:
    """Two or three capitalised words after a kind of business, the last an ordinary word, then a
    comma, "and", "in" or "of" ("his firm Kozee Sleep and ..."; not "the company Tariq Baker ran"),
    or joined by "&" ("the firm Kirkland & Ellis"), name a business wherever else written.
    Returns their folded words."""
    marked: set[str] = set()
    english = lexicon.english_words()
    ends = ends_after_words(text, _BUSINESS_WORDS)  # (a word can follow a kind of business only there)
    if not ends:
        return marked
    for i, t in enumerate(toks):
        if t.score < 0 or t.title or t.start not in ends or not _BUSINESS.search(text, max(0, t.start - 30), t.start):
            continue
        j = i
        while (
            j + 1 < len(toks)
            and j < i + 2
            and toks[j + 1].score >= 0
            and not toks[j + 1].title
            and re.fullmatch(r"[ \t\u00a0]+(?:&[ \t\u00a0]+)?", text[toks[j].end : toks[j + 1].start])
        ):
            j += 1
        run = toks[i : j + 1]
        amp = "&" in text[t.start : toks[j].start]
        if (
            len(run) < 2
            or not amp
            and (run[-1].fw not in english or run[-1].fw in lexicon.WORD_NAMES)
            or any(u.score >= 0.8 for u in run)
            or _POSSESSIVE_AFTER.match(text, toks[j].end)
            or not amp
            and not _AFTER_BUSINESS.match(text, toks[j].end)
        ):
            continue
        for u in run:
            u.place = True
            marked.add(u.fw)
    return marked


def names_after_places(toks: list, text: str, marked: set[str]) -> set[str]:
    """ "the District of Georgia David Estes": in a run of words taken for one place, a known place
    followed by two or more words that are neither ordinary words nor places is that place, then
    someone's name. Returns ``marked`` without the name's words."""
    for i, j in place_runs(toks, text, _space_between):
        for k in range(i, j - 1):
            rest = toks[k + 1 : j + 1]
            if (
                _is_place_run(toks, i, k)
                and len(rest) >= 2
                and not any(_ordinary(t) or t.word.isupper() or t.fw in lexicon.FUNCTION_WORDS for t in rest)
            ):
                for t in rest:
                    t.place = False
                    marked.discard(t.fw)
                break
    return marked


def _space_between(text: str, end: int, start: int) -> object:
    return _SPACE.match(text[end:start])


# The last characters of the words ``places_by_wider_context`` looks for before a word, and of a
# possessive: a word before it that ends otherwise is none of them (most words are not).
_LAST_OF_BEFORE = frozenset(
    w[-1] for w in (*_SMALL_PLACE_BEFORE, *_PLACE_PREPOSITIONS, "to", *_COMPASS, "'s", "’s", "'", "’")
)


def _may_be_before(text: str, k: int) -> bool:
    """May the last word before ``k`` (``text[:k]`` with its trailing spaces left out, as
    ``places_by_wider_context`` splits it) be one of the words it looks for, or a possessive? Not if
    nothing is before it or its last character (lower-cased) ends none of them: most words."""
    return k > 0 and (text[k - 1].lower()[-1:] in _LAST_OF_BEFORE or text[k - 1].isspace())


def places_by_wider_context(toks: list, text: str) -> set[str]:
    """The capitalised words after "in south ...", "from western ..." or "the city's ..." are a
    place (a fact to keep), not someone. Returns their folded words: a place named once is a place
    wherever else it is written."""
    marked: set[str] = set()
    n = len(toks)
    for i, t in enumerate(toks):
        if t.score < 0 or t.title or t.start < 2 or text[t.start - 1] not in " \t\u00a0":
            continue
        k = t.start - 1
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        if not _may_be_before(text, k):
            continue
        w1 = text[max(0, k - 24) : k].rsplit(None, 1)[-1:]
        last = w1[0].lower() if w1 else ""
        possessive = last[-2:] in ("'s", "’s") or last[-1:] in ("'", "’")
        if not (
            last in _SMALL_PLACE_BEFORE or last in _PLACE_PREPOSITIONS or last == "to" or last in _COMPASS or possessive
        ):
            continue  # a quick look at the word before: most words have none of these before them
        before = text[max(0, t.start - 40) : t.start].lower().split()
        if (
            before
            and before[-1] in _PLACE_PREPOSITIONS
            and t.fw in lexicon.FUNCTION_WORDS
            and i + 1 < n
            and toks[i + 1].score >= 0
            and _SPACE.match(text[t.end : toks[i + 1].start])
            and not _POSSESSIVE_AFTER.match(text, toks[i + 1].end)
        ):
            t.place = toks[i + 1].place = True  # "in Little Horton", "near Old Trafford"
            marked.add(toks[i + 1].fw)
            continue
        if (
            before
            and (before[-1] in _SMALL_PLACE_BEFORE or before[-1] == "to" and len(before) > 1 and before[-2] in _MOVED)
            and (i == 0 or not _SPACE.match(text[toks[i - 1].end : t.start]))
            and not (before[-1] == "at" and len(before) > 1 and _AT_SOMEONE.search(before[-2]))
        ):
            j = _small_place_run(toks, i, text, before[-1] in _WORLD_PLACE_BEFORE)
            if j >= 0 and not _POSSESSIVE_AFTER.match(text, toks[j].end):
                for u in toks[i : j + 1]:
                    u.place = True
                    marked.add(u.fw)
                continue
        # Both owners' patterns end in "'", "'s" or "’s" and the spaces before the word: only after a
        # possessive (the word before is otherwise one of the words above, of letters alone).
        owner = _TOWN_OWNS.search(text, max(0, t.start - 40), t.start) if possessive else None
        if not (
            len(before) >= 2
            and before[-1] in _COMPASS
            and before[-2] in _PLACE_PREPOSITIONS
            or possessive
            and _PLACE_OWNERS.search(text, max(0, t.start - 40), t.start)
            or owner
            and fold(owner.group(1)) in lexicon.place_tokens()
        ):
            continue
        j = i
        while (
            j + 1 < n
            and j < i + 2
            and toks[j + 1].score >= 0
            and not toks[j + 1].title
            and _SPACE.match(text[toks[j].end : toks[j + 1].start])
        ):
            j += 1
        if owner and toks[j].fw not in _LANDMARK_LAST:
            continue  # "London's Sadiq Khan": a town's person is still a person
        if _POSSESSIVE_AFTER.match(text, toks[j].end):
            continue  # "in south Tariq's flat": someone's
        for u in toks[i : j + 1]:
            u.place = True
            marked.add(u.fw)
    return (
        marked
        | places_between(toks, text)
        | _districts_before_nouns(toks, text)
        | businesses(toks, text)
        | datelines(toks, text)
        | possessive_landmarks(toks, text)
    )


# "the Finsbury Park mosque", "a Tufnell Park flat" (not "the Sarah Green case").
_PLACE_NOUN_AFTER = re.compile(
    r"[ \t\u00a0]+(?:mosque|church|temple|gurdwara|station|area|estate|flats?|house|"
    r"market|road|street|hostel|hotel|school|college|hospital|centre|center|office|"
    r"branch|shop|stop|depot|camp|barracks)\b"
)
_VESSELS = re.compile(r"[ \t\u00a0]+(?:barge|ship|vessel|boat|ferry|trawler|tanker|yacht|liner)s?\b")


_DETERMINER_ENDS = re.compile(r"\b(?:the|a|an)[ \t\u00a0]+$", re.IGNORECASE)  # in the five characters before
_SPACE_OR_BREAK = frozenset(" \t\u00a0\n")


def _districts_before_nouns(toks: list, text: str) -> set[str]:
    """ "the Finsbury Park mosque", "a Tufnell Park flat": two capitalised words ending in a
    district's word, between a determiner and a lower-case noun, name a district; "the Bibby
    Stockholm barge": one or two before a vessel's kind name a vessel, wherever else written."""
    marked: set[str] = set()
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        # (``a.joins``, the gap matched by ``JOIN`` as ``link`` found it, first: a gap ``_SPACE`` matches
        # without a line break, spaces only, ``JOIN`` matches too, and most words join none; a line
        # break ``link`` may not join in text that is not hard-wrapped, so a gap holding one is read)
        if not a.joins and text.find("\n", a.end, b.start) < 0:
            continue
        if a.score < 0 or b.score < 0 or a.title or not _SPACE.match(text[a.end : b.start]):
            continue
        if text[a.start - 1 : a.start] not in _SPACE_OR_BREAK or not _DETERMINER_ENDS.search(
            text[max(0, a.start - 5) : a.start]
        ):
            continue  # (a space, or a line break after one, ends the determiner: most words have none before)
        if _VESSELS.match(text, b.end) and b.score < 0.8 and a.score < 0.8:
            a.place = b.place = True
            marked.update((a.fw, b.fw))
        elif b.fw in _DISTRICT_LAST and _PLACE_NOUN_AFTER.match(text, b.end):
            a.place = b.place = True
            marked.update((a.fw, b.fw))
    return marked | _places_listed(toks, text)


# "the following districts: Tattnall, Bacon, Atkinson and Ware": a list after a plural kind of place.
_LIST_OF_PLACES = re.compile(
    r"\b(?:districts|counties|towns|cities|boroughs|states|countries|regions|villages|"
    r"provinces|areas)[ \t\u00a0]*(?::|including|such[ \t\u00a0]+as|like)[ \t\u00a0]+"
)


_PLURAL_PLACES = (
    "districts",
    "counties",
    "towns",
    "cities",
    "boroughs",
    "states",
    "countries",
    "regions",
    "villages",
    "provinces",
    "areas",
)  # one of them is in every match: looked for first


def _lists_of_places(text: str) -> list[re.Match[str]]:
    """``list(_LIST_OF_PLACES.finditer(text))``, tried only where ``str.find`` finds a plural kind of
    place (``finditer`` tried the pattern, which starts with ``\\b``, at every character). Exact: a
    match starts with one of the words, no word starts another or inside a match, so the matches at
    those places, in order, are ``finditer``'s."""
    starts: list[int] = []
    for w in _PLURAL_PLACES:
        i = text.find(w)
        while i >= 0:
            starts.append(i)
            i = text.find(w, i + 1)
    return [m for i in sorted(starts) if (m := _LIST_OF_PLACES.match(text, i))]


def _places_listed(toks: list, text: str) -> set[str]:
    marked: set[str] = set()
    for m in _lists_of_places(text):
        end = re.search(r"[.;!?\n]", text[m.end() :])
        stop = m.end() + (end.start() if end else len(text) - m.end())
        prev_end = m.end()
        for t in toks:
            if t.start < m.end() or t.start >= stop:
                continue
            if not _LIST_GAP.fullmatch(text[prev_end : t.start]) or t.score < 0 or t.title or t.score >= 0.8:
                break  # only a plain list: "A, B and C", nothing else between the names
            t.place = True
            marked.add(t.fw)
            prev_end = t.end
    return marked


_LIST_GAP = re.compile(
    r"(?:[ \t\u00a0]*,[ \t\u00a0]*(?:(?:and|or)[ \t\u00a0]+)?"
    r"|[ \t\u00a0]+(?:(?:and|or)[ \t\u00a0]+)?)?"
)


# --- Datelines and US states --------------------------------------------------------------------

# The US states' abbreviations in news style (AP), each with its full stop: "Savannah, Ga.".
_US_STATES = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
neb nev okla ore pa tenn vt va wash wis wyo""".split()
)
_STATE_AFTER = re.compile(r",[ \t\u00a0]+([A-Z][a-z]{1,4})\.")
# "LEEDS –", "SAVANNAH, Ga. (WSAV) —", "PORTLAND, Maine —": a line opened by a town in capitals.
_DATELINE = re.compile(
    r"^[ \t\u00a0]*((?:[A-Z][A-Z'’.\-]+[ \t\u00a0]+){0,2}[A-Z][A-Z'’.\-]+)"
    r"(?:,[ \t\u00a0]+([A-Z][a-z]{1,4}\.|[A-Z][a-z]+(?:[ \t\u00a0]+[A-Z][a-z]+)?))?"
    r"(?:[ \t\u00a0]+\(([A-Z][\w&\-]*)\))?[ \t\u00a0]*[–—\-]{1,2}[ \t\u00a0]",
    re.MULTILINE,
)


def _mark_range(toks: list, s: int, e: int, marked: set[str]) -> None:
    for t in toks:
        if s <= t.start and t.end <= e and t.score >= 0 and not t.title:
            t.place = True
            marked.add(t.fw)


def datelines(toks: list, text: str) -> set[str]:
    """A news report's dateline: a town in capitals opening a line before a dash, with its state
    and the agency in brackets ("SAVANNAH, Ga. (WSAV) —"), when a gazetteer holds the town or a US
    state's abbreviation follows it; and anywhere, a capitalised town before a state's abbreviation
    ("Eugene, Ore."). Places and a body, facts to keep. Returns the folded words marked."""
    marked: set[str] = set()
    if "–" in text or "—" in text or "-" in text:
        for m in _DATELINE.finditer(text):
            words = [t for t in toks if m.start(1) <= t.start and t.end <= m.end(1)]
            if not words:
                continue
            key = lexicon.place_key([t.word for t in words])
            state = m.group(2) and m.group(2)[-1] == "." and fold(m.group(2)[:-1]) in _US_STATES
            if not (
                state
                or key in lexicon.place_tokens()
                or key in lexicon.small_places("uk")
                or key in lexicon.small_places("world")
            ):
                continue
            for k in (1, 2, 3):
                if m.group(k):
                    _mark_range(toks, m.start(k), m.end(k), marked)
    for m in _STATE_AFTER.finditer(text):
        if fold(m.group(1)) not in _US_STATES:
            continue
        before = [t for t in toks if t.end <= m.start()][-3:]
        run: list = []
        end = m.start()
        for t in reversed(before):  # the town's words, joined, straight before the comma
            if t.score < 0 or t.title or not re.fullmatch(r"[ \t\u00a0]*", text[t.end : end]):
                break
            run.insert(0, t)
            end = t.start
        if run:
            _mark_range(toks, run[0].start, run[-1].end, marked)
            _mark_range(toks, m.start(1), m.end(1), marked)
    return marked


# "Yarl’s Wood", "Land’s End", "Shepherd’s Bush": a capitalised word in the possessive before a
# capitalised landmark's or district's word names a place.
_POSSESSIVE_GAP = re.compile(r"['’]s?[ \t\u00a0]+")


def possessive_landmarks(toks: list, text: str) -> set[str]:
    """Marks each such place where it is written, no word of it everywhere ("Tariq’s House" is not
    all of Tariq); not when a capitalised word follows ("Tariq’s Park Lane flat"). Returns no word."""
    n = len(toks)
    for i in range(n - 1):
        a, b = toks[i], toks[i + 1]
        if (
            b.fw in _DISTRICT_LAST
            and b.word[0].isupper()
            and not b.word.isupper()
            and a.score >= 0
            and b.score >= 0
            and not a.title
            and _POSSESSIVE_GAP.fullmatch(text[a.end : b.start])
            and not (i + 2 < n and _SPACE.match(text[b.end : toks[i + 2].start]))
        ):
            a.place = b.place = True
    return set()


# --- Named buildings and courts (the address detector's suggestions) ---------------------------

# A court of law by its kind ("Dublin Circuit Criminal Court", "a town's Regional Court": the kinds
# of court in the UK and the Commonwealth, by tier, jurisdiction or seat; no street's name ends so),
# buildings in the plural ("Home Office Hotels": a kind, not one address) and a company ("Stay
# Belvedere Hotels Ltd").
_COURT = re.compile(
    r"\b(?:Criminal|Circuit|Crown|County|Family|High|Supreme|District|Magistrates['’]?|Appeals?|"
    r"Youth|Coroners['’]?|Coroner['’]s|Federal|Superior|Immigration|Juvenile|Regional|Provincial|"
    r"Municipal|Constitutional|Sheriff|Employment|Civil|Labou?r|Appellate|Probate|Sessions|Trial|"
    r"Divisional|Military|Children['’]s|Sharia)[ \t\u00a0]+Court$"
)
_PLURAL_BUILDING = re.compile(r"\b(?:Hotels|Houses|Hostels)$")
_COMPANY_AFTER = re.compile(r"[ \t\u00a0]+(?:Ltd|Limited|Plc|PLC|LLP|Inc|Group|Holdings)\b")
_BUILDING_LAST = re.compile(r"(?:House|Tower|Towers|Hall|Buildings)$")
_PLACE_POSSESSIVE = re.compile(r"([A-Z][\w\-]*)['’]s[ \t\u00a0]+$")
_IN_PLACE_AFTER = re.compile(r"[ \t\u00a0]+in[ \t\u00a0]+([A-Z][\w\-]*)")


def named_building(text: str, s: int, e: int, allowed_end: bool) -> bool:
    """Is the "address" at ``[s, e)`` a named building or court, a fact of the complaint: no number,
    and either ending in an allow-listed body ("Blackfriars Crown Court", ``allowed_end``), a
    building named as a town's landmark ("London's Lunar House", "Lunar House in Croydon"), a
    detention centre, or where a hearing is held ("the hearing at Field House")?"""
    span = text[s:e]
    if any(c.isdigit() for c in span):
        return False
    if allowed_end or _COURT.search(span) or _PLURAL_BUILDING.search(span) or _COMPANY_AFTER.match(text, e):
        return True
    if not _BUILDING_LAST.search(span):
        return False
    if _detention_centre(text, span) or _HEARING_AT.search(text, max(0, s - 40), s):
        return True
    places = lexicon.place_tokens()
    m = _PLACE_POSSESSIVE.search(text, max(0, s - 30), s)
    if m and fold(m.group(1)) in places:
        return True
    m = _IN_PLACE_AFTER.match(text, e)
    return bool(m and fold(m.group(1)) in places)


# A hearing's place: "the hearing at Field House", "the appeal was heard at Taylor House", "the
# tribunal at X House". A court or tribunal building is a fact of the complaint; a home is not where
# a hearing is held (words between only the verb's own: "was", "had been", "centre"). "Heard" only
# in the passive: "we heard at X House that ..." is someone learning news where they live.
_HEARING_AT = re.compile(
    r"\b(?:hearings?|(?:was|were|been|be|is|are)[ \t\u00a0]+(?:heard|listed)|adjourned|tribunal|tribunals)"
    r"(?:[ \t\u00a0]+(?:was|were|is|are|be|been|has|had|will|centre|center|room))*[ \t\u00a0]+at[ \t\u00a0]+\Z",
    re.IGNORECASE,
)
_DETENTION = re.compile(r"\b(?:detain(?:ed|ee|ees|ing)?|detention|removal[ \t\u00a0]+centres?|IRCs?)\b", re.IGNORECASE)


def _detention_centre(text: str, span: str) -> bool:
    """Is the building named, somewhere in the text, in a sentence that speaks of detention ("the
    detained people at Brook House", "Brook House Immigration Removal Centre")? A detention centre
    is a fact of the complaint wherever it is written."""
    for m in re.finditer(re.escape(span), text):
        a = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        ends = [k for k in (text.find(c, m.end()) for c in ".!?\n") if k >= 0]
        if _DETENTION.search(text, a, min(ends) if ends else len(text)):
            return True
    return False
