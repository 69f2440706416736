"""Imported once by the bulk export's fork server (:mod:`desktop.services.pool`), never by the app.

Importing this module makes one statement from a made-up interview: the statement path's modules
are imported and what each builds on first use (the fonts, the word lists, the detectors' patterns,
the leak gate's tables) is built. Every worker is then forked from a process that has done this
once, so no worker pays for it again (about a second of CPU each when every worker started cold).

The interview is invented here, so the fork server never holds a record from the vault. If the
warm-up fails, the fork server goes on without it and each worker builds what it needs on its
first statement, as a cold worker does; the statement itself is made and checked there as always.
"""

from __future__ import annotations

import logging
from datetime import date

from desktop.core.model import (
    Answer,
    Consent,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Interview,
    Person,
    PersonRole,
    Role,
    YearMonth,
)
from desktop.reports.export import render_checked
from desktop.services.statements import statement_content

log = logging.getLogger(__name__)

_STATEMENT = (
    "My name is Marta Kowalczyk and I live at Flat 2, 14 Station Road, Leeds LS1 4AB. In June 2024 my "
    "employer Piotr Nowak took my passport and said the Home Office would deport me if I went to the "
    "police. I called 07700 900123 from a friend's phone. Two officers came on 3 July 2024 and asked "
    "about my visa before they asked what had happened.\n\nI was afraid to report it again."
)


def sample() -> Interview:
    """A made-up interview with the parts a statement usually has: people, a number, an address."""
    return Interview(
        interviewed_on=date(2024, 7, 10),
        role=Role.VICTIM,
        crime_type=CrimeType.MODERN_SLAVERY,
        force="west-yorkshire",
        reported_on=YearMonth(2024, 7),
        statement=_STATEMENT,
        people=[Person("Marta Kowalczyk", PersonRole.INTERVIEWEE, ["Marta"]),
                Person("Piotr Nowak", PersonRole.PERPETRATOR)],
        identifiers=[Identifier(IdentifierKind.PHONE, "07700 900123"),
                     Identifier(IdentifierKind.ADDRESS, "Flat 2, 14 Station Road, Leeds")],
        consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, date(2024, 7, 10), "worker")},
        asked_about_status=Answer.YES,
        reference="WB-WARM-0001",
    )


def warm() -> int:
    """Make, draw and gate one statement of :func:`sample`; the size of the checked PDF."""
    content, forbidden = statement_content(sample())
    data, _report = render_checked(content, forbidden)
    return len(data)


try:
    warm()
except Exception as exc:  # noqa: BLE001 - an optimisation only: a worker then warms on its first statement
    log.warning("the bulk export's warm-up failed (%s); each worker starts cold", type(exc).__name__)
