"""The search box finds what a person expects while she types, off the thread that draws the window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.model import Person
from tests.factories import make_interview
from tests.ui.driving import PASSPHRASE, HeldThreadPool


def _open_with(qtbot, make_window, pool):
    window = make_window(pool=pool)
    page = window.create_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.confirm, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
        pool.release()
    pool.release()
    return window


def test_typing_the_start_of_a_name_finds_it_and_the_search_runs_in_the_background(qtbot, make_window):
    pool = HeldThreadPool()
    window = _open_with(qtbot, make_window, pool)
    vault = window.vault
    amina = make_interview("She told the officer everything.", people=[Person("Amina Khan")], identifiers=[])
    urdu = make_interview("میں نے پولیس کو بتایا", people=[], identifiers=[])
    other = make_interview('He wrote "AND" and -visa- on a star*red note.', people=[Person("Gary Doyle")],
                           identifiers=[])
    for iv in (amina, urdu, other):
        vault.interviews.add(iv)
    page = window.list_page
    page.refresh()
    pool.release()
    assert page.model.total == 3

    def shown_after_typing(text: str) -> set[str]:
        page.search.clear()
        pool.release()
        before = [page.model.summary(r) for r in range(page.model.rowCount())]
        if text.isascii():
            qtbot.keyClicks(page.search, text)
        else:  # QTest types ASCII only; inserting is what an input method does
            page.search.insert(text)
        qtbot.waitUntil(lambda: bool(pool.held), timeout=2000)  # the search waits for the pool...
        assert [page.model.summary(r) for r in range(page.model.rowCount())] == before  # ...nothing ran here
        pool.release()
        assert page.count_label.text() != page.tr("The list could not be read. Try again.")
        return {page.model.summary(r).id for r in range(page.model.rowCount())}

    assert shown_after_typing("Amin") == {amina.id}
    assert shown_after_typing("amina") == {amina.id}
    assert shown_after_typing("Amin ") == set()  # a space: the word is finished, and whole
    assert shown_after_typing("officer Am") == {amina.id}
    assert shown_after_typing("پول") == {urdu.id}
    assert shown_after_typing('"AN') == {other.id}
    assert shown_after_typing("wrote AND") == {other.id}
    assert shown_after_typing("-vis") == {other.id}
    assert shown_after_typing("star*") == {other.id}
    assert shown_after_typing("AND") == {other.id}  # the word "and", not an operator
    for nothing in ('"', "*", "-", "NOT Amina", "NEAR(Amin", "Amin OR Gary"):
        assert shown_after_typing(nothing) == set(), nothing
    # The export offered from the list takes the same interviews the list shows.
    page.search.clear()
    qtbot.keyClicks(page.search, "Amin")
    assert vault.interviews.count(page.current_filter()) == 1
