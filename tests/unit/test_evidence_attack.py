"""The attacker's check (desktop/evidence/protect.py explains the method): for every count shown as "fewer than N", a
linear programme over everything a release publishes (tests/unit/evidence_attack.py) finds the
least the cell can hold. It must be 0: nothing published may prove that anybody is in that group.
Property-tested over random interviews, thresholds and filters; the oracle itself is shown to catch
a release whose secondary suppression was undone."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.model import Answer, CrimeType, Outcome, Role
from desktop.evidence import protect, views
from desktop.evidence.protect import HIDDEN, PUBLISHED, SMALL
from desktop.evidence.records import EvidenceRecord
from tests.unit.evidence_attack import attack

FORCES = ("metropolitan", "kent", "cumbria", "dorset")
CRIMES = (CrimeType.DOMESTIC_ABUSE, CrimeType.MODERN_SLAVERY, CrimeType.HATE_CRIME)

records = st.builds(
    EvidenceRecord,
    force=st.sampled_from(FORCES),
    crime=st.sampled_from(CRIMES),
    role=st.sampled_from(list(Role)),
    reported=st.one_of(st.none(), st.tuples(st.just(2020), st.integers(1, 3))),
    asked_about_status=st.sampled_from(list(Answer)),
    immigration_enforcement_contacted=st.just(Answer.UNKNOWN),
    fear_delayed_reporting=st.sampled_from([Answer.YES, Answer.NO]),
    status_used_as_threat=st.just(Answer.UNKNOWN),
    outcomes=st.frozensets(st.sampled_from([Outcome.IMMIGRATION_ACTION, Outcome.DETENTION]), max_size=2),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(records, min_size=5, max_size=90), st.sampled_from([3, 5]), st.randoms(use_true_random=False),
       st.data())
def test_no_small_cell_can_be_pinned_down_by_the_attacker(recs, threshold, rnd, data):
    release = protect.count(recs, threshold)
    # The attacker's programme per cell takes a fraction of a second: a random few per example.
    assert attack(release, choose=lambda targets: rnd.sample(targets, min(6, len(targets)))) == []
    # No published figure is below the threshold, and any filter shows only cells of the release.
    assert all(release.counts.get(k, 0) >= threshold for k, s in release.status.items() if s == PUBLISHED)
    flt = views.Filter(force=data.draw(st.sampled_from([None, *FORCES])),
                       crime=data.draw(st.sampled_from([None, *(c.value for c in CRIMES)])),
                       year=data.draw(st.sampled_from([None, "2020", "not-recorded"])))
    try:
        v = views.view(release, flt)
    except views.FilterRefused:
        return
    truth = Counter()
    for r in recs:
        if all(getattr(flt, a) in (None, x) for a, x in (("force", r.force), ("crime", r.crime.value),
                                                           ("year", str(r.reported[0]) if r.reported else
                                                            "not-recorded"))):
            truth["total"] += 1
    assert v.total.count in (None, truth["total"])
    for table in v.tables:
        for fig in table.rows:
            assert fig.count is None or fig.count >= threshold


def test_every_small_cell_of_a_larger_release_holds_against_the_attacker():
    import random

    rnd = random.Random(7)
    recs = [EvidenceRecord(rnd.choice(FORCES), rnd.choice(CRIMES), rnd.choice(list(Role)),
                           (2020, rnd.randint(1, 12)) if rnd.random() < 0.9 else None, rnd.choice(list(Answer)),
                           Answer.UNKNOWN, Answer.YES, Answer.NO,
                           frozenset({Outcome.DETENTION}) if rnd.random() < 0.1 else frozenset())
            for _ in range(160)]
    release = protect.count(recs)
    assert release.cubes[0] == ("force", "crime", "year") and not release.withheld
    assert HIDDEN in release.status.values()  # secondary suppression was needed, and done
    assert attack(release) == []


def test_the_attacker_catches_a_release_whose_secondary_suppression_is_undone():
    """Two of nine interviews record detention: "fewer than 5" beside a shown 7 for the rest would
    give the 2 away, so the 7 is hidden. Showing it again, the attacker finds the cell."""
    recs = [EvidenceRecord("kent", CrimeType.OTHER, Role.VICTIM, None, Answer.NO, Answer.NO, Answer.NO, Answer.NO,
                           frozenset({Outcome.DETENTION}) if i < 2 else frozenset()) for i in range(9)]
    release = protect.count(recs)
    detained = protect.key_of(**{"outcome:detention": "yes"})
    not_detained = protect.key_of(**{"outcome:detention": "no"})
    assert release.status[detained] == SMALL and release.status[not_detained] == HIDDEN
    assert attack(release) == []
    release.status[not_detained] = PUBLISHED
    weak = dict(attack(release))
    assert weak[detained] == 2
