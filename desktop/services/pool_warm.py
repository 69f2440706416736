"""Imported once by the bulk export's fork server (:mod:`desktop.services.pool`), never by the app.

Importing this module makes one statement from a made-up interview: the statement path's modules
are imported and what each builds on first use (the fonts, the word lists, the detectors' patterns,
the leak gate's tables) is built. Every worker is then forked from a process that has done this
once, so no worker pays for it again (about a second of CPU each when every worker started cold).

Then the garbage collector is settled for the workers (:func:`settle`): what the imports and the
warm-up built lives as long as the process, so it is moved out of the collector's generations
(``gc.freeze``), and the youngest generation is collected after :data:`YOUNG` new objects rather
than 700. A worker's statement makes and frees many containers that reference counting frees at
once; with 700, two young collections a statement and an older one every five or six walked what was
still alive, and every full collection walked the 46,000 objects of the word lists and patterns again
(about 30 ms each, and a write to each page it shares with the fork server). Frozen, with 5,000,
a worker's collections cost about a quarter of what they did (docs/performance.md, bulk40).

The interview is invented here, so the fork server never holds a record from the vault. If the
warm-up fails, the fork server goes on without it and each worker builds what it needs on its
first statement, as a cold worker does; the statement itself is made and checked there as always.
"""

from __future__ import annotations

import gc
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
        people=[
            Person("Marta Kowalczyk", PersonRole.INTERVIEWEE, ["Marta"]),
            Person("Piotr Nowak", PersonRole.PERPETRATOR),
        ],
        identifiers=[
            Identifier(IdentifierKind.PHONE, "07700 900123"),
            Identifier(IdentifierKind.ADDRESS, "Flat 2, 14 Station Road, Leeds"),
        ],
        consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, date(2024, 7, 10), "worker")},
        asked_about_status=Answer.YES,
        reference="WB-WARM-0001",
    )


def warm() -> int:
    """Make, draw and gate one statement of :func:`sample`; the size of the checked PDF."""
    content, forbidden = statement_content(sample())
    data, _report = render_checked(content, forbidden)
    return len(data)


# The youngest generation's threshold in a worker (CPython's default is 700); the older two keep theirs.
YOUNG = 5000


def settle() -> None:
    """Everything alive now out of the collector's reach for the life of the process, and the young
    generation collected less often (see above). A frozen object is still freed when its reference
    count falls to zero; the warm-up's few cycles of garbage (about 150 objects) are frozen with the
    rest rather than collected, which would cost 17 ms on the way to the first worker's job."""
    gc.freeze()
    _young, *older = gc.get_threshold()
    gc.set_threshold(YOUNG, *older)


try:
    warm()
except Exception as exc:  # noqa: BLE001 - an optimisation only: a worker then warms on its first statement
    # info, not warning: the fork server has no log of its own, and Python prints an unhandled warning
    # on the worker's terminal, where this line means nothing (the export then says what went wrong)
    log.info("the bulk export's warm-up failed (%s); each worker starts cold", type(exc).__name__)
settle()
