"""A stick shared by several workers: the coordinator imports every laptop's bundles from it and writes
every receipt onto it, then each worker takes in the receipts from the same stick. A receipt for another
laptop's bundle marks nothing and is not a refusal. Real vaults, real age bundles and receipt files."""

from __future__ import annotations

from desktop.services import transfer
from desktop.services.transfer_screens import import_from_stick
from tests.factories import make_interview, new_vault
from tests.transfer_vaults import enrol_pair


def test_each_worker_takes_in_their_own_receipts_and_the_others_are_no_refusal(tmp_path):
    amira, bogdan, coord = (new_vault(tmp_path / n) for n in ("amira", "bogdan", "coord"))
    try:
        transfer.set_role(coord, "coordinator")
        for field in (amira, bogdan):
            transfer.set_role(field, "field")
            enrol_pair(field, coord)
        stick = tmp_path / "stick"
        stick.mkdir()
        for field in (amira, bogdan, amira):
            field.interviews.add(make_interview("The officer asked about my visa."))
            transfer.export_bundle(field, stick)
        assert transfer.import_bundles(coord, stick).count("imported") == 3
        for field, mine in ((amira, 2), (bogdan, 1)):
            got = import_from_stick(field, stick).receipts
            assert len(got) == 3
            assert sorted(r.delivered for r in got if not r.elsewhere) == [1] * mine
            others = [r for r in got if r.elsewhere]
            assert len(others) == 3 - mine and all(r.delivered is None and not r.held_back for r in others)
            assert {transfer.delivery(field, i) for i in field.interviews.ids()} == {"delivered"}
    finally:
        for v in (amira, bogdan, coord):
            v.lock()
