"""Developments, off-topic articles and the layered brief, on constructed values and on the
labelled stories in ``tests/stories`` (rules alone: no model)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from values import extraction, quote, source

from pipeline.developments import (
    LEAN_OPENING,
    MAX_KEY,
    Cluster,
    Unit,
    _repeats,
    casing_of,
    clean_wording,
    cluster,
    detail_of,
    fragment,
    name_pairs,
    neutrality_penalty,
    no_comment,
    off_topic,
    refers_back,
    same_name,
    tokens,
    vague,
)
from pipeline.extract import prepare_article, reported_sentences
from pipeline.merge import merge_extractions
from pipeline.read import Article
from pipeline.render import render_markdown
from pipeline.rules.text import time_phrase
from pipeline.run import run_folder
from schemas.extraction import ReportedSentence

STORIES = Path(__file__).resolve().parent / "stories"
CASES = Path(__file__).resolve().parents[1].parent / "shared" / "cases"


def told(sid: str, *sentences: str, headline: str | None = None, caption: str | None = None):
    """An extraction whose reporting sentences are ``sentences``, in order."""
    units = []
    if headline:
        units.append(ReportedSentence(sentence=1, text=headline, role="headline"))
    for rank, text in enumerate(sentences):
        units.append(
            ReportedSentence(sentence=len(units) + 1, text=text, rank=rank, when=time_phrase(text))
        )
    if caption:
        units.append(ReportedSentence(sentence=len(units) + 1, text=caption, role="caption"))
    return extraction(sid, source=source(sid, date="2025-09-17"), sentences=units)


LAWSUIT = [
    told(
        "S1",
        "The Green Valley Party filed a lawsuit on Tuesday against the Marlow County election "
        "board over 12,000 voters removed from the rolls.",
        "The county's harbour authority also reported record cargo volumes this quarter.",
        headline="Party sues county election board",
    ),
    told(
        "S2",
        "Marlow County's election board was sued by the Green Valley Party over the removal of "
        "12,000 voters from the rolls.",
        "Early voting in the county begins next month at eleven polling sites.",
    ),
    told(
        "S3",
        "MARLOW CITY, Sept 16 (Allied Press) - A major lawsuit from the Green Valley Party "
        "accuses the Marlow County election board of striking 12,000 voters from the rolls.",
        caption="Party chair Rosa Delgado outside the courthouse (Image: Allied Press)",
    ),
]


def test_paraphrases_of_one_fact_are_one_development_with_every_source():
    brief = merge_extractions(LAWSUIT)
    [lawsuit] = [e for e in brief.events if e.shown == "key"]
    assert lawsuit.sources == ["S1", "S2", "S3"]
    assert lawsuit.independent_sources == 3
    # the headline supports it; it is not a development of its own
    assert lawsuit.headline_sources == ["S1"]
    assert all(e.summary != "Party sues county election board" for e in brief.events)
    markdown = render_markdown(brief)
    assert "(3/3)" in markdown
    # below the title, once: the summary states it with its count, and no list says it again
    body = markdown.split("## Timeline")[0].split("\n", 1)[1]
    assert body.count("12,000 voters") == 1
    assert "12,000 voters from the rolls. (on Tuesday) [S1, S2, S3] (3/3)" in body


def test_unrelated_sentences_of_each_source_stay_apart():
    brief = merge_extractions(LAWSUIT)
    cargo = next(e for e in brief.events if "cargo" in e.summary)
    assert cargo.sources == ["S1"]


def test_a_caption_is_never_a_development_nor_on_the_timeline():
    brief = merge_extractions(LAWSUIT)
    for event in brief.events:
        if event.shown != "none" or event.on_timeline:
            assert "(Image:" not in event.summary


def test_wording_drops_the_dateline_and_the_shouted_first_word():
    casing = casing_of(["North Korean troops were seen.", "Nato said North Korea denied it."])
    assert (
        clean_wording("NORTH Korean troops were seen.", casing) == "North Korean troops were seen."
    )
    assert clean_wording("BRUSSELS - Nato confirmed it.", casing) == "Nato confirmed it."
    assert (
        clean_wording("LONDON, Oct 28 (AP) — NATO said so.", casing_of(["the NATO chief"]))
        == "NATO said so."  # an acronym written in capitals mid-sentence stays one
    )


def test_the_plain_version_is_preferred_to_the_tabloid_one():
    plain = "Two workers were killed in a fire at a chemical warehouse on Tuesday night."
    tabloid = "TWO workers died in a horror inferno as terrified families fled a toxic cloud!"
    assert neutrality_penalty(plain) < neutrality_penalty(tabloid)
    assert neutrality_penalty("But he said it was routine, as it had been for years.") > 0
    plain = "The council withdrew the fair's licence on Friday after finding its exits blocked."
    for loud in (
        "The council yanked the fair's licence on Friday after finding its exits blocked.",
        "The council pulled the plug on the fair on Friday after finding the site blocked.",
        "The council shut the fair on Friday after finding the site a death trap for crowds.",
    ):
        assert neutrality_penalty(loud) >= neutrality_penalty(plain) + 1.5


def test_an_article_on_another_story_is_kept_out_and_named():
    stray = told(
        "S4",
        "The city's football club appointed a new head coach after a poor start to the season.",
        "Supporters gathered outside the stadium on Saturday to welcome the coach.",
    )
    stray.quotes = [quote("S4", 1, "We will play with courage every single week", "Sam Diaz")]
    brief = merge_extractions([*LAWSUIT, stray])
    assert [o.source for o in brief.off_topic] == ["S4"]
    assert "another story" in brief.off_topic[0].reason
    assert all("S4" not in e.sources for e in brief.events)
    assert all(g.speaker != "Sam Diaz" for g in brief.speakers)
    assert brief.stats.independent_sources == 3
    markdown = render_markdown(brief)
    assert "## Off the story" in markdown and "Left out as about another story" in markdown


def _body(source: str, n: int, text: str):
    """A body sentence of ``source`` as the clustering sees it (``developments.Unit``)."""
    return Unit(source, n, text, "body", n, None)


def test_chance_matches_do_not_hold_an_article_naming_nothing_the_others_name():
    story = [
        "Fire crews fought the blaze at the Brenford Chemicals depot in Port Hollis.",
        "Brenford Chemicals said about 40 people worked at the Port Hollis depot.",
        "Fire Chief Marcus Hale said the Brenford Chemicals fire was under control.",
    ]
    units = [_body(s, n, t) for s in ("S1", "S2", "S3") for n, t in enumerate(story, 1)]
    # another story: thirty sentences, two of which happen to be worded like the story's
    stray = [f"Engineers in Halverton checked strand {k} of the Tolliver Street span again."
             for k in range(28)]  # fmt: skip
    stray += ["Fire crews fought the blaze at the depot until dawn.",
              "About 40 people worked at the depot, the owners said."]  # fmt: skip
    units += [_body("S4", n, t) for n, t in enumerate(stray, 1)]
    found = off_topic(units, {}, ["S1", "S2", "S3", "S4"])
    assert list(found) == ["S4"]


def test_with_two_articles_neither_is_called_off_topic():
    stray = told("S2", "The city's football club appointed a new head coach on Monday night.")
    brief = merge_extractions([LAWSUIT[0], stray])
    assert brief.off_topic == []


def test_the_rule_lede_does_not_repeat_itself():
    brief = merge_extractions(LAWSUIT)
    texts = [s.text for s in brief.lede]
    assert len(texts) == len(set(texts))
    assert sum("12,000" in t for t in texts) == 1


def test_fragments_stay_in_the_json_but_leave_the_list_of_who_said_what():
    brief = merge_extractions(
        [
            extraction(
                "S1",
                quotes=[
                    quote("S1", 1, "fake news", "The Kremlin", "partial"),
                    quote("S1", 2, "This cooperation is not directed against anyone", "Peskov"),
                ],
            )
        ]
    )
    entries = {e.text: e for g in brief.speakers for e in g.quotes}
    assert entries["fake news"].minor and not entries["fake news"].listed
    assert entries["This cooperation is not directed against anyone"].listed
    markdown = render_markdown(brief)
    assert "fake news" not in markdown
    assert "*1 more quote in the JSON.*" in markdown


def test_reported_sentences_tell_headline_caption_and_quoted_sentences_apart():
    text = (
        "Party sues county board\n\n"
        "The Green Valley Party filed a lawsuit against the county board on Tuesday.\n\n"
        "“This is a purge, plain and simple,” said Rosa Delgado.\n\n"
        "Rosa Delgado outside the courthouse on Tuesday (Image: Sentinel Pictures)\n"
    )
    article = Article(id="S1", path="a.txt", text=text, sha256="x", title="Party sues county board")
    found = reported_sentences(prepare_article(article))
    assert [(s.role, s.rank) for s in found] == [("headline", 0), ("body", 0), ("caption", 1)]
    assert found[1].text.startswith("The Green Valley Party")


@pytest.mark.parametrize("story", ["voter-rolls", "warehouse-fire", "bus-strike"])
def test_a_stray_article_added_to_a_labelled_story_is_kept_out(tmp_path, story):
    folder = tmp_path / story
    shutil.copytree(STORIES / story, folder, ignore=shutil.ignore_patterns("labels.json"))
    shutil.copyfile(Path(__file__).resolve().parents[1] / "examples" / "kursk" /
                    "000_3b5266f5af1c6cdf.txt", folder / "zz_stray.txt")  # fmt: skip
    brief = run_folder(folder, None).brief
    assert [o.path for o in brief.off_topic] == ["zz_stray.txt"]
    shown = [e for e in brief.events if e.shown != "none"]
    assert shown and all(e.independent_sources >= 1 for e in shown)
    assert not any("Kursk" in e.summary for e in shown)
    # first in the folder, a stray's headline is still not the brief's title
    (folder / "zz_stray.txt").unlink()
    shutil.copyfile(Path(__file__).resolve().parents[1] / "examples" / "kursk" /
                    "001_eab52758ff889176.txt", folder / "000_stray.txt")  # fmt: skip
    again = run_folder(folder, None).brief
    assert [o.path for o in again.off_topic] == ["000_stray.txt"]
    assert "Korea" not in again.title and "Kursk" not in again.title


@pytest.mark.parametrize("story", ["voter-rolls", "warehouse-fire", "bus-strike"])
def test_each_labelled_story_alone_keeps_every_article(story):
    brief = run_folder(STORIES / story, None).brief
    assert brief.off_topic == []
    key = [e for e in brief.events if e.shown == "key"]
    assert 5 <= len(key) <= MAX_KEY
    assert all("(Image:" not in e.summary and "(Picture:" not in e.summary for e in key)


def test_a_closing_photo_credit_is_not_a_development():
    folder = CASES / "captions-and-empty-pages"
    if not folder.is_dir():
        pytest.skip("shared cases are not beside the repository")
    brief = run_folder(folder, None).brief
    for event in brief.events:
        if event.shown != "none" or event.on_timeline:
            assert "Photo:" not in event.summary and "casts her ballot" not in event.summary


def test_the_timeline_has_each_dated_development_once():
    brief = merge_extractions(LAWSUIT)
    timed = [e.summary for e in brief.events if e.on_timeline]
    assert timed and len(timed) == len(set(timed))
    assert all(e.shown != "none" for e in brief.events if e.on_timeline)


def test_a_wire_dateline_with_place_country_and_date_is_not_part_of_the_wording():
    from pipeline.rules.text import OPENING_DATELINE as _DATELINE

    for line in ("KYIV, Ukraine, March 5 (AP) — A dam burst.", "Kyiv, Ukraine, March 5 (AP) — A dam burst.",
                 "HARROWBY, England (AP) — A dam burst.", "BRUSSELS - A dam burst."):  # fmt: skip
        assert _DATELINE.sub("", line) == "A dam burst."
    for line in ("Officials: the dam held.", "President Ana Ruiz said - the dam held."):
        assert _DATELINE.sub("", line) == line  # no dateline without a shouted place or agency


def test_a_lead_in_or_a_bare_attribution_is_never_a_development():
    from pipeline.read import Article

    text = (
        "Council backs the harbour plan\n\n"
        "The council approved the harbour plan on Tuesday after a long debate.\n\n"
        "And from Chairwoman Rosa Ventura:\n\n"
        "“We have waited long enough for this.”\n\n"
        "“Will the ferries run on time?” Mayor Tom Reyes said at the meeting.\n\n"
        "According to harbour spokesman Dev Patel, “Work starts next spring at the latest.”\n\n"
        "Police said 40 people attended the meeting.\n"
    )
    article = Article(
        id="S1", path="a.txt", text=text, sha256="x", title="Council backs the harbour plan"
    )
    found = [s.text for s in reported_sentences(prepare_article(article))]
    assert "The council approved the harbour plan on Tuesday after a long debate." in found
    assert "Police said 40 people attended the meeting." in found  # a report, with a number
    assert not any(t.endswith(":") or t.startswith("Mayor Tom Reyes") for t in found)
    # a quotation whose sentence adds only its credit belongs under who said what
    assert not any(t.startswith("According to harbour spokesman") for t in found)


def test_a_vague_telling_of_a_shown_development_is_folded_into_it():
    assert vague("A judge is due to hear the case next week.")
    assert not vague("Judge Samuel Okoye will hear both sides next Thursday.")
    assert not vague("About 300 residents were evacuated.")  # a number says something
    assert not vague("The board has said it relied on returned mail and on records from the state.")

    def group(source: str, text: str, vector: dict[str, float]) -> Cluster:
        found = Cluster()
        found.add(Unit(source, 2, text, "body", 2, None, vector))
        return found

    shown = group("S1", "Judge Samuel Okoye will hear both sides next Thursday.", {"judge": 1.0})
    # as alike as a vaguer telling and its fuller version are in a real story, below FOLD
    alike = {"judge": 0.25, "case": 0.968}
    said_again = group("S3", "A judge is due to hear the case next week.", alike)
    assert _repeats(said_again, shown, shown.members)
    specific = group("S3", "Judge Ann Lee will hear the appeal of the Harbour Board.", alike)
    assert not _repeats(specific, shown, shown.members)


def test_the_version_with_the_figures_several_sources_give_is_shown():
    brief = merge_extractions(
        [
            told("S1", "The union rejected the company's 4.5% pay offer and wants 8% instead."),
            told("S2", "The union wants an 8% pay rise from the company after the offer."),
            told("S3", "The union turned down a 4.5% pay offer from the company, seeking 8%."),
        ]
    )
    [dispute] = [e for e in brief.events if e.shown == "key"]
    assert "4.5%" in dispute.summary and "8%" in dispute.summary


def test_long_developments_stop_at_the_word_budget():
    from pipeline.developments import KEY_WORDS, MIN_KEY

    topics = "harbour bridge school hospital museum stadium library railway".split()

    def sentence(topic: str, variant: int) -> str:
        words = " ".join(f"{topic}{chr(97 + i)}" for i in range(40))
        return f"The {topic} council reported {words} this week{'.' if variant else ' again.'}"

    brief = merge_extractions(
        [told(sid, *(sentence(t, n) for t in topics)) for n, sid in enumerate(["S1", "S2"])]
    )
    key = [e for e in brief.events if e.shown == "key"]
    assert MIN_KEY <= len(key) < len(topics)
    assert all(e.independent_sources == 2 for e in key)
    assert sum(len(e.summary.split()) for e in key) <= KEY_WORDS


def _reference_greedy(body):
    """The greedy pass as it was first written: every sentence against every cluster's
    centroid, computed afresh (quadratic in the folder)."""
    from pipeline.developments import JOIN, SAME_SOURCE, cosine

    clusters = []  # (members, total, sources)
    for unit in body:
        best, best_score = None, JOIN
        for candidate in clusters:
            members, total, sources = candidate
            norm = sum(v * v for v in total.values()) ** 0.5 or 1.0
            score = cosine(unit.vector, {w: v / norm for w, v in total.items()})
            needed = SAME_SOURCE if unit.source in sources else JOIN
            if score >= needed and score >= best_score:
                best, best_score = candidate, score
        if best is None:
            best = ([], {}, set())
            clusters.append(best)
        best[0].append(unit)
        best[2].add(unit.source)
        for w, v in unit.vector.items():
            best[1][w] = best[1].get(w, 0.0) + v
    return [members for members, _, _ in clusters]


def _many_units():
    """Reporting sentences of 80 synthetic articles (sharing a few stock sentences) and of
    the labelled stories, vectorised."""
    from bench.synthetic import article_text
    from pipeline.developments import _vectorise, units_of
    from pipeline.extract import rules_only_extraction

    articles = [
        Article(id=f"S{i + 1}", path=f"{i}.txt", text=article_text(i % 60), sha256="0" * 64)
        for i in range(80)
    ]
    n = len(articles)
    for story in sorted(STORIES.iterdir()):
        for path in sorted(story.glob("*.txt")):
            n += 1
            text = path.read_text(encoding="utf-8")
            articles.append(Article(id=f"S{n}", path=path.name, text=text, sha256="0" * 64))
    units = units_of([rules_only_extraction(a) for a in articles])
    _vectorise(units)
    return units


def test_the_indexed_greedy_pass_clusters_as_comparing_every_cluster_did():
    from pipeline.developments import MIN_CONTENT, _greedy

    units = _many_units()
    body = sorted(
        (u for u in units if u.role == "body" and len(u.vector) >= MIN_CONTENT),
        key=lambda u: u.rank,
    )
    expected = _reference_greedy(body)
    got = [group.members for group in _greedy(body)]
    assert len(body) > 300 and len(expected) < len(body)  # sentences did join
    assert [[id(u) for u in g] for g in got] == [[id(u) for u in g] for g in expected]


def test_headlines_support_the_same_cluster_as_comparing_every_cluster_did(monkeypatch):
    import pipeline.developments as developments

    monkeypatch.setattr(developments, "AGGLOMERATIVE_LIMIT", 0)  # the greedy path
    units = _many_units()
    clusters = developments.cluster(units)
    assert sum(len(c.support) for c in clusters) > 0
    for unit in units:
        if unit.role in ("body", "aside") or not unit.vector:
            continue  # an aside (the outlet on its own coverage) supports nothing
        scored = [(developments.cosine(unit.vector, c.centroid), i) for i, c in enumerate(clusters)]
        best = max(scored)
        held = [i for i, c in enumerate(clusters) if any(s is unit for s in c.support)]
        assert held == ([best[1]] if best[0] >= developments.SUPPORT else [])


def test_a_live_blogs_own_title_line_is_a_headline_not_a_development():
    from pipeline.developments import live_title, units_of

    assert live_title("Harbour flood live: the latest as the river peaks in the old town.")
    assert live_title("Follow our live updates through the day.")
    assert live_title("That's where we'll leave our live coverage for today.")
    assert live_title("12:40 Storm: the latest on the closures across the county.")
    assert not live_title("Bus strike latest: drivers are on day one of a 48-hour walkout.")
    assert not live_title("The council said the bridge would stay shut until Friday.")
    blog = told(
        "S1",
        "Harbour flood live: the latest as the river peaks in the old town.",
        "The river burst its banks at dawn, flooding 300 homes in the old town.",
    )
    units = units_of([blog])
    assert [u.role for u in units] == ["headline", "body"]
    assert [u.first for u in units] == [False, True]  # the lead is the first real sentence


def test_what_the_outlets_lead_with_comes_first():
    """Three outlets open with the flood; four report the road closure further down. The
    closure has more sources, but the flood is what the story is about."""
    flood = [
        "The river burst its banks at dawn, flooding hundreds of homes in the old town.",
        "Floodwater from the river swamped hundreds of homes in the old town at dawn.",
        "Hundreds of homes in the old town were flooded when the river burst its banks.",
    ]
    road = "The coast road was closed to traffic because of a landslip near the quarry."
    brief = merge_extractions(
        [
            told(sid, lead, "The mayor thanked volunteers at the rescue centre.", road)
            for sid, lead in zip(["S1", "S2", "S3"], flood, strict=True)
        ]
        + [told("S4", "Shares in the ferry operator fell sharply.", road)]
    )
    key = [e for e in brief.events if e.shown == "key"]
    assert "flood" in key[0].summary.lower()
    assert any("road" in e.summary for e in key[1:])


def _group(*members: tuple[str, str, dict[str, float]]) -> Cluster:
    found = Cluster()
    for rank, (sid, text, vector) in enumerate(members):
        found.add(Unit(sid, rank + 2, text, "body", rank + 2, None, vector))
    return found


def test_a_fact_whose_figures_several_sources_give_is_not_folded_into_another():
    """One outlet tells the postponements and the diversions in one sentence; the
    postponements, with figures two others give, stay a development of their own."""
    shown = _group(
        (
            "S1",
            "Ambulances carrying the sickest patients are being diverted to the county hospital.",
            {"ambul": 0.8, "diver": 0.6},
        ),
        (
            "S2",
            "The trust said it postponed 2,300 appointments, and that ambulances are being diverted.",
            {"#2300": 0.7, "postp": 0.6, "ambul": 0.3, "diver": 0.25},
        ),
        (
            "S5",
            "Ambulances are being sent to the county hospital instead of the infirmary tonight.",
            {"ambul": 0.8, "diver": 0.6},
        ),
    )
    postponed = _group(
        (
            "S3",
            "The trust has postponed 2,300 outpatient appointments.",
            {"#2300": 0.8, "postp": 0.6},
        ),
        ("S4", "Some 2,300 appointments have been postponed.", {"#2300": 0.8, "postp": 0.6}),
    )
    assert not _repeats(postponed, shown, shown.members)
    # one outlet alone giving a number does not make it another fact
    lone = _group(
        ("S3", "Ambulances went to the county hospital, 18 miles off.", {"ambul": 0.9, "#18": 0.4})
    )
    assert _repeats(lone, shown, shown.members)


def test_another_value_of_the_same_measure_repeats_the_shown_development():
    from pipeline.developments import rival_measures

    def unit(text: str, vector: dict[str, float]) -> Unit:
        return Unit("S1", 3, text, "body", 3, None, vector)

    low = unit("About 40,000 cubic metres of water escaped.", {"#40000": 0.7, "water": 0.7})
    high = unit("The ministry said 120,000 cubic metres escaped.", {"#120000": 0.7, "water": 0.3})
    assert rival_measures(high, low)
    demand = unit("The state demanded €45 million from the company.", {"#45": 0.7, "compa": 0.7})
    offer = unit("The company offered €5 million to the towns.", {"#5": 0.7, "compa": 0.7})
    assert not rival_measures(offer, demand)  # money: an offer and a demand are two amounts
    shown = _group(("S1", low.text, low.vector))
    told_again = _group(("S2", high.text, high.vector), ("S3", high.text, high.vector))
    assert _repeats(told_again, shown, shown.members)
    # a figure group's rival values (as merge finds them) fold the same way
    fish = _group(("S2", "Crews collected 60 tonnes of dead fish.", {"#60": 0.8, "fish": 0.6}))
    counted = _group(
        ("S4", "The company counted 10 dead fish, it said.", {"#10": 0.9, "compa": 0.4})
    )
    assert not _repeats(counted, fish, fish.members)
    assert _repeats(counted, fish, fish.members, [{"#60", "#10"}])


def test_a_pronoun_subject_after_an_opening_phrase_or_the_outlets_own_voice_costs_a_wording():
    plain = "The government summoned the ambassador on Monday and demanded compensation."
    assert neutrality_penalty("On Monday it summoned the ambassador and demanded compensation.") > (
        neutrality_penalty(plain) + 1.5
    )
    assert neutrality_penalty(
        "Officials claim only 40,000 cubic metres escaped, a third of what our experts believe."
    ) > neutrality_penalty(
        "Officials say only 40,000 cubic metres escaped, a third of the ministry's figure."
    )
    # a first person inside a quotation is the speaker's, not the outlet's
    assert neutrality_penalty('The minister said "we will rebuild the bridge" at the site.') == (
        neutrality_penalty('The minister said "they will rebuild the bridge" at the site.')
    )


def test_a_bracketed_conversion_is_no_other_figure_and_a_lone_periods_date_is_not_the_facts():
    from pipeline.developments import supports

    line = Unit("S3", 4, "The trust puts the cost at 2.8 million pounds ($3.8 million).", "body", 4, None, {"cost": 0.8, "#2.8": 0.6})  # fmt: skip
    other = Unit("S1", 9, "The trust estimates the cost at about £2.8m.", "body", 9, None,
                 {"cost": 0.8, "#2.8": 0.6})  # fmt: skip
    assert supports(other, line)
    brief = merge_extractions(
        [
            told("S1", "A group calling itself Red Owl claimed the attack and demanded a ransom."),
            told(
                "S2",
                "Red Owl, linked to attacks on two schools earlier this year, claimed the attack "
                "and demanded a ransom.",
            ),
            told("S3", "A gang called Red Owl claimed the attack and has demanded a ransom."),
        ]
    )
    [ransom] = [e for e in brief.events if e.shown == "key"]
    assert ransom.when is None and not ransom.on_timeline  # the schools' date, not the claim's


def test_an_opening_after_a_live_blogs_time_stamp_is_judged_as_any_opening():
    assert neutrality_penalty(
        "11:31 Asked about the audit, the chief executive says work began."
    ) >= (
        neutrality_penalty("The chief executive says work on the servers began in the spring.") + 1
    )


def test_two_lines_announcing_the_same_coming_day_are_one_appointment():
    from pipeline.developments import same_appointment

    def unit(text: str, vector: dict[str, float]) -> Unit:
        return Unit("S1", 3, text, "body", 3, time_phrase(text), vector)

    hearing = unit("The lawsuit is heading for its first hearing next Thursday.",
                   {"lawsu": 0.6, "hear": 0.5, "thurs": 0.6})  # fmt: skip
    judge = unit("Judge Ann Lee will hear both sides next Thursday.",
                 {"judge": 0.7, "hear": 0.5, "thurs": 0.5})  # fmt: skip
    assert same_appointment(judge, hearing)
    vote = unit("The council will vote on the budget next Friday.", {"counc": 0.7, "budge": 0.7})
    assert not same_appointment(vote, hearing)  # another day
    # two things done on one past day are two facts
    fired = unit("The board fired its chairman on Tuesday.", {"board": 0.6, "chair": 0.8})
    sued = unit("The party sued the board on Tuesday.", {"board": 0.6, "sue": 0.8})
    assert not same_appointment(sued, fired)


def test_a_live_blogs_time_stamp_is_no_figure_of_its_line():
    from pipeline.developments import supports

    line = Unit("S5", 30, "14:45 The gang's leak site still shows the sample of about 200 files.",
                "body", 30, None, {"sampl": 0.8, "#200": 0.6})  # fmt: skip
    other = Unit("S1", 9, "The gang posted a taster of 200 files on its site.", "body", 9,
                 None, {"sampl": 0.8, "#200": 0.6})  # fmt: skip
    assert supports(other, line)
    from pipeline.developments import tokens

    assert "sampl" in tokens("a taster of files") and "publi" in tokens("posted online")


def test_a_list_without_a_finite_verb_is_no_development():
    """An explainer's answer ('Who is most at risk? Pregnant women, …') is a list, not a
    sentence: never a development's line, and a cluster of nothing else is not shown."""
    from pipeline.developments import fragment

    assert fragment(
        "Pregnant women, newborns, the over-65s and people with weakened immune systems."
    )
    assert fragment("High temperature, aches, chills, feeling or being sick.")
    for sentence in (
        "Police arrested protesters, journalists and bystanders.",
        "Ostland demands €45 million in compensation.",
        "The strike continues.",
        "Talks resume on Thursday.",
        "Prices rose sharply.",
        "Two workers were killed.",
    ):
        assert not fragment(sentence), sentence
    listed = "Pregnant women, newborns, the over-65s and people with weakened immune systems."
    urged = (
        "Health officials urged pregnant women and people over 65 to check their fridges "
        "for the recalled cheeses."
    )
    assert neutrality_penalty(listed) > neutrality_penalty(urged) + 3
    brief = merge_extractions(
        [
            told("S1", "The dairy recalled all its cheeses on Monday.", listed),
            told("S2", "The dairy recalled all its cheeses on Monday.", listed),
        ]
    )
    assert all("newborns" not in e.summary for e in brief.events if e.shown != "none")


def test_a_date_inside_a_noun_phrase_or_long_before_the_article_dates_nothing():
    from datetime import date

    from pipeline.developments import incidental, plausible_date, stale

    text = "Officials urged shoppers to check the products, which carry use-by dates up to Dec. 9."
    assert incidental("Dec. 9", text)
    assert incidental("9 December", "It covers cheeses up to and including 9 December.")
    assert incidental("3 May", "The board sent a letter dated 3 May.")
    assert not incidental("on Monday", "The dairy recalled its cheeses on Monday.")
    assert not incidental("Dec. 9", "The plant closed on Dec. 9.")
    assert incidental("Nov. 4", "The voters were struck off weeks before the Nov. 4 election.")
    assert not incidental("Monday", "The plant closed last Monday.")
    article = date(2025, 11, 18)
    assert stale("Dec. 9", date(2024, 12, 9), article)  # no year written: not last December
    assert not stale("Dec 9, 2024", date(2024, 12, 9), article)  # the year is written
    assert not stale("Nov. 9", date(2025, 11, 9), article)
    assert not stale("Dec. 9", date(2024, 12, 9), None)
    assert plausible_date("Dec. 9", article, False) == date(2025, 12, 9)  # the nearest year
    assert plausible_date("May 9", article, False) is False  # stale either way
    assert plausible_date("on Nov. 9", article, False) == date(2025, 11, 9)
    assert plausible_date("last week", article, False) is None
    brief = merge_extractions(
        [
            told("S1", "The dairy recalled cheeses with use-by dates up to Dec. 9."),
            told("S2", "The dairy recalled cheeses with use-by dates up to Dec. 9."),
        ]
    )
    recall = next(e for e in brief.events if "recalled" in e.summary)
    assert recall.date is None and not recall.on_timeline
    # articles of 17 September: 'Feb. 20' is neither last February nor the next one
    closed = "The dairy closed its plant on Feb. 20 after the outbreak."
    brief = merge_extractions([told("S1", closed), told("S2", closed)])
    plant = next(e for e in brief.events if "plant" in e.summary)
    assert plant.date is None and plant.when is None and not plant.on_timeline
    # a day and month just after the article is this year's, even without 'will'
    deadline = "Voters who were removed can re-register until Oct. 20."
    brief = merge_extractions([told("S1", deadline), told("S2", deadline)])
    assert next(e for e in brief.events if "re-register" in e.summary).date == "2025-10-20"
    opened = "The dairy closed its plant on Sept. 15 after the outbreak."
    brief = merge_extractions([told("S1", opened), told("S2", opened)])
    assert next(e for e in brief.events if "plant" in e.summary).date == "2025-09-15"


def test_the_same_act_on_the_same_count_is_one_development():
    """An outlet's lead ('X has recalled 14 soft and blue cheeses after …') and others' detail
    ('The company has recalled 14 cheeses, including …') are one development."""
    from pipeline.developments import _normalised as unit_length
    from pipeline.developments import cosine, count_acts

    lead = "Fellow Dairy has recalled 14 soft and blue cheeses after an outbreak of listeria."
    detail = "The company has recalled 14 cheeses, including its brie, and stopped production."
    assert count_acts(lead) == count_acts(detail) == {("recal", "#14", "chees")}
    assert count_acts("About 300 residents were evacuated.") == {("evacu", "#300", "")}
    assert count_acts("About 300 residents met the mayor.") == set()  # no act on the count
    assert count_acts("It was fined in 2022.") == set()
    # a count of people killed, hurt, arrested or evacuated, whatever they are called
    for told_so in (
        "Nineteen people have been treated in hospital and two have died.",
        "TWO pensioners are dead and nearly 40 have been struck down by a bug.",
        "The outbreak has killed two people.",
    ):
        assert ("kill", "#2", "") in count_acts(told_so), told_so
    assert count_acts("One of the women who died was 84.") == set()
    assert count_acts("Police arrested 12 people.") == {("arres", "#12", "")}
    shown = _group(
        ("S1", lead, unit_length({"recal": 0.6, "#14": 0.5, "chees": 0.4, "outbr": 1.5}))
    )
    words = unit_length({"recal": 0.5, "#14": 0.5, "chees": 0.4, "produ": 1.5, "brie": 1.5})
    again = _group(("S2", detail, words), ("S3", detail, words))
    assert cosine(again.centroid, shown.centroid) < 0.2  # not alike enough in their words
    assert _repeats(again, shown, shown.members)
    other = "The company has recalled 14 cars after a brake fault."
    words = unit_length({"recal": 0.5, "#14": 0.5, "cars": 0.4, "produ": 1.5, "brake": 1.5})
    cars = _group(("S2", other, words), ("S3", other, words))
    assert not _repeats(cars, shown, shown.members)  # other things counted: another fact


def test_a_development_one_outlet_leads_with_is_shown_though_it_gives_no_figure(monkeypatch):
    # a story whose outlets share enough developments: its top is not thin
    monkeypatch.setattr("pipeline.developments.MIN_KEY", 1)
    lead = "The mayor ordered an independent inquiry into how the contract was awarded."
    own = told(
        "S2",
        lead,
        LAWSUIT[1].sentences[0].text,
        "Volunteers handed out leaflets at the bus station all afternoon long.",
    )
    brief = merge_extractions([LAWSUIT[0], own, LAWSUIT[2]])
    [event] = [e for e in brief.events if e.summary == lead]
    assert event.shown == "single"
    # a low-ranked leftover of one outlet is not
    [leftover] = [e for e in brief.events if e.summary.startswith("Volunteers handed out")]
    assert leftover.shown == "none"


def test_general_news_verbs_of_supply_and_arms_are_folded_to_one_word():
    shipped = tokens("The country has shipped large amounts of ammunition to the capital.")
    sent = tokens("It had already sent ballistic missiles to the capital for use in the war.")
    assert "send" in shipped and "send" in sent
    assert "weapo" in shipped and "weapo" in sent
    assert tokens("Kyiv urged its allies") == tokens("Kyiv pressed its allies")
    # hedges say nothing about which fact: 'It is unclear exactly how many' shares no word
    # with 'It was unclear what they would get' but the fact's own words
    assert not {"uncle", "exact"} & set(tokens("It is unclear exactly how many were sent."))
    # getting one's money back is a refund, and so is being reimbursed
    assert tokens("Fans will get their money back within 30 days.") == tokens(
        "Fans will get their refunds within 30 days."
    )
    assert tokens("Passengers will be reimbursed.") == tokens("Passengers will be refunded.")
    assert "money" in tokens("The money went to a consultancy.")  # money alone is money


def test_paraphrases_of_a_supply_development_are_one_development_of_two_sources():
    supply = [
        told(
            "S1",
            "The alliance confirmed on Monday that northern troops have been deployed to the front.",
            "The northern state had already sent ballistic missiles and artillery to the capital.",
        ),
        told(
            "S2",
            "Northern troops are at the front, the alliance said on Monday, confirming reports.",
            "The northern state, meanwhile, has shipped large amounts of ammunition to the capital.",
        ),
        told("S3", "The alliance confirmed northern troops were deployed to the front line."),
    ]
    brief = merge_extractions(supply)
    [arms] = [e for e in brief.events if "to the capital" in e.summary and e.shown == "key"]
    assert arms.independent_sources == 2


def test_a_leaning_opening_is_dropped_from_the_line_and_costs_little():
    text = (
        "In response, Kyiv urged its allies to supply it with more weapons and allow deep "
        "strikes into the country."
    )
    assert clean_wording(text, {}) == (
        "Kyiv urged its allies to supply it with more weapons and allow deep strikes into the "
        "country."
    )
    assert clean_wording("But he also warned of a threat.", {}) == "He also warned of a threat."
    assert clean_wording("So far, 12 people have died.", {}) == "So far, 12 people have died."
    plain = neutrality_penalty(clean_wording(text, {}))
    assert neutrality_penalty(text) == pytest.approx(plain + LEAN_OPENING)
    # a pronoun subject under the connective still costs its full price
    assert neutrality_penalty("But he also warned of a threat to global security.") >= 2.0


def _unit(source: str, text: str, vector: dict[str, float], rank: int = 2) -> Unit:
    return Unit(source, rank + 1, text, "body", rank, None, vector)


def test_a_line_whose_subject_refers_back_to_a_shown_fact_is_a_detail_of_it():
    deaths = _unit("S1", "Nineteen people have been treated in hospital and two have died.",
                   {"treat": 0.5, "ninet": 0.5, "kill": 0.5, "two": 0.5})  # fmt: skip
    ages = _unit("S2", "Both of those who died were over 80 and had underlying conditions.",
                 {"condi": 0.6, "#80": 0.6, "kill": 0.2})  # fmt: skip
    assert refers_back(ages, deaths)  # 'those who died': 'died' is in the shown line
    assert detail_of(ages, deaths)
    recall = _unit("S1", "The company has recalled 14 cheeses.", {"recal": 0.7, "#14": 0.7})
    assert not refers_back(ages, recall)  # no word of its subject in that line
    them = _unit("S2", "Both of them were over 80.", {"#80": 1.0, "kill": 0.1})
    assert not refers_back(them, deaths)  # a subject without a content word: its own article's
    assert not refers_back(_unit("S2", "Two people have died.", {"kill": 1.0}), deaths)

    shown, detail = Cluster(), Cluster()
    shown.add(deaths)
    detail.add(ages)
    assert _repeats(detail, shown, shown.members)


def test_a_detail_folded_into_a_shown_line_marks_its_sources_on_it():
    stories = [
        told("S1", "Nineteen people have been treated in hospital and two have died.",
             "The creamery has recalled fourteen cheeses from every supermarket shelf."),
        told("S2", "Both of those who died were over 80 and had underlying health conditions.",
             "The creamery has recalled fourteen cheeses from supermarket shelves."),
        told("S3", "Nineteen people were treated in hospital, and two have died.",
             "Both of those who died were over 80 and had underlying health conditions.",
             "The creamery recalled fourteen cheeses from shelves."),
    ]  # fmt: skip
    brief = merge_extractions(stories)
    shown = [e for e in brief.events if e.shown != "none"]
    [deaths] = [e for e in shown if "two have died" in e.summary]
    assert deaths.sources == ["S1", "S2", "S3"]  # S2 tells the deaths only by their detail
    assert not any("over 80" in e.summary for e in shown)
    assert {(x.source, x.text) for x in deaths.evidence} >= {
        ("S2", "Both of those who died were over 80 and had underlying health conditions.")
    }


def test_lines_sharing_a_name_particular_to_one_fact_and_a_word_are_one_development():
    texts = {
        "S1": "Many of the canceled registrations belonged to students near Marlow State "
        "University.",
        "S2": "A large share of the removals fell in precincts around Marlow State University, "
        "where many students register.",
        "S3": "The removals were concentrated in precincts near a state university.",
    }
    units = [_unit(s, t, {}) for s, t in texts.items()]
    units += [_unit("S1", "The Marlow County board denied breaking the law.", {}, 3)]
    units += [_unit("S2", "The Marlow County board met on Tuesday.", {}, 3)]
    units += [_unit("S3", "The Marlow County board said the rolls were out of date.", {}, 3)]
    units += [_unit("S3", "The Marlow County board has until Friday.", {}, 4)]
    names = name_pairs(units)
    assert ("marlo", "state") in names and ("state", "unive") in names
    # the story's actor, named all through (more sentences than sources): not particular
    assert ("marlo", "count") not in names
    # a lowercase pair that no source writes as a name is none
    assert ("canc", "regis") not in names and ("preci", "near") not in names

    students, precincts, near = units[:3]
    students.vector = {"cance": 0.5, "regis": 0.5, "stude": 0.5, "marlo": 0.3, "state": 0.2}
    precincts.vector = {"share": 0.5, "remov": 0.4, "preci": 0.4, "stude": 0.4, "regis": 0.3,
                        "marlo": 0.2, "state": 0.2}  # fmt: skip
    near.vector = {"remov": 0.5, "conce": 0.5, "preci": 0.5, "state": 0.3, "unive": 0.3}
    assert same_name(precincts, students, names)  # the name, and 'students', 'register'
    assert same_name(near, precincts, names)  # 'state university', and 'precincts'
    board = _unit("S4", "Marlow State University said classes go on.", {"class": 1.0})
    assert not same_name(board, students, names)  # the name alone: no word of the fact
    assert not same_name(precincts, students, frozenset())


def test_a_preposition_after_a_plural_is_no_verb():
    assert fragment("All soft cheeses with use-by dates up to December 9, including Brie.")
    assert not fragment("Thousands flee as floods rise.")


def test_a_time_of_day_is_one_token_and_counts_nothing():
    from pipeline.developments import number_tokens

    assert tokens("The gates shut at 6pm.") == tokens("The gates shut at 6 p.m.")
    assert "@18" in tokens("The gates shut at 18:00.")
    assert "@7:30" in tokens("Trains resume at 7.30am.")
    assert number_tokens("The gates shut at 6 p.m. after 300 fans left.") == {"#300"}
    # a decimal with a unit after it is still a number
    assert "#2.5" in tokens("A 2.5 metre wall fell.")


def test_two_outlets_opening_words_for_one_event_are_one_development():
    """Four outlets open with the pier's closure; clustering put two openings together and
    the other two apart (each pair alike, the pairs less so). The closure is told once,
    with all four among its sources; another outlet's second sentence, as alike, is
    another fact and stays a development of its own."""
    from pipeline.developments import _normalised, build_developments, restates_lead

    def lead(sid: str, text: str, vector: dict[str, float], rank: int = 0) -> Unit:
        when = next((w for w in ("on Friday", "on Saturday") if w in text), None)
        unit = Unit(sid, rank + 1, text, "body", rank, when, _normalised(vector))
        unit.first = rank == 0
        return unit

    s1 = lead(
        "S1",
        "Westbay's Victorian pier was closed to the public after divers found its piles rotten.",
        {"westb": 0.5, "pier": 0.3, "diver": 0.6, "rotte": 0.5},
    )
    s3 = lead(
        "S3",
        "Westbay's pier was shut on Friday: piles were rotten.",
        {"westb": 0.5, "pier": 0.3, "surve": 0.6, "rotte": 0.5},
    )
    s2 = lead(
        "S2",
        "WESTBAY — The town abruptly shut its pier on Saturday, ending its concerts.",
        {"westb": 0.5, "abrup": 0.6, "conce": 0.6},
    )
    s4 = lead(
        "S4",
        "Concert fans in Westbay were stunned on Saturday as the town shut its pier.",
        {"abrup": 0.6, "conce": 0.6, "stunn": 0.5},
    )
    rebuild = lead("S2", "Westbay's harbour board will weigh a £3 million rebuild next week.",
                   {"westb": 0.5, "rebui": 0.7, "board": 0.5}, rank=1)  # fmt: skip
    closure, openings, board = _cluster_of(s1, s3), _cluster_of(s2, s4), _cluster_of(rebuild)
    assert restates_lead(openings, closure.members)  # 0.26 alike, and both lead
    assert not restates_lead(board, closure.members)  # as alike, but a second sentence
    brief = build_developments(
        [told(s) for s in ("S1", "S2", "S3", "S4")],
        {},
        {},
        ([s1, s2, s3, s4, rebuild], [closure, openings, board]),
    )
    shown = [e for e in brief if e.shown != "none"]
    [closed] = [e for e in shown if "pier" in e.summary]
    assert closed.sources == ["S1", "S2", "S3", "S4"]
    assert closed.when == "on Friday"  # a detail's own time phrase dates no development
    assert any("rebuild" in e.summary for e in shown)


def _cluster_of(*units: Unit) -> Cluster:
    found = Cluster()
    for unit in units:
        found.add(unit)
    return found


def test_a_tabloid_headline_set_in_the_body_is_a_headline_not_a_development():
    from pipeline.developments import repeats_title, shouted_headline

    assert shouted_headline("PIER PANIC: Crumbling seaside landmark SHUT as anglers fume")
    assert shouted_headline("TWO HURT IN HARBOUR BLAZE")
    assert not shouted_headline("NORTH Korean troops have been sent to the front.")
    assert not shouted_headline("PIER PANIC: the landmark was shut on Friday.")  # a sentence
    assert repeats_title("PIER OF DOOM - Landmark SHUT", ["Pier of doom: landmark shut"])
    assert not repeats_title("The landmark pier was shut on Friday.", ["Pier of doom"])

    lead = "Westbay's Victorian pier was closed on Friday after divers found rotten piles."
    titled = told("S2", "Pier Closed After Divers Find Rot", lead)
    titled.source.title = "Pier closed after divers find rot"
    brief = merge_extractions(
        [
            told("S1", "PIER PANIC: Crumbling seaside landmark SHUT as anglers fume", lead),
            titled,
            told("S3", lead),
        ]
    )
    shown = [e for e in brief.events if e.shown != "none"]
    assert [e.summary for e in shown] == [lead]
    # no development at all, shown or kept for the JSON, is made of a headline
    assert not any("SHUT" in e.summary or "Find Rot" in e.summary for e in brief.events)


def test_the_hurt_their_condition_and_a_thing_of_a_shown_year_are_details():
    hurt = _unit("S1", "Three people died and 20 were injured when the stand collapsed.",
                 {"kill": 0.5, "injur": 0.5, "stand": 0.6, "colla": 0.4})  # fmt: skip
    stewards = _unit("S2", "Among the injured were four stewards, treated at the county hospital.",
                     {"injur": 0.4, "stewa": 0.7, "count": 0.3})  # fmt: skip
    assert refers_back(stewards, hurt)
    assert refers_back(_unit("S3", "Four stewards were among the injured.", {"stewa": 1.0}), hurt)
    ill = _unit("S2", "Two people remained in a critical condition on Sunday.", {"criti": 1.0})
    assert refers_back(ill, hurt)
    widow = _unit("S4", "Ann Dee, whose husband, Tom Dee, 70, died at the ground, spoke out.",
                  {"husba": 0.7, "kill": 0.3})  # fmt: skip
    assert refers_back(widow, hurt)
    club = _unit("S4", "The club said it was shocked by the deaths and would help police.",
                 {"club": 0.6, "shock": 0.6, "kill": 0.3})  # fmt: skip
    assert not refers_back(club, hurt)  # the deaths named, no one of the dead told of
    recall = _unit(
        "S1", "The brewer recalled 9,000 crates on Friday.", {"recal": 0.7, "#9000": 0.7}
    )
    assert not refers_back(ill, recall)  # a condition after no count of the hurt

    survey = _unit("S1", "A safety survey in 2021 rated the stand 'poor'.",
                   {"surve": 0.6, "#2021": 0.4, "poor": 0.6})  # fmt: skip
    limits = _unit("S2", "Officials said the 2021 survey led to a cap on crowd numbers.",
                   {"cap": 0.6, "crowd": 0.6, "#2021": 0.3})  # fmt: skip
    assert refers_back(limits, survey)
    assert not refers_back(limits, recall)


def test_a_line_giving_only_disputed_values_is_left_to_where_sources_differ():
    """The main event stays a development whatever it gives; a later line that only gives
    one side of a disputed figure is said by where sources differ, with both sides."""
    from pipeline.developments import rival_told

    fire = _cluster_of(_unit("S1", "Fire destroyed the mill on Tuesday.", {"mill": 1.0}))
    claim = _cluster_of(
        _unit("S1", "The owner said the damage could reach $9 million.", {"#9": 0.6, "dama": 0.8})
    )
    assert rival_told(claim, [{"#9", "#6"}])
    assert rival_told(claim, [{"#40", "#41"}, {"#9", "#6"}])  # any quantity's rivals
    assert not rival_told(claim, [{"#6", "#7"}])
    assert not rival_told(fire, [{"#9", "#6"}])  # no number: nothing disputed
    both = _cluster_of(
        _unit("S2", "The owner put damage at $9 million and 40 jobs.", {"#9": 0.5, "#40": 0.5})
    )
    assert not rival_told(both, [{"#9", "#6"}])  # 40 jobs is no disputed value

    stories = [
        told("S1", "Fire destroyed the old mill in Ashby on Tuesday night.",
             "The owner said the damage could reach $9 million."),
        told("S2", "Fire destroyed the old mill in Ashby on Tuesday night.",
             "The owner said the damage could reach $9 million."),
        told("S3", "Fire destroyed the old mill in Ashby on Tuesday night."),
    ]  # fmt: skip
    events = build(stories, rivals=[["$9 million", "$6 million"]])
    [mill, damage] = [e for e in events if e.shown == "key"]
    assert "mill" in mill.summary and not mill.in_differences
    assert damage.in_differences and not damage.on_timeline
    assert not any(e.in_differences for e in build(stories))  # no difference: listed


def build(stories, rivals=()):
    from pipeline.developments import build_developments

    return build_developments(stories, {}, {}, rivals=rivals)


def test_an_outlets_own_caption_does_not_make_its_lone_detail_matter():
    from pipeline.developments import _matters

    line = Unit("S2", 9, "Blankets are handed out at the Hill Street hall until 8pm.", "body",
                9, None, {"blank": 1.0})  # fmt: skip
    own = Unit("S2", 4, "Volunteers hand out blankets at the Hill Street hall (Photo: Ann Lee)",
               "caption", 0, None, {"blank": 1.0})  # fmt: skip
    lone = _cluster_of(line)
    lone.support.append(own)
    assert not _matters(lone)
    other = Unit("S3", 4, own.text, "caption", 0, None, {"blank": 1.0})
    lone.support.append(other)
    assert _matters(lone)  # another outlet shows it too
    headline = Unit("S2", 1, "Blankets handed out as cold snap bites", "headline", 0, None, {})
    assert _matters(_cluster_of(line)) is False
    titled = _cluster_of(line)
    titled.support.append(headline)
    assert _matters(titled)


def _plain_unit(source: str, text: str, rank: int = 3) -> Unit:
    """A unit whose vector weighs each of its content words alike."""
    from pipeline.developments import _normalised

    return Unit(
        source, rank + 1, text, "body", rank, None, _normalised(dict.fromkeys(tokens(text), 1.0))
    )


def test_a_development_a_shown_lines_closing_clause_tells_is_folded_into_it():
    from pipeline.developments import told_in_clause

    closed = _plain_unit("S1", "Westbay's pier was closed to the public on Friday after divers "
                         "found that its oak piles had rotted through.", 0)  # fmt: skip
    rot = _cluster_of(
        _plain_unit("S2", "Divers found that 12 of the pier's 40 oak piles had rotted.")
    )
    rebuild = _cluster_of(_plain_unit("S2", "The harbour board will weigh a rebuild of the pier."))
    assert told_in_clause(rot, closed)
    assert not told_in_clause(rebuild, closed)
    # the words in the main clause, and a closing clause too short to tell a development
    found = _plain_unit("S1", "Divers found that its oak piles had rotted through after a storm "
                        "on Friday.", 0)  # fmt: skip
    assert not told_in_clause(rot, found)


def test_a_development_an_outlet_tells_joined_to_a_shown_one_is_folded_into_it():
    from pipeline.developments import told_in_clause

    line = _plain_unit("S1", "The ferry company has cancelled six sailings to the island.")
    both = _plain_unit("S2", "The operator said six sailings had been cancelled and that a "
                       "relief boat for foot passengers would leave from Westbay pier.")  # fmt: skip
    boat = _cluster_of(_plain_unit("S3", "A relief boat for foot passengers leaves Westbay pier "
                                   "each morning at nine."))  # fmt: skip
    assert told_in_clause(boat, line, [line, both])
    assert not told_in_clause(boat, line, [line])
    # an outlet's lead packs several developments in one sentence: its clauses are not read
    both.first = True
    assert not told_in_clause(boat, line, [line, both])


def test_a_denial_just_after_a_claim_in_its_outlets_is_one_development_with_it():
    """Two outlets tell the council's claim and, next, the firm's denial; a third the
    denial alone. One line: the claim, then the denial, with every source."""
    from pipeline.developments import answers

    def at(sid: str, text: str, rank: int) -> Unit:
        return _plain_unit(sid, text, rank)

    claim = _cluster_of(
        at("S1", "The council says the firm dumped waste in the canal for three weeks.", 4),
        at("S2", "Council officials said waste was dumped in the canal for three weeks.", 6),
    )
    denial = _cluster_of(
        at("S1", "The firm's director rejected any suggestion of wrongdoing.", 5),
        at("S2", "Harbour Metals denied any wrongdoing on Tuesday.", 8),
        at("S3", "Harbour Metals denied any wrongdoing.", 2),
    )
    assert answers(denial, claim)  # within two sentences after it, in two of its three outlets
    assert not answers(claim, denial)  # the claim denies nothing
    late = _cluster_of(at("S1", "Harbour Metals denied any wrongdoing.", 9),
                       at("S2", "Harbour Metals denied any wrongdoing.", 12))  # fmt: skip
    assert not answers(late, claim)  # told far from the claim: no answer to it

    from pipeline.developments import build_developments

    units = [*claim.members, *denial.members]
    events = build_developments(
        [told(s) for s in ("S1", "S2", "S3")], {}, {}, (units, [denial, claim])
    )
    [line] = [e for e in events if e.shown == "key"]
    assert line.summary == (
        "The council says the firm dumped waste in the canal for three weeks; Harbour Metals "
        "denied any wrongdoing on Tuesday."
    )
    assert line.sources == ["S1", "S2", "S3"]


def test_another_partys_answer_just_after_a_claim_is_one_development_with_it():
    """A party's answer without a verb of denial ('the fault had been repaired') told
    right after another party's claim on the same thing is the claim's reply; a sentence
    of another party on another thing, a pronoun's word, or one party's own next sentence
    is not."""
    from pipeline.developments import answers, responds, said_by

    def at(sid: str, text: str, rank: int) -> Unit:
        return _plain_unit(sid, text, rank)

    claim = _cluster_of(
        at("S1", "The tenants' association said residents had reported damp in the lifts.", 3),
        at("S2", "Tenants say they reported damp in the lifts for months.", 7),
    )
    reply = _cluster_of(
        at("S1", "Brookfield Homes said the damp in the lifts had been treated in May.", 4),
        at("S2", "The landlord said the damp had been treated, Brookfield Homes said.", 9),
    )
    assert said_by(_choose_text(claim)) == "the tenants' association"
    assert said_by("Leaks were fixed on Monday, Brookfield Homes said.") == "brookfield homes"
    assert said_by("Leaks were fixed on Monday.") is None
    assert responds(reply, claim) and answers(reply, claim)
    assert not responds(claim, reply)  # told before the answer, not after it
    other = _cluster_of(
        at("S1", "Brookfield Homes said it would build 40 flats next year.", 4),
        at("S2", "Brookfield Homes said 40 new flats would follow next year.", 8),
    )
    assert not responds(other, claim)  # another thing
    same = _cluster_of(
        at("S1", "The tenants' association said the damp in the lifts was getting worse.", 4),
        at("S2", "The tenants' association said the damp in the lifts was getting worse.", 8),
    )
    assert not responds(same, claim)  # one party's word, told on
    pronoun = _cluster_of(
        at("S1", "She said the damp in the lifts had been treated in May.", 4),
        at("S2", "She said the damp in the lifts had been treated.", 8),
    )
    assert not responds(pronoun, claim)  # whose word is not told in the line


def _choose_text(group) -> str:
    from pipeline.developments import _choose

    return _choose(group).text


def test_generic_capitalised_words_are_no_shared_names_and_fewer_names_allow_more_chance():
    story = [
        "Fire crews fought the blaze at the Brenford Chemicals depot in Port Hollis.",
        "Brenford Chemicals said about 40 people worked at the depot, the County said.",
        "Fire Chief Marcus Hale said the fire was under control, a county spokesman added.",
    ]
    units = [_body(s, n, t) for s in ("S1", "S2", "S3") for n, t in enumerate(story, 1)]
    # another story, using only the title words every story uses ("County", "Fire"), with a
    # fifth of its sentences worded like the story's
    stray = [f"Voters in Tamsworth County queued at polling place {k} run by Greta Lund."
             for k in range(8)]  # fmt: skip
    stray += ["Fire crews fought the blaze at the depot until dawn.",
              "About 40 people worked at the depot, the owners said."]  # fmt: skip
    units += [_body("S4", n, t) for n, t in enumerate(stray, 1)]
    assert list(off_topic(units, {}, ["S1", "S2", "S3", "S4"])) == ["S4"]


def test_the_outlet_on_its_own_coverage_is_no_development_and_supports_none():
    from pipeline.developments import own_coverage, units_of

    assert own_coverage("We're following the fallout from the council's vote to shut the lido.")
    assert own_coverage("Here's what we know so far, and we'll be at the town hall for the vote.")
    assert own_coverage("We'll be back tomorrow with reaction from swimmers and the council.")
    assert own_coverage("Thanks for following along - we'll have more at six.")
    assert own_coverage("Stay with the Courier for updates.")
    assert own_coverage("This story will be updated.")
    assert own_coverage("08:15 We are tracking the storm as it moves north.")
    # facts the outlet was told, or a speaker's 'we', are no talk about its coverage
    assert not own_coverage("The water board tells us it has received 200 complaints.")
    assert not own_coverage("We're inside the town hall, where councillors voted 7-2 to shut it.")
    assert not own_coverage('"We will be back stronger," the club\'s manager said.')
    assert not own_coverage("The old piano will stay with us for a long time, she said.")

    blog = told(
        "S1",
        "We're following the fallout from the council's vote to shut the Marsh Lane lido.",
        "Councillors voted 7-2 on Monday to close the Marsh Lane lido for good.",
        "We'll be back tomorrow with reaction from swimmers.",
        headline="Lido vote: live",
    )
    units = units_of([blog])
    assert [u.role for u in units] == ["headline", "aside", "body", "aside"]
    assert [u.first for u in units] == [False, False, True, False]  # the lead is the vote

    others = [
        told("S2", "Councillors voted 7-2 on Monday to close the Marsh Lane lido for good."),
        told("S3", "The Marsh Lane lido will close after councillors voted 7-2 on Monday."),
    ]
    brief = merge_extractions([blog, *others])
    shown = [e for e in brief.events if e.shown != "none"]
    assert shown and all("we" not in e.summary.lower().split() for e in shown)
    said = {(ev.source, ev.sentence) for e in brief.events for ev in e.evidence}
    assert ("S1", 2) not in said and ("S1", 4) not in said  # neither shown nor support


def test_the_version_shown_is_the_one_stating_the_finding_in_words():
    """Three outlets give the survey's finding as a share in words, at length; a fourth only
    says, shortly and plainly, that a survey took place. The line shown is one with the
    finding (without the shares in words, the plain short one would be)."""
    from pipeline.developments import _choose, _vectorise, shares_in_words

    assert shares_in_words("only three of the eight lifeboats were seaworthy") == {"#3", "#8"}
    assert shares_in_words("THREE out of eight boats") == {"#3", "#8"}
    assert not shares_in_words("the two sides met; three of them left")
    versions = [
        ("S1", "At the heart of the county's case is a survey of the Kestrel ferry carried out "
               "on Monday by Harbour Master Ines Roy's office."),
        ("S2", "Harbour Master Ines Roy said only three of the eight lifeboats on the Kestrel ferry, "
               "a converted cargo ship moored at the north quay, were seaworthy during a survey on "
               "Monday."),
        ("S3", "Inspectors from Harbour Master Ines Roy's office found on Monday that only three of "
               "the eight lifeboats could be launched and that the ferry's fire doors were wedged "
               "open."),
        ("S4", "The survey of the Kestrel ferry by Ines Roy's office found three of eight lifeboats "
               "fit for use, according to a report the county released to reporters late on "
               "Tuesday."),
    ]  # fmt: skip
    units = [Unit(s, 3, t, "body", 2, None) for s, t in versions]
    _vectorise(units)
    group = Cluster()
    for unit in units:
        group.add(unit)
    assert "three of the eight" in _choose(group).text
    assert not shares_in_words(versions[0][1])


def test_an_outlets_opening_finding_told_further_down_by_the_others_is_no_restated_lead():
    from pipeline.developments import restates_lead

    def at(sid: str, text: str, rank: int, first: bool = False) -> Unit:
        unit = _plain_unit(sid, text, rank)
        unit.first = first
        return unit

    lead = at("S1", "The county closed the Elm Street bridge after engineers found corroded "
              "cables.", 0, first=True)  # fmt: skip
    finding = _cluster_of(
        at("S2", "Engineers found corroded cables on the Elm Street bridge.", 0, first=True),
        at("S3", "Engineers found that cables under the bridge had corroded.", 4),
        at("S4", "Inspection engineers found corroded cables on the bridge.", 5),
    )
    assert not restates_lead(finding, [lead])  # one of its three sources leads with it
    opening = _cluster_of(finding.members[0])
    assert restates_lead(opening, [lead])


def test_a_sentence_telling_a_claim_and_its_denial_answers_nothing_before_it():
    from pipeline.developments import answers, denies_own_claim

    assert denies_own_claim(
        "The club went to court and accused the mayor of settling a score - a charge he denied."
    )
    assert denies_own_claim("Residents allege the pumps failed, which the water board rejects.")
    assert not denies_own_claim("Harbour Metals denied any wrongdoing on Tuesday.")
    assert not denies_own_claim("The company rejected the union's pay offer on Monday.")
    lead = _cluster_of(
        _plain_unit("S1", "The council shut the Elm Street market on Monday.", 0),
        _plain_unit("S2", "Elm Street market was shut by the council on Monday.", 0),
    )
    both = _cluster_of(
        _plain_unit(
            "S1",
            "Traders went to court and accused the council of settling a score - "
            "a charge the council denied.",
            1,
        ),  # fmt: skip
        _plain_unit("S2", "The traders accused the council of a vendetta, which it denied.", 1),
    )
    assert not answers(both, lead)


def test_a_part_several_sources_tell_apart_from_a_developments_line_is_shown_on_its_own():
    """Clustering joined two facts; the line shown tells one of them. The other, told by two
    outlets, is a development of its own, not a leftover kept only in the JSON."""
    from pipeline.developments import build_developments

    bridge = [
        _plain_unit("S1", "The county closed the Elm Street bridge to all traffic on Monday.", 0),
        _plain_unit(
            "S2", "The Elm Street bridge was closed to all traffic by the county on Monday.", 0
        ),  # fmt: skip
    ]
    fares = [
        _plain_unit("S3", "Ferry fares across the estuary were halved for commuters this week.", 2),
        _plain_unit("S4", "Commuters will pay half the usual ferry fare across the estuary.", 2),
    ]
    events = build_developments(
        [told(s) for s in ("S1", "S2", "S3", "S4")],
        {},
        {},
        (bridge + fares, [_cluster_of(*bridge, *fares)]),
    )
    shown = [e for e in events if e.shown == "key"]
    assert any("bridge" in e.summary for e in shown)
    assert any("ferry" in e.summary.lower() for e in shown)


def test_a_line_opening_with_he_or_she_names_the_person_the_sentence_before_names():
    from pipeline.developments import antecedent_of, named_subject, subject_name, units_of

    assert subject_name("Harbour Board chair Ines Roy said the quay was unsafe.") == (
        "Harbour Board chair Ines Roy"
    )
    assert subject_name("Ines Roy, the board's chair, said the quay was unsafe.") == "Ines Roy"
    assert subject_name("Okoye, who chairs the finance committee, called it a scandal.") == "Okoye"
    assert subject_name("Breaking: Judge Ada Osei has refused the request.") == "Judge Ada Osei"
    assert subject_name("The harbour master said the quay was unsafe.") is None
    assert subject_name("The quay was closed on Monday.") is None
    assert named_subject("He said the ferry would not sail.", "Ines Roy") == (
        "Ines Roy said the ferry would not sail."
    )
    assert named_subject("His lawyer declined to comment.", "Tom Banks") == (
        "Tom Banks's lawyer declined to comment."
    )
    assert named_subject("He said so.", None) == "He said so."
    unit = Unit("S1", 4, "She said the ferry would not sail.", "body", 3, None)
    assert antecedent_of(unit, "Ines Roy, the board's chair, said the quay was unsafe.", None)
    assert antecedent_of(unit, '"It is unsafe," she said.', "Ines Roy") == "Ines Roy"
    assert antecedent_of(unit, "Mr. Tom Banks said the quay was safe.", None) is None  # 'She'
    assert antecedent_of(unit, "The quay was shut.", None) is None

    article = told(
        "S1",
        "The Marsh Lane ferry was suspended on Monday after a survey of its lifeboats.",
        "Harbour Board chair Ines Roy said only two of its six lifeboats could be launched.",
        "She said the ferry would not sail until all six had been replaced.",
    )
    units = units_of([article])
    assert units[2].antecedent == "Harbour Board chair Ines Roy"
    assert units[2].wording.startswith("Harbour Board chair Ines Roy said the ferry would not")
    assert units[2].text.startswith("She said")  # the evidence stays verbatim
    others = [
        told(
            "S2",
            "Ferry services stay suspended until all six lifeboats have been replaced, "
            "the harbour board said.",
        ),  # fmt: skip
        told("S3", "He said the ferry would not sail until all six lifeboats were replaced."),
    ]
    brief = merge_extractions([article, *others])
    lines = [e.summary for e in brief.events if e.shown != "none"]
    assert not any(line.startswith(("He ", "She ")) for line in lines)


def test_an_outlet_giving_some_or_none_of_a_lines_figures_is_no_outlet_of_other_figures():
    """The line gives two figures. An outlet giving one of them supports it; one telling the
    development without any figure supports it too; only one giving another figure is
    marked as giving other figures."""
    from pipeline.developments import build_developments, other_numbers, supports

    line = _plain_unit("S1", "The mayor said 34,000 tickets were sold for Saturday, over the "
                       "permit's 30,000 limit.", 0)  # fmt: skip
    some = _plain_unit("S2", "But the mayor's office said about 34,000 tickets were sold.", 2)
    none = _plain_unit("S3", "The mayor said far more tickets were sold for Saturday than the "
                       "permit allowed.", 2)  # fmt: skip
    other = _plain_unit("S4", "The promoter said 26,000 tickets were sold for Saturday.", 2)
    assert supports(some, line) and supports(none, line)
    assert not supports(other, line) and other_numbers(other, line) == {"26,000"}
    assert not other_numbers(some, line)
    group = _cluster_of(line, some, none, other)
    [event] = [
        e
        for e in build_developments(
            [told(s) for s in ("S1", "S2", "S3", "S4")], {}, {}, (group.members, [group])
        )
        if e.shown == "key"
    ]
    assert event.summary == line.text
    assert event.sources == ["S1", "S2", "S3"]
    assert event.other_figures == ["S4"]
    assert event.independent_sources == 4


def test_an_outlet_saying_a_line_in_a_sentence_clustered_elsewhere_is_among_its_sources():
    """S3 tells the ferry's suspension in a sentence clustering put with another fact; it
    says the shown line all the same, and is marked on it. A sentence giving another figure,
    or too unlike the line, is not."""
    from pipeline.developments import said_elsewhere

    line = _plain_unit("S1", "The Marsh Lane ferry was suspended on Monday after inspectors "
                       "found 14 faults on its lifeboats.", 0)  # fmt: skip
    again = _plain_unit("S2", "Inspectors found 14 faults on the lifeboats of the Marsh Lane ferry, "
                        "and it was suspended on Monday.", 1)  # fmt: skip
    both = _plain_unit("S3", "The Marsh Lane ferry was suspended on Monday after inspectors found "
                       "faults on its lifeboats, and fares on the bus were cut.", 4)  # fmt: skip
    figure = _plain_unit("S4", "The Marsh Lane ferry was suspended on Monday after inspectors "
                         "found 9 faults on its lifeboats.", 4)  # fmt: skip
    unlike = _plain_unit("S5", "Bus fares were cut for the summer.", 4)
    group = _cluster_of(line, again)
    said_elsewhere(group, [line, again, both, figure, unlike])
    assert [u.source for u in group.details] == ["S3"]


def test_a_share_of_the_shown_lines_own_things_is_a_detail_of_it():
    from pipeline.developments import share_of_subject

    shown = "Ferry crossings across the estuary were halted on Monday as 300 crew walked out."
    assert share_of_subject(
        "The operator said fewer than one in ten of its usual 120 daily crossings were running.",
        shown,
    )
    assert share_of_subject("Just 9 of its 120 crossings are running this morning.", shown)
    assert not share_of_subject("Only four of the nine lifeboats were usable.", shown)
    assert not share_of_subject("The operator said 12 crossings were cancelled.", shown)
    line = _plain_unit("S1", shown, 0)
    detail = _plain_unit("S2", "Just 9 of its 120 crossings are running this morning.")
    assert refers_back(detail, line) and detail_of(detail, line)


def test_a_sentence_going_on_about_the_things_of_a_shown_sentence_is_a_detail_of_it():
    from pipeline.developments import continues

    exits = Unit("S1", 3, "Inspectors found only four of the nine exits could be used.", "body", 2,
                 None)  # fmt: skip
    rest = Unit("S1", 4, "The rest were blocked by fencing and stalls.", "body", 3, None)
    elsewhere = Unit("S2", 4, "The rest were blocked by fencing and stalls.", "body", 3, None)
    later = Unit("S1", 6, "The rest were blocked by fencing and stalls.", "body", 5, None)
    named = Unit("S1", 4, "The stage roof was not certified.", "body", 3, None)
    assert continues(rest, [exits])
    assert not continues(elsewhere, [exits])  # another article's sentence before it
    assert not continues(later, [exits])  # not right after it
    assert not continues(named, [exits])  # a subject of its own


def test_shutting_down_switching_off_halting_and_giving_way_fold_to_one_word_each():
    assert "close" in tokens("The owners plan to shut down the mill by spring.")
    assert "close" in tokens("The last paper machine will be switched off in March.")
    assert "close" in tokens("Kilns were turned off on Friday.")
    assert "close" not in tokens("The union turned down the pay offer.")  # refused, not closed
    assert "halt" in tokens("Work was halted at the quarry.")
    assert "halt" in tokens("The firm stopped work at the quarry.")
    assert "halt" in tokens("Ferries were suspended for the day.")
    assert "burst" in tokens("The levee gave way after a week of rain.")
    assert "burst" in tokens("A levee collapsed overnight.")
    plain = neutrality_penalty("Passengers were led onto waiting coaches at the terminal.")
    assert neutrality_penalty("Passengers were herded onto waiting coaches at the terminal.") > (
        plain
    )


def _mill_story():
    """Two outlets tell the mill's closure over their first two sentences, a third leads with
    it in other words; clustering put the leads apart from the second sentences, and the job
    figures (three outlets) apart again."""
    from pipeline.developments import _normalised

    def at(sid: str, rank: int, text: str) -> Unit:
        unit = Unit(sid, rank + 1, text, "body", rank, None,
                    _normalised(dict.fromkeys(tokens(text), 1.0)))  # fmt: skip
        unit.first = rank == 0
        return unit

    leads = [
        at(
            "S1",
            0,
            "Harwick's century-old paper mill is to close, its owners said, blaming pulp prices.",
        ),  # fmt: skip
        at(
            "S3",
            0,
            "Nordpaper said on Tuesday it would close the Harwick paper mill, "
            "citing what it pays for pulp.",
        ),  # fmt: skip
    ]
    machines = [
        at("S1", 1, "Workers were told the last paper machine would be switched off in March."),
        at(
            "S2",
            1,
            "Staff heard at a canteen meeting that the machines would be turned off in March.",
        ),  # fmt: skip
        at("S4", 1, "The paper machines go quiet in March, managers told the workforce."),
        at("S5", 1, "Its machines will be switched off in March."),
    ]
    opening = at("S2", 0, "A town that has made paper since 1912 will see its works shut.")
    jobs = [
        at("S1", 2, "The union said 260 people would lose their jobs at Harwick."),
        at("S2", 2, "Union officials put the jobs lost at 260."),
        at("S3", 1, "The union says 260 jobs will go."),
    ]
    others = [
        at("S4", 0, "Nordpaper's announcement stunned Harwick on Tuesday morning."),
        at("S5", 0, "Harwick's mayor called it a dark day for the valley."),
    ]
    units = [*leads, *machines, opening, *jobs, *others]
    return units, leads, machines, jobs


def test_outlets_telling_their_lead_on_in_the_next_sentence_give_one_development_first():
    """The closure is told once, first, with every outlet that leads with it: two outlets go
    on from a lead under a headline saying 'close' to a sentence of the machines' shutdown,
    so the leads (one clustered with another outlet's) and those sentences are one
    development; the job figures stay one of their own."""
    from pipeline.developments import (
        _score,
        build_developments,
        continues_lead,
        headline_words,
        lead_told_on,
    )

    units, leads, machines, jobs = _mill_story()
    titled = [
        extraction("S1", source=source("S1", title="Harwick paper mill to close")),
        extraction("S2", source=source("S2", title="Closure of Harwick mill confirmed")),
        extraction("S3", source=source("S3", title="Nordpaper to shut Harwick mill")),
        extraction("S4", source=source("S4", title="Harwick stunned")),
        extraction("S5", source=source("S5", title="A dark day for Harwick")),
    ]
    heads = headline_words(titled, units)
    assert "close" in heads["S1"] and "close" in heads["S3"]
    assert continues_lead(leads[0], machines[0], heads["S1"])
    assert not continues_lead(leads[0], machines[1], heads["S1"])  # another outlet's
    assert not continues_lead(leads[1], jobs[2], heads["S3"])  # no headline word in both
    outlet_leads = [u for u in units if u.first]
    assert lead_told_on(_cluster_of(*leads), [jobs, machines], outlet_leads, heads) == 1
    # a development that only one outlet tells on from its lead is no such development
    assert lead_told_on(_cluster_of(*leads), [jobs, machines[:1]], outlet_leads, heads) is None

    machine_group = _cluster_of(*machines)
    machine_group.details += leads
    assert _score(machine_group, {}, credited=True) > _score(machine_group, {})

    clusters = [_cluster_of(*jobs), _cluster_of(*machines), _cluster_of(*leads)]
    clusters += [_cluster_of(u) for u in units if u.first and u not in leads]
    events = build_developments(titled, {}, {}, (units, clusters))
    shown = [e for e in events if e.shown == "key"]
    closure = [e for e in shown if "close" in e.summary or "in March" in e.summary]
    assert closure == shown[:1]  # told once, first
    assert shown[0].sources == ["S1", "S2", "S3", "S4", "S5"]
    assert any("260" in e.summary for e in shown[1:])


def test_a_clause_joined_by_and_that_another_outlet_tells_on_its_own_is_left_out_of_the_line():
    from pipeline.developments import one_fact

    line = _plain_unit(
        "S1",
        "The council has banned barbecues in Ferris Park, including on its beach, and closed "
        "the lakeside path to walkers and cyclists.",
        2,
    )
    path = _plain_unit("S2", "The lakeside path was closed to walkers and cyclists on Sunday.")
    assert one_fact(line, [path]) == (
        "The council has banned barbecues in Ferris Park, including on its beach."
    )
    assert one_fact(line, []) == line.text  # no other outlet tells it: the line says it
    same_outlet = _plain_unit("S1", path.text, 5)
    assert one_fact(line, [same_outlet]) == line.text
    short = _plain_unit("S1", "The council banned barbecues, and closed the lakeside path.", 2)
    assert one_fact(short, [path]) == short.text  # too short a part to stand alone


def test_a_clause_whose_thing_the_outlet_takes_up_next_in_a_shown_development_is_left_out():
    from pipeline.developments import one_fact, takes_up

    line = _plain_unit(
        "S1",
        "Ferris County has sued the quarry's owner for 2 million dollars after a slurry pond "
        "burst at its Dellow quarry, fouling the Ash river.",
        0,
    )
    after = _plain_unit(
        "S1",
        "The pond gave way on Friday night after days of rain, releasing grey slurry into the "
        "river.",
        1,
    )
    clause = "a slurry pond burst at its Dellow quarry, fouling the Ash river."
    assert takes_up(after.text, clause)
    assert not takes_up("The drivers rejected the pay offer.", "about 900 drivers began a strike")
    assert not takes_up("Quarry owners met the council.", clause)  # no definite article
    assert one_fact(line, [], {("S1", 1): after}) == (
        "Ferris County has sued the quarry's owner for 2 million dollars."
    )
    assert one_fact(line, [], {}) == line.text  # the pond's burst is shown nowhere else
    elsewhere = _plain_unit("S2", after.text, 1)
    assert one_fact(line, [], {("S2", 1): elsewhere}) == line.text  # not its next sentence


def test_few_outlets_telling_a_shown_facts_particular_act_again_are_that_development():
    from pipeline.developments import _repeats, lesser

    def at(sid: str, rank: int, text: str) -> Unit:
        return _plain_unit(sid, text, rank)

    shown = _cluster_of(
        at("S1", 0, "Lenham's tram line will close in May, the operator said."),
        at(
            "S2",
            6,
            "The transport board is reviewing the tram subsidy and could ask for the money back.",
        ),  # fmt: skip
        at(
            "S3",
            7,
            "Lenham received a 4 million pound tram subsidy from the Lenham Transport "
            "Board in 2021.",
        ),  # fmt: skip
        at("S4", 7, "The tram subsidy, paid in 2021, came from the Lenham Transport Board."),
        at("S5", 9, "Questions are being asked about the tram subsidy."),
    )
    remark = _cluster_of(
        at(
            "S2",
            8,
            "Board chair Ada Kerr said it would review the terms of the subsidy, "
            "including whether any of it must be repaid.",
        ),  # fmt: skip
        at("S5", 11, "Ada Kerr says the board will look at whether the subsidy must be repaid."),
    )
    near = frozenset({("revie", "subsi")})
    assert lesser(remark, shown, shown.members, near)
    assert not lesser(remark, shown, shown.members, frozenset())  # no particular act shared
    assert not lesser(remark, shown, shown.members[:1] + shown.members[2:], near)  # S2's told it
    widely = _cluster_of(*remark.members, at("S3", 9, "Kerr said the board would review it."),
                         at("S4", 9, "The board will review it, Kerr said."))  # fmt: skip
    assert not lesser(widely, shown, shown.members, near)  # as many outlets as half of them
    stranger = _cluster_of(*remark.members, at("S6", 3, "Kerr said the board would review it."))
    assert not lesser(stranger, shown, shown.members, near)  # an outlet the shown one lacks
    assert _repeats(remark, shown, shown.members, near=near)


def test_a_version_naming_a_shown_facts_particular_name_makes_its_development_that_one():
    from pipeline.developments import _repeats

    shown = _cluster_of(
        _plain_unit(
            "S1",
            "Lenham received a 4 million pound tram subsidy from the Lenham "
            "Transport Board in 2021.",
            5,
        ),  # fmt: skip
    )
    review = _cluster_of(
        _plain_unit("S2", "Its board said it would look again at the money next month.", 6),
        _plain_unit(
            "S3",
            "The Lenham Transport Board has confirmed it will review the 4 "
            "million pound subsidy it paid in 2021.",
            8,
        ),  # fmt: skip
    )
    names = frozenset({("lenha", "trans"), ("trans", "board")})
    assert _repeats(review, shown, shown.members, names=names)
    assert not _repeats(_cluster_of(review.members[0]), shown, shown.members, names=names)


def test_a_list_items_mark_is_not_part_of_a_developments_wording():
    from pipeline.developments import clean_wording

    assert clean_wording("- The pier was closed on Friday.", {}) == "The pier was closed on Friday."
    assert clean_wording("2) Talks resume on Monday.", {}) == "Talks resume on Monday."


def test_a_tabloid_shout_no_source_writes_otherwise_is_shown_in_normal_case():
    from pipeline.developments import casing_of, clean_wording

    casing = casing_of(["The board of UNESCO met.", "UNESCO said it would act."])
    assert clean_wording("PETRIFIED diners fled the restaurant.", casing) == (
        "Petrified diners fled the restaurant."
    )
    assert clean_wording("UNESCO said it would act.", casing) == "UNESCO said it would act."


def test_a_key_numbers_list_item_is_no_development():
    """'4,100 - homes without power', '~£3bn: value wiped off': a figure and what it counts,
    set out as a list, states no development (its figure is still a figure)."""
    from pipeline.developments import fragment

    assert fragment("4,100 - homes without power at the peak")
    assert fragment("~£3bn – value wiped off the shares")
    assert fragment("12+: deaths the families count")
    assert not fragment("4,100 homes were without power at the peak.")
    assert not fragment("2025-26: the council spent more than it raised.")


def test_the_date_a_thing_was_originally_set_for_does_not_date_its_postponement():
    from pipeline.developments import incidental

    assert incidental("June 4", "The firm postponed its launch, originally scheduled for June 4.")
    assert not incidental("Monday", "The council vote is scheduled for Monday.")


def test_a_lead_in_pointing_back_and_an_inner_connective_are_no_part_of_a_development():
    from pipeline.developments import clean_wording

    assert clean_wording("That much is now clear: The mayor will resign.", {}) == (
        "The mayor will resign."
    )
    assert clean_wording("The union, meanwhile, said it would appeal.", {}) == (
        "The union said it would appeal."
    )
    kept = "This is the second flood: the river rose again."
    assert clean_wording(kept, {}) == kept


def test_a_standfirst_or_key_point_above_the_first_full_sentence_supports_but_is_not_shown():
    lead = "Harbour Board closed the Kelby slipway on Monday after divers found cracked piles."
    brief = merge_extractions(
        [
            told(
                "S1",
                "As boat owners scramble for berths, the board and its contractor trade blame",
                lead,
            ),
            told("S2", "- Slipway shut after divers find cracks", lead.replace("on Monday ", "")),
            told("S3", lead),
        ]
    )
    shown = [e.summary for e in brief.events if e.shown != "none"]
    assert shown and all(line.rstrip().endswith(".") for line in shown)
    assert not any("scramble" in e.summary or "Slipway shut" in e.summary for e in brief.events)


def test_a_line_with_a_closing_stop_is_shown_before_one_without():
    from pipeline.developments import neutrality_penalty

    assert neutrality_penalty("The board closed the slipway on Monday") > neutrality_penalty(
        "The board closed the slipway on Monday."
    )


def test_two_lines_giving_the_same_telling_numbers_state_one_fact():
    brief = merge_extractions(
        [
            told("S1", "The court upheld the fine against Seaway Lines on Monday."),
            told("S2", "The court upheld Seaway's fine, ruling on Monday."),
            told(
                "S3",
                "The fine is equivalent to about 2.7% of Seaway's 2024 revenue of 188 million euros.",
            ),
            told(
                "S4",
                "The penalty itself is modest: about 2.7 per cent of last year's €188m turnover.",
            ),
        ]
    )
    shown = [e.summary for e in brief.events if e.shown != "none"]
    assert sum("2.7" in line for line in shown) == 1


def test_ending_a_contract_or_dropping_a_contractor_is_sacking_it():
    sacked = set(tokens("The council sacked the caterer Tollbrook."))
    assert "sack" in set(tokens("The council ended its £38 million contract with Tollbrook."))
    assert "sack" in set(tokens("The trust terminated the four-year catering deal."))
    assert "sack" in set(tokens("Ministers tore up the contract last week."))
    assert "sack" in set(tokens("The council dropped the company that ran school meals."))
    assert "sack" in sacked
    # a figure that dropped is a fall, and a contract only signed is no sacking
    assert "sack" not in set(tokens("Output dropped 3 per cent."))
    assert "sack" not in set(tokens("The council signed a £38 million contract."))


def test_an_outlets_own_scoop_wording_gives_way_to_plain_wording():
    from pipeline.developments import _choose

    scoop = _unit("S1", "The Echo can reveal that the council sacked the caterer on Friday.",
                  {"sack": 0.7, "cater": 0.7})  # fmt: skip
    plain = _unit("S2", "The council sacked the caterer on Friday.", {"sack": 0.7, "cater": 0.7})
    group = Cluster()
    group.add(scoop)
    group.add(plain)
    assert _choose(group) is plain
    alone = Cluster()
    alone.add(scoop)
    assert _choose(alone) is scoop  # its own wording where it alone reports it


def test_the_main_developments_line_is_one_of_its_own_members_not_a_folded_repeat():
    from pipeline.developments import _choose

    sacked = _unit("S1", "The council sacked the caterer after an outbreak.",
                   {"sack": 0.7, "cater": 0.5, "outbr": 0.5})  # fmt: skip
    lab = _unit("S2", "The caterer was sacked after a lab confirmed the outbreak strain.",
                {"sack": 0.7, "cater": 0.5, "outbr": 0.5, "lab": 0.1})  # fmt: skip
    group = Cluster()
    group.add(sacked)
    group.own = [sacked]
    group.add(lab)  # folded in later as a repeat of the shown line
    assert _choose(group) is sacked


def test_two_leads_giving_rival_counts_of_one_evacuation_are_one_development():
    from values import figure

    def counted(x, n, value, outcome, claimant=None):
        number = figure(x.source.id, n, value, "people", claimant)
        return x.model_copy(update={"figures": [number.model_copy(update={"outcome": outcome})]})

    ordered_out = "About 1,900 people were ordered out of their homes on Sunday after water was found seeping through the embankment of a 141-year-old dam above Tavenham."  # fmt: skip
    evacuated = "Emergency crews pumped water out of the reservoir on Monday after some 2,300 people were evacuated from Tavenham, the council said."  # fmt: skip
    pumps = "Fire crews used pumps to lower the water level in the reservoir by a metre."
    school = "The village school is shut until further notice and the road is closed."
    brief = merge_extractions(
        [
            counted(told("S1", ordered_out, pumps, school), 1, "1,900", "ordered out"),
            counted(
                told("S2", ordered_out.replace("About", "Around"), school, pumps),
                1,
                "1,900",
                "ordered out",
            ),  # fmt: skip
            counted(told("S3", evacuated, pumps, school), 1, "2,300", "evacuated", "the council"),
            counted(told("S4", evacuated, school, pumps), 1, "2,300", "evacuated", "the council"),
        ]
    )
    shown = [e.summary for e in brief.events if e.shown != "none"]
    assert sum("1,900" in line or "2,300" in line for line in shown) == 1, shown
    [difference] = [d for d in brief.differences if d.kind == "figures"]
    assert [c.value for c in difference.claims] == ["1,900", "2,300"]


def test_a_count_written_with_a_thousands_comma_is_never_a_year():
    from pipeline.developments import ages, number_tokens

    assert number_tokens("About 1,900 people were ordered out.") == {"#1,900"}
    assert number_tokens("The dam was built in 1884 and 2,300 fled.") == {"#2300"}
    assert ages("a 141-year-old dam; Pallister, aged 58") == {"#141", "#58"}


def test_a_post_holder_dismissed_is_sacked_a_claim_dismissed_is_denied():
    assert "sack" in tokens("The council has dismissed its chief executive over the costs.")
    assert "sack" in tokens("Councillors voted to terminate Ms Tolhurst's contract.")
    assert "sack" not in tokens("He dismissed the chief executive's claims.")
    assert "deny" in tokens("She dismissed the allegations.")


def test_a_time_of_day_in_words_is_the_same_token_as_in_figures():
    assert "@18:40" in tokens("The ferry went onto the rocks at twenty to seven on Friday evening.")
    assert "@18:40" in tokens("The ferry ran aground at 6.40pm on Friday.")
    assert "@6:30" in tokens("Staff arrived at half past six.")  # the half of the day unsaid
    assert "@23:15" in tokens("The alarm sounded at quarter past eleven at night.")
    assert "@10" in tokens("Doors open at ten o'clock.")
    assert "#10" not in tokens("Doors open at ten o'clock.")


def test_a_ruling_overturned_in_other_words_and_a_ban_by_any_name_are_one_act():
    assert set(tokens("The court annulled the blanket ban.")) == set(
        tokens("The court struck down the blanket prohibition.")
    )
    overturned = tokens("overturned")[0]
    assert overturned in tokens("Judges quashed the order.")
    assert overturned in tokens("The ruling was set aside on appeal.")
    # a post holder removed is sacked; a thing removed is not
    assert "sack" in tokens("Councillors voted to remove Marianne Tolhurst.")
    assert "sack" not in tokens("Crews removed the debris.")


def test_next_year_and_next_month_are_the_year_and_month_they_name():
    from datetime import date

    filed = date(2025, 10, 15)
    late = tokens("The hall is now not expected to open until the middle of next year.", filed)
    dated = tokens("The hall is now expected to open in mid-2026.", filed)
    assert {"mid", "#2026"} <= set(late) & set(dated)
    assert "novem" in tokens("The audit will be released next month.", filed)
    assert "#2024" in tokens("Profits fell last year.", filed)
    assert "next" in tokens("The hall opens next year.")  # no date: left as written


def test_a_chronology_box_entry_is_clustered_but_never_shown_as_a_development():
    from pipeline.developments import chronology_entry

    assert chronology_entry("Nov 30 - Leak found at dawn; alert raised 11.20 a.m.; area cleared")
    assert chronology_entry("14 August 2025 - Merger referred for an in-depth investigation")
    assert chronology_entry("March 2023: Inspection calls for spillway repairs")
    assert not chronology_entry("Nov 30 - The council said on Monday it would act.")
    assert not chronology_entry("2024 was the driest year on record.")
    first = told(
        "S1",
        "Water was seen leaking through the embankment of the Kelby dam early on Sunday.",
        "Dec 1 - Leak found 6.40 a.m.; major incident declared; evacuation ordered 1 p.m.",
    )
    second = told(
        "S2",
        "Water was found leaking through the Kelby dam's embankment on Sunday morning.",
        "Police ordered the evacuation of 400 homes below the Kelby dam on Sunday.",
    )
    brief = merge_extractions([first, second])
    assert not any(e.summary.startswith("Dec 1") for e in brief.events if e.shown != "none")


def test_an_article_that_leads_on_the_same_names_is_on_the_story_however_it_is_worded():
    from pipeline.developments import units_of

    wire = [
        "Halbrook Pharmaceuticals said Tuesday it will close its inhaler plant in Dunmore by "
        "next summer, eliminating about 1,200 jobs.",
        "The company said the move would save roughly $85 million a year.",
        "Shares in the company rose 4% in afternoon trading.",
    ]
    trade = [
        "Halbrook Pharmaceuticals will shut its Dunmore inhaler plant, saving $85 million a "
        "year, it said on Tuesday.",
        "Analysts at Corbel Securities called the decision overdue.",
        "The company employs about 14,000 people worldwide.",
    ]
    local = [
        "Halbrook Pharmaceuticals will close its Monahan Avenue plant by July, ending six "
        "decades of manufacturing in Dunmore.",
        "Mayor Patricia Kowalczyk said the borough learned of the closure from a news alert.",
        "The borough council will discuss the closure at its meeting on Monday.",
        "Longtime employee Joe Brennan, a line mechanic for 27 years, said it came as a shock.",
    ]
    units = units_of(
        [told("S1", *wire, headline="Halbrook to close Dunmore inhaler plant"),
         told("S2", *trade, headline="Halbrook closes Dunmore site to save $85m"),
         told("S3", *local, headline="Halbrook to close Dunmore plant; borough blindsided")]
    )  # fmt: skip
    assert off_topic(units, {}, ["S1", "S2", "S3"]) == {}


def test_the_line_shown_gives_the_figure_most_sources_give_not_a_lone_rival():
    from pipeline.developments import _choose, _vectorise, story_figures

    wire = _body(
        "S1",
        1,
        "DUNMORE, Pa. (AP) — Halbrook Pharmaceuticals said Tuesday it will close its inhaler "
        "plant in northeastern Pennsylvania by next summer, eliminating about 1,200 jobs and "
        "shifting production of its BreezEase children's asthma inhaler to a contract "
        "manufacturer in Ireland.",
    )
    tabloid = _body(
        "S3",
        1,
        "The firm will shut its plant in Dunmore, Pennsylvania, with the loss of 1,400 jobs, "
        "and move production of the BreezEase puffer to Ireland.",
    )
    local = _body("S2", 1, "A company spokeswoman said about 1,200 employees would be affected.")
    units = [wire, tabloid, local]
    _vectorise(units)
    group = Cluster()
    group.add(wire)
    group.add(tabloid)
    assert _choose(group) is tabloid  # the shorter, plainer version, all else equal
    assert "#1200" in story_figures(units, {}) and "#1400" not in story_figures(units, {})
    group.minority = {"#1400": frozenset({"#1200"})}  # one source gives 1,400 jobs, two 1,200
    assert _choose(group) is wire


def test_tabloid_verbs_of_attack_and_cutting_make_a_version_less_neutral():
    plain = "The opposition critic said ministers had cut water inspections from four to one."
    for loaded in (
        "The opposition critic has torn into ministers, saying they slashed inspections.",
        "The opposition critic said ministers had cut water inspections to the bone.",
    ):
        assert neutrality_penalty(loaded) > neutrality_penalty(plain)


def test_a_release_announcing_its_own_statement_is_no_development():
    from pipeline.developments import own_coverage

    assert own_coverage(
        "Harrow Plastics, a leading processor of recycled plastics, today issued the following "
        "statement regarding the fire at its Canal Street site."
    )
    assert not own_coverage("Harrow Plastics said its sprinklers worked as designed.")


def test_counts_of_people_moved_out_are_one_disputed_figure_and_rivals_are_not_marked(tmp_path):
    (tmp_path / "wire.txt").write_text(
        "Fire forces hundreds from homes in Carrow\n\n"
        "CARROW, Ore. (AP) — A fire that tore through a timber yard forced about 300 residents "
        "from their homes overnight, officials said Tuesday.\n\n"
        "Fire Chief Dana Pruitt said the blaze was under control by dawn.\n",
        encoding="utf-8",
    )
    (tmp_path / "tabloid.txt").write_text(
        "TIMBER INFERNO\n\n"
        "Terrified families were forced to flee their homes in Carrow as a fire tore through a "
        "timber yard overnight.\n\n"
        "Around 340 people were turfed out of their homes, Fire Chief Dana Pruitt said.\n",
        encoding="utf-8",
    )
    (tmp_path / "local.txt").write_text(
        "Carrow timber yard fire\n\n"
        "About 320 people were evacuated from homes near the Carrow timber yard overnight, "
        "Fire Chief Dana Pruitt said.\n\n"
        "The blaze was under control by dawn, Pruitt said.\n",
        encoding="utf-8",
    )
    brief = run_folder(tmp_path, None).brief
    [people] = [g for g in brief.figures if g.differs]
    assert sorted(c.value for c in people.claims) == ["300", "320", "340"]
    # a source giving a rival of the line's figure, and never the line's, is not marked on it
    from pipeline.developments import rival_sources

    line = _body("S1", 1, "A fire forced about 300 residents from their homes overnight.")
    unfigured = _body("S2", 1, "Terrified families were forced to flee their homes overnight.")
    rival = _body("S2", 2, "Around 340 people were turfed out of their homes.")
    both = _body("S3", 1, "Police said 300 people left; the council said 340.")
    units = [line, unfigured, rival, both]
    members = [line, unfigured, both]
    disputed = [frozenset({"#300", "#340"})]
    assert rival_sources(line, members, units, disputed) == {"S2"}
    assert rival_sources(line, members, units, []) == set()  # no dispute: no rival


def test_a_local_angle_telling_what_another_tells_on_the_same_day_is_on_the_story():
    from pipeline.developments import units_of

    wire = [
        "A fire at the Carrow timber yard forced about 300 residents from their homes.",
        "The city council will hold a special hearing on the fire on June 17.",
        "Fire Chief Dana Pruitt said the blaze was under control by dawn.",
    ]
    trade = [
        "A fire at the Carrow timber yard forced some 300 residents from their homes.",
        "The company said its sprinklers had worked as designed.",
        "Shares in the company fell 4% in early trading.",
    ]
    local = [
        "When the sirens started, Rosa Jimenez went door to door along Pope Avenue.",
        "By midnight, sixty neighbours were drinking coffee in the church hall.",
        "Jimenez said the block club would bring a bus of residents to the council's hearing "
        "on the fire on June 17.",
        "The block club is collecting receipts from families who paid for hotels.",
    ]
    stray = [
        "Voters in Duluth approved an $18 million library renovation on Tuesday.",
        "Library director Carolyn Sturdevant said work would start in the spring.",
        "The council will hear bids for the work on June 24.",
    ]
    units = units_of(
        [told("S1", *wire), told("S2", *trade), told("S3", *local), told("S4", *stray)]
    )
    cluster(units)
    assert set(off_topic(units, {}, ["S1", "S2", "S3", "S4"])) == {"S4"}


def test_a_thin_top_is_filled_with_what_one_outlet_tells_high_in_its_report():
    # four outlets that share one development and each tell their own part of the story
    shared = "Halworth Foods will close its Dunmore bakery in March, with the loss of 300 jobs."
    brief = merge_extractions(
        [
            told("S1", shared, "Workers will be offered severance and the chance to transfer.",
                 "The company's lawyer declined to comment."),
            told("S2", "Halworth Foods is to shut its Dunmore bakery in March, cutting 300 jobs.",
                 "The county workforce board will hold a job fair for the bakery's staff."),
            told("S3", "Halworth Foods said on Tuesday it would close the Dunmore bakery.",
                 "Bakers at the plant said they learned of the closure from a news alert.",
                 "The union said it would fight the decision in the courts."),
        ]
    )  # fmt: skip
    shown = {e.summary: e.shown for e in brief.events}
    for line in (
        "Workers will be offered severance and the chance to transfer.",
        "The county workforce board will hold a job fair for the bakery's staff.",
        "The union said it would fight the decision in the courts.",
    ):
        assert shown[line] == "single"
    # a sentence that only says someone gave no answer is no line of its own
    assert shown["The company's lawyer declined to comment."] == "none"


def test_a_single_another_outlet_also_says_is_a_key_development_not_only_in_one_source():
    # clustering put the tabloid's 'have BEEN DOCKED 15 POINTS' apart; another outlet says
    # the line all the same (said_elsewhere): the line is no longer 'only in one source'
    report = run_folder(STORIES / "club-points-deduction", None)
    assert not [
        e.summary for e in report.brief.events if e.shown == "single" and len(e.sources) > 1
    ]
    promoted = [e for e in report.brief.events if "DOCKED" in e.summary.upper()]
    assert promoted and all(e.shown in ("key", "none") for e in promoted)


def test_no_comment_sentences_are_told_apart_from_a_refusal_with_news_in_it():
    assert no_comment("Kessler's lawyer declined to comment.")
    assert no_comment("The company did not respond to a request for comment on Tuesday.")
    assert no_comment("A spokesman could not be reached for comment.")
    assert no_comment("Police were not immediately available for comment.")
    assert no_comment("The operator has not yet responded.")
    assert not no_comment(
        "The council has not responded to the union's letter, and the strike will go ahead "
        "on Monday as planned."
    )
    assert not no_comment("Halworth declined to say how many workers would be offered transfers.")
    assert not no_comment(
        "The minister declined to comment on the report but said the plan would go ahead "
        "next year with more money for schools."
    )


def test_every_sentence_of_a_quotation_of_several_is_someone_s_words_not_a_development():
    # British style: a quotation of two sentences, its paragraph left open (it goes on in the
    # next): the second sentence is hers as much as the first, in either quote style
    for open_, close in (("'", "'"), ("“", "”")):
        text = (
            "Ferry fares to rise in spring\n\n"
            "The island's ferry operator will raise fares by 12 per cent from April.\n\n"
            f"Commuter Jane Hollis, 41, said: {open_}I'm worried. Last year we were already "
            "choosing between the crossing and the weekly shop.\n\n"
            f"{open_}Nobody asked the people who use it every day.{close}\n"
        )
        article = Article(id="S1", path="a.txt", text=text, sha256="x", title="Fares to rise")
        found = [s.text for s in reported_sentences(prepare_article(article))]
        assert found[-1].startswith("The island's ferry operator"), found
        assert not any("choosing between" in line for line in found)


def test_a_foreign_wires_copy_that_tells_two_developments_and_names_the_storys_names_is_on_it(
    tmp_path,
):
    """A foreign wire's copy (its own capital's dateline, its own officials and market) that
    tells two of the others' developments and names four names two other sources or more
    use is on the story, however few of its sentences match; the brief's title is never the
    headline of an article left out."""
    folder = tmp_path / "story"
    folder.mkdir()
    lead = (
        "Caldmoor Council's planning committee approved a £300 million expansion of Port "
        "Hallam on Tuesday by seven votes to four."
    )
    owner = "The port is majority owned by Tamsin Harbours, which will fund most of the work."
    callin = "The government has 21 days to call in the decision."
    for name, extra in (
        ("a_herald.txt", "Campaigners from the Hallam Estuary Trust protested outside."),
        ("b_echo.txt", "The Hallam Estuary Trust said it would consider a legal challenge."),
        ("c_news.txt", "Dredging is due to start next spring, the Tamsin Harbours chief said."),
    ):
        (folder / name).write_text(
            f"Port Hallam expansion approved\n\n{lead} {owner} {extra} {callin}\n",
            encoding="utf-8",
        )
    (folder / "d_wire.txt").write_text(
        "Tamsin Harbours to invest £300 mn in UK port after council nod\n\n"
        "SINGAPORE, Oct 15 (Straits Press) - Tamsin Harbours will invest about £300 million in "
        "expanding Port Hallam after Caldmoor Council cleared the project by seven votes to "
        "four on Tuesday, the company said. Shares of the group rose 3.1 per cent on the "
        "Singapore Exchange. Trade minister Lim Wei Jie welcomed the decision in parliament. "
        "The British government has 21 days in which it can call in the council's decision. "
        "The Hallam Estuary Trust has opposed the dredging.\n\n"
        "Analysts at Raffles Quay brokerage Merlion Capital said the project was a long-dated "
        "bet. Tamsin Harbours bought its stake in 2021 from Osprey Infrastructure Fund. The "
        "group also runs terminals in Penang, Batam and Colombo. Its chairman, Goh Swee Lin, "
        "told the Business Times the group wanted more European assets. Opposition MP Pritam "
        "Nair questioned the priority given to overseas projects. The Maritime and Port "
        "Authority of Singapore declined to comment on the British plan. Chief financial "
        "officer Daniel Teo said the group would borrow from DBS and OCBC.\n",
        encoding="utf-8",
    )
    brief = run_folder(folder, None).brief
    assert not brief.off_topic
    assert brief.title == "Port Hallam expansion approved"


def test_all_of_a_counted_group_told_again_with_its_facts_words_is_a_detail_of_it():
    """'All three are being treated for mild hypothermia' after 'Three passengers were taken
    to hospital with mild hypothermia': the same three, the same fact; 'All four were
    released' names another count, and 'Both were released' shares no word of the fact."""

    def told(text: str, source: str = "S2") -> Unit:
        return Unit(source, 5, text, "body", 4, None, dict.fromkeys(tokens(text), 1.0))

    shown = told("Three passengers were taken to hospital with mild hypothermia.", "S1")

    assert refers_back(told("All three are being treated for mild hypothermia."), shown)
    assert not refers_back(told("All four are being treated for mild hypothermia."), shown)
    assert not refers_back(told("Both were released on bail later that evening."), shown)


def test_a_broadcasts_moment_and_a_go_ahead_in_other_words():
    """'voted … a little over an hour ago' tells the broadcast's moment, a worse line than a
    dated version; 'given the go-ahead' and 'the green light' are approval."""
    dated = "The planning committee approved the harbour expansion on Tuesday night by seven votes."
    on_air = "The planning committee voted seven to four in favour a little over an hour ago."
    assert neutrality_penalty(on_air) > neutrality_penalty(dated)
    assert "appro" in tokens("Councillors have given the go-ahead to the expansion.")
    assert "appro" in tokens("The expansion was given the green light on Tuesday.")


def test_a_sitting_adjourned_for_a_quarter_of_an_hour_is_one_suspended_for_15_minutes():
    adjourned = tokens("The hearing was adjourned for a quarter of an hour after shouting.")
    suspended = tokens("The chair suspended the hearing for 15 minutes after shouting.")
    assert len(set(adjourned) & set(suspended)) >= 3


def test_the_same_agencys_copy_on_another_story_is_judged_on_its_own(tmp_path):
    """Both stories carry an 'Allied Press' wire copy: a shared credit under another dateline,
    sharing no sentence, makes no copy of the story's own wire; the stray is kept out."""
    folder = tmp_path / "river-spill"
    shutil.copytree(STORIES / "river-spill", folder, ignore=shutil.ignore_patterns("labels.json"))
    shutil.copyfile(STORIES / "voter-rolls" / "3_wire.txt", folder / "zz_wire.txt")
    brief = run_folder(folder, None).brief
    assert [o.path for o in brief.off_topic] == ["zz_wire.txt"]


def test_a_pronoun_opening_the_sentence_before_names_no_one_for_his_or_her():
    from pipeline.developments import subject_name

    assert subject_name("He has since lost a boot deal with a sportswear maker.") is None
    assert subject_name("She told the court she had no memory of it.") is None
    assert subject_name("Coach Dana Rhee said the club would appeal.") == "Coach Dana Rhee"


def test_a_line_disputing_a_partys_figure_answers_that_partys_count_wherever_told():
    """A line that gives its own count and says it disputes a party's figure ('disputing
    the ministry's estimate') answers the count that party gives, however far apart the
    outlets tell the two: one disputed figure, one development. Not a line that gives no
    count of its own, nor a claim of another party, nor a claim giving no other count; and
    a third telling with both counts repeats the pair."""
    from pipeline.developments import _repeats, disputes_figure, responds

    def at(sid: str, text: str, rank: int) -> Unit:
        return _plain_unit(sid, text, rank)

    claim = _cluster_of(
        at("S1", "The ministry found that about 46,500 tenants had been overcharged.", 2),
        at("S2", "The ministry said some 46,500 tenants paid too much rent.", 3),
    )
    reply = _cluster_of(
        at(
            "S1",
            "The landlord group says 31,200 tenants were affected, disputing the "
            "ministry's estimate.",
            9,
        ),  # fmt: skip
        at("S2", "The landlord group puts the number at 31,200.", 11),
    )
    assert disputes_figure(reply, claim) and responds(reply, claim)
    assert not disputes_figure(claim, reply)
    vague = _cluster_of(at("S1", "The landlord group is disputing the ministry's figure.", 9))
    assert not disputes_figure(vague, claim)  # no count of its own
    other = _cluster_of(
        at("S1", "The tenants' union counted 46,500 overcharged tenants.", 2),
        at("S2", "The union said 46,500 tenants had paid too much.", 3),
    )
    assert not disputes_figure(reply, other)  # not the ministry's figure
    same = _cluster_of(at("S1", "The ministry found that 31,200 tenants were affected.", 2))
    assert not disputes_figure(reply, same)  # no other count: nothing disputed
    claim.reply = reply
    both = _cluster_of(
        at(
            "S3",
            "The ministry's 46,500 figure counts every tenancy; the landlord group says "
            "31,200 tenants were affected.",
            5,
        ),  # fmt: skip
        at(
            "S4",
            "The landlord group says 31,200 tenants were affected, against the ministry's 46,500.",
            6,
        ),  # fmt: skip
    )
    assert _repeats(both, claim, [*claim.members, *reply.members])


def test_an_acquisition_and_a_takeover_are_one_development():
    vote = [
        told("S1", "Shareholders approved Corvel's takeover of Marlin on Monday."),
        told("S2", "Investors backed the acquisition of Marlin by Corvel at a meeting on Monday."),
        told("S3", "The chain's staff were told of the news at a meeting in Leeds."),
    ]
    brief = merge_extractions(vote)
    [deal] = [e for e in brief.events if "Marlin" in e.summary]
    assert deal.independent_sources == 2


def test_a_sentence_that_only_names_the_same_people_says_nothing_of_the_line():
    from pipeline.developments import shares_predicate

    line = "Port director Ana Ruiz has been suspended by the port authority."
    assert not shares_predicate("The port director, Ana Ruiz, gave a different account.", line)
    assert shares_predicate("The port authority suspended Ana Ruiz on Monday.", line)
    assert shares_predicate("Ana Ruiz has BEEN SUSPENDED.", line)  # a tabloid shouts


def test_a_sentence_that_only_tells_a_mood_is_a_lead_in_not_the_line():
    mood = "Ana Ruiz, who has run the port since 2019, was defiant."
    said = "Ana Ruiz, who has run the port since 2019, called the suspension a stitch-up."
    assert neutrality_penalty(mood) > neutrality_penalty(said) + 2


@pytest.mark.parametrize("label", ["Key points: ", "Update 16:50: ", "What we know so far: "])
def test_a_page_s_label_is_no_part_of_a_development_s_wording(label):
    assert clean_wording(f"{label}The ferry ran aground off Kelby.", {}) == (
        "The ferry ran aground off Kelby."
    )


def test_the_same_act_told_of_the_same_named_person_is_one_development():
    from pipeline.developments import same_act

    assert same_act(
        "Ana Ruiz was detained for two hours and released without charge.",
        "Harbour campaigner Ana Ruiz has been detained by police, her lawyer said.",
    )
    assert not same_act("Ana Ruiz said the police lied.", "Ana Ruiz said she would return.")
    assert not same_act("Ana Ruiz was detained.", "Tom Ede was detained.")
