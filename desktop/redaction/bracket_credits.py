"""A photo credit in brackets inside a paragraph: "(Photos: Will Marsh) One of the women ...".

``published.photo_credits`` reads a credit from its cue ("Photo:", "Picture:", "©") to the end of
the line, so a credit that a caption closes with a bracket and the paragraph goes on after was read
as part of a sentence, and a photographer whose given name is a word ("Will", "Hope") kept it. Here
the credit ends at the closing bracket and is read by the same rules (``published._credit``): two to
four capitalised words that may be a person's are the photographer; an ordinary word ("Supplied")
or an agency stays. A credit in lower case, as a photo-sharing site prints a member's name ("(Photo:
j. roe / Flickr)"), is read too: the lower-case words before the slash are the photographer (no
rule reads a lower-case word as a name: ``lower_case_credits`` gives them as hits), the capitalised
words after it the agency or site.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.name_lists import any_given_names
from desktop.redaction.published import _CAP_WORDS, _SLASH_CREDIT, _credit, _in_range

_SP = r"[ \t\u00a0]*"
_BRACKETED = re.compile(
    r"\((?:photo(?:graph)?s?|pictures?|images?|credits?)" + _SP + r":" + _SP + r"([^()\n]{1,80})\)", re.IGNORECASE
)


# "j. roe / Flickr", "ann roe/Wikimedia Commons": lower-case words (initials with stops), a slash, an agency.
_LOWER_SLASH = re.compile(
    r"([a-z][a-z'’\-]*\.?(?:[ \t\u00a0]+[a-z][a-z'’\-]*\.?){1,3})"
    + _SP
    + r"/"
    + _SP
    + r"("
    + _CAP_WORDS
    + r")"
    + _SP
    + r"$"
)


def _a_persons(words: str) -> bool:
    """No function word, and a word no English list holds or a given name ("staff photo" is none)."""
    ws = [w.strip(".") for w in words.split()]
    english, given = lexicon.english_words(), any_given_names()
    if any(w in lexicon.FUNCTION_WORDS for w in ws):
        return False
    return any(len(w) > 1 and (w not in english or w in given) for w in ws)


def lower_case_credits(text: str) -> list[tuple[int, int, str, float]]:
    """The photographer of a credit in lower case ("(Photo: j. roe / Flickr)"), as hits."""
    if "(" not in text or ":" not in text or "/" not in text:
        return []
    hits = []
    for m in _BRACKETED.finditer(text):
        low = _LOWER_SLASH.fullmatch(m.group(1))
        if low and _a_persons(low.group(1)):
            hits.append((m.start(1) + low.start(1), m.start(1) + low.end(1), "PERSON", 0.9))
    return hits


def bracketed_credits(toks: list, text: str) -> None:
    """Read each "(Photo: ...)" credit as a credit line of its own."""
    if "(" not in text or ":" not in text:
        return
    for m in _BRACKETED.finditer(text):
        inner = m.group(1)
        base = m.start(1)
        slash = _SLASH_CREDIT.match(inner.rstrip())
        if slash:
            _credit(toks, [(base + slash.start(k), base + slash.end(k)) for k in (1, 2) if slash.group(k)])
        elif low := _LOWER_SLASH.fullmatch(inner):
            _credit(toks, [(base + low.start(2), base + low.end(2))], agencies_only=True)  # "/ Flickr"
        elif re.fullmatch(_CAP_WORDS + _SP, inner) and _in_range(toks, base, m.end(1)):
            _credit(toks, [(base, m.end(1))])
