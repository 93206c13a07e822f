"""The handed cases of ``../shared/cases`` (small real-world-shaped inputs, names invented)
whose expected answer is about quotes and speakers: each as a user expects it, with rules
alone where rules suffice and with a model's recorded answer where the model must choose.

The cases are examples of kinds; ``tests/quote_dev`` and ``python -m tools.evaluate_quotes``
measure the kinds on a wider set."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import (
    Labels,
    assemble_extraction,
    build_request,
    prepare_article,
    rules_only_extraction,
)
from pipeline.read import read_articles
from schemas.extraction import ExtractionStats

ROOT = Path(__file__).resolve().parents[1]
# shared/ lies beside the repository (CI, the main checkout); a worktree one level deeper
# (wt/NAME) finds it beside its parent folder.
CASES = next(
    (
        p / "shared" / "cases"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "cases").is_dir()
    ),
    ROOT.parent / "shared" / "cases",
)
MARKUP = ("(Q", "(P", "(S", "(F")


def case(name: str):
    folder = CASES / name
    if not folder.is_dir():
        pytest.skip(f"shared case {name} is not available beside the repository")
    [article] = read_articles(folder).articles
    return article


def speakers(name: str) -> list[tuple[str, str | None, str]]:
    """(quote text, speaker, kind) of every quote of the case's article, by rules alone."""
    extraction = rules_only_extraction(case(name))
    for quote in extraction.quotes:
        for value in (quote.speaker or "", quote.speaker_role or ""):
            assert not any(mark in value for mark in MARKUP)
    return [(q.text, q.speaker, q.kind) for q in extraction.quotes]


def test_titles_of_works_are_not_speech():
    found = speakers("titles-of-works")
    titles = [(t, s) for t, s, k in found if k == "scare"]
    assert {t.rstrip(".,") for t, _ in titles} == {"Undercurrent", "Harbor Lights", "Tea at Five"}
    assert all(s is None for _, s in titles)
    speech = [(t, s) for t, s, k in found if k != "scare"]
    assert speech == [("It was a wonderful night for all of us,", "Min-jun Park")]


def test_a_place_inside_an_appositive_is_never_the_speaker():
    found = speakers("appositive-before-said")
    assert all(s in (None, "Maria Lopez") for _, s, _ in found)
    assert ("Insecure contracts have become the business model of our universities,",
            "Maria Lopez", "quote") in found  # fmt: skip


def test_attached_dash_lead_in_line_and_according_to_name_the_speaker():
    found = {t[:20]: s for t, s, _ in speakers("attribution-formats")}
    assert found["As I said when she w"] == "Paul Starke"
    assert found["Anna brings a wealth"] == "Rosa Ventura"
    assert found["The appointment take"] == "Dev Patel"


def test_straight_single_quotes_are_quote_marks_and_apostrophes_are_not():
    article = case("single-quote-marks")
    assert "It is nonsense sold to fools" in article.text  # the paragraph is not furniture
    found = speakers("single-quote-marks")
    assert ("It is nonsense sold to fools,", "Helen Price", "quote") in found
    assert ("There is no such thing.", "Helen Price", "quote") in found
    assert ("We will find whoever sold it,", "Tom Hale", "quote") in found
    assert not any(t.startswith(("s ", "s,")) or "Price's" in t for t, _, _ in found)


def test_doubled_apostrophes_question_marks_and_titles_resolve_to_full_names():
    found = {t: s for t, s, _ in speakers("quote-marks-and-cues")}
    assert found["We cannot wait another year,"] == "Lena Varga"
    assert found["Every month of delay adds to the bill."] == "Lena Varga"
    assert found["Why was the money left sitting in the account?"] == "Grace Okafor"
    assert found["It's not a question of money!"] == "Tom Reyes"


def test_bodies_pronouns_and_colon_lead_ins():
    found = {t[:25]: s for t, s, _ in speakers("institutions-and-leads")}
    assert found["The suspect fled on foot "] == "police"
    assert found["The rules on opening hour"] == "the regulatory commission"
    assert found["We can borrow the money f"] == "Lina Haddad"
    assert found["Without this pharmacy, th"] == "Ines Moreau"
    assert "Somehow" not in found.values()


def test_an_unattributed_quote_stays_unattributed_whatever_name_a_model_offers():
    article = case("invented-speaker")
    assert [q.speaker for q in rules_only_extraction(article).quotes] == [None]
    prepared = prepare_article(article)
    request = build_request(prepared, prepared.sentences)
    for invented in ("Wonder Woman", "Greg Green"):
        answer = {**{
            key: invented for key in request.response_model.model_fields if key[0] == "Q"
        }}  # fmt: skip
        context = request.context
        context.lenient = True
        notes = request.response_model.model_validate(answer, context=context)
        labels = Labels()
        labels.add(notes)
        quotes = assemble_extraction(prepared, labels, ExtractionStats()).quotes
        assert [q.speaker for q in quotes] == [None]
