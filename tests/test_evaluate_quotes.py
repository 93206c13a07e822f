"""The development set's labels and the scoring of ``python -m tools.evaluate_quotes``."""

from __future__ import annotations

from tests.values import extraction, quote, stance
from tools.evaluate_quotes import (
    DEV_SET,
    HELDOUT_SET,
    SETS,
    load_labels,
    same_speaker,
    score_article,
    score_set,
)

GOLD = {
    "style": "british",
    "people": ["Laura Whitfield", "Daniel Ferreira", "Luca Ferreira", "police"],
    "quotes": [
        {"text": "We will build it", "speaker": "Laura Whitfield", "role": "Sen."},
        {"text": "The offer is fair", "speaker": "Daniel Ferreira", "role": None},
        {"text": "Nobody knows", "speaker": "police", "role": None},
        {"text": "Never again", "speaker": None, "role": None},
    ],
    "stances": [{"actor": "Laura Whitfield", "label": "supports"}],
}


def test_speakers_match_by_surname_unless_two_people_share_it():
    people = GOLD["people"]
    assert same_speaker("Whitfield", "Laura Whitfield", people)
    assert same_speaker("Laura Whitfield, Senator", "Laura Whitfield", people)
    assert not same_speaker("Ferreira", "Daniel Ferreira", people)
    assert not same_speaker("Luca Ferreira", "Daniel Ferreira", people)
    assert same_speaker("a police spokeswoman", "police spokeswoman", people)
    assert not same_speaker("Riverside East", "Laura Whitfield", people)


def test_scores_count_right_wrong_unattributed_junk_and_stances():
    x = extraction(
        "S1",
        quotes=[
            quote("S1", 1, "We will build it,", "Whitfield"),
            quote("S1", 2, "The offer is fair,", "Luca Ferreira"),
            quote("S1", 3, "Nobody knows.", None),
            quote("S1", 4, "Never again.", "Calling it an (Q1)"),
            quote("S1", 5, "Harbor Lights", None, kind="scare"),
        ],
        stances=[stance("S1", "Laura Whitfield", "supports")],
    )
    figures = score_article(GOLD, x, "a.txt").figures()
    assert figures["quote recall"] == 1.0 and figures["quote precision"] == 1.0
    assert figures["speaker accuracy"] == 0.5  # Whitfield right, Luca Ferreira wrong
    assert figures["unattributed"] == 1 / 4
    assert figures["junk speakers"] == 1  # markup, and nobody the article names
    assert figures["stance accuracy"] == 1.0


def test_the_development_set_is_labelled_in_many_styles():
    labels = load_labels()
    files = sorted(p.name for p in DEV_SET.iterdir() if p.suffix in (".txt", ".html"))
    assert files == sorted(labels) and len(files) >= 30
    assert len({gold["style"] for gold in labels.values()}) >= 9
    for gold in labels.values():
        assert gold["quotes"] and gold["target"]
        for item in gold["quotes"]:
            assert set(item) == {"text", "speaker", "role"}
    assert set(score_set(labels, [])) == {"overall"}
    heldout = load_labels(HELDOUT_SET / "labels.yaml")
    files = sorted(p.name for p in HELDOUT_SET.iterdir() if p.suffix in (".txt", ".html"))
    assert files == sorted(heldout) and not set(heldout) & set(labels)


STANCE_LABELS = {
    "supports",
    "opposes",
    "condemns",
    "defends",
    "denies",
    "confirms",
    "warns",
    "neutral",
}


def test_every_set_labels_each_of_its_articles_and_no_name_is_shared_between_sets():
    seen: set[str] = set()
    for folder in SETS.values():
        labels = load_labels(folder / "labels.yaml")
        files = sorted(p.name for p in folder.iterdir() if p.suffix in (".txt", ".html", ".md"))
        assert files == sorted(labels) and not seen & set(labels)
        seen |= set(labels)
        for gold in labels.values():
            assert gold["quotes"] and gold["target"]
            assert all(set(item) == {"text", "speaker", "role"} for item in gold["quotes"])
            assert {s["label"] for s in gold.get("stances", [])} <= STANCE_LABELS


def test_no_speaker_or_role_of_a_brief_holds_markup_or_a_clause():
    """A whole run over the development set with an in-process model that takes each quote's
    first choice: every printed speaker is grounded, with no markup or verb phrase."""
    from pipeline.render import render_markdown
    from pipeline.rules.grounding import speaker_problem
    from pipeline.run import run_folder
    from tests.fakes import FakeModel

    model = FakeModel()
    report = run_folder(DEV_SET, model)
    assert len(model.calls) >= 30  # the model was asked about most articles
    texts = {a.source.path: a for a in report.extractions}
    from pipeline.read import read_articles

    articles = {a.path: a.text for a in read_articles(DEV_SET).articles}
    for path, result in texts.items():
        for item in result.quotes:
            if item.speaker:
                assert speaker_problem(item.speaker, articles[path]) is None, item.speaker
            for value in (item.speaker or "", item.speaker_role or ""):
                assert "(Q" not in value and "(P" not in value and " said" not in value
    markdown = render_markdown(report.brief)
    assert "(Q" not in markdown and "(P" not in markdown


def test_a_stance_is_scored_on_the_row_of_that_very_actor_before_a_longer_name_ending_in_it():
    gold = {
        "style": "british",
        "people": ["Ashcombe Museum", "Friends of Ashcombe Museum"],
        "quotes": [],
        "stances": [
            {"actor": "Ashcombe Museum", "label": "defends"},
            {"actor": "Friends of Ashcombe Museum", "label": "supports"},
        ],
    }
    x = extraction(
        "S1",
        stances=[
            stance("S1", "The Friends of Ashcombe Museum", "supports"),
            stance("S1", "Ashcombe Museum", "defends"),
        ],
    )
    assert score_article(gold, x, "a.txt").figures()["stance accuracy"] == 1.0


def test_the_side_of_a_stance_counts_defends_for_supports_but_not_opposes():
    from tools.evaluate_quotes import score_article, stance_side

    assert stance_side("defends") == stance_side("supports") == "for"
    assert stance_side("condemns") == stance_side("warns") == "against"
    assert stance_side("neutral") == "neutral"
    gold = {
        "quotes": [],
        "stances": [
            {"actor": "Laura Whitfield", "label": "supports"},
            {"actor": "Omar Ruiz", "label": "opposes"},
        ],
    }
    found = extraction(
        "S1",
        stances=[stance("S1", "Laura Whitfield", "defends"), stance("S1", "Omar Ruiz", "supports")],
    )
    figures = score_article(gold, found).figures()
    assert figures["stance accuracy"] == 0.0
    assert figures["stance side"] == 0.5
