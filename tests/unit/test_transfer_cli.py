"""The transfer commands end to end through ``run()``: keys, enrol, export-bundle, verify-bundle,
import-bundle, import-receipt, recover-vault, keys --backup and init --role/--restore-keys."""

from __future__ import annotations

import io
import json
from pathlib import Path

from desktop.cli import Context, run
from desktop.services import transfer
from desktop.vault import Vault
from tests.factories import PASSPHRASE, make_interview, new_vault


class Cli:
    def __init__(self, app_paths, tmp_path: Path) -> None:
        self.paths = app_paths
        self.pw = tmp_path / "pw.txt"
        self.pw.write_text(PASSPHRASE + "\n", encoding="utf-8")

    def __call__(self, vault: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        ctx = Context(paths=self.paths, stdin=io.StringIO(stdin), stdout=out, stderr=err)
        code = run([*argv, "--vault", str(vault), "--passphrase-file", str(self.pw)], ctx)
        return code, out.getvalue(), err.getvalue()


def _vaults(tmp_path):
    field, coord = new_vault(tmp_path / "field"), new_vault(tmp_path / "coord")
    transfer.set_role(coord, "coordinator")
    iv = make_interview("Sent over the command line.")
    field.interviews.add(iv)
    field.lock()
    coord.lock()
    return tmp_path / "field", tmp_path / "coord", iv


def test_enrol_send_import_and_receipt_on_the_command_line(app_paths, tmp_path):
    cli = Cli(app_paths, tmp_path)
    field, coord, iv = _vaults(tmp_path)
    code, out, err = cli(coord, "keys", "--json", "--export", str(tmp_path / "coord.json"))
    assert code == 0, err
    coord_fp = json.loads(out)["fingerprint"]
    assert len(coord_fp.split()) == 4
    code, out, err = cli(field, "keys", "--export", str(tmp_path / "field.json"))
    assert code == 0 and "field vault" in out, err  # an older vault gets field keys at first need
    field_fp = out.split("fingerprint: ")[1].split("\n")[0]

    code, _, err = cli(field, "enrol", str(tmp_path / "coord.json"), "--fingerprint", "AAAA BBBB CCCC DDDD")
    assert code == 1 and "does not match" in err and "Traceback" not in err
    assert cli(field, "enrol", str(tmp_path / "coord.json"), "--fingerprint", coord_fp)[0] == 0
    assert cli(coord, "enrol", str(tmp_path / "field.json"), "--fingerprint", field_fp)[0] == 0

    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, err = cli(field, "export-bundle", "--out", str(stick), "--json")
    assert code == 0, err
    path = Path(json.loads(out)["path"])
    assert path.exists() and path.parent == stick.resolve()
    code, out, _ = cli(field, "export-bundle", "--out", str(stick))
    assert code == 0 and "Nothing to send" in out

    code, out, err = cli(coord, "verify-bundle", str(path))
    assert code == 0 and "would import" in out, err
    code, out, err = cli(coord, "import-bundle", str(stick), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["imported"] == 1 and summary["refused"] == 0 and summary["gaps"] == {}
    receipt = summary["bundles"][0]["receipt"]
    code, out, _ = cli(coord, "import-bundle", str(path))
    assert code == 0 and "already imported" in out

    code, out, err = cli(field, "import-receipt", receipt)
    assert code == 0 and "Marked 1 interview as delivered" in out, err
    v = Vault.unlock(field, PASSPHRASE)
    assert transfer.delivery(v, iv.id) == "delivered"
    v.lock()

    # a damaged bundle: refused in plain words, exit 1, no traceback
    bad = stick / "WBB1-0123456789abcdef0123456789abcdef.age"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    bad.write_bytes(bytes(data))
    code, out, err = cli(coord, "import-bundle", str(bad))
    assert code == 1 and "refused" in out and "changed or damaged" in out and "Traceback" not in out + err


def test_key_backup_restore_and_recovery_on_the_command_line(app_paths, tmp_path):
    cli = Cli(app_paths, tmp_path)
    field, coord, iv = _vaults(tmp_path)
    recovery = tmp_path / "recovery.txt"
    recovery.write_text("a separate recovery phrase\n", encoding="utf-8")
    code, out, err = cli(
        coord,
        "keys",
        "--backup",
        str(tmp_path / "keys.age"),
        "--recovery-passphrase-file",
        str(recovery),
        "--export",
        str(tmp_path / "coord.json"),
    )
    assert code == 0 and "Key backup written" in out, err
    coord_fp = out.split("fingerprint: ")[1].split("\n")[0]
    code, _, err = cli(field, "enrol", str(tmp_path / "coord.json"), "--fingerprint", coord_fp, "--allow-recovery")
    assert code == 0, err

    new = tmp_path / "new-pw.txt"
    new.write_text("the worker's new passphrase\n", encoding="utf-8")
    code, out, err = cli(coord, "recover-vault", str(field), "--new-passphrase-file", str(new))
    assert code == 0 and "new passphrase" in out, err
    Vault.unlock(field, "the worker's new passphrase").lock()

    restored = tmp_path / "restored"
    code, out, err = cli(
        restored,
        "init",
        "--role",
        "coordinator",
        "--restore-keys",
        str(tmp_path / "keys.age"),
        "--recovery-passphrase-file",
        str(recovery),
    )
    assert code == 0 and "coordinator vault" in out, err
    code, out, _ = cli(restored, "keys", "--json")
    assert json.loads(out)["fingerprint"] == coord_fp and json.loads(out)["role"] == "coordinator"

    code, _, err = cli(
        tmp_path / "wrong",
        "init",
        "--restore-keys",
        str(tmp_path / "keys.age"),
        "--recovery-passphrase-file",
        str(tmp_path / "pw.txt"),
    )
    assert code == 1 and "could not be opened" in err
    assert not Vault.exists(tmp_path / "wrong")


def _field_to_enrol(cli: Cli, tmp_path: Path) -> tuple[str, str, Path]:
    """A field vault's enrolment file at tmp_path/field.json: its fingerprint, its short label, and the
    coordinator's vault folder."""
    field, coord, _iv = _vaults(tmp_path)
    code, out, err = cli(field, "keys", "--json", "--export", str(tmp_path / "field.json"))
    assert code == 0, err
    fingerprint = json.loads(out)["fingerprint"]
    return fingerprint, "Laptop " + " ".join(fingerprint.split()[:2]), coord


def _names(coord: Path) -> list[str]:
    v = Vault.unlock(coord, PASSPHRASE)
    try:
        return [p.name for p in v.transfer.peers()]
    finally:
        v.lock()


def test_a_laptop_named_on_the_command_line_is_named_so_and_a_bad_name_changes_nothing(app_paths, tmp_path):
    cli = Cli(app_paths, tmp_path)
    field_fp, short, coord = _field_to_enrol(cli, tmp_path)
    code, out, err = cli(
        coord, "enrol", str(tmp_path / "field.json"), "--fingerprint", field_fp, "--name", "Leeds office"
    )
    assert code == 0 and f"show as from Leeds office ({short})." in out, err
    code, out, err = cli(coord, "name-laptop", " ".join(field_fp.split()[:2]).lower(), "Outreach laptop 3")
    assert code == 0 and f"It is now Outreach laptop 3 ({short})" in out, err
    code, out, err = cli(coord, "name-laptop", field_fp, "x" * 41)
    assert code == 1 and "at most 40 characters" in err and "Traceback" not in err
    code, out, err = cli(coord, "name-laptop", "ZZZZ ZZZZ", "Anything")
    assert code == 1 and "No enrolled laptop has that fingerprint" in err
    assert _names(coord) == ["Outreach laptop 3"]


def test_a_laptop_name_given_as_a_dash_is_read_from_the_standard_input_not_the_arguments(app_paths, tmp_path):
    # An argument shows in the process list while the command runs; a worker's name in a laptop's
    # name is nobody else's business on a shared computer.
    cli = Cli(app_paths, tmp_path)
    field_fp, short, coord = _field_to_enrol(cli, tmp_path)
    code, out, err = cli(
        coord,
        "enrol",
        str(tmp_path / "field.json"),
        "--fingerprint",
        field_fp,
        "--name",
        "-",
        stdin="Bradford drop-in\r\nnot read\n",
    )
    assert code == 0 and f"show as from Bradford drop-in ({short})." in out, err
    code, out, err = cli(coord, "name-laptop", field_fp, "-", stdin="دفتر لیڈز\n")
    assert code == 0 and f"It is now دفتر لیڈز ({short})" in out, err
    code, out, err = cli(coord, "name-laptop", field_fp, "-", stdin="y" * 5000)
    assert code == 1 and "at most 40 characters" in err and "Traceback" not in err
    assert _names(coord) == ["دفتر لیڈز"]
    code, out, err = cli(coord, "name-laptop", field_fp, "-", stdin="")  # nothing to read: no answer
    assert code == 1 and "no name was read" in err and "Traceback" not in err, err
    assert _names(coord) == ["دفتر لیڈز"]  # kept
    code, out, err = cli(coord, "name-laptop", field_fp, "-", stdin="\n")  # an empty line is an answer
    assert code == 0 and f"Its name was taken away: {short}." in out, err


def test_import_on_the_command_line_leads_each_line_with_the_laptop_and_when_it_was_sent(app_paths, tmp_path):
    from desktop.services.transfer_screens import sent_text

    cli = Cli(app_paths, tmp_path)
    field_dir, coord_dir, _iv = _vaults(tmp_path)
    field, coord = Vault.unlock(field_dir, PASSPHRASE), Vault.unlock(coord_dir, PASSPHRASE)
    f, c = transfer.public_keys(field), transfer.public_keys(coord)
    transfer.enrol(coord, f.to_json(), f.fingerprint, name="Leeds office")
    transfer.enrol(field, c.to_json(), c.fingerprint)
    stick = tmp_path / "stick"
    stick.mkdir()
    sent = [transfer.export_bundle(field, stick)]
    field.interviews.add(make_interview("A second interview."))
    sent.append(transfer.export_bundle(field, stick))
    field.interviews.add(make_interview("A third interview, lost on the way."))
    transfer.export_bundle(field, stick).path.unlink()
    field.interviews.add(make_interview("A fourth interview."))
    sent.append(transfer.export_bundle(field, stick))
    field.lock()
    coord.lock()
    laptop = "Leeds office (Laptop " + " ".join(f.fingerprint.split()[:2]) + ")"

    when = []
    for s in sent:  # nothing changes: its --json says when the bundle was made
        code, out, err = cli(coord_dir, "verify-bundle", str(s.path), "--json")
        assert code == 0 and json.loads(out)["sent_utc"].endswith("Z"), err
        assert json.loads(out)["laptop"] == laptop
        when.append(sent_text(json.loads(out)["sent_utc"]))

    code, out, err = cli(coord_dir, "import-bundle", str(stick))
    lines = out.splitlines()
    assert code == 0, err
    for line, at, s in zip(lines[:3], when, sent, strict=True):
        assert line == (
            f"{laptop}, sent {at}: imported, 1 interview new or changed, 0 deleted, "
            f"0 consent withdrawals. (File {s.path.name}.)"
        )
    assert f"Still missing from {laptop}: bundle number 3." in lines

    code, out, err = cli(coord_dir, "import-bundle", str(stick), "--json")
    assert code == 0, err
    assert [b["sent_utc"] for b in json.loads(out)["bundles"]] == [None] * 3  # already there: not read again
    assert [b["laptop"] for b in json.loads(out)["bundles"]] == [laptop] * 3  # named as the lines name it
    code, out, err = cli(coord_dir, "import-bundle", str(stick))
    assert out.splitlines()[0].startswith(f"{laptop}: already imported; nothing changed. (File WBB1-")
