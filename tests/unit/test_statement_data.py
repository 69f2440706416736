"""Interviews full of known identifiers, for the statement and leak-gate tests.

Names in Latin script with Polish and Romanian letters, in Urdu (Arabic script) and in Punjabi
(Gurmukhi), a Home Office reference, a phone number, an address and a postcode. ``redact()``
stands in for the redaction engine (which has its own tests): it replaces every recorded string,
case-insensitively, with a pseudonym or typed placeholder and returns text and legend, the shape
the statement builder takes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import date

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

URDU_NAME = "عمران خان"
PUNJABI_NAME = "ਹਰਪ੍ਰੀਤ ਕੌਰ"
POLISH_NAME = "Agnieszka Wiśniewska"
POLISH_PERP = "Łukasz Żółkiewski"
ROMANIAN_NAME = "Ștefan Țăranu"
HO_REF = "K1234567"
PHONE = "07700 900123"
ADDRESS = "14 Acacia Avenue"
POSTCODE = "OL11 3AB"

STATEMENT = f"""My name is {POLISH_NAME}. People call me Aga. I came to the UK in 2019 and I live at {ADDRESS}, \
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
        statement=STATEMENT,
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


# -- independent readers (no code from desktop.reports) -------------------------------------------


def strip_accents(s: str) -> str:
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", s).casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.translate(str.maketrans({"ł": "l", "ø": "o", "đ": "d"}))


def forms(s: str) -> set[str]:
    """The forms a test looks for: as written, case-folded, accent-folded, and without spaces."""
    nfkc = unicodedata.normalize("NFKC", s)
    out = {nfkc, nfkc.casefold(), strip_accents(s)}
    out |= {f.replace(" ", "") for f in out if len(f.replace(" ", "")) >= 6}
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in s):
        out |= {" ".join(reversed(f.split())) for f in list(out)} | {f[::-1] for f in list(out)}
    return out


def text_forms(text: str) -> set[str]:
    nfkc = unicodedata.normalize("NFKC", text)
    collapsed = re.sub(r"\s+", " ", nfkc)
    return {collapsed, collapsed.casefold(), re.sub(r"\s+", " ", strip_accents(nfkc)),
            re.sub(r"\s+", "", strip_accents(nfkc))}


def word_in(needle: str, hay: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay) is not None


def pdftotext(data: bytes, *args: str) -> str:
    exe = shutil.which("pdftotext")
    assert exe, "poppler's pdftotext is needed"
    return subprocess.run([exe, *args, "-enc", "UTF-8", "fd://0", "-"], input=data, capture_output=True,
                          check=True).stdout.decode("utf-8")


def test_sample_redaction_removes_every_recorded_string():
    iv = sample_interview()
    red = redact(iv)
    for s in iv.known_strings():
        assert s.casefold() not in red.text.casefold()
    assert "Greater Manchester Police" in red.text and "March 2024" in red.text
