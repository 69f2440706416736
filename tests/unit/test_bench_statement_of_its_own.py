"""The bulk benchmarks' statements each have people, identifiers and words of their own, so a bulk
export of them compiles each statement's own name patterns and draws its own letters, as a
coordinator's vault makes it do (tests/benchmarks/bench_statements.statement_of_its_own)."""

from __future__ import annotations

from tests import factories
from tests.benchmarks.bench_statements import five_page_interview, statement_of_its_own


def test_each_statement_has_its_own_people_and_identifiers_all_written_in_it():
    made = [statement_of_its_own(seed, f"WB-OWN-{seed:04d}") for seed in range(4)]
    for iv in made:
        for person in iv.people[:6]:  # the sample's six (the corpus statements' own may go unnamed)
            assert person.name in iv.statement
        for ident in iv.identifiers:
            assert ident.value in iv.statement
        for sample in (factories.POLISH_NAME, factories.POLISH_PERP, factories.URDU_NAME, factories.PUNJABI_NAME,
                       factories.HO_REF, factories.PHONE, factories.ADDRESS):  # fmt: skip
            assert sample not in iv.statement
    names = [{p.name for p in iv.people} for iv in made]
    assert all(not (a & b) for i, a in enumerate(names) for b in names[i + 1:])
    assert len({iv.statement for iv in made}) == len(made)


def test_the_same_seed_gives_the_same_statement_and_the_size_of_the_sample():
    a, b = statement_of_its_own(3, "WB-OWN-0003"), statement_of_its_own(3, "WB-OWN-0003")
    assert a.statement == b.statement and [p.name for p in a.people] == [p.name for p in b.people]
    sample = len(five_page_interview().statement)
    assert 0.9 * sample < len(a.statement) < 1.15 * sample
