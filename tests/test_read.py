"""Reading a folder: formats, metadata, boilerplate, and files that must not stop a run."""

from __future__ import annotations

import json

import pytest

from pipeline.errors import InputError
from pipeline.read import clean_text, read_article, read_articles

ARTICLE = "Nato says troops are in Kursk\n\nNato confirmed the deployment on Monday.\n\n“It is a grave escalation,” Rutte said.\n"


def write(folder, name, content, mode="w"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode == "wb":
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_reads_the_example_folder(example):
    result = read_articles(example)
    assert [a.id for a in result.articles] == ["S1", "S2", "S3", "S4", "S5"]
    assert result.problems == []
    assert (
        result.articles[1].title
        == "Nato says North Korean troops deployed to Russia's Kursk region"
    )


def test_boilerplate_is_dropped_and_quotes_kept_verbatim(example):
    straits = read_articles(example).articles[4]
    for furniture in [
        "Sign up now",
        "Follow topic:",
        "PHOTO: NYTIMES",
        "See more on",
        "A Ukrainian army vehicle passes",
    ]:
        assert furniture not in straits.text
        assert any(line.startswith(furniture) for line in straits.removed)
    assert (
        "“The enemy understands strength. Our allies have this strength,” Mr Yermak said on X."
        in straits.text
    )
    assert straits.wire == "Reuters"
    assert "REUTERS" not in straits.text
    # A sentence broken over two lines in the saved page is joined, not dropped.
    assert (
        "Ukrainian military intelligence said on Oct 24 that the first North Korean units"
        in straits.text
    )


def test_related_story_links_are_dropped_but_quote_lines_kept():
    cleaned = clean_text(
        "Title of the story\nFirst paragraph ends here.\nMore on North Korean troops\n"
        "Healey said: “This is not just a concern about Europe\n“There is a link.”\n"
    )
    assert cleaned.title == "Title of the story"
    assert cleaned.removed == ["More on North Korean troops"]
    assert "Healey said: “This is not just a concern about Europe" in cleaned.body


def test_front_matter_and_sidecar_metadata(tmp_path):
    write(
        tmp_path,
        "a.md",
        '---\noutlet: BBC News\ndate: 2024-10-28\ntitle: "Nato confirms"\n---\n' + ARTICLE,
    )
    write(tmp_path, "b.txt", ARTICLE.replace("Monday", "Tuesday"))
    write(
        tmp_path, "b.meta.json", json.dumps({"outlet": "The Sun", "url": "https://example.org/b"})
    )
    a, b = read_articles(tmp_path).articles
    assert (a.outlet, a.date, a.title) == ("BBC News", "2024-10-28", "Nato confirms")
    assert "outlet:" not in a.text
    assert (b.outlet, b.url) == ("The Sun", "https://example.org/b")


def test_html_main_text_and_metadata(tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report says the troops moved again on Monday.</p>"
        for i in range(8)
    )
    html = (
        "<html><head><title>Troops in Kursk</title><meta property='og:site_name' content='Example News'>"
        f"</head><body><nav>Home | World</nav><article><h1>Troops in Kursk</h1>{paragraphs}"
        "<p>“It is a grave escalation,” Rutte said.</p></article><footer>Subscribe now</footer></body></html>"
    )
    write(tmp_path, "page.html", html)
    [article] = read_articles(tmp_path).articles
    assert "“It is a grave escalation,” Rutte said." in article.text
    assert "Home | World" not in article.text
    assert article.outlet == "Example News"


def test_inline_quotation_elements_read_with_their_quote_marks(tmp_path):
    """A browser draws the marks of <q>; the text holds none: they are written in, single
    marks for a <q> inside another."""
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report says the council met again on Monday.</p>"
        for i in range(8)
    )
    html = (
        "<html><head><title>Garden sale</title></head><body><article><h1>Garden sale</h1>"
        f"{paragraphs}<p>The union called the sale <q>a betrayal of the <em>whole</em> city</q>"
        " and the chair said <q>we were told <q>no comment</q> twice</q>.</p>"
        "</article></body></html>"
    )
    write(tmp_path, "page.html", html)
    [article] = read_articles(tmp_path).articles
    assert "called the sale “a betrayal of the whole city” and" in article.text
    assert "said “we were told ‘no comment’ twice”." in article.text


def test_bad_files_are_reported_and_the_rest_is_read(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", "  \n")
    write(tmp_path, "scan.txt", b"%PDF-1.7\n\x00\x01binary", mode="wb")
    write(
        tmp_path,
        "latin1.txt",
        "Le ministre a déclaré: «Nous verrons» lundi.\n".encode("cp1252"),
        mode="wb",
    )
    write(tmp_path, "z_copy.txt", ARTICLE)
    write(tmp_path, "notes.csv", "a,b\n")
    result = read_articles(tmp_path)
    assert sorted(a.path for a in result.articles) == ["good.txt", "latin1.txt"]
    problems = {p.path: p.message for p in result.problems}
    assert "empty" in problems["empty.txt"]
    assert "binary" in problems["scan.txt"]
    assert "same text as good.txt" in problems["z_copy.txt"]
    latin = next(a for a in result.articles if a.path == "latin1.txt")
    assert "déclaré" in latin.text
    assert latin.notes and "not UTF-8" in latin.notes[0]


def test_nested_folders_are_read_and_links_outside_are_not_followed(tmp_path):
    inside = tmp_path / "in"
    write(inside, "sub/deep.txt", ARTICLE)
    outside = write(tmp_path, "secret.txt", "Outside the folder, should not be read.\n")
    (inside / "link.txt").symlink_to(outside)
    result = read_articles(inside)
    assert [a.path for a in result.articles] == ["sub/deep.txt"]
    assert result.problems[0].path == "link.txt"
    assert "outside the folder" in result.problems[0].message


def test_folder_without_articles_is_a_clear_error(tmp_path):
    write(tmp_path, "empty.txt", "")
    with pytest.raises(InputError, match="(?s)No readable article.*empty.txt"):
        read_articles(tmp_path)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_articles(tmp_path / "nope")


# --- encodings and invisible characters --------------------------------------------------

STORY = "Council backs new bridge\n\n“We will build it by 2026,” said Mayor Ana Líndqvist.\n"


@pytest.mark.parametrize(
    ("codec", "note"),
    [
        ("utf-16", "decoded as UTF-16 (byte-order mark)"),
        ("utf-32", "decoded as UTF-32 (byte-order mark)"),
        ("utf-16-le", "decoded as UTF-16 (no byte-order mark)"),
        ("utf-16-be", "decoded as UTF-16 (no byte-order mark)"),
    ],
)
def test_utf16_and_utf32_are_decoded_and_noted(tmp_path, codec, note):
    write(tmp_path, "a.txt", STORY.encode(codec), mode="wb")
    [article] = read_articles(tmp_path).articles
    assert "“We will build it by 2026,” said Mayor Ana Líndqvist." in article.text
    assert note in article.notes


def test_a_short_windows_1252_file_keeps_its_pound_sign(tmp_path):
    write(tmp_path, "fee.txt", "The fee rose to £40 this year.\n".encode("cp1252"), mode="wb")
    [article] = read_articles(tmp_path).articles
    assert "£40" in article.text
    assert article.notes == ("not UTF-8: decoded as Windows-1252",)


def test_mojibake_is_repaired_and_noted_but_clean_text_is_untouched(tmp_path):
    clean = "Café owner José said: “It’s over.” The bill was €12 and £3.\n"
    write(tmp_path, "bad.txt", clean.encode("utf-8").decode("cp1252", errors="replace"))
    write(tmp_path, "good.txt", clean.replace("owner", "manager"))
    bad, good = sorted(read_articles(tmp_path).articles, key=lambda a: a.path)
    assert bad.text.strip() == clean.strip()
    assert any("ftfy" in note for note in bad.notes)
    assert good.text.strip() == clean.replace("owner", "manager").strip()
    assert good.notes == ()


def test_invisible_characters_never_split_a_name_or_a_word(tmp_path):
    text = "Mayor Ana\u00a0Lind\u00adqvist said the bri\u200bdge\u2060 would open.\ufeff\n"
    write(tmp_path, "a.txt", text)
    [article] = read_articles(tmp_path).articles
    assert article.text == "Mayor Ana Lindqvist said the bridge would open.\n"
    assert any("soft hyphen" in note and "zero-width space" in note for note in article.notes)
    assert any("non-breaking space" in note for note in article.notes)


# --- furniture only on positive evidence ------------------------------------------------


def test_reporting_without_closing_punctuation_is_never_furniture():
    text = (
        "Bridge vote passes\n"
        "The council voted 7-2 for the bridge on Tuesday.\n"
        "The plan includes:\n"
        "- a cycle lane on both sides\n"
        "• tolls for lorries only\n"
        "1. work starts in spring\n"
        "'It is the best day for this town,' said councillor Mo Ahmed.\n"
        "‘We will appeal,’ said Residents First\n"
        "Objectors have 28 days to appeal\n"
        "The mayor resigned on Monday\n"
        "Building starts next year\n"
    )
    cleaned = clean_text(text)
    assert cleaned.removed == []
    for line in text.splitlines():
        assert line in cleaned.body


def test_furniture_is_removed_by_what_it_is_and_listed():
    text = (
        "Bridge vote passes\n"
        "By Jo Banks, Local Democracy Reporter\n"
        "The council voted for the bridge on Tuesday, officials said. Read more\n"
        "Sign up for our free morning newsletter\n"
        "Facebook Twitter WhatsApp Email\n"
        "Advertisement\n"
        "Story continues below advertisement\n"
        "The work will cost £4m, the council said.\n"
        "Read more: Council tax to rise again\n"
        "Reporting by Jo Banks; Editing by Sam Lee\n"
        "© 2024 Riverside Gazette. All rights reserved.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.body == (
        "Bridge vote passes\n\nThe council voted for the bridge on Tuesday, officials said."
        "\n\nThe work will cost £4m, the council said.\n"
    )
    assert cleaned.removed == [
        "By Jo Banks, Local Democracy Reporter",
        "Read more",
        "Sign up for our free morning newsletter",
        "Facebook Twitter WhatsApp Email",
        "Advertisement",
        "Story continues below advertisement",
        "Read more: Council tax to rise again",
        "Reporting by Jo Banks; Editing by Sam Lee",
        "© 2024 Riverside Gazette. All rights reserved.",
    ]
    assert cleaned.byline == "Jo Banks"


def test_a_sentence_that_starts_like_a_credit_is_kept():
    text = "Title\nReporting by the Gazette found the contract was never signed.\n"
    assert "Reporting by the Gazette found" in clean_text(text).body


# --- credits, datelines, captions --------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "wire", "dateline"),
    [
        ("KYIV, Feb 24 (Reuters) - Troops moved in.", "Reuters", "KYIV, Feb 24"),
        ("WASHINGTON, March 5 (AP) — The Senate voted.", "AP", "WASHINGTON, March 5"),
        ("NAIROBI, Kenya (AP) — Rain fell.", "AP", "NAIROBI, Kenya"),
        ("PARIS (AFP) - Strikes spread.", "AFP", "PARIS"),
        ("BRUSSELS - Nato met on Monday.", None, "BRUSSELS"),
    ],
)
def test_datelines_name_the_wire_and_the_date(opening, wire, dateline):
    cleaned = clean_text(f"Headline here\n{opening}\nMore reporting follows here.\n")
    assert (cleaned.wire, cleaned.dateline) == (wire, dateline)
    assert opening in cleaned.body


def test_a_photo_credit_is_a_caption_not_a_wire():
    text = (
        "Island votes\nVoters queued from dawn.\n"
        "The president votes in the capital. Photo: AFP\n"
        "A voter leaves a booth. REUTERS/Jan Novak\n"
    )
    cleaned = clean_text(text)
    assert cleaned.wire is None
    assert cleaned.captions == [
        "The president votes in the capital. Photo: AFP",
        "A voter leaves a booth. REUTERS/Jan Novak",
    ]
    assert cleaned.body == "Island votes\n\nVoters queued from dawn.\n"


def test_a_closing_agency_credit_names_the_wire():
    cleaned = clean_text("Title\nThe talks ended, officials said.\n— AFP\n")
    assert cleaned.wire == "AFP"
    assert cleaned.body == "Title\n\nThe talks ended, officials said.\n"


def test_dateline_date_with_a_year_becomes_the_articles_date(tmp_path):
    write(tmp_path, "a.txt", "Vote\n\nLIMA, March 5, 2024 (Reuters) - Peru voted.\n")
    write(tmp_path, "b.txt", "Vote\n\nLIMA, March 5 (Reuters) - Peru voted again today.\n")
    a, b = read_articles(tmp_path).articles
    assert (a.date, a.wire, a.dateline) == ("2024-03-05", "Reuters", "LIMA, March 5, 2024")
    assert b.date == "March 5"  # no year in the text: not guessed


# --- HTML pages --------------------------------------------------------------------------


def test_html_metadata_and_captions_kept_apart(tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {i} says the council met again on Monday to discuss the bridge.</p>"
        for i in range(6)
    )
    html = (
        "<html><head><title>Bridge approved | Riverside Gazette</title>"
        "<meta property='og:site_name' content='Riverside Gazette'>"
        "<meta name='author' content='Jo Banks'>"
        "<meta property='article:published_time' content='2024-05-02T09:00:00Z'>"
        "</head><body><article><h1>Bridge approved</h1>"
        "<figure><img src='a.jpg'><figcaption>The old bridge at dusk. Photo: Sam Lee</figcaption>"
        f"</figure>{paragraphs}</article></body></html>"
    )
    write(tmp_path, "page.html", html)
    [article] = read_articles(tmp_path).articles
    assert (article.outlet, article.author, article.date) == (
        "Riverside Gazette",
        "Jo Banks",
        "2024-05-02",
    )
    assert "old bridge at dusk" not in article.text
    assert article.captions == ("The old bridge at dusk. Photo: Sam Lee",)


def test_html_page_without_article_text_is_reported_with_what_it_holds(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(
        tmp_path,
        "shell.html",
        "<html><head><title>Budget row</title></head><body><figure><figcaption>The minister "
        "arrives. Photo: AP</figcaption></figure><div id='root'></div><script>window.data="
        '{"body":"The minister said the budget was balanced and fair to all."}</script>'
        "<footer>© 2024 Example Post</footer></body></html>",
    )
    result = read_articles(tmp_path)
    [problem] = result.problems
    assert problem.path == "shell.html"
    assert problem.message.startswith("no article text found")
    assert "The minister arrives" in problem.message and "script" in problem.message


def test_two_outlets_edits_of_one_wire_story_are_one_independent_source(tmp_path):
    from pipeline.run import run_folder

    write(
        tmp_path,
        "a.txt",
        "Port strike ends\n\nROTTERDAM, June 3 (Reuters) - Dock workers ended a week-long "
        "strike on Monday after a pay deal, their union said.\n\nShips had queued for days "
        "outside the harbour.\n",
    )
    write(
        tmp_path,
        "b.txt",
        "Dutch dockers go back to work\n\nROTTERDAM, June 3 (Reuters) - Dockers in Rotterdam "
        "returned to work on Monday, ending a strike over pay, the union said.\n\nA backlog "
        "of container ships is expected to clear by the weekend.\n",
    )
    write(tmp_path, "c.txt", "Port reopens\n\nThe port reopened on Monday, the city said.\n")
    brief = run_folder(tmp_path, None).brief
    assert [s.wire for s in brief.sources] == ["Reuters", "Reuters", None]
    assert brief.stats.independent_sources == 2
    assert len(brief.sources) == 3
    [both] = [e for e in brief.events if e.sources == ["S1", "S2"]]
    assert both.independent_sources == 1  # both edits cited, counted once


def test_date_order_front_matter_then_page_then_published_line_then_dateline(tmp_path):
    body = "Vote\n\nPublished: 4 March 2024\n\nLIMA, March 3, 2024 (Reuters) - Peru voted.\n"
    write(tmp_path, "a.txt", body)
    write(tmp_path, "b.txt", "---\ndate: 2024-03-06\n---\n" + body.replace("voted", "voted again"))
    a, b = read_articles(tmp_path).articles
    assert a.date == "2024-03-04"
    assert "Published: 4 March 2024" in a.removed
    assert b.date == "2024-03-06"


def test_a_headline_and_furniture_alone_are_no_article(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "teaser.txt", "Budget row deepens\n\nSubscribe to read\n\nAdvertisement\n")
    write(
        tmp_path,
        "headline.html",
        "<html><head><title>Budget row</title></head><body><h1>Budget row deepens</h1>"
        "<footer>© 2024 Example Post</footer></body></html>",
    )
    problems = {p.path: p.message for p in read_articles(tmp_path).problems}
    assert problems["teaser.txt"].startswith("no article text found: the file holds only the")
    assert "Budget row deepens" in problems["teaser.txt"]
    assert "Subscribe to read" in problems["teaser.txt"]
    assert problems["headline.html"].startswith("no article text found: the page holds only")


def test_a_copyright_year_is_not_taken_for_the_pages_date(tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report on the budget vote.</p>" for i in range(6)
    )
    write(
        tmp_path,
        "page.html",
        f"<html><body><article>{paragraphs}</article><footer>© 2024 Example Post</footer>"
        "</body></html>",
    )
    [article] = read_articles(tmp_path).articles
    assert article.date is None


@pytest.mark.parametrize(
    ("opening", "wire", "dateline"),
    [
        ("Kyiv, Feb 24 (Reuters) - Troops moved in.", "Reuters", "Kyiv, Feb 24"),
        ("(Reuters) - Oil prices rose on Monday.", "Reuters", None),
        ("NEW YORK, Oct 3 (AP) — Stocks fell.", "AP", "NEW YORK, Oct 3"),
    ],
)
def test_wire_datelines_in_other_cases(opening, wire, dateline):
    cleaned = clean_text(f"Headline here\n{opening}\nMore reporting follows here.\n")
    assert (cleaned.wire, cleaned.dateline) == (wire, dateline)


def test_credits_in_brackets_and_agency_photo_captions():
    cleaned = clean_text(
        "Title\nThe senate passed the bill.\n"
        "The president signs the bill in Ohio. (AP Photo/Evan Lark)\n"
        "(Reporting by Jane Doe in Kyiv; Writing by Tom Li; Editing by Ann Bo and Ed Ro)\n"
    )
    assert cleaned.body == "Title\n\nThe senate passed the bill.\n"
    assert cleaned.captions == ["The president signs the bill in Ohio. (AP Photo/Evan Lark)"]
    assert cleaned.wire is None


def test_navigation_rows_and_a_last_unpunctuated_paragraph():
    cleaned = clean_text(
        "Home | News | Contact\nHarvest festival draws record crowd\n"
        "More than 9,000 people came on Saturday, organisers said.\n"
        "Stalls sold out of cider by mid-afternoon\nCopyright Dale Valley Times 2024\n"
    )
    assert cleaned.title == "Harvest festival draws record crowd"
    assert "Stalls sold out of cider by mid-afternoon" in cleaned.body
    assert cleaned.removed == ["Home | News | Contact", "Copyright Dale Valley Times 2024"]


def test_a_line_that_reports_is_never_furniture():
    for line in ["Sign up now, said the minister.", "“Subscribe now,” he urged readers."]:
        assert clean_text(f"Title\n{line}\nMore text.\n").removed == []


def test_no_pattern_lost_a_quantifier_to_string_formatting():
    import re

    import pipeline.clean
    import pipeline.rules.passages

    for module in (pipeline.clean, pipeline.rules.passages):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                assert not re.search(r"\(\d+, \d+\)|\{\d+, \d+\}", value.pattern), name


def test_contributor_credits_and_loading_placeholders_are_furniture():
    cleaned = clean_text(
        "Title\nLoading…\nThe storm cut power to 80,000 homes.\n"
        "Associated Press writer Ken Ode in Houston contributed to this report.\n"
    )
    assert cleaned.body == "Title\n\nThe storm cut power to 80,000 homes.\n"


def test_the_cleaning_code_is_part_of_the_cache_key():
    from pipeline.cache import shaping_files

    assert "pipeline/clean.py" in {name for name, _ in shaping_files()}


def test_a_word_broken_over_two_lines_at_a_soft_hyphen_is_joined(tmp_path):
    write(tmp_path, "a.txt", "Title\n\nMayor Ana Lind\u00ad\nqvist opened the library.\n")
    [article] = read_articles(tmp_path).articles
    assert "Mayor Ana Lindqvist opened the library." in article.text


def test_a_registration_prompt_names_the_outlet_when_nothing_else_does(tmp_path):
    from pipeline.run import run_folder

    write(
        tmp_path,
        "a.txt",
        "Plant captured\n\nKYIV, Feb 24 (Reuters) - Troops captured the plant, officials said."
        "\n\nRegister now for FREE unlimited access to Reuters.com\n",
    )
    [source] = run_folder(tmp_path, None).brief.sources
    assert (source.outlet, source.outlet_inferred, source.wire) == ("Reuters", True, "Reuters")


def test_a_house_byline_names_the_outlet_and_an_outlet_quoted_in_the_text_does_not(tmp_path):
    from pipeline.render import render_markdown
    from pipeline.rules.grounding import house_byline
    from pipeline.run import run_folder

    assert house_byline("By Harbour Courier Reporter") == "Harbour Courier"
    assert house_byline("Gazette Staff") == "Gazette"
    assert house_byline("Political Correspondent") is None  # a beat, not an outlet
    assert house_byline("Lena Holm, Staff Writer") is None  # a person signs it
    write(
        tmp_path,
        "a.txt",
        "Ferry halted\n\nBy Harbour Courier Reporter\n\nThe island ferry was halted on "
        "Monday after a collision in fog, the operator said.\n",
    )
    write(
        tmp_path,
        "b.txt",
        "Ferry collision\n\nThe island ferry stopped running after a collision in fog, its "
        "captain told the Evening Post on Monday.\n",
    )
    brief = run_folder(tmp_path, None).brief
    named = {s.path: (s.outlet, s.outlet_inferred) for s in brief.sources}
    assert named == {"a.txt": ("Harbour Courier", True), "b.txt": (None, False)}
    sources = render_markdown(brief).split("## Sources")[1]
    assert "Harbour Courier (inferred from the text)" in sources
    assert "outlet not named in the file" in sources and "Evening Post" not in sources


def test_a_file_given_for_the_folder_is_told_apart_from_a_missing_folder(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nSome reporting here, said Ana.\n", encoding="utf-8")
    with pytest.raises(InputError, match="is a file, not a folder"):
        read_articles(article)
    with pytest.raises(InputError, match="does not exist"):
        read_articles(tmp_path / "nowhere")


def test_the_outlets_prompts_to_come_back_are_furniture_but_reporting_is_kept():
    text = (
        "Dam inspection ordered\n"
        "The state ordered an inspection of the Hollis Dam on Friday.\n"
        "Stay with Channel 4 Action News for updates on this developing story.\n"
        "This story will be updated.\n"
        "Download the Ledger app for breaking news alerts.\n"
        "Stay with us, the engineer told residents, because the water is still rising.\n"
    )
    cleaned = clean_text(text)
    assert "developing story" not in cleaned.body and "app" not in cleaned.body
    assert "This story will be updated." in cleaned.removed
    assert "Stay with us, the engineer told residents" in cleaned.body


def test_a_more_on_paragraph_that_reports_is_kept_and_a_more_on_link_is_not():
    text = (
        "Salvage under way\n"
        "More on the salvage plan. Divers have confirmed two breaches in the hull.\n"
        "More on this story\n"
    )
    cleaned = clean_text(text)
    assert "Divers have confirmed two breaches in the hull." in cleaned.body
    assert cleaned.removed == ["More on this story"]


def test_a_masthead_line_names_the_outlet_and_date_and_is_no_reporting():
    """ "<Outlet>, <date>" under the headline, a newsletter's name over its date, and an
    outlet's name over a "Published" line are metadata, not developments."""
    paper = clean_text(
        "Quarry blast rattles village\nBy Ann Reid\nThe Dunmore Courier, Tuesday 4 March 2025\n"
        "A blast at the quarry broke windows on Monday.\n"
    )
    assert (paper.masthead, paper.published) == ("The Dunmore Courier", "Tuesday 4 March 2025")
    assert "The Dunmore Courier, Tuesday 4 March 2025" in paper.removed
    newsletter = clean_text(
        "The Grain Letter\nMonday, June 2, 2025\nWheat prices hit a ten-year high\n"
        "Wheat rose for a fifth week, traders said.\n"
    )
    assert newsletter.masthead == "The Grain Letter"
    assert newsletter.title == "Wheat prices hit a ten-year high"
    local = clean_text(
        "Bridge reopens\nThe Hollin Post\nPublished June 3, 2025\nThe bridge reopened.\n"
    )
    assert local.masthead == "The Hollin Post"


def test_metadata_lines_set_apart_by_bars_are_taken_out_and_the_outlet_over_them_is_no_headline():
    """A section and date, a byline with outlet and date, an issue line, a live page's line
    of who updates it: metadata, never reporting; an outlet's name in capitals over such a
    line is the masthead, and the headline is the next line."""
    from pipeline.clean import clean_text

    paper = clean_text(
        "THE HOLLOWAY COURIER\nSPORT | Saturday, May 2, 2026\n\nCity sack their manager after"
        " six straight defeats\n\nBy Tom Reyes\n\nHolloway City dismissed their manager on"
        " Friday.\n"
    )
    assert paper.title == "City sack their manager after six straight defeats"
    assert paper.masthead == "The Holloway Courier"  # set in capitals, named in title case
    assert paper.published == "Saturday, May 2, 2026"
    assert "SPORT | Saturday, May 2, 2026" in paper.removed
    tabloid = clean_text(
        "# GAFFER GETS THE BOOT!\n\n**By Kim Lo | The Evening Trumpet | 2 May 2026**\n\n"
        "CITY boss Ray Dunne was sacked last night.\n"
    )
    assert tabloid.masthead == "The Evening Trumpet" and tabloid.byline == "Kim Lo"
    assert "Evening Trumpet" not in tabloid.body
    letter = clean_text(
        "FOOTBALL FINANCE WEEKLY\nFriday 1 May 2026 | Issue 212\n\nClub debts soar\n\nDebts"
        " rose again.\n\n*Live | Saturday 2 May 2026 | All times BST | Updates by Jo Hart*\n"
    )
    assert letter.title == "Club debts soar" and "Issue 212" not in letter.body
    assert "Updates by" not in letter.body
    kept = clean_text("Headline here\n\nFans said the vote was close | very close.\n")
    assert "very close" in kept.body  # reporting is never metadata


def test_a_publishers_disclaimer_is_furniture_but_reporting_about_advice_is_not():
    from pipeline.clean import is_furniture

    assert is_furniture(
        "Market Weekly is published by Oakline Media for professional subscribers. Nothing in"
        ' this newsletter constitutes investment advice. Reply "STOP" to unsubscribe.'
    )
    assert is_furniture("This report is for information only and does not constitute tax advice.")
    assert not is_furniture('The judge said the leaflet "does not constitute legal advice".')
    assert not is_furniture("The novel is published by Harbour Books in May.")


def test_an_agencys_initials_and_a_closing_credit_name_the_wire_and_a_dated_masthead_the_outlet():
    """'HALLOW, Oct 3 (KNA) - …' names the wire KNA even where no list knows it; a last line
    '- KNA' credits it; 'Hallow Gazette' over 'Friday, October 3, 2025 - 9:40am' is the
    outlet; a Markdown heading mark is no part of the title."""
    from pipeline.clean import clean_text

    wire = clean_text("Dam gates opened\n\nHALLOW, Oct 3 (KNA) - Engineers opened the dam.\n")
    assert wire.wire == "KNA" and wire.dateline == "HALLOW, Oct 3"
    copy = clean_text(
        "Dam gates opened\n\nHallow Gazette\nFriday, October 3, 2025 - 9:40am\n\n"
        "Engineers opened the dam on Friday.\n\n- KNA\n"
    )
    assert copy.masthead == "Hallow Gazette" and copy.wire == "KNA"
    assert "KNA" not in copy.body
    assert clean_text("# Dam gates opened\n\nEngineers opened it.\n").title == "Dam gates opened"


def test_a_markdown_heading_is_the_title_even_when_it_ends_in_a_quote_mark():
    from pipeline.clean import clean_text

    cleaned = clean_text(
        "# Miners on the pit closure: “We knew it was coming”\n\nThe pit shut on Friday."
    )
    assert cleaned.title == "Miners on the pit closure: “We knew it was coming”"


def test_markdown_is_read_as_text_without_its_markup(tmp_path):
    path = tmp_path / "live.md"
    path.write_text(
        "# Lock gates fail on the Arle canal\n\n"
        "*Canal Weekly — Issue 88 — Monday, 3 March 2025*\n\n"
        "**What the failure means for boaters, and who pays**\n\n"
        "---\n\n"
        "## The failure\n\n"
        "The lower gates at [Fenby Lock](https://example.org/fenby) split on *Sunday*, "
        "the trust said \\*provisionally\\*.\n\n"
        "- 40 boats stranded\n- 2 weeks to repair\n\n"
        "| Lock | Boats |\n|---|---|\n| Fenby | 40 |\n\n"
        "![A gate](gate.jpg)\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.title == "Lock gates fail on the Arle canal"
    assert article.outlet == "Canal Weekly" and article.date == "2025-03-03"
    assert (
        "The lower gates at Fenby Lock split on Sunday, the trust said *provisionally*."
        in article.text
    )
    assert "- 40 boats stranded" in article.text and "- 2 weeks to repair" in article.text
    assert "Fenby | 40" in article.text  # a table row per line
    assert "Lock | Boats" in article.removed  # its header row reads as page furniture
    assert not any(mark in article.text for mark in ("**", "](", "![", "# ", "---"))


def test_an_outlet_name_over_the_headline_is_the_masthead_not_the_title():
    from pipeline.clean import clean_text

    cleaned = clean_text(
        "THE HARBOUR GAZETTE\n\nThursday, March 6\n\n"
        "Lock gates fail on the Arle canal, stranding forty boats\n\n"
        "The lower gates at Fenby Lock split on Sunday.\n"
    )
    assert cleaned.title == "Lock gates fail on the Arle canal, stranding forty boats"
    assert cleaned.masthead == "The Harbour Gazette"
    assert "Thursday, March 6" in cleaned.removed


def test_a_headline_in_capitals_is_still_the_title():
    from pipeline.clean import clean_text

    cleaned = clean_text(
        "LOCK OF SHAME\n\nBoaters stranded\n\nThe gates at Fenby Lock split on Sunday.\n"
    )
    assert cleaned.title == "LOCK OF SHAME"


def test_a_translation_or_syndication_note_is_furniture_not_reporting():
    from pipeline.clean import clean_text

    cleaned = clean_text(
        "Mill to close after 90 years\n\n"
        "Translated from Dutch. This article first appeared in the Leidse Courant.\n\n"
        "The Vos mill will close in March, its owners said on Monday.\n"
    )
    assert "Translated from Dutch" not in cleaned.body
    assert any(line.startswith("Translated from Dutch") for line in cleaned.removed)
    assert "The Vos mill will close in March" in cleaned.body


def test_a_wire_desks_note_of_what_a_version_adds_is_furniture():
    from pipeline.clean import is_furniture

    assert is_furniture("(Adds harbour board comment, paragraphs 6-9)")
    assert is_furniture("(Updates with closing prices)")
    assert not is_furniture("(Adds that the mayor said the harbour would stay shut)")


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("© Kelderby Beacon 2025", "Kelderby Beacon"),
        ("© 2025 Kelderby Gazette. All rights reserved.", "Kelderby Gazette"),
        ("COPYRIGHT 2025 THE KELDERBY BUGLE", "The Kelderby Bugle"),
        ("© Getty Images", None),
    ],
)
def test_the_outlet_is_read_from_a_closing_copyright_line_when_nothing_else_names_it(line, outlet):
    text = "Bridge vote passes\nThe council voted for the bridge on Tuesday.\n" + line + "\n"
    cleaned = clean_text(text)
    assert cleaned.masthead == outlet
    assert line in cleaned.removed


def test_a_dateline_with_a_state_abbreviation_and_a_credit_is_not_a_sentence_of_its_own():
    from pipeline.rules.text import split_sentences

    texts = [s.text for s in split_sentences(
        "ST. PAUL, Minn. (AP) — The board voted 5-2 on Monday. She moved to Dunmore, Pa. "
        "(She was 40.) It closed."
    )]  # fmt: skip
    assert texts[0] == "ST. PAUL, Minn. (AP) — The board voted 5-2 on Monday."
    assert "She moved to Dunmore, Pa." in texts


@pytest.mark.parametrize(
    "opening",
    [
        "Springfield, Ill., June 10, 2025 /PRNewswire/ -- ",
        "SPRINGFIELD, Ill.--(BUSINESS WIRE)--",
        "SPRINGFIELD, Ill., June 10, 2025 (GLOBE NEWSWIRE) -- ",
    ],
)
def test_a_press_release_dateline_is_a_dateline(opening):
    from pipeline.rules.text import OPENING_DATELINE

    found = OPENING_DATELINE.match(opening + "Harrow Plastics said on Tuesday it would reopen.")
    assert found is not None and found.group() == opening


def test_a_page_without_site_metadata_names_its_outlet_author_and_date_as_it_shows_them(
    tmp_path,
):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Mill fire: families return home | The Carrow Courier</title></head>"
        "<body><nav>Home | News | Sport</nav><article><h1>Mill fire: families return home</h1>"
        '<p class="byline">By Ana Ruiz, Staff Writer | Updated June 10, 2025, 6:45 p.m.</p>'
        "<p>Most of the families who spent the night in the Carrow school gym were back in "
        "their homes by Tuesday evening, the fire chief said.</p>"
        '<div class="ad">ADVERTISEMENT<br>Save 20% on summer tires at Carrow Auto</div>'
        "<p>The council will hold a hearing on the fire on June 17, officials said, and the "
        "mill's owner said it would attend.</p>"
        "<p>Contact Ana Ruiz at aruiz@carrowcourier.com or 503-555-0148.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    [article] = read_articles(tmp_path).articles
    assert (article.outlet, article.date) == ("The Carrow Courier", "2025-06-10")
    assert article.author in (None, "Ana Ruiz")
    assert "Save 20%" not in article.text and "555-0148" not in article.text
    assert "hearing on the fire on June 17" in article.text


def test_an_author_field_keeps_the_people_not_their_roles_or_dates():
    from pipeline.read import clean_author, title_outlet

    assert clean_author("Hannah Whitcomb; Staff Writer; Updated June") == "Hannah Whitcomb"
    assert clean_author("By Jo Lee and Sam Park") == "Jo Lee, Sam Park"
    assert clean_author("Staff") is None
    assert title_outlet("Fire latest | The State Journal-Courier") == "The State Journal-Courier"
    assert title_outlet("Fire latest - Harbour News") == "Harbour News"
    assert title_outlet("Fire - what we know so far") is None


def test_a_press_release_ends_before_its_boilerplate_on_the_issuer():
    from pipeline.clean import clean_text

    cleaned = clean_text(
        "Harrow Plastics statement on the Canal Street fire\n\n"
        "Harrow Plastics said on Tuesday that its sprinklers worked as designed.\n\n"
        "The company will attend the council hearing on June 17.\n\n"
        "About Harrow Plastics Ltd.\n\n"
        "Founded in 1987, Harrow Plastics processes 60,000 tons of plastic a year.\n\n"
        "Tel: 01632 960 418\n"
    )
    assert "60,000" not in cleaned.body and "01632" not in cleaned.body
    assert "council hearing on June 17" in cleaned.body


def test_an_author_named_like_a_month_is_kept():
    from pipeline.read import clean_author

    assert clean_author("June Carter | June 10, 2025") == "June Carter"
    assert clean_author("Jo May; Updated March") == "Jo May"


@pytest.mark.parametrize(
    ("opening", "wire", "dateline"),
    [
        ("TORVIK, Norway, Oct 11 (Fjordline Press) - The ferry sailed.", "Fjordline Press",
         "TORVIK, Norway, Oct 11"),
        ("ELMSTEAD, Ohio, Sept. 9 (Prairie Newswire) — The plant closed.", "Prairie Newswire",
         "ELMSTEAD, Ohio, Sept. 9"),
        ("Port Avery, May 2 (Coastal News Service) - Boats stayed in.", "Coastal News Service",
         "Port Avery, May 2"),
    ],
)  # fmt: skip
def test_an_agency_no_list_knows_is_named_by_its_dateline_credit(opening, wire, dateline):
    cleaned = clean_text(f"Headline here\n{opening}\nMore reporting follows here.\n")
    assert (cleaned.wire, cleaned.dateline) == (wire, dateline)


def test_a_reprint_credits_the_agency_then_signs_off_with_its_own_name():
    """'- Fjordline Press' then 'Harbour & District Gazette' on the last lines: the agency's
    copy, run by that outlet; a byline's outlet names the outlet too."""
    copy = clean_text(
        "Ferry stranded\n\nThe ferry ran aground on Saturday, the operator said.\n\n"
        "- Fjordline Press\n\nHarbour & District Gazette\n"
    )
    assert copy.wire == "Fjordline Press"
    assert copy.masthead == "Harbour & District Gazette"
    assert copy.body == "Ferry stranded\n\nThe ferry ran aground on Saturday, the operator said.\n"
    bylined = clean_text(
        "Ferry stranded\n\nBy Ann Holm, Westvale Mercury\n\nThe ferry ran aground.\n"
    )
    assert bylined.masthead == "Westvale Mercury"
    desk = clean_text("Ferry stranded\n\nBy Ann Holm, Crime Reporter\n\nThe ferry ran aground.\n")
    assert desk.masthead is None


@pytest.mark.parametrize(
    "line",
    [
        "This interview has been edited for length and clarity.",
        "The interview has been lightly edited and condensed.",
        "Have your say on the port decision in the comments below, or email news@example.com",
        "What do you think? Let us know in the comments below.",
    ],
)
def test_an_interviews_editorial_note_and_a_call_for_comments_are_furniture(line):
    cleaned = clean_text(
        f"Port plan approved\n\nThe council approved the plan on Tuesday.\n\n{line}\n"
    )
    assert line not in cleaned.body and line in cleaned.removed
    told = "The interview was edited by the desk after the minister complained about its tone."
    assert told in clean_text(f"Port plan approved\n\n{told}\n").body


def test_a_broadcast_transcripts_station_date_and_presenter_are_its_metadata():
    cleaned = clean_text(
        "HARBOUR FM - EVENING NEWS AND COMMENT\nTuesday 14 October 2025, 6pm\n"
        "Presented by Jo Carne\n\nGood evening. The port expansion has been approved.\n"
    )
    assert cleaned.masthead == "Harbour FM"
    assert cleaned.published == "Tuesday 14 October 2025"
    assert cleaned.byline == "Jo Carne"
    assert cleaned.title is None
    assert cleaned.body == "Good evening. The port expansion has been approved.\n"


def test_a_section_label_above_a_pages_headline_is_no_part_of_the_article(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Port expansion approved despite outcry</title></head><body>"
        "<article><p class='kicker'>Environment</p><h1>Port expansion approved despite "
        "outcry</h1><p>A £420 million expansion of the port was approved on Tuesday night "
        "after a six-hour meeting of the council's planning committee.</p><p>Campaigners "
        "said they would fight the decision in the courts, and the port said work would "
        "start in the spring.</p></article></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert not article.text.startswith("Environment")
    assert "Environment" in article.removed
    assert "A £420 million expansion" in article.text


def test_a_key_facts_box_beside_the_article_is_listed_as_set_apart_not_lost(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Port expansion approved</title></head><body><article>"
        "<h1>Port expansion approved</h1><p>A £420 million expansion of the port was "
        "approved on Tuesday night after a six-hour meeting of the planning committee.</p>"
        "<aside><h3>Key facts</h3><ul><li>Cost: £420m</li><li>New quay: 650 metres</li>"
        "</ul></aside><p>Campaigners said they would fight the decision in the courts, and "
        "the port said work would start in the spring.</p></article></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert "Cost: £420m" in article.removed and "New quay: 650 metres" in article.removed
    assert "Campaigners said" in article.text


def test_a_windows_1252_file_with_an_undefined_byte_is_still_windows_1252(tmp_path):
    # 0x8F is no character in Windows-1252; a Mac code page would take the file for its own
    # and turn every curly quote and euro sign into a letter
    body = "Tolls on the Varnley bridge rise to €4.50 in May, the council’s report says.\n"
    raw = body.encode("cp1252") + b"A stray \x8f byte sits in this line.\n"
    path = write(tmp_path, "tolls.txt", raw, mode="wb")
    article = read_article(path)
    assert "€4.50" in article.text and "council’s" in article.text
    assert "A stray \ufffd byte" in article.text
    assert article.notes[0].startswith("not UTF-8: decoded as Windows-1252")
    assert any("marked �" in note for note in article.notes)


def test_a_utf8_paragraph_pasted_into_a_windows_1252_file_is_read_as_utf8(tmp_path):
    old = "Varnley’s harbour master resigned on Friday after a €2m overspend.\n\n"
    pasted = "“We were never told,” a pilot said of the dredging deal.\n"
    path = write(tmp_path, "pasted.txt", old.encode("cp1252") + pasted.encode("utf-8"), "wb")
    article = read_article(path)
    assert old.strip() in article.text and pasted.strip() in article.text
    assert "1 line(s) written in UTF-8" in article.notes[0]


def test_a_detected_encoding_is_taken_only_when_its_text_is_plausible(monkeypatch):
    import charset_normalizer

    from pipeline.clean import decode_bytes

    class Reading:
        def __init__(self, text, encoding):
            self.text, self.encoding = text, encoding

        def __str__(self):
            return self.text

    # bytes no Windows-1252 reading fits (mostly undefined bytes), read by the detector
    # first as mojibake, then as a Greek word run into a Latin one, then as plain text
    readings = [
        Reading("Thessaloniki\u2019s port fee is \u00c41.2 billion, Norway\u00eds says.", "x"),
        Reading("The port fee of Thessaloniki\u03b1 rose.", "y"),
        Reading("Το λιμάνι της Θεσσαλονίκης.", "cp1253"),
    ]
    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda raw: readings)
    assert decode_bytes(b"\x81\x8d\x8f\x90") == (
        "Το λιμάνι της Θεσσαλονίκης.",
        ["not UTF-8: decoded as cp1253"],
    )
    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda raw: readings[:2])
    with pytest.raises(InputError, match="no text encoding gives plausible text"):
        decode_bytes(b"\x81\x8d\x8f\x90")


def test_one_paragraph_of_mojibake_among_correct_characters_is_repaired(tmp_path):
    good = "The Düsseldorf depot cost €3m, said Ines Aalto.\n\n"
    garbled = "“The roof leaks,” the site’s manager said.".encode().decode("cp1252", "replace")
    path = write(tmp_path, "depot.txt", good + garbled + "\n")
    article = read_article(path)
    assert "Düsseldorf" in article.text and "€3m" in article.text
    assert "“The roof leaks,” the site’s manager said." in article.text
    assert any("ftfy" in note for note in article.notes)


def _page(body: str) -> str:
    return (
        "<html><head><title>Ferry timetable cut - Islay Courier</title></head><body><article>"
        "<h1>Ferry timetable cut for winter</h1>"
        "<p>The operator will run two sailings a day to Port Ellen from November, down from "
        "four, it confirmed on Thursday.</p>"
        f"{body}"
        "<p>Islanders say the change leaves shift workers without a way home after 6pm.</p>"
        "</article></body></html>"
    )


def test_an_embedded_post_in_a_page_reads_as_the_post_and_its_credit(tmp_path):
    embed = (
        '<div class="entry"><p>A local councillor reacted within the hour:</p>'
        '<blockquote class="bluesky-embed"><p>Two sailings is not a service, it is a '
        "notice to leave the island.</p>&mdash; Morag Bell (@moragbell.bsky.social) "
        "October 2, 2025</blockquote></div>"
    )
    article = read_article(write(tmp_path, "ferry.html", _page(embed)))
    paragraphs = article.text.split("\n\n")
    at = paragraphs.index("Two sailings is not a service, it is a notice to leave the island.")
    assert paragraphs[at + 1] == "— Morag Bell (@moragbell.bsky.social) October 2, 2025"


def test_a_pull_quote_is_page_design_listed_as_removed_not_a_sentence(tmp_path):
    said = "“We cannot crew four boats in winter,” the operator’s manager said."
    pull = '<blockquote class="pull-quote">“We cannot crew four boats in winter”</blockquote>'
    article = read_article(write(tmp_path, "ferry.html", _page(f"<p>{said}</p>{pull}")))
    assert said in article.text
    assert article.text.count("crew four boats") == 1
    assert "“We cannot crew four boats in winter”" in article.removed


def test_a_quotation_the_extraction_leaves_out_is_listed_not_lost(tmp_path, monkeypatch):
    import trafilatura

    kept = "The operator will run two sailings a day to Port Ellen from November."
    block = "<blockquote><p>Winter is when the island needs the boat most.</p></blockquote>"
    monkeypatch.setattr(trafilatura, "extract", lambda tree, **options: kept)
    article = read_article(write(tmp_path, "ferry.html", _page(block)))
    assert "Winter is when the island needs the boat most." in article.removed


def test_an_outlet_named_in_front_matter_under_another_key_is_the_outlet(tmp_path):
    for key, value, field in (
        ("publication", "Tideway Shipping Letter", "outlet"),
        ("site", "Quayside Online", "outlet"),
        ("source", "https://quayside.example/tolls", "url"),
    ):
        front = f"---\n{key}: {value}\n---\n\n"
        article = read_article(write(tmp_path, f"{key}.md", front + ARTICLE))
        assert getattr(article, field) == value, key
    both = "---\nsite: Quayside Online\noutlet: Quayside Evening News\n---\n\n"
    assert read_article(write(tmp_path, "both.md", both + ARTICLE)).outlet == (
        "Quayside Evening News"
    )


def test_a_research_notes_small_print_notes_and_markers_are_set_apart(tmp_path):
    note = (
        "Freight rates: our view\n\n"
        "Dockline Weekly, the shipping desk's letter. For institutional clients only.\n\n"
        "Spot container rates fell 8% in the week to Friday.[4] Brokers blamed idle "
        "capacity[5], not demand.\n\n"
        "[4] Drewport index, 7 March.\n\n"
        "[5] Broker survey.\n\n"
        "Important disclosures: the author holds no shares in carriers mentioned here.\n\n"
        "Analyst certification: the views above are the author's own.\n"
    )
    article = read_article(write(tmp_path, "rates.txt", note))
    assert (
        "Spot container rates fell 8% in the week to Friday. Brokers blamed idle capacity, "
        "not demand." in article.text
    )
    for line in (
        "Dockline Weekly, the shipping desk's letter. For institutional clients only.",
        "[4] Drewport index, 7 March.",
        "Important disclosures: the author holds no shares in carriers mentioned here.",
        "Analyst certification: the views above are the author's own.",
    ):
        assert line in article.removed and line not in article.text
    assert "[4]" in article.removed and "[5]" in article.removed


def test_an_audience_phrase_inside_reporting_is_kept():
    line = "The new fund is open for professional investors only from May."
    assert clean_text(f"Fund opens\n\n{line}\n").body.count(line) == 1


def test_a_data_tables_rows_are_text_in_its_place_and_its_source_set_apart(tmp_path):
    table = (
        "<table><caption>Sailings per day</caption>"
        "<tr><th>Route</th><th>Summer</th><th>Winter</th></tr>"
        "<tr><td>Port Ellen</td><td>4</td><td>2</td></tr></table>"
        '<p class="chart-note">Source: operator timetables</p>'
    )
    article = read_article(write(tmp_path, "ferry.html", _page(table)))
    assert "Source: operator timetables" not in article.text
    assert "Source: operator timetables" in article.removed
    # a data table's rows are reporting: one line each, cells set apart by " | "
    assert "Sailings per day" in article.text
    assert "Port Ellen | 4 | 2" in article.text
    assert "Port Ellen | 4 | 2" not in article.removed
    assert "Islanders say the change leaves shift workers" in article.text


def test_shopping_blocks_affiliate_notes_and_a_reference_list_are_set_apart(tmp_path):
    body = (
        '<p class="affiliate-note"><em>We may earn a commission on purchases made through '
        "links in this article.</em></p>"
        "<p>Anglers on the Tarrow say the new limits came without warning, and the river "
        "board has agreed to meet them on Friday.</p>"
        '<div class="shop-box"><p><strong>Gear we like:</strong> the <a rel="sponsored" '
        'href="https://shop.example/x">Kestrel 9ft Fly Rod ($129.00)</a>.</p></div>'
        "<p>This story contains affiliate links; we are paid when you buy.</p>"
        "<p>The board's chair, Ilse Marrow, said the limits would be reviewed in a year.</p>"
        "<h3>References</h3><ul><li>Tarrow River Board. Catch returns 2024. 2025.</li>"
        "<li>Marrow I. Letter to licence holders, 2 June 2025.</li></ul>"
    )
    article = read_article(write(tmp_path, "tarrow.html", _page(body)))
    for line in (
        "We may earn a commission on purchases made through links in this article.",
        "Gear we like: the Kestrel 9ft Fly Rod ($129.00).",
        "This story contains affiliate links; we are paid when you buy.",
        "Tarrow River Board. Catch returns 2024. 2025.",
        "Marrow I. Letter to licence holders, 2 June 2025.",
    ):
        assert line in article.removed and line not in article.text
    assert "129" not in article.text and "References" not in article.text
    assert "the river board has agreed to meet them on Friday." in article.text
    assert "said the limits would be reviewed in a year." in article.text


def test_a_press_releases_editor_sections_are_set_apart_and_name_the_issuer(tmp_path):
    release = (
        "# Quarry trust reopens Fellside footpath after landslip repairs\n\n"
        "**For immediate release: ASHGILL, 14 May 2025**\n\n"
        "The Fellside Quarry Trust reopened the north footpath on Tuesday, six months after "
        "a landslip closed it.\n\n"
        '"Walkers can use the whole route again," said warden Tom Iredale.\n\n'
        "Repairs cost £84,000, paid from the trust's reserves.\n\n"
        "## Notes for editors\n\n"
        "- Photographs of the repaired path can be downloaded from the trust's website.\n"
        "- Tom Iredale is available for interview on Thursday.\n\n"
        "## About the Fellside Quarry Trust\n\n"
        "The trust has cared for the old quarry since 1998.\n\n"
        "**Press enquiries**\n\n"
        "Jo Pattinson, jo@fellside.example, 01632 960 771\n"
    )
    article = read_article(write(tmp_path, "footpath.md", release))
    assert article.date == "2025-05-14"
    assert article.dateline == "ASHGILL, 14 May 2025"
    assert article.outlet == "Fellside Quarry Trust"
    assert "Repairs cost £84,000, paid from the trust's reserves." in article.text
    for line in (
        "- Tom Iredale is available for interview on Thursday.",
        "The trust has cared for the old quarry since 1998.",
        "Jo Pattinson, jo@fellside.example, 01632 960 771",
    ):
        assert line in article.removed and line not in article.text


def test_a_heading_about_a_subject_early_in_an_article_starts_no_boilerplate():
    cleaned = clean_text(
        "Flood defences\n\nAbout the Severn barrier\n\n"
        "The barrier closed twice this winter, the agency said.\n\n"
        "It protects 4,000 homes.\n"
    )
    assert "It protects 4,000 homes." in cleaned.body


def test_a_byline_of_bars_with_an_initial_gives_author_outlet_and_date():
    cleaned = clean_text(
        "Harbour wall gives way in storm\n\n"
        "**By Ellis R. Tranmer | The Coastline Herald | October 3, 2025**\n\n"
        "A section of the harbour wall collapsed overnight, the port authority said.\n"
    )
    assert cleaned.byline == "Ellis R. Tranmer"
    assert cleaned.masthead == "The Coastline Herald"
    assert cleaned.published == "October 3, 2025"


def test_a_labelled_photo_description_is_a_caption():
    line = "Picture: Volunteers stack sandbags along the quay on Monday. / Quayside Photos"
    cleaned = clean_text(f"Storm surge\n\n{line}\n\nThe quay flooded twice, the council said.\n")
    assert line in cleaned.captions and line in cleaned.removed
    assert line not in cleaned.body
    credit = clean_text("Storm surge\n\nPhoto: Quayside Photos\n\nThe quay flooded twice.\n")
    assert credit.captions == []


def test_a_broadcasters_labelled_date_line_dates_the_transcript():
    cleaned = clean_text(
        "RIVERSIDE COMMUNITY RADIO - LUNCHTIME NEWS\n"
        "Broadcast: Friday 7 November 2025, 13:05\n"
        "PRESENTER: The ferry strike is over, the union confirmed this morning.\n"
    )
    assert cleaned.masthead == "Riverside Community Radio"
    assert cleaned.published == "Friday 7 November 2025"
    assert cleaned.title is None


def test_a_place_and_date_line_is_a_dateline_and_an_edition_line_the_outlet():
    cleaned = clean_text(
        "Brenzauer Kurier — International edition\n"
        "(Translated from the German)\n"
        "Mayor closes old bridge to lorries\n"
        "Brenzau, 9 April 2025\n"
        "The mayor closed the old bridge to lorries on Tuesday after engineers found cracks.\n"
    )
    assert cleaned.masthead == "Brenzauer Kurier"
    assert cleaned.title == "Mayor closes old bridge to lorries"
    assert (cleaned.dateline, cleaned.published) == ("Brenzau, 9 April 2025", "9 April 2025")
    assert "(Translated from the German)" in cleaned.removed


def test_a_section_path_over_the_headline_is_no_title():
    cleaned = clean_text(
        "THE WESTPORT ECHO\nBusiness | Transport\nBus firm cuts rural routes\n"
        "The firm will stop running six village routes from June, it said.\n"
    )
    assert cleaned.title == "Bus firm cuts rural routes"
    assert "Business | Transport" in cleaned.removed


def test_a_dateline_with_a_country_in_title_case_is_a_dateline():
    cleaned = clean_text(
        "Mill closes\n\nKELDHAM, Scotland — The last woollen mill in the valley closed on "
        "Friday, its owners said.\n"
    )
    assert cleaned.dateline == "KELDHAM, Scotland"


@pytest.mark.parametrize(
    "note",
    [
        "Correction: An earlier version of this article gave the wrong date for the vote.",
        "*Editor's note: An earlier version of this story misnamed the harbour master.*",
        "Clarification: A previous version of this report said the pier had closed.",
    ],
)
def test_a_correction_of_an_earlier_version_is_furniture(tmp_path, note):
    from pipeline.read import read_article

    path = tmp_path / "a.md"
    path.write_text(f"# Pier reopens\n\nThe pier reopened on Monday after repairs.\n\n{note}\n")
    article = read_article(path)
    assert "earlier version" not in article.text and "previous version" not in article.text
    assert any("version" in line for line in article.removed)


@pytest.mark.parametrize(
    ("filed", "headline"),
    [
        ("UPDATE 4-Dockers vote to strike at Kelsey port", "Dockers vote to strike at Kelsey port"),
        ("REFILE-UPDATE 1-Cricket-Moyo hits century", "Moyo hits century"),
        ("EMERGING MARKETS-Rand slides on budget fears", "Rand slides on budget fears"),
        ("FOREX-Dollar edges up", "Dollar edges up"),
        ("Golf-Lindqvist leads by two", "Lindqvist leads by two"),
        # hyphenated names and compounds are no slugs
        ("Rolls-Royce shares fall on engine recall", "Rolls-Royce shares fall on engine recall"),
        ("EU-China talks stall over tariffs", "EU-China talks stall over tariffs"),
        ("Anglo-Dutch merger called off", "Anglo-Dutch merger called off"),
        ("COVID-19 cases rise in care homes", "COVID-19 cases rise in care homes"),
    ],
)
def test_a_wire_headline_loses_its_version_and_topic_slugs(tmp_path, filed, headline):
    path = write(tmp_path, "wire.txt", f"{filed}\n\nMARSDEN, May 4 (Reuters) - Text.\n")
    article = read_article(path)
    assert article.title == headline
    assert article.text.startswith(filed)  # the body keeps the line as filed


def test_an_agency_run_on_into_a_byline_in_capitals_is_the_wire_not_the_author(tmp_path):
    path = write(
        tmp_path,
        "ap.txt",
        "Ferry strands 300 in ice\n\nBy TOMAS O'LEARY and RUTH KIM Associated Press\n\n"
        "DULUTH, Minn. (AP) — A ferry stuck in ice on Lake Superior on Monday, officials said.\n",
    )
    article = read_article(path)
    assert article.author == "Tomas O'Leary and Ruth Kim"
    assert (article.wire, article.outlet) == ("AP", "Associated Press")


def test_a_byline_naming_the_agency_alone_gives_no_author(tmp_path):
    path = write(
        tmp_path,
        "agency.txt",
        "Ferry strands 300 in ice\n\nBy The Associated Press\n\n"
        "A ferry stuck in ice on Lake Superior on Monday, officials said.\n",
    )
    article = read_article(path)
    assert article.author is None
    assert (article.wire, article.outlet) == ("AP", "The Associated Press")


def test_a_live_pages_update_times_over_several_days_carry_the_day(tmp_path):
    posts = "\n".join(
        f'<div class="entry">\n<time datetime="{stamp}">{shown}</time>\n<p>{text}</p>\n</div>'
        for stamp, shown, text in [
            (
                "2026-03-02T08:15:00Z",
                "08:15",
                "Crews reopened the eastbound carriageway of the Fenwick bridge after an overnight"
                " inspection found no damage to its main span, the county council said.",
            ),
            (
                "2026-03-01T22:40:00Z",
                "22:40",
                "The bridge was closed in both directions after a lorry struck one of its"
                " supports shortly after ten o'clock, police said.",
            ),
        ]
    )
    page = (
        "<html><head><title>Bridge closed - live | Fenwick Mercury</title></head><body>\n"
        f"<article>\n<h1>Bridge closed - live</h1>\n{posts}\n</article>\n</body></html>"
    )
    text = read_article(write(tmp_path, "live.html", page)).text
    assert "08:15, 2 March 2026\n\nCrews reopened" in text
    assert "22:40, 1 March 2026\n\nThe bridge was closed" in text


def test_only_the_time_stamps_of_repeated_update_blocks_become_paragraphs():
    from lxml import html as lxml_html

    from pipeline.read import _mark_live_post_times

    tree = lxml_html.document_fromstring(
        '<html><body><article><div class="post-meta"><time datetime="2026-03-01">1 March'
        '</time></div><div class="update"><time datetime="2026-03-01T09:00Z">09:00</time>'
        '<p>One.</p></div><div class="update"><time datetime="2026-03-01T08:00Z">08:00</time>'
        "<p>Two.</p></div></article></body></html>"
    )
    _mark_live_post_times(tree)
    assert [t.text for t in tree.iter("time")] == ["1 March"]  # the page's own date
    assert [p.text for p in tree.iter("p")] == ["09:00", "One.", "08:00", "Two."]


def test_a_case_name_and_et_al_end_no_sentence():
    from pipeline.rules.text import split_sentences

    text = (
        "The suit is styled Harwell et al. v. Dunmore Mills Inc., docket 3:24-cv-01187. "
        "Lamb vs. Kerr was cited twice."
    )
    assert [s.text for s in split_sentences(text)] == [
        "The suit is styled Harwell et al. v. Dunmore Mills Inc., docket 3:24-cv-01187.",
        "Lamb vs. Kerr was cited twice.",
    ]


def test_a_wires_correction_note_in_double_brackets_is_set_apart():
    note = (
        "((This story has been corrected to show the levy rose to 7 pence, not 17, in paragraph 2))"
    )
    text = (
        "Harbour levy rises\n\n"
        "The Tarnwick harbour board raised its mooring levy on Tuesday, the first rise in "
        "six years.\n\n"
        "The levy rose to 7 pence a tonne, the board said.\n\n"
        f"{note}\n"
    )
    cleaned = clean_text(text)
    assert note in cleaned.removed and note not in cleaned.body
    assert "The levy rose to 7 pence a tonne, the board said." in cleaned.body


def test_a_writers_name_and_desk_title_under_the_headline_is_the_author_not_the_outlet():
    text = (
        "Rail fares to rise 4% in March\n\n"
        "Tomas Reyes, Transport Correspondent\n"
        "Thursday 8 January 2026 07.00 GMT\n\n"
        "Rail fares in England will rise by 4% in March, the transport ministry said on "
        "Wednesday.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.byline == "Tomas Reyes"
    assert cleaned.masthead is None
    assert "Tomas Reyes, Transport Correspondent" in cleaned.removed


def test_a_pages_title_names_the_outlet_when_the_site_name_read_is_the_headline(tmp_path):
    page = (
        # a figure with a decimal point in the headline ("$3.2M") reads to the extraction as
        # a site's domain name
        "<html><head><title>'We were never told': Harrow Bay residents win $3.2M flood "
        "claim | The Coastline Courier</title>"
        '<meta property="og:title" content="Harrow Bay residents win flood claim"></head>'
        "<body><article><h1>'We were never told': Harrow Bay residents win flood claim</h1>"
        "<p>HARROW BAY — Residents of Harrow Bay won their claim against the water board on "
        "Monday, ending a six-year fight over the 2019 floods.</p>"
        "<p>The board said it would not appeal, and that payments would begin in spring.</p>"
        "</article></body></html>"
    )
    article = read_article(write(tmp_path, "harrow.html", page))
    assert article.outlet == "The Coastline Courier"


def test_a_short_article_whose_class_names_an_advert_setting_is_kept(tmp_path):
    page = (
        "<html><head><title>Pier reopens - Sandmouth News</title></head><body>"
        '<div class="article-body advert-free"><h2>Sandmouth pier reopens</h2>'
        "<p>Sandmouth pier reopened on Saturday after a two-year, £4m repair, the council "
        "said.</p><p>About 3,000 people walked its length on the first day.</p></div>"
        "</body></html>"
    )
    article = read_article(write(tmp_path, "pier.html", page))
    assert "Sandmouth pier reopened on Saturday" in article.text
    assert "About 3,000 people walked its length on the first day." in article.text


def test_a_release_issuer_named_under_its_labels_is_the_outlet_over_a_headline_in_capitals(
    tmp_path,
):
    release = (
        "MEDIA RELEASE\nFOR IMMEDIATE RELEASE\n\nKestwick Allotment Society (KAS)\n"
        "9 May 2025\n\nPLOT HOLDERS WIN FIGHT TO SAVE EASTFIELD SITE\n\n"
        "Plot holders at Eastfield have won their fight to keep the site, the Kestwick "
        "Allotment Society said today.\n\nENDS\n"
    )
    article = read_article(write(tmp_path, "release.txt", release))
    assert article.title == "PLOT HOLDERS WIN FIGHT TO SAVE EASTFIELD SITE"
    assert article.outlet == "Kestwick Allotment Society"
    assert article.date == "2025-05-09"
    assert "Kestwick Allotment Society (KAS)" in article.removed
    assert article.text.startswith("PLOT HOLDERS WIN FIGHT TO SAVE EASTFIELD SITE\n")


@pytest.mark.parametrize("tag", ["English translation", "English version", "English edition"])
def test_a_papers_name_over_its_translation_tag_is_the_outlet_not_the_headline(tmp_path, tag):
    story = (
        f"Correio de Almada — {tag}\n\nFerry strike leaves commuters stranded on the Tagus\n\n"
        "By Rita Couto\n\nThousands of commuters were stranded on Tuesday when ferry crews walked out.\n"
    )
    article = read_article(write(tmp_path, "story.txt", story))
    assert article.title == "Ferry strike leaves commuters stranded on the Tagus"
    assert article.outlet == "Correio de Almada"
    assert f"Correio de Almada — {tag}" in article.removed


@pytest.mark.parametrize(
    ("headline", "title", "note"),
    [
        (
            "OPINION: My street flooded twice. Nobody came. Now they want our votes.",
            "My street flooded twice. Nobody came. Now they want our votes.",
            "an opinion piece (its headline labelled 'OPINION')",
        ),
        (
            "Analysis: The council has a plan. It has no money.",
            "The council has a plan. It has no money.",
            "an analysis (its headline labelled 'Analysis')",
        ),
        (
            "Our town kept its library. Yours can too.",
            "Our town kept its library. Yours can too.",
            None,
        ),
    ],
)
def test_a_headline_of_short_sentences_over_the_byline_is_the_headline_without_its_label(
    tmp_path, headline, title, note
):
    column = (
        f"{headline}\n\nBy Tobias Wren\n\n"
        "Tobias Wren is a retired engineer in Dunmore. The views expressed are his own.\n\n"
        "The water came through the front door at two in the morning.\n\n"
        "By the time the pumps arrived, the ground floor was gone.\n"
    )
    article = read_article(write(tmp_path, "column.txt", column))
    assert article.title == title
    assert article.author == "Tobias Wren"
    assert ([note] if note else []) == [n for n in article.notes if "labelled" in n]
    # the writer's note closing with the paper's disclaimer is no reporting
    assert "retired engineer" not in article.text
    assert article.text.startswith(f"{headline}\n")  # the body keeps the headline as printed
