"""A photo credit in brackets inside a paragraph: "(Photos: Will Marsh) One of the women ...".

``published.photo_credits`` reads a credit from its cue ("Photo:", "Picture:", "©") to the end of
the line, so a credit that a caption closes with a bracket and the paragraph goes on after was read
as part of a sentence, and a photographer whose given name is a word ("Will", "Hope") kept it. Here
the credit ends at the closing bracket and is read by the same rules (``published._credit``): two to
four capitalised words that may be a person's are the photographer; an ordinary word ("Supplied")
or an agency stays.
"""

from __future__ import annotations

import re

from desktop.redaction.published import _CAP_WORDS, _SLASH_CREDIT, _credit, _in_range

_SP = r"[ \t\u00a0]*"
_BRACKETED = re.compile(
    r"\((?:photo(?:graph)?s?|pictures?|images?|credits?)" + _SP + r":" + _SP + r"([^()\n]{1,80})\)", re.IGNORECASE
)


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
        elif re.fullmatch(_CAP_WORDS + _SP, inner) and _in_range(toks, base, m.end(1)):
            _credit(toks, [(base, m.end(1))])
