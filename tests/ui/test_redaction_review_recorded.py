"""The review list shows one row per recorded identifier: a recorded address found whole, in
pieces (its street, its postcode) and again later, is one address to the reviewer."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.redaction import KnownIdentifiers
from desktop.ui.redaction_review import RedactionReview

TEXT = ("We rented 27 Larchfield Crescent, Walsall WS2 8QN from Tomasz Wrobel. "
        "Later his van was parked on Larchfield Crescent. He rang me on 07911 204386.")  # fmt: skip
KNOWN = KnownIdentifiers(people=[("Tomasz Wrobel", [])],
                         identifiers=[("address", "27 Larchfield Crescent, Walsall WS2 8QN"),
                                      ("phone", "07911 204386")])  # fmt: skip


def test_one_row_per_recorded_address(qtbot):
    w = RedactionReview(TEXT, KNOWN)
    qtbot.addWidget(w)
    w.show()
    rows = [w.list.item(i).text() for i in range(w.list.count())]
    address_rows = [r for r in rows if "Larchfield" in r or "WS2" in r]
    assert len(address_rows) == 1, rows
    row = address_rows[0]
    assert "27 Larchfield Crescent" in row and "WS2 8QN" in row and "3 places" in row
    assert "Walsall" not in row  # the town stays: it is not a piece of what is redacted
    # Every piece is still highlighted, and the statement reads one address with its postcode.
    assert len(w.view.extraSelections()) == len(w.items()) > len(rows)
    with qtbot.waitSignal(w.applied) as sig:
        qtbot.mouseClick(w.apply_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].text.startswith("We rented [ADDRESS 1], Walsall [POSTCODE 1] from Person A.")
    assert "parked on [ADDRESS 1]." in sig.args[0].text
