"""An identifier or address pattern that starts inside a sum of money is the sum's tail, not an
identifier.

A sum written with thousands separators after its currency ("$100,000", "Rs150,000", "HK$580,000")
is split by the separators, and a pattern may start at the last group of digits: the long-number
pattern read "000-Rs150" in "Rs100,000-Rs150,000", and the address pattern read a headline's
"000" and the capitals of the dateline under it as a house number and a street. Digits straight
after a currency and a comma are a group of that sum: no identifier starts there (a reference is
not written with thousands separators, nor glued to a sum by a comma), so a span that starts there
is dropped. A span that starts anywhere else is untouched, so a number after a sum
("paid £1,000 to 07700 900123") is found as before.

For the same reason the letters of a currency glued to such a sum ("Rs120,000", "KSh200,000") are
never a name, even after a cue such as "asked for": ``currency_code``.
"""

from __future__ import annotations

import re

from desktop.redaction.fold import fold

# A currency sign or code, then digits grouped by commas, ending in a comma: the span's digits are
# the next group. (Codes in capitals or as written in news: "Rs", "Rp", "RM", "Tk", "KSh", "HK$".)
_SUM_BEFORE = re.compile(
    r"(?:[$£€¥₹₱₩₦₨]|\b(?:[A-Z]{1,3}\$|Rs|Rp|RM|Tk|Ksh|KSh|Sh|[A-Z]{3})\.?[ \t\u00a0]?)\d{1,3}(?:,\d{3})*,\Z"
)


def starts_in_a_sum(text: str, start: int) -> bool:
    """Does the span at ``start`` begin with the next group of digits of a sum of money?"""
    if start < 2 or not text[start : start + 3].isdigit() or text[start - 1] != ",":
        return False
    return bool(_SUM_BEFORE.search(text, max(0, start - 24), start))


# A currency's letters glued to a sum grouped by commas ("Rs120,000", "KSh200,000", "Rp15,000,000").
_GROUPED_SUM_AFTER = re.compile(r"\d{1,3}(?:,\d{3})+")


def currency_code(text: str, start: int, end: int) -> bool:
    """Is the word at ``[start, end)`` one to three letters glued to a sum grouped by commas: a
    currency's code, never a name? (A name is not written glued to digits; a handle that is, such
    as "Tom1985", has no thousands separators, so it is read as before.)"""
    if end - start > 3 or not text[start:end].isalpha() or not _GROUPED_SUM_AFTER.match(text, end):
        return False
    from desktop.redaction.given_names import given_names  # (imported late: it reads the word lists)

    return fold(text[start:end]) not in given_names()  # "Ann3,000" is a typo for a person, kept one
