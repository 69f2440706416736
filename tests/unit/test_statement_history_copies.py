"""A sealed statement edited on two laptops of one lineage (the old laptop and the laptop restored from
its copy): its history shows every saved version the coordinator keeps, each saying in words which
laptop it came from, and the statement's addenda hold both laptops' additions.

Saved versions are kept per interview, number and content (schema 9), but the history read one copy
per number (the first kept) and gave it for each copy: the other laptop's edit never reached the
signed statement's addenda. Real vaults, a real backup copy, real bundles, the real command line.
"""

from __future__ import annotations

import dataclasses
import io
import re

from desktop.cli import Context, run
from desktop.services import backups, signing, statement_history, statements, transfer
from desktop.services.transfer_screens import device_label
from desktop.vault import Vault
from tests.factories import PASSPHRASE, make_interview
from tests.transfer_vaults import make_pair
from tests.transfer_vaults import send_bundle as _send

SIGNED = "I was stopped on my way home and asked for my papers."
OLD_ADDENDUM = " Later I remembered the officer's van."
NEW_ADDENDUM = " On the restored laptop I added that I was afraid to call again."
OLD_SECOND = " The officer came back the next week."


def _import(coord, sent):
    outcome = transfer.import_bundles(coord, sent.path).bundles[0]
    assert outcome.status == "imported", outcome.reason


def _edit(vault, interview_id, text):
    vault.interviews.update(dataclasses.replace(vault.interviews.get(interview_id), statement=text))


def _sealed_on_two_laptops(tmp_path):
    """Sealed and sent; then both the old laptop and the laptop restored from its copy add to it (one
    number, two edits); then the old laptop adds again, so both edits are history on the coordinator."""
    old, coord = make_pair(tmp_path)
    iv = make_interview(SIGNED)
    old.interviews.add(iv)
    assert signing.seal(old, iv.id)
    _import(coord, _send(old, tmp_path, "1"))
    (tmp_path / "backup-stick").mkdir()
    backups.backup_to_folder(old, tmp_path / "backup-stick")
    backups.restore_copy(tmp_path / "backup-stick", tmp_path / "restored", PASSPHRASE)
    new = Vault.unlock(tmp_path / "restored", PASSPHRASE)
    _edit(old, iv.id, SIGNED + OLD_ADDENDUM)
    _import(coord, _send(old, tmp_path, "old-2"))
    _edit(new, iv.id, SIGNED + NEW_ADDENDUM)  # the same number, on the other laptop
    _import(coord, _send(new, tmp_path, "new-2"))
    _edit(old, iv.id, SIGNED + OLD_ADDENDUM + OLD_SECOND)
    _import(coord, _send(old, tmp_path, "old-3"))
    return old, new, coord, iv.id


def test_the_sealed_statement_keeps_both_laptops_additions(tmp_path):
    old, new, coord, iv_id = _sealed_on_two_laptops(tmp_path)
    iv = coord.interviews.get(iv_id)
    assert iv.statement == SIGNED + OLD_ADDENDUM + OLD_SECOND
    history = statements.saved_versions(coord, iv)
    assert sorted(v.statement for v in history) == sorted([SIGNED, SIGNED + OLD_ADDENDUM, SIGNED + NEW_ADDENDUM])
    text = statements.statement_text(iv, history)
    assert text.startswith(SIGNED)
    assert NEW_ADDENDUM.strip() in text  # the restored laptop's addition: missing before
    assert OLD_ADDENDUM.strip() in text and OLD_SECOND.strip() in text
    # the copy the current version builds on comes last of its number, so the addendum after it is
    # only what was added, not the whole statement again
    assert text.endswith(statements.ADDENDUM_BREAK + OLD_SECOND.strip())


def test_the_history_says_which_laptop_each_version_came_from(tmp_path):
    old, new, coord, iv_id = _sealed_on_two_laptops(tmp_path)
    old_label = device_label(transfer.public_keys(old).fingerprint)
    new_label = device_label(transfer.public_keys(new).fingerprint)
    entries = statement_history.versions(coord, iv_id)
    by_text = {e.interview.statement: e for e in entries}
    assert len(entries) == 3 and set(by_text) == {SIGNED, SIGNED + OLD_ADDENDUM, SIGNED + NEW_ADDENDUM}
    assert old_label in by_text[SIGNED + OLD_ADDENDUM].laptop
    assert new_label in by_text[SIGNED + NEW_ADDENDUM].laptop
    assert "restored from a backup" in by_text[SIGNED + NEW_ADDENDUM].laptop
    assert "restored" not in by_text[SIGNED + OLD_ADDENDUM].laptop
    copies = [e for e in entries if e.two_laptops]
    assert len(copies) == 2 and len({e.number for e in copies}) == 1  # one number, two laptops' edits

    # on the laptop itself, every version was saved there
    assert {e.laptop for e in statement_history.versions(old, iv_id)} == {"saved on this laptop"}


def test_show_history_lists_every_version_in_words(tmp_path, app_paths):
    old, new, coord, iv_id = _sealed_on_two_laptops(tmp_path)
    reference = coord.interviews.get(iv_id).reference
    coord.lock()
    passphrase_file = tmp_path / "pw.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(paths=app_paths, stdin=io.StringIO(), stdout=out, stderr=err)
    code = run(["show", reference, "--history", "--vault", str(tmp_path / "coord"), "--passphrase-file",
                str(passphrase_file)], ctx)
    assert code == 0, err.getvalue()
    shown = out.getvalue()
    assert device_label(transfer.public_keys(new).fingerprint) in shown
    assert device_label(transfer.public_keys(old).fingerprint) in shown
    assert "restored from a backup" in shown and "edited on two laptops" in shown
    assert shown.count("Version ") == 3
    assert NEW_ADDENDUM.strip() not in shown.split("Saved versions")[1]  # what changed is in the statement, not here
    fingerprints = (transfer.public_keys(v).fingerprint for v in (old, new))
    history = shown.split("Saved versions")[1]
    assert not any(f in shown for f in fingerprints) and not re.search(r"\b[0-9a-f]{16,}\b", history)


def test_the_addenda_say_both_laptops_edits_are_kept_and_never_that_the_text_was_replaced(tmp_path):
    """Before, the other laptop's copy read as "The statement was changed after it was signed. It now
    reads:" and the whole statement, without the restored laptop's addition just above it: as if that
    text had been dropped. Each copy is now only what its laptop added, and says both are kept."""
    _old, _new, coord, iv_id = _sealed_on_two_laptops(tmp_path)
    iv = coord.interviews.get(iv_id)
    history = statements.saved_versions(coord, iv)
    seal = statements.seal_history([*history, iv])
    assert [t for _d, t in seal.changes] == [
        f"{statement_history.FIRST_OF_TWO}\n\n{NEW_ADDENDUM.strip()}",
        f"{statement_history.SECOND_OF_TWO}\n\n{OLD_ADDENDUM.strip()}",
        OLD_SECOND.strip()]
    text = statements.statement_text(iv, history)
    assert "now reads" not in text and text.count(SIGNED) == 1
    # the signed statement's PDF reads the same
    from tests.pdf_tools import pdftotext

    result = statements.export_statement(coord, iv_id, tmp_path / "pdf")
    shown = " ".join(pdftotext(result.path.read_bytes()).split())
    assert "edited separately on two laptops, and both edits are kept. Added on one laptop:" in shown
    assert "Added on the other laptop, whose copy does not hold the addendum above (both are kept):" in shown
    assert shown.index(NEW_ADDENDUM.strip()) < shown.index(OLD_ADDENDUM.strip()) < shown.index(OLD_SECOND.strip())
    assert "now reads" not in shown


def test_a_statement_rewritten_on_one_laptop_still_says_it_now_reads(tmp_path):
    vault = make_pair(tmp_path)[0]
    iv = make_interview(SIGNED)
    vault.interviews.add(iv)
    assert signing.seal(vault, iv.id)
    _edit(vault, iv.id, SIGNED + OLD_ADDENDUM)
    _edit(vault, iv.id, SIGNED + NEW_ADDENDUM)  # the addendum rewritten: one copy per number, no lead-in
    current = vault.interviews.get(iv.id)
    history = statements.saved_versions(vault, current)
    assert not any(isinstance(v, statement_history.KeptCopy) for v in history)
    changes = [t for _d, t in statements.seal_history([*history, current]).changes]
    assert changes == [OLD_ADDENDUM.strip(), "The statement was changed after it was signed. It now reads:\n\n"
                       + SIGNED + NEW_ADDENDUM]


def test_each_copy_says_where_the_other_came_from_and_which_one_goes_on(tmp_path):
    old, new, coord, iv_id = _sealed_on_two_laptops(tmp_path)
    old_label = device_label(transfer.public_keys(old).fingerprint)
    new_label = device_label(transfer.public_keys(new).fingerprint)
    lines = {v.interview.statement: statement_history.describe(v)
             for v in statement_history.versions(coord, iv_id)}
    went_on, kept = lines[SIGNED + OLD_ADDENDUM], lines[SIGNED + NEW_ADDENDUM]
    assert f"both copies kept (the other from {new_label}, a laptop restored from a backup)" in went_on
    assert went_on.endswith("the next version continues this copy")
    assert f"(the other from {old_label})" in kept
    assert kept.endswith("the next version continues the other copy; this copy is kept, nothing of it was dropped")
    assert "two laptops" not in lines[SIGNED]
    # a copy compares equal to the same record read back plainly (what callers of the history compare)
    copy = next(v for v in statements.saved_versions(coord, coord.interviews.get(iv_id))
                if isinstance(v, statement_history.KeptCopy))
    assert copy == type(copy).__mro__[1].from_dict(copy.to_dict()) and copy.number == 3
    import pickle  # the history travels to the export pool's worker processes

    again = pickle.loads(pickle.dumps(copy))
    assert isinstance(again, statement_history.KeptCopy) and again.number == 3 and again == copy
