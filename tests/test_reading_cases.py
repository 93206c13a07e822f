"""The handed real-world reading cases (../shared/cases), run by rules alone (--no-model).

Each case is a small folder in the shape of a kind of input users feed us (a saved page, a
mis-decoded file, wire copy, an interview); the README there says what a user expects.
Skipped when the shared cases are not beside the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.render import render_markdown
from pipeline.run import run_folder


def _shared_cases() -> Path:
    """``shared/cases`` beside the repository (CI clones it there); in a worktree nested one
    level deeper, beside the folder that holds the worktrees."""
    root = Path(__file__).resolve().parents[1]
    for folder in root.parents:
        if (folder / "shared" / "cases").is_dir():
            return folder / "shared" / "cases"
    return root.parent / "shared" / "cases"


CASES = _shared_cases()


def brief_of(name: str):
    folder = CASES / name
    if not folder.is_dir():
        pytest.skip(f"shared case {name} not found beside the repository")
    report = run_folder(folder, None)
    return report.brief, report.extractions


def quotes_by(brief) -> dict[str, list[str]]:
    return {s.speaker: [q.text for q in s.quotes] for s in brief.speakers}


def event_text(brief) -> str:
    return " ".join(e.summary for e in brief.events) + " ".join(s.text for s in brief.lede)


def test_mojibake_is_repaired_and_noted_and_the_quote_and_figure_found():
    brief, [extraction] = brief_of("mojibake")
    source = brief.sources[0]
    assert any("ftfy" in note and "â€œWe → “We" in note for note in source.notes)
    assert "We had no choice but to act now," in quotes_by(brief)["Jane Ortega"]
    assert [f.number for f in extraction.figures] == [3_500_000]
    assert extraction.figures[0].sentence_text == (
        "The city’s deficit has reached £3.5m, officials said."
    )
    markdown = render_markdown(brief)
    before_sources = markdown.split("## Sources")[0]
    assert "â€" not in before_sources and "Â£" not in before_sources
    assert "read: text once mis-decoded" in markdown


def test_utf16_with_a_byte_order_mark_is_decoded_and_noted():
    brief, [extraction] = brief_of("utf16")
    assert brief.failures == []
    assert "decoded as UTF-16 (byte-order mark)" in brief.sources[0].notes
    assert brief.sources[0].outlet == "Test Courier"
    assert "We had no choice but to act now," in quotes_by(brief)["Jane Ortega"]
    assert [f.number for f in extraction.figures] == [3_500_000]


def test_caption_credit_is_no_wire_and_no_event_and_an_empty_page_is_reported():
    brief, _ = brief_of("captions-and-empty-pages")
    [herald] = brief.sources
    assert herald.wire is None
    caption = "President Lin Mei casts her ballot at a polling station in the capital. Photo: AFP"
    assert herald.captions == [caption]
    assert caption in herald.removed_lines
    assert "Lin Mei" not in event_text(brief)
    assert "Photo" not in event_text(brief)
    [failure] = brief.failures
    assert failure.path == "opinion.html"
    assert failure.reason.startswith("no article text found")
    assert "caption" in failure.reason and "script" in failure.reason
    assert "December 29" not in render_markdown(brief)


def test_embedded_post_is_its_authors_words_not_the_outlets_reporting():
    brief, _ = brief_of("embedded-post")
    post = (
        "The minister has just admitted that the hospital plan has no funding. "
        "Nobody should believe a word of it."
    )
    assert quotes_by(brief)["Jane Roe"] == [post]
    assert "hospital plan" not in event_text(brief)
    assert "@janeroe" not in event_text(brief)
    assert "The health ministry said its plans were fully funded." in event_text(brief)


def test_interview_answers_are_the_interviewees_and_question_numbers_are_not_figures():
    brief, [extraction] = brief_of("interview-format")
    assert quotes_by(brief)["Klaus Berger"] == [
        "Voice is only the next step. The keyboard will stay with us for a long time.",
        "It annoyed users, and that was its death sentence.",
    ]
    assert extraction.figures == []
    assert "keyboard" not in event_text(brief)
    assert "paperclip" not in event_text(brief)


def test_page_furniture_goes_and_reporting_stays_and_the_dateline_names_the_wire():
    brief, [extraction] = brief_of("page-furniture")
    source = brief.sources[0]
    assert source.wire == "Reuters"
    assert source.dateline == "KYIV, Feb 24"
    for furniture in [
        "Register now for FREE unlimited access to Reuters.com",
        "Register",
        "Reporting by Jane Doe; Editing by John Roe",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "read more",
    ]:
        assert furniture in source.removed_lines
    text = _article_text("page-furniture")
    assert (
        "\n\nTroops took over the plant while defenders battled them on three sides on "
        "Thursday.\n" in text
    )
    assert '"It is impossible to say the plant is safe after this attack," he said.\n' in text
    assert "read more" not in text and "Register" not in text
    assert [q.text for q in extraction.quotes] == [
        "It is impossible to say the plant is safe after this attack,"
    ]
    assert "read more" not in render_markdown(brief)


def test_straight_single_quotes_are_quotes_with_speakers():
    brief, [extraction] = brief_of("single-quote-marks")
    said = quotes_by(brief)
    assert said["Helen Price"] == ["It is nonsense sold to fools,", "There is no such thing."]
    assert said["Tom Hale"] == ["We will find whoever sold it,"]  # role: Inspector
    for quote in extraction.quotes:
        assert quote.text not in ("s", "t") and "Price's" not in quote.text


def test_single_quoted_paragraphs_are_never_page_furniture():
    text = _article_text("single-quote-marks")
    assert (
        "'It is nonsense sold to fools,' said chemist Helen Price. 'There is no such thing.'"
        in text
    )
    assert "'Have you any idea', the detective asked, 'what \"red mercury\" is?'" in text


def _article_text(name: str) -> str:
    from pipeline.read import read_articles

    folder = CASES / name
    if not folder.is_dir():
        pytest.skip(f"shared case {name} not found beside the repository")
    return read_articles(folder).articles[0].text
