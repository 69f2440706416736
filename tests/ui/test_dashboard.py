"""The totals dashboard over a real vault with known counts: every figure it shows is the true count
of its group, no count below the threshold shows anywhere (label, table cell, chart, tooltip),
filters combine, it counts again after a save and forgets everything on lock, the CSV is the
service's, and it fits the default window with every police force's name whole."""

from __future__ import annotations

import re
from datetime import date

import pytest

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QToolTip

from desktop.core.forces import FORCES
from desktop.core.model import Answer, Consent, ConsentUse, CrimeType, Interview, Outcome, Role, YearMonth
from desktop.evidence.protect import PUBLISHED, SMALL
from desktop.evidence.records import AXIS_INDEX, YES, EvidenceRecord, as_tuple
from desktop.services import evidence
from desktop.ui.dashboard import DashboardPage
from desktop.ui.workers import TaskRunner
from tests.factories import new_vault
from tests.ui.driving import LEFT, FakeThreadPool, HeldThreadPool, add_interview, create_vault, unnamed_controls

DA, SV, MS = CrimeType.DOMESTIC_ABUSE, CrimeType.SEXUAL_VIOLENCE, CrimeType.MODERN_SLAVERY
# (force, crime, year, how many) consented; then groups never counted.
GROUPS = [
    ("metropolitan", DA, 2018, 40),
    ("metropolitan", DA, 2019, 12),
    ("metropolitan", SV, 2019, 30),
    ("kent", DA, 2018, 25),
    ("kent", MS, 2020, 20),
    ("west-midlands", CrimeType.OTHER_VIOLENCE, 2019, 35),
    ("cumbria", MS, 2018, 2),
    ("dorset", CrimeType.THEFT_FRAUD, 2020, 1),
]
UNCOUNTED = [("essex", DA, 2018, 10, "none"), ("suffolk", CrimeType.HATE_CRIME, 2019, 4, "withdrawn")]


def _interview(n: int, force: str, crime: CrimeType, year: int, consent: str = "yes") -> Interview:
    c = {}
    if consent in ("yes", "withdrawn"):
        c[ConsentUse.COMPLAINT] = Consent(
            ConsentUse.COMPLAINT,
            True,
            date(2021, 1, 1),
            "worker",
            withdrawn_on=date(2022, 1, 1) if consent == "withdrawn" else None,
        )
    return Interview(
        interviewed_on=date(2021, 3, 1),
        role=list(Role)[n % 3],
        crime_type=crime,
        force=force,
        reported_on=YearMonth(year, 1 + n % 12),
        statement=f"Statement {n}",
        consent=c,
        asked_about_status=[Answer.YES, Answer.NO][n % 2],
        outcomes=[Outcome.IMMIGRATION_ACTION] if n % 4 == 0 else [],
        fear_delayed_reporting=Answer.YES,
        status_used_as_threat=Answer.NO if n % 7 else Answer.YES,
    )


@pytest.fixture
def known(tmp_path):
    """An unlocked vault and the coded facts of every interview that must be counted."""
    counted, others = [], []
    n = 0
    for force, crime, year, k in GROUPS:
        for _ in range(k):
            counted.append(_interview(n, force, crime, year))
            n += 1
    for force, crime, year, k, consent in UNCOUNTED:
        for _ in range(k):
            others.append(_interview(n, force, crime, year, consent))
            n += 1
    v = new_vault(tmp_path / "vault")
    v.interviews.add_many(counted + others)
    facts = [
        as_tuple(
            EvidenceRecord(
                iv.force,
                iv.crime_type,
                iv.role,
                (iv.reported_on.year, iv.reported_on.month),
                iv.asked_about_status,
                iv.immigration_enforcement_contacted,
                iv.fear_delayed_reporting,
                iv.status_used_as_threat,
                frozenset(iv.outcomes),
            )
        )
        for iv in counted
    ]
    yield v, facts
    v.lock()


def _truth(facts, **coords: str) -> int:
    return sum(all(t[AXIS_INDEX[a]] == val for a, val in coords.items()) for t in facts)


@pytest.fixture
def page(qtbot, known):
    p = DashboardPage(TaskRunner(FakeThreadPool()))
    qtbot.addWidget(p)
    p.resize(1100, 650)
    p.show()
    qtbot.waitExposed(p)
    p.attach(known[0])
    qtbot.waitUntil(lambda: p.view is not None)
    return p


def _select(combo, data) -> None:
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)


def _check_every_figure(page: DashboardPage, facts) -> int:
    """Each table cell says what the view says, and each published figure is the true count."""
    view, n = page.view, page.view.threshold
    coords = view.filter.coords()
    published = 0
    assert page.headline.text() == f"Interviews counted: {view.total.text(n)}"
    assert view.total.status != PUBLISHED or view.total.count == _truth(facts, **coords)
    for t in view.tables:
        for f in t.rows:
            if t.name == "outcomes":
                true = _truth(facts, **coords, **{f"outcome:{f.code}": YES})
            else:
                true = _truth(facts, **coords, **{t.name: f.code})
            if f.status == PUBLISHED:
                assert f.count == true >= n, (t.name, f.code)
                published += 1
            elif f.status == SMALL:
                assert 0 <= true < n, (t.name, f.code)
        if t.name == "period":
            continue
        table = page.tables[t.name]
        shown = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
        assert shown == [(f.label, f.text(n)) for f in (*t.rows, t.total)]
    return published


def test_the_dashboard_shows_the_true_counts_of_consented_interviews_only(page, known):
    v, facts = known
    assert len(facts) == 165
    assert page.headline.text() == "Interviews counted: 165"  # the 14 without consent, or withdrawn, are not
    assert _check_every_figure(page, facts) > 20
    bars = {m.label: m for m in page.force_chart.marks}
    assert len(bars) == len(FORCES)  # every force has its bar, counted or not
    assert bars["Metropolitan Police Service"].text == "82" and bars["Metropolitan Police Service"].value == 82
    assert bars["Cumbria Constabulary"].text == "fewer than 5" and bars["Cumbria Constabulary"].value is None
    assert bars["Essex Police"].text == "fewer than 5"  # its ten interviews have no consent
    # the share followed by immigration action: a published figure of the published total
    action = _truth(facts, **{"outcome:immigration_action": YES})
    assert page.share_text.text() == f"{round(100 * action / 165, 1):.1f}% of the interviews counted ({action} of 165)"


def forces_kent(page) -> str:
    """Kent's domestic abuse in 2018 as the view shows it (25, or hidden by secondary suppression)."""
    table = next(t for t in page.view.tables if t.name == "force")
    return next(f.text(page.view.threshold) for f in table.rows if f.code == "kent")


def test_filters_combine(page, known):
    v, facts = known
    _select(page.crime_filter, DA.value)
    _select(page.force_filter, "metropolitan")
    assert page.headline.text() == "Interviews counted: 52"
    years = {f.code: f.text(5) for f in next(t for t in page.view.tables if t.name == "year").rows}
    assert years["2018"] == "40" and years["2019"] == "12"
    _select(page.year_filter, "2018")
    assert page.headline.text() == "Interviews counted: 40"
    assert page.view.filter == evidence.Filter(force="metropolitan", crime=DA.value, year="2018")
    _check_every_figure(page, facts)
    _select(page.force_filter, "kent")  # 25, unless hidden so that a small cell cannot be worked out
    assert page.headline.text() in ("Interviews counted: 25", "Interviews counted: not shown")
    assert page.view.filter == evidence.Filter(force="kent", crime=DA.value, year="2018")
    _check_every_figure(page, facts)
    _select(page.force_filter, None)  # domestic abuse in 2018, every force
    assert page.headline.text() == "Interviews counted: 65"
    forces = {m.label: m.text for m in page.force_chart.marks}
    assert forces["Metropolitan Police Service"] == "40" and forces["Kent Police"] == forces_kent(page)
    _check_every_figure(page, facts)
    page.clear_button.click()
    assert page.headline.text() == "Interviews counted: 165"


_COUNT = re.compile(r"(?<![\d.\-:])\d+(?![\d.%\-:])")


def _small_counts_in(text: str, n: int) -> list[str]:
    """Whole numbers from 1 to n-1 in ``text`` that could be a count (not a year, month, percent or
    the threshold in 'fewer than n')."""
    text = text.replace(f"fewer than {n}", "")
    return [m for m in _COUNT.findall(text) if 1 <= int(m) < n]


def _everything_shown(page: DashboardPage) -> list[str]:
    out = []
    for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        out += [w.text(), w.toolTip(), w.accessibleDescription()]
    for table in page.tables.values():
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                out += [item.text(), item.toolTip()]
    for chart in (page.force_chart, page.crime_chart, page.timeline):
        out += [m.text for m in chart.marks] + [m.tooltip for m in chart.marks]
        out.append(chart.accessibleDescription())
    out += [page.share.toolTip(), page.share.accessibleDescription()]
    return out


@pytest.mark.parametrize("threshold", [5, 7])
def test_no_count_below_the_threshold_shows_anywhere(qtbot, page, threshold):
    page.threshold.setValue(threshold)
    qtbot.waitUntil(lambda: page.view is not None and page.view.threshold == threshold)
    filters = [
        (None, None, None),
        (DA.value, None, None),
        (DA.value, "metropolitan", None),
        (MS.value, None, "2018"),
        (None, "cumbria", None),
        (None, "dorset", "2020"),
        (None, None, "2020"),
    ]
    for crime, force, year in filters:
        _select(page.crime_filter, crime)
        _select(page.force_filter, force)
        _select(page.year_filter, year)
        for tab in (0, 1):
            page.tabs.setCurrentIndex(tab)
            qtbot.wait(1)
            leaks = [t for t in _everything_shown(page) if _small_counts_in(t, threshold)]
            assert leaks == [], (crime, force, year, leaks)
    # and the tooltip a mouse gets over each bar, through Qt's own tooltip event
    _select(page.crime_filter, None)
    _select(page.force_filter, None)
    _select(page.year_filter, None)
    page.tabs.setCurrentIndex(0)
    chart = page.force_chart
    small = 0
    for n, mark in enumerate(chart.marks):
        pos = chart.row_rect(n).center()
        chart.event(QHelpEvent(QEvent.Type.ToolTip, pos, chart.mapToGlobal(pos)))
        assert QToolTip.text() == mark.tooltip
        assert not _small_counts_in(QToolTip.text(), threshold)
        small += mark.text == f"fewer than {threshold}"
        if mark.value is None:  # no length for what is not published: one stub for a small group, else none
            assert chart.bar_rect(n).width() == (chart.fontMetrics().height() if mark.small else 0)
    assert small >= 3  # Cumbria, Dorset, Essex at least (and every force with nobody)
    QToolTip.hideText()


def test_a_small_group_is_drawn_the_same_whatever_it_holds(page):
    """Cumbria (2) and Dorset (1) and a force with nobody: one stub each, all the same width."""
    chart = page.force_chart
    rows = {m.label: n for n, m in enumerate(chart.marks)}
    widths = {
        chart.bar_rect(rows[name]).width()
        for name in ("Cumbria Constabulary", "Dorset Police", "Essex Police", "Lincolnshire Police")
    }
    assert len(widths) == 1 and widths.pop() > 0


def test_the_threshold_is_never_below_three_and_is_kept(page, known):
    v, _ = known
    assert page.threshold.minimum() == evidence.MIN_THRESHOLD == 3
    page.threshold.setValue(2)
    assert page.threshold.value() == 3
    assert evidence.threshold(v) == 3
    page.threshold.setValue(6)
    assert evidence.threshold(v) == 6 and page.view.threshold == 6


def test_the_csv_is_the_services_for_the_filters_shown(qtbot, known, tmp_path):
    target = tmp_path / "out" / "totals.csv"
    target.parent.mkdir()
    p = DashboardPage(TaskRunner(FakeThreadPool()), choose_csv=lambda _parent: target)
    qtbot.addWidget(p)
    p.show()
    p.attach(known[0])
    qtbot.waitUntil(lambda: p.view is not None)
    _select(p.crime_filter, DA.value)
    qtbot.mouseClick(p.export_button, LEFT)
    assert target.read_bytes() == evidence.views.to_csv(evidence.summary(p.release, evidence.Filter(crime=DA.value)))
    assert "totals.csv" in p.status.text()


def test_it_counts_again_after_a_save_and_forgets_on_lock(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    window.vault.interviews.add_many([_interview(i, "west-midlands", MS, 2026) for i in range(12)])
    qtbot.mouseClick(window.totals_button, LEFT)
    dash = window.dashboard
    assert window.workspace.currentWidget() is dash
    qtbot.waitUntil(lambda: dash.headline.text() == "Interviews counted: 12")
    qtbot.mouseClick(dash.back_button, LEFT)
    add_interview(qtbot, window, consent=True)  # through the form: West Midlands, modern slavery, 2026
    window.editor.closed.emit()
    qtbot.mouseClick(window.totals_button, LEFT)
    qtbot.waitUntil(lambda: dash.headline.text() == "Interviews counted: 13")
    window.lock()
    assert dash.release is None and dash.view is None and dash.headline.text() == ""
    assert dash.tables == {} and dash.force_chart.marks == () and dash.force_filter.count() == 1


def test_the_dashboard_fits_the_default_window_with_every_force_name_whole(qtbot, make_window):
    window = make_window()
    create_vault(qtbot, window)
    window.resize(1100, 720)
    window.vault.interviews.add_many([_interview(i, f.code, DA, 2020) for i, f in enumerate(FORCES) for _ in range(6)])
    qtbot.mouseClick(window.totals_button, LEFT)
    dash = window.dashboard
    qtbot.waitUntil(lambda: dash.view is not None)
    for tab, area in ((0, dash.charts_area), (1, dash.tables_area)):
        dash.tabs.setCurrentIndex(tab)
        qtbot.wait(50)
        assert not area.horizontalScrollBar().isVisible()
        assert area.widget().minimumSizeHint().width() <= area.viewport().width()
    chart = dash.force_chart
    assert len(chart.marks) == len(FORCES)
    fm = chart.fontMetrics()
    longest = max((f.name for f in FORCES), key=fm.horizontalAdvance)
    assert chart.width() >= chart.minimumSizeHint().width()
    assert chart.bar_rect(0).left() >= fm.horizontalAdvance(longest)  # the whole name fits left of the bars
    table = dash.tables["force"]
    dash.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(longest)
    assert table.horizontalHeader().length() <= table.viewport().width()
    for w in (dash.back_button, dash.export_button, dash.clear_button, dash.threshold, dash.force_filter):
        assert w.width() >= w.minimumSizeHint().width(), w.accessibleName()
        for corner in (w.rect().topLeft(), w.rect().bottomRight()):  # on the page, not cut off at its edge
            assert dash.rect().contains(w.mapTo(dash, corner)), w.accessibleName()
    assert unnamed_controls(dash) == []  # a screen reader can name every control


def test_a_change_while_counting_is_counted_after_and_a_lock_drops_what_is_still_counting(qtbot, known):
    v, facts = known
    pool = HeldThreadPool()
    p = DashboardPage(TaskRunner(pool))
    qtbot.addWidget(p)
    p.show()
    p.attach(v)
    assert p.status.text() == "Counting…" and len(pool.held) == 1
    v.interviews.add_many([_interview(1000 + i, "kent", MS, 2020) for i in range(5)])
    p.vault_changed()
    assert len(pool.held) == 1  # one count at a time: the change waits for it
    pool.held.pop(0).run()  # the first count arrives and is shown at once; then the change is counted
    assert p.headline.text() == "Interviews counted: 170"
    assert len(pool.held) == 1 and p.status.text() == "Updating…"
    pool.release()
    assert p.status.text() == "" and pool.held == []
    p.vault_changed()
    assert p.status.text() == "Updating…"
    p.detach()
    pool.release()  # what arrives after a lock is dropped
    assert p.release is None and p.headline.text() == ""


def test_a_table_hidden_without_any_filter_is_not_blamed_on_a_filter(qtbot, tmp_path):
    """Ten interviews in one group: the roles are hidden so that no small group can be worked out. With
    no filter chosen the line under the filters said "With a filter, these are shown for all interviews
    only: Role" (seen under Xvfb on the demo's totals)."""
    v = new_vault(tmp_path / "vault")
    v.interviews.add_many([_interview(n, "kent", DA, 2019) for n in range(10)])
    p = DashboardPage(TaskRunner(FakeThreadPool()))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    p.attach(v)
    qtbot.waitUntil(lambda: p.view is not None)
    assert p.current_filter() == evidence.Filter()
    assert p.view.unavailable, "the case this test is about: a table left out with no filter"
    text = p.message.text()
    assert "filter" not in text.lower()
    assert "Not shown" in text and all(title in text for title in p.view.unavailable)
    _select(p.crime_filter, DA.value)  # with a filter, the filter is what leaves them out
    assert p.view.unavailable and "With a filter" in p.message.text()
    v.lock()


def test_a_few_dozen_interviews_over_years_are_drawn_by_year_not_as_a_row_of_stubs(qtbot, tmp_path):
    """Sixty interviews over five years leave every month under 5: the month chart drew 60 pale stubs
    and no column at all (seen under Xvfb on a coordinator's vault), though every year had a count to
    show. The years are drawn then, each column the year's published count."""
    v = new_vault(tmp_path / "vault")
    v.interviews.add_many([_interview(n, "kent", [DA, SV][n % 2], 2021 + n % 5) for n in range(60)])
    p = DashboardPage(TaskRunner(FakeThreadPool()))
    qtbot.addWidget(p)
    p.resize(1100, 650)
    p.show()
    qtbot.waitExposed(p)
    p.attach(v)
    qtbot.waitUntil(lambda: p.view is not None)
    by_name = {t.name: t for t in p.view.tables}
    assert all(f.status != PUBLISHED for f in by_name["period"].rows), "the case: no month reaches 5"
    assert p.timeline.isVisible() and "by year" in p.time_title.text()
    years = {f.label: f.count for f in by_name["year"].rows if f.status == PUBLISHED and f.code.isdigit()}
    drawn = {m.label: m.value for m in p.timeline.marks if m.value is not None}
    assert drawn and drawn == years
    v.lock()


def test_the_charts_and_tables_a_keyboard_scrolls_have_names(qtbot, page):
    """Seen with Tab on the totals: the focus stopped on the charts' scrolling area (it scrolls with the
    arrow keys), which had no name, so a screen reader said nothing there. Each area the focus can
    reach says what it holds."""
    from PySide6.QtWidgets import QScrollArea

    areas = [a for a in page.findChildren(QScrollArea) if a.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert page.charts_area in areas and page.tables_area in areas
    assert all(a.accessibleName().strip() for a in areas), [a.accessibleName() for a in areas]
