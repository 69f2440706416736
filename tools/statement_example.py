"""Remake docs/statement-example.png: one page of a redacted statement made from invented data.

    python tools/statement_example.py [OUT.png] [--page N] [--pdf OUT.pdf]
    python tools/statement_example.py docs/statement-page1.png --page 1    # the README's first page

The interview below is made up (names, address, phone and reference are invented). It goes
through the real redaction engine, the real renderer and the leak gate, exactly as an export
does (``desktop.services.statements``), into a throwaway folder; no vault is opened. The page
shown (unless ``--page`` says which) is the one with the statement of truth: the end of the
numbered statement, what was shared with Immigration Enforcement, the legend with each person's
role, the consent and the signature.
Needs poppler's ``pdftoppm``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ORGANISATION = "Northside Migrant Support (example)"


def example_interview():
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
        Status,
        YearMonth,
    )

    statement = "\n\n".join([
        "My name is Leila Haddad. I came to the UK in 2019 with my husband Karim Haddad on a spouse visa. "
        "We lived at 19 Elm Terrace. My Home Office reference is H1234567.",
        "In March 2026 Karim hit me in the kitchen and took my phone. He said that if I called the police "
        "he would tell the Home Office I had no right to stay, and I would never see my children again.",
        "My neighbour Grace Mensah heard the shouting and called the police from 07700 900461. Two officers "
        "from West Midlands Police came to the flat.",
        "The first thing PC Daniel Price asked me was whether I had a visa. He asked for my passport before "
        "he asked whether I was hurt. Karim told him I was illegal.",
        "PC Price said he would have to check my status with the Home Office. I was so frightened that I "
        "said nothing more about what Karim had done.",
        "I did not go back to the police for two months. When I went back in May, a different officer told me "
        "the report had been closed because I had not answered their questions. He did not say which "
        "questions, and he asked again about my visa.",
        "I have not reported anything since. Karim still tells me that the police work for the Home Office "
        "and that they will believe him and not me. Nobody has told me what happened to the report.",
    ])
    return Interview(
        interviewed_on=date(2026, 11, 12), role=Role.VICTIM, crime_type=CrimeType.DOMESTIC_ABUSE,
        force="west-midlands", reported_on=YearMonth(2026, 3), statement=statement,
        people=[Person("Leila Haddad", PersonRole.INTERVIEWEE, ["Leila"]),
                Person("Karim Haddad", PersonRole.PERPETRATOR, ["Karim"]),
                Person("Grace Mensah", PersonRole.WITNESS),
                Person("PC Daniel Price", PersonRole.OFFICER, ["PC Price"])],
        identifiers=[Identifier(IdentifierKind.ADDRESS, "19 Elm Terrace"),
                     Identifier(IdentifierKind.PHONE, "07700 900461"),
                     Identifier(IdentifierKind.HOME_OFFICE_REF, "H1234567")],
        consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, date(2026, 11, 12), "J. Osei")},
        asked_about_status=Answer.YES, immigration_enforcement_contacted=Answer.YES,
        what_was_shared="PC Price told Immigration Enforcement my name, Leila Haddad, and that I lived at "
                        "19 Elm Terrace. A letter about my status came a week later.",
        outcomes=[Outcome.IMMIGRATION_ACTION, Outcome.CRIME_DROPPED], fear_delayed_reporting=Answer.YES,
        status_used_as_threat=Answer.YES, language="Arabic", interpreter_used=True, interviewer="J. Osei",
        interviewer_role="Outreach worker", status=Status.COMPLETE, reference="WB-EXMP-L3AF",
    )


def main(argv: list[str]) -> int:
    from desktop.services.statements import statement_content, write_statement

    options: dict[str, str] = {}
    for name in ("--pdf", "--page"):
        if name in argv:
            i = argv.index(name)
            options[name] = argv[i + 1]
            argv = argv[:i] + argv[i + 2:]
    pdf_out = Path(options["--pdf"]) if "--pdf" in options else None
    out = Path(argv[0]) if argv else ROOT / "docs" / "statement-example.png"
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        content, forbidden = statement_content(example_interview(), organisation=ORGANISATION)
        pdf = write_statement(content, forbidden, Path(tmp) / "example.pdf").path
        if pdf_out is not None:
            shutil.copyfile(pdf, pdf_out)
        pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        page = int(options.get("--page") or next(
            n for n, text in enumerate(pages.split("\f"), 1) if "Statement of truth" in text))
        subprocess.run([pdftoppm, "-r", "80", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                        str(Path(tmp) / "page")], check=True)
        shutil.copyfile(Path(tmp) / "page.png", out)
    print(f"wrote {out} (page {page})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
