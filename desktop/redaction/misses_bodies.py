"""Bodies, events and places that published testimony names with wording a person's name never has:

* "the X scandal", "the X generation": a capitalised word between "the" and a noun of an event or
  an era names the event, not someone ("the Okafor family" stays a name);
* "X, which ...", "X, a charity for ...", "X, a specialist women's organisation": what the text
  itself calls a thing or a body;
* "solicitors from X", "staff at X", "the manager of X": the place someone works at;
* "a senior X MP", "the X councillor": a party or a place before an office, not a name;
* "from X in India", "to X, Kenya": a place inside a place the gazetteer knows (not "in March": a
  month, though a town bears its name, "gave it to Fisher in March").

A body found once is that body wherever else the text writes the same word (unless a title or a
cue makes it someone there). Each function marks the detector's words (``names._Tok``) in place.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.context import _two_words_before
from desktop.redaction.given_names import any_given_names
from desktop.redaction.name_lists import given_names_not_births
from desktop.redaction.scanning import ic_lower

_S = r"[ \t\u00a0]+"
# Events and eras named after a place, a ship or a fire; never a person's family or case.
_EVENTS = frozenset(
    """scandal scandals generation generations era crisis disaster tragedy fire riots riot protests
protest movement uprising massacre floods earthquake war""".split()
)
# What the text calls a thing or a body, after the name and a comma.
_BODY_NOUNS = (
    r"(?:organi[sz]ation|charity|service|group|company|firm|project|network|agency|campaign|centre|center|"
    r"refuge|shelter|helpline|newspaper|website|app|programme|program|scheme|fund|trust|union|party|team|body)"
)
_WHICH = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*which\b")
# More nouns of a body, and "of" after one ("Bayanihan Sisters, a collective of carers"), in lower case only:
# "DCC Roe, the Association of Chief Police Officers' lead" is a person, the body a modifier there.
_MORE_BODY_NOUNS = (
    _BODY_NOUNS.removesuffix(")") + r"|collective|association|coalition|foundation|ngo|movement|"
    r"alliance|federation|co-?operative|non-?profit|society|daily|weekly|broadcaster)"
)
_BODY_END = (
    r"(?=[ \t\u00a0]*[,.;:)]|" + _S + r"(?:for|in|based|that|which|run|working|set|founded|supporting|"
    r"helping|with|from|and)\b)"
)
_MORE_BODY_END = _BODY_END.removesuffix(")\\b)") + r"|of|representing|campaigning|led)\b)"
# The words between the article and the body's noun describe the body ("a specialist women's"), they
# do not hold it ("a member of the group", "a volunteer at the charity": a person, whose name stays).
_APPOSITION = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*(?:a|an|the)" + _S
                         + r"(?:(?!(?:of|at|for|with|from|in|on|by|to)\b)[\w'’\-]+" + _S + r"){0,3}?"
                         + r"(?:" + _BODY_NOUNS + _BODY_END
                         + r"|(?-i:" + _MORE_BODY_NOUNS + r")" + _MORE_BODY_END + r")",
                         re.IGNORECASE)  # fmt: skip
# People who work somewhere, then where: "solicitors from X", "staff at X", "the manager of X".
_WORKERS = frozenset(
    """solicitors lawyers barristers staff volunteers caseworkers advisers advisors researchers
campaigners workers doctors nurses officials managers colleagues""".split()
)
_MANAGERS = frozenset("manager director founder coordinator co-ordinator head chair trustee staff".split())
# Offices a party or a place stands before ("a Tory MP", "the Labour councillor").
_OFFICES = frozenset("mp mps councillor councillors peer peers minister ministers candidate candidates".split())
_BEFORE_OFFICE = frozenset("a an the senior former local backbench".split())
# The space before each office, as ``ic_lower`` writes it: every office starts with one of the stems.
_AFTER_A_SPACE = tuple(s + w for w in ("mp", "councillor", "peer", "minister", "candidate") for s in " \t\u00a0")


def _run(toks: list, i: int, text: str) -> int:
    j = i
    while j + 1 < len(toks) and toks[j].on_line and toks[j + 1].score >= 0 and toks[j + 1].fw not in lexicon.TITLES:
        j += 1
    return j


_TITLE_JOIN = re.compile(_S + r"(?:for|of|and|&|on|in)" + _S)


def _run_start(toks: list, j: int, text: str) -> int:
    i = j
    while i > 0 and toks[i - 1].on_line and toks[i - 1].score >= 0:
        i -= 1
    return i


def _thing(toks: list, i: int, j: int, bodies: set[str], below: float = 0.8) -> None:
    for u in toks[i : j + 1]:
        if u.score < below:
            u.place, u.score, u.edge_ok = True, 0.0, False
            bodies.add(u.fw)


def _starts_run(toks: list, i: int, text: str) -> bool:
    return not (i and toks[i - 1].joins and toks[i - 1].score >= 0)


_WORD_AFTER = re.compile(_S + r"([A-Za-z]+)\b")
_INSIDE_A_PLACE = re.compile(r"(?:" + _S + r"in|[ \t\u00a0]*,)" + _S + r"([A-Z][\w\-]+)\b")


def bodies_by_wording(toks: list, text: str) -> None:
    """Mark bodies, events and places that the wording around them names as such (see above)."""
    bodies: set[str] = set()
    names = any_given_names()
    # a run of several words the wording calls a body: a name only the births list holds is no guard
    # there ("Sahara Sisters, a small women's charity"); the other lists' names are ("Ruth Sisters, ...")
    listed = given_names_not_births()
    places = lexicon.place_tokens()
    # An office after a word follows a space, tab or no-break space: the text holds that character and
    # the office's first letters (perhaps the end of the 20 characters the match may read, "MPs" of
    # "MPship"). Most statements hold none, and _WORD_AFTER is not tried.
    low = ic_lower(text)
    offices = any(w in low for w in _AFTER_A_SPACE)
    for i, t in enumerate(toks):
        if t.score < 0 or t.title or not _starts_run(toks, i, text):
            continue
        j = _run(toks, i, text)
        last = toks[j]
        after = _WORD_AFTER.match(text, t.end, t.end + 20) if offices else None
        office = after is not None and after.group(1).lower() in _OFFICES
        comma = text[last.end : last.end + 1] == "," or text[last.end : last.end + 2] == " ,"
        if not (office or comma or t.score > 0):
            continue  # every rule below needs an office after, a comma after, or a word taken for a name
        words = _two_words_before(text, t.start)
        if office and words and words[-1] in _BEFORE_OFFICE:
            t.place, t.score, t.edge_ok = True, 0.0, False  # "a senior Tory MP": a party, not a name
            continue
        if text[last.end : last.end + 1] in ("'", "’"):
            continue  # someone's: "the head of Tariq's family"
        which = comma and _WHICH.match(text, last.end)
        if t.score >= (0.9 if which else 0.8):  # ("works for X, which ...": a cue, yet a thing)
            continue
        if words and words[-1] == "the" and j == i:
            nxt = _WORD_AFTER.match(text, last.end, last.end + 30)
            if nxt and nxt.group(1) in _EVENTS:
                _thing(toks, i, j, bodies)  # "the Windrush scandal"
                continue
        if words and (
            words[-1] in ("from", "at", "with", "for")
            and len(words) == 2
            and words[0] in _WORKERS
            or words[-1] == "of"
            and len(words) == 2
            and words[0] in _MANAGERS
        ):
            _thing(toks, i, j, bodies)  # "solicitors from X", "the service manager of X"
            continue
        if (
            comma
            and j - i <= 3
            and (which or _APPOSITION.match(text, last.end))
            and not any(u.fw in (names if j == i else listed) for u in toks[i : j + 1])
        ):
            while (
                i
                and i - _run_start(toks, i - 1, text) <= 3
                and _TITLE_JOIN.fullmatch(text, toks[i - 1].end, toks[i].start)
            ):
                i = _run_start(toks, i - 1, text)  # "Tides for Change, which": the whole title
            _thing(toks, i, j, bodies, 0.9 if which else 0.8)  # "X, which ...", "X, a women's organisation"
            continue
        if words and words[-1] in ("from", "in", "to", "near") and j == i:
            inside = _INSIDE_A_PLACE.match(text, last.end, last.end + 40)
            if (
                inside
                and inside.group(1).lower() in places
                and inside.group(1).lower() not in lexicon.FULL_MONTHS  # "to Fisher in March": a month
                and t.fw not in names
            ):
                _thing(toks, i, j, bodies)  # "from Maharashtra in India"
    if bodies:
        for t in toks:
            if t.fw in bodies and 0 < t.score < 0.8 and not t.place:
                t.score, t.edge_ok = 0.0, False
