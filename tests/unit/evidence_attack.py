"""The attacker of desktop/evidence/protect.py, as a test oracle: a linear programme per small cell.

The attacker knows every published figure of a release, that a cell shown "fewer than N" holds
0 to N-1 interviews, and that a cell "not shown" holds at least N. The unknowns are the counts of
the finest groups (every combination of the values of a block of linked axes); the year of a
report is read from its month, so the year totals and the months are one block. Blocks share
only the number of interviews, and marginal tables with the same total can always be joined, so
attacking each block on its own is attacking the whole release.

For every small cell holding someone, :func:`attack` minimises the cell with scipy's HiGHS: the
release is safe when that minimum is 0, i.e. nothing published proves anybody is in that group.
"""

from __future__ import annotations

import itertools

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix, vstack

from desktop.evidence.protect import HIDDEN, PUBLISHED, SMALL, Release
from desktop.evidence.records import AXIS_INDEX, AXIS_NAMES, NOT_RECORDED, PERIOD, YEAR


def _blocks(release: Release) -> list[set[str]]:
    blocks: list[set[str]] = []
    for cube in release.cubes:
        axes = set(cube)
        if YEAR in axes or PERIOD in axes:
            axes |= {YEAR, PERIOD}
        joined = [b for b in blocks if b & axes]
        for b in joined:
            blocks.remove(b)
            axes |= b
        blocks.append(axes)
    return blocks


def _full(atom_axes: list[int], atom: tuple[str, ...]) -> dict[int, str]:
    """The atom's value on every axis, the year read from the month."""
    d = dict(zip(atom_axes, atom, strict=True))
    if AXIS_INDEX[PERIOD] in d:
        month = d[AXIS_INDEX[PERIOD]]
        d[AXIS_INDEX[YEAR]] = NOT_RECORDED if month == NOT_RECORDED else month[:4]
    return d


def attack(release: Release, limit: int | None = None, choose=None) -> list[tuple[tuple, float]]:
    """Every small non-empty cell the attacker proves is non-empty: ``[(key, minimum), ...]``.
    ``limit``/``choose`` attack only some cells (``choose(list) -> list``) to keep a test short."""
    n = release.threshold
    weak = []
    for block in _blocks(release):
        atom_axes = sorted(AXIS_INDEX[a] for a in block if not (a == YEAR and PERIOD in block))
        domains = [release.axes[AXIS_NAMES[a]].values for a in atom_axes]
        atoms = list(itertools.product(*domains))
        keys = [k for k in release.status if all(AXIS_NAMES[a] in block for a, _ in k)]
        shapes = sorted({tuple(a for a, _ in k) for k in keys})
        row_of = {k: r for r, k in enumerate(keys)}
        rows, cols = [], []
        for j, atom in enumerate(atoms):
            d = _full(atom_axes, atom)
            for shape in shapes:
                k = tuple((a, d[a]) for a in shape)
                r = row_of.get(k)
                if r is not None:
                    rows.append(r)
                    cols.append(j)
        a_all = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(keys), len(atoms))).tocsr()
        status = [release.status[k] for k in keys]
        eq = [r for r, s in enumerate(status) if s == PUBLISHED]
        small = [r for r, s in enumerate(status) if s == SMALL]
        hidden = [r for r, s in enumerate(status) if s == HIDDEN]
        a_ub = vstack([a_all[small], -a_all[hidden]]).tocsr()
        b_ub = np.concatenate([np.full(len(small), n - 1.0), np.full(len(hidden), -float(n))])
        a_eq = a_all[eq]
        b_eq = np.array([float(release.counts.get(keys[r], 0)) for r in eq])
        targets = [r for r in small if release.counts.get(keys[r], 0) > 0 and keys[r]]
        if choose is not None:
            targets = choose(targets)
        if limit is not None:
            targets = targets[:limit]
        for r in targets:
            res = linprog(a_all[r].toarray().ravel(), A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq,
                          bounds=(0, None), method="highs")
            assert res.status == 0, f"the attacker's programme did not solve: {res.message}"
            if res.fun > 1e-7:
                weak.append((keys[r], res.fun))
    return weak
