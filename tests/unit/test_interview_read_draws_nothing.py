"""Reading an interview back from the vault keeps its stored id and reference, and draws nothing from
the system's randomness for them: a needless draw per record read (thousands on a coordinator's list)
would only be thrown away. A record that has none (typed new, or in an old import) still gets fresh
ones. Real vault; the two random sources are counted, not replaced."""

from __future__ import annotations

import secrets
import uuid

import pytest

from desktop.core.model import Interview
from tests.factories import make_interview, new_vault


@pytest.fixture
def draws(monkeypatch):
    counted = {"reference": 0, "id": 0}
    choice, uuid4 = secrets.choice, uuid.uuid4

    def counting_choice(seq):
        counted["reference"] += 1
        return choice(seq)

    def counting_uuid4():
        counted["id"] += 1
        return uuid4()

    monkeypatch.setattr(secrets, "choice", counting_choice)
    monkeypatch.setattr(uuid, "uuid4", counting_uuid4)
    return counted


def test_an_interview_read_from_the_vault_draws_no_id_or_reference(tmp_path, draws):
    v = new_vault(tmp_path / "vault")
    try:
        stored = make_interview("The officer asked for my visa before anything else.")
        v.interviews.add(stored)
        draws.update(reference=0, id=0)
        got = v.interviews.get(stored.id)
        assert (got.id, got.reference) == (stored.id, stored.reference)
        assert draws == {"reference": 0, "id": 0}
    finally:
        v.lock()


def test_a_record_without_id_or_reference_still_gets_fresh_ones(draws):
    d = make_interview("New.").to_dict()
    del d["id"], d["reference"]
    draws.update(reference=0, id=0)
    iv = Interview.from_dict(d)
    assert draws == {"reference": 8, "id": 1}
    assert iv.reference.startswith("WB-") and len(iv.id) == 32
    assert Interview.from_dict(d).reference != iv.reference
