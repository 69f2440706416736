"""The last likely-name pass (``desktop.redaction.unexplained``): in mid-sentence, a run of
capitalised English words that nothing explains is a likely name; a body, a place, a label before a
number, a heading or a thing named before its kind stays. Examples written here."""

from __future__ import annotations

from desktop.redaction import detect
from tests.span_checks import covered, untouched


def test_a_run_of_english_words_nothing_explains_is_a_person() -> None:
    for text, name in [
        ("The charity's director, Sue Berry, said the numbers were rising.", "Sue Berry"),
        ("We waited while Gene Bird checked the papers.", "Gene Bird"),
        ("Last spring Gene Cotton opened the door for us.", "Gene Cotton"),
    ]:
        spans = detect(text)
        assert covered(text, spans, name), text
        assert all(sp.type == "PERSON" for sp in spans if text[sp.start : sp.end] in name), text


def test_bodies_places_labels_and_headings_stay() -> None:
    for text, fact in [
        ("She was moved to Direct Provision centres in the west.", "Direct Provision"),
        ("Officers from the Health and Safety Executive visited the farm.", "Health and Safety Executive"),
        ("Inspectors from Fair Work and Pay came twice.", "Fair Work and Pay"),
        ("The Guardian reported that the hotel had closed.", "Guardian"),
        ("They moved us to South Wales in May.", "South Wales"),
        ("What progress has her Department made on this?", "Department"),
        ("Grace waited at Gate 12 for hours.", "Gate"),
        ("The scheme ran through Open Doors (OD) for a year.", "Open Doors"),
        ("Report\nFishing Crews Left At Sea\nThe crews were never paid.", "Fishing Crews"),
        ("The shop, Golden Dragon, paid us cash.", "Golden Dragon"),
        ("He kept 300 pounds Sterling of my wages.", "Sterling"),
    ]:
        assert untouched(text, detect(text), fact), text


def test_a_town_after_a_likely_name_is_its_surname() -> None:
    for text, name in [
        ("We were helped by Grace Preston, a volunteer.", "Grace Preston"),
        ("Our case was taken on by Faith Crawley after the raid.", "Faith Crawley"),
    ]:
        assert covered(text, detect(text), name), text
    for text, fact in [
        ("Amina Leeds City Council housed us.", "Leeds City Council"),
        ("He drove Amina to Leeds and back.", "Leeds"),
        ("I met Tariq in Leeds, Bradford and York.", "Bradford"),
    ]:
        assert untouched(text, detect(text), fact), text
