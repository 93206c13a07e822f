"""Rendering is tested on constructed values: Markdown for people, JSON against the schema."""

from __future__ import annotations

import json
import os
import stat

import jsonschema
import pytest
from values import event, extraction, figure, quote, source, stance

from pipeline.files import write_atomic
from pipeline.merge import merge_extractions
from pipeline.render import brief_schema, render_json, render_markdown
from schemas.brief import Failure
from tools.export_schemas import PUBLISHED, SCHEMA_DIR, schema_text


@pytest.fixture
def brief():
    return merge_extractions(
        [
            extraction(
                "S1",
                source=source(
                    "S1", outlet="BBC News", title="Nato confirms troops | Kursk", date="2024-10-28"
                ),
                quotes=[
                    quote(
                        "S1",
                        1,
                        "a significant escalation of the war",
                        "Mark Rutte, Nato Secretary General",
                        "partial",
                    )
                ],
                figures=[
                    figure("S1", 1, "1,500", "North Korean troops", "South Korea's spy agency")
                ],
                events=[
                    event("S1", 1, "Nato confirmed North Korean troops are in Kursk.", "on Monday")
                ],
                stances=[stance("S1", "Mr Rutte", "warns")],
            ),
            extraction(
                "S2",
                source=source("S2", outlet="The Sun", outlet_inferred=True),
                quotes=[quote("S2", 1, "This is our sovereign decision,", "Vladimir Putin")],
                figures=[
                    figure("S2", 1, "10,000", "North Korean troops", "Pentagon"),
                    figure("S2", 2, "250", "sq km of territory"),
                ],
                events=[
                    event("S2", 1, "Nato confirmed North Korean troops are in the Kursk region.")
                ],
            ),
        ],
        duplicates={},
        failures=[Failure(path="scan.txt", reason="binary data (PDF, image or archive?)")],
    )


def test_markdown_has_every_section_with_source_markers(brief):
    markdown = render_markdown(brief)
    for heading in [
        "# Nato confirms troops \\| Kursk",
        "## Summary",
        "## Timeline",
        "## Who said what",
        "## Stances",
        "## Figures",
        "## Where sources differ",
        "## Sources",
        "## People and bodies",
        "## Not processed",
    ]:
        assert heading in markdown
    assert "### Mark Rutte — Nato Secretary General" in markdown
    assert "- “a significant escalation of the war” [S1]" in markdown
    # what every position is on is said, even where it is the title
    stances = markdown.split("## Stances")[1].split("## Who said what")[0]
    assert brief.stance_target == brief.title
    assert "On: Nato confirms troops" in stances
    other = render_markdown(brief.model_copy(update={"stance_target": "Troops in Kursk"}))
    assert other.split("## Stances")[1].lstrip().startswith("On: Troops in Kursk\n")
    assert "- *warns*: Mark Rutte [S1]" in stances
    assert "[S1, S2] (2/2)" in markdown
    # the summary states the only key development, with its count and time: no list says
    # it again
    summary = markdown.split("## Summary")[1].split("##")[0]
    [key] = [e for e in brief.events if e.shown == "key"]
    assert key.lede_sentence == 0
    assert f"{key.summary} (on Monday) [S1, S2] (2/2)" in summary
    assert "## Key developments" not in markdown
    assert markdown.count(key.summary) == 2  # and on the timeline
    # a sentence of a lede that states no development has no count; the list gives them all
    own = brief.lede[0].model_copy(update={"text": "Troops from the North are now in Kursk."})
    unmarked = [e.model_copy(update={"lede_sentence": None}) for e in brief.events]
    with_own = render_markdown(brief.model_copy(update={"lede": [own], "events": unmarked}))
    summary = with_own.split("## Summary")[1].split("##")[0]
    assert summary.strip() == "Troops from the North are now in Kursk. [S1, S2]"
    assert key.summary in with_own.split("## Key developments")[1].split("##")[0]
    assert "at least" not in markdown  # no qualifier was given
    # differing values are where sources differ, near the top; agreeing ones under figures
    assert (
        "- **North Korean troops**: 1,500 (South Korea's spy agency) [S1]; 10,000 (Pentagon) [S2]"
        in markdown
    )
    assert "- sq km of territory: 250 [S2]" in markdown
    assert markdown.index("## Where sources differ") < markdown.index("## Who said what")
    assert "**S2** The Sun (inferred from the text)" in markdown
    assert "`scan.txt`: binary data" in markdown


def test_every_line_of_the_body_carries_a_marker_that_resolves(brief):
    markdown = render_markdown(brief)
    body = markdown.split("## Sources")[0]
    known = {s.id for s in brief.sources}
    for line in body.splitlines():
        if (
            line.startswith("- ")
            or line.startswith("| ")
            and "---" not in line
            and "Actor" not in line
        ):
            found = {m for m in known if f"[{m}" in line or f" {m}]" in line or f", {m}" in line}
            assert found, line


def test_json_validates_against_the_published_schema(brief):
    data = json.loads(render_json(brief))
    jsonschema.validate(data, brief_schema())
    assert data["figures"][0]["differs"] is True


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_json_that_breaks_the_schema_is_refused(brief):
    broken = brief.model_copy(update={"title": 42})
    with pytest.raises(jsonschema.ValidationError):
        render_json(broken)


def test_published_schemas_are_current():
    for name, model in PUBLISHED.items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == schema_text(model), (
            f"{name} is stale: run python -m tools.export_schemas"
        )


def test_write_atomic_replaces_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "brief.md"
    write_atomic(target, "first\n")
    write_atomic(target, "second\n")
    assert target.read_text() == "second\n"
    assert [p.name for p in target.parent.iterdir()] == ["brief.md"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask  # not mkstemp's private 0600


def test_compact_lines_say_nothing_twice(brief):
    from schemas.brief import ClaimSide, Difference, FigureClaim, FigureGroup, MergedEvent

    dated = MergedEvent(
        summary="Talks resume on Thursday.", sources=["S1"], independent_sources=1,
        when="on Thursday", shown="key", evidence=[],
    )  # fmt: skip
    undated = dated.model_copy(update={"summary": "Talks resume at the conciliation service."})
    agreed = FigureClaim(
        value="£6.2 million", number=6.2e6, unit="GBP", qualifier="about / some",
        written=["£6.2 million", "£6.2m"], claimant="the company", sources=["S1", "S2"], evidence=[],
    )  # fmt: skip
    nameless = FigureClaim(value="58", number=58, sources=["S2"], evidence=[])
    sides = [
        ClaimSide(actor="Nato", position="confirms", sources=["S1"], evidence=[]),
        ClaimSide(actor="Rutte", position="confirms", sources=["S2"], evidence=[]),
        ClaimSide(actor="The Kremlin", position="denies", sources=["S2"], evidence=[]),
    ]
    markdown = render_markdown(
        brief.model_copy(
            update={
                "events": [dated, undated],
                "figures": [
                    FigureGroup(counts="operating profit", claims=[agreed], differs=False),
                    FigureGroup(counts="", claims=[nameless], differs=False),
                ],
                "differences": [
                    Difference(
                        kind="claim",
                        topic="Troops are in Kursk",
                        description="",
                        sources=["S1", "S2"],
                        sides=sides,
                    ),
                ],  # fmt: skip
            }
        )
    )
    # a time phrase the sentence holds is not said again beside it
    assert "- Talks resume on Thursday. [S1]" in markdown
    assert "- Talks resume at the conciliation service. (on Thursday) [S1]" in markdown
    # one line per quantity: its first written form, its first qualifier, who claims it
    assert "- operating profit: about £6.2 million (the company) [S1, S2]\n" in markdown
    # a figure naming nothing it counts is left to the JSON, counted, never quoted raw
    assert "1 more figure, without what it counts, in the JSON" in markdown
    assert "“" not in markdown.split("## Figures")[1].split("## ")[0]
    # each position once, with every actor that takes it
    assert "*confirms*: Nato [S1], Rutte [S2]; *denies*: The Kremlin [S2]" in markdown


def test_stances_are_one_line_per_position_with_every_actor_who_takes_it():
    from pipeline.merge import merge_extractions

    brief = merge_extractions(
        [
            extraction(
                "S1",
                stances=[stance("S1", "Ana Ruiz", "opposes"), stance("S1", "Ben Ode", "supports")],
            ),
            extraction("S2", stances=[stance("S2", "Cy Lam", "opposes")]),
        ]
    )
    stances = render_markdown(brief).split("## Stances")[1].split("##")[0]
    lines = [line for line in stances.splitlines() if line.startswith("- ")]
    # against before for; each actor with its sources, no quote (the JSON keeps the evidence)
    assert lines == ["- *opposes*: Ana Ruiz [S1], Cy Lam [S2]", "- *supports*: Ben Ode [S1]"]


def test_unnamed_people_in_a_stance_line_are_counted_with_their_sources():
    """'one mum', 'a retired nurse': no one to name; the line counts them and cites their
    sources, and the JSON keeps each."""
    from pipeline.merge import merge_extractions

    brief = merge_extractions(
        [
            extraction(
                "S1",
                stances=[stance("S1", "Ana Ruiz", "opposes"), stance("S1", "one mum", "opposes")],
            ),
            extraction("S3", stances=[stance("S3", "a retired nurse", "opposes")]),
        ]
    )
    stances = render_markdown(brief).split("## Stances")[1].split("##")[0]
    lines = [line for line in stances.splitlines() if line.startswith("- ")]
    assert lines == ["- *opposes*: Ana Ruiz [S1], 2 unnamed people [S1, S3]"]
    assert {r.actor for r in brief.stances} >= {"one mum", "a retired nurse"}


def test_speakers_left_to_the_json_are_still_named_with_their_sources():
    from pipeline.merge import merge_extractions

    brief = merge_extractions(
        [
            extraction(
                "S1", quotes=[quote("S1", 1, "We will rebuild the pier by spring.", "Ana Ruiz")]
            )
        ]
    )
    for group in brief.speakers:
        for entry in group.quotes:
            entry.listed = False  # as a tight budget leaves them
    markdown = render_markdown(brief)
    assert "*Also quoted (in the JSON):* Ana Ruiz [S1]" in markdown


def test_each_stance_actor_is_named_once_under_the_position_most_sources_show():
    from pipeline.merge import merge_extractions

    brief = merge_extractions(
        [
            extraction("S1", stances=[stance("S1", "Ana Ruiz", "supports")]),
            extraction("S2", stances=[stance("S2", "Ana Ruiz", "supports")]),
            extraction(
                "S3",
                stances=[stance("S3", "Ana Ruiz", "defends"), stance("S3", "Cy Lam", "warns")],
            ),
            extraction("S4", stances=[stance("S4", "Ana Ruiz", "condemns")]),
        ]
    )
    stances = render_markdown(brief).split("## Stances")[1].split("##")[0]
    assert stances.count("Ana Ruiz") == 1
    lines = [line for line in stances.splitlines() if line.startswith("- ")]
    assert lines == [
        "- *warns*: Cy Lam [S3]",
        "- *supports*: Ana Ruiz [S1, S2] (also condemns [S4]; defends [S3])",
    ]


def test_people_and_bodies_lists_other_names_not_case_nor_descriptions():
    from pathlib import Path

    from pipeline.run import run_folder
    from schemas.brief import Entity

    story = Path(__file__).parent / "stories" / "bus-strike"
    brief = run_folder(story, None).brief.model_copy(
        update={
            "entities": [
                Entity(name="the company", forms=["the company", "The company"], sources=["S1"]),
                Entity(name="Nato", forms=["Nato", "NATO"], sources=["S1", "S2"]),
                Entity(name="Mark Rutte", forms=["Mark Rutte", "Rutte"], sources=["S1"]),
            ],
            "left_to_json": [],
        }
    )
    section = render_markdown(brief).split("## People and bodies", 1)[1].split("## ", 1)[0]
    assert "Mark Rutte" in section and "Rutte" in section
    assert "company" not in section and "NATO" not in section
    # a brief fitted to its length leaves the other names to the JSON, and says so
    fitted = render_markdown(brief.model_copy(update={"left_to_json": ["people"]}))
    assert "## People and bodies" not in fitted
    assert "the other names of people and bodies" in fitted


def test_a_service_pieces_headline_is_not_the_briefs_title():
    from pipeline.merge import _title
    from schemas.extraction import SourceInfo

    def source(sid: str, title: str) -> SourceInfo:
        return SourceInfo(id=sid, path=f"{sid}.txt", title=title, characters=100, sha256="x")

    sources = [
        source("S1", "Kettle recall: what owners need to know"),
        source("S2", "Maker recalls 60,000 kettles after lids fly open"),
    ]
    assert _title(sources, []) == "Maker recalls 60,000 kettles after lids fly open"
    assert _title(sources[:1], []) == "Kettle recall: what owners need to know"  # no other


@pytest.mark.parametrize(
    "page",
    [
        "Flood barrier vote: councillors back £9m plan - as it happened",
        "Flood barrier vote – live updates",
        "Flood barrier vote - live",
    ],
)
def test_a_live_pages_headline_is_not_the_briefs_title(page):
    from pipeline.merge import _title
    from schemas.extraction import SourceInfo

    sources = [
        SourceInfo(id="S1", path="S1.html", title=page, characters=100, sha256="x"),
        SourceInfo(id="S2", path="S2.txt", title="Council backs £9m flood barrier", characters=100,
                   sha256="x"),
    ]  # fmt: skip
    assert _title(sources, []) == "Council backs £9m flood barrier"


def test_a_quote_given_in_translation_is_marked_so_in_the_markdown_and_the_json():
    brief = merge_extractions(
        [
            extraction(
                "S1",
                quotes=[
                    quote(
                        "S1", 1, "The harbour will reopen before the feast day.", "Iva Marić"
                    ).model_copy(update={"translated": True}),
                    quote("S1", 2, "We counted every boat twice.", "Iva Marić"),
                ],
            )
        ]
    )
    markdown = render_markdown(brief)
    assert "- “The harbour will reopen before the feast day.” (translated) [S1]" in markdown
    assert "- “We counted every boat twice.” [S1]" in markdown
    entries = json.loads(render_json(brief))["speakers"][0]["quotes"]
    assert [e["translated"] for e in entries] == [True, False]
