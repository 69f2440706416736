"""The import file made strict (issue #10): one shape for ids and references, no duplicate keys, no
numbers, dates or text that only look valid, and nothing refused only after the vault was unlocked."""

from __future__ import annotations

import json
import re
import uuid

import pytest

from desktop.core.jsonl import ImportProblems, parse_jsonl
from desktop.core.model import Interview, new_reference, parse_id_or_reference
from desktop.vault import Vault
from tests.cli_driver import LINE_A, LINE_B


def _refused(cli, tmp_path, *lines) -> str:
    code, _, err = cli("add", "--from", str(cli.jsonl(tmp_path / "in.jsonl", *lines)))
    assert code == 1 and err.rstrip().endswith("nothing was added."), err
    assert json.loads(cli("list", "--json")[1]) == []
    return err


# --- ids and references -------------------------------------------------------------------------


def test_the_app_makes_ids_and_references_of_the_one_shape():
    for _ in range(200):
        iv = Interview.from_dict(LINE_A)  # a new interview: its id and reference come from the defaults
        assert parse_id_or_reference(iv.id) == ("id", iv.id)
        assert parse_id_or_reference(iv.reference) == ("reference", iv.reference)
        assert parse_id_or_reference(new_reference())[0] == "reference"


def test_parse_id_or_reference_decides_by_shape_alone():
    assert parse_id_or_reference(" wb-7kq3-m9xd ") == ("reference", "WB-7KQ3-M9XD")
    assert parse_id_or_reference("AB" * 16) == ("id", "ab" * 16)
    for bad in ("", "WB-7KQ3", "WB-7KQ3-M9XD-1", "ab" * 15, "ab" * 17, "g" * 32, "WB_7KQ3_M9XD", "٣" * 32,
                "WB-７KQ3-M9XD", f"{uuid.uuid4()}"):
        with pytest.raises(ValueError):
            parse_id_or_reference(bad)


@pytest.mark.parametrize("bad", ["WB-AAAA-BBBB", "a1", "ABCDEF", "g" * 32, "a" * 31, str(uuid.uuid4())])
def test_an_id_of_any_other_shape_is_refused_by_line(cli, tmp_path, bad):
    err = _refused(cli, tmp_path, LINE_B, dict(LINE_A, id=bad))
    assert err.startswith("witnessbox: line 2: 'id' must be 32 characters 0-9 and a-f")


@pytest.mark.parametrize("bad", ["WB-AAA-BBBB", "WB-AAAA", "XX-AAAA-BBBB", "wb aaaa bbbb", "WB-AAAA-BBBBB"])
def test_a_short_or_malformed_reference_is_refused_by_line(cli, tmp_path, bad):
    err = _refused(cli, tmp_path, LINE_B, dict(LINE_A, reference=bad))
    assert err.startswith("witnessbox: line 2: 'reference' must be WB-XXXX-XXXX")


def test_upper_case_ids_and_lower_case_references_are_stored_in_their_one_form(cli, tmp_path):
    f = cli.jsonl(tmp_path / "in.jsonl", dict(LINE_A, id="AB" * 16, reference="wb-abcd-efgh"))
    code, out, err = cli("add", "--from", str(f), "--json")
    assert code == 0, err
    assert json.loads(out) == {"added": ["ab" * 16]}
    for typed in ("WB-ABCD-EFGH", "wb-abcd-efgh", "AB" * 16, "ab" * 16):
        code, out, err = cli("show", typed, "--json")
        assert code == 0, err
        assert (json.loads(out)["id"], json.loads(out)["reference"]) == ("ab" * 16, "WB-ABCD-EFGH")
    # The same interview spelt the other way is the same interview, not a second one.
    again = cli.jsonl(tmp_path / "again.jsonl", dict(LINE_B, reference="WB-ABCD-EFGH"))
    code, _, err = cli("add", "--from", str(again))
    assert code == 1 and "'reference' already in the vault" in err
    dup = cli.jsonl(tmp_path / "dup.jsonl", dict(LINE_A, id="ab" * 16), dict(LINE_B, id="AB" * 16))
    code, _, err = cli("add", "--from", str(dup))
    assert code == 1 and "line 2: the same 'id' as line 1" in err


def test_a_reference_is_only_ever_looked_up_as_a_reference(cli, tmp_path):
    """An older import could store an id shaped like another interview's reference; lookups tried
    ids first, so 'delete WB-...' deleted the impostor and said "Deleted"."""
    real = json.loads(cli("add", "--from", str(cli.jsonl(tmp_path / "a.jsonl", dict(LINE_A, reference="WB-AAAA-BBBB"))),
                          "--json")[1])["added"][0]
    impostor = Interview.from_dict(dict(LINE_B, id="WB-AAAA-BBBB"))
    with Vault.unlock(cli.vault, "correct horse battery") as v:  # as an older Witnessbox stored it
        v.interviews.add(impostor)
    code, out, err = cli("show", "WB-AAAA-BBBB", "--json")
    assert code == 0 and json.loads(out)["id"] == real
    code, _, err = cli("delete", "wb-aaaa-bbbb")
    assert code == 0, err
    with Vault.unlock(cli.vault, "correct horse battery") as v:
        assert not v.interviews.exists(real)
        assert v.interviews.exists("WB-AAAA-BBBB"), "the impostor is not what was asked for"
    code, _, err = cli("show", "not an id")
    assert code == 1 and err.strip() == ("witnessbox: That is neither an interview id (32 characters 0-9, a-f) "
                                         "nor a reference (WB-XXXX-XXXX); 'witnessbox list' shows both.")


def _with_raw(key: str, raw: str) -> str:
    """LINE_A with ``key`` set to ``raw`` as it is written (not something json.dumps would write)."""
    return json.dumps(dict(LINE_A, **{key: 0})).replace(f'"{key}": 0', f'"{key}": {raw}')


# --- what an import cannot carry -------------------------------------------------------------------


def test_a_sealed_status_is_refused_on_import(cli, tmp_path):
    err = _refused(cli, tmp_path, LINE_B, dict(LINE_A, status="sealed"))
    assert err.startswith("witnessbox: line 2: 'status' sealed cannot be imported")
    assert "signing" in err
    for status in ("draft", "complete"):
        assert parse_jsonl(json.dumps(dict(LINE_A, status=status)).encode())[0].status.value == status


@pytest.mark.parametrize(
    "line, expected",
    [
        ('{"statement": "a", ' + json.dumps(LINE_A)[1:], "'statement' is given twice"),
        (json.dumps(LINE_A)[:-1] + ', "consent": {"complaint": true, "quotation": true, "contact": true}}',
         "'consent' is given twice"),
        (json.dumps(dict(LINE_A, consent={})).replace('"consent": {}',
         '"consent": {"complaint": true, "complaint": false, "quotation": false, "contact": false}'),
         "a field is given twice"),
        (_with_raw("interpreter_used", "1" * 5000), "a number is far too long"),
        (_with_raw("interpreter_used", "-0." + "1" * 5000), "a number is far too long"),
        (_with_raw("interpreter_used", "NaN"), "not valid JSON (NaN is not a JSON value)"),
        (json.dumps(dict(LINE_A, interviewed_on="20251230")), "'interviewed_on' must be a date as YYYY-MM-DD"),
        (json.dumps(dict(LINE_A, interviewed_on="2025-W52-1")), "'interviewed_on' must be a date as YYYY-MM-DD"),
        (json.dumps(dict(LINE_A, interviewed_on="2025-364")), "'interviewed_on' must be a date as YYYY-MM-DD"),
        (json.dumps(dict(LINE_A, interviewed_on="２０２６-０１-０５")), "'interviewed_on' must be a date"),
        (json.dumps(dict(LINE_A, reported_on="２０２５-１２")), "'reported_on' must be a month as YYYY-MM"),
        (json.dumps(dict(LINE_A, consent={"complaint": {"given": True, "recorded_on": "2025W521"},
                                          "quotation": False, "contact": False})),
         "'consent.complaint.recorded_on' must be a date as YYYY-MM-DD"),
        (json.dumps(dict(LINE_A, created_at="20260101T000000")), "'created_at' must be an ISO date and time"),
        (json.dumps(dict(LINE_A, updated_at="2026-W01-1T10:00")), "'updated_at' must be an ISO date and time"),
        (json.dumps(dict(LINE_A, created_at="2026-01-06T00:00:00+00:00", updated_at="2026-01-05T23:00:00+00:00")),
         "'created_at' is after 'updated_at'"),
        (json.dumps(dict(LINE_A, created_at="2026-01-06T00:30:00", updated_at="2026-01-06T01:00:00+02:00")),
         "'created_at' is after 'updated_at'"),
    ],
)
def test_lines_that_only_look_valid_are_refused_plainly(cli, tmp_path, line, expected):
    err = _refused(cli, tmp_path, LINE_B, line)
    assert err.startswith(f"witnessbox: line 2: {expected}"), err
    assert "set_int_max_str_digits" not in err and "Amina" not in err and "K1234567" not in err


def test_iso_dates_and_times_as_witnessbox_writes_them_still_import():
    line = dict(LINE_A, created_at="2026-01-05T09:00:00.123456+00:00", updated_at="2026-01-05T10:00Z")
    iv = parse_jsonl(json.dumps(line).encode())[0]
    assert iv.created_at < iv.updated_at and str(iv.interviewed_on) == "2026-01-05"
    assert parse_jsonl(json.dumps(dict(LINE_A, created_at="2026-01-05 09:00")).encode())


def test_an_unknown_field_is_named_only_when_it_is_a_misspelt_field_name(cli, tmp_path):
    err = _refused(cli, tmp_path, LINE_B, dict(LINE_A, amina="Khan"))
    assert "amina" not in err.lower()
    assert err.startswith(f"witnessbox: line 2: an unknown field at position {len(LINE_A) + 1}")
    err = _refused(cli, tmp_path, LINE_B, {"Amina Khan": 1, **LINE_A})
    assert "Amina" not in err and "an unknown field at position 1" in err
    err = _refused(cli, tmp_path, LINE_B, dict(LINE_A, statment="typo"))
    assert "unknown field 'statment' (did you mean 'statement'?)" in err


# --- invalid text is refused while parsing, before unlock and backup ---------------------------------


@pytest.mark.parametrize("where", ["statement", "name", "key"])
def test_invalid_text_is_refused_with_its_line_before_unlock_or_backup(cli, tmp_path, where):
    cli("add", "--from", str(cli.jsonl(tmp_path / "first.jsonl", dict(LINE_A, id="f" * 32))))
    cli("add", "--from", str(cli.jsonl(tmp_path / "second.jsonl", LINE_B)))
    backups = sorted(p.name for p in (cli.vault / "backups").iterdir())
    assert backups, "a vault with interviews is backed up before an import"
    text = json.dumps(LINE_B)
    bad = {
        "statement": text.replace('"statement": "', '"statement": "\\ud800'),
        "name": json.dumps(dict(LINE_A, people=[{"name": "x"}])).replace('"name": "x"', '"name": "A\\udfff"'),
        "key": text[:-1] + ', "\\udc80": 1}',
    }[where]
    f = cli.jsonl(tmp_path / "bad.jsonl", LINE_B, bad)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    for passphrase in (wrong, cli.pw):  # the wrong one proves no unlock was even tried
        code, _, err = cli("add", "--from", str(f), passphrase=passphrase)
        assert code == 1
        assert err.strip() == ("witnessbox: line 2: holds invalid text (a lone surrogate or a NUL character); "
                               "fix what wrote the file; nothing was added.")
    assert sorted(p.name for p in (cli.vault / "backups").iterdir()) == backups
    assert len(json.loads(cli("list", "--json")[1])) == 2


def test_a_nul_character_is_invalid_text():
    with pytest.raises(ImportProblems) as info:
        parse_jsonl(json.dumps(dict(LINE_A, statement="a\u0000b")).encode())
    assert re.match(r"line 1: holds invalid text", str(info.value.problems[0]))
