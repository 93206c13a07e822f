"""Figures: quantities with unit, scale, range and claimant; non-figures left out; grouping
that flags only real differences; the handed cases of these kinds."""

from __future__ import annotations

from pathlib import Path

import pytest
from values import extraction, figure

from pipeline.merge import merge_extractions
from pipeline.render import render_markdown
from pipeline.rules.figures import claimant_cue, find_figures, number_style
from pipeline.rules.text import time_phrase
from pipeline.run import run_folder
from tools.evaluate_figures import evaluate, parse_labels

ROOT = Path(__file__).resolve().parents[1]
# shared/ lies beside the repository (CI), or beside the folder of work trees (a work tree)
CASES = [ROOT.parent / "shared" / "cases", ROOT.parent.parent / "shared" / "cases"]


def _case(name: str) -> Path:
    folder = next((c / name for c in CASES if (c / name).is_dir()), CASES[0] / name)
    if not folder.is_dir():
        pytest.skip(f"shared case {name} not present beside the repository")
    return folder


def _one(text: str):
    [found] = find_figures(text)
    return found


@pytest.mark.parametrize(
    ("text", "written", "number", "unit", "scale"),
    [
        ("The film cost $170 million to make.", "$170 million", 170e6, "USD", "million"),
        ("The film cost $170m to make.", "$170m", 170e6, "USD", "million"),
        ("The bid was worth £3bn in all.", "£3bn", 3e9, "GBP", "billion"),
        ("Its value rose to 3.8 billion euros.", "3.8 billion euros", 3.8e9, "EUR", "billion"),
        ("It is building a 1.2-billion-euro campus.", "1.2-billion-euro", 1.2e9, "EUR", "billion"),
        ("Output fell 7.5 per cent in May.", "7.5 per cent", 7.5, "%", None),
        ("They hold 250sq km of land.", "250sq km", 250, "km²", None),
        ("Her salary is £30k a year.", "£30k", 30e3, "GBP", "thousand"),
        (
            "Die Stadt baute 1.000 neue Wohnungen und die Kosten sind hoch.",
            "1.000",
            1000,
            None,
            None,
        ),
    ],
)
def test_a_figure_keeps_value_unit_and_scale(text, written, number, unit, scale):
    found = _one(text)
    assert (found.value, found.number, found.unit, found.scale) == (written, number, unit, scale)
    assert text[found.start : found.end] == written


def test_a_range_is_a_range_and_a_conversion_in_brackets_is_not_another_figure():
    found = _one("Between 2,000-3,000 jobs could go.")
    assert (found.value, found.number, found.high, found.counts) == (
        "2,000-3,000",
        2000,
        3000,
        "jobs",
    )
    [campus] = find_figures("A 1.2-billion-euro (US$1.3-billion) production campus.")
    assert campus.counts == "production campus"


@pytest.mark.parametrize(
    "text",
    [
        "The conference met in 1884, and the streets were named in the 1880s.",
        "A 40-year-old man and a 69-year-old defector were there.",
        "The mayor, Ann Lee, 61, said nothing.",
        "Question 1: will it work? See page 12 and note [3].",
        "They agreed a five-year plan and a 26-year lease.",
        "The 21st summit opened at 10:30 GMT on Flight 370.",
        "Call 020 7946 0958 or +1 212 555 0134 for details.",
        "Riverside won 3-1 and the court gave a 5-4 ruling.",
        "He served for 12 years.",
        "The gates were locked shortly before 6 p.m. on Sunday.",
    ],
)
def test_dates_ages_durations_identifiers_times_phones_and_scores_are_not_figures(text):
    assert find_figures(text) == []


def test_what_a_figure_counts_comes_from_its_own_phrase():
    text = (
        "The report found that 67,000 research staff were on fixed-term contracts, alongside "
        "30,000 contracted teaching staff, many of them paid by the hour."
    )
    assert [f.counts for f in find_figures(text)] == [
        "research staff",
        "contracted teaching staff",
    ]
    # an elliptical second number counts what the first does
    text = "Around 3,000 soldiers were deployed, with a total of 10,000 expected by December."
    assert [f.counts for f in find_figures(text)] == ["soldiers", "soldiers"]
    killed = _one("About 650,000 Russian soldiers had been killed or wounded.")
    assert (killed.counts, killed.outcome) == ("Russian soldiers", "killed or wounded")


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Between 2,000-3,000 jobs could be affected, the union said.", "the union"),
        ("The bid was worth £3bn, according to analysts at Example Capital.", "analysts at Example Capital"),
        ("Council President Dana Ortiz, 58, said the budget funds 350 new officers.", "Council President Dana Ortiz"),
        ("Maria Keller: We passed 25 million users in March.", "Maria Keller"),
        ("Prices climbed to $412,000, the realtors' association said, up 4 percent.", "the realtors' association"),
        ("About 5,000 troops were sent, he said.", None),
    ],
)  # fmt: skip
def test_the_claimant_is_who_the_sentence_credits(sentence, claimant):
    offset = find_figures(sentence)[0].start
    assert claimant_cue(sentence, offset) == claimant


def test_a_condition_or_a_relative_verb_after_a_sum_is_not_what_it_counts():
    # 'once …' says when the sum applies; the cost is what the sentence says it is of
    [bill] = find_figures("She said the cost could reach $9 million once new piers were added.")
    assert bill.counts == "cost"
    # 'a forecast that climbed to': 'that' opens a clause, its verb names nothing counted
    [forecast] = find_figures("The survey gave a forecast that climbed to £4m by spring.")
    assert forecast.counts == ""
    [rise] = find_figures("Rents went up by 5%, and that increase of 5% hurt.")[1:]
    assert rise.counts == "increase"


def test_numbers_of_one_source_about_different_things_are_never_a_difference():
    brief = merge_extractions(
        [
            extraction(
                "S1",
                figures=[
                    figure("S1", 1, "67,000", "research staff"),
                    figure("S1", 2, "30,000", "contracted teaching staff"),
                    figure("S1", 3, "1,250", "new cases"),
                    figure("S1", 4, "980", "new cases"),
                ],
            )
        ]
    )
    assert not any(g.differs for g in brief.figures)
    assert not [d for d in brief.differences if d.kind == "figures"]


def test_a_range_and_an_up_to_its_high_end_agree_and_unlabelled_figures_stand_alone():
    up_to = figure("S2", 1, "3,000", "jobs").model_copy(update={"qualifier": "as many as"})
    ranged = figure("S1", 1, "2,000", "jobs").model_copy(
        update={"value": "2,000-3,000", "high": 3000.0}
    )
    loose = [figure("S1", 2, "5", ""), figure("S2", 2, "7", "")]
    brief = merge_extractions(
        [extraction("S1", figures=[ranged, loose[0]]), extraction("S2", figures=[up_to, loose[1]])]
    )
    [jobs] = [g for g in brief.figures if g.counts == "jobs"]
    assert not jobs.differs and len(jobs.claims) == 2
    assert [len(g.claims) for g in brief.figures if not g.counts] == [1, 1]


def test_soldiers_and_troops_are_one_count_and_killed_is_not_wounded():
    killed = figure("S1", 1, "600,000", "Russian troops").model_copy(
        update={"outcome": "killed or wounded"}
    )
    other = figure("S2", 1, "650,000", "Russian soldiers").model_copy(
        update={"outcome": "killed or wounded"}
    )
    dead = figure("S2", 2, "70,000", "Russian troops").model_copy(update={"outcome": "killed"})
    brief = merge_extractions(
        [extraction("S1", figures=[killed]), extraction("S2", figures=[other, dead])]
    )
    flagged = [g for g in brief.figures if g.differs]
    assert [g.counts for g in flagged] == ["Russian troops killed or wounded"]
    assert [c.number for c in flagged[0].claims] == [600000, 650000]


def test_number_style_follows_the_language():
    assert number_style("Die Stadt hat und der Bürgermeister sagte, dass die Zahl nicht") == (
        "continental"
    )
    assert number_style("The city said that the figure was not final.") == "en"


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The minister unveiled a five-year plan on Monday.", "on Monday"),
        ("A 30-year-old man was arrested on Tuesday.", "on Tuesday"),
        ("The yearly report came out last week.", "last week"),
        ("They have worked there for years.", None),
    ],
)
def test_time_phrases_match_whole_words_and_prefer_a_day(sentence, phrase):
    assert time_phrase(sentence) == phrase


def test_the_labelled_figure_set_is_large_and_readable():
    documents, differs = parse_labels()
    numbers = sum(len(d.figures) + len(d.not_figures) for d in documents)
    assert numbers >= 150 and len({d.style for d in documents}) >= 8
    score = evaluate()
    assert score.gold == sum(len(d.figures) for d in documents)
    assert differs


# --- the handed cases ---------------------------------------------------------------------


def test_money_keeps_its_unit_and_scale_and_the_same_value_is_one_claim():
    brief = run_folder(_case("money-and-scale"), None).brief
    # the case's articles are a few lines long: its brief leaves the figures to the JSON for
    # length; shown, they are written as the sources write them
    assert "figures" in brief.left_to_json
    markdown = render_markdown(brief.model_copy(update={"left_to_json": []}))
    for written in ("$170 million", "£3bn", "3.8 billion euros", "2,000-3,000", "1.2-billion-euro"):
        assert written in markdown
    claims = {c.number: c for g in brief.figures for c in g.claims}
    assert claims[170e6].sources == ["S1", "S2"] and set(claims[170e6].written) == {
        "$170 million",
        "$170m",
    }
    assert claims[3e9].sources == ["S1", "S2"]
    assert claims[2000].high == 3000
    for group in brief.figures:
        assert len({c.unit for c in group.claims}) == 1
        assert not group.differs
    euros = [g for g in brief.figures if g.unit == "EUR"]
    assert len(euros) == 2  # the company's value and the campus are not one quantity


def test_two_kinds_of_staff_are_two_quantities():
    brief = run_folder(_case("figure-labels"), None).brief
    by_number = {c.number: g for g in brief.figures for c in g.claims}
    assert by_number[67000] is not by_number[30000]
    assert "research" in by_number[67000].counts and "teaching" in by_number[30000].counts
    assert "(sources differ)" not in render_markdown(brief)


def test_years_and_decades_are_not_figures():
    brief = run_folder(_case("years-are-not-figures"), None).brief
    numbers = [c.number for g in brief.figures for c in g.claims]
    assert numbers == [500]
    assert brief.figures[0].counts == "residents"


def test_question_numbers_are_not_figures():
    brief = run_folder(_case("interview-format"), None).brief
    assert brief.figures == []


def test_a_dateline_sets_the_day_a_weekday_is_resolved_from():
    from pipeline.extract import rules_only_extraction
    from pipeline.read import Article

    text = (
        "Minister quits\n\nLONDON, Nov 12 (Wirepress) - The minister resigned on Monday after "
        "a five-year inquiry, her office said.\n"
    )
    article = Article(
        id="S1", path="a.txt", text=text, sha256="x", title="Minister quits", date="2024-11-20"
    )
    [event, *_] = rules_only_extraction(article).events
    # Tuesday 12 November is when the story was filed: its Monday is the 11th, not the 18th
    assert (event.when, event.date) == ("on Monday", "2024-11-11")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Some 2,000 to 3,000 people were evacuated.", [(2000, 3000, None, "people")]),
        ("It raised $2m-$3m from backers.", [(2e6, 3e6, "USD", "")]),
        ("The plan costs Rs 500 crore.", [(5e9, None, "INR", "plan")]),
        (
            "Numbers fell from 5 to 10 people.",
            [(5, None, None, "people"), (10, None, None, "people")],
        ),
    ],
)
def test_ranges_scales_and_changes(text, values):
    assert [(f.number, f.high, f.unit, f.counts) for f in find_figures(text)] == values


# --- units: pounds of weight and of money, temperatures ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "written", "unit"),
    [
        ("Divers raised a 500-pound bomb from the harbour.", "500-pound", "lb"),
        ("Fishermen landed 1,200 pounds of cod on Friday.", "1,200 pounds", "lb"),
        ("Nobody will pay me back for 300 pounds of brisket, he said.", "300 pounds", "lb"),
        ("The calf weighed 90 pounds at birth.", "90 pounds", "lb"),
        ("A 25lb sack of flour split open.", "25lb", "lb"),
        ("The club was fined 20,000 pounds by the league.", "20,000 pounds", "GBP"),
        ("Its profit rose to 7 million pounds last year.", "7 million pounds", "GBP"),
        ("The scheme won a 2 million pound grant in May.", "2 million pound", "GBP"),
        ("Sales reached 4.1 million pounds ($5.2 million) in all.", "4.1 million pounds", "GBP"),
        ("The council put 40,000 pounds of public money into signs.", "40,000 pounds", "GBP"),
        ("A ticket for the final costs £40.", "£40", "GBP"),
        # a sum scaled in millions, or a sentence that gives or shares a cost, is sterling
        ("The trust said it would chip in 3.6 million pounds.", "3.6 million pounds", "GBP"),
        ("Its share of the contribution came to 800,000 pounds.", "800,000 pounds", "GBP"),
        ("The lorry carried 2 million pounds of grain, 900 tonnes.", "2 million pounds", "lb"),
    ],
)
def test_a_pound_after_a_number_is_a_weight_unless_its_sentence_speaks_of_money(
    sentence, written, unit
):
    found = find_figures(sentence)[0]
    assert (found.value, found.unit) == (written, unit)


@pytest.mark.parametrize(
    ("sentence", "written", "number", "unit", "counts"),
    [
        ("It is seven hundred and twelve flats, not the six hundred promised.",
         "seven hundred and twelve", 712.0, None, "flats"),
        ("So they are spending one point eight billion on it, she said.",
         "one point eight billion", 1.8e9, None, ""),
        ("Fans were handing over thirty euros, forty euros each to get in.",
         "thirty euros", 30.0, "EUR", ""),
        ("Just over ninety-two per cent of the members said yes.", "ninety-two per cent",
         92.0, "%", "members"),
        ("Roughly four thousand two hundred workers walked out.",
         "four thousand two hundred", 4200.0, None, "workers"),
    ],
)  # fmt: skip
def test_a_number_written_out_in_words_is_read_whole(sentence, written, number, unit, counts):
    found = find_figures(sentence)[0]
    assert (found.value, found.number, found.unit) == (written, number, unit)
    assert found.counts == counts


@pytest.mark.parametrize(
    ("sentence", "written", "sides"),
    [
        ("The board carried the motion by nine votes to three on Monday.",
         "nine votes to three", (9.0, 3.0)),
        ("Governors voted eleven to six to close the sixth form.", "eleven to six", (11.0, 6.0)),
        ("The assembly passed the budget 31-12 after midnight.", "31-12", (31.0, 12.0)),
        ("It was a 6-5 vote, the narrowest this year.", "6-5", (6.0, 5.0)),
    ],
)  # fmt: skip
def test_a_vote_tally_is_one_figure_with_both_sides(sentence, written, sides):
    [tally] = find_figures(sentence)
    assert (tally.value, (tally.number, tally.against), tally.counts) == (written, sides, "votes")


def test_tallies_that_differ_on_the_losing_side_are_told_apart():
    def tally(sid: str, value: str, against: float):
        return figure(sid, 1, "9", "votes").model_copy(update={"value": value, "against": against})

    brief = merge_extractions(
        [
            extraction("S1", figures=[tally("S1", "9-3", 3.0)]),
            extraction("S2", figures=[tally("S2", "nine votes to four", 4.0)]),
        ]
    )
    [votes] = brief.figures
    assert votes.differs and [c.value for c in votes.claims] == ["9-3", "nine votes to four"]


def test_what_a_weight_is_of_comes_from_its_phrase_or_the_thing_weighed():
    [seed] = find_figures("The bear ate about 40 pounds of birdseed from the feeders.")
    assert seed.counts == "birdseed"  # a noun in '-eed' is no participle
    [bear] = find_figures("Rangers moved a bear weighing 280 pounds to the hills.")
    assert bear.counts == "bear"
    [theirs] = find_figures("We count 2,500 of their soldiers on the ridge.")
    assert theirs.counts == "soldiers"


@pytest.mark.parametrize(
    ("sentence", "written", "unit"),
    [
        ("Temperatures hit 41.3C in the south on Monday.", "41.3C", "°C"),
        ("Highs near 95F are forecast for the weekend.", "95F", "°F"),
        ("The water cooled to 80 degrees Celsius overnight.", "80 degrees Celsius", "°C"),
        ("The kiln runs at 1,200°C day and night.", "1,200°C", "°C"),
    ],
)
def test_a_temperature_keeps_its_scale_and_counts_nothing(sentence, written, unit):
    [reading] = find_figures(sentence)
    assert (reading.value, reading.unit, reading.counts) == (written, unit, "")


def test_a_letter_after_a_number_is_no_temperature_where_nothing_speaks_of_heat():
    found = find_figures("The band sold 40 copies of its single, 12C, in a week.")
    assert [(f.value, f.unit) for f in found] == [("40", None), ("12", None)]


# --- times, positions, addresses and ages are no quantities --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The twins, aged 5 and 6, were unhurt.",
        "Pupils aged about 9 took part.",
        "Flats at 22 and 24 Mill Road were evacuated.",
        "He has lived at 7 Elm Grove since the war.",
        "The depot at 1420 Oak Street is shut.",
        "The shop opens at 9 on Saturday morning.",
        "Shots were heard around 11 Friday night.",
        "Polls close at 7 and 8pm in the two states.",
        "She is ranked 3 in the world and seeded 2 here.",
        "Questions 3, 4 and 5 were the hardest.",
        "“He's 72 and as fit as anyone,” his wife said.",
        "The firm won contracts between 2019 and 2023 without a tender.",
        "“It is overdue,” said resident Dai Rowe, 58.",
        "“We were never asked,” said Nia Bevan, 41, who runs the bakery.",
    ],
)
def test_times_positions_addresses_and_ages_are_no_figures(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("The death toll stood at 9 on Friday.", ["9"]),
        ("The toll rose to 9 on Friday.", ["9"]),
        ("In 2019 and 2020, 40 people died.", ["40"]),
        ("Questions 3 and 4 were hard, and 20 pupils failed.", ["20"]),
        ("Officers seized 9 guns at 14 Hill Road on Monday.", ["9"]),
        ("Police arrested 12 and charged 4 on Friday.", ["12", "4"]),
    ],
)
def test_a_count_beside_a_time_a_list_or_an_address_is_still_a_figure(sentence, written):
    assert [f.value for f in find_figures(sentence)] == written


# --- who claims a figure ------------------------------------------------------------------


def _claimants(text: str, model: dict[str, str] | None = None) -> dict[str, str | None]:
    """Each figure's value -> its claimant in the article's extraction, the model's answers
    (figure id -> claimant) standing where rules find none."""
    from pipeline.extract import Labels, assemble_extraction, prepare_article
    from pipeline.read import Article
    from schemas.extraction import ExtractionStats

    prepared = prepare_article(Article(id="S1", path="a.txt", text=text, sha256="x"))
    labels = Labels(claimants=model or {})
    extraction = assemble_extraction(prepared, labels, ExtractionStats())
    return {f.value: f.claimant for f in extraction.figures}


def test_a_pronoun_crediting_a_figure_stands_for_the_speaker_before_it():
    text = (
        "Harbour master Ines Dahl said 14 ferries had been cancelled.\n\n"
        "She said about 3,000 passengers were stranded on the quay.\n"
    )
    assert _claimants(text) == {"14": "Ines Dahl", "3,000": "Ines Dahl"}


def test_a_figure_in_a_quotation_is_its_speakers():
    text = (
        "Fleet commander Oskar Lind spoke at the naval base on Monday.\n\n"
        "“Over 400 of our sailors have been ill this winter,” he said.\n\n"
        "“We count 12 ships in the harbour,” said Lind.\n"
    )
    assert _claimants(text) == {"400": "Oskar Lind", "12": "Oskar Lind"}


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("The army aims to field 6,000 troops there by spring, intelligence reports suggest.", "intelligence reports"),
        ("Many more could follow, with 9,000 in all by June, reports claim.", "reports"),
        ("According to reports, the navy has lost 3 frigates.", "reports"),
        ("Western intelligence believes 2,000 troops have crossed.", "Western intelligence"),
        ("Officials estimate 4,500 homes were flooded.", "Officials"),
        ("Union leaders say 300 jobs will go, not the 230 claimed by Harlow Mills.", "Harlow Mills"),
        ("The plant will bring 350 jobs, not the 400 the company promised, the mayor said.", "the company"),
        ("Experts fear data on 500,000 people leaked, far more than the 310,000 admitted by red-faced bosses.", "red-faced bosses"),
        ("Most fell ill, far more than the 27 cases officials have admitted to.", "officials"),
        ("MP Jo Hale blasted ministers, claiming as many as 41 people are ill.", "MP Jo Hale"),
    ],
)  # fmt: skip
def test_reports_intelligence_and_a_figures_own_phrase_name_its_claimant(sentence, claimant):
    offset = find_figures(sentence)[-1].start
    assert claimant_cue(sentence, offset) == claimant


def test_a_description_opening_on_a_word_in_ed_is_still_a_claimant():
    from pipeline.merge import claimant_name

    assert claimant_name("red-faced hospital bosses") == "red-faced hospital bosses"
    assert claimant_name("published in April") is None


def test_a_value_a_sentence_rejects_and_a_headline_label_have_no_claimant():
    sentence = "Mr Cole says the full report puts the cost at up to $21m, not $14m."
    [high, low] = find_figures(sentence)
    assert claimant_cue(sentence, high.start) == "the full report"
    assert claimant_cue(sentence, low.start) is None
    headline = "TANKS ROLL: 2,000 troops on the march"
    assert claimant_cue(headline, find_figures(headline)[0].start) is None
    # a transcript's speaker in capitals is still one
    answer = "MARIA KELLER: We passed 25 million users in March."
    assert claimant_cue(answer, find_figures(answer)[0].start) == "MARIA KELLER"


def test_a_place_the_model_names_claims_a_figure_only_where_it_says_something():
    text = (
        "The regime sought help from Iran, which has supplied at least 200 missiles.\n\n"
        "Ostrenia aims to deploy 6,000 soldiers by the end of the year.\n\n"
        "Ostrenia has denied sending troops abroad.\n"
    )
    answers = {"F1": "Iran", "F2": "Ostrenia"}
    assert _claimants(text, answers) == {"200": None, "6,000": "Ostrenia"}
    # a description of a source named near the figure is taken as the model gives it
    seen = text.replace("The regime sought", "In the view of the regime's generals, it sought")
    assert _claimants(seen, {"F1": "the regime's generals"})["200"] == "the regime's generals"


# --- what a figure counts must agree before figures are one quantity ------------------------


@pytest.mark.parametrize(
    ("sentence", "sense"),
    [
        ("The plant, which employs about 600 people, will stay open.", "workforce"),
        ("Some 600 people work there on three shifts.", "workforce"),
        ("Dunmore, a market town of 9,400 people, lost its bank.", "population"),
        ("The valley is home to about 20,000 people.", "population"),
        ("The trust runs two hospitals serving half a million people.", "served"),
        ("The council says the hall holds 400 people.", "capacity"),
        ("The army aims to deploy a total of 6,000 soldiers by spring.", "planned"),
        ("About 3,000 were sent, with 10,000 expected to be sent by May.", "planned"),
        ("The firm has a target of 500 new stores.", "planned"),
        ("At least 1,500 soldiers had already arrived at the front.", "happened"),
        ("The navy moved at least 3,000 sailors east.", "happened"),
        ("About 11 people are being treated in hospital.", None),
    ],
)
def test_a_figures_clause_says_what_kind_of_count_it_is(sentence, sense):
    written_in_digits = [
        f for f in find_figures(sentence) if f.scale or any(c.isdigit() for c in f.value)
    ]
    assert written_in_digits[-1].sense == sense


def _group(*figures):
    """The figure groups of figures given as (source, value, counts, claimant, sense)."""
    from pipeline.merge import merge_figures

    by_source: dict[str, list] = {}
    for n, (sid, value, counts, claimant, sense) in enumerate(figures, 1):
        made = figure(sid, n, value, counts, claimant).model_copy(update={"sense": sense})
        by_source.setdefault(sid, []).append(made)
    return merge_figures([extraction(sid, figures=found) for sid, found in by_source.items()])


def test_a_population_a_workforce_and_people_treated_are_never_one_quantity():
    groups = _group(
        ("S1", "2,300", "people", "the health service", None),
        ("S2", "2,500", "people", "the council", "population"),
        ("S3", "2,400", "people", "the company", "workforce"),
    )
    assert not any(g.differs for g in groups)
    assert sorted(g.counts for g in groups) == [
        "people",
        "people (population)",
        "people (workforce)",
    ]


def test_a_planned_figure_and_one_that_happened_are_two_quantities():
    groups = _group(
        ("S1", "3,000", "troops", "officials", "happened"),
        ("S2", "10,000", "troops", "reports", "planned"),
        ("S3", "2,500", "troops", "monitors", None),
    )
    [happened] = [g for g in groups if g.differs]
    assert [c.value for c in happened.claims] == ["2,500", "3,000"]
    assert [g.counts for g in groups if not g.differs] == ["troops (planned or expected)"]


def test_an_increment_is_not_the_whole_and_plans_for_other_times_are_not_one():
    from pipeline.merge import merge_figures

    whole = figure("S1", 1, "6,000", "soldiers", "intelligence").model_copy(
        update={"sense": "planned"}
    )
    more = figure("S2", 1, "3,500", "soldiers", "reports").model_copy(update={"sense": "planned"})

    def flagged(a, b):
        groups = merge_figures([extraction("S1", figures=[a]), extraction("S2", figures=[b])])
        return [g.counts for g in groups if g.differs]

    assert flagged(whole, more) == ["soldiers (planned or expected)"]
    # 'another 3,500' counts those added, not the whole
    assert flagged(whole, more.model_copy(update={"qualifier": "another"})) == []
    # plans for different times are different quantities
    by_monday = whole.model_copy(
        update={"sentence_text": "Some 6,000 soldiers were set to join by Monday."}
    )
    by_year = more.model_copy(
        update={"sentence_text": "It aims to deploy 3,500 soldiers by the end of the year."}
    )
    assert flagged(by_monday, by_year) == []


def test_a_figure_in_a_quotation_left_unattributed_has_no_claimant_either():
    from pipeline.extract import Labels, assemble_extraction, prepare_article, speaker_candidates
    from pipeline.read import Article
    from schemas.extraction import ExtractionStats

    text = (
        "Fleet commander Oskar Lind met the port's mayor, Ana Varga, on Monday.\n\n"
        "“Over 400 of our sailors have been ill this winter,” he said.\n"
    )
    prepared = prepare_article(Article(id="S1", path="a.txt", text=text, sha256="x"))
    [quote] = prepared.quotes
    assert (quote.cue, quote.confident) == ("Oskar Lind", False)  # a guess the model checks
    varga = next(c.id for c in speaker_candidates(prepared) if c.name == "Ana Varga")
    for answer, claimant in ((None, "Oskar Lind"), (varga, None)):
        labels = Labels(speakers={quote.id: answer} if answer else {})
        extraction = assemble_extraction(prepared, labels, ExtractionStats())
        assert [q.speaker for q in extraction.quotes] == [claimant]
        assert [f.claimant for f in extraction.figures] == [claimant]


def test_no_less_than_is_a_lower_bound_not_less_than():
    from pipeline.rules.figures import find_figures

    (found,) = find_figures("The audit put the losses at no less than $38 million.")
    assert found.qualifier == "no less than"


def test_the_kind_of_a_sum_is_read_from_the_words_beside_it():
    """The nearest word naming a kind of sum, in the figure's clause: a noun right after it,
    a verb or noun before it; a change told 'by' a sum is a change; words past 'to', 'by' or
    'once' belong to another phrase."""
    from pipeline.rules.figures import money_kind

    cases = {
        ("The charity lost £2.5m on the bond fund.", "£2.5m"): "loss",
        ("Auditors put the losses at £2m or more.", "£2m"): "loss",
        ("She was fined €40,000 by the regulator.", "€40,000"): "fine",
        ("a €90,000 golden handshake for the outgoing boss", "€90,000"): "severance",
        ("He is owed 12 months’ salary, about $180,000.", "$180,000"): "severance",
        ("The bill for the new bridge has blown out by more than £9m.", "£9m"): "change",
        ("She committed $20 million to two funds managed by her cousin.", "$20 million"): (
            "investment"
        ),
        ("The trust, which manages about $4bn, said nothing.", "$4bn"): "assets",
        ("Bail was set at $250,000.", "$250,000"): "bail",
        ("A figure of $3m, once fees paid to advisers are added.", "$3m"): None,
        ("It is a $2bn plan.", "$2bn"): None,
    }
    for (sentence, value), kind in cases.items():
        assert money_kind(sentence, value) == kind, sentence


def test_a_line_that_lists_a_figure_under_a_name_credits_that_name():
    """'- Police: 40 arrests', 'The regulator's auditors, Grey & Pike: at least £3m': the
    name before the colon gives the figure; a label ('Deaths: 7') or a shouted headline is
    no one."""
    cases = {
        "- Police: 40 people were arrested.": "Police",
        "- The regulator's auditors, Grey & Pike: at least £3m, according to a draft.": "Grey & Pike",
        "• The union: 3,000 marched.": "The union",
        "Deaths: 7 confirmed so far.": None,
        "RIOT CHAOS: 3,000 people on the march": None,
    }
    for line, who in cases.items():
        number = find_figures(line)[0]
        assert claimant_cue(line, number.start) == who, line


def test_counts_written_in_words_are_figures():
    """News writes counts under ten in words: 'seven deaths', 'Nine passengers were taken
    to hospital', 'twenty-three variations'; not a duration, a reference ('the two sides')
    or a word number of a larger figure ('two million')."""
    found = {f.value: (f.number, f.counts) for f in find_figures(
        "Nine passengers were taken to hospital and seven deaths were recorded. The firm "
        "ordered twenty-three variations over three days. The two sides met. Two million "
        "people watched."
    )}  # fmt: skip
    assert found["Nine"] == (9.0, "passengers")
    assert found["seven"] == (7.0, "deaths")
    assert found["twenty-three"] == (23.0, "variations")
    assert "three" not in found and "two" not in found
    assert found["Two million"][0] == 2_000_000


def test_a_key_numbers_list_line_says_what_it_counts_and_who_gives_it():
    """'* 7 - deaths, all on the drug (company count)', '* 11+ - deaths cited by the
    families' group': what follows the dash is counted; a bracket or 'cited by' credits."""
    lines = "  * 7 - deaths, all on the drug (company count)\n  * 11+ - deaths cited by the families' group"
    first, second = find_figures(lines.splitlines()[0])[0], find_figures(lines.splitlines()[1])[0]
    assert first.counts == "deaths" and second.counts == "deaths"
    assert claimant_cue(lines.splitlines()[0], first.start) == "company"
    assert claimant_cue(lines.splitlines()[1], second.start) == "the families' group"


def test_a_places_possessive_count_of_people_is_its_population_and_hospital_is_an_outcome():
    found = find_figures("For Tarrow's 2,400 residents the bridge is a lifeline.")[0]
    assert found.sense == "population"
    taken = find_figures("Seven people were taken to hospital after the crash.")[0]
    assert taken.outcome == "taken to hospital"
    assert find_figures("Ann Lee's 40 employees were told.")[0].sense is None


def test_people_set_apart_by_what_they_did_are_a_part_not_the_whole():
    """'24 people who had booked but did not turn up' is no count of those aboard; 'a bear
    that wandered in' is still the bear."""
    part = find_figures("The total included 24 people who had booked but did not sail.")[0]
    assert part.outcome == "booked"
    assert find_figures("A ferry carrying 243 people ran aground.")[0].outcome is None
    assert find_figures("A 300-pound bear that wandered in was moved.")[0].outcome is None


def test_a_passive_participle_after_a_count_is_no_claimant():
    from pipeline.rules.figures import claimant_cue

    said = "Of the 52 pupils taken ill, nine have been admitted, the health board said."
    assert claimant_cue(said, said.find("52")) == "the health board"
    plain = "By noon, 52 pupils had been seen by doctors, and nine had been admitted."
    assert claimant_cue(plain, plain.find("52")) is None


def test_the_other_few_are_a_part_not_a_rival_count_of_the_whole():
    found = find_figures("The other two insurers could not be reached for comment.")
    assert found[0].sense == "part"
    brief = merge_extractions(
        [
            extraction("S1", figures=[figure("S1", 1, "3", "insurers")]),
            extraction("S2", figures=[figure("S2", 1, "3", "insurers")]),
            extraction(
                "S3",
                figures=[figure("S3", 1, "2", "insurers").model_copy(update={"sense": "part"})],
            ),
        ]
    )
    assert not any(g.differs for g in brief.figures)


def test_a_number_word_before_a_measure_keeps_its_unit():
    found = find_figures("The lake must fall by four metres after nearly four inches of rain.")
    assert [(f.value, f.number, f.unit) for f in found] == [
        ("four metres", 4.0, "m"),
        ("four inches", 4.0, "in"),
    ]


def test_people_told_to_leave_are_one_count_however_each_source_words_it(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Villages cleared below cracked weir\n\n"
        "About 1,200 people were ordered out of their homes on Sunday, police said. "
        "Some 90 people spent the night at a rest centre.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Weir scare empties two villages\n\n"
        "Some 1,500 residents were evacuated on Sunday, the county council said. "
        "Nearly 120 people slept at the rest centre.\n",
        encoding="utf-8",
    )
    groups = run_folder(folder, None).brief.figures
    told = sorted([c.value for c in g.claims] for g in groups if g.differs)
    assert told == [["1,200", "1,500"], ["90", "120"]]


@pytest.mark.parametrize(
    "sentence, counts",
    [
        ("The blaze forced about 300 residents from their homes overnight.", "residents"),
        ("Around 340 people were turfed out of their homes on Monday.", "people"),
        ("The fire chief put the number of people evacuated at about 320.", "number of people"),
    ],
)
def test_people_moved_out_of_their_homes_were_evacuated(sentence, counts):
    [figure] = find_figures(sentence)
    assert (figure.counts, figure.outcome) == (counts, "evacuated")


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        ("Shocking figures seen by this paper show 2,500 tonnes were piled up.", None),
        ("Documents obtained by the Herald show 2,500 tonnes were piled up.", None),
        ("Figures released by the council show 2,500 tonnes were piled up.", "the council"),
    ],
)
def test_papers_name_their_author_as_claimant_never_the_press_that_saw_them(sentence, claimant):
    assert claimant_cue(sentence, sentence.index("2,500")) == claimant


def test_an_emergency_number_is_no_count():
    assert find_figures("It was contained 11 hours after the first 911 call.") == []
    assert find_figures("Neighbours dialled 999 as the roof caught fire.") == []
    assert [f.value for f in find_figures("About 911 homes lost power.")] == ["911"]


@pytest.mark.parametrize(
    "sentence",
    [
        "FIVE people were rushed to hospital suffering from the cold.",
        "Three people have been taken to Westvale General Hospital, the ambulance service said.",
        "Four walkers were airlifted to the Royal Cairn Infirmary.",
    ],
)
def test_people_taken_to_hospital_in_other_words_were_hospitalised(sentence):
    [found] = find_figures(sentence)
    assert found.outcome == "hospitalised"


def test_a_change_of_a_count_gives_its_second_value_what_the_first_counts():
    text = "The union said the company had cut its maintenance team from nine engineers to five."
    assert [(f.number, f.counts) for f in find_figures(text)] == [
        (9.0, "engineers"),
        (5.0, "engineers"),
    ]


def test_small_outcome_counts_and_the_value_of_one_thing_are_rival_accounts(tmp_path):
    """Three taken to hospital and FIVE: one count told two ways, though five is more than
    half again three; 'a £50 voucher' and 'a £150 voucher': the value of one thing. A
    change one source tells whole ('from nine engineers to five') is no rivalry with
    another source's 'five engineers'."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Gondola stalls over gorge\n\n"
        "Three people were taken to Westvale General Hospital, the ambulance service said. "
        "Every passenger will receive a full refund and a £150 voucher. The union said the "
        "company had cut its maintenance team from nine engineers to five.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "GONDOLA HELL\n\n"
        "FIVE people were rushed to hospital suffering from the cold. The firm has offered "
        "passengers a paltry £50 voucher. We were down to five engineers, one worker said.\n",
        encoding="utf-8",
    )
    groups = run_folder(folder, None).brief.figures
    told = sorted(sorted(c.value for c in g.claims) for g in groups if g.differs)
    assert told == [["FIVE", "Three"], ["£150", "£50"]]


def test_a_live_blogs_bullet_is_no_part_of_the_claimant():
    from pipeline.merge import claimant_name

    assert claimant_name("- Operator") == "Operator"
    assert claimant_name("• the county council") == "the county council"
    assert claimant_name("-") is None


def test_a_count_in_a_hyphened_adjective_counts_its_own_noun():
    """'a 900-page statement' counts pages, so never joins '900 jobs' told elsewhere."""
    [pages] = find_figures("We were given a 900-page environmental statement to read.")
    assert (pages.number, pages.counts) == (900.0, "page")
    [jobs] = find_figures("The port says 900 jobs will be created.")
    assert jobs.counts == "jobs"


def test_a_value_the_speaker_sets_aside_is_not_their_claim_and_makes_no_difference(tmp_path):
    """'"…, not 90," she said': the 90 she rejects is no claim of hers, and one claimant's
    two values are never printed as sources that differ."""
    folder = tmp_path / "story"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(
            "Depot closure worse than announced, drivers say\n\n"
            '"We have the rota in front of us, and the true figure is 100, not 90," said '
            "Rhiannon Pugh of the drivers' branch.\n",
            encoding="utf-8",
        )
    brief = run_folder(folder, None).brief
    claims = {c.value: c.claimant for g in brief.figures for c in g.claims}
    assert claims == {"100": "Rhiannon Pugh", "90": None}
    assert not [d for d in brief.differences if d.kind == "figures"]


def test_one_claimants_two_values_are_no_difference():
    brief = merge_extractions(
        [
            extraction("S1", figures=[figure("S1", 1, "140", "drivers", "Rhiannon Pugh")]),
            extraction("S2", figures=[figure("S2", 1, "150", "drivers", "Rhiannon Pugh")]),
        ]
    )
    assert not brief.figures[0].differs


@pytest.mark.parametrize(
    ("sentence", "value", "claimant"),
    [
        ("Eight wards were shut, according to Prof. Amal Haddad, the trust's medical director.",
         "Eight", "Prof. Amal Haddad"),
        ("The trust itself put the shortfall at £9m on Friday.", "£9m", "The trust"),
        ("The regulators now estimate that 70 sites are affected.", "70", "The regulators"),
    ],
)  # fmt: skip
def test_a_claimant_keeps_a_titles_full_stop_and_drops_a_reflexive_or_adverb(
    sentence, value, claimant
):
    assert claimant_cue(sentence, sentence.index(value)) == claimant


def test_the_official_count_a_sentence_outbids_is_not_its_speakers_claim():
    sentence = (
        "Volunteers at the Riverside Trust have logged 31 collapses, four more than the "
        "official count of 27."
    )
    assert claimant_cue(sentence, sentence.index("27")) is None


def test_a_dose_is_a_measure_in_milligrams_or_micrograms():
    dose, trace = find_figures(
        "Each capsule held 2.5 milligrams of the compound and 40 mcg of zinc."
    )
    assert (dose.unit, dose.counts, trace.unit) == ("mg", "compound", "µg")


def test_counts_of_places_something_happened_are_rivals_only_when_close():
    """Where samples were bought ('in three regions') and where a product was sold ('in
    eight regions') are two facts, not rival accounts, though two claimants give them."""
    brief = merge_extractions(
        [
            extraction("S1", figures=[
                figure("S1", 1, "3", "regions", "the laboratory").model_copy(
                    update={"sentence_text": "Samples were bought in 3 regions, the laboratory said."}
                )
            ]),
            extraction("S2", figures=[
                figure("S2", 1, "8", "regions", "the regulator").model_copy(
                    update={"sentence_text": "It was sold in 8 regions, the regulator said."}
                )
            ]),
        ]
    )  # fmt: skip
    assert not any(g.differs for g in brief.figures)


def test_a_value_at_the_end_of_a_range_agrees_with_it():
    def measured(sid: str, value: str, high: float | None):
        return figure(sid, 1, value.split("-")[0], "compound").model_copy(
            update={"value": value, "high": high, "unit": "mg"}
        )

    brief = merge_extractions(
        [
            extraction("S1", figures=[measured("S1", "3.1-3.8", 3.8)]),
            extraction("S2", figures=[measured("S2", "3.8", None)]),
        ]
    )
    assert not brief.figures[0].differs


def test_a_count_a_sentence_sets_above_the_official_one_is_a_rival_account():
    outbid = "Volunteers have logged 31 collapses, four more than the official count of 27."

    def count(sid: str, n: int, value: str, claimant: str | None, text: str):
        return figure(sid, n, value, "collapses", claimant).model_copy(
            update={"sentence_text": text}
        )

    brief = merge_extractions(
        [
            extraction("S1", figures=[
                count("S1", 1, "31", None, "Runners spoke of 31 collapses on the course."),
                count("S1", 2, "31", "Volunteers", outbid),
                count("S1", 2, "27", None, outbid),
            ]),
            extraction("S2", figures=[
                count("S2", 1, "27", "the ambulance service",
                      "The ambulance service said 27 collapses were recorded."),
            ]),
        ]
    )  # fmt: skip
    [collapses] = brief.figures
    assert collapses.differs


@pytest.mark.parametrize(
    "text",
    [
        "Closing prices are given in local money. (£1 = $1.2650)",
        "The stake is worth about 40 billion yen. (1 yen = 0.0067 dollars)",
        "The fund trades at 14x forward earnings, a broker said.",
        "The morning brought three pieces of bad news for the club.",
    ],
)
def test_an_exchange_rate_a_multiple_and_pieces_of_news_are_not_figures(text):
    assert [f.value for f in find_figures(text)] in ([], ["40 billion yen"])


def test_the_day_of_a_date_is_never_a_sums_number_for_clustering():
    from pipeline.developments import tokens

    dated = tokens("Markets Desk, 21 March 2025")
    assert "#21" in tokens("The offer values Corlan at $21bn.") and "#21" not in dated
    assert "@21mar" in dated and "@21mar" in tokens("It closed on March 21, officials said.")


def test_a_share_price_is_no_cost_and_cost_savings_are_savings():
    from pipeline.merge import _figure_key
    from pipeline.rules.figures import money_kind

    price = figure("S1", 1, "12.40", "Corlan's closing price").model_copy(update={"unit": "GBP"})
    assert _figure_key(price)[1] != "sum:cost"
    sentence = "Both boards promise £90m of yearly cost savings by 2028."
    assert money_kind(sentence, "£90m") == "savings"


def test_a_notes_first_person_is_its_publisher(tmp_path):
    """An analyst's note speaks as 'we': its figures are the publisher's, and one that
    differs from the companies' own is a difference between sources."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "note.md").write_text(
        "---\ntitle: Corlan and Pell: the savings look rich\noutlet: Ardmore Research\n---\n\n"
        "Corlan and Pell say the tie-up will save £90m a year in costs. We put the savings "
        "nearer £70m, because the two overlap in few depots.\n",
        encoding="utf-8",
    )
    (folder / "wire.txt").write_text(
        "Corlan and Pell agree merger\n\n"
        "The two companies said the merger would bring annual cost savings of £90m.\n",
        encoding="utf-8",
    )
    brief = run_folder(folder, None).brief
    claims = {c.value: c.claimant for g in brief.figures for c in g.claims}
    assert claims["£70m"] == "Ardmore Research"
    assert [d.kind for d in brief.differences if d.kind == "figures"] == ["figures"]


def test_a_claimant_does_not_reach_past_a_semicolon_into_a_clause_with_its_own_subject():
    sentence = "The operator says 410 flights ran on time; the watchdog's logs show 350."
    assert claimant_cue(sentence, sentence.index("410")) == "The operator"
    assert claimant_cue(sentence, sentence.index("350")) != "The operator"
    carried = "The operator says 410 flights ran; 12 of them late."
    assert claimant_cue(carried, carried.index("12")) == "The operator"


# --- speeds, number words, document furniture, 'over' and claimants that are no actors ------


@pytest.mark.parametrize(
    ("text", "written", "unit"),
    [
        ("Squalls of up to 95 kilometres an hour tore roofs off.", "95 kilometres an hour", "km/h"),
        ("The storm moved inland at 30 miles per hour.", "30 miles per hour", "mph"),
        ("Winds near the coast reached 40 knots.", "40 knots", "knot"),
        ("The truck was doing 60 km/h in the lane.", "60 km/h", "km/h"),
    ],
)
def test_a_distance_per_hour_is_a_speed(text, written, unit):
    found = _one(text)
    assert (found.value, found.unit) == (written, unit)


def test_a_speed_counts_what_is_named_before_it():
    found = _one("Squalls of up to 95 kilometres an hour tore roofs off.")
    assert found.counts == "Squalls"
    assert _one("The hamlet lies 12 miles north of the dam.").unit == "mile"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("“Two point six million households are waiting,” she said.", 2.6e6),
        ("'Nine point one billion dollars is gone,' he said.", 9.1e9),
        ("Twelve and a half million viewers tuned in.", 12.5e6),
    ],
)
def test_a_number_in_words_is_read_whole(text, number):
    assert _one(text).number == number


def test_list_numbers_footnotes_and_page_footers_are_no_figures():
    text = (
        "Some tips:\n\n1. Change your password.\n\n2. Call the helpline.\n\n"
        "Acme Holdings plc\nPage 2 of 4\n\nThe note is final.[^3]\n"
    )
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Treasurer resigns over £12m bridge contract", None),
        ("A row over $3bn pipeline deal split the cabinet.", None),
        ("The trust spent over £12m on agency nurses.", "over"),
        ("Over 300 flats were flooded.", "over"),
    ],
)
def test_over_as_a_preposition_is_no_approximation(text, qualifier):
    assert _one(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("In Redwater, police say about 2,500 people have left.", "police"),
        ("The audit released on Friday says £4m went missing.", "The audit"),
        ("The study issued last week says 800 pupils were absent.", "The study"),
        ("Whether all 4,000 are affected, I can't tell you.", None),
        ("“Do 50 of them know?” We won't guess.", None),
        ("Police put it at 700, above the 500 figure given earlier by organisers.", "organisers"),
    ],
)
def test_a_claimant_is_an_actor_not_a_place_a_participle_or_a_clause(sentence, claimant):
    offset = [m for m in range(len(sentence)) if sentence[m].isdigit()][-1]
    while offset and sentence[offset - 1] in "0123456789,":
        offset -= 1
    assert claimant_cue(sentence, offset) == claimant


# --- what is counted and which differences are genuine ----------------------------------------


def _figures_of(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.value, f.counts, f.outcome) for f in find_figures(text)]


def test_a_second_count_with_its_own_outcome_is_not_the_first():
    assert _figures_of("Inspectors listed 85 barns burned, 12 damaged.") == [
        ("85", "barns", None),
        ("12", "barns", "damaged"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "counts"),
    [
        ("Some 4,200 residents are under mandatory evacuation orders.", "4,200", "residents"),
        ("The flooding forced about 600 villagers to flee overnight.", "600", "villagers"),
        ("Deputies put the number of people under evacuation orders at 2,800.", "2,800", "people"),
    ],
)
def test_orders_to_leave_count_the_evacuated(text, value, counts):
    [found] = [f for f in find_figures(text) if f.value == value]
    assert (found.counts, found.outcome) == (counts, "evacuated")


def test_a_figure_noun_takes_the_count_of_the_value_it_is_set_against():
    text = "Police said 3,100 people had been evacuated, above the 2,600 figure given earlier."
    assert [(f.value, f.counts) for f in find_figures(text)] == [
        ("3,100", "people"),
        ("2,600", "people"),
    ]


def test_homes_and_other_buildings_count_as_buildings():
    [found] = find_figures("More than 90 homes and other buildings were razed.")
    assert found.counts.split()[-1] == "buildings"


def test_an_average_is_what_a_figure_is_of():
    [found] = find_figures("That compares with a five-year average of about 410 tonnes.")
    assert found.counts == "five-year average" or found.counts.endswith("average")


def test_the_values_of_a_change_over_time_are_no_rival_accounts():
    text = "The slick spread from about 20 square kilometres at noon to over 55 square kilometres by night."
    assert {f.sense for f in find_figures(text)} == {"change"}
    start = figure("S1", 1, "20", "slick").model_copy(update={"sense": "change", "unit": "km²"})
    now = figure("S2", 1, "61", "slick").model_copy(update={"unit": "km²"})
    brief = merge_extractions([extraction("S1", figures=[start]), extraction("S2", figures=[now])])
    assert not [d for d in brief.differences if d.kind == "figures"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a value and the same value rounded
        (("27", None, None), ("26.6", None, None)),
        # a value inside another source's range
        (("62", None, "about"), ("50", 70.0, "between")),
    ],
)
def test_rounding_and_a_value_within_a_range_are_no_difference(first, second):
    a = figure("S1", 1, first[0], "turnout", "Pollster A").model_copy(
        update={"unit": "%", "high": first[1], "qualifier": first[2]}
    )
    b = figure("S2", 1, second[0], "turnout", "Pollster B").model_copy(
        update={"unit": "%", "high": second[1], "qualifier": second[2]}
    )
    brief = merge_extractions([extraction("S1", figures=[a]), extraction("S2", figures=[b])])
    assert not [d for d in brief.differences if d.kind == "figures"]


def test_rival_tallies_of_the_evacuated_told_with_different_words_meet():
    one = "Roughly 7,000 residents have been ordered out, the county said."
    two = "Some 9,500 people are under evacuation orders, the governor said."
    made = []
    for sid, text in (("S1", one), ("S2", two)):
        [span] = find_figures(text)
        made.append(
            figure(
                sid, 1, span.value, span.counts, "the county" if sid == "S1" else "governor"
            ).model_copy(
                update={"outcome": span.outcome, "qualifier": span.qualifier, "sentence_text": text}
            )
        )
    brief = merge_extractions(
        [extraction("S1", figures=[made[0]]), extraction("S2", figures=[made[1]])]
    )
    assert [d for d in brief.differences if d.kind == "figures"]


def _article(text: str, **fields):
    from pipeline.read import Article

    return Article(id="S1", path="a.txt", text=text, sha256="0", **fields)


@pytest.mark.parametrize(
    ("text", "fields", "dollar"),
    [
        ("WINNIPEG — The province will spend $3 million on dikes.", {}, "CAD"),
        ("The council will spend $3 million on dikes.", {"dateline": "PERTH"}, "AUD"),
        ("The council will spend $3 million on dikes.", {"dateline": "DENVER"}, "USD"),
        ("OTTAWA — Canberra and Ottawa split a $3 million bill.", {"dateline": "Sydney"}, "$"),
        ("WASHINGTON — Canada's envoy said $3 million was pledged.", {}, "USD"),
    ],
)
def test_a_bare_dollar_is_the_dollar_of_the_place_the_article_is_from(text, fields, dollar):
    from pipeline.extract import dollar_currency

    assert dollar_currency(_article(text, **fields)) == dollar


def test_a_document_type_heading_is_no_house_voice():
    from pipeline.extract import prepare_article

    prepared = prepare_article(
        _article("Our review found that 2,300 accounts were opened.", outlet="Press Release")
    )
    assert prepared.house_voice is None
