"""Reading interviews from a JSON Lines file (``witnessbox add --from FILE.jsonl``).

One interview per line, as documented in docs/import-format.md. The whole file is checked before
anything is stored, and every problem is reported with its line number and the field it concerns,
never with the value found there (a value may be a name or a Home Office reference).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from desktop.core.model import Interview, validate

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
        "status",
        "created_at",
        "updated_at",
    }
)
MAX_LINE_CHARS = 2_000_000
_PLAIN_KEY = re.compile(r"^[a-z_]{1,40}$")
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_REFERENCE = re.compile(r"^[A-Za-z0-9-]{3,32}$")


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
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON (column {exc.colno})") from None
    except RecursionError:  # '[[[[...' a few thousand deep: json gives up, and so do we, per line
        raise ValueError("not valid JSON (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    missing = [k for k in REQUIRED_KEYS if k not in obj]
    if missing:
        raise ValueError("missing " + ", ".join(f"'{k}'" for k in missing))
    unknown = sorted(k for k in obj if k not in KNOWN_KEYS)
    if unknown:
        shown = [f"'{k}'" for k in unknown if isinstance(k, str) and _PLAIN_KEY.match(k)]
        raise ValueError("unknown field " + (", ".join(shown) if shown else "(a key that is not a field name)"))
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
    if obj.get("id") not in (None, "") and not (isinstance(obj["id"], str) and _ID.match(obj["id"])):
        raise ValueError("'id' must be 1-64 letters, digits, '-' or '_'")
    if obj.get("reference") not in (None, "") and not (
        isinstance(obj["reference"], str) and _REFERENCE.match(obj["reference"])
    ):
        raise ValueError("'reference' must be 3-32 letters, digits or '-'")
    try:
        iv = Interview.from_dict(obj)
    except (TypeError, AttributeError):  # a field of a type nobody expected: still a line problem
        raise ValueError("a field has the wrong type") from None
    problems = validate(iv, today)
    if problems:
        raise ValueError(problems[0].rstrip("."))
    return iv


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
