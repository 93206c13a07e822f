"""The brief evaluation's measures, on constructed Markdown: no run, no files."""

from __future__ import annotations

from tools.evaluate_brief import summary_items

MARKDOWN = """# Ferry halted

## Summary

The island ferry was halted after a collision in fog. (on Monday) [S1, S2] (2/3) Its operator \
is owned by the county. [S3]

## Key developments

- The ferry was halted after it struck a pier in fog. [S2, S3] (2/3)

## Who said what
"""


def test_the_summary_gives_one_item_per_sentence_with_its_markers_and_count():
    assert summary_items(MARKDOWN) == [
        "The island ferry was halted after a collision in fog. (on Monday) [S1, S2] (2/3)",
        "Its operator is owned by the county. [S3]",
    ]
    assert summary_items(MARKDOWN.replace("## Summary", "## Key facts")) == []


def test_a_development_the_summary_and_the_list_both_state_is_shown_more_than_once():
    from schemas.brief import Brief, BriefStats
    from tools.evaluate_brief import measure

    labels = {"developments": [{"id": "D1", "match": [["halted"], ["ferry"]]},
                               {"id": "D2", "match": [["county"]]}]}  # fmt: skip
    brief = Brief(title="Ferry halted", lede=[], events=[], speakers=[], stances=[],
                  figures=[], differences=[], entities=[], sources=[], failures=[],
                  stats=BriefStats(articles=0, model_calls=0, prompt_tokens=0,
                                   completion_tokens=0, dropped=0))  # fmt: skip
    figures = measure(MARKDOWN, brief, labels, [], set())
    assert figures.repeated == ["D1"] and figures.covered == 2
