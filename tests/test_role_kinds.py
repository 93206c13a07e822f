"""Role kinds met in blind stories, each tested in new wording: an abbreviated title before
the name, an appositive after it (after a speech verb too), relative clauses and "of"/"from"
phrases, titles glued to a role, and a role noun that stands for the one person titled so."""

from __future__ import annotations

import pytest

from pipeline.extract import rules_only_extraction
from pipeline.read import Article
from pipeline.rules.entities import resolve_person
from pipeline.rules.grounding import clean_role
from pipeline.rules.vocabulary import spelled_title


def article_of(text: str) -> Article:
    return Article(id="S1", path="a.txt", text=text, sha256="x", title=text.splitlines()[0])


def attributed(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_role) for q in rules_only_extraction(article_of(text)).quotes]


LEAD = "Quarry expansion approved\n\nThe county has approved a larger quarry at Brinkley.\n\n"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Insp.", "inspector"),
        ("Lt. Gov.", "lieutenant governor"),
        ("Cllr", "councillor"),
        ("State Sen.", "state senator"),
        ("Brinkley Cllr", "Brinkley councillor"),
    ],
)
def test_an_abbreviated_title_before_the_name_prints_as_its_word(title, role):
    text = LEAD + f"{title} Marta Quell said the blasting hours were “far too long”.\n"
    assert attributed(text) == [("Marta Quell", role)]


def test_spelled_title_leaves_a_role_without_abbreviation_as_written():
    assert spelled_title("Harbour Board chairman") == "Harbour Board chairman"
    assert spelled_title("Det. Sgt.") == "detective sergeant"


@pytest.mark.parametrize(
    ("written", "role"),
    [
        # a rank and the appositive that says what the person is
        (
            "Capt. Ivo Brandt, chair of the Quarry Hauliers' Forum, said",
            "captain; chair of the Quarry Hauliers' Forum",
        ),
        # the appositive holds the title's word: it alone is the role
        (
            "Supt. Ada Marsh, superintendent of Brinkley schools, said",
            "superintendent of Brinkley schools",
        ),
        # a party label goes with the title; "who chairs" says the office
        (
            "Sen. Orla Venn, a Democrat who chairs the Senate Mining Committee, said",
            "Democrat senator; chair of the Senate Mining Committee",
        ),
        # a second description joined on after the first is left out
        (
            "Captain Rhys Odell, secretary of the Brinkley Residents' Group and a keen cyclist, said",
            "captain; secretary of the Brinkley Residents' Group",
        ),
    ],
)
def test_a_bare_title_is_joined_with_or_gives_way_to_the_appositive_after_the_name(written, role):
    text = LEAD + f"{written} the dust had to be controlled. “We will watch it closely.”\n"
    assert attributed(text) == [(written.split(",")[0].split(" ", 1)[1], role)]


def test_the_appositive_after_a_name_after_the_speech_verb_is_the_role():
    text = LEAD + "“The aquifer is not at risk,” said Dr. Lina Hartwell, the state geologist.\n"
    assert attributed(text) == [("Lina Hartwell", "state geologist")]


@pytest.mark.parametrize(
    ("appositive", "role"),
    [
        ("a father of two whose eldest plays for the village club", "father of two"),
        ("who founded the campaign group Quiet Lanes Now", "founder of Quiet Lanes Now"),
        ("who chairs the parish council", "chair of the parish council"),
        ("who owns Hartley Forge on Mill Street", "owner of Hartley Forge"),
        ("who leads a residents' group opposed to the plan", "leader of a residents' group"),
        ("whose daughter attends Birchwood Primary School", "parent at Birchwood Primary School"),
        ("whose son was hurt in the blast", "parent"),
        ("of the brokerage Sterling Oak", "of the brokerage Sterling Oak"),
        ("44, from Marsh End", "from Marsh End"),
        ("a Republican who chairs the roads panel", "Republican chair of the roads panel"),
    ],
)
def test_an_appositive_with_a_relative_clause_or_of_or_from_gives_a_short_role(appositive, role):
    text = LEAD + f"Omar Feldt, {appositive}, said the lorries were “a menace”.\n"
    assert attributed(text) == [("Omar Feldt", role)]


@pytest.mark.parametrize(
    "appositive",
    ["who lives nearby", "of course", "from Monday", "from the start", "whose dog barked"],
)
def test_an_appositive_that_says_no_role_gives_none(appositive):
    text = LEAD + f"Omar Feldt, {appositive}, said the lorries were “a menace”.\n"
    assert attributed(text) == [("Omar Feldt", None)]


@pytest.mark.parametrize(
    ("written", "role"),
    [
        ("Brinkley parish chairman Councillor Nia Rowe", "Brinkley parish chairman"),
        ("Local bakery owner Nia Rowe", "Local bakery owner"),
        ("The nursing director Nia Rowe", "nursing director"),
    ],
)
def test_words_before_a_role_noun_belong_to_it_and_a_title_of_address_after_it_does_not(
    written, role
):
    text = LEAD + f"{written} said the lorries were “a menace”.\n"
    assert attributed(text) == [("Nia Rowe", role)]


def test_a_verb_before_a_role_noun_is_no_part_of_the_role():
    text = LEAD + "The inspectors told travel agent Nia Rowe the site was safe.\n"
    assert resolve_person("Nia Rowe", text)[1] == "agent"


def test_a_possessed_role_in_commas_before_the_name_is_the_role():
    text = LEAD + "The firm's finance director, Raoul Imbert, said the cost was “manageable”.\n"
    assert attributed(text) == [("Raoul Imbert", "firm's finance director")]


def test_the_role_noun_of_an_abbreviated_title_stands_for_the_one_person_titled_so():
    text = (
        LEAD + "Insp. Carys Doyle reviewed the blasting records on Monday. "
        "«The limits were broken twice,» the inspector said.\n"
    )
    assert attributed(text) == [("Carys Doyle", "inspector")]


def test_a_title_before_a_shared_surname_names_the_one_person_written_with_it():
    text = (
        LEAD + "Dr Ada Nwosu, the county's public health director, spoke first. "
        "Felix Nwosu, a haulier, spoke later.\n"
    )
    assert resolve_person("Dr Nwosu", text) == ("Ada Nwosu", "county's public health director")
    assert resolve_person("Nwosu", text) == ("Nwosu", None)  # a wrong person is worse
    both = text + "Dr Felix Nwosu, his brother, is a vet.\n"
    assert resolve_person("Dr Nwosu", both) == ("Dr Nwosu", None)


def test_clean_role_cleans_each_part_of_a_joined_role():
    assert clean_role("captain; chair of the Forum") == "captain; chair of the Forum"
    assert clean_role("Sen.; who said so") == "senator"
    assert clean_role("from Marsh End") == "from Marsh End"
    assert clean_role("mother of three whose youngest attends Elm Road") == "mother of three"
