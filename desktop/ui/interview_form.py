"""The interview's own fields, on four pages: About, The report, Statement and Consent.

Every free-text field says whether it reaches the exported statement: the statement, what was
shared with Immigration Enforcement and the interviewee's own words are printed, redacted; the
interviewer's role is printed as typed; the interviewer's name never is.

:class:`InterviewForm` lays the fields out and maps them to and from the record's own values
(:meth:`InterviewForm.show` takes an :class:`Interview`, :meth:`InterviewForm.values` gives the
keyword values of one). The people and attachments are separate panels; the editor composes all
three and owns saving.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.forces import FORCES
from desktop.core.model import Answer, Consent, ConsentUse, CrimeType, Interview, Outcome, Role, Status, YearMonth
from desktop.ui import labels
from desktop.ui.form_widgets import combo, interview_text, intro, pydate, qdate, restyle, select
from desktop.ui.session import forget_typed

LANGUAGES = (
    "English", "Albanian", "Amharic", "Arabic", "Bengali", "Cantonese", "Dari", "Farsi", "French", "Gujarati",
    "Hindi", "Kurdish (Sorani)", "Kurdish (Kurmanji)", "Lithuanian", "Mandarin", "Nepali", "Oromo", "Pashto",
    "Polish", "Portuguese", "Punjabi", "Romanian", "Russian", "Sinhala", "Somali", "Spanish", "Swahili",
    "Tagalog", "Tamil", "Tigrinya", "Turkish", "Twi", "Ukrainian", "Urdu", "Vietnamese", "Yoruba",
)


INTERVIEWER_ROLES = ("Outreach worker", "Caseworker", "Advocate", "Support worker", "Volunteer")


def _answers(parent: QWidget, name: str) -> QComboBox:
    return combo(parent, [(labels.answer_label(a), a.value) for a in (Answer.UNKNOWN, Answer.YES, Answer.NO)], name)


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

    def __init__(self, form: InterviewForm, use: ConsentUse, grid: QGridLayout, row: int) -> None:
        self.use = use
        self.withdrawn_on: date | None = None
        self.withdrawn_by: str = ""
        self._tr = form.tr
        host = grid.parentWidget()
        name = labels.consent_label(use)
        title = QLabel(name, host)
        title.setProperty("role", "field-title")
        self.given = QCheckBox(form.tr("Given"), host)
        self.given.setAccessibleName(form.tr("%1: consent given").replace("%1", name))
        self.on = QDateEdit(host)
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("d MMM yyyy")
        self.on.setAccessibleName(form.tr("%1: date consent was given").replace("%1", name))
        self.by = QLineEdit(host)
        self.by.setPlaceholderText(form.tr("Who took it (needed)"))
        self.by.setAccessibleName(form.tr("%1: consent taken by").replace("%1", name))
        self._form = form
        # A label that stays when the field is filled (a placeholder goes as soon as it is).
        self.by_label = QLabel(form.tr("Taken by"), host)
        self.by_label.setBuddy(self.by)
        self.state = QLabel(host)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.withdraw = QPushButton(form.tr("Record withdrawal"), host)
        self.withdraw.setAccessibleName(form.tr("%1: record that consent is withdrawn").replace("%1", name))
        self.withdraw.setProperty("role", "danger")
        grid.addWidget(title, row, 0, 1, 2)
        grid.addWidget(self.by_label, row, 2)
        grid.addWidget(self.given, row + 1, 0)
        grid.addWidget(self.on, row + 1, 1)
        grid.addWidget(self.by, row + 1, 2)
        grid.addWidget(self.withdraw, row + 1, 3)
        grid.addWidget(self.state, row + 2, 0, 1, 4)
        self.given.toggled.connect(self._prefill)
        self.given.toggled.connect(self.refresh)
        self.withdraw.clicked.connect(lambda: form.withdraw_requested.emit(use))
        for sig in (self.given.toggled, self.on.dateChanged, self.by.textChanged):
            sig.connect(form.touched)

    def _prefill(self, given: bool) -> None:
        """Consent is usually taken by the person doing the interview: "Taken by" starts as them."""
        if given and not self.by.text().strip():
            self.by.setText(self._form.interviewer.text().strip())

    def follow_interviewer(self, before: str, now: str) -> None:
        """Keep "Taken by" the interviewer while it still is what was filled in for them."""
        if self.given.isChecked() and self.withdrawn_on is None and self.by.text().strip() in ("", before):
            self.by.setText(now)

    def load(self, c: Consent | None, default_day: date) -> None:
        self.given.setChecked(bool(c and c.given))
        self.on.setDate(qdate(c.recorded_on if c and c.recorded_on else default_day))
        self.by.setText(c.taken_by if c else "")
        self.withdrawn_on = c.withdrawn_on if c else None
        self.withdrawn_by = c.withdrawn_by if c else ""
        self.refresh()

    def consent(self) -> Consent | None:
        if not self.given.isChecked() and self.withdrawn_on is None:
            return None
        return Consent(self.use, True, recorded_on=pydate(self.on.date()), taken_by=self.by.text().strip(),
                       withdrawn_on=self.withdrawn_on, withdrawn_by=self.withdrawn_by)

    def refresh(self) -> None:
        tr = self._tr
        withdrawn = self.withdrawn_on is not None
        given = self.given.isChecked()
        self.given.setEnabled(not withdrawn)
        self.on.setEnabled(given and not withdrawn)
        self.by.setEnabled(given and not withdrawn)
        self.withdraw.setVisible(given and not withdrawn)
        if withdrawn:
            when = QLocale().toString(qdate(self.withdrawn_on), QLocale.FormatType.LongFormat)
            if self.withdrawn_by:
                text = tr("Withdrawn on %1, recorded by %2.").replace("%1", when).replace("%2", self.withdrawn_by)
            else:
                text = tr("Withdrawn on %1.").replace("%1", when)
            text += " " + tr("This interview is left out of every export and total for this use.")
            self.state.setProperty("role", "warning")
        elif given:
            text = tr("Consent given.")
            self.state.setProperty("role", "ok")
        else:
            text = tr("No consent: this interview is not used for this.")
            self.state.setProperty("role", "muted")
        self.state.setText(text)
        restyle(self.state)

    def clear(self) -> None:
        self.given.setChecked(False)
        forget_typed(self.by)
        self.withdrawn_on = None
        self.withdrawn_by = ""
        self.refresh()


class InterviewForm(QObject):
    """The fields of the record itself. Its pages (``about_page``, ``report_page``,
    ``statement_page``, ``consent_page``) are children of ``host``; the editor puts them in tabs."""

    changed = Signal()
    withdraw_requested = Signal(object)  # ConsentUse: "Record withdrawal" was pressed

    def __init__(self, host: QWidget, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(host)
        self._host = host
        self._today = today
        self.about_page = self._build_about()
        self.report_page = self._build_report()
        self.statement_page = self._build_statement()
        self.consent_page = self._build_consent()

    def touched(self, *_args: Any) -> None:
        self.changed.emit()

    # --- layout ---------------------------------------------------------------------------

    def _form(self, *, labels_above: bool = False) -> tuple[QWidget, QFormLayout | _QuestionList]:
        """A form column of a readable width. Long questions sit above their answer, so no label
        is ever squeezed or clipped, whatever the scale or the language."""
        page = QWidget(self._host)
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

    def _row(self, form: QFormLayout | _QuestionList, text: str, widget: QWidget, name: str | None = None) -> None:
        label = QLabel(text, form.parentWidget())
        label.setBuddy(widget)
        if isinstance(form, _QuestionList):
            label.setWordWrap(True)
            label.setProperty("role", "field-title")
        widget.setAccessibleName(name or text.replace("&", ""))
        form.addRow(label, widget)

    def _interviewer_changed(self, text: str) -> None:
        now = text.strip()
        for row in getattr(self, "consent_rows", {}).values():
            row.follow_interviewer(self._interviewer_was, now)
        self._interviewer_was = now

    def _build_about(self) -> QWidget:
        page, form = self._form()
        self.interviewed_on = QDateEdit(page)
        self.interviewed_on.setCalendarPopup(True)
        self.interviewed_on.setDisplayFormat("d MMM yyyy")
        self._row(form, self.tr("Date of the &interview"), self.interviewed_on)
        self.interviewer = QLineEdit(page)
        self.interviewer.setPlaceholderText(self.tr("Your name or initials (kept here, never printed)"))
        self._row(form, self.tr("Interviewed &by"), self.interviewer)
        self._interviewer_was = ""
        self.interviewer.textChanged.connect(self._interviewer_changed)
        self.interviewer_role = QComboBox(page)
        self.interviewer_role.setEditable(True)
        self.interviewer_role.addItems(["", *INTERVIEWER_ROLES])
        self.interviewer_role.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.interviewer_role.setMinimumContentsLength(34)  # the hint is read whole
        self.interviewer_role.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.interviewer_role.lineEdit().setPlaceholderText(self.tr("Printed on the statement: a role, not a name"))
        self._row(form, self.tr("Interviewer's r&ole"), self.interviewer_role)
        self.role = combo(page, [(labels.role_label(r), r.value) for r in Role], "")
        self._row(form, self.tr("The person is a"), self.role, self.tr("Role of the person interviewed"))
        self.language = QComboBox(page)
        self.language.setEditable(True)
        self.language.addItems(list(LANGUAGES))
        self.language.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._row(form, self.tr("&Language of the interview"), self.language)
        self.interpreter = QCheckBox(self.tr("An interpreter was used"), page)
        self._row(form, self.tr("Interpreter"), self.interpreter, self.tr("An interpreter was used"))
        self.status = combo(page, [(labels.status_label(s), s.value) for s in Status], "")
        self._row(form, self.tr("Stat&us"), self.status, self.tr("Status of the record"))
        # Sealed is shown (a signed record says so) but cannot be chosen here: sealing goes through
        # "Record signed", which asks first, because from then on every change is a dated addendum.
        sealed_item = self.status.model().item(self.status.findData(Status.SEALED.value))
        sealed_item.setEnabled(False)
        sealed_item.setToolTip(self.tr("Use “Record signed” once the statement is signed"))
        for w in (self.interviewed_on.dateChanged, self.interviewer.textChanged, self.role.currentIndexChanged,
                  self.interviewer_role.currentTextChanged,
                  self.language.currentTextChanged, self.interpreter.toggled, self.status.currentIndexChanged):
            w.connect(self.touched)
        return page

    def _build_report(self) -> QWidget:
        page, form = self._form(labels_above=True)
        self.crime = combo(page, [(self.tr("Choose the crime reported…"), ""),
                                  *((labels.crime_label(c), c.value) for c in CrimeType)], "")
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
        interview_text(self.shared)
        self._row(form, self.tr("What was &shared with Immigration Enforcement (printed in the statement, redacted)"),
                  self.shared, self.tr("What was shared with Immigration Enforcement"))
        outcomes = QWidget(page)
        v = QVBoxLayout(outcomes)
        v.setContentsMargins(0, 0, 0, 0)
        self.outcomes: dict[Outcome, QCheckBox] = {}
        for o in Outcome:
            box = QCheckBox(labels.outcome_label(o), outcomes)
            box.setAccessibleName(self.tr("What happened next: %1").replace("%1", labels.outcome_label(o)))
            box.toggled.connect(self.touched)
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
            w.connect(self.touched)
        return page

    def _build_statement(self) -> QWidget:
        page = QWidget(self._host)
        v = QVBoxLayout(page)
        v.setContentsMargins(8, 12, 8, 8)
        label = QLabel(self.tr("The statement, in the interviewee's words (any language or script). Printed in "
                               "the statement, redacted, in numbered paragraphs: leave a blank line between them."),
                       page)
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
        original = QLabel(self.tr("In the interviewee's own language, if you have their words (printed as an annex, "
                                  "redacted, when the interview was not in English). Record names as they are "
                                  "written here as aliases of the person, so they are redacted too."), page)
        original.setWordWrap(True)
        self.original = QTextEdit(page)
        self.original.setAcceptRichText(False)
        self.original.setAccessibleName(self.tr("The interviewee's own words"))
        self.original.setTabChangesFocus(True)
        original.setBuddy(self.original)
        v.addWidget(original)
        v.addWidget(self.original, 0)
        self.original.setMaximumHeight(140)
        self.original.textChanged.connect(self.touched)
        self.statement.textChanged.connect(self._count_words)
        self.statement.textChanged.connect(self.touched)
        self._count_words()
        for field in (self.statement, self.original):
            interview_text(field)
        return page

    def _count_words(self) -> None:
        n = len(self.statement.toPlainText().split())
        self.word_count.setText(self.tr("Words: %1").replace("%1", QLocale().toString(n)))

    def _build_consent(self) -> QWidget:
        page = QWidget(self._host)
        v = QVBoxLayout(page)
        v.setContentsMargins(8, 12, 8, 8)
        v.addWidget(intro(page, self.tr("Ask for each use separately. Without consent for a use, nothing from this "
                                        "interview is exported for it. Withdrawal takes effect at once and is "
                                        "recorded.")))
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

    # --- record <-> fields ----------------------------------------------------------------

    def show(self, iv: Interview) -> None:
        """Put the record's own fields on the form (its people and attachments are not here)."""
        day = iv.interviewed_on
        self.interviewed_on.setDate(qdate(day))
        select(self.role, iv.role.value)
        select(self.crime, iv.crime_type.value if iv.crime_type is not None else "")
        select(self.force, iv.force or "")
        ym = iv.reported_on
        select(self.report_month, ym.month if ym else 0)
        self.report_year.setValue(ym.year if ym else day.year)
        self.report_year.setEnabled(ym is not None)
        self.statement.setPlainText(iv.statement)
        for use, row in self.consent_rows.items():
            row.load(iv.consent.get(use), day)
        select(self.asked_status, iv.asked_about_status.value)
        select(self.ie_contacted, iv.immigration_enforcement_contacted.value)
        self.shared.setPlainText(iv.what_was_shared)
        for o, box in self.outcomes.items():
            box.setChecked(o in iv.outcomes)
        select(self.fear, iv.fear_delayed_reporting.value)
        select(self.threat, iv.status_used_as_threat.value)
        self.language.setCurrentText(iv.language or "English")
        self.interpreter.setChecked(iv.interpreter_used)
        self.interviewer.setText(iv.interviewer)
        self.interviewer_role.setCurrentText(iv.interviewer_role)
        self.original.setPlainText(iv.original_text)
        select(self.status, iv.status.value)

    def values(self) -> dict[str, Any]:
        """The record's own fields as on the form, as keyword values of :class:`Interview` (the
        force may still be unchosen: ``""``; ``status`` is what the box shows)."""
        month = self.report_month.currentData()
        consent = {use: c for use, row in self.consent_rows.items() if (c := row.consent()) is not None}
        return {
            "interviewed_on": pydate(self.interviewed_on.date()),
            "role": Role(self.role.currentData()),
            "crime_type": CrimeType(self.crime.currentData()) if self.crime.currentData() else None,
            "force": self.force.currentData(),
            "reported_on": YearMonth(self.report_year.value(), month) if month else None,
            "statement": self.statement.toPlainText(),
            "consent": consent,
            "asked_about_status": Answer(self.asked_status.currentData()),
            "immigration_enforcement_contacted": Answer(self.ie_contacted.currentData()),
            "what_was_shared": self.shared.toPlainText(),
            "outcomes": [o for o, box in self.outcomes.items() if box.isChecked()],
            "fear_delayed_reporting": Answer(self.fear.currentData()),
            "status_used_as_threat": Answer(self.threat.currentData()),
            "language": self.language.currentText().strip() or "English",
            "interpreter_used": self.interpreter.isChecked(),
            "interviewer": self.interviewer.text().strip(),
            "interviewer_role": self.interviewer_role.currentText().strip(),
            "original_text": self.original.toPlainText(),
            "status": Status(self.status.currentData()),
        }

    def set_sealed(self, sealed: bool) -> None:
        # A signed statement stays sealed: moving it back to Draft would drop its addenda from exports.
        self.status.setEnabled(not sealed)
        self.status.setToolTip(self.tr("Signed and sealed: later changes are dated addenda") if sealed else "")
        for row in self.consent_rows.values():
            row.refresh()

    def mark_withdrawn(self, use: ConsentUse, on: date, by: str) -> None:
        row = self.consent_rows[use]
        row.withdrawn_on = on
        row.withdrawn_by = by
        row.refresh()

    def clear(self) -> None:
        """Empty every field that can hold interview content, with its undo history."""
        for w in (self.statement, self.shared, self.original):
            w.clear()
        forget_typed(self.interviewer)
        forget_typed(self.interviewer_role.lineEdit())
        self.language.setCurrentText("")
        for row in self.consent_rows.values():
            row.clear()
        for box in self.outcomes.values():
            box.setChecked(False)
        self.statement.document().clearUndoRedoStacks()
        self.shared.document().clearUndoRedoStacks()
        self.original.document().clearUndoRedoStacks()
