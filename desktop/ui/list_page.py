"""The interview list: filters, a search over statement text, and a lazily filled table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forces import FORCES
from desktop.core.model import CrimeType, Status
from desktop.ui import labels
from desktop.ui.form_widgets import interview_text
from desktop.ui.models import InterviewTableModel
from desktop.ui.session import forget_typed

SEARCH_DELAY_MS = 250


class InterviewListPage(QWidget):
    open_requested = Signal(str)
    new_requested = Signal()
    export_requested = Signal()

    def __init__(self, tasks=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        run = None if tasks is None else (lambda work, done: tasks.run_task(work, done, self._query_failed))
        self.model = InterviewTableModel(parent=self, run_in_background=run)
        v = QVBoxLayout(self)
        v.setContentsMargins(16, 12, 16, 12)
        v.setSpacing(8)

        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search the statements (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the statements"))
        self.search.setClearButtonEnabled(True)
        interview_text(self.search)  # words from the statements, in any script
        self.new_button = QPushButton(self.tr("&New interview"), self)
        self.new_button.setProperty("role", "primary")
        self.new_button.setAccessibleName(self.tr("New interview"))
        self.new_button.setToolTip(self.tr("Start a new interview (Ctrl+N)"))
        self.export_button = QPushButton(self.tr("E&xport statements…"), self)
        self.export_button.setAccessibleName(self.tr("Export statements"))
        self.export_button.setToolTip(self.tr("Redacted PDF statements of the interviews listed "
                                              "(those with consent for the complaint)"))
        top.addWidget(self.search, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.new_button)
        v.addLayout(top)

        filters = QHBoxLayout()
        self.force_filter = QComboBox(self)
        self.force_filter.addItem(self.tr("All police forces"), None)
        for f in FORCES:
            self.force_filter.addItem(f.name, f.code)
        self.force_filter.setAccessibleName(self.tr("Filter by police force"))
        self.crime_filter = QComboBox(self)
        self.crime_filter.addItem(self.tr("All crimes"), None)
        for c in CrimeType:
            self.crime_filter.addItem(labels.crime_label(c), c.value)
        self.crime_filter.setAccessibleName(self.tr("Filter by crime"))
        self.consent_filter = QComboBox(self)
        self.consent_filter.addItem(self.tr("Any consent"), None)
        self.consent_filter.addItem(self.tr("Complaint consent given"), True)
        self.consent_filter.addItem(self.tr("No complaint consent"), False)
        self.consent_filter.setAccessibleName(self.tr("Filter by consent"))
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("Any status"), None)
        for s in Status:
            self.status_filter.addItem(labels.status_label(s), s.value)
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        for box in (self.force_filter, self.crime_filter, self.consent_filter, self.status_filter):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
            filters.addWidget(box, 1)
            box.currentIndexChanged.connect(self.apply_filter)
        v.addLayout(filters)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Interviews"))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(InterviewTableModel.COL_UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Columns fit what they show and the window (see _fit_columns): no sideways scrollbar.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.viewport().installEventFilter(self)
        self._fit_columns()
        v.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "muted")
        self.count_label.setAccessibleName(self.tr("Number of interviews shown"))
        self.empty_label = QLabel(self.tr("No interviews yet. Press “New interview” to record the first one."), self)
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setWordWrap(True)
        v.addWidget(self.empty_label)
        v.addWidget(self.count_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_filter)
        self.table.activated.connect(self._activated)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.new_button.clicked.connect(self.new_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._fit_columns)
        self.model.rowsInserted.connect(self._fit_columns)

    # Columns whose words may wrap onto a second line when the window is too narrow for them all.
    _WRAPPING = (InterviewTableModel.COL_FORCE, InterviewTableModel.COL_CRIME, InterviewTableModel.COL_ROLE,
                 InterviewTableModel.COL_TRANSFER)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Each column as wide as its widest cell shown or its heading (in the heading's bold font,
        with room for the sort arrow). If they do not all fit the window, the police force, the
        crime and the role give up width in proportion, never below their longest word, and wrap
        onto more lines; the police force takes any width left over."""
        m = InterviewTableModel
        table = self.table
        table.ensurePolished()  # the stylesheet's font, not the default one
        header = table.horizontalHeader()
        header.ensurePolished()
        bold = QFont(header.font())
        bold.setBold(True)
        head_fm = QFontMetrics(bold)
        fm = table.fontMetrics()
        rows = range(min(self.model.rowCount(), 200))
        natural: dict[int, int] = {}
        least: dict[int, int] = {}
        columns = range(self.model.columnCount())  # the transfer column too, when it is shown
        for col in columns:
            head = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            texts = [str(self.model.data(self.model.index(r, col)) or "") for r in rows]
            words = [w for t in texts for w in t.split()] or [""]
            head_w = head_fm.horizontalAdvance(head) + 30
            natural[col] = max([head_w] + [fm.horizontalAdvance(t) + 16 for t in texts])
            least[col] = max([head_w] + [fm.horizontalAdvance(w) + 16 for w in words])
        if m.COL_FORCE in natural:
            natural[m.COL_FORCE] = max(natural[m.COL_FORCE], head_fm.horizontalAdvance("W" * 12))
        room = table.viewport().width()
        over = sum(natural.values()) - room
        widths = dict(natural)
        # A laptop's name ("Laptop KRN6 D7M4", a coordinator's "From") is one name: it never wraps.
        wrapping = [c for c in self._WRAPPING if c != m.COL_TRANSFER or self.model.marks_role != "coordinator"]
        if over > 0:
            give = {c: natural[c] - least[c] for c in wrapping if c in natural}
            can = sum(give.values())
            for c in give:
                if can > 0:
                    widths[c] -= min(give[c], -(-over * give[c] // can))
        else:
            widths[m.COL_FORCE] -= over  # the rest of the window
        for col, w in widths.items():
            table.setColumnWidth(col, max(int(w), 20))

    def current_filter(self):
        from desktop.vault import ListFilter

        # As typed, trailing space included: the last word counts as the start of a word ("Amin" finds
        # "Amina") until a space says it is finished. The vault quotes every word; none is FTS5 syntax.
        text = self.search.text()
        return ListFilter(
            force=self.force_filter.currentData(),
            crime_type=self.crime_filter.currentData(),
            consent_complaint=self.consent_filter.currentData(),
            status=self.status_filter.currentData(),
            text=text if text.strip() else None,
            last_word_prefix=True,
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        if self.model.has_source:
            self.model.set_filter(self.current_filter())

    def set_source(self, source, marks=None) -> None:
        """``marks``: the transfer column's (role, words for ids), see :meth:`InterviewTableModel.set_source`."""
        self.model.set_source(source, flt=self.current_filter(), marks=marks)
        if marks is not None:
            self._fit_transfer_column()

    def _fit_transfer_column(self) -> None:
        m = InterviewTableModel
        self._fit_columns()  # its width, like every column's, from what it shows and the window
        # Shown next to the status, so it is in view on a small laptop screen where the last columns scroll.
        header = self.table.horizontalHeader()
        at = header.visualIndex(m.COL_TRANSFER)
        if at != m.COL_STATUS + 1:
            header.moveSection(at, m.COL_STATUS + 1)

    def refresh(self) -> None:
        self.model.refresh()

    def clear(self) -> None:
        """Drop every row and forget the search (on lock)."""
        self._search_timer.stop()
        self.model.clear()
        for w in (self.search, self.force_filter, self.crime_filter, self.consent_filter, self.status_filter):
            w.blockSignals(True)
        forget_typed(self.search)
        for box in (self.force_filter, self.crime_filter, self.consent_filter, self.status_filter):
            box.setCurrentIndex(0)
        for w in (self.search, self.force_filter, self.crime_filter, self.consent_filter, self.status_filter):
            w.blockSignals(False)

    def _query_failed(self, exc: BaseException) -> None:
        # Locked while the query ran (the vault refuses), or a search it could not run: show nothing.
        self.count_label.setText(self.tr("The list could not be read. Try again."))

    def _sort_changed(self, column: int, _order: Qt.SortOrder) -> None:
        """Columns the vault cannot sort by keep the indicator where the sort really is."""
        if column in InterviewTableModel.SORT_KEYS:
            return
        key, descending = self.model.sort_key
        col = next(c for c, k in InterviewTableModel.SORT_KEYS.items() if k == key)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(col, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _activated(self, index: QModelIndex) -> None:
        interview_id = self.model.data(self.model.index(index.row(), 0), Qt.ItemDataRole.UserRole)
        if interview_id:
            self.open_requested.emit(interview_id)

    def _update_count(self) -> None:
        total = self.model.total
        filtered = bool(self.search.text().strip()) or any(
            b.currentIndex() > 0 for b in (self.force_filter, self.crime_filter, self.consent_filter,
                                           self.status_filter))
        self.empty_label.setVisible(total == 0 and not filtered and self.model.has_source)
        if not self.model.has_source:
            self.count_label.clear()
        elif filtered:
            self.count_label.setText(self.tr("Matching interviews: %1").replace("%1", str(total)))
        else:
            self.count_label.setText(self.tr("Interviews: %1").replace("%1", str(total)))
