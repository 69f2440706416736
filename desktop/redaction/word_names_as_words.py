"""A word that is also a name ("Hope", "Faith", "Grace", "Summer") opening a sentence, where the
sentence says it is the word: "Hope is all we had", "Faith was everything to my mother", "Grace is a
word my mother used", "Summer came and the work stopped".

The likely-name pass reads a word name at a sentence's start before a verb as a weak name (0.35):
"Hope told me" is someone. Two wordings say otherwise:

* *a copula and a predicate no person takes*: "is" or "was", then "all", "everything", "nothing",
  "what", "something", "a word", "the only thing" ("Hope is all we had"; not "Hope is my sister",
  "Hope was 19", "Hope is from Ghana");
* *a season and a verb of time passing*: "Summer came", "Winter ended", "Spring began", "Summer was
  over" (not "Summer left the house", which a person does too). "came" and "arrived" are a person's
  verbs too: a season only where nothing a person does follows them (the sentence ends, "early",
  "again", "and the work stopped"), not before a destination, company or act ("Summer came to my
  room and took my phone", "Summer arrived with two men"). The time of day that is a word name reads
  the same ("Dawn came and we were still working", "Dawn broke as we reached the coast"; not "Dawn
  came to my room", "Dawn broke my phone"), wherever the paragraph puts it: the other people of a
  statement do not make it someone, only another use of the same word read as a name does.

Taken back only where no other use of the word in the statement is read as a name ("my sister Hope
... Hope is all we had" keeps both; so does "Rose and Summer were my friends. Summer came and we
left", where the weaker reading after "and" was not enough before), and never a recorded person's
name (the recorded path does not pass here).
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon

WEAK = 0.35  # the word-name reading at a sentence's start (names.py)
_SP = r"[ \t\u00a0]+"
_NO_PERSON = re.compile(
    _SP + r"(?:is|was)" + _SP + r"(?:all|everything|nothing|what|something|a" + _SP + r"word|the" + _SP
    + r"only" + _SP + r"thing|important" + _SP + r"to)\b"
)  # fmt: skip
# Seasons, and the time of day that is a word name ("Dawn came and we were still working").
_SEASONS = frozenset("summer winter spring autumn dawn".split())
_TIME_PASSES = re.compile(
    _SP + r"(?:came|comes|ended|ends|began|begins|passed|arrived|arrives|broke|breaks|(?:is|was)" + _SP
    + r"(?:over|here|coming|long|short|hot|cold|hard))\b"
)  # fmt: skip
# After "came" or "arrived", a season only where nothing a person does follows: the sentence ends, a
# word of time, or "and" opening a clause of its own ("Summer came and the work stopped"). Not a
# destination, company or act ("Summer came to my room and took my phone", "arrived with two men").
_COMES = re.compile(_SP + r"(?:came|comes|arrived|arrives|broke|breaks)\b")  # (and "Dawn broke my phone")
_SEASON_AFTER_COMING = re.compile(
    r"[ \t\u00a0]*(?:[.,;:!?\n]|$)|" + _SP + r"(?:early|late|again|at" + _SP + r"last|soon|quickly|slowly|suddenly|"
    r"that|this|as|and" + _SP + r"(?:the|a|an|we|i|they|it|there|everything|nothing|our|my|all|work|with|so|then|"
    r"he|she|you|still)"
    r")\b"
)  # fmt: skip


def word_names_as_words(toks: list, text: str) -> None:
    """Take back a word name opening a sentence that the sentence says is the word (see the note)."""
    for t in toks:
        if t.score != WEAK or not t.initial or t.fw not in lexicon.WORD_NAMES and t.fw not in _SEASONS:
            continue
        if not (_NO_PERSON.match(text, t.end) or t.fw in _SEASONS and _TIME_PASSES.match(text, t.end)):
            continue
        come = _COMES.match(text, t.end)
        if come and not _NO_PERSON.match(text, t.end) and not _SEASON_AFTER_COMING.match(text, come.end()):
            continue  # "Summer came to my room and took my phone": someone
        if any(u is not t and u.fw == t.fw and u.score > 0 for u in toks):
            continue  # "my sister Hope ... Hope is all we had", "Rose and Dawn were my friends. Dawn came and"
        t.score, t.edge_ok = 0.0, False
