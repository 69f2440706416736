"""The People page of the interview: everyone named and every identifier given, which redaction
always removes from exported statements."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop.core.model import Identifier, IdentifierKind, Person, PersonRole
from desktop.ui import labels
from desktop.ui.form_widgets import combo, interview_text, intro, selected_row, table
from desktop.ui.models import IdentifiersModel, PeopleModel, split_aliases
from desktop.ui.session import forget_typed


class PeoplePanel(QWidget):
    """Two lists, people and identifiers, each with a row to add one. ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(8, 12, 8, 8)
        v.addWidget(
            intro(self, self.tr("Everyone named, and every identifier given, is removed from exported statements."))
        )
        v.addWidget(self._build_people(), 1)
        v.addWidget(self._build_identifiers(), 1)
        # Names and addresses as the interviewee gave them, often in Urdu or Arabic: the statement's fonts.
        for field in (self.people_view, self.person_name, self.person_aliases, self.ids_view, self.id_value):
            interview_text(field)
        # Remove can be pressed only while a row of its list is chosen (with none it did nothing).
        for view, button in ((self.people_view, self.remove_person_button), (self.ids_view, self.remove_id_button)):

            def follow(*_args, v: QTableView = view, b: QPushButton = button) -> None:
                b.setEnabled(selected_row(v) >= 0)

            view.selectionModel().selectionChanged.connect(follow)
            view.model().modelReset.connect(follow)
            view.model().rowsRemoved.connect(follow)
            follow()

    def _build_people(self) -> QGroupBox:
        box = QGroupBox(self.tr("People involved"), self)
        pv = QVBoxLayout(box)
        self.people_model = PeopleModel(self.changed.emit, self)
        self.people_view = table(box, self.people_model, self.tr("People involved"))
        self.people_view.setColumnWidth(0, 200)
        self.people_view.setColumnWidth(1, 130)
        pv.addWidget(self.people_view, 1)
        add = QHBoxLayout()
        self.person_name = QLineEdit(box)
        self.person_name.setPlaceholderText(self.tr("Name"))
        self.person_name.setAccessibleName(self.tr("New person: name"))
        self.person_role = combo(
            box, [(labels.person_role_label(r), r.value) for r in PersonRole], self.tr("New person: role")
        )
        self.person_aliases = QLineEdit(box)
        self.person_aliases.setPlaceholderText(self.tr("Other names, separated by ;"))
        self.person_aliases.setAccessibleName(self.tr("New person: other names"))
        self.add_person_button = QPushButton(self.tr("Add person"), box)
        self.add_person_button.setAccessibleName(self.tr("Add person"))
        self.remove_person_button = QPushButton(self.tr("Remove"), box)
        self.remove_person_button.setAccessibleName(self.tr("Remove the selected person"))
        add.addWidget(self.person_name, 3)
        add.addWidget(self.person_role, 2)
        add.addWidget(self.person_aliases, 3)
        add.addWidget(self.add_person_button)
        add.addWidget(self.remove_person_button)
        pv.addLayout(add)
        self.add_person_button.clicked.connect(self.add_person)
        self.person_name.returnPressed.connect(self.add_person)
        self.person_aliases.returnPressed.connect(self.add_person)
        self.remove_person_button.clicked.connect(lambda: self._remove_selected(self.people_view, self.people_model))
        return box

    def _build_identifiers(self) -> QGroupBox:
        box = QGroupBox(self.tr("Identifiers the interviewee gave"), self)
        iv = QVBoxLayout(box)
        self.ids_model = IdentifiersModel(self.changed.emit, self)
        self.ids_view = table(box, self.ids_model, self.tr("Identifiers"))
        self.ids_view.setColumnWidth(0, 220)
        iv.addWidget(self.ids_view, 1)
        add = QHBoxLayout()
        self.id_kind = combo(
            box, [(labels.identifier_label(k), k.value) for k in IdentifierKind], self.tr("New identifier: kind")
        )
        self.id_value = QLineEdit(box)
        self.id_value.setPlaceholderText(self.tr("Address, number or reference"))
        self.id_value.setAccessibleName(self.tr("New identifier: value"))
        self.add_id_button = QPushButton(self.tr("Add identifier"), box)
        self.add_id_button.setAccessibleName(self.tr("Add identifier"))
        self.remove_id_button = QPushButton(self.tr("Remove"), box)
        self.remove_id_button.setAccessibleName(self.tr("Remove the selected identifier"))
        add.addWidget(self.id_kind, 2)
        add.addWidget(self.id_value, 4)
        add.addWidget(self.add_id_button)
        add.addWidget(self.remove_id_button)
        iv.addLayout(add)
        self.add_id_button.clicked.connect(self.add_identifier)
        self.id_value.returnPressed.connect(self.add_identifier)
        self.remove_id_button.clicked.connect(lambda: self._remove_selected(self.ids_view, self.ids_model))
        return box

    # --- record <-> lists -------------------------------------------------------------------

    def show_record(self, people: list[Person], identifiers: list[Identifier]) -> None:
        self.people_model.set_items(list(people))
        self.ids_model.set_items(list(identifiers))

    def people(self) -> list[Person]:
        return list(self.people_model.items())

    def identifiers(self) -> list[Identifier]:
        return list(self.ids_model.items())

    # --- actions --------------------------------------------------------------------------

    def add_person(self) -> None:
        name = self.person_name.text().strip()
        if not name:
            self.person_name.setFocus()
            return
        self.people_model.append(
            Person(name, PersonRole(self.person_role.currentData()), split_aliases(self.person_aliases.text()))
        )
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
    def _remove_selected(view: QTableView, model: PeopleModel | IdentifiersModel) -> None:
        row = selected_row(view)
        if row >= 0:
            model.remove(row)

    def clear(self) -> None:
        """Forget every name and identifier shown or half typed, with the fields' undo history."""
        forget_typed(self.person_name, self.person_aliases, self.id_value)
        self.people_model.set_items([])
        self.ids_model.set_items([])
