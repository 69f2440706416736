"""One interview as the facts the totals count, and the axes they are counted along.

An :class:`EvidenceRecord` holds only coded facts (force, crime, year and month of the report,
role, the yes/no/unknown answers, the outcomes): never a name, a reference or a word of the
statement, so nothing built from it can leak one.

Outcomes: an interview may record several. Each outcome is counted as its own yes/no axis
(``outcome:detention`` = "yes" when the interview records detention), so an interview with two
outcomes counts once under each, and the outcome figures do not add up to the number of
interviews. An interview with no outcome recorded counts under "not known".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.core.forces import FORCES
from desktop.core.model import CRIME_LABELS, Answer, CrimeType, Outcome, Role

NOT_RECORDED = "not-recorded"
YES, NO = "yes", "no"

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.IMMIGRATION_ACTION: "Immigration action",
    Outcome.DETENTION: "Detention",
    Outcome.CRIME_INVESTIGATED: "Crime investigated",
    Outcome.CRIME_DROPPED: "Crime dropped",
    Outcome.NOT_KNOWN: "Not known",
}
ROLE_LABELS = {Role.VICTIM: "Victim", Role.WITNESS: "Witness", Role.BOTH: "Victim and witness"}
ANSWER_LABELS = {Answer.YES: "Yes", Answer.NO: "No", Answer.UNKNOWN: "Not known"}


@dataclass(frozen=True)
class EvidenceRecord:
    """The counted facts of one interview consented for the complaint."""

    force: str
    crime: CrimeType
    role: Role
    reported: tuple[int, int] | None  # (year, month) of the report, if recorded
    asked_about_status: Answer
    immigration_enforcement_contacted: Answer
    fear_delayed_reporting: Answer
    status_used_as_threat: Answer
    outcomes: frozenset[Outcome]


@dataclass(frozen=True)
class Axis:
    """One thing interviews are counted by: ``name``, its title, its values (codes) and their labels."""

    name: str
    title: str
    values: tuple[str, ...]
    labels: dict[str, str]


# The axes of the filter cube (crime x force x year), then the one-way breakdowns, in this order.
FORCE, CRIME, YEAR = "force", "crime", "year"
PERIOD = "period"  # month and year of the report, YYYY-MM
ROLE, ASKED, CONTACTED, FEAR, THREAT = "role", "asked_about_status", "ie_contacted", "fear_delayed", "status_threat"
OUTCOME_AXES = tuple(f"outcome:{o.value}" for o in Outcome)
AXIS_NAMES: tuple[str, ...] = (FORCE, CRIME, YEAR, PERIOD, ROLE, ASKED, CONTACTED, FEAR, THREAT, *OUTCOME_AXES)
AXIS_INDEX = {name: i for i, name in enumerate(AXIS_NAMES)}
FILTER_AXES = (FORCE, CRIME, YEAR)


def as_tuple(r: EvidenceRecord) -> tuple[str, ...]:
    """The record as one code per axis of :data:`AXIS_NAMES` (what the counting works on)."""
    if r.reported is None:
        year = period = NOT_RECORDED
    else:
        year, period = f"{r.reported[0]:04d}", f"{r.reported[0]:04d}-{r.reported[1]:02d}"
    outcomes = r.outcomes or frozenset({Outcome.NOT_KNOWN})
    return (
        r.force, CrimeType(r.crime).value, year, period, Role(r.role).value,
        Answer(r.asked_about_status).value, Answer(r.immigration_enforcement_contacted).value,
        Answer(r.fear_delayed_reporting).value, Answer(r.status_used_as_threat).value,
        *(YES if o in outcomes else NO for o in Outcome),
    )


def year_span(records: Iterable[Sequence[str]]) -> tuple[int, int] | None:
    """The years the year axis covers: from the earliest year of a report, taken down to a multiple
    of five (so the first year shown does not say that someone reported in it), to the latest."""
    years = [int(t[AXIS_INDEX[YEAR]]) for t in records if t[AXIS_INDEX[YEAR]] != NOT_RECORDED]
    if not years:
        return None
    return min(years) // 5 * 5, max(years)


def axes(span: tuple[int, int] | None) -> dict[str, Axis]:
    """Every axis, with the years and months of ``span`` (see :func:`year_span`)."""
    years = [f"{y:04d}" for y in range(span[0], span[1] + 1)] if span else []
    periods = [f"{y}-{m:02d}" for y in years for m in range(1, 13)]
    answers = tuple(a.value for a in Answer)
    answer_labels = {a.value: label for a, label in ANSWER_LABELS.items()}
    out = [
        Axis(FORCE, "Police force", tuple(f.code for f in FORCES), {f.code: f.name for f in FORCES}),
        Axis(CRIME, "Crime reported", tuple(c.value for c in CrimeType), {c.value: t for c, t in CRIME_LABELS.items()}),
        Axis(YEAR, "Year of the report", (*years, NOT_RECORDED),
             {**{y: y for y in years}, NOT_RECORDED: "Not recorded"}),
        Axis(PERIOD, "Month of the report", (*periods, NOT_RECORDED),
             {**{p: p for p in periods}, NOT_RECORDED: "Not recorded"}),
        Axis(ROLE, "Role", tuple(r.value for r in Role), {r.value: t for r, t in ROLE_LABELS.items()}),
        Axis(ASKED, "Officers asked about immigration status", answers, answer_labels),
        Axis(CONTACTED, "Immigration Enforcement contacted", answers, answer_labels),
        Axis(FEAR, "Fear of status checks stopped or delayed reporting", answers, answer_labels),
        Axis(THREAT, "Immigration status used as a threat", answers, answer_labels),
    ]
    for o, name in zip(Outcome, OUTCOME_AXES, strict=True):
        out.append(Axis(name, f"What happened next: {OUTCOME_LABELS[o]}", (YES, NO), {YES: "Yes", NO: "No"}))
    return {a.name: a for a in out}
