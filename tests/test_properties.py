"""Random and hostile text never crashes reading, rule finding, merging or rendering."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import Labels, assemble_extraction, build_request, prepare_article
from pipeline.merge import merge_extractions
from pipeline.read import Article, clean_text, read_articles
from pipeline.render import render_json, render_markdown
from pipeline.rules.quotes import find_quotes
from schemas.extraction import ExtractionStats

# Text rich in the characters the rules care about.
HOSTILE = st.text(
    alphabet=st.sampled_from(list("“”‘’\"'«»,.:;!?-—()[]\n\t 0123456789aAbBzZé€\u200b\x00"))
    | st.characters(),
    max_size=2000,
)
PROSE = st.lists(
    st.sampled_from(
        ["Rutte said:", "“We will see,”", "he added.", "\"Two,", "at least 1,500 troops", "on Oct 24",
         "\n\n", "“", "”", "Nato", "— Mark Rutte", "'scare'", "Zelensky", "10,000", "PHOTO: X\n"]
    ),
    max_size=80,
).map(" ".join)  # fmt: skip
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.one_of(HOSTILE, PROSE))
def test_quote_spans_are_always_verbatim_and_on_one_line(text):
    for span in find_quotes(text):
        assert text[span.start : span.end] == span.text
        assert "\n" not in span.text


@FAST
@given(st.one_of(HOSTILE, PROSE))
def test_cleaning_only_drops_or_joins_whole_lines(text):
    cleaned = clean_text(text)
    flat = " ".join(text.split())
    for paragraph in cleaned.body.split("\n\n"):
        assert " ".join(paragraph.split()) in flat
    for line in cleaned.removed:
        assert " ".join(line.split()) in flat


@FAST
@given(st.one_of(HOSTILE, PROSE))
def test_rules_merge_and_render_survive_any_article(text):
    article = Article(id="S1", path="a.txt", text=text, sha256="x")
    prepared = prepare_article(article)
    if prepared.sentences:
        build_request(prepared, prepared.sentences)
    extraction = assemble_extraction(prepared, Labels(), ExtractionStats())
    brief = merge_extractions([extraction])
    markdown = render_markdown(brief)
    assert markdown.startswith("# ")
    json.loads(render_json(brief))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=3000))
def test_reading_any_bytes_never_crashes(tmp_path, data):
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_text("A real article that says something.\n", encoding="utf-8")
    result = read_articles(tmp_path)
    assert any(a.path == "b.txt" for a in result.articles)
    assert {a.path for a in result.articles} | {p.path for p in result.problems} >= {"b.txt"}
