"""What is shown: a filter (crime x force x year) as tables of figures, and their JSON and CSV forms.

A view never computes a number of its own: every figure is one cell of the protected release
(:mod:`desktop.evidence.protect`), shown as the release allows (the count, "fewer than N", or
"not shown"), so no two views can be subtracted to learn more than the release itself shows.
Percentages are computed only from two published figures. With a filter, the tables are the lines
of the filter cube through it; the one-way breakdowns (role, outcomes, ...) are shown only for all
interviews, because the release does not hold them per force, crime or year.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from desktop.evidence.protect import HIDDEN, PUBLISHED, SMALL, WITHHELD, Key, Release
from desktop.evidence.records import AXIS_INDEX, CRIME, FORCE, OUTCOME_AXES, YEAR, YES

METHOD = (
    "Only interviews with consent for use in the complaint are counted; an interview whose consent was "
    "withdrawn is in no figure. Every count below {n}, zero included, is shown as 'fewer than {n}'. A figure "
    "is 'not shown' when it could be used with the others to work out one of those. Percentages use shown "
    "figures only. An interview may record several outcomes, so outcome figures do not add up to the total. "
    "Each summary is protected on its own: comparing two summaries made at different times shows what was "
    "added in between."
)


class FilterRefused(ValueError):
    """The filter names a value that is not counted, or combines what no protected table holds."""


@dataclass(frozen=True)
class Filter:
    force: str | None = None
    crime: str | None = None
    year: str | None = None

    def coords(self) -> dict[str, str]:
        return {a: v for a, v in ((FORCE, self.force), (CRIME, self.crime), (YEAR, self.year)) if v is not None}


@dataclass(frozen=True)
class Figure:
    code: str
    label: str
    status: str  # published / small / hidden / withheld
    count: int | None  # only when published
    percent: float | None = None  # of the table's total, only when both are published

    def text(self, threshold: int) -> str:
        if self.status == PUBLISHED:
            return str(self.count)
        if self.status == SMALL:
            return f"fewer than {threshold}"
        return "not shown" if self.status == HIDDEN else "withheld"


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    rows: tuple[Figure, ...]
    total: Figure
    note: str = ""


@dataclass(frozen=True)
class View:
    threshold: int
    filter: Filter
    total: Figure
    tables: tuple[Table, ...]
    unavailable: tuple[str, ...] = field(default=())
    method: str = ""


def years_tell_more(months: Table | None, years: Table | None) -> bool:
    """Should the time chart be drawn by year? When most months are not drawn to scale ("fewer
    than", "not shown": a few dozen interviews over several years) and some year is, a month chart
    is a row of pale stubs that reads as broken, while the years have something to show. The same
    rule for the window's chart and the summary PDF's, so the two never disagree."""
    if years is None:
        return False
    if months is None:
        return True
    dated = [f for f in months.rows if f.code[:4].isdigit()]
    hidden = sum(f.status != PUBLISHED for f in dated)
    return hidden * 2 > len(dated) and any(f.status == PUBLISHED for f in years.rows if f.code.isdigit())


def _figure(release: Release, key: Key, code: str, label: str, total: Key | None = None) -> Figure:
    status, count = release.shown(key)
    percent = None
    if count is not None and total is not None:
        t_status, t_count = release.shown(total)
        if t_count:
            percent = round(100 * count / t_count, 1)
    return Figure(code, label, status, count, percent)


def _key(coords: dict[str, str]) -> Key:
    return tuple(sorted((AXIS_INDEX[a], v) for a, v in coords.items()))


def view(release: Release, flt: Filter | None = None) -> View:
    """The tables for ``flt`` (everything when None). Raises :class:`FilterRefused`."""
    flt = flt or Filter()
    coords = flt.coords()
    for axis, value in coords.items():
        if value not in release.axes[axis].values:
            raise FilterRefused(f"No interviews are counted under that {release.axes[axis].title.lower()}; "
                                "choose one from the list.")
    cube = next((c for c in release.cubes if set(coords) <= set(c) and c not in release.withheld), None)
    if cube is None:
        raise FilterRefused("Those filters cannot be combined safely with so few interviews; use one of them "
                            "at a time.")
    total_key = _key(coords)
    tables = []
    filter_axes = [a for a in (FORCE, CRIME, YEAR) if any(a in c and c not in release.withheld for c in release.cubes)]
    for axis in filter_axes:
        if axis in coords:
            continue
        owner = cube if axis in cube else None
        if owner is None:
            if coords:
                continue
            owner = next(c for c in release.cubes if axis in c and c not in release.withheld)
        ax = release.axes[axis]
        rows = tuple(_figure(release, _key({**coords, axis: v}), v, ax.labels[v], total_key) for v in ax.values)
        tables.append(Table(axis, ax.title, rows, _figure(release, total_key, "total", "All")))
    unavailable: list[str] = []
    one_way = [c[0] for c in release.cubes if len(c) == 1 and c[0] not in (FORCE, CRIME, YEAR)]
    for axis in one_way:
        ax = release.axes[axis]
        if axis in OUTCOME_AXES:
            continue
        if coords or (axis,) in release.withheld:
            unavailable.append(ax.title)
            continue
        rows = tuple(_figure(release, _key({axis: v}), v, ax.labels[v], ()) for v in ax.values)
        tables.append(Table(axis, ax.title, rows, _figure(release, (), "total", "All")))
    outcomes = [a for a in one_way if a in OUTCOME_AXES]
    if outcomes:
        if coords:
            unavailable.append("What happened next")
        else:
            rows = tuple(
                _figure(release, _key({a: YES}), a.split(":", 1)[1], release.axes[a].title.split(": ", 1)[1], ())
                if (a,) not in release.withheld else Figure(a.split(":", 1)[1], release.axes[a].title, WITHHELD, None)
                for a in outcomes
            )
            tables.append(Table("outcomes", "What happened next", rows, _figure(release, (), "total", "All"),
                                note="An interview may record several outcomes, so these do not add up to the total."))
    return View(release.threshold, flt, _figure(release, total_key, "total", "All"), tuple(tables),
                tuple(unavailable), METHOD.format(n=release.threshold))


def to_json(v: View) -> dict:
    """The view as plain JSON data: every figure with its status, and its count only when shown."""
    def fig(f: Figure) -> dict:
        return {"code": f.code, "label": f.label, "shown": f.text(v.threshold), "count": f.count,
                "percent": f.percent}

    return {
        "threshold": v.threshold,
        "filter": {k: val for k, val in vars(v.filter).items() if val is not None},
        "interviews": fig(v.total),
        "tables": [{"name": t.name, "title": t.title, "rows": [fig(r) for r in t.rows], "total": fig(t.total),
                    "note": t.note} for t in v.tables],
        "not_available_with_filter": list(v.unavailable),
        "method": v.method,
    }


def to_csv(v: View) -> bytes:
    """The view as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read it as UTF-8)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["table", "code", "label", "shown", "count", "percent"])
    w.writerow(["interviews", "total", "All", v.total.text(v.threshold), _n(v.total.count), ""])
    for t in v.tables:
        for f in (*t.rows, t.total):
            w.writerow([t.name, f.code, f.label, f.text(v.threshold), _n(f.count), _n(f.percent)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _n(x: float | int | None) -> str:
    return "" if x is None else str(x)
