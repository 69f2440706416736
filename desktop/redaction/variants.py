"""Spellings of one name: "Muhammad", "Mohammed" and "Mohamed" are the same name written by
different clerks, and a statement often uses another spelling than the one recorded. A name written
in a variant spelling of a recorded person's name gets that person's pseudonym.

Two words are the same name when their keys are equal. The key is the folded word (case and
accents gone) with doubled letters made single ("Hassan" ~ "Hasan") and "ou"/"oo" read as "u"
("Youssef" ~ "Yussef"), then looked up in a short table of the transliterations that are too far
apart for that ("Mohammed" ~ "Muhammad", "Abdel" ~ "Abdul", "Yousef" ~ "Yusuf", "Aleksandr" ~
"Oleksandr"). The table holds only the commonest given names of the communities Witnessbox works
with, spelt the ways UK forms, passports and Home Office letters spell them; it is deliberately
small, because a loose match would give two people one pseudonym.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.forgetting import kept_until_lock
from desktop.redaction.fold import fold

# Each line: spellings of one name (after the normalisation in ``_normal``), the first is the key.
_VARIANTS = """
muhamad mohamed mohamad muhamed mohammod muhammet mohamud mohd
ahmad ahmed ahmet ahmmed
abdul abdel abdal abdoul abdu abd
yusuf yusef yosuf yousif yusif
oleksandr olexandr oleksander aleksandr alexandr aleksander oleksandar
husain husein hosein husayn hussein
mustafa mustapha mostafa mostapha
umar omar omer
usman osman othman uthman
ibrahim ebrahim ibraheem ibrahem
fatima fatimah fatma
aisha ayesha aysha aicha aishah ayisha
hasan hasen
mahmud mahmoud mehmood mahmood
suleiman sulaiman sulayman suleyman soleiman
abdulah abdalah abdelah
"""


def _normal(word: str) -> str:
    w = fold(word)
    w = re.sub(r"(.)\1+", r"\1", w)  # doubled letters
    return w.replace("ou", "u").replace("oo", "u")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _VARIANTS.strip().splitlines():
        forms = [_normal(f) for f in line.split()]
        for f in forms:
            out[f] = forms[0]
    return out


@lru_cache(maxsize=4096)
def name_key(word: str) -> str:
    """The key of one word of a name: equal keys, same name."""
    n = _normal(word)
    return _table().get(n, n)


def name_keys(name: str) -> list[str]:
    """The keys of every word of ``name`` (letters, inner hyphens and apostrophes)."""
    return [name_key(w) for w in re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", name) if len(w) >= 2]


# Made from the words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(name_key.cache_clear)
