"""Reading interviews from a JSON Lines file (``witnessbox add --from FILE.jsonl``).

One interview per line, as documented in docs/import-format.md. The whole file is checked before
anything is stored, and every problem is reported with its line number and the field it concerns,
never with the value found there (a value may be a name or a Home Office reference).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from desktop.core.model import Interview, Status, canonical_id, canonical_reference, validate

# Keys every line must have (values are checked by Interview.from_dict).
REQUIRED_KEYS: tuple[str, ...] = (
    "interviewed_on",
    "role",
    "crime_type",
    "force",
    "reported_on",
    "statement",
    "people",
    "identifiers",
    "consent",
)
# Every key a line may have: the required ones and the rest of the interview record.
KNOWN_KEYS: frozenset[str] = frozenset(
    {
        *REQUIRED_KEYS,
        "id",
        "reference",
        "asked_about_status",
        "immigration_enforcement_contacted",
        "what_was_shared",
        "outcomes",
        "fear_delayed_reporting",
        "status_used_as_threat",
        "language",
        "interpreter_used",
        "interviewer",
        "interviewer_role",
        "original_text",
        "status",
        "created_at",
        "updated_at",
    }
)
MAX_LINE_CHARS = 2_000_000
# No field holds a number, so a long one is a mistake or an attack; Python would otherwise refuse
# 5,000 digits with a message about sys.set_int_max_str_digits().
MAX_NUMBER_CHARS = 40
_PLAIN_KEY = re.compile(r"[a-z_]{1,40}")


class _LineRefused(ValueError):
    """Raised from inside json.loads' hooks: the message is the line's problem as it is."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:  # "last one wins" would silently drop one of two values
            raise _LineRefused(_field_word(key, "a field is given twice", "is given twice"))
        obj[key] = value
    return obj


def _number(text: str) -> Any:
    if len(text) > MAX_NUMBER_CHARS:
        raise _LineRefused("a number is far too long (no field holds a number)")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _no_constant(name: str) -> Any:
    raise _LineRefused(f"not valid JSON ({name} is not a JSON value)")


def _field_word(key: object, otherwise: str, suffix: str) -> str:
    """``'field' <suffix>`` for a known field's name, else ``otherwise`` (a key may be a name)."""
    if isinstance(key, str) and key in KNOWN_KEYS:
        return f"'{key}' {suffix}"
    return otherwise


def _unknown_field(obj: dict[str, Any], key: str) -> str:
    """Name an unknown key only when it is a misspelt field ('statment' for 'statement'): a plain
    lower-case word can still be a person's name ('amina'), and a name must never reach a message or a
    log. Otherwise say where the key is, which is enough to find it in the line."""
    position = list(obj).index(key) + 1
    if _PLAIN_KEY.fullmatch(key):
        close = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1, cutoff=0.8)
        if close:
            return f"unknown field '{key}' (did you mean '{close[0]}'?)"
    return f"an unknown field at position {position} (the field names are in docs/import-format.md)"


def _invalid_text_in(value: Any) -> bool:
    """True if any text (key or value) holds a lone surrogate or a NUL: JSON can spell them with
    ``\\ud800`` and ``\\u0000``, but they are no text, and SQLite would refuse (or cut) them only
    after the vault was unlocked and backed up."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if "\x00" in v:
                return True
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return False


@dataclass(frozen=True)
class LineProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class ImportProblems(ValueError):
    """The file has problems; nothing from it may be stored."""

    def __init__(self, problems: list[LineProblem]) -> None:
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{first}{more}")


def parse_line(text: str, *, today: date | None = None) -> Interview:
    """One line to an Interview, or ValueError naming the problem (never a value)."""
    if len(text) > MAX_LINE_CHARS:
        raise ValueError("the line is too long")
    try:
        obj = json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_int=_number, parse_float=_number,
            parse_constant=_no_constant,
        )
    except _LineRefused as exc:
        raise ValueError(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON (column {exc.colno})") from None
    except RecursionError:  # '[[[[...' a few thousand deep: json gives up, and so do we, per line
        raise ValueError("not valid JSON (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    if _invalid_text_in(obj):
        raise ValueError("holds invalid text (a lone surrogate or a NUL character); fix what wrote the file")
    missing = [k for k in REQUIRED_KEYS if k not in obj]
    if missing:
        raise ValueError("missing " + ", ".join(f"'{k}'" for k in missing))
    unknown = [k for k in obj if k not in KNOWN_KEYS]
    if unknown:
        raise ValueError(_unknown_field(obj, unknown[0]))
    for key in ("people", "identifiers"):
        if not isinstance(obj[key], list):
            raise ValueError(f"'{key}' must be a list")
    if not isinstance(obj["statement"], str):
        raise ValueError("'statement' must be text")
    consent = obj["consent"]
    if not isinstance(consent, dict):
        raise ValueError("'consent' must be an object with complaint, quotation and contact")
    for use in ("complaint", "quotation", "contact"):
        value = consent.get(use)
        # true/false, or the full form that 'witnessbox show --json' prints (so its output imports).
        if not isinstance(value, bool) and not (isinstance(value, dict) and isinstance(value.get("given"), bool)):
            raise ValueError(f"'consent.{use}' must be true or false")
    for n, p in enumerate(obj["people"], 1):
        if isinstance(p, dict) and "aliases" in p and not isinstance(p["aliases"], list):
            raise ValueError(f"person {n}: 'aliases' must be a list of text")
    # One canonical form each (an id in lower case, a reference in capitals), so the same interview
    # is never stored twice under two spellings and a lookup by either always finds it.
    if obj.get("id") not in (None, ""):
        try:
            obj["id"] = canonical_id(obj["id"])
        except ValueError:
            raise ValueError("'id' must be 32 characters 0-9 and a-f (or left out for a new one)") from None
    if obj.get("reference") not in (None, ""):
        try:
            obj["reference"] = canonical_reference(obj["reference"])
        except ValueError:
            raise ValueError(
                "'reference' must be WB-XXXX-XXXX, each X a letter or digit (or be left out for a new one)"
            ) from None
    if obj.get("status") == Status.SEALED.value:
        # Sealed means signed on a date, with a history of addenda: an import carries neither, and a
        # statement would then say "signed on <the import date>".
        raise ValueError(
            "'status' sealed cannot be imported (the signing date and history are not in the file); "
            "import it as complete and record the signing in Witnessbox"
        )
    try:
        iv = Interview.from_dict(obj)
    except (TypeError, AttributeError):  # a field of a type nobody expected: still a line problem
        raise ValueError("a field has the wrong type") from None
    if "created_at" in obj and "updated_at" in obj and _as_utc(iv.created_at) > _as_utc(iv.updated_at):
        raise ValueError("'created_at' is after 'updated_at'")
    problems = validate(iv, today)
    if problems:
        raise ValueError(problems[0].rstrip("."))
    return iv


def _as_utc(moment: datetime) -> datetime:
    """A time without an offset is taken as UTC, so two times can always be compared."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def parse_jsonl(data: bytes, *, today: date | None = None) -> list[Interview]:
    """Every interview in the file, or :class:`ImportProblems` listing each bad line."""
    problems: list[LineProblem] = []
    interviews: list[Interview] = []
    seen_ids: dict[str, int] = {}
    seen_refs: dict[str, int] = {}
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for n, raw in enumerate(data.split(b"\n"), 1):
        if len(raw) > 4 * MAX_LINE_CHARS:  # too long in any encoding: not decoded (and copied) first
            problems.append(LineProblem(n, "the line is too long"))
            continue
        try:
            text = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            problems.append(LineProblem(n, "not UTF-8 text"))
            continue
        if not text:
            continue
        try:
            iv = parse_line(text, today=today)
        except ValueError as exc:
            problems.append(LineProblem(n, str(exc)))
            continue
        if iv.id in seen_ids:
            problems.append(LineProblem(n, f"the same 'id' as line {seen_ids[iv.id]}"))
            continue
        if iv.reference in seen_refs:
            problems.append(LineProblem(n, f"the same 'reference' as line {seen_refs[iv.reference]}"))
            continue
        seen_ids[iv.id] = n
        seen_refs[iv.reference] = n
        interviews.append(iv)
    if problems:
        raise ImportProblems(problems)
    if not interviews:
        raise ImportProblems([LineProblem(1, "the file holds no interviews")])
    return interviews
