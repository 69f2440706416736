"""The summary PDF over a real vault of a few hundred named interviews with known counts: every
figure in its text is the true count of its group or the words for a hidden one, no count from 1
to the threshold shows, interviews without consent (or with it withdrawn) are in no figure and no
list, and the leak gate passes it with every identifier recorded in the vault (and refuses one
that holds a name)."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pypdf
import pytest

from desktop.core.forces import FORCES
from desktop.evidence.views import Figure, Table
from desktop.reports.leak_gate import LeakDetected, fold
from desktop.reports.summary import BackingStatement, SummaryContent, is_summary_literal, render_checked
from desktop.services import evidence
from desktop.vault import Vault
from tests.evidence_vaults import expected_counts, known_interviews, person_name
from tests.factories import new_vault
from tests.pdf_tools import pdftotext

MADE_ON = date(2026, 12, 15)  # a day of the month that is no small count
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    """The vault, the interviews counted, those not counted, and the summary PDF written from the vault."""
    root = tmp_path_factory.mktemp("summary")
    counted, others = known_interviews()
    v = new_vault(root / "vault")
    try:
        v.interviews.add_many(counted + others)
        release = evidence.summarise(v)
        view = evidence.summary(release)
        backing = evidence.backing_statements(v)
        path = evidence.write_summary(v, view, root / "summary.pdf", statements=backing, made_on=MADE_ON)
        protected = evidence.protected_values(v)
    finally:
        v.lock()
    data = path.read_bytes()
    return {"root": root, "counted": counted, "others": others, "view": view, "backing": backing, "data": data,
            "text": pdftotext(data, "-layout"), "protected": protected}


def _shown(true: int) -> set[str]:
    """What a figure whose true count is ``true`` may read."""
    return {str(true), "not shown"} if true >= 5 else {"fewer than 5", "not shown"}


def test_every_force_figure_in_the_pdf_is_its_true_count_or_hidden(summary):
    text, expected = summary["text"], expected_counts(summary["counted"])
    names = sorted((f.name for f in FORCES), key=len, reverse=True)
    checked = 0
    for f in FORCES:
        longer = [n for n in names if n != f.name and n.endswith(f.name)]
        lines = [ln for ln in text.splitlines() if re.search(rf"(?:^|\s){re.escape(f.name)}\s{{2,}}\S", ln)
                 and not any(n in ln for n in longer)]
        assert len(lines) >= 2, f.name  # its bar in the chart and its row in the table
        for ln in lines:
            after = ln.split(f.name, 1)[1].strip()
            value = "fewer than 5" if after.startswith("fewer than 5") else (
                "not shown" if after.startswith("not shown") else after.split()[0])
            assert value in _shown(expected[("force", f.code)]), (f.name, ln)
            checked += 1
    assert checked >= 2 * len(FORCES)
    assert re.search(r"Metropolitan Police Service\s+73\b", text)
    assert re.search(r"Dorset Police\s+.*fewer than 5", text)


def test_every_month_and_one_way_figure_in_the_pdf_is_its_true_count_or_hidden(summary):
    text, expected = summary["text"], expected_counts(summary["counted"])
    months = re.findall(rf"({_MONTHS}) (20\d\d)\s+(fewer than 5|not shown|\d+)(?!\.)", text)
    assert len(months) >= 12 * 3
    for month, year, shown in months:
        code = f"{year}-{_MONTHS.split('|').index(month) + 1:02d}"
        assert shown in _shown(expected[("period", code)]), (month, year, shown)
    for table in summary["view"].tables:
        for row in table.rows:
            if table.name in ("force", "period"):
                continue
            true = expected.get((table.name, row.code), 0)
            assert row.text(5) in _shown(true)
            pattern = rf"{re.escape(row.label)}\s+{re.escape(row.text(5))}(?:\s|$)"
            assert re.search(pattern, text), (table.name, row.label)
    assert re.search(r"Interviews counted\s+232\b", text)
    action = expected[("outcomes", "immigration_action")]
    share = f"{round(100 * action / 232, 1):g}"
    assert re.search(rf"Immigration action\s+{action} of 232 \({re.escape(share)}%\)", text)  # of published figures


def test_no_count_from_1_to_the_threshold_shows_anywhere_in_the_pdf(summary):
    text = re.sub(r"Page \d+ of \d+", " ", summary["text"])
    text = re.sub(r"\b\d+(?:\.\d+)?%", " ", text)  # shares are percentages, never counts
    # a listed statement's short fingerprint is hexadecimal, never a count (a group such as "0003"
    # made this test fail at random): each reference with its four groups goes
    text = re.sub(r"WB-[0-9A-Z]{4}-[0-9A-Z]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}", " ", text)
    tokens = re.findall(r"(?<![\w.\-])\d+(?![\w.\-])", text)
    assert tokens  # the figures are there
    assert not [t for t in tokens if 1 <= int(t) <= 4], "a small count is printed"
    assert "fewer than 5" in text


def test_interviews_without_consent_or_withdrawn_are_in_no_figure_and_no_list(summary, tmp_path):
    counted, others = summary["counted"], summary["others"]
    listed = {b.reference for b in summary["backing"]}
    assert listed == {iv.reference for iv in counted}
    text = summary["text"]
    for iv in others:
        assert iv.reference not in text
    for iv in counted[:25]:
        assert iv.reference in text
    assert re.search(r"Essex Police\s+fewer than 5", text) and re.search(r"Suffolk Constabulary\s+fewer than 5", text)


def test_the_pdf_passes_the_gate_with_every_identifier_and_holds_none(summary):
    protected = summary["protected"]
    names = {person_name(i) for i in range(len(summary["counted"]) + len(summary["others"]))}
    assert names <= set(protected) and len(protected) >= 2 * len(names)
    text = fold(summary["text"])
    for value in protected:
        if value in ("Kent", "Page", "Victim", "Total"):  # words the summary prints as its own
            continue
        assert fold(value) not in text
    reader = pypdf.PdfReader(io.BytesIO(summary["data"]))
    assert not reader.outline and reader.metadata.title == "Evidence summary" and not reader.metadata.author
    fonts = {str(f) for p in reader.pages for f in p["/Resources"]["/Font"].values()
             for f in [f.get_object()["/BaseFont"]]}
    assert fonts and all("Noto" in f for f in fonts)  # every font embedded, none a standard one


def test_the_gate_refuses_a_summary_that_holds_a_name(summary):
    view = summary["view"]
    name = person_name(7)
    leaked = Table("force", "Police force", (Figure("x", name, "published", 12),), view.total)
    bad = SummaryContent(view.__class__(view.threshold, view.filter, view.total, (leaked, *view.tables[1:]),
                                        view.unavailable, view.method), MADE_ON)
    assert not is_summary_literal(name) and is_summary_literal("Kent Police") and is_summary_literal("fewer than 5")
    for number in ("07700 900123", "943 476 5919", "K4100007", "OL11 3AB", "12 Acacia Avenue"):
        assert not is_summary_literal(number), number  # identifiers are never the summary's own wording
    for drawn in ("73", "20.3%", "47 of 232 (20.3%)", "15 December 2026", "March 2018", "WB-7KQ3-M9XD",
                  "1A2B 3C4D 5E6F 7A8B", "Page 3 of 9", "Reports made in 2015 to 2024"):
        assert is_summary_literal(drawn), drawn
    with pytest.raises(LeakDetected):
        render_checked(bad, [name])
    # a recorded word that is also the summary's own ("Kent" of Kent Police) is no leak where the summary drew it
    good = SummaryContent(view, MADE_ON, (BackingStatement("WB-AAAA-BBBB", "ab" * 32),))
    _data, report = render_checked(good, ["Kent", "Greater", "Page", name])
    assert report.items == 4


def test_the_command_writes_the_pdf_and_the_csv_with_the_same_figures(summary, cli):
    v = Vault.unlock(cli.vault, "correct horse battery")
    try:
        v.interviews.add_many(summary["counted"][:120])
    finally:
        v.lock()
    out, csv_path = cli.vault.parent / "summary.pdf", cli.vault.parent / "tables.csv"
    code, stdout, err = cli("report", "--out", str(out), "--csv", str(csv_path), "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["pdf"] == str(out) and data["csv"] == str(csv_path)
    text = pdftotext(out.read_bytes(), "-layout")
    assert re.search(rf"Interviews counted\s+{data['interviews']['count']}\b", text)
    for table in data["tables"]:
        if table["name"] == "force":
            for row in table["rows"]:
                assert re.search(rf"{re.escape(row['label'])}\s+{re.escape(row['shown'])}(?:\s|$)", text)
    code, _out, err = cli("report", "--out", str(out))
    assert code == 1 and "already there" in err


def _word_boxes(data: bytes) -> list[tuple[float, float, tuple[int, float], str]]:
    """Each word's left and right edge, its line (page and top, so that lines of two pages at the same
    height are not taken for one) and its text."""
    html = pdftotext(data, "-bbox")
    return [(float(a), float(b), (page, float(y)), w) for page, body in enumerate(html.split("<page ")[1:])
            for a, y, b, w in
            re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', body)]


def test_the_statement_list_reads_each_reference_with_its_fingerprint_whatever_its_letters(summary):
    # A reference in wide letters ("WB-WMWM-MWMW") is a third wider than one in narrow letters ("WB-JLJL-2J3L").
    # Each must be read with its own fingerprint, by a person and by pdftotext, never run into it, and a
    # fingerprint never into the next column's reference.
    wide, narrow = "WMQNHDG8", "JL23457F"
    refs = [f"WB-{wide[i % 8]}W{wide[(i * 3) % 8]}M-MW{wide[(i * 5) % 8]}W" if i % 2 else
            f"WB-{narrow[i % 8]}J{narrow[(i * 3) % 8]}L-2J{narrow[(i * 5) % 8]}L" for i in range(90)]
    refs[0], refs[1] = "WB-WWWW-WWWW", "WB-JJJJ-JJJJ"
    backing = tuple(BackingStatement(r, f"{i:02x}" * 32) for i, r in enumerate(refs))
    data, _report = render_checked(SummaryContent(summary["view"], MADE_ON, backing), [])
    text = " ".join(pdftotext(data).split())
    for b in backing:
        assert f"{b.reference} {b.short}" in text
    by_line: dict[tuple[int, float], list[tuple[float, float, str]]] = {}
    for x0, x1, (page, y), w in _word_boxes(data):
        by_line.setdefault((page, round(y, 1)), []).append((x0, x1, w))
    followed = 0
    for words in by_line.values():
        words.sort()
        for (_a0, a1, aw), (b0, _b1, bw) in zip(words, words[1:], strict=False):
            if aw in refs:
                followed += 1
                assert b0 - a1 >= 3, (aw, bw)  # a visible gap between a reference and its fingerprint
            elif re.fullmatch(r"[0-9A-F]{4}", aw) and bw in refs:
                assert b0 - a1 >= 8, (aw, bw)  # and a wider one before the next column's reference
    assert followed == len(refs)


def test_a_few_dozen_interviews_over_years_are_charted_by_year_as_in_the_window(tmp_path):
    """Sixty interviews over five years leave every month under 5: the summary's month chart was a row
    of pale marks with no bar (the window had already moved to years for the same figures). The PDF
    draws the years then, says why, and its shares read with one decimal as the window writes them."""
    from desktop.core.model import Consent, ConsentUse, CrimeType, Interview, Role, YearMonth

    def interview(n: int) -> Interview:
        agreed = Consent(ConsentUse.COMPLAINT, True, date(2021, 1, 1), "worker")
        return Interview(interviewed_on=date(2021, 3, 1), role=list(Role)[n % 3], crime_type=CrimeType.DOMESTIC_ABUSE,
                         force="kent", reported_on=YearMonth(2021 + n % 5, 1 + n % 12), statement=f"Statement {n}",
                         consent={ConsentUse.COMPLAINT: agreed})  # fmt: skip

    v = new_vault(tmp_path / "vault")
    try:
        v.interviews.add_many([interview(n) for n in range(60)])
        view = evidence.summary(evidence.summarise(v))
        path = evidence.write_summary(v, view, tmp_path / "summary.pdf", made_on=MADE_ON)
    finally:
        v.lock()
    months = next(t for t in view.tables if t.name == "period")
    assert all(f.status != "published" for f in months.rows), "the case: no month reaches 5"
    text = pdftotext(path.read_bytes(), "-layout")
    assert "Reports by year (most months have fewer than 5)" in text and "Reports by month" not in text
    years = [f for t in view.tables if t.name == "year" for f in t.rows if f.code.isdigit()]
    assert sum(f.status == "published" for f in years) == 5
    for f in years:  # each year's bar and its count, or the words for a small one
        assert re.search(rf"(?m)^\s*{f.label}\s+{re.escape(f.text(5))}\s*$", text), f.label
    assert not re.search(r"\(\d+%\)", text)  # a share never drops its decimal beside one that has it
