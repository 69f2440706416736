"""The letter "A" after a title is a person; "AM" and "PM" after a clock time are no title.

* **"Ms A said she was afraid"**: a case study or a court calls someone by one capital letter after a
  title ("Mr B said", "Ms T's husband"), and the likely-name pass takes that letter for a name
  (0.9: the title's cue), but for "A": the article is a function word, skipped before any cue is
  read. After a title ("Mr", "Ms", "Mrs", "Dr"... a token the pass marked as a title) the article
  cannot stand, so a lone "A" there is the letter standing for someone, when what follows it ends
  the name: a possessive ("Ms A's husband"), a lower-case word ("Mr A told"), a stop or other
  punctuation, or the text's end; or, after "Mr", "Mrs", "Ms", "Mx" or "Dr", an initial before a
  surname ("Mr A Khan": both are the name). Not before another capitalised word after any other
  title: "Never Miss A Payment" is a headline.
* **"4:40 PM EAT"**: "PM" is a title (a Prime Minister: "PM Modi"), so the word after it was
  taken for a name at the title's strength. After a clock time ("4:40", "11.02") "AM" and "PM"
  are the half of the day, and an all-capital word straight after them is a time zone ("IST",
  "EAT", "AEST"), not a name: ``clock_half`` tells the pass not to mark the title, and
  ``zones_after_clock_times`` takes the zone back.
"""

from __future__ import annotations

import re

NAME_SCORE = 0.9  # as the title's cue gives any other letter ("Ms T")
_AFTER_TITLE = re.compile(r"\.?[ \t\u00a0]+$")
# What may follow the letter and end the name: "'s", a lower-case word, punctuation, the end.
_NAME_ENDS = re.compile(r"(?:['’]s\b|[ \t\u00a0]+[a-z]|[ \t\u00a0]*(?:[,.;:!?)\]”\"’]|\n|$))")
# A clock time before "AM"/"PM": "4:40 PM", "11.02 am" (an hour and its minutes).
_CLOCK_BEFORE = re.compile(r"(?<![\d.:])\d{1,2}[:.][0-5]\d[ \t\u00a0]*$")
_PERSONAL_TITLES = frozenset("mr mrs ms mx dr".split())
_ZONE = re.compile(r"[A-Z]{2,5}")


def clock_half(text: str, start: int, fw: str) -> bool:
    """Is the word ``fw`` at ``start`` the "AM" or "PM" of a clock time ("4:40 PM")?"""
    return fw in ("am", "pm") and bool(_CLOCK_BEFORE.search(text, max(0, start - 10), start))


def letters_after_titles(toks: list, text: str) -> None:
    """A lone capital "A" straight after a title, ending the name, is the letter someone is
    called by ("Ms A said", "Mr A's flat")."""
    if " A" not in text:
        return
    for i in range(1, len(toks)):
        t = toks[i]
        if t.word != "A" or t.score < 0:
            continue
        prev = toks[i - 1]
        if not prev.title or prev.score < 0 or not _AFTER_TITLE.fullmatch(text, prev.end, t.start):
            continue
        if _NAME_ENDS.match(text, t.end):
            t.score = NAME_SCORE
            t.edge_ok = True
        elif prev.fw in _PERSONAL_TITLES and i + 1 < len(toks) and toks[i + 1].score >= 0 \
                and text[t.end : toks[i + 1].start] == " " and not toks[i + 1].title:
            # "Mr A Khan": an initial and a surname after a person's title ("Miss" may be a verb)
            for u in (t, toks[i + 1]):
                u.score = max(u.score, NAME_SCORE)
                u.edge_ok = True


def zones_after_clock_times(toks: list, text: str) -> None:
    """An all-capital word after a clock time's "AM" or "PM" is a time zone ("4:40 PM EAT")."""
    if "M " not in text or "AM " not in text and "PM " not in text:
        return
    for i in range(1, len(toks)):
        t, prev = toks[i], toks[i - 1]
        if prev.fw not in ("am", "pm") or not _ZONE.fullmatch(t.word) or t.score > NAME_SCORE:
            continue
        if text[prev.end : t.start] in (" ", "\u00a0") and clock_half(text, prev.start, prev.fw):
            t.score, t.place, t.edge_ok = 0.0, True, False
