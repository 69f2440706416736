"""Translatable words for the record's choices. The stored values stay the enum values."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.model import Answer, ConsentUse, CrimeType, IdentifierKind, Outcome, PersonRole, Role, Status


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def role_label(v: Role) -> str:
    return {Role.VICTIM: _t("Victim"), Role.WITNESS: _t("Witness"), Role.BOTH: _t("Victim and witness")}[v]


def window_title(purpose: str) -> str:
    """A window's title: what it is for, then the app's name, once ("Review redactions — Witnessbox").
    Qt adds the application's display name to a title only when it does not already end with it,
    so the name is never shown twice."""
    from desktop import APP_NAME

    return f"{purpose} — {APP_NAME}"


def crime_label(v: CrimeType | None) -> str:
    if v is None:
        return _t("Not chosen yet")
    return {
        CrimeType.DOMESTIC_ABUSE: _t("Domestic abuse"),
        CrimeType.SEXUAL_VIOLENCE: _t("Sexual violence"),
        CrimeType.MODERN_SLAVERY: _t("Modern slavery / trafficking"),
        CrimeType.OTHER_VIOLENCE: _t("Other violence"),
        CrimeType.THEFT_FRAUD: _t("Theft / fraud"),
        CrimeType.HATE_CRIME: _t("Hate crime"),
        CrimeType.OTHER: _t("Other"),
    }[v]


def answer_label(v: Answer) -> str:
    return {Answer.YES: _t("Yes"), Answer.NO: _t("No"), Answer.UNKNOWN: _t("Not known")}[v]


def outcome_label(v: Outcome) -> str:
    return {
        Outcome.IMMIGRATION_ACTION: _t("Immigration action against them"),
        Outcome.DETENTION: _t("Detention"),
        Outcome.CRIME_INVESTIGATED: _t("The crime was investigated"),
        Outcome.CRIME_DROPPED: _t("The crime was dropped"),
        Outcome.NOT_KNOWN: _t("Not known"),
    }[v]


def person_role_label(v: PersonRole) -> str:
    return {
        PersonRole.INTERVIEWEE: _t("Interviewee"),
        PersonRole.PERPETRATOR: _t("Perpetrator"),
        PersonRole.FAMILY: _t("Family"),
        PersonRole.WITNESS: _t("Witness"),
        PersonRole.OFFICER: _t("Officer"),
        PersonRole.OTHER: _t("Other"),
    }[v]


def identifier_label(v: IdentifierKind) -> str:
    return {
        IdentifierKind.ADDRESS: _t("Address"),
        IdentifierKind.PHONE: _t("Phone number"),
        IdentifierKind.EMAIL: _t("Email"),
        IdentifierKind.HOME_OFFICE_REF: _t("Home Office reference"),
        IdentifierKind.BRP: _t("BRP number"),
        IdentifierKind.PASSPORT: _t("Passport number"),
        IdentifierKind.NI_NUMBER: _t("National Insurance number"),
        IdentifierKind.NHS_NUMBER: _t("NHS number"),
        IdentifierKind.CRIME_REF: _t("Crime reference"),
        IdentifierKind.VEHICLE: _t("Vehicle registration"),
        IdentifierKind.BANK: _t("Bank details"),
        IdentifierKind.SOCIAL: _t("Social media"),
        IdentifierKind.DATE_OF_BIRTH: _t("Date of birth"),
        IdentifierKind.OTHER: _t("Other"),
    }[v]


def consent_label(v: ConsentUse) -> str:
    return {
        ConsentUse.COMPLAINT: _t("Use in the complaint"),
        ConsentUse.QUOTATION: _t("Anonymised quotation"),
        ConsentUse.CONTACT: _t("Follow-up contact"),
    }[v]


def status_label(v: Status) -> str:
    return {Status.DRAFT: _t("Draft"), Status.COMPLETE: _t("Complete"), Status.SEALED: _t("Sealed")}[v]
