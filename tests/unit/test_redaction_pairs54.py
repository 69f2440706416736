"""Two or three capitalised words that are each an English word, saying or doing what a person does
(``desktop.redaction.word_pairs``): "Amir Khan said", "Hope Green told me", "Will Smith took it".
Every example is written here; the people are invented."""

from __future__ import annotations

import pytest

from desktop.redaction import detect
from desktop.redaction.names import detect_names
from tests.span_checks import covered, untouched


def _run_without_rule(monkeypatch, text: str) -> list:  # noqa: ANN001
    import desktop.redaction.names as names

    monkeypatch.setattr(names, "word_pairs", lambda toks, text: None)
    return detect(text)


@pytest.mark.parametrize(("text", "name"), [
    ("Amir Khan said so.", "Amir Khan"),
    ("Raja Khan said the rent was going up.", "Raja Khan"),
    ("Hope Green said we had to leave by Friday.", "Hope Green"),
    ("Will Smith took my phone and my bank card.", "Will Smith"),
    ("Sultan Raja told me to leave the flat.", "Sultan Raja"),
    ("Rose Hall asked me for my passport.", "Rose Hall"),
    ("Bill Young hit me with a stick.", "Bill Young"),
    ("Guy Brown shouted at the children.", "Guy Brown"),
    ("Sultan Khan Raja said he was the boss.", "Sultan Khan Raja"),
    ("Shah Wood threatened my husband twice.", "Shah Wood"),
    ("Will Bishop took the keys from me.", "Will Bishop"),
    ("Amir Khan, the owner, said we owed him money.", "Amir Khan"),
    ("Amir Khan said it was over.", "Amir Khan"),
    ("Amir Khan said they would come back.", "Amir Khan"),
    ("Raja Green said the van would come at six.", "Raja Green"),
    ("Amir Khan's wife said so.", "Amir Khan"),
    ("I phoned Raja Khan the next day.", "Raja Khan"),
    ("I paid the money to Sultan Wood in cash.", "Sultan Wood"),
])  # fmt: skip
def test_a_run_of_english_words_that_says_or_does_what_a_person_does_is_someone(text, name):
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), (text, [(text[s.start : s.end], s.confidence) for s in spans])


@pytest.mark.parametrize(("text", "name"), [
    ("Amir Khan said so.", "Amir Khan"),
    ("Raja Khan said the rent was going up.", "Raja Khan"),
    ("Hope Green said we had to leave by Friday.", "Hope Green"),
    ("Will Smith took my phone and my bank card.", "Will Smith"),
    ("Raja Green said the van would come at six.", "Raja Green"),
])  # fmt: skip
def test_without_the_rule_the_name_is_left(monkeypatch, text, name):
    """The rule is what redacts these: with it switched off, a letter of the name is left."""
    assert not covered(text, _run_without_rule(monkeypatch, text), name, kind="PERSON"), text


@pytest.mark.parametrize(("text", "name", "facts"), [
    ("Secretary to the Commission Amir Khan said the report was late.", "Amir Khan", ["Secretary", "Commission"]),
    ("Chair of the Trust Hope Hall said the money was gone.", "Hope Hall", ["Chair", "Trust"]),
    ("Head of the Unit Raja Wood told us to wait.", "Raja Wood", ["Unit"]),
    ("Landlord Raja Green said we had to go.", "Raja Green", ["Landlord"]),
    ("Interpreter Amir Khan said the words were wrong.", "Amir Khan", ["Interpreter"]),
    ("Researcher Will Bishop said the figures were old.", "Will Bishop", ["Researcher"]),
    ("Volunteer Omar Malik came at noon.", "Omar Malik", ["Volunteer"]),  # a name already: the role stays out
    ("In March Amir Khan said he would pay us.", "Amir Khan", ["March"]),
    ("Then Sultan Wood told the court he was innocent.", "Sultan Wood", ["Then"]),
    ("Amir Wood said he was from Kabul.", "Amir Wood", ["Kabul"]),
    ("Sultan Hall said the flat was in Leeds.", "Sultan Hall", ["Leeds"]),
])  # fmt: skip
def test_the_role_the_body_and_the_facts_around_the_name_stay(text, name, facts):
    spans = detect(text)
    assert covered(text, spans, name, kind="PERSON"), text
    for fact in facts:
        assert untouched(text, spans, fact), (text, fact)


@pytest.mark.parametrize(("text", "fact"), [
    ("Tower Hamlets said it would help.", "Tower Hamlets"),
    ("Home Office said the claim was refused.", "Home Office"),
    ("Green Party said it would ask questions.", "Green Party"),
    ("Citizens Advice said we should appeal.", "Citizens Advice"),
    ("Crown Court ruled that he was guilty.", "Crown Court"),
    ("Red Cross said they could trace my family.", "Red Cross"),
    ("Save the Children said the camp was full.", "Save the Children"),
    ("Human Rights Watch said the camps were unsafe.", "Human Rights Watch"),
    ("Amnesty International said the law was unfair.", "Amnesty International"),
    ("Border Force took my passport.", "Border Force"),
    ("Neighbourhood Watch said they had seen him.", "Neighbourhood Watch"),
    ("Family Court ruled that the children stay with me.", "Family Court"),
    ("Good Friday came and we were still waiting.", "Good Friday"),
    ("Christmas Day came and nobody visited.", "Christmas Day"),
    ("Wood Green said so in the letter.", "Wood Green"),
    ("Daily Mail said the boat sank.", "Daily Mail"),
    ("Prime Minister said the law would pass.", "Prime Minister"),
    ("Silver Birch Trust paid for the room. Silver Birch said we could stay.", "Silver Birch"),
    ("Golden Oak Trust paid for the room. Later Golden Oak said we could stay.", "Golden Oak"),
    ("Safe Haven said its doors were open.", "Safe Haven"),
    ("I worked at Golden Dragon. Golden Dragon paid me nothing.", "Golden Dragon"),
    ("The Silver Birch is a care home. Silver Birch said the job was mine.", "Silver Birch"),
    ("Golden Dragon took on two cooks. The Golden Dragon is by the station.", "Golden Dragon"),
    ("Mark Park told us they would close the shelter.", "Mark Park"),
])  # fmt: skip
def test_places_bodies_and_days_made_of_such_words_stay(text, fact):
    spans = detect(text)
    for nth in range(text.count(fact)):
        assert untouched(text, spans, fact, nth), (text, [(text[s.start : s.end], s.type) for s in spans])


def test_without_the_rule_a_role_before_a_name_found_already_joins_it(monkeypatch) -> None:
    text = "Volunteer Omar Malik came at noon."
    assert not untouched(text, _run_without_rule(monkeypatch, text), "Volunteer"), text


def test_a_later_word_opening_a_sentence_is_no_part_of_the_name() -> None:
    text = "We waited for Amir. Khan Said came later."
    names = [text[s:e] for s, e, _t, _c in detect_names(text, [])]
    assert "Amir. Khan" not in names and not any("Amir" in n and "Khan" in n for n in names), names


def test_a_heading_like_run_of_capitalised_words_is_not_taken() -> None:
    text = "Save The Rose Garden Said Nothing"  # title case, no verb in lower case after it
    spans = detect(text)
    assert untouched(text, spans, "Rose Garden"), [(text[s.start : s.end]) for s in spans]
