"""Wording that says the next words are a name as written, for a name in a script without capitals.

A short stretch in Arabic, Devanagari, Tamil or another script without capitals, inside an English
sentence, is taken for a name weakly (``scripts.py``): it may be a word the interviewee quoted. But
English introduces a name written the person's way with a few fixed kinds of wording, and after
them the stretch is a name as surely as a capitalised word after "called" is:

* a verb of writing or naming, its participle, and "as" or a colon at most: "it was written as ...",
  "her name was spelt ...", "the wall was signed ...", "registered as", "listed as", "known only
  as", "we knew him only as";
* "the name of", "the name", "under the name", "a name like" before it: "a man by the name of ...";
* a document that says or reads it: "the receipt says ...", "the money transfer reads ...", "the
  screen showed ..." (what a document says in another script is written on it: most often a name);
* a relation or a role after a possessive noun ("the owner's nephew ...", "Ravi's wife ..."), as
  after "my"/"her" (``words.cue_in`` reads only the possessive determiners).

Verbs of speech are not cues ("he said ..." quotes words), nor is "as" alone ("as ... said").
"""

from __future__ import annotations

from desktop.redaction import lexicon

# Verbs of writing or of naming, in the forms that stand before the name written.
_WRITING = frozenset(
    """
written wrote write writes spelt spelled spell spells signed sign signs printed typed registered listed
entered recorded addressed labelled labeled marked stamped known knew know named called
""".split()
)
# Between the verb and the name: "as", "him only as", "it as" (at most three such little words).
_BETWEEN = frozenset("as only simply just him her them it himself herself out".split())
_NAME_WORDS = frozenset("name names".split())
_DOCUMENT_VERBS = frozenset("says said reads read shows showed lists listed gives gave names named".split())
_DOCUMENTS = frozenset(
    """
receipt receipts transfer transfers letter letters card cards form forms note notes paper papers document
documents envelope certificate passport contract label sign payslip payslips screen page file message messages
text texts record records app account invoice bill slip ticket tag badge list register notice poster sticker
""".split()
)
_NOT_ALONE = frozenset("know knew write wrote writes sign signs spell spells called".split())


def written_cue(w: list[str]) -> bool:
    """Do the words before a position (``words._words_before``) end with wording that introduces a
    name as written ("written as", "spelt", "signed", "the name of", "the owner's nephew")?"""
    if w and w[-1] in (":", ","):
        w = w[:-1]
    if not w:
        return False
    k = len(w) - 1
    while k >= 0 and len(w) - k <= 3 and w[k] in _BETWEEN:
        k -= 1
    if k >= 0 and w[k] in _WRITING:
        # "known only as", "written as", "spelt", "signed"; but "we knew" or "she wrote" alone names nothing
        return k < len(w) - 1 or w[k] not in _NOT_ALONE
    if w[-1] in _DOCUMENT_VERBS and len(w) >= 2 and w[-2] in _DOCUMENTS:
        return True  # "the money transfer says ...", "the card reads ..."
    if w[-1] == "of" and len(w) >= 2 and w[-2] in _NAME_WORDS:
        return True  # "by the name of", "under the name of"
    if w[-1] in _NAME_WORDS and len(w) >= 2 and w[-2] in ("the", "a", "her", "his", "their", "my"):
        return True  # "under the name", "her name ..." before the stretch
    rel = w[-1]
    if rel in lexicon.RELATIONS and len(w) >= 2:
        owner = w[-2]
        return owner.endswith(("'s", "’s", "s'", "s’")) and len(owner) > 3
    return False
