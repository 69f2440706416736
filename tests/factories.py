"""Test data, in one place: cheap key derivation, a fresh vault, and the interviews tests record.

Production code never takes a test-mode flag: tests pass these parameters in, as any caller may.

* ``make_interview``: a plain interview (one interviewee, one Home Office reference, consent for the
  complaint); any field can be overridden.
* ``named_interview``: the same, with the interviewee's name and reference chosen (canaries).
* ``crowded_interview``: an interview naming many people, for the bounds on people.
* ``sample_interview``: an interview full of known identifiers in several scripts (Polish and
  Romanian letters, Urdu, Punjabi), for the statement and leak-gate tests; ``redact()`` stands in
  for the redaction engine (which has its own tests): it replaces every recorded string,
  case-insensitively, with a pseudonym or typed placeholder and returns text and legend, the shape
  the statement builder takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core.model import (
    Answer,
    Consent,
    ConsentUse,
    CrimeType,
    Identifier,
    IdentifierKind,
    Interview,
    Outcome,
    Person,
    PersonRole,
    Role,
    YearMonth,
)
from desktop.vault import KdfParams, Vault

# Argon2id at its cheapest, so a test vault opens in milliseconds (production calibrates to ~1 s).
FAST_KDF = KdfParams(time_cost=1, memory_cost_kib=8, lanes=1)
PASSPHRASE = "correct horse battery staple"


def new_vault(directory: Path, passphrase: str = PASSPHRASE) -> Vault:
    """A new, empty vault in ``directory``, returned unlocked."""
    return Vault.create(Path(directory), passphrase, kdf=FAST_KDF)


# -- plain interviews -----------------------------------------------------------------------------


def make_interview(statement: str = "The officer asked about my visa.", **kw) -> Interview:
    """A complete, valid interview with consent for the complaint; ``kw`` overrides any field."""
    defaults = dict(
        interviewed_on=date(2026, 1, 5),
        role=Role.VICTIM,
        crime_type=CrimeType.DOMESTIC_ABUSE,
        force="metropolitan",
        reported_on=YearMonth(2025, 12),
        statement=statement,
        people=[Person("Amina Khan", PersonRole.INTERVIEWEE, ["Ami"])],
        identifiers=[Identifier(IdentifierKind.HOME_OFFICE_REF, "K1234567")],
        consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, date(2026, 1, 5), "Sam")},
    )
    defaults.update(kw)
    return Interview(**defaults)


def named_interview(statement: str, name: str = "Amina Khan", ident: str = "K1234567") -> Interview:
    """``make_interview`` whose interviewee is ``name`` (alias: its first word) with reference ``ident``."""
    return make_interview(statement, people=[Person(name, PersonRole.INTERVIEWEE, [name.split()[0]])],
                          identifiers=[Identifier(IdentifierKind.HOME_OFFICE_REF, ident)])


def crowded_interview(people: int, statement: str) -> Interview:
    """A witness interview naming ``people`` people called Zorbanek<i> Quillitu<i>."""
    return Interview(date(2026, 1, 5), Role.WITNESS, CrimeType.OTHER, "kent", YearMonth(2025, 12),
                     statement=statement, people=[Person(f"Zorbanek{i} Quillitu{i}") for i in range(people)],
                     consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, date(2026, 1, 5), "AB")})


# -- an interview full of known identifiers, in several scripts -----------------------------------

URDU_NAME = "عمران خان"
PUNJABI_NAME = "ਹਰਪ੍ਰੀਤ ਕੌਰ"
POLISH_NAME = "Agnieszka Wiśniewska"
POLISH_PERP = "Łukasz Żółkiewski"
ROMANIAN_NAME = "Ștefan Țăranu"
HO_REF = "K1234567"
PHONE = "07700 900123"
ADDRESS = "14 Acacia Avenue"
POSTCODE = "OL11 3AB"

SAMPLE_STATEMENT = f"""My name is {POLISH_NAME}. People call me Aga. I came to the UK in 2019 and I live at {ADDRESS}, \
Rochdale {POSTCODE}. My Home Office reference is {HO_REF}.

In March 2024 my partner {POLISH_PERP} hit me in the kitchen. He told me that if I called the police, Łukasz \
would make sure the Home Office deported me. My neighbour {ROMANIAN_NAME} heard the shouting and called 999 \
from {PHONE}.

Two officers from Greater Manchester Police came. The first thing one of them asked was whether I had a visa. \
Ştefan Ţăranu told them I was frightened. Officer Ioana Popescu wrote something down and asked for my \
passport before she asked whether I was hurt.

میرے کزن {URDU_NAME} نے کہا کہ پولیس ہوم آفس کو بتا دے گی۔ اس لیے میں نے دوبارہ فون نہیں کیا۔

ਮੇਰੀ ਸਹੇਲੀ {PUNJABI_NAME} ਨੇ ਕਿਹਾ ਕਿ ਪੁਲਿਸ ਮੇਰੇ ਕਾਗਜ਼ ਦੇਖੇਗੀ। ਮੈਂ ਬਹੁਤ ਡਰ ਗਈ ਸੀ।

Later an officer from Immigration Enforcement phoned me. Nobody told me what happened to the crime report."""

# Statements told in Urdu and in Punjabi, already redacted (what the PDF is made from).
URDU_STATEMENT = "\n\n".join([
    ('میں مارچ 2024 میں اپنے شوہر Person B کے ساتھ رہتی تھی۔ اس نے مجھے کئی '
     'بار مارا اور کہا کہ اگر میں نے پولیس کو بتایا تو وہ ہوم آفس کو فون کر '
     'کے مجھے واپس بھجوا دے گا۔'),
    ('جب پولیس آئی تو ایک افسر نے سب سے پہلے میرے ویزے کے بارے میں پوچھا، '
     'اور پھر میرا پتہ [ADDRESS 1] لکھ لیا۔ مجھے بہت ڈر لگا اور میں نے کچھ '
     'نہیں بتایا۔'),
    ('بعد میں امیگریشن انفورسمنٹ کے ایک افسر نے مجھے [PHONE 1] پر فون کیا۔ '
     'مجھے نہیں معلوم کہ میری شکایت کا کیا ہوا۔'),
])

PUNJABI_STATEMENT = "\n\n".join([
    ('ਮਾਰਚ 2024 ਵਿੱਚ ਮੇਰੇ ਮਾਲਕ Person B ਨੇ ਮੇਰਾ ਪਾਸਪੋਰਟ ਰੱਖ ਲਿਆ ਅਤੇ ਮੈਨੂੰ '
     'ਤਨਖਾਹ ਨਹੀਂ ਦਿੱਤੀ। ਉਸਨੇ ਕਿਹਾ ਕਿ ਜੇ ਮੈਂ ਕਿਸੇ ਨੂੰ ਦੱਸਿਆ ਤਾਂ ਉਹ ਹੋਮ ਆਫਿਸ '
     'ਨੂੰ ਫ਼ੋਨ ਕਰੇਗਾ।'),
    ('ਜਦੋਂ ਮੈਂ ਪੁਲਿਸ ਕੋਲ ਗਈ, ਤਾਂ ਅਫ਼ਸਰ ਨੇ ਪਹਿਲਾਂ ਮੇਰੇ ਵੀਜ਼ੇ ਬਾਰੇ ਪੁੱਛਿਆ ਅਤੇ '
     'ਮੇਰਾ ਨੰਬਰ [HOME OFFICE REF 1] ਲਿਖ ਲਿਆ। ਮੈਂ ਬਹੁਤ ਡਰ ਗਈ।'),
    ('ਬਾਅਦ ਵਿੱਚ ਇਮੀਗ੍ਰੇਸ਼ਨ ਇਨਫੋਰਸਮੈਂਟ ਨੇ ਮੈਨੂੰ ਫ਼ੋਨ ਕੀਤਾ। ਮੈਨੂੰ ਨਹੀਂ ਪਤਾ ਕਿ '
     'ਮੇਰੀ ਸ਼ਿਕਾਇਤ ਦਾ ਕੀ ਹੋਇਆ।'),
])


def sample_interview(**overrides) -> Interview:
    iv = Interview(
        interviewed_on=date(2024, 5, 2),
        role=Role.VICTIM,
        crime_type=CrimeType.DOMESTIC_ABUSE,
        force="greater-manchester",
        reported_on=YearMonth(2024, 3),
        statement=SAMPLE_STATEMENT,
        people=[
            Person(POLISH_NAME, PersonRole.INTERVIEWEE, ["Aga", "Agnieszka"]),
            Person(POLISH_PERP, PersonRole.PERPETRATOR, ["Łukasz"]),
            Person(ROMANIAN_NAME, PersonRole.FAMILY, ["Ştefan Ţăranu"]),
            Person("Ioana Popescu", PersonRole.OFFICER),
            Person(URDU_NAME, PersonRole.FAMILY),
            Person(PUNJABI_NAME, PersonRole.WITNESS),
        ],
        identifiers=[
            Identifier(IdentifierKind.HOME_OFFICE_REF, HO_REF),
            Identifier(IdentifierKind.PHONE, PHONE),
            Identifier(IdentifierKind.ADDRESS, ADDRESS),
            Identifier(IdentifierKind.ADDRESS, POSTCODE),
        ],
        consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, date(2024, 5, 2), "worker")},
        asked_about_status=Answer.YES,
        immigration_enforcement_contacted=Answer.YES,
        outcomes=[Outcome.CRIME_DROPPED],
        fear_delayed_reporting=Answer.YES,
        status_used_as_threat=Answer.YES,
        language="Polish",
        interpreter_used=True,
        reference="WB-7KQ3-M9XD",
    )
    for k, v in overrides.items():
        setattr(iv, k, v)
    return iv


@dataclass
class LegendEntry:
    placeholder: str
    type: str
    description: str


@dataclass
class Redacted:
    text: str
    legend: list[LegendEntry]


def redact(iv: Interview) -> Redacted:
    """Replace every recorded name, alias and identifier (case-insensitively, longest first)."""
    replacements: list[tuple[str, str]] = []
    legend: list[LegendEntry] = []
    for n, p in enumerate(iv.people):
        pseudonym = f"Person {chr(ord('A') + n)}"
        desc = "The interviewee" if p.role == PersonRole.INTERVIEWEE else f"A person named in the statement ({p.role})"
        legend.append(LegendEntry(pseudonym, "person", desc))
        replacements += [(s, pseudonym) for s in [p.name, *p.aliases]]
    counts: dict[str, int] = {}
    for ident in iv.identifiers:
        label = ident.kind.value.replace("_", " ").upper()
        counts[label] = counts.get(label, 0) + 1
        placeholder = f"[{label} {counts[label]}]"
        legend.append(LegendEntry(placeholder, ident.kind.value, "An identifying detail"))
        replacements.append((ident.value, placeholder))
    text = iv.statement
    for original, placeholder in sorted(replacements, key=lambda r: -len(r[0])):
        text = re.sub(re.escape(original), placeholder, text, flags=re.IGNORECASE)
    return Redacted(text, legend)
