"""Counting the published tables, then hiding what could point at a person.

What is published
-----------------
One release, and every view is a part of it (no view ever adds a number):

* the **filter cube**: interviews by police force x crime x year of the report, with every margin
  (force totals, crime totals, year totals, force x crime, ..., the grand total). A filter such as
  domestic abuse x Metropolitan Police x 2018 shows cells of this cube, so two filtered views can
  never be subtracted to learn more than the cube itself shows;
* the **one-way tables** over every consented interview: role, the four yes/no/unknown questions,
  each outcome (yes/no), and the month of the report. They share the grand total with the cube,
  and the months share the year totals.

Breakdowns by role, outcome and so on *within* a filter are not published by this release (a
filtered breakdown is a four-way table, force x crime x year x role, whose protection costs far
more suppression; :data:`DEFAULT_CUBES` is where it would be added, and the proof below covers it).

The rule (primary suppression)
------------------------------
Every count below the threshold N (default 5, never below 3) is shown as "fewer than N",
**zero included**. Disclosure.md lets a design call zero sensitive: a 0 beside "fewer than 5"
tells which groups hold somebody, and treating zero as small means a hidden cell's possible values
run from 0 to N-1, so "could be nobody" is something the published figures can be checked for.

Secondary suppression, and what "safe" means
--------------------------------------------
Published totals let a reader subtract: a row total of 14 beside a 12 gives away a hidden 2. The
attacker knows every published figure, that a "fewer than N" cell is between 0 and N-1, and that a
cell hidden for the sake of another ("not shown") is at least N. A small cell holding v >= 1
interviews is **safe** when those facts are consistent with it being 0: the published tables
cannot prove that anybody at all is in that group (the protection interval of disclosure.md reaches
0, the value "besides the true one"; an exact value can then never be pinned down either).

Each small cell is made safe by a *certificate*: a different set of interviews, made by moving the
cell's v interviews (and sometimes v others, to cancel the change in a margin) to another force,
crime, year, month or answer, that gives every published figure exactly as shown, keeps every
hidden cell within what its label says, and leaves the cell empty. Every cell the moves change is
hidden (published cells becoming "not shown"), choosing among the candidate moves the one that
hides the least (the sum of the counts newly hidden, as tau-ARGUS costs a cell by its value):

* a move along one axis (the cell's interviews go to another force): changes the cell and its
  margins along the other axes;
* a rectangle (Met/DA -> Met/other crime, and as many interviews of Kent/other crime -> Kent/DA):
  changes only the four corners and their margins over the third axis, never a one-way total.

Hiding more never breaks a certificate already made (a cell newly hidden still holds its value), so
the cells are treated one after another and the release is safe when every small cell has one.
If none is found for some cell, the whole table it belongs to is withheld. A certificate is an
integer solution of the attacker's linear programme with the cell at 0, so the attacker's minimum
is 0: tests/unit/test_evidence_attack.py checks exactly that with scipy's HiGHS, independently.

Time: each release stands on its own. Packs are cumulative, and a pack next month minus this one
shows what was added in between; the method section of the summary must say so.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desktop.evidence.records import (
    ASKED,
    AXIS_INDEX,
    AXIS_NAMES,
    CONTACTED,
    CRIME,
    FEAR,
    FORCE,
    NOT_RECORDED,
    OUTCOME_AXES,
    PERIOD,
    ROLE,
    THREAT,
    YEAR,
    Axis,
    EvidenceRecord,
    as_tuple,
    axes,
    year_span,
)

DEFAULT_THRESHOLD = 5
MIN_THRESHOLD = 3

# The tables of a release, each counted with all its margins: the filter cube, then the one-way tables.
ONE_WAY: tuple[tuple[str, ...], ...] = (
    (PERIOD,), (ROLE,), (ASKED,), (CONTACTED,), (FEAR,), (THREAT,), *((name,) for name in OUTCOME_AXES),
)
DEFAULT_CUBES: tuple[tuple[str, ...], ...] = ((FORCE, CRIME, YEAR), *ONE_WAY)
# When the three-way cube cannot be protected (too few interviews spread too thinly), the release
# falls back to coarser tables, and filters can then combine only what one table holds.
FALLBACKS: tuple[tuple[tuple[str, ...], ...], ...] = (
    DEFAULT_CUBES,
    ((FORCE, CRIME), (YEAR,), *ONE_WAY),
    ((FORCE,), (CRIME,), (YEAR,), *ONE_WAY),
)

PUBLISHED, SMALL, HIDDEN, WITHHELD = "published", "small", "hidden", "withheld"
# Hiding a one-way total (a force's, a crime's, a year's: the headline figures) costs this many times its count.
_HEADLINE = 10

Key = tuple[tuple[int, str], ...]  # ((axis index, value), ...) in axis order; () is the grand total


class ThresholdRefused(ValueError):
    """The threshold asked for is below :data:`MIN_THRESHOLD`."""


def check_threshold(threshold: int) -> int:
    if not isinstance(threshold, int) or threshold < MIN_THRESHOLD:
        raise ThresholdRefused(f"The threshold must be {MIN_THRESHOLD} or more: smaller groups could point at "
                               "a person.")
    return threshold


def key_of(**coords: str) -> Key:
    """The cell where each named axis has the given value (the others summed): ``key_of(force="kent")``."""
    return tuple(sorted((AXIS_INDEX[a], v) for a, v in coords.items()))


@dataclass
class Release:
    """Every published cell of every table, and what may be shown of each."""

    threshold: int
    axes: dict[str, Axis]
    cubes: tuple[tuple[str, ...], ...]
    counts: Counter  # Key -> true count (never shown for a cell that is not PUBLISHED)
    status: dict[Key, str]  # Key -> PUBLISHED / SMALL / HIDDEN / WITHHELD
    withheld: set[tuple[str, ...]] = field(default_factory=set)

    def shown(self, key: Key) -> tuple[str, int | None]:
        """``(status, count)``: the count only for a published cell."""
        st = self.status[key]
        return st, (self.counts.get(key, 0) if st == PUBLISHED else None)

    def published_cells(self) -> dict[Key, int]:
        return {k: self.counts.get(k, 0) for k, st in self.status.items() if st == PUBLISHED}


def release_to_json(release: Release) -> str:
    """The release as JSON (what :func:`release_from_json` reads back equal): to keep it in the vault.
    Counts and labels only; the axes are made again from the years they cover."""
    years = [v for v in release.axes[YEAR].values if v != NOT_RECORDED]
    return json.dumps({
        "threshold": release.threshold, "span": [int(years[0]), int(years[-1])] if years else None,
        "cubes": release.cubes, "withheld": sorted(release.withheld),
        "counts": [[k, n] for k, n in release.counts.items()],
        "status": [[k, st] for k, st in release.status.items()],
    }, separators=(",", ":"))


def release_from_json(text: str) -> Release:
    """The release :func:`release_to_json` wrote (ValueError, KeyError or TypeError if it is not one)."""
    data = json.loads(text)

    def key(k: list) -> Key:
        return tuple((int(a), str(v)) for a, v in k)

    span = data["span"]
    return Release(
        check_threshold(data["threshold"]), axes((int(span[0]), int(span[1])) if span else None),
        tuple(tuple(str(a) for a in c) for c in data["cubes"]),
        Counter({key(k): int(n) for k, n in data["counts"]}),
        {key(k): str(st) for k, st in data["status"]},
        {tuple(str(a) for a in c) for c in data["withheld"]},
    )


def _subsets(cube: Sequence[str]) -> list[tuple[int, ...]]:
    idx = sorted(AXIS_INDEX[a] for a in cube)
    return [s for n in range(len(idx) + 1) for s in itertools.combinations(idx, n)]


def count(records: Iterable[EvidenceRecord], threshold: int = DEFAULT_THRESHOLD,
          layouts: Sequence[Sequence[tuple[str, ...]]] = FALLBACKS) -> Release:
    """Count every cell of every table and protect the release (see the module docstring).

    ``layouts`` are tried in order; the first whose filter table (its first) can be protected whole
    is returned, else the last, with what could not be protected withheld."""
    threshold = check_threshold(threshold)
    rows = [as_tuple(r) for r in records]
    release = None
    for cubes in layouts:
        release = _Protector(rows, threshold, tuple(tuple(c) for c in cubes)).run()
        if release.cubes[0] not in release.withheld:
            break
    assert release is not None
    return release


class _Protector:
    def __init__(self, rows: list[tuple[str, ...]], threshold: int, cubes: tuple[tuple[str, ...], ...]) -> None:
        self.rows = rows
        self.n = threshold
        self.cubes = cubes
        self.axes = axes(year_span(rows))
        self.cube_subsets = {c: _subsets(c) for c in cubes}
        self.subsets = sorted({s for ss in self.cube_subsets.values() for s in ss}, key=lambda s: (len(s), s))
        self.counts: Counter = Counter()
        self.members: dict[Key, list[int]] = defaultdict(list)
        for i, row in enumerate(rows):
            for s in self.subsets:
                k = tuple((a, row[a]) for a in s)
                self.counts[k] += 1
                if s:
                    self.members[k].append(i)
        self.status: dict[Key, str] = {}
        for s in self.subsets:
            values = [self.axes[AXIS_NAMES[a]].values for a in s]
            for combo in itertools.product(*values):
                k = tuple(zip(s, combo, strict=True))
                self.status[k] = PUBLISHED if self.counts.get(k, 0) >= self.n else SMALL
        # For a move along an axis, the subsets whose cells can change (a year move changes the month).
        self.touched: dict[int, list[tuple[int, ...]]] = {}
        for a in range(len(AXIS_NAMES)):
            linked = {a, AXIS_INDEX[PERIOD]} if a == AXIS_INDEX[YEAR] else {a}
            self.touched[a] = [s for s in self.subsets if linked & set(s)]
        self.withheld: set[tuple[str, ...]] = set()
        self._pair_cache: dict[tuple[int, int, str], tuple[tuple[Key, Key], ...]] = {}

    # --- the search ---------------------------------------------------------------------------

    def run(self) -> Release:
        if self.counts[()] >= self.n:
            small = [k for k, st in self.status.items() if st == SMALL and self.counts.get(k, 0) > 0]
            # Finest cells first: their certificates are the cheapest, and often cover coarser ones' needs.
            small.sort(key=lambda k: (-len(k), self.counts[k], k))
            for k in small:
                if self.status[k] == WITHHELD:
                    continue
                best = self._certificate(k)
                self._pair_cache.clear()  # memory stays bounded by one cell's search
                if best is None:
                    self._withhold(k)
                    continue
                for changed in best:
                    if self.status[changed] == PUBLISHED:
                        self.status[changed] = HIDDEN
        return Release(self.n, self.axes, self.cubes, self.counts, self.status, self.withheld)

    def _alternatives(self, axis: int, value: str) -> list[str]:
        name = AXIS_NAMES[axis]
        values = self.axes[name].values
        if name == PERIOD:  # within the same year, so the year totals stay as they are
            return [] if value == NOT_RECORDED else [v for v in values if v != value and v[:4] == value[:4]]
        return [v for v in values if v != value]

    def _moved(self, row: tuple[str, ...], axis: int, value: str) -> tuple[str, ...]:
        new = list(row)
        new[axis] = value
        if axis == AXIS_INDEX[YEAR]:  # the month of the report moves with its year
            p = AXIS_INDEX[PERIOD]
            if value == NOT_RECORDED:
                new[p] = NOT_RECORDED
            else:
                new[p] = value + (row[p][4:] if row[p] != NOT_RECORDED else "-01")
        return tuple(new)

    def _pairs(self, i: int, axis: int, value: str) -> tuple[tuple[Key, Key], ...]:
        """The cells row ``i`` leaves and enters when it moves to ``value`` on ``axis`` (remembered:
        the search tries the same move many times, and building the keys was most of its time)."""
        move = (i, axis, value)
        pairs = self._pair_cache.get(move)
        if pairs is None:
            old = self.rows[i]
            new = self._moved(old, axis, value)
            pairs = tuple((ko, kn) for s in self.touched[axis]
                          if (ko := tuple((a, old[a]) for a in s)) != (kn := tuple((a, new[a]) for a in s)))
            self._pair_cache[move] = pairs
        return pairs

    def _evaluate(self, target: Key, moves: list[tuple[int, int, str]], *,
                  final: bool = True) -> tuple[float, list[Key]] | None:
        """The cost and the changed cells of moving rows (row, axis, value), or None if it breaks a label."""
        delta: dict[Key, int] = {}
        get = delta.get
        for i, axis, value in moves:
            for ko, kn in self._pairs(i, axis, value):
                delta[ko] = get(ko, 0) - 1
                delta[kn] = get(kn, 0) + 1
        cost = 0.0
        changed = []
        for k, d in delta.items():
            if d == 0:
                continue
            st = self.status[k]
            if st == WITHHELD:
                continue
            new = self.counts.get(k, 0) + d
            if st == SMALL:
                if not 0 <= new < self.n:
                    return None
            elif new < self.n:  # PUBLISHED (to be hidden) or HIDDEN: the attacker knows it is at least N
                return None
            elif st == PUBLISHED:
                cost += self.counts[k] * (_HEADLINE if len(k) == 1 else 1)
            changed.append(k)
        if final and self.counts.get(target, 0) + delta.get(target, 0) != 0:
            return None
        return cost, changed

    def _certificate(self, target: Key) -> list[Key] | None:
        """The cells to hide so that ``target`` could be empty (see the module docstring), or None."""
        members = self.members[target]
        v = len(members)
        specific = [a for a, _ in target]
        if len(specific) == 3:
            cube = self._cube_certificate(target, v)
            if cube is not None:
                return cube
        for a, b in itertools.combinations(specific, 2):
            found = self._rectangles(target, members, a, b) or self._rectangles(target, members, b, a)
            if found is not None:
                return found
        best: tuple[float, list[Key]] | None = None
        for axis, value in target:
            for alt in self._alternatives(axis, value):
                found = self._evaluate(target, [(i, axis, alt) for i in members])
                if found and (best is None or found[0] < best[0]):
                    best = found
                    if best[0] == 0:
                        return best[1]
        if best is not None:
            return best[1]
        # The cell's interviews spread over several values of one axis, each where it costs least.
        for axis, value in target:
            alts = self._alternatives(axis, value)
            moves: list[tuple[int, int, str]] = []
            for i in members:
                options = [(found[0], n) for n, alt in enumerate(alts)
                           if (found := self._evaluate(target, [*moves, (i, axis, alt)], final=False))]
                if not options:
                    break
                moves.append((i, axis, alts[min(options)[1]]))
            else:
                found = self._evaluate(target, moves)
                if found:
                    return found[1]
        return None

    def _rectangles(self, target: Key, members: list[int], a: int, b: int) -> list[Key] | None:
        """One small rectangle per interview of the cell: it moves along axis ``a`` and an interview
        alike in everything but ``a`` and ``b`` moves back, so no one-way total changes."""
        coords = dict(target)
        cube = next(c for c in self.cubes if {AXIS_NAMES[x] for x in coords} <= set(c))
        inner = sorted(AXIS_INDEX[x] for x in cube)
        moves: list[tuple[int, int, str]] = []
        used: set[int] = set()
        for i in members:
            row = self.rows[i]
            choice = None
            tries = 0
            for alt_a, alt_b in itertools.product(self._alternatives(a, coords[a]), self._alternatives(b, coords[b])):
                # Best an interview alike in every other way; else any of the cell's own level.
                alike = tuple((x, alt_a if x == a else alt_b if x == b else row[x]) for x in inner)
                level = tuple((x, alt_a if x == a else alt_b if x == b else val) for x, val in target)
                j = next((j for q in (alike, level) for j in self.members.get(q, ()) if j not in used), None)
                if j is None:
                    continue
                tries += 1
                trial = [*moves, (i, a, alt_a), (j, a, coords[a])]
                found = self._evaluate(target, trial, final=False)
                if found and (choice is None or found[0] < choice[0]):
                    choice = (found[0], trial, j)
                if tries > 40 or (choice and choice[0] == 0):
                    break
            if choice is None:
                return None
            moves = choice[1]
            used.add(choice[2])
        found = self._evaluate(target, moves)
        return found[1] if found else None

    def _cube_certificate(self, target: Key, v: int) -> list[Key] | None:
        """The eight corners of a cube around a cell of a three-way table: the cell's interviews move
        to another force, and as many interviews move at each other corner so that every margin is
        unchanged (the hypercube method). Only corners with room are used, free ones first."""
        (a, x), (b, y), (c, z) = target
        if AXIS_NAMES[a] in (YEAR, PERIOD):
            return None
        n, counts, status = self.n, self.counts, self.status

        def fits(k: Key, change: int) -> int | None:
            """The cost of changing cell k by ``change`` (its count if it must be hidden), None if it cannot."""
            count = counts.get(k, 0)
            new = count + change
            if status[k] == SMALL:
                return 0 if 0 <= new < n else None
            return None if new < n else (count * (_HEADLINE if len(k) == 1 else 1) if status[k] == PUBLISHED else 0)

        best = None
        for xa in self._alternatives(a, x):
            for yb in self._alternatives(b, y):
                if counts.get(((a, xa), (b, yb), (c, z)), 0) < v:  # a corner that gives v interviews
                    continue
                base = [fits(((a, xa), (b, yb), (c, z)), -v), fits(((a, xa), (b, y), (c, z)), v),
                        fits(((a, x), (b, yb), (c, z)), v), fits(target, -v)]
                if None in base:
                    continue
                for zc in self._alternatives(c, z):
                    far = [fits(((a, xa), (b, y), (c, zc)), -v), fits(((a, x), (b, yb), (c, zc)), -v),
                           fits(((a, x), (b, y), (c, zc)), v), fits(((a, xa), (b, yb), (c, zc)), v)]
                    if None in far:
                        continue
                    cost = sum(base) + sum(far)
                    if best is None or cost < best[0]:
                        best = (cost, (xa, yb, zc))
                        if cost == 0:
                            break
                if best and best[0] == 0:
                    break
            if best and best[0] == 0:
                break
        if best is None:
            return None
        xa, yb, zc = best[1]
        moves = []
        for pb, pc in itertools.product((0, 1), repeat=2):
            here = ((a, x), (b, yb if pb else y), (c, zc if pc else z))
            there = ((a, xa), (b, yb if pb else y), (c, zc if pc else z))
            if (pb + pc) % 2 == 0:  # the corner at x loses v interviews to the corner at xa
                moves += [(i, a, xa) for i in self.members[here][:v]]
            else:
                moves += [(j, a, x) for j in self.members[there][:v]]
        found = self._evaluate(target, moves)
        return found[1] if found else None

    def _withhold(self, target: Key) -> None:
        """No certificate: withhold every table holding this cell (cells other tables publish stay)."""
        axes_of = {AXIS_NAMES[a] for a, _ in target}
        gone = [c for c in self.cubes if axes_of <= set(c) and c not in self.withheld]
        self.withheld.update(gone)
        keep = {s for c in self.cubes if c not in self.withheld for s in self.cube_subsets[c]}
        for c in gone:
            for s in self.cube_subsets[c]:
                if s in keep:
                    continue
                for k in self.status:
                    if len(k) == len(s) and tuple(a for a, _ in k) == s:
                        self.status[k] = WITHHELD
