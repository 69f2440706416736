"""The interview record: what the complaint needs (docs/architecture.md, "The interview record").

Plain dataclasses and enums, no Qt, no storage. ``Interview.to_dict()``/``Interview.from_dict()``
give the JSON form used by ``witnessbox add --from FILE.jsonl`` and by transfer bundles;
:func:`validate` returns the problems a person can fix, in their words.
"""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from desktop.core.forces import force_by_code


class Role(StrEnum):
    VICTIM = "victim"
    WITNESS = "witness"
    BOTH = "both"


class CrimeType(StrEnum):
    DOMESTIC_ABUSE = "domestic_abuse"
    SEXUAL_VIOLENCE = "sexual_violence"
    MODERN_SLAVERY = "modern_slavery"  # modern slavery / trafficking
    OTHER_VIOLENCE = "other_violence"
    THEFT_FRAUD = "theft_fraud"
    HATE_CRIME = "hate_crime"
    OTHER = "other"


NOT_CHOSEN = "Not chosen yet"  # a draft's crime type before it is chosen

CRIME_LABELS: dict[CrimeType, str] = {
    CrimeType.DOMESTIC_ABUSE: "Domestic abuse",
    CrimeType.SEXUAL_VIOLENCE: "Sexual violence",
    CrimeType.MODERN_SLAVERY: "Modern slavery / trafficking",
    CrimeType.OTHER_VIOLENCE: "Other violence",
    CrimeType.THEFT_FRAUD: "Theft / fraud",
    CrimeType.HATE_CRIME: "Hate crime",
    CrimeType.OTHER: "Other",
}


class Answer(StrEnum):
    """A yes/no question the interviewee may not know the answer to."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Outcome(StrEnum):
    """What happened after the report (several may apply)."""

    IMMIGRATION_ACTION = "immigration_action"
    DETENTION = "detention"
    CRIME_INVESTIGATED = "crime_investigated"
    CRIME_DROPPED = "crime_dropped"
    NOT_KNOWN = "not_known"


class PersonRole(StrEnum):
    INTERVIEWEE = "interviewee"
    PERPETRATOR = "perpetrator"
    FAMILY = "family"
    WITNESS = "witness"
    OFFICER = "officer"
    OTHER = "other"


class IdentifierKind(StrEnum):
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"
    HOME_OFFICE_REF = "home_office_ref"
    BRP = "brp"
    PASSPORT = "passport"
    NI_NUMBER = "ni_number"
    NHS_NUMBER = "nhs_number"
    CRIME_REF = "crime_ref"
    VEHICLE = "vehicle"
    BANK = "bank"
    SOCIAL = "social"
    DATE_OF_BIRTH = "date_of_birth"
    OTHER = "other"


class ConsentUse(StrEnum):
    COMPLAINT = "complaint"  # use in the super-complaint
    QUOTATION = "quotation"  # anonymised quotation
    CONTACT = "contact"  # follow-up contact


class Status(StrEnum):
    DRAFT = "draft"
    COMPLETE = "complete"
    SEALED = "sealed"  # signed statement: later changes are dated addenda


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1900 <= self.year <= 9999:
            raise ValueError("month must be 1-12 and year four digits")

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        try:
            text = text.strip()
            if not _MONTH_SHAPE.fullmatch(text):
                raise ValueError
            y, m = text.split("-")
            return cls(int(y), int(m))
        except ValueError:
            raise ValueError("expected a month as YYYY-MM") from None

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def label(self) -> str:
        return date(self.year, self.month, 1).strftime("%B %Y")


@dataclass
class Person:
    name: str
    role: PersonRole = PersonRole.OTHER
    aliases: list[str] = field(default_factory=list)


@dataclass
class Identifier:
    kind: IdentifierKind
    value: str


@dataclass
class Consent:
    use: ConsentUse
    given: bool
    recorded_on: date | None = None
    taken_by: str = ""
    withdrawn_on: date | None = None
    withdrawn_by: str = ""

    @property
    def active(self) -> bool:
        return self.given and self.withdrawn_on is None


@dataclass
class AttachmentInfo:
    """An attachment's description; its bytes live encrypted in the vault."""

    id: str
    display_name: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime | None = None


def new_reference() -> str:
    """A random statement reference such as ``WB-7KQ3-M9XD``: never derived from a name."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I
    body = "".join(secrets.choice(alphabet) for _ in range(8))
    return f"WB-{body[:4]}-{body[4:]}"


# A demo interview's reference (``witnessbox demo``): WB-DEMO-XXXX. new_reference() never makes one,
# since its alphabet has no letter O, so "DEMO" in a reference always means invented data.
DEMO_REFERENCE_PREFIX = "WB-DEMO-"


def is_demo_reference(reference: str) -> bool:
    return isinstance(reference, str) and reference.upper().startswith(DEMO_REFERENCE_PREFIX)


# --- shapes of ids, references and dates ---------------------------------------------------------
#
# An id is what uuid4().hex makes: 32 lower-case hex digits. A reference is what new_reference()
# makes: WB-, four letters or digits, -, four more, in capitals. The two shapes cannot overlap (an
# id has no '-', a reference always has one), so "ID or REFERENCE" typed on the command line means
# exactly one thing. [0-9] and [A-Z] are spelt out: \d and str.isdigit() take any script's digits.
_ID_SHAPE = re.compile(r"[0-9a-fA-F]{32}")
_REFERENCE_SHAPE = re.compile(r"WB-[0-9A-Z]{4}-[0-9A-Z]{4}", re.IGNORECASE)
# Only the extended calendar form: date.fromisoformat() also takes 20250601 and week dates
# (2025-W23-1), which nobody means to type for an interview date and a misread one is silent.
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}")
# What Interview.to_dict() writes (datetime.isoformat()), with or without seconds, fraction, offset.
_DATETIME_SHAPE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?"
)


def canonical_id(text: str) -> str:
    """The id in its one stored form (lower-case hex), or ValueError if it is not 32 hex digits."""
    if not isinstance(text, str) or not _ID_SHAPE.fullmatch(text):
        raise ValueError("an id is 32 characters 0-9 and a-f")
    return text.lower()


def canonical_reference(text: str) -> str:
    """The reference in its one stored form (``WB-XXXX-XXXX`` in capitals), or ValueError."""
    if not isinstance(text, str) or not _REFERENCE_SHAPE.fullmatch(text):
        raise ValueError("a reference looks like WB-XXXX-XXXX")
    return text.upper()


def parse_id_or_reference(text: str) -> tuple[str, str]:
    """``("id", id)`` or ``("reference", reference)`` in canonical form for what a person typed, or
    ValueError if it is neither. The shape alone decides: a reference is never looked up as an id."""
    text = text.strip() if isinstance(text, str) else text
    try:
        return "reference", canonical_reference(text)
    except ValueError:
        pass
    try:
        return "id", canonical_id(text)
    except ValueError:
        raise ValueError("expected an id (32 characters 0-9, a-f) or a reference (WB-XXXX-XXXX)") from None


def parse_iso_date(text: str) -> date:
    """A ``YYYY-MM-DD`` date, or ValueError (no basic, week or ordinal forms)."""
    if not isinstance(text, str) or not _DATE_SHAPE.fullmatch(text):
        raise ValueError("expected a date as YYYY-MM-DD")
    return date.fromisoformat(text)


def parse_iso_datetime(text: str) -> datetime:
    """A ``YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z|+HH:MM]`` date and time, or ValueError."""
    if not isinstance(text, str) or not _DATETIME_SHAPE.fullmatch(text):
        raise ValueError("expected an ISO date and time")
    return datetime.fromisoformat(text)


@dataclass
class Interview:
    interviewed_on: date
    role: Role
    crime_type: CrimeType | None  # None: not chosen yet (a draft may leave it)
    force: str  # a code from desktop.core.forces
    reported_on: YearMonth | None
    statement: str = ""
    people: list[Person] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    consent: dict[ConsentUse, Consent] = field(default_factory=dict)
    asked_about_status: Answer = Answer.UNKNOWN
    immigration_enforcement_contacted: Answer = Answer.UNKNOWN
    what_was_shared: str = ""
    outcomes: list[Outcome] = field(default_factory=list)
    fear_delayed_reporting: Answer = Answer.UNKNOWN
    status_used_as_threat: Answer = Answer.UNKNOWN
    language: str = "English"
    interpreter_used: bool = False
    interviewer: str = ""  # the worker's name or initials: stays in the vault, never printed
    interviewer_role: str = ""  # printed on the statement ("Outreach worker"); a name only if the worker types one
    original_text: str = ""  # the interviewee's own words in the interview language (the statement's annex)
    status: Status = Status.DRAFT
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    reference: str = field(default_factory=new_reference)
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def has_consent(self, use: ConsentUse) -> bool:
        c = self.consent.get(use)
        return bool(c and c.active)

    def known_strings(self) -> list[str]:
        """Every name, alias and identifier value recorded on the interview (what redaction must remove)."""
        out: list[str] = []
        for p in self.people:
            out.append(p.name)
            out.extend(p.aliases)
        out.extend(i.value for i in self.identifiers)
        return [s for s in out if s.strip()]

    # --- JSON form -------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "interviewed_on": self.interviewed_on.isoformat(),
            "role": self.role.value,
            "crime_type": self.crime_type.value if self.crime_type is not None else None,
            "force": self.force,
            "reported_on": str(self.reported_on) if self.reported_on else None,
            "statement": self.statement,
            "people": [{"name": p.name, "role": p.role.value, "aliases": list(p.aliases)} for p in self.people],
            "identifiers": [{"kind": i.kind.value, "value": i.value} for i in self.identifiers],
            "consent": {
                use.value: {
                    "given": c.given,
                    "recorded_on": c.recorded_on.isoformat() if c.recorded_on else None,
                    "taken_by": c.taken_by,
                    "withdrawn_on": c.withdrawn_on.isoformat() if c.withdrawn_on else None,
                    "withdrawn_by": c.withdrawn_by,
                }
                for use, c in self.consent.items()
            },
            "asked_about_status": self.asked_about_status.value,
            "immigration_enforcement_contacted": self.immigration_enforcement_contacted.value,
            "what_was_shared": self.what_was_shared,
            "outcomes": [o.value for o in self.outcomes],
            "fear_delayed_reporting": self.fear_delayed_reporting.value,
            "status_used_as_threat": self.status_used_as_threat.value,
            "language": self.language,
            "interpreter_used": self.interpreter_used,
            "interviewer": self.interviewer,
            "interviewer_role": self.interviewer_role,
            "original_text": self.original_text,
            "status": self.status.value,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, force_optional: bool = False) -> Interview:
        """Build from the JSON form. Raises ValueError naming the field (never its value).

        ``force_optional``: a record still being typed (the form, its draft) may have no police force
        chosen yet; it comes back with ``force=""`` and :func:`validate` says so in words. A record
        still being typed, or one with the status draft, may have no crime chosen yet (``None``);
        :func:`validate` refuses that for a complete one."""
        if not isinstance(d, dict):
            raise ValueError("expected a JSON object")

        def need(key: str) -> Any:
            if key not in d or d[key] in (None, ""):
                raise ValueError(f"missing '{key}'")
            return d[key]

        def enum(e: type[StrEnum], key: str, default: Any = None) -> Any:
            raw = d.get(key, default) if default is not None else need(key)
            try:
                return e(raw)
            except ValueError:
                allowed = ", ".join(m.value for m in e)
                raise ValueError(f"'{key}' must be one of: {allowed}") from None

        def day(key: str, value: Any) -> date:
            try:
                return parse_iso_date(value)
            except (TypeError, ValueError):
                raise ValueError(f"'{key}' must be a date as YYYY-MM-DD") from None

        def opt_day(key: str, value: Any) -> date | None:
            return day(key, value) if value else None

        def text(key: str, default: str = "") -> str:
            v = d.get(key, default)
            if v is None:
                return default
            if not isinstance(v, str):
                raise ValueError(f"'{key}' must be text")
            return v

        if force_optional and d.get("force") in (None, ""):
            force = ""
        else:
            force = need("force")
            try:
                force_by_code(force)
            except (ValueError, TypeError):
                raise ValueError("'force' must be a police force code (see 'witnessbox forces')") from None
        reported_raw = d.get("reported_on")
        try:
            reported = YearMonth.parse(reported_raw) if reported_raw else None
        except (ValueError, AttributeError):
            raise ValueError("'reported_on' must be a month as YYYY-MM") from None

        people = []
        if not isinstance(d.get("people") or [], list):
            raise ValueError("'people' must be a list")
        for n, p in enumerate(d.get("people") or [], 1):
            if not isinstance(p, dict) or not isinstance(p.get("name"), str) or not p["name"].strip():
                raise ValueError(f"person {n} needs a 'name'")
            aliases = p.get("aliases") or []
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise ValueError(f"person {n}: 'aliases' must be a list of text")
            try:
                prole = PersonRole(p.get("role") or "other")
            except ValueError:
                allowed = ", ".join(r.value for r in PersonRole)
                raise ValueError(f"person {n}: 'role' must be one of: {allowed}") from None
            people.append(Person(p["name"], prole, list(aliases)))

        identifiers = []
        if not isinstance(d.get("identifiers") or [], list):
            raise ValueError("'identifiers' must be a list")
        for n, i in enumerate(d.get("identifiers") or [], 1):
            if not isinstance(i, dict) or not isinstance(i.get("value"), str) or not i["value"].strip():
                raise ValueError(f"identifier {n} needs a 'value'")
            try:
                kind = IdentifierKind(i.get("kind") or "other")
            except ValueError:
                raise ValueError(
                    f"identifier {n}: 'kind' must be one of: {', '.join(k.value for k in IdentifierKind)}"
                ) from None
            identifiers.append(Identifier(kind, i["value"]))

        consent: dict[ConsentUse, Consent] = {}
        raw_consent = d.get("consent") or {}
        if not isinstance(raw_consent, dict):
            raise ValueError("'consent' must be an object with complaint, quotation and contact")
        for key, value in raw_consent.items():
            try:
                use = ConsentUse(key)
            except ValueError:
                allowed = ", ".join(u.value for u in ConsentUse)
                raise ValueError(f"'consent' has an unknown use; expected {allowed}") from None
            if isinstance(value, bool):
                given_on = day("interviewed_on", need("interviewed_on")) if value else None
                consent[use] = Consent(use, value, recorded_on=given_on)
            elif isinstance(value, dict):
                consent[use] = Consent(
                    use,
                    bool(value.get("given")),
                    recorded_on=opt_day(f"consent.{key}.recorded_on", value.get("recorded_on")),
                    taken_by=str(value.get("taken_by") or ""),
                    withdrawn_on=opt_day(f"consent.{key}.withdrawn_on", value.get("withdrawn_on")),
                    withdrawn_by=str(value.get("withdrawn_by") or ""),
                )
            else:
                raise ValueError(f"'consent.{key}' must be true or false")

        outcomes = []
        if not isinstance(d.get("outcomes") or [], list):
            raise ValueError("'outcomes' must be a list")
        for o in d.get("outcomes") or []:
            try:
                outcomes.append(Outcome(o))
            except ValueError:
                raise ValueError(f"'outcomes' must hold values from: {', '.join(x.value for x in Outcome)}") from None

        interpreter = d.get("interpreter_used", False)
        if not isinstance(interpreter, bool):
            raise ValueError("'interpreter_used' must be true or false")

        iv = cls(
            interviewed_on=day("interviewed_on", need("interviewed_on")),
            role=enum(Role, "role"),
            crime_type=(
                None
                if d.get("crime_type") in (None, "") and (force_optional or d.get("status", "draft") == "draft")
                else enum(CrimeType, "crime_type")
            ),
            force=force,
            reported_on=reported,
            statement=text("statement"),
            people=people,
            identifiers=identifiers,
            consent=consent,
            asked_about_status=enum(Answer, "asked_about_status", "unknown"),
            immigration_enforcement_contacted=enum(Answer, "immigration_enforcement_contacted", "unknown"),
            what_was_shared=text("what_was_shared"),
            outcomes=outcomes,
            fear_delayed_reporting=enum(Answer, "fear_delayed_reporting", "unknown"),
            status_used_as_threat=enum(Answer, "status_used_as_threat", "unknown"),
            language=text("language", "English") or "English",
            interpreter_used=interpreter,
            interviewer=text("interviewer"),
            interviewer_role=text("interviewer_role"),
            original_text=text("original_text"),
            status=enum(Status, "status", "draft"),
            # A stored record has its id and reference: none is drawn from the system's randomness to be
            # thrown away; a record without them (typed or imported new) gets fresh ones.
            **{key: str(d[key]) for key in ("id", "reference") if d.get(key)},
        )
        for key in ("created_at", "updated_at"):
            if d.get(key):
                try:
                    setattr(iv, key, parse_iso_datetime(d[key]))
                except (TypeError, ValueError):
                    raise ValueError(f"'{key}' must be an ISO date and time") from None
        return iv


MAX_PEOPLE = 500
"""Most people one interview may record: each is matched in the statement by patterns of its own,
so an export's redaction grows with the number of people (about a second at this bound)."""

TOO_MANY_PEOPLE = (
    f"The interview lists more than {MAX_PEOPLE} people; an interview can list at most "
    f"{MAX_PEOPLE}. Split it into several interviews."
)


class Problem(str):
    """A problem in plain words (it is the text), and the field it is about (``field``: the Interview's
    attribute, e.g. "crime_type", or "consent.<use>.taken_by"), so a form can take the user to it."""

    field: str

    def __new__(cls, text: str, field: str = "") -> Problem:
        p = super().__new__(cls, text)
        p.field = field
        return p


def validate(iv: Interview, today: date | None = None) -> list[str]:
    """Problems a person must fix before the record is saved as complete, in plain words
    (each a :class:`Problem`, which names its field)."""
    today = today or date.today()
    problems: list[str] = []
    if len(iv.people) > MAX_PEOPLE:
        problems.append(Problem(TOO_MANY_PEOPLE, "people"))
    if iv.interviewed_on > today:
        problems.append(Problem("The interview date is in the future.", "interviewed_on"))
    if iv.reported_on is not None:
        if iv.reported_on > YearMonth(iv.interviewed_on.year, iv.interviewed_on.month):
            problems.append(Problem("The month of the report is after the interview date.", "reported_on"))
    try:
        force_by_code(iv.force)
    except ValueError:
        problems.append(Problem("Choose a police force (or “Unknown”).", "force"))
    if iv.crime_type is None and iv.status != Status.DRAFT:
        problems.append(Problem("Choose the crime reported (a draft may leave it until you know).", "crime_type"))
    for use, c in iv.consent.items():
        if c.withdrawn_on and c.recorded_on and c.withdrawn_on < c.recorded_on:
            problems.append(
                Problem(
                    f"Consent for {use.value} is withdrawn before it was given.", f"consent.{use.value}.recorded_on"
                )
            )
    return problems
