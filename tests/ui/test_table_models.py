"""The item models, without any widget: columns, lazy paging, sorting, filtering, dropping rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from PySide6.QtCore import QModelIndex, Qt

from desktop.core.model import AttachmentInfo, CrimeType, Identifier, IdentifierKind, Person, PersonRole, Role, Status
from desktop.ui.models import AttachmentsModel, IdentifiersModel, InterviewTableModel, PeopleModel
from desktop.vault import InterviewSummary, ListFilter

DISPLAY = Qt.ItemDataRole.DisplayRole


def summary(n: int) -> InterviewSummary:
    return InterviewSummary(
        id=f"id{n:05d}", reference=f"WB-{n:04d}-TEST", interviewed_on=date(2026, 1, 1) + timedelta(days=n % 300),
        role=Role.WITNESS if n % 2 else Role.VICTIM, crime_type=CrimeType.HATE_CRIME, force="kent",
        status=Status.DRAFT, consent_complaint=n % 3 == 0, people_count=n % 4,
        updated_at=datetime(2026, 11, 1, tzinfo=UTC) + timedelta(minutes=n),
    )


class ListSource:
    """Stands in for the vault's interview repository: records what the model asked for."""

    def __init__(self, n: int) -> None:
        self.rows = [summary(i) for i in range(n)]
        self.calls: list[dict] = []

    def _match(self, flt):
        rows = self.rows
        if flt is not None and flt.consent_complaint is not None:
            rows = [r for r in rows if r.consent_complaint == flt.consent_complaint]
        return rows

    def list_summaries(self, flt=None, *, offset=0, limit=200, sort="updated_at", descending=True):
        self.calls.append({"offset": offset, "limit": limit, "sort": sort, "descending": descending, "flt": flt})
        rows = sorted(self._match(flt), key=lambda r: getattr(r, sort), reverse=descending)
        return rows[offset:offset + limit]

    def count(self, flt=None):
        return len(self._match(flt))


@pytest.fixture
def model(qapp):
    m = InterviewTableModel(page_size=200)
    yield m
    m.deleteLater()


def test_ten_thousand_interviews_are_fetched_a_page_at_a_time(model):
    source = ListSource(10_000)
    model.set_source(source)
    assert model.total == 10_000
    assert model.rowCount() == 200
    assert all(c["limit"] == 200 for c in source.calls)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    assert source.calls[-1]["offset"] == 200
    assert len(source.calls) == 2


def test_columns_show_the_summary_in_words(model):
    model.set_source(ListSource(3))
    row = [s for s in range(3) if model.summary(s).id == "id00000"][0]

    def cell(col):
        return model.data(model.index(row, col), DISPLAY)

    assert model.columnCount() == InterviewTableModel.COLUMN_COUNT
    assert cell(InterviewTableModel.COL_REFERENCE) == "WB-0000-TEST"
    assert cell(InterviewTableModel.COL_INTERVIEWED) == "2026-01-01"
    assert cell(InterviewTableModel.COL_ROLE) == "Victim"
    assert cell(InterviewTableModel.COL_CRIME) == "Hate crime"
    assert cell(InterviewTableModel.COL_FORCE) == "Kent Police"
    assert cell(InterviewTableModel.COL_CONSENT) == "Given"
    assert cell(InterviewTableModel.COL_STATUS) == "Draft"
    assert cell(InterviewTableModel.COL_PEOPLE) == "0"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.UserRole) == "id00000"
    headers = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(model.columnCount())]
    assert headers[InterviewTableModel.COL_FORCE] == "Police force"


def test_sorting_asks_the_vault_and_starts_again_from_the_top(model):
    source = ListSource(500)
    model.set_source(source)
    model.fetchMore(QModelIndex())
    model.sort(InterviewTableModel.COL_INTERVIEWED, Qt.SortOrder.AscendingOrder)
    assert source.calls[-1] == {"offset": 0, "limit": 200, "sort": "interviewed_on", "descending": False,
                                "flt": None}
    assert model.rowCount() == 200
    assert model.summary(0).interviewed_on == date(2026, 1, 1)


@pytest.mark.parametrize(("column", "key"), [(InterviewTableModel.COL_CONSENT, "consent_complaint"),
                                             (InterviewTableModel.COL_PEOPLE, "people_count")])
def test_consent_and_people_columns_sort_through_the_vault(model, column, key):
    source = ListSource(500)
    model.set_source(source)
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert model.sort_key == (key, True)
    assert source.calls[-1] == {"offset": 0, "limit": 200, "sort": key, "descending": True, "flt": None}
    values = [getattr(model.summary(r), key) for r in range(model.rowCount())]
    assert values == sorted(values, reverse=True) and len(set(values)) > 1


def test_every_column_sorts(model):
    assert set(InterviewTableModel.SORT_KEYS) == set(range(InterviewTableModel.COLUMN_COUNT))


def test_further_pages_are_read_in_the_background_too(qapp):
    """Scrolling asks for the next page; with a search it runs the search again, so it must not run on
    the thread that draws the window."""
    pending = []
    m = InterviewTableModel(run_in_background=lambda work, done: pending.append((work, done)))
    source = ListSource(1000)
    m.set_source(source)
    work, done = pending.pop()
    done(work())
    assert m.rowCount() == 200 and len(source.calls) == 1
    m.fetchMore(QModelIndex())
    assert len(source.calls) == 1 and len(pending) == 1  # nothing read here
    assert not m.canFetchMore(QModelIndex())  # one page at a time
    m.fetchMore(QModelIndex())
    assert len(pending) == 1
    work, done = pending.pop()
    done(work())
    assert m.rowCount() == 400 and source.calls[-1]["offset"] == 200
    m.fetchMore(QModelIndex())
    stale_work, stale_done = pending.pop()
    m.set_filter(ListFilter(consent_complaint=True))  # a new filter before that page came back
    work, done = pending.pop()
    done(work())
    stale_done(stale_work())
    assert m.total == 334 and m.rowCount() == 200
    assert all(s.consent_complaint for s in (m.summary(r) for r in range(m.rowCount())))
    assert m.canFetchMore(QModelIndex())
    m.deleteLater()


def test_filter_is_passed_through_and_the_total_follows(model):
    source = ListSource(30)
    model.set_source(source)
    model.set_filter(ListFilter(consent_complaint=True))
    assert model.total == 10 and model.rowCount() == 10
    assert source.calls[-1]["flt"] == ListFilter(consent_complaint=True)


def test_clear_drops_every_row_and_the_source(model):
    model.set_source(ListSource(50))
    model.clear()
    assert model.rowCount() == 0 and model.total == 0
    assert not model.canFetchMore(QModelIndex())
    assert model.data(model.index(0, 0), DISPLAY) is None


def test_people_model_edits_and_reports_changes(qapp):
    changes = []
    m = PeopleModel(lambda: changes.append(1))
    m.set_items([Person("Amira Hassan", PersonRole.INTERVIEWEE, ["Umm Yusuf"])])
    assert m.data(m.index(0, PeopleModel.COL_ROLE), DISPLAY) == "Interviewee"
    assert m.data(m.index(0, PeopleModel.COL_ALIASES), DISPLAY) == "Umm Yusuf"
    assert m.setData(m.index(0, PeopleModel.COL_ALIASES), "Amira; A. H.")
    assert m.items()[0].aliases == ["Amira", "A. H."]
    assert not m.setData(m.index(0, PeopleModel.COL_NAME), "   ")  # a person keeps a name
    m.append(Person("Gary", PersonRole.PERPETRATOR))
    m.remove(0)
    assert [p.name for p in m.items()] == ["Gary"] and len(changes) == 3
    assert not m.flags(m.index(0, PeopleModel.COL_ROLE)) & Qt.ItemFlag.ItemIsEditable


def test_identifiers_and_attachments_models(qapp):
    ids = IdentifiersModel()
    ids.set_items([Identifier(IdentifierKind.HOME_OFFICE_REF, "H1234567")])
    assert ids.data(ids.index(0, IdentifiersModel.COL_KIND), DISPLAY) == "Home Office reference"
    att = AttachmentsModel()
    att.set_items([AttachmentInfo("a1", "letter.pdf", "application/pdf", 2_500_000, "00")])
    assert [att.data(att.index(0, c), DISPLAY) for c in range(3)] == ["letter.pdf", "PDF document", "2.4 MB"]
    assert att.data(att.index(0, 0), Qt.ItemDataRole.UserRole) == "a1"


def test_a_query_that_ends_after_a_lock_or_a_newer_query_is_dropped(qapp):
    pending = []
    m = InterviewTableModel(run_in_background=lambda work, done: pending.append((work, done)))
    source = ListSource(30)
    m.set_source(source)
    m.set_filter(ListFilter(consent_complaint=True))
    assert m.rowCount() == 0 and len(pending) == 2  # nothing shown until a query ends
    first, second = pending
    second[1](second[0]())
    first[1](first[0]())  # the older query ends last: ignored
    assert m.total == 10
    m.refresh()
    m.clear()  # lock
    work, done = pending[-1]
    done(work())
    assert m.rowCount() == 0 and m.total == 0
    m.deleteLater()
