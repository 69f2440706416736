r"""Patterns of many fixed phrases that the regular expression engine can skip through quickly.

A statement looks for its fixed phrases (placeholders, police forces' names, dates) in every
paragraph, twice while drawing it and once before. Written as ``(?<!\w)(?:A|B|...)(?!\w)``, the
engine stops at every letter, checks the letter before it, and then tries every phrase in turn.
:func:`first_letter_alternatives` writes the same phrases as a tree, one branch per first letter, each
branch checking the letter before it only after its own first letter matched: a pattern that begins
with a branch of plain letters lets the engine look for those letters alone, in C, and go to the
phrases only where one of them stands.

It matches exactly what the phrases written out in turn match: within one list, the longest
phrase that fits and is not followed by a letter (as phrases sorted longest first, tried in turn,
would match); lists, and the phrases of a date, are tried in the order given.
``tests/unit/test_fixed_phrases.py`` holds the two forms to the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# After a branch's first letter: the character before that letter is not a letter (the ``(?<!\w)``
# of the phrase written out), checked from one character further on.
NOT_AFTER_A_LETTER = r"(?<!\w[\s\S])"


def _branches(node: dict, tail: str) -> str:
    """The rest of the tree from ``node``: longer phrases first, then the end of a phrase + ``tail``."""
    alts = [re.escape(ch) + _branches(sub, tail) for ch, sub in sorted(node.items()) if ch]
    if "" in node:
        alts.append(tail)
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def first_letter_alternatives(phrases: Iterable[str], tail: str = "") -> list[str]:
    """One alternative per first letter of ``phrases`` (each followed by ``tail``), each beginning
    with that letter and :data:`NOT_AFTER_A_LETTER`. Empty phrases are left out."""
    tree: dict = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return [re.escape(ch) + NOT_AFTER_A_LETTER + _branches(sub, tail) for ch, sub in sorted(tree.items())]
