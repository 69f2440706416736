"""The span: one stretch of the statement to redact, and the types it can have."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Source = Literal["known", "detector", "manual"]

# Span types and the words used for them in placeholders and the legend.
TYPE_LABELS: dict[str, str] = {
    "PERSON": "a person",
    "ADDRESS": "an address",
    "POSTCODE": "a postcode",
    "PHONE": "a phone number",
    "EMAIL": "an email address",
    "SOCIAL": "a social media account or link",
    "DATE_OF_BIRTH": "a date of birth",
    "NI_NUMBER": "a National Insurance number",
    "NHS_NUMBER": "an NHS number",
    "HOME_OFFICE_REF": "a Home Office or visa reference",
    "BRP": "a Biometric Residence Permit number",
    "PASSPORT": "a passport number",
    "DRIVING_LICENCE": "a driving licence number",
    "CRIME_REF": "a police crime or incident reference",
    "OFFICER_NUMBER": "a police officer's number",
    "VEHICLE": "a vehicle registration",
    "BANK": "bank or card details",
    "ID": "an identifying number",
    "OTHER": "other identifying information",
}
TYPES: tuple[str, ...] = tuple(TYPE_LABELS)


# A detector suggestion scored below this is a guess: the review lists it as "unsure", and a guessed
# name is not looked for again elsewhere in the statement. It is still redacted unless kept.
WEAK = 0.5


@dataclass(frozen=True, order=True)
class Span:
    """``text[start:end]`` (code points) should be redacted.

    ``source``: "known" (recorded on the interview: always redacted), "detector" (a suggestion) or
    "manual" (added by the reviewer). ``confidence`` orders suggestions for review; nothing is
    dropped for being low. ``person``: for PERSON spans, a key saying who it is (the recorded
    name for a known person), so that one person gets one pseudonym. ``recorded``: for a span of a
    recorded identifier, which one ("address:" and the address as recorded), so that every piece
    of one recorded address (its street lines, its postcode) reads as that one address.
    """

    start: int
    end: int
    type: str
    source: Source = "detector"
    confidence: float = 0.5
    person: str | None = None
    recorded: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError("a span needs 0 <= start < end")
        if self.type not in TYPE_LABELS:
            raise ValueError("unknown span type")

    @property
    def weak(self) -> bool:
        """A detector's suggestion scored below :data:`WEAK` (recorded and reviewer's spans never are)."""
        return self.source == "detector" and self.confidence < WEAK

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(
            int(d["start"]),
            int(d["end"]),
            str(d["type"]),
            d.get("source", "detector"),
            float(d.get("confidence", 0.5)),
            d.get("person"),
            d.get("recorded"),
        )
