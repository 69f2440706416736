"""The fixed wording a statement draws from enumerations: role, answer, outcome and legend labels,
police force names, crime labels, months, dates and placeholders.

The leak gate must tell these apart from the text a person gave: a recorded surname may be an
ordinary word of the form ("Page", "Police", "Witness"). :func:`is_fixed` says whether a fact
value is exactly one of these fixed strings; the renderer declares only such strings (and the
form's own wording) as literals, and everything else on the page is searched in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from desktop.core.forces import FORCES
from desktop.core.model import CRIME_LABELS, Answer, Outcome, PersonRole, Role

ROLE_LABELS = {Role.VICTIM: "Victim", Role.WITNESS: "Witness", Role.BOTH: "Victim and witness"}
ANSWER_LABELS = {Answer.YES: "Yes", Answer.NO: "No", Answer.UNKNOWN: "Not known"}
OUTCOME_LABELS = {
    Outcome.IMMIGRATION_ACTION: "Immigration action was taken",
    Outcome.DETENTION: "The interviewee was detained",
    Outcome.CRIME_INVESTIGATED: "The crime was investigated",
    Outcome.CRIME_DROPPED: "The crime was dropped",
    Outcome.NOT_KNOWN: "Not known",
}
FACT_LABELS = (
    "Officers asked about immigration status",
    "Immigration Enforcement contacted",
    "Fear of status checks stopped or delayed reporting",
    "Immigration status used as a threat",
    "What happened next",
)
TYPE_NAMES = {
    "PERSON": "Person", "HOME_OFFICE_REF": "Home Office reference", "NI_NUMBER": "National Insurance number",
    "NHS_NUMBER": "NHS number", "BRP": "Residence permit number", "DATE_OF_BIRTH": "Date of birth",
    "CRIME_REF": "Crime reference", "OFFICER_NUMBER": "Officer's number", "SOCIAL": "Social media",
    "ID": "Identifying number", "OTHER": "Other",
}
# The legend says who each person is in the account, and nothing more about them.
PERSON_ROLES = {
    PersonRole.INTERVIEWEE: "The interviewee",
    PersonRole.PERPETRATOR: "The perpetrator",
    PersonRole.FAMILY: "A family member",
    PersonRole.WITNESS: "A witness",
    PersonRole.OFFICER: "A police officer",
    PersonRole.OTHER: "Someone else in the account",
}
UNRECORDED_PERSON = "Someone named in the account"
# Why each kind of thing is hidden (the legend's "Why" column; the kind itself is in "Stands for").
_IDENTIFIES = "Could identify someone"
WHY_HIDDEN = {
    "PERSON": "A name could identify them",
    "ADDRESS": "Could show where someone lives",
    "POSTCODE": "Could show where someone lives",
    "PHONE": "Could be used to find or contact someone",
    "EMAIL": "Could be used to find or contact someone",
    "SOCIAL": "Could be used to find or contact someone",
    "HOME_OFFICE_REF": "Could link this statement to an immigration record",
    "BRP": "Could link this statement to an immigration record",
    "PASSPORT": "Could link this statement to an immigration record",
    "CRIME_REF": "Could link this statement to a police record",
    "OFFICER_NUMBER": "Could identify the officer",
}
WHY_OTHER = _IDENTIFIES
NOT_KNOWN = "Not known"
NOT_RECORDED = "Not recorded"
UNRECORDED_DAY = "an unrecorded date"
CONSENT_LINE = ("The interviewee consented on {day} to this statement being used, redacted, "
                "in the police super-complaint.")
INTERVIEWEE = "the interviewee"

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
_MONTH_YEAR = re.compile(rf"(?:{_MONTHS}) (?:19|20)\d\d")
_DAY = re.compile(rf"(?:[1-9]|[12]\d|3[01]) (?:{_MONTHS}) (?:19|20)\d\d")
# "Person A" ... "Person AB" and "[PHONE 1]", "[HOME OFFICE REF 12]": what the redaction engine writes
PLACEHOLDER = re.compile(r"Person [A-Z]{1,3}(?!\w)|\[[A-Z][A-Z ]{0,40} [1-9]\d{0,3}\]")


def is_day(text: str) -> bool:
    """A day as statements print it ("2 May 2024"), or the wording for an unrecorded one."""
    return text == UNRECORDED_DAY or _DAY.fullmatch(text) is not None


def is_month_year(text: str) -> bool:
    return text == NOT_KNOWN or _MONTH_YEAR.fullmatch(text) is not None


def is_placeholder(text: str) -> bool:
    return PLACEHOLDER.fullmatch(text) is not None


def is_consent_line(text: str) -> bool:
    m = re.fullmatch(re.escape(CONSENT_LINE).replace(re.escape("{day}"), "(.+?)"), text)
    return m is not None and is_day(m.group(1))


@lru_cache(maxsize=1)
def fixed_values() -> frozenset[str]:
    from desktop.redaction.spans import TYPE_LABELS

    values = {*ROLE_LABELS.values(), *ANSWER_LABELS.values(), *OUTCOME_LABELS.values(), *FACT_LABELS,
              *TYPE_NAMES.values(), *CRIME_LABELS.values(), *(f.name for f in FORCES), NOT_KNOWN, NOT_RECORDED, "-",
              *PERSON_ROLES.values(), UNRECORDED_PERSON, *WHY_HIDDEN.values(), WHY_OTHER}
    values |= {d[:1].upper() + d[1:] for d in TYPE_LABELS.values()}  # legend descriptions
    values |= {k.replace("_", " ").capitalize() for k in TYPE_LABELS}  # legend types without a name above
    return frozenset(values)


def is_fixed(text: str) -> bool:
    """True if ``text`` is exactly a value the statement takes from a fixed list (never typed by a person)."""
    if text in fixed_values() or is_month_year(text) or is_day(text) or is_placeholder(text):
        return True
    if "; " in text:  # several outcomes
        return all(part in OUTCOME_LABELS.values() for part in text.split("; "))
    return False


_DATE_IN_TEXT = (rf"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)? (?:{_MONTHS})(?: (?:19|20)\d\d)?"
                 rf"|(?:{_MONTHS}) (?:(?:19|20)\d\d|(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?)")
DATE_IN_TEXT = re.compile(r"(?<!\w)(?:" + _DATE_IN_TEXT + r")(?!\w)")


@lru_cache(maxsize=1)
def _force_names() -> tuple[str, ...]:
    """Police forces and the public bodies the redaction keeps named ("Home Office", "Immigration
    Enforcement"), of two words or more: a recorded "Tom Home" does not make "the Home Office" a leak."""
    from desktop.redaction.lexicon import PUBLIC_BODIES

    names = {n for f in FORCES for n in (f.name, *f.aliases) if " " in n}
    names |= {n for n in PUBLIC_BODIES if " " in n}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


# The characters a date in text can start with (_DATE_IN_TEXT: a day's first digit, a month's initial).
_DATE_STARTS = "123456789" + "".join(sorted({m[0] for m in _MONTHS.split("|")}))


def _guarded(alternatives: list[str], starts: set[str]) -> re.Pattern[str]:
    # Only where one of them can start are they tried: without this, every word's start was tried
    # against each of the hundred alternatives in turn (a statement's text is read this way three
    # times as it is drawn). The same matches (tests/unit/test_fixed_phrases_starts.py).
    first = "[" + "".join(re.escape(ch) for ch in sorted(starts)) + "]"
    return re.compile(r"(?=" + first + r")(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


@lru_cache(maxsize=1)
def fixed_wording() -> re.Pattern[str]:
    """Police force and public body names, and dates: the same for every statement (what
    :func:`fixed_phrases` finds when a statement adds no words of its own)."""
    return _guarded([*(re.escape(n) for n in _force_names()), _DATE_IN_TEXT],
                    {n[0] for n in _force_names()} | set(_DATE_STARTS))


@lru_cache(maxsize=256)
def _extra_wording(extra: tuple[str, ...]) -> re.Pattern[str] | None:
    alts = [re.escape(t) for t in sorted(set(extra), key=lambda t: (-len(t), t)) if t]
    return _guarded(alts, {t[0] for t in extra if t}) if alts else None


class Phrases:
    """What one pattern of ``extra`` (longest first), then the fixed wording, as alternatives finds:
    the leftmost match, and at one place the first alternative that matches. The fixed wording's
    hundred alternatives are compiled once; a statement's own placeholders (a legend differs with
    every statement) alone, which is quick. ``finditer`` as a pattern's."""

    __slots__ = ("_extra", "_fixed")

    def __init__(self, extra: re.Pattern[str], fixed: re.Pattern[str]) -> None:
        self._extra, self._fixed = extra, fixed

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        e, f = self._extra, self._fixed
        me, mf = e.search(text), f.search(text)
        while me is not None or mf is not None:
            m = me if mf is None or (me is not None and me.start() <= mf.start()) else mf
            yield m
            end = m.end()
            if me is not None and me.start() < end:
                me = e.search(text, end)
            if mf is not None and mf.start() < end:
                mf = f.search(text, end)


def fixed_phrases(extra: tuple[str, ...] = ()) -> Phrases | re.Pattern[str]:
    """Where typed text holds fixed wording that stays in a statement: ``extra`` (placeholders, the
    form's words around a typed value), police force names, and dates ("March 2024", "3 May")."""
    own = _extra_wording(extra) if extra else None
    return fixed_wording() if own is None else Phrases(own, fixed_wording())
