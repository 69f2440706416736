"""Qt item models. Each is tested without widgets (tests/ui/test_table_models.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.forces import force_by_code
from desktop.core.model import AttachmentInfo, Identifier, IdentifierKind, Person, PersonRole
from desktop.ui import labels

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


def _t(text: str) -> str:
    return QCoreApplication.translate("Models", text)


def force_name(code: str) -> str:
    try:
        return force_by_code(code).name
    except ValueError:
        return _t("Not chosen")


class SummarySource(Protocol):
    """What the list needs from the vault's interview repository."""

    def list_summaries(self, flt=None, *, offset: int = 0, limit: int = 200, sort: str = "updated_at",
                       descending: bool = True) -> list: ...

    def count(self, flt=None) -> int: ...


class _Page(list):
    """One page of summaries, with the transfer words read for them on the same worker thread."""

    marks: dict[str, str]

    def __init__(self, rows) -> None:
        super().__init__(rows)
        self.marks = {}


def transfer_words(mark: str) -> str:
    """The service's words for where an interview stands, as the list shows them."""
    words = {"not sent": _t("Not sent"), "sent, awaiting receipt": _t("Sent, awaiting receipt"),
             "delivered": _t("Delivered"), "made here": _t("Made here"),
             "refused by the coordinator, held back": _t("Refused by the coordinator, held back")}
    return words.get(mark, mark)


class InterviewTableModel(QAbstractTableModel):
    """The interview list: summaries only (never statement text), fetched a page at a time."""

    COL_REFERENCE = 0
    COL_INTERVIEWED = 1
    COL_ROLE = 2
    COL_CRIME = 3
    COL_FORCE = 4
    COL_CONSENT = 5
    COL_STATUS = 6
    COL_PEOPLE = 7
    COL_UPDATED = 8
    COLUMN_COUNT = 9
    COL_TRANSFER = 9  # only with marks: delivery (field vault) or device of origin (coordinator)

    # Column -> the vault's sort key (every column sorts; the vault only takes these names).
    SORT_KEYS = {
        COL_REFERENCE: "reference",
        COL_INTERVIEWED: "interviewed_on",
        COL_ROLE: "role",
        COL_CRIME: "crime_type",
        COL_FORCE: "force",
        COL_CONSENT: "consent_complaint",
        COL_STATUS: "status",
        COL_PEOPLE: "people_count",
        COL_UPDATED: "updated_at",
    }

    def __init__(self, page_size: int = 200, parent=None,
                 run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None] | None = None) -> None:
        """``run_in_background(work, on_done)``: where every query (filter, search, sort, and each
        further page as the view scrolls) runs, so a search over ten thousand statements never freezes
        typing or scrolling. None: at once, here."""
        super().__init__(parent)
        self._page = page_size
        self._run = run_in_background
        self._generation = 0
        self._source: SummarySource | None = None
        self._filter: Any = None
        self._sort = "updated_at"
        self._descending = True
        self._rows: list = []
        self._total = 0
        self._fetching = False  # a further page is being read
        # (role, marks(ids) -> {id: words}): the transfer column, read with each page; None: no column
        self._marks_source: tuple[str, Callable[[list[str]], dict[str, str]]] | None = None
        self._marks: dict[str, str] = {}

    # --- data source ----------------------------------------------------------------------

    def set_source(self, source: SummarySource | None, *, flt: Any = None,
                   marks: tuple[str, Callable[[list[str]], dict[str, str]]] | None = None) -> None:
        """Read from ``source`` (with ``flt`` if given: one query, not one per step). ``marks``:
        ("field" | "coordinator", a function giving each listed interview's transfer words)."""
        if (marks is None) != (self._marks_source is None):
            self.beginResetModel()
            self._marks_source = marks
            self.endResetModel()
        self._marks_source = marks
        self._source = source
        if flt is not None:
            self._filter = flt
        self.refresh()

    @property
    def marks_role(self) -> str | None:
        return None if self._marks_source is None else self._marks_source[0]

    @property
    def has_source(self) -> bool:
        return self._source is not None

    def clear(self) -> None:
        """Drop every decrypted row (on lock). A query still running is ignored when it ends."""
        self._generation += 1
        self._fetching = False
        self.beginResetModel()
        self._source = None
        self._filter = None
        self._rows = []
        self._marks = {}
        self._marks_source = None
        self._total = 0
        self.endResetModel()

    def set_filter(self, flt: Any) -> None:
        self._filter = flt
        self.refresh()

    @property
    def total(self) -> int:
        """How many interviews match the filter (rows are fetched as the view scrolls)."""
        return self._total

    def refresh(self) -> None:
        self._generation += 1
        self._fetching = False
        generation = self._generation
        source, flt, sort, descending = self._source, self._filter, self._sort, self._descending
        if source is None:
            self._apply(generation, (0, []))
            return

        def query():
            return source.count(flt), self._query(source, flt, 0, sort, descending)

        if self._run is None:
            self._apply(generation, query())
        else:
            self._run(query, lambda result: self._apply(generation, result))

    def _apply(self, generation: int, result: tuple[int, list]) -> None:
        if generation != self._generation:
            return  # a newer query, or a lock, came after this one
        self.beginResetModel()
        self._total, self._rows = result
        self._marks = dict(getattr(self._rows, "marks", {}))
        self.endResetModel()

    def _query(self, source, flt, offset: int, sort: str, descending: bool) -> list:
        rows = _Page(source.list_summaries(flt, offset=offset, limit=self._page, sort=sort, descending=descending))
        if self._marks_source is not None and rows:
            rows.marks = self._marks_source[1]([s.id for s in rows])
        return rows

    def canFetchMore(self, parent: _Index = _NO_INDEX) -> bool:  # noqa: N802
        return (not parent.isValid() and self._source is not None and not self._fetching
                and len(self._rows) < self._total)

    def fetchMore(self, parent: _Index = _NO_INDEX) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        generation, offset = self._generation, len(self._rows)
        source, flt, sort, descending = self._source, self._filter, self._sort, self._descending

        def query():
            return self._query(source, flt, offset, sort, descending)

        if self._run is None:
            self._append(generation, offset, query())
        else:
            # Until this page arrives no other is asked for; a refresh or a lock forgets it.
            self._fetching = True
            self._run(query, lambda rows: self._append(generation, offset, rows))

    def _append(self, generation: int, offset: int, more: list) -> None:
        if generation != self._generation or offset != len(self._rows):
            return  # a newer query, or a lock, came after this page was asked for
        self._fetching = False
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._marks.update(getattr(more, "marks", {}))
        self._rows.extend(more)
        self.endInsertRows()

    def summary(self, row: int):
        return self._rows[row]

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802
        if parent.isValid():
            return 0
        return self.COLUMN_COUNT + (1 if self._marks_source is not None else 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == self.COL_CONSENT:
                return _t("Consent to use the interview in the complaint")
            return None
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.COL_TRANSFER:
            return _t("Delivery") if self.marks_role == "field" else _t("From") if self.marks_role else None
        return [
            _t("Reference"), _t("Interviewed"), _t("Role"), _t("Crime"), _t("Police force"), _t("Consent"),
            _t("Status"), _t("People"), _t("Last changed"),
        ][section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_PEOPLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == self.COL_REFERENCE:
            return s.reference
        if col == self.COL_INTERVIEWED:
            return s.interviewed_on.isoformat()
        if col == self.COL_ROLE:
            return labels.role_label(s.role)
        if col == self.COL_CRIME:
            return labels.crime_label(s.crime_type)
        if col == self.COL_FORCE:
            return force_name(s.force)
        if col == self.COL_CONSENT:
            return _t("Given") if s.consent_complaint else _t("No")
        if col == self.COL_STATUS:
            return labels.status_label(s.status)
        if col == self.COL_PEOPLE:
            return str(s.people_count)
        if col == self.COL_UPDATED:
            return s.updated_at.astimezone().date().isoformat() if s.updated_at else ""
        if col == self.COL_TRANSFER and self._marks_source is not None:
            return transfer_words(self._marks.get(s.id, ""))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._source is not None:
            self.refresh()

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending


class _ListModel(QAbstractTableModel):
    """A small editable table over a Python list; ``changed`` is called after every edit."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, on_change: Callable[[], None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._items: list = []
        self._on_change = on_change or (lambda: None)

    def items(self) -> list:
        return list(self._items)

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def append(self, item) -> None:
        n = len(self._items)
        self.beginInsertRows(QModelIndex(), n, n)
        self._items.append(item)
        self.endInsertRows()
        self._on_change()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()
            self._on_change()

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _t(self.HEADERS[section])
        return None


class PeopleModel(_ListModel):
    COL_NAME = 0
    COL_ROLE = 1
    COL_ALIASES = 2
    HEADERS = ("Name", "Role", "Also known as")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p: Person = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return [p.name, labels.person_role_label(p.role), "; ".join(p.aliases)][index.column()]
        if role == Qt.ItemDataRole.EditRole:
            return [p.name, p.role.value, "; ".join(p.aliases)][index.column()]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.COL_NAME, self.COL_ALIASES):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        p: Person = self._items[index.row()]
        text = str(value)
        if index.column() == self.COL_NAME:
            if not text.strip():
                return False
            self._items[index.row()] = replace(p, name=text.strip())
        elif index.column() == self.COL_ALIASES:
            self._items[index.row()] = replace(p, aliases=split_aliases(text))
        elif index.column() == self.COL_ROLE:
            self._items[index.row()] = replace(p, role=PersonRole(text))
        else:
            return False
        self.dataChanged.emit(index, index)
        self._on_change()
        return True


def split_aliases(text: str) -> list[str]:
    return [a.strip() for a in text.split(";") if a.strip()]


class IdentifiersModel(_ListModel):
    COL_KIND = 0
    COL_VALUE = 1
    HEADERS = ("Kind", "Value")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        i: Identifier = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return [labels.identifier_label(i.kind), i.value][index.column()]
        if role == Qt.ItemDataRole.EditRole:
            return [i.kind.value, i.value][index.column()]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_VALUE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        i: Identifier = self._items[index.row()]
        text = str(value)
        if index.column() == self.COL_VALUE:
            if not text.strip():
                return False
            self._items[index.row()] = Identifier(i.kind, text.strip())
        elif index.column() == self.COL_KIND:
            self._items[index.row()] = Identifier(IdentifierKind(text), i.value)
        else:
            return False
        self.dataChanged.emit(index, index)
        self._on_change()
        return True


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


class AttachmentsModel(_ListModel):
    COL_NAME = 0
    COL_TYPE = 1
    COL_SIZE = 2
    HEADERS = ("File", "Type", "Size")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a: AttachmentInfo = self._items[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            kind = _t("PDF document") if a.media_type == "application/pdf" else _t("Picture")
            return [a.display_name, kind, human_size(a.size)][index.column()]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
