"""Merging is tested on constructed values: no model, no files."""

from __future__ import annotations

from values import event, extraction, figure, quote, source, stance

from pipeline.merge import UNATTRIBUTED, find_near_duplicates, independent, merge_extractions
from schemas.brief import Failure


def test_same_quote_from_two_outlets_appears_once_with_both_sources():
    brief = merge_extractions(
        [
            extraction(
                "S1",
                quotes=[
                    quote("S1", 1, "We continue to monitor the situation closely", "Mark Rutte")
                ],
            ),
            extraction(
                "S2",
                quotes=[quote("S2", 1, "We continue to monitor the situation closely", "Mr Rutte")],
            ),
        ]
    )
    [group] = brief.speakers
    assert group.speaker == "Mark Rutte"
    [entry] = group.quotes
    assert entry.sources == ["S1", "S2"]
    assert entry.ids == ["S1.Q1", "S2.Q1"]


def test_partial_quote_is_folded_into_the_fuller_one():
    brief = merge_extractions(
        [
            extraction("S1", quotes=[quote("S1", 1, "significant escalation", "Rutte", "partial")]),
            extraction(
                "S2",
                quotes=[
                    quote(
                        "S2", 1, "The deployment represents a significant escalation", "Mark Rutte"
                    )
                ],
            ),
        ]
    )
    [group] = brief.speakers
    [entry] = group.quotes
    assert entry.text == "The deployment represents a significant escalation"
    assert entry.sources == ["S2"]  # only S2 holds the full words
    assert [(v.text, v.kind, v.sources) for v in entry.variants] == [
        ("significant escalation", "part", ["S1"])
    ]


def test_other_wording_of_the_same_quote_keeps_each_source_verbatim():
    fuller = (
        "Over 600,000 Russian soldiers have been killed or wounded in Putin's war, and he is unable"
    )
    other = (
        "Over 600,000 Russian soldiers have been killed or wounded in Putin’s war and he is unable"
    )
    brief = merge_extractions(
        [
            extraction("S1", quotes=[quote("S1", 1, fuller, "Mark Rutte")]),
            extraction("S2", quotes=[quote("S2", 1, other, "Mr Rutte")]),
        ]
    )
    [entry] = brief.speakers[0].quotes
    assert (entry.text, entry.sources) == (fuller, ["S1"])
    assert [(v.text, v.kind, v.sources) for v in entry.variants] == [(other, "wording", ["S2"])]


def test_quotes_are_grouped_by_canonical_speaker_across_name_forms():
    brief = merge_extractions(
        [
            extraction("S1", quotes=[quote("S1", 1, "First words here", "Volodymyr Zelensky")]),
            extraction("S2", quotes=[quote("S2", 1, "Other words there", "Zelenskyy")]),
            extraction(
                "S3",
                quotes=[quote("S3", 1, "Something else entirely", "President Volodymyr Zelenskyy")],
            ),
        ]
    )
    assert [g.speaker for g in brief.speakers] == ["Volodymyr Zelensky"]
    assert len(brief.speakers[0].quotes) == 3


def test_unattributed_quotes_are_listed_last_and_scare_quotes_not_at_all():
    brief = merge_extractions(
        [
            extraction(
                "S1",
                quotes=[
                    quote("S1", 1, "Nobody knows who said this", None),
                    quote("S1", 2, "aggression", None, "scare"),
                    quote("S1", 3, "A named person said this", "Joe Biden"),
                ],
            )
        ]
    )
    assert [g.speaker for g in brief.speakers] == ["Joe Biden", UNATTRIBUTED]
    assert all(q.text != "aggression" for g in brief.speakers for q in g.quotes)


def test_same_quote_given_to_different_speakers_is_a_difference():
    brief = merge_extractions(
        [
            extraction(
                "S1",
                quotes=[
                    quote("S1", 1, "This is a grave escalation of the war", "Ursula von der Leyen")
                ],
            ),
            extraction(
                "S2", quotes=[quote("S2", 1, "This is a grave escalation of the war", "Mark Rutte")]
            ),
        ]
    )
    [difference] = [d for d in brief.differences if d.kind == "attribution"]
    assert (
        "Mark Rutte" in difference.description and "Ursula von der Leyen" in difference.description
    )
    assert difference.sources == ["S1", "S2"]


def test_figures_about_the_same_quantity_with_different_values_are_flagged():
    brief = merge_extractions(
        [
            extraction(
                "S1",
                figures=[
                    figure("S1", 1, "1,500", "North Korean troops", "South Korea's spy agency")
                ],
            ),
            extraction(
                "S2",
                figures=[figure("S2", 1, "10,000", "North Korean troops", "US defence department")],
            ),
            extraction(
                "S3", figures=[figure("S3", 1, "3,000", "North Korean soldiers", "John Kirby")]
            ),
            extraction("S4", figures=[figure("S4", 1, "250", "sq km of territory")]),
        ]
    )
    troops = next(g for g in brief.figures if "North Korean" in g.counts)
    assert troops.differs
    assert [c.value for c in troops.claims] == ["1,500", "3,000", "10,000"]
    assert troops.claims[0].claimant == "South Korea's spy agency"
    territory = next(g for g in brief.figures if "territory" in g.counts)
    assert not territory.differs
    [difference] = [d for d in brief.differences if d.kind == "figures"]
    assert "1,500" in difference.description and "10,000" in difference.description
    assert difference.sources == ["S1", "S2", "S3"]


def test_same_figure_in_two_sources_is_one_claim():
    brief = merge_extractions(
        [
            extraction(
                "S1",
                figures=[figure("S1", 1, "600,000", "Russian soldiers killed or wounded", "Rutte")],
            ),
            extraction(
                "S2",
                figures=[
                    figure("S2", 1, "600,000", "Russian soldiers killed or wounded", "Mark Rutte")
                ],
            ),
        ]
    )
    [group] = brief.figures
    [claim] = group.claims
    assert claim.sources == ["S1", "S2"]
    assert claim.claimant == "Mark Rutte"
    assert not group.differs


def test_events_reported_by_several_sources_are_clustered_and_ranked_first():
    text = "Nato confirmed that North Korean troops have been deployed to Russia's Kursk region."
    brief = merge_extractions(
        [
            extraction(
                "S1",
                events=[
                    event("S1", 1, "Fighting continued in the east of Ukraine."),
                    event("S1", 2, text),
                ],
            ),
            extraction(
                "S2",
                events=[
                    event(
                        "S2",
                        1,
                        "NATO confirmed on Monday that North Korean troops were deployed to the Kursk region.",
                        "on Monday",
                    )
                ],
            ),
        ]
    )
    first = brief.events[0]
    assert first.sources == ["S1", "S2"]
    assert first.when == "on Monday"
    assert {e.source for e in first.evidence} == {"S1", "S2"}
    assert brief.events[1].sources == ["S1"]
    assert brief.lede[0].sources == ["S1", "S2"]


def test_stances_are_merged_by_actor_and_position():
    brief = merge_extractions(
        [
            extraction("S1", stances=[stance("S1", "Mark Rutte", "warns")]),
            extraction(
                "S2",
                stances=[
                    stance("S2", "Mr Rutte", "warns"),
                    stance("S2", "Dmitry Peskov", "denies"),
                ],
            ),
        ]
    )
    rows = {(r.actor, r.position): r.sources for r in brief.stances}
    assert rows == {("Mark Rutte", "warns"): ["S1", "S2"], ("Dmitry Peskov", "denies"): ["S2"]}


def test_every_stance_is_on_the_story_main_development_named_once():
    brief = merge_extractions(
        [
            extraction(
                "S1",
                source=source("S1", title="Port workers vote to strike"),
                stances=[stance("S1", "Mary Doyle", "supports")],
            ),
            extraction(
                "S2",
                source=source("S2", title="Ports face strike next month"),
                stances=[stance("S2", "Harold Finch", "opposes")],
            ),
        ]
    )
    assert brief.stance_target == "Port workers vote to strike"
    assert {(r.actor, r.position, r.target) for r in brief.stances} == {
        ("Mary Doyle", "supports", "Port workers vote to strike"),
        ("Harold Finch", "opposes", "Port workers vote to strike"),
    }
    assert merge_extractions([extraction("S1")]).stance_target is None


def test_failed_articles_and_unreadable_files_are_listed_not_merged():
    brief = merge_extractions(
        [
            extraction("S1", quotes=[quote("S1", 1, "Real words", "Joe Biden")]),
            extraction("S2", error="model endpoint failed: timeout"),
        ],
        failures=[Failure(path="photo.txt", reason="binary data")],
    )
    assert [f.path for f in brief.failures] == ["photo.txt", "s2.txt"]
    assert [s.id for s in brief.sources] == ["S1", "S2"]


def test_near_duplicate_is_detected_and_counted_once():
    base = (
        "North Korean troops have been deployed to Russia, Nato has said for the first time. "
        "The alliance's Secretary General said he could confirm the deployment after weeks of reports. "
        "The newly installed Nato chief said the deployment represented a significant escalation. "
    )
    longer = base + "Many other sentences follow in the longer version of the same article today."
    other = "A completely different article about the weather in Brussels on a cold Monday morning."
    duplicates = find_near_duplicates({"S1": base, "S2": longer, "S3": other})
    assert duplicates == {"S1": "S2"}
    assert independent(["S1", "S2", "S3"], duplicates) == 2
    brief = merge_extractions(
        [extraction("S1"), extraction("S2"), extraction("S3")], duplicates=duplicates
    )
    assert [s.duplicate_of for s in brief.sources] == ["S2", None, None]


def test_title_prefers_an_article_title():
    brief = merge_extractions([extraction("S1", source=source("S1", title="Nato confirms troops"))])
    assert brief.title == "Nato confirms troops"


def test_time_phrases_become_dates_from_each_sources_own_date():
    brief = merge_extractions(
        [
            extraction("S1", source=source("S1", date="2024-10-28"),
                       events=[event("S1", 1, "Nato confirmed the troops were in Kursk.", "on Monday")]),
            extraction("S2", source=source("S2", date="2024-10-29"),
                       events=[event("S2", 1, "Nato confirmed that troops were in Kursk.", "yesterday")]),
        ]
    )  # fmt: skip
    [merged] = brief.events
    assert merged.date == "2024-10-28"
