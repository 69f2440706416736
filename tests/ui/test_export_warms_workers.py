"""The app's export of many statements: its workers start warming when the export dialog opens, while
the person chooses the folder, rather than after she presses Export (their fork server's imports and
warm-up take about half a second of a core). A dialog for fewer statements than the workers take
starts nothing."""

from __future__ import annotations

import dataclasses
import sys

import pytest

from desktop.services import pool, statements
from tests.factories import sample_interview
from tests.ui.driving import create_vault

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or pool.cores() < 2,
    reason="the workers' fork server is used on Linux, with two cores or more",
)


@pytest.fixture
def window(qtbot, make_window, tmp_path):
    w = make_window(choose_folder=lambda _parent: tmp_path / "statements")
    create_vault(qtbot, w)
    return w


def _add(window, consented: int, not_consented: int) -> None:
    ivs = [sample_interview(reference=f"WB-WARM-{k:04d}", id=f"{k + 1:032x}") for k in range(consented)]
    ivs += [dataclasses.replace(sample_interview(reference=f"WB-COLD-{k:04d}", id=f"{k + 501:032x}"), consent={})
            for k in range(not_consented)]
    window.vault.interviews.add_many(ivs)


def test_opening_the_export_of_many_statements_starts_the_workers_before_export_is_pressed(window,
                                                                                           fork_server_starts):
    _add(window, statements.POOL_FROM, 0)
    dialog = window.statements.export_many()
    assert dialog is not None and dialog.isVisible()
    assert len(fork_server_starts) == 1, "the workers warm while the folder is chosen"
    dialog.reject()


def test_the_export_dialog_counts_only_the_statements_it_will_export(window, fork_server_starts):
    _add(window, statements.POOL_FROM - 1, 3)  # eleven listed, seven consented: made without the workers
    dialog = window.statements.export_many()
    assert dialog is not None and dialog.interviews.count() == statements.POOL_FROM + 2
    assert fork_server_starts == []
    dialog.reject()
