"""Vaults of named interviews with known counts, for the summary PDF and the evidence pack tests.

Every interview names its interviewee (a made-up name unique to it) and records a Home Office
reference, so the summary and the pack are checked against hundreds of real identifiers; a few
record aliases that are words the summary prints ("Kent", "Page", "Victim"), so a surname that is
also a force's name must not be taken for a leak, and must not slip past the gate elsewhere.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from desktop.core.model import (
    Answer,
    Consent,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Interview,
    Outcome,
    Person,
    PersonRole,
    Role,
    YearMonth,
)

# (force, crime, year, how many): consented groups, some large, some small.
GROUPS = [
    ("metropolitan", CrimeType.DOMESTIC_ABUSE, 2018, 40),
    ("metropolitan", CrimeType.SEXUAL_VIOLENCE, 2019, 30),
    ("kent", CrimeType.DOMESTIC_ABUSE, 2018, 25),
    ("kent", CrimeType.MODERN_SLAVERY, 2020, 20),
    ("west-midlands", CrimeType.OTHER_VIOLENCE, 2019, 35),
    ("west-midlands", CrimeType.DOMESTIC_ABUSE, 2020, 28),
    ("greater-manchester", CrimeType.HATE_CRIME, 2018, 22),
    ("greater-manchester", CrimeType.DOMESTIC_ABUSE, 2019, 26),
    ("cumbria", CrimeType.MODERN_SLAVERY, 2018, 2),
    ("dorset", CrimeType.THEFT_FRAUD, 2020, 1),
    ("metropolitan", CrimeType.OTHER, 2020, 3),
]
# Never counted: Essex and Suffolk hold only interviews without consent or with it withdrawn.
UNCOUNTED = [("essex", CrimeType.DOMESTIC_ABUSE, 2018, 30), ("suffolk", CrimeType.HATE_CRIME, 2019, 12)]
ALIASES = {0: ["Kent"], 1: ["Page"], 2: ["Victim"], 3: ["Total"]}  # words the summary itself prints

_FIRST = ["Amina", "Grace", "Tomasz", "Oksana", "Nadia", "Ifeoma", "Mariam", "Bogdan", "Samira", "Precious"]
_LAST = ["Quorvath", "Zelinski", "Okonkwo", "Haddadi", "Petrescu", "Nwachukwu", "Barzani", "Kowalczyk"]


def person_name(n: int) -> str:
    """A made-up name unique to interview ``n``: a first name, a surname and a numbered second surname."""
    return f"{_FIRST[n % len(_FIRST)]} {_LAST[n % len(_LAST)]}-Yarrow{n:03d}"


def home_office_ref(n: int) -> str:
    return f"K{4100000 + n}"


def evidence_interview(n: int, force: str, crime: CrimeType, year: int, consent: str) -> Interview:
    """Interview ``n`` of a known group; ``consent`` is yes, withdrawn, refused or none."""
    c = {}
    if consent in ("yes", "withdrawn"):
        c[ConsentUse.COMPLAINT] = Consent(ConsentUse.COMPLAINT, True, date(2021, 1, 1), "worker",
                                          withdrawn_on=date(2022, 1, 1) if consent == "withdrawn" else None)
    elif consent == "refused":
        c[ConsentUse.COMPLAINT] = Consent(ConsentUse.COMPLAINT, False, date(2021, 1, 1), "worker")
    name = person_name(n)
    return Interview(
        interviewed_on=date(2021, 3, 1), role=[Role.VICTIM, Role.WITNESS, Role.BOTH][n % 3], crime_type=crime,
        force=force, reported_on=YearMonth(year, 1 + n % 12),
        statement=f"My name is {name}. The officer asked for my papers and wrote down {home_office_ref(n)}.",
        people=[Person(name, PersonRole.INTERVIEWEE, ALIASES.get(n, []))],
        identifiers=[Identifier(IdentifierKind.HOME_OFFICE_REF, home_office_ref(n))], consent=c,
        asked_about_status=[Answer.YES, Answer.NO][n % 2],
        immigration_enforcement_contacted=Answer.YES if n % 4 == 0 else Answer.UNKNOWN,
        outcomes=[Outcome.IMMIGRATION_ACTION, Outcome.CRIME_DROPPED] if n % 5 == 0 else [],
        fear_delayed_reporting=Answer.YES, status_used_as_threat=Answer.NO if n % 7 else Answer.YES,
    )


def known_interviews(groups=GROUPS, uncounted=UNCOUNTED, make=None) -> tuple[list[Interview], list[Interview]]:
    """(the interviews every figure counts, those none may count); ``make`` builds each one
    (default :func:`evidence_interview`, with the same arguments)."""
    make = make or evidence_interview
    counted, others = [], []
    n = 0
    for force, crime, year, k in groups:
        for _ in range(k):
            counted.append(make(n, force, crime, year, "yes"))
            n += 1
    for force, crime, year, k in uncounted:
        for i in range(k):
            others.append(make(n, force, crime, year, ["none", "withdrawn", "refused"][i % 3]))
            n += 1
    return counted, others


def expected_counts(counted: list[Interview]) -> Counter:
    """True counts per (table, code), worked out from the interviews directly."""
    e: Counter = Counter()
    for iv in counted:
        e[("force", iv.force)] += 1
        e[("crime", iv.crime_type.value)] += 1
        e[("year", str(iv.reported_on.year))] += 1
        e[("period", str(iv.reported_on))] += 1
        e[("role", iv.role.value)] += 1
        e[("asked_about_status", iv.asked_about_status.value)] += 1
        e[("ie_contacted", iv.immigration_enforcement_contacted.value)] += 1
        e[("fear_delayed", iv.fear_delayed_reporting.value)] += 1
        e[("status_threat", iv.status_used_as_threat.value)] += 1
        for o in iv.outcomes or [Outcome.NOT_KNOWN]:
            e[("outcomes", o.value)] += 1
    return e
