"""The evidence totals over a real vault of a few hundred interviews with known counts: every
figure in the JSON and the CSV is the true count of its group, no figure shows a count from 1 to
the threshold, and interviews without consent for the complaint, or with it withdrawn, are in none."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date

import pytest

from desktop.cli import Context, run
from desktop.core.forces import force_by_code
from desktop.core.model import (
    CRIME_LABELS,
    Answer,
    Consent,
    ConsentUse,
    CrimeType,
    Interview,
    Outcome,
    Role,
    YearMonth,
)
from desktop.services import evidence
from desktop.services.errors import DestinationExists, DestinationRefused, Refused
from tests.evidence_vaults import expected_counts, known_interviews
from tests.factories import PASSPHRASE, new_vault

# The same known groups as the summary and pack tests' vaults (tests/evidence_vaults.py).


def _interview(n: int, force: str, crime: CrimeType, year: int, consent: str) -> Interview:
    c = {}
    if consent in ("yes", "withdrawn"):
        c[ConsentUse.COMPLAINT] = Consent(ConsentUse.COMPLAINT, True, date(2021, 1, 1), "worker",
                                          withdrawn_on=date(2022, 1, 1) if consent == "withdrawn" else None)
    elif consent == "refused":
        c[ConsentUse.COMPLAINT] = Consent(ConsentUse.COMPLAINT, False, date(2021, 1, 1), "worker")
    c[ConsentUse.QUOTATION] = Consent(ConsentUse.QUOTATION, True, date(2021, 1, 1), "worker")
    return Interview(
        interviewed_on=date(2021, 3, 1), role=[Role.VICTIM, Role.WITNESS, Role.BOTH][n % 3], crime_type=crime,
        force=force, reported_on=YearMonth(year, 1 + n % 12), statement=f"Statement {n}", consent=c,
        asked_about_status=[Answer.YES, Answer.NO][n % 2],
        immigration_enforcement_contacted=Answer.YES if n % 4 == 0 else Answer.UNKNOWN,
        outcomes=[Outcome.IMMIGRATION_ACTION, Outcome.CRIME_DROPPED] if n % 5 == 0 else [],
        fear_delayed_reporting=Answer.YES, status_used_as_threat=Answer.NO if n % 7 else Answer.YES,
    )


@pytest.fixture(scope="module")
def known(tmp_path_factory):
    """A vault and the interviews that must be counted (the rest must not be)."""
    d = tmp_path_factory.mktemp("evidence") / "vault"
    counted, others = known_interviews(make=_interview)
    v = new_vault(d)
    try:
        v.interviews.add_many(counted + others)
    finally:
        v.lock()
    (d.parent / "pass").write_text(PASSPHRASE + "\n")
    return d, counted


def _summary(d):
    from desktop.vault import Vault

    v = Vault.unlock(d, PASSPHRASE)
    try:
        return evidence.summarise(v)
    finally:
        v.lock()


def test_every_figure_is_the_true_count_or_hidden_and_no_small_count_shows(known):
    d, counted = known
    release = _summary(d)
    data = evidence.as_json(evidence.summary(release))
    expected = expected_counts(counted)
    assert data["interviews"]["count"] == len(counted) == 232
    seen = 0
    for table in data["tables"]:
        for row in table["rows"]:
            true = expected.get((table["name"], row["code"]), 0)
            if row["count"] is not None:
                assert row["count"] == true >= 5, (table["name"], row["code"])
                seen += 1
            elif true < 5:
                assert row["shown"] == "fewer than 5"
            else:
                assert row["shown"] == "not shown"
        assert table["total"]["count"] in (None, len(counted))
    assert seen > 20  # the large groups are shown, not hidden away
    # What the complaint needs most is there: the big forces and crimes, the outcomes.
    shown = {(t["name"], r["code"]): r["count"] for t in data["tables"] for r in t["rows"]}
    assert shown[("force", "metropolitan")] == 73
    assert shown[("crime", "domestic_abuse")] == 119
    assert shown[("outcomes", "immigration_action")] == expected[("outcomes", "immigration_action")]


def test_interviews_without_consent_or_withdrawn_are_in_no_figure(known):
    d, counted = known
    data = evidence.as_json(evidence.summary(_summary(d)))
    forces = next(t for t in data["tables"] if t["name"] == "force")["rows"]
    for code in ("essex", "suffolk"):
        assert next(r for r in forces if r["code"] == code)["shown"] == "fewer than 5"
    assert all(r["count"] is None or r["count"] <= len(counted) for t in data["tables"] for r in t["rows"])
    assert data["interviews"]["count"] == len(counted)


def test_a_filter_shows_cells_of_the_protected_table(known):
    d, counted = known
    release = _summary(d)
    v = evidence.summary(release, evidence.Filter(crime="domestic_abuse", year="2018"))
    by_force = next(t for t in v.tables if t.name == "force")
    met = next(r for r in by_force.rows if r.code == "metropolitan")
    assert met.count == 40 and met.label == force_by_code("metropolitan").name
    assert v.total.count == 65
    assert {r.count for r in by_force.rows if r.count is not None} <= {40, 25}
    assert v.unavailable  # breakdowns by role etc. are not shown with a filter
    with pytest.raises(Refused, match="choose one from the list"):
        evidence.summary(release, evidence.Filter(crime="arson"))


def test_percentages_come_from_shown_figures_only(known):
    d, _counted = known
    for t in evidence.summary(_summary(d)).tables:
        for r in t.rows:
            assert (r.percent is None) or (r.count is not None and t.total.count is not None)
            if r.percent is not None:
                assert r.percent == round(100 * r.count / t.total.count, 1)


def test_the_csv_holds_the_same_figures(known, tmp_path):
    d, counted = known
    v = evidence.summary(_summary(d))
    path = evidence.write_csv(v, tmp_path / "totals.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    expected = expected_counts(counted)
    assert rows[0]["table"] == "interviews" and rows[0]["count"] == str(len(counted))
    for row in rows[1:]:
        if row["code"] == "total":
            assert row["count"] in ("", str(len(counted)))
        elif row["count"]:
            assert int(row["count"]) == expected[(row["table"], row["code"])] >= 5
        else:
            assert row["shown"] in ("fewer than 5", "not shown")
        assert row["shown"] not in {str(i) for i in range(1, 5)}
    crime_labels = {r["label"] for r in rows if r["table"] == "crime"}
    assert set(CRIME_LABELS.values()) <= crime_labels


def test_the_csv_is_never_written_into_a_vault_nor_over_a_file_unasked(known, tmp_path):
    d, _counted = known
    v = evidence.summary(_summary(d))
    with pytest.raises(DestinationRefused):
        evidence.write_csv(v, d / "keyslot.json", overwrite=True)
    target = tmp_path / "t.csv"
    target.write_text("keep")
    with pytest.raises(DestinationExists):
        evidence.write_csv(v, target)
    assert target.read_text() == "keep"
    evidence.write_csv(v, target, overwrite=True)
    assert target.read_bytes().startswith("\ufeff".encode())


def test_a_threshold_below_three_is_refused_and_a_higher_one_hides_more(known):
    from desktop.vault import Vault

    d, counted = known
    v = Vault.unlock(d, PASSPHRASE)
    try:
        with pytest.raises(Refused, match="3 or more"):
            evidence.summarise(v, threshold=2)
        high = evidence.as_json(evidence.summary(evidence.summarise(v, threshold=30)))
    finally:
        v.lock()
    for t in high["tables"]:
        for r in t["rows"]:
            assert r["count"] is None or r["count"] >= 30
    assert high["interviews"]["count"] == len(counted)
    assert next(r for r in high["tables"][0]["rows"] if r["code"] == "kent")["shown"] == "45"


def test_the_narrow_read_agrees_with_the_records(known):
    """evidence_rows() with the consent rule gives exactly what reading every record whole and
    asking has_consent(COMPLAINT) gives, field by field."""
    from desktop.evidence.records import EvidenceRecord
    from desktop.vault import Vault

    d, counted = known
    v = Vault.unlock(d, PASSPHRASE)
    try:
        whole = [iv for iv in (v.interviews.get(i) for i in v.interviews.ids()) if iv.has_consent(ConsentUse.COMPLAINT)]
        narrow = evidence.records(v)
    finally:
        v.lock()
    assert narrow == [
        EvidenceRecord(iv.force, iv.crime_type, iv.role, (iv.reported_on.year, iv.reported_on.month),
                       iv.asked_about_status, iv.immigration_enforcement_contacted, iv.fear_delayed_reporting,
                       iv.status_used_as_threat, frozenset(iv.outcomes))
        for iv in whole
    ]
    assert len(narrow) == len(counted)


def test_a_consent_withdrawn_in_the_vault_leaves_every_figure(tmp_path):
    v = new_vault(tmp_path / "v")
    try:
        ids = v.interviews.add_many([_interview(i, "kent", CrimeType.OTHER, 2020, "yes") for i in range(12)])
        before = evidence.as_json(evidence.summary(evidence.summarise(v)))
        v.interviews.withdraw_consent(ids[0], ConsentUse.COMPLAINT, date(2024, 1, 1), "worker")
        after = evidence.as_json(evidence.summary(evidence.summarise(v)))
    finally:
        v.lock()
    assert (before["interviews"]["count"], after["interviews"]["count"]) == (12, 11)
    forces = next(t for t in after["tables"] if t["name"] == "force")
    assert next(r for r in forces["rows"] if r["code"] == "kent")["count"] == 11


def _cli(argv, app_paths, capsys):
    ctx = Context(paths=app_paths, stdin=io.StringIO(), stdout=sys.stdout, stderr=sys.stderr)
    code = run(argv, ctx)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_report_command(known, app_paths, capsys, tmp_path):
    d, counted = known
    opts = ["--vault", str(d), "--passphrase-file", str(d.parent / "pass")]
    code, out, err = _cli(["report", "--json", "--csv", str(tmp_path / "r.csv"), *opts], app_paths, capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["interviews"]["count"] == len(counted) and data["csv"].endswith("r.csv")
    code, out, err = _cli(["report", "--crime", "domestic_abuse", "--police-force", "kent", *opts], app_paths, capsys)
    assert code == 0 and "Interviews counted: 25" in out
    code, out, err = _cli(["report", "--threshold", "2", *opts], app_paths, capsys)
    assert code == 2 and "--threshold" in err
    code, out, err = _cli(["report", "--police-force", "atlantis", *opts], app_paths, capsys)
    assert code == 1 and "atlantis" not in err and "choose one from the list" in err
    code, out, err = _cli(["report", "--csv", str(tmp_path / "r.csv"), *opts], app_paths, capsys)
    assert code == 1 and "--force" in err


def test_the_commands_use_the_threshold_chosen_on_the_totals_screen(app_paths, capsys, tmp_path):
    v = new_vault(tmp_path / "v")
    try:
        v.interviews.add_many([_interview(i, "kent", CrimeType.OTHER, 2020, "yes") for i in range(6)])
        evidence.set_threshold(v, 7)
    finally:
        v.lock()
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    opts = ["--vault", str(tmp_path / "v"), "--passphrase-file", str(tmp_path / "pass")]
    code, out, err = _cli(["report", "--json", *opts], app_paths, capsys)
    assert code == 0, err
    chosen = json.loads(out)
    assert chosen["threshold"] == 7 and chosen["interviews"]["shown"] == "fewer than 7"
    code, out, err = _cli(["report", "--json", "--threshold", "5", *opts], app_paths, capsys)
    assert code == 0, err
    assert json.loads(out)["threshold"] == 5 and json.loads(out)["interviews"]["count"] == 6


def test_a_vault_with_fewer_interviews_than_the_threshold_shows_no_count(tmp_path):
    v = new_vault(tmp_path / "v")
    try:
        v.interviews.add_many([_interview(i, "kent", CrimeType.OTHER, 2020, "yes") for i in range(3)])
        data = evidence.as_json(evidence.summary(evidence.summarise(v)))
    finally:
        v.lock()
    assert data["interviews"]["shown"] == "fewer than 5"
    assert all(r["count"] is None for t in data["tables"] for r in t["rows"])
