"""The totals dashboard: the vault's interviews counted, charted and filtered, never pointing at a person.

What it shows is what ``desktop.services.evidence`` releases, and nothing else: on a field laptop
her own interviews, on the coordinator's everyone's imported. Every figure comes from the
protected release as its words ("45", "fewer than 5", "not shown"), in tables, chart labels,
tooltips and the CSV alike; a chart draws a length only for a published figure.

Counting and protecting run on the task pool (seconds for ten thousand interviews, and only when a
counted fact changed: :class:`~desktop.services.evidence.Summaries`); changing a filter makes a
view of the release already held, in milliseconds, on the GUI thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.evidence.protect import PUBLISHED, SMALL
from desktop.evidence.records import CRIME, FORCE, PERIOD, YEAR
from desktop.evidence.views import years_tell_more
from desktop.services import evidence
from desktop.services.errors import Refused
from desktop.ui.charts import BarChart, Mark, ShareBar, Timeline
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

FileChooser = Callable[[QWidget], Path | None]


def choose_csv_file(parent: QWidget) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, parent.tr("Save the totals as CSV"), "totals.csv", parent.tr("CSV (*.csv)")
    )
    return Path(chosen) if chosen else None


def marks(figures, threshold: int) -> list[Mark]:
    """Chart marks for figures of a view: a length only for a published figure."""
    return [
        Mark(f.label, f.text(threshold), f.count if f.status == PUBLISHED else None, f.status == SMALL) for f in figures
    ]


def _scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class DashboardPage(QWidget):
    back_requested = Signal()
    refreshed = Signal()

    def __init__(
        self, tasks: TaskRunner, *, choose_csv: FileChooser = choose_csv_file, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._tasks = tasks
        self._choose_csv = choose_csv
        self._vault = None
        self._summaries = evidence.Summaries()
        self._generation = 0
        self._running = False
        self._again = False
        self._stale = False
        self.release = None
        self.view = None
        self.last_refresh_seconds: float | None = None
        self._build()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        v = QVBoxLayout(self)
        v.setContentsMargins(16, 12, 16, 8)
        v.setSpacing(8)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Interviews"), self)
        self.back_button.setAccessibleName(self.tr("Back to the interviews"))
        self.back_button.clicked.connect(self.back_requested)
        title = QLabel(self.tr("Totals"), self)
        title.setObjectName("pagetitle")
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        title.setFont(f)
        self.status = QLabel("", self)
        self.status.setAccessibleName(self.tr("Totals status"))
        self.threshold = QSpinBox(self)
        self.threshold.setRange(evidence.MIN_THRESHOLD, 99)
        self.threshold.setValue(evidence.DEFAULT_THRESHOLD)
        self.threshold.setAccessibleName(self.tr("Smallest group shown"))
        self.threshold.setToolTip(
            self.tr(
                "Groups smaller than this are shown as 'fewer than' it (never below %n).", "", evidence.MIN_THRESHOLD
            )
        )
        self.threshold.valueChanged.connect(self._threshold_changed)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setAccessibleName(self.tr("Export the totals as CSV"))
        self.export_button.setToolTip(self.tr("The tables shown, with the same filters and the same 'fewer than'"))
        self.export_button.clicked.connect(self.export_csv)
        top.addWidget(self.back_button)
        top.addWidget(title)
        top.addWidget(self.status, 1)
        top.addWidget(QLabel(self.tr("Show groups smaller than"), self))
        top.addWidget(self.threshold)
        top.addWidget(QLabel(self.tr("as 'fewer than'"), self))
        top.addWidget(self.export_button)
        v.addLayout(top)

        filters = QHBoxLayout()
        self.crime_filter = QComboBox(self)
        self.force_filter = QComboBox(self)
        self.year_filter = QComboBox(self)
        for combo, name in (
            (self.crime_filter, self.tr("Filter the totals by crime")),
            (self.force_filter, self.tr("Filter the totals by police force")),
            (self.year_filter, self.tr("Filter the totals by year of the report")),
        ):
            combo.setAccessibleName(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.render)
            filters.addWidget(combo)
        self.clear_button = QPushButton(self.tr("All interviews"), self)
        self.clear_button.setAccessibleName(self.tr("Clear the filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        v.addLayout(filters)
        self._fill_filters()

        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setAccessibleName(self.tr("About these totals"))
        v.addWidget(self.message)

        self.tabs = QTabWidget(self)
        charts = QWidget()
        c = QVBoxLayout(charts)
        c.setContentsMargins(0, 4, 8, 8)
        head = QHBoxLayout()
        self.headline = QLabel("", charts)
        self.headline.setProperty("role", "heading")
        self.headline.setAccessibleName(self.tr("Interviews counted"))
        head.addWidget(self.headline)
        head.addStretch(1)
        c.addLayout(head)
        self.share_title = QLabel(self.tr("Reports followed by immigration action"), charts)
        self.share = ShareBar(self.tr("Share of reports followed by immigration action"), charts)
        self.share_text = QLabel("", charts)
        self.share_text.setWordWrap(True)
        c.addWidget(self.share_title)
        c.addWidget(self.share)
        c.addWidget(self.share_text)
        self.force_title = QLabel(self.tr("Interviews by police force"), charts)
        self.force_chart = BarChart(self.tr("Interviews by police force"), charts)
        self.time_title = QLabel("", charts)
        self.timeline = Timeline(self.tr("Interviews over time"), charts)
        self.crime_title = QLabel(self.tr("Interviews by crime reported"), charts)
        self.crime_chart = BarChart(self.tr("Interviews by crime reported"), charts)
        for w in (
            self.time_title,
            self.timeline,
            self.force_title,
            self.force_chart,
            self.crime_title,
            self.crime_chart,
        ):
            c.addWidget(w)
        self.key = QLabel("", charts)
        self.key.setWordWrap(True)
        c.addWidget(self.key)
        c.addStretch(1)
        for t in (self.share_title, self.force_title, self.time_title, self.crime_title):
            t.setProperty("role", "heading")
            tf = t.font()
            tf.setBold(True)
            t.setFont(tf)
        self.tables_page = QWidget()
        self.tables_grid = QGridLayout(self.tables_page)
        self.tables_grid.setContentsMargins(0, 4, 8, 8)
        self.tables: dict[str, QTableWidget] = {}
        self._titles: list[QLabel] = []
        self.charts_area = _scrolling(charts, self.tabs)
        self.tables_area = _scrolling(self.tables_page, self.tabs)
        self.tabs.addTab(self.charts_area, self.tr("Charts"))
        self.tabs.addTab(self.tables_area, self.tr("Tables"))
        # Tab stops (they scroll with the arrow keys): named, so a screen reader says what is there.
        self.charts_area.setAccessibleName(self.tr("Charts of the totals"))
        self.tables_area.setAccessibleName(self.tr("Tables of the totals"))
        v.addWidget(self.tabs, 1)

    def _fill_filters(self) -> None:
        """The filter lists from the release held (every force, crime and year it counts by)."""
        chosen = self.current_filter()
        lists = (
            (self.crime_filter, CRIME, self.tr("All crimes"), chosen.crime),
            (self.force_filter, FORCE, self.tr("All police forces"), chosen.force),
            (self.year_filter, YEAR, self.tr("All years"), chosen.year),
        )
        for combo, axis, everything, current in lists:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            if self.release is not None:
                ax = self.release.axes[axis]
                for value in ax.values:
                    combo.addItem(ax.labels[value], value)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)

    # --- the vault ------------------------------------------------------------------------

    def attach(self, vault) -> None:
        self.detach()
        self._vault = vault
        self.threshold.blockSignals(True)
        self.threshold.setValue(evidence.threshold(vault))
        self.threshold.blockSignals(False)
        self._stale = True
        if self.isVisible():
            self.refresh()

    def detach(self) -> None:
        """Forget everything counted (on lock): what arrives from a task started before is dropped."""
        self._generation += 1
        self._vault = None
        self._summaries = evidence.Summaries()
        self._running = self._again = False
        self.release = self.view = None
        self.status.setText("")
        self._say("")
        self._fill_filters()
        self._show(None)

    def vault_changed(self) -> None:
        """Something was saved, deleted or imported: count again now if shown, else when next shown."""
        if self._vault is None:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale and self._vault is not None:
            self.refresh()

    def refresh(self) -> None:
        """Count and protect on the task pool (again only if what is counted changed), then show."""
        if self._vault is None:
            return
        self._stale = False
        if self._running:
            self._again = True
            return
        self._running = True
        generation, vault, summaries, n = self._generation, self._vault, self._summaries, self.threshold.value()
        started = time.perf_counter()
        self.status.setText(self.tr("Counting…") if self.release is None else self.tr("Updating…"))
        self._tasks.run_task(
            lambda: summaries.summarise(vault, threshold=n),
            lambda release: self._arrived(generation, release, started),
            lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, release, started: float) -> None:
        if generation != self._generation:
            return
        self._running = False
        self.release = release
        self._fill_filters()
        self.render()
        self.last_refresh_seconds = time.perf_counter() - started
        self.status.setText("")
        self.refreshed.emit()
        if self._again:  # the vault changed while counting: once more (this release is shown meanwhile)
            self._again = False
            self.refresh()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._running = False
        log.error("counting the totals failed: %s", type(exc).__name__)
        self.status.setText("")
        self._say(
            str(exc)
            if isinstance(exc, Refused)
            else self.tr(
                "The totals could not be counted: the vault could not be read. Lock Witnessbox and unlock it again; "
                "if this happens again, restore the last backup."
            )
        )

    def _threshold_changed(self, value: int) -> None:
        if self._vault is None:
            return
        try:
            evidence.set_threshold(self._vault, value)
        except Refused as exc:
            self._say(str(exc))
            return
        self.refresh()

    # --- showing --------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        """The line under the filters: why a filter is refused, what a filter leaves out (hidden when empty)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def current_filter(self) -> evidence.Filter:
        return evidence.Filter(
            force=self.force_filter.currentData(),
            crime=self.crime_filter.currentData(),
            year=self.year_filter.currentData(),
        )

    def clear_filters(self) -> None:
        for combo in (self.crime_filter, self.force_filter, self.year_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.render()

    def render(self) -> None:
        """Show the view of the release held for the filters chosen."""
        if self.release is None:
            self._show(None)
            return
        try:
            self.view = evidence.summary(self.release, self.current_filter())
        except Refused as exc:
            self.view = None
            self._show(None)
            self._say(str(exc))
            return
        self._show(self.view)

    def _show(self, view) -> None:
        self.export_button.setEnabled(view is not None)
        for table in self.tables.values():
            self.tables_grid.removeWidget(table)
            table.deleteLater()
        for label in self._titles:
            self.tables_grid.removeWidget(label)
            label.deleteLater()
        self.tables, self._titles = {}, []
        if view is None:
            self.headline.setText("")
            for chart in (self.force_chart, self.crime_chart, self.timeline):
                chart.set_marks([])
            self.share.set_share(None, "")
            self.share_text.setText("")
            self.key.setText("")
            return
        n = view.threshold
        by_name = {t.name: t for t in view.tables}
        self.headline.setText(self.tr("Interviews counted: %1").replace("%1", view.total.text(n)))
        notes = []
        if view.unavailable and view.filter.coords():
            notes.append(
                self.tr("With a filter, these are shown for all interviews only: %1.").replace(
                    "%1", ", ".join(view.unavailable)
                )
            )
        elif view.unavailable:  # no filter chosen: hidden for the interviews' own sake, not a filter's
            notes.append(
                self.tr("Not shown, so that no small group can be worked out from the other figures: %1.").replace(
                    "%1", ", ".join(view.unavailable)
                )
            )
        self._say(" ".join(notes))
        self.key.setText(
            self.tr(
                "A short pale bar: fewer than %1 (not drawn to scale). Only interviews with "
                "consent for the complaint are counted. 'Not shown': hidden so that no small group "
                "can be worked out from the other figures."
            ).replace("%1", str(n))
        )
        self._set_chart(self.force_title, self.force_chart, by_name.get(FORCE), n)
        self._set_chart(self.crime_title, self.crime_chart, by_name.get(CRIME), n)
        months = by_name.get(PERIOD)
        years = by_name.get(YEAR)
        by_month = marks([f for f in months.rows if f.code[:4].isdigit()], n) if months is not None else []
        by_year = marks([f for f in years.rows if f.code.isdigit()], n) if years is not None else []
        if months is not None and not years_tell_more(months, years):
            self.time_title.setText(self.tr("Interviews by month of the report"))
            self.timeline.set_marks(by_month)
        elif years is not None:
            self.time_title.setText(
                self.tr("Interviews by year of the report")
                if months is None
                else self.tr("Interviews by year of the report (most months have fewer than %1)").replace("%1", str(n))
            )
            self.timeline.set_marks(by_year)
        else:
            self.time_title.setText(self.tr("Interviews over time: shown without a year filter"))
            self.timeline.set_marks([])
        self.timeline.setVisible(bool(self.timeline.marks))
        self._set_share(by_name.get("outcomes"), view, n)
        self._fill_tables(view)

    def _set_chart(self, title: QLabel, chart: BarChart, table, n: int) -> None:
        title.setVisible(table is not None)
        chart.setVisible(table is not None)
        chart.set_marks(marks(table.rows, n) if table is not None else [])

    def _set_share(self, outcomes, view, n: int) -> None:
        fig = next((f for f in outcomes.rows if f.code == "immigration_action"), None) if outcomes else None
        self.share.setVisible(fig is not None)
        if fig is None:
            self.share.set_share(None, "")
            self.share_text.setText(
                self.tr("What happened next is counted for all interviews only: clear the filters to see it.")
            )
            return
        total = view.total.text(n)
        if fig.percent is not None:
            text = (
                self.tr("%1% of the interviews counted (%2 of %3)")
                .replace("%1", f"{fig.percent:.1f}")
                .replace("%2", fig.text(n))
                .replace("%3", total)
            )
        else:
            text = self.tr("%1 of the interviews counted (%2)").replace("%1", fig.text(n)).replace("%2", total)
        self.share.set_share(fig.percent, text)
        self.share_text.setText(text)

    def _fill_tables(self, view) -> None:
        n = view.threshold
        shown = [t for t in view.tables if t.name != PERIOD]  # the months are in the timeline and the CSV
        for i, t in enumerate(shown):
            title = QLabel(t.title, self.tables_page)
            title.setWordWrap(True)
            tf = title.font()
            tf.setBold(True)
            title.setFont(tf)
            table = QTableWidget(len(t.rows) + 1, 3, self.tables_page)
            table.setAccessibleName(t.title)
            table.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Interviews"), self.tr("Share")])
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setWordWrap(False)
            for r, f in enumerate((*t.rows, t.total)):
                for col, text in enumerate((f.label, f.text(n), "" if f.percent is None else f"{f.percent:.1f}%")):
                    item = QTableWidgetItem(text)
                    if col:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(r, col, item)
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for col in (1, 2):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            table.resizeRowsToContents()
            height = header.height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 2 * table.frameWidth()
            table.setFixedHeight(height)
            if t.note:
                title.setText(f"{t.title}\n{t.note}")
            row, col = divmod(i, 2)
            self.tables_grid.addWidget(title, row * 2, col)
            self.tables_grid.addWidget(table, row * 2 + 1, col, Qt.AlignmentFlag.AlignTop)
            self.tables[t.name] = table
            self._titles.append(title)
        self.tables_grid.setRowStretch(2 * ((len(shown) + 1) // 2), 1)

    # --- export ---------------------------------------------------------------------------

    def export_csv(self) -> None:
        """The view shown, as CSV, through the service (the file dialog has asked before replacing a file)."""
        if self.view is None:
            return
        path = self._choose_csv(self)
        if path is None:
            return
        view = self.view
        self._tasks.run_task(
            lambda: evidence.write_csv(view, path, overwrite=True),
            lambda written: self.status.setText(self.tr("Saved the totals as %1.").replace("%1", Path(written).name)),
            self._export_failed,
        )

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Refused):
            self._say(str(exc))
        else:
            log.error("saving the totals failed: %s", type(exc).__name__)
            self._say(
                self.tr(
                    "The totals could not be saved there, and the file may be incomplete. "
                    "Choose another folder, or check that the disk or stick has room."
                )
            )
