"""A run of initials after a title, and a given name before a middle initial.

The likely-name pass reads one word after a title ("Judge B"), and an initial with a full stop
before a likely name ("K. Roe"). A judge's, an officer's or a witness's name is often written with
two or more initials: "Judge B A Roe", "DC A B Marsh", "Lord Justice C A Penrose", "Dr T.S. Okonjo",
"District Judge P A J Tremlow". There "A" and "I" read as the article and the pronoun, a letter
after another's full stop is no word of the pass at all ("T.S."), and a surname that is an English
word ("Roe", "Bright") has no score of its own: the rest of the name was left in the statement.

* **Initials after a title** (``initials_after_titles``): a title or rank (any of the pass's
  titles but the kin words and forms of address to someone spoken to, "Mum", "Sir", "Madam"; and
  "Justice", "Recorder", "Sheriff", a judge's title in "Lord Justice" or alone), then one to five
  capital letters each with a full stop or a space after it, then a capitalised word: the letters
  and the word are one person's name (0.9, as sure as any word after a title). Two or more
  letters without a word after them are the name on their own ("Mr A B said"). A single "A" or "I"
  counts only before a surname that a word in small letters or a mark of punctuation follows ("DC A
  Marsh took", not "the Officer I Met Said" in a title-case heading).
* **A given name before a middle initial** (``given_before_initials``): "Peter K. Marlowe gave
  evidence" redacted "K. Marlowe" and left "Peter" (an English word, "to peter out"). A word any
  given-name list holds, in title case, straight before an initial with a full stop and a likely
  name the pass found, is the same person's given name; not a day, a month, a place or a word that
  is never a name ("On Tuesday J. Abara called").
* **A court's name between two titles** (``offices_inside_titles``): "Deputy Upper Tribunal Judge"
  redacted "Upper Tribunal" with the judge (the pass scores any word after a title). The words of a
  court's name between a title and "Judge" are the office.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.name_lists import any_given_names
from desktop.redaction.word_sets import statement_words

SCORE = 0.9
# Titles before which a run of letters is no one's initials: kin words and forms of address.
_NOT_BEFORE_INITIALS = frozenset(
    "mum dad mama mamma papa baba aunt auntie aunty uncle brother sister madam madame sir".split()
)
# A judge's title that the pass does not hold as one ("Lord Justice", "Recorder", "Sheriff").
_JUDGES = frozenset({"justice", "recorder", "sheriff"})
_SP = r"[ \t\u00a0]"
# After a title's end: its full stop if any, spaces, then the letters (group 1) and the word after
# them if it is capitalised (group 2).
_RUN = re.compile(
    rf"\.?{_SP}+((?:[A-Z](?:\.{_SP}*|{_SP}+)){{1,5}})"
    r"(?:([A-Z](?:['’](?=[A-Z]))?[^\W\d_]+(?:['’\-][^\W\d_]+)*)|(?=[a-z,;:.!?)]|$))"
)
_AFTER_SURNAME = re.compile(rf"(?:['’]s)?(?:{_SP}+[a-z]|{_SP}*[,;:.!?)]|{_SP}*$)")


def initials_after_titles(toks: list, text: str, title_at: list[int]) -> list[tuple[int, int, str, float]]:
    """The hits of "Judge B A Roe", "Dr T.S. Okonjo", "DC A Marsh": the letters and the surname.
    ``title_at``: where the likely-name pass found titles. And ``offices_inside_titles`` on the way."""
    titles = title_at
    if not _JUDGES.isdisjoint(statement_words(text).letters):
        titles = sorted(set(titles) | {i for i, t in enumerate(toks) if t.fw in _JUDGES})
    if not titles:
        return []
    if "Judge" in text:
        offices_inside_titles(toks, titles)
    hits: list[tuple[int, int, str, float]] = []
    for i in titles:
        t = toks[i]
        if not (t.title or t.fw in _JUDGES) or t.score < 0 or t.fw in _NOT_BEFORE_INITIALS:
            continue
        # (quick: a capital letter then a full stop or a space must start two or three characters on)
        nxt = text[t.end : t.end + 3]
        if not (nxt[1:2].isupper() or nxt[2:3].isupper()):
            continue
        m = _RUN.match(text, t.end)
        if not m:
            continue
        letters = m.group(1).rstrip(" \t\u00a0")
        surname = m.group(2)
        if surname is not None and surname.lower() in lexicon.FUNCTION_WORDS:
            continue  # "Judge A The ...": no surname
        if sum(c.isupper() for c in letters) == 1 and (
            letters[0] not in "AI" or surname is None or not _AFTER_SURNAME.match(text, m.end(2))
        ):
            continue  # (any other one letter the pass reads already: "Mr J Doyle")
        end = m.start(1) + len(letters)
        if surname is not None:
            end = m.end(2) - (2 if surname[-2:] in ("'s", "’s") else 0)  # "Judge A Roe's decision"
        hits.append((m.start(1), end, "PERSON", SCORE))
    return hits


def given_before_initials(toks: list, text: str, hits: list[tuple[int, int, str, float]]) -> None:
    """Widen a hit that starts with an initial ("K. Marlowe") over the given name before it
    ("Peter"), where a given-name list holds that word and it is in title case."""
    starts = None
    for k, (hs, he, typ, conf) in enumerate(hits):
        if text[hs + 1 : hs + 2] != "." or not text[hs : hs + 1].isupper() or typ != "PERSON":
            continue
        if starts is None:
            starts = {t.end: t for t in toks}
            given = any_given_names()
        j = hs - 1
        while j > 0 and text[j - 1] in " \t\u00a0":
            j -= 1
        p = starts.get(j)
        if (
            p is None
            or p.score < 0
            or p.title
            or p.fw not in given
            or p.fw in lexicon.FUNCTION_WORDS
            or p.fw in lexicon.NOT_NAMES
            or p.fw in lexicon.FULL_DAYS
            or p.fw in lexicon.FULL_MONTHS
            or p.fw in lexicon.place_tokens()
            or not (p.word[:1].isupper() and p.word[1:].islower())
        ):
            continue
        hits[k] = (p.start, he, typ, conf)


# The words of a court's or a tribunal's name inside a judge's title ("Deputy Upper Tribunal Judge",
# "Deputy District Judge", "Deputy High Court Judge").
_OFFICE_WORDS = frozenset(
    "upper first-tier tribunal district high court circuit county crown family immigration employment "
    "senior resident designated".split()
)


def offices_inside_titles(toks: list, titles: list[int]) -> None:
    """Between two titles, the words of a court's name are the office, not a name: "Deputy Upper
    Tribunal Judge A Roe" read "Upper Tribunal" as a name after "Deputy" (the pass scores any word
    after a title), and redacted the tribunal with the judge. ``titles``: where the titles are."""
    n = len(toks)
    for i in titles:
        p = toks[i]
        if not p.title or p.score < 0 or not p.joins:
            continue
        j = i + 1
        while j < n and j < i + 4 and toks[j].fw in _OFFICE_WORDS and toks[j].joins:
            j += 1
        if j == i + 1 or j >= n or not (toks[j].title and toks[j].fw == "judge"):
            continue
        for u in toks[i + 1 : j]:
            if u.score > 0:
                u.score, u.edge_ok = 0.0, False
