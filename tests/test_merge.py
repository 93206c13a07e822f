"""Merging is tested on constructed values: no model, no files."""

from __future__ import annotations

from values import event, extraction, figure, quote, source, stance

from pipeline.merge import UNATTRIBUTED, find_near_duplicates, independent, merge_extractions
from pipeline.render import render_markdown
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


def test_values_one_source_tells_apart_are_not_a_difference_between_others():
    # S1 gives the offer (3) and the demand (7) in two sentences; S2 calls the offer a rise,
    # S3 the demand: two quantities, not two accounts of one.
    offer = figure("S1", 1, "3", "pay offer")
    demand = figure("S1", 2, "7", "rise")
    brief = merge_extractions(
        [
            extraction("S1", figures=[offer, demand]),
            extraction("S2", figures=[figure("S2", 1, "3", "pay rise")]),
            extraction("S3", figures=[figure("S3", 1, "7", "increase")]),
        ]
    )
    rise = next(g for g in brief.figures if g.counts.endswith("rise"))
    assert [c.value for c in rise.claims] == ["3", "7"]
    assert rise.claims[1].sources == ["S1", "S3"]  # 'increase' is counted as a rise
    assert not rise.differs
    assert not [d for d in brief.differences if d.kind == "figures"]


def test_rival_claimants_in_one_source_still_differ():
    police = figure("S1", 1, "10", "people killed", "police")
    hospital = figure("S1", 2, "12", "people killed", "the hospital")
    brief = merge_extractions(
        [
            extraction("S1", figures=[police, hospital]),
            extraction("S2", figures=[figure("S2", 1, "10", "people killed")]),
            extraction("S3", figures=[figure("S3", 1, "12", "people killed")]),
        ]
    )
    assert [g.differs for g in brief.figures if g.counts] == [True]


def money(sid: str, n: int, value: str, counts: str, claimant: str | None, text: str):
    """A figure in dollars (millions) as a sentence gives it."""
    return figure(sid, n, value, counts, claimant).model_copy(
        update={"number": float(value) * 1e6, "unit": "USD", "sentence_text": text}
    )


def test_sums_a_cost_word_names_are_one_quantity_and_rival_claimants_differ():
    """The council's figure for the work and a critic's, each worded as its outlet words a
    cost ('cost of the works', 'the bill', 'the cost'): one quantity, two accounts."""
    brief = merge_extractions(
        [
            extraction("S1", figures=[
                money("S1", 1, "8", "cost of the works", "the council",
                      "The council put the cost of the works at $8 million."),
                money("S1", 2, "11", "", "Jo Marsh",
                      "Jo Marsh said the full survey gave a range that rose to $11 million."),
            ]),
            extraction("S2", figures=[
                money("S2", 1, "11", "bill", "Jo Marsh", "Jo Marsh said the bill was $11 million."),
            ]),
            extraction("S3", figures=[
                money("S3", 1, "8", "cost", None, "The cost is $8 million, officials said."),
            ]),
        ]
    )  # fmt: skip
    [cost] = [g for g in brief.figures if g.differs]
    assert [(c.value, c.claimant, c.sources) for c in cost.claims] == [
        ("8", "the council", ["S1", "S3"]),
        ("11", "Jo Marsh", ["S1", "S2"]),
    ]
    [difference] = [d for d in brief.differences if d.kind == "figures"]
    assert difference.sources == ["S1", "S2", "S3"]


def test_what_a_backer_contributes_is_one_sum_whoever_words_it():
    """A builder's pledge and the planners' valuation of it, one worded as a verb
    ('will contribute'), the other as a noun ('its contribution'): rival accounts of one
    sum."""
    brief = merge_extractions(
        [
            extraction("S1", figures=[
                money("S1", 1, "3.6", "", "Harlow Build",
                      "Harlow Build said it would contribute 3.6 million pounds to the library."),
            ]),
            extraction("S2", figures=[
                money("S2", 1, "3.1", "", "Planners",
                      "Planners valued the builder's contribution at 3.1 million pounds."),
            ]),
        ]
    )  # fmt: skip
    [sums] = [g for g in brief.figures if g.differs]
    assert sums.counts == "contribution"
    assert [c.claimant for c in sums.claims] == ["Planners", "Harlow Build"]


def test_a_cost_word_names_a_sum_of_money_only():
    from pipeline.merge import _figure_key

    assert _figure_key(money("S1", 1, "8", "repair bill", None, ""))[1:3] == (
        "sum:cost",
        frozenset({"repair"}),
    )
    assert _figure_key(money("S1", 1, "8", "cost overrun", None, ""))[1] == "overrun"
    # a count of bills passed is no cost
    assert _figure_key(figure("S1", 1, "3", "bills"))[1] == "bill"


def test_values_a_source_sets_against_each_other_are_rivals_in_all_its_sentences():
    """One live page gives the critic's '$11m, not $8m' and, later, the mayor's office on
    'the $8m figure', neither credited by name: it reports a dispute, it does not tell two
    quantities apart."""
    from pipeline.merge import told_apart

    rival = "The full survey puts the cost at up to $11m, not $8m, he says."
    later = "A spokesperson says the $8m figure is the best estimate."
    figures = [
        money("S2", 1, "11", "cost", None, rival),
        money("S2", 1, "8", "", None, rival),
        money("S2", 2, "8", "", None, later),
    ]
    assert told_apart(figures) == set()
    # without the contrast, one voice giving both tells them apart
    plain = [f.model_copy(update={"sentence_text": "The cost is $11m and $8m."}) for f in figures]
    assert len(told_apart(plain)) == 1


def test_a_count_at_one_named_place_is_a_part_not_the_whole():
    part = figure("S2", 1, "60", "drivers").model_copy(
        update={"sentence_text": "At Northgate, around 60 drivers have gathered."}
    )
    brief = merge_extractions(
        [
            extraction("S1", figures=[figure("S1", 1, "1,200", "drivers")]),
            extraction("S2", figures=[part]),
        ]
    )
    labels = sorted((g.counts, g.differs) for g in brief.figures)
    assert labels == [("drivers", False), ("drivers at Northgate", False)]


def test_a_figure_naming_nothing_joins_the_one_quantity_with_its_value():
    brief = merge_extractions(
        [
            extraction("S1", figures=[figure("S1", 1, "8", "rise")]),
            extraction("S2", figures=[figure("S2", 1, "8", "instead")]),
            extraction("S3", figures=[figure("S3", 1, "58", "")]),
        ]
    )
    rise = next(g for g in brief.figures if g.counts == "rise")
    assert rise.claims[0].sources == ["S1", "S2"]
    assert [g.counts for g in brief.figures] == ["rise", ""]


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


def test_a_stance_row_is_named_as_its_own_sources_spell_the_actor():
    """One outlet writes "Zelenskyy", another "Zelensky": a row citing only the second
    prints the second's spelling, so that its name is in every source it cites."""
    brief = merge_extractions(
        [
            extraction("S1", stances=[stance("S1", "Volodymyr Zelenskyy", "warns")]),
            extraction("S2", stances=[stance("S2", "Volodymyr Zelensky", "neutral")]),
        ]
    )
    rows = {(r.position, r.actor) for r in brief.stances}
    assert ("neutral", "Volodymyr Zelensky") in rows
    assert ("warns", "Volodymyr Zelenskyy") in rows


def test_a_stance_row_of_many_sources_lists_each_source_once_in_order_and_each_sentence_once():
    """Rows are gathered first and sorted once (not again with every stance): sources in
    S-number order, evidence in the order first seen, one per source and sentence."""
    order = [12, 3, 12, 1, 30, 3, 2]
    brief = merge_extractions(
        [
            extraction(
                f"S{n}",
                stances=[stance(f"S{n}", "Mark Rutte", "warns", f"Rutte warned in S{n}.")],
            )
            for n in order
        ]
    )
    (row,) = brief.stances
    assert row.sources == ["S1", "S2", "S3", "S12", "S30"]
    assert [e.source for e in row.evidence] == ["S12", "S3", "S1", "S30", "S2"]
    assert row.evidence[0].text == "Rutte warned in S12."


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


def test_wordings_that_differ_in_a_negation_number_name_or_modal_are_different_quotes():
    from pipeline.merge import same_claim

    pairs = [
        ("We will not send troops to the region this year", "We will now send troops to the region this year"),
        ("We won’t send troops to the region this year at all", "We want send troops to the region this year at all"),
        ("We will send 1,500 troops to the region this year", "We will send 1,600 troops to the region this year"),
        ("We will send three brigades to the region this year", "We will send two brigades to the region this year"),
        ("We will send troops to Poland this year, as agreed", "We will send troops to Latvia this year, as agreed"),
        ("We may send troops to the region later this year", "We must send troops to the region later this year"),
    ]  # fmt: skip
    for said, other in pairs:
        assert not same_claim(said, other), (said, other)
        brief = merge_extractions(
            [
                extraction("S1", quotes=[quote("S1", 1, said, "Anna Berg")]),
                extraction("S2", quotes=[quote("S2", 1, other, "Anna Berg")]),
            ]
        )
        entries = brief.speakers[0].quotes
        assert sorted(e.text for e in entries) == sorted([said, other])
        assert all(e.variants == [] for e in entries)


def test_wordings_that_differ_in_punctuation_or_a_small_word_stay_one_quote():
    from pipeline.merge import same_claim

    assert same_claim(
        "We will not send troops to the region, and we never will",
        "We will not send troops to the region and we never will",
    )
    assert same_claim(
        "The minister’s plan is a good one for the region",
        "The minister's plan is a good one for this region",
    )


def test_a_development_carries_only_the_markers_of_sources_that_support_its_line():
    """Events linked in a chain (A like B, B like C) are one cluster, but the line printed is
    one sentence: a source whose own sentence is not like it gets no marker on it."""
    line = "Floodwater reached the old mill on the river Esk."
    rain = "Heavy rain fell across the county for a third day on Tuesday."  # all three report it
    chained = [
        extraction("S1", events=[event("S1", 1, line), event("S1", 2, rain)]),
        extraction("S4", events=[event("S4", 1, line), event("S4", 2, rain)]),
        extraction("S2", events=[event("S2", 1, "Floodwater reached the old mill on the river Esk, "
                                 "near the town hall."),
                                 event("S2", 2, rain)]),
        extraction("S3", events=[event("S3", 1, "The mayor ordered the town hall evacuated as "
                                 "the council met overnight to plan the clean-up."), event("S3", 2, rain)]),
    ]  # fmt: skip
    brief = merge_extractions(chained)
    [mill] = [e for e in brief.events if "old mill" in e.summary]
    assert "S1" in mill.sources and "S3" not in mill.sources
    assert all(ev.source in mill.sources for ev in mill.evidence)
    assert any("S3" in e.sources for e in brief.events)  # kept, on a line of its own


def test_a_source_with_another_number_does_not_support_the_line():
    brief = merge_extractions(
        [
            extraction("S1", events=[event("S1", 1, "Storms cut power to 12,000 homes in Kent.")]),
            extraction("S2", events=[event("S2", 1, "Storms cut power to 12,000 homes in Kent on Sunday.")]),
            extraction("S3", events=[event("S3", 1, "Storms cut power to 40,000 homes in Kent on Sunday.")]),
        ]
    )  # fmt: skip
    [twelve] = [e for e in brief.events if "12,000" in e.summary]
    assert twelve.sources == ["S1", "S2"]  # S3 reports the cut, but not this number
    assert all(ev.source != "S3" for ev in twelve.evidence)
    assert not any("40,000" in e.summary and e.shown != "none" for e in brief.events)


def _distinct_article(n: int) -> str:
    """Articles on one kind of story that share no sentence (a folder of distinct ones)."""
    import random

    rng = random.Random(n)
    words = """ferry school clinic depot market library harbour mill bridge station council
        farm quarry chapel museum garage bakery tunnel orchard warehouse dairy pier""".split()
    towns = "Ashby Brora Corby Dunoon Elgin Filey Girvan Hythe Ilkley Jarrow Keswick".split()

    def some() -> str:
        return " and the ".join(rng.sample(words, 3))

    return (
        f"The {some()} in {rng.choice(towns)} closed after the storm flooded them. "
        f"Engineers said repairs to the {some()} would take {rng.randint(2, 90)} weeks. "
        f"The council of {rng.choice(towns)} promised money for the {some()} on Friday. "
    )


def test_near_copies_are_found_among_many_distinct_articles():
    texts = {f"S{n}": _distinct_article(n) for n in range(1, 61)}
    full = (
        "Storm Agnes flooded the river valley overnight, forcing hundreds from their homes. "
        "Rescue teams used boats to reach families stranded on the upper floors of houses. "
        "The Met Office issued an amber warning for more heavy rain on Tuesday afternoon. "
        "Schools across the district will stay closed until the water has gone down again. "
        "Insurers said the cost of the damage could run to tens of millions of pounds. "
    )
    texts["S90"] = full
    texts["S91"] = ". ".join(full.split(". ")[:4]) + "."  # a shortened copy
    texts["S92"] = full.replace("overnight", "at night").replace("amber", "red")
    duplicates = find_near_duplicates(texts)
    assert duplicates == {"S91": "S90", "S92": "S90"}


def test_a_story_wide_phrase_does_not_make_articles_copies():
    # every article opens with the same phrase: no article is a copy of another
    texts = {f"S{n}": "North Korean troops in Kursk. " + _distinct_article(n) for n in range(80)}
    assert find_near_duplicates(texts) == {}


def test_a_quote_part_is_whole_words_of_the_fuller_quote():
    brief = merge_extractions(
        [
            extraction("S1", quotes=[quote("S1", 1, "it sent a fake newsletter to every voter", "Rutte")]),
            extraction("S2", quotes=[quote("S2", 1, "fake news", "Peskov", "partial")]),
            extraction("S3", quotes=[quote("S3", 1, "sent a fake newsletter", "Rutte", "partial")]),
        ]
    )  # fmt: skip
    entries = {e.text: e for group in brief.speakers for e in group.quotes}
    assert set(entries) == {"it sent a fake newsletter to every voter", "fake news"}
    fuller = entries["it sent a fake newsletter to every voter"]
    assert [(v.text, v.kind, v.sources) for v in fuller.variants] == [
        ("sent a fake newsletter", "part", ["S3"])
    ]


def test_a_word_or_two_joins_only_its_own_speakers_quotation():
    # an analyst's "buy" rating and a defined term ("the Society") are no part of what
    # others said, though their longer words hold them
    brief = merge_extractions(
        [
            extraction("S1", quotes=[quote("S1", 1, "Savers who buy our bonds will be repaid", "Ada Voss")]),
            extraction("S2", quotes=[quote("S2", 1, "buy", "Tom Hale", "partial")]),
            extraction("S3", quotes=[quote("S3", 1, "the Society", None, "partial")]),
            extraction("S4", quotes=[quote("S4", 1, "We told the society in March", "Ruth Ames")]),
            extraction("S5", quotes=[quote("S5", 1, "be repaid", "Ada Voss", "partial")]),
        ]
    )  # fmt: skip
    owners = {e.text: g.speaker for g in brief.speakers for e in g.quotes}
    assert owners["buy"] == "Tom Hale"
    assert owners["the Society"] == UNATTRIBUTED
    fuller = next(e for g in brief.speakers for e in g.quotes if e.text.startswith("Savers"))
    assert [(v.text, v.sources) for v in fuller.variants] == [("be repaid", ["S5"])]
    assert not [d for d in brief.differences if d.kind == "attribution"]


def test_the_same_quote_in_many_sources_is_one_entry_whatever_the_folder_size():
    # 199 distinct quotes: the opening sentences of as many distinct articles
    quotes = [
        extraction(f"S{n}", quotes=[quote(f"S{n}", 1, _distinct_article(n)[:-2], "Price")])
        for n in range(1, 200)
    ]
    shared = [
        extraction(f"S{n}", quotes=[quote(f"S{n}", 2, "We will not give up on this town", "Price")])
        for n in range(200, 260)
    ]
    reworded = extraction("S999", quotes=[quote("S999", 2, "We will not give up on this town!", "Price")])  # fmt: skip
    brief = merge_extractions([*quotes, *shared, reworded])
    [group] = brief.speakers
    [entry] = [e for e in group.quotes if e.text.startswith("We will not")]
    held = [*entry.sources, *(s for v in entry.variants for s in v.sources)]
    assert sorted(held) == sorted(["S999", *(f"S{n}" for n in range(200, 260))])
    assert len(entry.variants) == 1  # the other wording, with its own sources
    assert len(group.quotes) == 200


def test_the_same_words_with_another_closing_comma_or_stop_are_one_quote_not_a_rewording():
    brief = merge_extractions(
        [
            extraction("S1", quotes=[quote("S1", 1, "We were told the dam was safe only last month,", "Margaret Ellis")]),
            extraction("S2", quotes=[quote("S2", 1, "We were told the dam was safe only last month.", "Margaret Ellis")]),
        ]
    )  # fmt: skip
    [entry] = brief.speakers[0].quotes
    assert entry.sources == ["S1", "S2"] and entry.variants == []


def test_a_single_source_development_that_a_difference_shows_is_not_listed_again():
    from pipeline.merge import _not_said_again
    from schemas.brief import Difference, MergedEvent

    def event(summary: str, shown: str) -> MergedEvent:
        return MergedEvent(
            summary=summary, sources=["S4"], independent_sources=1, shown=shown, evidence=[]
        )

    said = event(
        'NATO called on Russia and North Korea to "cease these actions immediately."', "single"
    )
    other = event("Kyiv urged its allies to supply it with more weapons.", "single")
    key = event("North Korean troops are in Kursk, Nato said.", "key")
    attribution = Difference(
        kind="attribution",
        topic="who said “Nato calls on Russia and North Korea to cease these actions immediately”",
        description="“Nato calls on Russia and North Korea to cease these actions immediately” "
        "is attributed to Mark Rutte and to NATO",
        sources=["S3", "S4"],
    )
    events = _not_said_again([said, other, key], [attribution])
    assert [(e.summary[:4], e.shown, e.in_differences) for e in events] == [
        ("NATO", "single", True),
        ("Kyiv", "single", False),
        ("Nort", "key", False),
    ]
    markdown = render_markdown(
        merge_extractions([extraction("S4")]).model_copy(update={"events": events})
    )
    assert "cease these actions" not in markdown and "Kyiv urged" in markdown
    assert _not_said_again([said], []) == [said]


def test_far_apart_values_differ_only_as_rival_claims():
    # 40 a site employs and 300 evacuated: two things counted as 'people', not rival accounts
    brief = merge_extractions(
        [
            extraction("S1", figures=[figure("S1", 1, "40", "people")]),
            extraction("S2", figures=[figure("S2", 1, "300", "people")]),
        ]
    )
    assert [g.differs for g in brief.figures] == [False]
    # police's 5,000 and the organisers' 50,000 are rival claims however far apart
    brief = merge_extractions(
        [
            extraction("S1", figures=[figure("S1", 1, "5,000", "protesters", "police")]),
            extraction("S2", figures=[figure("S2", 1, "50,000", "protesters", "organisers")]),
        ]
    )
    assert [g.differs for g in brief.figures] == [True]


def test_a_difference_shows_the_disputed_values_and_the_figures_the_others():
    brief = merge_extractions(
        [
            extraction("S1", figures=[figure("S1", 1, "12,000", "voters")]),
            extraction("S2", figures=[figure("S2", 1, "11,800", "voters")]),
            extraction("S3", figures=[figure("S3", 1, "310,000", "voters")]),
        ]
    )
    [difference] = [d for d in brief.differences if d.kind == "figures"]
    assert [c.value for c in difference.claims] == ["11,800", "12,000"]
    markdown = render_markdown(brief)
    assert "- voters, other counts: 310,000 [S3]" in markdown.split("## Figures")[1]


def test_a_claimant_is_a_name_not_a_verb_or_a_headline():
    from pipeline.merge import claimant_name

    assert claimant_name("Calder Transit has") == "Calder Transit"
    assert claimant_name("published in April") is None
    assert claimant_name("VOTER PURGE FURY") is None
    assert claimant_name("NATO") == "NATO"
    assert claimant_name("the fire service") == "the fire service"


def test_a_brief_over_a_third_of_its_sources_leaves_quotes_and_lone_figures_to_the_json():
    from pipeline.merge import MIN_SPEAKERS

    def sized(sid: str):
        return source(sid).model_copy(update={"characters": 1200})  # about 200 words each

    speakers = ["Ana Reyes", "Ben Okafor", "Cleo Marsh", "Dev Patel", "Eve Lund", "Finn Shaw"]
    said = [
        "The repairs to the old harbour wall must start this week or it will fall",
        "Nobody told the fishermen anything about the closure of the eastern quay",
        "Our crews are ready to start work on Monday morning if the permits arrive",
        "The money for the harbour has been sitting in the council's account for months",
        "Tourists will stay away all summer if the promenade is still fenced off",
        "Insurance will not cover the boats moored behind the damaged section",
    ]
    quotes = {
        "S1": [
            quote("S1", n, text, name)
            for n, (text, name) in enumerate(zip(said, speakers, strict=True), 1)
        ],
        "S2": [quote("S2", 1, "within days rather than weeks", "Gil Marr", "partial")],
        "S3": [quote("S3", 1, "within days rather than weeks", "Gil Marr", "partial")],
    }
    quotes["S1"].append(
        quote("S1", 9, "We will not let the harbour close on our watch, not now", "Mayor Ida Holt")
    )
    quotes["S2"].append(
        quote("S2", 2, "We will not let the harbour close on our watch, not now", "Mayor Ida Holt")
    )
    brief = merge_extractions(
        [
            extraction(
                sid,
                source=sized(sid),
                quotes=quotes[sid],
                figures=[figure(sid, 1, "120", "boats")]
                if sid != "S3"
                else [figure(sid, 1, "40", "cranes")],
            )
            for sid in ["S1", "S2", "S3"]
        ]
    )
    entries = {e.text: e for g in brief.speakers for e in g.quotes}
    assert {i for e in entries.values() for i in e.ids} == {
        q.id for qs in quotes.values() for q in qs
    }  # the JSON keeps every quote
    listed = [g for g in brief.speakers if any(e.listed for e in g.quotes)]
    assert MIN_SPEAKERS <= len(listed) < len(speakers) + 2
    mayor = entries["We will not let the harbour close on our watch, not now"]
    assert mayor.listed  # the most widely carried substantive quote first
    assert not entries["within days rather than weeks"].listed  # a short partial one last
    boats, cranes = ({g.counts: g for g in brief.figures}[c] for c in ("boats", "cranes"))
    assert boats.listed and not cranes.listed
    markdown = render_markdown(brief)
    unheard = len(brief.speakers) - len(listed)
    assert f"every quote of {unheard} more speakers among them" in markdown
    assert "1 more figure (1 that one source alone gives) in the JSON" in markdown
    assert "cranes" not in markdown.split("## Figures")[1]


def test_a_brief_within_a_third_of_its_sources_lists_every_speaker():
    big = source("S1").model_copy(update={"characters": 60000})
    brief = merge_extractions(
        [
            extraction(
                "S1",
                source=big,
                quotes=[
                    quote("S1", 1, "The wall will be repaired before the first storm", "Ana Reyes"),
                    quote(
                        "S1",
                        2,
                        "Nobody told the fishermen anything about the closure",
                        "Ben Okafor",
                    ),
                    quote("S1", 3, "We are ready to start work on Monday morning", "Cleo Marsh"),
                    quote("S1", 4, "The money is there and it has been for months", "Dev Patel"),
                ],
                figures=[figure("S1", 1, "40", "cranes")],
            )
        ]
    )
    assert all(e.listed for g in brief.speakers for e in g.quotes)
    assert all(g.listed for g in brief.figures)


def test_a_short_story_over_its_budget_leaves_sections_to_the_json_and_counts_them(monkeypatch):
    from pathlib import Path

    from pipeline.merge import BRIEF_SHARE, MIN_KEY, fit_brief
    from pipeline.run import run_folder

    story = Path(__file__).parent / "stories" / "bus-strike"
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in story.glob("*.txt"))
    brief = run_folder(story, None).brief
    markdown = render_markdown(brief)
    assert len(markdown.split()) <= BRIEF_SHARE * 1.1 * words
    # the timeline and the figures go first; what is left out is counted, not lost
    assert {"timeline", "figures"} <= set(brief.left_to_json)
    assert "## Timeline" not in markdown and "## Figures" not in markdown
    note = next(line for line in markdown.splitlines() if line.startswith("*In the JSON for"))
    assert f"{len(brief.figures)} figures" in note
    assert " 0 " not in f" {note} "  # nothing is counted that is not there ("0 stances")
    no_sides = brief.model_copy(
        update={
            "left_to_json": [*brief.left_to_json, "stances"],
            "stances": [s for s in brief.stances if s.position == "neutral"],
        }
    )
    assert "stance" not in next(
        line for line in render_markdown(no_sides).splitlines() if line.startswith("*In the JSON")
    )
    assert any(e.on_timeline for e in brief.events) and brief.figures  # the JSON keeps both
    if brief.developments_left:
        assert f"{brief.developments_left} more development" in note
        key = [e for e in brief.events if e.shown == "key"]
        assert len(key) >= MIN_KEY
    # the same brief, unfitted, with ten times the sources' words keeps every section
    monkeypatch.setattr("pipeline.merge.fit_brief", lambda brief, *_: brief)
    roomy = fit_brief(run_folder(story, None).brief, 10 * words, {})
    assert not roomy.left_to_json and not roomy.developments_left
    wide = render_markdown(roomy)
    assert "## Timeline" in wide and "## Figures" in wide and "## Stances" in wide
    assert len([e for e in roomy.events if e.shown != "none"]) > len(
        [e for e in brief.events if e.shown != "none"]
    )


def test_a_date_in_a_relative_clause_that_ends_the_sentence_is_not_the_developments():
    from pipeline.rules.text import time_phrase

    urged = (
        "Kyiv urged its allies to send more weapons to fight Russia, which sent tens of "
        "thousands of troops into Ukraine in February 2022."
    )
    assert time_phrase(urged) is None
    # a relative clause set off inside the sentence, or a date in the main clause, stays
    assert time_phrase("The council, which met on Monday, approved the plan.") == "on Monday"
    assert time_phrase("Kyiv said on Friday that troops, who came in May, fought.") == "on Friday"


def test_sums_of_one_kind_are_one_quantity_however_each_outlet_words_them():
    """A severance told four ways (a payout of, weeks' pay worth, a golden handshake, a
    sum of): one quantity, and the outlets that give other values differ; a bond of the same
    story is another quantity."""
    brief = merge_extractions(
        [
            extraction("S1", figures=[
                money("S1", 1, "0.25", "", None,
                      "She leaves with 26 weeks' salary, a sum of about $0.25 million."),
                money("S1", 2, "0.5", "bond", None, "He was freed on $0.5 million bond."),
            ]),
            extraction("S2", figures=[
                money("S2", 1, "0.26", "payout", None, "She will get a payout of $0.26 million."),
            ]),
            extraction("S3", figures=[
                money("S3", 1, "0.4", "", None, "She walks off with a $0.4 million golden handshake!"),
            ]),
        ]
    )  # fmt: skip
    groups = {g.counts: g for g in brief.figures}
    severance = groups["severance payout"]
    assert [c.number for c in severance.claims] == [0.25e6, 0.26e6, 0.4e6]
    assert severance.differs
    assert [c.number for c in groups["bail or bond"].claims] == [0.5e6]


def test_one_exact_sum_is_one_quantity_whatever_each_outlet_says_it_is_of():
    """'$112 million of pension money', 'steered $112 million into' and 'the $112 million
    deals': one sum, one group, no difference."""
    brief = merge_extractions(
        [
            extraction("S1", figures=[money("S1", 1, "112", "pension money", None,
                                            "He put $112 million of pension money into deals.")]),
            extraction("S2", figures=[money("S2", 1, "112", "", None,
                                            "Prosecutors say he steered $112 million to a friend.")]),
            extraction("S3", figures=[money("S3", 1, "112", "deals", None,
                                            "The $112 million deals went sour.")]),
        ]
    )  # fmt: skip
    holding = [g for g in brief.figures if any(c.number == 112e6 for c in g.claims)]
    assert len(holding) == 1 and not holding[0].differs
    assert sorted(holding[0].claims[0].sources) == ["S1", "S2", "S3"]


def test_a_floor_or_a_ceiling_agrees_with_a_value_it_allows_unless_two_claimants_give_them():
    """'more than $100 million' and '$120 million' say the same; an audit's 'at least $30
    million' and the police's '$33 million' are two accounts."""
    from pipeline.merge import _agree

    floor = money("S1", 1, "100", "", None, "More than $100 million went missing.").model_copy(
        update={"qualifier": "more than"}
    )
    plain = money("S2", 1, "120", "", "the police", "The police said $120 million went missing.")
    assert _agree(floor, plain)
    assert not _agree(floor, plain.model_copy(update={"number": 400e6}))  # too far past it
    audit = floor.model_copy(
        update={"qualifier": "at least", "number": 30e6, "claimant": "an audit"}
    )
    assert not _agree(audit, plain.model_copy(update={"number": 33e6}))
    nearly = floor.model_copy(update={"qualifier": "nearly", "number": 250e6})
    assert _agree(nearly, plain.model_copy(update={"number": 243e6}))
    assert not _agree(nearly, plain.model_copy(update={"number": 212e6}))


def test_a_sentence_listing_rival_estimates_does_not_tell_its_values_apart():
    """'estimates run from $3m to $5m' gives two rival values of one loss: other outlets
    giving one each differ."""
    from pipeline.merge import told_apart

    line = "Loss estimates run from $3 million to $5 million."
    figures = [
        money("S1", 1, "3", "", None, line),
        money("S1", 2, "5", "", None, line).model_copy(update={"sentence": 1}),
    ]
    assert not told_apart(figures)


def test_the_dead_are_one_count_however_each_source_counts_them():
    """'seven patients had died' (the company), '11 deaths' (a patient group) and 'seven
    fatal events' are one quantity, the deaths; the two accounts differ. 'about 4,200' and
    4,212 enrolled agree."""
    died = figure("S1", 1, "7", "patients", "the company").model_copy(update={"outcome": "died"})
    deaths = figure("S2", 1, "11", "deaths", "the patient group").model_copy(
        update={"qualifier": "at least"}
    )
    fatal = figure("S3", 1, "7", "fatal events", None)
    about = figure("S2", 2, "4200", "patients", None).model_copy(update={"qualifier": "about"})
    exact = figure("S3", 2, "4212", "patients", None)
    brief = merge_extractions(
        [
            extraction("S1", figures=[died]),
            extraction("S2", figures=[deaths, about]),
            extraction("S3", figures=[fatal, exact]),
        ]
    )
    groups = {g.counts: g for g in brief.figures}
    assert [c.number for c in groups["deaths"].claims] == [7, 11]
    assert groups["deaths"].differs
    assert not groups["patients"].differs


def test_only_two_named_people_given_one_quotation_are_a_difference_of_attribution():
    """A body and its spokeswoman, or a name and a description of that person, giving the
    same words are not two outlets disagreeing; two named people are."""
    from pipeline.merge import _named_person

    assert _named_person("Tom Achterberg") and _named_person("Lena Voss")
    assert not _named_person("Ashgrove Pharma")
    assert not _named_person("A spokesperson for Veltrane")
    assert not _named_person("the ousted CEO")
    assert not _named_person("through her lawyer")


def test_a_claimant_shows_no_time_word_or_auxiliary_at_its_end():
    from pipeline.merge import claimant_name

    assert claimant_name("The council now") == "The council"
    assert claimant_name("Calder Transit has") == "Calder Transit"


def test_title_is_a_headline_that_names_the_story_in_ordinary_case():
    sources = [
        ("S1", "DOUGH NUTS!"),  # a tabloid's pun names nothing
        ("S2", "CANAL TOWPATH TO CLOSE FOR TWO YEARS OF REPAIRS"),
        ("S3", "Canal towpath to close for two years while engineers rebuild its banks"),
    ]
    brief = merge_extractions(
        [extraction(sid, source=source(sid, title=title)) for sid, title in sources]
    )
    assert brief.title == "Canal towpath to close for two years while engineers rebuild its banks"


def test_title_leaves_out_a_quotation_that_opens_the_headline():
    title = "“We were never told”: tenants on the sale of Larch Court flats"
    brief = merge_extractions([extraction("S1", source=source("S1", title=title))])
    assert brief.title == "tenants on the sale of Larch Court flats"


def test_claimed_counts_far_apart_are_no_rival_accounts():
    from values import figure

    def claimed(sid, value, who):
        return figure(sid, 1, value, "people").model_copy(update={"claimant": who})

    brief = merge_extractions(
        [
            extraction("S1", figures=[claimed("S1", "41", "the health board")]),
            extraction("S2", figures=[claimed("S2", "45", "the hospital")]),
            extraction("S3", figures=[claimed("S3", "9,000", "the mayor")]),
        ]
    )
    [difference] = [d for d in brief.differences if d.kind == "figures"]
    assert [c.value for c in difference.claims] == ["41", "45"]


def test_words_told_inside_another_quotation_are_their_own_speakers_not_a_difference():
    """'Gus always said, “This station belongs to the town.”' inside Lorraine Pike's
    quotation: the inner words are Gus Amadi's entry, the outer Lorraine Pike's, and the
    two are no difference of attribution."""
    outer_text = "Gus always said, “This station belongs to the town.” Now it is sold,"
    outer = quote("S1", 1, outer_text, "Lorraine Pike")
    at = outer_text.index("This")
    inner = quote("S1", 2, "This station belongs to the town.", "Gus Amadi").model_copy(
        update={"start": at, "end": at + 33}
    )
    brief = merge_extractions([extraction("S1", quotes=[outer, inner])])
    by_speaker = {g.speaker: [e.text for e in g.quotes] for g in brief.speakers}
    assert by_speaker == {"Lorraine Pike": [outer_text], "Gus Amadi": [inner.text]}
    assert "attributed to" not in render_markdown(brief)


def test_a_count_far_from_a_told_evacuation_is_not_one_of_its_values():
    # '1,900 people were ordered out' / '2,300 were evacuated', and elsewhere '1,900 people',
    # '2,300 residents' and '160 people spent the night at rest centres': the 160 is not a
    # third account of the evacuation
    def counted(sid, n, value, outcome=None, claimant=None):
        number = figure(sid, n, value, "people", claimant)
        return number.model_copy(update={"outcome": outcome})

    brief = merge_extractions(
        [
            extraction(
                "S1", figures=[counted("S1", 1, "1,900", "ordered out"), counted("S1", 2, "160")]
            ),  # fmt: skip
            extraction("S2", figures=[counted("S2", 1, "1,900"), counted("S2", 2, "200")]),
            extraction(
                "S3",
                figures=[
                    counted("S3", 1, "2,300", "evacuated", "the council"),
                    counted("S3", 2, "2,300"),
                ],
            ),  # fmt: skip
        ]
    )
    told = {d.topic: [c.value for c in d.claims] for d in brief.differences if d.kind == "figures"}
    assert told["people evacuated"] == ["1,900", "2,300"]
    assert all("160" not in values for topic, values in told.items() if topic != "people")


def test_a_surname_two_people_of_the_story_share_joins_neither_of_them():
    from pipeline.rules.entities import EntityIndex

    index = EntityIndex()
    index.add("Eleanor Quayle", "S1")
    index.add("Mark Quayle", "S1")
    index.add("Quayle", "S2")
    index.add("Eleanor Quayle", "S2")
    assert index.canonical("Quayle") == "Quayle"
    assert index.canonical("Eleanor Quayle") == "Eleanor Quayle"
    assert index.canonical("Mark Quayle") == "Mark Quayle"
    one = EntityIndex()
    one.add("Eleanor Quayle", "S1")
    one.add("Quayle", "S2")
    assert one.canonical("Quayle") == "Eleanor Quayle"  # one bearer: her surname


def test_an_actor_has_one_name_in_all_its_stance_rows():
    brief = merge_extractions(
        [
            extraction("S1", stances=[stance("S1", "Pellory Water Inc.", "denies")]),
            extraction("S2", stances=[stance("S2", "Pellory Water", "opposes")]),
            extraction("S3", stances=[stance("S3", "Pellory Water Inc", "denies")]),
            extraction("S4", stances=[stance("S4", "Volodymyr Zelenskyy", "condemns")]),
            extraction("S5", stances=[stance("S5", "Zelensky", "warns")]),
        ]
    )
    actors = {(r.actor, r.position) for r in brief.stances}
    assert ("Pellory Water Inc.", "denies") in actors
    assert ("Pellory Water Inc.", "opposes") in actors
    # a source that spells the name its own way is not shown another's spelling
    assert ("Zelensky", "warns") in actors


def test_a_titled_surname_joins_no_one_of_several_of_that_name_nor_the_other_sex():
    """'Mrs Quinn' of one article, where the story names Gerry and Owen Quinn (whichever
    article named them first), stays 'Mrs Quinn', apart from 'Mr Quinn'; 'Ms Vale' joins
    the one Ann Vale the story names."""
    from pipeline.merge import _entity_index

    first = extraction(
        "S1",
        quotes=[
            quote("S1", 1, "I was his dad first.", "Mrs Quinn"),
            quote("S1", 2, "I am terrified.", "Mr Quinn"),
            quote("S1", 3, "The case is closed.", "Ms Vale"),
        ],
    )
    later = extraction(
        "S2",
        quotes=[
            quote("S2", 1, "We will appeal.", "Gerry Quinn"),
            quote("S2", 2, "I did nothing.", "Owen Quinn"),
            quote("S2", 3, "The jury decides.", "Ann Vale"),
        ],
    )
    index = _entity_index([first, later])  # fmt: skip
    assert index.canonical("Mrs Quinn") == "Mrs Quinn"
    assert index.canonical("Mr Quinn") == "Mr Quinn"
    assert index.canonical("Ms Vale") == "Ann Vale"


def test_a_reprint_copied_from_the_wire_and_sharing_its_dateline_is_one_account():
    from pipeline.merge import one_account

    # the reprint is a near-copy of the wire; the wire, met second, credits the agency
    # under the reprint's dateline: each points at the other, and the two are one account
    once = one_account({"S4": "S6"}, {"S6": "S4"})
    assert independent(["S1", "S4", "S6"], once) == 2
    assert one_account({"S2": "S1"}, {"S3": "S2"}) == {"S2": "S1", "S3": "S1"}


def test_who_said_what_shows_each_sides_best_speaker_before_a_sides_second():
    from pipeline.merge import _across_sides
    from schemas.brief import QuoteEntry, SpeakerQuotes

    def group(name: str) -> tuple[SpeakerQuotes, list[QuoteEntry]]:
        entry = QuoteEntry(text=f"{name} spoke at length about the plan today.", kind="quote",
                           sources=["S1"], ids=["S1.Q1"])  # fmt: skip
        return SpeakerQuotes(speaker=name, quotes=[entry]), [entry]

    ranked = [group("Ana Roe"), group("Ben Lee"), group("Cal Moss"), group("Dee Ash")]
    sides = {"Ana Roe": "for", "Ben Lee": "for", "Cal Moss": "against", "Dee Ash": "accused"}
    order = [g.speaker for g, _ in _across_sides(ranked, sides)]
    assert order == ["Ana Roe", "Cal Moss", "Dee Ash", "Ben Lee"]


def test_a_nickname_an_article_declares_joins_the_full_name():
    from pipeline.rules.entities import EntityIndex, declared_nicknames

    declared = declared_nicknames(
        'Theodora "Teddy" Vance led the crew. Augustin Mbeki, 64, who goes by Gus, '
        "kept the books. Rowan Pike, known as 'Ro', steered."
    )
    assert declared == {
        "teddy vance": "Theodora Vance",
        "gus mbeki": "Augustin Mbeki",
        "ro pike": "Rowan Pike",
    }
    index = EntityIndex(declared)
    for form in ("Teddy Vance", "Theodora Vance", "Gus Mbeki", "Augustin Mbeki", "Ro Pike"):
        index.add(form, "S1")
    assert len(index.clusters) == 3
    assert index.canonical("Gus Mbeki") == index.canonical("Augustin Mbeki")
    assert index.canonical("Teddy Vance") == index.canonical("Theodora Vance")
    # no declaration: a different first name is a different person
    plain = EntityIndex()
    plain.add("Gus Mbeki", "S1")
    plain.add("Augustin Mbeki", "S2")
    assert len(plain.clusters) == 2


def test_a_title_or_a_stray_word_declares_no_nickname():
    from pipeline.rules.entities import declared_nicknames

    assert declared_nicknames("Mayor Vance, known as Teddy, spoke.") == {}
    assert declared_nicknames("Sam Vance, known as The Best, spoke.") == {}


def test_a_quotation_the_attribution_interrupts_is_told_whole_with_an_ellipsis():
    first = quote("S1", 1, "We are,", "Ana Ruiz")
    rest = quote("S1", 1, "doing all we can to keep the ferry running.", "Ana Ruiz").model_copy(
        update={"id": "S1.Q2", "continues": "S1.Q1"}
    )
    brief = merge_extractions([extraction("S1", quotes=[first, rest])])
    (group,) = brief.speakers
    (entry,) = group.quotes
    assert entry.text == "We are, … doing all we can to keep the ferry running."
    assert entry.ids == ["S1.Q1", "S1.Q2"]  # every quotation is still in the JSON


def test_a_quotation_continued_in_the_next_sentence_stays_two_entries():
    first = quote("S1", 1, "We are ready.", "Ana Ruiz")
    rest = quote("S1", 2, "We have been for weeks.", "Ana Ruiz").model_copy(
        update={"continues": "S1.Q1"}
    )
    brief = merge_extractions([extraction("S1", quotes=[first, rest])])
    assert sorted(e.text for e in brief.speakers[0].quotes) == [
        "We are ready.",
        "We have been for weeks.",
    ]
