"""Print layout read back as paragraphs: hard-wrapped lines, hyphenated words, page footers and
running heads, Markdown footnotes, and a record's stage directions."""

from __future__ import annotations

from pipeline.layout import markdown_footnotes, unwrap_text, without_stage_directions
from pipeline.read import read_article

# A council's notice, wrapped at 64 columns as a PDF's text comes out, over two pages.
WRAPPED = """\
Library opening hours cut in Brackley

Brackley Borough Council will close its three branch libraries on
Mondays from 3 November, the council confirmed on Friday. The
saving of £310,000 a year was agreed by the finance committee on 12
October and follows a fall in visits of a quarter since 2019.

Key dates

The Council has asked the Library Users Forum and the Friends of
Brackley Central to suggest volunteer schemes that could keep some
rooms open for study. Councillor Anya Rooke said: "Nobody on this
committee wanted to vote for this. We looked at every other line

Brackley Borough Council | Town Hall, Brackley BR1 1AA
Page 1 of 2

Brackley Borough Council: public notice

of the budget first, and there was simply nothing left to cut."

Library staff will not lose their jobs, she said, because fourteen
posts left empty since the spring will not be filled. A long-
term plan for the service is to be published in the new year, and
a survey of users will run until 30 November. The Council will ask
residents whether later evening hours on other days would make up
for the lost day, and how the branches' community rooms are used.

Brackley Borough Council | Town Hall, Brackley BR1 1AA
Page 2 of 2
"""


def _unwrapped(text: str) -> list[str]:
    out, _, _ = unwrap_text(text)
    return [p for p in out.split("\n\n") if p.strip()]


def test_a_hard_wrapped_paragraph_is_one_line_even_where_a_line_ends_in_a_number():
    paragraphs = _unwrapped(WRAPPED)
    assert (
        "The saving of £310,000 a year was agreed by the finance committee on 12 October and "
        "follows a fall in visits of a quarter since 2019." in paragraphs[1]
    )
    # a wrapped line that would pass for a heading on its own is half of a sentence
    assert any(
        p.startswith("The Council has asked the Library Users Forum and the Friends of Brackley")
        for p in paragraphs
    )


def test_a_short_line_before_a_blank_line_stays_a_line_of_its_own():
    paragraphs = _unwrapped(WRAPPED)
    assert paragraphs[0] == "Library opening hours cut in Brackley"
    assert "Key dates" in paragraphs
    article_lines = ["Tickets", "Adults: £12", "Children: £6", "", "The show opens on Friday."]
    assert unwrap_text("\n".join(article_lines))[0] == "\n".join(article_lines)


def test_page_footers_and_running_heads_go_and_the_quotation_is_joined_across_the_break():
    out, removed, notes = unwrap_text(WRAPPED)
    assert "Page 1 of 2" not in out and "Page 2 of 2" not in out
    assert "Town Hall" not in out and "public notice" not in out
    assert removed.count("Brackley Borough Council | Town Hall, Brackley BR1 1AA") == 2
    assert "Brackley Borough Council: public notice" in removed
    assert (
        '"Nobody on this committee wanted to vote for this. We looked at every other line of '
        'the budget first, and there was simply nothing left to cut."' in out
    )
    assert any("page number" in note for note in notes)


def test_a_word_hyphenated_at_a_line_end_is_joined_and_a_compound_keeps_its_hyphen():
    out, _, _ = unwrap_text(WRAPPED)
    assert "A long-term plan" in out
    text = (
        "Shoppers in the high street said the closures had hit inde-\n"
        "pendent traders hardest, and the chamber called for a well-\n"
        "known figure to chair the independent review.\n"
    )
    out, _, notes = unwrap_text(text)
    assert "hit independent traders" in out and "a well-known figure" in out
    assert notes == [
        "1 word(s) hyphenated at a line's end joined",
        "1 compound(s) broken after their hyphen joined, hyphen kept",
    ]
    # a broken word not found elsewhere is joined; before a capital or a figure the
    # hyphen stays
    out, _, _ = unwrap_text("The rise was modest compared with neigh-\nbouring towns.\n")
    assert "neighbouring towns" in out
    assert "the Anglo-Irish" in unwrap_text("They met at the Anglo-\nIrish summit.\n")[0]
    # a dash at a line's end is no broken word
    dashed = "He paused -\nthen went on.\n"
    assert unwrap_text(dashed)[0] == dashed


def test_text_not_hard_wrapped_is_left_as_written():
    text = (
        "Council cuts library hours\n\n"
        "Brackley Borough Council will close its three branch libraries on Mondays from 3 "
        "November, the council confirmed on Friday, after the finance committee agreed it.\n"
        "Library staff will not lose their jobs, she said.\n"
        "The Council will ask residents about evening hours.\n"
    )
    assert unwrap_text(text) == (text, [], [])


def test_reading_a_pdf_text_file_keeps_its_headline_and_lists_its_page_furniture(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_bytes(WRAPPED.encode("latin-1"))
    article = read_article(path)
    assert article.title == "Library opening hours cut in Brackley"
    assert "Page 1 of 2" in article.removed
    assert "Page 1 of 2" not in article.text
    assert "Brackley Borough Council | Town Hall" not in article.text
    assert "fourteen posts left empty" in article.text
    assert any("hard-wrapped" in note for note in article.notes)


FOOTNOTED = """\
# Harbour tolls to double

Tolls at Kelso Harbour will double from May,[^a] the harbour trust said.

Fishing crews called the rise "a tax on working boats".[^b] The trust said its costs had risen.[^c]

[^a]: For vessels over 12 metres.
[^b]: Said at a meeting on 4 March,
    attended by some 80 crew members.
"""


def test_markdown_footnotes_are_notes_not_sentences():
    text, removed = markdown_footnotes(FOOTNOTED)
    assert "Tolls at Kelso Harbour will double from May, the harbour trust said." in text
    assert 'working boats". The trust' in text
    assert "[^a]" not in text and "[^b]" not in text and "For vessels" not in text
    assert "[^c]" in text  # no definition: not a footnote marker after all
    assert removed[:2] == [
        "[^a]: For vessels over 12 metres.",
        "[^b]: Said at a meeting on 4 March, attended by some 80 crew members.",
    ]
    assert markdown_footnotes("No notes here.[^1]\n") == ("No notes here.[^1]\n", [])


def test_a_markdown_articles_footnotes_are_listed_as_taken_out(tmp_path):
    path = tmp_path / "tolls.md"
    path.write_text(FOOTNOTED, encoding="utf-8")
    article = read_article(path)
    assert "For vessels over 12 metres" not in article.text
    assert "[^a]" not in article.text
    assert "[^a]: For vessels over 12 metres." in article.removed


def test_stage_directions_are_taken_out_of_speeches_and_editors_insertions_stay():
    body = (
        "[Madam Deputy Speaker in the Chair]\n\n"
        "The Minister: We have met the target. [Laughter.] Members may laugh, but it is true.\n\n"
        "Ms Hale: He said it [the target] was met (APPLAUSE) before the audit.\n\n"
        '"[Kerr] will not resign," an aide said.\n'
    )
    text, removed = without_stage_directions(body)
    assert text == (
        "The Minister: We have met the target. Members may laugh, but it is true.\n\n"
        "Ms Hale: He said it [the target] was met before the audit.\n\n"
        '"[Kerr] will not resign," an aide said.\n'
    )
    assert removed == ["[Madam Deputy Speaker in the Chair]", "[Laughter.]", "(APPLAUSE)"]
    assert without_stage_directions("Plain text.\n") == ("Plain text.\n", [])


def test_a_word_broken_after_a_common_syllable_is_joined_and_a_compound_tail_keeps_the_hyphen():
    cases = {
        "the ex-\nample set": "the example set",
        "the mid-\ndle lane": "the middle lane",
        "the so-\ncial fund": "the social fund",
        "the seven-\nteen units": "the seventeen units",
        "a ten-\nyear plan": "a ten-year plan",
        "a one-\noff fee": "a one-off fee",
        "a self-\nmade man": "a self-made man",
        "the top-\nic now": "the topic now",
    }
    for broken, whole in cases.items():
        assert unwrap_text(broken + "\n")[0] == whole + "\n", broken
