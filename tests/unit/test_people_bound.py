"""An interview records at most MAX_PEOPLE people: import, the editor's check and export all say so."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop.core.jsonl import ImportProblems, parse_jsonl
from desktop.core.model import MAX_PEOPLE, validate
from desktop.services.errors import Refused
from desktop.services.statements import statement_content
from tests.factories import crowded_interview

STATEMENT = "Zorbanek1 Quillitu1 told the officer what happened. " * 5


def test_the_bound_is_checked_before_saving():
    assert validate(crowded_interview(MAX_PEOPLE, STATEMENT), date(2026, 2, 1)) == []
    problems = validate(crowded_interview(MAX_PEOPLE + 1, STATEMENT), date(2026, 2, 1))
    assert problems == [f"The interview lists more than {MAX_PEOPLE} people; an interview can list at most "
                        f"{MAX_PEOPLE}. Split it into several interviews."]


def test_an_import_with_too_many_people_is_refused_with_its_line():
    line = {"interviewed_on": "2026-01-05", "role": "witness", "crime_type": "other", "force": "kent",
            "reported_on": "2025-12", "statement": "What happened.",
            "people": [{"name": f"Zorbanek{i} Quillitu{i}", "role": "other", "aliases": []}
                       for i in range(MAX_PEOPLE + 1)],
            "identifiers": [], "consent": {"complaint": True, "quotation": False, "contact": False}}
    parse_jsonl(json.dumps({**line, "people": line["people"][:MAX_PEOPLE]}).encode())  # at the bound: fine
    with pytest.raises(ImportProblems) as info:
        parse_jsonl(json.dumps(line).encode())
    assert [(p.line, f"more than {MAX_PEOPLE} people" in p.message) for p in info.value.problems] == [(1, True)]


def test_export_refuses_an_interview_over_the_bound_without_naming_anyone():
    iv = crowded_interview(MAX_PEOPLE + 1, STATEMENT)
    with pytest.raises(Refused) as info:
        statement_content(iv)
    assert f"more than {MAX_PEOPLE} people" in str(info.value) and "Zorbanek" not in str(info.value)


def test_export_at_the_bound_redacts_every_person():
    content, forbidden = statement_content(crowded_interview(MAX_PEOPLE, STATEMENT))
    assert "Zorbanek1" not in json.dumps(content.__dict__, default=str)
    assert "Zorbanek499 Quillitu499" in forbidden or any("zorbanek499" in f.lower() for f in forbidden)
