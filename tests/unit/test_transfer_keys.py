"""Device keys, the enrolment file, fingerprints read aloud, and the key backup (real age, real Ed25519)."""

from __future__ import annotations

import json
import re

import pyrage
import pytest

from desktop.transfer import canonical
from desktop.transfer.errors import KeysRefused
from desktop.transfer.keys import (
    BAD_BACKUP,
    BAD_KEY_FILE,
    DeviceKeys,
    PublicKeys,
    backup_keys,
    fingerprint_matches,
    normalise_fingerprint,
    restore_keys,
)


@pytest.fixture(scope="module")
def keys() -> DeviceKeys:
    return DeviceKeys.generate("coordinator")


def test_generate_gives_a_random_device_id_role_and_two_separate_keys(keys):
    other = DeviceKeys.generate("field")
    assert re.fullmatch(r"[0-9a-f]{32}", keys.device_id) and keys.device_id != other.device_id
    assert keys.role == "coordinator" and other.role == "field"
    pub = keys.public()
    assert pub.age_recipient.startswith("age1") and len(pub.sig_public_key) == 32
    assert pub.sig_public_key != other.public().sig_public_key
    with pytest.raises(ValueError):
        DeviceKeys.generate("admin")


def test_secret_round_trip_keeps_both_keys_working(keys):
    again = DeviceKeys.from_secret(keys.to_secret())
    assert again.public() == keys.public()
    msg = b"a message"
    assert keys.public().verify(again.sign(msg), msg)
    ct = pyrage.encrypt(b"x", [keys.public().recipient()])
    assert pyrage.decrypt(ct, [again.age_identity]) == b"x"


@pytest.mark.parametrize("spoil", [
    lambda d: {**d, "extra": 1},
    lambda d: {k: v for k, v in d.items() if k != "role"},
    lambda d: {**d, "role": "admin"},
    lambda d: {**d, "format_version": 2},
    lambda d: {**d, "format_version": True},
    lambda d: {**d, "sig_seed": d["sig_seed"][:-2]},
    lambda d: {**d, "age_identity": d["age_identity"][:-1] + ("Q" if d["age_identity"][-1] != "Q" else "P")},
    lambda d: {**d, "device_id": d["device_id"].upper()},
])
def test_a_damaged_secret_is_refused_plainly(keys, spoil):
    d = json.loads(keys.to_secret())
    with pytest.raises(KeysRefused) as e:
        DeviceKeys.from_secret(canonical.dumps(spoil(d)))
    assert "AGE-SECRET" not in str(e.value) and "Traceback" not in str(e.value)


def test_enrolment_file_round_trips_and_is_canonical(keys):
    pub = keys.public()
    data = pub.to_json()
    assert PublicKeys.from_json(data) == pub
    obj = json.loads(data)
    assert set(obj) == {"format", "format_version", "device_id", "role", "age_recipient", "sig_public_key"}
    assert b"SECRET" not in data.upper().replace(b"SIG_PUBLIC_KEY", b"")


@pytest.mark.parametrize("spoil", [
    lambda d: {**d, "nickname": "laptop 3"},                     # unknown field
    lambda d: {k: v for k, v in d.items() if k != "age_recipient"},
    lambda d: {**d, "device_id": 12345},                         # wrong type
    lambda d: {**d, "role": ["coordinator"]},
    lambda d: {**d, "format": "something-else"},
    lambda d: {**d, "format_version": "1"},
    lambda d: {**d, "sig_public_key": "00" * 31},                # too short
    lambda d: {**d, "sig_public_key": "zz" * 32},
    lambda d: {**d, "age_recipient": d["age_recipient"][:-1] + ("q" if d["age_recipient"][-1] != "q" else "p")},
    lambda d: {**d, "age_recipient": "ssh-ed25519 AAAA"},
])
def test_a_bad_enrolment_file_is_refused_with_a_plain_message(keys, spoil):
    d = json.loads(keys.public().to_json())
    with pytest.raises(KeysRefused) as e:
        PublicKeys.from_json(canonical.dumps(spoil(d)))
    assert str(e.value) == BAD_KEY_FILE


@pytest.mark.parametrize("data", [b"", b"[]", b"{", b"\xef\xbb\xbf{}", b"x" * 5000, b'{"a":1.5}'])
def test_garbage_and_non_canonical_enrolment_files_are_refused(keys, data):
    with pytest.raises(KeysRefused):
        PublicKeys.from_json(data)
    spaced = json.dumps(json.loads(keys.public().to_json()), indent=1).encode()
    with pytest.raises(KeysRefused):
        PublicKeys.from_json(spaced)


def test_fingerprint_is_four_groups_of_four_base32_and_depends_on_every_field(keys):
    pub = keys.public()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{4}){3}", pub.fingerprint)
    assert pub.fingerprint == PublicKeys.from_json(pub.to_json()).fingerprint
    other_role = PublicKeys(pub.device_id, "field", pub.age_recipient, pub.sig_public_key)
    assert other_role.fingerprint != pub.fingerprint


def test_fingerprint_matches_forgives_spaces_dashes_case_and_impossible_digits(keys):
    pub = keys.public()
    fp = pub.fingerprint
    plain = fp.replace(" ", "")
    assert fingerprint_matches(fp, pub)
    assert fingerprint_matches(plain.lower(), pub)
    assert fingerprint_matches("-".join(fp.split()), pub)
    assert fingerprint_matches("  " + fp.lower().replace(" ", " - ") + " ", pub)
    lookalike = plain.replace("O", "0").replace("I", "1").replace("B", "8")
    assert fingerprint_matches(lookalike, pub)
    assert normalise_fingerprint("o0 i1 b8 AAAA-AAAA-AA") == "OOIIBBAAAAAAAAAA"


def test_fingerprint_matches_refuses_anything_else(keys):
    pub = keys.public()
    plain = pub.fingerprint.replace(" ", "")
    wrong_last = plain[:-1] + ("A" if plain[-1] != "A" else "B")
    for typed in ["", plain[:-1], plain + "A", wrong_last, plain[:8], "X" * 16, plain.replace(plain[0], "9"),
                  plain + " " * 100, DeviceKeys.generate("coordinator").public().fingerprint]:
        assert not fingerprint_matches(typed, pub), typed
    # L is a real base32 letter, so it is never read as anything else
    assert normalise_fingerprint("L" * 16) == "L" * 16


def test_key_backup_round_trip_uses_only_a_scrypt_stanza(keys):
    blob = backup_keys(keys, "correct horse battery staple")
    header = blob.split(b"\n--- ")[0]
    assert [line.split(b" ")[1] for line in header.split(b"\n") if line.startswith(b"-> ")] == [b"scrypt"]
    assert keys.to_secret() not in blob
    restored = restore_keys(blob, "correct horse battery staple")
    assert restored.public() == keys.public() and restored.to_secret() == keys.to_secret()


def test_key_backup_with_a_wrong_passphrase_is_refused(keys):
    blob = backup_keys(keys, "correct horse battery staple")
    with pytest.raises(KeysRefused) as e:
        restore_keys(blob, "correct horse battery stapler")
    assert str(e.value) == BAD_BACKUP
    with pytest.raises(KeysRefused):
        restore_keys(blob, "")
    with pytest.raises(KeysRefused):
        backup_keys(keys, "")


def test_a_backup_that_is_not_passphrase_only_is_refused(keys):
    to_x25519 = pyrage.encrypt(keys.to_secret(), [keys.public().recipient()])
    for data in [to_x25519, b"", b"age-encryption.org/v1\n", b"not age at all"]:
        with pytest.raises(KeysRefused):
            restore_keys(data, "anything")
    blob = backup_keys(keys, "pw for test")
    spoiled = bytearray(blob)
    spoiled[-5] ^= 1
    with pytest.raises(KeysRefused):
        restore_keys(bytes(spoiled), "pw for test")
    # a work factor far above what we make is refused before any scrypt runs
    huge = re.sub(rb"(-> scrypt \S+) \d+", rb"\1 40", blob)
    with pytest.raises(KeysRefused):
        restore_keys(huge, "pw for test")
