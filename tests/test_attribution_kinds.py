"""Attribution kinds met in blind stories, each tested in new wording: who "told" whom, a
possessed compound role, hyphened titles, a headline in capitals and a described professor."""

from __future__ import annotations

import pytest

from pipeline.extract import rules_only_extraction
from pipeline.read import Article


def attributed(text: str) -> list[tuple[str | None, str | None]]:
    article = Article(id="S1", path="a.txt", text=text, sha256="x", title=text.splitlines()[0])
    return [(q.speaker, q.speaker_role) for q in rules_only_extraction(article).quotes]


LEAD = "Ferry operator blamed for cancellations\n\nThe island council says the operator is at fault.\n\n"


@pytest.mark.parametrize("listener", ["Harbour Radio", "reporters", "the Gazette on Friday"])
def test_the_listener_after_told_is_never_the_speaker(listener):
    text = (
        LEAD
        + f'"We ran every sailing we could," Imogen Brack, Seaway Lines\' head of operations, told {listener}.\n'
    )
    assert attributed(text) == [("Imogen Brack", "Seaway Lines' head of operations")]


def test_a_role_owned_by_a_body_may_be_a_hyphened_compound():
    text = LEAD + '"The timetable stands," Rory Quinlan, the operator\'s vice-chairman, said.\n'
    assert attributed(text) == [("Rory Quinlan", "operator's vice-chairman")]


@pytest.mark.parametrize("title", ["Vice-president", "Deputy-mayor", "Co-founder"])
def test_a_hyphened_title_before_a_name_is_the_role_not_part_of_the_name(title):
    text = LEAD + f'{title} Nell Arkwright said the crossings were "not negotiable".\n'
    assert attributed(text) == [("Nell Arkwright", title)]


def test_words_of_a_headline_in_capitals_are_no_speaker():
    text = (
        "FERRY CHAOS! ISLANDERS TOLD “STAY HOME” AS COUNCIL SAYS IT WAS NEVER WARNED\n\n"
        "Islanders were told to stay at home after sailings were cut on Monday.\n"
    )
    assert attributed(text) == [(None, None)]


def test_a_name_in_capitals_is_grounded_where_the_article_writes_it_in_ordinary_case():
    from pipeline.rules.grounding import speaker_problem

    text = "NELL ARKWRIGHT SAYS “WE WERE NEVER WARNED”\n\nNell Arkwright runs the island shop.\n"
    assert speaker_problem("NELL ARKWRIGHT", text) is None
    assert speaker_problem("NEVER WARNED", "COUNCIL SAYS IT WAS NEVER WARNED\n\nNo.") is not None


def test_a_professor_described_by_university_and_field_is_not_the_university():
    text = (
        LEAD
        + 'The Kelby University transport professor told the paper: "Islands need a backup vessel."\n'
    )
    [(speaker, _)] = attributed(text)
    assert speaker is not None and speaker.endswith("transport professor")
