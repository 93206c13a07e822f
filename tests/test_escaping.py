"""Everything that comes from input reaches the Markdown escaped, on one path
(``render.escape_md``): rendered to HTML by a CommonMark renderer with tables, strikethrough
and bare-link detection, a hostile brief has no element, link, image or section of its own."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from values import event, extraction, figure, quote, source, stance

from pipeline.merge import merge_extractions
from pipeline.render import escape_md, render_markdown
from schemas.brief import Failure

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "![tracker](https://evil.example/pixel.png)",
    "see https://evil.example/x and www.evil.example",
    "**bold** _em_ `code` ~~gone~~ | table | cell",
    "2024-01-01\n\n## Injected section\n\n- item",
    "# heading",
    "> quoted",
    "1. listed",
    "\x1b[31mred\x1b[0m",
    "&lt;already&gt; &amp;",
    "<https://evil.example>",
    "[ref]: https://evil.example",
]


def render_html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def hostile_brief(payload: str):
    sid = "S1"
    article = extraction(
        sid,
        source=source(
            sid,
            path=f"{payload}.txt",
            title=payload,
            outlet=payload,
            date=payload,
            wire=payload,
        ),
        quotes=[quote(sid, 1, f"We said {payload} to them all", payload)],
        figures=[figure(sid, 1, "1,500", f"troops {payload}", claimant=payload)],
        events=[event(sid, 1, f"Troops arrived {payload}.", when=f"on 5 May {payload}")],
        stances=[stance(sid, payload, "supports", evidence=f"They said {payload}.")],
    )
    other = extraction(
        "S2",
        quotes=[quote("S2", 1, f"We said {payload} to them all", payload)],
        figures=[figure("S2", 1, "3,000", f"troops {payload}", claimant=payload)],
        events=[event("S2", 1, f"Troops arrived {payload}.", when=f"on 5 May {payload}")],
    )
    return merge_extractions(
        [article, other], failures=[Failure(path=f"{payload}.md", reason=payload)]
    )


def tags(html: str) -> list[str]:
    return re.findall(r"<(/?[a-z0-9]+)", html)


@pytest.mark.parametrize("payload", HOSTILE, ids=range(len(HOSTILE)))
def test_no_field_from_input_adds_markup(payload):
    """The hostile brief renders to the same elements as one whose every field is plain."""

    def rendered(text):
        brief = hostile_brief(text)
        markdown = render_markdown(brief.model_copy(update={"title": text}))
        return markdown, render_html(markdown)

    markdown, html = rendered(payload)
    _, plain = rendered("plain words")
    assert tags(html) == tags(plain)
    assert "<script" not in html and "<img" not in html and "href=" not in html
    assert "\x1b" not in markdown
    # viewers that link bare addresses (GitHub) find no scheme or www. to link, outside code
    outside_code = re.sub(r"(`+).*?\1", "", markdown)
    assert not re.search(r"(?i)(https?|javascript):|www\.", outside_code)


def test_escaped_text_reads_as_the_original():
    for payload in ["AT&T said “no” to <b>bold</b> *claims* in [brackets]", "Putin's_war"]:
        html = render_html(escape_md(payload))
        text = re.sub(r"<[^>]+>", "", html).strip()
        import html as html_lib

        assert html_lib.unescape(text) == payload


def test_file_names_are_code_spans_whatever_backticks_they_hold():
    assert escape_md("a_b.txt", code=True) == "`a_b.txt`"
    span = escape_md("x`y``z.txt", code=True)
    assert render_html(span).strip() == "<p><code>x`y``z.txt</code></p>"
    assert (
        render_html(escape_md("<b>.txt", code=True)).strip() == "<p><code>&lt;b&gt;.txt</code></p>"
    )


def test_a_number_that_opens_a_field_keeps_its_digits_and_only_a_list_mark_is_escaped():
    assert escape_md("3.8 billion euros") == "3.8 billion euros"
    assert escape_md("1.2-billion-euro campus") == "1.2-billion-euro campus"
    assert escape_md("1. listed") == "1\\. listed" and escape_md("2) item") == "2\\) item"
    html = render_html(f"- value: {escape_md('3.8 billion euros')}\n")
    assert "\\" not in html and "3.8 billion euros" in html


def test_a_plain_ampersand_shows_as_written_and_an_entity_stays_literal():
    assert escape_md("Whitcombe & Sayre, AT&T") == "Whitcombe & Sayre, AT&T"
    html = render_html(escape_md("Smith &amp; Sons &#60;b&#62;"))
    assert "&amp;amp;" in html and "<b>" not in html
