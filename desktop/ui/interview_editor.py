"""The interview form: every field of the record, saved as a draft into the vault as she types.

There is no "unsaved changes" question anywhere. Every change is written, encrypted, into the
vault's draft table within about a second, and at once when the app locks. "Save" checks the
record (dates, force) and files it; until then the draft is what survives a lock, a crash or a
quick exit, and it is what comes back after unlock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.attachments import AttachmentRejected, prepare_file
from desktop.core.forces import FORCES
from desktop.core.model import (
    Answer,
    Consent,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Interview,
    Outcome,
    Person,
    PersonRole,
    Role,
    Status,
    YearMonth,
    new_reference,
    validate,
)
from desktop.ui import labels
from desktop.ui.attachment_viewer import AttachmentViewer, Viewable, read_viewable
from desktop.ui.models import AttachmentsModel, IdentifiersModel, PeopleModel, split_aliases
from desktop.ui.session import forget_typed
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 800
NEW_KEY = "interview:new"
OPEN_KEY = "editor:open"

LANGUAGES = (
    "English", "Albanian", "Amharic", "Arabic", "Bengali", "Cantonese", "Dari", "Farsi", "French", "Gujarati",
    "Hindi", "Kurdish (Sorani)", "Kurdish (Kurmanji)", "Lithuanian", "Mandarin", "Nepali", "Oromo", "Pashto",
    "Polish", "Portuguese", "Punjabi", "Romanian", "Russian", "Sinhala", "Somali", "Spanish", "Swahili",
    "Tagalog", "Tamil", "Tigrinya", "Turkish", "Twi", "Ukrainian", "Urdu", "Vietnamese", "Yoruba",
)


def draft_key(interview_id: str | None) -> str:
    return NEW_KEY if interview_id is None else f"interview:{interview_id}"


def pick_files(parent: QWidget) -> list[Path]:
    """Ask which files to attach (the default file picker; tests pass their own)."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, parent.tr("Witnessbox — Add attachments"), "",
        parent.tr("Photos and PDF documents (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.bmp *.pdf);;All files (*)"),
    )
    return [Path(n) for n in names]


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _combo(parent: QWidget, items: list[tuple[str, object]], name: str) -> QComboBox:
    box = QComboBox(parent)
    for text, value in items:
        box.addItem(text, value)
    box.setAccessibleName(name)
    return box


def _select(box: QComboBox, value: object) -> None:
    i = box.findData(value)
    box.setCurrentIndex(max(i, 0))


def _answers(parent: QWidget, name: str) -> QComboBox:
    return _combo(parent, [(labels.answer_label(a), a.value) for a in (Answer.UNKNOWN, Answer.YES, Answer.NO)], name)


class _QuestionList(QVBoxLayout):
    """Each question above its answer, the question wrapping at the column's full width (a
    QFormLayout squeezes wrapped labels into a narrow column and clips them)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(4)

    def addRow(self, label: QLabel, field: QWidget) -> None:  # noqa: N802 (QFormLayout's name)
        if self.count():
            self.addSpacing(10)
        self.addWidget(label)
        wide = isinstance(field, QLineEdit | QPlainTextEdit)
        self.addWidget(field, 0, Qt.AlignmentFlag(0) if wide else Qt.AlignmentFlag.AlignLeft)


class ConsentRow:
    """One use of the interview: given or not, when, who took it, and its withdrawal."""

    def __init__(self, editor: InterviewEditor, use: ConsentUse, grid: QGridLayout, row: int) -> None:
        self.use = use
        self.withdrawn_on: date | None = None
        self.withdrawn_by: str = ""
        host = grid.parentWidget()
        name = labels.consent_label(use)
        title = QLabel(name, host)
        title.setProperty("role", "field-title")
        self.given = QCheckBox(editor.tr("Given"), host)
        self.given.setAccessibleName(editor.tr("%1: consent given").replace("%1", name))
        self.on = QDateEdit(host)
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("d MMM yyyy")
        self.on.setAccessibleName(editor.tr("%1: date consent was given").replace("%1", name))
        self.by = QLineEdit(host)
        self.by.setPlaceholderText(editor.tr("Taken by"))
        self.by.setAccessibleName(editor.tr("%1: consent taken by").replace("%1", name))
        self.state = QLabel(host)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.withdraw = QPushButton(editor.tr("Record withdrawal"), host)
        self.withdraw.setAccessibleName(editor.tr("%1: record that consent is withdrawn").replace("%1", name))
        self.withdraw.setProperty("role", "danger")
        grid.addWidget(title, row, 0, 1, 3)
        grid.addWidget(self.given, row + 1, 0)
        grid.addWidget(self.on, row + 1, 1)
        grid.addWidget(self.by, row + 1, 2)
        grid.addWidget(self.withdraw, row + 1, 3)
        grid.addWidget(self.state, row + 2, 0, 1, 4)
        self.given.toggled.connect(self.refresh)
        self.withdraw.clicked.connect(lambda: editor.withdraw_consent(use))
        for sig in (self.given.toggled, self.on.dateChanged, self.by.textChanged):
            sig.connect(editor.changed)
        self._editor = editor

    def load(self, c: Consent | None, default_day: date) -> None:
        self.given.setChecked(bool(c and c.given))
        self.on.setDate(_qdate(c.recorded_on if c and c.recorded_on else default_day))
        self.by.setText(c.taken_by if c else "")
        self.withdrawn_on = c.withdrawn_on if c else None
        self.withdrawn_by = c.withdrawn_by if c else ""
        self.refresh()

    def consent(self) -> Consent | None:
        if not self.given.isChecked() and self.withdrawn_on is None:
            return None
        return Consent(self.use, True, recorded_on=_pydate(self.on.date()), taken_by=self.by.text().strip(),
                       withdrawn_on=self.withdrawn_on, withdrawn_by=self.withdrawn_by)

    def refresh(self) -> None:
        e = self._editor
        withdrawn = self.withdrawn_on is not None
        given = self.given.isChecked()
        self.given.setEnabled(not withdrawn)
        self.on.setEnabled(given and not withdrawn)
        self.by.setEnabled(given and not withdrawn)
        self.withdraw.setVisible(given and not withdrawn)
        if withdrawn:
            when = QLocale().toString(_qdate(self.withdrawn_on), QLocale.FormatType.LongFormat)
            if self.withdrawn_by:
                text = e.tr("Withdrawn on %1, recorded by %2.").replace("%1", when).replace("%2", self.withdrawn_by)
            else:
                text = e.tr("Withdrawn on %1.").replace("%1", when)
            text += " " + e.tr("This interview is left out of every export and total for this use.")
            self.state.setProperty("role", "warning")
        elif given:
            text = e.tr("Consent given.")
            self.state.setProperty("role", "ok")
        else:
            text = e.tr("No consent: this interview is not used for this.")
            self.state.setProperty("role", "muted")
        self.state.setText(text)
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)


class InterviewEditor(QWidget):
    """The form. ``attach(vault)`` after unlock; ``clear()`` on lock wipes every widget."""

    saved = Signal(str)
    deleted = Signal(str)
    closed = Signal()
    review_redactions_requested = Signal(str)
    export_statement_requested = Signal(str)
    signing_copy_requested = Signal(str)
    record_signed_requested = Signal(str)

    def __init__(self, tasks: TaskRunner, *, file_picker: Callable[[QWidget], list[Path]] = pick_files,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._pick_files = file_picker
        self._today = today
        self._vault = None
        self._id: str | None = None  # None: not saved yet
        self._base: Interview | None = None
        self._loading = False
        self._dirty = False
        self._open = False
        self.viewer: AttachmentViewer | None = None
        self._view_ticket = 0  # bumped when the form opens or empties: an attachment read before is not shown
        self.confirm_box: QMessageBox | None = None

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)

        self._build()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)

        bar = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← &Interviews"), self)
        self.back_button.setAccessibleName(self.tr("Back to the list of interviews"))
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        self.title.setAccessibleName(self.tr("Interview reference"))
        self.draft_state = QLabel(self)
        self.draft_state.setProperty("role", "muted")
        self.draft_state.setAccessibleName(self.tr("Draft state"))
        bar.addWidget(self.back_button)
        bar.addSpacing(8)
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.draft_state)
        outer.addLayout(bar)

        actions = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save the interview"))
        self.save_button.setToolTip(self.tr("Check and save the interview (Ctrl+S)"))
        # Places for the redaction review and the statement export.
        self.review_button = QPushButton(self.tr("&Review redactions"), self)
        self.review_button.setAccessibleName(self.tr("Review redactions"))
        self.export_button = QPushButton(self.tr("E&xport statement"), self)
        self.export_button.setAccessibleName(self.tr("Export statement"))
        self.signing_button = QPushButton(self.tr("Signing cop&y…"), self)
        self.signing_button.setAccessibleName(self.tr("Signing copy"))
        self.signing_button.setToolTip(self.tr("The whole statement, unredacted, to read back and sign"))
        self.signed_button = QPushButton(self.tr("Record si&gned"), self)
        self.signed_button.setAccessibleName(self.tr("Record that the statement was signed"))
        self.signed_button.setToolTip(self.tr("Seal the statement: later changes become dated addenda"))
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setProperty("role", "danger")
        self.delete_button.setAccessibleName(self.tr("Delete this interview"))
        actions.addWidget(self.save_button)
        actions.addWidget(self.review_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.signing_button)
        actions.addWidget(self.signed_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        outer.addLayout(actions)

        self.problems = QLabel(self)
        self.problems.setProperty("role", "error")
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Problems to fix"))
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()
        outer.addWidget(self.problems)
        self.notice = QLabel(self)
        self.notice.setProperty("role", "hint")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.hide()
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        self.discard_button = QPushButton(self.tr("Discard these changes"), self)
        self.discard_button.setAccessibleName(self.tr("Discard the changes not yet saved"))
        self.discard_button.hide()
        self.discard_button.clicked.connect(self.discard_draft)
        notice_row.addWidget(self.discard_button)
        outer.addLayout(notice_row)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Parts of the interview"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._scroll(self._build_about()), self.tr("Abou&t"))
        self.tabs.addTab(self._scroll(self._build_report()), self.tr("The &report"))
        self.tabs.addTab(self._build_statement(), self.tr("Stateme&nt"))
        self.tabs.addTab(self._build_people(), self.tr("&People"))
        self.tabs.addTab(self._scroll(self._build_consent()), self.tr("&Consent"))
        self.tabs.addTab(self._build_attachments(), self.tr("Atta&chments"))
        outer.addWidget(self.tabs, 1)

        self.back_button.clicked.connect(self.close_editor)
        self.save_button.clicked.connect(self.save)
        self.review_button.clicked.connect(lambda: self._id and self.review_redactions_requested.emit(self._id))
        self.export_button.clicked.connect(lambda: self._id and self.export_statement_requested.emit(self._id))
        self.signing_button.clicked.connect(lambda: self._id and self.signing_copy_requested.emit(self._id))
        self.signed_button.clicked.connect(lambda: self._id and self.record_signed_requested.emit(self._id))
        self.delete_button.clicked.connect(self.ask_delete)
        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)

    def _scroll(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(inner)
        return area

    def _form(self, *, labels_above: bool = False) -> tuple[QWidget, QFormLayout]:
        """A form column of a readable width. Long questions sit above their answer, so no label
        is ever squeezed or clipped, whatever the scale or the language."""
        page = QWidget(self)
        outer = QHBoxLayout(page)
        outer.setContentsMargins(8, 12, 8, 12)
        column = QWidget(page)
        column.setMaximumWidth(860)
        outer.addWidget(column, 1)
        outer.addStretch(0)
        if labels_above:
            return page, _QuestionList(column)
        form = QFormLayout(column)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(16)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return page, form

    def _row(self, form: QFormLayout, text: str, widget: QWidget, name: str | None = None) -> QWidget:
        label = QLabel(text, form.parentWidget())
        label.setBuddy(widget)
        if isinstance(form, _QuestionList):
            label.setWordWrap(True)
            label.setProperty("role", "field-title")
        widget.setAccessibleName(name or text.replace("&", ""))
        form.addRow(label, widget)
        return widget

    def _build_about(self) -> QWidget:
        page, form = self._form()
        self.interviewed_on = QDateEdit(page)
        self.interviewed_on.setCalendarPopup(True)
        self.interviewed_on.setDisplayFormat("d MMM yyyy")
        self._row(form, self.tr("Date of the &interview"), self.interviewed_on)
        self.interviewer = QLineEdit(page)
        self.interviewer.setPlaceholderText(self.tr("Your name or initials"))
        self._row(form, self.tr("Interviewed &by"), self.interviewer)
        self.role = _combo(page, [(labels.role_label(r), r.value) for r in Role], "")
        self._row(form, self.tr("The person is a"), self.role, self.tr("Role of the person interviewed"))
        self.language = QComboBox(page)
        self.language.setEditable(True)
        self.language.addItems(list(LANGUAGES))
        self.language.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._row(form, self.tr("&Language of the interview"), self.language)
        self.interpreter = QCheckBox(self.tr("An interpreter was used"), page)
        self._row(form, self.tr("Interpreter"), self.interpreter, self.tr("An interpreter was used"))
        self.status = _combo(page, [(labels.status_label(s), s.value) for s in Status], "")
        self._row(form, self.tr("Stat&us"), self.status, self.tr("Status of the record"))
        # Sealed is shown (a signed record says so) but cannot be chosen here: sealing goes through
        # "Record signed", which asks first, because from then on every change is a dated addendum.
        sealed_item = self.status.model().item(self.status.findData(Status.SEALED.value))
        sealed_item.setEnabled(False)
        sealed_item.setToolTip(self.tr("Use “Record signed” once the statement is signed"))
        for w in (self.interviewed_on.dateChanged, self.interviewer.textChanged, self.role.currentIndexChanged,
                  self.language.currentTextChanged, self.interpreter.toggled, self.status.currentIndexChanged):
            w.connect(self.changed)
        return page

    def _build_report(self) -> QWidget:
        page, form = self._form(labels_above=True)
        self.crime = _combo(page, [(labels.crime_label(c), c.value) for c in CrimeType], "")
        self._row(form, self.tr("C&rime reported"), self.crime)
        self.force = QComboBox(page)
        self.force.addItem(self.tr("Choose a police force…"), "")
        for f in FORCES:
            self.force.addItem(f.name, f.code)
        self.force.setMaxVisibleItems(15)
        self._row(form, self.tr("Police &force"), self.force)

        month_row = QWidget(page)
        h = QHBoxLayout(month_row)
        h.setContentsMargins(0, 0, 0, 0)
        self.report_month = QComboBox(month_row)
        self.report_month.addItem(self.tr("Not reported or not known"), 0)
        loc = QLocale()
        for m in range(1, 13):
            self.report_month.addItem(loc.standaloneMonthName(m), m)
        self.report_month.setAccessibleName(self.tr("Month of the report"))
        self.report_year = QSpinBox(month_row)
        self.report_year.setRange(1950, 2100)
        self.report_year.setValue(self._today().year)
        self.report_year.setAccessibleName(self.tr("Year of the report"))
        h.addWidget(self.report_month)
        h.addWidget(self.report_year)
        label = QLabel(self.tr("&Month of the report to police"), page)
        label.setBuddy(self.report_month)
        label.setProperty("role", "field-title")
        h.addStretch(1)
        form.addRow(label, month_row)
        self.report_month.currentIndexChanged.connect(
            lambda: self.report_year.setEnabled(self.report_month.currentData() != 0))

        self.asked_status = _answers(page, "")
        self._row(form, self.tr("Did officers ask about immigration status?"), self.asked_status)
        self.ie_contacted = _answers(page, "")
        self._row(form, self.tr("Were Immigration Enforcement contacted?"), self.ie_contacted)
        self.shared = QPlainTextEdit(page)
        self.shared.setTabChangesFocus(True)
        self.shared.setFixedHeight(72)
        self.shared.setPlaceholderText(self.tr("What the police told Immigration Enforcement, if known"))
        self._row(form, self.tr("What was &shared"), self.shared)
        outcomes = QWidget(page)
        v = QVBoxLayout(outcomes)
        v.setContentsMargins(0, 0, 0, 0)
        self.outcomes: dict[Outcome, QCheckBox] = {}
        for o in Outcome:
            box = QCheckBox(labels.outcome_label(o), outcomes)
            box.setAccessibleName(self.tr("What happened next: %1").replace("%1", labels.outcome_label(o)))
            box.toggled.connect(self.changed)
            v.addWidget(box)
            self.outcomes[o] = box
        next_label = QLabel(self.tr("What happened next"), page)
        next_label.setProperty("role", "field-title")
        form.addRow(next_label, outcomes)
        self.fear = _answers(page, "")
        self._row(form, self.tr("Did fear of status checks stop or delay reporting?"), self.fear)
        self.threat = _answers(page, "")
        self._row(form, self.tr("Did the perpetrator use immigration status as a threat?"), self.threat)
        form.addStretch(1)
        for w in (self.crime.currentIndexChanged, self.force.currentIndexChanged, self.report_month.currentIndexChanged,
                  self.report_year.valueChanged, self.asked_status.currentIndexChanged,
                  self.ie_contacted.currentIndexChanged, self.shared.textChanged, self.fear.currentIndexChanged,
                  self.threat.currentIndexChanged):
            w.connect(self.changed)
        return page

    def _build_statement(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setContentsMargins(8, 12, 8, 8)
        label = QLabel(self.tr("The statement, in the interviewee's words (any language or script)"), page)
        label.setWordWrap(True)
        # QTextEdit rather than QPlainTextEdit: it lays out each paragraph in its own direction, so
        # an Arabic or Urdu paragraph is right-aligned between English ones.
        self.statement = QTextEdit(page)
        self.statement.setAcceptRichText(False)
        self.statement.setObjectName("statement")
        self.statement.setAccessibleName(self.tr("Statement"))
        self.statement.setTabChangesFocus(True)
        label.setBuddy(self.statement)
        self.word_count = QLabel(page)
        self.word_count.setProperty("role", "muted")
        self.word_count.setAccessibleName(self.tr("Word count"))
        v.addWidget(label)
        v.addWidget(self.statement, 1)
        v.addWidget(self.word_count, 0, Qt.AlignmentFlag.AlignRight)
        self.statement.textChanged.connect(self._count_words)
        self.statement.textChanged.connect(self.changed)
        self._count_words()
        return page

    def _count_words(self) -> None:
        n = len(self.statement.toPlainText().split())
        self.word_count.setText(self.tr("Words: %1").replace("%1", QLocale().toString(n)))

    def _table(self, parent: QWidget, model, name: str) -> QTableView:
        view = QTableView(parent)
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setTabKeyNavigation(False)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        return view

    def _build_people(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setContentsMargins(8, 12, 8, 8)
        intro = QLabel(self.tr("Everyone named, and every identifier given, is removed from exported "
                               "statements."), page)
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        v.addWidget(intro)

        people_box = QGroupBox(self.tr("People involved"), page)
        pv = QVBoxLayout(people_box)
        self.people_model = PeopleModel(self.changed, self)
        self.people_view = self._table(people_box, self.people_model, self.tr("People involved"))
        self.people_view.setColumnWidth(0, 200)
        self.people_view.setColumnWidth(1, 130)
        pv.addWidget(self.people_view, 1)
        add = QHBoxLayout()
        self.person_name = QLineEdit(people_box)
        self.person_name.setPlaceholderText(self.tr("Name"))
        self.person_name.setAccessibleName(self.tr("New person: name"))
        self.person_role = _combo(people_box, [(labels.person_role_label(r), r.value) for r in PersonRole],
                                  self.tr("New person: role"))
        self.person_aliases = QLineEdit(people_box)
        self.person_aliases.setPlaceholderText(self.tr("Other names, separated by ;"))
        self.person_aliases.setAccessibleName(self.tr("New person: other names"))
        self.add_person_button = QPushButton(self.tr("Add person"), people_box)
        self.add_person_button.setAccessibleName(self.tr("Add person"))
        self.remove_person_button = QPushButton(self.tr("Remove"), people_box)
        self.remove_person_button.setAccessibleName(self.tr("Remove the selected person"))
        add.addWidget(self.person_name, 3)
        add.addWidget(self.person_role, 2)
        add.addWidget(self.person_aliases, 3)
        add.addWidget(self.add_person_button)
        add.addWidget(self.remove_person_button)
        pv.addLayout(add)
        v.addWidget(people_box, 1)

        ids_box = QGroupBox(self.tr("Identifiers the interviewee gave"), page)
        iv = QVBoxLayout(ids_box)
        self.ids_model = IdentifiersModel(self.changed, self)
        self.ids_view = self._table(ids_box, self.ids_model, self.tr("Identifiers"))
        self.ids_view.setColumnWidth(0, 220)
        iv.addWidget(self.ids_view, 1)
        add = QHBoxLayout()
        self.id_kind = _combo(ids_box, [(labels.identifier_label(k), k.value) for k in IdentifierKind],
                              self.tr("New identifier: kind"))
        self.id_value = QLineEdit(ids_box)
        self.id_value.setPlaceholderText(self.tr("Address, number or reference"))
        self.id_value.setAccessibleName(self.tr("New identifier: value"))
        self.add_id_button = QPushButton(self.tr("Add identifier"), ids_box)
        self.add_id_button.setAccessibleName(self.tr("Add identifier"))
        self.remove_id_button = QPushButton(self.tr("Remove"), ids_box)
        self.remove_id_button.setAccessibleName(self.tr("Remove the selected identifier"))
        add.addWidget(self.id_kind, 2)
        add.addWidget(self.id_value, 4)
        add.addWidget(self.add_id_button)
        add.addWidget(self.remove_id_button)
        iv.addLayout(add)
        v.addWidget(ids_box, 1)

        self.add_person_button.clicked.connect(self.add_person)
        self.person_name.returnPressed.connect(self.add_person)
        self.person_aliases.returnPressed.connect(self.add_person)
        self.remove_person_button.clicked.connect(
            lambda: self._remove_selected(self.people_view, self.people_model))
        self.add_id_button.clicked.connect(self.add_identifier)
        self.id_value.returnPressed.connect(self.add_identifier)
        self.remove_id_button.clicked.connect(lambda: self._remove_selected(self.ids_view, self.ids_model))
        return page

    def _build_consent(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setContentsMargins(8, 12, 8, 8)
        intro = QLabel(self.tr("Ask for each use separately. Without consent for a use, nothing from this interview "
                               "is exported for it. Withdrawal takes effect at once and is recorded."), page)
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        v.addWidget(intro)
        box = QWidget(page)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(2, 1)
        self.consent_rows: dict[ConsentUse, ConsentRow] = {}
        for n, use in enumerate(ConsentUse):
            self.consent_rows[use] = ConsentRow(self, use, grid, n * 4)
            grid.setRowMinimumHeight(n * 4 + 3, 14)
        v.addWidget(box)
        v.addStretch(1)
        return page

    def _build_attachments(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setContentsMargins(8, 12, 8, 8)
        intro = QLabel(self.tr("Photos and scans are stored encrypted in the vault and open only inside Witnessbox. "
                               "Location and camera details are removed from photos as they are added."), page)
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        v.addWidget(intro)
        self.attachments_model = AttachmentsModel(None, self)
        self.attachments_view = self._table(page, self.attachments_model, self.tr("Attachments"))
        self.attachments_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachments_view.setColumnWidth(0, 320)
        self.attachments_view.setColumnWidth(1, 140)
        v.addWidget(self.attachments_view, 1)
        self.attachment_message = QLabel(page)
        self.attachment_message.setWordWrap(True)
        self.attachment_message.setProperty("role", "error")
        self.attachment_message.setAccessibleName(self.tr("Attachment message"))
        self.attachment_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.attachment_message.hide()
        v.addWidget(self.attachment_message)
        row = QHBoxLayout()
        self.add_attachment_button = QPushButton(self.tr("&Add photo or scan…"), page)
        self.add_attachment_button.setAccessibleName(self.tr("Add photo or scan"))
        self.view_attachment_button = QPushButton(self.tr("&View"), page)
        self.view_attachment_button.setAccessibleName(self.tr("View the selected attachment"))
        self.remove_attachment_button = QPushButton(self.tr("Remove"), page)
        self.remove_attachment_button.setAccessibleName(self.tr("Remove the selected attachment"))
        row.addWidget(self.add_attachment_button)
        row.addWidget(self.view_attachment_button)
        row.addStretch(1)
        row.addWidget(self.remove_attachment_button)
        v.addLayout(row)
        self.add_attachment_button.clicked.connect(self.add_attachments)
        self.view_attachment_button.clicked.connect(self.view_selected_attachment)
        self.attachments_view.activated.connect(lambda _i: self.view_selected_attachment())
        self.remove_attachment_button.clicked.connect(self.remove_selected_attachment)
        return page

    # --- vault ----------------------------------------------------------------------------

    def attach(self, vault) -> None:
        self._vault = vault

    @property
    def is_open(self) -> bool:
        return self._open

    @property
    def current_id(self) -> str | None:
        return self._id

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def open_new(self) -> None:
        """Start a new interview, or carry on with the new one already begun."""
        self._begin(None)
        draft = self._load_draft(NEW_KEY)
        today = self._today()
        if draft:
            self._apply_state(draft["state"])
            self._note(self.tr("Carrying on with the new interview you started."))
        else:
            iv = Interview(interviewed_on=today, role=Role.VICTIM, crime_type=CrimeType.DOMESTIC_ABUSE, force="",
                           reported_on=None, reference=new_reference())
            self._apply_state(iv.to_dict())
            self._note(None)
        self._remember_open()
        self.tabs.setCurrentIndex(0)
        self.interviewed_on.setFocus()

    def open_interview(self, interview_id: str) -> None:
        iv = self._vault.interviews.get(interview_id)
        self._begin(interview_id)
        self._base = iv
        draft = self._load_draft(draft_key(interview_id))
        if draft:
            self._apply_state(draft["state"])
            self._dirty = True
            self._note(self.tr("Restored changes not yet saved."))
        else:
            self._apply_state(iv.to_dict())
            self._note(None)
        self._remember_open()
        self._reload_attachments()
        self.tabs.setCurrentIndex(0)

    def _begin(self, interview_id: str | None) -> None:
        self._draft_timer.stop()
        self._view_ticket += 1
        self._id = interview_id
        self._base = None
        self._open = True
        self._dirty = False
        self.problems.hide()
        self.attachment_message.hide()
        self.attachments_model.set_items([])
        self._update_actions()

    def _load_draft(self, key: str) -> dict | None:
        try:
            payload = self._vault.drafts.load(key)
        except KeyError:
            return None
        if isinstance(payload, dict) and isinstance(payload.get("state"), dict):
            return payload
        return None

    def _remember_open(self) -> None:
        self._vault.drafts.save(OPEN_KEY, {"id": self._id})

    def _note(self, text: str | None) -> None:
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))
        self.discard_button.setVisible(bool(text))

    def _update_actions(self) -> None:
        saved = self._id is not None
        self.delete_button.setEnabled(saved)
        self.review_button.setEnabled(saved)
        self.export_button.setEnabled(saved)
        self.signing_button.setEnabled(saved)
        sealed = self._base is not None and self._base.status == Status.SEALED
        self.signed_button.setEnabled(saved and not sealed)
        self.signed_button.setText(self.tr("Signed") if sealed else self.tr("Record si&gned"))
        # A signed statement stays sealed: moving it back to Draft would drop its addenda from exports.
        self.status.setEnabled(not sealed)
        self.status.setToolTip(self.tr("Signed and sealed: later changes are dated addenda") if sealed else "")
        self.add_attachment_button.setEnabled(saved)
        self.add_attachment_button.setToolTip(
            "" if saved else self.tr("Save the interview first, then add photos or scans."))
        has = self.attachments_model.rowCount() > 0
        self.view_attachment_button.setEnabled(has)
        self.remove_attachment_button.setEnabled(has)
        for row in self.consent_rows.values():
            row.refresh()

    # --- state <-> widgets ----------------------------------------------------------------

    def changed(self, *_args) -> None:
        if self._loading or not self._open:
            return
        self._dirty = True
        self.draft_state.setText(self.tr("Changes not saved yet"))
        self._draft_timer.start()

    def form_state(self) -> dict:
        """Everything on the form, in the record's JSON form (the force may still be unchosen)."""
        month = self.report_month.currentData()
        consent = {}
        for use, row in self.consent_rows.items():
            c = row.consent()
            if c is not None:
                consent[use.value] = {
                    "given": c.given,
                    "recorded_on": c.recorded_on.isoformat() if c.recorded_on else None,
                    "taken_by": c.taken_by,
                    "withdrawn_on": c.withdrawn_on.isoformat() if c.withdrawn_on else None,
                    "withdrawn_by": c.withdrawn_by,
                }
        base = self._base
        return {
            "id": self._state_id,
            "reference": self._state_reference,
            "interviewed_on": _pydate(self.interviewed_on.date()).isoformat(),
            "role": self.role.currentData(),
            "crime_type": self.crime.currentData(),
            "force": self.force.currentData(),
            "reported_on": f"{self.report_year.value():04d}-{month:02d}" if month else None,
            "statement": self.statement.toPlainText(),
            "people": [{"name": p.name, "role": p.role.value, "aliases": list(p.aliases)}
                       for p in self.people_model.items()],
            "identifiers": [{"kind": i.kind.value, "value": i.value} for i in self.ids_model.items()],
            "consent": consent,
            "asked_about_status": self.asked_status.currentData(),
            "immigration_enforcement_contacted": self.ie_contacted.currentData(),
            "what_was_shared": self.shared.toPlainText(),
            "outcomes": [o.value for o, box in self.outcomes.items() if box.isChecked()],
            "fear_delayed_reporting": self.fear.currentData(),
            "status_used_as_threat": self.threat.currentData(),
            "language": self.language.currentText().strip() or "English",
            "interpreter_used": self.interpreter.isChecked(),
            "interviewer": self.interviewer.text().strip(),
            "status": self._form_status(),
            "created_at": base.created_at.isoformat() if base else self._state_created,
        }

    def _form_status(self) -> str:
        """The status the form saves: Sealed exactly when the stored record is. Only "Record signed"
        seals (after asking), and a signed statement stays sealed, whatever a draft kept from before says."""
        if self._base is not None and self._base.status == Status.SEALED:
            return Status.SEALED.value
        chosen = self.status.currentData()
        if chosen != Status.SEALED.value:
            return chosen
        return self._base.status.value if self._base is not None else Status.DRAFT.value

    def _apply_state(self, d: dict) -> None:
        self._loading = True
        try:
            self._state_id = str(d.get("id") or "")
            self._state_reference = str(d.get("reference") or new_reference())
            self._state_created = d.get("created_at") or datetime.now(UTC).isoformat()
            self.title.setText(self._state_reference)
            try:
                day = date.fromisoformat(d.get("interviewed_on") or "")
            except ValueError:
                day = self._today()
            self.interviewed_on.setDate(_qdate(day))
            _select(self.role, d.get("role"))
            _select(self.crime, d.get("crime_type"))
            _select(self.force, d.get("force") or "")
            reported = d.get("reported_on")
            try:
                ym = YearMonth.parse(reported) if reported else None
            except ValueError:
                ym = None
            _select(self.report_month, ym.month if ym else 0)
            self.report_year.setValue(ym.year if ym else day.year)
            self.report_year.setEnabled(ym is not None)
            self.statement.setPlainText(d.get("statement") or "")
            self.people_model.set_items([
                Person(p.get("name", ""), PersonRole(p.get("role") or "other"), list(p.get("aliases") or []))
                for p in d.get("people") or []])
            self.ids_model.set_items([
                Identifier(IdentifierKind(i.get("kind") or "other"), i.get("value", ""))
                for i in d.get("identifiers") or []])
            raw_consent = d.get("consent") or {}
            for use, row in self.consent_rows.items():
                c = raw_consent.get(use.value)
                row.load(self._consent_from(use, c), day)
            _select(self.asked_status, d.get("asked_about_status") or "unknown")
            _select(self.ie_contacted, d.get("immigration_enforcement_contacted") or "unknown")
            self.shared.setPlainText(d.get("what_was_shared") or "")
            chosen = set(d.get("outcomes") or [])
            for o, box in self.outcomes.items():
                box.setChecked(o.value in chosen)
            _select(self.fear, d.get("fear_delayed_reporting") or "unknown")
            _select(self.threat, d.get("status_used_as_threat") or "unknown")
            self.language.setCurrentText(d.get("language") or "English")
            self.interpreter.setChecked(bool(d.get("interpreter_used")))
            self.interviewer.setText(d.get("interviewer") or "")
            _select(self.status, d.get("status") or "draft")
            _select(self.status, self._form_status())  # a draft kept from before cannot seal either
        finally:
            self._loading = False
        self.draft_state.setText("")
        self._update_actions()

    @staticmethod
    def _consent_from(use: ConsentUse, c) -> Consent | None:
        if not isinstance(c, dict):
            return None

        def day(v):
            try:
                return date.fromisoformat(v) if v else None
            except ValueError:
                return None

        return Consent(use, bool(c.get("given")), day(c.get("recorded_on")), str(c.get("taken_by") or ""),
                       day(c.get("withdrawn_on")), str(c.get("withdrawn_by") or ""))

    def to_interview(self) -> Interview:
        d = self.form_state()
        consent = {ConsentUse(k): self._consent_from(ConsentUse(k), v) for k, v in d["consent"].items()}
        reported = YearMonth.parse(d["reported_on"]) if d["reported_on"] else None
        iv = Interview(
            interviewed_on=date.fromisoformat(d["interviewed_on"]),
            role=Role(d["role"]),
            crime_type=CrimeType(d["crime_type"]),
            force=d["force"],
            reported_on=reported,
            statement=d["statement"],
            people=[Person(p["name"], PersonRole(p["role"]), p["aliases"]) for p in d["people"]],
            identifiers=[Identifier(IdentifierKind(i["kind"]), i["value"]) for i in d["identifiers"]],
            consent=consent,
            asked_about_status=Answer(d["asked_about_status"]),
            immigration_enforcement_contacted=Answer(d["immigration_enforcement_contacted"]),
            what_was_shared=d["what_was_shared"],
            outcomes=[Outcome(o) for o in d["outcomes"]],
            fear_delayed_reporting=Answer(d["fear_delayed_reporting"]),
            status_used_as_threat=Answer(d["status_used_as_threat"]),
            language=d["language"],
            interpreter_used=d["interpreter_used"],
            interviewer=d["interviewer"],
            status=Status(d["status"]),
            reference=d["reference"],
        )
        if d["id"]:
            iv.id = d["id"]
        if self._base is not None:
            iv.created_at = self._base.created_at
        return iv

    # --- people and identifiers -----------------------------------------------------------

    def add_person(self) -> None:
        name = self.person_name.text().strip()
        if not name:
            self.person_name.setFocus()
            return
        self.people_model.append(Person(name, PersonRole(self.person_role.currentData()),
                                        split_aliases(self.person_aliases.text())))
        self.person_name.clear()
        self.person_aliases.clear()
        self.person_name.setFocus()

    def add_identifier(self) -> None:
        value = self.id_value.text().strip()
        if not value:
            self.id_value.setFocus()
            return
        self.ids_model.append(Identifier(IdentifierKind(self.id_kind.currentData()), value))
        self.id_value.clear()
        self.id_value.setFocus()

    @staticmethod
    def _remove_selected(view: QTableView, model) -> None:
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        if rows:
            model.remove(rows[0].row())

    # --- drafts, save, delete -------------------------------------------------------------

    def discard_draft(self) -> None:
        """Throw away what was not saved: back to the stored record (or a blank new one)."""
        if not self._open or self._vault is None:
            return
        self._draft_timer.stop()
        self._vault.drafts.clear(draft_key(self._id))
        if self._id is None:
            self.open_new()
        else:
            self.open_interview(self._id)

    def save_draft_now(self) -> None:
        """Write the form into the vault's draft table (also called first thing on lock)."""
        self._draft_timer.stop()
        if not self._open or not self._dirty or self._vault is None:
            return
        state = self.form_state()
        self._vault.drafts.save(draft_key(self._id), {"state": state, "saved_at": datetime.now(UTC).isoformat()},
                                interview_id=self._id)
        self.draft_state.setText(self.tr("Draft kept safe at %1").replace(
            "%1", QLocale().toString(datetime.now().time().replace(microsecond=0), QLocale.FormatType.ShortFormat)))

    def save(self) -> bool:
        if not self._open or self._vault is None:
            return False
        iv = self.to_interview()
        problems = validate(iv, self._today())
        if problems:
            self.problems.setText("\n".join(self._translate_problem(p) for p in problems))
            self.problems.show()
            self.save_draft_now()
            return False
        self.problems.hide()
        from desktop.vault import DiskFull, VaultError

        old_key = draft_key(self._id)
        try:
            if self._id is None:
                new_id = self._vault.interviews.add(iv)
                self._id = new_id or iv.id
            else:
                self._vault.interviews.update(iv)
        except DiskFull:
            self.problems.setText(self.tr("The disk is full, so the interview was not saved. Your draft is kept. "
                                          "Free some space and save again."))
            self.problems.show()
            return False
        except VaultError as exc:
            log.error("saving an interview failed: %s", type(exc).__name__)
            self.problems.setText(self.tr("The interview could not be saved. Your draft is kept."))
            self.problems.show()
            return False
        self._draft_timer.stop()
        self._vault.drafts.clear(old_key)
        self._vault.drafts.clear(draft_key(self._id))
        self._base = self._vault.interviews.get(self._id)
        self._state_id = self._id
        self._dirty = False
        self._remember_open()
        self._note(None)
        self.draft_state.setText(self.tr("Saved"))
        self._update_actions()
        self.saved.emit(self._id)
        return True

    def _translate_problem(self, text: str) -> str:
        return self.tr(text)

    def withdraw_consent(self, use: ConsentUse) -> None:
        """One action: the withdrawal is dated today, recorded in the vault, and shown."""
        row = self.consent_rows[use]
        today = self._today()
        by = self.interviewer.text().strip()
        stored = self._base.consent.get(use) if self._base is not None else None
        recorded = self._id is not None and stored is not None and stored.given
        if recorded:
            self._vault.interviews.withdraw_consent(self._id, use, on=today, by=by)
            self._base = self._vault.interviews.get(self._id)
        was_dirty = self._dirty
        # Not stored yet: the withdrawal is part of the form and is saved with it.
        row.withdrawn_on = today
        row.withdrawn_by = by
        row.refresh()
        if recorded and not was_dirty:
            self.draft_state.setText(self.tr("Withdrawal recorded"))  # form and vault agree: no draft
        else:
            self.changed()
            self.save_draft_now()

    def ask_delete(self) -> None:
        if self._id is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, f"{APP_NAME} — " + self.tr("Delete interview"),
                          self.tr("Delete this interview, its statement and its attachments from the vault? "
                                  "This cannot be undone."),
                          QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.confirm_box = box

        def finished(_result: int) -> None:
            self.confirm_box = None
            if box.clickedButton() is delete:
                self.delete_current()

        box.finished.connect(finished)
        box.open()

    def delete_current(self) -> None:
        interview_id = self._id
        if interview_id is None:
            return
        self._vault.interviews.delete(interview_id)
        self._vault.drafts.clear(draft_key(interview_id))
        self._vault.drafts.clear(OPEN_KEY)
        self.clear()
        self.deleted.emit(interview_id)

    def close_editor(self) -> None:
        """Back to the list. The draft (if any) stays in the vault for next time."""
        self.save_draft_now()
        if self._vault is not None:
            self._vault.drafts.clear(OPEN_KEY)
        self.clear()
        self.closed.emit()

    # --- attachments ----------------------------------------------------------------------

    def _reload_attachments(self) -> None:
        if self._id is None or self._vault is None:
            self.attachments_model.set_items([])
        else:
            self.attachments_model.set_items(self._vault.attachments.list(self._id))
        self._update_actions()

    def add_attachments(self) -> None:
        if self._id is None:
            return
        paths = self._pick_files(self)
        if not paths:
            return
        self.attachment_message.hide()
        vault, interview_id = self._vault, self._id

        def work():
            added, rejected = 0, []
            for path in paths:
                try:
                    prepared = prepare_file(path)
                except AttachmentRejected as exc:
                    rejected.append(str(exc))
                    continue
                vault.attachments.add(interview_id, prepared.data, prepared.display_name, prepared.media_type)
                added += 1
            return added, rejected

        self.add_attachment_button.setEnabled(False)
        self._tasks.run_task(work, lambda r: self._attachments_added(interview_id, r), self._attachment_failed)

    def _attachments_added(self, interview_id: str, result) -> None:
        _added, rejected = result
        if interview_id == self._id:
            self._reload_attachments()
            if rejected:
                self.attachment_message.setText(
                    "\n".join(self.tr("Not attached: %1").replace("%1", self.tr(msg)) for msg in rejected))
                self.attachment_message.show()
        self._update_actions()

    def _attachment_failed(self, exc: BaseException) -> None:
        log.error("adding an attachment failed: %s", type(exc).__name__)
        if not self._open:
            return  # locked meanwhile
        self.attachment_message.setText(self.tr("The attachment could not be stored. Nothing was added."))
        self.attachment_message.show()
        self._update_actions()

    def _selected_attachment(self):
        rows = self.attachments_view.selectionModel().selectedRows()
        row = rows[0].row() if rows else (0 if self.attachments_model.rowCount() == 1 else -1)
        if row < 0:
            return None
        return self.attachments_model.items()[row]

    def view_selected_attachment(self) -> None:
        """Read the attachment on the pool (decrypt, check, parse a PDF, decode pictures), then show it,
        unless the form was left or locked meanwhile."""
        info = self._selected_attachment()
        if info is None or self._vault is None:
            return
        vault, ticket = self._vault, self._view_ticket

        def done(content: Viewable) -> None:
            if ticket != self._view_ticket:
                return
            if self.viewer is not None:
                self.viewer.close()
            self.viewer = AttachmentViewer(content, self)
            self.viewer.finished.connect(self._viewer_closed)
            self.viewer.open()

        def failed(exc: BaseException) -> None:
            log.error("reading an attachment failed: %s", type(exc).__name__)
            if ticket != self._view_ticket:
                return
            self.attachment_message.setText(self.tr("This attachment could not be read from the vault."))
            self.attachment_message.show()

        self.attachment_message.hide()
        self._tasks.run_task(lambda: read_viewable(vault.attachments.get_bytes(info.id), info.media_type),
                             done, failed)

    def _viewer_closed(self, _result: int) -> None:
        if self.viewer is not None:
            self.viewer.deleteLater()
            self.viewer = None

    def remove_selected_attachment(self) -> None:
        info = self._selected_attachment()
        if info is None:
            return
        self._vault.attachments.delete(info.id)
        self._reload_attachments()

    # --- lock -----------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget everything shown: every field is emptied (on lock and when leaving the editor)."""
        self._draft_timer.stop()
        self._view_ticket += 1
        if self.viewer is not None:
            self.viewer.close()
            self._viewer_closed(0)
        if self.confirm_box is not None:
            self.confirm_box.close()
            self.confirm_box = None
        self._loading = True
        try:
            for w in (self.statement, self.shared):
                w.clear()
            forget_typed(self.interviewer, self.person_name, self.person_aliases, self.id_value)
            self.language.setCurrentText("")
            self.people_model.set_items([])
            self.ids_model.set_items([])
            self.attachments_model.set_items([])
            for row in self.consent_rows.values():
                row.given.setChecked(False)
                forget_typed(row.by)
                row.withdrawn_on = None
                row.withdrawn_by = ""
                row.refresh()
            for box in self.outcomes.values():
                box.setChecked(False)
            self.title.clear()
            self.problems.clear()
            self.problems.hide()
            self.notice.clear()
            self.notice.hide()
            self.discard_button.hide()
            self.attachment_message.clear()
            self.attachment_message.hide()
            self.draft_state.clear()
            self.statement.document().clearUndoRedoStacks()
            self.shared.document().clearUndoRedoStacks()
        finally:
            self._loading = False
        self._open = False
        self._dirty = False
        self._id = None
        self._base = None

    def detach(self) -> None:
        self.clear()
        self._vault = None
