"""The statement services against a real vault: what both faces call to review, export and seal."""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path

import pytest

from desktop.core.model import Consent, ConsentUse, Status
from desktop.services import signing, statements
from desktop.services.errors import ConsentMissing, DestinationExists, DestinationRefused, Refused
from desktop.vault import Vault
from tests.factories import PASSPHRASE, new_vault, sample_interview
from tests.pdf_tools import pdftotext


@pytest.fixture
def vault(tmp_path):
    v = new_vault(tmp_path / "vault")
    yield v
    v.lock()


def _add(vault, n: int, prefix: str = "AAAA", **overrides) -> str:
    iv = sample_interview(reference=f"WB-{prefix}-000{n}", id=f"{n:032x}", **overrides)
    vault.interviews.add(iv)
    return iv.id


def _actions(vault, action: str) -> list[str | None]:
    return [e.target for e in vault.audit.entries() if e.action == action]


def test_bulk_export_names_files_by_reference_lists_refusals_and_audits_each_file(vault, tmp_path):
    ids = [_add(vault, n) for n in range(1, 4)]
    iv = vault.interviews.get(ids[1])
    del iv.consent[ConsentUse.COMPLAINT]
    vault.interviews.update(iv)
    out = tmp_path / "out"
    out.mkdir()
    seen = []
    result = statements.export_statements(vault, ids, out, progress=lambda d, t: seen.append((d, t)))
    assert sorted(p.name for p in out.iterdir()) == ["WB-AAAA-0001.pdf", "WB-AAAA-0003.pdf"]
    assert [r.reference for r in result.written] == ["WB-AAAA-0001", "WB-AAAA-0003"]
    assert len(result.refused) == 1 and "WB-AAAA-0002" in result.refused[0][1]
    assert result.consent_refusals == 1 and result.failures == 0
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert all(re.fullmatch(r"[0-9a-f]{64}", r.fingerprint) for r in result.written)
    assert _actions(vault, "statement.exported") == [ids[0], ids[2]]


def test_bulk_export_stops_when_cancelled(vault, tmp_path):
    ids = [_add(vault, n, "BBBB") for n in range(1, 5)]
    stop = threading.Event()

    def progress(done, total):
        if done == 2:
            stop.set()

    result = statements.export_statements(vault, ids, tmp_path, progress=progress, cancel=stop)
    assert result.cancelled and len(result.written) == 2
    assert sorted(p.name for p in Path(tmp_path).glob("*.pdf")) == ["WB-BBBB-0001.pdf", "WB-BBBB-0002.pdf"]


def test_one_export_checks_consent_first_and_writes_nothing_without_it(vault, tmp_path):
    interview_id = _add(vault, 1, consent={})
    assert isinstance(statements.export_refusal(vault, interview_id), ConsentMissing)
    with pytest.raises(ConsentMissing, match="no consent to use it in the complaint"):
        statements.export_statement(vault, interview_id, tmp_path / "s.pdf")
    iv = vault.interviews.get(interview_id)
    iv.consent[ConsentUse.COMPLAINT] = Consent(ConsentUse.COMPLAINT, True, date(2024, 5, 2), "worker",
                                               withdrawn_on=date(2024, 6, 1))
    vault.interviews.update(iv)
    with pytest.raises(ConsentMissing, match="withdrew"):
        statements.export_statement(vault, interview_id, tmp_path / "s.pdf")
    assert list(tmp_path.glob("*.pdf")) == [] and _actions(vault, "statement.exported") == []


def test_an_export_to_a_folder_is_named_by_reference_and_audited(vault, tmp_path):
    interview_id = _add(vault, 7)
    result = statements.export_statement(vault, interview_id, tmp_path)
    assert result.path == tmp_path.resolve() / "WB-AAAA-0007.pdf"
    assert "Agnieszka" not in pdftotext(result.path.read_bytes())
    assert _actions(vault, "statement.exported") == [interview_id]


@pytest.mark.parametrize("name", ["keyslot.json", "vault.db", "backups/x.pdf", "statement.pdf"])
def test_no_file_is_ever_written_inside_a_vault_folder(vault, name):
    interview_id = _add(vault, 1)
    vault.backup_now("manual")
    target = vault.directory / name
    before = {p: p.read_bytes() for p in vault.directory.rglob("*") if p.is_file() and not p.name.endswith("-shm")}
    before.pop(vault.directory / "vault.db-wal", None)  # the open vault's own journal moves on its own
    with pytest.raises(DestinationRefused, match="inside a Witnessbox vault"):
        statements.export_statement(vault, interview_id, target, overwrite=True)
    with pytest.raises(DestinationRefused):
        statements.export_statements(vault, [interview_id], vault.directory / "backups", overwrite=True)
    with pytest.raises(DestinationRefused):
        signing.save_signing_copy(vault, interview_id, target, confirmed=True, overwrite=True)
    after = {p for p in vault.directory.rglob("*") if p.is_file() and not p.name.endswith(("-shm", "-wal"))}
    assert after == set(before) and not any(p.suffix == ".pdf" for p in after)
    assert all(p.read_bytes() == data for p, data in before.items() if p.name != "vault.db")
    directory = vault.directory
    vault.lock()
    Vault.unlock(directory, PASSPHRASE).lock()  # and it still opens


def test_an_existing_file_is_replaced_only_when_asked(vault, tmp_path):
    interview_id = _add(vault, 1)
    target = tmp_path / "mine.pdf"
    target.write_bytes(b"the worker's own file")
    with pytest.raises(DestinationExists, match="already there"):
        statements.export_statement(vault, interview_id, target)
    assert target.read_bytes() == b"the worker's own file"
    statements.export_statement(vault, interview_id, target, overwrite=True)
    assert target.read_bytes().startswith(b"%PDF-")


def test_bulk_export_into_a_folder_with_the_same_files_asks_first(vault, tmp_path):
    ids = [_add(vault, n) for n in (1, 2)]
    (tmp_path / "WB-AAAA-0001.pdf").write_bytes(b"kept")
    assert statements.existing_files(vault, ids, tmp_path) == [tmp_path / "WB-AAAA-0001.pdf"]
    result = statements.export_statements(vault, ids, tmp_path)
    assert [r.reference for r in result.written] == ["WB-AAAA-0002"] and result.failures == 1
    assert (tmp_path / "WB-AAAA-0001.pdf").read_bytes() == b"kept"
    again = statements.export_statements(vault, ids, tmp_path, overwrite=True)
    assert len(again.written) == 2 and (tmp_path / "WB-AAAA-0001.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="this system has no /dev/full device")
def test_a_device_is_never_replaced_by_a_statement(vault):
    interview_id = _add(vault, 1)
    with pytest.raises(DestinationRefused, match="not an ordinary file"):
        statements.export_statement(vault, interview_id, Path("/dev/full"), overwrite=True)
    assert Path("/dev/full").is_char_device()


def test_a_link_is_not_followed(vault, tmp_path):
    interview_id = _add(vault, 1)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    (tmp_path / "link.pdf").symlink_to(precious)
    with pytest.raises(DestinationRefused, match="link"):
        statements.export_statement(vault, interview_id, tmp_path / "link.pdf", overwrite=True)
    assert precious.read_text() == "keep me"


def test_the_signing_copy_is_written_only_where_chosen_after_confirmation(vault, tmp_path):
    interview_id = _add(vault, 1)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Refused, match="only made after you confirm"):
        signing.save_signing_copy(vault, interview_id, out / "chosen.pdf", confirmed=False)
    assert list(out.iterdir()) == [] and _actions(vault, "statement.signing_copy_saved") == []
    written = signing.save_signing_copy(vault, interview_id, out / "chosen.pdf", confirmed=True)
    assert [p.name for p in out.iterdir()] == ["chosen.pdf"] and written == out.resolve() / "chosen.pdf"
    assert "Agnieszka" in pdftotext(written.read_bytes())  # it is the unredacted statement
    assert _actions(vault, "statement.signing_copy_saved") == [interview_id]


def test_sealing_is_one_audited_change_and_happens_once(vault):
    interview_id = _add(vault, 1)
    before = len(vault.audit.entries())
    assert signing.seal(vault, interview_id) is True
    assert vault.interviews.get(interview_id).status == Status.SEALED
    new = [e.action for e in vault.audit.entries()[before:]]
    assert new == ["statement.sealed"]
    assert signing.seal(vault, interview_id) is False
    assert len(vault.audit.entries()) == before + 1


def test_review_and_export_use_the_same_text_and_decisions(vault, tmp_path):
    interview_id = _add(vault, 1, statement="Agnieszka rang the refuge. Later Mrs Okafor from the centre phoned.")
    material = statements.review(vault, interview_id)
    assert material.text == vault.interviews.get(interview_id).statement and material.spans
    kept = next(s for s in material.spans if s.source == "detector")
    from desktop.redaction import Decisions

    decisions = Decisions(material.text)
    decisions.reject(kept, "the name of the day centre")
    statements.save_decisions(vault, interview_id, decisions.to_dict(), material.decisions)
    assert _actions(vault, "redaction.suggestion_kept") == [interview_id]
    content, _forbidden = statements.prepare(vault, interview_id)
    assert material.text[kept.start:kept.end] in content.statement
    statements.save_decisions(vault, interview_id, Decisions(material.text).to_dict(), decisions.to_dict())
    assert _actions(vault, "redaction.suggestion_redacted") == [interview_id]


def test_an_empty_statement_is_refused_for_review(vault):
    interview_id = _add(vault, 1, statement="   ")
    with pytest.raises(Refused, match="nothing to review"):
        statements.review(vault, interview_id)


def _leaky(vault) -> tuple[str, str]:
    """An interview whose reviewer redacted "Walsall" in one place only (as the app did before a
    manual redaction covered every place): the word still stands in paragraph 2, line 2."""
    from desktop.redaction import Decisions

    iv_id = _add(vault, 1, "LEAK")
    iv = vault.interviews.get(iv_id)
    iv.statement = "We lived in Walsall for a year.\n\nThe police came twice.\nThey drove us back to walsall."
    vault.interviews.update(iv)
    text = statements.review(vault, iv_id).text
    d = Decisions(text)
    d.add_manual(text.index("Walsall"), text.index("Walsall") + 7, "ADDRESS")
    vault.redaction.save_decisions(iv_id, d.to_dict())
    return iv_id, text


def test_a_leak_is_refused_with_its_kind_and_place_and_never_the_text_or_a_number(vault, tmp_path):
    from desktop.services.errors import LeakRefused

    iv_id, text = _leaky(vault)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(LeakRefused) as err:
        statements.export_statement(vault, iv_id, out)
    msg = str(err.value)
    assert "a redacted name or address is still in paragraph 2, line 2" in msg
    assert "redact it there too, or keep it" in msg and "Nothing was written" in msg
    assert "walsall" not in msg.casefold() and "item" not in msg.casefold()
    assert not re.search(r"\b\d+\b", msg.replace("paragraph 2, line 2", "").replace("WB-LEAK-0001", ""))
    place = err.value.place
    assert (place.paragraph, place.line) == (2, 2) and text[place.start:place.end] == "walsall"
    assert list(out.iterdir()) == []

    result = statements.export_statements(vault, [iv_id], out)
    assert result.places == {iv_id: place} and "paragraph 2, line 2" in result.refused[0][1]


def test_a_draft_without_a_crime_is_kept_but_not_exported(vault, tmp_path):
    from desktop.core.model import validate

    iv_id = _add(vault, 1, "NOCR", crime_type=None, status=Status.DRAFT)
    assert vault.interviews.get(iv_id).crime_type is None
    iv = vault.interviews.get(iv_id)
    assert validate(iv, date(2030, 1, 1)) == []
    iv.status = Status.COMPLETE
    assert any("Choose the crime reported" in p for p in validate(iv, date(2030, 1, 1)))
    with pytest.raises(Refused, match="crime reported is not chosen"):
        statements.export_statement(vault, iv_id, tmp_path)
    assert "crime reported is not chosen" in str(statements.export_refusal(vault, iv_id))


def test_a_draft_without_a_crime_is_left_out_of_the_evidence_totals_until_one_is_chosen(vault):
    from desktop.core.model import CrimeType
    from desktop.services import evidence

    _add(vault, 1, "EVCR")
    iv_id = _add(vault, 2, "EVCR", crime_type=None, status=Status.DRAFT)
    assert len(evidence.records(vault)) == 1
    iv = vault.interviews.get(iv_id)
    iv.crime_type = CrimeType.HATE_CRIME
    vault.interviews.update(iv)
    assert len(evidence.records(vault)) == 2
