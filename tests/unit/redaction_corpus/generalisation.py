"""A second labelled set, for generalisation: statements put together from names, addresses and
numbers that Faker makes (many locales, names in their own scripts) and sentence templates written
for this set only (none is a sentence of ``corpus.py`` or ``statements.txt``), scored by the same
span rules (``corpus.score``). Every person and number is made up.

The set is split by seed, so nobody tunes the engine on the figures that are reported:

* ``TUNE`` (seeds 0-399): may be looked at, misses and all, while changing the engine;
  ``tests/unit/test_redaction_generalisation.py`` runs part of it with floors.
* ``REPORT`` (seeds 100000-101999): never looked at while changing the engine; only its totals are
  printed, by ``tests/benchmarks/bench_generalisation.py``, into ``docs/redaction-benchmark.md``.
"""

from __future__ import annotations

import functools
import random
import re

from desktop.core.forces import all_force_names
from desktop.redaction import KnownIdentifiers

from .corpus import Statement, parse

TUNE = range(0, 400)
REPORT = range(100000, 102000)

# Locales whose names Faker writes in their own script, and Latin-script ones from places the
# interviewees come from. Addresses and UK numbers come from en_GB.
SCRIPT_LOCALES = ("hi_IN", "bn_BD", "ar_AA", "fa_IR", "gu_IN", "ta_IN")
LATIN_LOCALES = ("pl_PL", "ro_RO", "yo_NG", "tw_GH", "en_GB")
LOCALES = SCRIPT_LOCALES + LATIN_LOCALES

# {K} a recorded person's full name, {KG} their given name; {N} an unrecorded full name, {NG} an
# unrecorded given name, {NS} an unrecorded surname; {S} an unrecorded name in another script;
# numbers and places as named. Facts to keep: {FORCE}, {WHEN}, {HO}, {PLACE}.
OPENINGS = [
    "I came to the UK on a care worker visa in {WHEN}.",
    "I am giving this account so that the next person is believed.",
    "Before I arrived I was promised a room and a proper wage.",
    "The agency that brought me over took my documents on the first day.",
    "Nobody explained my rights to me until a volunteer did.",
]
PEOPLE = [
    "The person who sponsored me was {K}, and everything went through {KG}.",
    "{K} kept the keys to the flat and counted the money every Friday.",
    "When I complained, {KG} laughed and said nobody would listen to me.",
    "I shared a bedroom with {NG} and two other women from the same village.",
    "Our shift leader, {N}, wrote down how many hours each of us worked.",
    "A driver we knew only as {NG} collected us at five in the morning.",
    "The owner's nephew {N} was the one who shouted at us most.",
    "Later I found out that Mrs {NS} owned three other houses on the estate.",
    "I told Dr {NS} at the clinic that I was frightened to go back.",
    "It was {N} who finally gave me the number of a helpline.",
    "The rota on the wall was signed {S} and nothing else.",
    "On the envelope the sender was written as {S}, with no address.",
    "The receipt from the money transfer says {S} as the person who collected it.",
    "Her name, spelt {S} on her card, is the only thing I know about her.",
    "I sent the rent to an account in the name of {S} every month.",
]
NUMBERS = [
    "He used to ring me on {PHONE} at any hour.",
    "Messages came from {EMAIL}, always late at night.",
    "The house was at {ADDRESS} and we were not allowed out alone.",
    "They sent my post to {ADDRESS} so I never saw it.",
    "My national insurance number is {NINO} but I never saw a payslip.",
    "The form they filled in gave my date of birth as {DOB}, which is wrong.",
    "The second phone, {PHONE}, was kept in the kitchen drawer.",
    "Everything was posted to a box near {POSTCODE}.",
]
FACTS = [
    "In {WHEN} I went to {FORCE} to report what had happened.",
    "The officer from {FORCE} asked about my visa before anything else.",
    "A week later {HO} wrote to me about my status.",
    "I was told {HO} would be informed if I made a fuss.",
    "We moved to {PLACE} in {WHEN} and the work started again.",
    "I was living in {PLACE} at the time, near the station.",
    "The house in {PLACE} had six of us sleeping on mattresses.",
    "In {WHEN} my case was passed from {FORCE} to another team.",
]
ENDINGS = [
    "I still feel afraid when someone knocks on the door.",
    "I want the complaint to show what happens to people like me.",
    "I have nothing more to add to this statement.",
    "The case was closed and nobody told me why.",
]
HOME_OFFICE = ("the Home Office", "Immigration Enforcement", "UK Visas and Immigration")
MONTHS = ("January", "February", "March", "April", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip


def _name(fake, rnd: random.Random) -> tuple[str, str, str]:  # noqa: ANN001 - a Faker
    given = fake.first_name().strip()
    surname = fake.last_name().strip()
    return given, surname, f"{given} {surname}"


# Faker's en_GB street suffixes are mostly American ("Crest", "Turnpike", "Canyon"); a street in a
# statement here ends with a British one, so a Faker street is drawn again until it does.
UK_STREETS = ("Street", "Road", "Lane", "Avenue", "Close", "Way", "Drive", "Court", "Gardens", "Crescent",
              "Place", "Grove", "Terrace", "Square", "Mews", "Hill", "Park", "Walk", "Row", "Green")  # fmt: skip


def _address(gb) -> tuple[str, str, str]:  # noqa: ANN001 - an en_GB Faker
    """Street (to redact), town (a fact to keep), postcode (to redact)."""
    while True:
        street = gb.street_address().replace("\n", ", ")
        if street.rsplit(" ", 1)[-1] in UK_STREETS:
            return street, gb.city(), gb.postcode()


@functools.cache
def faker(locale: str, role: str):  # noqa: ANN201 - a Faker
    """One Faker per locale and use, made once (making one takes tens of milliseconds); every
    statement seeds it afresh, so what it gives depends on the seed alone."""
    from faker import Faker

    return Faker(locale)


def statement(seed: int) -> Statement:
    rnd = random.Random(seed)
    loc = LOCALES[seed % len(LOCALES)]
    fake = faker(loc, "names")
    fake.seed_instance(seed)
    gb = faker("en_GB", "places")
    gb.seed_instance(seed + 7)
    script = faker(SCRIPT_LOCALES[rnd.randrange(len(SCRIPT_LOCALES))], "script")
    script.seed_instance(seed + 13)
    kg, ks, kfull = _name(fake, rnd)
    forces = sorted(all_force_names())

    def slot(m: re.Match[str]) -> str:
        key = m.group(1)
        if key == "K":
            rep = f"[[K|{kfull}]]"
        elif key == "KG":
            rep = f"[[K|{kg}]]"
        elif key in ("N", "NG", "NS"):
            g, s, full = _name(fake, rnd)
            rep = "[[NAME|" + {"N": full, "NG": g, "NS": s}[key] + "]]"
        elif key == "S":
            g, s, full = _name(script, rnd)
            rep = f"[[NAME|{full if rnd.random() < 0.6 else g}]]"
        elif key == "PHONE":
            rep = f"[[PHONE|{gb.phone_number()}]]"
        elif key == "EMAIL":
            rep = f"[[EMAIL|{gb.email()}]]"
        elif key == "ADDRESS":
            street, town, pc = _address(gb)
            rep = f"[[ADDRESS|{street}]], {{{{{town}}}}} [[POSTCODE|{pc}]]"
        elif key == "POSTCODE":
            rep = f"[[POSTCODE|{gb.postcode()}]]"
        elif key == "NINO":
            rep = "[[NI_NUMBER|" + _nino(rnd) + "]]"
        elif key == "DOB":
            rep = "[[DATE_OF_BIRTH|" + gb.date_of_birth(minimum_age=18, maximum_age=70).strftime("%d/%m/%Y") + "]]"
        elif key == "FORCE":
            rep = "{{" + rnd.choice(forces) + "}}"
        elif key == "WHEN":
            rep = "{{" + f"{rnd.choice(MONTHS)} {rnd.randint(2012, 2025)}" + "}}"
        elif key == "HO":
            ho = rnd.choice(HOME_OFFICE)
            rep = ("the {{" + ho[4:] + "}}") if ho.startswith("the ") else "{{" + ho + "}}"
        elif key == "PLACE":
            rep = "{{" + gb.city() + "}}"
        else:  # pragma: no cover - a typo in a template
            raise KeyError(key)
        return rep

    def fill(tpl: str) -> str:
        return _SLOT.sub(slot, tpl)

    parts = [rnd.choice(OPENINGS)]
    parts += rnd.sample(PEOPLE, 3) + rnd.sample(NUMBERS, 2) + rnd.sample(FACTS, 2)
    parts.append(rnd.choice(ENDINGS))
    marked = " ".join(fill(p) for p in parts) + "\n"
    return parse(f"g{seed}-{loc}", marked, KnownIdentifiers([(kfull, [])], []))


_SLOT = re.compile(r"\{([A-Z]+)\}")
_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"


def _nino(rnd: random.Random) -> str:
    """A NINO of the valid shape (not one of the prefixes never issued); spaced or not."""
    while True:
        p = rnd.choice(_NINO_FIRST) + rnd.choice(_NINO_SECOND)
        if p not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    digits = "".join(str(rnd.randrange(10)) for _ in range(6))
    suffix = rnd.choice("ABCD")
    if rnd.random() < 0.5:
        return f"{p} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    return f"{p}{digits}{suffix}"


def statements(seeds: range) -> list[Statement]:
    return [statement(s) for s in seeds]
