"""Reading a folder: formats, metadata, boilerplate, and files that must not stop a run."""

from __future__ import annotations

import json

import pytest

from pipeline.errors import InputError
from pipeline.read import clean_text, read_articles

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
    with pytest.raises(InputError, match="is not a folder"):
        read_articles(tmp_path / "nope")
