"""A street's name before a body's kind written in capitals ("Garden Court CHAMBERS"), or before one
or two more words of the body's name and its kind ("Marsh Lane Primary School"), is the body's name,
a fact, as it is before the kind in title case (``desktop.redaction.misses_addresses``).
Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_street_name_before_a_body_kind_in_capitals_is_the_body() -> None:
    for text, body in [
        ("Her appeal was taken on by Tanner Court CHAMBERS in March.", "Tanner Court"),
        ("A letter from Mill Road SOLICITORS came on Friday.", "Mill Road"),
        ("We were sent to Bridge Street PRACTICE for the injuries.", "Bridge Street"),
        ("Her son goes to Kestrel Lane Primary School now.", "Kestrel Lane"),
        ("We prayed at Tanner Road Mosque every Friday.", "Tanner Road"),
        ("They met at Cobden Street Community Centre.", "Cobden Street"),
    ]:
        assert untouched(text, detect(text), body), text


def test_an_address_before_a_capitals_surname_or_with_a_number_stays_an_address() -> None:
    for text, address in [
        ("She lives at Tanner Court, and Tom CHAMBERS visits her.", "Tanner Court"),
        ("He kept us at 14 Mill Road SOLICITORS did nothing.", "14 Mill Road"),
        ("He lives on Kestrel Lane School Road now.", "Kestrel Lane School Road"),
    ]:
        assert covered(text, detect(text), address), text
